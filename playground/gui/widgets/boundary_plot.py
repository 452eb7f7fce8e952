"""The plane: the network's output (or one neuron's) as a heatmap, with the points on top.

A left click adds a point of the chosen class, a right click removes the nearest one. The plane is
fixed at [-6, 6]², so panning and zooming are off.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QMenu

from playground.data.toy import EXTENT
from playground.gui.picture import add_picture_actions
from playground.gui.plane_maps import CLASS_COLOURS, diverging
from playground.gui.sessions.playground import REGRESSION_RANGE, Session

TARGET_BINS = 17  # a regression's points in this many colour steps: one scatter a step


def _target_bins(targets: np.ndarray) -> np.ndarray:
    """The colour step of each target in [-1, 1] (0 for -1, TARGET_BINS - 1 for 1)."""
    scaled = (np.clip(targets, *REGRESSION_RANGE) + 1) / 2 * (TARGET_BINS - 1)
    return np.rint(scaled).astype(np.int64)


def _bin_colour(c: int) -> np.ndarray:
    low, high = REGRESSION_RANGE
    return diverging(np.array([low + (high - low) * c / (TARGET_BINS - 1)]), low, high)[0, :3]


def _colour_scale(plot: pg.PlotItem) -> pg.GradientLegend:
    """The regression's colour scale, in the plane's corner: orange −1, white 0, blue +1."""
    low, high = REGRESSION_RANGE
    colours = diverging(np.linspace(low, high, 9), low, high)
    legend = pg.GradientLegend((14, 110), (-12, 12))
    legend.setColorMap(pg.ColorMap(np.linspace(0, 1, 9), colours))
    legend.setLabels({f"{high:+g}": 1.0, "0": 0.5, f"{low:+g}": 0.0})
    legend.setParentItem(plot.vb)
    legend.setVisible(False)
    return legend


def plain_plane(plot: pg.PlotItem) -> None:
    """``plot`` as a still square of the plane, ±EXTENT: no menu, no mouse, no grid and no
    axes (redrawing them with every frame cost about 20 ms, measured, more than all the rest
    of the frame; the plane's extent is stated in the tooltip instead)."""
    plot.setMenuEnabled(False)
    plot.setMouseEnabled(False, False)
    plot.hideButtons()
    plot.setAspectLocked(True)
    plot.setRange(xRange=(-EXTENT, EXTENT), yRange=(-EXTENT, EXTENT), padding=0)
    plot.showGrid(False, False)
    plot.hideAxis("left")
    plot.hideAxis("bottom")


class BoundaryPlot(pg.PlotWidget):
    sig_inspect = Signal(int)  # "inspect this training point" from the context menu

    def __init__(self, session: Session) -> None:
        super().__init__(background="w")
        self.session = session
        self.setObjectName("boundaryPlot")
        self.setToolTip(self.tr(
            "The network's answer at every point of the plane, from -6 to 6 on both "
            "axes. Left click: add a point of the chosen class; right click: remove "
            "the nearest point; Shift+click: inspect one training step on the "
            "nearest point."))
        self.setMinimumSize(260, 260)
        plot = self.getPlotItem()
        plain_plane(plot)
        self._title = ""
        self.image_item = pg.ImageItem(axisOrder="row-major")
        plot.addItem(self.image_item)
        # one scatter (one brush) per class and split: a brush per point made 1,000,000 imported
        # points take a minute to draw
        self.point_items: dict[tuple[str, int], pg.ScatterPlotItem] = {}
        self._kinds: dict[tuple[str, int], bool] = {}  # whether a scatter shows a regression
        self.scale = _colour_scale(plot)
        self.ring = pg.ScatterPlotItem(size=18, pen=pg.mkPen("k", width=2.5), brush=None)
        self.ring.setZValue(3)
        plot.addItem(self.ring)
        self.scene().sigMouseClicked.connect(self._clicked)
        session.sig_frame.connect(self._draw_image)
        session.sig_data_changed.connect(self._draw_points)
        session.sig_view_changed.connect(self._draw_points)
        session.sig_network_changed.connect(self._draw_points)
        self._draw_image()
        self._draw_points()

    def _draw_image(self) -> None:
        maps = self.session.plane_maps()
        focus = self.session.view.focus
        if focus is not None and focus[0] < len(maps.neurons):
            image = maps.neurons[focus[0]][focus[1]]
            title = self.tr("Neuron {0} of layer {1} (click it again to go back)").format(
                focus[1] + 1, focus[0] + 1)
        else:
            image, title = maps.boundary, self.tr("Output")
        self.image_item.setImage(image, autoLevels=False, levels=(0, 255))
        # the rect scales by the image's size, so it is set after the image (before, the whole
        # plane showed one enlarged pixel)
        self.image_item.setRect(-EXTENT, -EXTENT, 2 * EXTENT, 2 * EXTENT)
        if title != self._title:
            self._title = title
            self.getPlotItem().setTitle(title, size="10pt", color="#333")

    def _draw_points(self) -> None:
        pts = self.session.points
        shown = {"train": (pts.train, pts.train_labels)}
        if self.session.view.show_test:
            shown["test"] = (pts.test, pts.test_labels)
        index = self.session.view.inspected
        ringed = pts.train[index:index + 1] if index is not None else np.zeros((0, 2))
        self.ring.setData(pos=ringed)
        regression = pts.regression
        self.scale.setVisible(regression)
        for split in ("train", "test"):
            xy, labels = shown.get(split, (np.zeros((0, 2)), np.zeros(0, np.int64)))
            groups = _target_bins(labels) if regression else labels
            for c in range(max(TARGET_BINS if regression else pts.n_classes,
                               *(k[1] + 1 for k in self.point_items), 0)):
                self._points(split, c, regression).setData(pos=xy[groups == c])

    def _points(self, split: str, c: int, regression: bool = False) -> pg.ScatterPlotItem:
        """The scatter of class ``c``'s ``split`` points (a regression: of the targets in bin
        ``c``), made on first use, and recoloured when the kind of data changed."""
        item = self._scatter(split, c)
        if self._kinds.get((split, c)) != regression:
            self._kinds[(split, c)] = regression
            colour = _bin_colour(c) if regression else CLASS_COLOURS[c % len(CLASS_COLOURS)]
            item.setBrush(pg.mkBrush(*colour.astype(int)))
            # a target near 0 is white: a grey rim keeps it visible on a white plane
            rim = "#666" if regression else "w"
            item.setPen(pg.mkPen(rim, width=1.0) if split == "train" else
                        pg.mkPen("k", width=1.4))
        return item

    def _scatter(self, split: str, c: int) -> pg.ScatterPlotItem:
        """The scatter of group ``c``'s ``split`` points, made on first use."""
        key = (split, c)
        if key not in self.point_items:
            colour = CLASS_COLOURS[c % len(CLASS_COLOURS)].astype(int)
            pen = pg.mkPen("w", width=1.2) if split == "train" else pg.mkPen("k", width=1.4)
            item = pg.ScatterPlotItem(size=8, pen=pen, brush=pg.mkBrush(*colour))
            item.setZValue(1 if split == "train" else 2)
            self.getPlotItem().addItem(item)
            self.point_items[key] = item
        return self.point_items[key]

    def _inspect_nearest(self, x: float, y: float) -> None:
        train = self.session.points.train
        if len(train):
            self.sig_inspect.emit(int(np.linalg.norm(train - [x, y], axis=1).argmin()))

    def _clicked(self, event) -> None:  # noqa: ANN001 - pyqtgraph's MouseClickEvent
        pos = self.getPlotItem().vb.mapSceneToView(event.scenePos())
        x, y = pos.x(), pos.y()
        if abs(x) > EXTENT or abs(y) > EXTENT:  # the margin: the picture's menu
            if event.button() == Qt.MouseButton.RightButton:
                menu = QMenu(self)
                add_picture_actions(menu, self, "decision boundary", self.session.sig_error.emit)
                menu.popup(event.screenPos().toPoint())
                event.accept()
            return
        if event.button() == Qt.MouseButton.LeftButton and \
                event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            self._inspect_nearest(x, y)  # Shift+click: look inside one step on that point
        elif event.button() == Qt.MouseButton.LeftButton:
            self.session.add_point(x, y, self.session.view.click_class)
        elif event.button() == Qt.MouseButton.RightButton:
            self.session.remove_point_near(x, y)
        event.accept()
