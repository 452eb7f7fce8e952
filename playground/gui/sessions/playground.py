"""The playground's session: the network, the points on the plane, the view and the files.

Widgets get the session in their constructor, change it through its methods and redraw on its
signals; they never talk to each other. One worker at a time: anything that rebuilds the network
stops the worker and waits for its thread first (``TrainingSession``).
"""

from __future__ import annotations

import warnings
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path

import numpy as np
from PySide6.QtCore import Signal

from playground.data.errors import ImportCancelledError
from playground.data.features import FEATURE_LABELS
from playground.data.pointset import PointSet
from playground.data.prepare import MAX_POINTS, DataSpec
from playground.experiment import Architecture, Experiment, config_from_json
from playground.gui.background import BackgroundTask
from playground.gui.edit_labels import describe_data_edit
from playground.gui.i18n import error_text
from playground.gui.plane_maps import GridEvaluator, PlaneMaps
from playground.gui.sessions.base import TrainingSession
from playground.modelfile.save_load import ModelFileError, load_model
from playground.nn import Network, TrainConfig, evaluate
from playground.nn.explain import StepExplained
from playground.nn.gradcheck import as_float64
from playground.run.job import TrainJob
from playground.teach.step_text import printout_lines

ENDLESS_EPOCHS = 10**9  # the app trains until the user pauses or stops


def _endless(config: TrainConfig) -> TrainConfig:
    """A copy of ``config`` that trains until stopped."""
    return replace(config, epochs=ENDLESS_EPOCHS)


REGRESSION_RANGE = (-1.0, 1.0)  # the plane's colour scale for real targets (the sets' range)
REGRESSION_OUTPUTS = ("linear", "tanh")


@dataclass(frozen=True)
class ViewOptions:
    show_test: bool = False
    discretize: bool = False
    focus: tuple[int, int] | None = None  # (hidden layer, unit) shown large instead of the output
    click_class: int = 1  # the class a left click on the plane adds
    inspected: int | None = None  # the training point the step inspector looks at


