"""The gallery's image scraper: each figure as sphinx-gallery saves it, and in every language.

:func:`bilingual_scraper` (configured as sphinx-gallery's ``image_scrapers``) saves each
figure as the stock matplotlib scraper does (English), then pickles it, replaces its strings
from each translation's figure catalog (``locale/<lang>/LC_MESSAGES/figures.po``) and saves
``…_001.<lang>.png`` next to it, with the figure's record (:mod:`.records`).  The example
scripts stay plain English matplotlib code.  It runs in sphinx-gallery's example processes,
so it knows nothing of the Sphinx application; the Korean build's side is :mod:`.figures`.
"""

from __future__ import annotations

import hashlib
import json
import pickle
import re
import warnings
from collections.abc import Mapping
from pathlib import Path

from sphinx.errors import ExtensionError

from dlref.plotting import KOREAN_FONT

from ..core import catalogs, holes, languages
from . import figure_text
from .records import FigureRecord, language_path

CATALOG = "figures"  # locale/<lang>/LC_MESSAGES/figures.po
_GLYPH = re.compile(r"Glyph (\d+) .*missing from")
_MATHTEXT_GLYPH = re.compile(r"does not have a glyph for .*\[U\+([0-9a-fA-F]+)\]")


class FigureTranslationError(ExtensionError):
    """A figure cannot be drawn in a language: missing, fuzzy or broken translations."""


def catalog_path(docs: Path, language: str) -> Path:
    return catalogs.page_catalog(docs, language, CATALOG)


def catalog_problems(messages: list[str], catalog: catalogs.Messages) -> list[str]:
    """Why each message cannot be drawn in the catalog's language (empty when all can)."""
    problems = []
    for message in messages:
        if message in catalog.fuzzy:
            problems.append(f"fuzzy translation of {message!r}")
        elif message not in catalog:
            problems.append(f"no translation of {message!r}")
        else:
            problem = holes.hole_problem(message, catalog.get(message))
            if problem:
                problems.append(problem)
    return problems


def mapping_hash(messages: list[str], strings: Mapping[str, str]) -> str:
    """A hash of the translations a figure's messages get (a redraw is due when it changes)."""
    used = {m: strings.get(m) for m in messages}
    return hashlib.sha256(json.dumps(used, sort_keys=True).encode()).hexdigest()[:16]


def read_figure_catalog(path: Path) -> catalogs.Messages:
    try:
        return catalogs.read(path)
    except catalogs.CatalogError as exc:
        raise FigureTranslationError(str(exc)) from exc


# -- drawing -------------------------------------------------------------------------------

def shrink_png(path: Path) -> None:
    """Re-encode a figure PNG with a 256-colour palette, in place.

    Matplotlib writes 32-bit RGBA; a plot has few distinct colours besides its anti-aliased
    edges, so an adaptive palette (median cut, no dithering: deterministic) looks the same
    and weighs about a third, which keeps pages with three figures light on a phone
    (tests/browser/test_page_weight.py).  Figures with transparency are left alone.
    """
    from PIL import Image

    with Image.open(path) as image:
        image.load()
    if image.mode == "RGBA":
        if image.getchannel("A").getextrema() != (255, 255):
            return
        image = image.convert("RGB")
    elif image.mode != "RGB":
        return
    palette = image.quantize(colors=256, method=Image.Quantize.MEDIANCUT,
                             dither=Image.Dither.NONE)
    palette.save(path, format="PNG", optimize=True)


def save_in_language(fig, path: Path, strings: Mapping[str, str], example: str,
                     savefig_kwargs: dict) -> list[str]:
    """Translate ``fig`` in place and save it to ``path``; return the untranslated messages.

    A glyph the fonts lack raises FigureTranslationError naming the example and the text.
    """
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            missing = figure_text.translate_figure(fig, strings, maths_font=KOREAN_FONT,
                                                   draw=False)  # savefig draws
            fig.savefig(path, **savefig_kwargs)
            shrink_png(path)
        except ValueError as exc:  # mathtext's missing glyph, made an error by dlref.plotting
            char = _missing_char(str(exc))
            if char is None:
                raise
            _glyph_error(fig, char, example, path)
    for warning in caught:
        char = _missing_char(str(warning.message))
        if char is not None:
            _glyph_error(fig, char, example, path)
    return missing


