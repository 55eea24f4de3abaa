"""sphinx-gallery's generated pages, fitted to a bilingual, accessible site.

* Thumbnails: sphinx-gallery renders them with an empty ``alt`` (it treats them as
  decorative, next to a text link).  Our pages promise that every image describes itself,
  so each thumbnail's alt text becomes the title of the example it links to.
* Cards: sphinx-gallery writes each thumbnail card as raw HTML, so translation does not reach
  it; on a translated page the card's tooltip (the example's introduction) and title become
  those of the example's translated page.
* Run time: "Total running time of the script: (0 minutes 3.215 seconds)" changes on every
  build, so as a page message it would go stale each time.  It is left out of the page
  catalogs and written from the interface catalog, with the measured numbers.
* Download buttons: their labels are interface strings; :func:`download_button` gives
  ``make catalogs`` the translated button of a page message.
* Figures open full size on a tap: at phone width a figure is drawn about 300 px wide and its
  labels are too small to read, so each figure of an example page links to its image file,
  as Sphinx already links the scaled figures of the concept pages.
* Backend: the site's figures are drawn with Keras on one backend (TensorFlow, the build's
  ``KERAS_BACKEND``), while the package also runs on JAX and PyTorch; each example page says,
  above its run time, with which Keras and backend its figures were drawn, or that the
  example uses numpy alone (:func:`uses_keras`). An interface string, like the run time.
"""

from __future__ import annotations

import ast
import html
import importlib.metadata
import re
from pathlib import Path, PurePosixPath

from docutils import nodes

from ..core import languages
from ..core.interface import _
from .records import parse_image_name

_TIMING = re.compile(
    r"^Total running time of the script:\s*\((?P<min>\d+) minutes (?P<sec>[\d.]+) seconds\)$"
)
_TOOLTIP = re.compile(r'(<div class="sphx-glr-thumbcontainer" tooltip=")([^"]*)(")')
_CARD_TITLE = re.compile(r'(<div class="sphx-glr-thumbnail-title">)(.*?)(</div>)', re.S)
#: sphinx-gallery's download buttons (file names and targets are kept).
DOWNLOAD_LABELS = ("Download Jupyter notebook", "Download Python source code", "Download zipped")
_DOWNLOAD = re.compile(r"^:download:`(?P<label>[^:`]+): (?P<rest>[^`]+)`$")


def download_button(msgid: str, translate) -> str | None:
    """The translation of a sphinx-gallery download button, or None for any other message.

    ``translate(label)`` gives a label's translation (or None).

    >>> download_button(":download:`Download zipped: plot_x.zip <plot_x.zip>`",
    ...                 {"Download zipped": "ZIP"}.get)
    ':download:`ZIP: plot_x.zip <plot_x.zip>`'
    """
    match = _DOWNLOAD.match(msgid)
    if not match or match["label"] not in DOWNLOAD_LABELS:
        return None
    label = translate(match["label"])
    return f":download:`{label}: {match['rest']}`" if label else None


def is_run_time(text: str) -> bool:
    """Whether ``text`` is sphinx-gallery's run-time line (bold markup allowed)."""
    return bool(_TIMING.match(text.replace("**", "").strip()))


_GALLERY_IMG = re.compile(
    r'<img src="(?P<src>[^"]+)"[^>]*class = "sphx-glr-(?:single|multi)-img"/>')


def link_figures_to_full_size(app, pagename, templatename, context, doctree) -> None:
    """``html-page-context``: wrap each gallery figure in a link to its image file."""
    body = context.get("body", "")
    if "sphx-glr-single-img" in body or "sphx-glr-multi-img" in body:
        context["body"] = _GALLERY_IMG.sub(
            lambda m: f'<a class="dlref-figure-link" href="{m["src"]}">{m.group()}</a>', body)


def _link_text_after(image: nodes.image) -> str:
    parent = image.parent
    if parent is None:
        return ""
    siblings = list(parent.children)
    for sibling in siblings[siblings.index(image) + 1:]:
        for ref in sibling.findall(nodes.reference):
            text = ref.astext().strip()
            if text:
                return text
    return ""


def fill_thumbnail_alt(app, doctree, docname) -> None:
    for image in doctree.findall(nodes.image):
        if image.get("alt"):
            continue
        parsed = parse_image_name(image.get("uri", ""))
        if parsed is None or not parsed.is_thumbnail:
            continue
        title = _link_text_after(image) or parsed.stem.replace("_", " ")
        image["alt"] = f"{_('Thumbnail')}: {title}"


