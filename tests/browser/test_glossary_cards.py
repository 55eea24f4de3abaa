"""Glossary cards in a real browser (docs/_ext/glossary_cards.py and glossary_cards.js).

Hovering or focusing (keyboard) a link to a glossary term shows a card with the Korean term,
the English term and the one-line definition, in both languages, without any request leaving
127.0.0.1.  The definition is checked against the glossary page itself: the card must show
the first sentence of the entry the link points to.
"""

from __future__ import annotations

import re

import pytest

from .support import OUTPUT

CARD = "#dlref-glossary-card"
PAGES = {  # language -> (page, a term link on it, Korean term, English term)
    "ko": ("concepts/dropout.html", "term-dropout", "드롭아웃", "dropout"),
    "en": ("concepts/dropout.html", "term-dropout", "드롭아웃", "dropout"),
}
TERM_LINKS = "a.reference.internal[href*='glossary.html#term-']"


def glossary_first_sentence(page, base: str, lang: str, term_id: str, korean: str) -> str:
    """The first sentence of the glossary entry ``term_id``, read from the built glossary."""
    page.goto(f"{base}{lang}/glossary.html", wait_until="load")
    text = page.eval_on_selector(f"dt[id='{term_id}'] + dd p", "p => p.textContent")
    text = " ".join(text.split())
    text = re.sub(rf"^{re.escape(korean)}\.\s*", "", text)
    end = re.search(r"다\.|\.(?=\s|$)", text)
    return text[: end.end()]


@pytest.fixture
def page(new_context, site_root):
    context, blocked = new_context()
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    assert not blocked, f"requests left 127.0.0.1: {blocked}"
    assert not errors, f"script errors: {errors}"


@pytest.mark.parametrize("lang", sorted(PAGES))
def test_hover_shows_the_bilingual_card(page, base_url, lang):
    path, term_id, korean, english = PAGES[lang]
    expected = glossary_first_sentence(page, base_url, lang, term_id, korean)
    page.goto(f"{base_url}{lang}/{path}", wait_until="load")
    link = page.locator(f"article {TERM_LINKS}[href$='#{term_id}']").first
    assert page.locator(CARD).count() == 1 and not page.locator(CARD).is_visible()
    link.hover()
    card = page.locator(CARD)
    card.wait_for(state="visible", timeout=5000)
    assert card.locator(".dlref-card-ko").inner_text() == korean
    assert card.locator(".dlref-card-en").inner_text() == english
    assert card.locator(".dlref-card-def").inner_text() == expected
    assert card.get_attribute("role") == "tooltip"
    assert link.get_attribute("aria-describedby") == "dlref-glossary-card"
    OUTPUT.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(OUTPUT / f"glossary-card-{lang}.png"))
    page.mouse.move(0, 0)
    card.wait_for(state="hidden", timeout=5000)


@pytest.mark.parametrize("lang", sorted(PAGES))
def test_keyboard_focus_shows_the_card_and_escape_hides_it(page, base_url, lang):
    path = PAGES[lang][0]
    page.goto(f"{base_url}{lang}/{path}", wait_until="load")
    for _ in range(300):
        page.keyboard.press("Tab")
        focused = page.evaluate(
            "(sel) => document.activeElement && document.activeElement.matches(sel)"
            " ? document.activeElement.getAttribute('href') : null", TERM_LINKS)
        if focused:
            break
    else:
        pytest.fail(f"{lang}/{path}: Tab never reached a glossary link")
    card = page.locator(CARD)
    card.wait_for(state="visible", timeout=5000)
    term_id = focused.split("#", 1)[1]
    cards = page.evaluate("() => DLREF_GLOSSARY.cards")
    assert card.locator(".dlref-card-en").inner_text() == cards[term_id][1]
    page.keyboard.press("Escape")
    card.wait_for(state="hidden", timeout=5000)


@pytest.mark.parametrize("lang", ["ko", "en"])
@pytest.mark.parametrize("path", ["concepts/activation-functions.html",
                                  "concepts/relu-and-dying-relu.html", "concepts/history.html",
                                  "concepts/optimizers.html", "concepts/loss-functions.html"])
def test_every_glossary_link_has_a_card(page, base_url, lang, path):
    page.goto(f"{base_url}{lang}/{path}", wait_until="load")
    page.wait_for_function("() => typeof DLREF_GLOSSARY !== 'undefined'")
    ids = page.eval_on_selector_all(
        TERM_LINKS, "links => links.map(a => a.getAttribute('href').split('#')[1])")
    cards = page.evaluate("() => DLREF_GLOSSARY.cards")
    assert ids, f"{lang}/{path}: no glossary link to check"
    missing = sorted({i for i in ids if i not in cards})
    assert not missing, f"{lang}/{path}: glossary links without a card: {missing}"
    assert all(len(cards[i]) == 3 and all(cards[i]) for i in ids)


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_there_is_a_card_for_every_glossary_entry(page, base_url, lang):
    page.goto(f"{base_url}{lang}/glossary.html", wait_until="load")
    page.wait_for_function("() => typeof DLREF_GLOSSARY !== 'undefined'")
    entries = page.eval_on_selector_all("dl.glossary > dt[id]", "dts => dts.map(d => d.id)")
    cards = page.evaluate("() => DLREF_GLOSSARY.cards")
    assert len(entries) > 40 and set(entries) == set(cards)


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_a_formula_in_a_card_is_drawn_not_shown_as_tex(page, base_url, lang):
    """The mean-squared-error card's formula is MathML (no KaTeX stylesheet needed)."""
    page.goto(f"{base_url}{lang}/concepts/loss-functions.html", wait_until="load")
    page.locator(f"article {TERM_LINKS}[href$='#term-mean-squared-error']").first.hover()
    card = page.locator(CARD)
    card.wait_for(state="visible", timeout=5000)
    formula = card.locator(".dlref-card-def math")
    assert formula.count() == 1
    assert "\\frac{1}{n}" in formula.locator("annotation").text_content()
    shown = card.locator(".dlref-card-def").inner_text()
    assert "\\" not in shown and "{" not in shown, shown
    box = formula.bounding_box()
    assert box["height"] > 20  # a fraction: two lines' worth, drawn by the browser
    OUTPUT.mkdir(parents=True, exist_ok=True)
    card.screenshot(path=str(OUTPUT / f"glossary-card-maths-{lang}.png"))
