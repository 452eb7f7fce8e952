"""How a layer's weights start: the four inits, what the window calls each and says of it."""

from __future__ import annotations

import numpy as np

from playground.phrase import QT_TRANSLATE_NOOP

Array = np.ndarray
INITS = ("uniform", "normal", "xavier", "he")
# what the window calls each init and says of it (translated in the context "Labels")
INIT_LABELS = {"uniform": QT_TRANSLATE_NOOP("Labels", "Uniform ±1"),
               "normal": QT_TRANSLATE_NOOP("Labels", "Normal N(0, 1)"),
               "xavier": QT_TRANSLATE_NOOP("Labels", "Xavier / Glorot"), "he": "He"}
INIT_TIPS = {
    "uniform": QT_TRANSLATE_NOOP("Labels", "U(−1, 1), as the classic tutorials: saturates wide "
                                           "sigmoid layers"),
    "normal": QT_TRANSLATE_NOOP("Labels", "N(0, 1), as the classic tutorials: saturates wide "
                                          "sigmoid layers"),
    "xavier": QT_TRANSLATE_NOOP("Labels", "Scaled to each layer's size: suits tanh and sigmoid"),
    "he": QT_TRANSLATE_NOOP("Labels", "Scaled for ReLU layers")}


def init_weights(rng: np.random.Generator, kind: str, n_in: int, n_out: int) -> Array:
    """W (n_in, n_out) drawn as ``uniform`` U(−1, 1) or ``normal`` N(0, 1) (the tutorials'
    rand and randn, whatever the width), ``xavier`` (Glorot uniform) or ``he`` (normal)."""
    if kind == "uniform":
        return rng.uniform(-1.0, 1.0, (n_in, n_out))
    if kind == "normal":
        return rng.normal(0.0, 1.0, (n_in, n_out))
    if kind == "xavier":
        limit = np.sqrt(6.0 / (n_in + n_out))
        return rng.uniform(-limit, limit, (n_in, n_out))
    if kind == "he":
        return rng.normal(0.0, np.sqrt(2.0 / n_in), (n_in, n_out))
    raise ValueError(f"unknown init {kind!r}; choose one of {', '.join(INITS)}")
