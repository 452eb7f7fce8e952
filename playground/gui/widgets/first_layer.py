"""What an MNIST network's first layer learned: each unit's 784 weights as a 28x28 image.

Blue is a positive weight, orange a negative one, white zero, on one colour scale for the whole
layer, so units can be compared: full colour at the 99th percentile of |weight| over the layer
(the largest few, on the scale of the very largest, left every other weight near white). The
units are ordered by how much the next layer uses them (the norm of their outgoing weights), the
most used first; a network without a hidden layer shows its ten output units, one per digit.
Hover a unit for its numbers and the test digits that activate it most. Redrawn from the weights
on display (a live run's frames, an epoch the timeline shows), at most a few times a second.
"""

from __future__ import annotations

import time
from collections.abc import Callable

import numpy as np
from PySide6.QtCore import QObject, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QImage, QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QToolTip, QWidget

from playground.data.mnist import to_inputs
from playground.gui.sessions.mnist import MnistSession
from playground.gui.widgets.common import MUTED

SIDE = 28
GAP = 3
REDRAW_SECONDS = 0.25
TOP_DIGITS = 8
SAMPLE = 2000  # test images looked at for a unit's strongest answers
POSITIVE, NEGATIVE = np.array([8, 119, 189]), np.array([245, 147, 34])


def weight_images(w: np.ndarray) -> np.ndarray:
    """(units, 28, 28, 4) RGBA: each column of ``w`` (784, units) from orange (negative) through
    white to blue (positive), on one scale: the 99th percentile of |weight| (beyond: full)."""
    scale = float(np.percentile(np.abs(w), 99)) or float(np.abs(w).max()) or 1.0
    v = np.clip(w.T.reshape(-1, SIDE, SIDE, 1) / scale, -1.0, 1.0)
    colour = np.where(v > 0, POSITIVE, NEGATIVE).astype(np.float64)
    rgb = 255.0 + np.abs(v) * (colour - 255.0)
    alpha = np.full(v.shape, 255.0)
    return np.ascontiguousarray(np.concatenate([rgb, alpha], axis=-1).astype(np.uint8))


def usage_order(params: tuple[dict, ...]) -> tuple[np.ndarray, np.ndarray]:
    """(order, usage): the first layer's units, most used by the next layer first, and each
    unit's usage (the norm of its outgoing weights; for an output layer, ones in order)."""
    units = params[0]["W"].shape[1]
    if len(params) < 2:
        return np.arange(units), np.ones(units)
    usage = np.linalg.norm(params[1]["W"].astype(np.float64), axis=1)
    return np.argsort(-usage, kind="stable"), usage


class ModelSource(QObject):
    """A network that does not train (the Digits tab's model) as a ``FirstLayerView`` reads a
    session: its weights, a number that changes with them, and the MNIST test set
    (``test_data()``, None before it is read) for a unit's strongest digits."""

    sig_frame = Signal()
    sig_network_changed = Signal()

    def __init__(self, test_data: Callable[[], object] | None = None) -> None:
        super().__init__()
        self.net = None
        self._version = 0
        self._test_data = test_data

    def set(self, net: object) -> None:
        self.net, self._version = net, self._version + 1
        self.sig_network_changed.emit()

    def display_params(self) -> tuple[dict, ...]:
        return tuple(self.net.params) if self.net is not None else ()

    @property
    def data(self) -> object:
        return self._test_data() if self._test_data is not None else None


