# A small project for tests/toolchain/test_build_command.py:
# a figure with a glyph its font lacks (the site's glyph policy is on).
extensions = ["sphinx_gallery.gen_gallery"]
sphinx_gallery_conf = {"examples_dirs": ["../examples"], "gallery_dirs": ["auto_examples"],
                       "filename_pattern": "/plot_", "write_computation_times": False,
                       "reset_modules": ("matplotlib",
                                         "dlref_docs.gallery.glyphs.reset_for_example")}
exclude_patterns = ["_build"]
