"""Per-page data kept in the build environment, the Sphinx way.

Sphinx pickles the environment between builds and, with ``-j``, reads pages in several
processes and merges their environments.  An :class:`~sphinx.environment.collectors.
EnvironmentCollector` is Sphinx's unit for data collected per page: it is dropped when the
page is read again (``clear_doc``) and carried over from the reading processes
(``merge_other``).  :class:`PerPageCollector` does both for a dict ``env.<name>`` of
``docname -> value``; a subclass only says what to collect from a page.
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx.environment.collectors import EnvironmentCollector


class PerPageCollector(EnvironmentCollector):
    """``env.<name>[docname] = collect(app, doctree)`` for every page read."""

    #: The environment attribute holding ``{docname: value}``.
    name: str

    @classmethod
    def data(cls, env) -> dict[str, Any]:
        if not hasattr(env, cls.name):
            setattr(env, cls.name, {})
        return getattr(env, cls.name)

    def collect(self, app, doctree: nodes.document) -> Any:
        """The page's value; None keeps nothing for it."""
        raise NotImplementedError

    def clear_doc(self, app, env, docname: str) -> None:
        self.data(env).pop(docname, None)

    def merge_other(self, app, env, docnames: set[str], other) -> None:
        mine, theirs = self.data(env), self.data(other)
        for docname in docnames:
            if docname in theirs:
                mine[docname] = theirs[docname]

    def process_doc(self, app, doctree: nodes.document) -> None:
        value = self.collect(app, doctree)
        if value is not None:
            self.data(app.env)[app.env.docname] = value
