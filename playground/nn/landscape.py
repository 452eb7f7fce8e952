"""The loss around the current weights: a plane through them, and the run's path projected on it.

All weights are one flat float64 vector θ (``flat``: ``Network.flat_params`` order). A plane is
two directions d1, d2 through the centre θc (the current weights); the landscape is the training
loss at θc + α·d1 + β·d2 over a grid of (α, β). The directions (Li et al., "Visualizing the Loss
Landscape of Neural Nets", 2018):

- ``pca``: the two principal directions of the path, the rows θᵢ − θc of the weights at each
  kept epoch: the plane the run really moved in (orthonormal; ``explained`` is the share of the
  path's variance the plane holds);
- ``random``: two random directions, each neuron's incoming weights scaled to the norm of that
  neuron's own weights ("filter-normalised"), biases not moved;
- ``line``: the path's start-to-now line (α = 1 is where the run began) and one random
  filter-normalised direction made orthogonal to it.

The grid is fast because a layer's weighted sum is linear in its weights: the first layer's
X·W for θc, d1 and d2 is worked out once, so each point of the grid costs the combination and the
layers above it (a 41x41 landscape of MNIST's 784-128-10 on 1,000 images needs three
1,000x784x128 products, not 1,681). Qt-free.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from playground.nn.network import DIVERGED, Network

Array = np.ndarray
DIRECTIONS = ("pca", "random", "line")
MARGIN = 1.25  # the grid reaches this far past the path's farthest point


@dataclass(frozen=True)
class Landscape:
    directions: str
    alpha: Array  # (g,) the first direction's coordinates
    beta: Array  # (g,) the second's
    loss: Array  # (g, g): loss[i, j] at alpha[j], beta[i]
    path: Array  # (k, 2): each kept epoch's weights projected on the plane
    center_loss: float
    explained: float | None  # the share of the path's variance the plane holds (pca)
    d1: Array | None = None  # the directions themselves (flat), for a point's weights
    d2: Array | None = None

    def to_json(self) -> dict:
        def clean(values: Array) -> list:
            return [clean(v) if isinstance(v, np.ndarray) else
                    (float(v) if np.isfinite(v) else None) for v in values]

        return {"directions": self.directions, "alpha": clean(self.alpha),
                "beta": clean(self.beta), "loss": clean(self.loss), "path": clean(self.path),
                "center_loss": float(self.center_loss), "explained": self.explained}


def flat(params: list[dict[str, Array]]) -> Array:
    """Every weight and bias, in ``flat_params`` order, as one float64 vector."""
    return np.concatenate([p[k].ravel() for p in params for k in ("W", "b") if k in p]
                          ).astype(np.float64)


def unflat(theta: Array, net: Network) -> list[dict[str, Array]]:
    """``theta`` shaped as ``net``'s parameters (float64 views)."""
    out, at = [], 0
    for p in net.params:
        layer = {}
        for k in ("W", "b"):
            if k in p:
                layer[k] = theta[at:at + p[k].size].reshape(p[k].shape)
                at += p[k].size
        out.append(layer)
    return out


def filter_normalised(net: Network, rng: np.random.Generator) -> Array:
    """A random direction whose every neuron's incoming weights have the norm of that neuron's
    own; biases stay (0)."""
    parts = []
    for p in net.params:
        w = p["W"].astype(np.float64)
        d = rng.standard_normal(w.shape)
        d *= np.linalg.norm(w, axis=0) / np.maximum(np.linalg.norm(d, axis=0), 1e-12)
        parts.append(d.ravel())
        if "b" in p:
            parts.append(np.zeros(p["b"].size))
    return np.concatenate(parts)


def directions(kind: str, net: Network, path: Array, seed: int = 0
               ) -> tuple[Array, Array, float | None]:
    """(d1, d2, explained) of ``kind`` for the centre ``flat(net.params)`` and ``path`` (k, P),
    the weights at each kept epoch, oldest first (ValueError when ``kind`` needs more of it)."""
    center = flat(net.params)
    rng = np.random.default_rng(seed)
    if kind == "random":
        return filter_normalised(net, rng), filter_normalised(net, rng), None
    moved = path - center
    if kind == "line":
        if not len(path) or not np.any(moved[0]):
            raise ValueError("the line needs a start other than the weights now: train first")
        d1 = moved[0]
        d2 = filter_normalised(net, rng)
        d2 -= d1 * (d2 @ d1) / (d1 @ d1)
        return d1, d2, None
    if kind != "pca":
        raise ValueError(f"unknown directions {kind!r}; choose one of {', '.join(DIRECTIONS)}")
    if len(path) < 3:
        raise ValueError("principal directions need the weights of at least 3 epochs")
    _, s, vt = np.linalg.svd(moved, full_matrices=False)
    if len(s) < 2 or s[1] <= 1e-12 * max(s[0], 1e-300):
        raise ValueError("the path moved along one line only: use the line or random "
                         "directions")
    return vt[0], vt[1], float((s[0] ** 2 + s[1] ** 2) / np.sum(s ** 2))


