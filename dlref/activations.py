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

import math
from collections.abc import Callable
from typing import Any

import numpy as np

from ._validation import as_float_array, check_bool, check_choice, check_number, quiet_underflow

__all__ = [
    "sigmoid",
    "tanh",
    "relu",
    "leaky_relu",
    "elu",
    "gelu",
    "silu",
    "softplus",
    "softmax",
    "derivative",
    "softmax_jacobian",
    "names",
    "get",
]

_SQRT_2 = math.sqrt(2.0)
_SQRT_2_OVER_PI = math.sqrt(2.0 / math.pi)
_INV_SQRT_2PI = 1.0 / math.sqrt(2.0 * math.pi)
_GELU_CUBIC = 0.044715

# numpy has no erf/erfc ufunc, and scipy is not a dependency of dlref (it is only
# installed transitively, by scikit-learn in the docs extra).  math.erfc is correctly
# rounded in double precision, so we map it over the array with np.frompyfunc, which
# loops in C and is a few times faster than np.vectorize.  erfc rather than 1 + erf
# keeps full relative precision in the negative tail, as TensorFlow's gelu does.
_erfc_object = np.frompyfunc(math.erfc, 1, 1)


def _erfc(z: np.ndarray) -> np.ndarray:
    return np.asarray(_erfc_object(z.astype(np.float64)), dtype=np.float64)


def _exp_neg_abs(x: np.ndarray) -> np.ndarray:
    # exp(-|x|) lies in (0, 1]: the one exponential every stable formula below needs.
    return np.exp(-np.abs(x))


def _sigmoid(x: np.ndarray) -> np.ndarray:
    # Branch on the sign so that exp never overflows (the naive 1/(1+exp(-x)) overflows
    # for x < -88 in float32) and neither branch loses precision to cancellation.
    e = _exp_neg_abs(x)
    return np.where(x >= 0, 1.0 / (1.0 + e), e / (1.0 + e)).astype(x.dtype, copy=False)


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
    return _sigmoid(as_float_array("x", x))


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


def _check_slope(negative_slope: Any) -> float:
    return check_number("negative_slope", negative_slope, low=0.0)


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
    a = _check_slope(negative_slope)
    return np.where(x > 0, x, a * x).astype(x.dtype, copy=False)


def _check_alpha(alpha: Any) -> float:
    return check_number("alpha", alpha, low=0.0)


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
    a = _check_alpha(alpha)
    negative = a * np.expm1(np.minimum(x, 0))
    return np.where(x > 0, x, negative).astype(x.dtype, copy=False)


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
        return x * _sigmoid(2 * _gelu_tanh_arg(x))
    return (0.5 * x * _erfc(-x / _SQRT_2)).astype(x.dtype, copy=False)


def _gelu_tanh_arg(x: np.ndarray) -> np.ndarray:
    # tanh saturates to +-1 long before |x| = 50, so clipping changes no result but keeps
    # x**3 from overflowing float32 for huge inputs.
    xc = np.clip(x, -50, 50)
    return _SQRT_2_OVER_PI * (xc + _GELU_CUBIC * xc**3)


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
    return x * _sigmoid(x)


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
    return np.maximum(x, 0) + np.log1p(_exp_neg_abs(x))


def _check_axis(axis: Any, x: np.ndarray) -> int:
    if isinstance(axis, bool) or not isinstance(axis, (int, np.integer)):
        raise TypeError(f"axis must be an integer; got {type(axis).__name__} {axis!r}.")
    if x.ndim == 0:
        raise ValueError(
            f"x must have at least one dimension for softmax; got a scalar {x!r}. "
            "Wrap it in a list, e.g. softmax([x])."
        )
    if not -x.ndim <= axis < x.ndim:
        raise ValueError(
            f"axis={axis} is out of range for x of shape {x.shape}; "
            f"allowed values are {-x.ndim}..{x.ndim - 1}."
        )
    if x.shape[axis] == 0:
        raise ValueError(
            f"x has no entries along axis={axis} (shape {x.shape}); softmax needs at "
            "least one value to normalise."
        )
    return int(axis)


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


