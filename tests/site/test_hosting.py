"""The built site follows a hosted docs site's conventions, in both languages: a favicon, a
description from each page's lead in its language, OpenGraph and Twitter-card data, a canonical
URL, hreflang alternates to the page's twin, and sitemaps of both languages.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from bs4 import BeautifulSoup
from dlref_docs.build import site_url

HANGUL = re.compile(r"[\uac00-\ud7a3]")
GENERATED = {"search", "genindex", "py-modindex", "404"}  # pages without a lead of their own


def _pages(root, lang):
    for page in sorted((root / lang).rglob("*.html")):
        rel = page.relative_to(root / lang)
        if rel.parts[0].startswith("_") or rel.stem in GENERATED:
            continue
        yield rel, BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")


def _meta(soup, **attrs):
    tag = soup.find("meta", attrs=attrs)
    return tag["content"] if tag else None


def test_every_page_has_its_description_card_canonical_and_twin(site):
    root, base = site["out"], site_url()
    problems, checked = [], 0
    for lang, other in (("en", "ko"), ("ko", "en")):
        for rel, soup in _pages(root, lang):
            checked += 1
            url = f"{base}{lang}/{rel.as_posix()}"
            description = _meta(soup, attrs={"name": "description"}) or _meta(
                soup, **{"name": "description"})
            if not description or len(description) < 20:
                problems.append(f"{lang}/{rel}: no description")
            elif lang == "ko" and not HANGUL.search(description):
                problems.append(f"{lang}/{rel}: description not Korean: {description[:60]}")
            for prop in ("og:title", "og:url", "og:image", "og:description"):
                if not _meta(soup, property=prop):
                    problems.append(f"{lang}/{rel}: no {prop}")
            if _meta(soup, property="og:url") != url:
                problems.append(f"{lang}/{rel}: og:url {_meta(soup, property='og:url')}")
            if _meta(soup, name="twitter:card") != "summary_large_image":
                problems.append(f"{lang}/{rel}: no twitter card")
            canonical = soup.find("link", rel="canonical")
            if canonical is None or canonical["href"] != url:
                problems.append(f"{lang}/{rel}: canonical {canonical}")
            alternates = {link["hreflang"]: link["href"]
                          for link in soup.find_all("link", rel="alternate")}
            twin = f"{base}{other}/{rel.as_posix()}"
            if alternates.get(lang) != url or alternates.get(other) != twin:
                problems.append(f"{lang}/{rel}: hreflang {alternates}")
            if alternates.get("x-default") != f"{base}en/{rel.as_posix()}":
                problems.append(f"{lang}/{rel}: x-default {alternates.get('x-default')}")
            if not (root / other / rel).is_file():
                problems.append(f"{lang}/{rel}: its twin {other}/{rel} does not exist")
            if soup.find("link", rel="icon") is None:
                problems.append(f"{lang}/{rel}: no favicon")
    assert checked > 150, checked
    assert not problems, "\n".join(problems[:30])


def test_the_sitemaps_list_every_page_of_both_languages(site):
    root, base = site["out"], site_url()
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    index = ET.parse(root / "sitemap.xml").getroot()
    assert [loc.text for loc in index.findall("s:sitemap/s:loc", ns)] == [
        f"{base}en/sitemap.xml", f"{base}ko/sitemap.xml"]
    assert f"Sitemap: {base}sitemap.xml" in (root / "robots.txt").read_text(encoding="utf-8")
    for lang in ("en", "ko"):
        listed = {loc.text for loc in
                  ET.parse(root / lang / "sitemap.xml").getroot().findall("s:url/s:loc", ns)}
        pages = {f"{base}{lang}/{rel.as_posix()}" for rel, _ in _pages(root, lang)}
        assert pages <= listed, sorted(pages - listed)[:10]


def test_korean_descriptions_keep_particles_on_their_words(site):
    """The description is the lead as it reads: "드롭아웃(dropout)은", not "(dropout) 은"."""
    soup = BeautifulSoup((site["out"] / "ko" / "concepts" / "dropout.html")
                         .read_text(encoding="utf-8"), "html.parser")
    description = _meta(soup, name="description")
    assert description.startswith("드롭아웃(dropout)은 ")
    assert not re.search(r"\) [은는이가을를의]\s", description)


def _scripts(page):
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    return {tag["src"].split("?")[0].rsplit("/", 1)[-1]: tag.has_attr("defer")
            for tag in soup.find_all("script", src=True)}


def test_scripts_that_wait_for_the_page_do_not_hold_up_its_first_paint(site):
    # Deferred: they act on DOMContentLoaded or on clicks (translations.js after doctools.js,
    # whose strings it fills in).  documentation_options.js stays
    # blocking (an inline script of the theme uses it), and so does doctools.js on the
    # search page, where searchtools.js calls it while the body is parsed.
    for lang in ("en", "ko"):
        concept = _scripts(site["out"] / lang / "concepts" / "activation-functions.html")
        deferred = ("doctools.js", "sphinx_highlight.js", "clipboard.min.js", "copybutton.js") + (
            ("translations.js",) if lang == "ko" else ())
        for name in deferred:
            assert concept[name] is True, (lang, name)
        assert concept["documentation_options.js"] is False
        search = _scripts(site["out"] / lang / "search.html")
        assert search["doctools.js"] is False and search["searchtools.js"] is False


# Font Awesome's code points of the icons in every page's header (Font Awesome 7 Free, solid).
HEADER_ICONS = {"fa-sun": 0xF185, "fa-moon": 0xF186, "fa-circle-half-stroke": 0xF042,
                "fa-magnifying-glass": 0xF002, "fa-bars": 0xF0C9}


def test_the_icon_font_keeps_exactly_the_icons_the_site_shows(site):
    """The theme's Font Awesome face is cut to the icons the pages name and the stylesheet
    uses (html/icons.py), and each kept icon is the theme's own glyph."""
    from pathlib import Path

    import pydata_sphinx_theme
    from dlref_docs.html import icons
    from fontTools.ttLib import TTFont

    theme = Path(pydata_sphinx_theme.__file__).parent / "theme" / "pydata_sphinx_theme"
    full = TTFont(theme / "static" / "vendor" / "fontawesome" / "webfonts" / "fa-solid-900.woff2")
    full_cmap, full_glyphs = full.getBestCmap(), full.getGlyphSet()
    for lang in ("en", "ko"):
        out = site["out"] / lang
        css = (out / icons.THEME_CSS).read_text(encoding="utf-8")
        by_class = icons.icons_by_class(css)
        assert {name: by_class[name] for name in HEADER_ICONS} == HEADER_ICONS
        page = (out / "concepts" / "dropout.html").read_text(encoding="utf-8")
        assert all(f'fa-solid {name}' in page for name in HEADER_ICONS)
        # The admonition icons exist only in the stylesheet (--pst-icon-info-circle: U+F05A).
        assert 0xF05A in icons.icons_in_css(css)

        face = TTFont(out / icons.FACE)
        cmap = face.getBestCmap()
        assert face.flavor == "woff2"
        # GitHub's and GitLab's icons (--pst-icon-github) are in the brands face, not this one.
        assert set(cmap) == icons.icons_shown(out) & set(full_cmap)
        assert set(HEADER_ICONS.values()) | {0xF05A} <= set(cmap) < set(full_cmap)
        assert 20 <= len(cmap) <= 60, len(cmap)
        glyphs = face.getGlyphSet()
        for code, name in cmap.items():
            assert name == full_cmap[code]
            assert glyphs[name].width == full_glyphs[full_cmap[code]].width
        assert (out / icons.FACE).stat().st_size < 8_000  # the full face: 112 KiB


