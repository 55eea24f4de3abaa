"""Printed output in the reader's language: the numbers are the printed ones, the words translated.

Output is translated line by line from ``outputs.po`` (one message per line, numbers written
``{0}``, ``{1}`` … as in :mod:`dlref_docs.core.holes`), except what dlref itself printed: its
messages come from dlref's own Korean catalog (``dlref._i18n_tools.translate_rendered``), so
the site says exactly what the package says in Korean, and they need no ``outputs.po`` entry.
A message may be wrapped over several lines (doctest output is); it is found over up to
:data:`MAX_WRAPPED` lines and written back wrapped to the width the English took.

Two kinds of blocks: a gallery example's output, every line of which is the example's own
printing; and the output lines of a doctest (``>>>`` blocks on the concept pages), where a
line that is a Python value (``array([0.5, 1.])``, ``True``, ``'mean_absolute_error'``) or a
library's traceback is code and stays as it is.

Rows of a printed table are padded again by display width (:func:`realign`): a Hangul
syllable takes two monospace cells.  In the page HTML, :func:`widen_wide_runs` keeps those
columns aligned in fonts that draw Hangul narrower.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from html import unescape

from wcwidth import wcswidth

from ..core import holes

#: How many lines one of dlref's messages may be wrapped over in printed output.
MAX_WRAPPED = 6
#: Translates a message dlref printed in English (fields filled in), or returns None.
Rendered = Callable[[str], "str | None"]

# A doctest output line that is a Python value or a traceback, not prose.
_CODE_LINE = re.compile(
    r"""^\s*(?:[\[({'"<]|array\(|(?:True|False|None)\b|[\w.]+\(.*\)\s*$"""
    r"|Traceback \(most recent call last\):|\.\.\.$|\w+(?:Error|Exception|Warning):)")


def is_code_line(line: str) -> bool:
    """Whether a doctest output line is a Python value or a traceback rather than prose.

    >>> [is_code_line(s) for s in ("array([0.5])", "True", "'mse'", "loss = 0.32",
    ...                            "ValueError: Only one of `clipnorm` ...")]
    [True, True, True, False, True]
    """
    return bool(_CODE_LINE.match(line))


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


def _columns(line: str) -> list[re.Match]:
    """The columns of a line: runs of text separated by two spaces or more."""
    return list(re.finditer(r"\S+(?: \S+)*", line))


def realign_header(english: str, translated: str, row: str) -> str:
    """Put the column titles of a translated table header over the English row's columns.

    ``row`` is the English row under the header.  A title whose English ends where a cell of
    ``row`` ends is right-aligned to that end (numbers are), the others start where the
    English one starts; at least two spaces stay between titles.  A header whose translation
    has another number of columns stays as translated.

    >>> realign_header("  train acc  val acc", "훈련 정확도  검증 정확도", "      0.998    0.912")
    '훈련 정확도  검증 정확도'
    >>> realign_header("dropout    train acc", "드롭아웃  훈련 정확도", "    0.0      1.000")
    '드롭아웃   훈련 정확도'
    """
    en_columns, ko_columns = _columns(english), _columns(translated)
    if len(en_columns) < 2 or len(en_columns) != len(ko_columns):
        return translated
    ends = {wcswidth(row[:cell.end()]) for cell in re.finditer(r"\S+", row)}
    out, col = "", 0
    for en, ko in zip(en_columns, ko_columns, strict=True):
        end = wcswidth(english[:en.end()])
        at = end - wcswidth(ko.group()) if end in ends else wcswidth(english[:en.start()])
        at = max(at, col + (2 if out else 0))
        out += " " * (at - col) + ko.group()
        col = at + wcswidth(ko.group())
    return out


# Printed output in the page HTML: a gallery example's output block, and the output lines of
# a highlighted doctest (Pygments' "go" spans).
# Pygments opens a block with an empty span; it belongs with the opening tags.
_OUTPUT_PRE = re.compile(r'(<div class="sphx-glr-script-out[^"]*">\s*<div class="highlight">'
                         r"<pre>(?:<span></span>)?)(.*?)(</pre>)", re.DOTALL)
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
    ...                        '<pre><span></span>기본:  1</pre>', languages.get("ko").wide_run)
    >>> html[html.index("<pre>"):]
    '<pre><span></span><span class="dlref-wide" style="width:5ch">기본:</span>  1</pre>'
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


def wrap(text: str, width: int) -> list[str]:
    """``text`` in lines of at most ``width`` display cells (a Hangul syllable is two).

    >>> wrap("가나 다라 마바", 10)
    ['가나 다라', '마바']
    """
    lines: list[str] = []
    for word in text.split():
        if lines and wcswidth(lines[-1]) + 1 + wcswidth(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines


def _rendered_run(lines: list[str], start: int, rendered: Rendered | None):
    """``(end, translated lines)`` of the longest run from ``start`` that is one of dlref's
    messages (an exception's type kept in front), or None."""
    if rendered is None or not holes.is_words(lines[start]):
        return None
    for end in range(min(len(lines), start + MAX_WRAPPED), start, -1):
        run = [line.strip() for line in lines[start:end]]
        if not all(run):
            continue
        prefix, first = "", run[0]
        error = re.match(r"(\w+(?:Error|Exception|Warning): )(.*)", first)
        if error:
            prefix, first = error.group(1), error.group(2)
        translated = rendered(" ".join([first, *run[1:]]))
        if translated is None:
            continue
        indent = lines[start][: len(lines[start]) - len(lines[start].lstrip())]
        if end - start == 1:
            return end, [indent + prefix + translated]
        width = max(wcswidth(line) for line in lines[start:end])
        return end, [indent + line for line in wrap(prefix + translated, width)]
    return None


def output_messages(text: str, rendered: Rendered | None = None,
                    doctest: bool = False) -> list[str]:
    """The lines of printed output that ``outputs.po`` translates (leading spaces are layout,
    not message): not dlref's own messages, and in doctests only prose lines."""
    found, lines, i = [], text.splitlines(), 0
    while i < len(lines):
        run = _rendered_run(lines, i, rendered)
        if run is not None:
            i = run[0]
            continue
        message, _ = holes.template(lines[i].strip())
        if holes.is_words(message) and not (doctest and is_code_line(lines[i])):
            found.append(message)
        i += 1
    return found


def translate_output(text: str, catalog: dict[str, str], missing: list[str],
                     rendered: Rendered | None = None, doctest: bool = False) -> str:
    """``text`` with its words translated: dlref's messages by ``rendered``, other lines from
    ``catalog``; a line ``catalog`` lacks stays English and is added to ``missing``."""
    lines, out, i = text.split("\n"), [], 0
    label_right = right_aligned_labels(lines)
    while i < len(lines):
        run = _rendered_run(lines, i, rendered)
        if run is not None:
            i, translated = run
            out.extend(translated)
            continue
        line = lines[i]
        i += 1
        message, numbers = holes.template(line.strip())
        if not holes.is_words(message) or (doctest and is_code_line(line)):
            out.append(line)
        elif message not in catalog:
            missing.append(message)
            out.append(line)
        else:
            indent = line[: len(line) - len(line.lstrip())]
            translated = indent + holes.fill(catalog[message], numbers)
            row = lines[i] if i < len(lines) else ""
            if not _cells(line)[1] and _cells(row)[1]:  # a header over a table's rows
                out.append(realign_header(line, translated, row))
            else:
                out.append(realign(line, translated, label_right))
    return "\n".join(out)
