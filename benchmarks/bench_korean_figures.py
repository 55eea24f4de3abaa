"""What the Korean figures, comments and output cost, and how much the catalogs hold.

usage: python benchmarks/bench_korean_figures.py      (after `make site`)

For every gallery figure (its pickle, written by the gallery scraper of dlref_docs) the English
figure is saved once and the Korean variant drawn once (unpickle, translate, save), as the
scraper does in the English build; the two totals are printed, then the number of
messages in figures.po, outputs.po and comments.po.
"""

from __future__ import annotations

import pickle
import sys
import tempfile
import time
from pathlib import Path

DOCS = Path(__file__).resolve().parents[1] / "docs"


def main() -> int:
    import matplotlib

    matplotlib.use("agg")
    from dlref_docs.core import catalogs
    from dlref_docs.gallery import records, scraper

    from dlref.plotting import use_style

    use_style()
    sidecars = records.sidecars(DOCS, ["auto_examples"])
    if not sidecars:
        print("no gallery figures found: run `make site` first")
        return 1
    strings = scraper.read_figure_catalog(scraper.catalog_path(DOCS, "ko")).strings
    english = korean = 0.0
    with tempfile.TemporaryDirectory() as tmp:
        for sidecar in sidecars:
            record = records.FigureRecord.load(sidecar)
            image = records.FigureRecord.image_of(sidecar)
            data = records.FigureRecord.pickle_of(image).read_bytes()
            start = time.perf_counter()
            pickle.loads(data).savefig(Path(tmp) / "en.png", **record.savefig)
            english += time.perf_counter() - start
            start = time.perf_counter()
            scraper.save_in_language(pickle.loads(data), Path(tmp) / "x.ko.png", strings,
                                     record.example, record.savefig)
            korean += time.perf_counter() - start
    print(f"{len(sidecars)} figures: English save {english:.1f} s, "
          f"Korean variant {korean:.1f} s (unpickle + translate + save)")
    for name in ("figures", "outputs", "comments"):
        messages = catalogs.read(catalogs.page_catalog(DOCS, "ko", name)).strings
        same = sum(1 for msgid, text in messages.items() if text == msgid)
        print(f"{name}.po: {len(messages)} messages ({same} kept as they are: names, code)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
