"""Refresh the Korean translation catalogs after the English source changed.

usage: python docs/update_catalogs.py        (or: make catalogs)

1. ``sphinx-build -b gettext`` extracts every translatable message into .pot templates
   (the gallery is reused from sphinx-gallery's md5 cache, not re-executed);
2. ``sphinx-intl update`` merges them into docs/locale/ko/LC_MESSAGES/*.po, keeping every
   existing translation; changed sentences come back marked fuzzy and new ones empty.
Then translate what ``../shared/tools/po-stats`` (or tests/test_translation.py) reports.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

DOCS = Path(__file__).parent.resolve()
POT_DIR = DOCS / "_build" / "gettext"


def main() -> int:
    env = dict(os.environ, TF_CPP_MIN_LOG_LEVEL="3", MPLBACKEND="agg")
    steps = [
        [sys.executable, "-m", "sphinx", "-b", "gettext", "-q", "-W", "--keep-going",
         "-d", str(DOCS / "_build" / "doctrees-gettext"), str(DOCS), str(POT_DIR)],
        [sys.executable, "-m", "sphinx_intl", "update", "-p", str(POT_DIR), "-l", "ko",
         "-d", str(DOCS / "locale"), "-w", "0"],
    ]
    for cmd in steps:
        print("[update_catalogs]", " ".join(cmd[1:]), flush=True)
        result = subprocess.run(cmd, env=env, cwd=DOCS)
        if result.returncode != 0:
            print(f"[update_catalogs] FAILED: {' '.join(cmd[1:3])} exited {result.returncode}",
                  file=sys.stderr)
            return result.returncode
    print("[update_catalogs] catalogs updated in docs/locale/ko/LC_MESSAGES")
    return 0


if __name__ == "__main__":
    sys.exit(main())
