"""A search language for Sphinx that cuts particles and endings off words (Korean).

Sphinx ships no Korean search language and falls back to English splitting, which indexes
every space-separated Korean word whole, particle included (기울기가, 손실을, 함수는).  A
two-syllable query (함수) then finds only pages with the bare form, and a query with a
particle (기울기를) finds only that exact form.

Why rule-based and not a morphological analyser such as kiwipiepy: the browser has to
reduce the *query* exactly the way the index reduced the *page*, and an analyser's model
cannot run in searchtools.js.  One short, ordered table of endings — ``[search] particles``
in the language's data file (:mod:`dlref_docs.core.languages`) — drives both the Python side
(the index, here) and the JavaScript side (the query: ``dlref_search.js`` gets the table in
its data), so a word and its query always meet.  It costs nothing at build time (no model
to load).  Latin words go through Sphinx's English (Snowball) stemmer on both sides, so ReLU,
Adam and softmax work as on the English site.
"""

from __future__ import annotations

import re
from pathlib import Path

import sphinx.search
from sphinx.search.en import SearchEnglish

from ..core.languages import Language


def strip_particle(word: str, particles, script: re.Pattern[str]) -> str:
    """Return the content part of a word: ``기울기를`` -> ``기울기``.

    Words without a character of ``script`` are returned unchanged.  Endings are removed
    until none is left, so that a noun and the noun plus a particle always meet: ``정확도``
    -> ``정확`` (도 is also a particle) and ``정확도를`` -> ``정확도`` -> ``정확``.  Removing
    only one would index ``정확도를`` as ``정확도`` while the query ``정확도`` looks for ``정확``.

    >>> from dlref_docs.core import languages
    >>> ko = languages.get("ko")
    >>> strip_particle("기울기를", ko.particles, ko.search_word)
    '기울기'
    """
    if not script.search(word):
        return word
    stripped = True
    while stripped:
        stripped = False
        for particle, keep in particles:
            if word.endswith(particle) and len(word) - len(particle) >= keep:
                word = word[: -len(particle)]
                stripped = True
                break
    return word


class ParticleSearch(SearchEnglish):
    """An index whose words of the language's script lose their endings; other words use
    English stemming.  :func:`search_language` makes the class of one language."""

    language: Language
    compounds: dict[str, list[str]] = {}

    def _strip(self, word: str) -> str:
        return strip_particle(word, self.language.particles, self.language.search_word)

    def split(self, input: str) -> list[str]:  # noqa: A002 - Sphinx's signature
        """Words of the page; a spaceless term-sheet compound counts as its words."""
        words = []
        script = self.language.search_word
        for word in super().split(input):
            base = self._strip(word) if script.search(word) else word
            parts = self.compounds.get(base)
            if parts:
                words += [*parts[:-1], parts[-1] + word[len(base):]]
            else:
                words.append(word)
        return words

    def stem(self, word: str) -> str:
        script = self.language.search_word
        if script.search(word):
            word = self._strip(word)
            if script.search(word):
                return word
        # Latin words, and Latin words that carried a particle (Keras는 -> Keras -> kera)
        return super().stem(word)


def js_stemmer_code(language: Language) -> str:
    """The query side of the index: Sphinx's English stemmer, and the endings cut off words
    of the language's script by ``dlrefStem`` of ``dlref_search.js`` (which the search page
    loads, with the same table), so the loop and the table exist once in JavaScript."""
    minified = Path(sphinx.search.__file__).parent / "minified-js"
    base = (minified / "base-stemmer.js").read_text(encoding="utf-8")
    english = (minified / "english-stemmer.js").read_text(encoding="utf-8")
    stemmer = """
// dlref: words lose their endings in dlref_search.js (dlrefStem), other words go to English.
var ParticleStemmer = function () {
  var english = new EnglishStemmer();
  this.stemWord = function (word) { return window.dlrefStem(word, english); };
};
window.Stemmer = ParticleStemmer;
"""
    return "\n".join((base, english, stemmer))


def search_language(language: Language, compounds: dict[str, list[str]]) -> type[ParticleSearch]:
    """The Sphinx search language of ``language`` (which has a table of endings)."""
    return type(f"Search_{language.code}", (ParticleSearch,), {
        "lang": language.code,
        "language_name": language.name,
        "language": language,
        "compounds": compounds,
        "js_stemmer_rawcode": "",  # js_stemmer_code replaces Sphinx's file-based stemmer
        "js_stemmer_code": js_stemmer_code(language),
    })
