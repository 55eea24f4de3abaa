"""English glosses on translated pages stay on one line: "활성화 함수(activation function)".

A translated page gives a term's English once, in parentheses after it.  A browser may break
the line anywhere inside the parentheses, leaving "(activation" at the end of one line and
"function)" at the start of the next, which reads as two stray words.  After translation,
every short parenthesised run of Latin words in the page's text becomes an inline node with
the class ``dlref-gloss``, which the stylesheet keeps on one line (``white-space: nowrap``);
code, maths and raw HTML are left alone.
"""

from __future__ import annotations

import re

from docutils import nodes

from ..core import languages

# "(activation function)", "(rectified linear unit, ReLU)": Latin words, digits, hyphens and
# apostrophes, at least two words, short enough for a phone's line.
GLOSS = re.compile(r"\((?=[^)]*\s)[A-Za-z][A-Za-z0-9\-' ,/·.]{1,38}[A-Za-z0-9.]\)")
_SKIP = (nodes.literal, nodes.literal_block, nodes.math, nodes.math_block, nodes.raw,
         nodes.FixedTextElement)


def split_glosses(text: str) -> list[tuple[str, bool]]:
    """``text`` cut into (piece, is_gloss) pairs.

    >>> split_glosses("활성화 함수(activation function)는 f(x)")
    [('활성화 함수', False), ('(activation function)', True), ('는 f(x)', False)]
    """
    pieces, last = [], 0
    for match in GLOSS.finditer(text):
        if match.start() > last:
            pieces.append((text[last:match.start()], False))
        pieces.append((match.group(), True))
        last = match.end()
    if last < len(text):
        pieces.append((text[last:], False))
    return pieces


def keep_glosses_together(app, doctree, docname) -> None:
    """``doctree-resolved`` of a translated build: wrap each gloss in a ``dlref-gloss`` span."""
    if languages.for_app(app).is_source or app.builder.format != "html":
        return
    for text in list(doctree.findall(nodes.Text)):
        parent = text.parent
        if parent is None or any(isinstance(n, _SKIP) for n in _ancestors(text)):
            continue
        pieces = split_glosses(str(text))
        if not any(is_gloss for _, is_gloss in pieces):
            continue
        replacement = [nodes.inline(piece, piece, classes=["dlref-gloss"]) if is_gloss
                       else nodes.Text(piece) for piece, is_gloss in pieces]
        index = parent.index(text)
        parent[index:index + 1] = replacement


def _ancestors(node):
    while node is not None:
        yield node
        node = node.parent
