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
TensorFlow is imported only inside the functions.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np

from ._keras import import_keras
from ._validation import as_float_array, check_finite

if TYPE_CHECKING:  # pragma: no cover
    import keras

__all__ = ["gradient_norms", "dead_relu_fraction", "activation_stats"]


def _check_model(model: Any) -> None:
    keras = import_keras("dlref.diagnostics")

    if not isinstance(model, keras.Model):
        raise TypeError(f"model must be a keras.Model; got {type(model).__name__} {model!r}.")
    if not model.built:
        raise ValueError(
            f"model {model.name!r} is not built yet (it has no weights); start it with "
            "keras.Input(shape=...) or call it on data once."
        )


def _check_x(x: Any) -> np.ndarray:
    arr = as_float_array("x", x, allow_empty=False)
    check_finite("x", arr)
    if arr.ndim < 1:
        raise ValueError(f"x must have a batch axis first; got a scalar of shape {arr.shape}.")
    # Keras layers default to float32; float64 inputs would only be cast back.
    return arr.astype(np.float32, copy=False)


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
        If the model is not built or not compiled, ``x`` is not finite, or ``x``
        and ``y`` differ in length.

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
            f"model {model.name!r} has no loss: call model.compile(loss=...) first "
            "(models from dlref.models are already compiled)."
        )
    xa = _check_x(x)
    ya = np.asarray(y)
    if ya.ndim == 0 or len(ya) != len(xa):
        raise ValueError(
            f"x and y must hold the same number of samples; got {len(xa)} and "
            f"{ya.shape[0] if ya.ndim else 'a scalar'}."
        )
    keras = import_keras("gradient_norms")
    import tensorflow as tf  # import_keras has checked that TensorFlow imports

    layers = [layer for layer in model.layers if getattr(layer, "kernel", None) is not None]
    kernels = [layer.kernel for layer in layers]
    with tf.GradientTape() as tape:
        y_pred = model(xa, training=False)
        loss = model.compute_loss(x=xa, y=ya, y_pred=y_pred, training=False)
    grads = tape.gradient(loss, kernels)
    out: dict[str, float] = {}
    for layer, g in zip(layers, grads, strict=True):
        # A kernel the loss does not depend on has no gradient: its norm is 0.
        norm = 0.0 if g is None else np.linalg.norm(keras.ops.convert_to_numpy(g))
        out[layer.name] = float(norm)
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
        If the model is not built or ``x`` is empty or not finite.

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
        If the model is not built or ``x`` is empty or not finite.

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
    keras = import_keras("dlref.diagnostics")

    # Functional models list their InputLayer, Sequential ones do not: skip it in both.
    layers = [layer for layer in model.layers if not isinstance(layer, keras.layers.InputLayer)]
    out: dict[str, dict[str, float]] = {}
    for layer, h in zip(layers, _layer_outputs(model, xa, layers), strict=True):
        h64 = h.astype(np.float64)
        out[layer.name] = {"mean": float(h64.mean()), "std": float(h64.std())}
    return out
