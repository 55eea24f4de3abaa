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


class SearchKorean(SearchEnglish):
    """Korean index: Hangul words lose their particle, other words use English stemming."""

    lang = "ko"
    language_name = "Korean"
    js_stemmer_rawcode = ""  # the JavaScript below replaces Sphinx's file-based stemmer

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


def setup(app):
    app.add_search_language(SearchKorean)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
