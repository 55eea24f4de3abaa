"""Search in the browser: size of each searchindex.js and time per query, for one or two sites.

usage: python benchmarks/bench_search_query.py [SITE ...]   (SITE defaults to docs/_build/html)

For every SITE (a built bilingual site, ``python -m dlref_docs build --out SITE``) and language, the
search page is opened in headless Chromium (/usr/bin/chromium), the index is loaded, and
each query of QUERIES is run BATCHES x REPEATS times through searchtools.js's own steps
(``Search._parseQuery`` then ``Search._performSearch``, without drawing the result list).
Printed: index size, median and worst per-query milliseconds, and the first five result pages
of each query.  Give the site of main and the site of a branch to compare them.
"""

from __future__ import annotations

import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from playwright.sync_api import sync_playwright  # noqa: E402

from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS, serve  # noqa: E402

REPEATS = 20
QUERIES = {
    "ko": ["활성화 함수", "활성화함수", "손실 함수", "기울기소실", "경사하강법", "과적합", "렐루",
           "아담", "learning rate", "드롭아웃을", "옵티마이저", "교차엔트로피"],
    "en": ["activation function", "learning rate", "loss function", "vanishing gradient",
           "dropout", "softmax", "Adam", "overfitting", "gradient descent"],
}
BATCHES = 5
# performance.now() is coarse (0.1 ms in Chromium): time batches of REPEATS runs.
TIME_QUERY = """(q) => {
  const times = [];
  let results = [];
  for (let b = 0; b < BATCHES; b++) {
    const start = performance.now();
    for (let i = 0; i < REPEATS; i++) {
      results = Search._performSearch(...Search._parseQuery(q));
    }
    times.push((performance.now() - start) / REPEATS);
  }
  const top = [...new Set(results.map((r) => r[0]).reverse())].slice(0, 5);
  return [times, top];
}""".replace("BATCHES", str(BATCHES)).replace("REPEATS", str(REPEATS))


def measure(site: Path) -> None:
    with serve(site) as url, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        page = browser.new_page()
        for lang, queries in QUERIES.items():
            index = site / lang / "searchindex.js"
            print(f"  {lang}/searchindex.js {index.stat().st_size:>9,d} bytes "
                  f"({index.stat().st_size / 1024:.1f} KiB)")
            page.goto(f"{url}{lang}/search.html", wait_until="load")
            page.wait_for_function("() => typeof Search !== 'undefined' && Search.hasIndex()")
            all_times = []
            for query in queries:
                times, top = page.evaluate(TIME_QUERY, query)
                all_times += times
                print(f"    {query!r:<24} median {statistics.median(times):6.3f} ms   "
                      f"top: {', '.join(top)}")
            print(f"  {lang}: median {statistics.median(all_times):.3f} ms per query, "
                  f"worst batch {max(all_times):.3f} ms, mean {statistics.mean(all_times):.3f} ms")
        browser.close()


def main(argv: list[str]) -> int:
    sites = [Path(a) for a in argv[1:]] or [ROOT / "docs" / "_build" / "html"]
    for site in sites:
        print(f"site: {site.resolve()}   ({REPEATS} runs per query)")
        measure(site)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
