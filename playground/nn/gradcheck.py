"""Finite-difference gradient check in float64, reported per layer.

Every parameter (or, with ``max_per_layer``, a seeded random sample of each layer's entries, so
that a wide network checks in a moment) is nudged by ±eps and the loss difference compared with
the analytic gradient from ``Network.loss_and_grads``. The relative error of a layer is
‖g_analytic − g_numeric‖ / max(‖g_analytic‖ + ‖g_numeric‖, tiny): about 1e-9 for a correct
backward pass, near 1 for a wrong one.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from playground.nn.network import Network

Array = np.ndarray
DEFAULT_TOLERANCE = 1e-6


@dataclass(frozen=True)
class LayerCheck:
    layer: int
    relative_error: float
    analytic_norm: float
    numeric_norm: float


@dataclass(frozen=True)
class GradCheckResult:
    layers: tuple[LayerCheck, ...]
    tolerance: float

    @property
    def max_error(self) -> float:
        return max(c.relative_error for c in self.layers)

    @property
    def passed(self) -> bool:
        return self.max_error <= self.tolerance


def as_float64(net: Network) -> Network:
    """A float64 copy of ``net`` with the same weights (a float32 net is too coarse to check)."""
    copy = Network(net.input_dim, list(net.layers), net.loss_name, net.init, net.seed, np.float64,
                   net.bugs)
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
    the numeric ones always come from the network's own loss.
    """
    net64 = as_float64(net)
    x = np.asarray(x, dtype=np.float64)
    y = np.asarray(y) if net.loss.integer_targets else np.asarray(y, dtype=np.float64)
    analytic = (grads_fn or (lambda n, a, b: n.loss_and_grads(a, b)[1]))(net64, x, y)
    picks = None if max_per_layer is None else _sample(net64.params, max_per_layer, seed)
    numeric = numeric_grads(lambda: net64.loss_and_grads(x, y)[0], net64.params, eps, picks)
    checks = []
    for i, (ga, gn) in enumerate(zip(analytic, numeric, strict=True)):
        keys = sorted(ga)
        a = np.concatenate([_entries(ga[k], picks, i, k) for k in keys])
        n = np.concatenate([_entries(gn[k], picks, i, k) for k in keys])
        checks.append(LayerCheck(i, _relative_error(a, n), float(np.linalg.norm(a)),
                                 float(np.linalg.norm(n))))
    return GradCheckResult(tuple(checks), tolerance)


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
