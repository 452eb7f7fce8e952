"""Loss and accuracy over epochs, train and test, redrawn with each frame."""

from __future__ import annotations

import time

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF, Qt, QTimer
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import QMenu

from playground.gui.picture import add_picture_actions
from playground.gui.sessions.base import TrainingSession
from playground.gui.widgets.axes import LogAxis, SpacedAxis

REDRAW_SECONDS = 0.2  # curves need no 30 fps; each redraw costs hundreds of Qt calls
# a redraw waits this long after the frame that asked for it, so that it is painted on its own
# between two frames rather than in the same paint as the plane and the diagram (together they
# held the window for up to 15 ms: the 10 ms probe's p99 on the spiral net was 30-32 ms)
BETWEEN_FRAMES_MS = 12
TRAIN_PEN = pg.mkPen((40, 40, 40), width=2)
TEST_PEN = pg.mkPen((245, 147, 34), width=2)
MARKED_EPOCHS = 40  # up to this many epochs each is marked with a dot (MNIST runs are short)
# points per curve at most: a minute of a small net is 30,000 epochs, and handing them all to
# pyqtgraph made each redraw a 10 ms stall of the window (measured: the probe's p99 went from
# 21 to 33 ms with the curves on)
MAX_POINTS = 600
ACC_TOP = 1.005
MARK_COLOUR = (90, 90, 160)
REPLAY_PEN = pg.mkPen((8, 119, 189), width=2)  # the epoch shown from the timeline
BRANCH_PEN = pg.mkPen((170, 170, 170), width=1.5)  # a branch's training loss, grey
MAX_BRANCHES_DRAWN = 3  # the latest branches are drawn; the runs menu lists them all
MARK_PEN = pg.mkPen(MARK_COLOUR, width=1, style=Qt.PenStyle.DashLine)
MARK_FILL = pg.mkBrush(255, 255, 255, 210)  # a curve under a label does not cross its words
MAX_MARKS = 40  # the latest edits that are drawn (their labels only where they fit)
MARK_ROWS = 2  # rows of edit labels under the loss plot's top
ACC_FLOORS = (0.99, 0.98, 0.95, 0.9, 0.8, 0.5)  # the accuracy axis starts at one of these, or 0
RATE_PEN = pg.mkPen((128, 90, 200), width=1)  # the learning rate: thin, on its own axis
LEGEND = (f'<span style="color:{TRAIN_PEN.color().name()}">━━ {{0}}</span>&nbsp;&nbsp;&nbsp;'
          f'<span style="color:{TEST_PEN.color().name()}">━━ {{1}}</span>')  # train, test
RATE_LEGEND = f'&nbsp;&nbsp;&nbsp;<span style="color:{RATE_PEN.color().name()}">── {{0}}</span>'


