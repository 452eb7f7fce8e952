"""Training with a learner's own code: their functions drive ``train_steps`` and the process."""

from __future__ import annotations

import re

import numpy as np
import pytest

from playground.data import make_toy
from playground.learner.check import TEMPLATE
from playground.nn import LayerSpec, Network, TrainConfig, train_steps
from playground.nn.train import OptimizerState
from playground.run import messages as m
from playground.run.process import serve_socket
from playground.run.their_code import (
    LearnerCode,
    LearnerCodeError,
    LearnerNetwork,
    LearnerUpdate,
    output_loss,
)
from tests.run.reading import spawned, until

pytestmark = pytest.mark.both_ways  # as on Windows too: spawn, no fork, no resource

LAYERS = [LayerSpec(4, "sigmoid"), LayerSpec(1, "sigmoid")]
NO_UPDATE = TEMPLATE[:TEMPLATE.index("def update")]


def _data(net: Network):
    data = make_toy("xor", 64, seed=0)
    return data.x.astype(np.float64), net.encode_targets(data.y)


def _final(net: Network, config: TrainConfig, keep: OptimizerState | None = None):
    x, y = _data(net)
    *_, last = train_steps(net, x, y, config, keep=keep)
    return last


@pytest.mark.parametrize("source", [TEMPLATE, NO_UPDATE], ids=["their-update", "our-sgd"])
def test_their_correct_code_trains_exactly_as_ours(source):
    config = dict(optimizer="sgd", lr=0.5, batch_size=8, epochs=30, seed=3)
    ours = Network(2, LAYERS, "mse", seed=1, dtype=np.float64)
    theirs = LearnerNetwork(LearnerCode(source, "mine.py"), 2, LAYERS, "mse", seed=1,
                            dtype=np.float64)
    keep = OptimizerState(LearnerUpdate(theirs, 0.5)) if theirs.code.has_update else None
    a, b = _final(ours, TrainConfig(**config)), _final(theirs, TrainConfig(**config), keep)
    assert b.train_loss == pytest.approx(a.train_loss, rel=1e-9)
    assert b.train_accuracy == a.train_accuracy
    for p, q in zip(ours.params, theirs.params, strict=True):
        np.testing.assert_allclose(q["W"], p["W"], rtol=1e-9)
        np.testing.assert_allclose(q["b"], p["b"], rtol=1e-9)


def test_their_code_sees_whole_pixel_batches_even_where_a_column_is_dead():
    images = np.zeros((32, 2), np.uint8)
    images[:, 0] = np.arange(32) * 8  # the second pixel is zero in every image
    labels = (np.arange(32) % 2).reshape(-1, 1).astype(np.float64)
    theirs = LearnerNetwork(LearnerCode(NO_UPDATE, "mine.py"), 2, LAYERS, "mse", seed=1,
                            dtype=np.float64)
    widths = []
    forward = theirs.code.forward
    theirs.code.forward = lambda params, x: widths.append(x.shape[1]) or forward(params, x)
    for _ in train_steps(theirs, images, labels, TrainConfig("sgd", 0.5, 8, 2, 0),
                         pixels=True):
        pass
    assert widths and set(widths) == {2}


def test_their_wrong_derivative_trains_worse_than_ours():
    wrong = TEMPLATE.replace("* out * (1 - out) / n", "* 1.0 / n")  # f' left out at the output
    config = dict(optimizer="sgd", lr=1.0, batch_size=64, epochs=200, seed=0)
    ours = Network(2, LAYERS, "mse", seed=1, dtype=np.float64)
    theirs = LearnerNetwork(LearnerCode(wrong, "mine.py"), 2, LAYERS, "mse", seed=1,
                            dtype=np.float64)
    keep = OptimizerState(LearnerUpdate(theirs, 1.0))
    a, b = _final(ours, TrainConfig(**config)), _final(theirs, TrainConfig(**config), keep)
    assert not np.allclose(a.params[0]["W"], b.params[0]["W"])  # their gradient is not ours


@pytest.mark.parametrize(("mutation", "says"), [
    (("return grads\n", "return grads[:1]\n"), "backward returned 1 layers; the network has 2"),
    (('"W": activations[i].T @ delta', '"W": (activations[i].T @ delta).T'),
     "backward's W of layer 1 is shaped (4, 2); it should be (2, 4)"),
    (('"b": delta.sum(axis=0)}', '"c": 0}'), "backward gave layer 1 no 'b' gradient"),
    (("return activations\n", "return activations[1:]\n"), "forward returned 2 arrays"),
    (("n = len(y)\n", "n = len(y) / 0\n"), "Your code raised ZeroDivisionError in backward, line"),
])
def test_what_their_code_gets_wrong_is_said_plainly(mutation, says):
    source = TEMPLATE.replace(*mutation)
    assert source != TEMPLATE
    net = LearnerNetwork(LearnerCode(source, "mine.py"), 2, LAYERS, "mse", dtype=np.float64)
    with pytest.raises(LearnerCodeError, match=re.escape(says)):
        _final(net, TrainConfig(epochs=1))


