"""A header control that opens the same page in the other language of the site.

pydata-sphinx-theme has no language switcher (its issue #507), so this small extension
adds one.  The site is laid out as ``<root>/en/…`` and ``<root>/ko/…`` with the same page
names in both, so the counterpart of ``en/concepts/dropout.html`` is
``ko/concepts/dropout.html``; the link is written relative to the current page, which
works from ``file://`` and under any hosting prefix.  A script keeps the ``#anchor``.
"""

from __future__ import annotations

import os

LANGUAGES = {"en": "English", "ko": "한국어"}


def _add_switcher_context(app, pagename, templatename, context, doctree):
    current = app.config.language if app.config.language in LANGUAGES else "en"
    other = "ko" if current == "en" else "en"
    # From <root>/<lang>/<pagename>.html up to <root>/: one level per path part of the page
    # name, plus one for the language folder.
    up = "../" * (pagename.count("/") + 1)
    other_root = f"{other}/"
    if os.environ.get("READTHEDOCS"):
        # Read the Docs serves translations as /<lang>/<version>/: one more level to climb.
        up += "../"
        other_root += os.environ.get("READTHEDOCS_VERSION", "latest") + "/"
    suffix = getattr(app.builder, "out_suffix", ".html")
    context["dlref_lang_current"] = current
    context["dlref_lang_other"] = other
    context["dlref_lang_other_label"] = LANGUAGES[other]
    context["dlref_lang_other_url"] = f"{up}{other_root}{pagename}{suffix}"
    context["dlref_lang_other_home"] = f"{up}{other_root}index{suffix}"


def setup(app):
    app.connect("html-page-context", _add_switcher_context)
    app.add_js_file("language_switcher.js", loading_method="defer")
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
