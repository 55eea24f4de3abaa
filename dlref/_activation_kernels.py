"""Numerical kernels of :mod:`dlref.activations`: shared helpers and the derivatives.

The derivatives live here, one ``d_<name>`` per elementwise activation, with the public
:func:`derivative` and :func:`softmax_jacobian` (documented in :mod:`dlref.activations`)
and the registry :data:`ACTIVATIONS`: each activation registers itself with its derivative
where it is defined (``@_activation(derivative=d_relu)``).

This module imports numpy only (never TensorFlow).
"""

from __future__ import annotations

import inspect
import math
from collections.abc import Callable
from typing import Any

import numpy as np

from ._i18n import _
from ._registry import Registry
from ._validation import as_float_array, check_bool, check_choice, check_number, quiet_underflow

Function = Callable[..., np.ndarray]

#: The activations by name, each with its elementwise ``derivative`` (None for softmax,
#: whose derivative is a matrix); filled by ``@_activation(derivative=...)`` in activations.py.
ACTIVATIONS: Registry[Function] = Registry()


SQRT_2 = math.sqrt(2.0)
SQRT_2_OVER_PI = math.sqrt(2.0 / math.pi)
INV_SQRT_2PI = 1.0 / math.sqrt(2.0 * math.pi)
GELU_CUBIC = 0.044715

# numpy has no erf/erfc ufunc, and scipy is not a dependency of dlref (it is only
# installed transitively, by scikit-learn in the docs extra).  math.erfc is correctly
# rounded in double precision, so we map it over the array with np.frompyfunc, which
# loops in C and is a few times faster than np.vectorize.  erfc rather than 1 + erf
# keeps full relative precision in the negative tail, as TensorFlow's gelu does.
erfc_object = np.frompyfunc(math.erfc, 1, 1)


def erfc(z: np.ndarray) -> np.ndarray:
    return np.asarray(erfc_object(z.astype(np.float64)), dtype=np.float64)


def exp_neg_abs(x: np.ndarray) -> np.ndarray:
    # exp(-|x|) lies in (0, 1]: the one exponential every stable formula below needs.
    return np.exp(-np.abs(x))


def sigmoid(x: np.ndarray) -> np.ndarray:
    # Branch on the sign so that exp never overflows (the naive 1/(1+exp(-x)) overflows
    # for x < -88 in float32) and neither branch loses precision to cancellation.
    e = exp_neg_abs(x)
    return np.where(x >= 0, 1.0 / (1.0 + e), e / (1.0 + e)).astype(x.dtype, copy=False)


def check_slope(negative_slope: Any) -> float:
    return check_number("negative_slope", negative_slope, low=0.0)


def check_alpha(alpha: Any) -> float:
    return check_number("alpha", alpha, low=0.0)


def gelu_tanh_arg(x: np.ndarray) -> np.ndarray:
    # tanh saturates to +-1 long before |x| = 50, so clipping changes no result but keeps
    # x**3 from overflowing float32 for huge inputs.
    xc = np.clip(x, -50, 50)
    return SQRT_2_OVER_PI * (xc + GELU_CUBIC * xc**3)


# ----------------------------------------------------------------------------------------
# Derivatives.  Each matches tf.GradientTape on the Keras function, including the value
# TensorFlow chooses at a kink (relu'(0) = 0, leaky_relu'(0) = slope, elu'(0) = alpha).


def d_sigmoid(x: np.ndarray) -> np.ndarray:
    # sigma(x) * sigma(-x) equals sigma(1 - sigma) but keeps precision for large x,
    # where 1 - sigma(x) would cancel to 0.
    return sigmoid(x) * sigmoid(-x)


def d_tanh(x: np.ndarray) -> np.ndarray:
    # 1 - tanh(x)**2 == sech(x)**2 == 4 e / (1 + e)**2 with e = exp(-2|x|); this form
    # keeps full relative precision in the tails, where 1 - tanh**2 cancels.
    e = exp_neg_abs(2 * x)
    return (4 * e / ((1 + e) * (1 + e))).astype(x.dtype, copy=False)


def d_relu(x: np.ndarray) -> np.ndarray:
    return (x > 0).astype(x.dtype)


def d_leaky_relu(x: np.ndarray, negative_slope: float = 0.2) -> np.ndarray:
    a = check_slope(negative_slope)
    return np.where(x > 0, 1, a).astype(x.dtype)


def d_elu(x: np.ndarray, alpha: float = 1.0) -> np.ndarray:
    a = check_alpha(alpha)
    return np.where(x > 0, 1, a * np.exp(np.minimum(x, 0))).astype(x.dtype, copy=False)


def d_gelu(x: np.ndarray, approximate: bool = False) -> np.ndarray:
    if check_bool("approximate", approximate):
        # d/dx [x sigmoid(2u)] = sigmoid(2u) + 2x sigmoid(2u) sigmoid(-2u) u'.  Written with
        # sigmoids, not 1 - tanh(u)**2, which cancels to 0 in float32 once |x| > 4.
        xc = np.clip(x, -50, 50)
        two_u = 2 * gelu_tanh_arg(x)
        du = SQRT_2_OVER_PI * (1 + 3 * GELU_CUBIC * xc * xc)
        out = sigmoid(two_u) + 2 * xc * sigmoid(two_u) * sigmoid(-two_u) * du
    else:
        # Phi(x) + x phi(x); the density term vanishes for |x| > 50, so clipping there
        # avoids computing x**2 of huge inputs without changing the result.
        xc = np.clip(x, -50, 50)
        out = 0.5 * erfc(-x / SQRT_2) + xc * INV_SQRT_2PI * np.exp(-0.5 * xc * xc)
    return out.astype(x.dtype, copy=False)


def d_silu(x: np.ndarray) -> np.ndarray:
    return sigmoid(x) * (1 + x * sigmoid(-x))


def d_softplus(x: np.ndarray) -> np.ndarray:
    return sigmoid(x)


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
    s = ACTIVATIONS.get("softmax")(x, axis=-1)  # softmax, without a circular import
    return s[..., :, None] * (np.eye(s.shape[-1], dtype=s.dtype) - s[..., None, :])


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
            _("name='softmax' has no elementwise derivative: each output depends on every "
              "input. Use softmax_jacobian(x) for its (n, n) matrix of derivatives.")
        )
    derivatives = {key: ACTIVATIONS.info(key)["derivative"] for key in ACTIVATIONS.names()}
    elementwise = [key for key, d in derivatives.items() if d is not None]
    key = check_choice("name", name, elementwise)
    function = derivatives[key]
    params = tuple(inspect.signature(function).parameters)[1:]  # all but x
    unknown = sorted(set(kwargs) - set(params))
    if unknown and params:
        raise TypeError(
            _("derivative({name!r}) got unexpected keyword argument(s) {unknown}; its only "
              "parameters are {allowed}.", name=key, unknown=unknown, allowed=list(params))
        )
    if unknown:
        raise TypeError(
            _("derivative({name!r}) got unexpected keyword argument(s) {unknown}; it has no "
              "parameters.", name=key, unknown=unknown)
        )
    return function(as_float_array("x", x), **kwargs)