@quiet_underflow
def softmax_jacobian(x: Any) -> np.ndarray:
    r"""Jacobian of :func:`softmax` over the last axis.

    .. math::

        J_{ij} = \frac{\partial s_i}{\partial x_j} = s_i(\delta_{ij} - s_j),
        \qquad J = \operatorname{diag}(s) - s\,s^{\top},\quad s = \operatorname{softmax}(x)

    Softmax mixes its inputs, so unlike the elementwise activations its derivative is
    a matrix, not a vector.

    Parameters
    ----------
    x : array_like
        Scores of shape ``(n,)`` or a batch of shape ``(..., n)``.

    Returns
    -------
    numpy.ndarray
        Shape ``(n, n)`` for 1-D input, ``(..., n, n)`` for a batch; same float dtype
        as ``x``.  Each matrix is symmetric and its rows sum to 0.

    Raises
    ------
    TypeError
        If ``x`` is not numeric.
    ValueError
        If ``x`` is a scalar or has an empty last axis.

    See Also
    --------
    softmax : The function being differentiated.
    derivative : Derivatives of the elementwise activations.

    Examples
    --------
    >>> import numpy as np
    >>> from dlref.activations import softmax_jacobian
    >>> J = softmax_jacobian(np.array([0.0, 0.0]))
    >>> J
    array([[ 0.25, -0.25],
           [-0.25,  0.25]])
    >>> J.sum(axis=1)
    array([0., 0.])
    """
    s = softmax(x, axis=-1)
    return s[..., :, None] * (np.eye(s.shape[-1], dtype=s.dtype) - s[..., None, :])


# ----------------------------------------------------------------------------------------
# Derivatives.  Each matches tf.GradientTape on the Keras function, including the value
# TensorFlow chooses at a kink (relu'(0) = 0, leaky_relu'(0) = slope, elu'(0) = alpha).


def _d_sigmoid(x: np.ndarray) -> np.ndarray:
    # sigma(x) * sigma(-x) equals sigma(1 - sigma) but keeps precision for large x,
    # where 1 - sigma(x) would cancel to 0.
    return _sigmoid(x) * _sigmoid(-x)


def _d_tanh(x: np.ndarray) -> np.ndarray:
    # 1 - tanh(x)**2 == sech(x)**2 == 4 e / (1 + e)**2 with e = exp(-2|x|); this form
    # keeps full relative precision in the tails, where 1 - tanh**2 cancels.
    e = _exp_neg_abs(2 * x)
    return (4 * e / ((1 + e) * (1 + e))).astype(x.dtype, copy=False)


def _d_relu(x: np.ndarray) -> np.ndarray:
    return (x > 0).astype(x.dtype)


def _d_leaky_relu(x: np.ndarray, negative_slope: float = 0.2) -> np.ndarray:
    a = _check_slope(negative_slope)
    return np.where(x > 0, 1, a).astype(x.dtype)


def _d_elu(x: np.ndarray, alpha: float = 1.0) -> np.ndarray:
    a = _check_alpha(alpha)
    return np.where(x > 0, 1, a * np.exp(np.minimum(x, 0))).astype(x.dtype, copy=False)


def _d_gelu(x: np.ndarray, approximate: bool = False) -> np.ndarray:
    if check_bool("approximate", approximate):
        # d/dx [x sigmoid(2u)] = sigmoid(2u) + 2x sigmoid(2u) sigmoid(-2u) u'.  Written with
        # sigmoids, not 1 - tanh(u)**2, which cancels to 0 in float32 once |x| > 4.
        xc = np.clip(x, -50, 50)
        two_u = 2 * _gelu_tanh_arg(x)
        du = _SQRT_2_OVER_PI * (1 + 3 * _GELU_CUBIC * xc * xc)
        out = _sigmoid(two_u) + 2 * xc * _sigmoid(two_u) * _sigmoid(-two_u) * du
    else:
        # Phi(x) + x phi(x); the density term vanishes for |x| > 50, so clipping there
        # avoids computing x**2 of huge inputs without changing the result.
        xc = np.clip(x, -50, 50)
        out = 0.5 * _erfc(-x / _SQRT_2) + xc * _INV_SQRT_2PI * np.exp(-0.5 * xc * xc)
    return out.astype(x.dtype, copy=False)


