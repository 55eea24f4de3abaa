"""Code comments and printed output in the reader's language; the code stays byte-identical.

Two catalogs next to the page catalogs, each message one line with ``{0}``… in place of its
numbers (the same rule as the figures, :mod:`dlref_docs.core.holes`):

* ``comments.po``: the text of every ``#`` comment in a Python, pycon or shell code block
  (gallery code cells, concept pages, doctests, the commands on the landing page).  Only
  comment tokens (found by Pygments, the lexer that highlights the block) are replaced, so
  the code around them cannot change.
* ``outputs.po``: every line a gallery example prints (sphinx-gallery's
  ``sphx-glr-script-out`` blocks).  The numbers of the Korean line are the printed ones.
  Rows of a printed table are padded again by display width (:func:`realign`): a Hangul
  syllable takes two monospace cells.

The gettext builder writes ``comments.pot`` and ``outputs.pot`` (``make catalogs`` merges
them like any other template); the Korean build translates the blocks and warns (an
error under ``-W``) about a line or comment without a translation, naming page and text.
"""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path

from babel.messages.catalog import Catalog
from docutils import nodes
from pygments.lexers import BashLexer, BashSessionLexer, PythonConsoleLexer, PythonLexer
from pygments.token import Comment
from sphinx.util import logging
from wcwidth import wcswidth

from ..core import catalogs, holes, languages
from ..core.state import PerPageCollector

logger = logging.getLogger(__name__)

COMMENTS, OUTPUTS = "comments", "outputs"
PYTHON = {"python", "python3", "py", "default", "pycon", "ipython", ""}
SHELL = {"bash", "sh", "shell", "console", "shell-session"}  # the README commands on index
OUTPUT_CLASS = "sphx-glr-script-out"
# Comments that are instructions to tools, not prose for the reader.
_TOOL_COMMENT = re.compile(r"^#\s*(?:noqa|fmt:|type:|doctest:|pragma|sphinx_gallery_|%%)",
                           re.IGNORECASE)


def _is_output(node: nodes.literal_block) -> bool:
    return any(OUTPUT_CLASS in n.get("classes", []) for n in (node, node.parent) if n)


def _has_comments(node: nodes.literal_block) -> bool:
    language = (node.get("language") or "").lower()
    return language in PYTHON | SHELL and not _is_output(node)


def _lexer(language: str):
    language = language.lower()
    if language in ("pycon", "ipython"):
        return PythonConsoleLexer()
    if language in ("console", "shell-session"):
        return BashSessionLexer()
    return BashLexer() if language in SHELL else PythonLexer()


def comment_spans(code: str, language: str) -> list[tuple[int, int, str]]:
    """``(start, end, message)`` of each prose comment in ``code`` (``message`` without ``#``).

    >>> comment_spans("x = 1  # hidden layer 2", "python")
    [(7, 23, 'hidden layer {0}')]
    """
    lexer = _lexer(language)
    spans = []
    for start, token, text in lexer.get_tokens_unprocessed(code):
        if token in Comment and text.startswith("#") and not _TOOL_COMMENT.match(text):
            message, _ = holes.template(text[1:].strip())
            if holes.is_words(message):
                spans.append((start, start + len(text.rstrip()), message))
    return spans


def output_messages(text: str) -> list[str]:
    """The translatable lines of printed output (leading spaces are layout, not message)."""
    found = []
    for line in text.splitlines():
        message, _ = holes.template(line.strip())
        if holes.is_words(message):
            found.append(message)
    return found


def translate_comments(code: str, language: str, catalog: dict[str, str],
                       missing: list[str]) -> str:
    out, last = [], 0
    for start, end, message in comment_spans(code, language):
        original = code[start:end]
        _, numbers = holes.template(original[1:].strip())
        if message not in catalog:
            missing.append(message)
            continue
        out.append(code[last:start])
        out.append("# " + holes.fill(catalog[message], numbers))
        last = end
    out.append(code[last:])
    return "".join(out)


def _cells(line: str) -> tuple[list[re.Match], list[re.Match]]:
    """A table row split into its label words and its cells: the cells are the tokens at the
    end of the line that hold a number (or are ``±``), the label is what comes before."""
    tokens = list(re.finditer(r"\S+", line))
    first = len(tokens)
    while first and (re.search(r"\d", tokens[first - 1].group())
                     or tokens[first - 1].group() == "±"):
        first -= 1
    return tokens[:first], tokens[first:]


