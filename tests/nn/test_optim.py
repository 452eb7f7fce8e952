from __future__ import annotations

import numpy as np
import pytest

from playground.nn.optim import OPTIMIZERS, Adam, Momentum, make_optimizer


def test_adam_matches_the_paper_update():
    rng = np.random.default_rng(0)
    p = rng.normal(size=(3, 2))
    ref = p.copy()
    opt = Adam(0.01)
    m = v = np.zeros_like(p)
    for t in range(1, 6):
        g = rng.normal(size=p.shape)
        opt.step([p], [g])
        m = 0.9 * m + 0.1 * g
        v = 0.999 * v + 0.001 * g * g
        ref -= 0.01 * (m / (1 - 0.9**t)) / (np.sqrt(v / (1 - 0.999**t)) + 1e-8)
    assert np.allclose(p, ref, rtol=1e-10, atol=1e-12)


def test_momentum_accumulates_velocity():
    p = np.zeros(1)
    opt = Momentum(0.1, beta=0.5)
    for _ in range(3):
        opt.step([p], [np.ones(1)])
    assert p[0] == pytest.approx(-0.1 * (1 + 1.5 + 1.75))


def test_a_learning_rate_change_applies_at_the_next_step():
    p = np.zeros(1)
    opt = make_optimizer("sgd", 0.1)
    opt.step([p], [np.ones(1)])
    opt.lr = 1.0
    opt.step([p], [np.ones(1)])
    assert p[0] == pytest.approx(-1.1)


@pytest.mark.parametrize("lr", [0.0, -1.0, float("nan"), float("inf")])
def test_a_useless_learning_rate_is_refused(lr):
    with pytest.raises(ValueError, match="learning rate must be a positive number"):
        make_optimizer("adam", lr)


@pytest.mark.parametrize("name", OPTIMIZERS)
def test_a_step_into_out_gives_the_in_place_values_and_leaves_params_alone(name):
    rng = np.random.default_rng(1)
    params = [rng.normal(size=(4, 3)).astype(np.float32), rng.normal(size=3).astype(np.float32)]
    before = [p.copy() for p in params]
    in_place, into = make_optimizer(name, 0.05), make_optimizer(name, 0.05)
    live = [p.copy() for p in params]
    for _ in range(3):
        grads = [rng.normal(size=p.shape).astype(np.float32) for p in params]
        out = [np.empty_like(p) for p in params]
        in_place.step(live, grads)
        into.step(params, grads, out=out)
        assert all(np.array_equal(p, b) for p, b in zip(params, before, strict=True))
        assert all(np.array_equal(o, p) for o, p in zip(out, live, strict=True))
        params, before = out, [o.copy() for o in out]
