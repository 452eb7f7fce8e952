"""The window's side of a training process, without a window: one process serves every run,
its events arrive in the GUI thread, and a process that dies or hangs is dealt with."""

from __future__ import annotations

import psutil
import pytest

from playground.data import make_toy
from playground.gui.process_link import TrainingRun
from playground.nn import LayerSpec, Network, TrainConfig
from playground.run.job import TrainJob

pytestmark = pytest.mark.both_ways  # as on Windows too: spawn, no fork, no resource


@pytest.fixture
def run(qtbot):
    r = TrainingRun()
    yield r
    r.shutdown()
    assert not r.alive


def _job(epochs: int = 10**9, single: bool = False) -> TrainJob:
    net = Network(2, [LayerSpec(4, "tanh"), LayerSpec(1, "sigmoid")], "bce", seed=0)
    data = make_toy("xor", 100, seed=0)
    y = net.encode_targets(data.y)
    return TrainJob.for_network(net, data.x, y, data.x, y, TrainConfig("adam", 0.03, 10, epochs),
                                single)


def test_one_process_serves_every_run(run, qtbot):
    with qtbot.waitSignal(run.sig_frame, timeout=10_000) as frame:
        assert run.begin(_job())
    assert frame.args[0].params
    pid = run._process.pid
    run.stop()  # no wait: the weights on display are the run's
    assert not run.running and run.final_params is None
    with qtbot.waitSignal(run.sig_finished, timeout=10_000) as finished:
        assert run.begin(_job(epochs=3))
    assert finished.args == ["", True]  # reached its last epoch
    assert run._process.pid == pid and run.alive


def test_a_single_epoch_pauses(run, qtbot):
    with qtbot.waitSignal(run.sig_paused, timeout=10_000):
        run.begin(_job(single=True))
    assert run.running
    run.stop()


def test_a_process_that_dies_is_reported_and_the_run_ends(run, qtbot):
    with qtbot.waitSignal(run.sig_frame, timeout=10_000):
        run.begin(_job())
    with qtbot.waitSignal(run.sig_error, timeout=10_000) as error:
        psutil.Process(run._process.pid).kill()
    assert "ended unexpectedly" in error.args[0]
    assert not run.running and not run.alive


def test_a_process_that_falls_silent_is_ended_after_its_deadline(run, qtbot, monkeypatch):
    import playground.gui.process_link as run_module

    monkeypatch.setattr(run_module, "SILENT_SECONDS", 0.5)
    with qtbot.waitSignal(run.sig_frame, timeout=10_000):
        run.begin(_job())
    psutil.Process(run._process.pid).suspend()  # alive, but deaf
    with qtbot.waitSignal(run.sig_error, timeout=10_000) as error:
        pass
    assert "did not answer" in error.args[0] and not run.alive and not run.running
