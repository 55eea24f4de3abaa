"""Code comments and printed output are Korean on Korean pages; code and numbers are not touched.

* code_i18n: only comment tokens change (tool comments such as ``# noqa`` stay), output
  lines keep their numbers and indentation, a missing translation is reported;
* on the built site, each Korean code block equals its English twin once comments are
  stripped, each Korean output block prints the same numbers (in Korean word order), and
  the comments and output prose of the Korean pages are Korean;
* a Korean build with a comment missing from comments.po fails under -W, naming it.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.pofile import write_po
from bs4 import BeautifulSoup
from pygments.lexers import PythonConsoleLexer, PythonLexer
from pygments.token import Comment
from wcwidth import wcswidth

DOCS = Path(__file__).resolve().parents[2] / "docs"

sys.path.insert(0, str(DOCS / "_ext"))

import code_i18n  # noqa: E402

HANGUL = re.compile(r"[\uac00-\ud7a3]")
NUMBER = re.compile(r"\d+(?:\.\d+)?(?:[eE][-+]?\d+)?")
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
    out = code_i18n.translate_output("relu\n  final loss 0.709, accuracy 0.880\n0.5 0.25",
                                     catalog, missing)
    assert out == "relu\n  최종 손실 0.709, 정확도 0.880\n0.5 0.25"
    assert missing == ["relu"]


def _strip_comments(code: str) -> str:
    lexer = PythonConsoleLexer() if code.lstrip().startswith(">>>") else PythonLexer()
    kept = "".join(text for token, text in lexer.get_tokens(code) if token not in Comment)
    return "\n".join(line.rstrip() for line in kept.splitlines())


def _blocks(page):
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    main = soup.select_one("article.bd-article") or soup.body
    code, output = [], []
    for block in main.select("div.highlight"):
        wrapper = block.find_parent(class_=code_i18n.OUTPUT_CLASS)
        (output if wrapper is not None else code).append(block.pre.get_text())
    return code, output


ENGLISH_TABLE = """\
                    acc   prec recall     F1  PR-AUC ROC-AUC
           plain  0.951  0.000  0.000  0.000   0.505   0.914
   class weights  0.907  0.333  0.905  0.487   0.689   0.970
