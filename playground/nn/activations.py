"""Activation functions and their derivatives.

Every function works on a batch ``z`` of shape ``(n, units)`` and writes into ``out`` when given, so
the training loop allocates nothing per step. Derivatives are taken at ``z``: ``grad_mul(da, z, a)``
multiplies ``da`` in place by ``f'(z)``. Where the derivative can be written with ``a = f(z)`` (the
sigmoid's ``a(1-a)``) that form is used, because it is the same number and cheaper. Nothing here
overflows or warns for any finite input, ±1e4 included.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from playground.phrase import QT_TRANSLATE_NOOP

LEAKY_SLOPE = 0.01

Array = np.ndarray


def sigmoid(z: Array, out: Array | None = None) -> Array:
    """σ(z) = 1/(1+e^-z) without overflow: e^-|z| is never larger than 1."""
    e = np.exp(-np.abs(z))
    out = np.empty_like(z) if out is None else out
    np.divide(1.0, 1.0 + e, out=out)
    # e^z / (1 + e^z) for negative z, multiplied under the mask in place: the same numbers as
    # indexing with it, without its three copies (20 against 27 µs on 800 values, 160 against
    # 277 on 128x128 float32)
    np.multiply(out, e, out=out, where=z < 0)
    return out


def _sigmoid_grad(da: Array, z: Array, a: Array) -> None:
    da *= a * (1.0 - a)


def _tanh(z: Array, out: Array | None = None) -> Array:
    return np.tanh(z, out=out) if out is not None else np.tanh(z)


def _tanh_grad(da: Array, z: Array, a: Array) -> None:
    da *= 1.0 - a * a


def _relu(z: Array, out: Array | None = None) -> Array:
    return np.maximum(z, 0, out=out) if out is not None else np.maximum(z, 0)


def _relu_grad(da: Array, z: Array, a: Array) -> None:
    np.multiply(da, z > 0, out=da)  # measured 6x faster than copyto(..., where=)


def _leaky_relu(z: Array, out: Array | None = None) -> Array:
    out = np.empty_like(z) if out is None else out
    np.multiply(z, np.where(z > 0, 1.0, LEAKY_SLOPE).astype(z.dtype, copy=False), out=out)
    return out


def _leaky_relu_grad(da: Array, z: Array, a: Array) -> None:
    da *= np.where(z > 0, 1.0, LEAKY_SLOPE).astype(da.dtype, copy=False)


def _linear(z: Array, out: Array | None = None) -> Array:
    if out is None:
        return z.copy()
    np.copyto(out, z)
    return out


def _linear_grad(da: Array, z: Array, a: Array) -> None:
    return None


def _elu(z: Array, out: Array | None = None) -> Array:
    """z for z > 0, e^z − 1 below (α = 1); expm1 of min(z, 0) never overflows."""
    value = np.where(z > 0, z, np.expm1(np.minimum(z, 0)))
    if out is None:
        return value
    np.copyto(out, value)
    return out


def _elu_grad(da: Array, z: Array, a: Array) -> None:
    da *= np.where(z > 0, 1.0, a + 1.0).astype(da.dtype, copy=False)  # e^z = a + 1 below 0


def _softplus(z: Array, out: Array | None = None) -> Array:
    """log(1 + e^z) = max(z, 0) + log1p(e^−|z|): no overflow."""
    value = np.maximum(z, 0) + np.log1p(np.exp(-np.abs(z)))
    if out is None:
        return value
    np.copyto(out, value)
    return out


def _softplus_grad(da: Array, z: Array, a: Array) -> None:
    da *= sigmoid(z)


def _silu(z: Array, out: Array | None = None) -> Array:
    """z·σ(z) (SiLU, also called swish)."""
    value = z * sigmoid(z)
    if out is None:
        return value
    np.copyto(out, value)
    return out


def _silu_grad(da: Array, z: Array, a: Array) -> None:
    s = sigmoid(z)
    da *= s + a * (1.0 - s)  # σ + zσ(1 − σ), with zσ = a


GELU_C = 0.7978845608028654  # √(2/π)
GELU_K = 0.044715


def _gelu(z: Array, out: Array | None = None) -> Array:
    """GELU, the tanh approximation (as BERT and GPT-2 use it, PyTorch's approximate="tanh"):
    ½·z·(1 + tanh(√(2/π)·(z + 0.044715·z³)))."""
    value = 0.5 * z * (1.0 + np.tanh(GELU_C * (z + GELU_K * z * z * z)))
    if out is None:
        return value.astype(z.dtype, copy=False)
    np.copyto(out, value)
    return out


def _gelu_grad(da: Array, z: Array, a: Array) -> None:
    t = np.tanh(GELU_C * (z + GELU_K * z * z * z))
    da *= 0.5 * (1.0 + t) + 0.5 * z * (1.0 - t * t) * GELU_C * (1.0 + 3.0 * GELU_K * z * z)


def _sine(z: Array, out: Array | None = None) -> Array:
    return np.sin(z, out=out) if out is not None else np.sin(z)


def _sine_grad(da: Array, z: Array, a: Array) -> None:
    da *= np.cos(z)


def softmax(z: Array, out: Array | None = None) -> Array:
    """Row-wise softmax of ``z`` (n, k); the row maximum is subtracted first, so exp never
    overflows."""
    out = np.empty_like(z) if out is None else out
    np.subtract(z, z.max(axis=1, keepdims=True), out=out)
    np.exp(out, out=out)
    out /= (out @ _ones(out.shape[1], out.dtype))[:, None]  # row sums by BLAS: faster
    return out


@functools.cache
def _ones(k: int, dtype: np.dtype) -> Array:
    """A read-only vector of k ones, made once per width (1 µs of a 15 µs softmax)."""
    ones = np.ones(k, dtype=dtype)
    ones.flags.writeable = False
    return ones


def _softmax_grad(da: Array, z: Array, a: Array) -> None:
    """Jacobian-vector product of softmax: a * (da - Σ da·a), row by row."""
    dot = np.einsum("ij,ij->i", da, a)[:, None]
    da -= dot
    da *= a


@dataclass(frozen=True)
class Activation:
    """An activation: ``forward(z, out)`` gives f(z); ``grad_mul(da, z, a)`` does da *= f'(z).

    The rest are the facts the window, the monitor and the exports need, so that none of them
    keeps a table of its own: a label, the formula in words, the output's range (None:
    unbounded), the largest slope of one that saturates (None: it does not), whether units can
    die (stuck at 0 for every input), whether He init suits it, and f and f′ as numpy
    expressions of ``z`` (and ``a`` = f(z)) for the exported script.
    """

    name: str
    forward: Callable[..., Array]
    grad_mul: Callable[[Array, Array, Array], None]
    label: str = ""
    formula: str = ""
    hidden_ok: bool = True
    kink: bool = False  # f' jumps at z = 0: finite differences across it cannot judge backprop
    output_range: tuple[float, float] | None = None
    max_slope: float | None = None  # saturates: the monitor compares f′ with this
    can_die: bool = False
    he_init: bool = False
    script: str = "z"  # f(z) in numpy (softmax: None, written out whole)
    script_derivative: str | None = "np.ones_like(z)"

    def derivative(self, z: Array) -> Array:
        """f'(z) as an array of the shape of ``z`` (n, units); diagonal only, so not for softmax."""
        if self.name == "softmax":
            raise ValueError("softmax has a full Jacobian, not an elementwise derivative")
        d = np.ones_like(z)
        self.grad_mul(d, z, self.forward(z))
        return d


