"""One training step on one sample, every array of it: forward, loss, backward, update. Qt-free.

``explain_step(net, x, y, config)`` runs the network's own code (``Network.explain_pass``, the
optimizer's own ``step``) in float64 on the single sample ``x`` (d,) with target ``y``, and keeps
every number: per layer z and a (and a layer with dropout, this step's mask: the step drops
units as training does, drawn from the network's seed); the loss; per layer δ = ∂L/∂z,
∂L/∂W = a_prevᵀ·δ and ∂L/∂b = δ; per layer the weights before and after the update of the
optimizer in use (from a fresh optimizer state). With bug-lab switches on, the same step is
also computed without them, and ``first_difference`` names the first array where the two part
(forward layer by layer, then backward from the output down, then the update), and the bug
that explains it.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass

import numpy as np

from playground.nn.network import Network
from playground.nn.optim import SGD, make_optimizer
from playground.nn.train import SUMMED_STEP, TrainConfig

Array = np.ndarray
RTOL, ATOL = 1e-9, 1e-12  # two float64 arrays of one step "agree" within these
OVERFLOW_Z = -709.0  # exp(−z) overflows float64 below this


@dataclass(frozen=True)
class LayerForward:
    layer: int  # 1-based
    activation: str
    z: Array  # (units,)
    a: Array  # (units,), before dropout
    kept: Array | None = None  # dropout: 0 for a dropped unit, 1/(1 − p) for a kept one


@dataclass(frozen=True)
class LayerBackward:
    layer: int
    delta: Array  # (units,) ∂L/∂z
    dW: Array  # (n_in, units)  # noqa: N815 - the maths name
    db: Array | None  # (units,), None without a bias


@dataclass(frozen=True)
class LayerUpdate:
    layer: int
    W_before: Array
    W_after: Array
    b_before: Array | None
    b_after: Array | None


@dataclass(frozen=True)
class Difference:
    """Where a buggy step first parts from the correct one."""

    layer: int
    array: str  # "z", "a", "delta", "dW", "db" or "update"
    bug: str


@dataclass(frozen=True)
class StepExplained:
    x: Array  # (d,)
    y: Array  # (k,) targets, or () an integer label
    loss_name: str
    forward: tuple[LayerForward, ...]
    loss: float
    backward: tuple[LayerBackward, ...]  # output layer first
    optimizer: str
    lr: float
    update: tuple[LayerUpdate, ...]
    first_difference: Difference | None = None
    correct: StepExplained | None = None  # the same step without the bugs, when any is on
    overflow_layers: tuple[int, ...] = ()  # layers where a naive sigmoid's exp overflowed


def explain_step(net: Network, x: Array, y: Array, config: TrainConfig) -> StepExplained:
    """Every number of one step of ``net`` on the sample ``x`` (d,) with target ``y`` ((k,)
    floats, or an integer label for cross-entropy); ``net`` itself is not changed."""
    step = _step(net, x, y, config)
    if not net.bugs:
        return step
    clean = Network(net.input_dim, list(net.layers), net.loss_name, net.init, net.seed,
                    np.float64)
    clean.set_params(net.params)
    correct = _step(clean, x, y, config)
    return StepExplained(**{**step.__dict__, "correct": correct,
                            "first_difference": first_difference(step, correct, net.bugs)})


def _step(net: Network, x: Array, y: Array, config: TrainConfig) -> StepExplained:
    net64 = Network(net.input_dim, list(net.layers), net.loss_name, net.init, net.seed,
                    np.float64, net.bugs)
    net64.set_params(net.params)
    xb = np.asarray(x, dtype=np.float64).reshape(1, -1)
    yb = np.asarray(y).reshape(1) if net64.loss.integer_targets else \
        np.asarray(y, dtype=np.float64).reshape(1, -1)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", RuntimeWarning)  # a naive sigmoid's: noted, not shown
        loss, zs, acts, deltas, grads, masks = net64.explain_pass(xb, yb)
    overflow = tuple(i + 1 for i, (spec, z) in enumerate(zip(net.layers, zs, strict=True))
                     if caught and spec.activation == "sigmoid" and z.min() < OVERFLOW_Z)
    forward = tuple(LayerForward(i + 1, s.activation, z[0], a[0], None if m is None else m[0])
                    for i, (s, z, a, m) in enumerate(zip(net.layers, zs, acts, masks,
                                                         strict=True)))
    backward = tuple(LayerBackward(i + 1, deltas[i][0], grads[i]["W"], grads[i].get("b"))
                     for i in range(len(net.layers) - 1, -1, -1))
    opt, name, lr = _optimizer(net, config)
    before = net64.copy_params()
    after = [{k: np.empty_like(v) for k, v in p.items()} for p in before]
    flat = [p[k] for p in before for k in ("W", "b") if k in p]
    opt.step(flat, [g[k] for g in grads for k in ("W", "b") if k in g],
             out=[p[k] for p in after for k in ("W", "b") if k in p])
    update = tuple(LayerUpdate(i + 1, b["W"], a["W"], b.get("b"), a.get("b"))
                   for i, (b, a) in enumerate(zip(before, after, strict=True)))
    return StepExplained(xb[0], yb[0], net.loss_name, forward, float(loss), backward, name, lr,
                         update, overflow_layers=overflow)


def _optimizer(net: Network, config: TrainConfig) -> tuple[SGD, str, float]:
    """The optimizer this step uses, fresh, as ``train_steps`` would make it for a batch of 1."""
    if SUMMED_STEP in net.bugs:  # weights += the gradient summed: a step of the batch size (1)
        return SGD(1.0), SUMMED_STEP, 1.0
    return make_optimizer(config.optimizer, config.lr, config.momentum), config.optimizer, \
        float(config.lr)


def _order(step: StepExplained) -> list[tuple[int, str, Array | None]]:
    """Every array of ``step`` in the order a reader meets them."""
    out: list[tuple[int, str, Array | None]] = []
    for f in step.forward:
        out += [(f.layer, "z", f.z), (f.layer, "a", f.a)]
    for b in step.backward:
        out += [(b.layer, "delta", b.delta), (b.layer, "dW", b.dW), (b.layer, "db", b.db)]
    for u in step.update:
        out += [(u.layer, "update", u.W_after), (u.layer, "update", u.b_after)]
    return out


def _agree(a: Array | None, b: Array | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return a.shape == b.shape and bool(np.allclose(a, b, rtol=RTOL, atol=ATOL, equal_nan=True))


def first_difference(step: StepExplained, correct: StepExplained,
                     bugs: frozenset[str] | set[str]) -> Difference | None:
    """The first array where ``step`` parts from ``correct``, with the bug that explains it."""
    if step.overflow_layers:
        return Difference(step.overflow_layers[0], "a", "naive-sigmoid")
    n_layers = len(step.forward)
    for (layer, array, a), (_, _, b) in zip(_order(step), _order(correct), strict=True):
        if not _agree(a, b):
            return Difference(layer, array, _culprit(array, layer, n_layers, bugs))
    return None


def _culprit(array: str, layer: int, n_layers: int, bugs: frozenset[str] | set[str]) -> str:
    if array == "update":
        return SUMMED_STEP
    if "sign-flip" in bugs and (layer == n_layers or "derivative-at-output" not in bugs):
        return "sign-flip"
    if "derivative-at-output" in bugs:
        return "derivative-at-output"
    return sorted(bugs)[0]
