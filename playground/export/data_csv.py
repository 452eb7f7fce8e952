"""A model's data set as CSV: its features, the label (or the target of a regression) and which
split each row is in, so a learner can take the points elsewhere. Qt-free."""

from __future__ import annotations

import csv
from pathlib import Path

import numpy as np

from playground.export.script_data import ScriptData


def write_csv(data: ScriptData, features: list[str], path: str | Path) -> Path:
    """Rows ``features..., label|target, split`` (train first, then test); ValueError for MNIST,
    whose IDX files are its data."""
    if data.x_train is None:
        raise ValueError("MNIST's data is its IDX files (resources/mnist/), not a CSV")
    path = Path(path)
    last = "target" if data.regression else "label"
    with path.open("w", newline="", encoding="utf-8") as f:
        out = csv.writer(f)
        out.writerow([*features, last, "split"])
        for split, x, y in (("train", data.x_train, data.labels_train),
                            ("test", data.x_test, data.labels_test)):
            if x is None:
                continue
            for row, value in zip(np.asarray(x).tolist(), np.asarray(y).tolist(), strict=True):
                out.writerow([*(repr(v) for v in row), repr(value), split])
    return path
