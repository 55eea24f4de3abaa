"""The string literals a gallery script prints, written in the reader's language.

``outputs.po`` holds every line an example printed, numbers as ``{0}``, ``{1}`` … (the
translated page shows those lines in translation).  To give the downloaded script the same
lines, each literal printed by a ``print(...)`` call is turned into a pattern -- its text,
with its numbers as number holes and each ``{field}`` as "anything" -- and matched against
the example's printed lines.  In the translation of each line it matches, the value every
field printed (a name, or number holes) is found again and replaced by the field itself;
numbers written in the literal come back as written.  If every line the literal printed
gives the same translated literal, the script gets it; otherwise (a field whose value the
translation changes, as a label printed in a loop and translated word by word) the literal
stays English.

Python 3.11's tokenizer gives an f-string as one token, so its fields are read here:
each ``{...}`` up to the brace that closes it, past brackets and quoted strings.
"""

from __future__ import annotations

import ast
import io
import re
import tokenize
from dataclasses import dataclass, field

from ..core import holes

# A piece of a printed line: ("text", value), ("field", source text) or ("arg", index).
Piece = tuple[str, str]
_HOLE = re.compile(r"\{\d+\}")
_STRING_START = re.compile(r"(?i)^(?P<prefix>[rbuf]*)(?P<quote>'''|\"\"\"|'|\")")


@dataclass
class Printed:
    """The edits that translate a script's printed literals."""

    edits: list[tuple[int, int, str]] = field(default_factory=list)
    #: The English lines of literals left untranslated.
    missing: list[str] = field(default_factory=list)
    #: How many printed literals hold words to translate.
    total: int = 0


def translate_printed(source: str, starts: list[int], outputs: dict[str, str],
                      page_outputs: frozenset[str]) -> Printed:
    """Find each literal ``print(...)`` prints and its translation; return the edits.

    >>> src = 'for n in (1, 2):\\n    print(f"epoch {n}: loss {n / 4:.2f}")\\n'
    >>> starts = [0, 17, len(src)]
    >>> out = {"epoch {0}: loss {1}": "에포크 {0}: 손실 {1}"}
    >>> translate_printed(src, starts, out, frozenset(out)).edits[0][2]
    'f"에포크 {n}: 손실 {n / 4:.2f}"'
    """
    result = Printed()
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return result
    candidates = [m for m in page_outputs if holes.is_words(m)]
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                and node.func.id == "print" and node.args):
            continue
        literal = node.args[0]
        if not isinstance(literal, (ast.Constant, ast.JoinedStr)) or not (
                isinstance(literal, ast.JoinedStr) or isinstance(literal.value, str)):
            continue
        if any(k.arg in ("sep", "end", "file") for k in node.keywords):
            continue
        start, end = _offsets(source, starts, literal)
        pieces = read_literal(source[start:end])
        if pieces is None:
            continue
        words = "".join(value for kind, value in pieces if kind == "text")
        if not holes.is_words(holes.template(words)[0]):
            continue
        result.total += 1
        # Further arguments print after a space each: fields the translation must keep last.
        tail: list[Piece] = []
        for index in range(1, len(node.args)):
            tail += [("text", " "), ("arg", str(index))]
        translated = translate_pieces(pieces + tail, outputs, candidates)
        if translated is not None and tail:
            translated = _without_tail(translated, tail)
        if translated is None:
            result.missing.append(words.strip())
            continue
        new = write_literal(translated)
        if new is None:
            result.missing.append(words.strip())
            continue
        result.edits.append((start, end, new))
    return result


def _offsets(source: str, starts: list[int], node: ast.AST) -> tuple[int, int]:
    def offset(line: int, column: int) -> int:  # ast columns count UTF-8 bytes
        text = source[starts[line - 1]:starts[line] if line < len(starts) else None]
        return starts[line - 1] + len(text.encode()[:column].decode())

    return offset(node.lineno, node.col_offset), offset(node.end_lineno, node.end_col_offset)


def _without_tail(pieces: list[Piece], tail: list[Piece]) -> list[Piece] | None:
    merged = _merge(pieces)
    want = _merge(tail)
    if len(merged) < len(want) or merged[len(merged) - len(want):][1:] != want[1:]:
        return None
    head = merged[:len(merged) - len(want)]
    last = merged[len(merged) - len(want)]
    if last[0] != "text" or not last[1].endswith(" "):
        return None
    return _merge([*head, ("text", last[1][:-1])])


