"""The loss landscape: its centre is the training loss of the weights now, every grid point is
the loss of the weights it stands for, the path ends at the centre, PCA directions are
orthonormal and random ones are filter-normalised."""

from __future__ import annotations

import numpy as np
import pytest

from playground.nn import LayerSpec, Network, TrainConfig, train_steps
from playground.nn.landscape import directions, flat, landscape, line_slice, unflat
from playground.nn.metrics import evaluate


@pytest.fixture(scope="module")
def run():
    rng = np.random.default_rng(0)
    x = (3 * rng.normal(size=(200, 2))).astype(np.float32)
    net = Network(2, [LayerSpec(8, "tanh"), LayerSpec(8, "relu"), LayerSpec(1, "sigmoid")],
                  "bce")
    y = net.encode_targets((x[:, 0] * x[:, 1] > 0).astype(int))
    path = [flat(net.params)]
    for snap in train_steps(net, x, y, TrainConfig(lr=0.1, epochs=25, batch_size=10)):
        if snap.epoch_end:
            path.append(flat(net.params))
    return net, x, y, np.array(path)


@pytest.mark.parametrize("kind", ["pca", "random", "line"])
def test_the_centre_is_the_loss_now_and_a_point_is_its_weights_loss(run, kind):
    net, x, y, path = run
    land = landscape(net, x, y, path, kind, grid=9)
    assert land.center_loss == pytest.approx(evaluate(net, x, y)[0], rel=1e-6)
    assert np.allclose(land.path[-1], 0.0, atol=1e-9)  # the weights now are the centre
    d1, d2, _ = directions(kind, net, path)
    for i, j in ((0, 0), (2, 7), (8, 4)):
        theta = flat(net.params) + land.alpha[j] * d1 + land.beta[i] * d2
        other = Network(2, list(net.layers), "bce", dtype="float64")
        other.set_params(unflat(theta, net))
        assert land.loss[i, j] == pytest.approx(evaluate(other, x.astype(np.float64), y)[0],
                                                rel=1e-6)


def test_principal_directions_are_orthonormal_and_hold_the_path(run):
    net, x, y, path = run
    d1, d2, explained = directions("pca", net, path)
    assert np.allclose([d1 @ d1, d2 @ d2, d1 @ d2], [1.0, 1.0, 0.0], atol=1e-12)
    assert 0.5 < explained <= 1.0
    land = landscape(net, x, y, path, "pca", grid=5)
    assert np.abs(land.path).max() * 1.25 == pytest.approx(land.alpha[-1])  # the grid holds it


def test_random_directions_are_filter_normalised_and_the_line_starts_at_one(run):
    net, x, y, path = run
    d1, _, _ = directions("random", net, path)
    for p, d in zip(net.params, unflat(d1, net), strict=True):
        assert np.allclose(np.linalg.norm(d["W"], axis=0), np.linalg.norm(p["W"], axis=0))
        assert not d.get("b", np.zeros(1)).any()
    line = landscape(net, x, y, path, "line", grid=5)
    assert np.allclose(line.path[0], [1.0, 0.0], atol=1e-9)


def test_what_cannot_be_drawn_says_why(run):
    net, x, y, path = run
    with pytest.raises(ValueError, match="at least 3 epochs"):
        directions("pca", net, path[-2:])
    with pytest.raises(ValueError, match="unknown directions"):
        directions("hessian", net, path)
    with pytest.raises(ValueError, match="grid"):
        landscape(net, x, y, path, "random", grid=2)


def test_the_slice_runs_from_the_start_to_now_and_a_little_beyond(run):
    net, x, y, path = run
    t, loss = line_slice(net, x, y, path[0], points=13)
    assert t[0] == pytest.approx(-0.25) and t[-1] == pytest.approx(1.25)
    now = int(np.flatnonzero(np.isclose(t, 1.0))[0])
    assert loss[now] == pytest.approx(evaluate(net, x, y)[0], rel=1e-6)
    start = Network(2, list(net.layers), "bce", dtype="float64")
    start.set_params(unflat(path[0].copy(), net))
    assert loss[int(np.flatnonzero(np.isclose(t, 0.0))[0])] == pytest.approx(
        evaluate(start, x.astype(np.float64), y)[0], rel=1e-6)
