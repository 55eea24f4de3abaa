"""Keep dlref's message catalogs in step with the code: extract, merge, compile, check.

Usage, from anywhere (the paths are the package's own)::

    python -m dlref._i18n_tools update     # dlref.pot from the code, merged into each dlref.po,
                                           # each dlref.mo compiled; lists what to translate
    python -m dlref._i18n_tools check      # exit status 1 while an entry needs work
    python -m dlref._i18n_tools init ja    # start the catalog of a new language

:func:`translate_rendered` translates output that dlref printed in English (fields filled in)
with the same catalogs, for pages whose examples run once, in English.

``update`` extracts every ``_("...")`` of the package (Babel's Python extractor) into
``dlref/locale/dlref.pot``, merges it into every ``dlref/locale/<lang>/LC_MESSAGES/dlref.po``
(new messages come in empty, changed ones fuzzy with the old translation as a start, removed
ones are dropped) and compiles each ``dlref.mo`` from the translated, non-fuzzy entries.  A
file whose content did not change, dates aside, is left as it is, so running it twice
changes nothing.  The ``.po`` and ``.mo`` files are both committed, as Django does: the
installed package needs no build step and no Babel.

This is a maintainer's tool: it needs Babel (installed with Sphinx, dlref's ``docs`` extra),
imported only when a command runs, and its own output stays in English.
"""

from __future__ import annotations

import argparse
import functools
import io
import re
import string
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from ._i18n import DOMAIN, LANGUAGES, LOCALE_DIR

if TYPE_CHECKING:  # pragma: no cover
    from babel.messages.catalog import Catalog

PACKAGE = Path(__file__).resolve().parent
TEMPLATE = LOCALE_DIR / f"{DOMAIN}.pot"
# Files whose strings are not dlref's messages: pytest's configuration and this tool.
NOT_EXTRACTED = ("conftest.py", "_i18n_tools.py")
KEYWORDS = {"_": None}  # _(message, **fields): the message is the first argument
# Header lines that change on every run without a change of content.
_DATE_LINE = re.compile(rb'^"(POT-Creation-Date|PO-Revision-Date): [^"]*"\n', re.MULTILINE)


def _babel():
    try:
        from babel.messages import catalog, extract, mofile, pofile
    except ImportError as exc:  # pragma: no cover - Babel comes with the docs extra
        raise SystemExit(
            "python -m dlref._i18n_tools needs Babel; install dlref's docs extra "
            '(pip install -e ".[docs]") or pip install babel.'
        ) from exc
    return catalog, extract, mofile, pofile


def po_path(language: str) -> Path:
    """Return the path of the ``.po`` catalog of ``language``."""
    return LOCALE_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.po"


def mo_path(language: str) -> Path:
    """Return the path of the compiled ``.mo`` catalog of ``language``."""
    return po_path(language).with_suffix(".mo")


def translated_languages() -> list[str]:
    """Return the languages that have a catalog (every language but the source)."""
    catalogs = LOCALE_DIR.glob(f"*/LC_MESSAGES/{DOMAIN}.po")
    return sorted(path.parent.parent.name for path in catalogs)


def field_signature(message: str) -> set[tuple[str, str, str]]:
    """Return the named fields of a format string: ``{(name, conversion, spec), ...}``.

    Raises ``ValueError`` for a string :meth:`str.format` cannot read (a lone brace).
    """
    return {
        (name, conversion or "", spec or "")
        for _, name, spec, conversion in string.Formatter().parse(message)
        if name is not None
    }


def extract() -> Catalog:
    """Return the template catalog: every message the package passes to ``_()``."""
    catalog_module, extract_module, _, _ = _babel()
    from . import __version__

    template = catalog_module.Catalog(
        project="dlref", version=__version__, copyright_holder="dlref developers",
        charset="utf-8", fuzzy=False,
        header_comment="# dlref's messages, extracted from the code by\n"
        "# python -m dlref._i18n_tools update: do not edit; translate in <lang>/LC_MESSAGES.\n"
        "# Copyright (C) YEAR dlref developers\n"
        "# This file is distributed under the same license as the dlref project.\n#",
    )
    method_map = [*((name, "ignore") for name in NOT_EXTRACTED), ("**.py", "python")]
    for filename, lineno, message, comments, context in extract_module.extract_from_dir(
        str(PACKAGE), method_map=method_map, keywords=KEYWORDS, comment_tags=("TRANSLATORS:",)
    ):
        template.add(
            message, None, [(f"dlref/{filename}", lineno)], auto_comments=comments,
            flags=["python-brace-format"] if field_signature(message) else [], context=context,
        )
    return template


def _render_po(catalog: Catalog) -> bytes:
    _, _, _, pofile = _babel()
    buffer = io.BytesIO()
    # No line numbers and no obsolete entries: the catalogs change only when a message does.
    pofile.write_po(buffer, catalog, width=100, include_lineno=False, ignore_obsolete=True)
    return buffer.getvalue()


def compile_mo(po: Path) -> bytes:
    """Return the ``.mo`` bytes of the ``.po`` file ``po`` (fuzzy entries left out)."""
    _, _, mofile, pofile = _babel()
    with open(po, "rb") as handle:
        catalog = pofile.read_po(handle)
    buffer = io.BytesIO()
    mofile.write_mo(buffer, catalog, use_fuzzy=False)
    return buffer.getvalue()


def _write_if_changed(path: Path, data: bytes) -> bool:
    if path.is_file() and _DATE_LINE.sub(b"", path.read_bytes()) == _DATE_LINE.sub(b"", data):
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return True


