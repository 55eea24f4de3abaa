"""Link an extension's stylesheet and script only on the pages that use them.

sphinx-design registers its stylesheet (54 KB) and tab script for every page, and
sphinxcontrib-katex its stylesheet, although most pages hold no card grid and many no
formula.  Sphinx has no per-page switch for assets an extension registered globally (its own
mathjax extension decides per page, but only for itself), so this handler, run for each page
before it is rendered, drops them where the page's doctree does not need them.
"""

from __future__ import annotations

from docutils import nodes

# Paths as Sphinx lists them in the page context (relative to the html root).
SPHINX_DESIGN = ("_static/sphinx-design.min.css", "_static/design-tabs.js")
KATEX = ("_static/katex/katex.min.css", "_static/katex-math.css")


def _uses_sphinx_design(doctree: nodes.document) -> bool:
    return any(
        any(str(cls).startswith("sd-") for cls in node.get("classes", ()))
        for node in doctree.findall(nodes.Element)
    )


def _has_maths(doctree: nodes.document) -> bool:
    return any(next(doctree.findall(kind), None) is not None
               for kind in (nodes.math, nodes.math_block))


def _filename(asset) -> str:
    return str(getattr(asset, "filename", asset))


def drop_unused_assets(app, pagename, templatename, context, doctree):
    if doctree is None:  # genindex, search and other pages generated without a document
        drop = set(SPHINX_DESIGN + KATEX)
    else:
        drop = set()
        if not _uses_sphinx_design(doctree):
            drop.update(SPHINX_DESIGN)
        if not _has_maths(doctree):
            drop.update(KATEX)
    for key in ("css_files", "script_files"):
        if key in context:
            context[key] = [a for a in context[key] if _filename(a) not in drop]
