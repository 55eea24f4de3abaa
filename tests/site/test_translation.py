"""The Korean site is structurally identical to the English one: translated MyST keeps its
links, figures and maths (each Korean page has as many of them as its English twin), the
Korean pages declare their language and use the Korean interface.

That every English message has a Korean translation is checked in the fast tier
(tests/toolchain/test_catalogs.py).
"""

from __future__ import annotations

import re
from pathlib import Path

from babel.messages.pofile import read_po
from bs4 import BeautifulSoup

DOCS = Path(__file__).resolve().parents[2] / "docs"
LOCALE = DOCS / "locale" / "ko" / "LC_MESSAGES"


def _structure(html_path: Path) -> dict[str, int]:
    soup = BeautifulSoup(html_path.read_text(encoding="utf-8"), "html.parser")
    main = soup.select_one("article.bd-article") or soup.body
    internal_links = [
        a
        for a in main.find_all("a", href=True)
        if not a["href"].startswith(("http:", "https:", "mailto:"))
        and "headerlink" not in (a.get("class") or [])
    ]
    return {
        "links": len(internal_links),
        "images": len(main.find_all("img")),
        "math": len(main.select(".math")),
        "code blocks": len(main.select("div.highlight")),
        "figures": len(main.find_all("figure")),
        "gallery figures": len(main.select("img.sphx-glr-single-img, img.sphx-glr-multi-img")),
    }


def test_korean_pages_keep_links_figures_and_math(site):
    en_root, ko_root = site["out"] / "en", site["out"] / "ko"
    mismatches = []
    pages = [
        p
        for p in sorted(en_root.rglob("*.html"))
        if p.name not in {"genindex.html", "search.html", "py-modindex.html", "404.html"}
            and not p.relative_to(en_root).parts[0].startswith("_")
    ]
    for en_page in pages:
        rel = en_page.relative_to(en_root)
        ko_page = ko_root / rel
        en, ko = _structure(en_page), _structure(ko_page)
        if en != ko:
            mismatches.append(f"{rel}: en {en} != ko {ko}")
    assert not mismatches, "\n".join(mismatches)


def test_korean_pages_declare_their_language_and_use_korean_ui(site):
    ko_index = (site["out"] / "ko" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="ko"' in ko_index
    search = (site["out"] / "ko" / "search.html").read_text(encoding="utf-8")
    assert "검색" in search  # Sphinx's own Korean UI strings
    # The theme's strings, which it ships no Korean for, come from docs/locale/ko/sphinx.po.
    page = (site["out"] / "ko" / "concepts" / "dropout.html").read_text(encoding="utf-8")
    theme_strings = (("Section Navigation", "섹션 탐색"), ("On this page", "이 페이지의 내용"),
                     ("Skip to main content", "본문으로 건너뛰기"))
    for english, korean in theme_strings:
        assert korean in page and english not in page, english
    not_found = (site["out"] / "ko" / "404.html").read_text(encoding="utf-8")
    assert "페이지를 찾을 수 없습니다" in not_found


def _display_maths(page: Path) -> list[str]:
    """The TeX of each display formula on a built page (KaTeX keeps it as an annotation)."""
    main = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").select_one("main")
    return [a.get_text() for a in main.select("div.math annotation[encoding='application/x-tex']")]


def test_korean_pages_show_the_translated_display_maths(site):
    """Each display formula on a Korean page is its catalog translation (math_i18n), or the
    English TeX where it has none; MyST alone turns a translated formula into "::"."""
    en_root, ko_root = site["out"] / "en", site["out"] / "ko"
    translated, wrong = 0, []
    for en_page in sorted(en_root.rglob("*.html")):
        rel = en_page.relative_to(en_root)
        if rel.parts[0].startswith("_") or not (english := _display_maths(en_page)):
            continue
        catalog = LOCALE / rel.with_suffix(".po")
        strings = {}
        if catalog.is_file():
            with open(catalog, "rb") as handle:
                strings = {m.id.strip(): m.string.strip()
                           for m in read_po(handle) if m.id and m.string}
        expected = [strings.get(tex.strip(), tex.strip()) for tex in english]
        translated += sum(e != tex.strip() for e, tex in zip(expected, english, strict=True))
        korean = [tex.strip() for tex in _display_maths(ko_root / rel)]
        if korean != expected:
            wrong.append(f"{rel}: {korean} != {expected}")
    assert not wrong, "Korean display maths differ from the catalogs:\n" + "\n".join(wrong)
    assert translated >= 8  # precision/recall, 확률 p로, 그 밖의 경우, 은닉층, (배치, n) …


def test_no_emphasis_markup_is_left_as_asterisks(site):
    """'**굵게**' must become bold.  CommonMark does not close '**…`term`**는' (a closing run
    after punctuation needs a space or punctuation after it), and the reader sees '**'; a
    reST escape ("``x``\\ 는") written into a MyST page's catalog shows its backslash."""
    shown = []
    for lang in ("en", "ko"):
        root = site["out"] / lang
        for page in sorted(root.rglob("*.html")):
            if page.relative_to(root).parts[0].startswith("_"):
                continue
            soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
            article = soup.select_one("article")
            if article is None:
                continue
            for literal in article.select("pre, code, .math, .highlight"):
                literal.decompose()
            text = article.get_text(" ")
            rel = f"{lang}/{page.relative_to(root)}"
            shown += [f"{rel}: {text[max(0, m.start() - 30):m.end() + 20]}"
                      for m in re.finditer(r"\*\*(?!\s*kwargs)|\\", text)]
    assert not shown, "asterisks or backslashes shown as text:\n" + "\n".join(shown)
