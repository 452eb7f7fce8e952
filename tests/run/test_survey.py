"""The loss landscape in the training process: asked between two steps of a run (or with none),
answered with the landscape of the window's network, the points and path kept until new ones."""

from __future__ import annotations

import numpy as np
import pytest

from playground.data import make_toy
from playground.nn import LayerSpec, Network, TrainConfig, train_steps
from playground.nn.landscape import flat
from playground.nn.metrics import evaluate
from playground.run import messages as m
from tests.run.reading import until
from tests.run.test_process import _network_message, _setup

pytestmark = pytest.mark.both_ways


def _trained() -> tuple[Network, np.ndarray, np.ndarray, np.ndarray]:
    data = make_toy("xor", 120, seed=1)
    net = Network(2, [LayerSpec(6, "tanh"), LayerSpec(1, "sigmoid")], "bce", seed=0)
    y = net.encode_targets(data.y)
    path = [flat(net.params)]
    for snap in train_steps(net, data.x, y, TrainConfig(lr=0.1, epochs=8, batch_size=10)):
        if snap.epoch_end:
            path.append(flat(net.params))
    return net, data.x, y, np.array(path, np.float32)


def test_a_survey_is_the_landscape_of_the_network_it_brings(proc):
    net, x, y, path = _trained()
    proc.send(m.Survey(1, _network_message(net), "pca", 9, x, y, path))
    got, _ = until(proc, m.Surveyed)
    assert got.ask == 1 and not got.problem and got.loss.shape == (9, 9) and got.points == 120
    assert got.center_loss == pytest.approx(evaluate(net, x, y)[0], rel=1e-6)
    assert 0 < got.explained <= 1 and got.d1.shape == (flat(net.params).size,)
    now = int(np.flatnonzero(np.isclose(got.line_t, 1.0))[0])
    assert got.line_loss[now] == pytest.approx(got.center_loss, rel=1e-6)
    # the next ask brings neither points nor path: the last ones hold
    proc.send(m.Survey(2, _network_message(net), "random", 5))
    again, _ = until(proc, m.Surveyed)
    assert again.ask == 2 and again.directions == "random" and again.loss.shape == (5, 5)
    assert again.center_loss == pytest.approx(got.center_loss, rel=1e-9)


def test_a_survey_that_cannot_be_drawn_says_why_and_the_process_goes_on(proc):
    net, x, y, path = _trained()
    proc.send(m.Survey(1, _network_message(net), "pca", 9))
    got, _ = until(proc, m.Surveyed)
    assert "never sent" in got.problem and got.loss is None
    proc.send(m.Survey(2, _network_message(net), "pca", 9, x, y, path[:2]))
    got, _ = until(proc, m.Surveyed)
    assert "at least 3 epochs" in got.problem
    other = Network(2, [LayerSpec(3, "tanh"), LayerSpec(1, "sigmoid")], "bce", seed=0)
    proc.send(m.Survey(3, _network_message(other), "pca", 9))
    got, _ = until(proc, m.Surveyed)
    assert "another network" in got.problem


def test_a_survey_is_answered_between_two_steps_of_a_run(proc):
    net = _setup(proc)
    _, x, y, _ = _trained()
    proc.send(m.Start(1))
    until(proc, m.Frame)
    proc.send(m.Survey(7, _network_message(net), "random", 5, x, y,
                       np.zeros((0, flat(net.params).size), np.float32)))
    got, _ = until(proc, m.Surveyed)
    assert got.ask == 7 and not got.problem and got.line_t is None
    frame, _ = until(proc, m.Frame)  # and the run goes on
    proc.send(m.Stop(1))
    until(proc, m.Done)
