"""The window driven like a user would: pytest-qt, offscreen, asserting on data, not pixels."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import replace

import numpy as np
import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtWidgets import QCheckBox, QMessageBox, QPushButton

from playground.data.prepare import DataSpec
from playground.experiment import PRESETS, Architecture, Experiment
from playground.gui.main_window import MainWindow
from playground.nn import LayerSpec, TrainConfig

pytestmark = pytest.mark.both_ways  # as on Windows too: spawn, no fork, no resource

XOR_CLEAN = Experiment(Architecture((LayerSpec(4, "tanh"),)),
                       DataSpec("xor", points=200, noise=0.0),
                       TrainConfig("adam", 0.03, 10, 10**9, 0))


@pytest.fixture
def window(make_window):
    return make_window(XOR_CLEAN)


def _training_processes() -> list:
    import multiprocessing

    return [p for p in multiprocessing.active_children() if p.name == "playground-train"]


def _epochs(window) -> int:
    return window.session.epoch


def test_default_window_has_the_named_widgets(qtbot):
    w = MainWindow()
    qtbot.addWidget(w)
    for name in ("layerEditor", "networkView", "lossPlot", "boundaryPlot", "trainButton",
                 "stepButton", "resetButton", "dataPanel", "lrCombo", "datasetCombo"):
        assert w.findChild(object, name) is not None, name
    assert w.session.data_spec.name == "xor"
    w.close()


def test_switching_a_bias_off_removes_it_from_network_and_diagram(window, qtbot):
    view = window.network_view
    bias_spot = view.bias_point(1, 0)
    assert view.hit_at(bias_spot).kind == "bias"
    box = window.layer_editor.findChild(QCheckBox, "biasCheck0")
    box.setChecked(False)
    assert "b" not in window.session.net.params[0]
    assert not window.session.arch.hidden[0].bias
    hit = view.hit_at(bias_spot)
    assert hit is None or hit.kind != "bias"


def test_start_pause_resume_stop_delivers_snapshots(window, qtbot):
    s = window.session
    qtbot.mouseClick(window.train_panel.train_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: _epochs(window) >= 5, timeout=10000)
    assert s.state == "running" and len(s.history) > 0
    s.pause()
    qtbot.waitUntil(lambda: s.state == "paused", timeout=5000)
    paused_at = _epochs(window)
    qtbot.wait(200)
    assert _epochs(window) == paused_at
    s.start()
    qtbot.waitUntil(lambda: _epochs(window) > paused_at + 5, timeout=10000)
    s.stop()
    assert s.state == "idle" and not s.training


def test_step_trains_exactly_one_epoch(window, qtbot):
    s = window.session
    qtbot.mouseClick(window.train_panel.step_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: s.state == "paused", timeout=5000)
    assert _epochs(window) == 1
    s.step_epoch()
    qtbot.waitUntil(lambda: _epochs(window) == 2 and s.state == "paused", timeout=5000)
    s.stop()


def test_closing_mid_training_leaves_no_thread(qtbot, recwarn):
    w = MainWindow(XOR_CLEAN)
    qtbot.addWidget(w)
    w.show()
    w.session.start()
    qtbot.waitUntil(lambda: w.session.epoch > 2, timeout=10000)
    w.close()
    assert w.session.state == "idle"
    assert not _training_processes()


def test_xor_trained_through_the_window_reaches_100_percent(window, qtbot):
    s = window.session
    window.load_preset("xor")
    window.train_panel.train_button.click()
    qtbot.waitUntil(lambda: s.history.latest("test_accuracy") == 1.0
                    and s.history.latest("train_accuracy") == 1.0, timeout=30000)
    s.stop()
    assert (s.net.predict(s.points.features(s.data_spec.features)[0]) ==
            s.points.train_labels).all()


def _error_dialog(window) -> QMessageBox | None:
    return window.findChild(QMessageBox, "errorDialog")


def test_a_corrupt_model_file_shows_an_error_and_keeps_the_network(window, qtbot, tmp_path):
    bad = tmp_path / "broken.npz"
    bad.write_bytes(b"PK\x03\x04 this is not a real archive")
    before = window.session.net
    weights = before.copy_params()
    assert not window.files.open_model(str(bad))
    box = _error_dialog(window)
    assert box is not None and "broken.npz" in box.text()
    assert window.session.net is before
    assert np.array_equal(window.session.net.params[0]["W"], weights[0]["W"])


def test_save_and_open_restore_architecture_weights_and_data(window, qtbot, tmp_path):
    s = window.session
    s.set_data_spec(replace(s.data_spec, name="circle", features=("x1", "x2", "x1^2")))
    s.step_epoch()
    qtbot.waitUntil(lambda: s.state == "paused", timeout=5000)
    s.stop()
    path = tmp_path / "circle.npz"
    assert s.files.save(path)
    saved_w = s.net.copy_params()
    s.set_experiment(PRESETS["xor"])
    assert window.files.open_model(str(path))
    assert s.data_spec.name == "circle" and s.data_spec.features == ("x1", "x2", "x1^2")
    assert np.array_equal(s.net.params[0]["W"], saved_w[0]["W"])
    assert window.windowTitle().startswith("circle.npz")


def _click_plane(window, qtbot, x: float, y: float, button) -> None:
    plot = window.boundary_plot
    scene_pos = plot.getPlotItem().vb.mapViewToScene(QPointF(x, y))
    view_pos = plot.mapFromScene(scene_pos)
    qtbot.mouseClick(plot.viewport(), button, pos=QPoint(int(view_pos.x()), int(view_pos.y())))


def test_a_click_on_the_plane_adds_a_point_and_a_right_click_removes_it(window, qtbot):
    s = window.session
    n = len(s.points.train_labels)
    s.set_view(click_class=0)
    _click_plane(window, qtbot, 2.0, -3.0, Qt.MouseButton.LeftButton)
    assert len(s.points.train_labels) == n + 1
    assert s.points.train_labels[-1] == 0
    assert np.allclose(s.points.train[-1], [2.0, -3.0], atol=0.15)
    drawn = {key: len(item.data) for key, item in window.boundary_plot.point_items.items()}
    assert sum(k for (split, _), k in drawn.items() if split == "train") == n + 1
    _click_plane(window, qtbot, 2.0, -3.0, Qt.MouseButton.RightButton)
    assert len(s.points.train_labels) == n


def test_learning_rate_and_optimizer_apply_live(window, qtbot):
    s = window.session
    s.start()
    combo = window.train_panel.lr_combo
    combo.setEditText("0.1")
    combo.lineEdit().editingFinished.emit()
    assert s.config.lr == 0.1
    qtbot.waitUntil(lambda: s.frame is not None and s.frame.snapshot.lr == 0.1, timeout=5000)
    s.stop()


def test_a_learning_rate_that_is_not_a_number_is_refused(window, qtbot):
    combo = window.train_panel.lr_combo
    combo.setEditText("fast")
    combo.lineEdit().editingFinished.emit()
    assert window.session.config.lr == 0.03
    assert _error_dialog(window) is not None


def test_an_exploding_learning_rate_stops_with_an_explanation(window, qtbot):
    s = window.session
    s.edits.set_architecture(Architecture((LayerSpec(8, "relu"),), "linear", loss="mse"))
    s.set_config(lr=10.0, optimizer="sgd")
    s.start()
    qtbot.waitUntil(lambda: s.state == "idle", timeout=10000)
    box = _error_dialog(window)
    assert box is not None and "Training stopped in epoch 1:" in box.text()
    assert "learning rate 10" in box.text() and "step" not in box.text()
    assert window.diagnostics_dock.isVisible()
    window.diagnostics.refresh()  # where the dialog says to look: lower the rate
    assert window.diagnostics.findings[0].fixes == ("lower-lr-reset",)
    assert all(np.isfinite(v).all() for p in s.net.params for v in p.values())


def test_a_layer_of_zero_units_cannot_be_entered(window):
    spin = window.layer_editor.rows[0].units
    spin.setValue(0)
    assert spin.value() == 1  # the spin box's minimum


def test_adding_and_removing_layers(window):
    add = window.layer_editor.findChild(QPushButton, "addLayerButton")
    add.click()
    assert len(window.session.net.layers) == 3
    window.layer_editor.findChild(QPushButton, "removeLayer0").click()
    assert len(window.session.net.layers) == 2


def test_three_classes_get_a_softmax_network(window):
    s = window.session
    s.edits.set_architecture(s.arch.with_output("softmax"))
    s.set_data_spec(replace(s.data_spec, name="spiral", classes=3))
    assert s.net.n_outputs == 3 and s.net.loss_name == "cross_entropy"
    assert s.plane_maps().boundary.shape == (100, 100, 4)


def test_hovering_a_weight_describes_it(window):
    from playground.gui.widgets.diagram_text import describe

    view = window.network_view
    a, b = view.node_rect(0, 0), view.node_rect(1, 0)
    mid = QPointF((a.right() + b.left()) / 2, (a.center().y() + b.center().y()) / 2)
    hit = view.hit_at(mid)
    assert hit is not None and hit.kind == "weight"
    w = float(window.session.net.params[0]["W"][hit.i, hit.j])
    assert describe(window.session, hit).endswith(f"{w:.4g}")


def test_clicking_a_neuron_shows_its_map_large(window, qtbot):
    view = window.network_view
    centre = view.node_rect(1, 2).center()
    qtbot.mouseClick(view, Qt.MouseButton.LeftButton, pos=centre.toPoint())
    assert window.session.view.focus == (0, 2)
    expected = window.session.plane_maps().neurons[0][2]
    assert np.array_equal(window.boundary_plot.image_item.image, expected)


def test_settings_remember_the_experiment(qtbot, tmp_path):
    from PySide6.QtCore import QSettings

    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    w = MainWindow(PRESETS["spiral"], settings)
    qtbot.addWidget(w)
    w.session.set_speed(5.0)
    w.close()
    again = MainWindow(None, settings)
    qtbot.addWidget(again)
    assert again.session.data_spec == PRESETS["spiral"].data
    assert again.session.speed == 5.0 and again.mnist_session.speed is None
    assert again.train_panel.speed_combo.currentData() == 5.0
    again.close()


def test_screenshot_option_writes_a_png(tmp_path):
    out = tmp_path / "shot.png"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run([sys.executable, "-m", "playground", "--screenshot", str(out),
                             "--after", "0.5"], env=env, capture_output=True, text=True,
                            timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    data = out.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 20000


def test_units_changed_while_training_keep_the_run_and_the_layers_that_fit(window, qtbot):
    s = window.session
    s.start()
    qtbot.waitUntil(lambda: s.epoch >= 2, timeout=10000)
    pid = s._proc._process.pid
    output_before = s.displayed_network().params[-1]["W"].copy()
    spin = window.layer_editor.rows[0].units
    spin.setValue(6)
    spin.editingFinished.emit()
    epoch = s.epoch
    assert s.state == "running" and epoch >= 2  # the counter goes on
    assert s.net.params[0]["W"].shape == (2, 6)
    qtbot.waitUntil(lambda: s.epoch >= epoch + 3, timeout=10000)
    assert s._proc._process.pid == pid  # the same process throughout
    assert s.marks and "6 units, layer 1" in s.marks[-1][1]
    s.stop()
    assert s.net.params[0]["W"].shape == (2, 6) and output_before.shape == (4, 1)


def test_every_bias_off_then_relu_while_training_keeps_it_running(window, qtbot):
    """The issue's scenario: XOR trains; every bias goes off, then layer 1 becomes ReLU."""
    import multiprocessing

    s = window.session
    s.start()
    qtbot.waitUntil(lambda: s.epoch >= 5, timeout=10000)
    pids = {p.pid for p in multiprocessing.active_children() if p.name == "playground-train"}
    editor = window.layer_editor
    for row in editor.rows:
        row.bias.setChecked(False)
    window.layer_editor.output_bias.setChecked(False)
    combo = editor.rows[0].activation  # "activationCombo0" (the MNIST tab has one too)
    combo.setCurrentIndex(combo.findData("relu"))
    combo.activated.emit(combo.currentIndex())
    epoch = s.epoch
    assert s.state == "running" and s.arch.hidden[0].activation == "relu"
    qtbot.waitUntil(lambda: s.epoch >= epoch + 5 and s.frame is not None, timeout=10000)
    net = s.displayed_network()
    assert all("b" not in p for p in net.params)
    assert net.forward(np.zeros((1, 2)))[0, 0] == pytest.approx(0.5)
    now = {p.pid for p in multiprocessing.active_children() if p.name == "playground-train"}
    assert now == pids and len(now) == 1  # none started or ended
    s.stop()


