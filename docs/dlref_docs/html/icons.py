"""Cut the theme's Font Awesome webfont down to the icons the site shows.

The theme ships Font Awesome's whole solid face (``fa-solid-900.woff2``, 112 KiB, about 2,000
icons) and its stylesheet declares it with ``font-display: block``; the site shows about thirty
of them (the header's buttons, the navigation arrows, the admonition icons).  On a phone the
font is fetched with the page's first requests, next to its stylesheets, so it holds up the
first and the largest paint.  Once every page is written, this handler keeps the glyphs the
site can show and writes the face again in place (same name, so the theme's stylesheet is
unchanged):

* the icons the pages and scripts name by class (``fa-sun``), through the stylesheet's
  ``.fa-sun{--fa:"\\f185"}`` rules;
* every icon the stylesheet uses by itself (``--pst-icon-*`` custom properties, ``content``),
  whether or not a page shows it now.

fontTools does the subsetting.  What is hand-written is only the reading of the theme's
stylesheet, since no library maps Font Awesome's class names to code points.  Sphinx copies
the theme's full face again on every build (it replaces files that differ), so an incremental
build subsets from the full face too.
"""

from __future__ import annotations

import re
from pathlib import Path

from .fonts import site_texts, subset_face

FACE = Path("_static/vendor/fontawesome/webfonts/fa-solid-900.woff2")
THEME_CSS = Path("_static/styles/pydata-sphinx-theme.css")
# `.fa-magnifying-glass,.fa-search{--fa:"\f002"}`: the minified stylesheet's icon rules.
ICON_RULE = re.compile(r'((?:\.fa-[a-z0-9-]+,?)+)\{--fa:"\\([0-9a-f]+)"\}')
ICON_CLASS = re.compile(r"\bfa-[a-z0-9-]+")
ESCAPED = re.compile(r"\\([0-9a-fA-F]{4,6})")
PRIVATE_USE = range(0xE000, 0xF900)  # where Font Awesome puts its icons


def icons_by_class(css: str) -> dict[str, int]:
    """Map each icon class of the stylesheet to its code point."""
    icons = {}
    for selectors, code in ICON_RULE.findall(css):
        for selector in selectors.split(","):
            if selector:
                icons[selector[1:]] = int(code, 16)
    return icons


def icons_in_css(css: str) -> set[int]:
    """The private-use code points the stylesheet uses outside its icon-class rules."""
    rest = ICON_RULE.sub("", css)
    points = {ord(char) for char in rest if ord(char) in PRIVATE_USE}
    points.update(code for code in (int(h, 16) for h in ESCAPED.findall(rest))
                  if code in PRIVATE_USE)
    return points


def classes_in_site(outdir: Path) -> set[str]:
    """Every ``fa-*`` name in the written pages and in the scripts they load."""
    names: set[str] = set()
    for text in site_texts(outdir):
        names.update(ICON_CLASS.findall(text))
    return names


def icons_shown(outdir: Path) -> set[int]:
    """The code points the site at ``outdir`` can show."""
    css = (outdir / THEME_CSS).read_text(encoding="utf-8")
    by_class = icons_by_class(css)
    shown = icons_in_css(css)
    shown.update(by_class[name] for name in classes_in_site(outdir) if name in by_class)
    return shown


def subset_icon_font(app, exception) -> None:
    """``build-finished``: keep only the icons the site shows in the theme's solid face."""
    if exception is not None or app.builder.format != "html":
        return
    outdir = Path(app.outdir)
    face, css = outdir / FACE, outdir / THEME_CSS
    if not face.is_file() or not css.is_file():  # another theme, or a theme without the font
        return
    subset_face(face, icons_shown(outdir))
