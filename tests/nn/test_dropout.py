"""Dropout (nn.dropout): in training only, inverted, with gradients that equal finite
differences under a fixed mask; the layer spec, the model file and the network say it."""

import numpy as np
import pytest

from playground.nn import LayerSpec, Network, TrainConfig, train_steps
from playground.nn.dropout import draw_masks, generator
from playground.nn.gradcheck import check_gradients, numeric_grads


def _net(rate: float = 0.3, dtype=np.float64, act: str = "tanh") -> Network:
    return Network(3, [LayerSpec(6, act, dropout=rate), LayerSpec(5, "sigmoid", dropout=rate),
                       LayerSpec(2, "softmax")], "cross_entropy", seed=4, dtype=dtype)


def _data(n: int = 16):
    rng = np.random.default_rng(0)
    return rng.normal(size=(n, 3)), rng.integers(0, 2, n)


def test_with_a_fixed_mask_the_gradients_equal_finite_differences():
    net = _net()
    x, y = _data()
    net.fixed_masks = draw_masks(np.random.default_rng(7), net.layers, len(x), net.dtype)
    loss, grads = net.loss_and_grads(x, y)
    numeric = numeric_grads(lambda: net.loss_and_grads(x, y)[0], net.params)
    for g, n in zip(grads, numeric, strict=True):
        for k in g:
            np.testing.assert_allclose(g[k], n[k], rtol=1e-6, atol=1e-9)
    assert loss != pytest.approx(Network(3, [LayerSpec(6, "tanh"), LayerSpec(5, "sigmoid"),
                                             LayerSpec(2, "softmax")], "cross_entropy", seed=4,
                                         dtype=np.float64).loss_and_grads(x, y)[0])


def test_the_gradient_check_fixes_one_mask_and_says_so():
    x, y = _data()
    result = check_gradients(_net(), x, y)
    assert result.passed and result.fixed_mask
    assert not check_gradients(_net(0.0), x, y).fixed_mask


def test_a_mask_drops_about_p_and_scales_the_rest_to_keep_the_mean():
    layers = [LayerSpec(1000, "relu", dropout=0.3), LayerSpec(1, "sigmoid")]
    mask = draw_masks(generator(0), layers, 200, np.dtype(np.float64))[0]
    assert abs((mask == 0).mean() - 0.3) < 0.01
    assert set(np.unique(mask)) == {0.0, 1 / 0.7} and abs(mask.mean() - 1) < 0.02
    assert draw_masks(generator(0), layers, 200, np.dtype(np.float64))[1] is None


def test_evaluation_never_drops_and_training_follows_the_runs_seed():
    net = _net(0.5)
    x, _ = _data()
    np.testing.assert_array_equal(net.forward(x), net.forward(x))  # no mask outside training
    runs = []
    for _ in range(2):
        copy = _net(0.5)
        *_, last = train_steps(copy, *_data(64), TrainConfig("adam", 0.01, 16, 3, seed=5))
        runs.append(copy.params[0]["W"].copy())
    np.testing.assert_array_equal(*runs)  # the same seed, the same masks
    other = _net(0.5)
    *_, _ = train_steps(other, *_data(64), TrainConfig("adam", 0.01, 16, 3, seed=6))
    assert not np.array_equal(other.params[0]["W"], runs[0])


@pytest.mark.parametrize(("rate", "says"), [(-0.1, "from 0"), (0.95, "0.9"), (True, "rate"),
                                            ("0.3", "rate")])
def test_a_rate_that_cannot_work_is_refused(rate, says):
    with pytest.raises(ValueError, match=says):
        LayerSpec(4, "relu", dropout=rate)


def test_the_output_layer_cannot_drop_units():
    with pytest.raises(ValueError, match="output layer cannot have dropout"):
        Network(2, [LayerSpec(3, "tanh"), LayerSpec(1, "sigmoid", dropout=0.2)], "bce")


def test_the_network_and_the_layer_say_their_rate():
    assert LayerSpec(64, "relu", dropout=0.3).text == "64:relu:drop0.3"
    assert LayerSpec(8, "tanh", bias=False, dropout=0.25).text == "8:tanh:nobias:drop0.25"
    assert "relu:drop0.3" in repr(Network(2, [LayerSpec(64, "relu", dropout=0.3),
                                              LayerSpec(1, "sigmoid")], "bce"))


def test_the_inspected_step_drops_units_as_training_does_and_says_which():
    from playground.nn.explain import explain_step
    from playground.teach.step_text import stages

    net = Network(2, [LayerSpec(6, "tanh", dropout=0.5), LayerSpec(1, "sigmoid")], "bce",
                  seed=3, dtype=np.float64)
    step = explain_step(net, np.array([0.5, -1.0]), np.array([1.0]), TrainConfig("sgd", 0.1))
    first, second = step.forward
    assert first.kept is not None and second.kept is None
    assert set(np.unique(first.kept)) <= {0.0, 2.0}
    W, b = step.update[1].W_before, step.update[1].b_before
    np.testing.assert_allclose(second.z, (first.a * first.kept) @ W + b)  # it read a × mask
    dropped = [j for j in range(6) if first.kept[j] == 0]
    np.testing.assert_array_equal(step.backward[1].delta[dropped], 0.0)  # no gradient back
    text = "\n".join(line for _, lines in stages(net, step, ["x₁", "x₂"]) for line in lines)
    assert "dropout: this step drops" in text


def test_dropout_and_early_stopping_cure_the_issues_overfitting_set_up():
    """The spiral's 30 points (15 to train on) and an 8x8x8 network: the final test loss with
    dropout 0.3, or with early stopping after 50 epochs, is lower than with neither on at least
    15 of 20 seeds (measured: 19 and 20 at 400 epochs; 20 and 20 at 1,000)."""
    from playground.data.prepare import DataSpec, prepare
    from playground.nn.metrics import evaluate

    def final(seed: int, drop: float = 0.0, early: int = 0) -> float:
        d = prepare(DataSpec("spiral", points=30, seed=seed))
        net = Network(2, [LayerSpec(8, "tanh", dropout=drop)] * 3 + [LayerSpec(1, "sigmoid")],
                      "bce", seed=seed, dtype=np.float64)
        y, yt = net.encode_targets(d.y_train), net.encode_targets(d.y_test)
        for _ in train_steps(net, d.x_train, y, TrainConfig("adam", 0.01, 10, 400, seed,
                                                           early_stop=early), d.x_test, yt):
            pass
        return evaluate(net, d.x_test, yt)[0]

    losses = np.array([(final(s), final(s, drop=0.3), final(s, early=50)) for s in range(20)])
    assert (losses[:, 1] < losses[:, 0]).sum() >= 15
    assert (losses[:, 2] < losses[:, 0]).sum() >= 15
