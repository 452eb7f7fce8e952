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