def test_feature_switches_change_the_inputs(window, qtbot):
    s = window.session
    box = window.data_panel.findChild(QCheckBox, "feature_x1*x2")
    box.setChecked(True)
    qtbot.waitUntil(lambda: "x1*x2" in s.data_spec.features, timeout=3000)
    assert s.net.input_dim == 3
    assert window.network_view.columns()[0] == 3


def test_importing_csv_points(window, tmp_path):
    f = tmp_path / "pts.csv"
    f.write_text("x1,x2,label\n" + "\n".join(f"{i % 5},{i % 3},{i % 3}" for i in range(30)))
    window.session.csv.read_now(str(f))
    s = window.session
    assert s.data_spec.name == "custom" and s.points.n_classes == 3
    assert s.points.size == 30 and s.net.n_outputs == 3


def test_a_csv_that_is_not_2d_points_is_refused_with_a_dialog(window, tmp_path):
    f = tmp_path / "three.csv"
    f.write_text("1,2,3,0\n4,5,6,1\n")
    before = window.session.points
    window.session.csv.read_now(str(f))
    assert window.session.points is before
    assert "needs three columns" in _error_dialog(window).text()


def test_regularization_applies_live(window, qtbot):
    s = window.session
    s.start()
    panel = window.train_panel
    panel.reg_combo.setCurrentIndex(panel.reg_combo.findData("l2"))
    index = panel.reg_rate_combo.findData(0.01)
    panel.reg_rate_combo.setCurrentIndex(index)
    panel.reg_rate_combo.activated.emit(index)  # what a user's choice in the list sends
    assert s.config.l2 == 0.01 and s.config.l1 == 0.0
    assert s.state == "running"
    s.stop()


