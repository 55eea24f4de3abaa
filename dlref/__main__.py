"""``python -m dlref``: print the versions dlref runs with and whether they are tested.

The same report as :func:`dlref.show_versions`, in English or Korean (``DLREF_LANG=ko``).
"""

from dlref._versions import main

if __name__ == "__main__":
    raise SystemExit(main())
