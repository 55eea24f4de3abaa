"""The glossary and the general index in the reader's alphabet.

Glossary

``:sorted:`` sorts the English headwords when the page is parsed; the Korean headwords
("활성화 함수 (activation function)", from glossary.po) replace them afterwards, so the Korean
build sorts each glossary again by its translated headword.  Hangul syllables are encoded
in 가나다 order, so code-point order is dictionary order; headwords that stay in Latin
letters (ReLU, GELU, …) follow, A–Z.  Links are unaffected: a translated term keeps its id.

General index
The translated glossary terms are its Korean entries.  Sphinx groups them under the first
letter of their NFD form, a conjoining jamo (U+1100 ᄀ), shown here as the ordinary letter
ㄱ (U+3131); the Python domain's "module" sub-entry, written untranslated, becomes 모듈.
"""

from __future__ import annotations

import unicodedata

from docutils import nodes
from sphinx import addnodes


def _key(item: nodes.definition_list_item) -> tuple[int, str]:
    text = item.next_node(nodes.term).astext().strip()
    hangul = "HANGUL" in unicodedata.name(text[0], "") if text else False
    return (0 if hangul else 1, text.casefold())


def sort_translated_glossaries(app, doctree) -> None:
    if (app.config.language or "en") == "en":
        return
    for glossary in doctree.findall(addnodes.glossary):
        for definitions in glossary.findall(nodes.definition_list):
            items = sorted(definitions.children, key=_key)
            definitions.children = []
            definitions.extend(items)


# Conjoining initial jamo (U+1100..U+1112) -> compatibility jamo with the same sound.
_CHOSEONG = dict(zip([chr(c) for c in range(0x1100, 0x1113)],
                     "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ", strict=True))
_SUBENTRY = {"ko": {"module": "모듈"}}


def korean_index_letters(app, pagename, templatename, context, doctree) -> None:
    language = app.config.language or "en"
    if pagename != "genindex" or language == "en" or "genindexentries" not in context:
        return
    words = _SUBENTRY.get(language, {})
    entries = []
    for letter, items in context["genindexentries"]:
        for _name, (_links, subitems, _key) in items:
            subitems[:] = [(words.get(sub, sub), links) for sub, links in subitems]
        entries.append((_CHOSEONG.get(letter, letter), items))
    context["genindexentries"] = entries


def setup(app):
    app.connect("doctree-read", sort_translated_glossaries)
    app.connect("html-page-context", korean_index_letters)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
