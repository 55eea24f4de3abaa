"""Korean search in a real browser: particles must not hide a page from a query.

Sphinx has no Korean search language; on its own it splits Korean like English, so every
space-separated word is indexed whole with its particle (기울기가, 손실을, 함수는) and the
query 함수 misses a page that only says 함수는.  dlref_docs.search strips particles
on both sides (Python when indexing, JavaScript when querying).

Part (a) builds a tiny Korean Sphinx project twice in a temporary folder: once with our
search language and once with Sphinx's default (English) splitting.  The default build is
the control: it must MISS the pages our build finds, which shows these tests can fail.

Part (b) runs the project's own queries against the real Korean site (``ko/search.html``,
see conftest.py for ``DLREF_SITE_DIR``).  They need the Korean translations of the concept
pages, so they fail until those exist.
"""

from __future__ import annotations

import html
import json
import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import quote, urlsplit

import pytest
from bs4 import BeautifulSoup

from .support import SEARCH_DONE, VIEWPORT, block_external, serve

NAV_TIMEOUT_MS = 60_000  # a bound, not a budget: two xdist workers share two cores



def search(context, search_page: str, query: str) -> list[str]:
    """Run ``query`` on ``search_page``; return the result links in display order.

    Each link is returned as its path (no fragment) relative to the folder of the search
    page, e.g. ``concepts/loss-functions.html``.
    """
    page = context.new_page()
    try:
        page.set_default_timeout(NAV_TIMEOUT_MS)
        page.goto(f"{search_page}?q={quote(query)}", wait_until="load")
        page.wait_for_function(SEARCH_DONE, timeout=NAV_TIMEOUT_MS)
        hrefs = page.eval_on_selector_all(
            "#search-results li a", "links => links.map(a => a.href)"
        )
        folder = urlsplit(page.url).path.rsplit("/", 1)[0] + "/"
    finally:
        page.close()
    paths = []
    for href in hrefs:
        path = urlsplit(href).path
        paths.append(path[len(folder):] if path.startswith(folder) else path)
    return paths


def pages_of(results: list[str]) -> list[str]:
    """The result pages in order, each once (a page can be listed for several sections)."""
    return list(dict.fromkeys(results))


# ============================================================================================
# (a) a small Korean Sphinx project, built here


PAGES = {
    "index": ("검색 시험", "이 문서는 검색을 시험한다.\n\n.. toctree::\n   :hidden:\n\n"
              + "".join(f"   {name}\n" for name in (
                  "vanishing", "exploding", "layers", "activation", "loss", "optimizers",
                  "dropout", "metrics", "english"))),
    # 기울기 only with particles: 기울기가 / 기울기는 here, 기울기를 on the next page.
    "vanishing": ("소실 문제", "역전파에서 기울기가 층을 지날 때마다 작아진다. "
                               "시그모이드의 기울기는 가장 커도 0.25이다."),
    "exploding": ("폭주 문제", "가중치가 크면 기울기를 곱할 때마다 값이 커진다. "
                               "그래서 너무 큰 기울기를 잘라 낸다."),
    # 함수 only as 함수를 / 함수는.
    "layers": ("층과 뉴런", "각 층은 입력에 가중치를 곱하고 편향을 더한 뒤 함수를 적용한다. "
                            "이 함수는 비선형이어야 한다."),
    "activation": ("활성화 함수", "활성화 함수는 뉴런의 출력을 정한다. "
                                  "ReLU와 시그모이드가 대표적인 예이다."),
    # 손실 only as 손실을 / 손실이.
    "loss": ("학습의 목표", "학습은 손실을 줄이는 과정이다. 손실이 크면 예측이 많이 틀렸다. "
                            "평균 제곱 오차는 회귀에서 쓰는 함수이고, "
                            "교차 엔트로피는 분류에서 쓰는 함수이다."),
    "optimizers": ("옵티마이저", "옵티마이저는 가중치를 조금씩 바꾼다. "
                                 "Adam은 모멘텀을 쓰는 최적화 방법이다. 최적화를 반복한다."),
    "dropout": ("드롭아웃", "드롭아웃은 학습 중에 뉴런을 무작위로 끈다. "
                            "드롭아웃을 쓰면 과대적합이 줄어든다."),
    # 정확도 only as 정확도를: 정확도 is itself reduced to 정확 (도 is also a particle).
    "metrics": ("평가 지표", "분류 모델은 보통 정확도를 본다."),
    "english": ("English control page", "The ReLU activation functions and the Adam optimizer. "
                                        "A softmax layer turns logits into probabilities."),
}

