"""The plane evaluated by a network: decision boundary and per-neuron maps, as RGB images.

One forward pass over a grid gives every layer's activations, so the boundary and all neuron maps
of a frame cost one pass. Colours follow TensorFlow Playground: orange for class 0 / negative,
blue for class 1 / positive, white in between. No Qt here: the widgets wrap the arrays.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from playground.data.features import apply_features
from playground.data.toy import EXTENT
from playground.nn import Network

Array = np.ndarray
ORANGE = np.array([245, 147, 34], dtype=np.float64)
BLUE = np.array([8, 119, 189], dtype=np.float64)
WHITE = np.array([255, 255, 255], dtype=np.float64)
CLASS_COLOURS = np.array([
    [245, 147, 34], [8, 119, 189], [44, 160, 44], [214, 39, 40], [148, 103, 189],
    [140, 86, 75], [227, 119, 194], [127, 127, 127], [188, 189, 34], [23, 190, 207],
], dtype=np.float64)


def grid_points(resolution: int, extent: float = EXTENT) -> Array:
    """(resolution², 2) points covering [-extent, extent]², row-major with y increasing."""
    axis = np.linspace(-extent, extent, resolution)
    gx, gy = np.meshgrid(axis, axis)
    return np.column_stack([gx.ravel(), gy.ravel()])


BACKGROUND_STRENGTH = 0.6  # the output map is faded so that the points on it stand out


def _diverging_table(strength: float) -> Array:
    """(256, 3) uint8: orange – white – blue in 256 steps, faded towards white by ``strength``."""
    t = np.linspace(0.0, 1.0, 256)[:, None]
    lower = ORANGE + (WHITE - ORANGE) * np.clip(2 * t, 0, 1)
    upper = WHITE + (BLUE - WHITE) * np.clip(2 * t - 1, 0, 1)
    colour = np.where(t < 0.5, lower, upper)
    return np.round(WHITE + (colour - WHITE) * strength).astype(np.uint8)


_TABLES: dict[float, Array] = {}


def diverging(values: Array, low: float, high: float, strength: float = 1.0) -> Array:
    """Values mapped orange (low) – white (middle) – blue (high): uint8 (..., 3). ``strength`` < 1
    fades the colours towards white. A 256-step lookup table: the direct arithmetic cost 6 ms a
    frame (measured, spiral net)."""
    table = _TABLES.get(strength)
    if table is None:
        table = _TABLES[strength] = _diverging_table(strength)
    scaled = np.subtract(values, low, dtype=np.float32)
    scaled *= np.float32(255.0 / (high - low))
    np.nan_to_num(scaled, copy=False, nan=127.5)
    np.clip(scaled, 0, 255, out=scaled)
    return table[scaled.astype(np.uint8)]


def class_colours(proba: Array, discretize: bool) -> Array:
    """Per-point colour (n, 3) uint8 for class probabilities (n, k): the winning class's colour,
    faded towards white by how unsure the network is."""
    k = proba.shape[1]
    best = proba.argmax(axis=1)
    conf = np.ones(len(best)) if discretize else (proba.max(axis=1) - 1 / k) / (1 - 1 / k)
    colour = CLASS_COLOURS[best % len(CLASS_COLOURS)]
    strength = BACKGROUND_STRENGTH * (0.3 + 0.7 * conf[:, None])
    return (WHITE + (colour - WHITE) * strength).astype(np.uint8)


def output_range(activation: str) -> tuple[float, float]:
    return (-1.0, 1.0) if activation == "tanh" else (0.0, 1.0)


@dataclass(frozen=True)
class PlaneMaps:
    """Boundary (res, res, 3); per hidden layer a list of neuron maps (tile, tile, 3); and, for
    several outputs, each output unit's probability map in its class colour. All uint8."""

    boundary: Array
    neurons: tuple[tuple[Array, ...], ...]
    outputs: tuple[Array, ...] = ()


class GridEvaluator:
    """Evaluates a network's weights over the plane, on a private network the caller never trains.

    The boundary grid and the small neuron-map grid go through one forward pass, in float32."""

    def __init__(self, resolution: int = 100, tile: int = 32) -> None:
        self.resolution, self.tile = resolution, tile
        self._net: Network | None = None
        self._points = np.vstack([grid_points(resolution), grid_points(tile)])

    def bind(self, net: Network, features: Sequence[str]) -> None:
        """Use a private float32 copy of ``net``'s architecture for inputs made of ``features``."""
        self._net = Network(net.input_dim, list(net.layers), net.loss_name, net.init, 0,
                            np.float32)
        self._x = apply_features(self._points, tuple(features)).astype(np.float32)

    def evaluate(self, params: Sequence[dict[str, Array]], discretize: bool) -> PlaneMaps:
        if self._net is None:
            raise ValueError("bind a network first")
        net = self._net
        net.set_params(list(params))
        _, acts = net.forward_all(self._x)
        big = self.resolution**2
        out = acts[-1][:big].astype(np.float64)
        if out.shape[1] == 1:
            low, high = output_range(net.output_activation)
            values = out[:, 0]
            if discretize:
                values = np.where(values > (low + high) / 2, high, low)
            boundary = diverging(values, low, high, BACKGROUND_STRENGTH)
        else:
            boundary = class_colours(out, discretize)
        res = self.resolution
        neurons = tuple(self._layer_tiles(a[big:], spec.activation)
                        for a, spec in zip(acts[:-1], net.layers[:-1], strict=True))
        outputs = self._output_tiles(acts[-1][big:]) if out.shape[1] > 1 else ()
        return PlaneMaps(boundary.reshape(res, res, 3), neurons, outputs)

    def _output_tiles(self, proba: Array) -> tuple[Array, ...]:
        """Each output unit's value (0 to 1) from white to its class colour."""
        t = self.tile
        p = np.clip(proba.astype(np.float64), 0.0, 1.0)
        return tuple((WHITE + (CLASS_COLOURS[j % len(CLASS_COLOURS)] - WHITE) * p[:, j:j + 1])
                     .astype(np.uint8).reshape(t, t, 3) for j in range(p.shape[1]))

    def _layer_tiles(self, acts: Array, activation: str) -> tuple[Array, ...]:
        """One (tile, tile, 3) map per neuron, coloured in one call for the whole layer."""
        t = self.tile
        if activation == "sigmoid":
            colours = diverging(acts.T, 0.0, 1.0)  # (units, t*t, 3)
        elif activation == "tanh":
            colours = diverging(acts.T, -1.0, 1.0)
        else:  # unbounded: each neuron by its own largest magnitude, or small ones look blank
            scale = np.abs(acts).max(axis=0)
            scale[scale == 0] = 1.0
            colours = diverging((acts / scale).T, -1.0, 1.0)
        return tuple(colours.reshape(-1, t, t, 3))
