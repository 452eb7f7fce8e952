"""Finite-difference gradient check in float64, reported per layer.

Every parameter (or, with ``max_per_layer``, a seeded random sample of each layer's entries, so
that a wide network checks in a moment) is nudged by ±eps and the loss difference compared with
the analytic gradient from ``Network.loss_and_grads``. The relative error of a layer is
‖g_analytic − g_numeric‖ / max(‖g_analytic‖ + ‖g_numeric‖, tiny): about 1e-9 for a correct
backward pass, near 1 for a wrong one.

Finite differences cannot judge every network, and then the result says so instead of blaming
backprop (``conclusive`` False, ``reason`` one of ``INCONCLUSIVE``): a loss or gradient that is
not finite; gradients that have vanished (saturated units, blown-up weights: both sides are ~0);
a loss so large that its rounding error, divided by 2·eps, swamps the differences. Samples that
put a ReLU input on its kink at 0 (where the central difference takes the mean of both slopes, and
the check failed on fresh ReLU nets with zero biases) are left out; only when every sample does is
the check inconclusive for that reason.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from playground.nn.dropout import draw_masks
from playground.nn.network import Network
from playground.phrase import QT_TRANSLATE_NOOP

Array = np.ndarray
DEFAULT_TOLERANCE = 1e-6
VANISHED = 1e-10  # a layer's gradient norm below this (both ways) leaves nothing to compare
ROUNDING_MARGIN = 10.0  # an error within this many times the loss's rounding noise is noise
KINK_MARGIN = 1e-4  # a ReLU input this close to 0 may be crossed by the differences
INCONCLUSIVE = {  # marked for the window's translator (context "GradCheck")
    "non-finite": QT_TRANSLATE_NOOP("GradCheck", "the loss or a gradient is inf or nan, so "
                                    "there is nothing to compare"),
    "vanished": QT_TRANSLATE_NOOP("GradCheck", "the gradients have vanished (saturated units "
                                  "or blown-up weights), so both sides are about zero"),
    "loss-too-large": QT_TRANSLATE_NOOP("GradCheck", "the loss is so large that its rounding "
                                        "error swamps the differences"),
    "kink": QT_TRANSLATE_NOOP("GradCheck", "every sample puts a ReLU input at 0, its kink, "
                              "where finite differences take the mean of both slopes"),
}


@dataclass(frozen=True)
class LayerCheck:
    layer: int
    relative_error: float
    analytic_norm: float
    numeric_norm: float
    unjudged: str | None = None  # a key of INCONCLUSIVE when this layer cannot be judged


@dataclass(frozen=True)
class GradCheckResult:
    layers: tuple[LayerCheck, ...]
    tolerance: float
    skipped: int = 0  # samples left out because a ReLU input of theirs sat on its kink
    fixed_mask: bool = False  # dropout: every loss of the check took one mask, drawn once

    @property
    def max_error(self) -> float:
        return max(c.relative_error for c in self.layers)

    @property
    def reason(self) -> str | None:
        """Why finite differences cannot judge this network (a key of INCONCLUSIVE), or None."""
        return next((c.unjudged for c in self.layers if c.unjudged), None)

    @property
    def conclusive(self) -> bool:
        return self.reason is None

    @property
    def passed(self) -> bool:
        """Backprop agrees with finite differences on every layer, and every layer was judged."""
        return self.conclusive and self.max_error <= self.tolerance

    @property
    def failed(self) -> bool:
        """Backprop's gradient is wrong: a judged layer disagrees."""
        return any(c.unjudged is None and c.relative_error > self.tolerance
                   for c in self.layers)


def as_float64(net: Network) -> Network:
    """A float64 copy of ``net`` with the same weights (a float32 net is too coarse to check)."""
    copy = Network(net.input_dim, list(net.layers), net.loss_name, net.init, net.seed, np.float64,
                   net.bugs)  # its layers keep their dropout: a check fixes one mask
    copy.set_params(net.params)
    return copy


def _relative_error(a: Array, b: Array) -> float:
    denom = max(float(np.linalg.norm(a) + np.linalg.norm(b)), 1e-300)
    return float(np.linalg.norm(a - b) / denom)


def numeric_grads(loss_fn: Callable[[], float], params: list[dict[str, Array]],
                  eps: float = 1e-6,
                  picks: list[dict[str, Array]] | None = None) -> list[dict[str, Array]]:
    """Central differences of ``loss_fn()`` with respect to every entry of ``params`` (or only
    the flat indices in ``picks``; the others stay 0)."""
    result = []
    for li, layer in enumerate(params):
        g = {}
        for key, arr in layer.items():
            num = np.zeros_like(arr)
            flat, nflat = arr.reshape(-1), num.reshape(-1)
            for i in (range(flat.size) if picks is None else picks[li][key]):
                old = flat[i]
                flat[i] = old + eps
                up = loss_fn()
                flat[i] = old - eps
                down = loss_fn()
                flat[i] = old
                nflat[i] = (up - down) / (2 * eps)
            g[key] = num
        result.append(g)
    return result


