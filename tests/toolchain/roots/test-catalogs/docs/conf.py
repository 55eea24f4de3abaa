# A small project for tests/toolchain/test_catalogs.py: one page, its catalog part done.
locale_dirs = ["locale"]
gettext_compact = False
exclude_patterns = ["_build"]
