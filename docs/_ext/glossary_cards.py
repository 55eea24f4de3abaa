"""Bilingual glossary cards: hovering or focusing a glossary link shows 한국어 term, English term
and the one-line definition, on every page, offline, in both languages.

The Korean and English terms come from the term sheet (docs/terms.csv, term_sheet.py); the
definition is the first sentence of the glossary entry in the page's language, read from the
glossary's doctree (translated when Sphinx reads it).  The card is drawn by glossary_cards.js,
written with its data to ``_static/glossary_cards.js``.

Why not sphinx-tippy or sphinx-hoverxref: hoverxref needs Read the Docs' embed API (a server);
sphinx-tippy loads tippy.js and Popper from a CDN unless both are vendored, writes a tip file
per page for every link (page weight), and shows the whole glossary entry, not the term sheet's
two terms with a one-line definition.  What we need is about 80 lines of JavaScript.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from docutils import nodes
from term_sheet import load_terms

GLOSSARY = "glossary"
JS = "glossary_cards.js"


def first_sentence(text: str) -> str:
    """The first sentence of ``text``: up to the first "다." (Korean) or ". " (English).

    Periods inside ``$…$`` math are not sentence ends.
    """
    text = " ".join(text.split())
    masked = re.sub(r"\$[^$]*\$", lambda m: "x" * len(m.group(0)), text)
    match = re.search(r"다\.|\.(?=\s|$)", masked)
    return text[: match.end()] if match else text


def collect_definitions(app, doctree) -> None:
    """Read each glossary entry's id, headword and first sentence from the glossary page."""
    if app.env.docname != GLOSSARY:
        return
    terms = {term.en: term for term in load_terms() if term.glossary}
    cards = {}
    for item in doctree.findall(nodes.definition_list_item):
        term_node = next(iter(item.findall(nodes.term)), None)
        definition = next(iter(item.findall(nodes.paragraph)), None)
        if term_node is None or definition is None or not term_node["ids"]:
            continue
        headword = term_node.astext()
        row = terms.get(headword) or next(
            (t for t in terms.values() if t.en in headword or t.ko in headword), None)
        if row is None:
            continue
        text = definition.astext()
        # Entries start with the Korean name ("활성화 함수. A function …"): drop it.
        text = re.sub(rf"^{re.escape(row.ko)}(\([^)]*\))?\.\s*", "", text)
        cards[term_node["ids"][0]] = [row.ko, row.en, first_sentence(text)]
    app.env.dlref_glossary_cards = cards


def merge_cards(app, env, docnames, other) -> None:
    if GLOSSARY in docnames and hasattr(other, "dlref_glossary_cards"):
        env.dlref_glossary_cards = other.dlref_glossary_cards


def write_cards(app, exception) -> None:
    if exception is not None or app.builder.format != "html":
        return
    cards = getattr(app.env, "dlref_glossary_cards", {})
    code = Path(__file__).with_name(JS).read_text(encoding="utf-8")
    data = json.dumps({"cards": cards, "glossary": GLOSSARY + app.builder.out_suffix},
                      ensure_ascii=False, separators=(",", ":"))
    out = Path(app.outdir) / "_static" / JS
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(f"var DLREF_GLOSSARY = {data};\n{code}", encoding="utf-8")


def setup(app):
    app.connect("doctree-read", collect_definitions)
    app.connect("env-merge-info", merge_cards)
    app.connect("build-finished", write_cards)
    app.add_js_file(JS, loading_method="defer")
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
