"""The search tables that dlref_docs.search builds from the term sheet (docs/terms.csv).

The browser side is tested in tests/browser/test_search_as_readers_type.py; here: the
compound and synonym tables, and that the Korean index splits compounds of the sheet.
"""

from __future__ import annotations

import pytest
from dlref_docs.core import languages
from dlref_docs.glossary.terms import load_terms
from dlref_docs.search.ranking import compound_table, synonym_table


@pytest.fixture(scope="module")
def terms():
    return load_terms()


def test_compounds_of_the_sheet_split_into_their_words(terms):
    table = compound_table(terms, languages.get("ko"))
    assert table["활성화함수"] == ["활성화", "함수"]
    assert table["희소범주형교차엔트로피"] == ["희소", "범주형", "교차", "엔트로피"]
    assert "드롭아웃" not in table  # one word: nothing to split


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("손실함수를 줄입니다", ["손실", "함수를", "줄입니다"]),
        ("교차엔트로피는", ["교차", "엔트로피는"]),
        ("손실 함수를", ["손실", "함수를"]),
        ("드롭아웃을 씁니다", ["드롭아웃을", "씁니다"]),
        ("ReLU는", ["ReLU는"]),
    ],
)
def test_the_korean_index_splits_compounds(korean_search_language, text, words):
    assert korean_search_language({}).split(text) == words


def test_korean_synonyms_lead_to_the_korean_term(terms):
    table = synonym_table(terms, "ko")
    assert table["과적합"] == ["과대적합", False]
    assert table["렐루"] == ["ReLU", False]
    assert table["아담"] == ["Adam", False]
    assert table["learningrate"] == ["학습률", True]  # the English term, spaces squashed
    assert table["crossentropy"] == ["교차 엔트로피", True]


def test_english_synonyms_lead_to_the_english_term(terms):
    table = synonym_table(terms, "en")
    assert table["과대적합"] == ["overfitting", True]
    assert table["과적합"] == ["overfitting", False]
    assert "learningrate" not in table  # the site's own term is not rewritten
