"""The compatibility table, generated at build time from ``regress/results.json``.

``make regress`` runs the regression suite on one row of the matrix (a TensorFlow minor, or
Keras on another backend) and writes its row into the results file; the
``compatibility-table`` directive turns that file into the table of the compatibility page, so
the page can never disagree with the last runs. The column headings are translatable (they
carry a source line, so the gettext catalogs pick them up); the backends, versions, counts,
dates and test names are data and are left out of the catalogs (no source line).
"""

from __future__ import annotations

import json
from pathlib import Path

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx import addnodes
from sphinx.util.docutils import SphinxDirective

HEADINGS = ("Backend", "Keras", "numpy", "Date of the run", "Passed", "Failed", "Skipped",
             "Documented differences", "Failing tests")
# How a row's backend is named, and the package whose version the row reports for it.
BACKENDS = {"tensorflow": ("TensorFlow", "tensorflow"), "jax": ("JAX", "jax"),
            "torch": ("PyTorch", "torch")}


class CompatibilityTable(SphinxDirective):
    """Render one row per target (TensorFlow minor or backend) of ``regress/run.py``'s results."""

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
        for name, value in (("Python", results["python"]),):
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

    def _page_link(self, page: str) -> addnodes.pending_xref:
        xref = addnodes.pending_xref(
            "", refdomain="std", reftype="doc", reftarget="/" + page,
            refexplicit=False, refwarn=True, refdoc=self.env.docname,
        )
        xref += nodes.inline("", page)
        return xref

    def _row(self, row: dict) -> nodes.row:
        def cell(*children: nodes.Node) -> nodes.entry:
            return nodes.entry("", nodes.paragraph("", "", *children))

        def data(text: str) -> nodes.entry:
            return cell(nodes.Text(text))

        backend = row.get("backend", "tensorflow")
        name, package = BACKENDS.get(backend, (backend, backend))
        date = row.get("date", "")
        if "error" in row:
            return nodes.row("", data(f"{name} {row.get('minor', '')}".strip()), data("—"),
                             data("—"), data(date), data("—"), data("—"), data("—"), data("—"),
                             cell(nodes.literal(row["error"], row["error"])))
        versions = row["versions"]
        # A version difference applies to an older installed version: "page `Keras < 3.5`".
        # A backend difference to the doctests that show another backend, skipped on this row:
        # "`KERAS_BACKEND=tensorflow` page, page, …".
        differences = nodes.paragraph()
        for number, d in enumerate(row["differences"]):
            if number:
                differences += nodes.Text(", ")
            condition = f"{d['package']} < {d['since']}"
            differences += [self._page_link(d["page"]), nodes.Text(" "),
                            nodes.literal(condition, condition)]
        shown: dict[str, list[str]] = {}
        for block in row.get("backend_only", []):
            page = block["where"].split(":")[0].removeprefix("docs/").removesuffix(".md")
            pages = shown.setdefault(block["backend"], [])
            if page not in pages:
                pages.append(page)
        for other, pages in sorted(shown.items()):
            if len(differences):
                differences += nodes.Text("; ")
            condition = f"KERAS_BACKEND={other}"
            differences += [nodes.literal(condition, condition), nodes.Text(" ")]
            for number, page in enumerate(pages):
                if number:
                    differences += nodes.Text(", ")
                differences += self._page_link(page)
        failures = nodes.bullet_list()
        for failure in row["failures"]:
            item = nodes.paragraph("", "", nodes.literal(failure["test"], failure["test"]))
            if failure["message"]:
                item += nodes.Text(" ")
                item += nodes.literal(failure["message"], failure["message"])
            failures += nodes.list_item("", item)
        return nodes.row(
            "", data(f"{name} {versions[package]}"), data(versions["keras"]),
            data(versions["numpy"]), data(date), data(str(row["passed"])),
            data(str(row["failed"])), data(str(row["skipped"])),
            nodes.entry("", differences), nodes.entry("", *([failures] if row["failures"] else [])),
        )
