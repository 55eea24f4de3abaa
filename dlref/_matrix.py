"""The tested matrix: the versions dlref's regression suite ran on, shipped with the package.

The regression runs (``make regress``, ``regress/run.py``) write ``regress/results.json`` in
the repository.  A wheel has no ``regress/`` folder, so the facts :func:`dlref.show_versions`
needs -- per row the Keras backend, the versions, the counts and the date -- are copied into
``dlref/tested_matrix.json``, package data, by::

    python -m dlref._matrix update      # after make regress (the Makefile runs it)
    python -m dlref._matrix check       # exit status 1 if the copy is out of date

Reading is tolerant: a row may lack a field (rows written before the backend axis have no
``backend`` and mean TensorFlow) or carry fields nobody reads yet.

This module imports the standard library only.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

PACKAGE = Path(__file__).resolve().parent
#: The copy that ships with the package.
MATRIX = PACKAGE / "tested_matrix.json"
#: What the regression runs write, in a source checkout.
RESULTS = PACKAGE.parent / "regress" / "results.json"
# The backend of rows written before results.json had a backend axis.
_DEFAULT_BACKEND = "tensorflow"
_COUNTS = ("passed", "failed", "skipped")


def summarise(results: dict[str, Any]) -> dict[str, Any]:
    """Return the shipped summary of a ``results.json`` document."""
    rows = []
    for row in results.get("rows", []):
        versions = row.get("versions") or {}
        if not versions:
            continue  # a row that names no version cannot be compared with anything
        rows.append({
            "backend": str(row.get("backend") or _DEFAULT_BACKEND),
            "versions": {str(name): str(version) for name, version in versions.items()},
            "python": str(row.get("python") or results.get("python") or ""),
            **{count: int(row.get(count) or 0) for count in _COUNTS},
            "date": str(row.get("date") or results.get("date") or ""),
        })
    return {"source": "regress/results.json", "rows": rows}


def render(summary: dict[str, Any]) -> str:
    """Return the file content of a summary, stable so that the same matrix is the same file."""
    return json.dumps(summary, indent=1, sort_keys=True) + "\n"


def load() -> dict[str, Any] | None:
    """Return the shipped matrix, or None if this copy of dlref lacks it (or it is broken)."""
    try:
        data = json.loads(MATRIX.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    rows = data.get("rows") if isinstance(data, dict) else None
    if not isinstance(rows, list):
        return None
    return {"rows": [row for row in rows if isinstance(row, dict) and row.get("versions")]}


def main(argv: list[str] | None = None) -> int:
    """``update`` writes the shipped copy from regress/results.json; ``check`` compares."""
    command = (argv if argv is not None else sys.argv[1:]) or ["check"]
    if command[0] not in ("update", "check") or len(command) > 1:
        print("usage: python -m dlref._matrix [update|check]", file=sys.stderr)
        return 2
    if not RESULTS.is_file():
        print(f"{RESULTS} not found: run this in a source checkout of dlref", file=sys.stderr)
        return 2
    wanted = render(summarise(json.loads(RESULTS.read_text(encoding="utf-8"))))
    current = MATRIX.read_text(encoding="utf-8") if MATRIX.is_file() else ""
    if command[0] == "update":
        if current != wanted:
            MATRIX.write_text(wanted, encoding="utf-8")
            print(f"wrote {MATRIX.relative_to(PACKAGE.parent)}")
        return 0
    if current != wanted:
        print(f"{MATRIX.name} is out of date with {RESULTS.name}: run python -m dlref._matrix "
              "update", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
