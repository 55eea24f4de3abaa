r"""Numpy reference implementations of the optimizers of Keras 3.

Each optimizer reproduces the update rule of its ``keras.optimizers`` namesake
exactly: same defaults, same placement of :math:`\epsilon`, same momentum form and
the same bias correction.  Arithmetic is done in the dtype of the parameters
(``float32`` parameters give ``float32`` updates, as in Keras), so 100 steps of the
numpy version agree with Keras to ``float32`` round-off.

The module also holds two classic two-dimensional test functions
(:func:`rosenbrock`, :func:`quadratic`) and :func:`minimize`, which
records an optimizer's trajectory for loss-surface plots.

This module only needs numpy; TensorFlow is imported only by
:meth:`Optimizer.to_keras`.
"""

from __future__ import annotations

import inspect
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import numpy as np

from ._i18n import _
from ._registry import Registry, reexport
from ._validation import (
    as_float_array,
    check_bool,
    check_number,
)

if TYPE_CHECKING:  # pragma: no cover
    import keras


# The optimizers by name: each update rule below registers itself.
_OPTIMIZERS: Registry[type[Optimizer]] = Registry()


class Optimizer:
    r"""Base class of the numpy optimizers: bookkeeping shared by every update rule.

    Subclasses implement :meth:`_init_slots` (state for one parameter) and
    :meth:`_update` (one update of one parameter).  :meth:`step` handles single
    arrays or lists of arrays, shape checks and the step counter.

    Parameters
    ----------
    learning_rate : float
        Step size :math:`\eta > 0`.

    Attributes
    ----------
    iterations : int
        Number of calls to :meth:`step` so far (Keras' ``optimizer.iterations``).

    See Also
    --------
    SGD, RMSprop, Adagrad, Adam : The concrete update rules.
    get : Build one by name.

    Examples
    --------
    >>> import numpy as np
    >>> from dlref.optimizers import Optimizer, SGD
    >>> opt = SGD(learning_rate=0.5)
    >>> isinstance(opt, Optimizer), opt.iterations
    (True, 0)
    >>> opt.step(np.array([1.0]), np.array([1.0])), opt.iterations
    (array([0.5]), 1)
    """

    #: Name accepted by :func:`get`: the class name in lower case.
    name: str = "optimizer"

    def __init_subclass__(cls, **kwargs: Any) -> None:
        """Name each subclass after itself, as ``keras.optimizers.get`` does (``"sgd"``)."""
        super().__init_subclass__(**kwargs)
        cls.name = cls.__name__.lower()

    def __init__(self, learning_rate: float) -> None:
        self.learning_rate = check_number(
            "learning_rate", learning_rate, low=0.0, low_inclusive=False
        )
        self.iterations = 0
        self._slots: list[dict[str, np.ndarray]] | None = None
        self._shapes: list[tuple[int, ...]] | None = None

    # -- hooks for subclasses -------------------------------------------------
    def _init_slots(self, w: np.ndarray) -> dict[str, np.ndarray]:  # pragma: no cover
        raise NotImplementedError

    def _update(
        self, w: np.ndarray, g: np.ndarray, slots: dict[str, np.ndarray], t: int
    ) -> np.ndarray:  # pragma: no cover
        raise NotImplementedError

    def _config(self) -> dict[str, Any]:
        # The config is the constructor's keyword arguments, each stored under its own name.
        params = inspect.signature(type(self).__init__).parameters
        return {name: getattr(self, name) for name in params if name != "self"}

    # -- public API -----------------------------------------------------------
    def get_config(self) -> dict[str, Any]:
        """Return the hyperparameters as a dict (the constructor's keyword arguments).

        The state (momentum, accumulators, step count) is not part of the config.

        Returns
        -------
        dict
            Keyword arguments that rebuild an identical, fresh optimizer.

        See Also
        --------
        to_keras : Build the equivalent Keras optimizer from this config.

        Examples
        --------
        >>> from dlref.optimizers import SGD
        >>> SGD(learning_rate=0.1, momentum=0.9).get_config()
        {'learning_rate': 0.1, 'momentum': 0.9, 'nesterov': False}
        """
        return dict(self._config())

    def __repr__(self) -> str:
        """Return the constructor call that rebuilds this optimizer, e.g. ``SGD(...)``."""
        args = ", ".join(f"{k}={v!r}" for k, v in self._config().items())
        return f"{type(self).__name__}({args})"

    def reset(self) -> None:
        """Forget all per-parameter state and set :attr:`iterations` back to 0.

        After a reset the optimizer behaves like a fresh one with the same
        hyperparameters and accepts parameters of new shapes.

        See Also
        --------
        step : Builds the state again on its next call.

        Examples
        --------
        >>> import numpy as np
        >>> from dlref.optimizers import Adam
        >>> opt = Adam()
        >>> _ = opt.step(np.zeros(2), np.ones(2))
        >>> opt.iterations
        1
        >>> opt.reset()
        >>> opt.iterations
        0
        """
        self.iterations = 0
        self._slots = None
        self._shapes = None

    def step(
        self, params: np.ndarray | Sequence[np.ndarray], grads: np.ndarray | Sequence[np.ndarray]
    ) -> np.ndarray | list[np.ndarray]:
        """Apply one update and return the new parameters.

        The inputs are not modified.  The optimizer keeps per-parameter state
        (momentum, accumulators) between calls, so always pass the parameters in
        the same order, like Keras' ``apply_gradients``.

        Parameters
        ----------
        params : array_like or list of array_like
            Current parameter value(s).  Arithmetic is done in their dtype
            (``float32`` stays ``float32``; integers become ``float64``).
        grads : array_like or list of array_like
            Gradient(s) of the loss, one per parameter and of the same shape.

        Returns
        -------
        numpy.ndarray or list of numpy.ndarray
            Updated parameter(s): a single array if ``params`` was a single array,
            otherwise a list.

        Raises
        ------
        ValueError
            If the numbers or shapes of ``params`` and ``grads`` differ, or if they
            differ from the shapes seen on the first call (use :meth:`reset`).
        TypeError
            If an entry is not numeric.

        See Also
        --------
        minimize : Repeated steps on a test function.
        reset : Start again with fresh state.

        Examples
        --------
        >>> import numpy as np
        >>> from dlref.optimizers import SGD
        >>> SGD(learning_rate=0.1).step(np.array([1.0, 2.0]), np.array([1.0, -1.0]))
        array([0.9, 2.1])
        >>> SGD(learning_rate=0.1).step([np.ones(2), np.ones(1)], [np.ones(2), np.ones(1)])
        [array([0.9, 0.9]), array([0.9])]
        """
        single = not isinstance(params, (list, tuple))
        p_list = [params] if single else list(params)
        if single or not isinstance(grads, (list, tuple)):
            # A single parameter takes a single gradient, even one written as a list.
            g_list = [grads]
        else:
            g_list = list(grads)
        if len(p_list) != len(g_list):
            raise ValueError(
                _("params and grads must have the same length; got {n_params} param(s) and "
                  "{n_grads} gradient(s).", n_params=len(p_list), n_grads=len(g_list))
            )
        if not p_list:
            raise ValueError(_("params must hold at least one array; got an empty list."))
        ws, gs = [], []
        for i, (p, g) in enumerate(zip(p_list, g_list, strict=True)):
            pname = "params" if single else f"params[{i}]"
            gname = "grads" if single else f"grads[{i}]"
            w = as_float_array(pname, p)
            # Keras casts the gradient to the variable's dtype before updating.
            gr = as_float_array(gname, g).astype(w.dtype, copy=False)
            if gr.shape != w.shape:
                raise ValueError(
                    _("{gname} has shape {grad_shape} but {pname} has shape {shape}; each "
                      "gradient must have the shape of its parameter.",
                      gname=gname, grad_shape=gr.shape, pname=pname, shape=w.shape)
                )
            ws.append(w)
            gs.append(gr)
        shapes = [w.shape for w in ws]
        if self._slots is None:
            self._slots = [self._init_slots(w) for w in ws]
            self._shapes = shapes
        elif shapes != self._shapes:
            raise ValueError(
                _("params have shapes {shapes} but this optimizer's state was built for "
                  "{built}; pass the same parameters in the same order every step, or call "
                  "reset() first.", shapes=shapes, built=self._shapes)
            )
        # Keras computes bias corrections with ``iterations + 1`` and increments afterwards.
        t = self.iterations + 1
        new = [self._update(w, g, s, t) for w, g, s in zip(ws, gs, self._slots, strict=True)]
        self.iterations = t
        return new[0] if single else new

    def to_keras(self) -> keras.optimizers.Optimizer:
        """Build the equivalent ``keras.optimizers`` object (imports TensorFlow).

        Only the hyperparameters are copied, not the state.  Keras 3 rejects integer
        ``learning_rate`` and ``momentum`` values; they are passed as floats here.

        Returns
        -------
        keras.optimizers.Optimizer
            A fresh Keras optimizer with the same hyperparameters.

        See Also
        --------
        get_config : The hyperparameters that are copied.

        Examples
        --------
        >>> from dlref.optimizers import RMSprop
        >>> type(RMSprop(learning_rate=0.01).to_keras()).__name__
        'RMSprop'
        """
        from ._keras import import_keras

        cls = getattr(import_keras("Optimizer.to_keras").optimizers, type(self).__name__)
        # Keras rejects ints for learning_rate and momentum: everything numeric is a float here.
        return cls(**self._config())


