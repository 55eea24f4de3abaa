"""Every concept page keeps the contract of the site (CONTRIBUTING.md, "A concept page"):
doctested dlref code, a generated figure with alt text and a link to its example, glossary
and API links; every page is in the reading order (docs/concepts/index.md, the one list),
has a card on the landing page and is reachable from the glossary."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

DOCS = Path(__file__).resolve().parents[2] / "docs"


CONCEPTS = DOCS / "concepts"
# The reading order is the toctree of docs/concepts/index.md: a new page is listed there.
READING_ORDER = re.findall(
    r"^([a-z0-9-]+)$",
    (CONCEPTS / "index.md").read_text(encoding="utf-8").split("```{toctree}")[1].split("```")[0],
    flags=re.MULTILINE)
# Pages whose topic has no gallery figure of its own (preprocessing layers are shown by
# their doctests alone).
NO_FIGURE = {"preprocessing-layers"}


def _pycon_blocks(text: str) -> list[str]:
    # Blocks may sit indented inside an admonition; the closing fence keeps that indent.
    return [b.rstrip(" ") for b in re.findall(r"```pycon\n(.*?)```", text, flags=re.DOTALL)]


def test_reading_order_lists_every_page():
    assert len(READING_ORDER) >= 24 and len(set(READING_ORDER)) == len(READING_ORDER)
    assert sorted(p.stem for p in CONCEPTS.glob("*.md") if p.stem != "index") == sorted(
        READING_ORDER), "list every page of docs/concepts in the toctree of its index.md"


def test_every_page_has_a_card_on_the_landing_page():
    landing = (DOCS / "index.md").read_text(encoding="utf-8")
    cards = re.findall(r"^:link: concepts/([a-z0-9-]+)$", landing, flags=re.MULTILINE)
    assert sorted(cards) == sorted(READING_ORDER), "docs/index.md: one card per concept page"


@pytest.mark.parametrize("page", READING_ORDER)
def test_page_has_doctested_dlref_code(page):
    text = (CONCEPTS / f"{page}.md").read_text(encoding="utf-8")
    blocks = _pycon_blocks(text)
    assert blocks, f"{page}: no ```pycon doctest block"
    code = "\n".join(blocks)
    assert re.search(r">>> .*dlref", code), f"{page}: no doctest uses dlref"
    for block in blocks:
        assert block.endswith("\n\n"), f"{page}: a pycon block needs an empty line before ```"
    outputs = re.findall(r"^\s*(?!>>>|\.\.\.)\S.*$", code, flags=re.MULTILINE)
    assert outputs, f"{page}: the doctests print nothing to check"


@pytest.mark.parametrize("page", READING_ORDER)
def test_page_links_terms_api_and_has_maths(page):
    text = (CONCEPTS / f"{page}.md").read_text(encoding="utf-8")
    assert "{term}`" in text, f"{page}: links no glossary term"
    assert re.search(r"\{(func|class|mod)\}`dlref\.", text), f"{page}: links no API entry"
    assert re.match(rf"\(concept-{page}\)=\n# ", text), f"{page}: label + title missing"


@pytest.mark.parametrize("page", sorted(set(READING_ORDER) - NO_FIGURE))
def test_page_embeds_a_generated_figure_with_alt_and_example_link(page):
    text = (CONCEPTS / f"{page}.md").read_text(encoding="utf-8")
    figures = re.findall(r"```\{figure\} (\S+)\n(.*?)```", text, flags=re.DOTALL)
    assert figures, f"{page}: no figure"
    for path, body in figures:
        assert path.startswith("../auto_examples/"), f"{page}: {path} is not a generated figure"
        assert re.search(r":alt: \S", body), f"{page}: figure {path} has no alt text"
        stem = re.search(r"sphx_glr_(plot_\w+?)_\d{3}\.png", path).group(1)
        assert f"_{stem}.py" in body, f"{page}: caption of {path} does not link its example"


def test_glossary_reaches_every_page_and_has_fifty_terms():
    glossary = (DOCS / "glossary.md").read_text(encoding="utf-8")
    terms = re.findall(r"^(\S[^\n]*)\n  \S", glossary.split("```{glossary}")[1], re.MULTILINE)
    assert len(terms) >= 50
    for page in READING_ORDER:
        assert f"concepts/{page}" in glossary, f"the glossary never links {page}"
    assert re.search(r"[가-힣]", glossary), "glossary entries must give the Korean term"