CONF = """\
project = "korean-search-test"
language = "ko"
extensions = {extensions!r}
html_theme = "alabaster"
{extra}
"""

BUILDS = {
    "korean": {"extensions": ["dlref_docs"], "extra": ""},
    # Sphinx's default: no Korean search language, English splitting and stemming.
    "default": {"extensions": [], "extra": 'html_search_language = "en"'},
}


def write_project(src: Path, *, extensions: list[str], extra: str) -> None:
    src.mkdir(parents=True)
    (src / "conf.py").write_text(
        CONF.format(extensions=extensions, extra=extra), encoding="utf-8"
    )
    for name, (title, body) in PAGES.items():
        bar = "=" * (2 * len(title))  # Hangul is double width: keep the underline long enough
        (src / f"{name}.rst").write_text(f"{title}\n{bar}\n\n{body}\n", encoding="utf-8")


@pytest.fixture(scope="module")
def mini_sites(tmp_path_factory):
    """Build the project with our search and with the default one; serve both.

    Returns ``{"korean": <url of korean/>, "default": <url of default/>, "out": Path}``.
    """
    root = tmp_path_factory.mktemp("korean-search")
    out = root / "html"
    for name, options in BUILDS.items():
        src = root / "src" / name
        write_project(src, **options)
        result = subprocess.run(
            [sys.executable, "-m", "sphinx", "-b", "html", "-W", "-q",
             "-d", str(root / "doctrees" / name), str(src), str(out / name)],
            capture_output=True, text=True, encoding="utf-8", timeout=300,
        )
        assert result.returncode == 0, (
            f"the {name} test project did not build:\n{result.stdout}\n{result.stderr}"
        )
    with serve(out) as url:
        yield {name: f"{url}{name}/" for name in BUILDS} | {"out": out}


@pytest.fixture(scope="module")
def mini_context(browser, mini_sites):
    context = browser.new_context(viewport=VIEWPORT)
    blocked = block_external(context)
    yield context
    context.close()
    assert not blocked, f"requests left 127.0.0.1: {blocked}"


def mini_search(context, mini_sites, build: str, query: str) -> list[str]:
    """Result pages (docnames, in order) of ``query`` in the ``build`` test site."""
    results = search(context, mini_sites[build] + "search.html", query)
    return [p.removesuffix(".html") for p in pages_of(results)]


def test_the_korean_build_uses_our_stemmer(mini_sites):
    data = (mini_sites["out"] / "korean" / "_static" / "language_data.js").read_text("utf-8")
    assert "ParticleStemmer" in data
    default = (mini_sites["out"] / "default" / "_static" / "language_data.js").read_text("utf-8")
    assert "ParticleStemmer" not in default and "EnglishStemmer" in default


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("기울기", {"vanishing", "exploding"}),
        ("기울기가", {"vanishing", "exploding"}),
        ("기울기를", {"vanishing", "exploding"}),
        ("손실", {"loss"}),
        ("손실을", {"loss"}),
        ("함수", {"layers", "activation", "loss"}),
        ("함수는", {"layers", "activation", "loss"}),
        ("옵티마이저", {"optimizers"}),
        ("최적화", {"optimizers"}),
        ("드롭아웃", {"dropout"}),
        ("정확도", {"metrics"}),
        ("ReLU", {"activation", "english"}),
        ("Adam", {"optimizers", "english"}),
        ("softmax", {"english"}),
        ("functions", {"english"}),
    ],
)
def test_korean_search_finds_pages(mini_context, mini_sites, query, expected):
    found = mini_search(mini_context, mini_sites, "korean", query)
    assert expected <= set(found), f"{query!r} listed {found}, expected {sorted(expected)}"


@pytest.mark.parametrize(
    ("query", "first"),
    [("활성화 함수", "activation"), ("손실 함수", "loss"), ("옵티마이저", "optimizers"),
     ("드롭아웃", "dropout")],
)
def test_korean_search_ranks_the_topic_page_first(mini_context, mini_sites, query, first):
    found = mini_search(mini_context, mini_sites, "korean", query)
    assert found and found[0] == first, f"{query!r} listed {found}, expected {first!r} first"


