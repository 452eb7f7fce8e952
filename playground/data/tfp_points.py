"""TensorFlow Playground's points, exactly: its ``Math.random`` stream and its data generators.

TFP (github tensorflow/playground, ``src/playground.ts`` ``generateData``) seeds ``Math.random``
with the link's ``seed`` string through the ``seedrandom`` library (2.4.x: ARC4, the key made of
the string's UTF-16 code units, the first 256 bytes dropped, 52 bits a number), draws 500 points
(1,200 for a regression) with one of its six generators (``src/dataset.ts``), shuffles them
(Fisher-Yates, from the end) and keeps the first ``percTrainData`` percent for training.
``tfp_points`` does the same, step for step and in the same floating-point order, so a link opens
here on the very points the browser showed; ``tests/data/test_tfp_points.py`` holds them against
points TFP's own code made. Labels are TFP's: ±1 to classify, a real number in [-1, 1] to regress.
Qt-free.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

Array = np.ndarray
WIDTH, CHUNKS = 256, 6
START_DENOM, SIGNIFICANCE, OVERFLOW = float(WIDTH**CHUNKS), 2**52, 2**53
POINTS_CLASSIFY, POINTS_REGRESS = 500, 1200
CLASSIFY = ("circle", "xor", "gauss", "spiral")
REGRESS = ("reg-plane", "reg-gauss")
DATASETS = CLASSIFY + REGRESS


class SeedRandom:
    """``Math.random`` after ``Math.seedrandom(seed)`` (seedrandom 2.4.x)."""

    def __init__(self, seed: str) -> None:
        key: list[int] = []
        smear = 0
        units = seed.encode("utf-16-le")
        for j in range(len(units) // 2):
            code = units[2 * j] | units[2 * j + 1] << 8
            slot = j & 255
            if slot < len(key):  # a seed past 256 units mixes into the key (JS: NaN ^ 0 else)
                smear = _int32(smear ^ _int32(key[slot] * 19))
                key[slot] = (smear + code) & 255
            else:
                key.append((smear + code) & 255)
        self._arc4(key or [0])

    def _arc4(self, key: list[int]) -> None:
        s = list(range(WIDTH))
        j = 0
        for i in range(WIDTH):
            t = s[i]
            j = (j + key[i % len(key)] + t) & 255
            s[i], s[j] = s[j], t
        self.s, self.i, self.j = s, 0, 0
        self._bytes(WIDTH)  # RC4-drop[256]

    def _bytes(self, count: int) -> int:
        s, i, j, r = self.s, self.i, self.j, 0
        for _ in range(count):
            i = (i + 1) & 255
            t = s[i]
            j = (j + t) & 255
            s[i], s[j] = s[j], t
            r = r * WIDTH + s[(s[i] + s[j]) & 255]
        self.i, self.j = i, j
        return r

    def random(self) -> float:
        """The next number in [0, 1), as JavaScript computes it (its doubles)."""
        n, d, x = self._bytes(CHUNKS), START_DENOM, 0
        while n < SIGNIFICANCE:
            n, d, x = (n + x) * WIDTH, d * WIDTH, self._bytes(1)
        while n >= OVERFLOW:
            n, d, x = n // 2, d / 2, x >> 1
        return (float(n) + float(x)) / d


def _int32(v: int) -> int:
    v &= 0xFFFFFFFF
    return v - (1 << 32) if v >= 1 << 31 else v


@dataclass(frozen=True)
class TfpPoints:
    """Train and test points (n, 2) and TFP's labels (n,), in TFP's order."""

    train: Array
    train_labels: Array
    test: Array
    test_labels: Array


def tfp_points(dataset: str, noise: float, train_percent: float, seed: str) -> TfpPoints:
    """The points TFP draws for ``dataset`` (one of ``CLASSIFY`` or ``REGRESS``), ``noise`` in
    percent (TFP's 0-50) and ``train_percent`` of them for training (TFP's ``percTrainData``)."""
    if dataset not in DATASETS:
        raise ValueError(f"TensorFlow Playground has no data set {dataset!r}")
    rng = SeedRandom(seed)
    n = POINTS_REGRESS if dataset in REGRESS else POINTS_CLASSIFY
    points = GENERATORS[dataset](rng, n, noise / 100)
    counter = len(points)  # TFP's shuffle
    while counter > 0:
        index = math.floor(rng.random() * counter)
        counter -= 1
        points[counter], points[index] = points[index], points[counter]
    cut = math.floor(len(points) * train_percent / 100)
    rows = np.array(points, np.float64).reshape(-1, 3)
    return TfpPoints(rows[:cut, :2], rows[:cut, 2], rows[cut:, :2], rows[cut:, 2])


# ----- TFP's generators (src/dataset.ts), each Math.random in its order --------------------------
Point = tuple[float, float, float]


def _uniform(rng: SeedRandom, a: float, b: float) -> float:
    return rng.random() * (b - a) + a


def _normal(rng: SeedRandom, mean: float, variance: float) -> float:
    while True:
        v1 = 2 * rng.random() - 1
        v2 = 2 * rng.random() - 1
        s = v1 * v1 + v2 * v2
        if s <= 1:
            break
    if s == 0:  # JavaScript: sqrt(-2·log 0 / 0) · 0 is NaN
        return math.nan
    return mean + math.sqrt(variance) * (math.sqrt(-2 * math.log(s) / s) * v1)


def _linear(x: float, d0: float, d1: float, r0: float, r1: float, clamp: bool = False) -> float:
    """d3 3.x's linear scale: [d0, d1] onto [r0, r1]."""
    t = (x - d0) / (d1 - d0)
    if clamp:
        t = max(0.0, min(1.0, t))
    return r0 * (1 - t) + r1 * t


