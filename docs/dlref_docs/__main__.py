"""``python -m dlref_docs build|catalogs|check``: the toolchain's commands.

``build`` is ``make site``, ``catalogs`` is ``make catalogs``; ``check`` lists the English
messages that have no usable translation yet, in seconds (no example runs).
"""

from __future__ import annotations

import sys

COMMANDS = ("build", "catalogs", "check")


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or argv[0] not in COMMANDS:
        print(f"usage: python -m dlref_docs {{{','.join(COMMANDS)}}} [options]", file=sys.stderr)
        return 2
    command, rest = argv[0], argv[1:]
    if command == "build":
        from .build import main as build

        return build(rest)
    if command == "check":
        from .check import main as check

        return check()
    from .update_catalogs import main as catalogs

    return catalogs()


if __name__ == "__main__":
    sys.exit(main())
