"""The diagnostics dock: lab presets, bug switches, the gradient check and the monitor's fixes."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QCheckBox, QPushButton

from playground.experiment import Architecture, Experiment
from playground.gui.main_window import MainWindow
from playground.nn import LayerSpec, TrainConfig
from playground.nn.bugs import BUGS


@pytest.fixture
def window(make_window):
    return make_window()


def _menu_action(window, menu_title: str, text: str):
    for menu_action in window.menuBar().actions():
        if menu_action.text().replace("&", "") == menu_title:
            for action in menu_action.menu().actions():
                if action.text() == text:
                    return action
    raise AssertionError(f"no {text!r} in {menu_title}")


def test_a_lab_preset_opens_failing_with_its_three_lines_and_the_fix_switch_fixes_it(window):
    _menu_action(window, "Bug lab", "“Two neurons cannot learn 0 → 0 and 1 → 1”"
                 ).trigger()
    s, box = window.session, window.diagnostics.lab_box
    assert window.diagnostics_dock.isVisible() and box.isVisible()
    assert s.data_spec.name == "identity" and s.net.sizes == [1, 1, 1]
    assert not any("b" in p for p in s.net.params)
    assert [label.text().split(":")[0] for label in box.lines] == [
        "What the learner did", "What to watch", "What to try"]
    assert window.diagnostics.bug_boxes["no-bias"].isChecked()
    box.fix_switch.setChecked(True)
    assert all("b" in p for p in s.net.params)
    assert not window.diagnostics.bug_boxes["no-bias"].isChecked()


def test_the_gradient_check_turns_red_exactly_for_the_switches_that_change_the_gradient(window):
    panel = window.diagnostics
    window.diagnostics_dock.show()
    for name in BUGS:
        box = panel.findChild(QCheckBox, f"bug_{name}")
        box.setChecked(True)  # runs the check
        assert panel.check.passed == (not BUGS[name].changes_gradient), name
        assert ("FAIL" in panel.check_label.text()) == BUGS[name].changes_gradient
        box.setChecked(False)
        assert panel.check.passed, name
        assert window.session.arch.bugs == ()


def test_a_collapsed_mnist_net_is_explained_and_one_click_switches_the_bug_off(window, qtbot):
    window.load_lab_preset("mnist-collapse")
    s = window.mnist_session
    assert window.tabs.currentWidget() is window.mnist_panel
    assert s.train_limit == 10_000 and s.config.batch_size == 10_000 and s.arch.bugs
    s.set_config(epochs=3)
    s.start()
    qtbot.waitUntil(lambda: s.epoch == 3 and s.state == "idle", timeout=60_000)
    panel = window.diagnostics
    panel.refresh()
    assert panel.table.rowCount() == 2 and panel.table.item(1, 3).text() == "100%"
    assert "vanished" in panel.findings[0].text
    panel.findChild(QPushButton, "fix_bug-off-reset").click()
    assert "no-learning-rate" not in s.arch.bugs and s.epoch == 0  # fresh, unsaturated weights


def test_an_exploding_run_stops_restores_weights_and_the_monitor_offers_a_lower_rate(qtbot):
    arch = Architecture((LayerSpec(8, "relu"),), "linear", True, "mse", "he")
    exp = Experiment(arch, config=TrainConfig("sgd", 1e6, 10, 10**9, 0))
    window = MainWindow(exp)
    qtbot.addWidget(window)
    window.show()
    try:
        s = window.session
        s.start()
        qtbot.waitUntil(lambda: s.state == "idle", timeout=20_000)
        assert s.stop_reason and "restored" in s.stop_reason
        assert window.diagnostics_dock.isVisible()
        assert all((abs(p) < float("inf")).all() for p in s.net.flat_params())
        panel = window.diagnostics
        assert "blew up" in panel.findings[0].text and panel.findings[0].kind == "diverging"
        panel.findChild(QPushButton, "fix_lower-lr-reset").click()
        assert s.config.lr == pytest.approx(1e5)
        assert s.epoch == 0 and s.stop_reason is None  # fresh weights: lowering alone is not enough
    finally:
        window.close()


def _overflowing_naive_sigmoid(qtbot) -> MainWindow:  # noqa: ANN001
    """A window training the bug lab's naive sigmoid at a rate that overflows it, once the
    process has counted overflows."""
    arch = Architecture((LayerSpec(4, "sigmoid"),), "sigmoid", True, "bce", "normal", 0,
                        ("naive-sigmoid",))
    window = MainWindow(Experiment(arch, config=TrainConfig("sgd", 3000.0, 10, 10**9, 0)))
    qtbot.addWidget(window)
    window.show()
    s = window.session
    s.start()
    qtbot.waitUntil(lambda: s.frame is not None and s.frame.overflows > 0, timeout=20_000)
    return window


def test_naive_sigmoid_overflows_reach_the_window(qtbot):
    window = _overflowing_naive_sigmoid(qtbot)
    try:
        s = window.session
        s.stop()
        window.diagnostics_dock.show()
        window.diagnostics.refresh()
        assert any("overflowed" in f.text for f in window.diagnostics.findings)
    finally:
        window.close()


def test_an_ordinary_example_puts_the_lab_preset_away(window):
    window.load_lab_preset("xor-wrong-derivative")
    assert window.diagnostics.lab_box.isVisible()
    window.load_preset("spiral")
    assert not window.diagnostics.lab_box.isVisible()
    assert window.session.arch.bugs == ()


def test_a_bug_switched_on_mid_training_keeps_the_weights_and_the_run_going(window, qtbot):
    s = window.session
    s.start()
    qtbot.waitUntil(lambda: s.epoch >= 20, timeout=20_000)
    window.diagnostics_dock.show()
    window.diagnostics.findChild(QCheckBox, "bug_sign-flip").setChecked(True)
    assert s.state == "running" and s.net.bugs == {"sign-flip"}
    epoch = s.epoch
    assert epoch >= 20  # the history goes on
    qtbot.waitUntil(lambda: s.epoch >= epoch + 20, timeout=20_000)
    s.stop()
    window.diagnostics.findChild(QCheckBox, "bug_sign-flip").setChecked(False)
    kept = s.net.params[0]["W"].copy()
    assert s.net.bugs == set() and (s.net.params[0]["W"] == kept).all()
    assert s.epoch >= epoch + 20


def test_a_check_that_cannot_judge_says_so_and_is_not_red(window, monkeypatch):
    from playground.gui.widgets.diagnostics import GREY, RED
    from playground.nn.gradcheck import GradCheckResult, LayerCheck

    unjudged = GradCheckResult((LayerCheck(0, 1.0, 3e-128, 0.0, "vanished"),
                                LayerCheck(1, 0.0, 0.0, 0.0, "vanished")), 1e-6)
    monkeypatch.setattr(window.session.diagnosis, "gradient_check", lambda: unjudged)
    panel = window.diagnostics
    panel.run_gradient_check()
    text = panel.check_label.text()
    assert text.startswith("Cannot judge") and "vanished" in text and "FAIL" not in text
    assert GREY in panel.check_label.styleSheet() and RED not in panel.check_label.styleSheet()
    assert not any("gradient check fails" in f.text for f in panel.findings)


def test_a_run_that_diverges_with_a_finite_loss_opens_the_diagnostics(make_window, qtbot):
    # tanh and sigmoid with MSE stay finite at lr 1e6 with Adam: the weights explode instead
    arch = Architecture((LayerSpec(4, "tanh"), LayerSpec(4, "tanh")), "sigmoid", True, "mse")
    window = make_window(Experiment(arch, config=TrainConfig("adam", 1e6, 10, 10**9, 0)))
    s = window.session
    assert not window.diagnostics_dock.isVisible()
    s.start()
    qtbot.waitUntil(window.diagnostics_dock.isVisible, timeout=20_000)
    s.stop()
    assert s.stop_reason is None  # nothing stopped it: the monitor noticed
    window.diagnostics.refresh()
    assert window.diagnostics.findings[0].kind == "diverging"


def test_the_layer_names_are_not_cut_when_the_norms_are_large(window, qtbot):
    from playground.gui.widgets.diagnostics import _short
    from playground.nn.health import LayerHealth

    assert (_short(2780.4, 3), _short(1.2e-5, 2), _short(0.96, 2), _short(None, 2)) == \
        ("2.78e3", "1.2e-5", "0.96", "–")
    window.resize(1024, 700)
    window.diagnostics_dock.show()  # at its narrowest beside the MNIST tab
    rows = (LayerHealth(0, "sigmoid", 16, 1.2e-5, 2780.4, 1.0, 1.0, None),
            LayerHealth(1, "relu", 16, 1.2e-5, 5560.8, 1.0, None, 0.25),
            LayerHealth(2, "leaky_relu", 16, 1.2e-5, 1.5, 1.0, None, None))
    table = window.diagnostics.table
    table.show_health(rows)
    qtbot.wait(20)
    assert [table.item(r, 2).text() for r in range(3)] == ["2.78e3", "5.56e3", "1.5"]
    assert [table.item(r, 3).text() for r in range(3)] == ["100%", "25%", "–"]
    assert "saturated" in table.item(0, 3).toolTip() and "dead" in table.item(1, 3).toolTip()
    needed = table.fontMetrics().horizontalAdvance("3 leaky_relu")
    assert table.columnWidth(0) > needed
    assert table.horizontalHeader().length() <= table.viewport().width()  # no sideways scroll


def test_the_monitor_says_whose_network_it_watches(window):
    monitor = window.diagnostics.monitor
    assert monitor.title() == "Health monitor (Playground)"
    window.tabs.setCurrentWidget(window.mnist_panel)
    assert monitor.title() == "Health monitor (MNIST)"
    window.tabs.setCurrentWidget(window.digits_panel)  # the digits model is not what it watches
    assert monitor.title() == "Health monitor (Playground)"


def test_a_lab_preset_shows_beside_its_own_tabs_network_only(window):
    box = window.diagnostics.lab_box
    window.load_lab_preset("mnist-collapse")  # on the MNIST tab
    assert box.isVisible()
    window.tabs.setCurrentWidget(window.digits_panel)  # the monitor watches the Playground's
    assert not box.isVisible()
    window.load_preset("spiral")  # a Playground example leaves the MNIST tab's preset be
    window.tabs.setCurrentWidget(window.mnist_panel)
    assert box.isVisible() and box.preset.name == "mnist-collapse"
    window.load_lab_preset("two-neurons-no-bias")  # on the Playground tab
    window.load_preset("spiral")
    assert not box.isVisible() and box.preset is None


def test_sign_flip_blows_up_and_the_monitor_names_the_switch_not_the_rate(qtbot):
    """The issue's report: the run blew up and the monitor offered to lower the rate."""
    from dataclasses import replace

    from playground.experiment import PRESETS

    xor = PRESETS["xor"]
    exp = replace(xor, arch=replace(xor.arch, bugs=("sign-flip",)),
                  config=replace(xor.config, optimizer="adam"))
    window = MainWindow(exp)
    qtbot.addWidget(window)
    window.show()
    errors: list[str] = []
    window.session.sig_error.connect(errors.append)
    try:
        s = window.session
        s.set_speed(None)
        s.start()
        qtbot.waitUntil(lambda: s.state == "idle", timeout=60_000)
        assert s.stop_reason and "step" not in s.stop_reason
        assert errors and f"Training stopped in epoch {s.epoch + 1:,}:" in errors[0]
        panel = window.diagnostics
        panel.refresh()
        first = panel.findings[0]
        assert first.kind == "climbing" and first.bug == "sign-flip", first
        assert panel.findChild(QPushButton, "fix_lower-lr-reset") is None
        panel.findChild(QPushButton, "fix_bug-off-reset").click()
        assert s.arch.bugs == () and s.stop_reason is None and s.epoch == 0
        panel.refresh()
        assert not any(f.kind in ("climbing", "diverging") for f in panel.findings)
    finally:
        window.close()


