"""The Korean term sheet (docs/terms.csv): one Korean term per concept, read by every consumer.

Columns of ``docs/terms.csv``:

``en``
    The English term (for glossary terms: the glossary headword, exactly).
``ko``
    The one Korean term the site uses.
``banned``
    Variants a catalog msgstr must not use (``;``-separated).  A banned variant matches only at
    the start of a word, so ``파라미터`` bans 파라미터를 but not 하이퍼파라미터.
``search``
    Variants allowed for search only (``;``-separated): transliterations, older or looser terms
    readers type (과적합, 렐루, 아담).  Banned variants are searchable as well.
``glossary``
    ``yes`` for a term of the glossary page.
``note``
    For translators: where the term is (not) used.

Consumers: tests/toolchain/test_term_sheet.py (banned variants in the catalogs, sheet
integrity), :mod:`dlref_docs.search.ranking` (the synonyms and compounds of the search),
:mod:`dlref_docs.glossary.cards` (the cards).  Run ``python -m dlref_docs.glossary.terms``
to count each concept's variants in the catalogs.
"""

from __future__ import annotations

import csv
import functools
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from ..core.catalogs import read as read_catalog

DOCS = Path(__file__).resolve().parents[2]
TERM_SHEET = DOCS / "terms.csv"
CATALOGS = DOCS / "locale" / "ko" / "LC_MESSAGES"
COLUMNS = ("en", "ko", "banned", "search", "glossary", "note")


@dataclass(frozen=True)
class Term:
    en: str
    ko: str
    banned: tuple[str, ...]
    search: tuple[str, ...]
    glossary: bool
    note: str
    line: int


def _split(cell: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in cell.split(";") if part.strip())


def load_terms(path: Path = TERM_SHEET) -> list[Term]:
    """Read and check the term sheet (read once while the file is unchanged).

    Raises ``ValueError`` naming the line for a missing column, an empty or duplicate Korean
    or English term, or a banned variant equal to the term itself.
    """
    path = Path(path)
    return list(_load(path, path.stat().st_mtime_ns))


@functools.cache
def _load(path: Path, mtime_ns: int) -> tuple[Term, ...]:
    with open(path, encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        if tuple(reader.fieldnames or ()) != COLUMNS:
            raise ValueError(f"{path}: the header must be {','.join(COLUMNS)}, "
                             f"got {','.join(reader.fieldnames or ())}")
        terms: list[Term] = []
        seen_ko: dict[str, int] = {}
        seen_en: dict[str, int] = {}
        for row in reader:
            line = reader.line_num
            en, ko = (row["en"] or "").strip(), (row["ko"] or "").strip()
            if not ko:
                raise ValueError(f"{path}:{line}: the Korean term of {en!r} is empty")
            if not en:
                raise ValueError(f"{path}:{line}: the English term of {ko!r} is empty")
            if ko in seen_ko:
                raise ValueError(f"{path}:{line}: the Korean term {ko!r} of {en!r} is already "
                                 f"used on line {seen_ko[ko]}; one Korean term per concept")
            if en.lower() in seen_en:
                raise ValueError(f"{path}:{line}: the English term {en!r} is already on line "
                                 f"{seen_en[en.lower()]}")
            banned = _split(row["banned"] or "")
            if ko in banned:
                raise ValueError(f"{path}:{line}: {ko!r} is both the term and a banned variant")
            seen_ko[ko], seen_en[en.lower()] = line, line
            terms.append(Term(en, ko, banned, _split(row["search"] or ""),
                              (row["glossary"] or "").strip() == "yes",
                              (row["note"] or "").strip(), line))
    return tuple(terms)


def banned_pattern(variant: str) -> re.Pattern[str]:
    """A banned variant at the start of a word (not inside 하이퍼파라미터)."""
    return re.compile(r"(?<![\w])" + re.escape(variant))


def banned_hits(text: str, terms: list[Term]) -> list[tuple[str, Term]]:
    """The banned variants in ``text``, each with the term to use instead."""
    return [(variant, term) for term in terms for variant in term.banned
            if banned_pattern(variant).search(text)]


def synonyms(terms: list[Term]) -> dict[str, list[str]]:
    """Search synonym table: a variant (lower case) -> the words of the site's terms.

    The Korean term, the English term and every search or banned variant of a concept all
    lead to the Korean term and the English term, so a query for either finds the page.
    """
    table: dict[str, list[str]] = {}
    for term in terms:
        targets = list(dict.fromkeys([term.ko, term.en]))
        for variant in (term.ko, term.en, *term.search, *term.banned):
            key = variant.lower()
            merged = table.setdefault(key, [])
            for target in targets:
                if target.lower() != key and target not in merged:
                    merged.append(target)
    return {key: value for key, value in table.items() if value}


def count_variants(terms: list[Term], catalogs: Path = CATALOGS) -> dict[str, dict[str, int]]:
    """Occurrences in all msgstr of each concept's Korean term and of its banned variants."""
    texts = [text for po in sorted(catalogs.rglob("*.po"))
             for text in read_catalog(po).strings.values() if isinstance(text, str)]
    counts: dict[str, dict[str, int]] = {}
    for term in terms:
        if not term.banned:
            continue
        row = {term.ko: sum(len(re.findall(re.escape(term.ko), t)) for t in texts)}
        for variant in term.banned:
            row[variant] = sum(len(banned_pattern(variant).findall(t)) for t in texts)
        counts[term.en] = row
    return counts


if __name__ == "__main__":
    for concept, row in count_variants(load_terms()).items():
        print(f"{concept:28s} " + "  ".join(f"{word} {n}" for word, n in row.items()))
    sys.exit(0)