class Session(TrainingSession):
    # XOR reaches 100% in about 0.1 s at full speed: at 20 epochs a second a learner watches the
    # boundary form over several seconds (TensorFlow Playground trains one epoch a frame)
    DEFAULT_SPEED = 20.0
    TAB_NAME = "Playground"
    sig_data_changed = Signal()  # the points changed
    sig_view_changed = Signal()

    def __init__(self, experiment: Experiment | None = None,
                 points: PointSet | None = None) -> None:
        """``experiment``'s setup; ``points`` the learner's own, for a "custom" data set."""
        exp = experiment or Experiment()
        super().__init__(exp.arch, _endless(exp.config))
        self.data_spec = exp.data
        self.view = ViewOptions()
        self.points = points if points is not None else PointSet.generate(self.data_spec)
        self._grid = GridEvaluator()
        self._maps: tuple[int, PlaneMaps] | None = None
        self._arrays: tuple[PointSet, tuple, tuple[np.ndarray, ...]] | None = None
        self.net = self.arch.build(self.input_dim, self.n_classes)
        self._grid.bind(self.net, self.data_spec.features)

    @property
    def input_dim(self) -> int:
        return len(self.data_spec.features)

    @property
    def n_classes(self) -> int:
        return self.points.n_classes

    # ----- building -----------------------------------------------------------------------------
    def _bind(self, net: Network) -> None:
        self._grid.bind(net, self.data_spec.features)  # drawn over the plane
        focus = self.view.focus
        if focus is not None and (focus[0] >= len(net.layers) - 1 or
                                  focus[1] >= net.layers[focus[0]].units):
            self.view = replace(self.view, focus=None)  # that neuron is gone
        super()._bind(net)

    def _adopt(self, net: Network) -> None:
        self.view = replace(self.view, focus=None)
        super()._adopt(net)

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
            self.sig_error.emit(self.tr("That setup cannot be used: {0}").format(e))
            return
        self._install(exp, points, net, None)

    @property
    def regression(self) -> bool:
        return self.points.regression

    def set_data_spec(self, spec: DataSpec) -> None:
        """New points (and, when the inputs or classes change, the network refitted to them,
        keeping what fits); a running training goes on with them."""
        try:
            points = PointSet.generate(spec)
            if spec.name == "custom" and self.data_spec.name == "custom":
                points = replace(self.points, n_classes=max(self.points.n_classes, spec.classes))
        except ValueError as e:
            self.sig_error.emit(self.tr("Those data settings do not work: {0}").format(e))
            return
        old = self.data_spec
        self.data_spec, self.points = spec, points
        self._suit_output()
        self.refit(describe_data_edit(old, spec))
        self.sig_data_changed.emit()

    def _suit_output(self) -> None:
        """Real targets need a linear (or tanh) output with mean squared error; classes, when
        they come back after a regression, a sigmoid or softmax."""
        if self.unfit(self.arch) is not None:
            self.arch = self.arch.with_output("linear")
        elif not self.regression and self.arch.output_activation == "linear":
            self.arch = self.arch.with_output("sigmoid" if self.n_classes <= 2 else "softmax")

    def unfit(self, arch: Architecture) -> str | None:
        """A regression's real targets take a linear or tanh output with mean squared error."""
        if self.regression and (arch.output_activation not in REGRESSION_OUTPUTS or
                                arch.loss != "mse"):
            return self.tr("A regression's targets are real numbers: its output stays linear "
                           "or tanh, with mean squared error")
        return None

    def set_points(self, points: PointSet) -> None:
        """Replace the points (a click, a removal); training goes on with them."""
        self.points = points
        self.refit(None)
        self.sig_data_changed.emit()

    def add_point(self, x: float, y: float, label: int) -> None:
        if self.regression:
            self.sig_status.emit(self.tr("A regression's points come with their targets: choose a "
                                 "class set to click points in"))
            return
        self.set_points(self.points.with_point((x, y), label))

    def remove_point_near(self, x: float, y: float) -> None:
        points = self.points.without_nearest((x, y))
        if points is not self.points:
            self.set_points(points)

    def import_csv(self, path: str) -> None:
        """Read 2-D points from a CSV file in this thread (see ``csv_import`` for the window's
        way, in the background) and train on them."""
        try:
            points = self.read_csv(path)
        except ValueError as e:  # DataFileError is one
            self.sig_error.emit(error_text(e))
            return
        self.use_points(points, path)

    def read_csv(self, path: str, progress: Callable[[int, int], bool] | None = None) -> PointSet:
        """The points of a CSV file (at most MAX_POINTS: the plane shows no more); safe to call
        from another thread, as it touches nothing of the session's."""
        return PointSet.from_csv(path, self.data_spec.test_fraction, self.data_spec.seed,
                                 max_points=MAX_POINTS, progress=progress)

    def csv_import(self, path: str) -> BackgroundTask:
        """A started background read of ``path``: its points replace the current ones when it
        ends well; a failure (or a cancel) is reported and changes nothing."""
        task = BackgroundTask(partial(self.read_csv, path), self)
        task.sig_done.connect(partial(self._imported, task, path))
        task.sig_failed.connect(partial(self._import_failed, task))
        task.start()
        return task

    def _imported(self, task: BackgroundTask, path: str, points: PointSet) -> None:
        task.deleteLater()
        self.use_points(points, path)

    def _import_failed(self, task: BackgroundTask, error: Exception) -> None:
        task.deleteLater()
        if isinstance(error, ImportCancelledError):
            self.sig_status.emit(self.tr("Import cancelled; the points are as they were"))
        elif isinstance(error, ValueError | MemoryError):  # DataFileError is a ValueError
            self.sig_error.emit(str(error) or type(error).__name__)
        else:
            self.sig_error.emit(self.tr(
                "The import failed: {0}: {1}").format(type(error).__name__, error))

    def use_points(self, points: PointSet, path: str) -> None:
        """Train on ``points``, read from ``path`` (real targets: a regression)."""
        self.data_spec = replace(self.data_spec, name="custom", path=str(path))
        self.points = points
        self._suit_output()
        self.refit(f"{Path(path).name} imported")
        self.sig_data_changed.emit()

    # ----- view ---------------------------------------------------------------------------------
    def set_view(self, **values: object) -> None:
        self.view = replace(self.view, **values)
        self._touch()
        self.sig_view_changed.emit()

    # ----- training -----------------------------------------------------------------------------
    def _training_arrays(self) -> tuple[np.ndarray, ...]:
        """The points as the network trains on them, made again only when the points, the
        features or the targets' encoding changed: the same arrays tell the training process
        link that the process has them already, so an edit sends no data."""
        net = self.net
        key = (self.data_spec.features, net.loss_name, net.output_activation, net.n_outputs,
               net.dtype)
        cached = self._arrays
        if cached is not None and cached[0] is self.points and cached[1] == key:
            return cached[2]
        x_tr, x_te = self.points.features(self.data_spec.features)
        arrays = (x_tr, net.encode_targets(self.points.train_labels), x_te,
                  net.encode_targets(self.points.test_labels))
        self._arrays = (self.points, key, arrays)  # the points held: their id is not reused
        return arrays

    def training_job(self, single_epoch: bool) -> TrainJob:
        if len(self.points.train_labels) == 0:
            raise ValueError(self.tr("There are no training points. Click on the plane to add "
                                     "some, or choose a dataset."))
        x_tr, y_tr, x_te, y_te = self._training_arrays()
        return TrainJob.for_network(self.net, x_tr, y_tr, x_te, y_te, _endless(self.config),
                                    single_epoch)

    def reset(self) -> None:
        self.view = replace(self.view, focus=None)
        super().reset()

    def sample_batch(self, n: int) -> tuple[np.ndarray, np.ndarray] | None:
        if len(self.points.train_labels) == 0:
            return None
        x, _ = self.points.features(self.data_spec.features)
        return x[:n], self.net.encode_targets(self.points.train_labels[:n])

    def measure_now(self) -> dict[str, float | None] | None:
        """The weights on display on the plane's points: a few thousand at most, a moment."""
        if not len(self.points.train_labels):
            return None
        x_tr, y_tr, x_te, y_te = self._training_arrays()
        net = self.shown_network()
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", RuntimeWarning)  # a naive sigmoid's, or blown up
            train_loss, train_acc = evaluate(net, x_tr, y_tr)
            test_loss, test_acc = evaluate(net, x_te, y_te) if len(y_te) else (None, None)
        return {"train_loss": train_loss, "test_loss": test_loss, "train_accuracy": train_acc,
                "test_accuracy": test_acc}

    # ----- the step inspector ------------------------------------------------------------------
    def inspect_count(self) -> int:
        return len(self.points.train_labels)

    def inspect_label(self, index: int) -> str:
        x, y = self.points.train[index]
        return self.tr("at ({0:.2f}, {1:.2f}), class {2}").format(
            x, y, self.points.train_labels[index])

    def input_labels(self) -> list[str]:
        return [FEATURE_LABELS.get(f, f) for f in self.data_spec.features]

    def set_inspected(self, index: int | None) -> None:
        self.set_view(inspected=index)

    def explain(self, index: int) -> StepExplained | None:
        """Every number of one training step on training point ``index``, for the weights on
        display and the settings in use; None when there is no such point."""
        if not 0 <= index < len(self.points.train_labels):
            return None
        x, _ = self.points.features(self.data_spec.features)
        y = self.net.encode_targets(self.points.train_labels[index:index + 1])[0]
        return self._explain_sample(x[index], y)

    def printout(self, n: int = 4) -> list[str] | None:
        """The classic tutorial printout of one step on the first ``n`` training points, for a
        network with one hidden layer (None otherwise): the arrays under the names tutorials
        give them, so a learner can lay their own printout beside it."""
        if len(self.net.layers) != 2 or not len(self.points.train_labels):
            return None
        x, _ = self.points.features(self.data_spec.features)
        x, labels = x[:n], self.points.train_labels[:n]
        y = self.net.encode_targets(labels)
        net = self.displayed_network()
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", RuntimeWarning)
            _, zs, acts, deltas, grads = as_float64(net).explain_pass(x, y)
        target = np.eye(net.n_outputs)[labels] if net.loss.integer_targets else y
        w2 = net.params[1]["W"].astype(np.float64)
        return printout_lines({"input": x, "hidden": acts[0], "output": acts[1],
                               "output error (y - output)": target - acts[1],
                               "output delta": deltas[1], "hidden error (delta · W2ᵀ)":
                               deltas[1] @ w2.T, "hidden delta": deltas[0],
                               "W1 gradient": grads[0]["W"], "W2 gradient": grads[1]["W"]})

    # ----- what widgets draw --------------------------------------------------------------------
    def plane_maps(self) -> PlaneMaps:
        """Boundary and neuron maps for the weights on display, computed once per frame."""
        if self._maps is None or self._maps[0] != self._version:
            self._maps = (self._version, self._grid.evaluate(
                self.display_params(), self.view.discretize,
                REGRESSION_RANGE if self.regression else None))
        return self._maps[1]

    # ----- files --------------------------------------------------------------------------------
    def _file_metadata(self) -> dict:
        return {"data": self.data_spec.to_json(), "points": self.points.to_json()}

    def open_model(self, path: str | Path) -> bool:
        """Load a model and its data settings; on any problem the current network stays."""
        try:
            net = load_model(path)
            exp, points = self._experiment_for(net)
        except (ModelFileError, ValueError, TypeError, KeyError) as e:
            self.sig_error.emit(error_text(e))
            return False
        self._install(exp, points, net, Path(path))
        self.sig_status.emit(self.tr("Opened {0}: {1}").format(Path(path).name, net))
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
