"""Gallery figures drawn in the reader's language, from one execution of each example
(dlref_docs.gallery).

* figure_text: the words of a figure are found (titles, labels, legends, annotations, table
  cells, categorical ticks), numbers are kept out of the messages and put back, and a
  translated figure holds no English message left;
* a missing, fuzzy or hole-breaking translation, a catalog that does not parse and a glyph the
  fonts lack each fail with the example and the string named;
* figure records: versioned, with the matplotlib release that pickled the figure; a record
  of another format or release counts as missing and the example runs again;
* a Korean-only build of a small project (``roots/test-gallery``) from a cold gallery cache
  (as Read the Docs builds the Korean project) draws Korean figures; the English build of
  the same project does not.

The built site is checked in tests/site/test_korean_figures.py.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from types import SimpleNamespace

import matplotlib
import pytest
from babel.messages.catalog import Catalog
from babel.messages.pofile import write_po
from bs4 import BeautifulSoup
from sphinx.errors import ExtensionError

matplotlib.use("agg")
import matplotlib.pyplot as plt  # noqa: E402
from dlref_docs.core import catalogs, holes  # noqa: E402
from dlref_docs.gallery import figure_text, figures, records, scraper  # noqa: E402

from dlref.plotting import use_style  # noqa: E402

KO = {
    "Dead units": "죽은 유닛 (dead units)",
    "epoch": "에포크",
    "train loss": "훈련 손실",
    "relu": "렐루",
    "tanh": "탄젠트",
    "true {0} pred {1}": "정답 {0}, 예측 {1}",
    "metric": "지표",
    "accuracy": "정확도",
    "Dying ReLU · 죽은 ReLU": "죽은 ReLU · Dying ReLU",
    "loss $L$ at lr {0}": "학습률 {0}에서의 손실 $L$",
}


def _figure():
    use_style()
    fig, (left, right) = plt.subplots(1, 2, figsize=(8, 3))
    left.bar(["relu", "tanh"], [1.0, 2.0], label="train loss")
    left.set(xlabel="epoch", title="Dead units")
    left.legend()
    right.annotate("true 4 pred 8", (0.5, 0.5))
    right.table([["accuracy"]], colLabels=["metric"], loc="bottom")
    right.set_title("loss $L$ at lr 0.125")
    fig.suptitle("Dying ReLU · 죽은 ReLU")
    fig.tight_layout()
    return fig


def test_numbers_leave_the_message_and_come_back():
    assert holes.template("true 4 pred 8") == ("true {0} pred {1}", ["4", "8"])
    assert holes.template("lr 1e-05, hidden_1, ReLU6") == ("lr {0}, hidden_1, ReLU6",
                                                                 ["1e-05"])
    # digits inside maths stay, so $10^{3}$ is not read as a hole when filling
    message, numbers = holes.template("scale $10^{3}$ x 2.5")
    assert (message, numbers) == ("scale $10^{3}$ x {0}", ["2.5"])
    assert holes.fill("배율 $10^{3}$ x {0}", numbers) == "배율 $10^{3}$ x 2.5"
    assert holes.placeholders(message) == {"0"}
    assert not holes.is_words("{0} / $x^2$")
    assert holes.is_words("epoch {0}")


def test_every_kind_of_figure_text_is_found_and_translated():
    fig = _figure()
    found = figure_text.messages(fig)
    assert set(found) == set(KO), set(found) ^ set(KO)
    missing = figure_text.translate_figure(fig, KO, maths_font="NanumGothic")
    assert missing == []
    texts = figure_text.figure_texts(fig)
    for korean in ("죽은 유닛 (dead units)", "에포크", "훈련 손실", "렐루", "탄젠트",
                   "정답 4, 예측 8", "지표", "정확도", "죽은 ReLU · Dying ReLU",
                   "학습률 0.125에서의 손실 $L$"):
        assert korean in texts, korean
    assert not set(figure_text.messages(fig)) - set(KO.values()), "English left in the figure"
    plt.close(fig)


def test_a_message_missing_from_the_catalog_is_reported_and_left_as_it_is():
    fig = _figure()
    partial = {k: v for k, v in KO.items() if k != "tanh"}
    assert figure_text.translate_figure(fig, partial, maths_font="NanumGothic") == ["tanh"]
    assert "tanh" in figure_text.figure_texts(fig)
    plt.close(fig)


def test_catalog_problems_name_the_string():
    catalog = catalogs.Messages(Path("figures.po"), {"epoch {0}": "에포크", "loss": "손실"},
                                fuzzy=frozenset({"train"}), untranslated=frozenset())
    problems = scraper.catalog_problems(["epoch {0}", "loss", "accuracy", "train"], catalog)
    assert any("'epoch {0}'" in p and "number holes" in p for p in problems)
    assert "no translation of 'accuracy'" in problems
    assert "fuzzy translation of 'train'" in problems
    assert len(problems) == 3


def test_a_catalog_that_does_not_parse_fails_naming_the_file(tmp_path):
    broken = tmp_path / "figures.po"
    broken.write_text('msgid "epoch"\nmsgstr "에포크\n', encoding="utf-8")
    with pytest.raises(scraper.FigureTranslationError, match="figures.po does not parse"):
        scraper.read_figure_catalog(broken)


def test_a_glyph_the_fonts_lack_fails_naming_example_and_string(tmp_path):
    fig = _figure()
    lacking = dict(KO, epoch="에포크 \U0001d11e")  # MUSICAL SYMBOL G CLEF: in no font here
    with pytest.raises(scraper.FigureTranslationError) as excinfo:
        scraper.save_in_language(fig, tmp_path / "x.ko.png", lacking, "plot_x.py",
                                     {"bbox_inches": "tight"})
    message = str(excinfo.value)
    assert "plot_x.py" in message and "U+1D11E" in message and "에포크" in message
    plt.close(fig)


def _write_catalog(path: Path, entries: dict[str, str], fuzzy: tuple[str, ...] = ()):
    catalog = Catalog(locale="ko")
    for msgid, msgstr in entries.items():
        catalog.add(msgid, msgstr, flags=("fuzzy",) if msgid in fuzzy else ())
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as handle:
        write_po(handle, catalog)


def _sidecar_project(tmp_path):
    """Sidecars as the scraper writes them, for the Korean build's check."""
    images = tmp_path / "auto_examples" / "images"
    images.mkdir(parents=True)
    record = records.FigureRecord(
        example="gallery/plot_x.py", messages=["epoch {0}", "Dead units"],
        alt={"en": "Dead units"}, savefig={}, matplotlib=matplotlib.__version__)
    record.save(images / ("sphx_glr_plot_x_001" + records.SIDECAR))
    return _app(tmp_path, "ko")


