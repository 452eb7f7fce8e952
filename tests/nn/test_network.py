from __future__ import annotations

import numpy as np
import pytest

from playground.nn import LayerSpec, Network


def test_params_follow_the_layer_specs():
    net = Network(2, [LayerSpec(4, "tanh"), LayerSpec(3, "relu", bias=False),
                      LayerSpec(1, "sigmoid")], loss="bce")
    assert [p["W"].shape for p in net.params] == [(2, 4), (4, 3), (3, 1)]
    assert ["b" in p for p in net.params] == [True, False, True]
    assert net.params[0]["b"].shape == (4,)
    assert all(p["W"].dtype == np.float32 for p in net.params)
    assert net.sizes == [2, 4, 3, 1]


def test_forward_and_grads_have_the_documented_shapes(rng):
    net = Network(3, [LayerSpec(5, "relu"), LayerSpec(4, "softmax")], loss="cross_entropy",
                  dtype=np.float64)
    x = rng.normal(size=(6, 3))
    assert net.forward(x).shape == (6, 4)
    assert np.allclose(net.predict_proba(x).sum(axis=1), 1.0)
    loss, grads = net.loss_and_grads(x, np.array([0, 1, 2, 3, 0, 1]))
    assert isinstance(loss, float)
    assert [{k: v.shape for k, v in g.items()} for g in grads] == \
        [{k: v.shape for k, v in p.items()} for p in net.params]


def test_loss_and_grads_never_changes_the_weights(rng):
    net = Network(2, [LayerSpec(3, "tanh"), LayerSpec(1, "sigmoid")], loss="bce")
    before = net.copy_params()
    net.loss_and_grads(rng.normal(size=(4, 2)), np.ones((4, 1)))
    for a, b in zip(before, net.params, strict=True):
        assert all(np.array_equal(a[k], b[k]) for k in a)


def test_the_same_seed_gives_the_same_weights():
    a = Network(2, [LayerSpec(4, "tanh"), LayerSpec(1, "sigmoid")], loss="bce", seed=5)
    b = Network(2, [LayerSpec(4, "tanh"), LayerSpec(1, "sigmoid")], loss="bce", seed=5)
    c = Network(2, [LayerSpec(4, "tanh"), LayerSpec(1, "sigmoid")], loss="bce", seed=6)
    assert np.array_equal(a.params[0]["W"], b.params[0]["W"])
    assert not np.array_equal(a.params[0]["W"], c.params[0]["W"])


@pytest.mark.parametrize(("init", "low", "high"), [("uniform", 0.5, 0.65), ("xavier", 0.05, 0.1),
                                                   ("he", 0.05, 0.12)])
def test_inits_have_their_scale(init, low, high):
    net = Network(300, [LayerSpec(100, "relu"), LayerSpec(10, "softmax")],
                  loss="cross_entropy", init=init)
    std = float(net.params[0]["W"].std())
    assert low < std < high, std  # U(-1,1): 0.577; Glorot: sqrt(2/400)=0.071; He: sqrt(2/300)=0.082


def test_encode_targets_for_each_loss():
    labels = np.array([0, 2, 1])
    ce = Network(2, [LayerSpec(3, "softmax")], loss="cross_entropy")
    assert np.array_equal(ce.encode_targets(labels), labels)
    mse = Network(2, [LayerSpec(3, "sigmoid")], loss="mse")
    assert np.array_equal(mse.encode_targets(labels), np.eye(3)[labels])
    tanh = Network(2, [LayerSpec(1, "tanh")], loss="mse")
    assert tanh.encode_targets(np.array([0, 1])).ravel().tolist() == [-1.0, 1.0]


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"layers": [LayerSpec(2, "softmax"), LayerSpec(1, "sigmoid")]}, "hidden layer 0 cannot use"),
    ({"layers": [LayerSpec(2, "relu")]}, "the output layer cannot use 'relu'"),
    ({"layers": []}, "at least one layer"),
    ({"input_dim": 0}, "input_dim must be at least 1"),
    ({"loss": "hinge"}, "unknown loss 'hinge'"),
    ({"init": "zeros"}, "unknown init 'zeros'"),
])
def test_bad_architectures_say_what_is_wrong(kwargs, message):
    args = {"input_dim": 2, "layers": [LayerSpec(1, "sigmoid")], "loss": "bce"} | kwargs
    with pytest.raises(ValueError, match=message):
        Network(**args)


def test_a_layer_of_zero_units_is_refused():
    with pytest.raises(ValueError, match="at least 1 unit, not 0"):
        LayerSpec(0, "tanh")


def test_wrong_shapes_name_the_shapes(rng):
    net = Network(2, [LayerSpec(3, "tanh"), LayerSpec(1, "sigmoid")], loss="bce")
    with pytest.raises(ValueError, match=r"x must have shape \(n, 2\), got \(4, 3\)"):
        net.forward(rng.normal(size=(4, 3)))
    with pytest.raises(ValueError, match=r"targets of shape \(4, 1\), got \(4,\)"):
        net.loss_and_grads(rng.normal(size=(4, 2)), np.zeros(4))


def test_set_params_refuses_a_mismatch_and_keeps_the_weights():
    net = Network(2, [LayerSpec(3, "tanh"), LayerSpec(1, "sigmoid")], loss="bce")
    before = net.copy_params()
    bad = net.copy_params()
    bad[1]["W"] = np.zeros((2, 1))
    with pytest.raises(ValueError, match=r"layer 1 W: expected shape \(3, 1\)"):
        net.set_params(bad)
    assert np.array_equal(net.params[1]["W"], before[1]["W"])
