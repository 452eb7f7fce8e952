"""TensorFlow Playground's input features: x1, x2, x1², x2², x1·x2, sin x1, sin x2.

``apply_features(x, names)`` maps points (n, 2) to the chosen features (n, len(names)), in the order
given, so a network trained on (x1, x2, x1·x2) sees three inputs.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np

Array = np.ndarray

FEATURES: dict[str, Callable[[Array], Array]] = {
    "x1": lambda p: p[:, 0],
    "x2": lambda p: p[:, 1],
    "x1^2": lambda p: p[:, 0] ** 2,
    "x2^2": lambda p: p[:, 1] ** 2,
    "x1*x2": lambda p: p[:, 0] * p[:, 1],
    "sin_x1": lambda p: np.sin(p[:, 0]),
    "sin_x2": lambda p: np.sin(p[:, 1]),
}

# how the GUI writes them
FEATURE_LABELS = {
    "x1": "x₁", "x2": "x₂", "x1^2": "x₁²", "x2^2": "x₂²", "x1*x2": "x₁·x₂",
    "sin_x1": "sin x₁", "sin_x2": "sin x₂",
}

DEFAULT_FEATURES = ("x1", "x2")


def check_features(names: Sequence[str]) -> tuple[str, ...]:
    """``names`` as a tuple, or ValueError for an empty list, a duplicate or an unknown name."""
    names = tuple(names)
    if not names:
        raise ValueError("choose at least one input feature")
    unknown = [n for n in names if n not in FEATURES]
    if unknown:
        raise ValueError(f"unknown feature {unknown[0]!r}; choose from {', '.join(FEATURES)}")
    if len(set(names)) != len(names):
        raise ValueError("each input feature may be chosen once")
    return names


def apply_features(points: Array, names: Sequence[str]) -> Array:
    """Feature matrix (n, len(names)) for points (n, 2)."""
    names = check_features(names)
    points = np.asarray(points, dtype=np.float64)
    if points.ndim != 2 or points.shape[1] != 2:
        raise ValueError(f"points must have shape (n, 2), got {points.shape}")
    return np.column_stack([FEATURES[n](points) for n in names])
