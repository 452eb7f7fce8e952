"""Each lesson as a learner takes it: opened mid-way through another lesson's run, then Train
and its steps, with the window's own controls. Nothing is ticked before its own run, no point
of the run before stays on the plot, and each sentence comes only when what it says happened."""

from __future__ import annotations

import numpy as np
import pytest

from playground.teach.lessons import LESSONS

LIMIT = 60_000  # ms for any one goal; full speed reaches each in well under a second here


def _choose(combo, data) -> None:  # noqa: ANN001
    index = combo.findData(data)
    assert index >= 0, data
    combo.setCurrentIndex(index)
    combo.activated.emit(index)


def _open_mid_run(window, qtbot, index: int):  # noqa: ANN001, ANN202
    """Lesson ``index`` opened with Next while the lesson before it trains."""
    panel = window.lessons.panel
    window.lessons.start(index - 1)
    s = window.session
    s.set_speed(None)
    s.start()
    qtbot.waitUntil(lambda: s.epoch >= 50, timeout=LIMIT)
    panel.next_button.click()
    assert panel.index == index and panel.done == 0 and panel.notes.text() == ""
    assert s.state == "idle" and s.epoch == 0 and len(s.history) == 0
    qtbot.wait(300)  # whatever the old run still sends arrives now, and must change nothing
    assert s.epoch == 0 and panel.done == 0 and panel.notes.text() == ""
    s.set_speed(None)
    window.train_panel.train_button.click()
    return s, panel


def _until(qtbot, panel, done: int) -> None:  # noqa: ANN001
    qtbot.waitUntil(lambda: panel.done >= done or bool(panel.hint), timeout=LIMIT)
    assert panel.done == done, panel.hint


def _curve_starts_fresh(window, qtbot) -> None:  # noqa: ANN001
    curve = window.loss_plot.curves["train_loss"]
    qtbot.waitUntil(lambda: curve.getData()[0] is not None, timeout=LIMIT)  # drawn a moment later
    x, _ = curve.getData()
    assert x[0] == 1 and np.all(np.diff(x) > 0)  # no point of the run before


@pytest.fixture
def window(make_window):
    w = make_window()
    yield w
    w.session.stop()


def test_lesson_2_bias_opened_mid_run(window, qtbot):
    s, panel = _open_mid_run(window, qtbot, 1)
    _until(qtbot, panel, 1)
    assert "stays above 0.06" in panel.notes.text() and s.history.latest("train_loss") > 0.06
    _curve_starts_fresh(window, qtbot)
    for box in [row.bias for row in window.layer_editor.rows] + [window.layer_editor.output_bias]:
        box.setChecked(True)
    _until(qtbot, panel, 2)
    assert s.history.latest("train_loss") < 0.01


def test_lesson_3_activations_opened_mid_run(window, qtbot):
    s, panel = _open_mid_run(window, qtbot, 2)
    _until(qtbot, panel, 1)
    _choose(window.layer_editor.rows[0].activation, "relu")
    qtbot.waitUntil(lambda: panel.done == 2 or bool(panel.hint), timeout=LIMIT)
    if panel.hint:  # stuck: what the hint says to do
        assert "Reset" in panel.hint
        window.train_panel.reset_button.click()
        window.train_panel.train_button.click()
        _until(qtbot, panel, 2)
    assert s.history.latest("train_accuracy") >= 0.9 and s.history.latest("test_accuracy") >= 0.9
    for row in window.layer_editor.rows:
        _choose(row.activation, "linear")
    _until(qtbot, panel, 3)
    assert s.history.latest("train_accuracy") < 0.9  # one straight line cannot draw a circle


def test_lesson_4_learning_rate_opened_mid_run(window, qtbot):
    s, panel = _open_mid_run(window, qtbot, 3)
    _until(qtbot, panel, 1)
    bar = window.train_panel
    for rate, done in (("0.03", 2), ("10", 3)):
        bar.lr_combo.setEditText(rate)
        bar.lr_combo.lineEdit().editingFinished.emit()
        if s.state == "idle":  # a blow-up ends the run: Train again, as the lesson says
            bar.train_button.click()
        _until(qtbot, panel, done)