def test_a_file_that_cannot_run_is_refused_with_its_line_and_prints():
    with pytest.raises(LearnerCodeError, match="line 2") as caught:
        LearnerCode("print('hello')\nx = 1 +\n", "mine.py")
    assert caught.value.printed == ""  # a syntax error stops it before it runs
    with pytest.raises(LearnerCodeError, match="no backward") as caught:
        LearnerCode("print('hello')\ndef forward(p, x):\n    return [x]\n", "mine.py")
    assert caught.value.printed == "hello\n"


def test_prints_are_captured_and_bounded():
    source = TEMPLATE.replace("    n = len(y)\n", "    n = len(y)\n    print('x' * 999)\n")
    code = LearnerCode(source, "mine.py")
    net = LearnerNetwork(code, 2, LAYERS, "mse", dtype=np.float64)
    _final(net, TrainConfig(epochs=2, batch_size=8))  # 16 calls of backward: 16,000 characters
    text = code.take_printed()
    assert text.startswith("[… 12,000 characters not shown]") and text.count("x") == 4000 - 4
    assert code.take_printed() == ""


def test_output_loss_is_the_readmes_definition():
    out, y = np.array([[0.8], [0.3]]), np.array([[1.0], [0.0]])
    assert output_loss("mse", out, y) == pytest.approx(0.5 * (0.04 + 0.09) / 2)
    assert output_loss("bce", out, y) == pytest.approx(-(np.log(0.8) + np.log(0.7)) / 2)
    probs = np.array([[0.7, 0.3], [0.1, 0.9]])
    assert output_loss("cross_entropy", probs, np.array([0, 1])) == \
        pytest.approx(-(np.log(0.7) + np.log(0.9)) / 2)


# ----- the training process with their code (a real process: it sets a memory limit) ----------
@pytest.fixture
def proc():
    with spawned(serve_socket) as conn:
        yield conn


def _until(conn, kind: type, seconds: float = 20.0) -> tuple[object, list]:  # noqa: ANN001
    return until(conn, kind, seconds)  # a spawned process starts slower


def _start(conn, source: str, epochs: int = 50) -> Network:
    net = Network(2, LAYERS, "mse", seed=1)
    x, y = _data(net)
    conn.send(m.SetCode(source, "mine.py"))
    conn.send(m.SetNetwork(2, tuple(LAYERS), "mse", "xavier", "float32", frozenset(),
                           net.copy_params(), restart=True))
    conn.send(m.SetData(x.astype(np.float32), y, x.astype(np.float32), y))
    conn.send(m.Configure({"optimizer": "adam", "lr": 0.5, "batch_size": 8, "epochs": epochs}))
    conn.send(m.Start(1))
    return net


def test_the_process_trains_with_their_code_and_passes_on_their_prints(proc):
    source = TEMPLATE.replace("    n = len(y)\n", "    n = len(y)\n    print('step')\n")
    _start(proc, source)
    done, seen = _until(proc, m.Done)
    assert done.finished and done.reason == ""
    printed = "".join(msg.text for msg in seen if isinstance(msg, m.Printed))
    assert printed.count("step") == 50 * 8  # every call of backward, none lost
    frames = [msg for msg in seen if isinstance(msg, m.Frame)]
    assert frames[-1].snapshot.epoch == 50 and frames[-1].epochs


def test_their_exception_mid_run_ends_the_run_with_their_line(proc):
    source = TEMPLATE.replace("    n = len(y)\n", "    n = len(y)\n    print('about to fail')\n"
                              "    raise RuntimeError('my bug')\n")
    _start(proc, source)
    failed, seen = _until(proc, m.Failed)
    line = source.splitlines().index("    raise RuntimeError('my bug')") + 1
    assert failed.text == f"Your code raised RuntimeError in backward, line {line}: my bug"
    assert any(isinstance(s, m.Printed) and "about to fail" in s.text for s in seen)
    _until(proc, m.Done)


def test_a_file_that_cannot_load_never_trains_with_ours_instead(proc):
    _start(proc, "def forward(params, x):\n    return [x]\n")
    failed, _ = _until(proc, m.Failed)
    assert "no backward() function" in failed.text
    done, seen = _until(proc, m.Done)
    assert not done.finished and not done.params
    assert not any(isinstance(s, m.Frame) for s in seen)
