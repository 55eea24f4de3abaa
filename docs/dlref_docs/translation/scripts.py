"""A gallery example's script in the reader's language: what a translated page offers to download.

The code stays the example's code; only its prose changes, from the catalogs the translated
page is built from:

* the text blocks -- the docstring and the ``# %%`` comment blocks, written in reST -- unit
  by unit (heading, paragraph, list item, maths) from the page's own catalog, so the script
  says what the page says;
* the comments of the code, from ``comments.po`` (:func:`.code.translate_comments`);
* the string literals the script prints, from ``outputs.po`` (:mod:`.printed`).

A unit without a translation stays English and is returned, so the build can tell.  Every
change is an edit of a span of the original source, applied at the end, so the edits cannot
disturb each other and the code between them is byte-identical.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass, field

from wcwidth import wcswidth

from ..core import holes
from . import code, printed

# reST section adornments (docutils accepts any of these repeated).
_ADORNMENT = re.compile(r"^([=\-`:.'\"~^_*+#<>])\1{2,}\s*$")
_LIST_ITEM = re.compile(r"^(?P<marker>[*+-]|\d+[.)]|#\.)\s+")
_TEXT_WIDTH = 86  # display columns of a translated text line, as the examples' English


@dataclass
class Translated:
    """A translated script and what stayed English."""

    text: str
    #: Messages of the page, comments or output without a translation.
    missing: list[str] = field(default_factory=list)
    #: Printed literals: how many the script has, and how many were translated.
    printed: tuple[int, int] = (0, 0)


@dataclass(frozen=True)
class Catalogs:
    """The translations a script needs: its page's messages, comments and printed lines."""

    page: dict[str, str]
    comments: dict[str, str]
    outputs: dict[str, str]
    #: The printed lines of this example (msgids of ``outputs.po`` listing its page).
    page_outputs: frozenset[str] = frozenset()


def translate_script(source: str, catalogs: Catalogs) -> Translated:
    """Return ``source`` with its prose, comments and printed strings translated.

    >>> source = ('\"\"\"\\nDead units\\n==========\\n\"\"\"\\n\\n'
    ...           '# %%\\n# One figure.\\n\\nx = 1  # the input\\n')
    >>> cats = Catalogs({"Dead units": "죽은 유닛", "One figure.": "그림 하나."},
    ...                 {"the input": "입력"}, {})
    >>> print(translate_script(source, cats).text)
    \"\"\"
    죽은 유닛
    =========
    \"\"\"
    <BLANKLINE>
    # %%
    # 그림 하나.
    <BLANKLINE>
    x = 1  # 입력
    <BLANKLINE>
    """
    lines = source.splitlines(keepends=True)
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line))
    edits: list[tuple[int, int, str]] = []
    missing: list[str] = []
    text_lines: set[int] = set()  # 0-based numbers of the lines of text blocks

    docstring = _docstring_span(source, starts)
    if docstring is not None:
        start, end, raw = docstring
        # The page was made from the docstring's value: "\\lambda" in the source is \lambda.
        inner = source[start:end] if raw else ast.literal_eval(f'"""{source[start:end]}"""')
        new = translate_rest(inner, catalogs.page, missing, prefix="")
        if not raw:
            new = new.replace("\\", "\\\\")
        edits.append((start, end, new))
        first, last = source.count("\n", 0, start), source.count("\n", 0, end)
        text_lines.update(range(first, last + 1))

    for first, last in _comment_blocks(lines):
        block = "".join(_uncomment(line) for line in lines[first:last])
        new = translate_rest(block.rstrip("\n"), catalogs.page, missing, prefix="# ")
        edits.append((starts[first], starts[last], new + "\n"))
        text_lines.update(range(first, last))

    code_spans = _code_spans(lines, starts, text_lines)
    for start, end, message in code.comment_spans(source, "python"):
        if not any(a <= start < b for a, b in code_spans):
            continue
        translation = catalogs.comments.get(message)
        if translation is None:
            missing.append(message)
            continue
        _, numbers = holes.template(source[start + 1:end].strip())
        edits.append((start, end, "# " + holes.fill(translation, numbers)))

    literals = printed.translate_printed(source, starts, catalogs.outputs,
                                         catalogs.page_outputs)
    edits.extend(literals.edits)
    missing.extend(literals.missing)
    return Translated(_apply(source, edits), missing, (literals.total, len(literals.edits)))