def test_lesson_5_overfitting_opened_mid_run(window, qtbot):
    s, panel = _open_mid_run(window, qtbot, 4)
    _until(qtbot, panel, 1)
    assert s.history.latest("test_loss") > 2 * s.history.latest("train_loss")
    _curve_starts_fresh(window, qtbot)
    _choose(window.train_panel.reg_combo, "l2")  # at the rate picking it starts with
    peak = np.nanmax(s.history.array("test_loss"))
    qtbot.waitUntil(lambda: panel.done == 2 or bool(panel.hint), timeout=LIMIT)
    if panel.hint:  # this run needs more: what the hint says
        assert "Rate" in panel.hint
        _choose(window.train_panel.reg_rate_combo, 0.03)
        _until(qtbot, panel, 2)
    # what the tick says: the test loss came below two thirds of its peak (read from the
    # history, since the latest epoch, arriving after the tick, may lie a little above)
    assert np.nanmin(s.history.array("test_loss")) < peak * 2 / 3
    _lesson_5_dropout_then_early_stop(window, qtbot, s, panel, max(peak, panel.peak))


def _lesson_5_dropout_then_early_stop(window, qtbot, s, panel, peak: float) -> None:  # noqa: ANN001
    """The cures the lesson goes on to: dropout at rate 0.01, then early stopping, each from
    fresh weights, each ticked only when the test loss it speaks of is under two thirds of the
    lesson's peak."""
    bar = window.train_panel
    s.pause()
    _choose(bar.reg_combo, "none")
    bar.lr_combo.setEditText("0.01")
    bar.lr_combo.lineEdit().editingFinished.emit()
    for row in window.layer_editor.rows:
        _choose(row.dropout, 0.5)
    assert s.config.lr == 0.01 and s.config.l2 == 0 and s.net.dropping
    s.stop()
    window.train_panel.reset_button.click()
    s.set_speed(None)
    bar.train_button.click()
    _until(qtbot, panel, 3)
    assert s.epoch >= 300 and s.history.latest("test_loss") < peak * 2 / 3
    s.pause()
    for row in window.layer_editor.rows:
        _choose(row.dropout, 0.0)
    _choose(bar.schedule.early_combo, 50)
    s.stop()
    bar.reset_button.click()
    s.set_speed(None)
    bar.train_button.click()
    _until(qtbot, panel, 4)
    assert s.state == "idle" and s.kept_epoch is not None and s.epoch == s.kept_epoch + 50
    assert s.history.at(s.kept_epoch)["test_loss"] < peak * 2 / 3


def test_lesson_1_counts_only_its_own_run(window, qtbot):
    """Opened after lesson 6's MNIST tab trained nothing: Train, stuck, + Add layer, solved."""
    panel = window.lessons.panel
    window.lessons.start(0)
    s = window.session
    assert panel.done == 0 and s.epoch == 0
    s.set_speed(None)
    window.train_panel.train_button.click()
    _until(qtbot, panel, 1)
    window.layer_editor.add_button.click()
    # right after the edit the no-hidden network's 50-75% is no news about the new one
    assert panel.done == 1
    _until(qtbot, panel, 2)


@pytest.mark.slow
def test_lesson_6_mnist_opened_mid_run(window, qtbot):
    panel = window.lessons.panel
    window.lessons.start(4)
    window.session.set_speed(None)
    window.session.start()
    qtbot.waitUntil(lambda: window.session.epoch >= 50, timeout=LIMIT)
    panel.next_button.click()
    m = window.mnist_session
    assert panel.index == 5 and window.current_session() is m and panel.done == 0
    qtbot.waitUntil(lambda: window.session.state == "paused", timeout=LIMIT)
    m.train_limit = 10_000
    window.mnist_panel.train_panel.train_button.click()
    _until(qtbot, panel, 1)
    assert m.history.latest("test_accuracy") >= 0.9


def test_every_lesson_has_been_walked():
    walked = {"xor-hidden", "bias", "activations", "learning-rate", "overfitting", "mnist"}
    assert {lesson.key for lesson in LESSONS} == walked
