"""The catalogs: one reader with one fuzzy rule, and the check that the English sources are
translated (``python -m dlref_docs check``), on a small project and on the site itself."""

from __future__ import annotations

import gettext
import shutil
from pathlib import Path

import pytest
from dlref_docs import check
from dlref_docs.core import catalogs

DOCS = Path(__file__).resolve().parents[2] / "docs"

PO = '''msgid ""
msgstr ""
"Content-Type: text/plain; charset=utf-8\\n"

msgid "done"
msgstr "완료"

#, fuzzy
msgid "old"
msgstr "예전"

msgid "new"
msgstr ""
'''


def test_one_rule_a_fuzzy_translation_is_not_used_and_is_still_to_translate(tmp_path):
    po = tmp_path / "x.po"
    po.write_text(PO, encoding="utf-8")
    messages = catalogs.read(po)
    assert messages.strings == {"done": "완료"}
    assert messages.fuzzy == {"old"} and messages.untranslated == {"new"}
    assert messages.to_translate == ["old", "new"]
    # The compiled catalog (what Sphinx and gettext use) follows the same rule.
    catalogs.compile_to(po, tmp_path / "ko" / "LC_MESSAGES" / "x.mo")
    compiled = gettext.translation("x", tmp_path, languages=["ko"])
    assert compiled.gettext("done") == "완료" and compiled.gettext("old") == "old"


@pytest.mark.parametrize(("text", "line"), [
    ('msgid "epoch"\nmsgstr "에포크\n', 2),  # unterminated string
    ('msgid "a"\nmsgstr "가"\n\nmsgid "a"\nmsgstr "나"\n', 4),  # the same msgid twice
])
def test_a_catalog_that_does_not_parse_is_named_with_its_line(tmp_path, text, line):
    po = tmp_path / "broken.po"
    po.write_text(text, encoding="utf-8")
    with pytest.raises(catalogs.CatalogError, match=rf"broken\.po does not parse: line {line} "):
        catalogs.read(po)


def test_the_check_lists_missing_fuzzy_and_untranslated_messages(rootdir, tmp_path):
    shutil.copytree(rootdir / "test-catalogs", tmp_path / "project")
    docs = tmp_path / "project" / "docs"
    found = {(e.msgid, e.state) for e in check.missing_translations(docs, "ko")}
    assert found == {
        ("A sentence whose English changed since it was translated.", "fuzzy"),
        ("A sentence nobody has seen yet.", "missing"),
    }


def test_every_english_message_of_the_site_has_a_korean_translation():
    """Editing an English sentence fails this test until ``make catalogs`` brings it into the
    catalog and it is translated (printed output and figure words: the full build)."""
    entries = check.missing_translations(DOCS)
    assert not entries, "\n".join(f"{e.catalog.relative_to(DOCS)}: {e.state}: {e.msgid[:70]!r}"
                                  for e in entries[:40])


def test_figure_comment_and_output_translations_keep_their_number_holes():
    assert check.broken_holes(DOCS) == []


def test_no_catalog_holds_a_fuzzy_or_empty_entry():
    entries = catalogs.to_translate(DOCS / "locale", "ko")
    assert not entries, "\n".join(f"{e.catalog.relative_to(DOCS)}: {e.state}: {e.msgid[:60]!r}"
                                  for e in entries[:40])


def test_a_translated_build_ends_with_what_it_shows_in_english(make_app, rootdir, tmp_path):
    shutil.copytree(rootdir / "test-catalogs", tmp_path / "project")
    docs = tmp_path / "project" / "docs"
    (docs / "conf.py").write_text((docs / "conf.py").read_text() + 'extensions = ["dlref_docs"]\n')
    app = make_app("html", srcdir=docs, confoverrides={"language": "ko"})
    app.build()
    report = app.status.getvalue()
    assert "2 message(s) on 1 page(s) have no 'ko' translation yet" in report, report
    assert "locale/ko/LC_MESSAGES/index.po: 'A sentence nobody has seen yet.'" in report
    assert "A sentence whose English changed" in report  # fuzzy: shown in English too
    assert "A sentence that is translated." not in report
    assert "next: run `make catalogs`" in report
