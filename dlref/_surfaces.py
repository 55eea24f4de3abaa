r"""Two-dimensional test functions and :func:`minimize`, for loss-surface plots.

They live apart from the optimizers' update rules; the public names are documented and
imported from :mod:`dlref.optimizers`.

This module imports numpy only (never TensorFlow).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import numpy as np

from ._i18n import _
from ._validation import as_float_array, check_finite, check_number, check_positive_int

if TYPE_CHECKING:  # pragma: no cover
    from .optimizers import Optimizer


def _as_points(argname: str, x: Any, dim: int | None = 2) -> np.ndarray:
    arr = as_float_array(argname, x)
    if arr.ndim == 0 or (dim is not None and arr.shape[-1] != dim):
        want = f"(..., {dim})" if dim is not None else "(..., d)"  # a shape, not words
        raise ValueError(
            _("{argname} must have shape {expected}; got shape {shape}.",
              argname=argname, expected=want, shape=arr.shape)
        )
    return arr


def rosenbrock(x: Any, a: float = 1.0, b: float = 100.0) -> np.ndarray | float:
    r"""Evaluate Rosenbrock's banana function, a curved narrow valley.

    .. math:: f(x, y) = (a - x)^2 + b\,(y - x^2)^2,

    with its minimum :math:`f = 0` at :math:`(a, a^2)`.

    Parameters
    ----------
    x : array_like, shape (2,) or (..., 2)
        Point(s); the last axis holds :math:`(x, y)`, so a contour grid
        ``np.stack([X, Y], axis=-1)`` works directly.
    a, b : float, default 1.0 and 100.0
        Shape parameters.

    Returns
    -------
    float or numpy.ndarray
        Function value(s), of shape ``x.shape[:-1]``.

    Raises
    ------
    ValueError
        If the last axis of ``x`` is not of length 2.

    See Also
    --------
    rosenbrock_grad : Its gradient.
    minimize : Follow an optimizer on it.

    Examples
    --------
    >>> from dlref.optimizers import rosenbrock
    >>> rosenbrock([1.0, 1.0]), rosenbrock([0.0, 0.0])
    (0.0, 1.0)
    >>> rosenbrock([[1.0, 1.0], [-1.0, 1.0]])
    array([0., 4.])
    """
    p = _as_points("x", x)
    a = check_number("a", a)
    b = check_number("b", b)
    u, v = p[..., 0], p[..., 1]
    out = (a - u) ** 2 + b * (v - u**2) ** 2
    return float(out) if out.ndim == 0 else out


def rosenbrock_grad(x: Any, a: float = 1.0, b: float = 100.0) -> np.ndarray:
    r"""Gradient of :func:`rosenbrock`.

    .. math::

        \nabla f = \bigl(-2(a - x) - 4 b x (y - x^2),\; 2 b (y - x^2)\bigr).

    Parameters
    ----------
    x : array_like, shape (2,) or (..., 2)
        Point(s).
    a, b : float, default 1.0 and 100.0
        Shape parameters.

    Returns
    -------
    numpy.ndarray
        Gradient(s), same shape as ``x``.

    Raises
    ------
    ValueError
        If the last axis of ``x`` is not of length 2.

    See Also
    --------
    rosenbrock : The function.

    Examples
    --------
    >>> from dlref.optimizers import rosenbrock_grad
    >>> rosenbrock_grad([0.0, 0.0])
    array([-2.,  0.])
    """
    p = _as_points("x", x)
    a = check_number("a", a)
    b = check_number("b", b)
    u, v = p[..., 0], p[..., 1]
    r = v - u**2
    return np.stack([-2 * (a - u) - 4 * b * u * r, 2 * b * r], axis=-1)


def quadratic(x: Any, curvature: Any = (1.0, 10.0)) -> np.ndarray | float:
    r"""Evaluate an axis-aligned quadratic bowl, ill-conditioned by default.

    .. math:: f(x) = \tfrac12 \sum_i c_i x_i^2 ,

    whose condition number :math:`\max c / \min c` (10 by default) makes plain
    gradient descent zig-zag.

    Parameters
    ----------
    x : array_like, shape (d,) or (..., d)
        Point(s).
    curvature : float or array_like of shape (d,), default (1.0, 10.0)
        Curvatures :math:`c_i > 0` (the Hessian's diagonal).

    Returns
    -------
    float or numpy.ndarray
        Function value(s), of shape ``x.shape[:-1]``.

    Raises
    ------
    ValueError
        If ``curvature`` does not broadcast against the last axis of ``x`` or is not positive.

    See Also
    --------
    quadratic_grad : Its gradient.

    Examples
    --------
    >>> from dlref.optimizers import quadratic
    >>> quadratic([1.0, 1.0])
    5.5
    """
    p, c = _quadratic_args(x, curvature)
    out = 0.5 * np.sum(c * p**2, axis=-1)
    return float(out) if np.ndim(out) == 0 else out


def quadratic_grad(x: Any, curvature: Any = (1.0, 10.0)) -> np.ndarray:
    r"""Return the gradient of :func:`quadratic`.

    .. math:: \nabla f = c \odot x ,

    the curvature times the coordinate, so steep directions get large gradients.

    Parameters
    ----------
    x : array_like, shape (d,) or (..., d)
        Point(s).
    curvature : float or array_like of shape (d,), default (1.0, 10.0)
        Curvatures :math:`c_i > 0`.

    Returns
    -------
    numpy.ndarray
        Gradient(s), same shape as ``x``.

    Raises
    ------
    ValueError
        If ``curvature`` does not broadcast against the last axis of ``x`` or is not positive.

    See Also
    --------
    quadratic : The function.

    Examples
    --------
    >>> from dlref.optimizers import quadratic_grad
    >>> quadratic_grad([1.0, 1.0])
    array([ 1., 10.])
    """
    p, c = _quadratic_args(x, curvature)
    return c * p


def _quadratic_args(x: Any, curvature: Any) -> tuple[np.ndarray, np.ndarray]:
    p = _as_points("x", x, dim=None)
    c = as_float_array("curvature", curvature, allow_empty=False)
    check_finite("curvature", c)
    if c.ndim > 1 or (c.ndim == 1 and c.shape[0] not in (1, p.shape[-1])):
        raise ValueError(
            _("curvature must be a number or have shape ({d},) to match x; got shape {shape}.",
              d=p.shape[-1], shape=c.shape)
        )
    if np.any(c <= 0):
        raise ValueError(_("curvature must be positive; got {values}.", values=c.tolist()))
    return p, c


def minimize(
    grad: Callable[[np.ndarray], Any],
    x0: Any,
    optimizer: Optimizer | str,
    steps: int,
) -> np.ndarray:
    r"""Run an optimizer on a function and record its path, for loss-surface plots.

    Starting from :math:`x_0`, applies ``steps`` updates
    :math:`x_{k+1} = \mathrm{optimizer.step}(x_k, \nabla f(x_k))`.

    Parameters
    ----------
    grad : callable
        The gradient of the function, ``grad(x) -> array`` of shape ``(dim,)`` for ``x``
        of shape ``(dim,)``.
    x0 : array_like, shape (dim,)
        Starting point (finite).
    optimizer : Optimizer or str
        A numpy optimizer (its state is reset first) or a name for :func:`get`
        with default hyperparameters.
    steps : int
        Number of updates, at least 1.

    Returns
    -------
    numpy.ndarray, shape (steps + 1, dim)
        The trajectory; row 0 is ``x0``.  It may contain inf/NaN if the
        optimizer diverges.

    Raises
    ------
    TypeError
        If ``grad`` is not callable, or ``optimizer`` is neither an
        :class:`Optimizer` nor a string.
    ValueError
        If ``x0`` is not a finite 1-D array or ``steps < 1``.

    See Also
    --------
    rosenbrock, quadratic : Test functions.

    Examples
    --------
    >>> from dlref.optimizers import SGD, minimize, quadratic_grad
    >>> path = minimize(quadratic_grad, [1.0, 1.0], SGD(learning_rate=0.1), steps=3)
    >>> path.shape
    (4, 2)
    >>> path[-1]
    array([0.729, 0.   ])
    """
    if not callable(grad):
        raise TypeError(
            _("grad must be callable; got {type} {value!r}.", type=type(grad).__name__, value=grad)
        )
    x = as_float_array("x0", x0, allow_empty=False)
    if x.ndim != 1:
        raise ValueError(
            _("x0 must be a 1-D array of shape (dim,); got shape {shape}.", shape=x.shape)
        )
    check_finite("x0", x)
    steps = check_positive_int("steps", steps)
    from .optimizers import Optimizer, get, names  # at call time: optimizers imports us

    if isinstance(optimizer, str):
        optimizer = get(optimizer)
    elif not isinstance(optimizer, Optimizer):
        raise TypeError(
            _("optimizer must be a dlref.optimizers.Optimizer or one of the names {names}; got "
              "{type}.", names=list(names()), type=type(optimizer).__name__)
        )
    optimizer.reset()
    path = np.empty((steps + 1, x.size), dtype=x.dtype)
    path[0] = x
    for k in range(steps):
        g = np.asarray(grad(x), dtype=x.dtype)
        if g.shape != x.shape:
            raise ValueError(
                _("grad(x) must have shape {expected} like x0; got shape {shape}.",
                  expected=x.shape, shape=g.shape)
            )
        x = optimizer.step(x, g)
        path[k + 1] = x
    return path