def _app(srcdir: Path, language: str):
    return SimpleNamespace(
        srcdir=str(srcdir), builder=SimpleNamespace(name="html"),
        config=SimpleNamespace(language=language, locale_dirs=["locale"],
                               sphinx_gallery_conf={"gallery_dirs": ["auto_examples"]}))


@pytest.mark.parametrize("entries, fuzzy, expected", [
    ({"Dead units": "죽은 유닛"}, (), "no translation of 'epoch {0}'"),
    ({"Dead units": "죽은 유닛", "epoch {0}": "에포크 {0}"}, ("epoch {0}",),
     "fuzzy translation of 'epoch {0}'"),
])
def test_the_korean_build_fails_naming_example_and_string(tmp_path, entries, fuzzy, expected):
    app = _sidecar_project(tmp_path)
    _write_catalog(scraper.catalog_path(tmp_path, "ko"), entries, fuzzy)
    with pytest.raises(scraper.FigureTranslationError) as excinfo:
        figures.prepare_language(app)
    assert "gallery/plot_x.py (sphx_glr_plot_x_001.png)" in str(excinfo.value)
    assert expected in str(excinfo.value)


MINI_KO = {"epoch": "에포크 (epoch)", "dead units (%)": "죽은 유닛 (%)",
           "Dead units": "죽은 유닛 (dead units)", "ReLU": "ReLU"}


@pytest.fixture
def gallery_project(rootdir, tmp_path):
    """A copy of roots/test-gallery (one example, one figure), with its Korean catalog."""
    shutil.copytree(rootdir / "test-gallery", tmp_path / "project")
    docs = tmp_path / "project" / "docs"
    _write_catalog(scraper.catalog_path(docs, "ko"), MINI_KO)
    # What the example prints (the repr of its last line), kept as it is.
    printed = "Text({0}, {1}, 'Dead units')"
    _write_catalog(catalogs.page_catalog(docs, "ko", "outputs"), {printed: printed})
    return docs


def test_a_korean_only_build_from_a_cold_cache_draws_korean_figures(make_app, gallery_project):
    docs = gallery_project
    korean = make_app("html", srcdir=docs, builddir=docs / "_build" / "ko",
                      confoverrides={"language": "ko"})
    korean.build()
    assert not korean.warning.getvalue(), korean.warning.getvalue()
    page = BeautifulSoup((korean.outdir / "auto_examples" / "plot_dead.html")
                         .read_text(encoding="utf-8"), "html.parser")
    images = page.select("img.sphx-glr-single-img")
    assert [Path(i["src"]).name for i in images] == ["sphx_glr_plot_dead_001.ko.png"]
    assert images[0]["alt"] == "죽은 유닛 (dead units)"
    made = docs / "auto_examples" / "images"
    assert (made / "sphx_glr_plot_dead_001.ko.png").read_bytes() != \
        (made / "sphx_glr_plot_dead_001.png").read_bytes()
    index = (korean.outdir / "auto_examples" / "index.html").read_text(encoding="utf-8")
    assert "sphx_glr_plot_dead_thumb.ko.png" in index
    record = records.FigureRecord.load(made / "sphx_glr_plot_dead_001.figtext.json")
    assert record.format == records.FORMAT and record.matplotlib == matplotlib.__version__

    # The English build of the same project, from the now warm cache, stays English.
    english = make_app("html", srcdir=docs, builddir=docs / "_build" / "en")
    english.build()
    page = (english.outdir / "auto_examples" / "plot_dead.html").read_text(encoding="utf-8")
    assert "sphx_glr_plot_dead_001.png" in page and ".ko.png" not in page
    assert 'alt="Dead units"' in page
    # The block's last value (the title) is printed after scraping: the Korean variant was
    # drawn on a copy, so the example's own figure still says "Dead units".
    printed = BeautifulSoup(page, "html.parser").select_one(".sphx-glr-script-out").get_text()
    assert "'Dead units'" in printed, printed

    # A translation removed afterwards: the Korean build fails naming example and string.
    _write_catalog(scraper.catalog_path(docs, "ko"),
                   {k: v for k, v in MINI_KO.items() if k != "epoch"})
    with pytest.raises(ExtensionError, match=r"plot_dead\.py.*no translation of 'epoch'"):
        # The check runs when the builder starts (builder-inited), before any page is read.
        make_app("html", srcdir=docs, builddir=docs / "_build" / "ko2",
                 confoverrides={"language": "ko"})


