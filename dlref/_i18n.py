"""dlref's messages in the reader's language: English, or Korean from a catalog in the package.

Every sentence dlref shows a person -- advice, reasons, warnings and error messages -- goes
through :func:`_`, which looks it up in the gettext catalog of the language in use (domain
``dlref``, ``dlref/locale/<language>/LC_MESSAGES/dlref.mo``, shipped in the wheel) and then
fills its named fields with :meth:`str.format`.  English is the source language, so it needs
no catalog.

Which language
--------------
Decided at every call, not at import, so a test or a notebook can switch:

1. :func:`set_language`, if it was called with ``"ko"`` or ``"en"``;
2. else the ``DLREF_LANG`` environment variable, if it is set and not empty: ``ko`` (or a
   Korean locale name such as ``ko_KR.UTF-8``) gives Korean, any other value English, with
   no error and no warning;
3. else the POSIX locale variables, read as gettext reads them: the first of ``LANGUAGE``,
   ``LC_ALL``, ``LC_MESSAGES`` and ``LANG`` that is set, whose colon-separated languages are
   tried in order until one dlref has (Korean, or English, ``C`` and ``POSIX``);
4. else English.

Messages
--------
A message is a complete sentence (or several) whose variable parts are *named*
``str.format`` fields, ``{loss}``, ``{n}``, ``{shape}``, so that a translation can put them
in another order.  A field holds a value -- a name, a number, a shape, a repr -- never
English words: a phrase that changes with a condition gets a message of its own for each
case.  Identifiers stay as they are in every language (``loss='mse'``,
``from_logits=True``).  Literal braces are written ``{{`` and ``}}``, as in any format
string: :func:`_` always formats.

To add one, in three steps:

1. write the sentence in the code as ``_("... {name} ...", name=value)`` (the first argument
   a string literal, so that extraction finds it);
2. run ``python -m dlref._i18n_tools update``: it extracts the messages into
   ``dlref/locale/dlref.pot``, merges them into every ``dlref.po`` (new entries empty,
   changed ones fuzzy), compiles the ``dlref.mo`` files and lists what is left to translate;
3. translate those entries in ``dlref/locale/ko/LC_MESSAGES/dlref.po`` (terms from
   ``docs/terms.csv``, 합니다체), remove their ``fuzzy`` flags and run ``update`` again.
   ``tests/dlref/test_i18n.py`` fails, naming the message, until the catalog is complete.

Examples
--------
The same advice in both languages (``DLREF_LANG`` as a reader would set it):

>>> from unittest import mock
>>> from dlref.losses import select_loss
>>> with mock.patch.dict("os.environ", {"DLREF_LANG": "en"}):
...     print(select_loss("binary").reason)
task='binary' has one yes/no label, so use binary crossentropy on a 1-unit sigmoid output.
>>> with mock.patch.dict("os.environ", {"DLREF_LANG": "ko"}):
...     print(select_loss("binary").reason)
task='binary'는 예/아니요 레이블이 하나이므로, 유닛 1개짜리 시그모이드 출력에 이진 교차
엔트로피를 쓰세요.

A language dlref does not have gives English, without complaint:

>>> with mock.patch.dict("os.environ", {"DLREF_LANG": "xx"}):
...     get_language()
'en'

This module imports the standard library only, so ``import dlref`` stays cheap.
"""

from __future__ import annotations

import functools
import gettext
import locale
import os
from pathlib import Path
from types import TracebackType
from typing import Any

__all__ = ["DOMAIN", "LANGUAGES", "LOCALE_DIR", "_", "get_language", "set_language",
           "translations"]

#: The gettext domain: the catalogs are ``<LOCALE_DIR>/<language>/LC_MESSAGES/dlref.mo``.
DOMAIN = "dlref"
#: Where the catalogs are, inside the installed package.
LOCALE_DIR = Path(__file__).resolve().parent / "locale"
#: The languages dlref speaks; the first is the source language of the messages.
LANGUAGES = ("en", "ko")

# gettext's order of the POSIX variables (gettext.find).
_LOCALE_VARIABLES = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")
# Locale names that mean "no translation": English, the source language.
_UNTRANSLATED = ("c", "posix")

# The language forced by set_language(), or None to read the environment at each call.
# A module global rather than a ContextVar: Jupyter runs each cell in a copied context, so
# a ContextVar set in one cell would be gone in the next.
_forced: str | None = None


def _language_code(name: str) -> str:
    """Return the language part of a locale name, lower case: ``ko_KR.UTF-8`` -> ``ko``."""
    # locale.normalize knows aliases such as "korean" -> "ko_KR.eucKR", as gettext does.
    normalized = locale.normalize(name.strip())
    for separator in ("@", ".", "_", "-"):
        normalized = normalized.split(separator)[0]
    return normalized.lower()


