"""Which English messages have no usable translation yet: the catalogs against the sources.

``python -m dlref_docs check`` (and the fast test tier) extracts the messages of the current
English sources with Sphinx's gettext builder — in a copy of the sources, with the gallery's
examples not executed, so it takes seconds and leaves the working tree alone — and lists
every message that a language's catalogs lack, or hold empty or fuzzy.  The printed output of
examples and the words of their figures need the examples to run, so they are left to the
full build (which fails naming them) and to ``make catalogs``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from .core import catalogs, languages

DOCS = Path(__file__).resolve().parents[1]
#: Templates that need the examples to have run: checked by the full build instead.
NEEDS_EXECUTION = ("outputs.pot", "figures.pot")


def extract(docs: Path, out: Path) -> None:
    """The gettext templates of ``docs`` (and the gallery beside it), examples not run."""
    work = out / "sources"
    shutil.copytree(docs, work / docs.name, ignore=shutil.ignore_patterns(
        "_build", "auto_examples", "generated", "*.mo", "dlref_docs", "*.egg-info"))
    gallery = docs.parent / "gallery"
    if gallery.is_dir():
        shutil.copytree(gallery, work / "gallery")
    cmd = [sys.executable, "-m", "sphinx", "-b", "gettext", "-q", "-D", "plot_gallery=0",
           "-d", str(out / "doctrees"), str(work / docs.name), str(out / "pot")]
    env = dict(os.environ, TF_CPP_MIN_LOG_LEVEL="3", MPLBACKEND="agg")
    result = subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=work)
    if result.returncode != 0:
        raise RuntimeError(f"the gettext build failed:\n{result.stdout}\n{result.stderr}")


def missing_translations(docs: Path = DOCS, language: str | None = None) -> list[catalogs.Entry]:
    """Every message of the English sources without a usable ``language`` translation."""
    entries = []
    with tempfile.TemporaryDirectory(prefix="dlref-check-") as tmp:
        extract(docs, Path(tmp))
        pot_dir = Path(tmp) / "pot"
        for code in [language] if language else languages.translations(docs / "locale"):
            locale = docs / "locale" / code / "LC_MESSAGES"
            for pot in sorted(pot_dir.rglob("*.pot")):
                if pot.name in NEEDS_EXECUTION:
                    continue
                po = locale / pot.relative_to(pot_dir).with_suffix(".po")
                messages = catalogs.read(po)
                for msgid in catalogs.read(pot).untranslated:
                    if msgid in messages:
                        continue
                    state = "fuzzy" if msgid in messages.fuzzy else (
                        "untranslated" if msgid in messages.untranslated else "missing")
                    entries.append(catalogs.Entry(po, msgid, state))
    return entries


#: Catalogs whose messages have number holes ``{0}``… that a translation must keep.
HOLED = ("figures", "comments", "outputs")


def broken_holes(docs: Path = DOCS) -> list[str]:
    """Translations of figure, comment and output lines that lose or invent a number hole
    (the translated build would fail on them, or print another number)."""
    from .core.holes import hole_problem

    problems = []
    for language in languages.translations(docs / "locale"):
        for name in HOLED:
            po = catalogs.page_catalog(docs, language, name)
            for msgid, msgstr in catalogs.read(po).strings.items():
                problem = hole_problem(msgid, msgstr)
                if problem:
                    problems.append(f"{po.relative_to(docs.parent)}: {problem}")
    return problems


def main() -> int:
    from .update_catalogs import report

    entries = missing_translations()
    print("[check] " + report(entries, DOCS))
    holes = broken_holes()
    for problem in holes:
        print(f"[check] {problem}")
    return 1 if entries or holes else 0
