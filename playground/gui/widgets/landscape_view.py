"""View › Loss landscape: the loss around the weights on screen, the run's path over it, and the
loss along the line from the start to now.

The heatmap is the training loss (log₁₀, viridis, with contours) over a plane through the
weights on screen (★, the centre), spanned by two directions chosen here: the path's principal
directions, two random filter-normalised ones, or the start-to-now line and a random one
(``nn.landscape``). The white line is the run's path over the kept epochs projected on the
plane, its start a square. Below, the loss along the straight line from the path's start (0) to
now (1). A click on the heatmap sets the weights to that point (Ctrl+Z undoes it) and training
goes on from there.

The training process draws it (``session.landscape``): one ask at a time, again when the weights
on screen changed, at most every 0.25 s or as long as the last one took (four times as long while
a run trains: each landscape pauses it), whichever is longer, and only while the dock is shown.
The window never waits for it.
"""

from __future__ import annotations

import time

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QRectF, Qt
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout

from playground.gui.sessions.base import TrainingSession
from playground.gui.sessions.landscape import being_read
from playground.gui.widgets.common import WhileShown, still_plot, tip
from playground.phrase import QT_TRANSLATE_NOOP
from playground.run.messages import Surveyed

GRID = 41
TICK_MS = 100
GIVE_UP_SECONDS = 20.0  # an ask unanswered this long (a lost process) is asked again
CONTOURS = 8
DIRECTIONS = (("pca", QT_TRANSLATE_NOOP("Landscape", "Principal directions of the path")),
              ("random", QT_TRANSLATE_NOOP("Landscape", "Two random directions")),
              ("line", QT_TRANSLATE_NOOP("Landscape", "The line from the start")))


def _tr(text: str) -> str:
    return QCoreApplication.translate("Landscape", text)


# what the process may answer (``nn.landscape``, ``run.survey``), as the window says it
PROBLEMS = {"the path moved along one line only": QT_TRANSLATE_NOOP(
                "Landscape", "The path moved along one line only: choose the line from the start "
                "or random directions."),
            "principal directions need": QT_TRANSLATE_NOOP(
                "Landscape", "The path's principal directions need the weights of 3 epochs: "
                "train a few epochs first, or choose random directions."),
            "the line needs a start": QT_TRANSLATE_NOOP(
                "Landscape", "The line from the start needs a start other than the weights now: "
                "train first, or choose random directions.")}


def problem_words(problem: str) -> str:
    """The process's sentence in the window's language (one it does not expect, as it came)."""
    for start, words in PROBLEMS.items():
        if problem.startswith(start):
            return _tr(words)
    return problem


def _path_words(epochs: np.ndarray) -> str:
    if not len(epochs):
        return QCoreApplication.translate("Landscape", "No path yet: train first.")
    first, last = f"{int(epochs[0]):,}", f"{int(epochs[-1]):,}"
    if len(epochs) == 1:
        return QCoreApplication.translate(
            "Landscape", "The path is one epoch so far (epoch {0}).").format(first)
    return QCoreApplication.translate(
        "Landscape", "The path runs from epoch {0} to epoch {1} ({2} of them kept).").format(
        first, last, f"{len(epochs):,}")


def axis_names(directions: str) -> tuple[str, str]:
    if directions == "pca":
        return (QCoreApplication.translate("Landscape", "1st principal direction"),
                QCoreApplication.translate("Landscape", "2nd principal direction"))
    if directions == "line":
        return (QCoreApplication.translate("Landscape", "towards the start (1: the start)"),
                QCoreApplication.translate("Landscape", "a random direction"))
    return (QCoreApplication.translate("Landscape", "random direction 1"),
            QCoreApplication.translate("Landscape", "random direction 2"))


