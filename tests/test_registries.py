"""One source per fact: every activation, loss and init the core knows has what each place that
uses it needs (labels, the exported script, the seed stack), read from the core's registries.
Adding an activation or a loss without its entries fails here."""

from __future__ import annotations

import contextlib
import io

import numpy as np
import pytest

from playground.data.prepare import DataSpec, prepare
from playground.export.numpy_script import numpy_script
from playground.export.script_data import ScriptData
from playground.nn import (
    HIDDEN_ACTIVATIONS,
    LOSS_OUTPUTS,
    LOSSES,
    LayerSpec,
    Network,
    TrainConfig,
    evaluate,
)
from playground.nn.activations import ACTIVATIONS, TRANSLATED
from playground.nn.init import INIT_LABELS, INIT_TIPS, INITS
from playground.nn.losses import LOSS_LABELS
from playground.nn.seeds import SeedStack

PAIRS = [(loss, out) for loss in LOSSES for out in LOSS_OUTPUTS[loss]]


def test_every_choice_has_its_label_in_the_core():
    assert set(LOSS_LABELS) == set(LOSSES) and all(LOSS_LABELS.values())
    assert set(INIT_LABELS) == set(INITS) == set(INIT_TIPS)
    for a in ACTIVATIONS.values():
        assert a.label in TRANSLATED and a.formula, a.name


def _net(act: str, out: str, loss: str) -> tuple[Network, np.ndarray, np.ndarray]:
    classes = 3 if out == "softmax" else 2
    data = prepare(DataSpec("gauss", points=40, classes=classes, seed=1))
    k = classes if out == "softmax" else 1
    net = Network(2, [LayerSpec(3, act), LayerSpec(k, out)], loss, "xavier", seed=2,
                  dtype=np.float64)
    return net, data.x_train, data.y_train


@pytest.mark.parametrize("act", HIDDEN_ACTIVATIONS)
@pytest.mark.parametrize(("loss", "out"), PAIRS)
def test_the_exported_script_knows_every_activation_and_loss(act, out, loss):
    net, x, labels = _net(act, out, loss)
    config = TrainConfig("sgd", 0.05, 8, 1, seed=0)
    text = numpy_script(net, ScriptData("gauss", x, labels, x[:0], labels[:0]), config, 1)
    namespace = {"__name__": "exported"}
    exec(compile(text, "exported.py", "exec"), namespace)  # noqa: S102 - our own output
    params = namespace["make_params"]()
    for mine, theirs in zip(net.params, params, strict=True):
        for key in mine:
            theirs[key][...] = mine[key]
    with contextlib.redirect_stdout(io.StringIO()):
        loss_there = namespace["evaluate"](params, x, namespace["targets"](labels))[0]
    assert loss_there == pytest.approx(evaluate(net, x, net.encode_targets(labels))[0],
                                       rel=1e-9)


@pytest.mark.parametrize(("loss", "out"), PAIRS)
def test_the_seed_stack_measures_every_loss_as_one_network_does(loss, out):
    nets = [_net("tanh", out, loss)[0] for _ in range(2)]
    nets[1].reinitialize(5)
    _, x, labels = _net("tanh", out, loss)
    y = nets[0].encode_targets(labels)
    losses, _ = SeedStack(nets).evaluate(x, y)
    assert losses == pytest.approx([evaluate(n, x, y)[0] for n in nets], rel=1e-9)
