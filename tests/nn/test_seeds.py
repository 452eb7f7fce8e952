"""The batched trainer: N networks stepped at once end where each ends trained alone."""

from __future__ import annotations

import numpy as np
import pytest

from playground.nn import LayerSpec, Network, TrainConfig, train_steps
from playground.nn.seeds import SeedStack, train_seeds

XOR_X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=np.float64)
XOR_Y = np.array([0, 1, 1, 0])


def _alone(net: Network, x, y, config: TrainConfig) -> Network:  # noqa: ANN001
    for _ in train_steps(net, x, y, config):
        pass
    return net


def _same(stacked: Network, alone: Network) -> None:
    for mine, theirs in zip(stacked.params, alone.params, strict=True):
        for k in theirs:
            np.testing.assert_allclose(mine[k], theirs[k], rtol=1e-6, atol=1e-9)


def _nets(layers, loss, init, seeds, bugs=(), input_dim=2):  # noqa: ANN001
    return [Network(input_dim, layers, loss, init, s, np.float64, bugs) for s in seeds]


SIGMOID_221 = [LayerSpec(2, "sigmoid"), LayerSpec(1, "sigmoid")]


@pytest.mark.parametrize("bugs", [(), ("sign-flip",), ("derivative-at-output",),
                                  ("naive-sigmoid",), ("no-learning-rate",)])
def test_the_seed_002_net_trains_as_each_seed_alone_with_every_bug(bugs):
    config = TrainConfig("sgd", 0.35, 4, 300, 0, shuffle=False)
    nets = _nets(SIGMOID_221, "mse", "normal", range(6), bugs)
    y = nets[0].encode_targets(XOR_Y)
    stack = SeedStack(nets)
    last = list(train_seeds(stack, XOR_X, y, config))[-1]
    for i, seed in enumerate(range(6)):
        alone = _alone(Network(2, SIGMOID_221, "mse", "normal", seed, np.float64, bugs),
                       XOR_X, y, config)
        if not last.stopped[i]:
            _same(stack.network(i), alone)


@pytest.mark.parametrize(("optimizer", "layers", "loss", "l1", "l2"), [
    ("momentum", [LayerSpec(5, "tanh"), LayerSpec(1, "tanh")], "mse", 0.0, 1e-3),
    ("adam", [LayerSpec(4, "relu", bias=False), LayerSpec(3, "softmax")], "cross_entropy",
     1e-3, 0.0),
    ("sgd", [LayerSpec(6, "gelu"), LayerSpec(2, "elu"), LayerSpec(1, "sigmoid")], "bce", 0, 0),
    ("adam", [LayerSpec(4, "leaky_relu"), LayerSpec(3, "softmax")], "mse", 0.0, 0.0),
])
def test_minibatches_optimizers_losses_and_regularization_match_training_alone(
        optimizer, layers, loss, l1, l2):
    rng = np.random.default_rng(3)
    x = rng.normal(size=(50, 2))
    labels = (x[:, 0] * x[:, 1] > 0).astype(int) + (x[:, 0] > 1)
    if layers[-1].units == 1:
        labels = np.minimum(labels, 1)
    config = TrainConfig(optimizer, 0.05, 8, 7, 5, l1, l2)
    nets = _nets(layers, loss, "xavier", [0, 1, 2, 3])
    y = nets[0].encode_targets(labels)
    stack = SeedStack(nets)
    epochs = list(train_seeds(stack, x, y, config, x, y))
    for i in range(4):
        alone = Network(2, layers, loss, "xavier", i, np.float64)
        snaps = [s for s in train_steps(alone, x, y, config, x, y) if s.epoch_end]
        _same(stack.network(i), alone)
        assert epochs[-1].train_loss[i] == pytest.approx(snaps[-1].train_loss, rel=1e-9)
        assert epochs[-1].train_accuracy[i] == snaps[-1].train_accuracy
        assert epochs[-1].test_accuracy[i] == pytest.approx(snaps[-1].test_accuracy)


def test_each_network_has_its_own_learning_rate():
    config = TrainConfig("sgd", 1.0, 4, 50, 0, shuffle=False)
    nets = _nets(SIGMOID_221, "mse", "normal", [7, 7, 7])
    y = nets[0].encode_targets(XOR_Y)
    stack = SeedStack(nets, lrs=[0.1, 0.35, 2.0])
    list(train_seeds(stack, XOR_X, y, config))
    for i, lr in enumerate([0.1, 0.35, 2.0]):
        alone = Network(2, SIGMOID_221, "mse", "normal", 7, np.float64)
        _same(stack.network(i), _alone(alone, XOR_X, y, TrainConfig("sgd", lr, 4, 50, 0,
                                                                     shuffle=False)))


