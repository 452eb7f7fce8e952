"""Exports of a trained model to what a learner takes elsewhere. Qt-free.

``export_model(net, fmt, out, epochs)`` writes ``net`` (a model loaded with its metadata) as
``fmt``; ``FORMATS`` names each format and what it writes. The NumPy script is
``numpy_script``; the data and settings a model was trained with are read back by
``training_of``.
"""

from __future__ import annotations

from pathlib import Path

from playground.export.numpy_script import ScriptData, numpy_script
from playground.export.source import training_of

FORMATS = {"numpy": "a standalone NumPy script that builds, and trains, this network"}


def export_model(net, fmt: str, out: str | Path, epochs: int | None = None) -> Path:  # noqa: ANN001
    """Write ``net`` as ``fmt`` to ``out`` (atomically enough: a finished text); ValueError
    for what cannot be written, OSError for a file that cannot be."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    data, config, trained_epochs = training_of(net)
    text = numpy_script(net, data, config, epochs if epochs is not None else trained_epochs)
    out = Path(out)
    out.write_text(text, encoding="utf-8")
    return out


__all__ = ["FORMATS", "ScriptData", "export_model", "numpy_script", "training_of"]
