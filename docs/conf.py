"""Sphinx configuration for dlref (English source, Korean translation via gettext)."""

import os
import warnings
from pathlib import Path

HERE = Path(__file__).parent.resolve()

# The examples import TensorFlow: silence its C++ logs.
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
os.environ.setdefault("KERAS_BACKEND", "tensorflow")
os.environ.setdefault("MPLBACKEND", "agg")
# The pages are written in English and their printed output is too, whatever the machine's
# locale: dlref would otherwise speak Korean on a Korean system (the Korean site translates
# dlref's output from the package's own catalog).
os.environ["DLREF_LANG"] = "en"

from dlref_docs.build import site_url  # noqa: E402

import dlref  # noqa: E402

# -- Project -----------------------------------------------------------------------------------
project = "dlref"
author = "dlref developers"
copyright = "2026 dlref"  # names only: the footer's words come from the theme's catalog
release = version = dlref.__version__

# -- General -----------------------------------------------------------------------------------
extensions = [
    "sphinx.ext.autodoc",
    "sphinx.ext.autosummary",
    "numpydoc",
    "myst_parser",
    "sphinx_gallery.gen_gallery",
    "sphinx_copybutton",
    "sphinx_design",
    "notfound.extension",
    "sphinxext.opengraph",
    "sphinx_sitemap",
    # The site's own toolchain (docs/dlref_docs, installed by `make`): maths rendered by KaTeX
    # at build time, figures, code comments and output in the reader's language, a Korean
    # search, glossary cards, the language switcher, the compatibility table …
    "dlref_docs",
]

source_suffix = {".rst": "restructuredtext", ".md": "markdown"}
root_doc = "index"
exclude_patterns = ["_build", "_root", "locale", "**/README.md", "auto_examples/**/*.ipynb",
                    "auto_examples/**/*.py", "auto_examples/**/*.zip", "sg_execution_times.rst"]
templates_path = ["_templates"]
nitpicky = False
suppress_warnings = []

# -- Internationalisation ----------------------------------------------------------------------
# English is the source; `-D language=ko` builds the Korean site from docs/locale/ko.
language = "en"
locale_dirs = [str(HERE / "locale")]
gettext_compact = False  # one catalog per document, as python-docs-ko does
gettext_uuid = False
gettext_location = False  # keeps catalogs stable when lines move
# Sphinx's default, spelled out: the gallery scraper (dlref_docs.gallery) writes the Korean
# variant of every gallery figure as <name>.ko.png and the Korean build picks it up by it.
figure_language_filename = "{root}.{language}{ext}"

# -- MyST --------------------------------------------------------------------------------------
myst_enable_extensions = ["dollarmath", "amsmath", "colon_fence", "deflist", "attrs_inline"]
myst_heading_anchors = 3

# -- autodoc / autosummary / numpydoc ----------------------------------------------------------
autosummary_generate = True
autodoc_typehints = "none"  # numpydoc already documents types in Parameters
autodoc_member_order = "bysource"
numpydoc_show_class_members = False
numpydoc_xref_param_type = False
# Every documented function, class and method has a docstring (GL08), documents each
# parameter (PR01, PR02) and has an Examples section (EX01); a violation is a build warning,
# so -W fails the build.
numpydoc_validation_checks = {"GL08", "PR01", "PR02", "EX01"}
# A dataclass's fields are its __init__ parameters; LossChoice documents them as Attributes.
# Optimizer.name is a class attribute with a one-line #: comment, not a function.
numpydoc_validation_exclude = {r"^dlref\.losses\.LossChoice$", r"^dlref\.optimizers\.\w+\.name$"}

# -- sphinx-gallery ----------------------------------------------------------------------------
sphinx_gallery_conf = {
    "examples_dirs": ["../gallery"],
    "gallery_dirs": ["auto_examples"],
    "filename_pattern": r"/plot_",
    "doc_module": ("dlref",),
    "backreferences_dir": "api/generated/backreferences",
    "reference_url": {"dlref": None},
    "remove_config_comments": True,
    # Each example applies dlref's style itself (use_style()) after this reset.
    "reset_modules": ("matplotlib", "dlref_docs.gallery.glyphs.reset_for_example"),
    "subsection_order": [
        "../gallery/activations",
        "../gallery/training",
        "../gallery/losses",
        "../gallery/optimizers",
        "../gallery/models",
    ],
    "within_subsection_order": "FileNameSortKey",
    # The stock matplotlib scraper, plus a Korean variant of every figure.
    "image_scrapers": ("dlref_docs.gallery.scraper.bilingual_scraper",),
    "matplotlib_animations": False,
    "download_all_examples": False,
    "show_memory": False,
    "show_signature": False,
    "min_reported_time": 0,
    # The timing pages load jQuery/DataTables from a CDN; the site must stay offline.
    "write_computation_times": False,
    "capture_repr": ("_repr_html_", "__repr__"),
    "plot_gallery": "True",
    # Examples run in as many processes as Sphinx's -j (docs/build_site.py passes the cores).
    "parallel": True,
}

