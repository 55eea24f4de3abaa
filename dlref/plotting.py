"""One figure style for every plot of the site.

Every gallery example calls :func:`use_style` first.  It registers a Hangul-capable
font (NanumGothic, shipped inside the ``koreanize-matplotlib`` wheel, so no system
font and no download is needed) and sets a small, thumbnail-friendly style.  Because
sphinx-gallery resets matplotlib before every example, the style is applied by each
example itself, never once globally.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

from ._i18n import _

__all__ = ["PALETTE", "KOREAN_FONT", "font_path", "use_style"]

#: Colour cycle shared by all figures (colour-blind safe, from Okabe & Ito 2008).
PALETTE = (
    "#0072B2",
    "#D55E00",
    "#009E73",
    "#CC79A7",
    "#E69F00",
    "#56B4E9",
    "#000000",
)
# Okabe & Ito's yellow (#F0E442) is left out: on the white background it is too pale to see.

#: Family name of the Hangul font registered by :func:`use_style`.
KOREAN_FONT = "NanumGothic"


def font_path() -> Path:
    """Return the path of the NanumGothic TrueType file that ships with ``koreanize-matplotlib``.

    Returns
    -------
    pathlib.Path
        Absolute path of ``NanumGothic.ttf``.

    Raises
    ------
    ModuleNotFoundError
        If ``koreanize-matplotlib`` is not installed (it is a dependency of dlref).

    Examples
    --------
    >>> from dlref.plotting import font_path
    >>> font_path().name
    'NanumGothic.ttf'
    """
    # Look the file up without importing koreanize_matplotlib: importing it rewrites the
    # global rcParams as a side effect, which we want to do explicitly in use_style().
    spec = importlib.util.find_spec("koreanize_matplotlib")
    if spec is None or spec.origin is None:
        raise ModuleNotFoundError(
            _("dlref.plotting needs the NanumGothic font from the 'koreanize-matplotlib' "
              "package; install it with: pip install koreanize-matplotlib")
        )
    path = Path(spec.origin).parent / "fonts" / "NanumGothic.ttf"
    if not path.is_file():
        raise FileNotFoundError(
            _("NanumGothic.ttf not found at {path}; reinstall koreanize-matplotlib.", path=path)
        )
    return path


def use_style() -> None:
    """Apply dlref's figure style: Hangul-capable font, palette, grid and sizes.

    Call it at the top of every example (sphinx-gallery resets matplotlib between
    examples).  After the call, drawing a title such as ``"Vanishing gradients ·
    기울기 소실"`` raises no missing-glyph warning.

    Examples
    --------
    >>> import matplotlib
    >>> from dlref.plotting import use_style
    >>> use_style()
    >>> matplotlib.rcParams["font.family"]
    ['DejaVu Sans', 'NanumGothic']
    """
    import matplotlib
    from cycler import cycler
    from matplotlib import font_manager

    path = str(font_path())
    if path not in {f.fname for f in font_manager.fontManager.ttflist}:
        font_manager.fontManager.addfont(path)
        bold = Path(path).with_name("NanumGothicBold.ttf")
        if bold.is_file():
            font_manager.fontManager.addfont(str(bold))
    matplotlib.rcParams.update(
        {
            # DejaVu Sans draws Latin text and the maths minus (U+2212) of log-axis ticks,
            # which NanumGothic lacks; matplotlib falls back to NanumGothic glyph by glyph
            # for Hangul.
            "font.family": ["DejaVu Sans", KOREAN_FONT],
            "axes.prop_cycle": cycler(color=list(PALETTE)),
            "axes.grid": True,
            "grid.alpha": 0.3,
            "axes.spines.top": False,
            "axes.spines.right": False,
            "axes.titlesize": 13,
            "axes.labelsize": 11,
            "legend.fontsize": 9,
            "legend.frameon": False,
            "figure.figsize": (7.0, 4.2),
            "figure.dpi": 100,
            "savefig.bbox": "tight",
            "lines.linewidth": 2.0,
            "image.cmap": "viridis",
        }
    )
