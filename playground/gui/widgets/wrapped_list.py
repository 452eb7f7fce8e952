"""A list whose every entry wraps to the list's width, in any language.

``QListWidget`` with word wrap sized its entries for one line when the text was Chinese (the
glyphs come from a fallback font its size hint does not measure), so a long finding ended in
an ellipsis. ``WrappedList`` gives each entry the height its text takes at the list's width,
measured with the glyphs drawn, again whenever the list changes width.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QListView, QListWidget, QListWidgetItem

PADDING = 6  # above and below an entry's text, as the style draws it


class WrappedList(QListWidget):
    def __init__(self) -> None:
        super().__init__()
        self.setWordWrap(True)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def addItem(self, item: QListWidgetItem) -> None:  # noqa: N802 - Qt's name
        super().addItem(item)
        self._fit(item)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        for row in range(self.count()):
            self._fit(self.item(row))

    def _fit(self, item: QListWidgetItem) -> None:
        width = max(50, self.viewport().width() - 2 * self.spacing() - 8)
        rect = self.fontMetrics().boundingRect(QRect(0, 0, width, 100_000),
                                               int(Qt.TextFlag.TextWordWrap), item.text())
        item.setSizeHint(QSize(width, rect.height() + PADDING))
