"""Edits keep what fits: weights of unchanged layers, a new bias at 0, optimizer state carried."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from playground.nn import LayerSpec, Network, TrainConfig, train_steps
from playground.nn.edit import carry_weights
from playground.nn.optim import make_optimizer
from playground.nn.train import OptimizerState
from tests.conftest import XOR_LABELS, XOR_X

DEFAULT_HIDDEN = (LayerSpec(4, "tanh"), LayerSpec(3, "tanh"))


def _net(hidden=DEFAULT_HIDDEN, seed=1) -> Network:  # noqa: ANN001
    return Network(2, [*hidden, LayerSpec(1, "sigmoid")], "bce", seed=seed)


def _trained() -> Network:
    net = _net()
    for _ in train_steps(net, XOR_X, net.encode_targets(XOR_LABELS),
                         TrainConfig("adam", 0.05, 4, 30, 0)):
        pass
    return net


def test_bias_off_keeps_every_weight_and_drops_the_bias():
    old = _trained()
    new = _net((LayerSpec(4, "tanh", False), LayerSpec(3, "tanh")), seed=9)
    carried = carry_weights(old, new)
    assert carried.reinitialised == ()
    assert "b" not in new.params[0]
    for a, b in zip(old.params, new.params, strict=True):
        assert np.array_equal(a["W"], b["W"])
    assert carried.slots == (0, 2, 3, 4, 5)  # W0 continues W0, b0 is gone, the rest follow


def test_a_bias_switched_on_starts_at_zero():
    old = _net((LayerSpec(4, "tanh", False), LayerSpec(3, "tanh")))
    new = _net(seed=5)
    new.params[0]["b"][...] = 7.0
    carried = carry_weights(old, new)
    assert np.array_equal(new.params[0]["b"], np.zeros(4)) and carried.slots[1] is None


def test_an_activation_swap_keeps_the_weights():
    old = _trained()
    new = _net((LayerSpec(4, "relu"), LayerSpec(3, "tanh")), seed=9)
    carry_weights(old, new)
    assert all(np.array_equal(a[k], b[k]) for a, b in zip(old.params, new.params, strict=True)
               for k in a)


def test_more_units_start_the_changed_layers_afresh_and_keep_the_rest():
    old = _trained()
    new = _net((LayerSpec(6, "tanh"), LayerSpec(3, "tanh")), seed=9)
    fresh = new.copy_params()
    carried = carry_weights(old, new)
    assert carried.reinitialised == (0, 1)  # layer 1 is wider, layer 2 takes 6 inputs now
    assert np.array_equal(new.params[0]["W"], fresh[0]["W"])
    assert np.array_equal(new.params[2]["W"], old.params[2]["W"])  # the output still fits


@pytest.mark.parametrize("name", ["sgd", "momentum", "adam"])
def test_the_optimizer_state_follows_the_arrays_that_stay(name):
    old = _trained()
    opt = make_optimizer(name, 0.01)
    keep = OptimizerState(opt)
    for _ in train_steps(old, XOR_X, old.encode_targets(XOR_LABELS),
                         TrainConfig(name, 0.01, 4, 2, 0), keep=keep):
        pass
    before = [a.copy() for a in getattr(opt, "_v", None) or []]
    new = _net((LayerSpec(4, "tanh", False), LayerSpec(3, "tanh")))
    carried = carry_weights(old, new)
    opt.remap(carried.slots, new.flat_params())
    after = getattr(opt, "_v", None)
    if before:
        assert len(after) == len(new.flat_params())
        assert np.array_equal(after[0], before[0]) and np.array_equal(after[1], before[2])
    cfg = replace(TrainConfig(name, 0.01, 4, 1, 0))
    losses = [s.batch_loss for s in train_steps(new, XOR_X, new.encode_targets(XOR_LABELS),
                                                cfg, keep=keep)]
    assert all(np.isfinite(losses)) and keep.optimizer is opt
