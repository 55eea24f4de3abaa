"""Give sphinx-gallery's thumbnails a real ``alt`` text.

sphinx-gallery renders thumbnails with an empty ``alt`` (it treats them as decorative,
next to a text link).  Our pages promise that every image describes itself, so each
thumbnail's alt text becomes the title of the example it links to.
"""

from __future__ import annotations

import re

from docutils import nodes

_THUMB = re.compile(r"sphx_glr_(?P<stem>\w+?)_thumb\.(png|svg|gif)$")


def _link_text_after(image: nodes.image) -> str:
    parent = image.parent
    if parent is None:
        return ""
    siblings = list(parent.children)
    for sibling in siblings[siblings.index(image) + 1:]:
        for ref in sibling.findall(nodes.reference):
            text = ref.astext().strip()
            if text:
                return text
    return ""


def fill_thumbnail_alt(app, doctree, docname):
    for image in doctree.findall(nodes.image):
        if image.get("alt"):
            continue
        match = _THUMB.search(image.get("uri", ""))
        if not match:
            continue
        title = _link_text_after(image) or match.group("stem").replace("_", " ")
        image["alt"] = f"Thumbnail: {title}"


def setup(app):
    app.connect("doctree-resolved", fill_thumbnail_alt)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
