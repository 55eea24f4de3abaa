"""Shared by the ``BAD_INPUT`` tables of tests/dlref/test_<module>.py.

Each row is ``(call, exception type, regex)``: the regex checks that the message names the
argument and says what was given (or what is allowed), so a learner can fix the call from
the message alone.  Rows are plain tuples (their id is made from the call) or
``pytest.param(..., id=...)``.
"""

from __future__ import annotations

from functools import partial

import pytest


def _stable_repr(value) -> str:
    # A function's repr holds its address, which differs between pytest-xdist workers and
    # makes them collect different test ids; its name is stable.
    if callable(value) and not isinstance(value, type) and hasattr(value, "__name__"):
        return value.__name__.replace("<lambda>", "lambda")
    return repr(value)


def _case_id(i: int, case: tuple) -> str:
    func, exc, _ = case
    name = getattr(func, "func", func).__name__.replace("<lambda>", "call")
    if isinstance(func, partial):
        args = [_stable_repr(a) for a in func.args]
        args += [f"{k}={_stable_repr(v)}" for k, v in func.keywords.items()]
        name += "(" + ",".join(args) + ")"
    return f"{i:02d}-{exc.__name__}-{name}"


def _parametrize(cases: list) -> pytest.MarkDecorator:
    """``pytest.mark.parametrize`` over a BAD_INPUT table, with unique readable ids."""
    params = [
        case if hasattr(case, "id") else pytest.param(*case, id=_case_id(i, case))
        for i, case in enumerate(cases)
    ]
    ids = [p.id for p in params]
    duplicated = sorted({i for i in ids if ids.count(i) > 1})
    if duplicated:
        raise ValueError(f"duplicate BAD_INPUT ids: {duplicated}")
    return pytest.mark.parametrize(("call", "exc_type", "pattern"), params)


def make_test(cases: list):
    """Return the test of a BAD_INPUT table; assign it to a ``test_...`` name of a module."""

    @_parametrize(cases)
    def test_bad_input_is_explained(call, exc_type, pattern):
        with pytest.raises(exc_type, match=pattern):
            call()

    return test_bad_input_is_explained
