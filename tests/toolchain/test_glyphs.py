"""dlref_docs.gallery.glyphs: in the docs build a missing figure glyph is an error."""

from __future__ import annotations

import logging
import warnings
from pathlib import Path

import matplotlib
import pytest

matplotlib.use("agg")
import matplotlib.pyplot as plt  # noqa: E402

from dlref.plotting import KOREAN_FONT, use_style  # noqa: E402


@pytest.fixture
def strict():
    """strict_glyphs installed for one test only (the filters are process-wide)."""
    from dlref_docs.gallery import glyphs as module

    mathtext_log = logging.getLogger("matplotlib.mathtext")
    saved = list(mathtext_log.filters)
    with warnings.catch_warnings():
        module.install()
        yield module
    mathtext_log.filters[:] = saved
    matplotlib.rcdefaults()
    use_style()


def test_missing_text_glyph_is_an_error(strict, tmp_path):
    use_style()
    matplotlib.rcParams["font.family"] = ["DejaVu Sans"]  # a font without Hangul
    fig, ax = plt.subplots()
    ax.set_title("기울기 소실")
    with pytest.raises(UserWarning, match="missing from"):
        fig.savefig(tmp_path / "broken.png")
    plt.close(fig)


def test_missing_mathtext_glyph_is_an_error(strict, tmp_path):
    use_style()
    matplotlib.rcParams["font.family"] = [KOREAN_FONT]  # no U+2212 for log-axis ticks
    fig, ax = plt.subplots()
    ax.semilogy([1e-6, 1e-3, 1.0])
    # mathtext's parser re-raises our error as its own ParseException (a ValueError).
    with pytest.raises(ValueError, match="missing glyph|Unknown symbol"):
        fig.savefig(tmp_path / "broken-log.png")
    plt.close(fig)


def test_install_is_idempotent(strict):
    strict.install()
    mathtext_log = logging.getLogger("matplotlib.mathtext")
    assert sum(isinstance(f, strict.MissingGlyphIsAnError) for f in mathtext_log.filters) == 1


def test_gallery_workers_install_the_filters_before_each_example(strict, tmp_path):
    # sphinx-gallery's parallel workers are fresh processes: the docs' reset hook, run
    # before every example, is what makes a missing glyph an error there.
    from sphinx_gallery.gen_rst import _get_callables

    conf_text = (Path(__file__).resolve().parents[2] / "docs" / "conf.py").read_text("utf-8")
    hook_name = "dlref_docs.gallery.glyphs.reset_for_example"
    assert f'"{hook_name}"' in conf_text
    mathtext_log = logging.getLogger("matplotlib.mathtext")
    mathtext_log.filters[:] = [f for f in mathtext_log.filters
                               if not isinstance(f, strict.MissingGlyphIsAnError)]
    with warnings.catch_warnings():
        warnings.resetwarnings()
        (hook,) = _get_callables({"reset_modules": (hook_name,)}, "reset_modules")
        hook({}, "plot_x.py")
        assert any(isinstance(f, strict.MissingGlyphIsAnError) for f in mathtext_log.filters)
        use_style()
        matplotlib.rcParams["font.family"] = ["DejaVu Sans"]
        fig, ax = plt.subplots()
        ax.set_title("기울기 소실")
        with pytest.raises(UserWarning, match="missing from"):
            fig.savefig(tmp_path / "broken.png")
        plt.close(fig)