@_OPTIMIZERS.register()
class SGD(Optimizer):
    r"""Stochastic gradient descent, optionally with (Nesterov) momentum.

    Without momentum the update is :math:`w \leftarrow w - \eta g`.  With momentum
    :math:`\mu > 0`, Keras keeps a velocity :math:`v` (initially 0) and uses

    .. math::

        v \leftarrow \mu v - \eta g, \qquad w \leftarrow w + v,

    and with ``nesterov=True`` the parameter step looks one velocity ahead:
    :math:`w \leftarrow w + \mu v - \eta g` (with the already updated :math:`v`).

    Parameters
    ----------
    learning_rate : float, default 0.01
        Step size :math:`\eta > 0`.
    momentum : float, default 0.0
        Momentum :math:`\mu \in [0, 1]`.
    nesterov : bool, default False
        Use Nesterov momentum.

    Raises
    ------
    ValueError
        If ``learning_rate <= 0`` or ``momentum`` is outside :math:`[0, 1]`.
    TypeError
        If a hyperparameter has the wrong type.

    See Also
    --------
    keras.optimizers.SGD : The Keras optimizer this class reproduces.
    RMSprop, Adagrad, Adam : Adaptive alternatives.

    Examples
    --------
    >>> import numpy as np
    >>> from dlref.optimizers import SGD
    >>> opt = SGD(learning_rate=0.1, momentum=0.9)
    >>> w = np.array([1.0])
    >>> for _ in range(3):
    ...     w = opt.step(w, 2 * w)  # gradient of w**2
    >>> w
    array([0.062])
    """

    def __init__(
        self, learning_rate: float = 0.01, momentum: float = 0.0, nesterov: bool = False
    ) -> None:
        super().__init__(learning_rate)
        self.momentum = check_number("momentum", momentum, low=0.0, high=1.0)
        self.nesterov = check_bool("nesterov", nesterov)

    def _init_slots(self, w: np.ndarray) -> dict[str, np.ndarray]:
        return {"velocity": np.zeros_like(w)} if self.momentum != 0 else {}

    def _update(self, w, g, slots, t):
        lr = w.dtype.type(self.learning_rate)
        if self.momentum == 0:
            return w - g * lr
        mu = w.dtype.type(self.momentum)
        v = slots["velocity"] * mu - g * lr
        slots["velocity"] = v
        if self.nesterov:
            return w + (v * mu - g * lr)
        return w + v


