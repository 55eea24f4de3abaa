"""Keyboard users and phone-sized screens: the language switcher, search and sidebar toggles.

Everything here is done the way a reader does it: with Tab / Enter / Space presses (no
clicks, no focus() calls) on a desktop-sized page, and with taps on a phone-sized one, where
the header's switcher is hidden and its second copy lives in the sidebar drawer.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from .support import SEARCH_DONE, block_external

FLOW_PAGE = "concepts/activation-functions.html"
GALLERY_INDEX = "auto_examples/index.html"  # its sidebar has entries with children
PHONE = {"width": 390, "height": 844}
MAX_TABS = 120
NAV_TIMEOUT_MS = 60_000  # a bound, not a budget: two xdist workers share two cores


def other(lang: str) -> str:
    return "ko" if lang == "en" else "en"


def second_section_id(page) -> str:
    ids = page.eval_on_selector_all("article section[id]", "s => s.map(x => x.id)")
    assert ids, f"{page.url} has no section with an id"
    return ids[1] if len(ids) > 1 else ids[0]


def tab_to(page, selector: str) -> int:
    """Press Tab until the focused element matches ``selector``; return the number of presses."""
    for presses in range(1, MAX_TABS + 1):
        page.keyboard.press("Tab")
        if page.evaluate("(s) => document.activeElement?.matches(s) ?? false", selector):
            return presses
    raise AssertionError(f"{selector} was not reached with {MAX_TABS} Tab presses on {page.url}")


@pytest.fixture
def context_of(browser, base_url):
    contexts = []

    def make(**kwargs):
        context = browser.new_context(base_url=base_url, **kwargs)
        contexts.append(context)
        return context, block_external(context)

    yield make
    for context in contexts:
        context.close()


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_language_switcher_by_keyboard_keeps_the_anchor(context_of, lang):
    context, blocked = context_of(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.set_default_timeout(NAV_TIMEOUT_MS)
    page.goto(f"{lang}/{FLOW_PAGE}", wait_until="load")
    anchor = second_section_id(page)
    page.goto(f"{lang}/{FLOW_PAGE}#{anchor}", wait_until="load")
    page.evaluate("window.scrollTo(0, 0)")  # Tab from the top of the page, as after a load
    tab_to(page, "a.dlref-lang-link")
    with page.expect_navigation(wait_until="load"):
        page.keyboard.press("Enter")
    parts = urlsplit(page.url)
    assert parts.path == f"/{other(lang)}/{FLOW_PAGE}", page.url
    assert parts.fragment == anchor, f"the switcher lost #{anchor}: {page.url}"
    assert page.evaluate("document.documentElement.lang") == other(lang)
    assert not blocked, blocked


def test_search_by_keyboard(context_of, site_root):
    context, blocked = context_of(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.set_default_timeout(NAV_TIMEOUT_MS)
    page.goto(f"en/{FLOW_PAGE}", wait_until="load")
    tab_to(page, ".bd-header .search-button__button")
    page.keyboard.press("Enter")
    search_field = "#pst-search-dialog input[name=q]"
    page.wait_for_function(f"() => document.activeElement?.matches('{search_field}')")
    page.keyboard.type("ReLU")
    with page.expect_navigation(wait_until="load"):
        page.keyboard.press("Enter")
    assert urlsplit(page.url).path == "/en/search.html", page.url
    page.wait_for_function(SEARCH_DONE, timeout=NAV_TIMEOUT_MS)
    hrefs = page.eval_on_selector_all("#search-results li a", "links => links.map(a => a.href)")
    assert any(urlsplit(h).path == f"/en/{FLOW_PAGE}" for h in hrefs), hrefs
    assert not blocked, blocked


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_sidebar_toggles_by_keyboard(context_of, lang):
    context, blocked = context_of(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.set_default_timeout(NAV_TIMEOUT_MS)
    page.goto(f"{lang}/{GALLERY_INDEX}", wait_until="load")
    toggles = page.locator("#pst-primary-sidebar details > summary")
    assert toggles.count() > 0, f"no expandable entry in the sidebar of {lang}/{GALLERY_INDEX}"
    tab_to(page, "#pst-primary-sidebar details > summary")
    state = page.evaluate(
        "() => { const s = document.activeElement; return {"
        " label: s.getAttribute('aria-label'), open: s.parentElement.open }; }"
    )
    assert state["label"], "the focused sidebar toggle has no accessible name"
    for key in ("Enter", "Space"):  # each toggles the entry open or shut
        page.keyboard.press(key)
        now = page.evaluate("() => document.activeElement.parentElement.open")
        assert now != state["open"], f"{key} did not toggle the sidebar entry {state['label']!r}"
        state["open"] = now
    assert not blocked, blocked


def test_switcher_ids_are_unique_and_both_copies_keep_the_anchor(context_of):
    """On a phone the header switcher is hidden; the sidebar's copy must behave the same."""
    context, blocked = context_of(viewport=PHONE, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.set_default_timeout(NAV_TIMEOUT_MS)
    page.goto(f"en/{FLOW_PAGE}", wait_until="load")
    anchor = second_section_id(page)
    ids = page.eval_on_selector_all("a.dlref-lang-link", "links => links.map(a => a.id)")
    assert len(ids) == 2 and len(set(ids)) == 2, f"switcher ids: {ids}"
    all_ids = page.eval_on_selector_all("[id]", "els => els.map(e => e.id)")
    duplicates = sorted({i for i in all_ids if all_ids.count(i) > 1})
    assert not duplicates, f"duplicate ids on en/{FLOW_PAGE}: {duplicates}"

    path = f"en/{FLOW_PAGE}#{anchor}"
    for lang in ("ko", "en"):
        page.goto(path, wait_until="load")
        assert not page.locator(".bd-header a.dlref-lang-link").is_visible()
        page.locator("button.primary-toggle").tap()
        switcher = page.locator("#pst-primary-sidebar-modal a.dlref-lang-link")
        switcher.wait_for(state="visible")
        with page.expect_navigation(wait_until="load"):
            switcher.tap()
        parts = urlsplit(page.url)
        assert parts.path == f"/{lang}/{FLOW_PAGE}", page.url
        assert parts.fragment == anchor, f"the sidebar's switcher lost #{anchor}: {page.url}"
        path = f"{lang}/{FLOW_PAGE}#{anchor}"
    assert not blocked, blocked


# Whether anything on the page runs past the right edge of the article or is cut off out of
# reach: a display formula must fit or scroll in its own box, inline code in text must wrap.
CLIPPED = """() => {
  const problems = [];
  const article = document.querySelector("article");
  const right = article.getBoundingClientRect().right;
  for (const math of article.querySelectorAll("div.math")) {
    const box = math.getBoundingClientRect();
    const drawn = math.querySelector(".katex-html").getBoundingClientRect();
    const scroller = math.querySelector(".katex-display");
    const scrolls = ["auto", "scroll"].includes(getComputedStyle(scroller).overflowX);
    const tex = math.querySelector("annotation").textContent.slice(0, 50);
    if (drawn.left < box.left - 1) problems.push("formula cut off on the left: " + tex);
    else if (drawn.right > box.right + 1 && !scrolls) problems.push("formula cut off: " + tex);
  }
  for (const code of article.querySelectorAll("p code.literal, li code.literal")) {
    if (code.closest("table")) continue;  // tables scroll inside their own container
    if (code.getBoundingClientRect().right > right + 1)
      problems.push("inline code past the edge: " + code.textContent.slice(0, 50));
  }
  for (const link of document.querySelectorAll(".prev-next-area a")) {
    if (link.scrollWidth > link.clientWidth + 1)
      problems.push("previous/next link cut off: " + link.textContent.trim().slice(0, 50));
  }
  return problems;
}"""


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_concept_pages_fit_a_phone(context_of, site_root, lang):
    """Wide formulas scroll in their own box, long inline code and previous/next titles wrap
    at phone width (the concept pages, plus two pages with long previous/next titles)."""
    context, blocked = context_of(viewport=PHONE)
    page = context.new_page()
    pages = sorted(f"concepts/{p.name}" for p in (site_root / lang / "concepts").glob("*.html"))
    assert len(pages) >= 20
    pages += ["api/index.html", "auto_examples/training/plot_vanishing_gradients.html"]
    problems = []
    for name in pages:
        page.goto(f"/{lang}/{name}", wait_until="load")
        problems += [f"{name}: {p}" for p in page.evaluate(CLIPPED)]
    assert not blocked
    assert not problems, "\n".join(problems)
