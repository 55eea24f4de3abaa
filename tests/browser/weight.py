"""Page weight as a first-time visitor pays it: bytes transferred by a fresh browser context.

Shared by the browser tests (which assert the limit) and benchmarks/bench_page_weight.py
(which prints the figures).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .support import VIEWPORT, block_external

# Concept pages with maths, measured in both languages.
DEFAULT_PAGES = (
    "concepts/activation-functions.html",
    "concepts/loss-functions.html",
    "concepts/backpropagation.html",
)
NAV_TIMEOUT_MS = 30_000


@dataclass
class PageWeight:
    path: str
    resources: dict[str, int] = field(default_factory=dict)  # url -> bytes (body + headers)
    failed: list[str] = field(default_factory=list)
    blocked: list[str] = field(default_factory=list)

    @property
    def total(self) -> int:
        return sum(self.resources.values())

    def largest(self, n: int) -> list[tuple[str, int]]:
        return sorted(self.resources.items(), key=lambda item: -item[1])[:n]


def measure(browser, base_url: str, path: str) -> PageWeight:
    """Open ``path`` in a new context (empty cache) and add up every response it received."""
    weight = PageWeight(path)
    context = browser.new_context(viewport=VIEWPORT, base_url=base_url)
    weight.blocked = block_external(context)
    try:
        page = context.new_page()
        page.set_default_timeout(NAV_TIMEOUT_MS)

        def finished(request):
            sizes = request.sizes()
            weight.resources[request.url] = (
                weight.resources.get(request.url, 0)
                + max(sizes["responseBodySize"], 0) + max(sizes["responseHeadersSize"], 0)
            )

        page.on("requestfinished", finished)
        page.on("requestfailed", lambda request: weight.failed.append(request.url))
        page.goto(path, wait_until="load")
        # Web fonts are requested once text using them is laid out, possibly after "load".
        page.evaluate("document.fonts ? document.fonts.ready.then(() => true) : true")
        page.close()
    finally:
        context.close()
    return weight


def measure_pages(browser, base_url: str, paths: list[str]) -> list[PageWeight]:
    return [measure(browser, base_url, path) for path in paths]