def test_a_network_that_blows_up_stops_alone_with_its_sane_weights():
    rng = np.random.default_rng(0)
    x, y = rng.normal(size=(64, 2)), rng.normal(size=(64, 1))
    layers = [LayerSpec(8, "relu"), LayerSpec(1, "linear")]
    config = TrainConfig("sgd", 1.0, 64, 20, 0)
    stack = SeedStack(_nets(layers, "mse", "xavier", [0, 1]), lrs=[1e-2, 1e6])
    last = list(train_seeds(stack, x, y, config))[-1]
    assert last.epoch == 20 and list(last.stopped) == [False, True]
    alone = Network(2, layers, "mse", "xavier", 1, np.float64)
    stop = [s for s in train_steps(alone, x, y, TrainConfig("sgd", 1e6, 64, 20, 0))][-1]
    assert stop.stop_reason is not None
    _same(stack.network(1), alone)  # the same restored weights
    assert np.isfinite(stack.flat_params()[0]).all()


def test_a_stack_refuses_networks_of_different_shapes():
    with pytest.raises(ValueError, match="one shape"):
        SeedStack([Network(2, SIGMOID_221), Network(2, [LayerSpec(3), LayerSpec(1)])])


def test_each_network_stops_early_as_it_would_alone_with_its_best_weights():
    from playground.data.prepare import DataSpec, prepare

    d = prepare(DataSpec("spiral", points=30, seed=2))
    layers = [LayerSpec(8, "tanh")] * 3 + [LayerSpec(1, "sigmoid")]
    config = TrainConfig("adam", 0.01, 15, 3000, 0, early_stop=30)
    nets = _nets(layers, "bce", "xavier", range(5))
    y, yt = nets[0].encode_targets(d.y_train), nets[0].encode_targets(d.y_test)
    stack = SeedStack(nets)
    epochs = list(train_seeds(stack, d.x_train, y, config, d.x_test, yt))
    last = epochs[-1]
    assert last.early.all() and not last.stopped.any() and last.epoch < 3000
    for i in range(5):
        alone = Network(2, layers, "bce", "xavier", i, np.float64)
        ends = [s for s in train_steps(alone, d.x_train, y, config, d.x_test, yt)
                if s.epoch_end]
        assert last.best_epoch[i] == ends[-1].best_epoch  # the same best epoch, kept
        _same(stack.network(i), alone)
        mine = [e for e in epochs if e.early[i]][0]  # the epoch it stopped at
        assert mine.epoch == ends[-1].epoch


@pytest.mark.parametrize(("schedule", "warmup", "rate"), [
    ("cosine:0.001:6", 2, 0.0), ("step:0.5:2", 0, 0.0), ("constant", 0, 0.3),
    ("exp:0.8", 1, 0.5)])
def test_a_schedule_and_dropout_train_as_each_network_alone(schedule, warmup, rate):
    rng = np.random.default_rng(3)
    x = rng.normal(size=(40, 2))
    labels = (x[:, 0] * x[:, 1] > 0).astype(int)
    layers = [LayerSpec(6, "tanh", dropout=rate), LayerSpec(5, "relu", dropout=rate),
              LayerSpec(2, "softmax")]
    config = TrainConfig("adam", 0.05, 8, 7, 5, schedule=schedule, warmup=warmup)
    nets = _nets(layers, "cross_entropy", "xavier", [0, 1, 2])
    y = nets[0].encode_targets(labels)
    stack = SeedStack(nets, lrs=[0.05, 0.02, 0.05])
    last = list(train_seeds(stack, x, y, config, x, y))[-1]
    for i, lr in enumerate([0.05, 0.02, 0.05]):
        alone = Network(2, layers, "cross_entropy", "xavier", i, np.float64)
        own = TrainConfig("adam", lr, 8, 7, 5, schedule=schedule, warmup=warmup)
        snaps = [s for s in train_steps(alone, x, y, own, x, y) if s.epoch_end]
        _same(stack.network(i), alone)
        assert last.train_loss[i] == pytest.approx(snaps[-1].train_loss, rel=1e-9)
