"""The gallery's downloads (dlref_docs.gallery.downloads, dlref_docs.translation.scripts):

* notebooks hold Markdown, not Sphinx roles;
* a translated page's downloads are the example in the page's language: its text, comments
  and printed lines translated from the page's catalogs, its code byte for byte the same;
* every example page says what to install to run its downloads, in the page's language.

A Korean build of a small project (``roots/test-downloads``) checks the whole path; the
site's own scripts are translated here too, from the committed catalogs.
"""

from __future__ import annotations

import ast
import json
import re
import shutil
import sys
import zipfile
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po
from bs4 import BeautifulSoup
from dlref_docs.core import catalogs
from dlref_docs.gallery.downloads import markdown_without_roles
from dlref_docs.translation.printed import read_literal, translate_printed, write_literal
from dlref_docs.translation.scripts import Catalogs, translate_script

ROOT = Path(__file__).resolve().parents[2]
LOCALE = ROOT / "docs" / "locale" / "ko" / "LC_MESSAGES"


def test_roles_become_markdown():
    text = (":func:`dlref.models.build_mlp` and :meth:`~keras.Model.fit` train, "
            ":mod:`dlref.losses` scores, :term:`dropout` and :term:`units <unit>` are words, "
            ":class:`keras.Sequential`; :ref:`the end <sphx_glr_x>`.")
    assert markdown_without_roles(text) == (
        "`dlref.models.build_mlp()` and `fit()` train, `dlref.losses` scores, dropout and "
        "units are words, `keras.Sequential`; the end.")
    # What sphinx-gallery leaves of :ref: (it drops the role, keeps the target).
    assert markdown_without_roles("`Go to the end <sphx_glr_download_x.py>` to download") == \
        "Go to the end to download"
    # A link written in Markdown and inline code stay.
    assert markdown_without_roles("[a link](https://x.org) and `x < 0`") == \
        "[a link](https://x.org) and `x < 0`"


def test_printed_literals_are_read_and_written_back():
    pieces = read_literal('f"{name:>10s}: {{x}} = {v[\'a\']:.1e}"\n    " done"')
    assert pieces == [("field", "{name:>10s}"), ("text", ": {x} = "),
                      ("field", "{v['a']:.1e}"), ("text", " done")]
    assert write_literal(pieces) == 'f"{name:>10s}: {{x}} = {v[\'a\']:.1e} done"'
    assert write_literal([("text", 'say "hi"\n')]) == "'say \"hi\"\\n'"


def test_a_printed_literal_is_translated_only_when_every_line_agrees():
    source = ('for name in ("sgd", "adam"):\n'
              '    print(f"{name}: loss {0.5:.2f} after 3 steps")\n'
              'print(f"{label} wins")\n')
    starts = [0]
    for line in source.splitlines(keepends=True):
        starts.append(starts[-1] + len(line))
    outputs = {"sgd: loss {0} after {1} steps": "sgd: {1}스텝 뒤 손실 {0}",
               "adam: loss {0} after {1} steps": "adam: {1}스텝 뒤 손실 {0}",
               # the field's value is translated ("best" -> "최고"): the literal stays
               "best wins": "최고가 이깁니다"}
    result = translate_printed(source, starts, outputs, frozenset(outputs))
    assert result.total == 2
    [(start, end, new)] = result.edits
    # The written number 3 comes back as written; the field keeps its format.
    assert new == 'f"{name}: 3스텝 뒤 손실 {0.5:.2f}"'
    assert result.missing == ["wins"]


class _Blank(ast.NodeTransformer):
    """Every string made empty: what is left is the code."""

    def visit_Constant(self, node):
        return ast.Constant("") if isinstance(node.value, str) else node

    def visit_JoinedStr(self, node):
        return ast.Constant("")


def _code(text: str) -> str:
    return ast.dump(_Blank().visit(ast.parse(text)))