def _label_columns(line: str, label: list[re.Match]) -> list[tuple[int, int]]:
    """``(start, end)`` of the label's text columns (separated by two spaces or more)."""
    if not label:
        return []
    text = line[label[0].start():label[-1].end()]
    return [(label[0].start() + m.start(), label[0].start() + m.end())
            for m in re.finditer(r"\S+(?: \S+)*", text)]


def right_aligned_labels(english_lines: list[str]) -> bool:
    """Whether the rows' labels are right-aligned (``f"{name:>16s}"``): they end in one
    column and start in several."""
    spans = [(label[0].start(), label[-1].end())
             for line, (label, cells) in zip(english_lines, map(_cells, english_lines), strict=True)
             if label and cells and "  " in line[max(cells[0].start() - 2, 0):].rstrip()]
    return len(spans) > 1 and len({e for _, e in spans}) == 1 and len({s for s, _ in spans}) > 1


def realign(english: str, translated: str, label_right: bool = False) -> str:
    """Put the columns of a translated table row where the English row has them.

    A Hangul syllable takes two cells of a monospace font, so padding computed by
    ``f"{name:>16s}"`` for the English label is wrong for the Korean one.  A row is a label
    followed by cells that hold numbers.  When the translated row has as many cells as the
    English one and the English row is padded (two spaces or more), its pieces are placed
    by display width: the label right-aligned (``label_right``) or where the English one
    starts, further text columns where theirs start, a cell padded on its left right-aligned
    to the English cell's end, other cells one space after the piece before.  Anything else
    (prose, headers, rows whose cells differ) stays as translated.

    >>> print(realign("   class weights  0.907", "   클래스 가중치  0.907", label_right=True))
      클래스 가중치  0.907
    """
    en_label, en_cells = _cells(english)
    ko_label, ko_cells = _cells(translated)
    if (not en_cells or len(en_cells) != len(ko_cells) or bool(en_label) != bool(ko_label)
            or "  " not in english[max(en_cells[0].start() - 2, 0):].rstrip()):
        return translated
    en_columns = _label_columns(english, en_label)
    ko_columns = [translated[a:b] for a, b in _label_columns(translated, ko_label)]
    if len(en_columns) != len(ko_columns):
        en_columns = [(en_columns[0][0], en_columns[-1][1])] if en_columns else []
        ko_columns = [" ".join(m.group() for m in ko_label)] if ko_label else []
    out, col = "", 0

    def place(text: str, at: int) -> None:
        nonlocal out, col
        at = max(at, col + (1 if out else 0))
        out += " " * (at - col) + text
        col = at + wcswidth(text)

    for i, (text, (start, end)) in enumerate(zip(ko_columns, en_columns, strict=True)):
        if i == 0 and label_right:
            place(text, wcswidth(english[:end]) - wcswidth(text))
        else:
            place(text, wcswidth(english[:start]))
    for ko, en in zip(ko_cells, en_cells, strict=True):
        padded_left = en.start() >= 2 and english[en.start() - 2:en.start()] == "  "
        if padded_left:
            place(ko.group(), wcswidth(english[:en.end()]) - wcswidth(ko.group()))
        else:  # where the English one starts when it opens the line, else after the last
            place(ko.group(), 0 if out else wcswidth(english[:en.start()]))
    return out


# Printed output in the page HTML: a gallery example's output block, and the output lines of
# a highlighted doctest (Pygments' "go" spans).
_OUTPUT_PRE = re.compile(r'(<div class="sphx-glr-script-out[^"]*">\s*<div class="highlight"><pre>)'
                         r"(.*?)(</pre>)", re.DOTALL)
_DOCTEST_OUTPUT = re.compile(r'(<span class="go">)([^<]*)(</span>)')


