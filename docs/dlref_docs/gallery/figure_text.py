"""The words of a matplotlib figure: find them, and redraw the figure in another language.

A figure's words live in its Text artists (titles, suptitle, axis labels, legend entries,
annotations, table cells) and in its tick formatters (tick labels are regenerated from the
formatter at every draw, so setting their text would not last).  Numbers are not words:
``"epoch 5"`` and ``"epoch 6"`` are one message, ``"epoch {0}"``, whose translation
``"에포크 {0}"`` gets the same numbers back.  Maths (``$...$``) is left as it is.

Used by :mod:`dlref_docs.gallery.figures` (the Sphinx side); this module knows nothing of
Sphinx.  The number holes are :mod:`dlref_docs.core.holes`.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable, Mapping

from matplotlib import ticker
from matplotlib.figure import Figure
from matplotlib.text import Text

from ..core.holes import fill, has_maths, is_words, template


def _axes_axis(ax) -> list:
    return list(getattr(ax, "_axis_map", {"x": ax.xaxis, "y": ax.yaxis}).values())


def _tick_label_ids(fig: Figure) -> set[int]:
    ids = set()
    for ax in fig.axes:
        for axis in _axes_axis(ax):
            for tick in (*axis.majorTicks, *axis.minorTicks):
                ids.update((id(tick.label1), id(tick.label2)))
    return ids


def figure_texts(fig: Figure) -> list[str]:
    """Every visible, non-empty string of ``fig`` as drawn (the figure is drawn first)."""
    fig.canvas.draw()
    texts: list[str] = []
    skip = _tick_label_ids(fig)
    for artist in fig.findobj(Text, include_self=False):
        if id(artist) not in skip and artist.get_visible() and artist.get_text().strip():
            texts.append(artist.get_text())
    for table in _tables(fig):
        texts.extend(cell.get_text().get_text() for cell in table.get_celld().values()
                     if cell.get_visible() and cell.get_text().get_text().strip())
    for ax in fig.axes:
        if not ax.get_visible():
            continue
        for axis in _axes_axis(ax):
            for label in (*axis.get_majorticklabels(), *axis.get_minorticklabels()):
                if label.get_visible() and label.get_text().strip():
                    texts.append(label.get_text())
    return texts


def messages(fig: Figure) -> list[str]:
    """The translatable messages of ``fig``, in drawing order, each once."""
    found: dict[str, None] = {}
    for text in figure_texts(fig):
        message, _ = template(text)
        if is_words(message):
            found.setdefault(message, None)
    return list(found)


def _tables(fig: Figure) -> list:
    from matplotlib.table import Table

    return [t for ax in fig.axes for t in ax.tables if isinstance(t, Table)]


class _TranslatedFormatter(ticker.Formatter):
    """Formats ticks as ``inner`` does, then translates each label."""

    def __init__(self, inner: ticker.Formatter, translate: Callable[[str], str]):
        self.inner = inner
        self.translate = translate

    def set_axis(self, axis):
        super().set_axis(axis)
        self.inner.set_axis(axis)

    def __call__(self, x, pos=None):
        return self.translate(self.inner(x, pos))

    def format_ticks(self, values):
        return [self.translate(label) for label in self.inner.format_ticks(values)]

    def set_locs(self, locs):
        self.inner.set_locs(locs)

    def get_offset(self):
        return self.inner.get_offset()


def translate_figure(fig: Figure, catalog: Mapping[str, str],
                     maths_font: str | None = None, draw: bool = True) -> list[str]:
    """Replace every translatable string of ``fig`` from ``catalog``; return the messages
    that ``catalog`` lacks (those strings stay as they are).

    Tick labels are made at draw time, so the returned list is complete once the figure
    has been drawn: with ``draw=False`` the caller's own draw (``savefig``) completes it,
    which saves one draw per figure.

    ``maths_font`` goes first in the font list of a translated string that holds maths:
    mathtext draws the words around ``$...$`` in one font file, the first of the list,
    without the per-glyph fallback of plain text, so that font must have the new script.

    The layout is redone when the figure was laid out by ``tight_layout`` (its subplot
    parameters are what ``tight_layout`` gives) or by a layout engine.
    """
    missing: list[str] = []

    def translate(text: str) -> str:
        if not isinstance(text, str):  # a categorical axis of bytes labels
            return text
        message, numbers = template(text)
        if not is_words(message):
            return text
        if message not in catalog:
            if message not in missing:
                missing.append(message)
            return text
        return fill(catalog[message], numbers)

    was_tight = _laid_out_tight(fig)
    skip = _tick_label_ids(fig)
    for artist in fig.findobj(Text, include_self=False):
        if id(artist) not in skip and artist.get_text():
            new = translate(artist.get_text())
            if maths_font and new != artist.get_text() and has_maths(new):
                artist.set_fontfamily([maths_font, *artist.get_fontfamily()])
            artist.set_text(new)
    for table in _tables(fig):
        for cell in table.get_celld().values():
            cell.get_text().set_text(translate(cell.get_text().get_text()))
    for ax in fig.axes:
        for axis in _axes_axis(ax):
            axis.set_major_formatter(_TranslatedFormatter(axis.get_major_formatter(), translate))
            axis.set_minor_formatter(_TranslatedFormatter(axis.get_minor_formatter(), translate))
    if was_tight:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            fig.tight_layout()
    if draw:
        fig.canvas.draw()  # formats the ticks, so every missing tick label is known
    return missing


def _laid_out_tight(fig: Figure) -> bool:
    if fig.get_layout_engine() is not None:
        return False  # constrained or tight engines redo the layout at every draw
    params = ("left", "right", "bottom", "top", "wspace", "hspace")
    before = {name: getattr(fig.subplotpars, name) for name in params}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            fig.tight_layout()
        except (ValueError, RuntimeError):
            return False
    after = {name: getattr(fig.subplotpars, name) for name in params}
    fig.set_layout_engine("none")
    fig.subplots_adjust(**before)
    return all(abs(before[n] - after[n]) < 2e-3 for n in params)