def test_the_sites_scripts_in_korean_keep_their_code():
    with (LOCALE / "outputs.po").open("rb") as handle:
        outputs_catalog = read_po(handle)
    comments = catalogs.read(LOCALE / "comments.po").strings
    outputs = catalogs.read(LOCALE / "outputs.po").strings
    total = translated = 0
    for script in sorted((ROOT / "gallery").glob("*/plot_*.py")):
        docname = f"auto_examples/{script.parent.name}/{script.stem}"
        page = catalogs.read(LOCALE / f"{docname}.po").strings
        mine = frozenset(m.id for m in outputs_catalog if m.id and docname in m.auto_comments)
        source = script.read_text(encoding="utf-8")
        result = translate_script(source, Catalogs(page, comments, outputs, mine))
        assert _code(result.text) == _code(source), script.name
        # Text blocks and comments are all translated (the catalogs are complete); what
        # stays English is printed literals whose fields the translation changes.
        prose = [m for m in result.missing if m in page or m in comments]
        assert not prose, (script.name, prose)
        assert "# %%" in result.text and "use_style()" in result.text
        total += result.printed[0]
        translated += result.printed[1]
    assert total > 60 and translated / total > 0.6, (translated, total)


# ---- a Korean build of roots/test-downloads ----------------------------------------------------

KO_PAGE = {
    "Epochs": "에포크",
    "A loop of :func:`dlref.plotting.use_style` epochs.":
        ":func:`dlref.plotting.use_style`\\ 로 도는 에포크 반복입니다.",
    "The loop": "반복",
    "Each epoch prints its loss, and :class:`~matplotlib.figure.Figure` shows them all.":
        "에포크마다 손실을 출력하고, :class:`~matplotlib.figure.Figure`\\ 가 모두 보여 줍니다.",
}


def _write_catalog(path: Path, entries: dict[str, str], docname: str | None = None) -> None:
    catalog = Catalog(locale="ko", fuzzy=False)
    for msgid, msgstr in entries.items():
        catalog.add(msgid, msgstr, auto_comments=[docname] if docname else [])
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as handle:
        write_po(handle, catalog)


@pytest.fixture
def project(rootdir, tmp_path):
    shutil.copytree(rootdir / "test-downloads", tmp_path / "project")
    docs = tmp_path / "project" / "docs"
    page = "auto_examples/plot_epochs"
    _write_catalog(catalogs.page_catalog(docs, "ko", page), KO_PAGE)
    _write_catalog(catalogs.page_catalog(docs, "ko", "comments"),
                   {"one line per epoch": "에포크마다 한 줄"})
    _write_catalog(catalogs.page_catalog(docs, "ko", "outputs"),
                   {"epoch {0}: loss {1}": "에포크 {0}: 손실 {1}"}, docname=page)
    return docs


def test_a_korean_page_offers_the_example_in_korean(make_app, project):
    docs = project
    korean = make_app("html", srcdir=docs, builddir=docs / "_build" / "ko",
                      confoverrides={"language": "ko"})
    korean.build()
    assert not korean.warning.getvalue(), korean.warning.getvalue()
    made = docs / "auto_examples"
    english = (made / "plot_epochs.py").read_text(encoding="utf-8")
    script = (made / "plot_epochs.ko.py").read_text(encoding="utf-8")
    assert "에포크\n======\n" in script  # the title, its underline as wide as the Korean
    assert ":func:`dlref.plotting.use_style`\\\\ 로 도는 에포크 반복입니다." in script
    assert "# 반복\n# ----\n# 에포크마다 손실을 출력하고" in script
    assert 'print(f"에포크 {epoch}: 손실 {loss:.2f}")  # 에포크마다 한 줄' in script
    assert _code(script) == _code(english)

    notebook = json.loads((made / "plot_epochs.ko.ipynb").read_text(encoding="utf-8"))
    markdown = "".join("".join(c["source"]) for c in notebook["cells"]
                       if c["cell_type"] == "markdown")
    assert "`dlref.plotting.use_style()`로 도는 에포크 반복입니다." in markdown
    assert ":func:" not in markdown and ":class:" not in markdown and "\\ " not in markdown
    code = "".join("".join(c["source"]) for c in notebook["cells"] if c["cell_type"] == "code")
    assert "에포크 {epoch}: 손실" in code and "plt.show()" in code
    with zipfile.ZipFile(made / "plot_epochs.ko.zip") as archive:
        assert sorted(archive.namelist()) == ["plot_epochs.ko.ipynb", "plot_epochs.ko.py"]

    page = BeautifulSoup((korean.outdir / "auto_examples" / "plot_epochs.html")
                         .read_text(encoding="utf-8"), "html.parser")
    links = [a["href"] for a in page.select("a.download")]
    assert sorted(Path(link).name for link in links) == [
        "plot_epochs.ko.ipynb", "plot_epochs.ko.py", "plot_epochs.ko.zip"]
    for link in links:  # the files the buttons download are the Korean ones
        assert (korean.outdir / "auto_examples" / link).is_file()
    notes = [p.get_text(" ", strip=True) for p in page.select("p.dlref-download-note")]
    assert notes[0].startswith("dlref와 예제가 임포트하는 패키지를 모두 설치하면")
    assert 'python -m pip install ".[examples]"' in notes[0]
    assert notes[1].startswith("스크립트와 노트북도 이 페이지의 언어로 되어 있습니다.")

    # The English build of the same project: English downloads, English notes, and a
    # notebook without roles.
    english_app = make_app("html", srcdir=docs, builddir=docs / "_build" / "en")
    english_app.build()
    html = (english_app.outdir / "auto_examples" / "plot_epochs.html").read_text(
        encoding="utf-8")
    page = BeautifulSoup(html, "html.parser")
    assert sorted(Path(a["href"]).name for a in page.select("a.download")) == [
        "plot_epochs.ipynb", "plot_epochs.py", "plot_epochs.zip"]
    notes = [p.get_text(" ", strip=True) for p in page.select("p.dlref-download-note")]
    assert len(notes) == 1 and notes[0].startswith("Both downloads run once dlref is installed")
    notebook = json.loads((made / "plot_epochs.ipynb").read_text(encoding="utf-8"))
    markdown = "".join("".join(c["source"]) for c in notebook["cells"]
                       if c["cell_type"] == "markdown")
    assert "A loop of `dlref.plotting.use_style()` epochs." in markdown
    assert ":func:" not in markdown


