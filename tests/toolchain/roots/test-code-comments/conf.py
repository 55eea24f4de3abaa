# A small project for tests/toolchain/test_code_translation.py: one page with commented code.
extensions = ["dlref_docs"]
locale_dirs = ["locale"]
exclude_patterns = ["_build"]
