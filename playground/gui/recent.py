"""File › Open recent (and the Your code tab's Recent): the last files opened or saved, kept
in QSettings."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QMenu

from playground.gui.settings import Settings

MAX_RECENT = 8


class RecentFiles:
    """The list behind ``menu``; choosing an entry calls ``open_model(path)``. Without settings
    (tests, screenshots) nothing is remembered."""

    def __init__(self, settings: Settings, menu: QMenu,
                 open_model: Callable[[str], object], key: str = "recent") -> None:
        self.settings, self.menu, self.open_model = settings, menu, open_model
        self.key = key  # the settings key: models and code files are kept apart
        self._fill()

    def paths(self) -> list[str]:
        return self.settings.paths(self.key)

    def remember(self, path: str) -> None:
        if not self.settings.stored:
            return
        path = str(Path(path).resolve())
        recent = [path] + [p for p in self.paths() if p != path]
        self.settings.set(self.key, recent[:MAX_RECENT])
        self._fill()

    def last_dir(self) -> str:
        recent = self.paths()
        return str(Path(recent[0]).parent) if recent else str(Path.home())

    def _fill(self) -> None:
        self.menu.clear()
        for path in self.paths():
            act = self.menu.addAction(Path(path).name)
            act.setToolTip(path)
            act.triggered.connect(lambda _=False, p=path: self.open_model(p))
        self.menu.setEnabled(bool(self.paths()))