def _merge(pieces: list[Piece]) -> list[Piece]:
    out: list[Piece] = []
    for kind, value in pieces:
        if kind == "text" and out and out[-1][0] == "text":
            out[-1] = ("text", out[-1][1] + value)
        elif not (kind == "text" and value == ""):
            out.append((kind, value))
    return out


# ---- reading and writing literals -----------------------------------------------------------


def read_literal(segment: str) -> list[Piece] | None:
    """The pieces of a (possibly implicitly concatenated) string literal, or None.

    >>> read_literal('f"{name:>10s}: max {err:.1e}" "!"')
    [('field', '{name:>10s}'), ('text', ': max '), ('field', '{err:.1e}'), ('text', '!')]
    """
    pieces: list[Piece] = []
    try:
        tokens = list(tokenize.generate_tokens(io.StringIO(segment).readline))
    except (tokenize.TokenError, SyntaxError):
        return None
    for token in tokens:
        if token.type in (tokenize.NL, tokenize.NEWLINE, tokenize.COMMENT,
                          tokenize.ENDMARKER, tokenize.INDENT, tokenize.DEDENT):
            continue
        if token.type != tokenize.STRING:
            return None
        start = _STRING_START.match(token.string)
        if start is None or "b" in start["prefix"].lower():
            return None
        prefix, quote = start["prefix"].lower(), start["quote"]
        body = token.string[start.end():len(token.string) - len(quote)]
        plain = prefix.replace("f", "")
        chunks = _split_fstring(body) if "f" in prefix else [("text", body)]
        if chunks is None:
            return None
        for kind, value in chunks:
            if kind == "text":
                try:
                    value = ast.literal_eval(f"{plain}{quote}{value}{quote}")
                except (SyntaxError, ValueError):
                    return None
            pieces.append((kind, value))
    return _merge(pieces)


def _split_fstring(body: str) -> list[Piece] | None:
    """Split an f-string's body into raw text chunks and ``{field}`` source texts."""
    pieces: list[Piece] = []
    text, i = [], 0
    while i < len(body):
        char = body[i]
        if body.startswith("{{", i) or body.startswith("}}", i):
            text.append(char)
            i += 2
        elif char == "{":
            end = _field_end(body, i)
            if end is None:
                return None
            pieces += [("text", "".join(text)), ("field", body[i:end])]
            text, i = [], end
        else:
            text.append(char)
            i += 1
    pieces.append(("text", "".join(text)))
    return pieces


def _field_end(body: str, start: int) -> int | None:
    depth, quote = 0, None
    for j in range(start, len(body)):
        char = body[j]
        if quote:
            if char == quote:
                quote = None
        elif char in "'\"":
            quote = char
        elif char in "([{":
            depth += 1
        elif char in ")]}":
            depth -= 1
            if depth == 0:
                return j + 1
    return None


def write_literal(pieces: list[Piece]) -> str | None:
    """The source of a literal printing ``pieces`` (an f-string when it has fields), or None.

    >>> write_literal([("text", '손실 "x" '), ("field", "{loss:.3f}"), ("text", "\\n{끝}")])
    'f\\'손실 "x" {loss:.3f}\\\\n{{끝}}\\''
    """
    fields = [value for kind, value in pieces if kind == "field"]
    texts = "".join(value for kind, value in pieces if kind == "text")
    # A field may not hold the literal's own quote (Python 3.11); the text may, escaped.
    quotes = [q for q in ('"', "'") if not any(q in f for f in fields)]
    if not quotes:
        return None
    quote = next((q for q in quotes if q not in texts), quotes[0])
    out = []
    for kind, value in pieces:
        if kind == "field":
            out.append(value)
            continue
        value = (value.replace("\\", "\\\\").replace(quote, "\\" + quote)
                 .replace("\n", "\\n").replace("\t", "\\t"))
        if fields:
            value = value.replace("{", "{{").replace("}", "}}")
        out.append(value)
    source = ("f" if fields else "") + quote + "".join(out) + quote
    try:
        ast.parse(source, mode="eval")
    except SyntaxError:
        return None
    return source


