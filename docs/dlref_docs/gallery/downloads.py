"""The gallery's downloads: notebooks in plain Markdown, and scripts in the page's language.

* Notebooks: sphinx-gallery turns each text block into Markdown (headings, maths, links),
  but leaves Sphinx's roles as they are, so a notebook reads ":func:`dlref.x.y`".  Every
  notebook's Markdown cells get them as Markdown: code for API names, plain words for
  glossary terms and cross-references (:func:`markdown_without_roles`).  sphinx-gallery has
  no option for this (its ``pypandoc`` option writes roles as ``{.interpreted-text}``
  spans), so it is done here, after the gallery step, and the zip is made again.
* Translated builds: each example's script is written in the page's language next to the
  English one (``plot_x.<lang>.py``: its text, comments and printed lines translated,
  :mod:`dlref_docs.translation.scripts`), with its notebook and zip, and the page's download
  buttons point to them (:func:`use_language_downloads`).
* Every example page says how to install what the downloads import
  (``dlref_examples_install`` in conf.py), and a translated page says that its downloads are
  translated.
"""

from __future__ import annotations

import json
import re
from pathlib import Path, PurePosixPath

from docutils import nodes
from sphinx import addnodes
from sphinx.util import logging

from ..core import catalogs, languages
from ..core.interface import _
from ..translation.scripts import Catalogs, translate_script

logger = logging.getLogger(__name__)

_ROLE = re.compile(r":(?:py:)?(?P<role>[a-z]+):`(?P<body>[^`]+)`")
_EXPLICIT_TITLE = re.compile(r"(?s)(?P<title>.*?)\s*<(?P<target>[^<>]+)>$")
# sphinx-gallery writes :ref:`title <target>` as `title <target>` (it drops only ":ref:").
_REF_LEFT = re.compile(r"`(?P<title>[^`<>\n]+?)\s+<[^`<>\s]+>`(?!_)")
_PLAIN_ROLES = {"term", "doc", "ref", "numref", "abbr"}  # words, not code
_CALL_ROLES = {"func", "meth"}  # Sphinx shows these with "()"


def markdown_without_roles(text: str) -> str:
    """Write the Sphinx roles left in a notebook's Markdown as Markdown.

    >>> markdown_without_roles(":func:`dlref.datasets.load_digits_images` gives "
    ...                        ":term:`batches <batch>` of :class:`~keras.Model` input")
    '`dlref.datasets.load_digits_images()` gives batches of `Model` input'
    >>> markdown_without_roles("`Go to the end <sphx_glr_download_x.py>` to download.")
    'Go to the end to download.'
    >>> markdown_without_roles("손실에 $\\\\lambda$\\\\ 를 더합니다")
    '손실에 $\\\\lambda$를 더합니다'
    """
    def replace(match: re.Match) -> str:
        role, body = match["role"], match["body"]
        explicit = _EXPLICIT_TITLE.fullmatch(body)
        if explicit:
            shown = explicit["title"]
        else:
            shown = body.lstrip("~!")
            if body.startswith("~"):
                shown = shown.rsplit(".", 1)[-1]
            if role in _CALL_ROLES and not shown.endswith(")"):
                shown += "()"
        if role in _PLAIN_ROLES:
            return shown
        if role == "math":
            return f"${shown}$"
        return f"`{shown}`"

    text = _ROLE.sub(replace, text)
    text = _REF_LEFT.sub(lambda m: m["title"], text)
    # reST's escaped space between markup and a letter (``x``\ 를) is nothing in Markdown.
    text = re.sub(r"(?<=[`$*])\\ ", "", text)
    return re.sub(r"\\ (?=[:`*$])", "", text)


def _fix_notebook(path: Path) -> bool:
    """Rewrite a notebook's Markdown cells without roles; return whether it changed."""
    notebook = json.loads(path.read_text(encoding="utf-8"))
    changed = False
    for cell in notebook.get("cells", []):
        if cell.get("cell_type") != "markdown":
            continue
        text = "".join(cell["source"])
        new = markdown_without_roles(text)
        if new != text:
            cell["source"] = [new]
            changed = True
    if changed:
        path.write_text(json.dumps(notebook, indent=2), encoding="utf-8")
    return changed


def _zip(script: Path, notebook: Path, target: Path) -> None:
    from sphinx_gallery.utils import zip_files

    zip_files([script, notebook], target, script.parent)


def _notebook_of(script: Path, target: Path, gallery_conf: dict) -> None:
    """Write the notebook of ``script`` as sphinx-gallery writes an example's notebook."""
    from sphinx_gallery import py_source_parser as parser
    from sphinx_gallery.notebook import jupyter_notebook, save_notebook

    _, blocks = parser.split_code_and_text_blocks(str(script))
    blocks = [parser.Block(kind, parser.remove_ignore_blocks(content), line)
              for kind, content, line in blocks]
    if gallery_conf.get("remove_config_comments"):
        blocks = [parser.Block(kind, parser.remove_config_comments(content), line)
                  for kind, content, line in blocks]
    if blocks and blocks[-1].content.isspace():
        blocks = blocks[:-1]
    save_notebook(jupyter_notebook(blocks, gallery_conf, script.parent), target)
    _fix_notebook(target)


