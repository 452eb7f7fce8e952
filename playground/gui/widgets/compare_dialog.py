"""Two runs side by side: their boundaries (on the Playground), their curves in one plot, and
the difference in one sentence (``timeline.compare``).

The runs are the session's line under way and its branches (``session.timeline``); each is
shown as it ended, with the network of its last kept epoch. Nothing here changes the session.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from playground.data.features import apply_features
from playground.gui.i18n import say
from playground.gui.plane_maps import CLASS_COLOURS, boundary_colours, grid_points
from playground.gui.sessions.base import TrainingSession
from playground.gui.sessions.playground import REGRESSION_RANGE
from playground.gui.sessions.seeds import plane_extent
from playground.gui.widgets.axes import LogAxis, SpacedAxis
from playground.gui.widgets.boundary_plot import plain_plane
from playground.gui.widgets.common import tip
from playground.gui.widgets.loss_plot import decimate
from playground.nn import Network
from playground.timeline.compare import difference
from playground.timeline.lines import Line

RESOLUTION = 80  # points along each side of a run's plane
RUN_PENS = (pg.mkPen((8, 119, 189), width=2), pg.mkPen((200, 60, 60), width=2))


def last_network(line: Line) -> Network:
    """The network of the line's last kept epoch (its own network when none is kept)."""
    last = line.states.last_epoch
    state = line.states.state(last) if last is not None else None
    return state.network() if state is not None else line.net


class CompareDialog(QDialog):
    def __init__(self, session: TrainingSession, parent: QWidget | None = None,
                 lines: list[Line] | None = None, picks: tuple[int, int] = (0, 1)) -> None:
        """The session's runs (the line under way and its branches), or ``lines`` (the seed
        grid's copies), the two at ``picks`` shown first."""
        super().__init__(parent)
        self.session = session
        self.setObjectName("compareDialog")
        self.setWindowTitle(self.tr("Compare two runs"))
        t = session.timeline
        self.lines = lines if lines is not None else [t.current(), *reversed(t.lines.branches)]
        grid = QGridLayout()
        self.combos = []
        self.planes = []
        for column in range(2):
            combo = tip(QComboBox(), self.tr("The run shown in this column"),
                        f"compareRun{column}")
            for line in self.lines:
                combo.addItem(self._name(line))
            combo.setCurrentIndex(min(picks[column], len(self.lines) - 1))
            combo.currentIndexChanged.connect(self._show)
            grid.addWidget(combo, 0, column)
            self.combos.append(combo)
            if hasattr(session, "points"):  # the Playground: each run's boundary
                plane = _plane()
                grid.addWidget(plane, 1, column)
                self.planes.append(plane)
        self.curves = pg.PlotWidget(axisItems={"left": LogAxis("left"),
                                               "bottom": SpacedAxis("bottom")})
        self.curves.setObjectName("compareCurves")
        self.curves.setBackground("w")
        self.curves.setLogMode(y=True)
        self.curves.setLabel("left", self.tr("training loss"))
        self.curves.setLabel("bottom", self.tr("epoch"))
        self.curves.getAxis("left").enableAutoSIPrefix(False)
        self.curves.setMinimumHeight(180)
        self.legend = self.curves.addLegend(offset=(-10, 10))
        self.sentence = QLabel()
        self.sentence.setObjectName("compareSentence")
        self.sentence.setWordWrap(True)
        self.sentence.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        col = QVBoxLayout(self)
        col.addLayout(grid)
        col.addWidget(self.curves, 1)
        col.addWidget(self.sentence)
        col.addWidget(buttons)
        self.resize(760, 640)
        self._show()

    def chosen(self) -> list[Line]:
        return [self.lines[combo.currentIndex()] for combo in self.combos]

    def _show(self) -> None:
        chosen = self.chosen()
        for plane, line in zip(self.planes, chosen, strict=False):
            self._draw_plane(plane, line)
        self.curves.clear()
        self.legend.clear()
        for line, pen in zip(chosen, RUN_PENS, strict=True):
            epochs, loss = line.history.array("epoch"), line.history.array("train_loss")
            values = np.where(loss > 0, loss, np.nan)
            if np.isfinite(values).any():
                self.curves.plot(*decimate(epochs, values), pen=pen, connect="finite",
                                 name=self._name(line))
        self.sentence.setText(say(difference(*chosen, regression=self.session.regression)))

    def _draw_plane(self, plane: pg.PlotWidget, line: Line) -> None:
        """The run's boundary over the training points, as far as they reach (the seed
        grid's square: the XOR gate's four points fill it)."""
        s = self.session
        net = last_network(line)
        extent = plane_extent(s.points.train)
        x = apply_features(grid_points(RESOLUTION, extent), s.data_spec.features)
        out = net.forward(x.astype(net.dtype)).astype(np.float64)
        image = boundary_colours(out, net.output_activation, s.view.discretize,
                                 REGRESSION_RANGE if s.regression else None)
        plane.image.setImage(image.reshape(RESOLUTION, RESOLUTION, 4), autoLevels=False,
                             levels=(0, 255))
        plane.image.setRect(-extent, -extent, 2 * extent, 2 * extent)
        plane.getPlotItem().setRange(xRange=(-extent, extent), yRange=(-extent, extent),
                                     padding=0)
        pts = s.points
        for c, scatter in enumerate(plane.scatters):
            scatter.setData(pos=pts.train[pts.train_labels == c] if not pts.regression
                            else np.zeros((0, 2)))
        plane.setTitle(self.tr("{0} at epoch {1}").format(
            self._name(line), f"{line.last_epoch:,}"), size="9pt", color="#333")

    def _name(self, line: Line) -> str:
        return line.label or self.tr("Run {0}").format(line.number)


def _plane() -> pg.PlotWidget:
    plane = pg.PlotWidget()
    plane.setBackground("w")
    plane.setMinimumSize(220, 220)
    item = plane.getPlotItem()
    plain_plane(item)
    plane.image = pg.ImageItem(axisOrder="row-major")
    item.addItem(plane.image)
    plane.scatters = []
    for colour in CLASS_COLOURS:
        scatter = pg.ScatterPlotItem(size=6, pen=pg.mkPen("w", width=1),
                                     brush=pg.mkBrush(*colour.astype(int)))
        item.addItem(scatter)
        plane.scatters.append(scatter)
    return plane