class LossPlot(pg.GraphicsLayoutWidget):
    def __init__(self, session: TrainingSession) -> None:
        super().__init__()
        self.setBackground("w")
        self.session = session
        self.setObjectName("lossPlot")
        self.setToolTip(self.tr(
            "Loss (how wrong the network is) and accuracy on the training points "
            "(dark) and the held-out test points (orange), epoch by epoch."))
        self.setMinimumHeight(220)
        self.loss_plot = self.addPlot(row=0, col=0, axisItems={
            "left": LogAxis("left"), "bottom": SpacedAxis("bottom"), "right": LogAxis("right")})
        self.stop_note = StopNote(self.loss_plot)  # row 1, between the plots
        self.addItem(self.stop_note.label, row=1, col=0)
        self.acc_plot = self.addPlot(row=2, col=0, axisItems={
            "left": SpacedAxis("left"), "bottom": SpacedAxis("bottom")})
        self.acc_plot.setXLink(self.loss_plot)
        self.loss_plot.setLogMode(y=True)
        self.acc_plot.setYRange(0, ACC_TOP, padding=0)
        self.loss_plot.setLabel("left", self.tr("loss"))
        self.acc_plot.setLabel("left", self.tr("accuracy"))
        self.acc_plot.setLabel("bottom", self.tr("epoch"))
        self.rate = RateLine(self.loss_plot, self.tr("learning rate"))
        # connect="finite": epochs without a test set are a gap, not a line across it
        self.curves = {
            "train_loss": self.loss_plot.plot(pen=TRAIN_PEN, connect="finite"),
            "test_loss": self.loss_plot.plot(pen=TEST_PEN, connect="finite"),
            "train_accuracy": self.acc_plot.plot(pen=TRAIN_PEN, connect="finite"),
            "test_accuracy": self.acc_plot.plot(pen=TEST_PEN, connect="finite"),
        }
        self._legend(False)
        for plot in (self.loss_plot, self.acc_plot):
            # no "(x1e-06)" beside a log axis whose ticks already show the values
            plot.getAxis("left").enableAutoSIPrefix(False)
            plot.getAxis("bottom").enableAutoSIPrefix(False)
            plot.disableAutoRange()
            plot.setClipToView(True)
            plot.setDownsampling(auto=True, mode="peak")
            plot.showGrid(x=False, y=False)
            plot.setMenuEnabled(False)
        session.sig_frame.connect(self._maybe_draw)
        session.sig_network_changed.connect(self._draw)
        session.sig_state_changed.connect(self._draw)
        session.sig_replay.connect(self._draw)
        self.replay_line = pg.InfiniteLine(0, angle=90, pen=REPLAY_PEN)
        self.replay_line.setZValue(20)
        self.replay_line.hide()
        self.loss_plot.addItem(self.replay_line)
        self.branch_curves: list[pg.PlotDataItem] = []
        self._drawn: tuple = ()
        self._mark_items: list[pg.GraphicsObject] = []
        self._marks_drawn: tuple | None = None  # what the marks were laid out for
        self.loss_plot.getViewBox().sigResized.connect(self._draw_marks)  # room changes
        self._last = 0.0
        self._due = False  # a redraw is on its way
        self._draw()  # the empty plot's ranges

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:  # noqa: N802 - Qt override
        menu = QMenu(self)
        add_picture_actions(menu, self, "loss plot", self.session.sig_error.emit)
        menu.exec(event.globalPos())

    def _maybe_draw(self) -> None:
        if not self._due and time.perf_counter() - self._last >= REDRAW_SECONDS:
            self._due = True
            QTimer.singleShot(BETWEEN_FRAMES_MS, self, self._draw)

    def _draw(self) -> None:
        history = self.session.history
        self._last, self._due = time.perf_counter(), False
        self._draw_marks()
        self._draw_replay()
        branches = tuple(self.session.timeline.lines.branches[-MAX_BRANCHES_DRAWN:])
        key = (history, len(history), branches)
        if key == self._drawn:
            self._legend(self._rate_shown)  # the network may have gained or lost dropout
            return
        self._drawn = key
        epochs = history.array("epoch")
        losses, accuracies = [], []
        last = self._draw_branches(branches, losses)
        self._label_second()
        for name, curve in self.curves.items():
            values = self._values(name)
            if name.endswith("loss"):  # a log axis cannot show 0 or less: a gap there
                values = np.where(values > 0, values, np.nan)
            (losses if name.endswith("loss") else accuracies).append(
                values[np.isfinite(values)])
            dots = {"symbol": None} if len(epochs) > MARKED_EPOCHS else {
                "symbol": "o", "symbolSize": 6, "symbolPen": None,
                "symbolBrush": curve.opts["pen"].color()}
            if np.isfinite(values).any():
                curve.setData(*decimate(epochs, values), connect="finite", **dots)
            else:
                curve.setData([], [])
        self._set_ranges(np.append(epochs, last), np.concatenate(losses),
                         np.concatenate(accuracies))
        self._legend(self.rate.draw(epochs, history.array("lr")))
        self._draw_marks()

    def _legend(self, rate: bool) -> None:
        """The legend is the title, above the plot: inside, some curve always ran through it.
        With dropout the train loss is taken with units dropped (so it lies above the test
        loss, taken with all of them), and the legend says so."""
        net = self.session.net
        dropping = net is not None and any(getattr(layer, "dropout", 0) for layer in net.layers)
        train = self.tr("train, with dropout") if dropping else self.tr("train")
        text = LEGEND.format(train, self.tr("test")) + (
            RATE_LEGEND.format(self.tr("learning rate")) if rate else "")
        self._rate_shown = rate
        if text != getattr(self, "_legend_text", None):
            self._legend_text = text
            self.loss_plot.setTitle(text, size="9pt")

    def _draw_replay(self) -> None:
        """A line at the epoch the timeline shows."""
        at = self.session.timeline.at
        self.replay_line.setVisible(at is not None)
        if at is not None:
            self.replay_line.setValue(at)
            self.replay_line.setToolTip(self.tr("Epoch {0}, shown from the timeline").format(
                f"{at:,}"))

    def _draw_branches(self, branches: tuple, losses: list[np.ndarray]) -> list[int]:
        """Each kept branch's training loss, grey, behind the run under way (its losses join
        ``losses`` for the range); the branches' last epochs."""
        for curve in self.branch_curves:
            self.loss_plot.removeItem(curve)
        self.branch_curves = []
        for line in branches:
            epochs, loss = line.history.array("epoch"), line.history.array("train_loss")
            after = epochs >= (line.fork or 0)  # the shared past is the run's own curve
            values = np.where(loss > 0, loss, np.nan)[after]
            if not np.isfinite(values).any():
                continue
            curve = self.loss_plot.plot(*decimate(epochs[after], values), pen=BRANCH_PEN,
                                        connect="finite")
            curve.setZValue(-10)
            curve.setToolTip(self.tr("Run {0}, a branch of this run").format(line.number))
            self.branch_curves.append(curve)
            losses.append(values[np.isfinite(values)])
        return [line.last_epoch for line in branches]

    def _values(self, name: str) -> np.ndarray:
        """A curve's values: for a regression the second plot shows the RMSE, √(2·loss) of
        the one output's ½(a − y)², where a classifier's shows accuracy."""
        if self.session.regression and name.endswith("accuracy"):
            loss = self.session.history.array(name.replace("accuracy", "loss"))
            with np.errstate(invalid="ignore"):
                return np.sqrt(2.0 * loss)
        return self.session.history.array(name)

    def _label_second(self) -> None:
        label = self.tr("RMSE") if self.session.regression else self.tr("accuracy")
        if label != getattr(self, "_second", None):
            self._second = label
            self.acc_plot.setLabel("left", label)
            self._ranges = None  # the second axis's range changes kind

    def _set_ranges(self, epochs: np.ndarray, losses: np.ndarray, accuracies: np.ndarray) -> None:
        """Ranges that change in steps (1-2-5 epochs, whole decades of loss), so pyqtgraph keeps
        its cached axis pictures: redrawing the axes at every update cost ~20 ms (measured)."""
        x_max = nice_ceiling(epochs.max() if len(epochs) else 10)
        if losses.size:
            y_range = (np.floor(np.log10(losses.min())), np.ceil(np.log10(losses.max())) + 0.01)
        else:
            y_range = (-2.0, 0.01)
        if self.session.regression:  # RMSE from 0 to a 1-2-5 step above the largest
            second = (0.0, step_ceiling(float(accuracies.max())) if accuracies.size else 1.0)
        else:
            second = (accuracy_floor(accuracies), ACC_TOP)
        if (x_max, y_range, second) != getattr(self, "_ranges", None):
            self._ranges = (x_max, y_range, second)
            self.loss_plot.setXRange(0, x_max, padding=0.02)
            self.loss_plot.setYRange(*y_range, padding=0)
            self.acc_plot.setYRange(*second, padding=0)

    def _draw_marks(self) -> None:
        self.stop_note.draw(self.session)
        self._draw_edit_marks()

    def _draw_edit_marks(self) -> None:
        """A dashed line at each edit, with what changed written where it fits: the newest
        edit's words first, then each older one's words, or only its number, or nothing, as
        long as it overlaps no label already placed (twenty edits stay readable). Every line
        says its edit on hover."""
        view = self.loss_plot.getViewBox()
        marks = list(self.session.marks)[-MAX_MARKS:]
        key = (marks, tuple(map(tuple, view.viewRange())), view.width(), view.height())
        if key == self._marks_drawn:
            return
        self._marks_drawn = key
        for item in self._mark_items:
            self.loss_plot.removeItem(item)
        self._mark_items = []
        first = len(self.session.marks) - len(marks) + 1  # the marks' numbers go on from there
        placed: list[QRectF] = []
        for number, (epoch, text) in reversed(list(enumerate(marks, start=first))):
            line = pg.InfiniteLine(epoch, angle=90, pen=MARK_PEN)
            self._add_mark_item(line, epoch, text)
            for words in (f"[{number}] {text}", f"[{number}]"):  # its words, else its number
                # a line and a separate text: InfiniteLine's own label crashed pyqtgraph's
                # teardown
                label = pg.TextItem(words, color=MARK_COLOUR, anchor=(0, 0), fill=MARK_FILL)
                spot = self._mark_spot(epoch, label.boundingRect(), placed)
                if spot is not None:
                    label.setPos(epoch, spot)
                    self._add_mark_item(label, epoch, text)
                    break

    def _add_mark_item(self, item: pg.GraphicsObject, epoch: int, text: str) -> None:
        item.setToolTip(self.tr("Epoch {0}: {1}").format(f"{epoch:,}", text))
        self.loss_plot.addItem(item)
        self._mark_items.append(item)

    def _mark_spot(self, epoch: int, size: QRectF, placed: list[QRectF]) -> float | None:
        """Where a label of ``size`` (pixels) goes right of the line at ``epoch``: the height
        in the plot's coordinates of the first of the top rows where it touches no label in
        ``placed`` (which it joins) and stays inside the plot; None when there is none."""
        view = self.loss_plot.getViewBox()
        (x0, x1), (y0, y1) = view.viewRange()
        width, height = view.width(), view.height()
        if x1 <= x0 or y1 <= y0 or width <= 0 or height <= 0:
            return None
        left = (epoch - x0) / (x1 - x0) * width
        for row in range(MARK_ROWS):
            rect = QRectF(left, row * size.height(), size.width(), size.height())
            if rect.right() <= width and rect.bottom() <= height and not any(
                    rect.intersects(other) for other in placed):
                placed.append(rect)
                return y1 - rect.top() / height * (y1 - y0)
        return None


