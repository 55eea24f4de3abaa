"""Gallery figures in the reader's language, from one execution of each example.

* :func:`bilingual_scraper` (a sphinx-gallery image scraper) saves each figure as the stock
  matplotlib scraper does (English), then pickles it, replaces its strings from the Korean
  figure catalog ``locale/ko/LC_MESSAGES/figures.po`` and saves ``…_001.ko.png`` next to
  it, with a sidecar ``…_001.figtext.json`` listing the figure's messages and its Korean
  alt text.  The example scripts stay plain English matplotlib code.
* In the Korean build (``-D language=ko``), after the gallery step: every figure message
  must have a non-fuzzy translation with the same ``{n}`` number holes, else the build
  fails naming the example and the string; a Korean figure drawn with an older catalog is
  redrawn from its pickle (no example runs again); Korean thumbnails are scaled from it.
  Then every gallery image on a Korean page points to its ``.ko`` file (Sphinx's
  ``figure_language_filename`` names it) with the Korean alt text.
* :func:`write_template` writes ``figures.pot`` for ``make catalogs``.
"""

from __future__ import annotations

import hashlib
import json
import pickle
import re
import warnings
from pathlib import Path, PurePosixPath

import figure_text
from babel.messages.catalog import Catalog
from babel.messages.pofile import PoFileError, read_po, write_po
from sphinx.errors import ExtensionError
from sphinx.util import logging

from dlref.plotting import KOREAN_FONT

logger = logging.getLogger(__name__)

CATALOG_NAME = "figures"  # locale/<lang>/LC_MESSAGES/figures.po
LANGUAGES = ("ko",)
SIDECAR = ".figtext.json"
_GLYPH = re.compile(r"Glyph (\d+) .*missing from")
_MATHTEXT_GLYPH = re.compile(r"does not have a glyph for .*\[U\+([0-9a-fA-F]+)\]")


class FigureTranslationError(ExtensionError):
    """A figure cannot be drawn in a language: missing, fuzzy or broken translations."""


# -- catalogs ------------------------------------------------------------------------------

def catalog_path(docs: Path, language: str) -> Path:
    return Path(docs) / "locale" / language / "LC_MESSAGES" / f"{CATALOG_NAME}.po"


def read_catalog(path: Path) -> tuple[dict[str, str], set[str]]:
    """``({msgid: msgstr}, fuzzy msgids)`` of the usable entries of a figure catalog.

    Raises FigureTranslationError when the file does not parse (naming file and line).
    """
    if not path.is_file():
        return {}, set()
    try:
        _check_po_lines(path.read_text(encoding="utf-8"))
        with path.open("rb") as handle:
            catalog = read_po(handle, abort_invalid=True)
    except (PoFileError, UnicodeDecodeError, ValueError) as exc:
        raise FigureTranslationError(f"the catalog {path} does not parse: {exc}") from exc
    strings, fuzzy = {}, set()
    for message in catalog:
        if not message.id or not isinstance(message.id, str):
            continue
        if message.fuzzy:
            fuzzy.add(message.id)
        elif message.string:
            strings[message.id] = message.string
    return strings, fuzzy


_PO_LINE = re.compile(r'^(?:#.*|\s*|(?:msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?)\s+)?'
                      r'(?:"(?:[^"\\]|\\.)*")?\s*$')


def _check_po_lines(text: str) -> None:
    # babel's reader silently accepts an unterminated string ("epoch\n) and keeps a
    # truncated message, and keeps the first of two entries with one msgid; both are errors.
    seen: set[str] = set()
    for number, line in enumerate(text.splitlines(), start=1):
        if not _PO_LINE.match(line):
            raise ValueError(f"line {number} is not a well-formed catalog line: {line!r}")
        if line.startswith("msgid "):
            if line in seen and line != 'msgid ""':
                raise ValueError(f"line {number} repeats {line}")
            seen.add(line)


def catalog_problems(messages: list[str], strings: dict[str, str], fuzzy: set[str]) -> list[str]:
    """Why each message cannot be drawn in the catalog's language (empty when all can)."""
    problems = []
    for message in messages:
        if message in fuzzy:
            problems.append(f"fuzzy translation of {message!r}")
        elif message not in strings:
            problems.append(f"no translation of {message!r}")
        elif figure_text.placeholders(strings[message]) != figure_text.placeholders(message):
            problems.append(f"the translation {strings[message]!r} of {message!r} must keep "
                            f"the number holes {sorted(figure_text.placeholders(message))}")
    return problems


def _mapping_hash(messages: list[str], strings: dict[str, str]) -> str:
    used = {m: strings.get(m) for m in messages}
    return hashlib.sha256(json.dumps(used, sort_keys=True).encode()).hexdigest()[:16]


