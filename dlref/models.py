"""Small Keras 3 models used throughout the documentation.

:func:`seed_model` is the classic MNIST multilayer perceptron of the seed notes,
rewritten in Keras 3 form; :func:`build_mlp` generalises it to any task and
validates its arguments before TensorFlow is involved, so mistakes produce a
message that names the argument rather than a deep Keras traceback.

TensorFlow/Keras is imported only inside the functions.
"""

from __future__ import annotations

from collections.abc import Sequence
from types import ModuleType
from typing import TYPE_CHECKING, Any

import numpy as np

from . import _keras
from ._i18n import _
from ._keras import check_keras_name
from ._loss_advisor import TASK_SETUPS, TASKS, check_setup, loss_setup
from ._validation import check_choice, check_number, check_positive_int

if TYPE_CHECKING:  # pragma: no cover
    import keras

__all__ = ["TASKS", "build_mlp", "import_keras", "restart", "seed_model"]


def import_keras() -> ModuleType:
    """Import Keras 3 (on TensorFlow unless ``KERAS_BACKEND`` says otherwise) and return it.

    The way dlref's examples get Keras: ``keras = import_keras()`` instead of
    ``import keras``.  It imports TensorFlow without the lines its C++ start-up writes to
    stderr ("WARNING: All log messages before absl::InitializeLog() ...", "Could not find
    cuda drivers ..."), which ``TF_CPP_MIN_LOG_LEVEL`` alone does not silence.  Later
    ``import keras`` and ``import tensorflow`` statements get the same modules, quietly.

    Returns
    -------
    module
        The ``keras`` package.

    Raises
    ------
    ImportError
        If TensorFlow (or Keras) cannot be imported; the message says what to install.

    See Also
    --------
    build_mlp : Uses the same import.

    Examples
    --------
    >>> from dlref.models import import_keras
    >>> keras = import_keras()
    >>> import keras as plain_import
    >>> keras is plain_import, keras.__version__ >= "3"
    (True, True)
    """
    return _keras.import_keras("dlref.models.import_keras")


def _check_shape(argname: str, value: Any) -> tuple[int, ...]:
    if isinstance(value, int):
        raise TypeError(
            _("{argname} must be a tuple of positive integers such as (8, 8) or (64,); got int "
              "{value!r}. Write ({value!r},) for a 1-D input.", argname=argname, value=value)
        )
    if not isinstance(value, (tuple, list)):
        raise TypeError(
            _("{argname} must be a tuple of positive integers such as (8, 8) or (64,); got "
              "{type} {value!r}.", argname=argname, type=type(value).__name__, value=value)
        )
    if len(value) == 0:
        raise ValueError(
            _("{argname} must not be empty; got {value!r}.", argname=argname, value=value)
        )
    return tuple(check_positive_int(f"{argname}[{i}]", v) for i, v in enumerate(value))


def _check_units(value: Any) -> tuple[int, ...]:
    if isinstance(value, (int, np.integer)) and not isinstance(value, bool):
        raise TypeError(
            _("hidden_units must be a tuple of positive integers (one per hidden layer); got "
              "the int {value!r}. Write ({value!r},) for one hidden layer.", value=value)
        )
    if not isinstance(value, (tuple, list)):
        raise TypeError(
            _("hidden_units must be a tuple of positive integers; got {type} {value!r}.",
              type=type(value).__name__, value=value)
        )
    return tuple(check_positive_int(f"hidden_units[{i}]", v) for i, v in enumerate(value))


def _check_activation(value: Any) -> Any:
    # Only the type here; the name is checked by Keras itself once it is imported.
    if callable(value) or isinstance(value, str):
        return value
    raise TypeError(
        _("activation must be a Keras activation name or a callable; got {type} {value!r}.",
          type=type(value).__name__, value=value)
    )


def _keras_optimizer(value: Any) -> Any:
    if isinstance(value, str):
        return check_keras_name("optimizer", value, "optimizers", "build_mlp")
    from .optimizers import Optimizer

    if isinstance(value, Optimizer):  # a dlref numpy optimizer: use its Keras twin
        return value.to_keras()
    keras = _keras.import_keras("build_mlp")
    if isinstance(value, keras.optimizers.Optimizer):
        return value
    raise TypeError(
        _("optimizer must be a name such as 'adam', a keras.optimizers.Optimizer or a "
          "dlref.optimizers.Optimizer; got {type} {value!r}.",
          type=type(value).__name__, value=value)
    )