class StopNote:
    """Where early stopping ended the run: its sentence in a row between the loss and the
    accuracy plots (wrapped to their width; no height while there is none) and a ring on the
    test curve at the epoch whose weights it kept."""

    def __init__(self, plot: pg.PlotItem) -> None:
        self.plot = plot
        self.label = pg.LabelItem("", justify="left", color=MARK_COLOUR, size="9pt")
        self.label.setMaximumHeight(0)
        self.ring = pg.PlotDataItem([], [], pen=None, symbol="o", symbolSize=11, symbolBrush=None,
                                    symbolPen=pg.mkPen(MARK_COLOUR, width=2))
        self.ring.setZValue(30)
        plot.addItem(self.ring)  # a data item: it follows the plot's log scale
        self._drawn: tuple | None = None

    def draw(self, session: TrainingSession) -> None:
        kept, said = session.kept_epoch, session.early_stopped
        width = self.plot.width()
        if (kept, said, width) == self._drawn:
            return
        self._drawn = (kept, said, width)
        loss = None if kept is None else (session.history.at(kept) or {}).get("test_loss")
        self.ring.setData([] if not loss else [kept], [] if not loss else [loss])
        self.label.item.setTextWidth(max(120.0, width - 60) if said else -1)
        self.label.setText(said or "")
        height = self.label.item.boundingRect().height() if said else 0
        self.label.setMaximumHeight(height)
        self.label.setMinimumHeight(height)


