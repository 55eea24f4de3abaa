# A small project for tests/toolchain/test_made_up_language.py: the toolchain in a language it
# has never heard of ("xx"), given only catalogs and one language-data file
# (locale/xx/language.toml).
project = "made-up"
extensions = ["sphinx_gallery.gen_gallery", "dlref_docs"]
sphinx_gallery_conf = {"examples_dirs": ["../examples"], "gallery_dirs": ["auto_examples"],
                       "filename_pattern": "/plot_", "write_computation_times": False,
                       "image_scrapers": ("dlref_docs.gallery.scraper.bilingual_scraper",)}
exclude_patterns = ["_build"]
locale_dirs = ["locale"]
gettext_compact = False
suppress_warnings = ["config.cache"]
html_theme = "alabaster"
