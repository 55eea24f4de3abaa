"""Messages with number holes: ``"epoch 5"`` and ``"epoch 6"`` are one message, ``"epoch {0}"``.

Figures, code comments and printed output are translated line by line, and their numbers
change from run to run; the catalogs hold each line once, with ``{0}``, ``{1}``… in place of
its numbers, and the translation gets the same numbers back.  Maths (``$...$``) is left as it
is, digits included.
"""

from __future__ import annotations

import re
from collections.abc import Callable

# A number that does not continue a name ("epoch 5", "15%", "0.912", "1e-05", "0.333s");
# not the 1 of "hidden_1" or "float32".
_NUMBER = re.compile(r"(?<![\w.])\d+(?:\.\d+)?(?:[eE][-+]?\d+)?")
_PLACEHOLDER = re.compile(r"\{(\d+)\}")
_MATHS = re.compile(r"\$[^$]*\$")
_LATIN = re.compile(r"[A-Za-z]")


def template(text: str) -> tuple[str, list[str]]:
    """Split ``text`` into a message with ``{0}``, ``{1}``… for its numbers, and the numbers.

    Digits inside maths (``$10^{3}$``) stay where they are.

    >>> template("true 4 pred 8")
    ('true {0} pred {1}', ['4', '8'])
    """
    numbers: list[str] = []

    def hole(match: re.Match) -> str:
        numbers.append(match.group(0))
        return f"{{{len(numbers) - 1}}}"

    return outside_maths(text, lambda part: _NUMBER.sub(hole, part)), numbers


def outside_maths(text: str, change: Callable[[str], str]) -> str:
    """Apply ``change`` to the parts of ``text`` that are not maths."""
    pieces, last = [], 0
    for maths in _MATHS.finditer(text):
        pieces.extend((change(text[last:maths.start()]), maths.group(0)))
        last = maths.end()
    pieces.append(change(text[last:]))
    return "".join(pieces)


def fill(message: str, numbers: list[str]) -> str:
    """Put the numbers back into a (translated) message: the inverse of :func:`template`.

    >>> fill("에포크 {0}", ["5"])
    '에포크 5'
    """
    return outside_maths(
        message, lambda part: _PLACEHOLDER.sub(lambda m: numbers[int(m.group(1))], part))


def placeholders(message: str) -> set[str]:
    """The ``{n}`` holes of a message, outside maths."""
    found: set[str] = set()
    outside_maths(message, lambda part: found.update(_PLACEHOLDER.findall(part)) or part)
    return found


def is_words(message: str) -> bool:
    """True when a message holds words to translate (Latin letters outside maths)."""
    return bool(_LATIN.search(_MATHS.sub("", message)))


def has_maths(text: str) -> bool:
    return bool(_MATHS.search(text))


def hole_problem(message: str, translation: str) -> str | None:
    """Why ``translation`` cannot stand for ``message`` (its holes differ), or None."""
    if placeholders(translation) != placeholders(message):
        return (f"the translation {translation!r} of {message!r} must keep the number "
                f"holes {sorted(placeholders(message))}")
    return None
