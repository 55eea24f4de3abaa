"""House style of the Korean catalogs that a script can check (docs/locale/ko/LC_MESSAGES).

No colon splices ("…있습니다: …") or semicolons, Korean number style (10만 / 100,000,
"10%" without a space), particles after Latin names chosen by the Korean reading
(Keras 3은, Keras 3으로, Rosenblatt은), one term-link style and the English gloss once per
page.  The terms themselves are checked by test_term_sheet.py.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from dlref_docs.glossary.terms import CATALOGS

ROOT = Path(__file__).resolve().parents[2]

# Does the Korean reading end in a consonant?  Digits by their Sino-Korean reading
# (영 일 이 삼 사 오 육 칠 팔 구), names by how Korean writes them.
READING_ENDS_IN_CONSONANT = {
    "0": True, "1": True, "2": False, "3": True, "4": False, "5": False, "6": True, "7": True,
    "8": True, "9": False, "Keras": False, "Rosenblatt": True, "Hebb": False, "McCulloch": True,
    "Pitts": False, "Adam": True, "TensorFlow": False, "NumPy": False,
}
# (after a consonant, after a vowel); 으로 after ㄹ (일, 칠, 팔) is 로, handled below.
PARTICLES = [("은", "는"), ("이", "가"), ("을", "를"), ("과", "와"), ("으로", "로")]
RIEUL = {"1", "7", "8"}


def wrong_particles(text: str) -> list[str]:
    found = []
    names = "|".join(re.escape(n) for n in READING_ENDS_IN_CONSONANT if not n.isdigit())
    pattern = (rf"(?<![\w.])((?:{names})(?: \d+)?|\w*\d)(으로|로|은|는|이|가|을|를|과|와)"
               r"(?![\uac00-\ud7a3])")
    for match in re.finditer(pattern, text):
        word, particle = match.groups()
        last = word[-1] if word[-1].isdigit() else word.split()[0]
        if last not in READING_ENDS_IN_CONSONANT:
            continue
        consonant = READING_ENDS_IN_CONSONANT[last]
        for after_consonant, after_vowel in PARTICLES:
            if particle in (after_consonant, after_vowel):
                right = after_consonant if consonant else after_vowel
                if after_consonant == "으로" and last in RIEUL:
                    right = "로"
                if particle != right:
                    found.append(f"{match.group(0)} -> {word}{right}")
    # A formula that ends in a number is read to that number ("$2(c - 3)$은": 삼).  Not a
    # power or a fraction: "$x^2$" ends in 제곱 and "$\frac{1}{2}$" in 일.
    for match in re.finditer(r"\$([^$]+)\$(으로|로|은|는|이|가|을|를|과|와)(?![\uac00-\ud7a3])",
                             text):
        formula, particle = match.groups()
        end = re.search(r"(\d)[\s)\]}]*$", formula)
        if end is None or "\\frac" in formula or re.search(r"\^\{?[\d.]+[\s)\]}]*$", formula):
            continue
        last = end.group(1)
        for after_consonant, after_vowel in PARTICLES:
            if particle in (after_consonant, after_vowel):
                right = after_consonant if READING_ENDS_IN_CONSONANT[last] else after_vowel
                if after_consonant == "으로" and last in RIEUL:
                    right = "로"
                if particle != right:
                    found.append(f"{match.group(0)} -> ${formula}${right}")
    return found


def messages():
    for po in sorted(CATALOGS.rglob("*.po")):
        with open(po, "rb") as handle:
            for message in read_po(handle):
                if message.id and isinstance(message.string, str) and message.string:
                    yield po.relative_to(ROOT), message


HANGUL = re.compile(r"[\uac00-\ud7a3]")
MATH_OR_CODE = r"\$[^$]*\$|:math:`[^`]*`|``[^`]*``"

# Words set in maths with \text{…} are prose and read in Korean ("확률 p로", "그 밖의 경우",
# (배치, n_in)); subscript labels and abbreviations are notation and stay as they are.
MATH_NOTATION = {"in", "out", "max", "total", "global", "nan", "onehot"}


def english_words_in_maths(text: str) -> list[str]:
    words = []
    for body in re.findall(r"\\text\{([^{}]*)\}", text):
        words += [w for w in re.findall(r"[A-Za-z]{2,}", body)
                  if w not in MATH_NOTATION and not w.isupper()]
    return words

CHECKS = {
    "colon splice (…니다: …): write two sentences or 다음과 같습니다.":
        lambda s: re.findall(r"[다요]: ", s),
    "semicolon after Korean text (use a comma, or write two sentences)":
        lambda s: re.findall(r"[\uac00-\ud7a3]; ", s),
    "number with a space as thousands separator (write 10만 or 100,000)":
        lambda s: re.findall(r"\d \d{3}(?!\d)", re.sub(MATH_OR_CODE, "", s)),
    "percent sign after a space (write 10%)":
        lambda s: re.findall(r"\d %", s),
    "term link with the English gloss outside it (write {term}`한국어(english) <english>`)":
        lambda s: re.findall(r"\{term\}`[^`<(]+<[^`>]+>`\([A-Za-z][^)`]*\)", s),
    "particle after a Latin name or number that does not match its Korean reading":
        wrong_particles,
    "English words in maths text (\\text{with probability} -> \\text{확률 } p\\text{로})":
        english_words_in_maths,
    "et al. after an author in Korean text (write 외: Srivastava 외(2014), Cho 외, 2014)":
        lambda s: re.findall(r"et al\.|[A-Za-z] 등[(,]", s) if HANGUL.search(s) else [],
}


@pytest.mark.parametrize("rule", list(CHECKS))
def test_catalogs_follow_the_house_style(rule):
    check = CHECKS[rule]
    problems = [f"{po} line {m.lineno} (msgid {m.id[:40]!r}): {hits}"
                for po, m in messages() if (hits := check(m.string))]
    assert not problems, f"{rule}:\n" + "\n".join(problems)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Keras 3는 독립 패키지입니다.", ["Keras 3는 -> Keras 3은"]),
        ("Keras 3로 작성한 모델", ["Keras 3로 -> Keras 3으로"]),
        ("Rosenblatt는 퍼셉트론을 만들었습니다.", ["Rosenblatt는 -> Rosenblatt은"]),
        ("float32로 바꿉니다.", []),
        ("float64으로 바꿉니다.", ["float64으로 -> float64로"]),
        ("Keras 3은 Keras 3으로 Rosenblatt은 Hebb는", []),
        ("기울기 $2(c - 3)$는 줄어듭니다.", ["$2(c - 3)$는 -> $2(c - 3)$은"]),
        ("$x^2$은 $\\frac{1}{2}$는 $0.3$는", ["$0.3$는 -> $0.3$은"]),
    ],
)
def test_the_particle_check(text, expected):
    assert wrong_particles(text) == expected


def test_the_style_checks_can_fail():
    link_check = next(c for rule, c in CHECKS.items() if rule.startswith("term link"))
    assert link_check("{term}`역전파 <backpropagation>`(backpropagation)가")
    assert not link_check("{term}`역전파(backpropagation) <backpropagation>`가")
    assert CHECKS[next(iter(CHECKS))]("두 가지 단점이 있습니다: 출력이")
    assert CHECKS["percent sign after a space (write 10%)"]("10 %씩")
    assert english_words_in_maths(r"0 & \text{with probability } p") == ["with", "probability"]
    assert english_words_in_maths(r"$(\text{batch}, n_\text{in})$") == ["batch"]
    assert not english_words_in_maths(r"$(\text{배치}, n_\text{in})$, \text{MSE}")
    et_al = next(c for rule, c in CHECKS.items() if rule.startswith("et al."))
    assert et_al("Srivastava et al.(2014)가 설명했습니다.") and et_al("GRU(Cho 등, 2014)")
    assert not et_al("Srivastava 외(2014)가 설명했습니다.") and not et_al("Cho et al. (2014)")


GLOSS = re.compile(r"(?<=[\uac00-\ud7a3])\(([A-Za-z][A-Za-z\-' ]*[A-Za-z](?:, [A-Z]{2,5})?)\)")


def repeated_glosses(texts: list[str]) -> list[str]:
    """English glosses "(term)" after a Korean term that occur again later on the same page."""
    seen, repeated = set(), []
    for text in texts:
        for match in GLOSS.finditer(text):
            key = match.group(1).lower().split(",")[0]
            if key in seen:
                repeated.append(match.group(0))
            seen.add(key)
    return repeated


def test_the_english_gloss_is_given_once_per_page():
    """A page is one catalog (gettext_compact = False); the glossary lists every term anew."""
    problems = []
    for po in sorted(CATALOGS.rglob("*.po")):
        if po.name in ("glossary.po", "sphinx.po"):
            continue
        with open(po, "rb") as handle:
            texts = [m.string for m in read_po(handle) if m.id and isinstance(m.string, str)]
        if repeated := repeated_glosses(texts):
            problems.append(f"{po.relative_to(ROOT)}: {repeated}")
    assert not problems, "English gloss repeated on a page:\n" + "\n".join(problems)


def test_the_gloss_check_can_fail():
    twice = ["활성화 함수(activation function)는", "활성화 함수(activation function)"]
    assert repeated_glosses(twice) == ["(activation function)"]
    assert not repeated_glosses(["활성화 함수(activation function)는 ReLU(x)"])


def test_translated_table_headers_keep_their_columns():
    """A printed table's header is realigned column by column (two spaces or more between
    titles), so its translation needs as many columns as the English."""
    def columns(text: str) -> list[str]:
        return re.findall(r"\S+(?: \S+)*", text.strip())

    with open(CATALOGS / "outputs.po", "rb") as handle:
        catalog = read_po(handle)
    problems = [f"{m.id!r} -> {m.string!r}" for m in catalog
                if m.id and m.string and "{" not in m.id and len(columns(m.id)) >= 2
                and "  " in m.id.strip() and len(columns(m.id)) != len(columns(m.string))]
    assert not problems, "\n".join(problems)


# --- register beyond the sentences: code comments and the "흔한 실수" lists -----------------

# A code comment is a label (a noun phrase: "은닉층", "폴드마다 한 행") or a sentence in
# 합니다체 ("스텝마다 {0}배: 수렴합니다"), never a clause cut to a noun form (수렴함, 있음,
# 줄어듦, 보존됨).  Such a form ends in a syllable with the final consonant ㅁ; these nouns
# end so too and are allowed.
NOUNS_ENDING_IN_MIEUM = {"다음", "처음", "이름", "그림", "지금", "조금", "잡음", "마음", "점",
                         "힘", "틈", "요점", "걸음", "시험", "사람", "바람", "밤", "봄", "몸"}


def noun_form_clauses(text: str) -> list[str]:
    """The clauses of ``text`` that end in a verb's noun form (~함, ~음, ~됨, ~임, ~듦 …)."""
    found = []
    for clause in re.split(r"[.:;,()]|->", text):
        words = re.findall(r"[\uac00-\ud7a3]+", clause)
        if not words or not re.search(r"[\uac00-\ud7a3]\W*$", clause.strip()):
            continue
        last = words[-1]
        if (ord(last[-1]) - 0xAC00) % 28 == 16 and last not in NOUNS_ENDING_IN_MIEUM:
            found.append(clause.strip())
    return found


