"""What a translated build shows in English: listed at the end of the build, with the fix.

When the English of a page changes, its Korean page shows the new sentence in English until
``make catalogs`` has brought it into the catalog and someone has translated it — silently,
the build passing.  Sphinx's ``Locale`` transform marks each message it found no translation
for (``node["translated"] = False``); this transform, run just after it, collects them per
page, and the build ends with the list: catalog file, message, and what to do next.
"""

from __future__ import annotations

from pathlib import Path

from sphinx.transforms import SphinxTransform
from sphinx.transforms.i18n import Locale
from sphinx.util import logging
from sphinx.util.i18n import docname_to_domain
from sphinx.util.nodes import extract_messages

from ..core import catalogs, languages
from ..core.state import PerPageCollector
from ..gallery.pages import is_run_time

logger = logging.getLogger(__name__)


class Untranslated(PerPageCollector):
    """Per page: the messages shown in the source language on a translated page."""

    name = "dlref_untranslated"

    def collect(self, app, doctree) -> None:
        return None  # filled by FindUntranslated, which runs while the page is read


class FindUntranslated(SphinxTransform):
    default_priority = Locale.default_priority + 1

    def apply(self, **kwargs) -> None:
        if languages.for_app(self.env).is_source:
            return
        docname = self.env.current_document.docname
        catalog = catalogs.read(catalog_of(self.env, docname))
        translations = set(catalog.strings.values())
        # Sphinx marks a node untranslated when a later pass of Locale meets its already
        # translated text (an alt text, a formula translated just before Locale), so a
        # message that is a translation in the catalog is not reported; nor is the run-time
        # line, which is written from the interface catalog after reading.
        found = [msg for node, msg in extract_messages(self.document)
                 if node.get("translated") is False and msg not in translations
                 and msg not in catalog and not is_run_time(msg)]
        if found:
            Untranslated.data(self.env)[docname] = found
        else:
            Untranslated.data(self.env).pop(docname, None)


def catalog_of(app, docname: str) -> Path:
    """The page catalog of ``docname`` (``app`` may be the application or its environment)."""
    domain = docname_to_domain(docname, app.config.gettext_compact)
    locale_dir = Path(app.srcdir, app.config.locale_dirs[0])
    return locale_dir / app.config.language / "LC_MESSAGES" / f"{domain}.po"


def report(app, exception) -> None:
    """``build-finished``: the list of messages still in the source language, if any."""
    if exception is not None or languages.for_app(app).is_source:
        return
    pages = {d: m for d, m in Untranslated.data(app.env).items() if d in app.env.all_docs}
    if not pages:
        return
    total = sum(len(messages) for messages in pages.values())
    lines = [f"{total} message(s) on {len(pages)} page(s) have no {app.config.language!r} "
             "translation yet and show in English:"]
    for docname in sorted(pages):
        catalog = catalog_of(app, docname)
        for message in pages[docname][:5]:
            text = message if len(message) <= 90 else message[:87] + "..."
            lines.append(f"  {catalog.relative_to(Path(app.srcdir).parent)}: {text!r}")
        if len(pages[docname]) > 5:
            lines.append(f"  ... and {len(pages[docname]) - 5} more in that catalog")
    lines.append("next: run `make catalogs` (it adds them to the catalogs, empty or fuzzy), "
                 "translate them there, then `make site`")
    logger.info("\n".join(lines), color="darkred")
