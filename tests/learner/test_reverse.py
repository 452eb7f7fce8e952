"""The recorded forward pass differentiated by reverse mode equals central finite differences in
float64, for every operation a learner's forward pass is written with."""

from __future__ import annotations

import numpy as np
import pytest

from playground.learner import tape
from playground.learner.reverse import UnfollowableError, backward


@pytest.fixture(autouse=True)
def _no_tape_left():
    yield
    tape.TAPE = None


def _sigmoid(z):
    return 1 / (1 + np.exp(-z))


def _softmax(z):
    e = np.exp(z - z.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


# each: (name, the forward pass, the shapes of its arrays)
FORWARDS = [
    ("sigmoid row", lambda x, W, b: _sigmoid(x @ W + b), [(5, 3), (3, 4), (4,)]),
    ("tanh dot", lambda x, W: np.tanh(np.dot(x, W)), [(5, 3), (3, 2)]),
    ("relu maximum", lambda x, W: np.maximum(x @ W, 0) @ W.T, [(4, 3), (3, 3)]),
    ("relu mask", lambda x, W: (x @ W) * (x @ W > 0), [(4, 3), (3, 2)]),
    ("softmax", lambda x, W: _softmax(x @ W), [(6, 3), (3, 4)]),
    ("column", lambda W, x, b: _sigmoid(np.dot(W, x) + b), [(4, 3), (3, 5), (4, 1)]),
    ("scalars", lambda w, x: _sigmoid(w[1] * _sigmoid(w[0] * x)), [(2,), (3,)]),
    ("mean and power", lambda x, W: ((x @ W) ** 3).mean(axis=0), [(5, 2), (2, 3)]),
    ("sum all", lambda x, W: np.sum(np.square(x @ W)), [(5, 2), (2, 3)]),
    ("log exp sqrt", lambda x, W: np.log(1 + np.exp(x @ W)) + np.sqrt(np.exp(x @ W)),
     [(3, 2), (2, 2)]),
    ("ones column", lambda x, W: np.hstack([x, np.ones((len(x), 1))]) @ W, [(4, 2), (3, 2)]),
    ("transpose reshape", lambda x, W: (W.T @ x.T).reshape(-1) * 2.0, [(4, 3), (3, 2)]),
    ("where leaky", lambda x, W: np.where(x @ W > 0, x @ W, 0.01 * (x @ W)), [(5, 3), (3, 2)]),
    ("divide arrays", lambda x, W: (x @ W) / (1.5 + np.abs(x) @ np.abs(W)), [(4, 3), (3, 2)]),
    ("index rows", lambda x, W: x[1:3] @ W - x[0] @ W, [(4, 3), (3, 2)]),
    ("clip", lambda x, W: np.clip(x @ W, -0.5, 0.5), [(5, 3), (3, 2)]),
    ("dot method", lambda x, W: x.dot(W).T.dot(x), [(4, 3), (3, 2)]),
    # any other ufunc: by central differences, element by element
    ("arctan sinh", lambda x, W: np.arctan(x @ W) + np.sinh(x @ W), [(4, 3), (3, 2)]),
    ("hypot", lambda x, W: np.hypot(x @ W, 1.0 + x @ W), [(4, 3), (3, 2)]),
]


def _finite_differences(forward, values, seed, i, h=1e-6):
    out = np.zeros_like(values[i])
    for index in np.ndindex(values[i].shape):
        plus = [v.copy() for v in values]
        minus = [v.copy() for v in values]
        plus[i][index] += h
        minus[i][index] -= h
        out[index] = np.sum(seed * (forward(*plus) - forward(*minus))) / (2 * h)
    return out


@pytest.mark.parametrize(("name", "forward", "shapes"), FORWARDS, ids=[f[0] for f in FORWARDS])
def test_reverse_mode_equals_finite_differences(name, forward, shapes):
    rng = np.random.default_rng(3)
    values = [rng.normal(size=s) for s in shapes]
    recorder = tape.start("<no file>")
    leaves = [tape.leaf(v.copy(), f"x{i}") for i, v in enumerate(values)]
    out = forward(*leaves)
    tape.stop()
    seed = rng.normal(size=np.shape(out))
    cot = backward(recorder.recent, out._node, seed)
    for i, leaf in enumerate(leaves):
        expected = _finite_differences(forward, values, seed, i)
        got = cot.get(leaf._node.id, np.zeros_like(values[i]))
        np.testing.assert_allclose(got, expected, rtol=1e-6, atol=1e-8, err_msg=f"input {i}")


def test_an_operation_without_a_rule_is_named():
    recorder = tape.start("<no file>")
    x = tape.leaf(np.linspace(0.1, 1, 4), "x")
    y = np.add.accumulate(x)  # a running sum: recorded, with no rule
    tape.stop()
    with pytest.raises(UnfollowableError) as raised:
        backward(recorder.recent, y._node, np.ones(4))
    assert raised.value.node.op == "add.accumulate"


def test_an_update_in_place_keeps_the_value_the_step_started_from():
    recorder = tape.start("<no file>")
    W = tape.leaf(np.ones(3), "W")
    before = W._node
    W -= 0.5 * np.ones(3)
    tape.stop()
    assert np.array_equal(before.value, np.ones(3)) and np.array_equal(W, np.full(3, 0.5))
    assert W._node.op == "subtract" and W._node.inputs[0] is before
    assert recorder.recent[-1] is W._node


def test_a_write_through_a_view_keeps_what_was_read_and_copies_nothing_unread():
    recorder = tape.start("<no file>")
    W = tape.leaf(np.ones((2, 2)), "W")
    read = W._node
    h = W @ np.ones(2)  # the forward pass reads W
    W[0] -= 1.0  # W[0] is a view: the write lands in W, then Python sets W[0] too
    targets = tape.leaf(np.zeros((3, 2)), "targets")
    built = targets._node
    for i in range(3):
        targets[i][i % 2] = 1.0  # nobody has read targets: its node is not copied
    tape.stop()
    assert np.array_equal(read.value, np.ones((2, 2))) and not read.live
    assert np.array_equal(W, [[0, 0], [1, 1]]) and W._node.op == "setitem"
    assert built.live and targets._node is built and built.value.sum() == 3
    assert h._node.inputs[0] is read and len(recorder.recent) > 0