def test_code_comments_are_labels_or_hamnida_sentences():
    with open(CATALOGS / "comments.po", "rb") as handle:
        catalog = read_po(handle)
    problems = [f"line {m.lineno}: {m.string!r}: {hits}" for m in catalog
                if m.id and m.string and (hits := noun_form_clauses(m.string))]
    assert len(catalog) > 100
    assert not problems, ("code comments ending in a noun form (write 합니다체: 수렴함 -> "
                          "수렴합니다):\n" + "\n".join(problems))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("스텝마다 {0}배: 수렴함", ["수렴함"]),
        ("h에 가까움: 기댓값이 보존됨", ["h에 가까움", "기댓값이 보존됨"]),
        ("무작위 숫자도 우연히 정답을 맞힐 수 있음", ["무작위 숫자도 우연히 정답을 맞힐 수 있음"]),
        ("스텝마다 {0}배: 수렴합니다", []),
        ("은닉층", []),
        ("순전파와 잔차", []),
        ("입력: {0}x28 이미지 -> 숫자 {1}개", []),
        ("이름 -> 시드마다 한 행", []),
    ],
)
def test_the_noun_form_check(text, expected):
    assert noun_form_clauses(text) == expected


def common_mistakes(page: Path) -> list[str]:
    """The first paragraph of each item of the page's "Common mistakes" box (its msgid)."""
    items, inside, current = [], False, None
    for line in page.read_text(encoding="utf-8").splitlines():
        if line.startswith(":::"):
            inside = "Common mistakes" in line
            continue
        if not inside or line.startswith(":class:"):
            continue
        if line.startswith("- "):
            current = [line[2:].strip()]
            items.append(current)
        elif current is not None and line.startswith("  ") and not line.strip().startswith(
                ("```", ":::", ">>>")):
            current.append(line.strip())
        else:
            current = None  # a blank line or a block ends the item's first paragraph
    return [" ".join(item) for item in items]