def test_a_record_of_another_matplotlib_release_counts_as_missing(tmp_path):
    image = tmp_path / "sphx_glr_plot_x_001.png"
    record = records.FigureRecord(example="gallery/plot_x.py", messages=[], alt={},
                                  savefig={}, matplotlib=matplotlib.__version__)
    record.save(records.FigureRecord.sidecar(image))
    assert records.FigureRecord.load(records.FigureRecord.sidecar(image)).usable()
    record.matplotlib = "3.0.0"
    record.save(records.FigureRecord.sidecar(image))
    assert not records.FigureRecord.load(records.FigureRecord.sidecar(image)).usable()
    # The first format had no version fields: it is not read at all.
    records.FigureRecord.sidecar(image).write_text('{"example": "x", "messages": []}')
    assert records.FigureRecord.load(records.FigureRecord.sidecar(image)) is None


@pytest.mark.parametrize(("name", "expected"), [
    ("sphx_glr_plot_dropout_001.png", records.GalleryImage("plot_dropout", 1, None)),
    ("_images/sphx_glr_plot_dropout_012.ko.png", records.GalleryImage("plot_dropout", 12, "ko")),
    ("images/thumb/sphx_glr_plot_lr_schedules_thumb.png",
     records.GalleryImage("plot_lr_schedules", None, None)),
    ("sphx_glr_plot_lr_schedules_thumb.ko.png",
     records.GalleryImage("plot_lr_schedules", None, "ko")),
    ("logo.png", None),
    ("sphx_glr_plot_x_1.png", None),
])
def test_one_parser_reads_every_gallery_image_name(name, expected):
    assert records.parse_image_name(name) == expected


def test_examples_cached_without_figure_records_run_again(tmp_path):
    # An example cached (md5) before the scraper existed has figures but no text records;
    # its checksum goes, so sphinx-gallery executes it once more and the records appear.
    images = tmp_path / "auto_examples" / "training" / "images"
    images.mkdir(parents=True)
    recorded = images.parent / "plot_recorded.py.md5"
    unrecorded = images.parent / "plot_unrecorded.py.md5"
    for checksum in (recorded, unrecorded):
        checksum.write_text("0" * 32, encoding="utf-8")
    (images / "sphx_glr_plot_recorded_001.png").write_bytes(b"png")
    records.FigureRecord(example="x", messages=[], alt={}, savefig={},
                         matplotlib=matplotlib.__version__).save(
        images / ("sphx_glr_plot_recorded_001" + records.SIDECAR))
    (images / "sphx_glr_plot_unrecorded_001.png").write_bytes(b"png")

    assert figures.forget_examples_without_records(_app(tmp_path, "en")) == [unrecorded]
    assert recorded.is_file() and not unrecorded.exists()


def test_figure_pngs_are_shrunk_to_a_palette_that_looks_the_same(tmp_path):
    import numpy as np
    from PIL import Image

    fig, ax = plt.subplots(figsize=(4, 3))
    ax.plot(np.linspace(0, 1, 50) ** 2, label="loss")
    ax.imshow(np.random.default_rng(0).random((8, 8)), extent=(0, 1, 0, 1), cmap="Blues")
    ax.legend()
    path = tmp_path / "figure.png"
    fig.savefig(path)
    plt.close(fig)
    before_bytes = path.stat().st_size
    before = np.asarray(Image.open(path).convert("RGB"), dtype=float)

    scraper.shrink_png(path)

    after_image = Image.open(path)
    assert after_image.mode == "P"
    assert path.stat().st_size < before_bytes * 0.7
    after = np.asarray(after_image.convert("RGB"), dtype=float)
    assert after.shape == before.shape
    assert np.abs(after - before).mean() < 1.0  # out of 255: no visible change


def test_transparent_figure_pngs_are_left_alone(tmp_path):
    fig, ax = plt.subplots(figsize=(2, 2))
    ax.plot([0, 1])
    path = tmp_path / "transparent.png"
    fig.savefig(path, transparent=True)
    plt.close(fig)
    original = path.read_bytes()
    scraper.shrink_png(path)
    assert path.read_bytes() == original
