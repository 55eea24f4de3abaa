"""Build policy: a figure glyph the font lacks fails the docs build.

A missing glyph renders as an empty box, so the site would ship a broken figure without
anyone noticing.  This is a property of the build, not of :mod:`dlref.plotting`: a user
calling ``use_style()`` in a notebook keeps matplotlib's usual warnings.  Text glyphs are
reported by matplotlib as warnings, mathtext glyphs (log-axis ticks) only as log records.
"""

from __future__ import annotations

import logging
import warnings

MISSING_GLYPH_WARNING = r"Glyph \d+ .*missing from"


class MissingGlyphIsAnError(logging.Filter):
    """Turn matplotlib's "does not have a glyph" log record into an exception."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if "does not have a glyph" in message:
            raise ValueError(f"missing glyph in a figure: {message}")
        return True


def install() -> None:
    """Make missing glyphs errors in this process (idempotent)."""
    warnings.filterwarnings("error", message=MISSING_GLYPH_WARNING, category=UserWarning)
    mathtext_log = logging.getLogger("matplotlib.mathtext")
    if not any(isinstance(f, MissingGlyphIsAnError) for f in mathtext_log.filters):
        mathtext_log.addFilter(MissingGlyphIsAnError())


def reset_for_example(gallery_conf, fname) -> None:
    """sphinx-gallery ``reset_modules`` hook: install the filters before each example.

    With ``parallel`` the examples run in worker processes, which do not inherit the
    filters that :func:`install` put in place in the Sphinx process.
    """
    install()
