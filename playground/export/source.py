"""What a model was trained on and how, read back from its metadata, for the exports. Qt-free.

A model saved by the window holds its points (``points``) and data settings (``data``); one
saved by ``playground train`` holds ``data`` and ``training``. ``training_of(net)`` gives the
script's data (the points themselves, or MNIST's files), the training settings (the shuffling
seed defaulting to the data's, as ``playground train`` uses it) and the epochs trained.
"""

from __future__ import annotations

import numpy as np

from playground.data.pointset import PointSet
from playground.data.prepare import DataSpec, prepare
from playground.experiment import config_from_json
from playground.export.script_data import ScriptData
from playground.nn import Network, TrainConfig
from playground.paths import resources_dir

DEFAULT_EPOCHS = 100
MAX_EPOCHS = 1_000_000  # a window's run is endless (10⁹ epochs): the epochs trained count then


def training_of(net: Network) -> tuple[ScriptData, TrainConfig, int]:
    """(data, settings, epochs) of ``net``'s training; ValueError when its file does not say
    what it was trained on."""
    meta = net.metadata
    raw = meta.get("data")
    if not isinstance(raw, dict):
        raise ValueError("the model does not say what data it was trained on")
    spec = DataSpec.from_json(raw)
    training = meta.get("training") if isinstance(meta.get("training"), dict) else {}
    config = config_from_json({"seed": spec.seed, **training})
    return _data(spec, meta), config, _epochs(config, meta)


def _data(spec: DataSpec, meta: dict) -> ScriptData:
    if spec.name == "mnist":
        return ScriptData(f"MNIST ({spec.limit or 60_000:,} training images)",
                          mnist_dir=str(resources_dir() / "mnist"), limit=spec.limit)
    if meta.get("points"):
        points = PointSet.from_json(meta["points"])
        x_train, x_test = points.features(spec.features)
        return ScriptData(f"the {spec.name} points ({', '.join(spec.features)})", x_train,
                          points.train_labels, x_test, points.test_labels,
                          regression=points.regression)
    prepared = prepare(spec)
    regression = prepared.n_classes == 0
    what = f"{spec.path}" if spec.name == "csv" else f"the {spec.name} points"
    return ScriptData(what, prepared.x_train, prepared.y_train, prepared.x_test,
                      prepared.y_test, regression=regression)


def _epochs(config: TrainConfig, meta: dict) -> int:
    if 0 < config.epochs <= MAX_EPOCHS:
        return int(config.epochs)
    trained = (meta.get("metrics") or {}).get("epoch")
    return int(trained) if isinstance(trained, int | float) and trained > 0 and \
        np.isfinite(trained) else DEFAULT_EPOCHS


def feature_names(net: Network) -> list[str]:
    """The names of the model's inputs: its toy set's features, its CSV's columns, else x1..."""
    raw = net.metadata.get("data")
    if isinstance(raw, dict):
        spec = DataSpec.from_json(raw)
        if spec.name == "csv":
            columns = prepare(spec).extra.get("columns") or []
            if len(columns) > net.input_dim:
                return list(columns[:net.input_dim])
        elif spec.name != "mnist" and len(spec.features) == net.input_dim:
            return list(spec.features)
    return [f"x{i + 1}" for i in range(net.input_dim)]
