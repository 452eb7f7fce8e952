"""Backprop against finite differences in float64, for every combination the network allows."""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from playground.nn import HIDDEN_ACTIVATIONS, LayerSpec, Network, check_gradients

OUTPUT_LOSS = [("sigmoid", "mse"), ("tanh", "mse"), ("linear", "mse"), ("softmax", "mse"),
               ("sigmoid", "bce"), ("softmax", "cross_entropy")]


def _targets(net: Network, rng: np.random.Generator, n: int) -> np.ndarray:
    if net.loss_name == "bce":
        return rng.uniform(0, 1, (n, net.n_outputs))  # soft targets exercise the whole formula
    return net.encode_targets(rng.integers(0, net.n_outputs, n))


@pytest.mark.parametrize(("hidden", "out_loss", "bias"),
                         list(itertools.product(HIDDEN_ACTIVATIONS, OUTPUT_LOSS, [True, False])))
def test_backprop_matches_finite_differences(hidden, out_loss, bias):
    out, loss = out_loss
    rng = np.random.default_rng(7)
    net = Network(3, [LayerSpec(5, hidden, bias), LayerSpec(4, hidden, bias),
                      LayerSpec(3, out, bias)], loss=loss, seed=3, dtype=np.float64)
    x = rng.normal(size=(7, 3))
    result = check_gradients(net, x, _targets(net, rng, 7))
    assert len(result.layers) == 3
    assert result.max_error <= 1e-6, result


def test_a_float32_network_is_checked_in_float64():
    net = Network(2, [LayerSpec(3, "tanh"), LayerSpec(1, "sigmoid")], loss="bce")
    x = np.random.default_rng(0).normal(size=(5, 2))
    assert check_gradients(net, x, net.encode_targets(np.array([0, 1, 1, 0, 1]))).passed


def test_a_wrong_gradient_fails_the_check():
    net = Network(2, [LayerSpec(3, "sigmoid"), LayerSpec(1, "sigmoid")], loss="mse",
                  dtype=np.float64)
    x = np.random.default_rng(0).normal(size=(5, 2))
    y = net.encode_targets(np.array([0, 1, 1, 0, 1]))

    def flipped(n, a, b):
        return [{k: -v for k, v in g.items()} for g in n.loss_and_grads(a, b)[1]]

    result = check_gradients(net, x, y, grads_fn=flipped)
    assert not result.passed
    assert result.max_error > 0.9


def _blown_up(hidden: str, scale: float) -> tuple[Network, np.ndarray, np.ndarray]:
    """An XOR net whose weights grew ``scale``-fold, as a learning rate of 1e6 leaves them."""
    from playground.data import make_toy

    data = make_toy("xor", n=200, noise=0.0, seed=0)
    net = Network(2, [LayerSpec(4, hidden), LayerSpec(4, hidden), LayerSpec(1, "sigmoid")],
                  loss="bce", seed=0)
    for p in net.params:
        p["W"] *= scale
    return net, data.x[:8], net.encode_targets(data.y[:8])


@pytest.mark.parametrize(("hidden", "scale"),
                         [("tanh", 1e5), ("relu", 1e6), ("sigmoid", 1e4), ("tanh", 300.0)])
def test_blown_up_weights_cannot_be_judged_and_backprop_is_not_blamed(hidden, scale):
    net, x, y = _blown_up(hidden, scale)
    result = check_gradients(net, x, y)
    assert not result.failed and not result.passed
    assert not result.conclusive and result.reason in ("vanished", "loss-too-large")


def test_a_huge_loss_whose_rounding_swamps_the_differences_cannot_be_judged():
    net = Network(2, [LayerSpec(1, "linear")], loss="mse", seed=0, dtype=np.float64)
    net.params[0]["W"][...] = 1e9
    x, y = np.ones((4, 2)), np.zeros((4, 1))
    result = check_gradients(net, x, y)  # the loss is 2e18: its spacing is 256
    assert result.reason == "loss-too-large" and not result.failed


def test_samples_on_a_relu_kink_are_left_out_and_a_real_bug_still_fails():
    net = Network(2, [LayerSpec(3, "relu"), LayerSpec(3, "relu"), LayerSpec(1, "linear")],
                  loss="mse", seed=0, dtype=np.float64)
    # the first layer is off for the negative samples, so the second sits at z = 0 (no bias yet)
    x = np.abs(np.random.default_rng(0).normal(size=(6, 2))) * [[1], [1], [1], [-1], [-1], [-1]]
    net.params[0]["W"][...] = 1.0
    net.params[1]["W"][...] = 0.5
    net.params[1]["b"][...] = 0.0
    y = np.ones((6, 1))
    result = check_gradients(net, x, y)  # it failed with a relative error of 0.18
    assert result.passed and result.skipped == 3
    bad = check_gradients(net, x, y, grads_fn=lambda n, a, b: [
        {k: -g for k, g in layer.items()} for layer in n.loss_and_grads(a, b)[1]])
    assert bad.failed  # the samples left are still checked
    on_kinks = check_gradients(net, x[3:], y[3:])
    assert on_kinks.reason == "kink" and not on_kinks.failed


def test_a_healthy_network_is_conclusive():
    rng = np.random.default_rng(1)
    net = Network(2, [LayerSpec(4, "tanh"), LayerSpec(1, "sigmoid")], loss="bce", seed=1)
    result = check_gradients(net, rng.normal(size=(8, 2)), rng.integers(0, 2, (8, 1)) * 1.0)
    assert result.conclusive and result.passed and not result.failed
