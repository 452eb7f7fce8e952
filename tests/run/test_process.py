"""The training process driven over a socket pair, no Qt: start, pause, step, edit, stop, crash."""

from __future__ import annotations

import time

import numpy as np
import pytest

from playground.data import make_toy
from playground.nn import LayerSpec, Network
from playground.nn.edit import carry_weights
from playground.nn.metrics import evaluate
from playground.run import messages as m
from tests.run.reading import serving, until

pytestmark = pytest.mark.both_ways  # as on Windows too: spawn, no fork, no resource


def _net(bias: bool = True, act: str = "tanh") -> Network:
    return Network(2, [LayerSpec(4, act, bias), LayerSpec(1, "sigmoid", bias)], "bce", seed=0)


def _network_message(net: Network, **kw) -> m.SetNetwork:
    return m.SetNetwork.of(net, **kw)


def _setup(conn, net: Network | None = None, epochs: int = 10**9) -> Network:
    net = net or _net()
    data = make_toy("xor", 100, seed=0)
    conn.send(_network_message(net, restart=True))
    conn.send(m.SetData(data.x, net.encode_targets(data.y), data.x, net.encode_targets(data.y)))
    conn.send(m.Configure({"optimizer": "adam", "lr": 0.03, "batch_size": 10, "epochs": epochs}))
    return net




def _last_epoch(frames: list) -> int:
    return max((s.epoch for f in frames if isinstance(f, m.Frame) for s in f.epochs), default=0)


def test_start_pause_step_and_stop(proc):
    _setup(proc)
    proc.send(m.Start(1))
    frame, _ = until(proc, m.Frame)
    assert frame.params and all(s.params is None for s in frame.epochs)  # weights once a frame
    proc.send(m.Pause(1))
    _, before = until(proc, m.Paused)
    paused_at = _last_epoch(before + [frame])
    proc.send(m.Step(1))
    _, frames = until(proc, m.Paused)
    assert _last_epoch(frames) == paused_at + 1
    proc.send(m.Stop(1))
    done, _ = until(proc, m.Done)
    assert done.reason == "" and not done.finished and done.params[0]["W"].shape == (2, 4)


def test_a_run_of_n_epochs_finishes_by_itself(proc):
    _setup(proc, epochs=3)
    proc.send(m.Start(1))
    done, frames = until(proc, m.Done)
    assert done.finished and _last_epoch(frames) == 3


def test_early_stopping_ends_the_run_with_the_best_epochs_weights_and_says_so(proc):
    net = Network(2, [LayerSpec(8, "tanh")] * 3 + [LayerSpec(1, "sigmoid")], "bce", seed=1)
    data = make_toy("spiral", 30, seed=2)
    x, y = data.x[:15], net.encode_targets(data.y[:15])
    proc.send(_network_message(net, restart=True))
    proc.send(m.SetData(x, y, data.x[15:], net.encode_targets(data.y[15:])))
    proc.send(m.Configure({"optimizer": "adam", "lr": 0.01, "batch_size": 15,
                           "epochs": 5000, "early_stop": 30, "schedule": "exp:0.999"}))
    proc.send(m.Start(1))
    done, frames = until(proc, m.Done)
    ends = [s for f in frames if isinstance(f, m.Frame) for s in f.epochs]
    last, best = ends[-1], min(ends, key=lambda s: s.test_loss)
    assert done.finished and done.reason == ""  # not a run that blew up
    assert last.early_stop is not None and last.best_epoch == best.epoch == last.epoch - 30
    assert all(s.lr == pytest.approx(0.01 * 0.999 ** (s.epoch - 1)) for s in ends)
    net.set_params(done.params)  # the weights the run ends with: those of the best epoch
    loss, _ = evaluate(net, data.x[15:], net.encode_targets(data.y[15:]))
    assert loss == pytest.approx(best.test_loss, rel=1e-5)


