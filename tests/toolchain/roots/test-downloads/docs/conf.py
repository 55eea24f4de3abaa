# A small project for tests/toolchain/test_downloads.py: one example with text blocks, a role,
# a comment and printed lines, whose Korean page offers Korean downloads.
extensions = ["sphinx_gallery.gen_gallery", "dlref_docs"]
sphinx_gallery_conf = {"examples_dirs": ["../examples"], "gallery_dirs": ["auto_examples"],
                       "filename_pattern": "/plot_", "write_computation_times": False,
                       "remove_config_comments": True,
                       "image_scrapers": ("dlref_docs.gallery.scraper.bilingual_scraper",)}
exclude_patterns = ["_build", "auto_examples/**/*.py", "auto_examples/**/*.ipynb",
                    "auto_examples/**/*.zip"]
locale_dirs = ["locale"]
gettext_compact = False
suppress_warnings = ["config.cache"]
dlref_examples_install = 'python -m pip install ".[examples]"'
