"""The compatibility table, generated at build time from ``regress/results.json``.

``make regress-all`` runs the regression suite on every TensorFlow minor and commits its
results; the ``compatibility-table`` directive turns that file into the table of the
compatibility page, so the page can never disagree with the last run. The column headings are
translatable (they carry a source line, so the gettext catalogs pick them up); the versions,
counts, dates and test names are data and are left out of the catalogs (no source line).
"""

from __future__ import annotations

import json
from pathlib import Path

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx import addnodes
from sphinx.util.docutils import SphinxDirective

HEADINGS = ("TensorFlow", "Keras", "numpy", "Passed", "Failed", "Skipped",
            "Documented differences", "Failing tests")


class CompatibilityTable(SphinxDirective):
    """Render one row per TensorFlow minor of a results file written by ``regress/run.py``."""

    has_content = False
    option_spec = {"results": directives.unchanged_required}

    def run(self) -> list[nodes.Node]:
        relative = self.options.get("results", "../regress/results.json")
        path = (Path(self.env.srcdir) / relative).resolve()
        self.env.note_dependency(str(path))
        try:
            results = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise self.error(f"compatibility-table: cannot read {relative}: {exc}") from exc
        source, line = self.get_source_info()

        def label(text: str) -> nodes.paragraph:
            # A source line makes the heading a translation message.
            paragraph = nodes.paragraph(text, text)
            paragraph.source, paragraph.line = source, line
            return paragraph

        fields = nodes.field_list()
        for name, value in (("Date of the run", results["date"]), ("Python", results["python"])):
            body = nodes.field_body("", nodes.paragraph("", "", nodes.literal(value, value)))
            name_node = nodes.field_name(name, name)
            name_node.source, name_node.line = source, line
            fields += nodes.field("", name_node, body)

        table = nodes.table(classes=["compatibility-table"])
        group = nodes.tgroup(cols=len(HEADINGS))
        table += group
        group.extend(nodes.colspec(colwidth=1) for _ in HEADINGS)
        head = nodes.thead()
        head += nodes.row("", *(nodes.entry("", label(text)) for text in HEADINGS))
        body = nodes.tbody()
        for row in results["rows"]:
            body += self._row(row)
        group += head
        group += body
        return [fields, table]

    def _row(self, row: dict) -> nodes.row:
        def cell(*children: nodes.Node) -> nodes.entry:
            return nodes.entry("", nodes.paragraph("", "", *children))

        def data(text: str) -> nodes.entry:
            return cell(nodes.Text(text))

        if "error" in row:
            return nodes.row("", data(row["minor"]), data("—"), data("—"), data("—"), data("—"),
                             data("—"), data("—"), cell(nodes.literal(row["error"],
                                                                      row["error"])))
        versions = row["versions"]
        differences = nodes.paragraph()
        for number, difference in enumerate(row["differences"]):
            if number:
                differences += nodes.Text(", ")
            xref = addnodes.pending_xref(
                "", refdomain="std", reftype="doc", reftarget="/" + difference["page"],
                refexplicit=False, refwarn=True, refdoc=self.env.docname,
            )
            xref += nodes.inline("", difference["page"])
            differences += xref
            condition = f"{difference['package']} < {difference['since']}"
            differences += nodes.Text(" ")
            differences += nodes.literal(condition, condition)
        failures = nodes.bullet_list()
        for failure in row["failures"]:
            item = nodes.paragraph("", "", nodes.literal(failure["test"], failure["test"]))
            if failure["message"]:
                item += nodes.Text(" ")
                item += nodes.literal(failure["message"], failure["message"])
            failures += nodes.list_item("", item)
        return nodes.row(
            "", data(versions["tensorflow"]), data(versions["keras"]), data(versions["numpy"]),
            data(str(row["passed"])), data(str(row["failed"])), data(str(row["skipped"])),
            nodes.entry("", differences), nodes.entry("", *([failures] if row["failures"] else [])),
        )