def test_opened_models_are_listed_under_open_recent_and_reopen(qtbot, tmp_path):
    from PySide6.QtCore import QSettings

    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    w = MainWindow(PRESETS["xor"], settings)
    qtbot.addWidget(w)
    try:
        assert not w.recent.menu.isEnabled()
        for name in ("a.npz", "b.npz"):
            assert w.session.files.save(tmp_path / name)
            assert w.files.open_model(str(tmp_path / name))
        assert [a.text() for a in w.recent.menu.actions()] == ["b.npz", "a.npz"]
        assert w.recent.last_dir() == str(tmp_path.resolve())
        w.recent.menu.actions()[1].trigger()
        assert w.session.model_path == tmp_path / "a.npz"
    finally:
        w.close()


def test_saving_while_training_keeps_training_and_saves_the_weights_on_show(window, qtbot,
                                                                            tmp_path):
    from playground.modelfile.save_load import load_model

    s = window.session
    s.start()
    qtbot.waitUntil(lambda: s.frame is not None, timeout=10_000)
    shown = [dict(p) for p in s.display_params()]
    assert s.files.save(tmp_path / "live.npz")
    assert s.state == "running"
    saved = load_model(tmp_path / "live.npz")
    assert np.array_equal(saved.params[0]["W"], shown[0]["W"])
    assert saved.metadata["data"]["name"] == s.data_spec.name and "points" in saved.metadata
    s.stop()


