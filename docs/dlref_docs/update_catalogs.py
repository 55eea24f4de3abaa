"""Refresh the translation catalogs after the English source changed.

usage: python -m dlref_docs catalogs        (or: make catalogs)

1. ``sphinx-build -b gettext`` extracts every translatable message into .pot templates
   (the gallery is reused from sphinx-gallery's md5 cache, not re-executed), including
   comments.pot and outputs.pot (code comments and printed lines,
   :mod:`dlref_docs.translation.code`); the words of every gallery figure (recorded by the
   scraper, :mod:`dlref_docs.gallery.scraper`) go into figures.pot;
2. ``sphinx-intl update`` merges them into docs/locale/<lang>/LC_MESSAGES/*.po, keeping every
   existing translation; changed sentences come back marked fuzzy and new ones empty;
3. messages with nothing to translate are filled in, and the entries left to translate are
   listed, with their file, for each language.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import unicodedata
from pathlib import Path

from .core import catalogs, interface, languages
from .gallery.pages import download_button

DOCS = Path(__file__).resolve().parents[1]
POT_DIR = DOCS / "_build" / "gettext"

# numpydoc's section titles, in ~60 API catalogs: translated once, in the interface catalog.
SECTION_TITLES = ("Parameters", "Returns", "Raises", "See also", "See Also", "Notes",
                  "References", "Examples", "Attributes", "Methods", "Functions", "Classes",
                  "Yields", "Warns")


# A message with no prose to translate: identifiers, types, roles and literals, or maths.
_TYPE_WORDS = {
    "int", "float", "str", "bool", "dict", "list", "tuple", "callable", "object", "None",
    "True", "False", "or", "of", "optional", "default", "array", "sequence", "iterable",
}
_ROLES_ONLY = re.compile(r"^(?:(?::[\w:]+:)?`+[^`]+`+[,\s]*)+$")
_ENGLISH_WORD = re.compile(r"\b(?:the|and|is|are|to|with|for|an|if|in|on|that|this)\b", re.I)


def _is_code_token(token: str) -> bool:
    return (token in _TYPE_WORDS or bool(re.search(r"[_.\d*\[\]()]", token))
            or bool(re.fullmatch(r"[A-Z][a-z]+(?:[A-Z][a-z0-9]*)+", token)))  # CamelCase


def is_code_only(msgid: str) -> bool:
    """True when a message holds no prose a translator could improve on."""
    text = msgid.strip()
    if not text or _ENGLISH_WORD.search(re.sub(r"`[^`]*`", "", text)):
        return False
    if _ROLES_ONLY.match(text):
        return True
    words_outside_commands = re.sub(r"\\[a-zA-Z]+", "", text)
    if "\\" in text and not re.search(r"(?<![\\a-zA-Z])[a-zA-Z]{4,}", words_outside_commands):
        return True  # LaTeX maths: commands, symbols and short variable names only
    tokens = [t for t in re.split(r"[\s,]+", text) if t]
    return all(_is_code_token(t) for t in tokens)


def prefill(locale: Path, language: str) -> int:
    """Copy code-only messages and translate numpydoc section titles and sphinx-gallery's
    download buttons (from the interface catalog); return how many."""
    def translate(msgid: str) -> str | None:
        return interface.translate(language, msgid, [DOCS / "locale"])

    filled = 0
    for po in sorted(locale.rglob("*.po")):
        catalog = catalogs.load(po)
        changed = False
        for message in catalog:
            if not message.id:
                continue
            msgid = str(message.id)
            download = download_button(msgid, translate)
            if message.string and not message.fuzzy and message.string != download and (
                    download is None or message.string != msgid):
                continue
            section = translate(msgid) if msgid in SECTION_TITLES else None
            new = section or download or (msgid if is_code_only(msgid) else None)
            if new is not None and (new != message.string or message.fuzzy):
                message.string = new
                message.flags.discard("fuzzy")
                filled += 1
                changed = True
        if changed:
            catalogs.save(po, catalog)
    return filled


# reST only recognises inline markup that is delimited by spaces or punctuation, and Korean
# particles attach directly to the word before them (``x``를).  In catalogs of reST sources
# (API docstrings, gallery pages) an escaped space "\\ " is inserted between markup and an
# adjacent letter; it renders as nothing.  MyST pages need no such care.
REST_CATALOGS = ("api/", "auto_examples/")
_INLINE_MARKUP = re.compile(
    r"``.+?``"                                     # inline literal (may hold single `)
    r"|(?::[\w:.+-]+:)?`[^`]+`(?::[\w:.+-]+:|__?)?"  # role, interpreted text, reference
    r"|\*\*[^*\s](?:[^*]*[^*\s])?\*\*"              # strong
    r"|(?<![*\w])\*[^*\s](?:[^*]*[^*\s])?\*(?![*\w])"  # emphasis
)


def _may_follow_markup(char: str) -> bool:
    # docutils' inline-markup recognition rules (end-string followed by space or these).
    return char.isspace() or char in "-.,:;!?\\/'\")]}>" or (
        unicodedata.category(char) in ("Pd", "Po", "Pe", "Pi", "Pf"))


def _may_precede_markup(char: str) -> bool:
    return char.isspace() or char in "-:/'\"<([{" or (
        unicodedata.category(char) in ("Ps", "Pi", "Pf", "Pd", "Po"))


def escape_rest_markup(text: str) -> str:
    """Insert "\\ " where reST inline markup touches a letter: ``x``를 -> ``x``\\ 를."""
    out, last = [], 0
    for match in _INLINE_MARKUP.finditer(text):
        start, end = match.span()
        out.append(text[last:start])
        before = text[start - 1] if start else " "
        after = text[end] if end < len(text) else " "
        prefix = "" if _may_precede_markup(before) else "\\ "
        suffix = "" if _may_follow_markup(after) else "\\ "
        out.append(prefix + match.group(0) + suffix)
        last = end
    out.append(text[last:])
    return "".join(out)


def fix_rest_catalogs(locale: Path) -> int:
    """Apply :func:`escape_rest_markup` to every translation of a reST-sourced catalog."""
    fixed = 0
    for po in sorted(locale.rglob("*.po")):
        rel = po.relative_to(locale)
        # api/index is MyST (docs/api/index.md): there "\\ " would show as a backslash.
        if not str(rel).startswith(REST_CATALOGS) or (DOCS / rel).with_suffix(".md").is_file():
            continue
        catalog = catalogs.load(po)
        changed = False
        for message in catalog:
            if message.id and message.string and message.string != message.id:
                new = escape_rest_markup(str(message.string))
                if new != message.string:
                    message.string = new
                    fixed += 1
                    changed = True
        if changed:
            catalogs.save(po, catalog)
    return fixed


def report(entries: list[catalogs.Entry], docs: Path = DOCS, limit: int = 40) -> str:
    """The entries still to translate, one per line with its catalog, and the next step."""
    if not entries:
        return "nothing to translate: every entry is translated and none is fuzzy"
    lines = [f"{len(entries)} entr{'y' if len(entries) == 1 else 'ies'} to translate:"]
    for entry in entries[:limit]:
        text = entry.msgid if len(entry.msgid) <= 90 else entry.msgid[:87] + "..."
        lines.append(f"  {entry.catalog.relative_to(docs.parent)}: {entry.state}: {text!r}")
    if len(entries) > limit:
        lines.append(f"  ... and {len(entries) - limit} more")
    if any(entry.state == "missing" for entry in entries):
        lines.append("next: run `make catalogs` to bring the missing ones into the catalogs")
    lines.append("next: write each translation into its msgstr and delete the '#, fuzzy' line "
                 "above it, then run `make site` (until then the pages show the English)")
    return "\n".join(lines)


def _merge(language: str, env: dict) -> int:
    """``sphinx-intl update`` for one language, printing only the catalogs it changed."""
    cmd = [sys.executable, "-m", "sphinx_intl", "update", "-p", str(POT_DIR), "-l", language,
           "-d", str(DOCS / "locale"), "-w", "0"]
    result = subprocess.run(cmd, env=env, cwd=DOCS, capture_output=True, text=True)
    changed = [line for line in result.stdout.splitlines()
               if line.strip() and not line.startswith("Not Changed")]
    for line in changed:
        print(f"[catalogs] {line}")
    if result.returncode != 0:
        print(result.stderr, file=sys.stderr)
    return result.returncode


def main() -> int:
    env = dict(os.environ, TF_CPP_MIN_LOG_LEVEL="3", MPLBACKEND="agg")
    # Start from empty templates so a page that was removed leaves no template behind.
    shutil.rmtree(POT_DIR, ignore_errors=True)
    # -E: a fresh environment, so the templates follow the toolchain's current rules too.
    extract = [sys.executable, "-m", "sphinx", "-b", "gettext", "-q", "-W", "--keep-going", "-E",
               "-d", str(DOCS / "_build" / "doctrees-gettext"), str(DOCS), str(POT_DIR)]
    print("[catalogs] extracting the messages of every page, figure, comment and output")
    if subprocess.run(extract, env=env, cwd=DOCS).returncode != 0:
        print("[catalogs] FAILED: the gettext build did not finish", file=sys.stderr)
        return 1
    for language in languages.codes(DOCS / "locale")[1:]:
        if _merge(language, env) != 0:
            print(f"[catalogs] FAILED: sphinx-intl update -l {language}", file=sys.stderr)
            return 1
        # sphinx-intl never deletes a catalog; drop the ones whose page no longer exists.
        locale = DOCS / "locale" / language / "LC_MESSAGES"
        for po in sorted(locale.rglob("*.po")):
            if po.name == "sphinx.po":  # the theme's and Sphinx's strings (not a page)
                continue
            if not (POT_DIR / po.relative_to(locale).with_suffix(".pot")).exists():
                print(f"[catalogs] removing orphaned catalog {po.relative_to(DOCS)}")
                po.unlink()
                po.with_suffix(".mo").unlink(missing_ok=True)
        filled, escaped = prefill(locale, language), fix_rest_catalogs(locale)
        print(f"[catalogs] {language}: {filled} messages with nothing to translate filled in, "
              f"{escaped} reST translations given escaped spaces")
        print(f"[catalogs] {language}: "
              + report(catalogs.to_translate(DOCS / "locale", language)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