@pytest.mark.parametrize(
    ("query", "missed", "still_found"),
    [
        # 함수 is only in the text as 함수를/함수는 on the layers page.
        ("함수", "layers", "activation"),
        # The vanishing page says 기울기가/기울기는; only the exploding page says 기울기를.
        ("기울기를", "vanishing", "exploding"),
        # The loss page says 손실을/손실이, never 손실.
        ("손실", "loss", None),
    ],
)
def test_default_search_misses_what_korean_search_finds(
    mini_context, mini_sites, query, missed, still_found
):
    """The control: Sphinx's own splitting fails these queries, ours (above) does not."""
    default = mini_search(mini_context, mini_sites, "default", query)
    assert missed not in default, (
        f"the default (English) search found {missed!r} for {query!r}: {default}; the test "
        "project no longer shows the problem the Korean search language solves"
    )
    if still_found:
        assert still_found in default, f"the control search is broken: {query!r} -> {default}"
    korean = mini_search(mini_context, mini_sites, "korean", query)
    assert missed in korean, f"{query!r} with the Korean search listed {korean}"


# ============================================================================================
# (b) the real Korean site

GRADIENT_PAGES = {"concepts/vanishing-gradients.html", "concepts/exploding-gradients.html"}
LOSS_PAGE = "concepts/loss-functions.html"
SITE_QUERIES = [
    ("기울기", GRADIENT_PAGES),
    ("기울기가", GRADIENT_PAGES),
    ("기울기를", GRADIENT_PAGES),
    ("손실", {LOSS_PAGE}),
    ("손실을", {LOSS_PAGE}),
    ("옵티마이저", {"concepts/optimizers.html"}),
    ("최적화", {"concepts/optimizers.html"}),
    ("드롭아웃", {"concepts/dropout.html"}),
    ("ReLU", {"concepts/activation-functions.html"}),
    ("Adam", {"concepts/optimizers.html"}),
    ("softmax", {"concepts/sigmoid-vs-softmax.html"}),
    # The training-in-practice pages (#14), by their Korean terms.
    ("조기 종료", {"concepts/overfitting-and-regularisation.html"}),
    ("과소적합", {"concepts/overfitting-and-regularisation.html"}),
    ("가중치 감쇠", {"concepts/overfitting-and-regularisation.html"}),
    ("가중치 초기화", {"concepts/weight-initialisation.html"}),
    ("학습률 스케줄", {"concepts/learning-rate-schedules.html"}),
    ("클래스 불균형", {"concepts/class-imbalance.html"}),
]
SITE_FIRST = [
    ("활성화 함수", "concepts/activation-functions.html"),
    ("손실 함수", LOSS_PAGE),
]


def ko_search(context, query: str) -> list[str]:
    return pages_of(search(context, "ko/search.html", query))


def ko_docnames(site_root: Path) -> list[str]:
    """The documents of the Korean search index (searchindex.js)."""
    text = (site_root / "ko" / "searchindex.js").read_text(encoding="utf-8")
    index = json.loads(text[text.index("(") + 1: text.rindex(")")])
    return index["docnames"]


ARTICLE = re.compile(r'<article class="bd-article"[^>]*>(.*?)</article>', re.DOTALL)


def article_words(page: Path) -> set[str]:
    """The words of a page's main text (not of its navigation), split as Sphinx splits."""
    text = page.read_text(encoding="utf-8")
    match = ARTICLE.search(text)
    body = match.group(1) if match else text
    body = re.sub(r"<(script|style)\b.*?</\1>", " ", body, flags=re.DOTALL | re.IGNORECASE)
    return set(re.findall(r"\w+", html.unescape(re.sub(r"<[^>]+>", " ", body))))


def test_real_korean_site_uses_the_korean_stemmer(site_root):
    data = (site_root / "ko" / "_static" / "language_data.js").read_text(encoding="utf-8")
    assert "ParticleStemmer" in data, "ko/_static/language_data.js has no Korean stemmer"