def _apply(source: str, edits: list[tuple[int, int, str]]) -> str:
    out, last = [], 0
    for start, end, new in sorted(edits):
        if start < last:
            raise ValueError(f"overlapping edits at offset {start}")  # a bug of this module
        out.extend((source[last:start], new))
        last = end
    out.append(source[last:])
    return "".join(out)


def _docstring_span(source: str, starts: list[int]) -> tuple[int, int, bool] | None:
    """``(start, end, raw)`` of the text inside the module docstring's quotes, or None."""
    try:
        module = ast.parse(source)
    except SyntaxError:
        return None
    if not (module.body and isinstance(module.body[0], ast.Expr)
            and isinstance(module.body[0].value, ast.Constant)
            and isinstance(module.body[0].value.value, str)):
        return None
    node = module.body[0].value
    segment_start = starts[node.lineno - 1] + node.col_offset
    segment_end = starts[node.end_lineno - 1] + len(
        source[starts[node.end_lineno - 1]:].encode()[:node.end_col_offset].decode())
    segment = source[segment_start:segment_end]
    match = re.match(r"(?i)([rbu]*)('''|\"\"\"|'|\")", segment)
    if match is None:
        return None
    quote = match.group(2)
    return (segment_start + match.end(), segment_end - len(quote), "r" in match.group(1).lower())


def _comment_blocks(lines: list[str]) -> list[tuple[int, int]]:
    """``[first, last)`` line ranges of the text blocks that follow each ``# %%`` line."""
    blocks = []
    for number, line in enumerate(lines):
        if not re.match(r"^#\s*%%", line):
            continue
        first = last = number + 1
        while last < len(lines) and lines[last].startswith("#"):
            last += 1
        if last > first:
            blocks.append((first, last))
    return blocks


def _uncomment(line: str) -> str:
    return line[2:] if line.startswith("# ") else line[1:]


def _code_spans(lines: list[str], starts: list[int], text_lines: set[int]):
    spans = []
    for number in range(len(lines)):
        if number not in text_lines:
            spans.append((starts[number], starts[number + 1]))
    return spans


# ---- reST text blocks --------------------------------------------------------------------------


def translate_rest(text: str, page: dict[str, str], missing: list[str], prefix: str) -> str:
    """Translate a reST text block unit by unit, each line written with ``prefix``.

    The units are the messages Sphinx extracts from a page: a section title, a paragraph,
    a list item's paragraph and the content of a ``math`` directive.  Blank lines and the
    lines around the text (a docstring's first and last) are kept as they are.

    >>> print(translate_rest("Data\\n----\\nA batch of\\n256 images.",
    ...                      {"Data": "데이터", "A batch of 256 images.": "이미지 256개."}, [],
    ...                      prefix="# "), end="")
    # 데이터
    # ------
    # 이미지 256개.
    """
    out: list[str] = []
    for unit in _units(text.split("\n")):
        out.extend(_translate_unit(unit, page, missing))
    return "\n".join(prefix + line if line.strip() else prefix.rstrip() + line
                     for line in out)