def language_path(path: Path, language: str) -> Path:
    """``plot_x.py`` -> ``plot_x.<language>.py`` (Sphinx's ``figure_language_filename``)."""
    return path.with_name(f"{path.stem}.{language}{path.suffix}")


def _examples(app) -> list[Path]:
    """The English example scripts of the built gallery (those with a notebook)."""
    conf = getattr(app.config, "sphinx_gallery_conf", None) or {}
    found = []
    for gallery in conf.get("gallery_dirs", []):
        for notebook in sorted((Path(app.srcdir) / gallery).rglob("*.ipynb")):
            script = notebook.with_suffix(".py")
            if "." not in notebook.stem and script.is_file():
                found.append(script)
    return found


def prepare_downloads(app) -> None:
    """builder-inited, after the gallery: Markdown notebooks; translated scripts, notebooks
    and zips in a translated build."""
    examples = _examples(app)
    if app.builder.name == "gettext" or not examples:
        return
    for script in examples:
        if _fix_notebook(script.with_suffix(".ipynb")):
            _zip(script, script.with_suffix(".ipynb"), script.with_suffix(".zip"))
    language = languages.for_app(app)
    if language.is_source:
        return
    srcdir = Path(app.srcdir)
    comments = catalogs.read(catalogs.page_catalog(srcdir, language.code, "comments")).strings
    outputs_path = catalogs.page_catalog(srcdir, language.code, "outputs")
    outputs = catalogs.read(outputs_path).strings
    pages: dict[str, set[str]] = {}
    if outputs_path.is_file():
        for message in catalogs.load(outputs_path):
            for docname in message.auto_comments:
                pages.setdefault(docname, set()).add(message.id)
    conf = app.config.sphinx_gallery_conf
    translated, total = 0, 0
    for script in examples:
        docname = script.relative_to(srcdir).with_suffix("").as_posix()
        page = catalogs.read(catalogs.page_catalog(srcdir, language.code, docname)).strings
        result = translate_script(
            script.read_text(encoding="utf-8"),
            Catalogs(page, comments, outputs, frozenset(pages.get(docname, ()))))
        target = language_path(script, language.code)
        if not target.is_file() or target.read_text(encoding="utf-8") != result.text:
            target.write_text(result.text, encoding="utf-8")
        notebook = language_path(script.with_suffix(".ipynb"), language.code)
        _notebook_of(target, notebook, conf)
        _zip(target, notebook, language_path(script.with_suffix(".zip"), language.code))
        total += result.printed[0]
        translated += result.printed[1]
    logger.info("dlref_docs: %s downloads written; %d of %d printed strings translated",
                language.code, translated, total)


def use_language_downloads(app, doctree) -> None:
    """doctree-read, before Sphinx collects the downloads: a translated page's buttons
    download the translated script, notebook and zip."""
    language = languages.for_app(app)
    if language.is_source or app.builder.name == "gettext":
        return
    docdir = PurePosixPath(app.env.docname).parent
    for node in doctree.findall(addnodes.download_reference):
        target = node.get("reftarget", "")
        if not re.fullmatch(r"[\w-]+\.(py|ipynb|zip)", target):
            continue
        translated = str(language_path(Path(target), language.code))
        if not (Path(app.srcdir) / str(docdir) / translated).is_file():
            continue
        node["reftarget"] = translated
        for text in list(node.findall(nodes.Text)):
            if target in text:
                text.parent.replace(text, nodes.Text(text.replace(target, translated)))


def add_install_line(app, doctree) -> None:
    """doctree-read: below an example's download buttons, what to install to run them."""
    command = app.config.dlref_examples_install
    if not command or app.builder.name == "gettext":
        return
    for footer in list(doctree.findall(nodes.container)):
        if "sphx-glr-footer-example" not in footer.get("classes", []):
            continue
        paragraph = _with_literal(
            str(_("Both downloads run once dlref is installed with everything the examples "
                  "import: run {command} in a clone of the dlref repository. The notebook "
                  "also needs Jupyter.")), command)
        paragraph["classes"].append("dlref-download-note")
        notes = [paragraph]
        if not languages.for_app(app).is_source and any(
                f".{app.config.language}." in node.get("reftarget", "")
                for node in footer.findall(addnodes.download_reference)):
            notes.append(nodes.paragraph(
                "", str(_("The script and the notebook are in the language of this page: "
                          "their text, comments and most printed lines are translated, and "
                          "the code is that of the English example.")),
                classes=["dlref-download-note"]))
        parent = footer.parent
        position = parent.index(footer) + 1
        for offset, note in enumerate(notes):
            parent.insert(position + offset, note)


def _with_literal(sentence: str, command: str) -> nodes.paragraph:
    before, _, after = sentence.partition("{command}")
    return nodes.paragraph("", "", nodes.Text(before), nodes.literal(command, command),
                           nodes.Text(after))
