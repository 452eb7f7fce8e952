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


@pytest.mark.parametrize("name", [n for n in ACTIVATIONS if n != "softmax"])
def test_derivative_is_taken_at_z(name):
    act = get_activation(name)
    z = np.array([[-2.0, -0.3, 0.4, 1.7]])
    h = 1e-6
    numeric = (act.forward(z + h) - act.forward(z - h)) / (2 * h)
    assert np.allclose(act.derivative(z), numeric, atol=1e-8)


def test_unknown_activation_names_the_choices():
    with pytest.raises(ValueError, match="unknown activation 'swish'; choose one of sigmoid"):
        get_activation("swish")


@pytest.mark.parametrize(("name", "z", "value"), [
    ("elu", -1.0, np.exp(-1.0) - 1), ("elu", 2.0, 2.0),
    ("softplus", 0.0, np.log(2.0)), ("softplus", -800.0, 0.0), ("softplus", 800.0, 800.0),
    ("silu", 1.0, 1 / (1 + np.exp(-1.0))), ("silu", -800.0, 0.0),
    ("gelu", 1.0, 0.8411919906082768),  # the tanh approximation, as PyTorch's "tanh" GELU
    ("gelu", -800.0, 0.0), ("sine", np.pi / 2, 1.0),
])
def test_the_new_activations_values(name, z, value):
    assert get_activation(name).forward(np.array([[z]]))[0, 0] == pytest.approx(value, abs=1e-12)


@pytest.mark.parametrize("name", list(ACTIVATIONS))
def test_every_activation_carries_its_facts(name):
    act = get_activation(name)
    assert act.label and act.formula and act.script
    if act.output_range is not None:
        z = np.linspace(-50, 50, 201)[None, :]
        low, high = act.output_range
        assert low <= act.forward(z).min() and act.forward(z).max() <= high
    if act.max_slope is not None:  # it saturates: f′ peaks at max_slope
        z = np.linspace(-5, 5, 1001)[None, :]
        assert act.derivative(z).max() == pytest.approx(act.max_slope, rel=1e-6)


@pytest.mark.parametrize("name", [n for n in ACTIVATIONS if n != "softmax"])
def test_the_exported_expressions_are_the_activation(name):
    """The script's f and f′ (playground export --format numpy) agree with the registry's."""
    from playground.export.numpy_script import _HELPERS

    act = get_activation(name)
    namespace = {"np": np}
    for helper in _HELPERS.values():
        exec(helper, namespace)  # noqa: S102 - our own text
    z = np.linspace(-6, 6, 97)[None, :]
    a = act.forward(z)
    assert np.allclose(eval(act.script, {**namespace, "z": z}), a, rtol=1e-12, atol=1e-15)
    assert np.allclose(eval(act.script_derivative, {**namespace, "z": z, "a": a}),
                       act.derivative(z), rtol=1e-12, atol=1e-15)
