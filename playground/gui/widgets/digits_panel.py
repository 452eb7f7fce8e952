"""The digits tab: draw a digit, see what an MNIST network reads and exactly what it was given.

The model is the pre-trained one shipped in ``resources/models/mnist.npz`` unless the user opens
another. Predictions follow the pen, at most every ``PREDICT_MS``; an empty canvas predicts
nothing. If no model can be loaded, the panel says why and drawing still works.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import numpy as np
from PySide6.QtCore import QRectF, Qt, QTimer
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPaintEvent, QPixmap
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSpacerItem,
    QVBoxLayout,
    QWidget,
)

from playground.data.digits import canvas_to_input
from playground.data.errors import file_phrase
from playground.gui.i18n import error_text
from playground.gui.widgets.common import BLUE, tip
from playground.gui.widgets.draw_canvas import DrawCanvas
from playground.gui.widgets.first_layer import FirstLayerView, ModelSource
from playground.modelfile.save_load import ModelFileError, load_model
from playground.nn import Network
from playground.paths import shipped_model
from playground.phrase import QT_TRANSLATE_NOOP

PREDICT_MS = 12  # at most this long from a change of the ink to a new prediction
SHIPPED_MODEL = shipped_model()


WIDE_BARS, NARROW_BARS = 420, 260  # the bars' least width, beside a dock at 1024 px: narrow


class PredictionBars(QWidget):
    """Ten horizontal bars: the network's probability for each digit."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("predictionBars")
        self.setToolTip(self.tr("How sure the network is of each digit (its softmax outputs)."))
        self.setMinimumSize(WIDE_BARS, 260)
        self.values = np.zeros(10)

    def set_values(self, values: np.ndarray) -> None:
        self.values = np.asarray(values, dtype=np.float64)
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        p = QPainter(self)
        row = self.height() / 10
        best = int(self.values.argmax()) if self.values.any() else -1
        for digit, value in enumerate(self.values):
            y = digit * row
            p.setPen(QColor(40, 40, 40))
            p.drawText(QRectF(0, y, 24, row), Qt.AlignmentFlag.AlignCenter, str(digit))
            width = (self.width() - 90) * float(value)
            p.fillRect(QRectF(28, y + row * 0.2, width, row * 0.6),
                       BLUE if digit == best else QColor(170, 190, 210))
            p.drawText(QRectF(self.width() - 58, y, 56, row),
                       Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                       f"{100 * value:.1f}%")
        p.end()


