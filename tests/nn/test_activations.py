from __future__ import annotations

import numpy as np
import pytest

from playground.nn.activations import ACTIVATIONS, get_activation, sigmoid, softmax

EXTREME = np.array([[-1e4, -700.0, -50.0, -1.0, 0.0, 1.0, 50.0, 700.0, 1e4]])


@pytest.mark.parametrize("name", list(ACTIVATIONS))
@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_extreme_inputs_are_finite_and_silent(name, dtype):
    # warnings are errors in this suite, so an overflow in exp fails here
    act = get_activation(name)
    z = EXTREME.astype(dtype)
    a = act.forward(z)
    assert np.isfinite(a).all()
    da = np.ones_like(z)
    act.grad_mul(da, z, a)
    assert np.isfinite(da).all()


def test_sigmoid_values_and_symmetry():
    z = np.linspace(-30, 30, 61)
    assert np.allclose(sigmoid(z), 1 / (1 + np.exp(-z)))
    assert np.allclose(sigmoid(z) + sigmoid(-z), 1.0)
    assert sigmoid(np.array([-1e4]))[0] == 0.0 and sigmoid(np.array([1e4]))[0] == 1.0


def test_softmax_rows_sum_to_one_even_for_huge_logits():
    p = softmax(np.array([[1e4, 0.0, -1e4], [3.0, 3.0, 3.0]]))
    assert np.allclose(p.sum(axis=1), 1.0)
    assert np.allclose(p[0], [1, 0, 0]) and np.allclose(p[1], 1 / 3)


@pytest.mark.parametrize("name", ["sigmoid", "tanh", "relu", "leaky_relu", "linear"])
def test_derivative_is_taken_at_z(name):
    act = get_activation(name)
    z = np.array([[-2.0, -0.3, 0.4, 1.7]])
    h = 1e-6
    numeric = (act.forward(z + h) - act.forward(z - h)) / (2 * h)
    assert np.allclose(act.derivative(z), numeric, atol=1e-8)


def test_unknown_activation_names_the_choices():
    with pytest.raises(ValueError, match="unknown activation 'swish'; choose one of sigmoid"):
        get_activation("swish")