def widen_wide_runs(html: str, wide_run: re.Pattern[str]) -> str:
    """Give each word of printed output that holds wide characters its exact width in cells.

    :func:`realign` pads by display width (a Hangul syllable is two cells), which is right in
    a terminal, but most fonts a browser falls back to for Hangul inside monospace text draw
    it narrower than two Latin cells (Noto Sans Mono CJK: 0.92 em against 2 x 0.5 em), so
    columns would drift by a little per syllable.  Each space-separated word holding wide
    characters becomes an inline block exactly as many ``ch`` wide as it takes cells, so the
    columns line up in any font; the word's punctuation stays inside its block, attached to
    it (a block per run of Hangul left "훈련 :" with a gap), and the slack the font leaves
    falls at the word's end, before a space.  The text itself is unchanged, for copying and
    for screen readers.

    >>> from dlref_docs.core import languages
    >>> html = widen_wide_runs('<div class="sphx-glr-script-out"><div class="highlight">'
    ...                        '<pre>기본:  1</pre>', languages.get("ko").wide_run)
    >>> html[html.index("<pre>"):]
    '<pre><span class="dlref-wide" style="width:5ch">기본:</span>  1</pre>'
    """
    word = re.compile(rf"[^\s<>]*(?:{wide_run.pattern})[^\s<>]*")

    def widen_text(text: str) -> str:
        return word.sub(
            lambda match: f'<span class="dlref-wide" '
                          f'style="width:{wcswidth(unescape(match.group()))}ch">'
                          f"{match.group()}</span>", text)

    def widen(block: re.Match) -> str:
        body = block.group(2)
        if "<" in body:  # tags inside: only the doctest output spans are plain text
            return block.group(1) + body + block.group(3)
        return block.group(1) + widen_text(body) + block.group(3)

    html = _OUTPUT_PRE.sub(widen, html)
    return _DOCTEST_OUTPUT.sub(widen, html)


def widen_page(app, pagename, templatename, context, doctree) -> None:
    wide_run = languages.for_app(app).wide_run
    if wide_run is not None and "body" in context:
        context["body"] = widen_wide_runs(context["body"], wide_run)


def translate_output(text: str, catalog: dict[str, str], missing: list[str]) -> str:
    lines = []
    label_right = right_aligned_labels(text.split("\n"))
    for line in text.split("\n"):
        stripped = line.strip()
        message, numbers = holes.template(stripped)
        if not holes.is_words(message):
            lines.append(line)
        elif message not in catalog:
            missing.append(message)
            lines.append(line)
        else:
            indent = line[: len(line) - len(line.lstrip())]
            translated = indent + holes.fill(catalog[message], numbers)
            lines.append(realign(line, translated, label_right))
    return "\n".join(lines)


def _catalog_path(app, name: str) -> Path:
    return catalogs.page_catalog(app.srcdir, app.config.language, name)


def translate_blocks(app, doctree) -> None:
    """Korean build: translate comments and output lines of every literal block."""
    if languages.for_app(app).is_source or app.builder.name == "gettext":
        return
    # A catalog that does not parse stops the build (CatalogError names file and line).
    comments = catalogs.read(_catalog_path(app, COMMENTS)).strings
    outputs = catalogs.read(_catalog_path(app, OUTPUTS)).strings
    for node in list(doctree.findall(nodes.literal_block)):
        missing: list[str] = []
        text = node.astext()
        if _is_output(node):
            new, kind = translate_output(text, outputs, missing), OUTPUTS
        elif _has_comments(node):
            new, kind = translate_comments(text, node.get("language") or "", comments,
                                           missing), COMMENTS
        else:
            continue
        app.env.note_dependency(str(_catalog_path(app, kind)))  # re-read when it changes
        for message in dict.fromkeys(missing):
            logger.warning("no %r translation in %s.po of %r (run `make catalogs`)",
                           app.config.language, kind, message, location=node,
                           type="code_i18n", subtype=kind)
        if new != text:
            # rawsource must equal the text, or Sphinx treats the block as parsed-literal
            # and does not highlight it.
            node.rawsource = new
            node.children = [nodes.Text(new)]


class CodeMessages(PerPageCollector):
    """gettext builder: each page's comments and output lines (kept in the environment, so
    an incremental gettext build still writes complete templates)."""

    name = "dlref_code_messages"

    def collect(self, app, doctree) -> dict[str, list[str]] | None:
        if app.builder.name != "gettext":
            return None
        found: dict[str, list[str]] = {COMMENTS: [], OUTPUTS: []}
        for node in doctree.findall(nodes.literal_block):
            if _is_output(node):
                found[OUTPUTS].extend(output_messages(node.astext()))
            elif _has_comments(node):
                found[COMMENTS].extend(
                    m for _, _, m in comment_spans(node.astext(), node.get("language") or ""))
        return found


def write_templates(app, exception) -> None:
    if exception is not None or app.builder.name != "gettext":
        return
    pages = CodeMessages.data(app.env)
    for kind in (COMMENTS, OUTPUTS):
        template = Catalog(project=app.config.project, version=app.config.version,
                           fuzzy=False)
        for docname in sorted(pages):
            for message in pages[docname][kind]:
                entry = template.get(message)
                if entry is None:
                    template.add(message, auto_comments=[docname])
                elif docname not in entry.auto_comments:
                    entry.auto_comments.append(docname)
        catalogs.save(Path(app.outdir) / f"{kind}.pot", template)
