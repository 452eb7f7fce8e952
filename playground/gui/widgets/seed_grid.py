"""The seed grid (Train › Many seeds…): copies of the Playground's network side by side.

A window, not a modal dialog (training and the main window go on): how many seeds, optionally
learning rates to sweep over them, how many epochs; then one small live plane per copy with
its accuracy, a line "k of N reached 100%", and a click on a copy to make it the main network
(Put back undoes that). The model is ``gui.seeds.SeedsRun``.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QColor, QImage, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import (
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from playground.data.toy import EXTENT
from playground.gui.plane_maps import CLASS_COLOURS
from playground.gui.sessions.seeds import SeedsRun
from playground.gui.widgets.common import tip
from playground.gui.widgets.compare_dialog import CompareDialog
from playground.run.seeds_job import MAX_SEEDS

CELL = 84  # px: a copy's plane
CAPTION = 36  # px: its seed and accuracy below, two lines
SOLVED, STOPPED, FRAME = QColor("#1b7f3b"), QColor("#b00020"), QColor("#9a9a9a")
KEPT = QColor("#5a5aa0")  # early stopping ended it: the loss plot's mark colour
MAX_POINTS = 400  # training points drawn on each plane


class SeedCell(QWidget):
    """One copy: its plane with the training points, its seed (and rate) and its accuracy."""

    sig_clicked = Signal(int)

    def __init__(self, index: int) -> None:
        super().__init__()
        self.index = index
        self.setObjectName(f"seedCell{index}")
        self.setFixedSize(CELL + 6, CELL + CAPTION)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.image: QImage | None = None
        self.caption = ""
        self.colour = FRAME
        self.points: list[tuple[float, float, int]] = []
        self.extent = EXTENT

    def show_copy(self, image: QImage | None, caption: str, colour: QColor,
                  tooltip: str) -> None:
        self.image, self.caption, self.colour = image, caption, colour
        self.setToolTip(tooltip)
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        plane = QRectF(3, 3, CELL, CELL)
        if self.image is not None:
            p.drawImage(plane, self.image)
        else:
            p.fillRect(plane, QColor("#f4f4f4"))
        for x, y, label in self.points:
            colour = CLASS_COLOURS[label % len(CLASS_COLOURS)]
            p.setPen(QPen(QColor(255, 255, 255), 0.8))
            p.setBrush(QColor(int(colour[0]), int(colour[1]), int(colour[2])))
            px = plane.left() + (x + self.extent) / (2 * self.extent) * CELL
            py = plane.bottom() - (y + self.extent) / (2 * self.extent) * CELL
            p.drawEllipse(QRectF(px - 2, py - 2, 4, 4))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.setPen(QPen(self.colour, 3 if self.colour != FRAME else 1))
        p.drawRect(plane.adjusted(-1, -1, 1, 1))
        p.setPen(self.palette().windowText().color())
        p.drawText(QRectF(0, CELL + 6, CELL + 6, CAPTION - 6),
                   Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, self.caption)
        p.end()

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        if event.button() == Qt.MouseButton.LeftButton:
            self.sig_clicked.emit(self.index)


def _standing(line: object, regression: bool) -> tuple[float, float]:
    """How well a copy ended, smaller better: (−accuracy, loss), or (loss, 0)."""
    loss = line.history.latest("train_loss")
    loss = loss if loss is not None and np.isfinite(loss) else np.inf
    if regression:
        return loss, 0.0
    return -(line.history.latest("train_accuracy") or 0.0), loss


class SeedGridDialog(QDialog):
    def __init__(self, run: SeedsRun, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.run = run
        self.setObjectName("seedGridDialog")
        self.setWindowTitle(self.tr("Many seeds"))
        self.setModal(False)
        self.resize(940, 620)  # fits a 1024x700 screen
        self.cells: list[SeedCell] = []
        self._columns = 0
        self._controls()
        self._layout()
        run.sig_changed.connect(self.refresh)
        run.sig_running.connect(self._running)
        self._running(run.running)

    def _controls(self) -> None:
        self.seeds_spin = tip(QSpinBox(), self.tr(
            "How many copies of the network, each from its own seed: the network's seed, the "
            "next one, and so on."), "seedsSpin")
        self.seeds_spin.setRange(1, MAX_SEEDS)
        self.seeds_spin.setValue(20)
        self.lr_edit = tip(QLineEdit(), self.tr(
            "Learning rates to sweep, separated by commas: every rate trains every seed. Empty: "
            "the network's own rate."), "lrValues")
        self.lr_edit.setPlaceholderText(self.tr("e.g. 0.1, 0.35, 1"))
        self.epochs_spin = tip(QSpinBox(), self.tr("How many epochs each copy trains."),
                               "seedEpochsSpin")
        self.epochs_spin.setRange(1, 1_000_000)
        self.epochs_spin.setSingleStep(100)
        self.epochs_spin.setValue(500)
        self.start_button = tip(QPushButton(), self.tr(
            "Train the copies at once in the training process (Return); Stop keeps what they "
            "reached."), "seedStartButton")
        self.start_button.setDefault(True)
        self.start_button.clicked.connect(self.toggle)
        self.progress = tip(QProgressBar(), "", "seedProgress")
        self.summary = tip(QLabel(), self.tr("Copies at 100% on the training set."),
                           "seedSummary")
        self.summary.setStyleSheet("font-weight: 600;")
        self.message = tip(QLabel(), "", "seedMessage")
        self.message.setStyleSheet("color: #b00020;")
        self.message.setWordWrap(True)
        self.put_back_button = tip(QPushButton(self.tr("Put back the previous network")), self.tr(
            "The main network from before the last pick, with its weights."), "putBackButton")
        self.put_back_button.clicked.connect(self._put_back)
        self.compare_button = tip(QPushButton(self.tr("Compare two…")), self.tr(
            "Two copies side by side, the best and the worst first: their boundaries, their "
            "curves and the difference in one sentence"), "compareSeedsButton")
        self.compare_button.clicked.connect(self.compare)
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.clicked.connect(self.close)

    def _layout(self) -> None:
        row = QHBoxLayout()
        for label, widget in ((self.tr("Seeds"), self.seeds_spin),
                              (self.tr("Learning rates"), self.lr_edit),
                              (self.tr("Epochs"), self.epochs_spin)):
            row.addWidget(QLabel(label))
            row.addWidget(widget, 2 if widget is self.lr_edit else 0)
        row.addWidget(self.start_button)
        self.grid_widget = QWidget()
        self.grid_widget.setObjectName("seedCells")
        self.grid = QGridLayout(self.grid_widget)
        self.grid.setSpacing(6)
        self.grid.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.grid_widget)
        bottom = QHBoxLayout()
        bottom.addWidget(self.put_back_button)
        bottom.addWidget(self.compare_button)
        bottom.addStretch(1)
        bottom.addWidget(self.close_button)
        col = QVBoxLayout(self)
        col.addLayout(row)
        status = QHBoxLayout()
        status.addWidget(self.summary, 1)
        status.addWidget(self.progress, 1)
        col.addLayout(status)
        col.addWidget(self.message)
        col.addWidget(scroll, 1)
        col.addLayout(bottom)

    # ----- running ------------------------------------------------------------------------------
    def rates(self) -> list[float] | None:
        """The learning rates typed (None: the network's own); ValueError for a bad one."""
        text = self.lr_edit.text().strip()
        if not text:
            return None
        rates = []
        for part in text.replace(";", ",").split(","):
            try:
                rate = float(part)
            except ValueError:
                raise ValueError(self.tr("“{0}” is not a learning rate").format(
                    part.strip())) from None
            if not rate > 0 or rate != rate or rate == float("inf"):
                raise ValueError(self.tr("a learning rate must be a positive number, not "
                                         "{0}").format(part.strip()))
            rates.append(rate)
        return rates

    def start_study(self, seeds: int, epochs: int) -> bool:
        """The bug lab's study: ``seeds`` copies at the network's own learning rate."""
        self.lr_edit.clear()
        return self.start(seeds, epochs)

    def start(self, seeds: int | None = None, epochs: int | None = None) -> bool:
        if seeds is not None:
            self.seeds_spin.setValue(seeds)
        if epochs is not None:
            self.epochs_spin.setValue(epochs)
        try:
            rates = self.rates()
        except ValueError as e:
            self.message.setText(str(e))
            return False
        self.message.setText("")
        if not self.run.start(self.seeds_spin.value(), rates, self.epochs_spin.value()):
            return False
        self._make_cells(len(self.run.runs))
        self.progress.setRange(0, self.epochs_spin.value())
        self.refresh()
        return True

    def toggle(self) -> None:
        self.run.stop() if self.run.running else self.start()

    def _running(self, running: bool) -> None:
        self.start_button.setText(self.tr("Stop") if running else self.tr("Train the seeds"))
        for w in (self.seeds_spin, self.lr_edit, self.epochs_spin):
            w.setEnabled(not running)
        self.put_back_button.setEnabled(self.run.before is not None)
        self.compare_button.setEnabled(not running and self.run.params is not None and
                                       len(self.run.runs) > 1)
        self.refresh()

    def compare(self) -> CompareDialog | None:
        """Two copies side by side: the best and the worst at the end (by training accuracy,
        then loss; by loss for a regression; a copy that blew up is the worst)."""
        run = self.run
        lines = [run.line(i) for i in range(len(run.runs))]
        if len(lines) < 2 or None in lines:
            return None
        order = sorted(range(len(lines)), key=lambda i: _standing(lines[i],
                                                                  run.session.regression))
        dialog = CompareDialog(run.session, self, lines, (order[0], order[-1]))
        dialog.show()
        return dialog

    def _put_back(self) -> None:
        self.run.put_back()
        self.put_back_button.setEnabled(False)

    def _pick(self, index: int) -> None:
        if self.run.adopt(index):
            self.put_back_button.setEnabled(self.run.before is not None or self.run.running)

    # ----- showing ------------------------------------------------------------------------------
    def _make_cells(self, count: int) -> None:
        for cell in self.cells:
            self.grid.removeWidget(cell)
            cell.deleteLater()
        self.cells = [SeedCell(i) for i in range(count)]
        points = self._points()
        for cell in self.cells:
            cell.points, cell.extent = points, self.run.extent
            cell.sig_clicked.connect(self._pick)
        self._columns = 0
        self._reflow()

    def _reflow(self) -> None:
        """As many cells a row as the window is wide."""
        columns = max(1, (self.width() - 50) // (CELL + 12))
        if columns == self._columns:
            return
        self._columns = columns
        for cell in self.cells:
            self.grid.removeWidget(cell)
        for i, cell in enumerate(self.cells):
            self.grid.addWidget(cell, i // columns, i % columns)

    def resizeEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt override
        super().resizeEvent(event)
        self._reflow()

    def _points(self) -> list[tuple[float, float, int]]:
        s = self.run.session
        if s.regression:
            return []
        pts = s.points
        return [(float(x), float(y), int(label)) for (x, y), label in
                zip(pts.train[:MAX_POINTS], pts.train_labels[:MAX_POINTS], strict=False)]

    def refresh(self) -> None:
        run, frame = self.run, self.run.frame
        total = len(run.runs)
        if frame is not None:
            self.progress.setValue(frame.epoch)
            self.progress.setFormat(self.tr("epoch {0:,} of {1:,}").format(frame.epoch,
                                                                          run.epochs))
        if not total:
            self.summary.setText(self.tr("Train copies of the network from different seeds: "
                                         "some get stuck where others solve it."))
            return
        if run.session.regression:
            self.summary.setText(self.tr("{0} copies").format(total))
        else:
            self.summary.setText(self.tr("{0} of {1} reached 100%").format(run.solved(), total))
        several = len({lr for lr, _ in run.runs}) > 1
        for i, cell in enumerate(self.cells[:total]):
            self._show_cell(cell, i, several)

    def _show_cell(self, cell: SeedCell, i: int, several: bool) -> None:
        run, frame = self.run, self.run.frame
        lr, seed = run.runs[i]
        name = self.tr("seed {0}").format(seed) + (f" · {lr:g}" if several else "")
        image = None
        if i < len(run.images):
            rgba = run.images[i][::-1].copy()  # the plane's y grows upwards
            image = QImage(rgba.data, rgba.shape[1], rgba.shape[0], rgba.strides[0],
                           QImage.Format.Format_RGBA8888).copy()
        colour, value = FRAME, ""
        if frame is not None:
            stopped = bool(frame.stopped[i])
            if run.session.regression:
                value = self.tr("loss {0:.3g}").format(frame.train_loss[i])
            else:
                value = f"{100 * frame.train_accuracy[i]:.0f}%"
                colour = SOLVED if frame.train_accuracy[i] == 1.0 else FRAME
            if stopped:
                value, colour = self.tr("blew up"), STOPPED
        tooltip = self.tr("Seed {0}, learning rate {1:g}. Click: make it the main network.").format(
            seed, lr)
        if frame is not None and frame.early is not None and frame.early[i]:
            colour = KEPT  # its numbers are those of the epoch it kept
            tooltip += " " + self.tr("Early stopping ended it and kept epoch {0}.").format(
                int(frame.best_epoch[i]))
        cell.show_copy(image, f"{name}\n{value}", colour, tooltip)

    def closeEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt override
        self.run.stop()  # closing the window ends the copies; what they reached is kept
        super().closeEvent(event)
