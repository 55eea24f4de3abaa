# A small project for tests/toolchain/test_gallery_figures.py: one example with one figure,
# translated by the toolchain's figure scraper.
extensions = ["sphinx_gallery.gen_gallery", "dlref_docs"]
sphinx_gallery_conf = {"examples_dirs": ["../examples"], "gallery_dirs": ["auto_examples"],
                       "filename_pattern": "/plot_", "write_computation_times": False,
                       "image_scrapers": ("dlref_docs.gallery.scraper.bilingual_scraper",)}
exclude_patterns = ["_build"]
locale_dirs = ["locale"]
gettext_compact = False
suppress_warnings = ["config.cache"]
