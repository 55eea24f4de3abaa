"""Search as readers type, in a real browser (dlref_docs/search: dlref_search.js, language.py).

Our own query set, of the kinds issue #13 names: spaceless and spaced forms find the same pages
(both ways); term-sheet variants and transliterations find the page; an English term typed on
the Korean site finds the Korean page; a page whose title or headings hold the query ranks
above pages that only mention it, in both languages; bad input (only particles, only
punctuation, a very long query) gives no result and no script error.

Part (a) is a small Korean Sphinx project built here whose pages write 손실함수 without a
space, so the reverse direction (spaced query, spaceless page) is tested too; it also
compares, word by word, how the index (Python) and the query (JavaScript) split compounds.
Part (b) runs against the real site (see conftest.py for DLREF_SITE_DIR).
"""

from __future__ import annotations

import subprocess
import sys

import pytest

from .support import VIEWPORT, block_external, serve
from .test_korean_search import pages_of, search

# ============================================================================================
# (a) a small Korean project: spaceless text on the pages, headings against mentions

PAGES = {
    "index": ("검색 시험", "이 문서는 검색을 시험한다.\n\n.. toctree::\n   :hidden:\n\n"
              + "".join(f"   {n}\n" for n in ("loss", "mention", "activation", "overfit"))),
    # The page writes the compounds without a space: 손실함수, 교차엔트로피.
    "loss": ("학습의 목표", "학습은 손실함수를 줄인다. 분류에서는 교차엔트로피를 쓴다."),
    # Mentions 활성화 함수 once in the text, nothing in a heading.
    "mention": ("여러 가지 이야기", "층마다 활성화 함수가 하나 있다. 손실 함수도 있다."),
    # 활성화 함수 in the title.
    "activation": ("활성화 함수", "비선형 함수를 쓴다. 과대적합과는 관계가 없다."),
    "overfit": ("일반화", "과대적합이 일어나면 검증 손실이 오른다."),
}
CONF = """\
project = "readers-type"
language = "ko"
extensions = ["dlref_docs"]
html_theme = "alabaster"
"""


@pytest.fixture(scope="module")
def mini_site(tmp_path_factory):
    root = tmp_path_factory.mktemp("readers-type")
    src, out = root / "src", root / "html"
    src.mkdir()
    (src / "conf.py").write_text(CONF, encoding="utf-8")
    for name, (title, body) in PAGES.items():
        (src / f"{name}.rst").write_text(f"{title}\n{'=' * 2 * len(title)}\n\n{body}\n",
                                         encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "sphinx", "-b", "html", "-W", "-q", "-d", str(root / "doctrees"),
         str(src), str(out)], capture_output=True, text=True, encoding="utf-8", timeout=300)
    assert result.returncode == 0, f"the test project did not build:\n{result.stderr}"
    with serve(out) as url:
        yield url


@pytest.fixture(scope="module")
def mini_context(browser):
    context = browser.new_context(viewport=VIEWPORT)
    blocked = block_external(context)
    yield context
    context.close()
    assert not blocked, f"requests left 127.0.0.1: {blocked}"


def mini(context, url, query):
    return [p.removesuffix(".html") for p in pages_of(search(context, url + "search.html", query))]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("손실 함수", {"loss", "mention"}),  # spaced query, a page that writes 손실함수
        ("손실함수", {"loss", "mention"}),  # spaceless query, a page that writes 손실 함수
        ("교차 엔트로피", {"loss"}),
        ("교차엔트로피를", {"loss"}),
        ("활성화함수", {"activation", "mention"}),
        ("과적합", {"activation", "overfit"}),  # a variant of 과대적합
    ],
)
def test_mini_site_finds_spaced_and_spaceless_forms(mini_context, mini_site, query, expected):
    found = set(mini(mini_context, mini_site, query))
    assert expected <= found, f"{query!r} listed {sorted(found)}, expected {sorted(expected)}"


def test_mini_site_ranks_the_title_above_a_mention(mini_context, mini_site):
    found = mini(mini_context, mini_site, "활성화 함수")
    assert found[:2] == ["activation", "mention"], found


def test_index_and_query_split_compounds_alike(mini_context, mini_site, korean_search_language):
    """Python (index) and JavaScript (query) turn the same words into the same stems."""
    words = ["손실함수를", "활성화함수", "교차엔트로피는", "기울기소실이", "경사하강법으로",
             "평균제곱오차", "원핫인코딩", "정형데이터", "손실", "함수는", "ReLU는", "Adam을"]
    korean = korean_search_language({})
    python = [[korean.stem(w).lower() for w in korean.split(word)] for word in words]
    page = mini_context.new_page()
    try:
        page.goto(mini_site + "search.html", wait_until="load")
        page.wait_for_function("() => window.dlrefSearch && Search.hasIndex()")
        javascript = page.evaluate(
            "(words) => words.map((w) => dlrefSearch.splitWords(w)"
            ".map((x) => new Stemmer().stemWord(x.toLowerCase())))", words)
    finally:
        page.close()
    assert javascript == python


# ============================================================================================
# (b) the real site

