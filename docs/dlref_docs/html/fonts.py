"""Web fonts cut down to the characters the site shows (fontTools does the subsetting).

The theme's icon font and KaTeX's maths fonts hold far more glyphs than the site uses, and a
phone fetches them with the page's first requests.  The handlers that copy them into the
output (html/icons.py, html/katex.py) write them again with only the glyphs the pages can
show, under the same names, so the stylesheets that name them stay as they are.
"""

from __future__ import annotations

import html
from pathlib import Path

# Printable ASCII is kept in every face whatever the pages hold: stylesheets write some of it
# themselves (KaTeX's equation numbers: content:"(" counter(katexEqnNo) ")").
ASCII = frozenset(range(0x20, 0x7F))


def site_texts(outdir: Path):
    """The text of every page and script the site at ``outdir`` serves.

    Vendored files (``_static/vendor``: Font Awesome's own script, which the site does not
    load, and which names every icon there is) are left out.
    """
    for pattern in ("*.html", "*.js"):
        for path in outdir.rglob(pattern):
            if "vendor" not in path.relative_to(outdir).parts:
                yield path.read_text(encoding="utf-8", errors="replace")


def characters_in(outdir: Path) -> set[int]:
    """Every character of the written pages and of the scripts next to them.

    Scripts count: the glossary cards (a script the build writes) hold rendered maths too.
    Markup counts as well, which keeps at most a few glyphs more than the pages show.
    """
    characters: set[str] = set()
    for text in site_texts(outdir):
        characters.update(html.unescape(text))
    return {ord(character) for character in characters} | ASCII


def subset_face(face: Path, code_points: set[int]) -> None:
    """Write the WOFF2 ``face`` again with only the glyphs of ``code_points`` it has."""
    from fontTools import subset

    options = subset.Options()
    options.flavor = "woff2"
    font = subset.load_font(str(face), options)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=sorted(code_points))
    subsetter.subset(font)
    subset.save_font(font, str(face), options)
