"""A learner's step against the true gradient: which of their arrays are which layer's, and
how far each update is from −c × the gradient. Qt-free.

``parts(anatomy, step)`` pairs each layer's parameter (or the part of an array it reads, as
``w[0]``) with the change the step made to it; ``losses(anatomy)`` gives ∂L/∂out for the losses
a learner means; ``fit`` finds the one learning rate c that makes Δ ≈ −c·g, and how much is left.
"""

from __future__ import annotations

import numpy as np

from playground.learner.anatomy import Anatomy
from playground.learner.watch import Step, Update

Array = np.ndarray
TOL = 1e-4  # relative: their float64 arithmetic against ours differs by ~1e-12, float32 by ~1e-6
FLOOR = 1e-12


class Part:
    """One parameter array of one layer (or the part of an array it reads: ``w[0]``), with
    what the step did to it."""

    def __init__(self, layer: int, key: str, update: Update, index: object) -> None:
        self.layer, self.key, self.update, self.index = layer, key, update, index
        old = np.asarray(update.old.value, dtype=np.float64)
        new = np.asarray(update.node.value, dtype=np.float64)
        self.delta = (new - old)[index] if index is not None else new - old

    def grad(self, cot: dict[int, Array]) -> Array:
        g = cot.get(self.update.old.id, np.zeros(np.shape(self.update.old.value)))
        return g[self.index] if self.index is not None else g


def parts(an: Anatomy, step: Step) -> list[Part]:
    by_old = {u.old.id: u for u in step.updates}
    out = []
    for i, layer in enumerate(an.layers, 1):
        out.append(Part(i, "W", by_old[layer.weight.id], layer.index))
        if layer.bias is not None and layer.bias_updated:
            out.append(Part(i, "b", by_old[layer.bias.id], None))
    return out


def fit(pairs: list[tuple[Array, Array]], c: float | None = None) -> tuple[float, float]:
    """(c, residual): Δ ≈ −c·g with one c for all pairs (``c`` given: that one)."""
    gg = sum(float(np.vdot(g, g)) for _, g in pairs)
    dd = sum(float(np.vdot(d, d)) for d, _ in pairs)
    if c is None:
        c = -sum(float(np.vdot(d, g)) for d, g in pairs) / max(gg, 1e-300)
    if not np.isfinite(gg) or not np.isfinite(dd) or not np.isfinite(c):
        return c, np.inf  # a gradient that overflowed judges nothing
    if dd == 0:
        return c, 0.0 if gg == 0 else 1.0
    miss = sum(float(np.vdot(d + c * g, d + c * g)) for d, g in pairs)
    return c, (miss / dd) ** 0.5


def losses(an: Anatomy) -> dict[str, list[Array]]:
    """∂L/∂out for each loss a learner may mean, for each forward pass's output and targets."""
    last = an.layers[-1].activation
    found: dict[str, list[Array]] = {"½·squared error": []}
    if last == "sigmoid":
        found["binary cross-entropy"] = []
    if last == "softmax":
        found["cross-entropy"] = []
    for _, out_node, targets, _ in an.passes:
        out = np.asarray(out_node.value, dtype=np.float64)
        y = targets.reshape(out.shape)
        clipped = np.clip(out, FLOOR, 1 - FLOOR)
        found["½·squared error"].append(out - y)
        if "binary cross-entropy" in found:
            found["binary cross-entropy"].append((clipped - y) / (clipped * (1 - clipped)))
        if "cross-entropy" in found:
            found["cross-entropy"].append(-y / clipped)
    return found
