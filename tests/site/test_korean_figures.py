"""Gallery figures are drawn in Korean on Korean pages, from one execution of each example.

* figure_text: the words of a figure are found (titles, labels, legends, annotations, table
  cells, categorical ticks), numbers are kept out of the messages and put back, and a
  translated figure holds no English message left;
* figure_i18n: a missing, fuzzy or hole-breaking translation, a catalog that does not
  parse and a glyph the fonts lack each fail with the example and the string named;
* a Korean-only build from a cold gallery cache (as Read the Docs builds the Korean
  project) draws Korean figures; the English build of the same project does not;
* on the built site, every gallery figure of a Korean page is its .ko.png variant, differs
  from the English one, has Korean alt text, and Korean and English pages show as many.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path
from types import SimpleNamespace

import matplotlib
import pytest
from babel.messages.catalog import Catalog
from babel.messages.pofile import write_po
from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"

matplotlib.use("agg")
sys.path.insert(0, str(DOCS / "_ext"))

import figure_i18n  # noqa: E402
import figure_text  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402

from dlref.plotting import use_style  # noqa: E402

HANGUL = re.compile(r"[\uac00-\ud7a3]")
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
    assert figure_text.template("true 4 pred 8") == ("true {0} pred {1}", ["4", "8"])
    assert figure_text.template("lr 1e-05, hidden_1, ReLU6") == ("lr {0}, hidden_1, ReLU6",
                                                                 ["1e-05"])
    # digits inside maths stay, so $10^{3}$ is not read as a hole when filling
    message, numbers = figure_text.template("scale $10^{3}$ x 2.5")
    assert (message, numbers) == ("scale $10^{3}$ x {0}", ["2.5"])
    assert figure_text.fill("배율 $10^{3}$ x {0}", numbers) == "배율 $10^{3}$ x 2.5"
    assert figure_text.placeholders(message) == {"0"}
    assert not figure_text.is_words("{0} / $x^2$")
    assert figure_text.is_words("epoch {0}")


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
    strings = {"epoch {0}": "에포크", "loss": "손실"}
    problems = figure_i18n.catalog_problems(["epoch {0}", "loss", "accuracy", "train"],
                                            strings, fuzzy={"train"})
    assert any("'epoch {0}'" in p and "number holes" in p for p in problems)
    assert "no translation of 'accuracy'" in problems
    assert "fuzzy translation of 'train'" in problems
    assert len(problems) == 3


def test_a_catalog_that_does_not_parse_fails_naming_the_file(tmp_path):
    broken = tmp_path / "figures.po"
    broken.write_text('msgid "epoch"\nmsgstr "에포크\n', encoding="utf-8")
    with pytest.raises(figure_i18n.FigureTranslationError, match="figures.po does not parse"):
        figure_i18n.read_catalog(broken)


def test_a_glyph_the_fonts_lack_fails_naming_example_and_string(tmp_path):
    fig = _figure()
    lacking = dict(KO, epoch="에포크 \U0001d11e")  # MUSICAL SYMBOL G CLEF: in no font here
    with pytest.raises(figure_i18n.FigureTranslationError) as excinfo:
        figure_i18n.save_in_language(fig, tmp_path / "x.ko.png", lacking, "plot_x.py",
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
    record = {"example": "gallery/plot_x.py", "messages": ["epoch {0}", "Dead units"],
              "alt": {"en": "Dead units"}, "savefig": {}, "rendered": {}}
    import json

    (images / ("sphx_glr_plot_x_001" + figure_i18n.SIDECAR)).write_text(json.dumps(record))
    app = SimpleNamespace(
        srcdir=str(tmp_path), builder=SimpleNamespace(name="html"),
        config=SimpleNamespace(language="ko",
                               sphinx_gallery_conf={"gallery_dirs": ["auto_examples"]}))
    return app


@pytest.mark.parametrize("entries, fuzzy, expected", [
    ({"Dead units": "죽은 유닛"}, (), "no translation of 'epoch {0}'"),
    ({"Dead units": "죽은 유닛", "epoch {0}": "에포크 {0}"}, ("epoch {0}",),
     "fuzzy translation of 'epoch {0}'"),
])
def test_the_korean_build_fails_naming_example_and_string(tmp_path, entries, fuzzy, expected):
    app = _sidecar_project(tmp_path)
    _write_catalog(figure_i18n.catalog_path(tmp_path, "ko"), entries, fuzzy)
    with pytest.raises(figure_i18n.FigureTranslationError) as excinfo:
        figure_i18n.prepare_language(app)
    assert "gallery/plot_x.py (sphx_glr_plot_x_001.png)" in str(excinfo.value)
    assert expected in str(excinfo.value)


MINI_CONF = """
import sys
sys.path[:0] = [{ext!r}, {root!r}]
extensions = ["sphinx_gallery.gen_gallery", "figure_i18n"]
sphinx_gallery_conf = {{"examples_dirs": ["../examples"], "gallery_dirs": ["auto_examples"],
                        "filename_pattern": "/plot_", "write_computation_times": False,
                        "image_scrapers": ("figure_i18n.bilingual_scraper",)}}
