"""An incremental build writes the same search index (and sitemap) as a clean one.

Sphinx (9.0, its issue #12599) keeps a page's index entries (glossary terms, ``index``
directives) only while it writes that page: the environment is saved before writing, and
reading the previous ``searchindex.js`` back restores every other part of the index but not
its ``indexentries``.  So after an incremental build the search no longer finds glossary
terms by their index entries.  Before the builder loads the previous index, this puts the
entries of every page that is not written again back where Sphinx keeps them, from that
same file; the pages written again replace theirs as usual.
"""

from __future__ import annotations

import json
from pathlib import Path

from sphinx.util import logging

logger = logging.getLogger(__name__)


def frozen_index(path: Path) -> dict | None:
    """The data of a ``searchindex.js`` (``Search.setIndex({...})``), or None."""
    try:
        text = path.read_text(encoding="utf-8")
        return json.loads(text[text.index("(") + 1: text.rindex(")")])
    except (OSError, ValueError):
        return None


def entries_by_page(frozen: dict) -> dict[str, list[tuple[str, str, str]]]:
    """``indexentries`` of a frozen index, back in Sphinx's per-page form.

    >>> entries_by_page({"docnames": ["a", "b"],
    ...                  "indexentries": {"relu": [[1, "term-relu", True]]}})
    {'b': [('relu', 'term-relu', 'main')]}
    """
    pages: dict[str, list[tuple[str, str, str]]] = {}
    for entry, hits in frozen.get("indexentries", {}).items():
        for doc, target, main in hits:
            pages.setdefault(frozen["docnames"][doc], []).append(
                (entry, target, "main" if main else ""))
    return {docname: sorted(entries) for docname, entries in pages.items()}


def restore_index_entries(app, builder) -> None:
    """``write-started``: the previous build's index entries of the pages kept."""
    if builder.format != "html" or not getattr(builder, "search", False):
        return
    kept = getattr(app.env, "_search_index_index_entries", None)  # Sphinx's own store
    frozen = frozen_index(Path(builder.outdir) / builder.searchindex_filename)
    if kept is None or frozen is None:
        return
    for docname, entries in entries_by_page(frozen).items():
        if docname in app.env.all_docs:
            kept.setdefault(docname, entries)


def complete_sitemap(app, exception) -> None:
    """``build-finished``, before sphinx-sitemap writes ``sitemap.xml``: list every page.

    sphinx-sitemap (2.9) collects a page when it is written, so after an incremental build the
    sitemap holds only the pages written again.  Every document of the environment that it
    has not collected is added to its queue (``app.sitemap_links``), in its link form.
    """
    links = getattr(app, "sitemap_links", None)
    if exception is not None or links is None or app.builder.format != "html":
        return
    collected = []
    while not links.empty():
        collected.append(links.get_nowait())
    seen = {link for link, _ in collected}
    excluded = app.config.sitemap_excludes
    from sphinx_sitemap import is_excluded

    for docname in sorted(app.env.all_docs):
        link = app.builder.get_target_uri(docname)
        if link not in seen and not is_excluded(link, excluded):
            collected.append((link, None))
    for item in collected:
        links.put(item)
