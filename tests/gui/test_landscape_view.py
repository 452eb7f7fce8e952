"""View › Loss landscape: drawn by the training process around the weights on screen, with the
run's path; its centre is the loss of those weights; a click jumps there and Ctrl+Z comes back;
it follows the epoch the timeline shows."""

from __future__ import annotations

import numpy as np
import pytest

from playground.gui.widgets.landscape_view import problem_words
from playground.nn import LayerSpec, Network
from playground.nn.landscape import directions, flat
from playground.nn.metrics import evaluate
from tests.gui.tabs import show_mnist, train_playground


def _drawn(window, qtbot, about=None):
    view = window.landscape
    asks = view.session.landscape

    def ready() -> bool:
        return view.answer is not None and view.answer.ask == asks.asked.ask and (
            about is None or asks.asked.epoch == about)

    qtbot.waitUntil(ready, timeout=15000)
    return view.answer


def _loss_on(s, net) -> float:
    x, y = s.sample_batch(1000)
    return evaluate(net, x, y)[0]


def test_the_dock_draws_the_landscape_of_the_weights_on_screen_with_the_path(
        make_window, qtbot):
    window = make_window()
    s = window.session
    window.landscape_dock.show()
    view = window.landscape
    qtbot.waitUntil(lambda: "3 epochs" in view.info.text(), timeout=5000)  # no path yet
    assert view.answer is None
    s.set_speed(None)
    s.start()
    qtbot.waitUntil(lambda: s.epoch >= 20, timeout=20000)
    s.pause()
    qtbot.waitUntil(lambda: s.state == "paused", timeout=10000)
    s.step_epoch()  # paused at an epoch's end: the weights on screen are its
    qtbot.waitUntil(lambda: s.state == "paused" and s.frame.snapshot.epoch_end, timeout=10000)
    qtbot.waitUntil(lambda: view.answer is not None and view.answer.ask == s.landscape.asked.ask
                    and s.landscape.asked.epochs[-1] == s.epoch, timeout=15000)
    answer, asked = view.answer, s.landscape.asked
    shown = s.shown_network()
    assert np.array_equal(asked.center, flat(shown.params))
    assert answer.center_loss == pytest.approx(_loss_on(s, shown), rel=1e-6)
    assert np.allclose(answer.path[-1], 0.0, atol=1e-5)  # the last kept epoch is the centre
    assert 0 < answer.explained <= 1 and "variance" in view.info.text()
    assert view.image.image.shape == (41, 41) and len(view.slice_curve.getData()[0]) == 61


def test_a_click_jumps_to_that_point_and_ctrl_z_comes_back(make_window, qtbot):
    window = make_window()
    s = train_playground(window, qtbot, 10)
    window.landscape_dock.show()
    view = window.landscape
    view.directions.setCurrentIndex(view.directions.findData("random"))
    answer = _drawn(window, qtbot)
    before = flat(s.net.params)
    a, b = answer.alpha[30], answer.beta[5]
    assert view.jump(a, b)
    assert np.allclose(flat(s.net.params), before + a * answer.d1 + b * answer.d2, atol=1e-6)
    assert _loss_on(s, s.net) == pytest.approx(answer.loss[5, 30], rel=1e-4)  # float32 weights
    assert view.undo.isEnabled()
    view.undo.click()
    assert np.array_equal(flat(s.net.params), before)
    assert not view.undo.isEnabled()


def test_it_follows_the_epoch_the_timeline_shows(make_window, qtbot):
    window = make_window()
    s = train_playground(window, qtbot, 15)
    window.landscape_dock.show()
    s.timeline.show(8)
    answer = _drawn(window, qtbot, about=8)
    assert s.landscape.asked.epochs[-1] == 8  # the path up to the epoch shown
    assert answer.center_loss == pytest.approx(_loss_on(s, s.shown_network()), rel=1e-6)
    assert "epoch 8" in window.landscape.info.text()


def test_a_jump_while_training_goes_on_from_there(make_window, qtbot):
    window = make_window()
    s = train_playground(window, qtbot, 10, stop=False)
    window.landscape_dock.show()
    view = window.landscape
    view.directions.setCurrentIndex(view.directions.findData("random"))
    answer = _drawn(window, qtbot)
    asked = s.landscape.asked
    s.set_speed(10)  # a few epochs between two frames
    a, b = answer.alpha[0], answer.beta[0]  # a corner: far from where the run is
    assert view.jump(a, b)
    jumped = asked.center + a * answer.d1 + b * answer.d2
    assert s.state == "running" and np.allclose(flat(s.net.params), jumped, atol=1e-6)
    at = s.epoch
    qtbot.waitUntil(lambda: s.frame is not None and s.epoch > at, timeout=20000)
    moved = flat(s.shown_network().params)
    # the run went on from the corner, not from where it was
    assert np.linalg.norm(moved - jumped) < np.linalg.norm(moved - asked.center)
    s.stop()


def test_on_the_mnist_tab_a_jump_is_undone_by_ctrl_z(make_window, qtbot):
    from PySide6.QtCore import Qt

    window = make_window()
    s = show_mnist(window, qtbot)
    window.landscape_dock.show()
    view = window.landscape
    view.directions.setCurrentIndex(view.directions.findData("random"))  # no run: no path
    answer = _drawn(window, qtbot)
    assert "1,000 training points" in view.info.text()
    before = flat(s.net.params)
    assert view.jump(answer.alpha[3], answer.beta[7])
    assert not np.array_equal(flat(s.net.params), before)
    window.activateWindow()
    window.mnist_panel.layer_editor.setFocus()
    qtbot.keyClick(window.mnist_panel.layer_editor, Qt.Key.Key_Z,
                   Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: np.array_equal(flat(s.net.params), before), timeout=3000)


def test_while_mnist_is_read_the_dock_waits_for_it_without_reading_it_again(make_window, qtbot):
    window = make_window()
    window.tabs.setCurrentWidget(window.mnist_panel)
    s = window.mnist_session
    assert s.reading.under_way
    window.landscape_dock.show()
    window.bands_dock.show()
    assert "being read" in window.landscape.info.text() and s.data is None
    qtbot.waitUntil(lambda: s.data is not None, timeout=20_000)
    qtbot.waitUntil(lambda: "being read" not in window.landscape.info.text(), timeout=5000)


def test_what_the_process_says_it_cannot_draw_is_said_in_the_windows_words():
    net = Network(2, [LayerSpec(1, "sigmoid")], "bce", seed=0)
    theta = flat(net.params)
    with pytest.raises(ValueError) as one_line:
        directions("pca", net, np.stack([theta + k * np.ones_like(theta) for k in (1, 2, 3)]))
    assert problem_words(str(one_line.value)).startswith("The path moved along one line only:")
    assert problem_words("something else") == "something else"
