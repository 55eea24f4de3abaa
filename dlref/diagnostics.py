"""Look inside a Keras model: gradient norms, dead ReLUs and activation statistics.

These three measurements power the vanishing-gradient and dying-ReLU examples:

* :func:`gradient_norms` -- how large the loss gradient is at each layer's weights;
  in a deep sigmoid network it shrinks by orders of magnitude towards the input.
* :func:`dead_relu_fraction` -- the share of ReLU units that output 0 for every
  sample (no gradient reaches their weights; plain gradient descent leaves them as
  they are unless their inputs change).
* :func:`activation_stats` -- mean and standard deviation of each layer's output.

Every function returns a ``dict`` keyed by layer name, in the order of
``model.layers`` (input to output), and runs the model in inference mode
(``training=False``: Dropout is off), so results are deterministic.
Keras (and its backend) is imported only inside the functions.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np

from . import _loss_messages
from ._i18n import _
from ._keras import gradients, import_keras
from ._loss_advisor import loss_setup
from ._validation import as_float_array, check_finite

if TYPE_CHECKING:  # pragma: no cover
    import keras

__all__ = ["gradient_norms", "dead_relu_fraction", "activation_stats"]


def _check_model(model: Any) -> None:
    keras = import_keras("dlref.diagnostics")

    if not isinstance(model, keras.Model):
        raise TypeError(
            _("model must be a keras.Model; got {type} {value!r}.",
              type=type(model).__name__, value=model)
        )
    if not model.built:
        raise ValueError(
            _("model {name!r} is not built yet (it has no weights); start it with "
              "keras.Input(shape=...) or call it on data once.", name=model.name)
        )


def _check_x(x: Any) -> np.ndarray:
    arr = as_float_array("x", x, allow_empty=False)
    check_finite("x", arr)
    if arr.ndim < 1:
        raise ValueError(
            _("x must have a batch axis first; got a scalar of shape {shape}.", shape=arr.shape)
        )
    # Keras layers default to float32; float64 inputs would only be cast back.
    return arr.astype(np.float32, copy=False)


def _single_shape(tensors: Any) -> tuple[int | None, ...] | None:
    """Return the shape of a model's only input or output (None: several or none)."""
    if not isinstance(tensors, (list, tuple)) or len(tensors) != 1:
        return None
    return tuple(tensors[0].shape)


def _model_shape(model: Any, which: str) -> tuple[int | None, ...] | None:
    try:  # a Sequential model without keras.Input has no inputs until it is called
        return _single_shape(getattr(model, which))
    except (AttributeError, ValueError):
        return None


def _check_x_fits(model: Any, x: np.ndarray) -> None:
    """Compare ``x`` with the model's input; Keras would answer with its input_spec text."""
    expected = _model_shape(model, "inputs")
    if expected is None:
        return
    sample = expected[1:]  # the batch axis may be None or a fixed number: only samples count
    if x.ndim == len(expected) and all(e is None or e == g for e, g in
                                       zip(sample, x.shape[1:], strict=True)):
        return
    shape = tuple(None if e is None else int(e) for e in (None, *sample))
    message = _("x has shape {given}, but model {name!r} takes inputs of shape {expected} "
                "(the first axis counts the samples).",
                given=x.shape, name=model.name, expected=shape)
    known = all(e is not None for e in sample)
    if known and x.shape == tuple(sample):
        message += " " + _("x looks like one sample without its batch axis: pass "
                           "x[np.newaxis], of shape {shape}.", shape=(1, *x.shape))
    elif known and x.ndim >= 1 and int(np.prod(x.shape[1:])) == int(np.prod(sample)):
        if len(sample) == 1:
            message += " " + _("Each sample of x holds {size} numbers, as the model's input "
                               "does: flatten the samples with x.reshape(len(x), -1).",
                               size=int(np.prod(sample)))
        else:
            target = ", ".join(str(int(d)) for d in sample)
            message += " " + _("Each sample of x holds {size} numbers, as the model's input "
                               "does: reshape the samples with x.reshape(-1, {target}).",
                               size=int(np.prod(sample)), target=target)
    raise ValueError(message)


