"""Activation functions in numpy, checked against ``keras.activations``.

Every function takes an array-like ``x`` and returns a numpy array of the same shape.
Float32 input stays float32 and float64 stays float64; integers and booleans become
float64.  Each function equals the Keras function of the same name to float32 precision,
and :func:`derivative` equals the gradient TensorFlow computes with ``tf.GradientTape``
(including the value it picks at the kink of ``relu``, ``leaky_relu`` and ``elu``).

The formulas are written so that no input with ``|x| <= 1e4`` overflows or produces NaN,
in float32 as well as float64: exponentials only ever see non-positive arguments.
Results that underflow to zero (``exp(-1e4)``) are the correct limit, so the underflow
flag is silenced inside these functions; overflow and invalid operations still follow
the caller's ``numpy.errstate``.

This module imports numpy only (never TensorFlow), so it is cheap to import.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np

from . import _activation_kernels as _k
from ._i18n import _
from ._registry import reexport
from ._validation import as_float_array, check_bool, quiet_underflow

# The one registry lives in _activation_kernels, where derivative() reads it: each
# activation below registers itself with its elementwise derivative (None for softmax,
# whose derivative is a matrix).
_activation = _k.ACTIVATIONS.register


@_activation(derivative=_k.d_sigmoid)
@quiet_underflow
def sigmoid(x: Any) -> np.ndarray:
    r"""Logistic sigmoid, squashing any real number into (0, 1).

    .. math:: \sigma(x) = \frac{1}{1 + e^{-x}}

    The output can be read as a probability, which is why a sigmoid is the output
    activation for binary (and multi-label) classification.

    Parameters
    ----------
    x : array_like
        Input values (any shape).

    Returns
    -------
    numpy.ndarray
        :math:`\sigma(x)`, same shape as ``x``; float32 input gives float32 output.

    Raises
    ------
    TypeError
        If ``x`` is a string or does not hold real numbers.

    See Also
    --------
    softmax : The multi-class generalisation; ``sigmoid(x) == softmax([x, 0])[0]``.
    derivative : ``derivative("sigmoid", x)`` is :math:`\sigma(x)(1 - \sigma(x))`.

    Notes
    -----
    Computed as :math:`1/(1+e^{-|x|})` for :math:`x \ge 0` and
    :math:`e^{-|x|}/(1+e^{-|x|})` for :math:`x < 0`, so the exponential never
    overflows.  The curve is symmetric: :math:`\sigma(-x) = 1 - \sigma(x)`.

    Examples
    --------
    >>> import numpy as np
    >>> from dlref.activations import sigmoid
    >>> sigmoid(np.array([-1.0, 0.0, 1.0]))
    array([0.26894142, 0.5       , 0.73105858])

    Large inputs saturate at 0 and 1 without overflow warnings:

    >>> sigmoid(np.array([-1e4, 1e4], dtype=np.float32))
    array([0., 1.], dtype=float32)
    """
    return _k.sigmoid(as_float_array("x", x))


@_activation(derivative=_k.d_tanh)
def tanh(x: Any) -> np.ndarray:
    r"""Hyperbolic tangent, squashing any real number into (-1, 1).

    .. math:: \tanh(x) = \frac{e^{x} - e^{-x}}{e^{x} + e^{-x}} = 2\sigma(2x) - 1

    Unlike the sigmoid it is centred on zero, which made it the classic hidden-layer
    activation before ReLU.

    Parameters
    ----------
    x : array_like
        Input values (any shape).

    Returns
    -------
    numpy.ndarray
        :math:`\tanh(x)`, same shape and float dtype as ``x``.

    Raises
    ------
    TypeError
        If ``x`` is a string or does not hold real numbers.

    See Also
    --------
    sigmoid : :math:`\tanh(x) = 2\sigma(2x) - 1`.
    derivative : ``derivative("tanh", x)`` is :math:`1 - \tanh^2(x)`, at most 1.

    Examples
    --------
    >>> import numpy as np
    >>> from dlref.activations import tanh
    >>> tanh(np.array([-1.0, 0.0, 1.0]))
    array([-0.76159416,  0.        ,  0.76159416])
    """
    return np.tanh(as_float_array("x", x))


@_activation(derivative=_k.d_relu)
def relu(x: Any) -> np.ndarray:
    r"""Rectified linear unit: keep positive values, replace negative ones by zero.

    .. math:: \operatorname{relu}(x) = \max(x, 0)

    Its gradient is exactly 1 for every positive input, so it does not shrink gradients
    the way saturating sigmoids do; this made deep networks trainable.

    Parameters
    ----------
    x : array_like
        Input values (any shape).

    Returns
    -------
    numpy.ndarray
        :math:`\max(x, 0)`, same shape and float dtype as ``x``.

    Raises
    ------
    TypeError
        If ``x`` is a string or does not hold real numbers.

    See Also
    --------
    leaky_relu : Keeps a small slope for negative inputs.
    elu : A smooth variant with negative outputs.
    derivative : ``derivative("relu", x)`` is 1 for ``x > 0`` and 0 otherwise.

    Notes
    -----
    ReLU is not differentiable at 0; like TensorFlow, :func:`derivative` uses 0 there.

    References
    ----------
    .. [1] V. Nair and G. E. Hinton, "Rectified linear units improve restricted
       Boltzmann machines", ICML 2010.

    Examples
    --------
    >>> import numpy as np
    >>> from dlref.activations import relu
    >>> relu(np.array([-2.0, 0.0, 3.0]))
    array([0., 0., 3.])
    """
    x = as_float_array("x", x)
    return np.maximum(x, 0)


@_activation(derivative=_k.d_leaky_relu)
def leaky_relu(x: Any, negative_slope: float = 0.2) -> np.ndarray:
    r"""Leaky ReLU: identity for positive inputs, a small slope for negative ones.

    .. math::

        \operatorname{leaky\_relu}(x) =
        \begin{cases} x & x > 0 \\ a\,x & x \le 0 \end{cases}

    with :math:`a` = ``negative_slope``.  The non-zero slope keeps a gradient flowing
    through units whose input is negative ("dying ReLU").

    Parameters
    ----------
    x : array_like
        Input values (any shape).
    negative_slope : float, default 0.2
        Slope :math:`a \ge 0` for negative inputs.

    Returns
    -------
    numpy.ndarray
        Same shape and float dtype as ``x``.

    Raises
    ------
    TypeError
        If ``x`` is not numeric or ``negative_slope`` is not a real number.
    ValueError
        If ``negative_slope`` is negative or not finite.

    See Also
    --------
    relu : The special case ``negative_slope=0``.
    derivative : ``derivative("leaky_relu", x, negative_slope=a)``.

    Notes
    -----
    The default slope differs between the two Keras spellings:
    ``keras.activations.leaky_relu`` (and this function) use ``negative_slope=0.2``,
    whereas the layer ``keras.layers.LeakyReLU`` uses ``negative_slope=0.3``.
    Pass the slope explicitly when you compare the two.

    References
    ----------
    .. [1] A. L. Maas, A. Y. Hannun and A. Y. Ng, "Rectifier nonlinearities improve
       neural network acoustic models", ICML 2013.

    Examples
    --------
    >>> import numpy as np
    >>> from dlref.activations import leaky_relu
    >>> leaky_relu(np.array([-2.0, 0.0, 3.0]))
    array([-0.4,  0. ,  3. ])
    >>> leaky_relu(np.array([-2.0, 0.0, 3.0]), negative_slope=0.3)  # keras.layers.LeakyReLU()
    array([-0.6,  0. ,  3. ])
    """
    x = as_float_array("x", x)
    a = _k.check_slope(negative_slope)
    return np.where(x > 0, x, a * x).astype(x.dtype, copy=False)


@_activation(derivative=_k.d_elu)
@quiet_underflow
def elu(x: Any, alpha: float = 1.0) -> np.ndarray:
    r"""Exponential linear unit: identity for positive inputs, a smooth saturating curve below.

    .. math::

        \operatorname{elu}(x) =
        \begin{cases} x & x > 0 \\ \alpha\,(e^{x} - 1) & x \le 0 \end{cases}

    Negative outputs (down to :math:`-\alpha`) push the mean activation towards zero,
    which speeds up learning.

    Parameters
    ----------
    x : array_like
        Input values (any shape).
    alpha : float, default 1.0
        Value :math:`\alpha \ge 0` that the output approaches for very negative inputs.

    Returns
    -------
    numpy.ndarray
        Same shape and float dtype as ``x``.

    Raises
    ------
    TypeError
        If ``x`` is not numeric or ``alpha`` is not a real number.
    ValueError
        If ``alpha`` is negative or not finite.

    See Also
    --------
    relu : ELU equals ReLU for positive inputs.
    derivative : ``derivative("elu", x, alpha=a)``.

    Notes
    -----
    Uses ``expm1`` on the non-positive part only, so large positive inputs never reach
    the exponential and small negative ones keep full precision.

    References
    ----------
    .. [1] D.-A. Clevert, T. Unterthiner and S. Hochreiter, "Fast and accurate deep
       network learning by exponential linear units (ELUs)", ICLR 2016.

    Examples
    --------
    >>> import numpy as np
    >>> from dlref.activations import elu
    >>> elu(np.array([-1e4, -1.0, 0.0, 2.0]))
    array([-1.        , -0.63212056,  0.        ,  2.        ])
    """
    x = as_float_array("x", x)
    a = _k.check_alpha(alpha)
    negative = a * np.expm1(np.minimum(x, 0))
    return np.where(x > 0, x, negative).astype(x.dtype, copy=False)


@_activation(derivative=_k.d_gelu)
@quiet_underflow
def gelu(x: Any, approximate: bool = False) -> np.ndarray:
    r"""Gaussian error linear unit: x times the chance that a standard normal falls below x.

    .. math::

        \operatorname{gelu}(x) = x\,\Phi(x)
        = \tfrac12\,x\,\bigl(1 + \operatorname{erf}(x/\sqrt2)\bigr)

    where :math:`\Phi` is the standard normal cumulative distribution function.  With
    ``approximate=True`` the tanh approximation
    :math:`\tfrac12 x\bigl(1 + \tanh(\sqrt{2/\pi}\,(x + 0.044715\,x^3))\bigr)` is used.

    Parameters
    ----------
    x : array_like
        Input values (any shape).
    approximate : bool, default False
        Use the tanh approximation instead of the exact erf form.

    Returns
    -------
    numpy.ndarray
        Same shape and float dtype as ``x``.

    Raises
    ------
    TypeError
        If ``x`` is not numeric or ``approximate`` is not a bool.

    See Also
    --------
    silu : :math:`x\,\sigma(x)`, a close relative (:math:`\Phi(x) \approx \sigma(1.702x)`).
    derivative : ``derivative("gelu", x, approximate=...)``.

    Notes
    -----
    ``keras.activations.gelu`` defaults to ``approximate=False`` (exact), but
    ``keras.ops.gelu`` defaults to ``approximate=True``; the two differ by up to
    about 5e-4.  The exact form is computed with :math:`\tfrac12 x\,\operatorname{erfc}
    (-x/\sqrt2)` (as TensorFlow does), which stays accurate for very negative ``x``.

    References
    ----------
    .. [1] D. Hendrycks and K. Gimpel, "Gaussian error linear units (GELUs)",
       arXiv:1606.08415, 2016.

    Examples
    --------
    >>> import numpy as np
    >>> from dlref.activations import gelu
    >>> gelu(np.array([-1.0, 0.0, 1.0]))
    array([-0.15865525,  0.        ,  0.84134475])
    >>> gelu(np.array([-1.0, 0.0, 1.0]), approximate=True)
    array([-0.15880801,  0.        ,  0.84119199])
    """
    x = as_float_array("x", x)
    if check_bool("approximate", approximate):
        # 1 + tanh(u) == 2 sigmoid(2u) avoids the cancellation of 1 + tanh(u) for x << 0.
        return x * _k.sigmoid(2 * _k.gelu_tanh_arg(x))
    return (0.5 * x * _k.erfc(-x / _k.SQRT_2)).astype(x.dtype, copy=False)


@_activation(derivative=_k.d_silu)
@quiet_underflow
def silu(x: Any) -> np.ndarray:
    r"""Sigmoid linear unit (also called swish): the input gated by its own sigmoid.

    .. math:: \operatorname{silu}(x) = x\,\sigma(x) = \frac{x}{1 + e^{-x}}

    Smooth and non-monotonic: it dips to about -0.278 near :math:`x \approx -1.28`
    before rising like the identity.

    Parameters
    ----------
    x : array_like
        Input values (any shape).

    Returns
    -------
    numpy.ndarray
        Same shape and float dtype as ``x``.

    Raises
    ------
    TypeError
        If ``x`` is a string or does not hold real numbers.

    See Also
    --------
    sigmoid : The gate.
    gelu : A close relative.
    derivative : ``derivative("silu", x)`` is :math:`\sigma(x)\,(1 + x(1-\sigma(x)))`.

    References
    ----------
    .. [1] P. Ramachandran, B. Zoph and Q. V. Le, "Searching for activation
       functions", arXiv:1710.05941, 2017.

    Examples
    --------
    >>> import numpy as np
    >>> from dlref.activations import silu
    >>> silu(np.array([-1.0, 0.0, 1.0]))
    array([-0.26894142,  0.        ,  0.73105858])
    """
    x = as_float_array("x", x)
    return x * _k.sigmoid(x)


@_activation(derivative=_k.d_softplus)
@quiet_underflow
def softplus(x: Any) -> np.ndarray:
    r"""Softplus: a smooth version of ReLU whose output is always positive.

    .. math:: \operatorname{softplus}(x) = \log(1 + e^{x})

    Its derivative is the sigmoid.

    Parameters
    ----------
    x : array_like
        Input values (any shape).

    Returns
    -------
    numpy.ndarray
        Same shape and float dtype as ``x``.

    Raises
    ------
    TypeError
        If ``x`` is a string or does not hold real numbers.

    See Also
    --------
    relu : The non-smooth limit.
    sigmoid : The derivative of softplus.

    Notes
    -----
    Computed as :math:`\max(x, 0) + \log(1 + e^{-|x|})` (the log-add-exp identity),
    which never overflows: the naive formula gives ``inf`` for ``x > 88`` in float32.

    Examples
    --------
    >>> import numpy as np
    >>> from dlref.activations import softplus
    >>> y = softplus(np.array([-1e4, 0.0, 1e4], dtype=np.float32))
    >>> y.dtype, y.tolist()  # log(2) at 0, no overflow at 1e4
    (dtype('float32'), [0.0, 0.693147, 10000.0])
    """
    x = as_float_array("x", x)
    return np.maximum(x, 0) + np.log1p(_k.exp_neg_abs(x))


def _check_axis(axis: Any, x: np.ndarray) -> int:
    if isinstance(axis, bool) or not isinstance(axis, (int, np.integer)):
        raise TypeError(
            _("axis must be an integer; got {type} {value!r}.",
              type=type(axis).__name__, value=axis)
        )
    if x.ndim == 0:
        raise ValueError(
            _("x must have at least one dimension for softmax; got a scalar {value!r}. "
              "Wrap it in a list, e.g. softmax([x]).", value=x)
        )
    if not -x.ndim <= axis < x.ndim:
        raise ValueError(
            _("axis={axis} is out of range for x of shape {shape}; allowed values are "
              "{low}..{high}.", axis=axis, shape=x.shape, low=-x.ndim, high=x.ndim - 1)
        )
    if x.shape[axis] == 0:
        raise ValueError(
            _("x has no entries along axis={axis} (shape {shape}); softmax needs at least "
              "one value to normalise.", axis=axis, shape=x.shape)
        )
    return int(axis)


@_activation(derivative=None)
@quiet_underflow
def softmax(x: Any, axis: int = -1) -> np.ndarray:
    r"""Softmax: turn a vector of scores (logits) into probabilities that sum to 1.

    .. math:: \operatorname{softmax}(x)_i = \frac{e^{x_i}}{\sum_j e^{x_j}}

    It is the output activation for single-label, multi-class classification.

    Parameters
    ----------
    x : array_like
        Scores, at least 1-D.
    axis : int, default -1
        Axis along which the probabilities sum to 1.

    Returns
    -------
    numpy.ndarray
        Same shape and float dtype as ``x``; non-negative, summing to 1 along ``axis``.

    Raises
    ------
    TypeError
        If ``x`` is not numeric or ``axis`` is not an integer.
    ValueError
        If ``x`` is a scalar, ``axis`` is out of range, or ``x`` is empty along ``axis``.

    See Also
    --------
    softmax_jacobian : Its matrix of partial derivatives.
    sigmoid : The two-class special case.

    Notes
    -----
    Softmax is shift invariant, :math:`\operatorname{softmax}(x + c) =
    \operatorname{softmax}(x)`, so it is computed with the log-sum-exp trick: subtract
    the maximum, then :math:`\exp(z - \log\sum_j e^{z_j})`.  All exponents are then
    :math:`\le 0`, so scores of :math:`\pm 10^4` neither overflow nor give NaN.

    Examples
    --------
    >>> import numpy as np
    >>> from dlref.activations import softmax
    >>> p = softmax(np.array([1.0, 2.0, 3.0]))
    >>> p
    array([0.09003057, 0.24472847, 0.66524096])
    >>> float(p.sum())
    1.0

    Adding a constant to every score changes nothing, even a huge one:

    >>> bool(np.allclose(softmax(np.array([1.0, 2.0, 3.0]) + 1e4), p))
    True
    """
    x = as_float_array("x", x)
    axis = _check_axis(axis, x)
    z = x - np.max(x, axis=axis, keepdims=True)
    log_norm = np.log(np.sum(np.exp(z), axis=axis, keepdims=True))
    return np.exp(z - log_norm)


# derivative() and softmax_jacobian() live with the derivatives; their public names are
# documented, imported and pickled from here, where the API page has them.
derivative = _k.derivative
softmax_jacobian = _k.softmax_jacobian
reexport(__name__, derivative, softmax_jacobian)


def names() -> tuple[str, ...]:
    """Names of the activations in this module, sorted alphabetically.

    Returns
    -------
    tuple of str
        Names accepted by :func:`get`; all but ``"softmax"`` are also accepted by
        :func:`derivative`.

    See Also
    --------
    get : Look an activation up by name.

    Examples
    --------
    >>> from dlref.activations import names
    >>> names()
    ('elu', 'gelu', 'leaky_relu', 'relu', 'sigmoid', 'silu', 'softmax', 'softplus', 'tanh')
    """
    return _k.ACTIVATIONS.names()


def get(name: str) -> Callable[..., np.ndarray]:
    """Return the activation function called ``name``.

    Parameters
    ----------
    name : str
        One of :func:`names` (case-insensitive), the same string you would pass to a
        Keras layer as ``activation=``.

    Returns
    -------
    callable
        The numpy function, e.g. :func:`relu`.

    Raises
    ------
    TypeError
        If ``name`` is not a string.
    ValueError
        If ``name`` is unknown; the message suggests the closest name.

    See Also
    --------
    names : All valid names.

    Examples
    --------
    >>> from dlref.activations import get
    >>> get("relu")([-1.0, 2.0])
    array([0., 2.])
    >>> get("reul")
    Traceback (most recent call last):
    ...
    ValueError: name='reul' is not supported; allowed values are [...]. Did you mean 'relu'?
    """
    return _k.ACTIVATIONS.get(name)


# The activations are exactly the registered functions: adding one needs no edit here.
__all__ = [*names(), "derivative", "softmax_jacobian", "names", "get"]
