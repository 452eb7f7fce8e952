"""Random actions on a tab, as a fast and careless learner would take them, with the invariants
that must hold after each: the window and its training process in step, nothing raised, no
error that is an exception's text, the health monitor and the inspector working."""

from __future__ import annotations

import re
from collections.abc import Callable

import numpy as np
from PySide6.QtWidgets import QMessageBox

from playground.experiment import PRESETS
from playground.gui.sessions.base import TrainingSession
from playground.gui.widgets.layer_editor import LayerEditor
from playground.gui.widgets.train_panel import TrainPanel
from playground.teach.lab import LAB_PRESETS

# what a user must never read: a Python exception's name where a sentence should be
EXCEPTION_TEXT = re.compile(r"\b\w+(Error|Exception)\b|Traceback|Training failed")
SMALL_UNITS = (1, 2, 3, 4, 8, 16, 32)


class Monkey:
    """Random actions on ``session`` through its tab's widgets; ``errors`` collects what the
    user was shown in error dialogs."""

    def __init__(self, window, session: TrainingSession, editor: LayerEditor,  # noqa: ANN001
                 train: TrainPanel, qtbot, seed: int) -> None:  # noqa: ANN001
        self.window, self.s, self.editor, self.train = window, session, editor, train
        self.qtbot, self.rng = qtbot, np.random.default_rng(seed)
        self.errors: list[str] = []
        self.log: list[str] = []
        session.sig_error.connect(self.errors.append)
        self.actions: list[tuple[Callable[[], None], int]] = [
            (lambda: self.train.train_button.click(), 6),
            (lambda: self.train.step_button.click(), 2),
            (lambda: self.s.stop(), 2),
            (lambda: self.train.reset_button.click(), 1),
            (self.bias, 4), (self.units, 3), (self.activation, 2), (self.add_layer, 1),
            (self.remove_layer, 1), (self.output, 1), (self.loss, 1), (self.init, 1),
            (self.seed, 1), (self.lr, 2), (self.optimizer, 1), (self.batch, 1),
            (self.regularization, 1), (self.speed, 1), (self.weight, 2), (self.undo, 1),
            (self.diagnose, 1), (self.inspect, 1), (self.wait, 4),
        ]

    # ----- running --------------------------------------------------------------------------
    def run(self, count: int) -> None:
        weights = np.array([w for _, w in self.actions], dtype=float)
        with self.qtbot.captureExceptions() as raised:
            for i in range(count):
                action = self.actions[self.rng.choice(len(self.actions),
                                                      p=weights / weights.sum())][0]
                self.log.append(getattr(action, "__name__", "lambda"))
                action()
                self.qtbot.wait(int(self.rng.choice([0, 1, 5, 20])))
                self._close_dialogs()
                where = f"after action {i}: {self.log[-8:]}"
                assert not raised, f"{where}: {raised[0][1]!r}"
                self.check(where)

    def check(self, where: str) -> None:
        s = self.s
        assert s.state in ("idle", "running", "paused"), where
        assert (s.state != "idle") == s.training, f"{where}: {s.state}, training {s.training}"
        if s.training:
            assert s._proc.running and s._proc.alive, where
        for shown, own in zip(s.display_params(), s.net.params, strict=True):
            assert shown.keys() == own.keys(), where
            assert all(shown[k].shape == own[k].shape for k in own), where
        bad = [e for e in self.errors if EXCEPTION_TEXT.search(e)]
        assert not bad, f"{where}: {bad[:3]}"

    def _close_dialogs(self) -> None:
        for box in self.window.findChildren(QMessageBox):
            box.close()

    def pick(self, n: int) -> int:
        return int(self.rng.integers(0, n))

    # ----- the network ----------------------------------------------------------------------
    def _row(self):  # noqa: ANN202
        return self.editor.rows[self.pick(len(self.editor.rows))] if self.editor.rows else None

    def bias(self) -> None:
        row = self._row()
        (row.bias if row is not None else self.editor.output_bias).click()

    def units(self) -> None:
        if (row := self._row()) is not None:
            row.units.setValue(int(self.rng.choice(SMALL_UNITS)))
            row.units.editingFinished.emit()

    def activation(self) -> None:
        if (row := self._row()) is not None:
            _choose(row.activation, self.pick(row.activation.count()))

    def add_layer(self) -> None:
        self.editor.add_button.click()

    def remove_layer(self) -> None:
        if (row := self._row()) is not None:
            row.remove.click()

    def output(self) -> None:
        _choose(self.editor.output_combo, self.pick(self.editor.output_combo.count()))

    def loss(self) -> None:
        _choose(self.editor.loss_combo, self.pick(self.editor.loss_combo.count()))

    def init(self) -> None:
        _choose(self.editor.init_combo, self.pick(self.editor.init_combo.count()))

    def seed(self) -> None:
        self.editor.seed_spin.setValue(self.pick(5))
        self.editor.seed_spin.editingFinished.emit()

    def weight(self) -> None:
        layer = self.pick(len(self.s.net.layers))
        w = self.s.net.params[layer]["W"]
        index = tuple(self.pick(d) for d in w.shape)
        self.s.edits.set_weight(layer, "W", index, float(self.rng.normal(0, 3)))

    def undo(self) -> None:
        self.s.edits.undo_weight()

    # ----- the training bar -----------------------------------------------------------------
    def lr(self) -> None:
        _choose(self.train.lr_combo, self.pick(self.train.lr_combo.count()))

    def optimizer(self) -> None:
        _choose(self.train.optimizer_combo, self.pick(self.train.optimizer_combo.count()))

    def batch(self) -> None:
        self.train.batch_spin.setValue(int(self.rng.choice([1, 4, 32, 128, 10_000])))
        self.train.batch_spin.editingFinished.emit()

    def regularization(self) -> None:
        combo = self.train.reg_combo if self.rng.random() < 0.5 else self.train.reg_rate_combo
        _choose(combo, self.pick(combo.count()))

    def speed(self) -> None:
        _choose(self.train.speed_combo, self.pick(self.train.speed_combo.count()))

    # ----- looking --------------------------------------------------------------------------
    def diagnose(self) -> None:
        health = self.s.diagnosis.health()
        if health is not None:
            self.s.diagnosis.findings(health)

    def inspect(self) -> None:
        if self.s.steps.count():
            self.s.steps.explain(self.pick(self.s.steps.count()))

    def wait(self) -> None:
        self.qtbot.wait(int(self.rng.choice([30, 100, 300])))

    # ----- at the end -----------------------------------------------------------------------
    def still_trains(self) -> None:
        """After it all, Train still trains: epochs come, and Stop ends the run."""
        s = self.s
        s.stop()
        self._close_dialogs()
        try:
            s.training_job(False)
        except ValueError:  # nothing to train on (no points): start from an example
            self.window.load_preset("xor")
        before = s.epoch
        s.set_speed(None)
        s.start()
        # epochs come, or the run stops itself and says why (the monkey may have left a
        # learning rate that blows it up)
        self.qtbot.waitUntil(lambda: s.epoch > before or s.stop_reason, timeout=60_000)
        s.stop()
        assert s.state == "idle" and not s.training
        self.check("at the end")


