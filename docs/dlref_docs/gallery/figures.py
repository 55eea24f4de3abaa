"""Gallery figures on translated pages, from the one execution of each example.

The English build runs the examples; :mod:`.scraper` saves every figure in each language with
its record.  In a translated build (``-D language=ko``), which runs no example, after the
gallery step:

* every figure message must have a usable translation with the same ``{n}`` number holes,
  else the build fails naming the example and the string;
* a figure drawn with an older catalog is drawn again from its pickle;
* the translated thumbnails are scaled from the translated figures;
* every gallery image on a page points to its ``.<lang>`` file (Sphinx's
  ``figure_language_filename`` names it) with its translated alt text.

The gettext build (``make catalogs``) writes ``figures.pot`` from the records
(:func:`write_template`).
"""

from __future__ import annotations

import pickle
import re
from pathlib import Path, PurePosixPath

from babel.messages.catalog import Catalog
from sphinx.util import logging

from ..core import catalogs, languages
from .records import FigureRecord, figure_images, language_path, parse_image_name, sidecars
from .scraper import (
    CATALOG,
    FigureTranslationError,
    catalog_path,
    catalog_problems,
    mapping_hash,
    read_figure_catalog,
    save_in_language,
)

logger = logging.getLogger(__name__)


def _gallery_dirs(app) -> list[str]:
    """The project's gallery folders ([] when it has no sphinx-gallery)."""
    conf = getattr(app.config, "sphinx_gallery_conf", None) or {}
    return list(conf.get("gallery_dirs", []))


def _records(docs: Path, gallery_dirs):
    for sidecar in sidecars(docs, gallery_dirs):
        yield sidecar, FigureRecord.load(sidecar)


def prepare_language(app) -> None:
    """Translated build, after the gallery step: check, redraw if stale, make thumbnails."""
    language = app.config.language
    if languages.for_app(app).is_source or app.builder.name == "gettext":
        return
    if not _gallery_dirs(app):
        return
    docs = Path(app.srcdir)
    catalog = read_figure_catalog(catalog_path(docs, language))
    conf = app.config.sphinx_gallery_conf
    problems, stale = [], []
    for sidecar, record in _records(docs, conf["gallery_dirs"]):
        image = FigureRecord.image_of(sidecar)
        if record is None or not record.usable():
            raise FigureTranslationError(
                f"{image.name} was drawn by another matplotlib release or toolchain version; "
                "build the English site first (`make site` does), which runs its example again")
        where = f"{record.example} ({image.name})"
        problems.extend(f"{where}: {p}" for p in catalog_problems(record.messages, catalog))
        current = mapping_hash(record.messages, catalog.strings)
        if record.rendered.get(language) != current or not language_path(image, language).is_file():
            stale.append((sidecar, record, current))
    if problems:
        raise FigureTranslationError(
            f"{len(problems)} figure string(s) cannot be drawn in {language!r} "
            f"(catalog {catalog_path(docs, language).relative_to(docs)}; run `make catalogs` "
            "and translate them):\n  " + "\n  ".join(problems))
    for sidecar, record, current in stale:
        _redraw(sidecar, record, language, catalog.strings, current)
    _make_thumbnails(docs, conf, language)


def _redraw(sidecar: Path, record: FigureRecord, language: str, strings, current: str) -> None:
    import matplotlib
    from sphinx_gallery.scrapers import _matplotlib_fig_titles

    from dlref.plotting import use_style  # registers the Hangul font in this process

    image = FigureRecord.image_of(sidecar)
    pickled = FigureRecord.pickle_of(image)
    if not pickled.is_file():
        raise FigureTranslationError(
            f"{record.example}: {image.name} was drawn with an older figure catalog and "
            "has no pickle to redraw from; delete docs/auto_examples to run the example again")
    with matplotlib.rc_context():
        use_style()
        fig = pickle.loads(pickled.read_bytes())
        save_in_language(fig, language_path(image, language), strings, record.example,
                         record.savefig)
    record.alt[language] = _matplotlib_fig_titles(fig)
    record.rendered[language] = current
    record.save(sidecar)
    logger.info("dlref_docs: redrew %s in %s", image.name, language)


_THUMB_NUMBER = re.compile(r"^#\s*sphinx_gallery_thumbnail_number\s*=\s*(-?\d+)", re.MULTILINE)


def _make_thumbnails(docs: Path, conf: dict, language: str) -> None:
    """``thumb/sphx_glr_<x>_thumb.<lang>.png`` from the translation of the thumbnail figure."""
    from sphinx_gallery.gen_rst import scale_image

    for gallery in conf["gallery_dirs"]:
        for thumb in sorted((docs / gallery).rglob("images/thumb/sphx_glr_*_thumb.png")):
            stem = parse_image_name(thumb.name).stem
            images = figure_images(thumb.parent.parent, stem)
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
    """Point sphinx-gallery's image-sg nodes at their translated files, with translated alt."""
    if languages.for_app(app).is_source or app.builder.name == "gettext":
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
        sidecar = FigureRecord.sidecar(docs / PurePosixPath(uri.lstrip("/")))
        record = FigureRecord.load(sidecar)
        if record is not None:
            app.env.note_dependency(str(sidecar))  # a redraw re-reads the page (alt text)
            node["alt"] = record.alt.get(app.config.language, node["alt"])


def write_template(docs: Path, gallery_dirs, pot_dir: Path, project: str, version: str) -> int:
    """Write ``figures.pot`` from the figure records; return how many messages it holds."""
    template = Catalog(project=project, version=version, fuzzy=False)
    for _sidecar, record in _records(docs, gallery_dirs):
        if record is None:
            continue
        for message in record.messages:
            entry = template.get(message)
            if entry is None:
                template.add(message, auto_comments=[record.example])
            elif record.example not in entry.auto_comments:
                entry.auto_comments.append(record.example)
    pot_dir.mkdir(parents=True, exist_ok=True)
    catalogs.save(pot_dir / f"{CATALOG}.pot", template)
    return len(template)


def write_figures_template(app, exception) -> None:
    """``build-finished`` of the gettext builder: ``figures.pot`` next to the page templates."""
    if exception is not None or app.builder.name != "gettext":
        return
    write_template(Path(app.srcdir), _gallery_dirs(app), Path(app.outdir), app.config.project,
                   app.config.version)


def forget_examples_without_records(app) -> list[Path]:
    """Make sphinx-gallery re-run examples whose figures have no usable record; return them.

    An example executed before this scraper existed, by another matplotlib release (whose
    pickles this one cannot load) or by a build that skipped it is cached by sphinx-gallery's
    md5 check, so it would never get a record and its figures would stay English on
    translated pages.  Dropping its ``.md5`` runs it again, once.
    """
    if not languages.for_app(app).is_source:
        return []  # translated builds run no example; prepare_language says what to do
    docs = Path(app.srcdir)
    forgotten = []
    for gallery in _gallery_dirs(app):
        for checksum in sorted((docs / gallery).rglob("plot_*.py.md5")):
            stem = checksum.name[: -len(".py.md5")]
            for image in figure_images(checksum.parent / "images", stem):
                record = FigureRecord.load(FigureRecord.sidecar(image))
                if record is None or not record.usable():
                    checksum.unlink()
                    forgotten.append(checksum)
                    break
    return forgotten
