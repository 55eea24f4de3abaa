"""Code comments and printed output in the reader's language (dlref_docs.translation.code).

* only comment tokens change (tool comments such as ``# noqa`` stay), output lines keep their
  numbers and indentation, a missing translation is reported, tables keep their columns;
* a Korean build of a small project (``roots/test-code-comments``) with a comment missing
  from comments.po warns (an error under -W), naming it; a catalog that does not parse
  stops the build, naming file and line.

The built site is checked in tests/site/test_korean_code.py.
"""

from __future__ import annotations

import re
import shutil
import textwrap

import pytest
from babel.messages.catalog import Catalog
from babel.messages.pofile import write_po
from dlref_docs.translation import code as code_i18n
from dlref_docs.translation import output as output_i18n
from sphinx.errors import ExtensionError
from wcwidth import wcswidth

COMMENTS = {"hidden layer": "은닉층", "{0} mini-batches of {1}": "크기 {1}의 미니배치 {0}개"}


def test_only_comment_tokens_change():
    code = ('x = "# not a comment"  # hidden layer\n'
            "n = 1875  # 1875 mini-batches of 32\n"
            "import os  # noqa: F401\n")
    missing: list[str] = []
    korean = code_i18n.translate_comments(code, "python", COMMENTS, missing)
    assert korean == ('x = "# not a comment"  # 은닉층\n'
                      "n = 1875  # 크기 32의 미니배치 1875개\n"
                      "import os  # noqa: F401\n")
    assert missing == []


def test_shell_comments_are_translated_and_the_commands_kept():
    """The landing page's ``make site   # …`` lines: a shell block, lexed as one."""
    code = 'make site   # hidden layer\necho "# not a comment"\n'
    missing: list[str] = []
    korean = code_i18n.translate_comments(code, "bash", COMMENTS, missing)
    assert korean == 'make site   # 은닉층\necho "# not a comment"\n'
    assert missing == []


def test_pycon_comments_and_a_missing_one_are_found():
    code = ">>> y = 2  # hidden layer\n>>> z = 3  # output layer\n3\n"
    missing: list[str] = []
    korean = code_i18n.translate_comments(code, "pycon", COMMENTS, missing)
    assert korean == ">>> y = 2  # 은닉층\n>>> z = 3  # output layer\n3\n"
    assert missing == ["output layer"]


def test_output_lines_keep_numbers_and_indentation():
    catalog = {"final loss {0}, accuracy {1}": "최종 손실 {0}, 정확도 {1}"}
    missing: list[str] = []
    out = output_i18n.translate_output("relu\n  final loss 0.709, accuracy 0.880\n0.5 0.25",
                                     catalog, missing)
    assert out == "relu\n  최종 손실 0.709, 정확도 0.880\n0.5 0.25"
    assert missing == ["relu"]


ENGLISH_TABLE = """\
                    acc   prec recall     F1  PR-AUC ROC-AUC
           plain  0.951  0.000  0.000  0.000   0.505   0.914
   class weights  0.907  0.333  0.905  0.487   0.689   0.970
plain, 4x longer  0.970  0.786  0.524  0.629   0.803   0.985"""
KOREAN_TABLE = {  # as the catalog fills it in, padded for one cell per character
    "acc   prec recall     F1  PR-AUC ROC-AUC": "정확도  정밀도 재현율  F1  PR-AUC ROC-AUC",
    "plain  {0}  {1}  {2}  {3}   {4}   {5}": "기본  {0}  {1}  {2}  {3}   {4}   {5}",
    "class weights  {0}  {1}  {2}  {3}   {4}   {5}":
        "클래스 가중치  {0}  {1}  {2}  {3}   {4}   {5}",
    "plain, {0}x longer  {1}  {2}  {3}  {4}   {5}   {6}":
        "기본, {0}배 더 길게  {1}  {2}  {3}  {4}   {5}   {6}",
}


def _first_cell_ends(text: str) -> list[int]:
    """Display width up to the end of each row's first number cell ("0.951")."""
    ends = []
    for line in text.splitlines():
        match = re.search(r"\d\.\d{3}(?!\d)", line)
        if match and not line.startswith(("balanced", "균형")):
            ends.append(wcswidth(line[:match.end()]))
    return ends


def test_a_translated_table_keeps_its_columns_by_display_width():
    missing = []
    korean = output_i18n.translate_output(ENGLISH_TABLE, KOREAN_TABLE, missing)
    assert not missing
    assert _first_cell_ends(korean) == _first_cell_ends(ENGLISH_TABLE) == [23, 23, 23]
    lines = korean.splitlines()
    # The header's titles end where their columns' numbers end.
    assert lines[0] == "                 정확도  정밀도 재현율    F1  PR-AUC ROC-AUC"
    assert lines[1] == "            기본  0.951  0.000  0.000  0.000   0.505   0.914"
    assert lines[3] == "기본, 4배 더 길게 0.970  0.786  0.524  0.629   0.803   0.985"  # too wide


