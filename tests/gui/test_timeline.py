"""The timeline: every epoch of a run shown again exactly, edits included, and a run that goes on
from an epoch equal to a fresh run restored to that epoch's weights and optimizer state."""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from playground.nn import LayerSpec, train_steps
from playground.nn.train import OptimizerState


def _copy(params) -> list[dict]:
    return [{k: np.array(v) for k, v in p.items()} for p in params]


def _same(a, b) -> bool:
    return len(a) == len(b) and all(
        set(x) == set(y) and all(np.array_equal(x[k], y[k]) and x[k].dtype == y[k].dtype
                                 for k in x) for x, y in zip(a, b, strict=True))


def _step(s, qtbot, seen: dict) -> None:
    """One epoch (Step); the weights it ended with, as the run had them, noted by epoch."""
    before = s.epoch
    s.step_epoch()
    qtbot.waitUntil(lambda: s.epoch == before + 1 and s.state == "paused", timeout=10000)
    assert s.frame.snapshot.epoch_end
    seen[s.epoch] = (_copy(s.frame.params), len(s.arch.hidden))


def test_every_epoch_is_shown_as_the_run_had_it_before_between_and_after_two_edits(
        make_window, qtbot):
    window = make_window()
    s = window.session
    s.set_config(optimizer="adam")
    seen = {0: (_copy(s.net.params), len(s.arch.hidden))}
    for _ in range(3):
        _step(s, qtbot, seen)
    s.edits.set_architecture(replace(s.arch, hidden=(
        LayerSpec(4, "tanh", False), *s.arch.hidden[1:])))  # bias off in the first layer
    for _ in range(3):
        _step(s, qtbot, seen)
    s.edits.set_architecture(replace(s.arch, hidden=(*s.arch.hidden, LayerSpec(3, "relu"))))
    for _ in range(3):
        _step(s, qtbot, seen)
    assert sorted(seen) == list(range(10))
    for epoch in (1, 0, 4, 8, 2, 9, 6, 3):  # back and forth over both edits
        assert s.timeline.show(epoch) and s.timeline.at == epoch
        params, hidden = seen[epoch]
        assert _same(list(s.display_params()), params), epoch
        assert len(s.arch.hidden) == hidden and _same(list(s.shown_network().params), params)
    s.timeline.live()
    assert _same(list(s.display_params()), seen[9][0]) and len(s.arch.hidden) == 3
    s.stop()


def test_going_on_from_an_epoch_equals_a_fresh_run_restored_to_it(make_window, qtbot):
    window = make_window()
    s = window.session
    s.set_config(optimizer="adam")
    s.set_speed(None)
    s.start()
    qtbot.waitUntil(lambda: s.epoch >= 30, timeout=20000)
    s.stop()
    fork, k = 12, 6
    state = s.timeline.states.state(fork)
    assert state is not None
    s.timeline.show(fork)
    s.timeline.go_on(start=False)
    assert s.epoch == fork and len(s.timeline.lines.branches) == 1
    assert _same(list(s.net.params), state.params())
    job = s.training_job(False)
    s.start()
    qtbot.waitUntil(lambda: s.epoch >= fork + k, timeout=20000)
    s.stop()
    got = s.timeline.states.state(fork + k).params()
    net, cfg = state.network(), replace(job.config, epochs=k)
    keep = OptimizerState(state.optimizer_state(cfg.lr, cfg.momentum))
    for _ in train_steps(net, job.x, job.y, cfg, job.x_test, job.y_test, keep=keep,
                         norms=False):
        pass
    for a, b in zip(got, net.params, strict=True):
        for key in b:
            np.testing.assert_allclose(a[key].astype(np.float64), b[key].astype(np.float64),
                                       rtol=0, atol=1e-9)
    # Ctrl+Z: back to the run that was left, at its last epoch
    assert s.timeline.undo() and s.epoch >= 30 and s.timeline.number == 1


def test_a_saved_file_reopens_with_its_curves_marks_and_timeline(make_window, qtbot, tmp_path):
    window = make_window()
    s = window.session
    s.set_config(optimizer="momentum")
    seen: dict = {}
    for _ in range(4):
        _step(s, qtbot, seen)
    s.edits.set_architecture(replace(s.arch, hidden=(*s.arch.hidden, LayerSpec(3, "relu"))))
    for _ in range(3):
        _step(s, qtbot, seen)
    s.stop()
    path = tmp_path / "run.npz"
    assert s.files.save(path, keep_states=True)
    curves, marks = s.history.columns(), list(s.marks)
    kept = s.timeline.epochs().copy()

    other = make_window()
    o = other.session
    assert other.files.open_model(str(path))
    np.testing.assert_array_equal(o.history.columns(), curves)
    assert o.marks == marks and o.epoch == 7 and len(marks) == 1
    np.testing.assert_array_equal(o.timeline.epochs(), kept)
    for epoch in (2, 6):
        assert o.timeline.show(epoch)
        assert _same(list(o.display_params()), seen[epoch][0])
    o.timeline.live()
    assert o.timeline.resume is not None and o.timeline.resume.epoch == 7  # goes on exactly
    _step(o, qtbot, {})
    assert o.epoch == 8 and o.history.last_epoch == 8