@_OPTIMIZERS.register()
class RMSprop(Optimizer):
    r"""RMSprop: divide the step by a running root-mean-square of the gradients.

    Keras' form, with every state initialised to 0:

    .. math::

        s \leftarrow \rho s + (1 - \rho) g^2, \qquad
        \Delta = \frac{\eta\, g}{\sqrt{s + \epsilon}}

    (:math:`\epsilon` is inside the square root).  With ``centered=True`` a running
    mean :math:`\bar g \leftarrow \rho \bar g + (1-\rho) g` is kept and the denominator
    becomes :math:`\sqrt{s - \bar g^2 + \epsilon}`.  Without momentum
    :math:`w \leftarrow w - \Delta`; with momentum :math:`\mu > 0`,
    :math:`m \leftarrow \mu m + \Delta,\ w \leftarrow w - m`.

    Parameters
    ----------
    learning_rate : float, default 0.001
        Step size :math:`\eta > 0`.
    rho : float, default 0.9
        Decay :math:`\rho \in [0, 1)` of the squared-gradient average.
    momentum : float, default 0.0
        Momentum :math:`\mu \in [0, 1)`.
    epsilon : float, default 1e-7
        :math:`\epsilon \geq 0`, added under the square root.
    centered : bool, default False
        Normalise by the estimated variance instead of the second moment.

    Raises
    ------
    ValueError
        If a hyperparameter is outside its range.
    TypeError
        If a hyperparameter has the wrong type.

    See Also
    --------
    keras.optimizers.RMSprop : The Keras optimizer this class reproduces.
    Adam : RMSprop plus momentum and bias correction.

    Examples
    --------
    >>> import numpy as np
    >>> from dlref.optimizers import RMSprop
    >>> RMSprop(learning_rate=0.1).step(np.array([1.0]), np.array([2.0]))
    array([0.68377227])
    """

    def __init__(
        self,
        learning_rate: float = 0.001,
        rho: float = 0.9,
        momentum: float = 0.0,
        epsilon: float = 1e-7,
        centered: bool = False,
    ) -> None:
        super().__init__(learning_rate)
        self.rho = check_number("rho", rho, low=0.0, high=1.0, high_inclusive=False)
        self.momentum = check_number("momentum", momentum, low=0.0, high=1.0, high_inclusive=False)
        self.epsilon = check_number("epsilon", epsilon, low=0.0)
        self.centered = check_bool("centered", centered)

    def _init_slots(self, w: np.ndarray) -> dict[str, np.ndarray]:
        slots = {"velocity": np.zeros_like(w)}
        if self.momentum > 0:
            slots["momentum"] = np.zeros_like(w)
        if self.centered:
            slots["average_gradient"] = np.zeros_like(w)
        return slots

    def _update(self, w, g, slots, t):
        dt = w.dtype.type
        lr, rho, eps = dt(self.learning_rate), dt(self.rho), dt(self.epsilon)
        one_minus_rho = dt(1 - self.rho)
        s = rho * slots["velocity"] + one_minus_rho * np.square(g)
        slots["velocity"] = s
        if self.centered:
            gbar = rho * slots["average_gradient"] + one_minus_rho * g
            slots["average_gradient"] = gbar
            denominator = s - np.square(gbar) + eps
        else:
            denominator = s + eps
        increment = (lr * g) / np.sqrt(denominator)
        if self.momentum > 0:
            m = dt(self.momentum) * slots["momentum"] + increment
            slots["momentum"] = m
            return w - m
        return w - increment


