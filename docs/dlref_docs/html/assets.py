"""Link an extension's stylesheet and script only on the pages that use them.

Extensions register their assets for every page: sphinx-design its stylesheet (54 KB) and tab
script, sphinxcontrib-katex its stylesheet, sphinx-gallery four stylesheets and a tag script,
sphinx-copybutton its stylesheet and two scripts, the glossary cards their script.  Most pages
need only some of them, and on a phone every stylesheet in the head delays the first paint.
Sphinx has no per-page switch for assets an extension registered globally (its own mathjax
extension decides per page, but only for itself), so this handler, run for each page before it
is rendered, drops the ones the page's doctree does not use.
"""

from __future__ import annotations

from docutils import nodes
from sphinx import addnodes

# Paths as Sphinx lists them in the page context (relative to the html root).
SPHINX_DESIGN = ("_static/sphinx-design.min.css", "_static/design-tabs.js")
KATEX = ("_static/katex/katex.min.css", "_static/katex-math.css")
GALLERY = ("_static/sg_gallery.css", "_static/sg_gallery-binder.css",
           "_static/sg_gallery-dataframe.css", "_static/sg_gallery-rendered-html.css")
# sphinx-gallery's tag filter: the site's examples have no tags.
GALLERY_TAGS = ("_static/sg-tags.js",)
COPY_BUTTON = ("_static/copybutton.css", "_static/copybutton.js", "_static/clipboard.min.js")
GLOSSARY_CARDS = ("_static/glossary_cards.js",)
# Scripts that only act once the page is parsed (on DOMContentLoaded, or on clicks), loaded
# without holding up the first paint: deferred scripts still run in document order, before
# DOMContentLoaded.  translations.js (translated pages) hands its strings to doctools.js, and
# runs after it; the copy button's messages of a translated page wait for copybutton.js
# (interface.copy_button_script).  Left as it is: documentation_options.js, because an inline
# script of the theme sets DOCUMENTATION_OPTIONS.pagename while the head is parsed.  Not on the
# search page, whose template runs searchtools.js while the body is parsed, and it calls
# doctools.js's _ready.
DEFERRABLE = ("_static/doctools.js", "_static/sphinx_highlight.js", "_static/translations.js",
              "_static/clipboard.min.js", "_static/copybutton.js", "_static/design-tabs.js")


def _has_class(doctree: nodes.document, prefix: str) -> bool:
    return any(
        any(str(cls).startswith(prefix) for cls in node.get("classes", ()))
        for node in doctree.findall(nodes.Element)
    )


def _has_maths(doctree: nodes.document) -> bool:
    return any(next(doctree.findall(kind), None) is not None
               for kind in (nodes.math, nodes.math_block))


def _uses_gallery(doctree: nodes.document) -> bool:
    """sphinx-gallery's markup: its classes, or the raw HTML of its thumbnail cards."""
    return _has_class(doctree, "sphx-glr") or any(
        "sphx-glr" in node.astext() for node in doctree.findall(nodes.raw))


def _has_code(doctree: nodes.document) -> bool:
    return next(doctree.findall(nodes.literal_block), None) is not None


def _links_terms(doctree: nodes.document) -> bool:
    """Links to glossary terms, or the glossary itself (whose cards its tests read)."""
    return next(doctree.findall(addnodes.glossary), None) is not None or any(
        "std-term" in node.get("classes", ()) for node in doctree.findall(nodes.inline))


def _filename(asset) -> str:
    return str(getattr(asset, "filename", asset))


def unused_assets(doctree: nodes.document | None) -> set[str]:
    """The registered assets a page does not use (all of them for a page without doctree,
    such as the search page and the indices)."""
    if doctree is None:
        return set(SPHINX_DESIGN + KATEX + GALLERY + GALLERY_TAGS + COPY_BUTTON + GLOSSARY_CARDS)
    checks = ((SPHINX_DESIGN, _has_class(doctree, "sd-")), (KATEX, _has_maths(doctree)),
              (GALLERY, _uses_gallery(doctree)), (GALLERY_TAGS, False),
              (COPY_BUTTON, _has_code(doctree)), (GLOSSARY_CARDS, _links_terms(doctree)))
    return {asset for assets, used in checks if not used for asset in assets}


def _deferred(script):
    """``script`` with ``defer``, if it is one of DEFERRABLE (Sphinx's assets are immutable)."""
    attributes = getattr(script, "attributes", None)
    if _filename(script) not in DEFERRABLE or attributes is None or "defer" in attributes:
        return script
    return type(script)(script.filename, priority=script.priority,
                        **{**attributes, "defer": "defer"})


def drop_unused_assets(app, pagename, templatename, context, doctree):
    drop = unused_assets(doctree)
    for key in ("css_files", "script_files"):
        if key in context:
            context[key] = [a for a in context[key] if _filename(a) not in drop]
    if "script_files" in context and pagename != "search":
        context["script_files"] = [_deferred(script) for script in context["script_files"]]