def check_gradients(net: Network, x: Array, y: Array, eps: float = 1e-6,
                    tolerance: float = DEFAULT_TOLERANCE,
                    grads_fn: Callable[[Network, Array, Array], list[dict[str, Array]]]
                    | None = None, max_per_layer: int | None = None,
                    seed: int = 0) -> GradCheckResult:
    """Compare analytic and numeric gradients of ``net`` on a small batch, layer by layer.

    ``grads_fn(net, x, y)`` gives the analytic gradients to test (default: ``loss_and_grads``);
    the numeric ones always come from the network's own loss. A network with dropout is checked
    with one mask, drawn from ``seed`` and kept for every loss (``fixed_mask`` says so).
    """
    net64 = as_float64(net)
    x = np.asarray(x, dtype=np.float64)
    y = np.asarray(y) if net.loss.integer_targets else np.asarray(y, dtype=np.float64)
    with np.errstate(over="ignore", invalid="ignore"):
        smooth = ~_on_a_kink(net64, x)
    if not smooth.any():
        return GradCheckResult(tuple(LayerCheck(i, 0.0, 0.0, 0.0, "kink")
                                     for i in range(len(net64.params))), tolerance, len(x))
    x, y = x[smooth], y[smooth]
    if net64.dropping:  # one mask for every loss below, or the differences would be noise
        net64.fixed_masks = draw_masks(np.random.default_rng(seed), net64.layers, len(x),
                                       net64.dtype)
    with np.errstate(over="ignore", invalid="ignore"):
        analytic = (grads_fn or (lambda n, a, b: n.loss_and_grads(a, b)[1]))(net64, x, y)
        picks = None if max_per_layer is None else _sample(net64.params, max_per_layer, seed)
        loss = float(net64.loss_and_grads(x, y)[0])
        numeric = numeric_grads(lambda: net64.loss_and_grads(x, y)[0], net64.params, eps, picks)
    checks = []
    for i, (ga, gn) in enumerate(zip(analytic, numeric, strict=True)):
        keys = sorted(ga)
        a = np.concatenate([_entries(ga[k], picks, i, k) for k in keys])
        n = np.concatenate([_entries(gn[k], picks, i, k) for k in keys])
        with np.errstate(over="ignore", invalid="ignore"):
            error = _relative_error(a, n)
            norms = float(np.linalg.norm(a)), float(np.linalg.norm(n))
        checks.append(LayerCheck(i, error, *norms, _unjudged(loss, a, n, error, norms, eps,
                                                             tolerance)))
    return GradCheckResult(tuple(checks), tolerance, int((~smooth).sum()), net64.dropping)


def _unjudged(loss: float, a: Array, n: Array, error: float, norms: tuple[float, float],
              eps: float, tolerance: float) -> str | None:
    """Why this layer's comparison says nothing about backprop (a key of INCONCLUSIVE)."""
    if not (np.isfinite(loss) and np.isfinite(error) and all(map(np.isfinite, norms))):
        return "non-finite"
    if max(norms) < VANISHED:
        return "vanished"
    if error <= tolerance:
        return None
    # each numeric entry is (up - down) / 2eps; up and down are each rounded to a spacing of loss
    noise = float(np.spacing(abs(loss))) / eps * np.sqrt(a.size)
    if float(np.linalg.norm(a - n)) <= ROUNDING_MARGIN * noise:
        return "loss-too-large"
    return None


def _on_a_kink(net: Network, x: Array) -> Array:
    """(n,) bool: samples for which a ReLU-like unit's input lies within reach of its kink."""
    zs, _ = net.forward_all(x)
    near = np.zeros(len(x), dtype=bool)
    scale = 1 + float(np.abs(x).max(initial=0))
    for act, z in zip(net.acts, zs, strict=True):
        if act.kink:
            near |= (np.abs(z) < KINK_MARGIN * scale).any(axis=1)
    return near


def _sample(params: list[dict[str, Array]], per_layer: int, seed: int) -> list[dict[str, Array]]:
    """Up to ``per_layer`` flat indices of each layer, shared among its arrays by size."""
    rng = np.random.default_rng(seed)
    picks = []
    for layer in params:
        total = sum(a.size for a in layer.values())
        picks.append({k: np.sort(rng.choice(a.size, min(a.size, max(1, per_layer * a.size
                                                                       // total)),
                                            replace=False))
                      for k, a in layer.items()})
    return picks


def _entries(g: Array, picks: list[dict[str, Array]] | None, layer: int, key: str) -> Array:
    return g.ravel() if picks is None else g.ravel()[picks[layer][key]]