def test_rows_whose_cells_differ_and_prose_stay_as_translated():
    assert output_i18n.realign("stretched bowl, after 50 steps from [-4.   1.5]:",
                             "늘어난 그릇 모양 함수, [-4.   1.5]에서 50스텝 후:") == \
        "늘어난 그릇 모양 함수, [-4.   1.5]에서 50스텝 후:"
    prose = "시드 0: 검증 손실 0.951 -> 0.830"
    assert output_i18n.realign("seed 0: val loss 0.951 -> 0.830", prose) == prose


def _catalog(path, entries):
    catalog = Catalog(locale="ko")
    for msgid, msgstr in entries.items():
        catalog.add(msgid, msgstr)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as handle:
        write_po(handle, catalog)


@pytest.fixture
def project(rootdir, tmp_path):
    """A copy of roots/test-code-comments (a page with two commented code lines)."""
    shutil.copytree(rootdir / "test-code-comments", tmp_path / "src")
    return tmp_path / "src"


def test_a_comment_without_translation_is_named_by_the_korean_build(make_app, project):
    comments = project / "locale" / "ko" / "LC_MESSAGES" / "comments.po"
    _catalog(comments, COMMENTS)
    english = make_app("html", srcdir=project, builddir=project / "_build" / "en")
    english.build()
    assert "output layer" not in english.warning.getvalue()
    korean = make_app("html", srcdir=project, builddir=project / "_build" / "ko",
                      confoverrides={"language": "ko"})
    korean.build()
    warnings = korean.warning.getvalue()
    assert "index.rst" in warnings and "'output layer'" in warnings, warnings
    _catalog(comments, dict(COMMENTS, **{"output layer": "출력층"}))
    again = make_app("html", srcdir=project, builddir=project / "_build" / "ko2",
                     confoverrides={"language": "ko"})
    again.build()
    assert "output layer" not in again.warning.getvalue()
    html = (again.outdir / "index.html").read_text(encoding="utf-8")
    assert "# 은닉층" in html and "# 출력층" in html


def test_a_comment_catalog_that_does_not_parse_stops_the_korean_build(make_app, project):
    broken = project / "locale" / "ko" / "LC_MESSAGES" / "comments.po"
    broken.parent.mkdir(parents=True)
    broken.write_text('msgid "hidden layer"\nmsgstr "은닉층\n', encoding="utf-8")
    app = make_app("html", srcdir=project, confoverrides={"language": "ko"})
    # Sphinx wraps the handler's CatalogError; its message names the file and the line.
    with pytest.raises(ExtensionError, match=r"comments\.po does not parse: line 2 "):
        app.build()


ADVICE = ("y holds one-hot rows over 3 classes, but loss='sparse_categorical_crossentropy' "
          "expects integer class ids: use loss='categorical_crossentropy' or pass integer "
          "class ids (y.argmax(axis=1)).")


def _dlref_korean(text):
    from dlref._i18n_tools import translate_rendered

    return translate_rendered(text, "ko")


def test_doctests_are_cut_into_source_and_output_as_doctest_reads_them():
    text = (">>> for i in range(2):\n...     print(i)\n0\n1\n>>> x = 1  # hidden layer\n"
            ">>> f()\nTraceback (most recent call last):\n    ...\nValueError: no")
    assert code_i18n.doctest_parts(text) == [
        (False, ">>> for i in range(2):\n...     print(i)"), (True, "0\n1"),
        (False, ">>> x = 1  # hidden layer\n>>> f()"),
        (True, "Traceback (most recent call last):\n    ...\nValueError: no")]


def test_doctest_output_translates_prose_and_leaves_values_alone():
    catalog = {"before {0}, after {1}": "전 {0}, 후 {1}"}
    missing: list[str] = []
    output = "before 0.3206, after 0.2716\narray([0.5, 1. ])\nTrue\n'mean_absolute_error'"
    korean = output_i18n.translate_output(output, catalog, missing, doctest=True)
    assert korean == "전 0.3206, 후 0.2716\narray([0.5, 1. ])\nTrue\n'mean_absolute_error'"
    assert missing == []
    assert output_i18n.output_messages(output, doctest=True) == ["before {0}, after {1}"]


def test_what_dlref_printed_comes_from_dlrefs_own_catalog_wrapped_like_the_english():
    english = textwrap.fill(ADVICE, 88)  # a doctest's expected output is wrapped
    assert english.count("\n") == 2
    missing: list[str] = []
    korean = output_i18n.translate_output(english, {}, missing, _dlref_korean, doctest=True)
    assert missing == []  # no outputs.po entry needed
    assert " ".join(korean.split()) == _dlref_korean(ADVICE)
    assert "정수 클래스 번호" in korean
    assert max(map(wcswidth, korean.splitlines())) <= max(map(wcswidth, english.splitlines()))
    assert output_i18n.output_messages(english, _dlref_korean, doctest=True) == []
    # An exception's type stays in front; a library's own message stays English.
    raised = output_i18n.translate_output(f"ValueError: {ADVICE}", {}, missing, _dlref_korean)
    assert raised.startswith("ValueError: y에 클래스 3개")
    keras = "ValueError: Only one of `clipnorm` and `clipvalue` can be set."
    assert output_i18n.translate_output(keras, {}, missing, _dlref_korean,
                                        doctest=True) == keras
    assert missing == []