@_OPTIMIZERS.register()
class Adagrad(Optimizer):
    r"""Adagrad: per-coordinate steps shrinking with the sum of past squared gradients.

    Keras starts the accumulator at ``initial_accumulator_value`` (not 0) and puts
    :math:`\epsilon` inside the square root:

    .. math::

        a \leftarrow a + g^2, \qquad w \leftarrow w - \frac{\eta\, g}{\sqrt{a + \epsilon}},
        \qquad a_0 = 0.1 .

    Parameters
    ----------
    learning_rate : float, default 0.001
        Step size :math:`\eta > 0`.
    initial_accumulator_value : float, default 0.1
        Starting value :math:`a_0 \geq 0` of the accumulator.
    epsilon : float, default 1e-7
        :math:`\epsilon \geq 0`, added under the square root.

    Raises
    ------
    ValueError
        If a hyperparameter is outside its range.
    TypeError
        If a hyperparameter has the wrong type.

    See Also
    --------
    keras.optimizers.Adagrad : The Keras optimizer this class reproduces.
    RMSprop : Replaces the sum by a decaying average.

    Examples
    --------
    >>> import numpy as np
    >>> from dlref.optimizers import Adagrad
    >>> Adagrad(learning_rate=0.1).step(np.array([1.0]), np.array([2.0]))
    array([0.90122704])
    """

    def __init__(
        self,
        learning_rate: float = 0.001,
        initial_accumulator_value: float = 0.1,
        epsilon: float = 1e-7,
    ) -> None:
        super().__init__(learning_rate)
        self.initial_accumulator_value = check_number(
            "initial_accumulator_value", initial_accumulator_value, low=0.0
        )
        self.epsilon = check_number("epsilon", epsilon, low=0.0)

    def _init_slots(self, w: np.ndarray) -> dict[str, np.ndarray]:
        return {"accumulator": np.full_like(w, self.initial_accumulator_value)}

    def _update(self, w, g, slots, t):
        dt = w.dtype.type
        a = slots["accumulator"] + np.square(g)
        slots["accumulator"] = a
        return w - (dt(self.learning_rate) * g) / np.sqrt(a + dt(self.epsilon))