class DigitsPanel(QWidget):
    def __init__(self, model_path: Path = SHIPPED_MODEL,
                 test_data: Callable[[], object] | None = None) -> None:
        super().__init__()
        self.setObjectName("digitsPanel")
        self.net: Network | None = None
        self.source = ModelSource(test_data)  # the model, for its first layer's images
        self.first_layer = FirstLayerView(self.source)
        self.first_layer.setObjectName("digitsFirstLayer")
        self.canvas = DrawCanvas()
        self.bars = PredictionBars()
        self.answer = tip(QLabel("–"), self.tr("The digit the network reads."), "predictedDigit")
        font = QFont(self.font())
        font.setPointSize(56)
        font.setBold(True)
        self.answer.setFont(font)
        self.answer.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview = tip(QLabel(),
                           self.tr("Exactly what the network receives: your drawing cropped, "
                                   "scaled to 20 px, centred by its centre of mass in 28×28."),
                                   "inputPreview")
        self.preview.setFixedSize(112, 112)
        self.model_label = QLabel()
        self.model_label.setWordWrap(True)
        self.model_label.setMaximumWidth(400)
        self._throttle = QTimer(self, singleShot=True, interval=PREDICT_MS)
        self._throttle.timeout.connect(self.predict)
        self.canvas.sig_changed.connect(self._ink_changed)
        self._layout()
        self.load(model_path)
        self.predict()

    def _layout(self) -> None:
        clear = tip(QPushButton(self.tr("Clear")),
                    self.tr("Wipe the canvas (Esc or right click)."), "clearButton")
        undo = tip(QPushButton(self.tr("Undo stroke")),
                   self.tr("Take back the last stroke (Ctrl+Z)."), "undoButton")
        clear.clicked.connect(self.canvas.clear)
        undo.clicked.connect(self.canvas.undo)
        left = QVBoxLayout()
        self._hint = hint = QLabel(self.tr(
            "Draw a digit with the mouse. Esc or right click clears, Ctrl+Z undoes."))
        hint.setObjectName("caption")
        left.addWidget(hint)
        left.addWidget(self.canvas)
        buttons = QHBoxLayout()
        buttons.addWidget(clear)
        buttons.addWidget(undo)
        left.addLayout(buttons)
        left.addWidget(self.model_label)
        left.addStretch(1)
        right = QGridLayout()
        right.addWidget(QLabel(self.tr("The network reads")), 0, 0)
        right.addWidget(self.answer, 1, 0)
        right.addWidget(QLabel(self.tr("It receives")), 0, 1)
        right.addWidget(self.preview, 1, 1)
        right.addWidget(self.bars, 2, 0, 1, 2)
        self._layer_caption = QLabel(self.tr("Its first layer: each unit's weights (blue +, "
                                             "orange −), most used first"))
        self._layer_caption.setWordWrap(True)
        right.addWidget(self._layer_caption, 3, 0, 1, 2)
        right.addWidget(self.first_layer, 4, 0, 1, 2)
        right.setRowStretch(4, 1)
        self._row = row = QHBoxLayout(self)
        row.setContentsMargins(24, 24, 24, 24)
        row.addStretch(1)
        row.addLayout(left)
        self._gap = QSpacerItem(40, 0)
        row.addSpacerItem(self._gap)
        row.addLayout(right)
        row.addStretch(1)
        self.bars.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_compact(self, compact: bool) -> None:
        """A narrow window (``gui/narrow.py``): less margin and gap, shorter bars, so the
        canvas and the network's reading fit beside a dock (~700 px instead of ~930)."""
        if compact == self.compact:
            return  # called on every resize of the page: nothing to lay out again
        margin, gap = (6, 10) if compact else (24, 40)
        self._row.setContentsMargins(margin, margin, margin, margin)
        self._gap.changeSize(gap, 0)
        self.bars.setMinimumWidth(NARROW_BARS if compact else WIDE_BARS)
        self._hint.setWordWrap(compact)  # no wider than the canvas
        for part in (self._layer_caption, self.first_layer):
            part.setVisible(not compact)  # the canvas and the reading come first
        self._row.invalidate()

    @property
    def compact(self) -> bool:
        return self.bars.minimumWidth() == NARROW_BARS

    def _ink_changed(self) -> None:
        """Throttle, not debounce: while the pen moves, predict every PREDICT_MS (restarting the
        timer on each move would wait until the pen stops)."""
        if not self._throttle.isActive():
            self._throttle.start()

    def load(self, path: Path) -> bool:
        """Use the MNIST model at ``path``; on failure keep the current one and say why."""
        try:
            net = load_model(path)
        except ModelFileError as e:
            self._refused(e)
            return False
        return self.use(net, path)

    def use(self, net: Network, path: Path) -> bool:
        """Use ``net``, read from ``path``, when it reads MNIST digits; else keep the current
        one and say why."""
        if net.input_dim != 784 or net.n_outputs != 10:
            self._refused(ModelFileError(path, file_phrase(QT_TRANSLATE_NOOP(
                "Files", "it is not an MNIST model ({net})"), net=str(net))))
            return False
        self.set_model(net, Path(path).name)
        return True

    def _refused(self, e: ModelFileError) -> None:
        self.model_label.setText(
            self.tr("No model to read digits: {0}").format(error_text(e)) if self.net is None
            else self.tr("Kept the current model. {0}").format(error_text(e)))

    def set_model(self, net: Network, name: str) -> None:
        self.net = net
        self.source.set(net)
        acc = net.metadata.get("metrics", {}).get("test_accuracy")
        shape = "-".join(str(n) for n in net.sizes)
        text = self.tr("Model: {0}, {1}").format(name, shape)
        if acc:
            text += self.tr(", {0} on the test set").format(f"{100 * acc:.2f}%")
        self.model_label.setText(text)
        self.predict()

    def predict(self) -> None:
        x = canvas_to_input(self.canvas.array())
        self._show_preview(x)
        if x is None or self.net is None:
            self.answer.setText("–")
            self.bars.set_values(np.zeros(10))
            return
        proba = self.net.predict_proba(x[None, :])[0]
        self.answer.setText(str(int(proba.argmax())))
        self.bars.set_values(proba)

    def _show_preview(self, x: np.ndarray | None) -> None:
        pixels = np.zeros((28, 28), np.uint8) if x is None else (x.reshape(28, 28) * 255).astype(
            np.uint8)
        image = QImage(pixels.tobytes(), 28, 28, 28, QImage.Format.Format_Grayscale8).copy()
        self.preview.setPixmap(QPixmap.fromImage(image).scaled(112, 112))
