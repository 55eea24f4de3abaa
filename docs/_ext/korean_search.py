"""A Korean search language for Sphinx: particles and endings are split off content words.

Sphinx ships no Korean search language and falls back to English splitting, which indexes
every space-separated Korean word whole, particle included (기울기가, 손실을, 함수는).  A
two-syllable query (함수) then finds only pages with the bare form, and a query with a
particle (기울기를) finds only that exact form.

Why rule-based and not a morphological analyser such as kiwipiepy: the browser has to
reduce the *query* exactly the way the index reduced the *page*, and an analyser's model
cannot run in searchtools.js.  The same short, ordered list of particles (조사) and copula
endings drives both the Python side (index) and the JavaScript side (query), so a word and
its query always meet.  It costs nothing at build time (no model to load).  Latin words
go through Sphinx's English (Snowball) stemmer on both sides, so ReLU, Adam and softmax
work as on the English site.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import sphinx.search
from sphinx.search.en import SearchEnglish
from term_sheet import Term, load_terms

# Longest first, so 에서는 is tried before 는.  The second field is the fewest syllables
# that must remain: one-syllable particles that are also common word endings (이, 가, 도,
# 로, 고, 나, 만, 며, 들) may only be cut from words of three syllables or more.
PARTICLES: tuple[tuple[str, int], ...] = tuple(sorted(
    [
        ("에서는", 1), ("으로는", 1), ("에게서", 1), ("이라는", 1), ("이라고", 1), ("입니다", 1),
        ("이에요", 1), ("이지만", 1), ("에서도", 1), ("으로도", 1), ("이므로", 1), ("처럼", 1),
        ("에서", 1), ("에게", 1), ("으로", 1), ("까지", 1), ("부터", 1), ("보다", 1), ("마다", 1),
        ("에는", 1), ("에도", 1), ("로는", 1), ("와는", 1), ("과는", 1), ("이나", 1), ("이며", 1),
        ("이고", 1), ("이다", 1), ("라는", 1), ("라고", 1), ("이란", 1), ("들은", 1), ("들이", 1),
        ("들을", 1), ("들의", 1), ("들과", 1), ("이면", 1), ("하는", 1), ("하고", 1), ("하여", 1),
        ("해서", 1), ("한다", 1), ("된다", 1), ("되는", 1), ("했다", 1),
        ("합니다", 1), ("됩니다", 1),
        ("은", 1), ("는", 1), ("을", 1), ("를", 1), ("의", 1), ("에", 1), ("와", 1), ("과", 1),
        ("란", 1), ("한", 2), ("된", 2),
        ("이", 2), ("가", 2), ("도", 2), ("로", 2), ("고", 2), ("나", 2), ("만", 2), ("며", 2),
        ("들", 2),
    ],
    key=lambda item: -len(item[0]),
))

_HANGUL = re.compile(r"[\uac00-\ud7a3]")


def strip_particle(word: str) -> str:
    """Return the content part of a Korean word: ``기울기를`` -> ``기울기``.

    Words without Hangul are returned unchanged.  Particles are removed until none is
    left, so that a noun and the noun plus a particle always meet: ``정확도`` -> ``정확``
    (도 is also a particle) and ``정확도를`` -> ``정확도`` -> ``정확``.  Removing only one
    would index ``정확도를`` as ``정확도`` while the query ``정확도`` looks for ``정확``.
    """
    if not _HANGUL.search(word):
        return word
    stripped = True
    while stripped:
        stripped = False
        for particle, keep in PARTICLES:
            if word.endswith(particle) and len(word) - len(particle) >= keep:
                word = word[: -len(particle)]
                stripped = True
                break
    return word


def compound_table(terms: list[Term]) -> dict[str, list[str]]:
    """Spaceless spellings of the term sheet's multi-word Korean terms -> their words.

    ``활성화함수`` -> ``["활성화", "함수"]``: the index splits a page's 활성화함수 like this
    and dlref_search.js splits the query the same way, so 활성화함수 and 활성화 함수 meet.
    """
    table: dict[str, list[str]] = {}
    for term in terms:
        for spelling in (term.ko, *term.search, *term.banned):
            words = re.findall(r"\w+", spelling)
            if len(words) > 1 and all(_HANGUL.search(word) for word in words):
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


class SearchKorean(SearchEnglish):
    """Korean index: Hangul words lose their particle, other words use English stemming."""

    lang = "ko"
    language_name = "Korean"
    js_stemmer_rawcode = ""  # the JavaScript below replaces Sphinx's file-based stemmer
    compounds: dict[str, list[str]] = {}

    def split(self, input: str) -> list[str]:  # noqa: A002 - Sphinx's signature
        """Words of the page; a spaceless term-sheet compound counts as its words."""
        words = []
        for word in super().split(input):
            base = strip_particle(word) if _HANGUL.search(word) else word
            parts = self.compounds.get(base)
            if parts:
                words += [*parts[:-1], parts[-1] + word[len(base):]]
            else:
                words.append(word)
        return words

    def stem(self, word: str) -> str:
        if _HANGUL.search(word):
            word = strip_particle(word)
            if _HANGUL.search(word):
                return word
        # Latin words, and Latin words that carried a particle (Keras는 -> Keras -> kera)
        return super().stem(word)


def _js_stemmer_code() -> str:
    minified = Path(sphinx.search.__file__).parent / "minified-js"
    base = (minified / "base-stemmer.js").read_text(encoding="utf-8")
    english = (minified / "english-stemmer.js").read_text(encoding="utf-8")
    table = json.dumps([[p, keep] for p, keep in PARTICLES], ensure_ascii=False)
    korean = f"""
