"""Every number on screen is of the network on screen: after a weight typed by hand, after a
preset replaces the network, while training moves the weights, and on every tab."""

from __future__ import annotations

import numpy as np

from playground.nn import evaluate
from tests.gui.tabs import show_mnist


def _accuracy_shown(window) -> str:  # noqa: ANN001
    return window.status_line.labels["accuracy"].text()


def test_a_weight_typed_by_hand_is_measured_at_once(make_window, qtbot):
    window = make_window()
    s = window.session
    s.set_speed(None)
    s.start()
    qtbot.waitUntil(lambda: s.history.latest("train_accuracy") == 1.0, timeout=30_000)
    s.stop()
    assert "100.0%" in _accuracy_shown(window)
    s.edits.set_weight(1, "W", (0, 0), 40.0)  # the boundary goes wrong
    x, y, x_te, y_te = s._training_arrays()
    _, acc = evaluate(s.displayed_network(), x, y)
    assert acc < 1.0
    qtbot.waitUntil(lambda: f"{acc:.1%}" in _accuracy_shown(window), timeout=5_000)
    s.edits.undo_weight()
    qtbot.waitUntil(lambda: "100.0%" in _accuracy_shown(window), timeout=5_000)


def _one_mnist_epoch(make_window, qtbot):  # noqa: ANN001, ANN202
    """A window whose MNIST tab trained one epoch on 3,000 images."""
    window = make_window()
    m = show_mnist(window, qtbot)
    m.train_limit = 3000
    m.set_config(epochs=1)
    m.start()
    qtbot.waitUntil(lambda: m.state == "idle", timeout=60_000)
    return window


def test_a_preset_after_a_run_shows_no_numbers_of_that_run(make_window, qtbot):
    window = _one_mnist_epoch(make_window, qtbot)
    assert "After epoch 1" in window.mnist_panel.metrics.text()
    window.load_lab_preset("mnist-collapse")
    assert "After epoch" not in window.mnist_panel.metrics.text()
    assert window.mnist_panel.matrix.counts is None


def test_an_edit_says_the_mnist_numbers_are_of_the_network_before(make_window, qtbot):
    window = _one_mnist_epoch(make_window, qtbot)
    window.mnist_panel.layer_editor.rows[0].bias.click()
    assert "Edited after epoch 1" in window.mnist_panel.metrics.text()
    assert window.mnist_panel.matrix.counts is None  # no matrix of the weights before


def test_a_filtered_gallery_says_so(make_window, qtbot):
    window = _one_mnist_epoch(make_window, qtbot)
    panel = window.mnist_panel
    panel.matrix.sig_cell.emit(4, 9)
    assert panel.gallery_caption.text().startswith("Only 4 read as 9")
    panel.matrix.sig_cell.emit(None, None)
    assert "Only" not in panel.gallery_caption.text()


def test_the_inspector_shows_no_values_of_weights_training_has_moved(make_window, qtbot):
    window = make_window()
    s = window.session
    window.inspect_point(0)
    assert s.steps.inspection is not None and s.steps.inspection.stage == "forward"
    s.set_speed(None)
    s.start()
    assert s.steps.inspection is None and "Training" in window.inspector.stage_label.text()
    window.inspector.go(1)  # Next pauses and shows the step again
    qtbot.waitUntil(lambda: s.state == "paused", timeout=20_000)
    assert s.steps.inspection is not None
    shown = s.steps.inspection.step.forward[0].a
    expected = np.tanh(s.displayed_network().forward_all(
        s._training_arrays()[0][:1])[0][0][0])
    assert np.allclose(shown, expected, atol=1e-5)
    s.stop()


def test_the_status_bar_never_names_another_network_than_the_tab(make_window, qtbot):
    window = make_window()
    assert window.status_line.labels["epoch"].isVisible()
    window.tabs.setCurrentWidget(window.mnist_panel)
    assert not window.status_line.labels["epoch"].isVisible()  # the MNIST tab has its own
    window.tabs.setCurrentWidget(window.code_tab)
    assert not window.status_line.labels["epoch"].isVisible()  # nothing trains with the code yet
    window.tabs.setCurrentWidget(window.digits_panel)
    assert not window.status_line.labels["epoch"].isVisible()
