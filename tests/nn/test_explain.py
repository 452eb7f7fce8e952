"""The step inspector's numbers are the core's own: forward, loss_and_grads and the optimizer's
step, for every activation x loss x bias, and a bug's first difference is where it belongs."""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from playground.nn import HIDDEN_ACTIVATIONS, LayerSpec, Network, TrainConfig, make_optimizer
from playground.nn.explain import explain_step

OUTPUT_LOSS = [("sigmoid", "mse"), ("tanh", "mse"), ("linear", "mse"), ("softmax", "mse"),
               ("sigmoid", "bce"), ("softmax", "cross_entropy")]


def _sample(net: Network, rng: np.random.Generator):
    x = rng.normal(size=net.input_dim)
    if net.loss.integer_targets:
        return x, np.int64(rng.integers(0, net.n_outputs))
    return x, rng.uniform(0, 1, net.n_outputs)


@pytest.mark.parametrize(("hidden", "out_loss", "bias", "optimizer"),
                         [(h, o, b, "sgd") for h, o, b in itertools.product(
                             HIDDEN_ACTIVATIONS, OUTPUT_LOSS, [True, False])]
                         + [("tanh", ("sigmoid", "bce"), True, "momentum"),
                            ("relu", ("softmax", "cross_entropy"), True, "adam")])
def test_every_number_is_the_cores_own(hidden, out_loss, bias, optimizer):
    out, loss = out_loss
    rng = np.random.default_rng(3)
    net = Network(3, [LayerSpec(4, hidden, bias), LayerSpec(3, out, bias)], loss=loss, seed=1,
                  dtype=np.float64)
    x, y = _sample(net, rng)
    cfg = TrainConfig(optimizer, 0.1)
    step = explain_step(net, x, y, cfg)
    zs, acts = net.forward_all(x[None])
    for f, z, a in zip(step.forward, zs, acts, strict=True):
        assert np.allclose(f.z, z[0], rtol=1e-9, atol=1e-12)
        assert np.allclose(f.a, a[0], rtol=1e-9, atol=1e-12)
    target = np.array([y]) if net.loss.integer_targets else y[None]
    ref_loss, grads = net.loss_and_grads(x[None], target)
    assert step.loss == pytest.approx(ref_loss, rel=1e-9)
    for b in step.backward:
        g = grads[b.layer - 1]
        assert np.allclose(b.dW, g["W"], rtol=1e-9, atol=1e-12)
        assert (b.db is None) == ("b" not in g)
        if b.db is not None:
            assert np.allclose(b.db, g["b"], rtol=1e-9, atol=1e-12)
            assert np.allclose(b.delta, g["b"], rtol=1e-9, atol=1e-12)  # ∂L/∂b = δ for one
    opt = make_optimizer(optimizer, 0.1)
    params = [p.copy() for p in net.flat_params()]
    opt.step(params, [g[k] for g in grads for k in ("W", "b") if k in g])
    after = [a for u in step.update for a in (u.W_after, u.b_after) if a is not None]
    for mine, theirs in zip(after, params, strict=True):
        assert np.allclose(mine, theirs, rtol=1e-9, atol=1e-12)
    assert step.first_difference is None and step.correct is None


def _two_three_one(bugs=()) -> Network:  # noqa: ANN001
    return Network(2, [LayerSpec(3, "tanh"), LayerSpec(1, "linear")], loss="mse", seed=4,
                   dtype=np.float64, bugs=bugs)


def test_derivative_at_output_parts_at_layer_1s_delta_and_sign_flip_at_layer_2s():
    x, y = np.array([0.5, -1.0]), np.array([0.3])
    cfg = TrainConfig("sgd", 0.1)
    wrong = explain_step(_two_three_one(("derivative-at-output",)), x, y, cfg).first_difference
    assert (wrong.layer, wrong.array, wrong.bug) == (1, "delta", "derivative-at-output")
    flip = explain_step(_two_three_one(("sign-flip",)), x, y, cfg).first_difference
    assert (flip.layer, flip.array, flip.bug) == (2, "delta", "sign-flip")


def test_no_learning_rate_parts_at_the_update_and_naive_sigmoid_where_exp_overflowed():
    x, y = np.array([0.5, -1.0]), np.array([0.3])
    step = explain_step(_two_three_one(("no-learning-rate",)), x, y, TrainConfig("sgd", 0.1))
    assert (step.first_difference.array, step.first_difference.bug) == ("update",
                                                                        "no-learning-rate")
    assert step.correct is not None and step.correct.lr == 0.1 and step.lr == 1.0
    net = Network(2, [LayerSpec(3, "sigmoid"), LayerSpec(1, "sigmoid")], loss="bce", seed=0,
                  dtype=np.float64, bugs=("naive-sigmoid",))
    net.params[0]["W"][...] = 1000.0
    naive = explain_step(net, np.array([-1.0, -1.0]), np.array([1.0]), TrainConfig())
    assert (naive.first_difference.layer, naive.first_difference.bug) == (1, "naive-sigmoid")
    assert np.all(naive.forward[0].a == 0.0)  # the value is right: the overflow only warned


def test_the_network_itself_is_left_as_it_was():
    net = _two_three_one()
    before = net.copy_params()
    explain_step(net, np.array([0.5, -1.0]), np.array([0.3]), TrainConfig("adam", 0.1))
    assert all(np.array_equal(a[k], b[k]) for a, b in zip(before, net.params, strict=True)
               for k in a)


def test_a_wide_sum_shows_its_largest_terms_and_how_many_more():
    from playground.teach.step_text import MOST_TERMS
    from playground.teach.step_text import weighted_sum as _sum

    rng = np.random.default_rng(0)
    w, a = rng.normal(size=784), rng.uniform(size=784)
    a[100], w[100] = 1.0, 50.0  # by far the largest term
    text = _sum(w, a, [f"x{i + 1}" for i in range(784)], 0.5)
    assert text.startswith("50·x101(1)") and text.endswith(f"+ {784 - MOST_TERMS} more terms")
    assert text.count("·") == MOST_TERMS
