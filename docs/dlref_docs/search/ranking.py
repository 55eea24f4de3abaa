"""The search as readers type: term-sheet synonyms and compounds, and ranking by term counts.

``dlref_search.js`` (loaded by the search page only, after searchtools.js) rewrites queries
with the term sheet's variants, splits spaceless compounds, and ranks pages; it gets its
tables as ``DLREF_SEARCH``, written with it into ``_static/dlref_search.js`` at the end of the
build, once every page's term counts are known.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from docutils import nodes

from ..core import languages
from ..core.state import PerPageCollector
from ..glossary.terms import Term

SCRIPT = "dlref_search.js"


def compound_table(terms: list[Term], language: languages.Language) -> dict[str, list[str]]:
    """Spaceless spellings of the term sheet's multi-word terms -> their words.

    ``활성화함수`` -> ``["활성화", "함수"]``: the index splits a page's 활성화함수 like this
    and dlref_search.js splits the query the same way, so 활성화함수 and 활성화 함수 meet.
    """
    script = language.search_word
    table: dict[str, list[str]] = {}
    if script is None:
        return table
    for term in terms:
        for spelling in (term.ko, *term.search, *term.banned):
            words = re.findall(r"\w+", spelling)
            if len(words) > 1 and all(script.search(word) for word in words):
                table.setdefault("".join(words), words)
    return table


def synonym_table(terms: list[Term], language: str) -> dict[str, list]:
    """Query rewriting for dlref_search.js: squashed variant -> [site term, always].

    On the Korean site the English term and the variants lead to the Korean term, on the
    English site the Korean term and the variants lead to the English term.  ``always`` is
    false for variants, which are rewritten only when the index does not hold them (SGD and
    Dense stay SGD and Dense).  A key is given to its first term; exact terms come first.
    """
    def squash(text: str) -> str:
        return re.sub(r"[\s\-_]+", "", text.lower())

    table: dict[str, list] = {}
    for term in terms:
        target, other = (term.ko, term.en) if language == "ko" else (term.en, term.ko)
        if squash(other) != squash(target):
            table.setdefault(squash(other), [target, True])
    for term in terms:
        target = term.ko if language == "ko" else term.en
        for variant in (*term.search, *term.banned):
            if squash(variant) != squash(target):
                table.setdefault(squash(variant), [target, False])
    return table


def site_terms(terms: list[Term], language: str) -> list[str]:
    return [term.ko if language == "ko" else term.en for term in terms]


class TermCounts(PerPageCollector):
    """How often each term of the term sheet occurs on a page.

    The search ranks a page by these counts when the query is a term (learning rate ->
    the optimizers page, which says it 27 times): Sphinx's index only says whether a word
    occurs, not how often, nor whether two words stand together.
    """

    name = "dlref_term_counts"

    def collect(self, app, doctree: nodes.document) -> dict[int, int]:
        from ..glossary.terms import load_terms

        text = doctree.astext().lower()
        script = languages.for_app(app).search_word
        counts = {}
        for number, term in enumerate(site_terms(load_terms(), app.config.language)):
            pattern = re.escape(term.lower())
            if script is None or not script.search(term):  # Latin terms: at a word start
                pattern = rf"\b{pattern}"
            found = len(re.findall(pattern, text))
            if found:
                counts[number] = found
        return counts


def script_text(data: dict) -> str:
    """``dlref_search.js`` preceded by its tables (``DLREF_SEARCH``)."""
    code = Path(__file__).with_name(SCRIPT).read_text(encoding="utf-8")
    table = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return "var DLREF_SEARCH = " + table + ";\n" + code


def search_data(app, terms: list[Term]) -> dict:
    """The tables ``dlref_search.js`` needs for this build's site."""
    language = languages.for_app(app)
    env = app.env
    names = site_terms(terms, language.code)
    # Compact: {term: [doc, count, doc, …]} with doc a position in "docs"; a single mention
    # does not rank a page, so it is left out.
    pages = {d: c for d, c in TermCounts.data(env).items() if d in env.all_docs}
    docs = sorted(pages)
    counts: dict[str, list[int]] = {}
    for position, docname in enumerate(docs):
        for number, found in sorted(pages[docname].items()):
            if found >= 2:
                counts.setdefault(names[number], []).extend([position, found])
    typed = _typed_language(app, language)
    return {
        "particles": [[p, keep] for p, keep in typed.particles],
        "script": typed.search_script,
        "compounds": compound_table(terms, language),
        "synonyms": synonym_table(terms, language.code),
        "docs": docs,
        "counts": counts,
    }


def _typed_language(app, language: languages.Language) -> languages.Language:
    """The language whose endings queries lose: the site's, or on a site whose language has
    none (English), the first translation's that has (readers type Korean there too)."""
    if language.particles:
        return language
    locale_dirs = tuple(Path(app.srcdir, d) for d in app.config.locale_dirs)
    for locale_dir in locale_dirs:
        for code in languages.codes(locale_dir):
            other = languages.get(code, locale_dirs)
            if other.particles:
                return other
    return language


def write_script(app, exception) -> None:
    """``build-finished``: write ``_static/dlref_search.js`` for the search page."""
    if exception is not None or app.builder.format != "html":
        return
    from ..glossary.terms import load_terms

    out = Path(app.outdir) / "_static" / SCRIPT
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(script_text(search_data(app, load_terms())), encoding="utf-8")


def load_on_search_page(app, pagename, templatename, context, doctree) -> None:
    """``html-page-context``: the search page loads the script (deferred: after
    searchtools.js and language_data.js, before the search runs on DOMContentLoaded)."""
    if pagename == "search":
        app.add_js_file(SCRIPT, loading_method="defer")
