"""Argument checking shared by every public function of dlref.

Every error message names the argument, what was given and what is allowed, so that
a learner can fix a call without reading a traceback.
"""

from __future__ import annotations

import difflib
import functools
import re
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

import numpy as np

from ._i18n import _

_WORDS = re.compile(r"[\W_]+")


def suggest(name: str, allowed: Iterable[str]) -> str:
    """Return ``" Did you mean 'x'?"`` for the closest allowed name, or ``""``.

    A sentence of its own, to append to a message that says what is allowed.
    """
    key = str(name).lower()
    candidates = {a.lower(): a for a in allowed}
    # A name made of whole words of an allowed one ("sparse_crossentropy") means that one,
    # even when another is closer letter by letter ("binary_crossentropy").
    words = set(_WORDS.split(key)) - {""}
    containing = [c for c in candidates if words and words <= set(_WORDS.split(c))]
    if containing:
        best = max(containing, key=lambda c: difflib.SequenceMatcher(None, key, c).ratio())
        return " " + _("Did you mean {match!r}?", match=candidates[best])
    matches = difflib.get_close_matches(key, list(candidates), n=1)
    if not matches:
        return ""
    return " " + _("Did you mean {match!r}?", match=candidates[matches[0]])


def check_choice(argname: str, value: Any, allowed: Iterable[str]) -> str:
    """Check that ``value`` is one of ``allowed`` (case-insensitive) and return it lower-cased."""
    allowed = list(allowed)
    if not isinstance(value, str):
        raise TypeError(
            _("{argname} must be a string, one of {allowed}; got {type} {value!r}.",
              argname=argname, allowed=allowed, type=type(value).__name__, value=value)
        )
    key = value.strip().lower()
    if key not in [a.lower() for a in allowed]:
        raise ValueError(
            _("{argname}={value!r} is not supported; allowed values are {allowed}.",
              argname=argname, value=value, allowed=allowed)
            + suggest(key, allowed)
        )
    return key


def as_float_array(argname: str, x: Any, *, allow_empty: bool = True) -> np.ndarray:
    """Convert ``x`` to a floating numpy array, keeping float32/float64 dtype.

    Integers and booleans become float64.  Strings, objects and complex values are
    rejected with a ``TypeError`` naming the argument.
    """
    if isinstance(x, (str, bytes)):
        raise TypeError(
            _("{argname} must be a number or an array of numbers; got the string {value!r}.",
              argname=argname, value=x)
        )
    try:
        arr = np.asarray(x)
    except (TypeError, ValueError) as exc:  # ragged nested lists, for instance
        raise TypeError(
            _("{argname} must be array-like of numbers; got {type}: {error}",
              argname=argname, type=type(x).__name__, error=exc)
        ) from exc
    if arr.dtype.kind in "iub":
        arr = arr.astype(np.float64)
    elif arr.dtype.kind == "f":
        if arr.dtype not in (np.float32, np.float64):
            arr = arr.astype(np.float64)
    else:
        raise TypeError(
            _("{argname} must hold real numbers (int, float or bool); got dtype {dtype}.",
              argname=argname, dtype=arr.dtype)
        )
    if not allow_empty and arr.size == 0:
        raise ValueError(
            _("{argname} must not be empty; got an array of shape {shape}.",
              argname=argname, shape=arr.shape)
        )
    return arr


def check_finite(argname: str, arr: np.ndarray) -> None:
    """Raise ``ValueError`` if ``arr`` holds NaN or infinity."""
    if not np.all(np.isfinite(arr)):
        bad = int(np.size(arr) - np.count_nonzero(np.isfinite(arr)))
        raise ValueError(
            _("{argname} contains {n} NaN or infinite value(s); all must be finite. "
              "Drop or impute those entries (e.g. with np.isfinite) before using {argname}.",
              argname=argname, n=bad)
        )


def check_number(
    argname: str,
    value: Any,
    *,
    low: float | None = None,
    high: float | None = None,
    low_inclusive: bool = True,
    high_inclusive: bool = True,
) -> float:
    """Check that ``value`` is a real number within the given bounds and return it as float."""
    if isinstance(value, bool) or not isinstance(value, (int, float, np.integer, np.floating)):
        raise TypeError(
            _("{argname} must be a real number; got {type} {value!r}.",
              argname=argname, type=type(value).__name__, value=value)
        )
    value = float(value)
    if not np.isfinite(value):
        raise ValueError(
            _("{argname} must be finite; got {value!r}.", argname=argname, value=value)
        )
    lo_ok = low is None or (value >= low if low_inclusive else value > low)
    hi_ok = high is None or (value <= high if high_inclusive else value < high)
    if not (lo_ok and hi_ok):
        left = "" if low is None else ("[" if low_inclusive else "(") + f"{low:g}"
        right = "" if high is None else f"{high:g}" + ("]" if high_inclusive else ")")
        interval = f"{left or '(-inf'}, {right or 'inf)'}"
        raise ValueError(
            _("{argname} must be in {interval}; got {value!r}.",
              argname=argname, interval=interval, value=value)
        )
    return value


def check_positive_int(argname: str, value: Any) -> int:
    """Check that ``value`` is an integer >= 1."""
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)):
        raise TypeError(
            _("{argname} must be a positive integer; got {type} {value!r}.",
              argname=argname, type=type(value).__name__, value=value)
        )
    if value < 1:
        raise ValueError(
            _("{argname} must be a positive integer (>= 1); got {value!r}.",
              argname=argname, value=value)
        )
    return int(value)


def check_bool(argname: str, value: Any) -> bool:
    """Check that ``value`` is a bool (Python or numpy) and return it as ``bool``."""
    if not isinstance(value, (bool, np.bool_)):
        raise TypeError(
            _("{argname} must be True or False; got {type} {value!r}.",
              argname=argname, type=type(value).__name__, value=value)
        )
    return bool(value)


_F = TypeVar("_F", bound=Callable[..., Any])


def quiet_underflow(func: _F) -> _F:
    """Silence numpy's *underflow* flag, and only that, during the wrapped call.

    ``exp(-1e4) == 0`` is the exact answer to float precision, so underflow is not an
    error in the stable formulations used here; overflow and invalid stay loud.  A fresh
    ``errstate`` per call keeps nested calls correct on numpy 1.x, where a shared
    ``errstate`` instance is not re-entrant.
    """

    @functools.wraps(func)
    def inner(*args: Any, **kwargs: Any) -> Any:
        with np.errstate(under="ignore"):
            return func(*args, **kwargs)

    return inner  # type: ignore[return-value]