def _check_initializer(value: Any) -> Any:
    # Only the type here; the name is checked by Keras itself once it is imported.
    if isinstance(value, str) or callable(value):
        return value
    raise TypeError(
        _("kernel_initializer must be a Keras initializer name such as 'he_normal' or a "
          "keras.initializers.Initializer; got {type} {value!r}.",
          type=type(value).__name__, value=value)
    )


def _check_learning_rate(value: Any) -> Any:
    if value is None or isinstance(value, (int, float, np.integer, np.floating)):
        return None if value is None else check_number(
            "learning_rate", value, low=0.0, low_inclusive=False)
    if callable(value):  # a keras.optimizers.schedules.LearningRateSchedule (checked later)
        return value
    raise TypeError(
        _("learning_rate must be None, a positive number or a "
          "keras.optimizers.schedules.LearningRateSchedule; got {type} {value!r}.",
          type=type(value).__name__, value=value)
    )


def _optimizer_with(value: Any, learning_rate: Any, weight_decay: float | None) -> Any:
    """Return the Keras optimizer for ``value`` with ``learning_rate``/``weight_decay`` set."""
    keras = _keras.import_keras("build_mlp")
    if learning_rate is not None and not isinstance(learning_rate, float) and not isinstance(
        learning_rate, keras.optimizers.schedules.LearningRateSchedule
    ):
        raise TypeError(
            _("learning_rate must be None, a positive number or a "
              "keras.optimizers.schedules.LearningRateSchedule; got {type} {value!r}.",
              type=type(learning_rate).__name__, value=learning_rate)
        )
    opt = _keras_optimizer(value)
    if learning_rate is None and weight_decay is None:
        return opt
    if not isinstance(value, str):
        # Two places to set one number would be ambiguous: the optimizer object wins.
        raise ValueError(
            _("learning_rate and weight_decay apply only when optimizer is a name such as "
              "'adam'; got optimizer={value!r}. Set them on the optimizer object instead.",
              value=value)
        )
    options: dict[str, Any] = {}
    if learning_rate is not None:
        options["learning_rate"] = learning_rate
    if weight_decay is not None:
        options["weight_decay"] = weight_decay
    return type(keras.optimizers.get(opt))(**options)


def _check_loss(value: Any) -> Any:
    # Only the type here; a name dlref does not know is checked by Keras once it is imported.
    if isinstance(value, str) or callable(value):
        return value
    raise TypeError(
        _("loss must be a Keras loss name such as 'sparse_categorical_crossentropy', a "
          "keras.losses.Loss or a loss function; got {type} {value!r}.",
          type=type(value).__name__, value=value)
    )


def _task_labels(task: str, units: int) -> list[np.ndarray]:
    """Labels of every kind a task trains on, for check_setup to judge a loss against."""
    if task == "binary":
        return [np.array([0.0, 1.0])]
    if task == "multiclass":
        return [np.arange(units), np.eye(units)]  # class ids, one-hot rows
    if task == "multilabel":
        return [np.array([[1.0] * units, [0.0] * units])]  # several labels per row, or none
    return [np.linspace(-1.5, 2.5, 2 * units).reshape(2, units)]


def _fits(key: str, task: str, units: int, from_logits: bool) -> ValueError | None:
    """Return None if check_setup accepts loss ``key`` on the task's output for some labels.

    Otherwise return check_setup's objection for the task's first kind of labels.
    """
    activation = TASK_SETUPS[task].output_activation
    objections = []
    for y in _task_labels(task, units):
        try:
            check_setup(y, key, activation, units, from_logits)
        except ValueError as exc:
            objections.append(exc)
        else:
            return None
    return objections[0]


