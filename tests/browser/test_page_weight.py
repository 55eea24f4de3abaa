"""Page weight: what a first visit to a concept page with maths costs a reader on a phone.

The concept pages that hold maths and carry the most bytes of their own (html and images, read
from disk) are opened in a fresh browser context each (empty cache), in both languages, and
every byte they receive is added up (the assets all pages share are the same for all of them;
tests/browser/weight.py, whose figures benchmarks/bench_page_weight.py prints).  The maths
is rendered at build time (KaTeX), so no maths script is loaded; the search index is loaded
by the search page only.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from .weight import measure

LANGS = ("en", "ko")
MAX_BYTES = 1_200_000  # 1.2 MB, issue #16
MATHS = re.compile(r'class="katex"')
IMG_SRC = re.compile(r'<img[^>]*\ssrc="([^"]+)"')
HEAVIEST = 3  # pages measured per language
SEARCH_ONLY = ("searchindex.js", "searchtools.js", "language_data.js")


def own_bytes(page: Path, html: str) -> int:
    """Size of the page's html and of the images it shows, on disk."""
    images = {(page.parent / src).resolve() for src in IMG_SRC.findall(html)}
    return page.stat().st_size + sum(img.stat().st_size for img in images if img.is_file())


def heaviest_maths_concept_pages(site_root: Path, lang: str) -> list[str]:
    sizes = {}
    for page in (site_root / lang / "concepts").glob("*.html"):
        html = page.read_text(encoding="utf-8")
        if MATHS.search(html):
            sizes[page.relative_to(site_root).as_posix()] = own_bytes(page, html)
    return sorted(sizes, key=lambda path: -sizes[path])[:HEAVIEST]


@pytest.mark.parametrize("lang", LANGS)
def test_concept_pages_with_maths_weigh_at_most_1_2_mb(browser, base_url, site_root, lang):
    paths = heaviest_maths_concept_pages(site_root, lang)
    assert len(paths) == HEAVIEST, f"too few concept pages with maths in {lang}: {paths}"
    problems = []
    weights = {}
    for path in paths:
        weight = measure(browser, base_url, path)
        weights[path] = weight.total
        if weight.total > MAX_BYTES:
            heaviest = ", ".join(f"{url.rsplit('/', 1)[-1]} {size // 1024} KiB"
                                 for url, size in weight.largest(5))
            problems.append(f"{path}: {weight.total / 1e6:.2f} MB (largest: {heaviest})")
        loaded = [url for url in weight.resources if url.split("?")[0].endswith(SEARCH_ONLY)]
        if loaded:
            problems.append(f"{path}: loads search scripts it does not use: {loaded}")
        if weight.failed or weight.blocked:
            problems.append(f"{path}: failed {weight.failed}, blocked {weight.blocked}")
        if not any("/katex/fonts/" in url for url in weight.resources):
            problems.append(f"{path}: no KaTeX font was loaded although the page has maths")
    print(f"\n[page weight] {lang}: " + ", ".join(f"{p} {b / 1e6:.2f} MB"
                                                  for p, b in weights.items()))
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("lang", LANGS)
def test_search_page_loads_the_search_index(browser, base_url, lang):
    weight = measure(browser, base_url, f"{lang}/search.html")
    loaded = {url.split("?")[0].rsplit("/", 1)[-1] for url in weight.resources}
    assert set(SEARCH_ONLY) <= loaded, f"{lang}/search.html loaded {sorted(loaded)}"