ACTIVATIONS: dict[str, Activation] = {a.name: a for a in (
    Activation("sigmoid", sigmoid, _sigmoid_grad, "Sigmoid", "σ(z) = 1/(1 + e^−z)",
               output_range=(0.0, 1.0), max_slope=0.25, script="sigmoid(z)",
               script_derivative="a * (1 - a)"),
    Activation("tanh", _tanh, _tanh_grad, "Tanh", "tanh(z)", output_range=(-1.0, 1.0),
               max_slope=1.0, script="np.tanh(z)", script_derivative="1 - a * a"),
    Activation("relu", _relu, _relu_grad, "ReLU", "max(0, z)", kink=True, can_die=True,
               he_init=True, script="np.maximum(z, 0)",
               script_derivative="(z > 0).astype(z.dtype)"),
    Activation("leaky_relu", _leaky_relu, _leaky_relu_grad, "Leaky ReLU",
               f"z, or {LEAKY_SLOPE}·z below 0", kink=True, he_init=True,
               script=f"np.where(z > 0, z, {LEAKY_SLOPE} * z)",
               script_derivative=f"np.where(z > 0, 1.0, {LEAKY_SLOPE})"),
    Activation("elu", _elu, _elu_grad, "ELU", "z, or e^z − 1 below 0", he_init=True,
               script="np.where(z > 0, z, np.expm1(np.minimum(z, 0)))",
               script_derivative="np.where(z > 0, 1.0, a + 1)"),
    Activation("softplus", _softplus, _softplus_grad, "Softplus", "log(1 + e^z)",
               script="np.maximum(z, 0) + np.log1p(np.exp(-np.abs(z)))",
               script_derivative="sigmoid(z)"),
    Activation("silu", _silu, _silu_grad, "SiLU (swish)", "z·σ(z)", script="z * sigmoid(z)",
               script_derivative="sigmoid(z) + a * (1 - sigmoid(z))"),
    Activation("gelu", _gelu, _gelu_grad, "GELU (tanh)",
               "½z(1 + tanh(√(2/π)(z + 0.044715z³))), the tanh approximation",
               script="0.5 * z * (1 + np.tanh(0.7978845608028654 * (z + 0.044715 * z ** 3)))",
               script_derivative="gelu_derivative(z)"),
    Activation("sine", _sine, _sine_grad, "Sine", "sin(z)", output_range=(-1.0, 1.0),
               script="np.sin(z)", script_derivative="np.cos(z)"),
    Activation("linear", _linear, _linear_grad, "Linear", "z (no activation)"),
    Activation("softmax", softmax, _softmax_grad, "Softmax", "e^z_k / Σ_j e^z_j",
               hidden_ok=False, output_range=(0.0, 1.0), script="softmax(z)",
               script_derivative=None),
)}

