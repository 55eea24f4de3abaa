"""An incremental build writes the same search index as a clean one (Sphinx issue #12599,
repaired by dlref_docs.search.incremental): glossary terms and index entries stay found."""

from __future__ import annotations

import os
import shutil

from dlref_docs.search.incremental import frozen_index


def test_an_incremental_build_keeps_every_index_entry(make_app, rootdir, tmp_path):
    src = tmp_path / "src"
    shutil.copytree(rootdir / "test-incremental-search", src)
    clean = make_app("html", srcdir=src)
    clean.build()
    index = clean.outdir / "searchindex.js"
    before = frozen_index(index)
    assert {"dropout", "relu", "gradient clipping"} <= set(before["indexentries"])

    notes = src / "notes.rst"
    notes.write_text("Notes\n=====\n\nA page that changed.\n", encoding="utf-8")
    later = notes.stat().st_mtime + 10
    os.utime(notes, (later, later))
    again = make_app("html", srcdir=src)
    again.build()  # reads and writes notes only
    after = frozen_index(index)
    assert after["indexentries"] == before["indexentries"]
    assert "chang" in after["terms"]
