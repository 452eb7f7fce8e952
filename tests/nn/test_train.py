"""Seeded training runs that must reach real numbers, and the generator's behaviour."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from playground.data import apply_features, make_toy, split
from playground.nn import LayerSpec, Network, TrainConfig, evaluate, train_steps
from tests.conftest import XOR_LABELS, XOR_X


def _run(net, x, y, cfg, **kw):
    snaps = list(train_steps(net, x, y, cfg, **kw))
    return snaps


def test_xor_2_4_1_tanh_learns_on_20_seeds_of_20():
    solved = 0
    for seed in range(20):
        net = Network(2, [LayerSpec(4, "tanh"), LayerSpec(1, "sigmoid")], loss="bce", seed=seed)
        y = net.encode_targets(XOR_LABELS)
        _run(net, XOR_X, y, TrainConfig("adam", 0.05, 4, 500, seed))
        solved += bool((net.predict(XOR_X) == XOR_LABELS).all())
    assert solved == 20


@pytest.mark.parametrize(("name", "layers", "loss"), [
    ("circle", [LayerSpec(8, "tanh"), LayerSpec(1, "sigmoid")], "bce"),
    ("spiral", [LayerSpec(16, "tanh"), LayerSpec(16, "tanh"), LayerSpec(2, "softmax")],
     "cross_entropy"),
])
def test_toy_sets_reach_95_percent_on_held_out_points(name, layers, loss):
    data = make_toy(name, 400, noise=0.0, seed=0)
    x_tr, y_tr, x_te, y_te = split(data.x, data.y, 0.5, seed=0)
    net = Network(2, layers, loss=loss, seed=0)
    _run(net, x_tr, net.encode_targets(y_tr), TrainConfig("adam", 0.01, 16, 300, 0))
    _, test_acc = evaluate(net, x_te, net.encode_targets(y_te))
    assert test_acc >= 0.95


def test_features_let_a_linear_model_solve_circle():
    data = make_toy("circle", 300, seed=1)
    feats = apply_features(data.x, ["x1^2", "x2^2"])
    net = Network(2, [LayerSpec(1, "sigmoid")], loss="bce", seed=0)
    _run(net, feats, net.encode_targets(data.y), TrainConfig("adam", 0.05, 32, 200, 0))
    assert evaluate(net, feats, net.encode_targets(data.y))[1] >= 0.99


SEED_001_X = np.array([[0.0], [1.0]])  # the two-neuron seed: learn x=0 -> 0, x=1 -> 1


def _two_neurons(bias: bool, seed: int) -> np.ndarray:
    net = Network(1, [LayerSpec(1, "sigmoid", bias), LayerSpec(1, "sigmoid", bias)],
                  loss="mse", init="uniform", seed=seed, dtype=np.float64)
    _run(net, SEED_001_X, SEED_001_X, TrainConfig("sgd", 10.0, 2, 10000, seed, shuffle=False))
    return np.abs(net.forward(SEED_001_X) - SEED_001_X).ravel()


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_seed_001_two_neurons_without_bias_cannot_learn_identity(seed):
    assert _two_neurons(bias=False, seed=seed).max() >= 0.25


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_seed_001_two_neurons_with_bias_learn_identity(seed):
    assert _two_neurons(bias=True, seed=seed).max() <= 0.05


def test_snapshots_count_steps_and_close_each_epoch():
    net = Network(2, [LayerSpec(3, "tanh"), LayerSpec(1, "sigmoid")], loss="bce")
    x = np.random.default_rng(0).normal(size=(10, 2))
    y = net.encode_targets(np.arange(10) % 2)
    snaps = _run(net, x, y, TrainConfig("sgd", 0.1, 4, 2, 0), x_test=x, y_test=y)
    steps = [s for s in snaps if not s.epoch_end]
    ends = [s for s in snaps if s.epoch_end]
    assert [s.step for s in steps] == [1, 2, 3, 4, 5, 6]  # 4 + 4 + 2 samples per epoch
    assert [s.epoch for s in ends] == [1, 2]
    assert all(len(s.grad_norms) == 2 for s in snaps)
    assert ends[-1].test_accuracy is not None and ends[-1].params is not None
    with pytest.raises(AttributeError):
        ends[-1].epoch = 3  # snapshots are immutable


def test_snapshot_weights_are_copies_not_live_arrays():
    net = Network(2, [LayerSpec(1, "sigmoid")], loss="bce")
    x, y = XOR_X, net.encode_targets(XOR_LABELS)
    first_end = next(s for s in train_steps(net, x, y, TrainConfig("sgd", 0.5, 4, 5, 0))
                     if s.epoch_end)
    saved = first_end.params[0]["W"].copy()
    _run(net, x, y, TrainConfig("sgd", 0.5, 4, 5, 0))
    assert np.array_equal(first_end.params[0]["W"], saved)


def test_the_learning_rate_is_read_live():
    net = Network(2, [LayerSpec(1, "sigmoid")], loss="bce")
    cfg = TrainConfig("sgd", 0.1, 2, 3, 0)
    lrs = []
    for snap in train_steps(net, XOR_X, net.encode_targets(XOR_LABELS), cfg):
        lrs.append(snap.lr)
        if snap.step == 2:
            cfg.lr = 0.5
    assert lrs[:2] == [0.1, 0.1] and lrs[-1] == 0.5


def test_a_huge_learning_rate_stops_on_the_first_blown_up_loss_with_finite_weights():
    net = Network(2, [LayerSpec(8, "relu"), LayerSpec(1, "linear")], loss="mse", seed=0)
    rng = np.random.default_rng(0)
    x = rng.normal(size=(64, 2))
    y = rng.normal(size=(64, 1))
    snaps = _run(net, x, y, TrainConfig("sgd", 1e6, 64, 1000, 0))
    last = snaps[-1]
    assert last.stop_reason and "restored" in str(last.stop_reason)
    start = max(snaps[0].batch_loss, 0.1)
    assert not np.isfinite(last.batch_loss) or last.batch_loss > 1e3 * start
    assert all(np.isfinite(s.batch_loss) and s.batch_loss <= 1e3 * start for s in snaps[:-1])
    assert all(np.isfinite(v).all() for p in net.params for v in p.values())
    finite_loss, _ = net.loss_and_grads(x, y)
    assert np.isfinite(finite_loss)
    assert len(snaps) < 1000
    # one batch is the whole set: the restored weights are those the last finite loss came from
    assert finite_loss == pytest.approx(snaps[-2].batch_loss, rel=1e-6)


@pytest.mark.parametrize(("hidden", "optimizer"), [("tanh", "sgd"), ("tanh", "adam"),
                                                   ("sigmoid", "momentum"), ("relu", "adam")])
def test_a_run_that_blows_up_while_its_loss_stays_finite_stops_with_sane_weights(hidden,
                                                                                 optimizer):
    # at lr 1e6 these sat at a loss of 1e4-1e6 (bce from huge logits) at chance accuracy
    data = make_toy("xor", 200, seed=0)
    net = Network(2, [LayerSpec(4, hidden), LayerSpec(4, hidden), LayerSpec(1, "sigmoid")],
                  loss="bce", seed=0)
    y = net.encode_targets(data.y)
    snaps = _run(net, data.x, y, TrainConfig(optimizer, 1e6, 32, 200, 0))
    assert snaps[-1].stop_reason and "grew to" in str(snaps[-1].stop_reason)
    restored, _ = evaluate(net, data.x, y)
    assert restored <= 10 * max(snaps[0].batch_loss, 0.1)  # sane, not 5e19
    assert max(float(np.abs(p["W"]).max()) for p in net.params) < 1e7


def test_when_the_step_before_was_blown_up_too_the_last_sane_weights_come_back():
    net = Network(2, [LayerSpec(1, "linear")], loss="mse", seed=0, dtype=np.float64)
    x = np.random.default_rng(0).normal(size=(64, 2))
    y = x[:, :1] * 2 + 1
    cfg = TrainConfig("sgd", 0.1, 64, 500, 0, shuffle=False)  # one step an epoch
    losses = []
    for snap in train_steps(net, x, y, cfg):
        losses.append(snap.batch_loss)
        if snap.epoch_end and snap.epoch == 20:
            cfg.lr = 2.6  # past 2/λ: the loss grows ~2.5x a step, so the steps before blew up too
    assert snap.stop_reason and "grew to" in str(snap.stop_reason)
    limit = 10 * max(losses[0], 0.1)
    assert losses[-3] > limit  # the step before the stop was far from sane
    assert evaluate(net, x, y)[0] <= limit


def test_l2_shrinks_the_weights():
    x, labels = XOR_X, XOR_LABELS
    norms = []
    for l2 in (0.0, 0.1):
        net = Network(2, [LayerSpec(4, "tanh"), LayerSpec(1, "sigmoid")], loss="bce", seed=0)
        _run(net, x, net.encode_targets(labels), TrainConfig("adam", 0.05, 4, 300, 0, l2=l2))
        norms.append(float(np.linalg.norm(net.params[0]["W"])))
    assert norms[1] < 0.7 * norms[0]


@pytest.mark.parametrize("optimizer", ["sgd", "momentum", "adam"])
def test_each_optimizer_lowers_the_loss(optimizer):
    data = make_toy("gauss", 200, seed=0)
    net = Network(2, [LayerSpec(4, "tanh"), LayerSpec(1, "sigmoid")], loss="bce", seed=0)
    y = net.encode_targets(data.y)
    before, _ = evaluate(net, data.x, y)
    _run(net, data.x, y, TrainConfig(optimizer, 0.01, 20, 20, 0))
    after, _ = evaluate(net, data.x, y)
    assert after < 0.5 * before


@pytest.mark.parametrize(("field", "value", "message"), [
    ("lr", 0.0, "learning rate"), ("batch_size", 0, "batch size"),
    ("optimizer", "rmsprop", "unknown optimizer"), ("l2", -1.0, "l2 must be"),
])
def test_bad_config_is_refused_before_training(field, value, message):
    net = Network(2, [LayerSpec(1, "sigmoid")], loss="bce")
    cfg = dataclasses.replace(TrainConfig(), **{field: value})
    with pytest.raises(ValueError, match=message):
        next(train_steps(net, XOR_X, net.encode_targets(XOR_LABELS), cfg))


@pytest.mark.slow
def test_mnist_784_128_10_with_adam_reaches_97_percent_in_5_epochs():
    from playground.data import load_mnist_inputs

    x, y = load_mnist_inputs("train")
    xt, yt = load_mnist_inputs("test")
    net = Network(784, [LayerSpec(128, "relu"), LayerSpec(10, "softmax")],
                  loss="cross_entropy", init="he", seed=0)
    snaps = _run(net, x, y, TrainConfig("adam", 1e-3, 128, 5, 0), x_test=xt, y_test=yt)
    assert snaps[-1].epoch_end and snaps[-1].epoch == 5
    assert snaps[-1].test_accuracy >= 0.97


def test_pixels_scaled_batch_by_batch_train_exactly_as_the_scaled_set():
    from playground.data.mnist import to_inputs

    rng = np.random.default_rng(0)
    images = rng.integers(0, 256, size=(300, 49), dtype=np.uint8)
    labels = rng.integers(0, 3, size=300)
    config = TrainConfig("adam", 0.01, 32, 3, 0)
    nets = [Network(49, [LayerSpec(8, "relu"), LayerSpec(3, "softmax")], "cross_entropy",
                    "he", seed=1) for _ in range(2)]
    for _ in train_steps(nets[0], to_inputs(images), labels, config):
        pass
    for _ in train_steps(nets[1], images, labels, config, pixels=True):
        pass
    for a, b in zip(nets[0].params, nets[1].params, strict=True):
        np.testing.assert_array_equal(a["W"], b["W"])
    with pytest.raises(ValueError, match="uint8"):
        next(train_steps(nets[1], to_inputs(images), labels, config, pixels=True))


def test_without_per_step_norms_the_weights_are_the_same_and_epochs_still_have_them():
    rng = np.random.default_rng(2)
    x = rng.normal(size=(120, 3))
    labels = (x[:, 0] > 0).astype(int)
    config = TrainConfig("momentum", 0.05, 16, 4, 0)
    nets = [Network(3, [LayerSpec(6, "tanh"), LayerSpec(2, "softmax")], "cross_entropy",
                    seed=3) for _ in range(2)]
    a = list(train_steps(nets[0], x, labels, config))
    b = list(train_steps(nets[1], x, labels, config, norms=False))
    for p, q in zip(nets[0].params, nets[1].params, strict=True):
        np.testing.assert_array_equal(p["W"], q["W"])
    assert all(s.grad_norms == () for s in b if not s.epoch_end)
    ends = [s for s in b if s.epoch_end]
    assert len(ends) == 4 and all(len(s.grad_norms) == 2 for s in ends)
    assert [s.batch_loss for s in a] == [s.batch_loss for s in b]


def test_without_per_step_norms_a_blow_up_still_stops_with_finite_weights():
    net = Network(2, [LayerSpec(8, "relu"), LayerSpec(1, "linear")], loss="mse", seed=0)
    rng = np.random.default_rng(0)
    x, y = rng.normal(size=(64, 2)), rng.normal(size=(64, 1))
    last = list(train_steps(net, x, y, TrainConfig("sgd", 1e6, 64, 1000, 0), norms=False))[-1]
    assert last.stop_reason is not None and "restored" in str(last.stop_reason)
    assert all(np.isfinite(p["W"]).all() for p in net.params)
