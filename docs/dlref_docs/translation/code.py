"""Code comments and printed output in the reader's language; the code stays byte-identical.

Two catalogs next to the page catalogs, each message one line with ``{0}``… in place of its
numbers (the same rule as the figures, :mod:`dlref_docs.core.holes`):

* ``comments.po``: the text of every ``#`` comment in a Python, pycon or shell code block
  (gallery code cells, concept pages, doctests, the commands on the landing page).  Only
  comment tokens (found by Pygments, the lexer that highlights the block) are replaced, so
  the code around them cannot change.
* ``outputs.po``: every line a gallery example prints (sphinx-gallery's
  ``sphx-glr-script-out`` blocks) and every prose line a doctest prints; what dlref itself
  printed comes from dlref's own catalog instead (:mod:`.output`).  The numbers of the
  translated line are the printed ones.

The gettext builder writes ``comments.pot`` and ``outputs.pot`` (``make catalogs`` merges
them like any other template); the Korean build translates the blocks and warns (an
error under ``-W``) about a line or comment without a translation, naming page and text.
"""

from __future__ import annotations

import re
from pathlib import Path

from babel.messages.catalog import Catalog
from docutils import nodes
from pygments.lexers import BashLexer, BashSessionLexer, PythonConsoleLexer, PythonLexer
from pygments.token import Comment
from sphinx.util import logging

from ..core import catalogs, holes, languages
from ..core.state import PerPageCollector
from .output import output_messages, translate_output, widen_wide_runs

logger = logging.getLogger(__name__)

COMMENTS, OUTPUTS = "comments", "outputs"
PYTHON = {"python", "python3", "py", "default", "pycon", "ipython", ""}
SHELL = {"bash", "sh", "shell", "console", "shell-session"}  # the README commands on index
OUTPUT_CLASS = "sphx-glr-script-out"
# Comments that are instructions to tools, not prose for the reader.
_TOOL_COMMENT = re.compile(r"^#\s*(?:noqa|fmt:|type:|doctest:|pragma|sphinx_gallery_|%%)",
                           re.IGNORECASE)


def _is_output(node: nodes.literal_block) -> bool:
    return any(OUTPUT_CLASS in n.get("classes", []) for n in (node, node.parent) if n)


def _is_doctest(node: nodes.literal_block) -> bool:
    language = (node.get("language") or "").lower()
    return language in ("pycon", "ipython") or (
        language in PYTHON and node.astext().lstrip().startswith(">>>"))


def doctest_parts(text: str) -> list[tuple[bool, str]]:
    r"""A doctest cut into ``(is_output, text)`` runs of lines, as doctest reads it: a line
    starting with ``>>>`` opens an example, ``...`` lines continue it, other lines are its
    output.

    >>> doctest_parts(">>> print(1)\n1\n>>> x = 2")
    [(False, '>>> print(1)'), (True, '1'), (False, '>>> x = 2')]
    """
    parts: list[tuple[bool, list[str]]] = []
    in_source = False
    for line in text.split("\n"):
        if line.startswith(">>>") or (in_source and line.startswith("...")):
            is_output, in_source = False, True
        else:
            is_output, in_source = True, False
        if parts and parts[-1][0] == is_output:
            parts[-1][1].append(line)
        else:
            parts.append((is_output, [line]))
    return [(is_output, "\n".join(lines)) for is_output, lines in parts]


def _rendered(language: str):
    """dlref's own translation of what it printed, for ``language`` (None without dlref)."""
    try:
        from dlref._i18n_tools import translate_rendered
    except ImportError:
        return None
    return lambda text: translate_rendered(text, language)


def _has_comments(node: nodes.literal_block) -> bool:
    language = (node.get("language") or "").lower()
    return language in PYTHON | SHELL and not _is_output(node)


def _lexer(language: str):
    language = language.lower()
    if language in ("pycon", "ipython"):
        return PythonConsoleLexer()
    if language in ("console", "shell-session"):
        return BashSessionLexer()
    return BashLexer() if language in SHELL else PythonLexer()


def comment_spans(code: str, language: str) -> list[tuple[int, int, str]]:
    """``(start, end, message)`` of each prose comment in ``code`` (``message`` without ``#``).

    >>> comment_spans("x = 1  # hidden layer 2", "python")
    [(7, 23, 'hidden layer {0}')]
    """
    lexer = _lexer(language)
    spans = []
    # The console lexers emit a line once they see its end: a last line needs its newline.
    for start, token, text in lexer.get_tokens_unprocessed(code + "\n"):
        if token in Comment and text.startswith("#") and not _TOOL_COMMENT.match(text):
            message, _ = holes.template(text[1:].strip())
            if holes.is_words(message):
                spans.append((start, start + len(text.rstrip()), message))
    return spans