def _from_environment() -> str:
    value = os.environ.get("DLREF_LANG", "").strip()
    if value:
        return "ko" if _language_code(value) == "ko" else "en"
    for variable in _LOCALE_VARIABLES:
        value = os.environ.get(variable, "")
        if value:
            # The first variable that is set decides, and its languages are tried in order
            # up to the first one with a catalog; English needs none (gettext.find).
            for entry in value.split(":"):
                code = _language_code(entry) if entry.strip() else ""
                if code in LANGUAGES:
                    return code
                if code in _UNTRANSLATED:
                    return "en"
            return "en"
    return "en"


def get_language() -> str:
    """Return the language dlref's messages are in right now, ``"en"`` or ``"ko"``.

    It is the language forced by :func:`set_language`, else the one the environment asks
    for (``DLREF_LANG``, then the POSIX locale variables), else English.

    Returns
    -------
    str
        ``"en"`` or ``"ko"``.

    See Also
    --------
    set_language : Force a language, for the process or for a ``with`` block.

    Examples
    --------
    >>> import dlref
    >>> with dlref.set_language("ko"):
    ...     dlref.get_language()
    'ko'
    """
    return _forced if _forced is not None else _from_environment()


class _LanguageSetting:
    """What :func:`set_language` returns: in a ``with`` block, the old setting comes back."""

    def __init__(self, language: str | None, previous: str | None) -> None:
        self.language = language
        self._previous = previous

    def __enter__(self) -> _LanguageSetting:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        global _forced
        _forced = self._previous

    def __repr__(self) -> str:
        return f"set_language({self.language!r})"


def set_language(language: str | None) -> _LanguageSetting:
    """Choose the language of dlref's messages: ``"ko"``, ``"en"``, or None for automatic.

    Called on its own, the choice holds for the whole process until the next call; used as
    a context manager, it holds for the ``with`` block and the previous choice comes back
    at its end.  ``None`` goes back to the automatic choice: ``DLREF_LANG``, then the POSIX
    locale variables, then English.

    Parameters
    ----------
    language : {"ko", "en"} or None
        The language (case-insensitive), or None.

    Returns
    -------
    context manager
        Restores the previous choice when its ``with`` block ends.

    Raises
    ------
    TypeError
        If ``language`` is neither a string nor None.
    ValueError
        If ``language`` is a language dlref does not speak; the message suggests the closest.

    See Also
    --------
    get_language : The language in use.

    Examples
    --------
    >>> import dlref
    >>> from dlref.losses import check_setup
    >>> with dlref.set_language("ko"):
    ...     print(check_setup([0, 2, 1], "sparse_categorical_crossentropy", "softmax").reason)
    y에 정수 클래스 번호(0..2)가 들어 있어, 유닛 3개짜리 softmax 출력과
    손실(loss='sparse_categorical_crossentropy')에 맞습니다.
    >>> dlref.get_language()  # the block is over: the environment decides again
    'en'
    """
    global _forced
    if language is not None:
        language = _check_language(language)
    previous, _forced = _forced, language
    return _LanguageSetting(language, previous)


def _check_language(language: Any) -> str:
    if isinstance(language, str) and language.strip().lower() in LANGUAGES:
        return language.strip().lower()
    if not isinstance(language, str):
        raise TypeError(
            _("language must be None or one of {allowed}; got {type} {value!r}.",
              allowed=list(LANGUAGES), type=type(language).__name__, value=language)
        )
    from ._validation import suggest  # imports numpy: only on this error path

    raise ValueError(
        _("language={value!r} is not a language dlref speaks; allowed values are {allowed} "
          "and None.", value=language, allowed=list(LANGUAGES))
        + suggest(language, LANGUAGES)
    )


@functools.cache
def translations(language: str) -> gettext.NullTranslations:
    """Return the loaded catalog of ``language`` (cached); English gets the identity.

    A missing catalog (a broken installation) gives the identity too: a message is never
    lost, only left in English, and ``tests/dlref/test_i18n.py`` checks the catalog ships.
    """
    if language == LANGUAGES[0]:
        return gettext.NullTranslations()
    return gettext.translation(DOMAIN, LOCALE_DIR, languages=[language], fallback=True)


def _(message: str, /, **fields: Any) -> str:
    """Translate ``message`` into the language in use and fill its named fields.

    ``message`` is the English sentence, a string literal at the call site so that
    ``python -m dlref._i18n_tools update`` can extract it; ``fields`` are its values.
    """
    return translations(get_language()).gettext(message).format(**fields)