class LandscapeView(WhileShown):
    def __init__(self, session: TrainingSession) -> None:
        super().__init__(TICK_MS)
        self.setObjectName("landscapeView")
        self.session: TrainingSession | None = None
        self.answer: Surveyed | None = None  # the landscape drawn
        self._asking: tuple | None = None  # (what was asked about, when)
        self._drawn: tuple | None = None  # what the drawing (or its sentence) is about
        self._interval = 0.25
        self._answered_at = 0.0
        self._build()
        self.set_session(session)

    # ----- building -----------------------------------------------------------------------------
    def _build(self) -> None:
        self.directions = QComboBox()
        for key, label in DIRECTIONS:
            self.directions.addItem(_tr(label), key)
        tip(self.directions, self.tr(
            "The plane the loss is drawn on. Principal directions: the two along which the run "
            "moved most (Li et al. 2018). Random: two random directions, each neuron's scaled "
            "to its own weights. The line: from the weights now to where the run began, and "
            "a random direction across it."), "landscapeDirections")
        self.directions.currentIndexChanged.connect(lambda _index: self._tick())
        self.undo = tip(QPushButton(self.tr("Undo jump")), self.tr(
            "Put back the weights as they were before the last click on the landscape "
            "(Ctrl+Z)"), "landscapeUndo")
        self.undo.clicked.connect(self._undo)
        self.undo.setEnabled(False)
        top = QHBoxLayout()
        top.addWidget(self.directions, 1)
        top.addWidget(self.undo)
        self.plot = self._make_plot()
        self.info = tip(QLabel(), "", "landscapeInfo")
        self.info.setWordWrap(True)
        self.slice = self._make_slice()
        box = QVBoxLayout(self)
        box.setContentsMargins(4, 4, 4, 4)
        box.addLayout(top)
        box.addWidget(self.plot, 3)
        box.addWidget(self.info)
        box.addWidget(self.slice, 1)

    def _make_plot(self) -> pg.PlotWidget:
        plot = tip(pg.PlotWidget(background="w"), self.tr(
            "The training loss around the weights now (★), log scale: dark is low. The white "
            "line is the run's path, from its start (■). Click a point to set the weights "
            "there; training goes on from it (Ctrl+Z undoes)."), "landscapePlot")
        plot.setMinimumSize(200, 160)
        item = plot.getPlotItem()
        still_plot(item)
        self.image = pg.ImageItem(axisOrder="row-major")
        item.addItem(self.image)
        self.bar = pg.ColorBarItem(values=(0, 1), colorMap=pg.colormap.get("viridis"),
                                   interactive=False, label=self.tr("log₁₀ loss"), width=12)
        self.bar.setImageItem(self.image, insert_in=item)
        self.contours = [pg.IsocurveItem(level=0, pen=pg.mkPen((255, 255, 255, 90)),
                                         axisOrder="row-major") for _ in range(CONTOURS)]
        for c in self.contours:
            c.setParentItem(self.image)
        self.path = pg.PlotDataItem(pen=pg.mkPen("w", width=2))
        self.start = pg.ScatterPlotItem(symbol="s", size=10, brush="w", pen=pg.mkPen("k"))
        self.now = pg.ScatterPlotItem(symbol="star", size=16, brush=(220, 40, 40),
                                      pen=pg.mkPen("w"))
        for thing in (self.path, self.start, self.now):
            item.addItem(thing)
        plot.scene().sigMouseClicked.connect(self._clicked)
        return plot

    def _make_slice(self) -> pg.PlotWidget:
        plot = tip(pg.PlotWidget(background="w"), self.tr(
            "The loss along the straight line from the path's start (0) to the weights now "
            "(1), and a quarter beyond each: a hump between them is a hill the run went over; "
            "none, a valley it went down."), "landscapeSlice")
        plot.setMinimumHeight(80)
        item = plot.getPlotItem()
        still_plot(item)
        item.setLabel("bottom", self.tr("from the start (0) to now (1)"))
        item.setLabel("left", self.tr("loss"))
        self.slice_curve = item.plot(pen=pg.mkPen((8, 119, 189), width=2))
        for x in (0.0, 1.0):
            item.addItem(pg.InfiniteLine(x, pen=pg.mkPen((150, 150, 150),
                                                         style=Qt.PenStyle.DashLine)))
        return plot

    # ----- the session --------------------------------------------------------------------------
    def set_session(self, session: TrainingSession) -> None:
        if self.session is session:
            return
        if self.session is not None:
            self.session.sig_surveyed.disconnect(self._answered)
        self.session = session
        session.sig_surveyed.connect(self._answered)
        self._asking = self._drawn = None
        self._show_nothing("")

    def _about(self) -> tuple:
        s = self.session
        return id(s), s._version, self.directions.currentData()

    def _tick(self) -> None:
        if not self.isVisible() or self.session is None:
            return
        self._undo_shown()
        now = time.monotonic()
        if self._asking is not None and now - self._asking[1] < GIVE_UP_SECONDS:
            return
        about = self._about()
        if about == self._drawn or now - self._answered_at < self._interval:
            return
        problem = self.session.landscape.ask(about[2], GRID)
        if problem is not None:  # said until something changes (the data read: at once)
            self._asking, self._drawn = None, None if being_read(self.session) else about
            self._show_nothing(problem)
        else:
            self._asking = (about, now)

    def _answered(self, answer: Surveyed) -> None:
        asked = self.session.landscape.asked
        if asked is None or answer.ask != asked.ask or self._asking is None:
            return  # an older ask's
        self._drawn, self._asking = self._asking[0], None
        self._answered_at = time.monotonic()
        # while it trains, each landscape pauses the run: at most a fifth of its time
        share = 4.0 if self.session.state == "running" else 1.0
        self._interval = max(0.25, share * answer.seconds)
        if answer.problem:
            self._show_nothing(problem_words(answer.problem))
        else:
            self._draw(answer)

    # ----- drawing ------------------------------------------------------------------------------
    def _show_nothing(self, sentence: str) -> None:
        self.answer = None
        self.image.clear()
        for item in (self.path, self.start, self.now, self.slice_curve):
            item.setData([], [])
        for c in self.contours:
            c.setData(None)
        self.info.setText(sentence)

    def _draw(self, answer: Surveyed) -> None:
        self.answer = answer
        z = np.log10(np.clip(answer.loss, 1e-12, None))
        finite = np.isfinite(z)
        lo, hi = (float(z[finite].min()), float(z[finite].max())) if finite.any() else (0, 1)
        hi = hi if hi > lo else lo + 1e-6
        z = np.where(finite, z, hi)
        self.image.setImage(z, levels=(lo, hi))
        self.bar.setLevels((lo, hi))
        a, b = answer.alpha, answer.beta
        da, db = (a[-1] - a[0]) / (len(a) - 1), (b[-1] - b[0]) / (len(b) - 1)
        self.image.setRect(QRectF(a[0] - da / 2, b[0] - db / 2, a[-1] - a[0] + da,
                                  b[-1] - b[0] + db))
        for c, level in zip(self.contours, np.linspace(lo, hi, CONTOURS + 2)[1:-1],
                            strict=True):
            c.setData(z, level)
        self._draw_path(answer)
        item = self.plot.getPlotItem()
        x_name, y_name = axis_names(answer.directions)
        item.setLabel("bottom", x_name)
        item.setLabel("left", y_name)
        item.setRange(xRange=(a[0], a[-1]), yRange=(b[0], b[-1]), padding=0)
        if answer.line_t is not None:
            self.slice_curve.setData(answer.line_t, answer.line_loss)
        else:
            self.slice_curve.setData([], [])
        self.info.setText(self._words(answer))

    def _draw_path(self, answer: Surveyed) -> None:
        path = answer.path
        self.path.setData(path[:, 0], path[:, 1]) if len(path) else self.path.setData([], [])
        self.start.setData(path[:1, 0], path[:1, 1]) if len(path) else self.start.setData([], [])
        self.now.setData([0.0], [0.0])

    def _words(self, answer: Surveyed) -> str:
        asked = self.session.landscape.asked
        where = (self.tr("Around epoch {0} (shown).").format(f"{asked.epoch:,}")
                 if asked is not None and asked.epoch is not None else
                 self.tr("Around the weights now."))
        held = "" if answer.explained is None else " " + self.tr(
            "The plane holds {0:.1%} of the path's variance.").format(answer.explained)
        path = _path_words(asked.epochs if asked is not None else np.zeros(0))
        return " ".join([where, self.tr("Loss at ★ {0:.4g} on {1} training points.").format(
            answer.center_loss, f"{answer.points:,}") + held, path, self.tr(
            "Drawn by the training process in {0:.0f} ms.").format(1000 * answer.seconds)])

    # ----- a jump -------------------------------------------------------------------------------
    def _clicked(self, event: object) -> None:
        if self.answer is None or event.button() != Qt.MouseButton.LeftButton:
            return
        box = self.plot.getPlotItem().getViewBox()
        if not box.sceneBoundingRect().contains(event.scenePos()):
            return
        point = box.mapSceneToView(event.scenePos())
        self.jump(point.x(), point.y())

    def jump(self, a: float, b: float) -> bool:
        """The weights at (a, b) of the plane drawn become the network's (undoable)."""
        if self.answer is None or not self.session.landscape.jump(a, b, self.answer):
            return False
        self.undo.setEnabled(True)
        return True

    def _undo(self) -> None:
        s = self.session
        if s.weight_undo and isinstance(s.weight_undo[-1], list):
            s.edits.undo_weight()
        self._undo_shown()

    def _undo_shown(self) -> None:
        """*Undo jump* only while the last thing Ctrl+Z would undo is a jump."""
        undo = self.session.weight_undo
        self.undo.setEnabled(bool(undo) and isinstance(undo[-1], list))