class PlaygroundMonkey(Monkey):
    """The Playground tab: the network and training bar, and its data and points too."""

    def __init__(self, window, qtbot, seed: int) -> None:  # noqa: ANN001
        super().__init__(window, window.session, window.layer_editor, window.train_panel, qtbot,
                         seed)
        self.data = window.data_panel
        self.actions += [
            (self.dataset, 2), (self.classes, 1), (self.noise, 1), (self.points, 1),
            (self.test_share, 1), (self.feature, 2), (self.no_features, 1),
            (self.regenerate, 1), (self.click_point, 3), (self.remove_point, 2),
            (self.preset, 1), (self.lab_preset, 1), (self.view, 1),
        ]

    def dataset(self) -> None:
        combo = self.data.dataset_combo
        _choose(combo, self.pick(combo.count()))

    def classes(self) -> None:
        self.data.classes_spin.setValue(2 + self.pick(4))

    def noise(self) -> None:
        self.data.noise_slider.setValue(self.pick(51))

    def points(self) -> None:
        self.data.points_spin.setValue(int(self.rng.choice([10, 50, 200, 600])))

    def test_share(self) -> None:
        self.data.test_slider.setValue(10 + self.pick(81))

    def feature(self) -> None:
        boxes = list(self.data.feature_boxes.values())
        boxes[self.pick(len(boxes))].click()

    def no_features(self) -> None:
        for box in self.data.feature_boxes.values():
            box.setChecked(False)
        self.qtbot.wait(250)  # the panel applies its settings a moment after the last change

    def regenerate(self) -> None:
        self.data.regenerate_button.click()

    def click_point(self) -> None:
        x, y = self.rng.uniform(-6, 6, 2)
        self.s.add_point(float(x), float(y), self.pick(max(2, self.s.n_classes)))

    def remove_point(self) -> None:
        for _ in range(1 + self.pick(30)):
            x, y = self.rng.uniform(-6, 6, 2)
            self.s.remove_point_near(float(x), float(y))

    def preset(self) -> None:
        names = list(PRESETS)
        self.window.load_preset(names[self.pick(len(names))])

    def lab_preset(self) -> None:
        names = [n for n, p in LAB_PRESETS.items()
                 if p.experiment(False).data.name != "mnist"]
        self.window.load_lab_preset(names[self.pick(len(names))], bool(self.pick(2)))
        self.window.tabs.setCurrentIndex(0)

    def view(self) -> None:
        self.s.set_view(show_test=bool(self.pick(2)), discretize=bool(self.pick(2)))


class MnistMonkey(Monkey):
    """The MNIST tab: its network, training bar, Stop, epochs, images and augmentation."""

    def __init__(self, window, qtbot, seed: int) -> None:  # noqa: ANN001
        panel = window.mnist_panel
        super().__init__(window, window.mnist_session, panel.layer_editor, panel.train_panel,
                         qtbot, seed)
        self.panel = panel
        self.actions += [(lambda: panel.stop_button.click(), 2), (self.epochs, 1),
                         (self.images, 1), (self.augment, 1)]

    def epochs(self) -> None:
        self.panel.epochs_spin.setValue(1 + self.pick(3))
        self.panel.epochs_spin.editingFinished.emit()

    def images(self) -> None:
        combo = self.panel.images_combo
        _choose(combo, self.pick(combo.count()))

    def augment(self) -> None:
        self.panel.augment_check.click()


def _choose(combo, index: int) -> None:  # noqa: ANN001
    combo.setCurrentIndex(index)
    combo.activated.emit(index)
