"""The settings file, read through one checked reader: every value has a kind and a default.

``QSettings`` gives back whatever the file holds, and a hand-edited or damaged file (or one from
another version) can hold a rectangle where a list of paths belongs, a learning rate of "fast",
a seed of 2**80 or a dataset the Playground cannot show: 7 of 23 such files stopped every start
with a traceback. ``Settings`` reads each value as the kind the app writes; one that is not is
ignored (its default holds) and its key kept in ``ignored``, which the window says once in the
status bar, and removed from the file. Without a store (tests, screenshots) every read gives
the default and nothing is written.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from PySide6.QtCore import QByteArray, QSettings

T = TypeVar("T")
# what a parse of a stored value may raise when the value is not of its kind
BAD_VALUE = (ValueError, TypeError, KeyError, AttributeError, OverflowError, RecursionError)


class Settings:
    def __init__(self, store: QSettings | None) -> None:
        self.store = store
        self.ignored: list[str] = []

    @property
    def stored(self) -> bool:
        """Whether there is a file to remember things in."""
        return self.store is not None

    def _raw(self, key: str) -> Any:
        if self.store is None:
            return None
        try:
            return self.store.value(key)
        except (RuntimeError, *BAD_VALUE):  # a value Qt itself cannot read back
            self._ignore(key)
            return None

    def _ignore(self, key: str) -> None:
        """Set ``key`` aside: said once (``ignored``), and gone from the file, so that the
        next start does not say it again."""
        if key not in self.ignored:
            self.ignored.append(key)
        if self.store is not None:
            self.store.remove(key)

    # ----- the kinds the app writes ---------------------------------------------------------
    def choice(self, key: str, choices: Sequence[str], default: str) -> str:
        """One of ``choices``."""
        raw = self._raw(key)
        if raw is None:
            return default
        if raw in choices:
            return raw
        self._ignore(key)
        return default

    def flag(self, key: str, default: bool = False) -> bool:
        raw = self._raw(key)
        if raw is None:
            return default
        if isinstance(raw, bool) or raw in ("true", "false"):
            return raw in (True, "true")
        self._ignore(key)
        return default

    def paths(self, key: str) -> list[str]:
        """A list of file paths (QSettings gives a single one back as a str)."""
        raw = self._raw(key)
        if raw is None:
            return []
        paths = [raw] if isinstance(raw, str) else raw
        if isinstance(paths, list) and all(isinstance(p, str) and p for p in paths):
            return list(paths)
        self._ignore(key)
        return []

    def data(self, key: str) -> QByteArray | None:
        """Bytes Qt wrote (a window's geometry)."""
        raw = self._raw(key)
        if raw is None or isinstance(raw, QByteArray):
            return raw
        self._ignore(key)
        return None

    def parsed(self, key: str, parse: Callable[[Any], T]) -> T | None:
        """A JSON text, made a value by ``parse`` (which raises when it is not one)."""
        raw = self._raw(key)
        if raw is None or raw == "":
            return None
        try:
            if not isinstance(raw, str):
                raise TypeError(f"{key} is not a text")
            return parse(json.loads(raw))
        except BAD_VALUE:
            self._ignore(key)
            return None

    def refuse(self, key: str) -> None:
        """A value read well that its user could not use after all (a geometry Qt refused)."""
        self._ignore(key)

    # ----- writing --------------------------------------------------------------------------
    def set(self, key: str, value: object) -> None:
        if self.store is not None:
            self.store.setValue(key, value)

    def forget(self, key: str) -> None:
        if self.store is not None:
            self.store.remove(key)

    def sync(self) -> None:
        if self.store is not None:
            self.store.sync()