def _check_loss_fits_task(loss: Any, task: str, units: int) -> None:
    """Run check_setup on the output layer and loss build_mlp is about to build."""
    key, from_logits = loss_setup(loss)
    if key is None:
        return  # a loss dlref's advice does not cover: Keras alone decides
    objection = _fits(key, task, units, from_logits)
    if objection is None:
        return
    from .losses import names

    activation = TASK_SETUPS[task].output_activation
    if from_logits and _fits(key, task, units, False) is None:
        raise ValueError(
            _("task={task!r} gives a {units}-unit {activation} output, which already turns "
              "the outputs into probabilities, so loss={loss!r} must take them with "
              "from_logits=False (build_mlp builds no linear output for logits); got a loss "
              "with from_logits=True.", task=task, units=units, activation=activation,
              loss=key)
        )
    fitting = [name for name in names() if _fits(name, task, units, False) is None]
    tasks = [t for t in TASKS
             if _fits(key, t, TASK_SETUPS[t].output_units or max(units, 2), from_logits) is None]
    message = _("task={task!r} gives a {units}-unit {activation} output, which loss={loss!r} "
                "does not fit for any labels of that task (dlref.losses.check_setup rejects "
                "each kind); for this output use one of the losses {fitting}, or loss=None, "
                "which picks {default!r}.", task=task, units=units, activation=activation,
                loss=key, fitting=fitting, default=TASK_SETUPS[task].loss)
    if tasks:
        message += " " + _("For loss={loss!r}, use one of the tasks {tasks}.", loss=key,
                           tasks=tasks)
    else:
        message += " " + str(objection)
    raise ValueError(message)


def _check_seed(seed: Any) -> int | None:
    if seed is None:
        return None
    if isinstance(seed, bool) or not isinstance(seed, (int, np.integer)):
        raise TypeError(
            _("seed must be None or a non-negative integer; got {type} {value!r}.",
              type=type(seed).__name__, value=seed)
        )
    if not 0 <= seed < 2**32:
        raise ValueError(_("seed must be in [0, 2**32); got {value!r}.", value=seed))
    return int(seed)


