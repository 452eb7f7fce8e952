"""View › Weights and gradients: per layer, the spread of its weights over the kept epochs and of
its |∂L/∂W| over the run's frames, as bands (``nn.bands``), with the health monitor's findings
about a layer marked where they began.

Each layer has two plots: its weights (the light band from the smallest to the largest, the
darker one the middle half, the line the median), and under them the size of its gradients on a
log scale (each step down is ten times smaller; a gradient of exactly 0 is drawn at 10⁻¹²).
A finding of the monitor about the network on screen that names a layer (dead ReLUs, saturated
units, saturated outputs, exploded weights) is a red line in that layer's plots at the first
kept epoch from which it has held, and a sentence above them. Up to the epoch the timeline
shows; redrawn from the weights on screen at most every half second, only while the dock is
shown.
"""

from __future__ import annotations

import time

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout

from playground.gui.i18n import say
from playground.gui.sessions.base import TrainingSession
from playground.gui.sessions.landscape import being_read
from playground.gui.widgets.common import WhileShown, still_plot
from playground.nn.bands import MARKED, healths, since, weight_bands
from playground.phrase import QT_TRANSLATE_NOOP
from playground.timeline.path import path_rows

REDRAW_SECONDS = 0.5
EPOCHS = 200  # kept epochs the weight bands are drawn at, at most
JUDGED = 60  # kept epochs the findings are judged at, at most
SAMPLES = 256  # training points the findings are judged on (the monitor's own number)
ROW_HEIGHT = 230  # a layer's two plots
BLUE, ORANGE = (8, 119, 189), (230, 120, 20)
SHORT = {"dead-relu": QT_TRANSLATE_NOOP("Bands", "ReLUs died"),
         "saturated": QT_TRANSLATE_NOOP("Bands", "saturated"),
         "vanishing": QT_TRANSLATE_NOOP("Bands", "outputs saturated"),
         "diverging": QT_TRANSLATE_NOOP("Bands", "weights blew up")}


def _tr(text: str) -> str:
    return QCoreApplication.translate("Bands", text)


class _LayerRow:
    """One layer's two plots: its weights' band and its gradients' (log₁₀)."""

    def __init__(self, layout: pg.GraphicsLayout, row: int) -> None:
        self.weights = layout.addPlot(row=2 * row, col=0)
        self.grads = layout.addPlot(row=2 * row + 1, col=0)
        self.items = []
        for plot, colour in ((self.weights, BLUE), (self.grads, ORANGE)):
            still_plot(plot)
            self.items.append(_band(plot, colour))
        self.marks: list[pg.InfiniteLine] = []

    def title(self, weights: str, grads: str) -> None:
        self.weights.setTitle(weights, size="9pt")
        self.grads.setTitle(grads, size="9pt")

    def draw(self, which: int, x: np.ndarray, q: np.ndarray) -> None:
        outer, inner, median, lows, highs = self.items[which]
        for item, y in ((lows[0], q[:, 0]), (highs[0], q[:, 4]), (lows[1], q[:, 1]),
                        (highs[1], q[:, 3]), (median, q[:, 2])):
            item.setData(x, y)

    def mark(self, epoch: int, text: str) -> None:
        for plot in (self.weights, self.grads):
            line = pg.InfiniteLine(epoch, pen=pg.mkPen((200, 30, 30), width=2,
                                                       style=Qt.PenStyle.DashLine),
                                   label=text if plot is self.weights else None,
                                   labelOpts={"position": 0.85, "color": (200, 30, 30)})
            plot.addItem(line)
            self.marks.append(line)

    def unmark(self) -> None:
        for line in self.marks:
            line.getViewBox().removeItem(line) if line.getViewBox() else None
        self.marks = []


def _band(plot: pg.PlotItem, colour: tuple[int, int, int]) -> tuple:
    edges = [pg.PlotCurveItem(pen=pg.mkPen((*colour, 0))) for _ in range(4)]
    for edge in edges:
        plot.addItem(edge)
    lows, highs = edges[:2], edges[2:]
    outer = pg.FillBetweenItem(lows[0], highs[0], brush=(*colour, 45))
    inner = pg.FillBetweenItem(lows[1], highs[1], brush=(*colour, 110))
    plot.addItem(outer)
    plot.addItem(inner)
    median = plot.plot(pen=pg.mkPen(colour, width=2))
    return outer, inner, median, lows, highs


