"""The checks on a model file's free-form metadata: every key the app or the CLI reads. Qt-free.

A model file's ``metadata`` is whatever its writer stored; the readers (the Playground and MNIST
tabs, the Digits tab, ``playground eval``) take ``data``, ``points``, ``training``, ``metrics`` and
``arch`` from it. Each is checked here, once, so that a damaged value is refused when the file is
opened instead of failing half-way through installing it (a list as ``metrics`` used to replace
the Digits model, then fail).
"""

from __future__ import annotations

from typing import Any

from playground.data.pointset import MAX_STORED_POINTS, PointSet
from playground.data.prepare import DataSpec
from playground.experiment import Architecture, config_from_json


def check_metadata(raw: Any) -> dict[str, Any]:
    """``raw`` if every known key holds a usable value; ValueError naming the first that does
    not."""
    if not isinstance(raw, dict):
        raise ValueError("its metadata is not a JSON object")
    for key, check in _CHECKS.items():
        if key in raw and raw[key] is not None:
            try:
                check(raw[key])
            except (ValueError, TypeError, KeyError) as e:
                raise ValueError(f"its stored {key} settings are damaged ({str(e)[:100]})") \
                    from None
    return raw


def _dict(value: Any) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise ValueError(f"expected an object, found {type(value).__name__}")
    return value


def _data(value: Any) -> None:
    DataSpec.from_json(_dict(value))


def _points(value: Any) -> None:
    raw = _dict(value)
    sizes = [raw.get(k) for k in ("train", "test")]
    if not all(isinstance(s, list) for s in sizes) or sum(map(len, sizes)) > MAX_STORED_POINTS:
        raise ValueError("the points are not two lists of at most "
                         f"{MAX_STORED_POINTS:,} points")
    PointSet.from_json(raw)


def _training(value: Any) -> None:
    config_from_json(_dict(value)).validate()


NUMERIC_METRICS = ("train_loss", "test_loss", "train_accuracy", "test_accuracy", "epoch",
                   "epochs", "seconds")


def _metrics(value: Any) -> None:
    for key, v in _dict(value).items():
        if isinstance(v, list | dict) or key in NUMERIC_METRICS and v is not None and not (
                isinstance(v, int | float) and not isinstance(v, bool)):
            raise ValueError(f"{key} is not a number")


def _arch(value: Any) -> None:
    Architecture.from_json(_dict(value))


_CHECKS = {"data": _data, "points": _points, "training": _training, "metrics": _metrics,
           "arch": _arch}