def build_mlp(
    input_shape: Sequence[int],
    hidden_units: Sequence[int] = (128,),
    activation: str | Any = "relu",
    dropout: float = 0.2,
    task: str = "multiclass",
    num_outputs: int | None = None,
    optimizer: str | Any = "adam",
    loss: str | Any | None = None,
    metrics: list[Any] | None = None,
    seed: int | None = None,
    *,
    kernel_initializer: str | Any = "glorot_uniform",
    l2: float = 0.0,
    learning_rate: float | Any | None = None,
    weight_decay: float | None = None,
) -> keras.Sequential:
    r"""Build and compile a multilayer perceptron (``keras.Sequential``) for a task.

    The model is ``keras.Input(shape=input_shape)``, then ``Flatten`` if the input
    has more than one axis, then for each entry of ``hidden_units`` a ``Dense``
    layer (followed by ``Dropout(dropout)`` when ``dropout > 0``), then an output
    layer whose size and activation fit ``task``:

    ==============  =====================  ==============
    task            output units           activation
    ==============  =====================  ==============
    ``binary``      1                      sigmoid
    ``multiclass``  ``num_outputs``        softmax
    ``multilabel``  ``num_outputs``        sigmoid
    ``regression``  ``num_outputs``        linear
    ==============  =====================  ==============

    When ``loss`` is None, loss, output activation and metrics come from
    :func:`dlref.losses.select_loss`.  Layers have stable names (``flatten``,
    ``hidden_1``, ``dropout_1``, ..., ``output``) so diagnostics are easy to read.

    Parameters
    ----------
    input_shape : tuple of int
        Shape of one sample, e.g. ``(8, 8)`` for 8x8 digit images.
    hidden_units : tuple of int, default (128,)
        Width of each hidden layer; ``()`` gives a linear/logistic model.
    activation : str or callable, default "relu"
        Hidden-layer activation (any Keras activation name).
    dropout : float, default 0.2
        Dropout rate in :math:`[0, 1)` after each hidden layer; 0 adds no Dropout layer.
    task : {"multiclass", "binary", "multilabel", "regression"}, default "multiclass"
        Decides the output layer and the default loss.
    num_outputs : int, optional
        Output units.  Defaults to 1 for ``binary`` and 10 otherwise.  ``binary``
        accepts only 1 (use ``multiclass`` with 2 units for a two-way softmax);
        ``multiclass`` and ``multilabel`` need at least 2.
    optimizer : str, keras.optimizers.Optimizer or dlref.optimizers.Optimizer, default "adam"
        Optimizer; a dlref numpy optimizer is converted with ``to_keras()``.
    loss : str or keras.losses.Loss, optional
        Loss; None picks it with :func:`dlref.losses.select_loss`.
    metrics : list, optional
        Metrics; None uses the task's usual metric (accuracy, or MAE for regression).
    seed : int, optional
        If given, ``keras.utils.set_random_seed(seed)`` is called before building,
        which makes the initial weights (and later training) reproducible.
    kernel_initializer : str or keras.initializers.Initializer, default "glorot_uniform"
        How every ``Dense`` kernel is initialised (any Keras initializer name, e.g.
        ``"he_normal"`` for ReLU networks); biases start at zero.
    l2 : float, default 0.0
        L2 penalty factor :math:`\lambda \ge 0`: each ``Dense`` kernel gets
        ``kernel_regularizer=keras.regularizers.L2(l2)``, which adds
        :math:`\lambda \sum w^2` to the loss.  0 adds no regulariser.
    learning_rate : float or keras.optimizers.schedules.LearningRateSchedule, optional
        Learning rate (or schedule) of the optimizer named by ``optimizer``; None keeps
        that optimizer's default.
    weight_decay : float, optional
        Decoupled weight decay of the optimizer named by ``optimizer`` (Keras 3
        optimizers subtract ``learning_rate * weight_decay * w`` at each step); None
        keeps its default (0 for all but ``"adamw"``, which uses 0.004).

    Returns
    -------
    keras.Sequential
        The compiled model, named ``"mlp"``.

    Raises
    ------
    ValueError
        If ``dropout`` is outside :math:`[0, 1)`, a size is not positive, a name
        (activation, optimizer, task) is unknown -- with the closest valid name
        suggested -- or ``num_outputs`` does not fit ``task``.
    TypeError
        If an argument has the wrong type.

    Notes
    -----
    Class weights are not part of the model: they are a keyword of training,
    ``model.fit(x, y, class_weight={0: 1.0, 1: 9.0})``, which multiplies each
    sample's loss by the weight of its class.  :func:`dlref.evaluation.balanced_class_weight`
    computes the usual "balanced" weights.

    See Also
    --------
    seed_model : The fixed MNIST architecture of the seed notes.
    dlref.losses.select_loss : How the loss and output layer are chosen.
    dlref.diagnostics.gradient_norms : Inspect the built model.

    Examples
    --------
    >>> from dlref.models import build_mlp
    >>> model = build_mlp((8, 8), hidden_units=(32, 16), seed=0)
    >>> [layer.name for layer in model.layers]
    ['flatten', 'hidden_1', 'dropout_1', 'hidden_2', 'dropout_2', 'output']
    >>> model.output_shape
    (None, 10)
    >>> model.count_params()  # 64*32+32 + 32*16+16 + 16*10+10
    2778
    >>> model.loss, model.layers[-1].activation.__name__
    ('sparse_categorical_crossentropy', 'softmax')
    >>> build_mlp((3,), hidden_units=(), task="binary").output_shape
    (None, 1)
    >>> build_mlp((8, 8), dropout=1.0)
    Traceback (most recent call last):
    ...
    ValueError: dropout must be in [0, 1); got 1.0.

    Initialiser, L2 penalty, learning rate and weight decay:

    >>> model = build_mlp((4,), hidden_units=(8,), kernel_initializer="he_normal", l2=1e-4,
    ...                   optimizer="sgd", learning_rate=0.05, weight_decay=1e-3)
    >>> type(model.get_layer("hidden_1").kernel_initializer).__name__
    'HeNormal'
    >>> model.get_layer("hidden_1").kernel_regularizer.get_config()
    {'l2': 0.0001}
    >>> float(model.optimizer.learning_rate.numpy()), model.optimizer.weight_decay
    (0.05, 0.001)
    """
    # Validate everything before importing TensorFlow: errors stay fast and readable.
    shape = _check_shape("input_shape", input_shape)
    units = _check_units(hidden_units)
    act = _check_activation(activation)
    rate = check_number("dropout", dropout, low=0.0, high=1.0, high_inclusive=False)
    task = check_choice("task", task, TASKS)
    setup = TASK_SETUPS[task]
    if num_outputs is None:
        n_out = setup.output_units or 10
    else:
        n_out = check_positive_int("num_outputs", num_outputs)
    if task == "binary" and n_out != 1:
        raise ValueError(
            _("task='binary' uses one sigmoid unit, so num_outputs must be 1 (or None); got "
              "num_outputs={num_outputs!r}. For {n} classes use task='multiclass', for "
              "independent labels task='multilabel'.", num_outputs=num_outputs, n=n_out)
        )
    if task == "multiclass" and n_out < 2:
        raise ValueError(
            _("task={task!r} needs num_outputs >= 2 (a 1-unit softmax always outputs 1.0); got "
              "num_outputs={num_outputs!r}. For a single yes/no output use task='binary'.",
              task=task, num_outputs=num_outputs)
        )
    if task == "multilabel" and n_out < 2:
        raise ValueError(
            _("task={task!r} needs num_outputs >= 2 (1 label is binary); got "
              "num_outputs={num_outputs!r}. For a single yes/no output use task='binary'.",
              task=task, num_outputs=num_outputs)
        )
    if metrics is not None and not isinstance(metrics, (list, tuple)):
        raise TypeError(
            _("metrics must be a list such as ['accuracy'] or None; got {type} {value!r}.",
              type=type(metrics).__name__, value=metrics)
        )
    seed = _check_seed(seed)
    init = _check_initializer(kernel_initializer)
    l2 = check_number("l2", l2, low=0.0)
    learning_rate = _check_learning_rate(learning_rate)
    if weight_decay is not None:
        weight_decay = check_number("weight_decay", weight_decay, low=0.0)
    loss = setup.loss if loss is None else _check_loss(loss)
    if metrics is None:
        metrics = list(setup.metrics)

    keras = _keras.import_keras("build_mlp")
    if isinstance(act, str):
        act = check_keras_name("activation", act, "activations", "build_mlp")
    if isinstance(loss, str) and loss_setup(loss)[0] is None:
        loss = check_keras_name("loss", loss, "losses", "build_mlp")
    _check_loss_fits_task(loss, task, n_out)
    if isinstance(init, str):
        try:  # Keras also takes class names such as "HeNormal", which lower-casing breaks
            keras.initializers.get(init.strip())
            init = init.strip()
        except ValueError:
            init = check_keras_name("kernel_initializer", init, "initializers", "build_mlp")
    opt = _optimizer_with(optimizer, learning_rate, weight_decay)
    if seed is not None:
        keras.utils.set_random_seed(seed)
    dense = {"kernel_initializer": init}
    if l2 > 0:
        dense["kernel_regularizer"] = keras.regularizers.L2(l2)
    layers: list[Any] = [keras.Input(shape=shape)]
    if len(shape) > 1:
        layers.append(keras.layers.Flatten(name="flatten"))
    for i, n in enumerate(units, start=1):
        layers.append(keras.layers.Dense(n, activation=act, name=f"hidden_{i}", **dense))
        if rate > 0:
            layers.append(keras.layers.Dropout(rate, name=f"dropout_{i}"))
    layers.append(
        keras.layers.Dense(n_out, activation=setup.output_activation, name="output", **dense)
    )
    model = keras.Sequential(layers, name="mlp")
    model.compile(optimizer=opt, loss=loss, metrics=list(metrics))
    return model