def _check_y_fits(model: Any, y: np.ndarray) -> None:
    """Check ``y`` against the compiled loss and the output layer, in dlref's words.

    Keras would answer a one-hot ``y`` on a sparse loss, or a class id beyond the output
    units, with a TensorFlow error many frames deep.
    """
    key, _from_logits = loss_setup(getattr(model, "loss", None))
    output = _model_shape(model, "outputs")
    if key is None or output is None or len(output) != 2 or output[1] is None:
        return  # a loss dlref does not cover, or outputs that are not one row per sample
    units, n = int(output[1]), len(y)
    fields = {"name": model.name, "loss": key, "units": units, "shape": y.shape, "n": n,
              "last": units - 1}
    one_column = y.ndim == 1 or (y.ndim == 2 and y.shape[1] == 1)
    whole = bool(np.all(y == np.round(y))) and float(np.min(y)) >= 0
    if key == "sparse_categorical_crossentropy":
        if not one_column:
            one_hot = y.ndim == 2 and bool(np.all((y == 0) | (y == 1))) and bool(
                np.all(y.sum(axis=1) == 1))
            raise ValueError(
                _("y holds one-hot rows (shape {shape}), but model {name!r} is compiled with "
                  "loss={loss!r}, which takes one integer class id per sample: pass "
                  "y.argmax(axis=1).", **fields) if one_hot else
                _("y has shape {shape}, but model {name!r} is compiled with loss={loss!r}, "
                  "which takes one integer class id per sample, shape ({n},).", **fields))
        if not whole:
            raise ValueError(
                _("y holds values in [{low:.4g}, {high:.4g}] that are not class ids (whole "
                  "numbers from 0), but model {name!r} is compiled with loss={loss!r}, which "
                  "takes the class ids 0..{last} of its {units} output units.",
                  low=float(np.min(y)), high=float(np.max(y)), **fields))
        _check_class_range(y, fields)
    elif key == "categorical_crossentropy" and one_column and whole:
        _check_class_range(y, fields)
        raise ValueError(
            _("y holds integer class ids (shape {shape}), but model {name!r} is compiled with "
              "loss={loss!r}, which takes one-hot rows of shape ({n}, {units}): pass "
              "keras.utils.to_categorical(y, {units}).", **fields))
    elif not (y.ndim == 2 and y.shape[1] == units) and not (units == 1 and one_column):
        raise ValueError(
            _("y has shape {shape}, but model {name!r} outputs {units} value(s) per sample and "
              "its loss {loss!r} compares y with them one by one: pass y of shape ({n}, "
              "{units}).", **fields))


def _check_class_range(y: np.ndarray, fields: dict[str, Any]) -> None:
    top, units = int(np.max(y)), fields["units"]
    if top < units:
        return
    message = _("y contains class id {top}, but model {name!r} has {units} output units, which "
                "can only predict class ids 0..{last}.", top=top, **fields)
    if int(np.min(y)) == 1 and top == units:
        message += " " + _loss_messages.one_based_note()
    raise ValueError(message)


def _layer_outputs(model: Any, x: np.ndarray, layers: list[Any]) -> list[np.ndarray]:
    """Return the outputs of ``layers`` (a subset of ``model.layers``) on ``x``."""
    keras = import_keras("dlref.diagnostics")

    if not layers:
        return []
    if isinstance(model, keras.Sequential):
        # Walk the stack by hand: also works for Sequential models built without Input.
        wanted = {id(layer) for layer in layers}
        outputs: dict[int, np.ndarray] = {}
        h = keras.ops.convert_to_tensor(x)
        for layer in model.layers:
            h = layer(h, training=False)
            if id(layer) in wanted:
                outputs[id(layer)] = keras.ops.convert_to_numpy(h)
        return [outputs[id(layer)] for layer in layers]
    # model.input keeps the model's own input structure (a list would trigger a warning).
    probe = keras.Model(inputs=model.input, outputs=[layer.output for layer in layers])
    result = probe(x, training=False)
    if not isinstance(result, (list, tuple)):
        result = [result]
    return [keras.ops.convert_to_numpy(r) for r in result]