def test_a_stop_finding_goes_when_its_cause_goes(qtbot):
    arch = Architecture((LayerSpec(4, "tanh"),), "sigmoid", True, "bce", "xavier", 0,
                        ("sign-flip",))
    window = MainWindow(Experiment(arch, config=TrainConfig("adam", 0.03, 10, 10**9, 0)))
    qtbot.addWidget(window)
    window.show()
    try:
        s = window.session
        s.set_speed(None)
        s.start()
        qtbot.waitUntil(lambda: s.state == "idle", timeout=60_000)
        window.diagnostics.refresh()
        assert window.diagnostics.findings[0].kind == "climbing"
        window.diagnostics.bug_boxes["sign-flip"].setChecked(False)  # the switch, not a reset
        assert s.stop_reason is None
        assert not any(f.kind == "climbing" for f in window.diagnostics.findings)
    finally:
        window.close()


def test_overflows_of_a_naive_sigmoid_go_with_the_switch(qtbot):
    window = _overflowing_naive_sigmoid(qtbot)
    try:
        s = window.session
        window.diagnostics.bug_boxes["naive-sigmoid"].setChecked(False)  # trains on without it
        qtbot.waitUntil(lambda: s.frame is not None or s.state == "idle", timeout=20_000)
        assert s.frame is None or s.frame.overflows == 0
        window.diagnostics_dock.show()
        window.diagnostics.refresh()
        assert not any(f.kind == "overflow" for f in window.diagnostics.findings)
        s.stop()
    finally:
        window.close()
