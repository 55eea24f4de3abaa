"""Figures render Hangul with the shipped font, and a missing glyph is an error."""

import warnings

import matplotlib

matplotlib.use("agg")
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib import font_manager  # noqa: E402

from dlref.plotting import KOREAN_FONT, font_path, use_style  # noqa: E402


def test_font_file_ships_with_a_package_and_has_hangul():
    from matplotlib.ft2font import FT2Font

    font = FT2Font(str(font_path()))
    charmap = font.get_charmap()
    for char in "기울기소실활성화함수":
        assert ord(char) in charmap, f"NanumGothic lacks {char!r}"


def test_use_style_renders_hangul_title_without_missing_glyph_warning(tmp_path):
    use_style()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        fig, ax = plt.subplots()
        ax.set_title("기울기 소실")
        ax.plot([0, 1], [-1, 1])
        fig.savefig(tmp_path / "title.png")
        plt.close(fig)
    found = font_manager.findfont(font_manager.FontProperties(family=KOREAN_FONT))
    assert found == str(font_path())


def test_use_style_installs_no_build_policy():
    # Strictness about missing glyphs belongs to the docs build (dlref_docs.gallery.glyphs),
    # not to a user's notebook session.
    import logging

    mathtext_log = logging.getLogger("matplotlib.mathtext")
    before = list(warnings.filters), list(mathtext_log.filters)
    matplotlib.rcdefaults()
    use_style()
    assert (list(warnings.filters), list(mathtext_log.filters)) == before


def test_log_axis_minus_signs_and_hangul_render_without_missing_glyphs(tmp_path, caplog):
    # Log-scale ticks are mathtext (10^{-5}); a font without U+2212 draws boxes and matplotlib
    # only *logs* it, so check the log as well as warnings.
    use_style()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        fig, ax = plt.subplots()
        ax.semilogy([1e-6, 1e-3, 1.0])
        ax.set_title("기울기 폭주")
        ax.set_xlabel("−1 · 층")
        fig.savefig(tmp_path / "log.png")
        plt.close(fig)
    missing = [r.getMessage() for r in caplog.records if "glyph" in r.getMessage().lower()]
    assert not missing, missing