# The labels and formulas with words in them, marked for the window's translator (context
# "Labels", where the layer editor looks them up); the records above stay English.
TRANSLATED = (
    QT_TRANSLATE_NOOP("Labels", "Sigmoid"), QT_TRANSLATE_NOOP("Labels", "Tanh"),
    QT_TRANSLATE_NOOP("Labels", "ReLU"), QT_TRANSLATE_NOOP("Labels", "Leaky ReLU"),
    QT_TRANSLATE_NOOP("Labels", "ELU"), QT_TRANSLATE_NOOP("Labels", "Softplus"),
    QT_TRANSLATE_NOOP("Labels", "SiLU (swish)"), QT_TRANSLATE_NOOP("Labels", "GELU (tanh)"),
    QT_TRANSLATE_NOOP("Labels", "Sine"), QT_TRANSLATE_NOOP("Labels", "Linear"),
    QT_TRANSLATE_NOOP("Labels", "Softmax"),
    QT_TRANSLATE_NOOP("Labels", "z, or 0.01·z below 0"),
    QT_TRANSLATE_NOOP("Labels", "z, or e^z − 1 below 0"),
    QT_TRANSLATE_NOOP("Labels", "½z(1 + tanh(√(2/π)(z + 0.044715z³))), the tanh approximation"),
    QT_TRANSLATE_NOOP("Labels", "z (no activation)"),
)

HIDDEN_ACTIVATIONS = tuple(n for n, a in ACTIVATIONS.items() if a.hidden_ok)
OUTPUT_ACTIVATIONS = ("sigmoid", "tanh", "linear", "softmax")


def get_activation(name: str) -> Activation:
    """The activation called ``name``; ValueError naming the choices for anything else."""
    try:
        return ACTIVATIONS[name]
    except (KeyError, TypeError):
        raise ValueError(
            f"unknown activation {name!r}; choose one of {', '.join(ACTIVATIONS)}"
        ) from None
