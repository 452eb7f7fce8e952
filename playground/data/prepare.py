"""One description of a dataset, ``DataSpec``, turned into train and test arrays.

The same spec is stored in model files, so ``playground eval`` and the app can rebuild exactly the
data a model was trained on: a toy set with its feature map, a CSV file, or MNIST.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, replace
from typing import Any

import numpy as np

from playground.data.csv_points import load_csv
from playground.data.features import DEFAULT_FEATURES, apply_features, check_features
from playground.data.mnist import load_mnist_inputs
from playground.data.tfp_points import DATASETS as TFP_DATASETS
from playground.data.tfp_points import REGRESS as TFP_REGRESS
from playground.data.tfp_points import tfp_points
from playground.data.toy import TOY_DATASETS, split, toy_split

Array = np.ndarray
DATASETS = (*TOY_DATASETS, "mnist")
MAX_POINTS = 100_000  # a toy set's points; the plane and a model file hold no more
MAX_SEED_TEXT = 200  # TensorFlow Playground's seed is any text; its own are 7 characters


def _whole(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and np.isfinite(value)


def _check(ok: bool, name: str, value: Any) -> None:
    if not ok:
        raise ValueError(f"the data setting {name} cannot be {str(value)[:40]!r}")


@dataclass(frozen=True)
class DataSpec:
    """Which data: ``name`` (a toy set, "mnist" or "csv" with ``path``) and how it is drawn."""

    name: str = "xor"
    points: int = 200
    noise: float = 0.0
    seed: int = 0
    classes: int = 2
    test_fraction: float = 0.5
    features: tuple[str, ...] = DEFAULT_FEATURES
    path: str | None = None
    limit: int | None = None  # MNIST: use only the first `limit` training images
    # TensorFlow Playground's seed (a link's ``seed``): its very points (``tfp_points``), which
    # hold only for the name, noise and test share the link gave
    tfp_seed: str | None = None

    def __post_init__(self) -> None:
        """ValueError for any value that cannot describe data (a model file may hold anything:
        ``points = 10**12``, ``noise = "a"``, ``features = 5``)."""
        _check(isinstance(self.name, str) and (self.name in DATASETS or self.name in
                                               ("csv", "custom")), "name", self.name)
        _check(_whole(self.points) and 0 <= self.points <= MAX_POINTS, "points", self.points)
        _check(_number(self.noise) and 0 <= self.noise <= 1, "noise", self.noise)
        _check(_whole(self.seed) and 0 <= self.seed < 2**32, "seed", self.seed)
        _check(_whole(self.classes) and 2 <= self.classes <= 10, "classes", self.classes)
        _check(_number(self.test_fraction) and 0 <= self.test_fraction < 1, "test_fraction",
               self.test_fraction)
        _check(isinstance(self.features, tuple) and all(isinstance(f, str) for f in
                                                        self.features), "features",
               self.features)
        check_features(self.features)
        _check(self.path is None or isinstance(self.path, str), "path", self.path)
        _check(self.limit is None or _whole(self.limit) and self.limit >= 0, "limit", self.limit)
        _check(self.tfp_seed is None or isinstance(self.tfp_seed, str) and len(self.tfp_seed) <=
               MAX_SEED_TEXT and self.name in TFP_DATASETS, "tfp_seed", self.tfp_seed)

    def without_tfp(self, before: DataSpec) -> DataSpec:
        """This spec, TensorFlow Playground's seed dropped when its points no longer hold (the
        data set, the number of points, the noise, the test share or the seed changed since
        ``before``; TFP draws new points then too)."""
        drawn = ("name", "points", "noise", "test_fraction", "seed", "classes")
        if self.tfp_seed is None or all(getattr(self, k) == getattr(before, k) for k in drawn):
            return self
        return replace(self, tfp_seed=None)

    def to_json(self) -> dict[str, Any]:
        d = asdict(self)
        d["features"] = list(self.features)
        return d

    @classmethod
    def from_json(cls, raw: dict[str, Any]) -> DataSpec:
        known = {k: v for k, v in raw.items() if k in cls.__dataclass_fields__}
        if isinstance(known.get("features"), list):
            known["features"] = tuple(known["features"])
        return cls(**known)


@dataclass(frozen=True)
class Prepared:
    """Inputs (n, d) and integer labels (n,) for training and testing, plus what they mean."""

    x_train: Array
    y_train: Array
    x_test: Array
    y_test: Array
    n_classes: int
    spec: DataSpec
    points_train: Array | None = None  # the raw 2-D points of a toy set, for plotting
    points_test: Array | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def input_dim(self) -> int:
        return self.x_train.shape[1]


def prepare(spec: DataSpec) -> Prepared:
    """Arrays for ``spec``; ValueError (DataFileError for files) saying what is wrong."""
    if spec.name == "mnist":
        return _prepare_mnist(spec)
    if spec.name == "csv":
        return _prepare_csv(spec)
    if spec.name not in TOY_DATASETS:
        raise ValueError(f"unknown dataset {spec.name!r}; choose one of {', '.join(DATASETS)}")
    features = check_features(spec.features)
    p_tr, y_tr, p_te, y_te, n_classes = toy_points(spec)
    return Prepared(apply_features(p_tr, features), y_tr, apply_features(p_te, features), y_te,
                    n_classes, spec, p_tr, p_te)


def toy_points(spec: DataSpec) -> tuple[Array, Array, Array, Array, int]:
    """(train points, labels, test points, labels, classes) of a toy set: TensorFlow
    Playground's own with a ``tfp_seed`` (its +1 class 1, its -1 class 0), else ours."""
    if spec.tfp_seed is None:
        return toy_split(spec.name, spec.points, spec.noise, spec.seed, spec.classes,
                         spec.test_fraction)
    # back to TFP's percentages as the link gave them (0.35 · 100 is 35.00000000000001)
    p = tfp_points(spec.name, round(100 * spec.noise, 9),
                   round(100 * (1 - spec.test_fraction), 9), spec.tfp_seed)
    if spec.name in TFP_REGRESS:
        return p.train, p.train_labels, p.test, p.test_labels, 0
    return (p.train, (p.train_labels > 0).astype(np.int64), p.test,
            (p.test_labels > 0).astype(np.int64), 2)


def _prepare_mnist(spec: DataSpec) -> Prepared:
    x_train, y_train = load_mnist_inputs("train")
    if spec.limit:
        x_train, y_train = x_train[:spec.limit], y_train[:spec.limit]
    x_test, y_test = load_mnist_inputs("test")
    return Prepared(x_train, y_train, x_test, y_test, 10, spec)


def _prepare_csv(spec: DataSpec) -> Prepared:
    if not spec.path:
        raise ValueError("a CSV dataset needs a file path")
    data = load_csv(spec.path)
    y = data.y
    n_classes = int(y.max()) + 1 if data.is_classification else 0  # 0: regression targets
    x_tr, y_tr, x_te, y_te = split(data.x, y, spec.test_fraction, spec.seed)
    points = (x_tr, x_te) if data.x.shape[1] == 2 else (None, None)
    return Prepared(x_tr, y_tr, x_te, y_te, n_classes, spec, *points,
                    extra={"columns": list(data.columns)})