class RateLine:
    """Each epoch's learning rate as a thin line over the loss, on a log axis of its own at the
    right. Drawn only while the rate has changed in the run (a schedule, a warm-up, a rate set
    by hand): a flat line would say no more than the training bar."""

    def __init__(self, plot: pg.PlotItem, label: str) -> None:
        self.plot = plot
        self.view = pg.ViewBox(enableMouse=False)
        self.view.setMenuEnabled(False)
        plot.scene().addItem(self.view)
        axis = plot.getAxis("right")
        axis.linkToView(self.view)
        axis.enableAutoSIPrefix(False)
        plot.setLabel("right", label)
        self.view.setXLink(plot)
        self.curve = pg.PlotCurveItem(pen=RATE_PEN)
        self.view.addItem(self.curve)
        plot.getViewBox().sigResized.connect(self._fit)
        plot.hideAxis("right")
        self._range: tuple[float, float] | None = None

    def _fit(self) -> None:
        self.view.setGeometry(self.plot.getViewBox().sceneBoundingRect())

    def draw(self, epochs: np.ndarray, rates: np.ndarray) -> bool:
        """The line for these epochs' rates; whether it is shown."""
        known = np.isfinite(rates) & (rates > 0)  # a cosine down to 0 ends off the log axis
        shown = bool(known.any()) and float(np.ptp(rates[known])) > 0
        self.view.setVisible(shown)
        if not shown:
            self.curve.setData([], [])
            self.plot.hideAxis("right")
            return False
        logs = np.log10(rates[known])
        self.curve.setData(*decimate(epochs[known], logs))
        span = (float(np.floor(logs.min())), float(np.ceil(logs.max())) + 0.01)
        if span != self._range:  # whole decades, as the loss axis: its cached ticks stay
            self._range = span
            self.view.setYRange(*span, padding=0.04)  # a floor on a decade stays in sight
        self.plot.showAxis("right")
        self._fit()
        return True


