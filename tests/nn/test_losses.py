from __future__ import annotations

import numpy as np
import pytest

from playground.nn import LayerSpec, Network
from playground.nn.losses import bce_loss, cross_entropy_loss, get_loss


def test_bce_from_logits_is_finite_where_the_sigmoid_saturates():
    z = np.array([[1e4], [-1e4], [50.0]])
    y = np.array([[0.0], [1.0], [1.0]])
    loss = bce_loss(z, y)
    assert np.isfinite(loss)
    assert loss == pytest.approx((1e4 + 1e4 + np.log1p(np.exp(-50))) / 3)


def test_cross_entropy_matches_the_definition():
    z = np.array([[1.0, 2.0, 3.0], [0.0, 0.0, 0.0]])
    p = np.exp(z) / np.exp(z).sum(axis=1, keepdims=True)
    expected = -(np.log(p[0, 2]) + np.log(p[1, 0])) / 2
    assert cross_entropy_loss(z, np.array([2, 0])) == pytest.approx(expected)


def test_cross_entropy_stays_exact_when_the_true_class_probability_underflows():
    net = Network(1, [LayerSpec(3, "softmax")], loss="cross_entropy", dtype=np.float32)
    net.params[0]["W"][:] = [[1e4, -1e4, 0.0]]
    net.params[0]["b"][:] = 0
    loss, grads = net.loss_and_grads(np.array([[1.0]]), np.array([1]))
    assert loss == pytest.approx(2e4)
    assert np.isfinite(grads[0]["W"]).all()


def test_mse_is_half_the_summed_square_averaged_over_the_batch():
    net = Network(1, [LayerSpec(2, "linear")], loss="mse", dtype=np.float64)
    net.params[0]["W"][:] = [[1.0, 2.0]]
    net.params[0]["b"][:] = 0
    loss, _ = net.loss_and_grads(np.array([[1.0], [2.0]]), np.zeros((2, 2)))
    assert loss == pytest.approx(((1 + 4) / 2 + (4 + 16) / 2) / 2)


@pytest.mark.parametrize(("loss", "act"), [("bce", "softmax"), ("bce", "tanh"),
                                           ("cross_entropy", "sigmoid")])
def test_a_loss_rejects_an_output_it_cannot_pair_with(loss, act):
    with pytest.raises(ValueError, match=f"loss '{loss}' needs a"):
        get_loss(loss, act)