@pytest.mark.parametrize(("query", "expected"), SITE_QUERIES)
def test_real_korean_site_search(ko_context, query, expected):
    found = ko_search(ko_context, query)
    missing = sorted(expected - set(found))
    assert not missing, f"ko/search.html?q={query} did not list {missing}; it listed {found}"


@pytest.mark.parametrize(("query", "first"), SITE_FIRST)
def test_real_korean_site_ranks_the_topic_page_first(ko_context, query, first):
    found = ko_search(ko_context, query)
    assert found and found[0] == first, (
        f"ko/search.html?q={query} should list {first} first; it listed {found}"
    )


def test_real_korean_site_finds_function_with_particles_only(ko_context, site_root):
    """Every Korean page that says 함수는 or 함수를 is found by the query 함수.

    Sphinx's own splitting finds only the pages that also contain the bare word 함수.
    """
    inflected, only_inflected = set(), set()
    for docname in ko_docnames(site_root):
        words = article_words(site_root / "ko" / f"{docname}.html")
        if words & {"함수는", "함수를"}:
            inflected.add(f"{docname}.html")
            if "함수" not in words:
                only_inflected.add(f"{docname}.html")
    assert inflected, (
        "no Korean page contains 함수는 or 함수를: the concept pages are not translated yet "
        "(docs/locale/ko)"
    )
    found = ko_search(ko_context, "함수")
    missing = sorted(inflected - set(found))
    assert not missing, (
        f"ko/search.html?q=함수 did not list {missing} (pages with only 함수는/함수를: "
        f"{sorted(only_inflected)}); it listed {found}"
    )


def search_snippets(context, search_page: str, query: str) -> list[tuple[str, str, str]]:
    """``(page path, result title, snippet)`` of each result of ``query``."""
    page = context.new_page()
    try:
        page.set_default_timeout(NAV_TIMEOUT_MS)
        page.goto(f"{search_page}?q={quote(query)}", wait_until="load")
        page.wait_for_function(SEARCH_DONE, timeout=NAV_TIMEOUT_MS)
        # Sphinx calls the search finished once every result is listed, but each snippet
        # arrives later, when the fetch of its page returns: wait for the first eight.
        page.wait_for_function("""() => [...document.querySelectorAll("#search-results li")]
            .slice(0, 8).every(li => li.querySelector("p.context"))""", timeout=NAV_TIMEOUT_MS)
        rows = page.eval_on_selector_all("#search-results li", """items => items.map(li => [
            li.querySelector("a").getAttribute("href"), li.querySelector("a").textContent,
            li.querySelector("p.context") ? li.querySelector("p.context").textContent : ""])""")
    finally:
        page.close()
    return [(urlsplit(href).path, title, snippet) for href, title, snippet in rows]


def readable_text(page: Path) -> str:
    """A page's main text as a reader reads it: blocks apart, each formula once, no title."""
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    main = soup.select_one("article.bd-article") or soup.select_one('[role="main"]')
    for junk in main.select(".headerlink, script, style, .katex-mathml, h1, "
                            ".sphx-glr-download-link-note"):
        junk.decompose()
    for block in main.select("p, li, dt, dd, h2, h3, h4, h5, h6, pre, td, th, caption, "
                             "figcaption, div, section"):
        block.append(" ")
    return " ".join(main.get_text().split())


@pytest.mark.parametrize("query", ["기울기", "ReLU", "교차 엔트로피"])
def test_korean_snippets_read_like_the_page(ko_context, site_root, query):
    """Snippets keep the spaces between blocks ("englishstr영어" was one word), show each
    formula once ("LLL은" was three times) and do not repeat the page title or begin with
    the gallery's download note."""
    results = search_snippets(ko_context, "ko/search.html", query)
    assert len(results) >= 3, results
    for href, _title, snippet in results[:8]:
        text = snippet.strip().removeprefix("...").removesuffix("...").strip()
        assert text, f"{href}: empty snippet"
        page = site_root / "ko" / href.split("#")[0]
        words = " ".join(text.split())
        # The page's text without its title, blocks apart: a snippet that repeated the title
        # or ran two blocks' words together would not be found in it.
        assert words in readable_text(page), f"{href}: {words!r} is not the page's text"
        assert not re.search(r"([A-Za-z])\1\1[가-힣]", words), f"{href}: tripled maths in {words!r}"
