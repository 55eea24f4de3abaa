"""Each page's description, from its lead, in its language: ``<meta name="description">`` and
``og:description``.

sphinxext-opengraph writes the other OpenGraph data, but its description walks the page's text
nodes and puts a space between every two of them, which cuts a Korean particle off the term
before it ("드롭아웃(dropout) 은").  So its description is turned off (``ogp_description_length
= 0``) and this writes both tags from the first paragraph's own text, as it reads.
"""

from __future__ import annotations

import html

from docutils import nodes

LENGTH = 200


def lead(doctree: nodes.document, length: int = LENGTH) -> str:
    """The page's first paragraph of prose, cut to about ``length`` characters.

    >>> from docutils.core import publish_doctree
    >>> lead(publish_doctree("Title\\n=====\\n\\nDropout is a *simple* way to reduce "
    ...                      "overfitting.\\n\\nSecond."), length=30)
    'Dropout is a simple way to …'
    """
    for paragraph in doctree.findall(nodes.paragraph):
        if _inside(paragraph, (nodes.admonition, nodes.figure, nodes.table, nodes.field_list)):
            continue
        text = " ".join(paragraph.astext().split())
        if len(text) < 20:
            continue
        if len(text) > length:
            cut = text[:length].rsplit(" ", 1)[0]
            text = cut.rstrip(",;:") + " …"
        return text
    return ""


def _inside(node, kinds) -> bool:
    parent = node.parent
    while parent is not None:
        if isinstance(parent, kinds):
            return True
        parent = parent.parent
    return False


def add_description(app, pagename, templatename, context, doctree) -> None:
    """``html-page-context``: the description tags of a page from its lead; a page without a
    document of its own (the search page, the indices) gets the landing page's."""
    if doctree is None:
        doctree = app.env.get_doctree(app.config.root_doc)
    text = lead(doctree)
    if text:
        value = html.escape(text, quote=True)
        context["metatags"] = (context.get("metatags", "")
                               + f'\n<meta name="description" content="{value}" />'
                               + f'\n<meta property="og:description" content="{value}" />')
