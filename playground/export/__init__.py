"""Exports of a trained model to what a learner takes elsewhere. Qt-free.

``export_model(net, fmt, out, epochs)`` writes ``net`` (a model loaded with its metadata) as
``fmt``; ``FORMATS`` says what each writes. ``training_of`` reads back the data and settings a
model was trained with (the NumPy script and the CSV need them).
"""

from __future__ import annotations

from pathlib import Path

from playground.export import onnx_model
from playground.export.data_csv import write_csv
from playground.export.numpy_script import numpy_script
from playground.export.script_data import ScriptData
from playground.export.source import feature_names, training_of
from playground.export.torch_file import write_torch
from playground.nn import Network
from playground.paths import check_writable

FORMATS = {
    "numpy": "a standalone NumPy script that builds, and trains, this network",
    "onnx": "an ONNX model (opset 17) whose output is predict_proba's; needs the onnx package",
    "torch": "a Python file defining `model`, a torch.nn.Sequential with these weights",
    "csv": "the data set: features, label or target, and the split of each row",
}
SUFFIXES = {"numpy": ".py", "onnx": ".onnx", "torch": ".py", "csv": ".csv"}


def export_model(net: Network, fmt: str, out: str | Path, epochs: int | None = None) -> Path:
    """Write ``net`` as ``fmt`` to ``out``; ValueError for what cannot be written (RuntimeError
    when the onnx package is missing), OSError for a file that cannot be."""
    out = check_writable(out)
    if fmt == "onnx":
        return onnx_model.write_onnx(net, out)
    if fmt == "torch":
        return write_torch(net, out)
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    data, config, trained_epochs = training_of(net)
    if fmt == "csv":
        return write_csv(data, feature_names(net), out)
    text = numpy_script(net, data, config, epochs if epochs is not None else trained_epochs)
    out.write_text(text, encoding="utf-8")
    return out


def available_formats() -> list[str]:
    """The formats this installation can write (onnx only with its package)."""
    return [f for f in FORMATS if f != "onnx" or onnx_model.available()]


__all__ = ["FORMATS", "SUFFIXES", "ScriptData", "available_formats", "export_model",
           "numpy_script", "training_of"]
