# A small project for tests/toolchain/test_build_command.py:
# an example that raises.
extensions = ["sphinx_gallery.gen_gallery"]
sphinx_gallery_conf = {"examples_dirs": ["../examples"], "gallery_dirs": ["auto_examples"],
                       "filename_pattern": "/plot_", "write_computation_times": False}
exclude_patterns = ["_build"]