def translate_comments(code: str, language: str, catalog: dict[str, str],
                       missing: list[str]) -> str:
    out, last = [], 0
    for start, end, message in comment_spans(code, language):
        original = code[start:end]
        _, numbers = holes.template(original[1:].strip())
        if message not in catalog:
            missing.append(message)
            continue
        out.append(code[last:start])
        out.append("# " + holes.fill(catalog[message], numbers))
        last = end
    out.append(code[last:])
    return "".join(out)


def widen_page(app, pagename, templatename, context, doctree) -> None:
    wide_run = languages.for_app(app).wide_run
    if wide_run is not None and "body" in context:
        context["body"] = widen_wide_runs(context["body"], wide_run)


def _catalog_path(app, name: str) -> Path:
    return catalogs.page_catalog(app.srcdir, app.config.language, name)


def translate_blocks(app, doctree) -> None:
    """Korean build: translate comments and output lines of every literal block."""
    if languages.for_app(app).is_source or app.builder.name == "gettext":
        return
    # A catalog that does not parse stops the build (CatalogError names file and line).
    comments = catalogs.read(_catalog_path(app, COMMENTS)).strings
    outputs = catalogs.read(_catalog_path(app, OUTPUTS)).strings
    rendered = _rendered(app.config.language)
    for node in list(doctree.findall(nodes.literal_block)):
        missing: dict[str, list[str]] = {COMMENTS: [], OUTPUTS: []}
        text = node.astext()
        if _is_output(node):
            new = translate_output(text, outputs, missing[OUTPUTS], rendered)
        elif _is_doctest(node):
            new = "\n".join(
                translate_output(part, outputs, missing[OUTPUTS], rendered, doctest=True)
                if is_output else
                translate_comments(part, "pycon", comments, missing[COMMENTS])
                for is_output, part in doctest_parts(text))
        elif _has_comments(node):
            new = translate_comments(text, node.get("language") or "", comments,
                                     missing[COMMENTS])
        else:
            continue
        for kind in (COMMENTS, OUTPUTS):
            app.env.note_dependency(str(_catalog_path(app, kind)))  # re-read when it changes
            for message in dict.fromkeys(missing[kind]):
                logger.warning("no %r translation in %s.po of %r (run `make catalogs`)",
                               app.config.language, kind, message, location=node,
                               type="code_i18n", subtype=kind)
        if new != text:
            # rawsource must equal the text, or Sphinx treats the block as parsed-literal
            # and does not highlight it.
            node.rawsource = new
            node.children = [nodes.Text(new)]


class CodeMessages(PerPageCollector):
    """gettext builder: each page's comments and output lines (kept in the environment, so
    an incremental gettext build still writes complete templates)."""

    name = "dlref_code_messages"

    def collect(self, app, doctree) -> dict[str, list[str]] | None:
        if app.builder.name != "gettext":
            return None
        found: dict[str, list[str]] = {COMMENTS: [], OUTPUTS: []}
        # Lines dlref's own catalog translates need no entry; the site's other language is
        # the one dlref is asked for (its catalog is the same for every site language).
        rendered = _rendered(_first_translation(app))
        for node in doctree.findall(nodes.literal_block):
            if _is_output(node):
                found[OUTPUTS].extend(output_messages(node.astext(), rendered))
            elif _is_doctest(node):
                for is_output, part in doctest_parts(node.astext()):
                    if is_output:
                        found[OUTPUTS].extend(output_messages(part, rendered, doctest=True))
                    else:
                        found[COMMENTS].extend(m for _, _, m in comment_spans(part, "pycon"))
            elif _has_comments(node):
                found[COMMENTS].extend(
                    m for _, _, m in comment_spans(node.astext(), node.get("language") or ""))
        return found


def _first_translation(app) -> str:
    dirs = [Path(app.srcdir, d) for d in app.config.locale_dirs]
    codes = [code for d in dirs for code in languages.translations(d)]
    return codes[0] if codes else languages.SOURCE


def write_templates(app, exception) -> None:
    if exception is not None or app.builder.name != "gettext":
        return
    pages = CodeMessages.data(app.env)
    for kind in (COMMENTS, OUTPUTS):
        template = Catalog(project=app.config.project, version=app.config.version,
                           fuzzy=False)
        for docname in sorted(pages):
            for message in pages[docname][kind]:
                entry = template.get(message)
                if entry is None:
                    template.add(message, auto_comments=[docname])
                elif docname not in entry.auto_comments:
                    entry.auto_comments.append(docname)
        catalogs.save(Path(app.outdir) / f"{kind}.pot", template)
