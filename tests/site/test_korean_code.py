"""On the built site, code comments and printed output are Korean on Korean pages, and code and
numbers are not touched: each Korean code block equals its English twin once comments are
stripped, each Korean output block prints the same numbers (in Korean word order), tables
line up, and the comments and output prose of the Korean pages are Korean.
"""

from __future__ import annotations

import re

from bs4 import BeautifulSoup
from dlref_docs.translation import code as code_i18n
from dlref_docs.translation import output as output_i18n
from pygments.lexers import PythonConsoleLexer, PythonLexer
from pygments.token import Comment
from wcwidth import wcswidth

HANGUL = re.compile(r"[\uac00-\ud7a3]")
NUMBER = re.compile(r"\d+(?:\.\d+)?(?:[eE][-+]?\d+)?")


def _first_cell_ends(text: str) -> list[int]:
    """Display width up to the end of each row's first number cell ("0.951")."""
    ends = []
    for line in text.splitlines():
        match = re.search(r"\d\.\d{3}(?!\d)", line)
        if match and not line.startswith(("balanced", "균형")):
            ends.append(wcswidth(line[:match.end()]))
    return ends


def _strip_comments(code: str) -> str:
    """The code without its comments; of a doctest, the source lines only (its printed
    output is translated and compared by its numbers, :func:`_doctest_output`)."""
    doctest = code.lstrip().startswith(">>>")
    if doctest:
        code = "\n".join(part for is_output, part in code_i18n.doctest_parts(code)
                         if not is_output)
    lexer = PythonConsoleLexer() if doctest else PythonLexer()
    kept = "".join(text for token, text in lexer.get_tokens(code) if token not in Comment)
    return "\n".join(line.rstrip() for line in kept.splitlines())


def _doctest_output(code: str) -> str:
    return "\n".join(part for is_output, part in code_i18n.doctest_parts(code) if is_output)


def _blocks(page):
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    main = soup.select_one("article.bd-article") or soup.body
    code, output = [], []
    for block in main.select("div.highlight"):
        wrapper = block.find_parent(class_=code_i18n.OUTPUT_CLASS)
        (output if wrapper is not None else code).append(block.pre.get_text())
    return code, output



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


def test_korean_code_is_the_english_code_with_korean_comments(site):
    en_root, ko_root = site["out"] / "en", site["out"] / "ko"
    pages = [p for p in sorted(en_root.rglob("*.html"))
             if p.relative_to(en_root).parts[0] in ("concepts", "auto_examples")]
    compared = korean_comments = korean_outputs = 0
    doctest_outputs = korean_doctest_outputs = 0
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
            if en.lstrip().startswith(">>>"):
                en_printed, ko_printed = _doctest_output(en), _doctest_output(ko)
                if sorted(NUMBER.findall(en_printed)) != sorted(NUMBER.findall(ko_printed)):
                    problems.append(f"{rel}: doctest output numbers differ:\n{en}\n---\n{ko}")
                if output_i18n.output_messages(en_printed, doctest=True):
                    doctest_outputs += 1
                    korean_doctest_outputs += bool(HANGUL.search(ko_printed))
        for en, ko in zip(en_out, ko_out, strict=True):
            # Korean word order may move a number, but never changes or drops one.
            if sorted(NUMBER.findall(en)) != sorted(NUMBER.findall(ko)):
                problems.append(f"{rel}: output numbers differ:\n{en}\n---\n{ko}")
            if output_i18n.output_messages(en) and en != ko:
                korean_outputs += 1
    assert not problems, "\n".join(problems[:10])
    assert compared > 150 and korean_comments >= 20 and korean_outputs >= 20, (
        compared, korean_comments, korean_outputs)
    # Doctests that print prose print Korean on Korean pages (the Korean build fails on a
    # line without a translation; a few lines are names and numbers, the same in Korean).
    assert korean_doctest_outputs >= 20 and korean_doctest_outputs >= 0.8 * doctest_outputs, (
        korean_doctest_outputs, doctest_outputs)
