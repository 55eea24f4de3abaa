"""The toolchain's interface strings, in a message catalog of its own.

Everything a page shows that is not page text — the search field's placeholder, the copy
button's messages, the gallery's thumbnail labels and run times, the label of printed output,
the 404 page, names of sidebar toggles and of numpydoc's sections — is an English msgid in the
``dlref_docs`` gettext domain, translated in ``dlref_docs/locale/<lang>/LC_MESSAGES/``
(or in a project's own ``locale_dirs``, which take precedence).  Extensions write
``_("Thumbnail")``; Sphinx resolves it in the language of the build.
"""

from __future__ import annotations

from pathlib import Path

from sphinx.locale import get_translation

from . import catalogs

DOMAIN = "dlref_docs"
LOCALE = Path(__file__).resolve().parents[1] / "locale"

#: ``_("…")`` in the build's language (a lazy string: resolved when used).
_ = get_translation(DOMAIN)


def catalog_files(language: str, locale_dirs: list[Path]) -> list[Path]:
    """The interface catalogs of ``language``, the project's first."""
    candidates = [Path(d) / language / "LC_MESSAGES" / f"{DOMAIN}.po"
                  for d in (*locale_dirs, LOCALE)]
    return [path for path in candidates if path.is_file()]


def register(app) -> None:
    """Compile the build language's interface catalogs into the doctree folder (never into
    the sources) and register them with Sphinx, so that ``_`` translates."""
    language = app.config.language or "en"
    target = Path(app.doctreedir) / DOMAIN / "locale"
    project_dirs = [Path(app.srcdir, d) for d in app.config.locale_dirs]
    dirs = []
    for number, po in enumerate(catalog_files(language, project_dirs)):
        base = target / str(number)
        catalogs.compile_to(po, base / language / "LC_MESSAGES" / f"{DOMAIN}.mo")
        dirs.append(base)
    # Sphinx keeps one translator per catalog for the whole process; a process that sets up
    # applications in several languages (the tests) must not keep the first one's.
    from sphinx import locale

    locale.translators.pop(("general", DOMAIN), None)
    for base in dirs or [LOCALE]:
        # The first registration is the primary catalog, the others its fallbacks.
        app.add_message_catalog(DOMAIN, str(base))


def translate(language: str, msgid: str, locale_dirs: list[Path] = ()) -> str | None:
    """``msgid`` in ``language`` outside a Sphinx build (``make catalogs``), or None."""
    for po in catalog_files(language, list(locale_dirs)):
        found = catalogs.read(po).get(msgid)
        if found:
            return found
    return None