# ---- the examples themselves ---------------------------------------------------------------------


def _examples_extra() -> set[str]:
    """The distributions `pip install ".[examples]"` brings, and what they require."""
    import importlib.metadata

    from dlref_docs.core.languages import tomllib  # tomli on Python 3.10

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    extras = project["optional-dependencies"]

    def name(requirement: str) -> str:
        return re.split(r"[\s<>=!~;\[]", requirement, maxsplit=1)[0].lower()

    wanted = [*project["dependencies"]]
    for requirement in extras["examples"]:
        if name(requirement) == "dlref":  # dlref[tensorflow]: the extra it names
            extra = re.search(r"\[(\w+)\]", requirement).group(1)
            wanted += extras[extra]
        else:
            wanted.append(requirement)
    found = {"dlref"}
    for requirement in wanted:
        found.add(name(requirement))
        for sub in importlib.metadata.requires(name(requirement)) or []:
            if "extra ==" not in sub:
                found.add(name(sub))
    return found


# The module each distribution is imported as, where the names differ.
MODULE_OF = {"scikit-learn": "sklearn", "koreanize-matplotlib": "koreanize_matplotlib"}


def test_every_example_runs_from_the_examples_extra_and_shows_its_figures():
    installed = {MODULE_OF.get(d, d.replace("-", "_")) for d in _examples_extra()}
    assert {"sklearn", "tensorflow", "keras", "threadpoolctl"} <= installed
    for script in sorted((ROOT / "gallery").glob("*/plot_*.py")):
        source = script.read_text(encoding="utf-8")
        tree = ast.parse(source)
        modules = {alias.name.split(".")[0] for node in ast.walk(tree)
                   if isinstance(node, ast.Import) for alias in node.names}
        modules |= {node.module.split(".")[0] for node in ast.walk(tree)
                    if isinstance(node, ast.ImportFrom) and node.module}
        outside = modules - installed - set(sys.stdlib_module_names)
        assert not outside, f"{script.name} imports {outside}, not in the examples extra"
        assert source.rstrip().endswith("plt.show()"), f"{script.name} does not end in plt.show()"
        # Keras and TensorFlow come through dlref's loader, which keeps TensorFlow quiet.
        first = {"keras": None, "tensorflow": None, "import_keras()": None}
        for number, line in enumerate(source.splitlines()):
            for key, pattern in (("keras", r"^import keras\b"),
                                 ("tensorflow", r"^import tensorflow\b"),
                                 ("import_keras()", r"^(keras = )?import_keras\(\)")):
                if first[key] is None and re.match(pattern, line):
                    first[key] = number
        assert first["keras"] is None, f"{script.name}: keras = import_keras(), not import keras"
        if first["tensorflow"] is not None:
            assert first["import_keras()"] is not None and \
                first["import_keras()"] < first["tensorflow"], script.name
