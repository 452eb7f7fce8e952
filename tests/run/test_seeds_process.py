"""Many seeds in the training process: copies of its network, frames with their outputs, Stop."""

from __future__ import annotations

import numpy as np

from playground.data import make_toy
from playground.nn import Network, TrainConfig, train_steps
from playground.run import messages as m
from tests.run.reading import serving, until
from tests.run.test_process import _setup

GRID = np.random.default_rng(0).uniform(-6, 6, size=(50, 2))


def test_seeds_train_as_each_copy_alone_with_frames_on_the_way(proc):  # noqa: F811
    net = _setup(proc, epochs=5)
    proc.send(m.TrainSeeds((3, 4, 5), (0.03, 0.03, 0.1), 5, GRID))
    done, seen = until(proc, m.SeedsDone, 30)
    assert not done.cancelled and done.last.epoch == 5 and len(done.params) == 3
    assert done.last.outputs.shape == (3, 50, 1) and done.last.test_accuracy.shape == (3,)
    assert all(isinstance(s, m.SeedsFrame) for s in seen)
    data = make_toy("xor", 100, seed=0)
    for params, seed, lr in zip(done.params, (3, 4, 5), (0.03, 0.03, 0.1), strict=True):
        alone = Network(2, list(net.layers), net.loss_name, net.init, seed)
        for _ in train_steps(alone, data.x, alone.encode_targets(data.y),
                             TrainConfig("adam", lr, 10, 5, 0)):
            pass
        for mine, theirs in zip(params, alone.params, strict=True):
            np.testing.assert_allclose(mine["W"], theirs["W"], rtol=1e-4, atol=1e-6)


def test_stop_ends_the_seeds_and_the_process_trains_on_afterwards(proc):  # noqa: F811
    _setup(proc, epochs=3)
    proc.send(m.TrainSeeds(tuple(range(20)), (0.03,) * 20, 10**6))
    until(proc, m.SeedsFrame, 10)
    proc.send(m.Start(1))  # refused while the copies train
    failed, _ = until(proc, m.Failed, 10)
    assert "seeds" in failed.text
    proc.send(m.Stop())
    done, _ = until(proc, m.SeedsDone, 10)
    assert done.cancelled and len(done.params) == 20 and done.last.epoch < 10**6
    proc.send(m.Start(2))
    finished, _ = until(proc, m.Done, 30)
    assert finished.finished


def test_a_seeds_job_that_cannot_start_says_so_and_ends(proc):  # noqa: F811
    _setup(proc)
    proc.send(m.TrainSeeds((), (), 5))
    failed, _ = until(proc, m.Failed, 10)
    done, _ = until(proc, m.SeedsDone, 10)
    assert "1 to 100" in failed.text and done.cancelled and done.params == []


def test_seeds_need_a_network_first():
    with serving() as (ours, _):
        ours.send(m.TrainSeeds((0,), (0.1,), 5))
        failed, _ = until(ours, m.Failed, 10)
        assert "no network" in failed.text


def test_seeds_stop_early_each_on_its_own_and_say_which(proc):  # noqa: F811
    _setup(proc)
    proc.send(m.Configure({"early_stop": 5, "lr": 0.5}))
    proc.send(m.TrainSeeds((0, 1, 2), (0.5, 0.5, 0.5), 10**6))
    done, _ = until(proc, m.SeedsDone, 60)
    assert done.last.early is not None and done.last.early.all()
    assert not done.last.stopped.any()  # none blew up: early stopping ended them
    assert (done.last.best_epoch >= 1).all() and done.last.epoch < 10**6