def gradient_norms(model: keras.Model, x: Any, y: Any) -> dict[str, float]:
    r"""Return the L2 norm of the loss gradient at each layer's kernel.

    For every layer with a ``kernel`` weight (``Dense``, ``Conv*``), in the order of
    ``model.layers`` (input to output), computes

    .. math:: \lVert \partial L / \partial W_\ell \rVert_2
              = \sqrt{\textstyle\sum_{ij} (\partial L / \partial W_{\ell,ij})^2},

    where :math:`L` is the model's compiled loss (averaged over the batch, plus
    any regularisation losses) on ``(x, y)``, evaluated with ``training=False``
    (Dropout off).  Biases are left out: the kernels show the vanishing-gradient
    effect most clearly.

    Parameters
    ----------
    model : keras.Model
        A built and compiled model (``model.compile(loss=...)``).
    x : array_like
        Input batch.
    y : array_like
        Targets, in the format the compiled loss expects.

    Returns
    -------
    dict of str to float
        ``{layer_name: norm}``, ordered from input to output.

    Raises
    ------
    TypeError
        If ``model`` is not a ``keras.Model`` or ``x`` is not numeric.
    ValueError
        If the model is not built or not compiled, ``x`` or ``y`` is not finite, ``x``
        and ``y`` differ in length, ``x`` does not have the shape of the model's input
        (the message says how to reshape it when the numbers per sample agree), or ``y``
        does not fit the compiled loss: one-hot rows for a sparse loss, class ids for a
        one-hot loss, a class id beyond the output units, a width other than the output's.

    See Also
    --------
    activation_stats : Forward-pass counterpart.
    dlref.models.build_mlp : Deep MLPs for the vanishing-gradient experiment.

    Examples
    --------
    A one-layer linear model :math:`\hat y = x w` with mean squared error has
    :math:`\partial L / \partial w = 2\,x (x w - y)` for a single sample:

    >>> import numpy as np
    >>> import keras
    >>> from dlref.diagnostics import gradient_norms
    >>> model = keras.Sequential([keras.Input((1,)),
    ...                           keras.layers.Dense(1, use_bias=False, name="lin")])
    >>> model.compile(loss="mse")
    >>> model.get_layer("lin").set_weights([np.array([[2.0]])])
    >>> gradient_norms(model, np.array([[3.0]]), np.array([[1.0]]))  # 2*3*(6-1)
    {'lin': 30.0}
    """
    _check_model(model)
    if getattr(model, "_compile_loss", None) is None and not model.losses:
        raise ValueError(
            _("model {name!r} has no loss: call model.compile(loss=...) first (models from "
              "dlref.models are already compiled).", name=model.name)
        )
    xa = _check_x(x)
    _check_x_fits(model, xa)
    ya = as_float_array("y", y)
    check_finite("y", ya)
    if ya.ndim == 0:
        raise ValueError(
            _("x and y must hold the same number of samples; got {nx} and a scalar.",
              nx=len(xa))
        )
    if len(ya) != len(xa):
        raise ValueError(
            _("x and y must hold the same number of samples; got {nx} and {ny}.",
              nx=len(xa), ny=len(ya))
        )
    _check_y_fits(model, ya)
    keras = import_keras("gradient_norms")

    layers = [layer for layer in model.layers if getattr(layer, "kernel", None) is not None]

    def loss():
        y_pred = model(xa, training=False)
        return model.compute_loss(x=xa, y=ya, y_pred=y_pred, training=False)

    grads = gradients(keras, loss, [layer.kernel for layer in layers], "gradient_norms")
    out: dict[str, float] = {}
    for layer, g in zip(layers, grads, strict=True):
        # A kernel the loss does not depend on has no gradient: its norm is 0.
        out[layer.name] = 0.0 if g is None else float(np.linalg.norm(g))
    return out


def _is_relu_layer(layer: Any) -> bool:
    keras = import_keras("dlref.diagnostics")

    if isinstance(layer, keras.layers.ReLU):
        # A ReLU layer with a negative slope or threshold is a leaky variant, not a pure ReLU.
        return not layer.negative_slope and not layer.threshold
    act = getattr(layer, "activation", None)
    return getattr(act, "__name__", None) == "relu"


