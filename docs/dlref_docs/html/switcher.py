"""A header control that opens the same page in the other language of the site.

pydata-sphinx-theme has no language switcher (its issue #507), so this small extension
adds one.  The site is laid out as ``<root>/en/…`` and ``<root>/ko/…`` with the same page
names in both, so the counterpart of ``en/concepts/dropout.html`` is
``ko/concepts/dropout.html``; the link is written relative to the current page, which
works from ``file://`` and under any hosting prefix.  A script keeps the ``#anchor``.
"""

from __future__ import annotations

import html
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
    page = f"{pagename}{suffix}"
    urls = {current: _page_url(app, current, current, page, ""),
            other: _page_url(app, current, other, page, f"{up}{other_root}")}
    context["metatags"] = context.get("metatags", "") + alternate_links(urls)


def _page_url(app, current: str, language: str, page: str, relative_root: str) -> str:
    """The address of ``page`` in ``language``: absolute under ``html_baseurl`` (whose last
    ``/<current>/`` becomes ``/<language>/``), else relative to the current page."""
    base = app.config.html_baseurl
    if not base:
        return (relative_root or "") + page if language != current else page.rsplit("/")[-1]
    base = base.rstrip("/") + "/"
    marker = f"/{current}/"
    if language != current and marker in base:
        head, _, tail = base.rpartition(marker)
        base = f"{head}/{language}/{tail}"
    return base + page


def alternate_links(urls: dict[str, str]) -> str:
    """``<link rel="alternate" hreflang=…>`` for each language's twin and ``x-default`` (the
    source language), so search engines show readers the page in their language.

    >>> print(alternate_links({"en": "https://x/en/a.html", "ko": "https://x/ko/a.html"}))
    <BLANKLINE>
    <link rel="alternate" hreflang="en" href="https://x/en/a.html" />
    <link rel="alternate" hreflang="ko" href="https://x/ko/a.html" />
    <link rel="alternate" hreflang="x-default" href="https://x/en/a.html" />
    """
    links = [(code, urls[code]) for code in sorted(urls)]
    links.append(("x-default", urls.get(languages.SOURCE, links[0][1])))
    return "".join(f'\n<link rel="alternate" hreflang="{code}" href="{html.escape(url)}" />'
                   for code, url in links)
