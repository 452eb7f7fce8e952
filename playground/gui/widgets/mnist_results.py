"""What the MNIST network gets wrong: the confusion matrix and a gallery of misread test digits.

Both redraw from the session's latest test predictions (one per epoch). A click on a cell of the
matrix shows only those digits in the gallery; a click on the diagonal or outside shows all.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QImage, QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QWidget

from playground.gui.sessions.mnist import MnistSession
from playground.gui.widgets.common import BLUE, MUTED, ORANGE

N = 10
MARGIN = 26  # room for the digit labels left of and above the cells
THUMB = 56  # each misread digit drawn at twice its size
CAPTION = 16


class ConfusionMatrixView(QWidget):
    """10×10 counts: rows are the true digits, columns the network's answers."""

    sig_cell = Signal(object, object)  # (true, answer) to show, or (None, None) for all

    def __init__(self, session: MnistSession) -> None:
        super().__init__()
        self.session = session
        self.setObjectName("confusionMatrix")
        self.setToolTip(self.tr(
            "Rows: the true digit. Columns: what the network answered. The diagonal "
            "is right; a dark cell off it is a common mix-up. Click a cell to see "
            "those digits below."))
        # cells of 26.5-27 px: "1135" still fits in 9 px type. 291 px high, the least that keeps
        # 9 px (26 px margin + 10 cells of 26.5): the MNIST page then fits 1024x700 beside the
        # diagnostics in Chinese too, whose taller rows needed 4 px more than 300 left
        self.setMinimumSize(300, 291)
        self.counts: np.ndarray | None = None
        self.selected: tuple[int, int] | None = None
        self._shown: np.ndarray | None = None
        session.sig_frame.connect(self._refresh)

    def _refresh(self) -> None:
        predicted = self.session.predicted()  # an epoch the timeline shows has its own
        if predicted is self._shown:  # no new epoch's answers
            return
        self._shown = predicted
        self.counts = self.session.confusion()
        if predicted is None and self.selected is not None:  # a new network: show all again
            self.selected = None
            self.sig_cell.emit(None, None)
        self.update()

    def _cell_size(self) -> float:
        return (min(self.width(), self.height()) - MARGIN) / N

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        cell = self._cell_size()
        col = int((event.position().x() - MARGIN) // cell)
        row = int((event.position().y() - MARGIN) // cell)
        inside = 0 <= row < N and 0 <= col < N and row != col
        self.selected = (row, col) if inside and self.selected != (row, col) else None
        self.sig_cell.emit(*(self.selected or (None, None)))
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        p = QPainter(self)
        cell = self._cell_size()
        p.setPen(MUTED)
        for i in range(N):
            p.drawText(QRectF(MARGIN + i * cell, 0, cell, MARGIN), Qt.AlignmentFlag.AlignCenter,
                       str(i))
            p.drawText(QRectF(0, MARGIN + i * cell, MARGIN, cell), Qt.AlignmentFlag.AlignCenter,
                       str(i))
        if self.counts is None:
            p.drawText(QRectF(MARGIN, MARGIN, N * cell, N * cell), Qt.AlignmentFlag.AlignCenter,
                       self.tr("Train an epoch to see\nwhich digits get mixed up"))
            p.end()
            return
        font = QFont(self.font())
        font.setPixelSize(max(8, min(13, int(cell * 0.34))))  # "1135" must fit a cell
        p.setFont(font)
        share = self.counts / np.maximum(1, self.counts.sum(axis=1, keepdims=True))
        off_max = max(1e-9, float((share * (1 - np.eye(N))).max()))
        for r in range(N):
            for c in range(N):
                self._paint_cell(p, QRectF(MARGIN + c * cell, MARGIN + r * cell, cell, cell),
                                 r, c, share[r, c], off_max)
        p.end()

    def _paint_cell(self, p: QPainter, rect: QRectF, r: int, c: int, share: float,
                    off_max: float) -> None:
        base = BLUE if r == c else ORANGE
        strength = share if r == c else share / off_max  # mix-ups scaled to the worst one
        colour = QColor(base)
        colour.setAlphaF(min(1.0, 0.08 + 0.92 * strength))
        p.fillRect(rect.adjusted(1, 1, -1, -1), colour)
        if self.selected == (r, c):
            p.setPen(QColor(20, 20, 20))
            p.drawRect(rect.adjusted(1, 1, -2, -2))
        count = int(self.counts[r, c])
        if count:
            p.setPen(QColor(255, 255, 255) if strength > 0.55 else QColor(40, 40, 40))
            p.drawText(rect, Qt.AlignmentFlag.AlignCenter, str(count))


class MisreadGallery(QWidget):
    """Test digits the network gets wrong, each captioned 'true → answer'."""

    def __init__(self, session: MnistSession) -> None:
        super().__init__()
        self.session = session
        self.setObjectName("misclassifiedGallery")
        self.setToolTip(self.tr(
            "Test digits the network reads wrongly: the true digit, then its answer."))
        self.setMinimumHeight(THUMB + CAPTION)  # one row; more as the height allows
        self.filter: tuple[int | None, int | None] = (None, None)
        self.indices = np.zeros(0, dtype=np.int64)
        self._shown: np.ndarray | None = None
        session.sig_frame.connect(self._refresh)

    def show_pair(self, true: int | None, answer: int | None) -> None:
        self.filter = (true, answer)
        self.indices = self.session.misclassified(true, answer)
        self.update()

    def _refresh(self) -> None:
        predicted = self.session.predicted()
        if predicted is not self._shown:  # a new epoch's answers
            self._shown = predicted
            self.indices = self.session.misclassified(*self.filter)
            self.update()

    def columns(self) -> int:
        return max(1, self.width() // (THUMB + 4))

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        p = QPainter(self)
        data = self.session.data
        if data is None or self._shown is None or not len(self.indices):
            p.setPen(MUTED)
            p.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter,
                       self.tr("No misread digits to show yet")
                       if self._shown is None else self.tr("None of these"))
            p.end()
            return
        cols, rows = self.columns(), max(1, self.height() // (THUMB + CAPTION))
        for k, index in enumerate(self.indices[:cols * rows]):
            x, y = (k % cols) * (THUMB + 4), (k // cols) * (THUMB + CAPTION)
            pixels = np.ascontiguousarray(data.test_images[index].reshape(28, 28))
            image = QImage(pixels.data, 28, 28, 28, QImage.Format.Format_Grayscale8)
            p.drawImage(QRectF(x, y, THUMB, THUMB), image)
            p.setPen(QColor(40, 40, 40))
            p.drawText(QRectF(x, y + THUMB, THUMB, CAPTION), Qt.AlignmentFlag.AlignCenter,
                       f"{data.test_labels[index]} → {self._shown[index]}")
        p.end()