def _d_silu(x: np.ndarray) -> np.ndarray:
    return _sigmoid(x) * (1 + x * _sigmoid(-x))


def _d_softplus(x: np.ndarray) -> np.ndarray:
    return _sigmoid(x)


_FUNCTIONS: dict[str, Callable[..., np.ndarray]] = {
    "elu": elu,
    "gelu": gelu,
    "leaky_relu": leaky_relu,
    "relu": relu,
    "sigmoid": sigmoid,
    "silu": silu,
    "softmax": softmax,
    "softplus": softplus,
    "tanh": tanh,
}

_DERIVATIVES: dict[str, tuple[Callable[..., np.ndarray], tuple[str, ...]]] = {
    "elu": (_d_elu, ("alpha",)),
    "gelu": (_d_gelu, ("approximate",)),
    "leaky_relu": (_d_leaky_relu, ("negative_slope",)),
    "relu": (_d_relu, ()),
    "sigmoid": (_d_sigmoid, ()),
    "silu": (_d_silu, ()),
    "softplus": (_d_softplus, ()),
    "tanh": (_d_tanh, ()),
}


@quiet_underflow
def derivative(name: str, x: Any, **kwargs: Any) -> np.ndarray:
    r"""Elementwise derivative :math:`f'(x)` of the activation called ``name``.

    Backpropagation multiplies the incoming gradient by :math:`f'(x)`; where it is
    small (a saturated sigmoid or tanh) little gradient gets through.

    Parameters
    ----------
    name : str
        Name of an elementwise activation: one of :func:`names` except ``"softmax"``.
    x : array_like
        Points at which to evaluate the derivative.
    **kwargs
        Parameters of the activation: ``negative_slope`` for ``"leaky_relu"`` (default
        0.2), ``alpha`` for ``"elu"`` (default 1.0), ``approximate`` for ``"gelu"``
        (default False).

    Returns
    -------
    numpy.ndarray
        :math:`f'(x)`, same shape and float dtype as ``x``.

    Raises
    ------
    ValueError
        If ``name`` is unknown (with a close-match suggestion) or is ``"softmax"``.
    TypeError
        If ``name`` is not a string, ``x`` is not numeric, or a keyword is not a
        parameter of that activation.

    See Also
    --------
    softmax_jacobian : The derivative of softmax, which is a matrix.

    Notes
    -----
    At the kinks the values agree with TensorFlow's gradients: ``relu'(0) = 0``,
    ``leaky_relu'(0) = negative_slope`` and ``elu'(0) = alpha``.

    Examples
    --------
    The sigmoid's slope is largest at 0, where it is only 0.25, so every sigmoid layer
    shrinks gradients by at least a factor of 4:

    >>> import numpy as np
    >>> from dlref.activations import derivative
    >>> derivative("sigmoid", np.array([-2.0, 0.0, 2.0]))
    array([0.10499359, 0.25      , 0.10499359])

    tanh has slope 1 at 0, its maximum:

    >>> derivative("tanh", np.array([-2.0, 0.0, 2.0]))
    array([0.07065082, 1.        , 0.07065082])
    >>> derivative("relu", np.array([-1.0, 0.0, 1.0]))
    array([0., 0., 1.])
    >>> derivative("leaky_relu", np.array([-1.0, 1.0]), negative_slope=0.1)
    array([0.1, 1. ])
    """
    if isinstance(name, str) and name.strip().lower() == "softmax":
        raise ValueError(
            "name='softmax' has no elementwise derivative: each output depends on every "
            "input. Use softmax_jacobian(x) for its (n, n) matrix of derivatives."
        )
    key = check_choice("name", name, sorted(_DERIVATIVES))
    function, params = _DERIVATIVES[key]
    unknown = sorted(set(kwargs) - set(params))
    if unknown:
        allowed = f"its only parameters are {list(params)}" if params else "it has no parameters"
        raise TypeError(
            f"derivative({key!r}) got unexpected keyword argument(s) {unknown}; {allowed}."
        )
    return function(as_float_array("x", x), **kwargs)


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
    return tuple(sorted(_FUNCTIONS))


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
    return _FUNCTIONS[check_choice("name", name, names())]
