"""Weights and gradients over a run, per layer, as bands: the extremes, the quartiles and the
median of each layer's weights at each kept epoch, and of each layer's |∂L/∂W| at each frame.
Five numbers a layer instead of a histogram: a band that widens is weights growing, a gradient
band that sinks by decades is a gradient vanishing.

And where the health monitor's findings about one layer began: ``since`` finds the first kept
epoch from which the finding's condition (``health``'s own thresholds) has held at every kept
epoch up to the latest. Qt-free.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from playground.nn.health import BAD_SHARE, EXPLODED_RMS, LayerHealth, measure
from playground.nn.landscape import unflat
from playground.nn.network import Network

Array = np.ndarray
QUANTILES = np.array([0.0, 0.25, 0.5, 0.75, 1.0])
MARKED = ("dead-relu", "saturated", "vanishing", "diverging")  # findings placed in time


def quantiles(values: Array) -> Array:
    """(5,) float64: min, quartiles, median and max of the finite ``values`` (nan: none)."""
    v = np.asarray(values, np.float64).ravel()
    v = v[np.isfinite(v)]
    return np.quantile(v, QUANTILES) if len(v) else np.full(len(QUANTILES), np.nan)


def grad_bands(net: Network) -> Array:
    """(layers, 5): the quantiles of |∂L/∂W| of ``net``'s last training step, per layer."""
    return np.stack([quantiles(np.abs(g["W"])) for g in net.grads])


def weight_bands(rows: Array, net: Network) -> Array:
    """(k, layers, 5): the quantiles of each layer's weights W in each row of ``rows`` (k, P),
    weights in ``flat_params`` order."""
    out = np.empty((len(rows), len(net.layers), len(QUANTILES)))
    for i, row in enumerate(rows):
        for j, layer in enumerate(unflat(row, net)):
            out[i, j] = quantiles(layer["W"])
    return out


def healths(rows: Array, net: Network, x: Array) -> list[tuple[LayerHealth, ...]]:
    """The monitor's per-layer numbers (no gradients) for each row's weights on ``x``."""
    return [measure(net, unflat(row, net), x, None) for row in rows]


def holds(kind: str, layer: int, health: Sequence[LayerHealth]) -> bool:
    """Whether finding ``kind`` about ``layer`` (0-based) holds for these numbers, by the
    monitor's thresholds (a vanishing gradient is judged by its saturated outputs alone)."""
    h = health[layer]
    if kind in ("dead-relu",):
        return (h.dead or 0.0) >= BAD_SHARE
    if kind in ("saturated", "vanishing"):
        return (h.saturated or 0.0) >= BAD_SHARE
    if kind == "diverging":
        return h.weight_rms > EXPLODED_RMS
    return False


def since(kind: str, layer: int, epochs: Array, per_epoch: Sequence[Sequence[LayerHealth]]
          ) -> int | None:
    """The first of ``epochs`` from which ``kind`` has held for ``layer`` at every one up to
    the last; None when it does not hold at the last."""
    start = None
    for epoch, health in zip(reversed(epochs), reversed(per_epoch), strict=True):
        if not holds(kind, layer, health):
            break
        start = int(epoch)
    return start