# -- Downloads -------------------------------------------------------------------------------
# Every example page says how to install what its downloads import (dlref is not on PyPI yet:
# it installs from a clone of the repository, with the "examples" extra of pyproject.toml).
dlref_examples_install = 'python -m pip install ".[examples]"'

# -- Copy button -------------------------------------------------------------------------------
copybutton_prompt_text = r">>> |\.\.\. |\$ "
copybutton_prompt_is_regexp = True
copybutton_only_copy_prompt_lines = False

# -- 404 page ----------------------------------------------------------------------------------
# 404 pages are served for any missing URL, so their links must be absolute.  Read the Docs
# computes its own prefix; elsewhere the site lives under DLREF_URL_PREFIX (default "/").
if not os.environ.get("READTHEDOCS"):
    _prefix = "/" + os.environ.get("DLREF_URL_PREFIX", "/").strip("/")
    notfound_urls_prefix = f"{_prefix.rstrip('/')}/{{language}}/"

# -- Hosting: the site's address, canonical links, sitemap, OpenGraph ---------------------------
# Where the site is served: DLREF_BASE_URL (the GitHub workflow sets its Pages address), on Read
# the Docs its canonical URL, else the address `make serve` uses.  Each language lives under
# <base>/<lang>/; the canonical link, the hreflang alternates (dlref_docs), the sitemap and the
# OpenGraph data are absolute URLs from it.
SITE_URL = site_url()
site_url = SITE_URL  # sphinx-sitemap: <base>/<lang>/<page>.html, one sitemap.xml per language
sitemap_url_scheme = "{lang}{link}"
sitemap_locales = ["en", "ko"]
html_favicon = "_static/favicon.svg"
ogp_site_name = "dlref"
ogp_description_length = 0  # dlref_docs writes the description from the page's lead
ogp_use_first_image = True  # a page's first figure previews it in messengers; pages without one
# show the activation functions (set per language below: the Korean site shows its .ko figure)
ogp_social_cards = {"enable": False}  # no matplotlib card per page: the figures are ours
ogp_custom_meta_tags = ['<meta name="twitter:card" content="summary_large_image" />']


def _language_specific(app, config):
    # notfound's prefix needs the language, which is only known after -D language=…
    prefix = getattr(config, "notfound_urls_prefix", None)
    if prefix and "{language}" in prefix:
        config.notfound_urls_prefix = prefix.replace("{language}", config.language or "en")
    language = config.language or "en"
    base = os.environ.get("READTHEDOCS_CANONICAL_URL") or f"{SITE_URL}{language}/"
    config.html_baseurl = config.ogp_site_url = base
    variant = "" if language == "en" else f".{language}"
    config.ogp_image = f"_images/sphx_glr_plot_activation_functions_001{variant}.png"


def setup(app):
    app.connect("config-inited", _language_specific, priority=100)


# -- HTML --------------------------------------------------------------------------------------
html_theme = "pydata_sphinx_theme"
html_title = "dlref"
html_static_path = ["_static"]
html_css_files = ["dlref.css"]
html_last_updated_fmt = None
html_show_sourcelink = False
html_copy_source = False
html_theme_options = {
    "navbar_end": ["language-switcher", "theme-switcher", "navbar-icon-links"],
    "navigation_with_keys": False,
    "show_toc_level": 2,
    "footer_start": ["copyright"],
    "footer_end": ["sphinx-version"],
    # The glossary is one long list without sections: its "on this page" box would be empty.
    "secondary_sidebar_items": {"**": ["page-toc"], "glossary": []},
}
html_context = {"default_mode": "light"}

# Matplotlib prints font-cache notes and TensorFlow prints deprecation chatter; neither is ours.
warnings.filterwarnings("ignore", message=".*is a deprecated alias.*")
