"""Refresh the Korean translation catalogs after the English source changed.

usage: python docs/update_catalogs.py        (or: make catalogs)

1. ``sphinx-build -b gettext`` extracts every translatable message into .pot templates
   (the gallery is reused from sphinx-gallery's md5 cache, not re-executed), including
   comments.pot and outputs.pot (code comments and printed lines, docs/_ext/code_i18n.py);
   the words of every gallery figure (recorded by docs/_ext/figure_i18n.py) go into
   figures.pot;
2. ``sphinx-intl update`` merges them into docs/locale/ko/LC_MESSAGES/*.po, keeping every
   existing translation; changed sentences come back marked fuzzy and new ones empty.
Then translate what ``../shared/tools/po-stats`` (or tests/site/test_translation.py) reports.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import unicodedata
from pathlib import Path

from babel.messages.pofile import read_po, write_po

DOCS = Path(__file__).parent.resolve()
POT_DIR = DOCS / "_build" / "gettext"
sys.path.insert(0, str(DOCS / "_ext"))


# numpydoc's section titles, translated once here rather than in ~60 API catalogs.
SECTION_TITLES = {
    "Parameters": "매개변수",
    "Returns": "반환값",
    "Raises": "예외",
    "See also": "함께 보기",
    "See Also": "함께 보기",
    "Notes": "참고",
    "References": "참고 문헌",
    "Examples": "예제",
    "Attributes": "속성",
    "Methods": "메서드",
    "Functions": "함수",
    "Classes": "클래스",
    "Yields": "생성값",
    "Warns": "경고",
}

# sphinx-gallery's download buttons, on every example page: the button text is interface, the
# file names and targets are kept.
GALLERY_DOWNLOADS = {
    "Download Jupyter notebook": "Jupyter 노트북 내려받기",
    "Download Python source code": "Python 소스 코드 내려받기",
    "Download zipped": "ZIP 파일 내려받기",
}
_DOWNLOAD = re.compile(r"^:download:`(?P<label>[^:`]+): (?P<rest>[^`]+)`$")


def gallery_download(msgid: str) -> str | None:
    """The Korean of a sphinx-gallery download button, or None for any other message.

    >>> gallery_download(":download:`Download zipped: plot_x.zip <plot_x.zip>`")
    ':download:`ZIP 파일 내려받기: plot_x.zip <plot_x.zip>`'
    """
    match = _DOWNLOAD.match(msgid)
    if not match or match["label"] not in GALLERY_DOWNLOADS:
        return None
    return f":download:`{GALLERY_DOWNLOADS[match['label']]}: {match['rest']}`"


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


def prefill(locale: Path) -> int:
    """Copy code-only messages and translate numpydoc section titles and sphinx-gallery's
    download buttons; return how many."""
    filled = 0
    for po in sorted(locale.rglob("*.po")):
        with po.open("rb") as handle:
            catalog = read_po(handle)
        changed = False
        for message in catalog:
            if not message.id:
                continue
            msgid = str(message.id)
            download = gallery_download(msgid)
            if message.string and not message.fuzzy and message.string != download and (
                    download is None or message.string != msgid):
                continue
            new = (SECTION_TITLES.get(msgid) or download
                   or (msgid if is_code_only(msgid) else None))
            if new is not None:
                message.string = new
                message.flags.discard("fuzzy")
                filled += 1
                changed = True
        if changed:
            with po.open("wb") as handle:
                write_po(handle, catalog, width=0, omit_header=False)
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
        with po.open("rb") as handle:
            catalog = read_po(handle)
        changed = False
        for message in catalog:
            if message.id and message.string and message.string != message.id:
                new = escape_rest_markup(str(message.string))
                if new != message.string:
                    message.string = new
                    fixed += 1
                    changed = True
        if changed:
            with po.open("wb") as handle:
                write_po(handle, catalog, width=0, omit_header=False)
    return fixed


def write_figure_template() -> int:
    import figure_i18n  # docs/_ext

    sys.path.insert(0, str(DOCS))
    import conf

    gallery_dirs = conf.sphinx_gallery_conf["gallery_dirs"]
    return figure_i18n.write_template(DOCS, gallery_dirs, POT_DIR, conf.project, conf.release)


def main() -> int:
    env = dict(os.environ, TF_CPP_MIN_LOG_LEVEL="3", MPLBACKEND="agg")
    steps = [
        [sys.executable, "-m", "sphinx", "-b", "gettext", "-q", "-W", "--keep-going",
         "-d", str(DOCS / "_build" / "doctrees-gettext"), str(DOCS), str(POT_DIR)],
        [sys.executable, "-m", "sphinx_intl", "update", "-p", str(POT_DIR), "-l", "ko",
         "-d", str(DOCS / "locale"), "-w", "0"],
    ]
    # Start from empty templates so a page that was removed leaves no template behind.
    shutil.rmtree(POT_DIR, ignore_errors=True)
    for number, cmd in enumerate(steps):
        if number == 1:  # between extraction and merge: the figures' own template
            count = write_figure_template()
            print(f"[update_catalogs] {count} figure strings written to figures.pot")
        print("[update_catalogs]", " ".join(cmd[1:]), flush=True)
        result = subprocess.run(cmd, env=env, cwd=DOCS)
        if result.returncode != 0:
            print(f"[update_catalogs] FAILED: {' '.join(cmd[1:3])} exited {result.returncode}",
                  file=sys.stderr)
            return result.returncode
    # sphinx-intl never deletes a catalog; drop the ones whose page no longer exists.
    locale = DOCS / "locale" / "ko" / "LC_MESSAGES"
    for po in sorted(locale.rglob("*.po")):
        if po.name == "sphinx.po":  # UI strings of the theme, kept by hand (not a page)
            continue
        if not (POT_DIR / po.relative_to(locale).with_suffix(".pot")).exists():
            print(f"[update_catalogs] removing orphaned catalog {po.relative_to(DOCS)}")
            po.unlink()
            po.with_suffix(".mo").unlink(missing_ok=True)
    print(f"[update_catalogs] {prefill(locale)} code-only messages and section titles filled in")
    print(f"[update_catalogs] {fix_rest_catalogs(locale)} reST translations given escaped spaces")
    print("[update_catalogs] catalogs updated in docs/locale/ko/LC_MESSAGES")
    return 0


if __name__ == "__main__":
    sys.exit(main())