def test_a_closed_window_is_freed_with_its_sessions(qtbot):
    import gc
    import weakref

    from PySide6.QtCore import QCoreApplication, QEvent

    def open_and_close() -> list:
        w = MainWindow()
        w.show()
        w.session.step_epoch()  # a run, so the training machinery was used too
        qtbot.waitUntil(lambda: w.session.state != "running", timeout=10_000)
        w.close()
        w.deleteLater()
        return [weakref.ref(o) for o in (w, w.session, w.mnist_session)]

    refs = open_and_close()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()
    assert [r() is None for r in refs] == [True, True, True]


def test_damaged_model_files_each_give_a_dialog_and_replace_nothing(window, tmp_path):
    from tests.modelfile.fuzz import cases, good_model, outcome

    s = window.session
    target = tmp_path / "case.npz"
    refused = 0
    for _, data in cases(good_model(tmp_path), 60, seed=7):
        target.write_bytes(data)
        expected = outcome(target)
        assert not expected.startswith("escaped"), expected
        for box in window.findChildren(QMessageBox):
            box.close()
            box.deleteLater()
        before, digits_before = s.net, window.digits_panel.net
        opened = window.files.open_model(str(target))
        if not opened:
            refused += 1
            assert s.net is before and window.digits_panel.net is digits_before
            assert _error_dialog(window) is not None
        assert all(np.isfinite(p).all() for p in s.net.flat_params())
    assert refused > 40


