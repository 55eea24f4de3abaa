"""The Korean site's interface is Korean, and what a Korean reader sees is saved to look at.

* no English interface string is left on Korean pages: heading/term/image link tooltips,
  the search field, thumbnail alt text and tooltips; gallery card titles are Korean only;
* the copy button speaks Korean in a real browser (sphinx-copybutton has no Korean: the
  strings come from docs/_static/copybutton-ko.js);
* screenshots of three Korean figures and three Korean pages go to tests/output/korean/.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from PIL import Image, ImageStat

from .support import OUTPUT, VIEWPORT

HANGUL = re.compile(r"[\uac00-\ud7a3]")
SHOTS = OUTPUT / "korean"
FIGURES = ["auto_examples/activations/plot_dying_relu.html",
           "auto_examples/losses/plot_choosing_a_loss.html",
           "auto_examples/models/plot_seed_mlp_digits.html"]
PAGES = {"keras-mlp-comments": "concepts/keras-mlp.html",
         "gallery-cards": "auto_examples/index.html",
         "dying-relu-output": "auto_examples/activations/plot_dying_relu.html"}


def _korean_pages(site_root: Path):
    ko = site_root / "ko"
    return [p for p in sorted(ko.rglob("*.html")) if not p.relative_to(ko).parts[0]
            .startswith("_")]


def test_no_english_interface_strings_on_korean_pages(site_root):
    problems = []
    pages = _korean_pages(site_root)
    assert len(pages) > 50
    for page in pages:
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        rel = page.relative_to(site_root)
        for el in soup.select("[title^='Link to this']"):
            problems.append(f"{rel}: title {el['title']!r}")
        for el in soup.select("input[placeholder], input[aria-label]"):
            for attr in ("placeholder", "aria-label"):
                value = el.get(attr)
                if value and not HANGUL.search(value):
                    problems.append(f"{rel}: {attr} {value!r}")
        for link in soup.select("a.reference.download"):
            if not HANGUL.search(link.get_text()):
                problems.append(f"{rel}: download button {link.get_text()!r}")
        for div in soup.select("div.sphx-glr-thumbcontainer"):
            if not HANGUL.search(div.get("tooltip", "")):
                problems.append(f"{rel}: thumbnail tooltip {div.get('tooltip')!r}")
            title = div.select_one(".sphx-glr-thumbnail-title").get_text()
            # One language: "L2 규제와 가중치 감쇠", no " · English title" half.
            if not HANGUL.search(title) or " · " in title:
                problems.append(f"{rel}: card title not Korean only: {title!r}")
            img = div.find("img")
            if not img["alt"].startswith("미리보기: ") or not img["src"].endswith(".ko.png"):
                problems.append(f"{rel}: thumbnail {img['src']} alt {img['alt']!r}")
    assert not problems, f"{len(problems)} English interface strings:\n" + "\n".join(
        problems[:30])


def test_the_copy_button_speaks_korean(new_context):
    context, blocked = new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto("ko/concepts/keras-mlp.html", wait_until="load")
    button = page.locator("button.copybtn").first
    assert button.get_attribute("data-tooltip") == "복사"
    assert button.locator("svg title").text_content() == "클립보드에 복사"
    page.locator("div.highlight pre").first.hover()
    button.click()
    assert button.get_attribute("data-tooltip") == "복사했습니다!"
    english = page.locator("button.copybtn").first.evaluate("b => b.outerHTML")
    assert "Copy to clipboard" not in english and "Copied" not in english
    assert not blocked, blocked


@pytest.mark.parametrize("path", FIGURES)
def test_screenshot_of_a_korean_figure(new_context, path):
    SHOTS.mkdir(parents=True, exist_ok=True)
    context, blocked = new_context(viewport=VIEWPORT)
    page = context.new_page()
    page.goto(f"ko/{path}", wait_until="load")
    figure = page.locator("img.sphx-glr-single-img, img.sphx-glr-multi-img").first
    figure.scroll_into_view_if_needed()
    page.wait_for_function("img => img.complete && img.naturalWidth > 0",
                           arg=figure.element_handle())
    assert figure.get_attribute("src").endswith(".ko.png")
    assert HANGUL.search(figure.get_attribute("alt"))
    file = SHOTS / f"figure-{Path(path).stem}.png"
    figure.screenshot(path=str(file))
    # Drawn, not blank: a figure's strokes and text give the grey levels a wide spread (a
    # blank or single-colour screenshot has a standard deviation near 0).
    with Image.open(file) as shot:
        assert shot.width >= 300
        assert ImageStat.Stat(shot.convert("L")).stddev[0] > 20, file
    assert not blocked, blocked


@pytest.mark.parametrize("name", sorted(PAGES))
def test_screenshot_of_a_korean_page(new_context, name):
    SHOTS.mkdir(parents=True, exist_ok=True)
    context, blocked = new_context(viewport=VIEWPORT)
    page = context.new_page()
    page.goto(f"ko/{PAGES[name]}", wait_until="load")
    # The part that shows the translation: the first code block with a comment, the cards,
    # the first printed output.
    target = {"keras-mlp-comments": "div.highlight-python",
              "gallery-cards": "div.sphx-glr-thumbcontainer",
              "dying-relu-output": ".sphx-glr-script-out"}[name]
    element = page.locator(target).first
    element.scroll_into_view_if_needed()
    page.evaluate("window.scrollBy(0, -120)")
    text = element.inner_text()
    assert HANGUL.search(text), f"{name}: no Korean in {text[:200]!r}"
    file = SHOTS / f"page-{name}.png"
    page.screenshot(path=str(file))
    assert file.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and file.stat().st_size > 10_000
    assert not blocked, blocked


def test_the_output_label_is_korean(new_context):
    """sphinx-gallery writes "Out:" with CSS, out of the catalogs' reach."""
    context, blocked = new_context(viewport=VIEWPORT)
    page = context.new_page()
    labels = {}
    for lang in ("en", "ko"):
        page.goto(f"{lang}/auto_examples/models/plot_class_imbalance.html", wait_until="load")
        labels[lang] = page.eval_on_selector(
            "div.sphx-glr-script-out", "d => getComputedStyle(d, '::before').content")
    assert not blocked
    assert labels == {"en": '"Out:"', "ko": '"출력:"'}


