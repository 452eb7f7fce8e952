"""Losses, each a mean over the batch, and their gradient with respect to the output layer's z.

- ``mse``: ½·Σ over outputs of (a − y)², with any output activation (sigmoid, tanh, linear,
  softmax).
- ``bce``: Σ over outputs of −[y·log a + (1 − y)·log(1 − a)], with a sigmoid output. Computed from z
  (log σ(z) = −softplus(−z)), so it is finite even when σ(z) rounds to 0 or 1.
- ``cross_entropy``: −log softmax(z)[label] with integer labels (n,). Fused with the softmax.

``loss_and_dz(z, a, y, dz)`` returns the loss as a float and writes dLoss/dz, shape (n, k), into dz.
For the fused pairs the gradient is simply (a − y)/n.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from playground.nn.activations import Activation

Array = np.ndarray

LOSSES = ("mse", "bce", "cross_entropy")
# which output activations each loss accepts
LOSS_OUTPUTS = {
    "mse": ("sigmoid", "tanh", "linear", "softmax"),
    "bce": ("sigmoid",),
    "cross_entropy": ("softmax",),
}


def _softplus(x: Array) -> Array:
    """log(1 + e^x) without overflow."""
    return np.maximum(x, 0) + np.log1p(np.exp(-np.abs(x)))


def mse_loss(a: Array, y: Array) -> float:
    """½·Σ_k (a − y)² averaged over the batch; a and y are (n, k)."""
    diff = a - y
    return float(0.5 * np.einsum("ij,ij->", diff, diff) / a.shape[0])


def bce_loss(z: Array, y: Array) -> float:
    """Binary cross-entropy from logits z (n, k) and targets y (n, k) in [0, 1]."""
    per = _softplus(z) - y * z  # = −[y log σ(z) + (1 − y) log(1 − σ(z))]
    return float(per.sum() / z.shape[0])


def cross_entropy_loss(z: Array, labels: Array) -> float:
    """−log softmax(z)[label] averaged; z (n, k), labels int (n,)."""
    m = z.max(axis=1)
    lse = m + np.log(np.exp(z - m[:, None]).sum(axis=1))
    picked = z[np.arange(z.shape[0]), labels]
    return float((lse - picked).sum() / z.shape[0])


def _mse(z: Array, a: Array, y: Array, dz: Array, act: Activation) -> float:
    loss = mse_loss(a, y)
    np.subtract(a, y, out=dz)
    dz *= 1.0 / a.shape[0]
    act.grad_mul(dz, z, a)
    return loss


def _bce(z: Array, a: Array, y: Array, dz: Array, act: Activation) -> float:
    np.subtract(a, y, out=dz)
    dz *= 1.0 / a.shape[0]
    return bce_loss(z, y)


SAFE_PROBABILITY = 1e-30  # above this, −log a[label] from the forward softmax is accurate


def _cross_entropy(z: Array, a: Array, labels: Array, dz: Array, act: Activation) -> float:
    n, k = a.shape
    at_label = _row_starts(n, k) + labels  # flat index of each row's label: 2x quicker than a
    picked = a.take(at_label)              # (rows, labels) fancy index, read and write alike
    scale = a.dtype.type(1.0 / n)
    np.multiply(a, scale, out=dz)
    np.put(dz, at_label, (picked - 1) * scale)
    if picked.min() > SAFE_PROBABILITY:  # reuse the softmax the forward pass computed
        return float(-np.log(picked).sum() / n)
    return cross_entropy_loss(z, labels)  # a probability may have underflowed: use the logits


@functools.lru_cache(maxsize=16)  # a few batch sizes live at a time
def _row_starts(n: int, k: int) -> Array:
    """Read-only flat offsets 0, k, 2k, … of the n rows of a C-ordered (n, k) array."""
    starts = np.arange(n) * k
    starts.flags.writeable = False
    return starts


@dataclass(frozen=True)
class Loss:
    """``loss_and_dz(z, a, y, dz, act)`` for training; ``value(z, a, y)`` for evaluation."""

    name: str
    loss_and_dz: Callable[[Array, Array, Array, Array, Activation], float]
    value: Callable[[Array, Array, Array], float]
    integer_targets: bool = False


_LOSS_IMPLS = {
    "mse": Loss("mse", _mse, lambda z, a, y: mse_loss(a, y)),
    "bce": Loss("bce", _bce, lambda z, a, y: bce_loss(z, y)),
    "cross_entropy": Loss("cross_entropy", _cross_entropy,
                          lambda z, a, y: cross_entropy_loss(z, y), integer_targets=True),
}


def get_loss(name: str, output_activation: str) -> Loss:
    """The loss ``name`` checked against the output activation; ValueError for a bad pair."""
    if name not in _LOSS_IMPLS:
        raise ValueError(f"unknown loss {name!r}; choose one of {', '.join(LOSSES)}")
    if output_activation not in LOSS_OUTPUTS[name]:
        allowed = " or ".join(LOSS_OUTPUTS[name])
        raise ValueError(
            f"loss {name!r} needs a {allowed} output layer, not {output_activation!r}"
        )
    return _LOSS_IMPLS[name]