def test_an_mnist_model_with_damaged_metrics_leaves_the_digits_model_alone(window, tmp_path):
    from playground.modelfile.save_load import load_model, save_model
    from playground.paths import shipped_model

    bad = save_model(load_model(shipped_model()), tmp_path / "m.npz", metrics=[1, 2])
    digits_before = window.digits_panel.net
    assert not window.files.open_model(str(bad))
    assert window.digits_panel.net is digits_before
    assert "metrics" in _error_dialog(window).text()


def test_edits_are_marked_on_the_loss_plot_and_edits_of_one_epoch_share_a_mark(window, qtbot):
    s = window.session
    s.step_epoch()
    qtbot.waitUntil(lambda: s.state == "paused", timeout=10_000)
    for row in window.layer_editor.rows:
        row.bias.setChecked(False)
    assert s.state == "paused"  # a paused run stays paused
    assert s.marks == [(1, "bias off, layer 1")]
    s.step_epoch()
    qtbot.waitUntil(lambda: s.epoch == 2 and s.state == "paused", timeout=10_000)
    window.layer_editor.output_bias.setChecked(False)
    assert [m[0] for m in s.marks] == [1, 2]
    window.loss_plot._draw()
    texts = [i.textItem.toPlainText() for i in window.loss_plot._mark_items
             if hasattr(i, "textItem")]
    assert texts == ["[2] output bias off", "[1] bias off, layer 1"]  # numbered, newest first
    s.reset()
    assert s.marks == [] and s.epoch == 0
    s.stop()


def test_the_speed_control_applies_at_once_and_defaults_to_a_watchable_pace(window, qtbot):
    from PySide6.QtWidgets import QComboBox

    combo = window.train_panel.findChild(QComboBox, "speedCombo")
    s = window.session
    assert s.speed == 20.0 and combo.currentData() == 20.0
    assert window.mnist_session.speed is None  # MNIST trains at full speed
    s.start()
    qtbot.waitUntil(lambda: s.epoch >= 1, timeout=10_000)
    sent = []
    monkey = s._proc.set_speed
    s._proc.set_speed = lambda *a: (sent.append(a), monkey(*a))
    combo.setCurrentIndex(combo.findData(0.0))
    combo.activated.emit(combo.currentIndex())
    assert s.speed is None and sent and sent[-1][0] is None
    s.stop()


def test_reset_and_new_clear_the_status_bar(window, qtbot):
    s = window.session
    s.step_epoch()
    qtbot.waitUntil(lambda: s.state == "paused", timeout=10_000)
    window.layer_editor.rows[0].bias.setChecked(False)
    assert window.statusBar().currentMessage().startswith("Changed: bias off")
    s.reset()
    assert window.statusBar().currentMessage() == ""
    assert window.status_line.labels["epoch"].text() == "Epoch 0"
    assert window.status_line.labels["loss"].text() == "Loss –"
    window.layer_editor.rows[0].bias.setChecked(True)
    window.new_network()
    assert window.statusBar().currentMessage() == ""


def test_a_process_that_cannot_start_is_reported(window, qtbot, monkeypatch):
    import playground.gui.process_link as run_module

    def refuse(process, context):
        raise OSError("no processes left")

    monkeypatch.setattr(run_module, "start", refuse)
    window.session.start()
    assert window.session.state == "idle"
    assert "cannot start" in _error_dialog(window).text()


def test_a_new_learning_rate_is_marked_where_the_curve_turns(window, qtbot):
    s = window.session
    s.step_epoch()
    qtbot.waitUntil(lambda: s.state == "paused", timeout=10_000)
    s.set_config(lr=10.0)
    s.set_config(l1=0.0, l2=0.003)
    s.set_config(lr=10.0)  # no change: no mark
    assert s.marks == [(1, "learning rate 10; L2 0.003")]
    s.stop()
