"""The index and the query reduce words alike: Python (the index) against the JavaScript the
search page runs (the stemmer in language_data.js and dlref_search.js), word by word.

A page is found only if both give the same result for every word.
"""

from __future__ import annotations

import json
import re

import pytest
from dlref_docs.core import languages
from dlref_docs.search.language import js_stemmer_code
from dlref_docs.search.ranking import script_text

from .support import block_external

KO = languages.get("ko")

# Words for the Python/JavaScript parity check: particles of every length, words that must
# stay whole, one-syllable nouns, words with several particles, Latin words and mixtures.
PARITY_WORDS = [
    "기울기", "기울기가", "기울기를", "기울기는", "기울기의", "기울기들의", "손실", "손실을",
    "손실이", "손실에서는", "함수", "함수는", "함수를", "함수이다", "함수입니다", "층", "층을",
    "층이", "층의", "은닉층에서", "활성화", "활성화는", "옵티마이저", "옵티마이저는", "최적화",
    "최적화를", "드롭아웃", "드롭아웃을", "정확도", "정확도를", "결과", "결과는", "정의",
    "정의를", "평가", "길이", "길이가", "데이터로", "텐서플로", "텐서플로를", "학습한다",
    "계산하는", "간단한", "소프트맥스처럼", "가중치까지", "에포크마다",
    "ReLU", "relu", "ReLU는", "Adam", "Adam을", "softmax", "softmax를", "Keras", "Keras는",
    "functions", "optimizers", "gradients", "running", "dropout", "L2정규화",
]


@pytest.fixture(scope="module")
def stemmer_page(browser):
    """A blank page with the search page's scripts: the stemmer and dlref_search.js."""
    context = browser.new_context()
    blocked = block_external(context)
    page = context.new_page()
    page.set_content("<!doctype html><html><head></head><body></body></html>")
    # dlref_search.js patches searchtools.js's Search and Scorer, which a blank page lacks.
    page.add_script_tag(content="var Search = {}; var Scorer = {};")
    data = {"particles": [list(p) for p in KO.particles], "script": KO.search_script,
            "compounds": {}, "synonyms": {}, "docs": [], "counts": {}}
    page.add_script_tag(content=script_text(data))
    page.add_script_tag(content=js_stemmer_code(KO))
    yield page
    context.close()
    assert not blocked, blocked


def test_parity_words_cover_enough_cases():
    assert len(set(PARITY_WORDS)) >= 40
    assert sum(bool(re.search(r"[가-힣]", w)) for w in PARITY_WORDS) >= 30
    assert sum(bool(re.fullmatch(r"[A-Za-z]+", w)) for w in PARITY_WORDS) >= 8


def test_javascript_stemmer_matches_python(korean_search_language, stemmer_page):
    korean = korean_search_language({})
    words = list(dict.fromkeys(PARITY_WORDS + [n + p for n in ("기울기", "손실", "함수", "층")
                                               for p, _ in KO.particles]))
    in_js = stemmer_page.evaluate(
        """(words) => {
          const stemmer = new Stemmer();
          return words.map((w) => stemmer.stemWord(w.toLowerCase()));
        }""",
        words,
    )
    in_python = [korean.stem(w).lower() for w in words]
    assert len(in_js) == len(words)
    mismatches = {w: {"python": p, "js": j}
                  for w, p, j in zip(words, in_python, in_js, strict=True) if p != j}
    assert not mismatches, json.dumps(mismatches, ensure_ascii=False, indent=1)