class BandsView(WhileShown):
    def __init__(self, session: TrainingSession) -> None:
        super().__init__(250)
        self.setObjectName("bandsView")
        self.session = session
        self.rows: list[_LayerRow] = []
        self.marked: list[tuple[int, str, int]] = []  # (layer, kind, since) drawn
        self._drawn: tuple | None = None
        self._at = 0.0
        self._weights: tuple | None = None  # (epochs and shape, their bands): the last made
        self._judged: dict[tuple, tuple] = {}  # (epoch, the row's hash): the monitor's numbers
        self.plots = pg.GraphicsLayoutWidget()
        self.plots.setBackground("w")
        self.plots.setObjectName("bandsPlots")
        self.plots.setToolTip(self.tr(
            "Each layer's weights, epoch by epoch (light: smallest to largest; dark: the middle "
            "half; line: the median), and under them the size of its gradients, |∂L/∂W|, on a "
            "log scale (each step down is ten times smaller; 0 is drawn at -12). Red: where a "
            "finding began."))
        self.words = QLabel()
        self.words.setObjectName("bandsFindings")
        self.words.setWordWrap(True)
        box = QVBoxLayout(self)
        box.setContentsMargins(4, 4, 4, 4)
        box.addWidget(self.words)  # the findings first: the plots may need scrolling
        box.addWidget(self.plots, 1)

    def set_session(self, session: TrainingSession) -> None:
        if session is not self.session:
            self.session, self._drawn = session, None
            self._tick()

    def _tick(self) -> None:
        s = self.session
        about = (id(s), s._version)
        if not self.isVisible() or about == self._drawn or \
                time.monotonic() - self._at < REDRAW_SECONDS:
            return
        self._drawn, self._at = about, time.monotonic()
        self.redraw()

    # ----- drawing ------------------------------------------------------------------------------
    def redraw(self) -> None:
        s = self.session
        net = s.shown_network()
        epochs, rows = path_rows(s.timeline.states, net, s.timeline.at, most=EPOCHS)
        self._layers(net)
        # none kept (after a Reset): the plots empty
        w = self._weight_bands(epochs, rows, net) if len(epochs) else np.zeros(
            (0, len(self.rows), 5))
        for j, row in enumerate(self.rows):
            row.draw(0, epochs, w[:, j])
        grad_epochs, g = s.gradients.upto(s.timeline.at)
        for j, row in enumerate(self.rows):
            if len(grad_epochs) and g.shape[1] == len(self.rows):
                row.draw(1, grad_epochs, np.log10(np.clip(g[:, j], 1e-12, None)))
            else:
                row.draw(1, np.zeros(0), np.zeros((0, 5)))
        self._findings(net, epochs, rows)

    def _weight_bands(self, epochs: np.ndarray, rows: np.ndarray, net: object) -> np.ndarray:
        key = (epochs.tobytes(), rows.shape, hash(rows[-1].tobytes()))
        if self._weights is None or self._weights[0] != key:
            self._weights = (key, weight_bands(rows, net))
        return self._weights[1]

    def _healths(self, epochs: np.ndarray, rows: np.ndarray, net: object,
                 x: np.ndarray) -> list:
        """The monitor's numbers at each of ``epochs`` on ``x``, each worked out once."""
        points = hash(x.tobytes())
        keys = [(int(e), hash(r.tobytes()), points) for e, r in zip(epochs, rows, strict=True)]
        new = [i for i, k in enumerate(keys) if k not in self._judged]
        if len(self._judged) > 10 * JUDGED:
            self._judged.clear()
            new = list(range(len(keys)))
        for i, h in zip(new, healths(rows[new], net, x), strict=True):
            self._judged[keys[i]] = h
        return [self._judged[k] for k in keys]

    def _layers(self, net: object) -> None:
        if len(self.rows) != len(net.layers):
            self.plots.clear()
            self.rows = [_LayerRow(self.plots.ci, i) for i in range(len(net.layers))]
            self.plots.setMinimumHeight(ROW_HEIGHT * len(self.rows))
        for i, (row, spec) in enumerate(zip(self.rows, net.layers, strict=True)):
            name = self.tr("Layer {0} ({1} {2}): weights").format(i + 1, spec.units,
                                                                  spec.activation)
            row.title(name, self.tr("Layer {0}: log₁₀ |gradient|").format(i + 1))

    def _findings(self, net: object, epochs: np.ndarray, rows: np.ndarray) -> None:
        """The monitor's findings about a layer, each marked where it began."""
        s = self.session
        for row in self.rows:
            row.unmark()
        self.marked = []
        if being_read(s):  # the monitor's sample would read MNIST again, in this thread
            self.words.setText("")
            self._drawn = None  # again once it is in
            return
        health = s.diagnosis.health()
        found = [] if health is None else [f for f in s.diagnosis.findings(health)
                                           if f.kind in MARKED]
        batch = s.sample_batch(SAMPLES)
        if not found or batch is None or not len(epochs):
            self.words.setText("")
            return
        pick = np.unique(np.linspace(0, len(epochs) - 1, JUDGED).round().astype(np.int64))
        per_epoch = self._healths(epochs[pick], rows[pick], net, batch[0])
        lines = []
        for f in found:
            layer = len(self.rows) - 1 if f.kind == "vanishing" else \
                int(dict(f.says.values).get("layer", 0)) - 1
            start = since(f.kind, layer, epochs[pick], per_epoch) if 0 <= layer < len(
                self.rows) else None
            if start is None:
                continue
            self.rows[layer].mark(start, _tr(SHORT[f.kind]))
            self.marked.append((layer, f.kind, start))
            lines.append(QCoreApplication.translate(
                "Bands", "Layer {0}, since epoch {1}: {2}").format(
                layer + 1, f"{start:,}", say(f.says)))
        self.words.setText("\n".join(lines))