def dead_relu_fraction(model: keras.Model, x: Any) -> dict[str, float]:
    """Return, per ReLU layer, the fraction of units that output 0 for every sample.

    A ReLU layer is a layer with ``activation="relu"`` (``Dense``, ``Conv*``,
    ``Activation("relu")``) or a plain ``keras.layers.ReLU``.  A unit is a position
    along the last (feature/channel) axis; it is *dead* on ``x`` if its output is
    exactly 0 for every sample (and every spatial position).  No gradient reaches a
    dead unit's weights, so plain gradient descent does not change them: a dead unit
    whose inputs are the fixed data stays dead.  A unit of a deeper layer can revive
    when the layers below it change its inputs, and momentum or weight decay move a
    dead unit's weights without any gradient.

    Parameters
    ----------
    model : keras.Model
        A built model.
    x : array_like
        Input batch; use a representative sample (e.g. a few hundred images).

    Returns
    -------
    dict of str to float
        ``{layer_name: fraction}`` with fractions in :math:`[0, 1]`, ordered from
        input to output; empty if the model has no ReLU layer.

    Raises
    ------
    TypeError
        If ``model`` is not a ``keras.Model`` or ``x`` is not numeric.
    ValueError
        If the model is not built, ``x`` is empty or not finite, or ``x`` does not have
        the shape of the model's input (the message says how to reshape it when the
        numbers per sample agree).

    See Also
    --------
    activation_stats : Mean and spread of every layer's output.

    Examples
    --------
    A bias of -100 kills every unit of a layer:

    >>> import numpy as np
    >>> import keras
    >>> from dlref.diagnostics import dead_relu_fraction
    >>> model = keras.Sequential([keras.Input((4,)),
    ...                           keras.layers.Dense(8, activation="relu", name="alive"),
    ...                           keras.layers.Dense(8, activation="relu", name="dead")])
    >>> model.get_layer("alive").set_weights([np.eye(4, 8), np.zeros(8)])
    >>> model.get_layer("dead").set_weights([np.ones((8, 8)), np.full(8, -100.0)])
    >>> dead_relu_fraction(model, np.ones((5, 4)))  # units 4..7 of 'alive' see only zeros
    {'alive': 0.5, 'dead': 1.0}
    """
    _check_model(model)
    xa = _check_x(x)
    _check_x_fits(model, xa)
    layers = [layer for layer in model.layers if _is_relu_layer(layer)]
    out: dict[str, float] = {}
    for layer, h in zip(layers, _layer_outputs(model, xa, layers), strict=True):
        per_unit = h.reshape(-1, h.shape[-1])
        out[layer.name] = float(np.mean(np.all(per_unit == 0, axis=0)))
    return out


def activation_stats(model: keras.Model, x: Any) -> dict[str, dict[str, float]]:
    r"""Return the mean and standard deviation of every layer's output on ``x``.

    For each layer of ``model.layers`` except the ``InputLayer`` (input to output),
    with :math:`h` all the output values over the batch,
    :math:`\mathrm{mean} = \frac1N \sum h` and
    :math:`\mathrm{std} = \sqrt{\frac1N \sum (h - \mathrm{mean})^2}`
    (the population standard deviation, like ``numpy.std``).  Shrinking ``std`` from
    layer to layer is the forward-pass sign of saturating activations.

    Parameters
    ----------
    model : keras.Model
        A built model.
    x : array_like
        Input batch.

    Returns
    -------
    dict of str to dict
        ``{layer_name: {"mean": float, "std": float}}``, ordered from input to output.

    Raises
    ------
    TypeError
        If ``model`` is not a ``keras.Model`` or ``x`` is not numeric.
    ValueError
        If the model is not built, ``x`` is empty or not finite, or ``x`` does not have
        the shape of the model's input (the message says how to reshape it when the
        numbers per sample agree).

    See Also
    --------
    dead_relu_fraction : Units stuck at zero.
    gradient_norms : Backward-pass counterpart.

    Examples
    --------
    >>> import numpy as np
    >>> import keras
    >>> from dlref.diagnostics import activation_stats
    >>> model = keras.Sequential([keras.Input((2,)),
    ...                           keras.layers.Dense(2, name="double")])
    >>> model.get_layer("double").set_weights([2 * np.eye(2), np.zeros(2)])
    >>> activation_stats(model, np.array([[1.0, 2.0], [3.0, 4.0]]))
    {'double': {'mean': 5.0, 'std': 2.236...}}
    """
    _check_model(model)
    xa = _check_x(x)
    _check_x_fits(model, xa)
    keras = import_keras("dlref.diagnostics")

    # Functional models list their InputLayer, Sequential ones do not: skip it in both.
    layers = [layer for layer in model.layers if not isinstance(layer, keras.layers.InputLayer)]
    out: dict[str, dict[str, float]] = {}
    for layer, h in zip(layers, _layer_outputs(model, xa, layers), strict=True):
        h64 = h.astype(np.float64)
        out[layer.name] = {"mean": float(h64.mean()), "std": float(h64.std())}
    return out
