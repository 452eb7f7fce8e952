"""The bug lab's switches: each does its mistake; the gradient check tells them apart."""

from __future__ import annotations

import numpy as np
import pytest

from playground.experiment import Architecture
from playground.modelfile.save_load import load_model, save_model
from playground.nn import LayerSpec, Network, TrainConfig, check_gradients, train_steps
from playground.nn.bugs import BUGS, naive_sigmoid

GRADIENT_BUGS = {"sign-flip", "derivative-at-output"}
ARCH = Architecture((LayerSpec(4, "sigmoid"), LayerSpec(3, "tanh")), "sigmoid", True, "mse",
                    "xavier", 3)


def _net(bug: str | None) -> Network:
    arch = ARCH if bug is None else ARCH.with_bug(bug, True)
    return arch.build(2, 2)


@pytest.mark.parametrize("bug", sorted(BUGS))
def test_the_gradient_check_fails_exactly_for_the_bugs_that_change_the_gradient(bug, rng):
    x = rng.normal(size=(8, 2))
    net = _net(bug)
    y = net.encode_targets(rng.integers(0, 2, 8))
    result = check_gradients(net, x, y)
    assert BUGS[bug].changes_gradient == (bug in GRADIENT_BUGS)
    if bug in GRADIENT_BUGS:
        assert not result.passed and result.max_error > 1e-2
    else:
        assert result.passed, result


def test_without_bugs_the_same_network_passes(rng):
    x = rng.normal(size=(8, 2))
    net = _net(None)
    assert check_gradients(net, x, net.encode_targets(rng.integers(0, 2, 8))).passed


def test_sign_flip_gives_exactly_the_negative_gradient(rng):
    x = rng.normal(size=(5, 2))
    good, bad = _net(None), _net("sign-flip")
    y = good.encode_targets(rng.integers(0, 2, 5))
    g1, g2 = good.loss_and_grads(x, y)[1], bad.loss_and_grads(x, y)[1]
    for a, b in zip(g1, g2, strict=True):
        np.testing.assert_allclose(b["W"], -a["W"], rtol=1e-6)


def test_derivative_at_output_uses_sigma_prime_of_the_activation(rng):
    net = Network(1, [LayerSpec(1, "sigmoid", False), LayerSpec(1, "linear", False)], "mse",
                  dtype=np.float64, bugs=("derivative-at-output",))
    net.set_params([{"W": np.array([[2.0]])}, {"W": np.array([[1.0]])}])
    x, y = np.array([[1.0]]), np.array([[0.0]])
    _, grads = net.loss_and_grads(x, y)
    a = 1 / (1 + np.exp(-2.0))  # hidden activation; output = a, dL/da = a - 0
    wrong = a * (1 / (1 + np.exp(-a))) * (1 - 1 / (1 + np.exp(-a)))  # times σ'(a) instead of σ'(z)
    assert grads[0]["W"][0, 0] == pytest.approx(wrong * 1.0)


def test_no_learning_rate_steps_by_the_gradient_summed_over_the_batch(rng):
    x = rng.normal(size=(50, 2))
    net = _net("no-learning-rate")
    y = net.encode_targets(rng.integers(0, 2, 50))
    before = net.copy_params()
    _, grads = net.loss_and_grads(x, y)  # mean over the batch
    snap = next(train_steps(net, x, y, TrainConfig("adam", 0.001, 50, 1, 0, shuffle=False)))
    assert snap.lr == 50  # the optimizer and learning rate are ignored
    np.testing.assert_allclose(net.params[0]["W"], before[0]["W"] - 50 * grads[0]["W"],
                               rtol=1e-4, atol=1e-6)


def test_naive_sigmoid_overflows_with_a_warning_but_gives_the_same_values():
    z = np.array([-1000.0, -5.0, 0.0, 5.0])
    with pytest.warns(RuntimeWarning, match="overflow"):
        naive = naive_sigmoid(z)
    stable = 1 / (1 + np.exp(-np.clip(z, -700, 700)))
    np.testing.assert_allclose(naive, stable, atol=1e-300)
    net = Network(1, [LayerSpec(1, "sigmoid")], "bce", bugs=("naive-sigmoid",), dtype=np.float64)
    net.set_params([{"W": np.array([[1.0]]), "b": np.array([0.0])}])
    with pytest.warns(RuntimeWarning, match="overflow"):
        net.forward(np.array([[-1000.0]]))


def test_no_bias_and_uniform_init_are_settings_the_layer_editor_shows():
    arch = ARCH.with_bug("no-bias", True).with_bug("uniform-init", True)
    assert arch.has_bug("no-bias") and arch.has_bug("uniform-init") and arch.bugs == ()
    assert not any(s.bias for s in arch.hidden) and not arch.output_bias
    assert arch.init == "uniform"
    back = arch.with_bug("no-bias", False).with_bug("uniform-init", False)
    assert all(s.bias for s in back.hidden) and back.output_bias and back.init == "xavier"


def test_bugs_survive_json_and_model_files(tmp_path):
    arch = ARCH.with_bug("sign-flip", True).with_bug("naive-sigmoid", True)
    assert Architecture.from_json(arch.to_json()) == arch
    net = arch.build(2, 2)
    save_model(net, tmp_path / "bug.npz")
    assert load_model(tmp_path / "bug.npz").bugs == {"sign-flip", "naive-sigmoid"}
    with pytest.raises(ValueError, match="unknown bug"):
        Architecture(bugs=("off-by-one",))