def seed_model(
    input_shape: Sequence[int] = (28, 28), seed: int | None = None
) -> keras.Sequential:
    """Build the seed notes' MNIST classifier, in Keras 3 form.

    The architecture is exactly the notes' one -- ``Flatten`` 28x28 -> ``Dense(128,
    relu)`` -> ``Dropout(0.2)`` -> ``Dense(10, softmax)``, compiled with ``adam``,
    ``sparse_categorical_crossentropy`` and ``accuracy`` -- except that the input
    is declared by a ``keras.Input`` first: Keras 3 warns about the notes' form
    ``keras.layers.Flatten(input_shape=(28, 28))`` (``UserWarning: Do not pass an
    `input_shape`/`input_dim` argument to a layer``).

    Parameters
    ----------
    input_shape : tuple of int, default (28, 28)
        Image shape; ``(8, 8)`` fits :func:`dlref.datasets.load_digits_images`.
    seed : int, optional
        If given, passed to ``keras.utils.set_random_seed`` before building.

    Returns
    -------
    keras.Sequential
        The compiled model, named ``"seed_mlp"``.

    Raises
    ------
    TypeError, ValueError
        If ``input_shape`` is not a tuple of positive integers, or ``seed`` is invalid.

    See Also
    --------
    build_mlp : The same model with every choice exposed.
    dlref.datasets.load_mnist : The data it was written for.

    Examples
    --------
    >>> from dlref.models import seed_model
    >>> model = seed_model()
    >>> [(layer.name, layer.output.shape) for layer in model.layers]
    [('flatten', (None, 784)), ('dense', (None, 128)), ('dropout', (None, 128)),
     ('dense_1', (None, 10))]
    >>> model.count_params()
    101770
    >>> seed_model(input_shape=(8, 8)).count_params()  # for 8x8 digits
    9610
    """
    shape = _check_shape("input_shape", input_shape)
    seed = _check_seed(seed)
    keras = _keras.import_keras("seed_model")
    if seed is not None:
        keras.utils.set_random_seed(seed)
    # Layer names are fixed to Keras' first-model defaults so summaries are stable.
    model = keras.Sequential(
        [
            keras.Input(shape=shape),
            keras.layers.Flatten(name="flatten"),
            keras.layers.Dense(128, activation="relu", name="dense"),
            keras.layers.Dropout(0.2, name="dropout"),
            keras.layers.Dense(10, activation="softmax", name="dense_1"),
        ],
        name="seed_mlp",
    )
    model.compile(
        optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"]
    )
    return model