def _dist(ax: float, ay: float, bx: float, by: float) -> float:
    dx, dy = ax - bx, ay - by
    return math.sqrt(dx * dx + dy * dy)


def _gauss(rng: SeedRandom, n: int, noise: float) -> list[Point]:
    variance = _linear(noise, 0, 0.5, 0.5, 4)
    points = []
    for cx, cy, label in ((2, 2, 1), (-2, -2, -1)):
        i = 0
        while i < n / 2:
            x = _normal(rng, cx, variance)
            points.append((x, _normal(rng, cy, variance), label))
            i += 1
    return points


def _noisy(rng: SeedRandom, n: int, noise: float, label: Callable[[float, float], float],
           radius: float = 6) -> list[Point]:
    """reg-plane and reg-gauss: uniform points, the label read at a point moved by the noise."""
    points = []
    for _ in range(n):
        x = _uniform(rng, -radius, radius)
        y = _uniform(rng, -radius, radius)
        noise_x = _uniform(rng, -radius, radius) * noise
        noise_y = _uniform(rng, -radius, radius) * noise
        points.append((x, y, label(x + noise_x, y + noise_y)))
    return points


def _plane(rng: SeedRandom, n: int, noise: float) -> list[Point]:
    return _noisy(rng, n, noise, lambda x, y: _linear(x + y, -10, 10, -1, 1))


BUMPS = ((-4, 2.5, 1), (0, 2.5, -1), (4, 2.5, 1), (-4, -2.5, -1), (0, -2.5, 1), (4, -2.5, -1))


def _bump_label(x: float, y: float) -> float:
    label = 0.0
    for cx, cy, sign in BUMPS:
        new = sign * _linear(_dist(x, y, cx, cy), 0, 2, 1, 0, clamp=True)
        if abs(new) > abs(label):
            label = new
    return label


def _bumps(rng: SeedRandom, n: int, noise: float) -> list[Point]:
    return _noisy(rng, n, noise, _bump_label)


def _spiral(rng: SeedRandom, n: int, noise: float) -> list[Point]:
    half = n / 2
    points = []
    for delta, label in ((0.0, 1), (math.pi, -1)):
        i = 0
        while i < half:
            r = i / half * 5
            t = 1.75 * i / half * 2 * math.pi + delta
            x = r * math.sin(t) + _uniform(rng, -1, 1) * noise
            y = r * math.cos(t) + _uniform(rng, -1, 1) * noise
            points.append((x, y, label))
            i += 1
    return points


def _circle(rng: SeedRandom, n: int, noise: float) -> list[Point]:
    radius = 5.0
    points = []
    for low, high in ((0.0, radius * 0.5), (radius * 0.7, radius)):
        i = 0
        while i < n / 2:
            r = _uniform(rng, low, high)
            angle = _uniform(rng, 0, 2 * math.pi)
            x, y = r * math.sin(angle), r * math.cos(angle)
            noise_x = _uniform(rng, -radius, radius) * noise
            noise_y = _uniform(rng, -radius, radius) * noise
            inside = _dist(x + noise_x, y + noise_y, 0, 0) < radius * 0.5
            points.append((x, y, 1 if inside else -1))
            i += 1
    return points


def _xor(rng: SeedRandom, n: int, noise: float) -> list[Point]:
    points = []
    for _ in range(n):
        x = _uniform(rng, -5, 5)
        x += 0.3 if x > 0 else -0.3
        y = _uniform(rng, -5, 5)
        y += 0.3 if y > 0 else -0.3
        noise_x = _uniform(rng, -5, 5) * noise
        noise_y = _uniform(rng, -5, 5) * noise
        points.append((x, y, 1 if (x + noise_x) * (y + noise_y) >= 0 else -1))
    return points


GENERATORS: dict[str, Callable[[SeedRandom, int, float], list[Point]]] = {
    "circle": _circle, "xor": _xor, "gauss": _gauss, "spiral": _spiral,
    "reg-plane": _plane, "reg-gauss": _bumps}
