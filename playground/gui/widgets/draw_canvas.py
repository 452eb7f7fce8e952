"""The drawing canvas: white ink on black, strokes kept for undo.

The ink lives in a 280×280 grayscale image (ten times MNIST's 28), drawn with a round pen whose
width gives MNIST-like strokes after ``canvas_to_input`` scales the digit to 20 px. Left button
(or a pen) draws; right click or Esc clears; Ctrl+Z undoes the last stroke. ``sig_changed`` fires
after every change.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QImage,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from playground.gui.image_file import qimage_to_gray

SIZE = 280
SHOWN = 400  # on screen; the ink image stays 280 px
PEN_WIDTH = 22.0  # on the 280 px image: about 2 px once the digit is scaled to MNIST's 20 px box


class DrawCanvas(QWidget):
    sig_changed = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("drawCanvas")
        self.setToolTip(self.tr(
            "Draw a digit with the mouse. Right click or Esc clears, Ctrl+Z undoes the "
            "last stroke."))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.setFixedSize(SHOWN, SHOWN)
        self.strokes: list[list[QPointF]] = []
        self._image = QImage(SIZE, SIZE, QImage.Format.Format_Grayscale8)
        self._render()

    # ----- state ---------------------------------------------------------------------------------
    def is_empty(self) -> bool:
        return not self.strokes

    def array(self) -> np.ndarray:
        """The ink as uint8 (280, 280), 0 background to 255 ink."""
        return qimage_to_gray(self._image)

    def clear(self) -> None:
        if self.strokes:
            self.strokes.clear()
            self._changed()

    def undo(self) -> None:
        if self.strokes:
            self.strokes.pop()
            self._changed()

    def _changed(self) -> None:
        self._render()
        self.update()
        self.sig_changed.emit()

    def _render(self) -> None:
        self._image.fill(0)
        p = QPainter(self._image)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        pen = QPen(QColor(255, 255, 255), PEN_WIDTH, Qt.PenStyle.SolidLine,
                   Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin)
        p.setPen(pen)
        for stroke in self.strokes:
            if len(stroke) == 1:
                p.drawPoint(stroke[0])
            else:
                p.drawPolyline(stroke)
        p.end()

    # ----- Qt events -----------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        p = QPainter(self)
        p.drawImage(QRectF(0, 0, self.width(), self.height()), self._image)
        if self.is_empty():
            p.setPen(QColor(150, 150, 150))
            p.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.tr("draw a digit here"))
        p.end()

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        if event.button() == Qt.MouseButton.RightButton:
            self.clear()
        elif event.button() == Qt.MouseButton.LeftButton:
            self.strokes.append([self._to_image(event.position())])
            self._changed()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        if event.buttons() & Qt.MouseButton.LeftButton and self.strokes:
            self.strokes[-1].append(self._to_image(event.position()))
            self._changed()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if event.key() == Qt.Key.Key_Escape:
            self.clear()
        elif event.matches(QKeySequence.StandardKey.Undo):
            self.undo()
        else:
            super().keyPressEvent(event)

    def _to_image(self, pos: QPointF) -> QPointF:
        return QPointF(pos.x() * SIZE / self.width(), pos.y() * SIZE / self.height())
