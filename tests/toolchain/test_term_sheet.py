"""The term sheet (docs/terms.csv) and the Korean catalogs that must follow it.

The sheet is the single source of the Korean terms: this test fails when a catalog msgstr uses
a banned variant (naming the file and the entry), when a sheet row has an empty or duplicate
Korean term, and when a glossary term is missing from the sheet.  The catalogs are the site's
(docs/locale/ko), dlref's own messages (dlref/locale/ko, what dlref prints in Korean) and the
docs toolchain's interface strings (dlref_docs.po).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from dlref_docs.glossary.terms import (
    CATALOGS,
    COLUMNS,
    banned_hits,
    count_variants,
    load_terms,
    synonyms,
)

ROOT = Path(__file__).resolve().parents[2]

HEADER = ",".join(COLUMNS) + "\n"

# Every Korean catalog whose text a reader sees: the pages, dlref's messages, the interface.
KOREAN_CATALOGS = [
    *sorted(CATALOGS.rglob("*.po")),
    ROOT / "dlref" / "locale" / "ko" / "LC_MESSAGES" / "dlref.po",
    ROOT / "docs" / "dlref_docs" / "locale" / "ko" / "LC_MESSAGES" / "dlref_docs.po",
]

# The project's standard terms (developer guide): English -> the one Korean term.
STANDARD = {
    "neural network": "신경망", "gradient": "기울기", "slope": "경사", "sample": "샘플",
    "example": "예제", "gradient boosting": "그레이디언트 부스팅", "confusion matrix": "혼동 행렬",
    "threshold": "임곗값", "Jacobian": "야코비 행렬", "parameter": "매개변수", "step": "스텝",
    "shape": "형태", "overfitting": "과대적합", "underfitting": "과소적합",
    "activation function": "활성화 함수", "loss function": "손실 함수",
    "vanishing gradient": "기울기 소실", "exploding gradient": "기울기 폭주",
    "optimizer": "옵티마이저", "backpropagation": "역전파", "forward propagation": "순전파",
    "learning rate": "학습률", "dropout": "드롭아웃", "cross-entropy": "교차 엔트로피",
    "tabular data": "정형 데이터",
}


@pytest.fixture(scope="module")
def terms():
    return load_terms()


def test_the_sheet_holds_the_standard_terms(terms):
    by_en = {term.en: term.ko for term in terms}
    wrong = {en: (by_en.get(en), ko) for en, ko in STANDARD.items() if by_en.get(en) != ko}
    assert not wrong, f"term sheet rows differ from the standard terms (sheet, standard): {wrong}"


def test_every_glossary_term_is_on_the_sheet(terms):
    text = (ROOT / "docs" / "glossary.md").read_text(encoding="utf-8")
    block = text[text.index("```{glossary}"):]
    headwords = set(re.findall(r"^([^\s:`][^\n]*)\n  \S", block, flags=re.MULTILINE))
    assert len(headwords) > 40, f"could not read the glossary headwords: {sorted(headwords)}"
    on_sheet = {term.en for term in terms if term.glossary}
    assert headwords == on_sheet, (
        f"glossary terms missing from docs/terms.csv: {sorted(headwords - on_sheet)}; "
        f"rows marked glossary=yes that are not glossary terms: {sorted(on_sheet - headwords)}"
    )


def test_no_catalog_uses_a_banned_variant(terms):
    problems, read = [], {}
    for po in KOREAN_CATALOGS:
        with open(po, "rb") as handle:
            catalog = read_po(handle)
        read[po.name] = sum(1 for message in catalog if message.id and message.string)
        for message in catalog:
            if not message.id or not isinstance(message.string, str):
                continue
            for variant, term in banned_hits(message.string, terms):
                problems.append(
                    f"{po.relative_to(ROOT)} line {message.lineno} (msgid {message.id[:50]!r}): "
                    f"{variant!r} -> use {term.ko!r} ({term.en})"
                )
    assert read["dlref.po"] > 200 and read["dlref_docs.po"] > 20, read  # both were read
    assert not problems, f"{len(problems)} banned variant(s):\n" + "\n".join(problems)


def test_the_check_catches_a_banned_variant(terms):
    """The catalog check can fail: a sentence with 네트워크 is reported, one without is not."""
    hits = banned_hits("이 네트워크는 파라미터를 학습합니다.", terms)
    assert {(variant, term.ko) for variant, term in hits} == {
        ("네트워크", "신경망"), ("파라미터", "매개변수")}
    assert banned_hits("이 신경망은 매개변수를 학습합니다.", terms) == []


def test_a_banned_variant_matches_only_at_the_start_of_a_word(terms):
    assert banned_hits("하이퍼파라미터를 고릅니다.", terms) == []
    assert [v for v, _ in banned_hits("(파라미터)", terms)] == ["파라미터"]


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        ("dropout,드롭아웃,,,,\nlayer dropout,드롭아웃,,,,\n", "already used on line 2"),
        ("dropout,,,,,\n", "Korean term of 'dropout' is empty"),
        ("dropout,   ,,,,\n", "Korean term of 'dropout' is empty"),
        (",드롭아웃,,,,\n", "English term of '드롭아웃' is empty"),
        ("dropout,드롭아웃,,,,\nDropout,탈락,,,,\n", "English term 'Dropout' is already"),
        ("dropout,드롭아웃,드롭아웃,,,\n", "both the term and a banned variant"),
    ],
)
def test_a_bad_sheet_row_is_rejected(tmp_path, rows, message):
    sheet = tmp_path / "terms.csv"
    sheet.write_text(HEADER + rows, encoding="utf-8")
    with pytest.raises(ValueError, match=re.escape(message)):
        load_terms(sheet)


def test_a_sheet_with_a_wrong_header_is_rejected(tmp_path):
    sheet = tmp_path / "terms.csv"
    sheet.write_text("english,korean\ndropout,드롭아웃\n", encoding="utf-8")
    with pytest.raises(ValueError, match="header must be"):
        load_terms(sheet)


def test_synonyms_lead_variants_to_the_site_terms(terms):
    table = synonyms(terms)
    assert table["과적합"] == ["과대적합", "overfitting"]
    assert table["렐루"] == ["ReLU"]
    assert table["아담"] == ["Adam"]
    assert table["learning rate"] == ["학습률"]
    assert "학습률" not in table["학습률"]  # a term never lists itself


def test_variant_counts_cover_the_banned_variants(terms):
    counts = count_variants(terms)
    assert counts["neural network"]["네트워크"] == 0
    assert counts["neural network"]["신경망"] > 100


def test_no_english_source_uses_a_banned_variant(terms):
    """English pages and figures carry Korean too (glossary entries open with the Korean term,
    figure titles are bilingual): it must be the sheet's term there as well."""
    sources = [*(ROOT / "docs").glob("*.md"), *(ROOT / "docs" / "concepts").glob("*.md"),
               *(ROOT / "gallery").rglob("*.py"), *(ROOT / "dlref").rglob("*.py")]
    problems = [f"{path.relative_to(ROOT)}:{number}: {variant!r} -> use {term.ko!r} ({term.en})"
                for path in sources
                for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
                for variant, term in banned_hits(line, terms)]
    assert len(sources) > 40
    assert not problems, "banned variant(s) in English sources:\n" + "\n".join(problems)
