"""Bilingual glossary cards: hovering or focusing a glossary link shows 한국어 term, English term
and the one-line definition, on every page, offline, in both languages.

The Korean and English terms come from the term sheet (docs/terms.csv, :mod:`.terms`); the
definition is the first sentence of the glossary entry in the page's language, read from the
glossary's doctree (translated when Sphinx reads it).  The card is drawn by glossary_cards.js,
written with its data to ``_static/glossary_cards.js``.  Maths in a definition is rendered by
KaTeX to MathML only: browsers draw MathML themselves, so a card needs no KaTeX stylesheet
on pages that have no maths of their own.

Why not sphinx-tippy or sphinx-hoverxref: hoverxref needs Read the Docs' embed API (a server);
sphinx-tippy loads tippy.js and Popper from a CDN unless both are vendored, writes a tip file
per page for every link (page weight), and shows the whole glossary entry, not the term sheet's
two terms with a one-line definition.  What we need is about 80 lines of JavaScript.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

from docutils import nodes

from ..core import languages
from ..core.state import PerPageCollector
from .terms import load_terms

GLOSSARY = "glossary"
JS = "glossary_cards.js"
# A formula inside the definition text while it is cut to its first sentence: "\ue000<n>\ue001"
# (private-use characters, so no period of the formula can end the sentence).
FORMULA = re.compile("\ue000(\\d+)\ue001")


def first_sentence(text: str, sentence_end: str = "") -> str:
    """The first sentence of ``text``: up to the first ``sentence_end`` (the language's, as
    "다." for Korean) or ". ".

    >>> first_sentence("One. Two.")
    'One.'
    """
    text = " ".join(text.split())
    ends = ([re.escape(sentence_end)] if sentence_end else []) + [r"\.(?=\s|$)"]
    match = re.search("|".join(ends), text)
    return text[: match.end()] if match else text


def text_with_placeholders(node: nodes.Node, formulas: list[str]) -> str:
    """``node``'s text with each formula replaced by its FORMULA placeholder."""
    if isinstance(node, nodes.math):
        formulas.append(node.astext())
        return f"\ue000{len(formulas) - 1}\ue001"
    if isinstance(node, nodes.Text):
        return node.astext()
    return "".join(text_with_placeholders(child, formulas) for child in node.children)


class GlossaryCards(PerPageCollector):
    """Each glossary entry's id, terms and first sentence, read from the glossary page."""

    name = "dlref_glossary_cards"

    def collect(self, app, doctree) -> dict[str, list] | None:
        if app.env.docname != GLOSSARY:
            return None
        sentence_end = languages.for_app(app).sentence_end
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
            formulas: list[str] = []
            text = text_with_placeholders(definition, formulas)
            # Entries start with the Korean name ("활성화 함수. A function …"): drop it.
            text = re.sub(rf"^{re.escape(row.ko)}(\([^)]*\))?\.\s*", "", text)
            cards[term_node["ids"][0]] = [row.ko, row.en, first_sentence(text, sentence_end),
                                          formulas]
        return cards


def definition_html(text: str, formulas: list[str]) -> str:
    """The definition as HTML: text escaped, each formula as KaTeX's MathML."""
    from sphinxcontrib.katex import render_latex

    pieces = FORMULA.split(text)  # text, formula number, text, …
    out = []
    for i, piece in enumerate(pieces):
        if i % 2:
            out.append(render_latex(formulas[int(piece)], {"output": "mathml"}))
        else:
            out.append(html.escape(piece, quote=False))
    return "".join(out)


def write_cards(app, exception) -> None:
    if exception is not None or app.builder.format != "html":
        return
    cards = {term_id: [ko, en, definition_html(text, formulas)]
             for term_id, (ko, en, text, formulas)
             in GlossaryCards.data(app.env).get(GLOSSARY, {}).items()}
    code = Path(__file__).with_name(JS).read_text(encoding="utf-8")
    data = json.dumps({"cards": cards, "glossary": GLOSSARY + app.builder.out_suffix},
                      ensure_ascii=False, separators=(",", ":"))
    out = Path(app.outdir) / "_static" / JS
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(f"var DLREF_GLOSSARY = {data};\n{code}", encoding="utf-8")
