"""2-D toy datasets in the spirit of TensorFlow Playground, on the plane [-6, 6]².

Every generator takes ``n`` points, a ``noise`` level in [0, 1] and a ``seed``, and returns
x (n, 2) float64 and integer labels (n,). ``make_toy`` picks one by name; ``split`` divides a set
into train and test parts.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

Array = np.ndarray
EXTENT = 6.0  # the plane the plots show: [-EXTENT, EXTENT]²


@dataclass(frozen=True)
class ToyData:
    """Points ``x`` (n, 2), labels ``y`` (n,) in 0..n_classes-1; for a regression set
    (``n_classes`` 0) ``y`` holds real targets in [-1, 1]."""

    name: str
    x: Array
    y: Array
    n_classes: int


def xor(n: int, noise: float, rng: np.random.Generator) -> tuple[Array, Array]:
    """Class 1 where x1·x2 < 0; points kept a little away from the axes so the task is fair."""
    pts = rng.uniform(-5, 5, (n, 2))
    pts += np.where(pts > 0, 0.3, -0.3)
    y = (pts[:, 0] * pts[:, 1] < 0).astype(np.int64)
    return pts + rng.uniform(-5, 5, (n, 2)) * noise, y


def circle(n: int, noise: float, rng: np.random.Generator) -> tuple[Array, Array]:
    """Class 1 inside radius 2.5, class 0 in a ring from 3.5 to 5."""
    half = n // 2
    r = np.concatenate([rng.uniform(0, 2.5, half), rng.uniform(3.5, 5, n - half)])
    angle = rng.uniform(0, 2 * np.pi, n)
    pts = np.column_stack([r * np.cos(angle), r * np.sin(angle)])
    y = np.concatenate([np.ones(half, np.int64), np.zeros(n - half, np.int64)])
    return pts + rng.uniform(-5, 5, (n, 2)) * noise, y


def gauss(n: int, noise: float, rng: np.random.Generator, classes: int = 2) -> tuple[Array, Array]:
    """``classes`` Gaussian blobs on a circle of radius 3; noise widens them."""
    y = np.arange(n) % classes
    centers = 3.0 * np.column_stack([np.cos(2 * np.pi * y / classes + np.pi / 4),
                                     np.sin(2 * np.pi * y / classes + np.pi / 4)])
    return centers + rng.normal(0, 0.5 + 2.5 * noise, (n, 2)), y.astype(np.int64)


def spiral(n: int, noise: float, rng: np.random.Generator, classes: int = 2) -> tuple[Array, Array]:
    """``classes`` interleaved arms, each turning 1.75 times round the origin."""
    y = np.arange(n) % classes
    t = rng.uniform(0, 1, n)
    r = 5.0 * t
    angle = 1.75 * 2 * np.pi * t + 2 * np.pi * y / classes
    pts = np.column_stack([r * np.sin(angle), r * np.cos(angle)])
    return pts + rng.uniform(-1, 1, (n, 2)) * 5 * noise, y.astype(np.int64)


def moons(n: int, noise: float, rng: np.random.Generator) -> tuple[Array, Array]:
    """Two interleaved half circles."""
    half = n // 2
    a = rng.uniform(0, np.pi, half)
    b = rng.uniform(0, np.pi, n - half)
    upper = np.column_stack([np.cos(a), np.sin(a)])
    lower = np.column_stack([1 - np.cos(b), 0.5 - np.sin(b)])
    pts = (np.vstack([upper, lower]) - [0.5, 0.25]) * 3.0
    y = np.concatenate([np.zeros(half, np.int64), np.ones(n - half, np.int64)])
    return pts + rng.normal(0, 1.5 * noise, (n, 2)), y


def reg_plane(n: int, noise: float, rng: np.random.Generator) -> tuple[Array, Array]:
    """A tilted plane, as TensorFlow Playground's: target (x₁ + x₂) / 10 over uniform points,
    clipped to [-1, 1]; noise reads the target at a point moved by up to noise·EXTENT."""
    x = rng.uniform(-EXTENT, EXTENT, (n, 2))
    at = x + rng.uniform(-EXTENT, EXTENT, x.shape) * noise
    return x, np.clip((at[:, 0] + at[:, 1]) / 10.0, -1.0, 1.0)


# the bumps of reg-gauss: centre and sign, as TensorFlow Playground's six
GAUSS_BUMPS = (((-4.0, 2.5), 1.0), ((0.0, 2.5), -1.0), ((4.0, 2.5), 1.0),
               ((-4.0, -2.5), -1.0), ((0.0, -2.5), 1.0), ((4.0, -2.5), -1.0))
BUMP_RADIUS = 2.0  # a bump falls linearly from ±1 at its centre to 0 at this distance


def reg_gauss(n: int, noise: float, rng: np.random.Generator) -> tuple[Array, Array]:
    """Six bumps of alternating sign, as TensorFlow Playground's: the target is the bump of
    largest magnitude at each point, in [-1, 1]; noise as for reg-plane."""
    x = rng.uniform(-EXTENT, EXTENT, (n, 2))
    at = x + rng.uniform(-EXTENT, EXTENT, x.shape) * noise
    bumps = np.stack([sign * np.clip(1 - np.linalg.norm(at - centre, axis=1) / BUMP_RADIUS, 0, 1)
                      for centre, sign in GAUSS_BUMPS], axis=1)
    return x, bumps[np.arange(n), np.abs(bumps).argmax(axis=1)]


# The seeds' tiny sets, exactly: the XOR truth table and "output = input" on 0 and 1. Every point
# trains (a held-out point would leave the network nothing to learn it from).
LOGIC_SETS: dict[str, tuple[list[list[float]], list[int]]] = {
    "xor-gate": ([[0, 0], [0, 1], [1, 0], [1, 1]], [0, 1, 1, 0]),
    "identity": ([[0, 0], [1, 0]], [0, 1]),
}
REGRESSION = ("reg-plane", "reg-gauss")  # real targets in [-1, 1], as TensorFlow Playground's
# points a regression set has unless asked otherwise: TensorFlow Playground's 1,200 (an 8-8-1
# tanh net reaches a test RMSE of 0.09-0.15 on reg-gauss with them in 300 Adam epochs, 0.27
# with 200)
REGRESSION_POINTS = 1200
TOY_DATASETS = ("xor", "circle", "gauss", "spiral", "moons", *LOGIC_SETS, *REGRESSION)
MULTICLASS = ("gauss", "spiral")


def make_toy(name: str, n: int = 200, noise: float = 0.0, seed: int | None = 0,
             classes: int = 2) -> ToyData:
    """The toy set ``name`` with ``n`` points; ``classes`` applies to gauss and spiral."""
    if name not in TOY_DATASETS:
        raise ValueError(f"unknown dataset {name!r}; choose one of {', '.join(TOY_DATASETS)}")
    if name in LOGIC_SETS:
        x, y = LOGIC_SETS[name]
        return ToyData(name, np.array(x, dtype=np.float64), np.array(y, dtype=np.int64), 2)
    if int(n) < 2:
        raise ValueError(f"a dataset needs at least 2 points, not {n}")
    if not 0.0 <= noise <= 1.0:
        raise ValueError(f"noise must lie in [0, 1], not {noise}")
    if name in MULTICLASS and not 2 <= classes <= 10:
        raise ValueError(f"classes must lie in 2..10, not {classes}")
    rng = np.random.default_rng(seed)
    if name in REGRESSION:
        x, t = (reg_plane if name == "reg-plane" else reg_gauss)(int(n), noise, rng)
        return ToyData(name, x, t, 0)
    gen = {"xor": xor, "circle": circle, "gauss": gauss, "spiral": spiral, "moons": moons}[name]
    if name in MULTICLASS:
        x, y = gen(int(n), noise, rng, classes)
    else:
        x, y = gen(int(n), noise, rng)
        classes = 2
    order = rng.permutation(len(y))
    return ToyData(name, x[order], y[order], classes)


def toy_split(name: str, n: int, noise: float, seed: int | None, classes: int,
              test_fraction: float) -> tuple[Array, Array, Array, Array, int]:
    """(x_train, y_train, x_test, y_test, n_classes) of a toy set; a logic set trains on all."""
    toy = make_toy(name, n, noise, seed, classes)
    if name in LOGIC_SETS:
        return toy.x, toy.y, toy.x[:0], toy.y[:0], toy.n_classes
    return (*split(toy.x, toy.y, test_fraction, seed), toy.n_classes)


def split(x: Array, y: Array, test_fraction: float,
          seed: int | None = 0) -> tuple[Array, Array, Array, Array]:
    """(x_train, y_train, x_test, y_test): a seeded random ``test_fraction`` of rows held out."""
    if not 0.0 <= test_fraction < 1.0:
        raise ValueError(f"the test fraction must lie in [0, 1), not {test_fraction}")
    n = len(y)
    n_test = int(round(n * test_fraction))
    order = np.random.default_rng(seed).permutation(n)
    test, train = order[:n_test], order[n_test:]
    return x[train], y[train], x[test], y[test]