def test_an_edit_while_looking_back_goes_on_from_the_epoch_shown(make_window, qtbot):
    window = make_window()
    s = window.session
    seen: dict = {}
    for _ in range(5):
        _step(s, qtbot, seen)
    s.timeline.show(2)
    s.edits.set_architecture(replace(s.arch, hidden=s.arch.hidden[:1]))  # a layer removed
    assert not s.timeline.replaying and s.epoch == 2 and not s.training
    assert len(s.timeline.lines.branches) == 1 and s.marks[-1][0] == 2
    assert _same(list(s.net.params[:1]), seen[2][0][:1])  # the first layer kept from epoch 2
    _step(s, qtbot, {})
    assert s.epoch == 3
    assert s.timeline.undo() and s.epoch == 5 and len(s.arch.hidden) == 2
    assert _same(list(s.net.params), seen[5][0])


def test_a_long_run_keeps_its_newest_epochs_whole_and_the_bar_says_so(make_window, qtbot):
    from PySide6.QtCore import Qt

    window = make_window()
    s = window.session
    s.timeline.states.budget = 60 * 116  # 60 rows of XOR's 25 numbers (+ epoch and steps)
    s.set_speed(None)
    s.start()
    qtbot.waitUntil(lambda: s.epoch >= 400, timeout=20000)
    s.stop()
    states = s.timeline.states
    assert states.nbytes <= states.budget and states.thinning() is not None
    kept = states.epochs()
    assert kept[0] == 0 and kept[-1] == s.epoch and np.all(np.diff(kept[-states.recent:]) == 1)
    bar = window.timeline_bar
    assert "all from" in bar.label.text()
    gap = int(np.flatnonzero(np.diff(kept) > 1)[0])  # a thinned epoch goes to a kept one
    assert s.timeline.show(int(kept[gap]) + 1) and s.timeline.at in kept
    assert _same(list(s.display_params()), states.state(s.timeline.at).params())
    bar.slider.setFocus()
    here = s.timeline.at
    qtbot.keyClick(bar.slider, Qt.Key.Key_Right)  # the next kept epoch
    assert s.timeline.at == kept[np.searchsorted(kept, here) + 1]
    qtbot.keyClick(bar.slider, Qt.Key.Key_End)
    assert s.timeline.at == kept[-1] and "(replay)" in bar.label.text()
    bar.live_button.click()
    assert not s.timeline.replaying


def test_play_goes_through_the_run_and_stops_at_its_end(make_window, qtbot):
    window = make_window()
    s = window.session
    seen: dict = {}
    for _ in range(6):
        _step(s, qtbot, seen)
    bar = window.timeline_bar
    bar.speed_combo.setCurrentIndex(0)  # 10 epochs a second
    shown: list[int] = []
    s.sig_replay.connect(lambda: shown.append(s.timeline.at))
    bar.play_button.click()
    qtbot.waitUntil(lambda: not bar.play_button.isChecked(), timeout=5000)
    played = [e for e in shown if e is not None]
    assert played[0] == 0 and played[-1] == 6 and played == sorted(played)
    assert s.state == "paused" and s.timeline.at == 6


def test_an_epoch_of_other_inputs_is_not_shown_on_todays(make_window, qtbot):
    window = make_window()
    s = window.session
    for _ in range(3):
        _step(s, qtbot, {})
    s.stop()
    s.set_data_spec(replace(s.data_spec, features=("x1", "x2", "x1^2")))  # while stopped
    assert s.net.input_dim == 3
    assert not s.timeline.show(1) and not s.timeline.replaying
    _step(s, qtbot, {})  # the next run starts the timeline afresh: the old inputs' are gone
    assert s.timeline.show(s.epoch) and s.timeline.epochs()[0] == 3


def test_the_monitor_speaks_of_the_epoch_shown(make_window, qtbot):
    window = make_window()
    s = window.session
    s.set_speed(None)
    s.start()
    qtbot.waitUntil(lambda: s.epoch >= 300, timeout=20000)
    s.stop()
    window.diagnostics_dock.show()
    panel = window.diagnostics
    s.timeline.show(6)
    panel.refresh()
    from playground.gui.i18n import say
    from playground.nn.health import loss_trend

    early = s.history.array("train_loss")[s.history.array("epoch") <= 6]
    trend = say(loss_trend(early))
    assert panel.trend.text() == trend[:1].upper() + trend[1:]
    assert window.status_line.labels["epoch"].text() == f"Epoch 6 of {s.epoch:,} (replay)"
    assert window.status_line.labels["loss"].text().startswith(
        f"Loss {s.history.at(6)['train_loss']:.3g}")