# -- drawing -------------------------------------------------------------------------------

def language_path(image_path: Path, language: str) -> Path:
    """``…_001.png`` -> ``…_001.ko.png`` (Sphinx's default figure_language_filename)."""
    return image_path.with_name(f"{image_path.stem}.{language}{image_path.suffix}")


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


def save_in_language(fig, path: Path, strings: dict[str, str], example: str,
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
    """sphinx-gallery image scraper: the stock English figures plus a Korean variant of each."""
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
        record = {"example": str(Path(block_vars["src_file"]).relative_to(docs.parent)),
                  "messages": figure_text.messages(fig),
                  "alt": {"en": _matplotlib_fig_titles(fig)},
                  "savefig": {**settings, **extra}, "rendered": {}}
        # The live figure is never changed: the example may still use it (sphinx-gallery
        # prints the repr of a block's last value, such as a suptitle, after scraping).
        try:
            pickled = pickle.dumps(fig)
        except (pickle.PicklingError, TypeError, AttributeError) as exc:
            raise FigureTranslationError(
                f"{example}: figure {path.name} cannot be pickled ({exc}), so it cannot be "
                "drawn in Korean without changing the live figure") from exc
        path.with_suffix(".pickle").write_bytes(pickled)
        for language in LANGUAGES:
            strings, _ = read_catalog(catalog_path(docs, language))
            copy = pickle.loads(pickled)
            save_in_language(copy, language_path(path, language), strings, example,
                             {**settings, **extra})
            record["alt"][language] = _matplotlib_fig_titles(copy)
            record["rendered"][language] = _mapping_hash(record["messages"], strings)
        path.with_name(path.stem + SIDECAR).write_text(
            json.dumps(record, ensure_ascii=False, indent=1), encoding="utf-8")
    return rst


# -- the Sphinx side -----------------------------------------------------------------------

def sidecars(docs: Path, gallery_dirs) -> list[Path]:
    found = []
    for gallery in gallery_dirs:
        found.extend(sorted((Path(docs) / gallery).rglob(f"*{SIDECAR}")))
    return found


def _image_of(sidecar: Path) -> Path:
    return sidecar.with_name(sidecar.name[: -len(SIDECAR)] + ".png")


def prepare_language(app) -> None:
    """Korean build, after the gallery step: check, redraw if stale, make thumbnails."""
    language = app.config.language
    if language not in LANGUAGES or app.builder.name == "gettext":
        return
    docs = Path(app.srcdir)
    strings, fuzzy = read_catalog(catalog_path(docs, language))
    conf = app.config.sphinx_gallery_conf
    problems, stale = [], []
    for sidecar in sidecars(docs, conf["gallery_dirs"]):
        record = json.loads(sidecar.read_text(encoding="utf-8"))
        where = f"{record['example']} ({_image_of(sidecar).name})"
        problems.extend(f"{where}: {p}" for p in
                        catalog_problems(record["messages"], strings, fuzzy))
        current = _mapping_hash(record["messages"], strings)
        ko_png = language_path(_image_of(sidecar), language)
        if record["rendered"].get(language) != current or not ko_png.is_file():
            stale.append((sidecar, record, current))
    if problems:
        raise FigureTranslationError(
            f"{len(problems)} figure string(s) cannot be drawn in {language!r} "
            f"(catalog {catalog_path(docs, language).relative_to(docs)}; run `make catalogs` "
            "and translate them):\n  " + "\n  ".join(problems))
    for sidecar, record, current in stale:
        _redraw(sidecar, record, language, strings, current)
    _make_thumbnails(docs, conf, language)


def _redraw(sidecar: Path, record: dict, language: str, strings: dict, current: str) -> None:
    import matplotlib

    image = _image_of(sidecar)
    pickled = image.with_suffix(".pickle")
    if not pickled.is_file():
        raise FigureTranslationError(
            f"{record['example']}: {image.name} was drawn with an older figure catalog and "
            "has no pickle to redraw from; delete docs/auto_examples to run the example again")
    from dlref.plotting import use_style  # registers the Hangul font in this process

    with matplotlib.rc_context():
        use_style()
        fig = pickle.loads(pickled.read_bytes())
        save_in_language(fig, language_path(image, language), strings, record["example"],
                         record["savefig"])
    from sphinx_gallery.scrapers import _matplotlib_fig_titles

    record["alt"][language] = _matplotlib_fig_titles(fig)
    record["rendered"][language] = current
    sidecar.write_text(json.dumps(record, ensure_ascii=False, indent=1), encoding="utf-8")
    logger.info("figure_i18n: redrew %s in %s", image.name, language)


_THUMB_NUMBER = re.compile(r"^#\s*sphinx_gallery_thumbnail_number\s*=\s*(-?\d+)", re.MULTILINE)


def _make_thumbnails(docs: Path, conf: dict, language: str) -> None:
    """``thumb/sphx_glr_<x>_thumb.ko.png`` from the Korean variant of the thumbnail figure."""
    from sphinx_gallery.gen_rst import scale_image

    for gallery in conf["gallery_dirs"]:
        for thumb in sorted((docs / gallery).rglob("images/thumb/sphx_glr_*_thumb.png")):
            stem = thumb.name[len("sphx_glr_"): -len("_thumb.png")]
            images = sorted(thumb.parent.parent.glob(f"sphx_glr_{stem}_[0-9][0-9][0-9].png"))
            if not images:
                continue
            source = thumb.parent.parent.parent / f"{stem}.py"
            number = 1
            if source.is_file():
                match = _THUMB_NUMBER.search(source.read_text(encoding="utf-8"))
                number = int(match.group(1)) if match else 1
            chosen = images[number - 1 if number > 0 else number]
            translated = language_path(chosen, language)
            target = language_path(thumb, language)
            if translated.is_file() and (not target.is_file()
                                         or target.stat().st_mtime < translated.stat().st_mtime):
                scale_image(str(translated), str(target), *conf["thumbnail_size"])


def use_language_images(app, doctree) -> None:
    """Point sphinx-gallery's image-sg nodes at their ``.ko`` files, with Korean alt text."""
    if app.config.language not in LANGUAGES or app.builder.name == "gettext":
        return
    from sphinx.util.i18n import get_image_filename_for_language
    from sphinx_gallery.directives import imgsgnode

    docs = Path(app.srcdir)
    for node in doctree.findall(imgsgnode):
        uri = node["uri"]
        translated = get_image_filename_for_language(uri, app.env)
        if not (docs / translated.lstrip("/")).is_file():
            continue
        node["uri"] = translated
        if node.get("srcset"):
            node["srcset"] = node["srcset"].replace(uri, translated)
        sidecar = docs / (PurePosixPath(uri.lstrip("/")).with_suffix("").as_posix() + SIDECAR)
        if sidecar.is_file():
            app.env.note_dependency(str(sidecar))  # a redraw re-reads the page (alt text)
            record = json.loads(sidecar.read_text(encoding="utf-8"))
            node["alt"] = record["alt"].get(app.config.language, node["alt"])


def write_template(docs: Path, gallery_dirs, pot_dir: Path, project: str, version: str) -> int:
    """Write ``figures.pot`` from the sidecars; return how many messages it holds."""
    template = Catalog(project=project, version=version, fuzzy=False)
    for sidecar in sidecars(docs, gallery_dirs):
        record = json.loads(sidecar.read_text(encoding="utf-8"))
        for message in record["messages"]:
            entry = template.get(message)
            if entry is None:
                template.add(message, auto_comments=[record["example"]])
            elif record["example"] not in entry.auto_comments:
                entry.auto_comments.append(record["example"])
    pot_dir.mkdir(parents=True, exist_ok=True)
    with (pot_dir / f"{CATALOG_NAME}.pot").open("wb") as handle:
        write_po(handle, template, width=0, omit_header=False)
    return len(template)


def forget_examples_without_records(app) -> list[Path]:
    """Make sphinx-gallery re-run examples whose figures have no text record; return them.

    An example executed before this scraper existed (or by a build that skipped it) is
    cached by sphinx-gallery's md5 check, so it would never get a record and its figures
    would stay English on Korean pages.  Dropping its ``.md5`` re-runs it once.
    """
    docs = Path(app.srcdir)
    forgotten = []
    for gallery in app.config.sphinx_gallery_conf["gallery_dirs"]:
        for checksum in sorted((docs / gallery).rglob("plot_*.py.md5")):
            stem = checksum.name[: -len(".py.md5")]
            pattern = f"sphx_glr_{stem}_[0-9][0-9][0-9].png"
            images = sorted((checksum.parent / "images").glob(pattern))
            if any(not image.with_suffix(SIDECAR).is_file() for image in images):
                checksum.unlink()
                forgotten.append(checksum)
    return forgotten


def setup(app):
    # sphinx-gallery generates the gallery at builder-inited with the default priority 500.
    app.connect("builder-inited", forget_examples_without_records, priority=400)
    app.connect("builder-inited", prepare_language, priority=600)  # after generate_gallery_rst
    app.connect("doctree-read", use_language_images)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}