def _read_po(path: Path, language: str) -> Catalog:
    catalog_module, _, _, pofile = _babel()
    if not path.is_file():
        from . import __version__

        return catalog_module.Catalog(
            locale=language, project="dlref", version=__version__,
            copyright_holder="dlref developers", last_translator="dlref developers",
            charset="utf-8", fuzzy=False,
        )
    with open(path, "rb") as handle:
        return pofile.read_po(handle, locale=language)


def problems(language: str, template: Catalog | None = None) -> list[str]:
    """Return one line per entry of ``language``'s catalog that needs a translator.

    Missing from the catalog, untranslated, fuzzy, or with other named fields than the
    English message; each line gives the file and line, the message and what to do.
    """
    template = extract() if template is None else template
    path = po_path(language)
    catalog = _read_po(path, language)
    where = path.relative_to(PACKAGE.parent)
    found = []
    for message in template:
        if not message.id:
            continue
        entry = catalog.get(message.id, message.context)
        origin = ", ".join(f"{file}" for file, _ in message.locations)
        if entry is None:
            found.append(f"{where}: missing {message.id!r} (from {origin}); run "
                         "python -m dlref._i18n_tools update, then translate it")
        elif not entry.string:
            found.append(f"{where}:{entry.lineno}: untranslated {message.id!r}; translate it")
        elif entry.fuzzy:
            found.append(f"{where}:{entry.lineno}: fuzzy {message.id!r}; check the "
                         "translation and remove the fuzzy flag")
        else:
            try:
                same = field_signature(entry.string) == field_signature(message.id)
            except ValueError:
                same = False
            if not same:
                found.append(f"{where}:{entry.lineno}: {message.id!r} has the fields "
                             f"{sorted(field_signature(message.id))}, its translation "
                             f"{entry.string!r} others; use the same named fields")
    return found


def update() -> list[str]:
    """Extract, merge into every language, compile; return what is left to translate."""
    template = extract()
    changed = [TEMPLATE] if _write_if_changed(TEMPLATE, _render_po(template)) else []
    todo = []
    for language in translated_languages():
        catalog = _read_po(po_path(language), language)
        catalog.update(template, update_creation_date=True)
        if _write_if_changed(po_path(language), _render_po(catalog)):
            changed.append(po_path(language))
        if _write_if_changed(mo_path(language), compile_mo(po_path(language))):
            changed.append(mo_path(language))
        todo += problems(language, template)
    count = sum(1 for message in template if message.id)
    print(f"{count} messages in {TEMPLATE.relative_to(PACKAGE.parent)}; "
          f"languages {', '.join([LANGUAGES[0] + ' (source)', *translated_languages()])}")
    for path in changed:
        print(f"  wrote {path.relative_to(PACKAGE.parent)}")
    return todo


def init(language: str) -> Path:
    """Start the catalog of a new ``language`` from the template; return its path."""
    path = po_path(language)
    if path.is_file():
        raise SystemExit(f"{path} exists already; run python -m dlref._i18n_tools update")
    catalog = _read_po(path, language)
    catalog.update(extract())
    _write_if_changed(path, _render_po(catalog))
    return path


@functools.cache
def _rendered_patterns(language: str) -> list[tuple[re.Pattern[str], str]]:
    """Each translated message as a regex of its English rendering, longest message first."""
    patterns = []
    for message in _read_po(po_path(language), language):
        if not message.id or not message.string or message.fuzzy:
            continue
        regex, seen = [], set()
        for literal, name, _spec, _conversion in string.Formatter().parse(message.id):
            regex.append(re.escape(literal))
            if name is not None:
                regex.append(f"(?P={name})" if name in seen else f"(?P<{name}>.+?)")
                seen.add(name)
        patterns.append((re.compile("".join(regex) + r"(?: (?P<_rest>.+))?", re.DOTALL),
                         message.string))
    return sorted(patterns, key=lambda item: -len(item[0].pattern))


def translate_rendered(text: str, language: str = "ko") -> str | None:
    """Translate a message dlref rendered in English, its fields filled in, into ``language``.

    For output captured once in English (a gallery example run for the English site) and
    shown on a page in another language: the result equals what dlref prints when it runs in
    that language.  ``text`` may be several messages joined by spaces, as an error and its
    "Did you mean" sentence are.  Returns None if ``text`` is not made of dlref's messages.
    """
    text = " ".join(text.split())
    for pattern, translation in _rendered_patterns(language):
        match = pattern.fullmatch(text)
        if match is None:
            continue
        rest = match.group("_rest")
        tail = "" if rest is None else translate_rendered(rest, language)
        if tail is None:
            continue
        fields = match.groupdict()
        # The values are pasted as the English rendering shows them: the same fields with the
        # same conversions and specs render the same way in every language.
        parts = []
        for literal, name, _spec, _conversion in string.Formatter().parse(translation):
            parts.append(literal)
            if name is not None:
                parts.append(fields[name])
        return "".join(parts) + (" " + tail if tail else "")
    return None


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    parser = argparse.ArgumentParser(prog="python -m dlref._i18n_tools", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("update", help="extract, merge and compile; list what to translate")
    commands.add_parser("check", help="exit 1 while an entry is missing, empty or fuzzy")
    start = commands.add_parser("init", help="start the catalog of a new language")
    start.add_argument("language", help="a language code, e.g. ja")
    args = parser.parse_args(argv)
    if args.command == "init":
        print(f"wrote {init(args.language)}; translate it, then run update")
        return 0
    todo = update() if args.command == "update" else [
        line for language in translated_languages() for line in problems(language)]
    for line in todo:
        print(line)
    if todo:
        print(f"{len(todo)} entries to translate (terms: docs/terms.csv); then run "
              "python -m dlref._i18n_tools update")
    return 1 if todo and args.command == "check" else 0


if __name__ == "__main__":
    sys.exit(main())