@_OPTIMIZERS.register()
class Adam(Optimizer):
    r"""Adam: momentum on the gradient, RMS scaling, and bias correction.

    Keras folds the bias corrections into the step size and adds :math:`\epsilon`
    *outside* the square root, to the uncorrected :math:`\sqrt{v}` (at step
    :math:`t = 1, 2, \dots`):

    .. math::

        m \leftarrow m + (1 - \beta_1)(g - m), \qquad
        v \leftarrow v + (1 - \beta_2)(g^2 - v),

    .. math::

        \alpha_t = \eta \, \frac{\sqrt{1 - \beta_2^t}}{1 - \beta_1^t}, \qquad
        w \leftarrow w - \frac{\alpha_t\, m}{\sqrt{v} + \epsilon} .

    This is the "efficient" form of Kingma & Ba (2015), Sec. 2; its
    :math:`\epsilon` is effectively :math:`\epsilon\sqrt{1-\beta_2^t}` of the textbook
    form.  With ``amsgrad=True`` :math:`\hat v \leftarrow \max(\hat v, v)` replaces
    :math:`v` in the denominator.

    Parameters
    ----------
    learning_rate : float, default 0.001
        Step size :math:`\eta > 0`.
    beta_1 : float, default 0.9
        Decay :math:`\beta_1 \in [0, 1)` of the first moment.
    beta_2 : float, default 0.999
        Decay :math:`\beta_2 \in [0, 1)` of the second moment.
    epsilon : float, default 1e-7
        :math:`\epsilon \geq 0`, added to :math:`\sqrt{v}`.
    amsgrad : bool, default False
        Use the AMSGrad variant.

    Raises
    ------
    ValueError
        If a hyperparameter is outside its range.
    TypeError
        If a hyperparameter has the wrong type.

    See Also
    --------
    keras.optimizers.Adam : The Keras optimizer this class reproduces.
    RMSprop : Adam without momentum and bias correction.

    Examples
    --------
    The first Adam step moves every coordinate by about ``learning_rate``,
    whatever the gradient's scale; :math:`\epsilon` only shows for tiny gradients:

    >>> import numpy as np
    >>> from dlref.optimizers import Adam
    >>> Adam(learning_rate=0.1).step(np.array([1.0, 1.0]), np.array([1000.0, 0.001]))
    array([0.9       , 0.90031523])
    """

    def __init__(
        self,
        learning_rate: float = 0.001,
        beta_1: float = 0.9,
        beta_2: float = 0.999,
        epsilon: float = 1e-7,
        amsgrad: bool = False,
    ) -> None:
        super().__init__(learning_rate)
        self.beta_1 = check_number("beta_1", beta_1, low=0.0, high=1.0, high_inclusive=False)
        self.beta_2 = check_number("beta_2", beta_2, low=0.0, high=1.0, high_inclusive=False)
        self.epsilon = check_number("epsilon", epsilon, low=0.0)
        self.amsgrad = check_bool("amsgrad", amsgrad)

    def _init_slots(self, w: np.ndarray) -> dict[str, np.ndarray]:
        slots = {"m": np.zeros_like(w), "v": np.zeros_like(w)}
        if self.amsgrad:
            slots["v_hat"] = np.zeros_like(w)
        return slots

    def _update(self, w, g, slots, t):
        dt = w.dtype.type
        # Same order of operations and dtype as keras/src/optimizers/adam.py.
        step = dt(t)
        beta_1_power = dt(self.beta_1) ** step
        beta_2_power = dt(self.beta_2) ** step
        alpha = dt(self.learning_rate) * np.sqrt(dt(1) - beta_2_power) / (dt(1) - beta_1_power)
        m = slots["m"] + (g - slots["m"]) * dt(1 - self.beta_1)
        v = slots["v"] + (np.square(g) - slots["v"]) * dt(1 - self.beta_2)
        slots["m"], slots["v"] = m, v
        if self.amsgrad:
            v = np.maximum(slots["v_hat"], v)
            slots["v_hat"] = v
        return w - (m * alpha) / (np.sqrt(v) + dt(self.epsilon))


