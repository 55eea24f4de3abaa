"""Interface strings of the Korean site that gettext does not reach.

* the search field's placeholder is a theme option (``search_bar_text``), not a message;
* sphinx-copybutton has no Korean messages: ``_static/copybutton-ko.js`` adds them;
* sphinx-gallery writes each thumbnail card as raw HTML: the tooltip (the example's
  English introduction) and the card title (its English-first title) become the Korean
  introduction and the Korean-first title of the example's translated page.
"""

from __future__ import annotations

import html
import re
from pathlib import PurePosixPath

from docutils import nodes

LANGUAGE = "ko"
SEARCH_BAR_TEXT = "문서 검색 ..."
_TOOLTIP = re.compile(r'(<div class="sphx-glr-thumbcontainer" tooltip=")([^"]*)(")')
_CARD_TITLE = re.compile(r'(<div class="sphx-glr-thumbnail-title">)(.*?)(</div>)', re.S)
_THUMB = re.compile(r"sphx_glr_(?P<stem>\w+?)_thumb(?:\.\w+)?\.(?:png|svg|gif)$")


def korean_theme_options(app, config) -> None:
    if config.language == LANGUAGE:
        config.html_theme_options = {**config.html_theme_options,
                                     "search_bar_text": SEARCH_BAR_TEXT}


def korean_copy_button(app) -> None:
    if app.config.language == LANGUAGE and app.builder.format == "html":
        app.add_js_file("copybutton-ko.js", priority=900)  # after copybutton.js (500)


def _example_docnames(env) -> dict[str, str]:
    return {PurePosixPath(d).name: d for d in env.found_docs if d.startswith("auto_examples/")}


def _introduction(env, docname: str, cache: dict) -> str:
    if docname not in cache:
        doctree = env.get_doctree(docname)
        section = next(iter(doctree.findall(nodes.section)), None)
        paragraph = next(iter(section.findall(nodes.paragraph)), None) if section else None
        cache[docname] = paragraph.astext().replace("\n", " ") if paragraph else ""
    return cache[docname]


def korean_thumbnails(app, doctree, docname) -> None:
    """Card tooltip and title from the example's Korean page."""
    if app.config.language != LANGUAGE or app.builder.format != "html":
        return
    env = app.env
    examples = _example_docnames(env)
    cache = env.__dict__.setdefault("_ui_i18n_intros", {})  # one build; not pickled as env
    opening = None
    for node in list(doctree.findall(lambda n: isinstance(n, (nodes.raw, nodes.image)))):
        if isinstance(node, nodes.image):
            match = _THUMB.search(node.get("uri", ""))
            if opening is not None and match and match.group("stem") in examples:
                example = examples[match.group("stem")]
                intro = html.escape(_introduction(env, example, cache), quote=True)
                _replace_raw(opening, _TOOLTIP, intro)
                opening = (opening, example)
            continue
        text = node.astext()
        if _TOOLTIP.search(text):
            opening = node
        elif _CARD_TITLE.search(text) and isinstance(opening, tuple):
            title = env.titles[opening[1]].astext()
            _replace_raw(node, _CARD_TITLE, html.escape(title, quote=False))
            opening = None


def _replace_raw(node: nodes.raw, pattern: re.Pattern, new: str) -> None:
    text = pattern.sub(lambda m: m.group(1) + new + m.group(3), node.astext(), count=1)
    node.replace_self(nodes.raw("", text, format=node.get("format", "html")))


def _forget_intros(app, env) -> None:
    env.__dict__.pop("_ui_i18n_intros", None)


def setup(app):
    app.connect("config-inited", korean_theme_options)
    app.connect("builder-inited", korean_copy_button)
    app.connect("doctree-resolved", korean_thumbnails)
    app.connect("env-updated", _forget_intros)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
