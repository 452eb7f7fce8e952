"""The 2-D points the app trains on: generated, clicked in or imported, split into train and test.

Points are kept raw (n, 2) so that the feature map can change without touching them, and a point
the user adds goes to the training part.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from playground.data.csv_points import Progress, load_csv
from playground.data.errors import DataFileError, file_phrase
from playground.data.features import apply_features
from playground.data.prepare import DataSpec, toy_points
from playground.data.toy import EXTENT, split
from playground.phrase import QT_TRANSLATE_NOOP

Array = np.ndarray
MAX_STORED_POINTS = 5000  # beyond this, points are not written into model files


@dataclass(frozen=True)
class PointSet:
    """Train and test points (n, 2) with integer labels (n,), and the number of classes."""

    train: Array
    train_labels: Array
    test: Array
    test_labels: Array
    n_classes: int

    @classmethod
    def empty(cls, n_classes: int = 2) -> PointSet:
        return cls(np.zeros((0, 2)), np.zeros(0, np.int64), np.zeros((0, 2)),
                   np.zeros(0, np.int64), n_classes)

    @classmethod
    def generate(cls, spec: DataSpec) -> PointSet:
        """A toy set drawn as ``spec`` says, or an empty plane for "custom"."""
        if spec.name == "custom":
            return cls.empty(spec.classes)
        return cls(*toy_points(spec))

    @classmethod
    def from_csv(cls, path: str | Path, test_fraction: float, seed: int,
                 max_points: int | None = None, progress: Progress | None = None) -> PointSet:
        """2-D labelled points from a CSV file (x1, x2, label); at most ``max_points``, and
        ``progress`` as ``load_csv`` takes it."""
        data = load_csv(path, max_points, progress)
        if data.x.shape[1] != 2:
            raise DataFileError(path, file_phrase(QT_TRANSLATE_NOOP(
                "Files", "needs three columns (x1, x2, a class label 0-9 or a real target); it has"
                    " {features} features"), features=data.x.shape[1]))
        if not data.is_classification:  # real targets: a regression
            x_tr, y_tr, x_te, y_te = split(data.x, data.y.astype(np.float64), test_fraction, seed)
            return cls(x_tr, y_tr, x_te, y_te, 0)
        if data.y.max() > 9:
            raise DataFileError(path, file_phrase(QT_TRANSLATE_NOOP(
                "Files", "has class label {label}; use labels 0 to 9"), label=data.y.max()))
        x_tr, y_tr, x_te, y_te = split(data.x, data.y, test_fraction, seed)
        return cls(x_tr, y_tr, x_te, y_te, max(2, int(data.y.max()) + 1))

    @property
    def regression(self) -> bool:
        """Real targets, not classes (n_classes 0)."""
        return self.n_classes == 0

    @property
    def size(self) -> int:
        return len(self.train_labels) + len(self.test_labels)

    def with_point(self, point: tuple[float, float], label: int) -> PointSet:
        """A copy with one more training point."""
        if not 0 <= label < 10:
            raise ValueError(f"class must lie in 0..9, not {label}")
        train = np.vstack([self.train, np.asarray(point, dtype=np.float64)[None, :]])
        labels = np.append(self.train_labels, np.int64(label))
        return PointSet(train, labels, self.test, self.test_labels, max(self.n_classes, label + 1))

    def without_nearest(self, point: tuple[float, float], radius: float = 0.5) -> PointSet:
        """A copy without the train or test point nearest ``point`` (if within ``radius``)."""
        p = np.asarray(point, dtype=np.float64)
        d_tr = np.linalg.norm(self.train - p, axis=1) if len(self.train) else np.array([np.inf])
        d_te = np.linalg.norm(self.test - p, axis=1) if len(self.test) else np.array([np.inf])
        if min(d_tr.min(), d_te.min()) > radius:
            return self
        if d_tr.min() <= d_te.min():
            keep = np.arange(len(self.train)) != d_tr.argmin()
            return PointSet(self.train[keep], self.train_labels[keep], self.test,
                            self.test_labels, self.n_classes)
        keep = np.arange(len(self.test)) != d_te.argmin()
        return PointSet(self.train, self.train_labels, self.test[keep], self.test_labels[keep],
                        self.n_classes)

    def features(self, names: tuple[str, ...]) -> tuple[Array, Array]:
        """(x_train, x_test) with the feature map applied."""
        return apply_features(self.train, names), apply_features(self.test, names)

    def to_json(self) -> dict[str, Any] | None:
        if self.size > MAX_STORED_POINTS:
            return None
        return {"train": self.train.tolist(), "train_labels": self.train_labels.tolist(),
                "test": self.test.tolist(), "test_labels": self.test_labels.tolist(),
                "n_classes": self.n_classes}

    @classmethod
    def from_json(cls, raw: dict[str, Any]) -> PointSet:
        """Points stored in a model file; ValueError when they are malformed."""
        try:
            parts = [np.asarray(raw[k], dtype=np.float64).reshape(-1, 2) for k in ("train", "test")]
            n_classes = int(raw["n_classes"])
            kind = np.float64 if n_classes == 0 else np.int64  # 0: a regression's targets
            labels = [np.asarray(raw[k], dtype=kind) for k in ("train_labels", "test_labels")]
        except (KeyError, TypeError, ValueError, OverflowError) as e:
            raise ValueError(f"the stored points are malformed ({str(e)[:80]})") from None
        if n_classes == 0:
            if not all(lab.ndim == 1 and np.isfinite(lab).all() for lab in labels):
                raise ValueError("the stored targets are not finite numbers")
        elif not 2 <= n_classes <= 10 or any(lab.ndim != 1 or lab.size and not (
                lab.min() >= 0 and lab.max() < n_classes) for lab in labels):
            raise ValueError("the stored labels are not classes 0 to 9")
        if any(len(p) != len(lab) for p, lab in zip(parts, labels, strict=True)):
            raise ValueError("the stored points and labels differ in number")
        if not all(np.isfinite(p).all() and np.abs(p).max(initial=0) < 100 * EXTENT
                   for p in parts):
            raise ValueError("the stored points lie off the plane")
        return cls(parts[0], labels[0], parts[1], labels[1], n_classes)
