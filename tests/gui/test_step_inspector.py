"""The step inspector in the window: stage by stage on a chosen point, the core's numbers, the
first difference of a bug marked, training paused while it steps, the printout to copy."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import Qt

from playground.data.prepare import DataSpec
from playground.experiment import Architecture, Experiment
from playground.nn import LayerSpec, TrainConfig
from tests.gui.tabs import show_mnist

TWO_THREE_ONE = Experiment(Architecture((LayerSpec(3, "tanh"),), "linear", True, "mse"),
                           DataSpec("xor", points=40), TrainConfig("sgd", 0.1, 10, 10**9, 0))


@pytest.fixture
def window(make_window):
    w = make_window(TWO_THREE_ONE)
    w.inspector_dock.show()
    return w


def test_it_steps_through_every_stage_with_the_cores_numbers(window, qtbot):
    inspector = window.inspector
    inspector.inspect(3)
    assert window.session.view.inspected == 3
    titles = [t for t, _ in inspector.stage_texts()]
    assert titles[0].startswith("Forward, layer 1") and titles[2].startswith("Loss")
    assert titles[3] == "Backward, layer 2" and titles[-1].startswith("Update (sgd")
    s = window.session
    x, _ = s.points.features(s.data_spec.features)
    z = x[3] @ s.net.params[0]["W"] + s.net.params[0]["b"]
    assert np.allclose(inspector.step.forward[0].z, z, rtol=1e-6)
    for _ in titles:
        qtbot.keyClick(inspector, Qt.Key.Key_Right)
    assert inspector.stage == len(titles) - 1 and not inspector.next_button.isEnabled()
    qtbot.keyClick(inspector, Qt.Key.Key_Left)
    assert inspector.stage == len(titles) - 2
    assert inspector.stage_label.text().startswith(f"{len(titles) - 1} of {len(titles)}: ")
    assert "z1[1] = " not in inspector.text.toPlainText()


def test_a_bug_shows_the_correct_values_beside_and_marks_the_first_difference(window):
    s = window.session
    s.edits.set_architecture(s.arch.with_bug("derivative-at-output", True))
    inspector = window.inspector
    inspector.refresh()
    diff = inspector.step.first_difference
    assert (diff.layer, diff.array, diff.bug) == (1, "delta", "derivative-at-output")
    stage = inspector.first_difference_stage()
    inspector.go(stage)
    assert inspector.stage_label.text().endswith("◀ the first difference")
    assert "Backward, layer 1" in inspector.stage_label.text()
    assert "without the bugs:" in inspector.text.toPlainText()
    assert "derivative-at-output" in inspector.difference_label.text()


def test_stepping_pauses_training(window, qtbot):
    s = window.session
    s.start()
    qtbot.waitUntil(lambda: s.epoch >= 2, timeout=10_000)
    window.inspector.go(1)
    qtbot.waitUntil(lambda: s.state == "paused", timeout=10_000)
    s.stop()


def test_the_printout_names_the_arrays_as_tutorials_do_and_copies(window, qtbot):
    from PySide6.QtGui import QGuiApplication

    inspector = window.inspector
    inspector.printout_button.setChecked(True)
    text = inspector.text.toPlainText()
    for name in ("hidden 4x3", "output 4x1", "output error (y - output)", "output delta",
                 "hidden delta", "W1 gradient 2x3", "W2 gradient 3x1"):
        assert name in text, name
    inspector.copy_button.click()
    assert QGuiApplication.clipboard().text() == text


def test_shift_click_on_the_plane_inspects_the_nearest_point(window, qtbot):
    s = window.session
    target = s.points.train[5]
    window.boundary_plot._inspect_nearest(float(target[0]) + 0.01, float(target[1]))
    assert window.inspector.point_spin.value() == 5 and s.view.inspected == 5
    assert np.allclose(window.boundary_plot.ring.data["x"], [target[0]])


def test_a_neurons_tooltip_gives_its_formula_and_its_value_at_the_inspected_point(window):
    from playground.gui.widgets.diagram_text import describe
    from playground.gui.widgets.network_view import Hit

    s = window.session
    w = s.net.params[0]["W"][:, 1]
    text = describe(s, Hit("node", 0, 1))
    assert text.startswith("Neuron 2 of layer 1\na = tanh(") and f"{abs(w[0]):.4g}·x₁" in text
    window.inspector.inspect(4)
    text = describe(s, Hit("node", 0, 1))
    assert f"at point 4: a = {window.inspector.step.forward[0].a[1]:.4g}" in text


def test_the_diagram_follows_the_stage(window):
    inspector, s = window.inspector, window.session
    inspector.inspect(2)
    inspector.go(0)
    assert (s.steps.inspection.stage, s.steps.inspection.layer) == ("forward", 1)
    inspector.go(2)
    assert s.steps.inspection.stage == "loss"
    inspector.go(3)
    assert (s.steps.inspection.stage, s.steps.inspection.layer) == ("backward", 2)
    inspector.go(4)
    assert (s.steps.inspection.stage, s.steps.inspection.layer) == ("backward", 1)
    window.network_view.grab()  # paints the gradient lines and the rings without complaint
    window.inspector_dock.hide()
    assert s.steps.inspection is None and s.view.inspected is None


def test_a_weight_typed_by_hand_applies_at_once_and_ctrl_z_undoes_it(window, qtbot, monkeypatch):
    from playground.gui.widgets.network_view import Hit

    s, view = window.session, window.network_view
    s.step_epoch()
    qtbot.waitUntil(lambda: s.state == "paused", timeout=10_000)
    old = float(s.displayed_network().params[0]["W"][1, 2])  # the weights on display
    monkeypatch.setattr(view.hand, "ask_value", lambda label, value: 2.5)
    view.hand.edit_value(Hit("weight", 0, 2, 1))
    assert s.net.params[0]["W"][1, 2] == pytest.approx(2.5)
    assert s.displayed_network().params[0]["W"][1, 2] == pytest.approx(2.5)
    monkeypatch.setattr(view.hand, "ask_value", lambda label, value: -0.75)
    view.hand.edit_value(Hit("bias", 1, 0))
    assert s.net.params[1]["b"][0] == pytest.approx(-0.75)
    s.step_epoch()  # training goes on from the typed weights
    qtbot.waitUntil(lambda: s.epoch == 2 and s.state == "paused", timeout=10_000)
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert s.weight_undo and len(s.weight_undo) == 1  # the bias edit went back
    assert s.edits.undo_weight() and s.net.params[0]["W"][1, 2] == pytest.approx(old)
    assert not s.edits.undo_weight()
    s.stop()


def test_on_the_mnist_tab_it_steps_through_one_test_digit(window, qtbot):
    show_mnist(window, qtbot)
    inspector = window.inspector
    assert inspector.session is window.mnist_session
    inspector.inspect(7)
    assert inspector.step is not None and inspector.step.x.shape == (784,)
    assert "test digit 7, a " in inspector.point_label.text()
    inspector.go(0)
    assert "more terms" in inspector.text.toPlainText()  # 784 inputs: the largest six shown
    window.tabs.setCurrentIndex(0)
    assert inspector.session is window.session


def test_dragging_a_weight_changes_it_and_one_undo_puts_it_back(window):
    from playground.gui.widgets.hand_edit import DRAG_STEP
    from playground.gui.widgets.network_view import Hit

    s, view = window.session, window.network_view
    start = float(s.displayed_network().params[1]["W"][0, 0])
    view.hand.start_drag(Hit("weight", 1, 0, 0), 100.0)
    view.hand.drag_to(101.0)  # a click's wobble: nothing changes
    assert s.net.params[1]["W"][0, 0] == pytest.approx(start)
    view.hand.drag_to(80.0)
    view.hand.drag_to(60.0)  # 40 px up
    view.hand.end_drag()
    moved = start + 40 * DRAG_STEP * max(1.0, abs(start))
    assert s.net.params[1]["W"][0, 0] == pytest.approx(moved, rel=1e-5)
    assert s.edits.undo_weight() and s.net.params[1]["W"][0, 0] == pytest.approx(start)
    assert not s.edits.undo_weight()


def test_a_neurons_context_menu_opens_the_inspector(make_window):
    w = make_window(TWO_THREE_ONE)
    assert not w.inspector_dock.isVisible()
    w.network_view.sig_inspect.emit()
    assert w.inspector_dock.isVisible() and w.inspector.step is not None