def project(path: Array, center: Array, d1: Array, d2: Array) -> Array:
    """Each row of ``path`` as (α, β) on the plane (least squares: the directions need not be
    orthogonal); the centre is (0, 0)."""
    if not len(path):
        return np.zeros((0, 2))
    basis = np.stack([d1, d2], axis=1)
    coords, *_ = np.linalg.lstsq(basis, (path - center).T, rcond=None)
    return coords.T


class _Plane:
    """The loss over the plane centre + α·d1 + β·d2 on (x, y): the first layer's weighted sums
    for the centre and each direction worked out once, the layers above mixed per point."""

    def __init__(self, net: Network, x: Array, y: Array, d1: Array, d2: Array) -> None:
        self.net = net
        self.y = net.check_targets(y, x.shape[0])
        x = np.asarray(x, np.float64)
        parts = [unflat(v, net) for v in (flat(net.params), d1, d2)]
        self.z = [x @ p[0]["W"] + p[0].get("b", 0.0) for p in parts]  # centre, d1, d2
        self.upper = [p[1:] for p in parts]

    def loss(self, a: float, b: float) -> float:
        """The mean training loss (as ``metrics.evaluate`` gives it) at centre + a·d1 + b·d2."""
        z0, z1, z2 = self.z
        layers = [_mix(c, e, f, a, b) for c, e, f in zip(*self.upper, strict=True)]
        with np.errstate(**DIVERGED):
            return _loss_from(self.net, z0 + a * z1 + b * z2, layers, self.y)


def surface(net: Network, x: Array, y: Array, d1: Array, d2: Array, alpha: Array,
            beta: Array) -> Array:
    """The mean training loss at centre + α·d1 + β·d2 for every (α, β) of the grid:
    (len(beta), len(alpha)), float64."""
    return _grid(_Plane(net, x, y, d1, d2), alpha, beta)


def _grid(plane: _Plane, alpha: Array, beta: Array) -> Array:
    return np.array([[plane.loss(a, b) for a in alpha] for b in beta], dtype=np.float64
                    ).reshape(len(beta), len(alpha))


def _mix(center: dict, d1: dict, d2: dict, a: float, b: float) -> dict:
    return {k: center[k] + a * d1[k] + b * d2[k] for k in center}


def _loss_from(net: Network, z: Array, layers: list[dict], y: Array) -> float:
    """The loss of the network whose first weighted sum is ``z`` and whose other layers are
    ``layers``."""
    a = net.acts[0].forward(z)
    for p, act in zip(layers, net.acts[1:], strict=True):
        z = a @ p["W"]
        if "b" in p:
            z = z + p["b"]
        a = act.forward(z)
    return float(net.loss.value(z, a, y))


def landscape(net: Network, x: Array, y: Array, path: Array, kind: str = "pca",
              grid: int = 41, seed: int = 0) -> Landscape:
    """The landscape of ``kind`` around ``net``'s weights on (x, y), with ``path`` (k, P), the
    weights at each kept epoch (oldest first), projected on it. The grid reaches past the
    path's farthest point (``MARGIN``), and at least one unit of each direction."""
    if not 3 <= grid <= 201:
        raise ValueError(f"the grid has 3 to 201 points a side, not {grid}")
    d1, d2, explained = directions(kind, net, path, seed)
    center = flat(net.params)
    coords = project(path, center, d1, d2)
    reach = max(1.0, MARGIN * float(np.abs(coords).max())) if len(coords) else 1.0
    axis = np.linspace(-reach, reach, grid)
    plane = _Plane(net, x, y, d1, d2)  # the grid and the centre from the same products
    return Landscape(kind, axis, axis.copy(), _grid(plane, axis, axis), coords,
                     plane.loss(0.0, 0.0), explained, d1, d2)


def line_slice(net: Network, x: Array, y: Array, start: Array, points: int = 61,
               beyond: float = 0.25) -> tuple[Array, Array]:
    """(t, loss): the training loss along the straight line from the weights ``start`` (t = 0)
    to ``net``'s now (t = 1), ``beyond`` of it past each end: whether the run went over a hill
    or down a valley."""
    center = flat(net.params)
    t = np.linspace(-beyond, 1.0 + beyond, points)
    plane = _Plane(net, x, y, np.asarray(start, np.float64) - center, np.zeros_like(center))
    return t, np.array([plane.loss(1.0 - v, 0.0) for v in t], dtype=np.float64)
