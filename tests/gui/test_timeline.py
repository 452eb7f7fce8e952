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