// dlref Korean stemmer: the same particle table as docs/_ext/korean_search.py.
var KoreanStemmer = function () {{
  var english = new EnglishStemmer();
  var particles = {table};
  var hangul = /[\\uac00-\\ud7a3]/;
  var stripParticle = function (word) {{
    var stripped = true;
    while (stripped) {{
      stripped = false;
      for (var i = 0; i < particles.length; i++) {{
        var p = particles[i][0], keep = particles[i][1];
        if (word.length - p.length >= keep && word.slice(-p.length) === p) {{
          word = word.slice(0, word.length - p.length);
          stripped = true;
          break;
        }}
      }}
    }}
    return word;
  }};
  this.stemWord = function (word) {{
    if (hangul.test(word)) {{
      word = stripParticle(word);
      if (hangul.test(word)) return word;
    }}
    return english.stemWord(word);
  }};
}};
window.Stemmer = KoreanStemmer;
"""
    return "\n".join((base, english, korean))


SearchKorean.js_stemmer_code = _js_stemmer_code()
SearchKorean.compounds = compound_table(load_terms())


def _site_terms(app) -> list[str]:
    language = "ko" if app.config.language == "ko" else "en"
    return [term.ko if language == "ko" else term.en for term in load_terms()]


def count_terms(app, doctree) -> None:
    """Count how often each term of the term sheet occurs on a page (stored in the env).

    The search ranks a page by these counts when the query is a term (learning rate ->
    the optimizers page, which says it 27 times): Sphinx's index only says whether a word
    occurs, not how often, nor whether two words stand together.
    """
    text = doctree.astext().lower()
    counts = {}
    for number, term in enumerate(_site_terms(app)):
        pattern = re.escape(term.lower())
        if not _HANGUL.search(term):
            pattern = rf"\b{pattern}"
        found = len(re.findall(pattern, text))
        if found:
            counts[number] = found
    if not hasattr(app.env, "dlref_term_counts"):
        app.env.dlref_term_counts = {}
    app.env.dlref_term_counts[app.env.docname] = counts


def purge_counts(app, env, docname) -> None:
    getattr(env, "dlref_term_counts", {}).pop(docname, None)


def merge_counts(app, env, docnames, other) -> None:
    if not hasattr(env, "dlref_term_counts"):
        env.dlref_term_counts = {}
    for docname in docnames:
        env.dlref_term_counts[docname] = other.dlref_term_counts.get(docname, {})


def write_search_js(app, env) -> None:
    """Give Sphinx dlref_search.js, with this language's tables, as its search scorer file.

    ``html_search_scorer`` is the hook Sphinx offers to put code into language_data.js, which
    the search page loads after searchtools.js.  It is read when writing starts, so the file
    is written once all pages are read (their term counts are known).  It goes to the
    doctree folder because it differs per language and is not a source.
    """
    terms = load_terms()
    language = "ko" if app.config.language == "ko" else "en"
    # Compact, as language_data.js is loaded on every page: {term: [doc, count, doc, …]} with
    # doc a position in "docs"; a single mention does not rank a page, so it is left out.
    site_terms = _site_terms(app)
    pages = {d: c for d, c in getattr(env, "dlref_term_counts", {}).items() if d in env.all_docs}
    docs = sorted(pages)
    counts: dict[str, list[int]] = {}
    for position, docname in enumerate(docs):
        for number, found in pages[docname].items():
            if found >= 2:
                counts.setdefault(site_terms[number], []).extend([position, found])
    data = {
        "particles": [[p, keep] for p, keep in PARTICLES],
        "compounds": compound_table(terms),
        "synonyms": synonym_table(terms, language),
        "docs": docs,
        "counts": counts,
    }
    code = (Path(__file__).with_name("dlref_search.js")).read_text(encoding="utf-8")
    out = Path(app.doctreedir) / f"dlref_search_{language}.js"
    out.parent.mkdir(parents=True, exist_ok=True)
    table = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    out.write_text("var DLREF_SEARCH = " + table + ";\n" + code,
                   encoding="utf-8")
    app.config.html_search_scorer = str(out)


def setup(app):
    app.add_search_language(SearchKorean)
    app.connect("doctree-read", count_terms)
    app.connect("env-purge-doc", purge_counts)
    app.connect("env-merge-info", merge_counts)
    app.connect("env-updated", write_search_js)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
