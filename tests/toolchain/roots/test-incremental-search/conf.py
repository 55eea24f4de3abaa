# A small project for tests/toolchain/test_incremental_search.py: index entries on one page.
extensions = ["dlref_docs"]
exclude_patterns = ["_build"]