plain, 4x longer  0.970  0.786  0.524  0.629   0.803   0.985"""
KOREAN_TABLE = {  # as the catalog fills it in, padded for one cell per character
    "acc   prec recall     F1  PR-AUC ROC-AUC": "정확도 정밀도 재현율   F1  PR-AUC ROC-AUC",
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
    korean = code_i18n.translate_output(ENGLISH_TABLE, KOREAN_TABLE, missing)
    assert not missing
    assert _first_cell_ends(korean) == _first_cell_ends(ENGLISH_TABLE) == [23, 23, 23]
    lines = korean.splitlines()
    assert lines[0] == "                    정확도 정밀도 재현율   F1  PR-AUC ROC-AUC"  # header
    assert lines[1] == "            기본  0.951  0.000  0.000  0.000   0.505   0.914"
    assert lines[3] == "기본, 4배 더 길게 0.970  0.786  0.524  0.629   0.803   0.985"  # too wide


def test_rows_whose_cells_differ_and_prose_stay_as_translated():
    assert code_i18n.realign("stretched bowl, after 50 steps from [-4.   1.5]:",
                             "늘어난 그릇 모양 함수, [-4.   1.5]에서 50스텝 후:") == \
        "늘어난 그릇 모양 함수, [-4.   1.5]에서 50스텝 후:"
    prose = "시드 0: 검증 손실 0.951 -> 0.830"
    assert code_i18n.realign("seed 0: val loss 0.951 -> 0.830", prose) == prose


@pytest.mark.slow
def test_korean_output_tables_line_up_on_the_site(site):
    """The class-imbalance example's table, as built: Korean rows end their first number
    column where the English rows do, counting a Hangul syllable as two cells."""
    page = "auto_examples/models/plot_class_imbalance.html"
    tables = {}
    for lang in ("en", "ko"):
        _, outputs = _blocks(site["out"] / lang / page)
        tables[lang] = next(text for text in outputs if "ROC-AUC" in text)
    assert _first_cell_ends(tables["ko"]) == _first_cell_ends(tables["en"])
    assert len(set(_first_cell_ends(tables["en"]))) == 1


@pytest.mark.slow
def test_korean_code_is_the_english_code_with_korean_comments(site):
    en_root, ko_root = site["out"] / "en", site["out"] / "ko"
    pages = [p for p in sorted(en_root.rglob("*.html"))
             if p.relative_to(en_root).parts[0] in ("concepts", "auto_examples")]
    compared = korean_comments = korean_outputs = 0
    problems = []
    for en_page in pages:
        rel = en_page.relative_to(en_root)
        en_code, en_out = _blocks(en_page)
        ko_code, ko_out = _blocks(ko_root / rel)
        assert len(en_code) == len(ko_code) and len(en_out) == len(ko_out), rel
        for en, ko in zip(en_code, ko_code, strict=True):
            if _strip_comments(en) != _strip_comments(ko):
                problems.append(f"{rel}: code differs:\n{en}\n---\n{ko}")
            compared += 1
            # comments with an English word in them (not "# dL/da_t" or a tool's comment)
            english_comments = [t for tok, t in PythonLexer().get_tokens(en) if tok in Comment
                                and code_i18n.comment_spans(t, "python")
                                and re.search(r"\b[a-z]{3,}\b", t)]
            if english_comments:
                korean_comments += bool(HANGUL.search(ko))
                if not HANGUL.search(ko):
                    problems.append(f"{rel}: comments left in English: {english_comments}")
        for en, ko in zip(en_out, ko_out, strict=True):
            # Korean word order may move a number, but never changes or drops one.
            if sorted(NUMBER.findall(en)) != sorted(NUMBER.findall(ko)):
                problems.append(f"{rel}: output numbers differ:\n{en}\n---\n{ko}")
            if code_i18n.output_messages(en) and en != ko:
                korean_outputs += 1
    assert not problems, "\n".join(problems[:10])
    assert compared > 150 and korean_comments >= 20 and korean_outputs >= 20, (
        compared, korean_comments, korean_outputs)


MINI_CONF = """
import sys
sys.path.insert(0, {ext!r})
extensions = ["code_i18n"]
locale_dirs = ["locale"]
exclude_patterns = ["_build"]
"""


def _catalog(path, entries):
    catalog = Catalog(locale="ko")
    for msgid, msgstr in entries.items():
        catalog.add(msgid, msgstr)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as handle:
        write_po(handle, catalog)


@pytest.mark.slow
def test_a_comment_without_translation_fails_the_korean_build(tmp_path):
    (tmp_path / "conf.py").write_text(MINI_CONF.format(ext=str(DOCS / "_ext")), "utf-8")
    (tmp_path / "index.rst").write_text(
        "Home\n====\n\n.. code-block:: python\n\n   w = 1  # hidden layer\n"
        "   b = 2  # output layer\n", "utf-8")
    _catalog(tmp_path / "locale" / "ko" / "LC_MESSAGES" / "comments.po", COMMENTS)

    def build(language):
        return subprocess.run(
            [sys.executable, "-m", "sphinx", "-N", "-q", "-b", "html", "-W",
             "-D", f"language={language}", str(tmp_path), str(tmp_path / "_build" / language)],
            capture_output=True, text=True, env=dict(os.environ), check=False)

    assert build("en").returncode == 0
    result = build("ko")
    assert result.returncode != 0
    assert "index.rst" in result.stderr and "'output layer'" in result.stderr
    _catalog(tmp_path / "locale" / "ko" / "LC_MESSAGES" / "comments.po",
             dict(COMMENTS, **{"output layer": "출력층"}))
    result = build("ko")
    assert result.returncode == 0, result.stderr
    html = (tmp_path / "_build" / "ko" / "index.html").read_text(encoding="utf-8")
    assert "# 은닉층" in html and "# 출력층" in html


@pytest.mark.slow
def test_a_comment_catalog_that_does_not_parse_fails_the_korean_build(tmp_path):
    (tmp_path / "conf.py").write_text(MINI_CONF.format(ext=str(DOCS / "_ext")), "utf-8")
    (tmp_path / "index.rst").write_text(
        "Home\n====\n\n.. code-block:: python\n\n   w = 1  # hidden layer\n", "utf-8")
    broken = tmp_path / "locale" / "ko" / "LC_MESSAGES" / "comments.po"
    broken.parent.mkdir(parents=True)
    broken.write_text('msgid "hidden layer"\nmsgstr "은닉층\n', encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "sphinx", "-N", "-q", "-b", "html", "-W", "-D", "language=ko",
         str(tmp_path), str(tmp_path / "_build")],
        capture_output=True, text=True, env=dict(os.environ), check=False)
    assert result.returncode != 0
    assert "comments.po does not parse" in result.stderr and "line 2" in result.stderr
