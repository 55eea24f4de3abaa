"""Interface strings that Sphinx's own translation does not reach, from the interface catalog.

* the search field's placeholder is a theme option (``search_bar_text``);
* sphinx-copybutton has messages for a few languages only, in its script: an inline script
  after it adds the build language's;
* sphinx-gallery labels printed output with a CSS ``content: "Out:"``: pages with printed
  output get a style that says it in the build's language (in ``metatags``, which every
  theme derived from Sphinx's basic layout writes into the head);
* sphinx-notfound-page's 404 page.
"""

from __future__ import annotations

import json

from ..core import languages
from ..core.interface import _

COPY_MESSAGES = {"copy": "Copy", "copy_to_clipboard": "Copy to clipboard",
                 "copy_success": "Copied!", "copy_failure": "Failed to copy"}


def theme_options(app, config) -> None:
    """``config-inited``: the translated search placeholder and 404 page."""
    if languages.for_app(app).is_source:
        return
    if config.html_theme == "pydata_sphinx_theme":  # the theme that has this option
        config.html_theme_options = {**config.html_theme_options,
                                     "search_bar_text": str(_("Search the docs ..."))}
    title = str(_("Page not found"))
    text = str(_("The page you asked for does not exist. Use the menu above or the search "
                 "to find it."))
    config.notfound_context = {"title": title, "body": f"<h1>{title}</h1>\n\n<p>{text}</p>"}


def copy_button_script(language: str) -> str:
    """JavaScript that gives sphinx-copybutton the messages of ``language``.

    copybutton.js declares the globals ``messages``, ``locale``, ``iconCheck`` and
    ``iconCopy`` and makes its buttons as soon as the page is parsed, in English: it is
    deferred (assets.DEFERRABLE), so it runs before DOMContentLoaded, or, where it is not, it
    makes them on DOMContentLoaded, before this script's own listener.  On DOMContentLoaded the
    entry is added, the locale chosen again, the two icon titles redone, and the buttons
    already made relabelled; a click then reads the new globals.
    """
    translated = {key: str(_(text)) for key, text in COPY_MESSAGES.items()}
    lang = json.dumps(language)
    return (
        'document.addEventListener("DOMContentLoaded", () => {\n'
        '  if (typeof messages === "undefined") return;\n'
        f"  messages[{lang}] = {json.dumps(translated, ensure_ascii=False)};\n"
        "  iconCheck = iconCheck.replace(messages.en.copy_success, "
        f"messages[{lang}].copy_success);\n"
        "  iconCopy = iconCopy.replace(messages.en.copy_to_clipboard, "
        f"messages[{lang}].copy_to_clipboard);\n"
        f"  locale = {lang};\n"
        '  document.querySelectorAll("button.copybtn").forEach((button) => {\n'
        '    button.setAttribute("data-tooltip", messages[locale].copy);\n'
        "    button.innerHTML = iconCopy;\n"
        "  });\n"
        "});\n"
    )


def copy_button(app) -> None:
    """``builder-inited``: the copy button's messages, after copybutton.js (priority 500)."""
    language = languages.for_app(app)
    if language.is_source or app.builder.format != "html":
        return
    app.add_js_file(None, body=copy_button_script(language.code), priority=900)


def output_label(app, pagename, templatename, context, doctree) -> None:
    """``html-page-context``: the label of printed output, on the pages that have some."""
    if not languages.for_app(app).is_source and "sphx-glr-script-out" in context.get("body", ""):
        label = json.dumps(str(_("Out:")), ensure_ascii=False)
        # The head's metatags come before sphinx-gallery's stylesheet, whose rule has one
        # class: the element name makes this one win.
        context["metatags"] = (context.get("metatags", "") + "\n<style>"
                               f"div.sphx-glr-script-out::before {{ content: {label}; }}</style>")
