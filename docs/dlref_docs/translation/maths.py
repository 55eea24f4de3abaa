"""Translated display maths: a ``$$ … $$`` block reads "확률 p로" on a Korean page.

Sphinx's i18n transform (``Locale``) puts a translated literal-type node back together by
parsing ``"::\\n\\n   <msgstr>"``, reStructuredText's literal-block notation, with the page's
own parser.  MyST reads that as a paragraph "::" followed by an indented code block, so
every display formula whose translation differs from the English came out as "::"
(MyST-Parser issues #444 and #980, open).  Maths is plain text with nothing to parse, so
this transform, which runs just before ``Locale``, puts the translated TeX into the node
itself.  ``Locale`` then finds no catalog entry for the new text and leaves it alone.
"""

from __future__ import annotations

from pathlib import Path

from docutils import nodes
from sphinx.transforms import SphinxTransform
from sphinx.transforms.i18n import Locale
from sphinx.util.i18n import docname_to_domain

from ..core import catalogs, languages


class TranslateMathBlocks(SphinxTransform):
    default_priority = Locale.default_priority - 1

    def apply(self, **kwargs) -> None:
        if languages.for_app(self.env).is_source:
            return
        domain = docname_to_domain(self.env.current_document.docname,
                                   self.config.gettext_compact)
        messages = [catalogs.read(Path(self.env.srcdir, d, self.config.language,
                                       "LC_MESSAGES", f"{domain}.po"))
                    for d in self.config.locale_dirs]
        for node in self.document.findall(nodes.math_block):
            # The message is what Sphinx's gettext builder extracted: the rawsource.
            msgid = node.rawsource or node.astext()
            msgstr = next((m.get(msgid) for m in messages if msgid in m), None)
            if msgstr and msgstr != msgid:
                node.rawsource = msgstr
                node.children = [nodes.Text(msgstr)]
                node["translated"] = True
