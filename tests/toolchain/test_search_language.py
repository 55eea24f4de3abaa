"""Unit tests of the Korean search language (dlref_docs.search.language).

The Python stemmer reduces the words of every page when the index is built; the JavaScript
side reduces the query in the browser (tests/browser/test_search_stemmer_parity.py checks
that both agree, word by word).
"""

from __future__ import annotations

import re

import pytest
from dlref_docs.core import languages
from dlref_docs.search import language as search

KO = languages.get("ko")
PARTICLES = KO.particles


def strip_particle(word: str) -> str:
    return search.strip_particle(word, KO.particles, KO.search_word)


# Korean standard terms of the project (notes/conventions.md), at least two syllables each.
GLOSSARY_NOUNS = (
    "활성화 함수 시그모이드 하이퍼볼릭 탄젠트 소프트맥스 로짓 순전파 역전파 연쇄 법칙 기울기 "
    "그래디언트 경사 하강법 학습률 소실 폭주 클리핑 가중치 편향 레이어 은닉층 완전 연결 평탄화 "
    "전처리 뉴런 퍼셉트론 다층 손실 평균 제곱 오차 절대 이진 교차 엔트로피 범주형 희소 인코딩 "
    "평가 지표 정확도 과대적합 일반화 드롭아웃 옵티마이저 확률적 모멘텀 에포크 배치 특성 공학 "
    "정형 데이터 비정형 머신러닝 딥러닝 순환 신경망 최적화 결과 정의 효과"
).split()
COMMON_PARTICLES = (
    "을 를 은 는 이 가 의 에 에서 으로 로 와 과 도 만 에서는 으로는 처럼 까지"
).split()

@pytest.fixture(scope="module")
def korean(korean_search_language):
    return korean_search_language({})


def index_form(language, word: str) -> str:
    """What Sphinx's IndexBuilder.feed stores for ``word`` (stem, then lower-case)."""
    return language.stem(word).lower()


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("기울기를", "기울기"),
        ("기울기가", "기울기"),
        ("기울기는", "기울기"),
        ("손실을", "손실"),
        ("손실이", "손실"),
        ("함수는", "함수"),
        ("함수를", "함수"),
        ("함수이다", "함수"),
        ("층을", "층"),
        ("층의", "층"),
        ("은닉층에서", "은닉층"),
        ("옵티마이저는", "옵티마이저"),
        ("최적화를", "최적화"),
        ("드롭아웃을", "드롭아웃"),
        ("기울기들의", "기울기"),
        ("소프트맥스처럼", "소프트맥스"),
    ],
)
def test_strip_particle_removes_the_particle(word, expected):
    assert strip_particle(word) == expected


@pytest.mark.parametrize(
    "word",
    ["기울기", "손실", "함수", "층", "활성화", "옵티마이저", "드롭아웃", "최적화", "평가", "길이"],
)
def test_strip_particle_keeps_words_without_a_particle(word):
    assert strip_particle(word) == word


@pytest.mark.parametrize("word", ["층이", "층도", "층만"])
def test_one_syllable_words_keep_ambiguous_one_syllable_particles(word):
    # 이/가/도/로/... end many words too; they are only cut from words of 3+ syllables.
    assert strip_particle(word) == word


@pytest.mark.parametrize("word", ["ReLU", "functions", "Adam", "softmax"])
def test_strip_particle_leaves_latin_words_alone(word):
    assert strip_particle(word) == word


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("functions", "function"),
        ("optimizers", "optim"),
        ("gradients", "gradient"),
        ("running", "run"),
        ("ReLU", "relu"),
        ("Adam", "adam"),
        ("softmax", "softmax"),
    ],
)
def test_latin_words_use_the_english_snowball_stemmer(korean, word, expected):
    assert index_form(korean, word) == expected


@pytest.mark.parametrize(
    ("word", "expected"),
    [("기울기를", "기울기"), ("손실을", "손실"), ("함수는", "함수"), ("층을", "층"),
     ("활성화", "활성화"), ("옵티마이저", "옵티마이저"), ("드롭아웃", "드롭아웃")],
)
def test_stem_of_korean_words(korean, word, expected):
    assert index_form(korean, word) == expected


@pytest.mark.parametrize(
    ("word", "expected"),
    [("ReLU는", "relu"), ("Adam을", "adam"), ("softmax를", "softmax"),
     ("Keras는", "kera"), ("functions를", "function")],
)
def test_latin_word_with_a_particle_is_stemmed_like_the_bare_word(korean, word, expected):
    assert index_form(korean, word) == expected
    assert index_form(korean, re.sub(r"[가-힣]+$", "", word)) == expected


@pytest.mark.parametrize("noun", GLOSSARY_NOUNS)
def test_noun_and_noun_with_particle_meet(korean, noun):
    """A query of the bare noun must find a page that only has the noun plus a particle."""
    bare = index_form(korean, noun)
    wrong = {noun + p: index_form(korean, noun + p) for p in COMMON_PARTICLES}
    wrong = {word: stem for word, stem in wrong.items() if stem != bare}
    assert not wrong, f"{noun!r} is indexed as {bare!r}, but: {wrong}"


def test_particle_table_is_longest_first():
    lengths = [len(p) for p, _ in PARTICLES]
    assert lengths == sorted(lengths, reverse=True)
    assert len({p for p, _ in PARTICLES}) == len(PARTICLES), "duplicate particle"