def _missing_char(message: str) -> str | None:
    # "Glyph 51060 (\N{...}) missing from font(s) ..." or "... does not have a glyph for
    # '\uc774' [U+c774] ..." (mathtext)
    match = _GLYPH.search(message) or _MATHTEXT_GLYPH.search(message)
    return chr(int(match.group(1), 16 if match.re is _MATHTEXT_GLYPH else 10)) if match else None


def _glyph_error(fig, char: str, example: str, path: Path):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the same glyph again, while the texts are listed
        texts = [t for t in figure_text.figure_texts(fig) if char in t]
    raise FigureTranslationError(
        f"{example}: the figure fonts have no glyph for {char!r} (U+{ord(char):04X}), "
        f"used in {texts or 'a figure string'} ({path.name})")


def _savefig_kwargs(fig) -> dict:
    # What sphinx-gallery's matplotlib scraper passes: non-default face/edge colours.
    import matplotlib
    from matplotlib.colors import to_rgba

    kwargs = {}
    for attr in ("facecolor", "edgecolor"):
        value = getattr(fig, f"get_{attr}")()
        if to_rgba(value) != to_rgba(matplotlib.rcParams[f"figure.{attr}"]):
            kwargs[attr] = value
    return kwargs


def bilingual_scraper(block, block_vars, gallery_conf, **kwargs):
    """sphinx-gallery image scraper: the stock English figures plus a variant in each language."""
    import matplotlib
    import matplotlib.pyplot as plt
    from sphinx_gallery.scrapers import _matplotlib_fig_titles, matplotlib_scraper

    figures = [plt.figure(num) for num in plt.get_fignums()]
    iterator = block_vars["image_path_iterator"]
    first = len(iterator.paths)
    savefig_kwargs = [_savefig_kwargs(fig) for fig in figures]
    rst = matplotlib_scraper(block, block_vars, gallery_conf, **kwargs)  # closes them
    paths = [Path(p) for p in iterator.paths[first:first + len(figures)]]
    for path in paths:
        shrink_png(path)
    docs = Path(gallery_conf["src_dir"])
    example = Path(block_vars["src_file"]).name
    settings = {"bbox_inches": matplotlib.rcParams["savefig.bbox"],
                "dpi": matplotlib.rcParams["savefig.dpi"]}
    for fig, path, extra in zip(figures, paths, savefig_kwargs, strict=True):
        record = FigureRecord(
            example=str(Path(block_vars["src_file"]).relative_to(docs.parent)),
            messages=figure_text.messages(fig), alt={"en": _matplotlib_fig_titles(fig)},
            savefig={**settings, **extra}, matplotlib=matplotlib.__version__)
        # The live figure is never changed: the example may still use it (sphinx-gallery
        # prints the repr of a block's last value, such as a suptitle, after scraping).
        try:
            pickled = pickle.dumps(fig)
        except (pickle.PicklingError, TypeError, AttributeError) as exc:
            raise FigureTranslationError(
                f"{example}: figure {path.name} cannot be pickled ({exc}), so it cannot be "
                "drawn in another language without changing the live figure") from exc
        FigureRecord.pickle_of(path).write_bytes(pickled)
        for language in languages.translations(docs / "locale"):
            strings = read_figure_catalog(catalog_path(docs, language)).strings
            copy = pickle.loads(pickled)
            save_in_language(copy, language_path(path, language), strings, example,
                             {**settings, **extra})
            record.alt[language] = _matplotlib_fig_titles(copy)
            record.rendered[language] = mapping_hash(record.messages, strings)
        record.save(FigureRecord.sidecar(path))
    return rst