KO = "ko/search.html"
EN = "en/search.html"
SPACED_AND_SPACELESS = [("활성화 함수", "활성화함수"), ("손실 함수", "손실함수"),
                        ("기울기 소실", "기울기소실"), ("경사 하강법", "경사하강법"),
                        ("교차 엔트로피", "교차엔트로피"), ("평균 제곱 오차", "평균제곱오차")]
VARIANTS = [  # (query, a page it must find on the Korean site)
    ("과적합", "concepts/dropout.html"), ("오버피팅", "concepts/dropout.html"),
    ("렐루", "concepts/relu-and-dying-relu.html"), ("아담", "concepts/optimizers.html"),
    ("그래디언트 소실", "concepts/vanishing-gradients.html"),
    ("옵티마이져", None),  # not on the sheet: no crash, whatever it finds
]
ENGLISH_ON_KOREAN = [("learning rate", "concepts/learning-rate-schedules.html"),
                     ("activation function", "concepts/activation-functions.html"),
                     ("dropout", "concepts/dropout.html"),
                     ("vanishing gradient", "concepts/vanishing-gradients.html")]
FIRST = [  # (search page, query, the page that must come first)
    (KO, "활성화 함수", "concepts/activation-functions.html"),
    (KO, "드롭아웃", "concepts/dropout.html"),
    (KO, "기울기 소실", "concepts/vanishing-gradients.html"),
    (KO, "경사 하강법", "concepts/gradient-descent.html"),
    (EN, "vanishing gradient", "concepts/vanishing-gradients.html"),
    (EN, "dropout", "concepts/dropout.html"),
    (EN, "gradient descent", "concepts/gradient-descent.html"),
    (EN, "loss function", "concepts/loss-functions.html"),
]
# The page the glossary's entry points to: the learning rate is introduced with gradient descent.
TOP_FIVE = [(EN, "learning rate", "concepts/gradient-descent.html"),
            (KO, "learning rate", "concepts/gradient-descent.html"),
            (KO, "학습률", "concepts/gradient-descent.html")]
BAD_INPUT = ["을를", "에서는", "?!...", "…", "  ", "을 를 의", "가" * 300,
             "활성화 함수 " * 100, "<script>alert(1)</script>", "((", "\\", "a" * 5000]


@pytest.fixture
def context(ko_context):
    """The built site's browser context (conftest's ko_context), under this file's name."""
    return ko_context


@pytest.mark.parametrize(("spaced", "spaceless"), SPACED_AND_SPACELESS)
def test_spaceless_query_finds_what_the_spaced_one_finds(context, spaced, spaceless):
    with_space = set(pages_of(search(context, KO, spaced)))
    without = set(pages_of(search(context, KO, spaceless)))
    assert with_space, f"{spaced!r} found nothing"
    assert with_space == without, (
        f"{spaced!r} and {spaceless!r} differ: only spaced {sorted(with_space - without)}, "
        f"only spaceless {sorted(without - with_space)}")


@pytest.mark.parametrize(("query", "page"), VARIANTS)
def test_term_sheet_variants_find_the_page(context, query, page):
    found = pages_of(search(context, KO, query))
    if page:
        assert page in found, f"ko: {query!r} listed {found}, expected {page}"


@pytest.mark.parametrize(("query", "page"), ENGLISH_ON_KOREAN)
def test_english_term_on_the_korean_site_finds_the_korean_page(context, query, page):
    found = pages_of(search(context, KO, query))
    assert page in found[:5], f"ko: {query!r} listed {found[:8]}, expected {page} in the top 5"


@pytest.mark.parametrize(("where", "query", "page"), FIRST)
def test_title_or_heading_ranks_first(context, where, query, page):
    found = pages_of(search(context, where, query))
    assert found and found[0] == page, f"{where}?q={query} listed {found[:6]}, expected {page}"


@pytest.mark.parametrize(("where", "query", "page"), TOP_FIVE)
def test_the_page_about_it_is_in_the_top_five(context, where, query, page):
    found = pages_of(search(context, where, query))
    assert page in found[:5], f"{where}?q={query} listed {found[:8]}, expected {page} in top 5"


@pytest.mark.parametrize("where", [KO, EN])
@pytest.mark.parametrize("query", BAD_INPUT)
def test_bad_input_gives_no_result_and_no_script_error(context, where, query):
    errors = []
    context.on("weberror", lambda error: errors.append(str(error.error)))
    context.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    found = search(context, where, query)
    assert found == [], f"{where}?q={query[:40]!r} listed {found[:5]}"
    assert not errors, f"{where}?q={query[:40]!r}: {errors}"


@pytest.mark.parametrize(("where", "query"), [("ko/search.html", "활성화 함수"),
                                             ("en/search.html", "activation")])
def test_the_progress_dots_stop_when_the_results_are_listed(context, where, query):
    """Sphinx's pulse revived itself after stopPulse (a tick was already queued), so the dots
    kept moving and the search never read as finished; dlref_search.js mends startPulse."""
    page = context.new_page()
    page.goto(f"{where}?q={query}", wait_until="load")
    page.wait_for_function("() => document.querySelectorAll('#search-results li').length > 0"
                           " && Search._pulse_status === -1")
    page.wait_for_timeout(1600)  # three pulse ticks: a revived pulse would have moved by now
    status, dots = page.evaluate("() => [Search._pulse_status, Search.dots.innerText]")
    assert (status, dots) == (-1, "")