def test_a_run_stopped_and_another_begun_at_once_sends_none_of_the_old_runs_epochs(proc):
    net = _setup(proc)
    proc.send(m.Start(1))
    until(proc, m.Frame)
    for msg in (m.Pause(1), _network_message(net, carry=True), m.Stop(1),
                _network_message(net, restart=True), m.Start(2)):
        proc.send(msg)  # all in one poll of the running loop, as quick clicks send them
    while True:
        frame, _ = until(proc, m.Frame)
        if frame.run == 2 and frame.epochs:
            break
    assert frame.epochs[0].epoch == 1  # the new run's first epoch, not the old run's next
    proc.send(m.Stop(2))
    until(proc, m.Done)


def test_an_edit_while_running_keeps_the_run_and_the_weights_that_fit(proc):
    old = _setup(proc)
    proc.send(m.Start(1))
    frame, _ = until(proc, m.Frame)
    old.set_params(list(frame.params))
    new = _net(bias=False)  # every bias off, as a click on each bias box
    carried = carry_weights(old, new)
    assert carried.reinitialised == ()
    proc.send(_network_message(new, carry=True))
    later: list = []
    for _ in range(20):  # frames sent before the process read the edit still show the old net
        frame, before = until(proc, m.Frame)  # (the window drops those: gui.training._fits)
        later += before + [frame]
        if all("b" not in layer for layer in frame.params):
            break
    assert all("b" not in layer for layer in frame.params)  # the process trains the new net
    epochs = [s.epoch for f in later if isinstance(f, m.Frame) for s in f.epochs]
    assert epochs == sorted(epochs)  # the epoch counter goes on
    probe = _net(bias=False)
    probe.set_params(list(frame.params))
    assert probe.forward(np.zeros((1, 2)))[0, 0] == pytest.approx(0.5)  # no bias: σ(0)
    proc.send(m.Stop(1))
    done, _ = until(proc, m.Done)
    assert "b" not in done.params[0]


def test_data_that_do_not_fit_the_network_are_refused_and_the_process_keeps_serving(proc):
    net = _setup(proc)
    proc.send(m.SetData(np.zeros((5, 3)), np.zeros((5, 1))))  # 3 inputs for a 2-input net
    proc.send(m.Start(1))
    failed, _ = until(proc, m.Failed)
    assert failed.text.startswith("The network takes 2 inputs but the data have 3")
    done, _ = until(proc, m.Done)
    assert done.run == 1
    _setup(proc, net)
    proc.send(m.Start(2))
    until(proc, m.Frame)
    proc.send(m.Stop(2))
    until(proc, m.Done)


def test_a_failure_inside_is_reported_and_the_process_keeps_serving(proc):
    net = _setup(proc, _net(act="relu"))
    proc.send(m.Configure({"optimizer": "momentum", "momentum": "fast"}))  # fails in a step
    proc.send(m.Start(1))
    failed, _ = until(proc, m.Failed)
    assert failed.text.startswith("Training failed: ValueError")
    until(proc, m.Done)
    _setup(proc, net)
    proc.send(m.Configure({"momentum": 0.9}))
    proc.send(m.Start(2))
    until(proc, m.Frame)
    proc.send(m.Stop(2))
    until(proc, m.Done)


def test_the_process_ends_when_the_window_is_gone():
    with serving() as (ours, thread):
        _setup(ours)
        ours.send(m.Start(1))
        until(ours, m.Frame)
        ours.close()
        thread.join(10)
        assert not thread.is_alive()


def test_a_speed_limit_spaces_the_epochs(proc):
    _setup(proc)
    proc.send(m.SetSpeed(40.0))
    start = time.perf_counter()
    proc.send(m.Start(1))
    seen: list = []
    while _last_epoch(seen) < 6:
        seen += [until(proc, m.Frame)[0]]
    elapsed = time.perf_counter() - start
    proc.send(m.Stop(1))
    until(proc, m.Done)
    assert elapsed >= 5 / 40.0  # a lower bound only: six epoch ends at least 1/40 s apart


def test_a_frame_carries_the_gradient_norms_the_steps_leave_out(proc):
    _setup(proc, epochs=2)
    proc.send(m.Start(1))
    frame, _ = until(proc, m.Frame, 20)
    norms = frame.snapshot.grad_norms
    assert len(norms) == 2 and all(np.isfinite(norms)) and max(norms) > 0
    until(proc, m.Done, 30)
