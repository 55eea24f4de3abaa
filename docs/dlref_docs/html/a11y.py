"""Accessibility repairs of the theme's and docutils' HTML that no option reaches.

Sidebar toggles:

pydata-sphinx-theme (0.24) renders each navigation entry that has children as a link followed
by ``<details><summary>`` holding only a decorative chevron, so a screen reader announces a
nameless button (axe-core rule ``summary-name``, serious).  The theme has no option for it;
this wraps the theme's ``generate_toctree_html`` template function and names each such toggle
after the page it expands ("Pages under Optimizers").

Citations (numpydoc's References): docutils writes ``<div role="list" class="citation-list">``
whose items carry ``role="doc-biblioentry"``, which is not a list item, so the list has no
items for assistive technology (axe-core ``aria-required-children``, critical).  The items
are given ``role="listitem"``.
"""

from __future__ import annotations

from bs4 import BeautifulSoup
from markupsafe import Markup

from ..core.interface import _


def label_toggles(soup: BeautifulSoup, template: str) -> BeautifulSoup:
    """Add ``aria-label`` to every ``<summary>`` of ``soup`` that has no text of its own."""
    for summary in soup.find_all("summary"):
        if summary.get_text(strip=True) or summary.get("aria-label"):
            continue
        details = summary.parent
        link = details.find_previous_sibling("a") if details is not None else None
        title = link.get_text(" ", strip=True) if link is not None else ""
        if title:
            summary["aria-label"] = template.format(title=title)
    return soup


def wrap_toctree_function(app, pagename, templatename, context, doctree):
    generate = context.get("generate_toctree_html")
    if generate is None:
        return
    template = str(_("Pages under {title}"))

    def generate_with_labels(kind, *args, **kwargs):
        result = generate(kind, *args, **kwargs)
        if kind != "sidebar":
            return result
        # The theme returns its BeautifulSoup tree (or, from its cache, an html string).
        if isinstance(result, BeautifulSoup):
            return label_toggles(result, template)
        return Markup(str(label_toggles(BeautifulSoup(str(result), "html.parser"), template)))

    context["generate_toctree_html"] = generate_with_labels


def citations_as_list_items(app, pagename, templatename, context, doctree):
    body = context.get("body")
    if body and 'role="doc-biblioentry"' in body:
        context["body"] = body.replace('role="doc-biblioentry"', 'role="listitem"')