class FirstLayerView(QWidget):
    def __init__(self, session: MnistSession | ModelSource) -> None:
        super().__init__()
        self.session = session
        self.setObjectName("firstLayerView")
        self.setMouseTracking(True)
        self.setMinimumSize(120, 80)
        self.images: np.ndarray | None = None
        self.order = np.zeros(0, np.int64)
        self.usage = np.zeros(0)
        self._drawn_version = -1
        self._last = 0.0
        self._later = QTimer(self, singleShot=True, interval=int(1000 * REDRAW_SECONDS))
        self._later.timeout.connect(self.refresh)
        session.sig_frame.connect(self._maybe_refresh)
        session.sig_network_changed.connect(self.refresh)
        self.refresh()

    def _maybe_refresh(self) -> None:
        if time.perf_counter() - self._last >= REDRAW_SECONDS:
            self.refresh()
        elif not self._later.isActive():
            self._later.start()

    def refresh(self) -> None:
        self._last = time.perf_counter()
        params = self.session.display_params()
        if self.session._version == self._drawn_version:
            return
        self._drawn_version = self.session._version
        if not params or params[0]["W"].shape[0] != SIDE * SIDE:
            self.images = None
        else:
            self.images = weight_images(np.asarray(params[0]["W"], np.float64))
            self.order, self.usage = usage_order(params)
        self.update()

    # ----- layout -------------------------------------------------------------------------------
    def tile(self) -> tuple[int, int]:
        """(tile side in pixels, columns): the largest tiles that show every unit."""
        n = 0 if self.images is None else len(self.images)
        if not n:
            return SIDE, 1
        for side in range(4 * SIDE, 7, -1):
            cols = max(1, (self.width() + GAP) // (side + GAP))
            if -(-n // cols) * (side + GAP) <= self.height():
                return side, cols
        return 8, max(1, (self.width() + GAP) // (8 + GAP))

    def unit_at(self, x: float, y: float) -> int | None:
        side, cols = self.tile()
        col, row = int(x // (side + GAP)), int(y // (side + GAP))
        k = row * cols + col
        if self.images is None or col >= cols or not 0 <= k < len(self.order):
            return None
        return int(self.order[k])

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        p = QPainter(self)
        if self.images is None:
            p.setPen(MUTED)
            p.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                       self.tr("The first layer's weights show here as 28x28 images"))
            p.end()
            return
        side, cols = self.tile()
        for k, unit in enumerate(self.order):
            rgba = self.images[unit]
            image = QImage(rgba.data, SIDE, SIDE, SIDE * 4, QImage.Format.Format_RGBA8888)
            x, y = (k % cols) * (side + GAP), (k // cols) * (side + GAP)
            p.drawImage(QRectF(x, y, side, side), image)
            p.setPen(QColor(210, 210, 210))
            p.drawRect(QRectF(x, y, side, side))
        p.end()

    # ----- hover --------------------------------------------------------------------------------
    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        unit = self.unit_at(event.position().x(), event.position().y())
        if unit is None:
            QToolTip.hideText()
            return
        QToolTip.showText(event.globalPosition().toPoint(), self.describe(unit), self)

    def describe(self, unit: int) -> str:
        """A unit's words: its rank of use, and the test digits it answers most strongly."""
        params = self.session.display_params()
        w = np.asarray(params[0]["W"][:, unit], np.float64)
        words = self.tr("Unit {0} of layer 1; weights from {1:.2g} to {2:.2g}").format(
            unit + 1, w.min(), w.max())
        if len(params) > 1:
            rank = int(np.flatnonzero(self.order == unit)[0]) + 1
            words += "\n" + self.tr("Ranked {0} of {1} by the next layer's use of it (its "
                                    "outgoing weights' norm {2:.2g})").format(
                rank, len(self.order), self.usage[unit])
        digits = self.top_digits(unit)
        if digits is not None:
            words += "\n" + self.tr("Most active on test digits: {0}").format(
                ", ".join(str(d) for d in digits))
        return words

    def top_digits(self, unit: int) -> list[int] | None:
        """The labels of the test images (of the first ``SAMPLE``) on which the unit's weighted
        sum is largest; None before MNIST is read."""
        data = self.session.data
        if data is None:
            return None
        params = self.session.display_params()
        x = to_inputs(data.test_images[:SAMPLE]).astype(np.float64)
        z = x @ np.asarray(params[0]["W"][:, unit], np.float64)
        if "b" in params[0]:
            z += float(params[0]["b"][unit])
        top = np.argsort(-z, kind="stable")[:TOP_DIGITS]
        return [int(d) for d in data.test_labels[:SAMPLE][top]]
