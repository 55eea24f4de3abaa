"""One registry shape for dlref's families of named objects, and one way to re-export names.

Activations, losses and optimizers each keep a :class:`Registry`, filled where each object
is defined (``@_LOSSES.register()`` above the function or class).  As in Keras
(``ALL_OBJECTS_DICT = {fn.__name__: fn for fn in ALL_OBJECTS}``), an object's name is its
own ``__name__``, lower-cased, so nothing lists the names a second time: the family's
``names()``, ``get()`` and ``__all__`` are all read off the registry.

This module imports numpy only (through :mod:`dlref._validation`), never TensorFlow.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from types import MappingProxyType
from typing import Any, Generic, TypeVar

from ._i18n import _
from ._validation import check_choice

T = TypeVar("T")


class Registry(Generic[T]):
    """The objects of one family by name, with optional facts about each one."""

    def __init__(self) -> None:
        self._objects: dict[str, T] = {}
        self._info: dict[str, Mapping[str, Any]] = {}
        self._aliases: dict[str, str] = {}

    def add(self, obj: T, *, aliases: Iterable[str] = (), **info: Any) -> T:
        """Register ``obj`` under its lower-cased ``__name__`` and return it unchanged.

        ``aliases`` are further names :meth:`get` accepts (Keras' ``"mse"``); ``info`` is
        kept for :meth:`info`, e.g. an activation's derivative.
        """
        name = obj.__name__.lower()  # type: ignore[attr-defined]
        for key in (name, *aliases):
            if key in self._objects or key in self._aliases:
                # A programming error in dlref itself, not a user's: two objects, one name.
                raise ValueError(_("The name {name!r} is registered twice.", name=key))
        self._objects[name] = obj
        self._info[name] = MappingProxyType(dict(info))
        self._aliases.update(dict.fromkeys(aliases, name))
        return obj

    def register(self, *, aliases: Iterable[str] = (), **info: Any) -> Callable[[T], T]:
        """Return a decorator that registers the decorated function or class with :meth:`add`."""

        def decorate(obj: T) -> T:
            return self.add(obj, aliases=aliases, **info)

        return decorate

    def names(self) -> tuple[str, ...]:
        """Return the registered names, sorted (aliases not included)."""
        return tuple(sorted(self._objects))

    def aliases(self) -> tuple[str, ...]:
        """Return the further names :meth:`get` accepts (Keras' ``"mse"``), sorted."""
        return tuple(sorted(self._aliases))

    def key(self, name: Any, argname: str = "name") -> str:
        """Check ``name`` (case-insensitive, aliases allowed) and return the registered name.

        Raises
        ------
        TypeError
            If ``name`` is not a string.
        ValueError
            If ``name`` is unknown: the message names ``argname``, what was given, the
            accepted names and the closest one.
        """
        key = check_choice(argname, name, (*self.names(), *self.aliases()))
        return self._aliases.get(key, key)

    def get(self, name: Any, argname: str = "name") -> T:
        """Return the object called ``name``; bad names raise as in :meth:`key`."""
        return self._objects[self.key(name, argname)]

    def info(self, name: str) -> Mapping[str, Any]:
        """Return the facts registered with the object called ``name`` (read-only)."""
        return self._info[self.key(name)]


def reexport(module: str, *objects: Any) -> None:
    """Document, import and pickle ``objects`` under the public ``module`` that re-exports them.

    A large subject is split into private modules whose names the public module imports
    (as scikit-learn and numpy do); setting ``__module__`` makes ``help()``, the API pages
    and pickle name the public path.
    """
    for obj in objects:
        obj.__module__ = module