def _units(lines: list[str]) -> list[list[str]]:
    """Split lines into units: a section title (with its adornments), each blank line, each
    list item, each run of other lines (a paragraph, or a directive with its content)."""
    units: list[list[str]] = []
    current: list[str] = []
    directive = False  # inside a directive: its blank and indented lines are its content
    for line in lines:
        if directive and (not line.strip() or line[0].isspace()):
            current.append(line)
            continue
        if directive:
            units.extend(_directive_units(current))
            current, directive = [], False
        if line.startswith(".. "):
            if current:
                units.extend(_split_title(current))
            current, directive = [line], True
            continue
        if not line.strip():
            if current:
                units.extend(_split_title(current))
                current = []
            units.append([line])
        elif _LIST_ITEM.match(line) and current and not current[0].startswith(".. "):
            units.extend(_split_title(current))
            current = [line]
        else:
            current.append(line)
    if current:
        units.extend(_directive_units(current) if directive else _split_title(current))
    return units


def _directive_units(lines: list[str]) -> list[list[str]]:
    """A directive with its content, then its trailing blank lines, one unit each."""
    end = len(lines)
    while end > 1 and not lines[end - 1].strip():
        end -= 1
    return [lines[:end], *([line] for line in lines[end:])]


def _split_title(run: list[str]) -> list[list[str]]:
    """A section title may be followed by its text with no blank line between them."""
    if len(run) > 3 and _ADORNMENT.match(run[0]) and _ADORNMENT.match(run[2]):
        return [run[:3], run[3:]]
    if len(run) > 2 and _ADORNMENT.match(run[1]) and not _ADORNMENT.match(run[0]):
        return [run[:2], run[2:]]
    return [run]


def _translate_unit(unit: list[str], page: dict[str, str], missing: list[str]) -> list[str]:
    if len(unit) == 1 and not unit[0].strip():
        return unit
    if len(unit) == 2 and _ADORNMENT.match(unit[1]):
        title = _lookup(unit[0].strip(), page, missing)
        if title is None:
            return unit
        return [title, unit[1].strip()[0] * max(wcswidth(title), 1)]
    if len(unit) == 3 and _ADORNMENT.match(unit[0]) and _ADORNMENT.match(unit[2]):
        title = _lookup(unit[1].strip(), page, missing)
        if title is None:
            return unit
        width = max(wcswidth(title), 1)
        return [unit[0].strip()[0] * width, title, unit[2].strip()[0] * width]
    if unit[0].startswith(".. "):
        return _translate_directive(unit, page, missing)
    item = _LIST_ITEM.match(unit[0])
    if item:
        indent = " " * item.end()
        body = [unit[0][item.end():], *(line.strip() for line in unit[1:])]
        new = _lookup(" ".join(body).strip(), page, missing)
        if new is None:
            return unit
        wrapped = _wrap(new, _TEXT_WIDTH - len(indent))
        return [unit[0][:item.end()] + wrapped[0], *(indent + line for line in wrapped[1:])]
    new = _lookup(" ".join(line.strip() for line in unit), page, missing)
    return unit if new is None else _wrap(new, _TEXT_WIDTH)


def _translate_directive(unit: list[str], page: dict[str, str], missing: list[str]):
    head, content = unit[0], unit[1:]
    if not head.startswith(".. math::") or not any(line.strip() for line in content):
        return unit
    indent = min(len(line) - len(line.lstrip()) for line in content if line.strip())
    blank = len(content) - len("\n".join(content).lstrip("\n").split("\n"))
    message = "\n".join(line[indent:] for line in content).strip("\n")
    new = page.get(message)
    if new is None:
        missing.append(message)
        return unit
    return [head, *content[:blank], *(" " * indent + line for line in new.split("\n"))]


def _lookup(message: str, page: dict[str, str], missing: list[str]) -> str | None:
    translation = page.get(message)
    if translation is None and re.search(r"[A-Za-z]", message):
        missing.append(message)
    return translation


def _wrap(text: str, width: int) -> list[str]:
    """Break ``text`` at spaces into lines of at most ``width`` display columns.

    (textwrap counts characters; a Hangul syllable takes two columns.)
    """
    lines, current = [], ""
    for word in text.split():
        candidate = f"{current} {word}" if current else word
        if current and wcswidth(candidate) > width:
            lines.append(current)
            current = word
        else:
            current = candidate
    return [*lines, current] if current else lines
