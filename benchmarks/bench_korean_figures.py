"""What the Korean figures, comments and output cost, and how much the catalogs hold.

usage: python benchmarks/bench_korean_figures.py      (after `make site`)

For every gallery figure (its pickle, written by docs/_ext/figure_i18n.py) the English
figure is saved once and the Korean variant drawn once (unpickle, translate, save), as the
scraper does in the English build; the two totals are printed, then the number of
messages in figures.po, outputs.po and comments.po.
"""

from __future__ import annotations

import json
import pickle
import sys
import tempfile
import time
from pathlib import Path

DOCS = Path(__file__).resolve().parents[1] / "docs"
sys.path.insert(0, str(DOCS / "_ext"))


def main() -> int:
    import matplotlib

    matplotlib.use("agg")
    import figure_i18n

    from dlref.plotting import use_style

    use_style()
    sidecars = figure_i18n.sidecars(DOCS, ["auto_examples"])
    if not sidecars:
        print("no gallery figures found: run `make site` first")
        return 1
    strings, _ = figure_i18n.read_catalog(figure_i18n.catalog_path(DOCS, "ko"))
    english = korean = 0.0
    with tempfile.TemporaryDirectory() as tmp:
        for sidecar in sidecars:
            record = json.loads(sidecar.read_text(encoding="utf-8"))
            data = sidecar.with_name(sidecar.name[: -len(figure_i18n.SIDECAR)] + ".pickle")
            data = data.read_bytes()
            start = time.perf_counter()
            pickle.loads(data).savefig(Path(tmp) / "en.png", **record["savefig"])
            english += time.perf_counter() - start
            start = time.perf_counter()
            figure_i18n.save_in_language(pickle.loads(data), Path(tmp) / "x.ko.png", strings,
                                         record["example"], record["savefig"])
            korean += time.perf_counter() - start
    print(f"{len(sidecars)} figures: English save {english:.1f} s, "
          f"Korean variant {korean:.1f} s (unpickle + translate + save)")
    from babel.messages.pofile import read_po

    for name in ("figures", "outputs", "comments"):
        with (DOCS / "locale" / "ko" / "LC_MESSAGES" / f"{name}.po").open("rb") as handle:
            messages = [m for m in read_po(handle) if m.id]
        same = sum(1 for m in messages if m.string == m.id)
        print(f"{name}.po: {len(messages)} messages ({same} kept as they are: names, code)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