def _maths_characters(root):
    """The characters KaTeX laid out on the pages (its visible html, not the MathML)."""
    shown = set()
    for page in root.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        if 'class="katex-html"' not in text:
            continue
        soup = BeautifulSoup(text, "html.parser")
        for maths in soup.select("span.katex-html"):
            shown.update(ord(char) for char in maths.get_text())
    return shown


def test_the_maths_fonts_keep_every_character_the_formulas_show(site):
    """KaTeX's fonts are cut to the site's characters (html/katex.py), and no glyph that a
    formula on any page shows is lost, in whichever face KaTeX draws it."""
    from dlref_docs.html.katex import KATEX_DIST
    from fontTools.ttLib import TTFont

    for lang in ("en", "ko"):
        fonts_dir = site["out"] / lang / "_static" / "katex" / "fonts"
        maths = _maths_characters(site["out"] / lang)
        assert {ord("σ"), ord("∂"), ord("∑")} <= maths, "the pages' formulas were not found"
        faces = sorted(fonts_dir.glob("*.woff2"))
        assert len(faces) == 20
        full_total = cut_total = 0
        for face in faces:
            full = TTFont(KATEX_DIST / "fonts" / face.name)
            cut = TTFont(face)
            full_cmap, cut_cmap = full.getBestCmap(), cut.getBestCmap()
            assert set(cut_cmap) <= set(full_cmap)
            lost = (maths & set(full_cmap)) - set(cut_cmap)
            assert not lost, (lang, face.name, sorted(map(chr, lost)))
            assert all(cut_cmap[code] == full_cmap[code] for code in cut_cmap)
            full_total += (KATEX_DIST / "fonts" / face.name).stat().st_size
            cut_total += face.stat().st_size
        main = fonts_dir / "KaTeX_Main-Regular.woff2"
        assert main.stat().st_size < 0.6 * (KATEX_DIST / "fonts" / main.name).stat().st_size
        assert cut_total < 0.85 * full_total, (cut_total, full_total)
