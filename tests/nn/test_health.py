"""The health monitor's numbers and findings on networks built to be sick."""

from __future__ import annotations

import numpy as np

from playground.nn import LayerSpec, Network
from playground.nn.health import diagnose, loss_trend, measure


def _net(act: str) -> Network:
    return Network(3, [LayerSpec(4, act), LayerSpec(1, "sigmoid")], "bce", seed=1)


def test_huge_weights_saturate_sigmoid_units_and_the_finding_blames_the_init(rng):
    net = _net("sigmoid")
    params = net.copy_params()
    params[0]["W"] *= 1000
    x = rng.normal(size=(64, 3))
    health = measure(net, params, x, (1.0, 1.0))
    assert health[0].saturated == 1.0 and health[0].dead is None
    assert health[0].weight_norm > 100
    found = diagnose(health, [0.7] * 5, init="uniform")
    assert "saturated" in found[0].text and found[0].fixes[0] == "init-suited"


def test_a_negative_bias_kills_every_relu_unit(rng):
    net = _net("relu")
    params = net.copy_params()
    params[0]["b"][:] = -100
    health = measure(net, params, rng.normal(size=(64, 3)), None)
    assert health[0].dead == 1.0 and health[0].saturated is None
    assert "dead" in diagnose(health, [])[0].text


def test_a_rising_loss_with_sign_flip_on_names_the_flip():
    net = _net("tanh")
    health = measure(net, net.params, np.zeros((4, 3)), (0.5, 0.5))
    found = diagnose(health, [0.5, 0.6, 0.7, 0.8, 0.9], bugs={"sign-flip"})
    assert found[0].bug == "sign-flip" and "uphill" in found[0].text
    assert diagnose(health, [0.5, 0.6, 0.7, 0.8, 0.9])[0].fixes == ("lower-lr",)


def test_a_healthy_network_has_no_findings(rng):
    net = _net("tanh")
    health = measure(net, net.params, rng.normal(size=(64, 3)), (0.5, 0.3))
    assert diagnose(health, [0.7, 0.6, 0.5, 0.4, 0.3]) == []
    assert diagnose(health, [0.3], {"naive-sigmoid"}, overflows=12)[0].bug == "naive-sigmoid"


def test_overflows_are_no_finding_once_the_naive_sigmoid_is_off(rng):
    net = _net("tanh")
    health = measure(net, net.params, rng.normal(size=(64, 3)), (0.5, 0.3))
    assert diagnose(health, [0.3], overflows=7552) == []


CLIMBED = [0.94, 1.3, 4.0, 20.0, 592.0]  # sign-flipped XOR's epoch losses, roughly


def test_a_blow_up_that_climbed_from_the_first_epoch_at_a_small_rate_is_the_update(rng):
    """Not "the steps were so large": lowering the rate cannot help a wrong sign."""
    net = _net("tanh")
    health = measure(net, net.params, rng.normal(size=(64, 3)), (0.5, 0.3))
    stop = "the loss grew to 859, over 1000 times its start (learning rate 0.03)"
    flipped = diagnose(health, CLIMBED[:-1], {"sign-flip"}, stop_reason=stop, lr=0.03)
    assert flipped[0].kind == "climbing" and flipped[0].bug == "sign-flip"
    assert flipped[0].fixes == ("bug-off-reset",) and "sign-flip switch is on" in flipped[0].text
    assert not any(k.startswith("lower-lr") for f in flipped for k in f.fixes)
    theirs = diagnose(health, CLIMBED[:-1], stop_reason=stop, lr=0.03)[0]  # their own update
    assert theirs.kind == "climbing" and "update's sign" in theirs.text and not theirs.fixes
    growing = diagnose(health, CLIMBED, start_loss=0.94, lr=0.03)[0]  # not stopped, diverging
    assert growing.kind == "climbing"


def test_a_blow_up_after_the_loss_fell_or_at_a_large_rate_is_the_step_size(rng):
    net = _net("tanh")
    health = measure(net, net.params, rng.normal(size=(64, 3)), (0.5, 0.3))
    stop = "the loss became inf (learning rate 10)"
    fell_first = diagnose(health, [0.9, 0.5, 0.7, 9.0], stop_reason=stop, lr=0.3)[0]
    large = diagnose(health, CLIMBED[:-1], stop_reason=stop, lr=10.0)[0]
    one_epoch = diagnose(health, [], stop_reason=stop, lr=0.03)[0]  # nothing to tell it by
    for f in (fell_first, large, one_epoch):
        assert f.kind == "diverging" and f.fixes == ("lower-lr-reset",)


def test_the_loss_trend_in_words():
    assert str(loss_trend([1.0, 0.9, 0.8, 0.7, 0.5])).startswith("loss trend: falling (-50.0%")
    assert "rising" in str(loss_trend([0.5, 0.6]))
    assert "flat" in str(loss_trend([0.5, 0.5, 0.5]))
    assert "not enough" in str(loss_trend([0.5]))


def test_exploded_weights_are_named_diverging_with_a_fix_that_works(rng):
    net = _net("tanh")
    params = net.copy_params()
    for p in params:
        p["W"] *= 1e5  # what lr 1e6 with Adam leaves: a bounded loss, chance accuracy
    health = measure(net, params, rng.normal(size=(64, 3)), (0.0, 0.0))
    found = diagnose(health, [0.69, 0.71, 0.70], start_loss=0.69)
    assert [f.kind for f in found] == ["diverging"]  # not also "saturated": that is its effect
    assert found[0].fixes == ("lower-lr-reset",) and "exploded" in found[0].text


def test_a_loss_far_above_its_start_is_diverging(rng):
    net = _net("tanh")
    health = measure(net, net.params, rng.normal(size=(64, 3)), (0.5, 0.5))
    assert diagnose(health, [0.7, 50.0, 3e4], start_loss=0.69)[0].kind == "diverging"
    assert diagnose(health, [0.7, 0.75, 0.8], start_loss=0.69) == []


def test_with_no_learning_rate_no_finding_suggests_lowering_it(rng):
    net = _net("relu")
    params = net.copy_params()
    params[0]["b"][:] = -100
    dead = measure(net, params, rng.normal(size=(64, 3)), (0.5, 0.5))
    exploded = [p | {"W": p["W"] * 1e5} for p in net.copy_params()]
    cases = [(dead, [0.5] * 3, None), (dead, [0.5, 0.6, 0.7, 0.8, 0.9], None),
             (measure(net, exploded, rng.normal(size=(64, 3)), None), [0.7], None),
             (dead, [0.7], "the loss became inf")]
    for health, losses, stop in cases:
        with_bug = diagnose(health, losses, bugs={"no-learning-rate"}, stop_reason=stop)
        assert with_bug, (losses, stop)
        for f in with_bug:
            assert not any(k.startswith("lower-lr") for k in f.fixes), f
            if f.fixes:
                assert f.bug == "no-learning-rate" and f.fixes[0].startswith("bug-off")
        assert any(k.startswith("lower-lr") for f in diagnose(health, losses, stop_reason=stop)
                   for k in f.fixes)
