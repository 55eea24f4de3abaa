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
