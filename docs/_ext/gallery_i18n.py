"""Make sphinx-gallery's generated pages fit a bilingual, accessible site.

* Thumbnails: sphinx-gallery renders them with an empty ``alt`` (it treats them as
  decorative, next to a text link).  Our pages promise that every image describes itself,
  so each thumbnail's alt text becomes the title of the example it links to.
* Run time: "Total running time of the script: (0 minutes 3.215 seconds)" changes on every
  build, so as a translation message it would go stale each time.  It is left out of the
  gettext catalogs and written in Korean on the Korean site, with the measured numbers.
"""

from __future__ import annotations

import re

from docutils import nodes

_THUMB = re.compile(r"sphx_glr_(?P<stem>\w+?)_thumb(?:\.[a-z]{2})?\.(png|svg|gif)$")  # .ko.png too
_TIMING = re.compile(
    r"^Total running time of the script:\s*\((?P<min>\d+) minutes (?P<sec>[\d.]+) seconds\)$"
)


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
        label = "미리보기" if app.config.language == "ko" else "Thumbnail"
        image["alt"] = f"{label}: {title}"


def localise_run_time(app, doctree):
    for paragraph in list(doctree.findall(nodes.paragraph)):
        match = _TIMING.match(paragraph.astext().strip())
        if not match:
            continue
        if app.builder.name == "gettext":
            paragraph.parent.remove(paragraph)
        elif app.config.language == "ko":
            minutes, seconds = int(match.group("min")), float(match.group("sec"))
            label = nodes.strong(text="스크립트 전체 실행 시간:")
            paragraph.replace_self(nodes.paragraph(
                "", "", label, nodes.Text(f" ({minutes}분 {seconds:.3f}초)")))


def setup(app):
    app.connect("doctree-read", localise_run_time)
    app.connect("doctree-resolved", fill_thumbnail_alt)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