# ---- matching printed lines -------------------------------------------------------------------


def translate_pieces(pieces: list[Piece], outputs: dict[str, str],
                     candidates: list[str]) -> list[Piece] | None:
    """Translate the pieces of a printed literal line by line, or return None."""
    lines = _lines(pieces)
    out: list[Piece] = []
    for number, line in enumerate(lines):
        if number:
            out.append(("text", "\n"))
        words = "".join(value for kind, value in line if kind == "text")
        if not holes.is_words(holes.template(words)[0]):
            out.extend(line)
            continue
        translated = _translate_line(line, outputs, candidates)
        if translated is None:
            return None
        out.extend(translated)
    return _merge(out)


def _lines(pieces: list[Piece]) -> list[list[Piece]]:
    lines: list[list[Piece]] = [[]]
    for kind, value in pieces:
        if kind != "text":
            lines[-1].append((kind, value))
            continue
        parts = value.split("\n")
        for number, part in enumerate(parts):
            if number:
                lines.append([])
            if part:
                lines[-1].append(("text", part))
    return lines


def _translate_line(line: list[Piece], outputs: dict[str, str],
                    candidates: list[str]) -> list[Piece] | None:
    """The translated pieces of one printed line: the same from every line it printed."""
    pattern, groups = _pattern(line)
    # Words of the literal that any message it printed holds: a cheap test before the regex.
    fixed = [part for kind, value in line if kind == "text"
             for part in re.split(r"\s*\d[\d.eE+-]*\s*", value.strip()) if part]
    found: set[tuple[Piece, ...]] = set()
    for msgid in candidates:
        if not all(part in msgid for part in fixed):
            continue
        match = pattern.fullmatch(msgid)
        if match is None:
            continue
        translation = outputs.get(msgid)
        if translation is None:
            return None
        translated = _fill(translation, match, groups, line)
        if translated is None:
            return None
        found.add(tuple(translated))
    if len(found) != 1:
        return None
    # The line's own indentation (the messages are stripped) comes back around it.
    leading = re.match(r"\s*", line[0][1]).group() if line and line[0][0] == "text" else ""
    return _merge([("text", leading), *found.pop()])


def _pattern(line: list[Piece]) -> tuple[re.Pattern[str], list[tuple[str, str]]]:
    """A regex matching the messages this line prints, and what each group stands for:
    ``("piece", index)`` for a field or argument, ``("number", text)`` for a written number."""
    regex, groups = [], []
    for index, (kind, value) in enumerate(line):
        if kind == "text":
            # The messages are stripped lines: the line's own outer spaces are not in them.
            if index == 0:
                value = value.lstrip()
            if index == len(line) - 1:
                value = value.rstrip()
        if kind != "text":
            regex.append(r"(.*?)")  # a field's padding is part of what it printed
            groups.append(("piece", str(index)))
            continue
        last = 0
        for number in holes._NUMBER.finditer(value):
            regex.append(re.escape(value[last:number.start()]))
            regex.append(r"(\{\d+\})")
            groups.append(("number", number.group()))
            last = number.end()
        regex.append(re.escape(value[last:]))
    return re.compile("".join(regex), re.DOTALL), groups


def _fill(translation: str, match: re.Match, groups, line: list[Piece]) -> list[Piece] | None:
    """Put the line's fields (and written numbers) back into the translation of a message."""
    spans = []
    for number, (kind, value) in enumerate(groups, start=1):
        printed = match.group(number).strip()
        if not printed:
            return None
        # Latin boundaries only: a Korean particle attaches to the value ("elu는", "{0}개").
        where = [m.span() for m in re.finditer(
            rf"(?<![A-Za-z0-9_{{]){re.escape(printed)}(?![A-Za-z0-9_}}])", translation)]
        if len(where) != 1:
            return None
        piece = line[int(value)] if kind == "piece" else ("text", value)
        spans.append((*where[0], piece))
    spans.sort()
    out: list[Piece] = []
    last = 0
    for start, end, piece in spans:
        if start < last:
            return None
        out += [("text", translation[last:start]), piece]
        last = end
    out.append(("text", translation[last:]))
    if any(kind == "text" and _HOLE.search(value) for kind, value in out):
        return None  # a number of the translation that no field or written number gives
    return _merge(out)
