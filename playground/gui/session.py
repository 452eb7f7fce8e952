"""The session: owns the network, the points, the training config and the worker's life.

Widgets get the session in their constructor, change it through its methods and redraw on its
signals; they never talk to each other. One worker at a time: anything that rebuilds the network
stops the worker and waits for its thread first.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np
from PySide6.QtCore import QObject, QThread, QTimer, Signal, Slot

from playground.data.pointset import PointSet
from playground.data.prepare import DataSpec
from playground.experiment import Architecture, Experiment, config_from_json, config_to_json
from playground.gui.grid import GridEvaluator, PlaneMaps
from playground.gui.history import History
from playground.gui.worker import Frame, TrainWorker, start_thread
from playground.model_io import ModelFileError, load_model, save_model
from playground.nn import Network, TrainConfig
from playground.train_process import TrainJob

ENDLESS_EPOCHS = 10**9  # the app trains until the user pauses or stops


def _endless(config: TrainConfig) -> TrainConfig:
    """A copy of ``config`` that trains until stopped."""
    return replace(config, epochs=ENDLESS_EPOCHS)


@dataclass(frozen=True)
class ViewOptions:
    show_test: bool = False
    discretize: bool = False
    focus: tuple[int, int] | None = None  # (hidden layer, unit) shown large instead of the output
    click_class: int = 1  # the class a left click on the plane adds


class Session(QObject):
    sig_network_changed = Signal()  # a new network or fresh weights
    sig_data_changed = Signal()  # the points changed
    sig_frame = Signal()  # new weights to draw (a training frame or an edit)
    sig_state_changed = Signal(str)  # "idle", "running" or "paused"
    sig_config_changed = Signal()  # learning rate, optimizer, batch size or regularization
    sig_view_changed = Signal()
    sig_error = Signal(str)  # something the user must read: shown in a dialog
    sig_status = Signal(str)  # a passing message for the status bar

    def __init__(self, experiment: Experiment | None = None) -> None:
        super().__init__()
        exp = experiment or Experiment()
        self.arch, self.data_spec = exp.arch, exp.data
        self.config = _endless(exp.config)
        self.view = ViewOptions()
        self.points = PointSet.generate(self.data_spec)
        self.history = History()
        self.state = "idle"
        self.frame: Frame | None = None
        self.model_path: Path | None = None
        self._worker: TrainWorker | None = None
        self._thread: QThread | None = None
        self._epoch_offset = 0
        self._grid = GridEvaluator()
        self._maps: tuple[int, PlaneMaps] | None = None
        self._version = 0
        self.net = self.arch.build(len(self.data_spec.features), self.points.n_classes)
        self._grid.bind(self.net, self.data_spec.features)

    # ----- building -----------------------------------------------------------------------------
    def _adopt(self, net: Network) -> None:
        """``net`` becomes the network: drawn over the plane, with a fresh history."""
        self.net = net
        self._grid.bind(net, self.data_spec.features)
        self._network_replaced()

    def _install(self, exp: Experiment, points: PointSet, net: Network,
                 model_path: Path | None) -> None:
        """Replace architecture, data, points, settings and network at once (new or opened)."""
        self.stop()
        self.arch, self.data_spec, self.points = exp.arch, exp.data, points
        self.config = _endless(exp.config)
        self.model_path = model_path
        self._adopt(net)
        self.sig_data_changed.emit()
        self.sig_config_changed.emit()

    def _network_replaced(self) -> None:
        self.history.clear()
        self._epoch_offset = 0
        self.frame = None
        self.view = replace(self.view, focus=None)
        self._touch()
        self.sig_network_changed.emit()

    def _touch(self) -> None:
        self._version += 1
        self.sig_frame.emit()

    @property
    def experiment(self) -> Experiment:
        return Experiment(self.arch, self.data_spec, _endless(self.config))

    def set_experiment(self, exp: Experiment) -> None:
        """Start over with another architecture, dataset and training settings."""
        self.stop()
        try:
            points = PointSet.generate(exp.data)
            net = exp.arch.build(len(exp.data.features), points.n_classes)
            exp.config.validate()
        except ValueError as e:
            self.sig_error.emit(f"That setup cannot be used: {e}")
            return
        self._install(exp, points, net, None)

    def set_architecture(self, arch: Architecture) -> None:
        """Stop training and rebuild the network with fresh weights."""
        self.stop()
        try:
            net = arch.build(len(self.data_spec.features), self.points.n_classes)
        except ValueError as e:
            self.sig_error.emit(f"That network cannot be built: {e}")
            return
        self.arch = arch
        self._adopt(net)

    def set_data_spec(self, spec: DataSpec) -> None:
        """New points (and, when the inputs or classes change, a new network)."""
        self.stop()
        try:
            points = PointSet.generate(spec)
            if spec.name == "custom" and self.data_spec.name == "custom":
                points = replace(self.points, n_classes=max(self.points.n_classes, spec.classes))
        except ValueError as e:
            self.sig_error.emit(f"Those data settings do not work: {e}")
            return
        self.data_spec, self.points = spec, points
        self.set_architecture(self.arch)
        self.sig_data_changed.emit()

    def set_points(self, points: PointSet) -> None:
        """Replace the points (a click, a removal, an import); training goes on if it was on."""
        was_running = self.state == "running"
        self.stop()
        rebuild = points.n_classes != self.points.n_classes
        self.points = points
        if rebuild:
            self.set_architecture(self.arch)
        self.sig_data_changed.emit()
        self._touch()
        if was_running:
            self.start()

    def add_point(self, x: float, y: float, label: int) -> None:
        self.set_points(self.points.with_point((x, y), label))

    def remove_point_near(self, x: float, y: float) -> None:
        points = self.points.without_nearest((x, y))
        if points is not self.points:
            self.set_points(points)

    def import_csv(self, path: str) -> None:
        try:
            points = PointSet.from_csv(path, self.data_spec.test_fraction, self.data_spec.seed)
        except ValueError as e:  # DataFileError is one
            self.sig_error.emit(str(e))
            return
        self.stop()
        self.data_spec = replace(self.data_spec, name="custom", path=str(path))
        self.points = points
        self.set_architecture(self.arch)
        self.sig_data_changed.emit()

    # ----- live settings ------------------------------------------------------------------------
    def set_config(self, **values: object) -> None:
        """Change lr, optimizer, batch_size, l1 or l2; a running worker reads them at its next
        step. A value that cannot work is refused with a message and the old one kept."""
        trial = replace(self.config, **values)
        try:
            trial.validate()
        except ValueError as e:
            self.sig_error.emit(str(e))
            self.sig_config_changed.emit()
            return
        for key, value in values.items():
            setattr(self.config, key, value)
        if self._worker is not None:
            self._worker.set_config(dict(values))  # the child applies them at its next step
        self.sig_config_changed.emit()

    def set_view(self, **values: object) -> None:
        self.view = replace(self.view, **values)
        self._touch()
        self.sig_view_changed.emit()

    # ----- training -----------------------------------------------------------------------------
    def _training_arrays(self) -> tuple[np.ndarray, ...]:
        x_tr, x_te = self.points.features(self.data_spec.features)
        y_tr = self.net.encode_targets(self.points.train_labels)
        y_te = self.net.encode_targets(self.points.test_labels)
        return x_tr, y_tr, x_te, y_te

    def _launch(self, single_epoch: bool) -> None:
        if len(self.points.train_labels) == 0:
            self.sig_error.emit("There are no training points. Click on the plane to add some, "
                                "or choose a dataset.")
            return
        x_tr, y_tr, x_te, y_te = self._training_arrays()
        job = TrainJob.for_network(self.net, x_tr, y_tr, x_te, y_te, _endless(self.config),
                                   single_epoch)
        worker = TrainWorker(job)
        worker.sig_frame.connect(self._on_frame)
        worker.sig_paused.connect(self._on_paused)
        worker.sig_finished.connect(self._on_finished)
        worker.sig_error.connect(self._on_worker_error)
        self._worker, self._thread = worker, start_thread(worker)
        self._set_state("running")

    def start(self) -> None:
        self._run(single_epoch=False)

    def pause(self) -> None:
        if self._worker is not None and self.state == "running":
            self._worker.pause()

    def toggle(self) -> None:
        self.pause() if self.state == "running" else self.start()

    def step_epoch(self) -> None:
        """Train exactly one more epoch, then pause."""
        self._run(single_epoch=True)

    def _run(self, single_epoch: bool) -> None:
        """Resume the paused worker (for one epoch or for good), or launch a new one."""
        if self._worker is None:
            self._launch(single_epoch)
            return
        self._worker.step_epoch() if single_epoch else self._worker.resume()
        self._set_state("running")

    def stop(self) -> None:
        """Stop the worker and wait for its thread; the network is the GUI's again."""
        if self._worker is None:
            return
        self._worker.stop()
        self._thread.quit()
        self._thread.wait()
        self._finish_run()

    def reset(self) -> None:
        """Fresh weights from the seed; the architecture and data stay."""
        self.stop()
        self.net.reinitialize(self.arch.seed)
        self._network_replaced()

    def shutdown(self) -> None:
        self.stop()

    def _finish_run(self) -> None:
        """The run is over: the child's final weights become the network's."""
        if self._worker.final_params is not None:
            self.net.set_params(self._worker.final_params)
        if self.frame is not None:
            self._epoch_offset = self.history.last_epoch
        self._worker = self._thread = None
        self._touch()
        self._set_state("idle")

    def _set_state(self, state: str) -> None:
        if state != self.state:
            self.state = state
            self.sig_state_changed.emit(state)

    # Slots for the worker's signals, declared with @Slot as PySide6 asks for cross-thread
    # signals (PYSIDE-3124). They run in the GUI thread, queued.
    def _from_current_worker(self) -> bool:
        """False for a late signal from a worker that was already stopped (and maybe freed)."""
        return self._worker is not None and self.sender() is self._worker

    @Slot(object)
    def _on_frame(self, frame: Frame) -> None:
        if not self._from_current_worker():
            return
        self.frame = frame
        self.history.extend(frame.epochs, self._epoch_offset)
        self._touch()
        # the widgets have asked to be repainted; a zero timer runs after that paint (a plain
        # function: bound to the worker it would wait for the worker thread, which has no event
        # loop while it relays)
        worker = self._worker
        QTimer.singleShot(0, lambda: worker.frame_drawn())

    @Slot()
    def _on_paused(self) -> None:
        if self._from_current_worker():
            self._set_state("paused")

    @Slot(str)
    def _on_worker_error(self, text: str) -> None:
        if self._from_current_worker():
            self.sig_error.emit(text)

    @Slot(str)
    def _on_finished(self, reason: str) -> None:
        if not self._from_current_worker():
            return
        self._thread.quit()  # the queued quit may not have run yet: waiting without it hangs
        self._thread.wait()
        self._finish_run()
        if reason:
            self.sig_error.emit(f"Training stopped: {reason}. Try a smaller learning rate, "
                                "then press Reset or Train.")

    # ----- what widgets draw --------------------------------------------------------------------
    @property
    def epoch(self) -> int:
        return self.history.last_epoch

    def display_params(self) -> tuple[dict, ...]:
        """The weights to draw: the latest frame's while training, else the network's own."""
        if self.frame is not None and self._worker is not None:
            return self.frame.params
        return tuple(self.net.params)

    def plane_maps(self) -> PlaneMaps:
        """Boundary and neuron maps for the weights on display, computed once per frame."""
        if self._maps is None or self._maps[0] != self._version:
            self._maps = (self._version, self._grid.evaluate(self.display_params(),
                                                              self.view.discretize))
        return self._maps[1]

    # ----- files --------------------------------------------------------------------------------
    def save_model(self, path: str | Path) -> bool:
        was_running = self.state == "running"
        self.stop()  # the network is read below; weights and history are kept
        try:
            save_model(self.net, path, data=self.data_spec.to_json(),
                       points=self.points.to_json(), arch=self.arch.to_json(),
                       training=config_to_json(self.config),
                       metrics=self.history.latest_metrics())
        except (OSError, ValueError) as e:
            self.sig_error.emit(f"Could not save {Path(path).name}: {e}")
            return False
        finally:
            if was_running:
                self.start()
        self.model_path = Path(path)
        self.sig_status.emit(f"Saved {Path(path).name}")
        return True

    def open_model(self, path: str | Path) -> bool:
        """Load a model and its data settings; on any problem the current network stays."""
        try:
            net = load_model(path)
            exp, points = self._experiment_for(net)
        except (ModelFileError, ValueError, TypeError, KeyError) as e:
            self.sig_error.emit(str(e))
            return False
        self._install(exp, points, net, Path(path))
        self.sig_status.emit(f"Opened {Path(path).name}: {net}")
        return True

    def _experiment_for(self, net: Network) -> tuple[Experiment, PointSet]:
        meta = net.metadata
        raw_data = meta.get("data")
        if not isinstance(raw_data, dict) or raw_data.get("name") in ("mnist", "csv", None):
            raise ValueError(f"{net} was not trained on 2-D points, so this view cannot show it")
        spec = DataSpec.from_json(raw_data)
        if len(spec.features) != net.input_dim:
            raise ValueError(f"the model takes {net.input_dim} inputs but names "
                             f"{len(spec.features)} features")
        raw_points = meta.get("points")
        points = PointSet.from_json(raw_points) if raw_points else PointSet.generate(spec)
        training = meta.get("training")
        config = config_from_json(training) if isinstance(training, dict) else self.config
        config.validate()
        arch = Architecture.from_network(net)
        if arch.n_outputs(points.n_classes) != net.n_outputs:
            raise ValueError(f"the model has {net.n_outputs} outputs for "
                             f"{points.n_classes} classes")
        return Experiment(arch, spec, config), points
