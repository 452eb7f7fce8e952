"""What the network diagram draws with: its pens (one per sign and weight level, pre-mixed with
the background), the bias dots, the neurons' images, and the distances its hit test measures."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPen

from playground.gui.widgets.common import BLUE, MUTED, ORANGE

WEIGHT_LEVELS = 6  # line widths drawn; each level is one pen and one drawLines call


def rgb_image(arr: np.ndarray) -> QImage:
    """A uint8 opaque RGBA (h, w, 4) array, row 0 at the bottom of the plane, as a QImage (row 0
    on top)."""
    flipped = np.ascontiguousarray(arr[::-1])
    h, w, _ = flipped.shape
    return QImage(flipped.data, w, h, 4 * w, QImage.Format.Format_RGBX8888).copy()


def _make_pens() -> tuple[list[QPen], list[QPen]]:
    """Per sign (positive, negative), one pen per weight level: opaque, pre-mixed with the
    background (alpha blending doubled the cost of the lines)."""
    pens: tuple[list[QPen], list[QPen]] = ([], [])
    for sign, colour in enumerate((BLUE, ORANGE)):
        for lev in range(WEIGHT_LEVELS):
            frac = (lev + 0.5) / WEIGHT_LEVELS
            pens[sign].append(QPen(_mixed(colour, 0.25 + 0.75 * frac), 0.5 + 5.0 * frac))
    return pens


def _mixed(colour: QColor, amount: float) -> QColor:
    """``colour`` mixed with the diagram's background, as if drawn with opacity ``amount``."""
    bg = 252
    return QColor(*(round(bg + (c - bg) * amount) for c in (colour.red(), colour.green(),
                                                             colour.blue())))


def bias_spot(node: QRectF) -> QPointF:
    return QPointF(node.left() - 3, node.bottom() - 3)


def _make_bias_pens() -> tuple[list[QPen], list[QPen]]:
    """Per sign, one round pen per dot size 0-6."""
    pens: tuple[list[QPen], list[QPen]] = ([], [])
    for sign, colour in enumerate((BLUE, ORANGE)):
        for size in range(7):
            pen = QPen(colour, 2 * size)
            pen.setCapStyle(Qt.PenCapStyle.RoundCap)
            pens[sign].append(pen)
    return pens


def distance(a: QPointF, b: QPointF) -> float:
    return float(np.hypot(a.x() - b.x(), a.y() - b.y()))


def segment_distance(p: QPointF, a: QPointF, b: QPointF) -> float:
    ax, ay, bx, by = a.x(), a.y(), b.x(), b.y()
    dx, dy = bx - ax, by - ay
    t = 0.0 if dx == dy == 0 else max(0.0, min(1.0, ((p.x() - ax) * dx + (p.y() - ay) * dy)
                                                / (dx * dx + dy * dy)))
    return float(np.hypot(p.x() - ax - t * dx, p.y() - ay - t * dy))


PENS = _make_pens()
BIAS_PENS = _make_bias_pens()
FRAME_PEN = QPen(MUTED, 1.0)
FOCUS_PEN = QPen(QColor(40, 40, 40), 2.5)