def names() -> tuple[str, ...]:
    """Return the names accepted by :func:`get`, sorted.

    They are the lower-cased class names, as for ``keras.optimizers.get``.

    Returns
    -------
    tuple of str
        Lower-case optimizer names.

    See Also
    --------
    get : Build an optimizer from one of these names.

    Examples
    --------
    >>> from dlref.optimizers import names
    >>> names()
    ('adagrad', 'adam', 'rmsprop', 'sgd')
    """
    return _OPTIMIZERS.names()


def get(name: str, **kwargs: Any) -> Optimizer:
    """Build a numpy optimizer from its name (case-insensitive), like ``keras.optimizers.get``.

    Unknown names raise an error that suggests the closest known name.

    Parameters
    ----------
    name : str
        One of :func:`names`.
    **kwargs
        Hyperparameters passed to the optimizer's constructor.

    Returns
    -------
    Optimizer
        A fresh optimizer.

    Raises
    ------
    ValueError
        If the name is unknown (the message suggests the closest name) or a
        hyperparameter is out of range.
    TypeError
        If ``name`` is not a string or a keyword argument is not accepted.

    See Also
    --------
    names : The accepted names.

    Examples
    --------
    >>> from dlref.optimizers import get
    >>> get("Adam", learning_rate=0.01)
    Adam(learning_rate=0.01, beta_1=0.9, beta_2=0.999, epsilon=1e-07, amsgrad=False)
    >>> get("adma")
    Traceback (most recent call last):
    ...
    ValueError: name='adma' is not supported; allowed values are [...]. Did you mean 'adam'?
    """
    cls = _OPTIMIZERS.get(name)
    try:
        return cls(**kwargs)
    except TypeError as exc:
        if "unexpected keyword" not in str(exc):
            raise
        allowed = list(inspect.signature(cls).parameters)
        raise TypeError(
            _("{name} got unexpected keyword argument(s) {unknown}; allowed are {allowed}.",
              name=cls.__name__, unknown=sorted(set(kwargs) - set(allowed)), allowed=allowed)
        ) from None


# The test functions and minimize() have their own module; their public names are
# documented, imported and pickled from here, where the API page has them.
from ._surfaces import (  # noqa: E402
    minimize,
    quadratic,
    quadratic_grad,
    rosenbrock,
    rosenbrock_grad,
)

reexport(__name__, minimize, quadratic, quadratic_grad, rosenbrock, rosenbrock_grad)

# The optimizers are exactly the registered classes: adding one needs no edit here.
__all__ = [
    "Optimizer",
    *(_OPTIMIZERS.get(name).__name__ for name in names()),
    "get",
    "names",
    "minimize",
    "rosenbrock",
    "rosenbrock_grad",
    "quadratic",
    "quadratic_grad",
]
