"""The Playground tab's session: the network, the points on the plane, the view and the plane's
maps.

Widgets get the session in their constructor, change it through its methods and parts and
redraw on its signals; they never talk to each other. An edit reaches the training process
while it trains (``edits``); opening a model or another example replaces the network and the
points, from a stopped run.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np
from PySide6.QtCore import Signal

from playground.data.pointset import PointSet
from playground.data.prepare import DataSpec
from playground.experiment import Architecture, Experiment, config_from_json
from playground.gui.edit_labels import describe_data_edit
from playground.gui.i18n import error_text
from playground.gui.plane_maps import GridEvaluator, PlaneMaps
from playground.gui.sessions.base import TrainingSession
from playground.gui.sessions.csv_import import CsvImport
from playground.gui.sessions.steps import PlaneSteps
from playground.modelfile.save_load import ModelFileError
from playground.nn import Network, TrainConfig, evaluate
from playground.run.job import TrainJob

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
        self.csv = CsvImport(self)

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
            self.sig_error.emit(self.tr("That setup cannot be used: {0}").format(error_text(e)))
            return
        self._install(exp, points, net, None)

    @property
    def regression(self) -> bool:
        return self.points.regression

    def set_data_spec(self, spec: DataSpec) -> None:
        """New points (and, when the inputs or classes change, the network refitted to them,
        keeping what fits); a running training goes on with them. TensorFlow Playground's
        points go when the data set, its points, noise or test share change (as in TFP)."""
        spec = spec.without_tfp(self.data_spec)
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
        self.edits.refit(describe_data_edit(old, spec))
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
        self.edits.refit(None)
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

    def use_points(self, points: PointSet, path: str) -> None:
        """Train on ``points``, read from ``path`` (real targets: a regression)."""
        self.data_spec = replace(self.data_spec, name="custom", path=str(path))
        self.points = points
        self._suit_output()
        self.edits.refit(f"{Path(path).name} imported")
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

    def _steps(self) -> PlaneSteps:
        return PlaneSteps(self)

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

    # ----- what widgets draw --------------------------------------------------------------------
    def plane_maps(self) -> PlaneMaps:
        """Boundary and neuron maps for the weights on display, computed once per frame."""
        if self._maps is None or self._maps[0] != self._version:
            self._maps = (self._version, self._grid.evaluate(
                self.display_params(), self.view.discretize,
                REGRESSION_RANGE if self.regression else None))
        return self._maps[1]

    # ----- files --------------------------------------------------------------------------------
    def file_metadata(self) -> dict:
        return {"data": self.data_spec.to_json(), "points": self.points.to_json()}

    def open_network(self, net: Network, path: str | Path) -> bool:
        """``net``, read from ``path``, with its data settings; on any problem in what its file
        says the current network stays."""
        try:
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
