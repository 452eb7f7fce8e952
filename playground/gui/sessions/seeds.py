"""Many seeds of the Playground's network, side by side: the model behind the seed grid.

``SeedsRun`` asks the session's training process for N copies of the network (the next N seeds
from the network's own, or a learning rate swept over them: ``nn.seeds``), keeps every copy's
latest numbers and its picture of the plane, and makes a copy the user picks the main network
(the one before it can be put back). The view is ``widgets.seed_grid``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

import numpy as np
from PySide6.QtCore import QObject, Signal

from playground.data.features import apply_features
from playground.data.toy import EXTENT
from playground.experiment import Architecture
from playground.gui.plane_maps import boundary_colours, grid_points
from playground.gui.sessions.playground import REGRESSION_RANGE, Session
from playground.run import messages as m
from playground.run.seeds_job import MAX_SEEDS
from playground.timeline.curves import History
from playground.timeline.lines import Line
from playground.timeline.states import Timeline

RESOLUTION = 40  # points along each side of a copy's small plane


def plane_extent(points: np.ndarray) -> float:
    """Half the side of the square each copy's plane shows: the training points with a margin
    (the XOR gate's four points sit within ±1 of a ±6 plane), at most the whole plane."""
    if not len(points):
        return EXTENT
    return float(np.clip(1.3 * np.abs(points).max(), 1.0, EXTENT))


class SeedsRun(QObject):
    sig_changed = Signal()  # new numbers or pictures
    sig_running = Signal(bool)

    def __init__(self, session: Session) -> None:
        super().__init__(session)
        self.session = session
        self.runs: list[tuple[float, int]] = []  # (learning rate, seed) of each copy
        self.epochs = 0
        self.extent = EXTENT  # the square the copies' planes show: ±extent
        self.frame: m.SeedsFrame | None = None
        self.images: list[np.ndarray] = []  # (RESOLUTION, RESOLUTION, 4) RGBA per copy
        self.params: list[list[dict]] | None = None  # each copy's weights, once done
        self.curves: list[History] = []  # each copy's training numbers, every epoch
        self.running = False
        self.cancelled = False
        self._arch: Architecture | None = None  # the network the copies are of
        self._pending: int | None = None  # a copy picked while they trained
        self.before: tuple[Architecture, list[dict], float] | None = None  # to put back
        self._listening = None  # the TrainingRun whose signals reach us

    # ----- running ------------------------------------------------------------------------------
    def start(self, count: int, lrs: Sequence[float] | None, epochs: int) -> bool:
        """Train ``count`` seeds (each at every rate of ``lrs``; None: the session's) for
        ``epochs``; False, with the session's sig_error, when they cannot start."""
        s = self.session
        rates = list(lrs) if lrs else [s.config.lr]
        if s.code is not None:
            s.sig_error.emit(self.tr("Many seeds trains the playground's own network: press "
                                     "Back to the playground's code first."))
            return False
        if not 1 <= count * len(rates) <= MAX_SEEDS:
            s.sig_error.emit(self.tr("At most {0} copies at once: {1} seeds × {2} learning "
                                     "rates is {3}.").format(MAX_SEEDS, count, len(rates),
                                                             count * len(rates)))
            return False
        s.stop()  # the main run ends first; its weights are kept
        try:
            job = s.training_job(False)
        except ValueError as e:
            s.sig_error.emit(str(e))
            return False
        base = s.arch.seed
        self.runs = [(lr, base + i) for lr in rates for i in range(count)]
        self.extent = plane_extent(s.points.train)
        grid = apply_features(grid_points(RESOLUTION, self.extent), s.data_spec.features)
        run = s.runner.process()
        if not run.begin_seeds(job, [seed for _, seed in self.runs], [lr for lr, _ in self.runs],
                               epochs, grid):
            return False
        self._connect(run)
        self._arch, self.epochs = s.arch, epochs
        self.frame, self.images, self.params, self.cancelled = None, [], None, False
        self.curves = [History() for _ in self.runs]
        self._set_running(True)
        return True

    def _connect(self, run) -> None:  # noqa: ANN001 - a TrainingRun
        """Listen to the session's process (made anew after a shutdown)."""
        if run is self._listening:
            return
        run.sig_seeds_frame.connect(self._on_frame)
        run.sig_seeds_done.connect(self._on_done)
        self._listening = run

    def stop(self) -> None:
        if self.running:
            self.session.runner.process().stop_seeds()

    def _set_running(self, running: bool) -> None:
        self.running = running
        self.sig_running.emit(running)

    def _on_frame(self, frame: m.SeedsFrame) -> None:
        self.frame = frame
        self._paint(frame)
        self._note(frame)
        self.sig_changed.emit()

    def _note(self, frame: m.SeedsFrame) -> None:
        """Every epoch's training loss and accuracy of each copy, on its curves."""
        if frame.past_epochs is None or not len(frame.past_epochs) or not self.curves:
            return
        new = frame.past_epochs > self.curves[0].last_epoch
        for i, curves in enumerate(self.curves):
            curves.add_rows(frame.past_epochs[new], train_loss=frame.past_loss[new, i],
                            train_accuracy=frame.past_accuracy[new, i])

    def _on_done(self, done: m.SeedsDone | None) -> None:
        if done is None:  # the process was lost
            self.session.sig_error.emit(self.tr("The training process ended unexpectedly."))
        else:
            self.cancelled = done.cancelled
            self.params = done.params or None
            if done.last is not None:
                self._on_frame(done.last)
        self._set_running(False)
        self.sig_changed.emit()
        pending, self._pending = self._pending, None
        if pending is not None:
            self.adopt(pending)

    def _paint(self, frame: m.SeedsFrame) -> None:
        if frame.outputs is None:
            return
        s = self.session
        activation = self._arch.output_activation if self._arch else "sigmoid"
        value_range = REGRESSION_RANGE if s.regression else None
        discretize = s.view.discretize
        self.images = [boundary_colours(out.astype(np.float64), activation, discretize,
                                        value_range).reshape(RESOLUTION, RESOLUTION, 4)
                       for out in frame.outputs]

    # ----- what the grid shows ------------------------------------------------------------------
    def solved(self) -> int:
        """Copies at 100% on the training set (their last whole epoch's accuracy)."""
        if self.frame is None or self.session.regression:
            return 0
        return int(np.count_nonzero(self.frame.train_accuracy == 1.0))

    def line(self, index: int) -> Line | None:
        """Copy ``index`` as a run to compare (once the copies are done): its training curves,
        every epoch, and its final network."""
        if self.params is None or self._arch is None or not 0 <= index < len(self.params):
            return None
        lr, seed = self.runs[index]
        arch = replace(self._arch, seed=seed)
        net = arch.build(self.session.input_dim, self.session.n_classes)
        net.set_params(self.params[index])
        label = self.tr("Seed {0} (rate {1:g})").format(seed, lr)
        return Line(index, self.curves[index], Timeline(), [], arch, net, label=label)

    # ----- picking one --------------------------------------------------------------------------
    def adopt(self, index: int) -> bool:
        """Copy ``index`` becomes the main network: its seed, rate and trained weights (the
        curves start afresh: they were another network's). While the copies train they stop
        first. False when there is nothing to take."""
        if self.running:
            self._pending = index
            self.stop()
            return True
        if self.params is None or not 0 <= index < len(self.params) or self._arch is None:
            return False
        s = self.session
        self.before = (s.arch, s.displayed_network().copy_params(), s.config.lr)
        lr, seed = self.runs[index]
        _adopt(s, replace(self._arch, seed=seed), self.params[index])
        s.set_config(lr=lr)
        s.sig_status.emit(self.tr("Seed {0} (learning rate {1:g}) is the main network now")
                          .format(seed, lr))
        return True

    def put_back(self) -> bool:
        """The main network from before the last pick."""
        if self.before is None:
            return False
        arch, params, lr = self.before
        self.before = None
        _adopt(self.session, arch, params)
        self.session.set_config(lr=lr)
        self.session.sig_status.emit(self.tr("The main network from before the pick is back"))
        return True


def _adopt(session: Session, arch: Architecture, params: list[dict]) -> None:
    """``arch`` with trained weights ``params`` becomes the session's network (a copy picked
    in the grid, or the one from before); the curves start afresh: they were another
    network's."""
    session.stop()
    net = arch.build(session.input_dim, session.n_classes)
    net.set_params(params)
    session.arch = arch
    session._adopt(net)
