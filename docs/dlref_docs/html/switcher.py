"""A header control that opens the same page in the other language of the site.

pydata-sphinx-theme has no language switcher (its issue #507), so this small extension
adds one.  The site is laid out as ``<root>/en/…`` and ``<root>/ko/…`` with the same page
names in both, so the counterpart of ``en/concepts/dropout.html`` is
``ko/concepts/dropout.html``; the link is written relative to the current page, which
works from ``file://`` and under any hosting prefix.  A script keeps the ``#anchor``.
"""

from __future__ import annotations

import os
from pathlib import Path

from ..core import languages


def _other_language(app) -> languages.Language:
    """The other language of a two-language site (the source's twin is the first translation)."""
    current = languages.for_app(app)
    if not current.is_source:
        return languages.get(languages.SOURCE)
    dirs = tuple(Path(app.srcdir, d) for d in app.config.locale_dirs)
    translations = [code for d in dirs for code in languages.codes(d)[1:]]
    return languages.get(translations[0], dirs) if translations else current


def add_switcher_context(app, pagename, templatename, context, doctree):
    current = languages.for_app(app).code
    other_language = _other_language(app)
    other = other_language.code
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
    context["dlref_lang_other_label"] = other_language.name
    context["dlref_lang_other_url"] = f"{up}{other_root}{pagename}{suffix}"
    context["dlref_lang_other_home"] = f"{up}{other_root}index{suffix}"
