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
from playground.phrase import QT_TRANSLATE_NOOP

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


def mse_values(a: Array, y: Array) -> Array:
    """½·Σ_k (a − y)² averaged over the batch: a (n, ..., k) against y broadcast to it; one
    float64 value per index between the batch and the outputs (a 0-d array for (n, k), one per
    network for the seed stack's (n, N, k))."""
    diff = a - y
    return np.float64(0.5 / a.shape[0]) * np.einsum("i...k,i...k->...", diff, diff)


def bce_values(z: Array, y: Array) -> Array:
    """Binary cross-entropy from logits z (n, ..., k) and targets y in [0, 1], as
    ``mse_values`` shapes it."""
    per = _softplus(z) - y * z  # = −[y log σ(z) + (1 − y) log(1 − σ(z))]
    return per.sum(axis=(0, -1), dtype=np.float64) / z.shape[0]


SAFE_PROBABILITY = 1e-30  # above this, −log a[label] from the forward softmax is accurate


def cross_entropy_values(z: Array, labels: Array, picked: Array | None = None) -> Array:
    """−log softmax(z)[label] averaged over the batch; z (n, ..., k), labels int (n,), as
    ``mse_values`` shapes it. ``picked``, the forward softmax's probabilities at the labels
    (n, ...), is used where none of them underflowed; the logits give the rest."""
    n = z.shape[0]
    exact = None
    if picked is not None:
        safe = picked.min(axis=0) > SAFE_PROBABILITY
        with np.errstate(divide="ignore"):
            fast = -np.log(picked).sum(axis=0, dtype=np.float64) / n
        if safe.all():
            return fast
    m = z.max(axis=-1, keepdims=True)
    lse = (m + np.log(np.exp(z - m).sum(axis=-1, keepdims=True)))[..., 0]
    at = labels.reshape((n,) + (1,) * (z.ndim - 1))
    at_label = np.take_along_axis(z, np.broadcast_to(at, z.shape[:-1] + (1,)), axis=-1)[..., 0]
    exact = (lse - at_label).sum(axis=0, dtype=np.float64) / n
    return exact if picked is None else np.where(safe, fast, exact)


def loss_values(name: str, z: Array, a: Array, y: Array) -> Array:
    """The loss ``name`` averaged over the batch, one value per index between the batch and the
    outputs: z and a (n, ..., k); y broadcast to them (labels (n,) for cross-entropy)."""
    if name == "mse":
        return mse_values(a, y)
    if name == "bce":
        return bce_values(z, y)
    return cross_entropy_values(z, y)


def mse_loss(a: Array, y: Array) -> float:
    """½·Σ_k (a − y)² averaged over the batch; a and y are (n, k)."""
    return float(mse_values(a, y))


def bce_loss(z: Array, y: Array) -> float:
    """Binary cross-entropy from logits z (n, k) and targets y (n, k) in [0, 1]."""
    return float(bce_values(z, y))


def cross_entropy_loss(z: Array, labels: Array) -> float:
    """−log softmax(z)[label] averaged; z (n, k), labels int (n,)."""
    return float(cross_entropy_values(z, labels))


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


def _cross_entropy(z: Array, a: Array, labels: Array, dz: Array, act: Activation) -> float:
    n, k = a.shape
    at_label = _row_starts(n, k) + labels  # flat index of each row's label: 2x quicker than a
    picked = a.take(at_label)              # (rows, labels) fancy index, read and write alike
    scale = a.dtype.type(1.0 / n)
    np.multiply(a, scale, out=dz)
    np.put(dz, at_label, (picked - 1) * scale)
    # the rule of cross_entropy_values, written out for one network: through it a step took
    # 5.4 µs for this line against 2.6 inline (128 × 10 float32), on every training step
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
    label: str  # what the window calls it (translated in the context "Labels")
    integer_targets: bool = False


_LOSS_IMPLS = {
    "mse": Loss("mse", _mse, lambda z, a, y: mse_loss(a, y),
                QT_TRANSLATE_NOOP("Labels", "Mean squared error")),
    "bce": Loss("bce", _bce, lambda z, a, y: bce_loss(z, y),
                QT_TRANSLATE_NOOP("Labels", "Binary cross-entropy")),
    "cross_entropy": Loss("cross_entropy", _cross_entropy,
                          lambda z, a, y: cross_entropy_loss(z, y),
                          QT_TRANSLATE_NOOP("Labels", "Cross-entropy"), integer_targets=True),
}
LOSS_LABELS = {name: loss.label for name, loss in _LOSS_IMPLS.items()}


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