# The right edge, in pixels, of the first number cell ("0.951") of each table row.
FIRST_CELL_EDGES = """(pre) => {
  const walker = document.createTreeWalker(pre, NodeFilter.SHOW_TEXT);
  const edges = [];
  let line = "";
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const pattern = /\\d\\.\\d{3}(?!\\d)/g;
    let match;
    while ((match = pattern.exec(node.textContent))) {
      const start = node.textContent.lastIndexOf("\\n", match.index) + 1;
      const before = (start ? "" : line) + node.textContent.slice(start, match.index);
      if (!/\\d\\.\\d{3}/.test(before) && !/:/.test(before)) {
        const range = document.createRange();
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        edges.push(Math.round(range.getBoundingClientRect().right));
      }
    }
    const last = node.textContent.lastIndexOf("\\n");
    line = last === -1 ? line + node.textContent : node.textContent.slice(last + 1);
  }
  return edges;
}"""


def test_korean_output_tables_line_up_on_screen(new_context):
    """code_i18n pads Korean rows by display width and gives each Hangul run two cells per
    syllable on the page, so a printed table's columns line up in whatever font the browser
    falls back to for Hangul (here Noto Sans Mono CJK, whose Hangul is 0.92 em)."""
    context, blocked = new_context(viewport=VIEWPORT)
    page = context.new_page()
    edges = {}
    for lang in ("en", "ko"):
        page.goto(f"{lang}/auto_examples/models/plot_class_imbalance.html", wait_until="load")
        table = page.locator("div.sphx-glr-script-out pre", has_text="ROC-AUC").first
        edges[lang] = table.evaluate(FIRST_CELL_EDGES)
    assert not blocked
    assert len(edges["ko"]) == len(edges["en"]) == 4, edges
    assert max(edges["ko"]) - min(edges["ko"]) <= 1, edges