def mistake_head(text: str) -> str:
    """What an item says the mistake is: its bold opening, or else its first sentence."""
    bold = re.match(r"\*\*(.+?)\*\*", text)
    return bold.group(1) if bold else re.split(r"(?<=\.) ", text, maxsplit=1)[0]


def test_common_mistakes_are_named_in_one_form():
    """Each item of a "흔한 실수" list names the mistake as an action, ~하기, with its period:
    **가중치 레이아웃 혼동하기.** (not a noun, "너무 높은 비율.", nor ~사용.)."""
    pages = sorted((ROOT / "docs" / "concepts").glob("*.md"))
    problems, count = [], 0
    for page in pages:
        with open(CATALOGS / "concepts" / f"{page.stem}.po", "rb") as handle:
            korean = {m.id: m.string for m in read_po(handle) if m.id}
        for item in common_mistakes(page):
            count += 1
            if item not in korean:
                problems.append(f"{page.name}: no catalog entry for {item[:60]!r}")
            elif not mistake_head(korean[item]).endswith("기."):
                problems.append(f"{page.name}: {mistake_head(korean[item])!r}")
    assert count > 60, count
    assert not problems, "흔한 실수 items not in the form ~하기.:\n" + "\n".join(problems)


def test_the_mistake_head_check():
    assert mistake_head("**너무 높은 비율.** 0.8로 드롭아웃하면") == "너무 높은 비율."
    assert mistake_head("`x.reshape(-1)`로 배치 축까지 평탄화해 버리기. 배치 축은") == (
        "`x.reshape(-1)`로 배치 축까지 평탄화해 버리기.")
