"""Korean-first lookup: the Korean glossary in 가나다 order, the English one A–Z, links intact.

* Korean glossary: each headword is the Korean term with the English one after it (terms
  whose Korean name is the English one stay as they are), Hangul headwords in 가나다 order,
  then the Latin ones A–Z; the English glossary is A–Z with the Korean term right after
  each headword;
* both glossaries define the same term anchors, and every glossary link of every page of
  either language lands on an existing anchor;
* the Korean general index lists the Korean terms under Korean letters (ㄱ, ㄴ, …).
"""

from __future__ import annotations

import re
import unicodedata

from bs4 import BeautifulSoup

HANGUL = re.compile(r"[\uac00-\ud7a3]")


def _glossary(root):
    soup = BeautifulSoup((root / "glossary.html").read_text(encoding="utf-8"), "html.parser")
    entries = []
    for dt in soup.select("dl.glossary > dt"):
        for link in dt.select("a.headerlink"):
            link.decompose()
        entries.append((dt["id"], dt.get_text().strip(), dt.find_next_sibling("dd").get_text()))
    return entries


def _is_hangul(text: str) -> bool:
    return "HANGUL" in unicodedata.name(text[0], "")


def test_korean_glossary_is_korean_first_in_ganada_order(site):
    korean = _glossary(site["out"] / "ko")
    english = dict((anchor, term) for anchor, term, _ in _glossary(site["out"] / "en"))
    assert {anchor for anchor, _, _ in korean} == set(english)
    headwords = [term for _, term, _ in korean]
    hangul = [t for t in headwords if _is_hangul(t)]
    latin = [t for t in headwords if not _is_hangul(t)]
    assert len(hangul) >= 40, headwords
    assert headwords == hangul + latin, "Hangul headwords come first"
    assert hangul == sorted(hangul), "not in 가나다 order"
    assert latin == sorted(latin, key=str.casefold)
    for anchor, term, _ in korean:
        if HANGUL.search(term):  # "F1 점수 (F1 score)" sorts with the Latin headwords
            assert term.endswith(f"({english[anchor]})"), (term, english[anchor])
        else:
            assert term == english[anchor]


def test_english_glossary_is_a_to_z_with_the_korean_term_after_each_headword(site):
    english = _glossary(site["out"] / "en")
    terms = [term for _, term, _ in english]
    assert terms == sorted(terms, key=str.casefold)
    for _, term, definition in english:
        first = definition.strip().split(".")[0]
        assert HANGUL.search(first) or first == term, (term, first)


def test_glossary_links_land_on_a_term_in_both_languages(site):
    problems, links = [], 0
    for lang in ("en", "ko"):
        root = site["out"] / lang
        anchors = {anchor for anchor, _, _ in _glossary(root)}
        for page in sorted(root.rglob("*.html")):
            if page.relative_to(root).parts[0].startswith("_"):
                continue
            soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
            for a in soup.select("a[href*='glossary.html#term-']"):
                links += 1
                if a["href"].split("#", 1)[1] not in anchors:
                    problems.append(f"{lang}/{page.relative_to(root)}: {a['href']}")
    assert links > 100
    assert not problems, "\n".join(problems[:20])


def test_korean_general_index_lists_korean_terms_under_korean_letters(site):
    soup = BeautifulSoup((site["out"] / "ko" / "genindex.html").read_text(encoding="utf-8"),
                         "html.parser")
    letters = [h.get_text() for h in soup.select("h2")]
    for letter in ("ㄱ", "ㅎ"):
        assert letter in letters, letters
    section = soup.find("h2", string="ㅎ").find_next("table")
    entries = [a.get_text() for a in section.select("a")]
    assert "활성화 함수 (activation function)" in entries, entries
    assert ">module<" not in str(soup)


def test_korean_definitions_do_not_repeat_their_headword(site):
    """The English glossary starts each definition with the Korean term ("활성화 함수. A
    function …"); on the Korean page the headword already is that term."""
    repeated = [term for _, term, definition in _glossary(site["out"] / "ko")
                if definition.strip().startswith(term.split(" (")[0] + ".")]
    assert not repeated, repeated


def test_the_korean_index_has_no_english_module_label(site):
    html = (site["out"] / "ko" / "genindex.html").read_text(encoding="utf-8")
    assert not re.search(r">\s*module\s*<", html)
