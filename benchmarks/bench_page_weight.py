"""Weight of concept pages in a fresh browser: bytes transferred and requests, per page.

usage: python benchmarks/bench_page_weight.py [SITE] [--pages concepts/x.html ...]

SITE is a built bilingual site (``python -m dlref_docs build --out SITE``, default
docs/_build/html).
Each page is opened in a new browser context (empty cache, as a first visit), served from
127.0.0.1 with every other host blocked, and waited on until its images, maths and fonts
are in.  Prints the total per page and the largest resources.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from browser.support import CHROMIUM, CHROMIUM_ARGS, serve  # noqa: E402
from browser.weight import DEFAULT_PAGES, measure_pages  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", nargs="?", type=Path, default=ROOT / "docs" / "_build" / "html")
    parser.add_argument("--pages", nargs="+", default=list(DEFAULT_PAGES))
    parser.add_argument("--top", type=int, default=8, help="largest resources listed per page")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright, serve(args.site.resolve()) as base_url:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True,
                                             args=CHROMIUM_ARGS)
        try:
            paths = [f"{lang}/{page}" for lang in ("en", "ko") for page in args.pages]
            for weight in measure_pages(browser, base_url, paths):
                print(f"{weight.path:<44} {weight.total / 1024:8.0f} KiB "
                      f"({weight.total / 1e6:.2f} MB) in {len(weight.resources)} requests")
                for url, size in weight.largest(args.top):
                    print(f"    {size / 1024:8.1f} KiB  {url}")
        finally:
            browser.close()


if __name__ == "__main__":
    sys.exit(main())