def restart(model: keras.Model, like: keras.Model) -> keras.Model:
    """Put ``model`` back into the state of ``like``, the same network built anew.

    Training a new Keras model traces new TensorFlow functions for its training, evaluation
    and prediction steps, which takes longer than a short training itself.  To train the same
    network from several seeds, build and compile it once, and before each run restart it
    from a twin built with that seed: the twin brings its initial weights and a fresh
    optimizer (step count, learning rate, moment estimates), and ``model`` keeps its traced
    functions.  The run then equals training the twin itself, for a network without random
    layers: a ``Dropout`` layer keeps drawing its masks where it left off.

    Parameters
    ----------
    model : keras.Model
        The compiled model to train again.
    like : keras.Model
        The same architecture with the same optimizer class, freshly built (e.g. by
        :func:`build_mlp` with another ``seed``); it is not trained.

    Returns
    -------
    keras.Model
        ``model``, restarted.

    Raises
    ------
    ValueError
        If the two models' weights or optimizer variables do not have the same shapes.

    See Also
    --------
    build_mlp : Builds both with the same arguments and another ``seed``.

    Examples
    --------
    >>> import numpy as np
    >>> from dlref.models import build_mlp, restart
    >>> model = build_mlp((4,), hidden_units=(3,), seed=0)
    >>> twin = build_mlp((4,), hidden_units=(3,), seed=1)
    >>> model = restart(model, twin)
    >>> all(np.array_equal(a, b) for a, b in zip(model.get_weights(), twin.get_weights()))
    True
    """
    for network in (like, model):
        if not network.optimizer.built:
            network.optimizer.build(network.trainable_variables)
    mine, theirs = model.get_weights(), like.get_weights()
    states = list(zip(model.optimizer.variables, like.optimizer.variables, strict=False))
    if (len(mine) != len(theirs)
            or any(a.shape != b.shape for a, b in zip(mine, theirs, strict=False))
            or len(model.optimizer.variables) != len(like.optimizer.variables)
            or any(tuple(a.shape) != tuple(b.shape) for a, b in states)):
        raise ValueError(
            _("model and like must be the same network with the same optimizer; their weights "
              "or optimizer variables differ in number or shape ({mine} against {theirs}).",
              mine=[tuple(a.shape) for a in mine], theirs=[tuple(b.shape) for b in theirs])
        )
    model.set_weights(theirs)
    for variable, fresh in states:
        variable.assign(fresh)
    return model
