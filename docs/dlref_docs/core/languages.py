"""The site's languages: the source language and one data file per language.

Each language has ``dlref_docs/languages/<code>.toml`` (its name, and the text, glossary,
index and search rules the toolchain needs) and message catalogs: the toolchain's interface
strings in ``dlref_docs/locale/<code>/`` and the pages' in ``docs/locale/<code>/``.  Nothing
else in the toolchain names a language, so a new one is a data file and its catalogs.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from pathlib import Path

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib

SOURCE = "en"  # the language the pages are written in
DATA = Path(__file__).resolve().parents[1] / "languages"


@dataclass(frozen=True)
class Language:
    """What the toolchain knows about one language of the site."""

    code: str
    name: str
    #: Characters that take two monospace cells (a regex character-class body), or "".
    wide_script: str = ""
    #: Where the first sentence of a glossary definition ends, besides ". ".
    sentence_end: str = ""
    #: Characters of headwords sorted before Latin ones in a translated glossary, or "".
    glossary_script: str = ""
    #: General-index letter -> the letter shown for it.
    index_letters: dict[str, str] = field(default_factory=dict)
    #: Characters of words whose endings the search cuts off, or "".
    search_script: str = ""
    #: (ending, fewest characters that must remain), longest ending first.
    particles: tuple[tuple[str, int], ...] = ()

    @property
    def is_source(self) -> bool:
        return self.code == SOURCE

    @functools.cached_property
    def wide_run(self) -> re.Pattern[str] | None:
        """A run of wide characters (None when the language has none)."""
        return re.compile(f"[{self.wide_script}]+") if self.wide_script else None

    @functools.cached_property
    def search_word(self) -> re.Pattern[str] | None:
        """A character of a word whose endings the search cuts (None: no such words)."""
        return re.compile(f"[{self.search_script}]") if self.search_script else None


def _from_data(code: str, data: dict) -> Language:
    text, glossary = data.get("text", {}), data.get("glossary", {})
    index, search = data.get("index", {}), data.get("search", {})
    particles = [(str(ending), int(keep)) for ending, keep in search.get("particles", [])]
    return Language(
        code=code,
        name=data["name"],
        wide_script=text.get("wide_script", ""),
        sentence_end=text.get("sentence_end", ""),
        glossary_script=glossary.get("script", ""),
        index_letters=dict(index.get("letters", {})),
        search_script=search.get("script", ""),
        # Stable sort: endings of one length keep the file's order.
        particles=tuple(sorted(particles, key=lambda item: -len(item[0]))),
    )


@functools.cache
def get(code: str | None, locale_dirs: tuple[Path, ...] = ()) -> Language:
    """The language ``code``; ``None`` and codes without a data file mean the source language.

    A project may bring a language of its own as ``<locale_dir>/<code>/language.toml`` in one
    of its ``locale_dirs``; otherwise the toolchain's ``languages/<code>.toml`` is used.

    >>> get("ko").name, get("ko").particles[0]
    ('한국어', ('에서는', 1))
    >>> get(None).code, get("xx").code
    ('en', 'en')
    """
    code = code or SOURCE
    candidates = [Path(d) / code / "language.toml" for d in locale_dirs]
    candidates.append(DATA / f"{code}.toml")
    path = next((c for c in candidates if c.is_file()), None)
    if path is None:
        return get(SOURCE)
    with path.open("rb") as handle:
        try:
            data = tomllib.load(handle)
        except tomllib.TOMLDecodeError as exc:
            raise ValueError(f"{path}: {exc}") from exc
    return _from_data(code, data)


def for_app(app) -> Language:
    """The language a Sphinx application (or its environment) builds (``-D language=…``)."""
    dirs = tuple(Path(app.srcdir, d) for d in app.config.locale_dirs)
    return get(app.config.language, dirs)


def codes(locale_dir: Path) -> tuple[str, ...]:
    """The site's languages, the source first: those with page catalogs in ``locale_dir``.

    >>> from pathlib import Path
    >>> codes(Path(__file__).resolve().parents[2] / "locale")
    ('en', 'ko')
    """
    found = sorted(folder.parent.name for folder in Path(locale_dir).glob("*/LC_MESSAGES"))
    return (SOURCE, *[code for code in found if code != SOURCE])


def translations(locale_dir: Path) -> tuple[str, ...]:
    """The languages the pages are translated into (page catalogs in ``locale_dir``)."""
    return codes(locale_dir)[1:]
