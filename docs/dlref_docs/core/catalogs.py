"""Message catalogs (``.po``): the one reader of the toolchain, with one rule for fuzzy entries.

The rule: a translation is used only when it is non-empty and not marked fuzzy.  A fuzzy entry
is a translation of an older English sentence (``make catalogs`` marks it when the English
changed), so the site shows the English instead, and the entry is reported as one to
translate, exactly like an empty one.

Page catalogs are ``docs/locale/<lang>/LC_MESSAGES/<docname>.po`` (one per document), next to
``figures.po``, ``comments.po`` and ``outputs.po`` (the strings of figures, code comments and
printed output); the toolchain's own interface strings are ``dlref_docs.po``
(:mod:`dlref_docs.core.interface`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import PoFileError, read_po, write_po


class CatalogError(ValueError):
    """A catalog that does not parse, named with its file and line."""


@dataclass(frozen=True)
class Messages:
    """The entries of one catalog, sorted by the fuzzy rule."""

    path: Path
    #: msgid -> the translation to use (a tuple of forms for a plural message).
    strings: dict[str, str | tuple[str, ...]]
    #: msgids whose translation is marked fuzzy (not used).
    fuzzy: frozenset[str]
    #: msgids with no translation.
    untranslated: frozenset[str]

    def get(self, msgid: str, default: str | None = None):
        return self.strings.get(msgid, default)

    def __contains__(self, msgid: str) -> bool:
        return msgid in self.strings

    @property
    def to_translate(self) -> list[str]:
        """The entries a translator still has to do (fuzzy or empty), in file order."""
        return [m for m in self._order if m in self.fuzzy or m in self.untranslated]

    _order: tuple[str, ...] = ()


_CACHE: dict[tuple[str, int, int], Messages] = {}


def read(path: Path) -> Messages:
    """Read a catalog (cached while the file is unchanged); a missing file is empty.

    Raises :class:`CatalogError` naming the file and line when it does not parse, when a
    line is not a catalog line (babel would keep a truncated message), or when an msgid
    appears twice (babel would silently keep the first).
    """
    path = Path(path)
    if not path.is_file():
        return Messages(path, {}, frozenset(), frozenset())
    stat = path.stat()
    key = (str(path), stat.st_mtime_ns, stat.st_size)
    if key not in _CACHE:
        _CACHE[key] = _read(path)
    return _CACHE[key]


def _read(path: Path) -> Messages:
    catalog = load(path)
    strings: dict[str, str | tuple[str, ...]] = {}
    fuzzy, untranslated, order = set(), set(), []
    for message in catalog:
        msgid = message.id[0] if isinstance(message.id, tuple) else message.id
        if not msgid:
            continue  # the header
        order.append(msgid)
        forms = message.string if isinstance(message.string, tuple) else (message.string,)
        if not any(forms):
            untranslated.add(msgid)
        elif message.fuzzy:
            fuzzy.add(msgid)
        else:
            strings[msgid] = tuple(forms) if isinstance(message.string, tuple) else forms[0]
    return Messages(path, strings, frozenset(fuzzy), frozenset(untranslated), tuple(order))


_PO_LINE = re.compile(r'^(?:#.*|\s*|(?:msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?)\s+)?'
                      r'(?:"(?:[^"\\]|\\.)*")?\s*$')


def _check_lines(text: str) -> None:
    # babel's reader silently accepts an unterminated string ("epoch\n) and keeps a
    # truncated message, and keeps the first of two entries with one msgid; both are errors.
    seen: set[str] = set()
    for number, line in enumerate(text.splitlines(), start=1):
        if not _PO_LINE.match(line):
            raise CatalogError(f"line {number} is not a well-formed catalog line: {line!r}")
        if line.startswith("msgid "):
            if line in seen and line != 'msgid ""':
                raise CatalogError(f"line {number} repeats {line}")
            seen.add(line)


def load(path: Path, locale: str | None = None) -> Catalog:
    """The babel :class:`~babel.messages.catalog.Catalog` of ``path``, for code that edits it."""
    try:
        _check_lines(Path(path).read_text(encoding="utf-8"))
        with Path(path).open("rb") as handle:
            return read_po(handle, locale=locale, abort_invalid=True)
    except (PoFileError, UnicodeDecodeError, ValueError) as exc:
        raise CatalogError(f"the catalog {path} does not parse: {exc}") from exc


def save(path: Path, catalog: Catalog) -> None:
    """Write ``catalog`` as ``make catalogs`` does (no line wrapping, header kept)."""
    with Path(path).open("wb") as handle:
        write_po(handle, catalog, width=0, omit_header=False)


def compile_to(po_path: Path, mo_path: Path) -> None:
    """Compile a catalog to ``mo_path`` (fuzzy entries left out, by the rule above)."""
    catalog = load(po_path)
    mo_path.parent.mkdir(parents=True, exist_ok=True)
    with mo_path.open("wb") as handle:
        write_mo(handle, catalog, use_fuzzy=False)


def page_catalog(srcdir: Path, language: str, domain: str) -> Path:
    """``<srcdir>/locale/<language>/LC_MESSAGES/<domain>.po``."""
    return Path(srcdir) / "locale" / language / "LC_MESSAGES" / f"{domain}.po"


@dataclass(frozen=True)
class Entry:
    """A message still to translate."""

    catalog: Path
    msgid: str
    state: str  # "fuzzy" or "untranslated"


def to_translate(locale_dir: Path, language: str) -> list[Entry]:
    """Every fuzzy or untranslated entry of the ``language`` catalogs under ``locale_dir``."""
    entries = []
    for po in sorted((Path(locale_dir) / language / "LC_MESSAGES").rglob("*.po")):
        messages = read(po)
        for msgid in messages.to_translate:
            state = "fuzzy" if msgid in messages.fuzzy else "untranslated"
            entries.append(Entry(po, msgid, state))
    return entries