def accuracy_floor(accuracies: np.ndarray) -> float:
    """The bottom of the accuracy axis: the highest of a few steps below every value, so that
    MNIST's 0.95-0.98 fills the plot instead of being squashed against the top of 0-1."""
    if not accuracies.size:
        return 0.0
    low = float(accuracies.min())
    return next((f for f in ACC_FLOORS if f <= low - 0.002), 0.0)


def decimate(x: np.ndarray, y: np.ndarray,
             max_points: int = MAX_POINTS) -> tuple[np.ndarray, np.ndarray]:
    """At most about ``max_points`` of the curve (x, y): the lowest and highest point of each of
    ``max_points // 2`` equal runs, in order, so spikes survive (as pyqtgraph's "peak" mode)."""
    n = len(x)
    if n <= max_points:
        return x, y
    runs = max_points // 2
    size = n // runs
    blocks = y[:runs * size].reshape(runs, size)
    starts = np.arange(runs) * size
    # nan (no value: a gap in the curve) neither the lowest nor the highest, unless all are
    low = np.where(np.isnan(blocks), np.inf, blocks).argmin(axis=1)
    high = np.where(np.isnan(blocks), -np.inf, blocks).argmax(axis=1)
    gaps = starts[np.isnan(blocks).any(axis=1)] + np.isnan(
        blocks[np.isnan(blocks).any(axis=1)]).argmax(axis=1)
    keep = np.concatenate([starts + low, starts + high, gaps, [n - 1]])
    keep = np.unique(keep)  # sorted, and a flat run's min and max may be the same point
    return x[keep], y[keep]


def step_ceiling(value: float) -> float:
    """The smallest 1-2-5 step (…, 0.1, 0.2, 0.5, 1, 2, …) at least ``value`` (> 0)."""
    if not (np.isfinite(value) and value > 0):
        return 1.0
    decade = 10 ** np.floor(np.log10(value))
    return float(next(step * decade for step in (1, 2, 5, 10) if step * decade >= value))


def nice_ceiling(value: float) -> float:
    """The smallest of 1, 2, 5, 10, 20, 50, ... that is at least ``value`` (and at least 10)."""
    value = max(float(value), 10.0)
    decade = 10 ** np.floor(np.log10(value))
    for step in (1, 2, 5, 10):
        if step * decade >= value:
            return float(step * decade)
    return float(10 * decade)
