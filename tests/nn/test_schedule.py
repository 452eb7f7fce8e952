"""Learning-rate schedules (nn.schedule): each epoch's rate is its formula's, in train_steps too."""

import math

import numpy as np
import pytest

from playground.nn import LayerSpec, Network, TrainConfig, train_steps
from playground.nn.schedule import parse_schedule

LR = 0.2


def _formula(text: str, epoch: int, epochs: int, warmup: int = 0) -> float:
    """Each schedule written out again, separately from nn.schedule."""
    if epoch <= warmup:
        return LR * epoch / warmup
    e = epoch - warmup
    kind, *a = text.split(":")
    if kind == "step":
        return LR * float(a[0]) ** math.floor((e - 1) / int(a[1]))
    if kind == "exp":
        return LR * float(a[0]) ** (e - 1)
    if kind == "cosine":
        n = int(a[1]) if len(a) > 1 else epochs - warmup
        t = min(e - 1, n - 1) / (n - 1)
        return float(a[0]) + (LR - float(a[0])) * 0.5 * (1 + math.cos(math.pi * t))
    return LR


@pytest.mark.parametrize("text", ["constant", "step:0.5:7", "exp:0.97", "cosine:0.01",
                                  "cosine:0:40"])
@pytest.mark.parametrize("warmup", [0, 5])
def test_every_epochs_rate_is_its_formula(text, warmup):
    schedule = parse_schedule(text, warmup)
    for epoch in range(1, 121):
        assert schedule.rate(LR, epoch, 100) == pytest.approx(
            _formula(text, epoch, 100, warmup), rel=1e-12, abs=1e-15)


def test_cosine_starts_at_the_rate_and_ends_at_its_floor_on_the_last_epoch():
    schedule = parse_schedule("cosine:0.01")
    assert schedule.rate(LR, 1, 50) == pytest.approx(LR)
    assert schedule.rate(LR, 50, 50) == pytest.approx(0.01)
    assert schedule.rate(LR, 80, 50) == pytest.approx(0.01)


@pytest.mark.parametrize(("text", "warmup", "says"), [
    ("fast", 0, "written constant"), ("step:1.5:10", 0, "decays"), ("step:0.5:0", 0, "from 1"),
    ("exp:nan", 0, "finite"), ("cosine:-0.1", 0, "0 or more"), ("cosine:0:x", 0, "whole"),
    (7, 0, "written"), ("constant", -1, "warm-up"), ("constant", 2.5, "warm-up"),
    ("constant", True, "warm-up"), ("step:0.5", 0, "written")])
def test_a_schedule_that_cannot_work_is_refused_with_what_is_wrong(text, warmup, says):
    with pytest.raises(ValueError, match=says):
        parse_schedule(text, warmup)
    with pytest.raises(ValueError, match=says):
        TrainConfig(schedule=text, warmup=warmup).validate()


def _steps(config: TrainConfig, **kwargs):
    rng = np.random.default_rng(0)
    x = rng.normal(size=(40, 2))
    y = (x[:, 0] * x[:, 1] > 0).astype(int)
    net = Network(2, [LayerSpec(4, "tanh"), LayerSpec(2, "softmax")], "cross_entropy", seed=0,
                  dtype=np.float64)
    return net, x, y, train_steps(net, x, y, config, **kwargs)


def test_train_steps_takes_each_epochs_steps_at_the_schedules_rate():
    config = TrainConfig("sgd", LR, 10, 30, 0, schedule="cosine:0.001", warmup=3)
    _, _, _, steps = _steps(config)
    for snap in steps:
        assert snap.lr == pytest.approx(_formula("cosine:0.001", snap.epoch, 30, 3))


def test_a_resumed_run_goes_on_with_the_schedule_where_it_was():
    config = TrainConfig("sgd", LR, 10, 20, 0, schedule="step:0.5:4")
    _, _, _, steps = _steps(TrainConfig(**{**config.__dict__, "epochs": 8}), start_epoch=12)
    rates = {s.epoch: s.lr for s in steps}
    assert rates == {e: pytest.approx(_formula("step:0.5:4", 12 + e, 20)) for e in range(1, 9)}


def test_a_schedule_changed_while_training_applies_from_the_current_epoch():
    config = TrainConfig("sgd", LR, 10, 10, 0)
    _, _, _, steps = _steps(config)
    rates = {}
    for snap in steps:
        rates[snap.epoch] = snap.lr
        if snap.epoch_end and snap.epoch == 4:
            config.schedule = "exp:0.5"
    assert [rates[e] for e in (1, 4)] == [LR, LR]
    assert rates[5] == pytest.approx(LR * 0.5**4) and rates[10] == pytest.approx(LR * 0.5**9)