exclude_patterns = ["_build"]
locale_dirs = ["locale"]
gettext_compact = False
suppress_warnings = ["config.cache"]
"""
MINI_EXAMPLE = '''
"""
Dead units
==========

One figure.
"""
import matplotlib.pyplot as plt
from dlref.plotting import use_style

use_style()
fig, ax = plt.subplots()
ax.plot([0, 1, 2], [0, 40, 60], label="ReLU")
ax.set(xlabel="epoch", ylabel="dead units (%)")
ax.legend()
ax.set_title("Dead units")
'''
MINI_KO = {"epoch": "에포크 (epoch)", "dead units (%)": "죽은 유닛 (%)",
           "Dead units": "죽은 유닛 (dead units)", "ReLU": "ReLU"}


def _mini_project(tmp_path, translations):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "conf.py").write_text(
        MINI_CONF.format(ext=str(DOCS / "_ext"), root=str(ROOT)), encoding="utf-8")
    (docs / "index.rst").write_text("Home\n====\n\n.. toctree::\n\n   auto_examples/index\n",
                                    encoding="utf-8")
    examples = tmp_path / "examples"
    examples.mkdir()
    (examples / "README.txt").write_text("Examples\n========\n", encoding="utf-8")
    (examples / "plot_dead.py").write_text(textwrap.dedent(MINI_EXAMPLE), encoding="utf-8")
    _write_catalog(figure_i18n.catalog_path(docs, "ko"), translations)
    return docs


def _sphinx(docs, language, out):
    env = dict(os.environ, MPLBACKEND="agg")
    return subprocess.run(
        [sys.executable, "-m", "sphinx", "-N", "-q", "-b", "html", "-W", "--keep-going",
         "-D", f"language={language}", str(docs), str(out)],
        cwd=docs, capture_output=True, text=True, env=env, check=False)


@pytest.mark.slow
def test_a_korean_only_build_from_a_cold_cache_draws_korean_figures(tmp_path):
    docs = _mini_project(tmp_path, MINI_KO)
    result = _sphinx(docs, "ko", tmp_path / "ko")
    assert result.returncode == 0, result.stdout + result.stderr
    page = BeautifulSoup((tmp_path / "ko" / "auto_examples" / "plot_dead.html")
                         .read_text(encoding="utf-8"), "html.parser")
    images = page.select("img.sphx-glr-single-img")
    assert [Path(i["src"]).name for i in images] == ["sphx_glr_plot_dead_001.ko.png"]
    assert images[0]["alt"] == "죽은 유닛 (dead units)"
    made = docs / "auto_examples" / "images"
    assert (made / "sphx_glr_plot_dead_001.ko.png").read_bytes() != \
        (made / "sphx_glr_plot_dead_001.png").read_bytes()
    index = (tmp_path / "ko" / "auto_examples" / "index.html").read_text(encoding="utf-8")
    assert "sphx_glr_plot_dead_thumb.ko.png" in index

    # The English build of the same project, from the now warm cache, stays English.
    result = _sphinx(docs, "en", tmp_path / "en")
    assert result.returncode == 0, result.stdout + result.stderr
    page = (tmp_path / "en" / "auto_examples" / "plot_dead.html").read_text(encoding="utf-8")
    assert "sphx_glr_plot_dead_001.png" in page and ".ko.png" not in page
    assert 'alt="Dead units"' in page
    # The block's last value (the title) is printed after scraping: the Korean variant was
    # drawn on a copy, so the example's own figure still says "Dead units".
    printed = BeautifulSoup(page, "html.parser").select_one(".sphx-glr-script-out").get_text()
    assert "'Dead units'" in printed, printed

    # A translation removed afterwards: the Korean build fails naming example and string.
    _write_catalog(figure_i18n.catalog_path(docs, "ko"),
                   {k: v for k, v in MINI_KO.items() if k != "epoch"})
    result = _sphinx(docs, "ko", tmp_path / "ko2")
    assert result.returncode != 0
    assert "plot_dead.py" in result.stderr and "no translation of 'epoch'" in result.stderr


@pytest.mark.slow
def test_every_gallery_figure_of_a_korean_page_is_korean(site):
    en_root, ko_root = site["out"] / "en", site["out"] / "ko"
    checked = 0
    for en_page in sorted((en_root / "auto_examples").rglob("plot_*.html")):
        ko_page = ko_root / en_page.relative_to(en_root)
        en_imgs = BeautifulSoup(en_page.read_text(encoding="utf-8"), "html.parser").select(
            "img.sphx-glr-single-img, img.sphx-glr-multi-img")
        ko_imgs = BeautifulSoup(ko_page.read_text(encoding="utf-8"), "html.parser").select(
            "img.sphx-glr-single-img, img.sphx-glr-multi-img")
        assert len(en_imgs) == len(ko_imgs) > 0, en_page.name
        for en, ko in zip(en_imgs, ko_imgs, strict=True):
            assert not en["src"].endswith(".ko.png") and ko["src"].endswith(".ko.png"), ko["src"]
            assert Path(ko["src"]).stem == Path(en["src"]).stem + ".ko"
            assert HANGUL.search(ko["alt"]), f"{en_page.name}: alt {ko['alt']!r}"
            en_png = (en_page.parent / en["src"]).resolve().read_bytes()
            ko_png = (ko_page.parent / ko["src"]).resolve().read_bytes()
            assert en_png != ko_png, f"{ko['src']} is the English figure"
            checked += 1
    assert checked >= 25
    korean_log = site["results"]["ko"]["log"]
    assert not re.search(r"executed [1-9]\d* out of", korean_log), "the Korean build ran examples"


@pytest.mark.slow
def test_concept_pages_embed_the_korean_variant_of_gallery_figures(site):
    en_root, ko_root = site["out"] / "en", site["out"] / "ko"
    embedded = 0
    for en_page in sorted((en_root / "concepts").glob("*.html")):
        ko_page = ko_root / en_page.relative_to(en_root)
        en_srcs = [img["src"] for img in BeautifulSoup(en_page.read_text(encoding="utf-8"),
                                                       "html.parser").select("img")
                   if "sphx_glr_" in img["src"]]
        ko_srcs = [img["src"] for img in BeautifulSoup(ko_page.read_text(encoding="utf-8"),
                                                       "html.parser").select("img")
                   if "sphx_glr_" in img["src"]]
        assert [s.replace(".png", ".ko.png") for s in en_srcs] == ko_srcs, en_page.name
        embedded += len(ko_srcs)
    assert embedded >= 25


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
    (images / ("sphx_glr_plot_recorded_001" + figure_i18n.SIDECAR)).write_text("{}")
    (images / "sphx_glr_plot_unrecorded_001.png").write_bytes(b"png")
    app = SimpleNamespace(srcdir=str(tmp_path), config=SimpleNamespace(
        sphinx_gallery_conf={"gallery_dirs": ["auto_examples"]}))

    assert figure_i18n.forget_examples_without_records(app) == [unrecorded]
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

    figure_i18n.shrink_png(path)

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
    figure_i18n.shrink_png(path)
    assert path.read_bytes() == original
