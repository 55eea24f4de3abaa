"""dlref_docs: the toolchain that builds dlref's bilingual site.

One Sphinx extension (``extensions = [..., "dlref_docs"]``) made of subpackages by concern:

``core``
    the languages (:mod:`.core.languages`, one data file each in ``languages/``), the one
    reader of message catalogs (:mod:`.core.catalogs`), number-hole messages
    (:mod:`.core.holes`), the toolchain's own interface catalog (:mod:`.core.interface`) and
    per-page state (:mod:`.core.state`);
``gallery``
    the examples' figures in every language (scraper, figure records, translated figures and
    thumbnails), sphinx-gallery's pages (cards, thumbnails, run times) and downloads (notebooks
    in Markdown, scripts and notebooks in the page's language, the install line);
``translation``
    code comments, printed output, display maths and whole gallery scripts in the reader's
    language;
``search``
    a search language that cuts endings (Korean particles) and the search as readers type;
``glossary``
    the term sheet, glossary cards and the glossary and index in the reader's alphabet;
``html``
    KaTeX's assets, per-page assets, the language switcher, accessibility repairs,
    interface strings, the compatibility table and the browser's interface catalog.

:func:`setup` below is the one place that says what runs when: every event handler of the
toolchain is connected there, in order.  ``python -m dlref_docs build`` builds the site and
``python -m dlref_docs catalogs`` refreshes the translation catalogs.
"""

from __future__ import annotations

import os
from pathlib import Path

__version__ = "2.0"


def _source_version() -> int:
    """A number that changes whenever the toolchain's own code changes.

    Sphinx reads and writes again only the pages whose sources changed; a change to an
    extension's code would otherwise leave every page as the old code made it.  Given as the
    extension's ``env_version``, a change of code makes Sphinx discard the environment and
    build every page again (sphinx-gallery still reruns only the examples that changed).
    """
    import hashlib

    digest = hashlib.sha256()
    for path in sorted(Path(__file__).parent.rglob("*")):
        if path.suffix in {".py", ".js", ".html", ".css"} and "__pycache__" not in path.parts:
            digest.update(path.read_bytes())
    return int(digest.hexdigest()[:12], 16)

STATIC = Path(__file__).resolve().parent / "static"


def _static_files(app, config) -> None:
    # The toolchain's own scripts travel with it (config-inited: before the builder reads it).
    config.html_static_path.append(str(STATIC))


def setup(app):
    from .core import interface
    from .gallery import downloads, figures, glyphs, pages
    from .glossary import cards, order
    from .html import a11y, assets, compatibility, description, icons, js_catalog, katex, switcher
    from .html import interface as ui
    from .search import incremental, ranking
    from .search.language import search_language
    from .translation import code, glosses, maths, missing

    interface.register(app)
    app.setup_extension("sphinxcontrib.katex")
    katex.configure_renderer()
    _register_at_fork_once(katex.connect_to_parent_server)
    glyphs.install()  # examples run in the Sphinx process; reset_for_example covers workers

    # -- configuration --------------------------------------------------------------------
    # The command that installs what the gallery's downloads import (shown on example pages).
    app.add_config_value("dlref_examples_install", "", "html", types=[str])
    app.connect("config-inited", _static_files)
    app.connect("config-inited", katex.configure)
    app.connect("config-inited", ui.theme_options)
    app.connect("config-inited", js_catalog.write_js_catalog)

    # -- builder-inited: checks, then the gallery (sphinx-gallery runs at 500) ---------------
    app.connect("builder-inited", katex.check, priority=100)  # before anything renders maths
    app.connect("builder-inited", figures.forget_examples_without_records, priority=400)
    app.connect("builder-inited", ui.copy_button)
    app.connect("builder-inited", figures.prepare_language, priority=600)  # after the gallery
    app.connect("builder-inited", downloads.prepare_downloads, priority=650)
    app.connect("builder-inited", katex.start_server, priority=900)  # after katex's own setup

    # -- reading: per-page state first (it sees the page as written), then translation -----
    app.add_env_collector(ranking.TermCounts)
    app.add_env_collector(cards.GlossaryCards)
    app.add_env_collector(code.CodeMessages)
    app.add_env_collector(missing.Untranslated)
    app.add_transform(maths.TranslateMathBlocks)  # just before Sphinx's Locale transform
    app.add_transform(missing.FindUntranslated)  # just after it
    app.add_directive("compatibility-table", compatibility.CompatibilityTable)
    # Before Sphinx collects the page's download files (its collector runs at 500).
    app.connect("doctree-read", downloads.use_language_downloads, priority=400)
    app.connect("doctree-read", downloads.add_install_line, priority=450)
    app.connect("doctree-read", pages.localise_run_time)
    app.connect("doctree-read", figures.use_language_images)
    app.connect("doctree-read", code.translate_blocks)
    app.connect("doctree-read", order.sort_translated_glossaries)
    app.connect("doctree-resolved", pages.fill_thumbnail_alt)
    app.connect("doctree-resolved", pages.translate_cards)
    app.connect("doctree-resolved", glosses.keep_glosses_together)

    # -- writing ----------------------------------------------------------------------------
    app.connect("write-started", incremental.restore_index_entries)  # Sphinx issue #12599
    app.connect("html-page-context", switcher.add_switcher_context)
    app.connect("html-page-context", description.add_description)
    app.connect("html-page-context", code.widen_page)
    app.connect("html-page-context", order.translated_index_letters)
    app.connect("html-page-context", ui.output_label)
    app.connect("html-page-context", pages.link_figures_to_full_size)
    app.connect("html-page-context", ranking.load_on_search_page)
    app.connect("html-page-context", a11y.citations_as_list_items)
    # After the theme's and other extensions' own handlers (default 500) have filled the page.
    app.connect("html-page-context", assets.drop_unused_assets, priority=900)
    app.connect("html-page-context", a11y.wrap_toctree_function, priority=900)
    app.add_js_file("language_switcher.js", loading_method="defer")
    app.add_js_file(cards.JS, loading_method="defer")

    # -- build-finished: files written once every page is known -----------------------------
    if "sphinx_sitemap" in app.config.extensions:  # before it writes sitemap.xml (500)
        app.connect("build-finished", incremental.complete_sitemap, priority=400)
    app.connect("build-finished", cards.write_cards)
    app.connect("build-finished", code.write_templates)  # gettext: comments.pot, outputs.pot
    app.connect("build-finished", figures.write_figures_template)  # gettext: figures.pot
    app.connect("build-finished", katex.copy_assets)
    app.connect("build-finished", icons.subset_icon_font)
    app.connect("build-finished", ranking.write_script)
    app.connect("build-finished", missing.report)

    from .core import languages

    language = languages.for_app(app)
    if language.particles:
        compounds = ranking.compound_table(_terms(), language)
        app.add_search_language(search_language(language, compounds))
    return {"version": __version__, "env_version": _source_version(), "parallel_read_safe": True,
            "parallel_write_safe": True}


_FORK_HANDLERS: set = set()


def _register_at_fork_once(handler) -> None:
    # A process that sets up several applications (the tests) registers each handler once.
    if handler not in _FORK_HANDLERS:
        os.register_at_fork(after_in_child=handler)
        _FORK_HANDLERS.add(handler)


def _terms():
    from .glossary.terms import load_terms

    return load_terms()