# What makes an example use Keras: importing it (or its TensorFlow), the Keras-backed parts of
# dlref, or building a Keras optimizer from a dlref one.
_KERAS_MODULES = ("keras", "tensorflow", "dlref.models", "dlref.diagnostics")
#: Display names of the Keras backends, by the name of their package.
BACKENDS = {"tensorflow": "TensorFlow", "jax": "JAX", "torch": "PyTorch"}


def uses_keras(source: str) -> bool:
    r"""Whether an example's source runs Keras.

    >>> uses_keras("from dlref.models import build_mlp\nbuild_mlp((4,))")
    True
    >>> uses_keras("import numpy as np\nfrom dlref.activations import relu")
    False
    >>> uses_keras("from dlref import optimizers\nopt = optimizers.SGD().to_keras()")
    True
    """
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Attribute) and node.attr == "to_keras":
            return True
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            names = [node.module, *(f"{node.module}.{alias.name}" for alias in node.names)]
        else:
            continue
        if any(name == module or name.startswith(module + ".")
               for name in names for module in _KERAS_MODULES):
            return True
    return False


def backend_line(source: str) -> str:
    """The sentence that says with what an example's figures were drawn, in the build's
    language: the Keras and backend of this build, which also runs the examples."""
    if not uses_keras(source):
        return str(_("The figures on this page were drawn with numpy alone, without Keras."))
    from dlref._keras import backend_name  # Keras' own rule, without importing Keras

    backend = backend_name()
    return str(_("The figures on this page were drawn with Keras {keras} on the {backend} "
                 "backend ({backend} {version}).")).format(
        keras=importlib.metadata.version("keras"), backend=BACKENDS.get(backend, backend),
        version=importlib.metadata.version(backend))


def localise_run_time(app, doctree) -> None:
    for paragraph in list(doctree.findall(nodes.paragraph)):
        match = _TIMING.match(paragraph.astext().strip())
        if not match:
            continue
        if app.builder.name == "gettext":
            paragraph.parent.remove(paragraph)
            continue
        source = Path(app.srcdir, app.env.docname + ".py")
        if source.is_file():
            line = backend_line(source.read_text(encoding="utf-8"))
            paragraph.parent.insert(paragraph.parent.index(paragraph),
                                    nodes.paragraph(line, line, classes=["gallery-backend"]))
        if not languages.for_app(app).is_source:
            minutes, seconds = int(match.group("min")), float(match.group("sec"))
            label = nodes.strong(text=str(_("Total running time of the script:")))
            numbers = str(_("({minutes} minutes {seconds} seconds)")).format(
                minutes=minutes, seconds=f"{seconds:.3f}")
            paragraph.replace_self(nodes.paragraph("", "", label, nodes.Text(f" {numbers}")))


def _example_docnames(env) -> dict[str, str]:
    return {PurePosixPath(d).name: d for d in env.found_docs if d.startswith("auto_examples/")}


def _introduction(env, docname: str, cache: dict) -> str:
    if docname not in cache:
        doctree = env.get_doctree(docname)
        section = next(iter(doctree.findall(nodes.section)), None)
        paragraph = next(iter(section.findall(nodes.paragraph)), None) if section else None
        cache[docname] = paragraph.astext().replace("\n", " ") if paragraph else ""
    return cache[docname]


def translate_cards(app, doctree, docname) -> None:
    """Card tooltip and title from the example's translated page."""
    if languages.for_app(app).is_source or app.builder.format != "html":
        return
    env = app.env
    examples = _example_docnames(env)
    cache: dict[str, str] = {}
    opening = None
    for node in list(doctree.findall(lambda n: isinstance(n, (nodes.raw, nodes.image)))):
        if isinstance(node, nodes.image):
            parsed = parse_image_name(node.get("uri", ""))
            if opening is not None and parsed and parsed.stem in examples:
                example = examples[parsed.stem]
                intro = html.escape(_introduction(env, example, cache), quote=True)
                _replace_raw(opening, _TOOLTIP, intro)
                opening = (opening, example)
            continue
        text = node.astext()
        if _TOOLTIP.search(text):
            opening = node
        elif _CARD_TITLE.search(text) and isinstance(opening, tuple):
            title = env.titles[opening[1]].astext()
            _replace_raw(node, _CARD_TITLE, html.escape(title, quote=False))
            opening = None


def _replace_raw(node: nodes.raw, pattern: re.Pattern, new: str) -> None:
    text = pattern.sub(lambda m: m.group(1) + new + m.group(3), node.astext(), count=1)
    node.replace_self(nodes.raw("", text, format=node.get("format", "html")))
