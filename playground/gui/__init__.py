"""Everything that imports PySide6 or pyqtgraph lives in this package.

``playground.gui.MainWindow()`` builds the whole window; it is imported on first use so that
``playground predict`` (which only needs Qt's image decoders) stays light.
"""

from __future__ import annotations

from typing import Any


def __getattr__(name: str) -> Any:
    if name == "MainWindow":
        from playground.gui.main_window import MainWindow

        return MainWindow
    raise AttributeError(name)
