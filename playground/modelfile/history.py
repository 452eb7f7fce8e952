"""A run's history inside the model file: its curves, its edit marks and, optionally, its states.

Stored beside the weights: ``meta["history"]`` describes it (the marks, and per segment of the
timeline its layout: the architecture, the network's shape and the optimizer), and the arrays
are members of their own (``history_curves`` (5, n) float64; per segment k ``history_epochs{k}``,
``history_rows{k}`` and ``history_steps{k}``). A file without them opens as before. Reading
checks every part as the weights are checked: each description field by field, each array's
kind, shape (a row is as wide as its segment's network and optimizer say) and size before it is
read, epochs increasing, every number finite; anything else is a ``ModelFileError``-worthy
``HistoryError`` with its reason. Qt-free.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from playground.experiment import Architecture
from playground.modelfile.npz_reader import NpzArchive
from playground.nn.losses import LOSSES
from playground.nn.network import INITS, LayerSpec
from playground.nn.optim import STATE_ARRAYS
from playground.timeline.curves import COLUMNS, MAX_ROWS, History
from playground.timeline.states import Layout, Segment, Timeline

PREFIX = "history_"
MAX_SEGMENTS = 256  # the newest are saved; a run edited more often keeps its latest
MAX_MARKS = 1000
MAX_MARK_CHARS = 300
MAX_HISTORY_BYTES = 256 * 2**20


class HistoryError(ValueError):
    """The history in a model file cannot be used; the message says why."""


@dataclass
class SavedHistory:
    curves: History
    marks: list[tuple[int, str]]
    states: Timeline | None = None  # None: the curves and marks only

    @property
    def nbytes(self) -> int:
        return self.states.nbytes if self.states is not None else 0


# ----- writing --------------------------------------------------------------------------------
def history_parts(saved: SavedHistory) -> tuple[dict[str, Any], dict[str, np.ndarray]]:
    """(the description for ``meta["history"]``, the arrays to store beside the weights)."""
    arrays = {f"{PREFIX}curves": saved.curves.columns()}
    segments = []
    for k, s in enumerate((saved.states.segments if saved.states else [])[-MAX_SEGMENTS:]):
        epochs, rows, steps = s.view()
        arrays[f"{PREFIX}epochs{k}"] = np.ascontiguousarray(epochs)
        arrays[f"{PREFIX}rows{k}"] = np.ascontiguousarray(rows)
        arrays[f"{PREFIX}steps{k}"] = np.ascontiguousarray(steps)
        segments.append(_layout_json(s.layout, s.optimizer))
    marks = [[int(e), str(t)[:MAX_MARK_CHARS]] for e, t in saved.marks[-MAX_MARKS:]]
    return {"marks": marks, "segments": segments}, arrays


def _layout_json(layout: Layout, optimizer: str) -> dict[str, Any]:
    return {"arch": layout.arch.to_json(), "input_dim": layout.input_dim,
            "layers": [s.to_json() for s in layout.layers],
            "loss": layout.loss, "init": layout.init, "dtype": layout.dtype,
            "bugs": sorted(layout.bugs), "optimizer": optimizer}


# ----- reading --------------------------------------------------------------------------------
def read_history(npz: NpzArchive, raw: Any, layer_spec: Any) -> SavedHistory | None:
    """The history a file holds (None: none); ``layer_spec(i, raw)`` checks one layer as the
    file's own layers are checked. HistoryError when any part is damaged."""
    if raw is None:
        return None
    if not isinstance(raw, dict) or not isinstance(raw.get("segments"), list) or \
            len(raw["segments"]) > MAX_SEGMENTS:
        raise HistoryError("its history is not described properly")
    curves = _curves(npz)
    marks = _marks(raw.get("marks", []))
    if not raw["segments"]:
        return SavedHistory(curves, marks)
    states, budget = Timeline(), MAX_HISTORY_BYTES
    for k, described in enumerate(raw["segments"]):
        segment = _segment(npz, k, described, layer_spec, budget)
        budget -= segment.nbytes
        if states.segments and segment.epochs[0] < states.segments[-1].epochs[
                states.segments[-1].n - 1]:
            raise HistoryError("its history's epochs go backwards")
        states.segments.append(segment)
    return SavedHistory(curves, marks, states)


def _curves(npz: NpzArchive) -> History:
    data = npz.read(f"{PREFIX}curves", "f", None, 8 * len(COLUMNS) * 2 * MAX_ROWS)
    if data.ndim != 2 or data.shape[0] != len(COLUMNS) or data.shape[1] > 2 * MAX_ROWS:
        raise HistoryError(f"its curves have the shape {data.shape}")
    epochs = data[0].astype(np.float64)
    if not np.isfinite(epochs).all() or (np.diff(epochs) <= 0).any() or (epochs < 0).any():
        raise HistoryError("its curves' epochs are not increasing whole numbers")
    with np.errstate(invalid="ignore"):
        return History.from_columns(data.astype(np.float64))


def _marks(raw: Any) -> list[tuple[int, str]]:
    if not isinstance(raw, list) or len(raw) > MAX_MARKS or not all(
            isinstance(m, list) and len(m) == 2 and isinstance(m[0], int)
            and not isinstance(m[0], bool) and m[0] >= 0 and isinstance(m[1], str)
            for m in raw):
        raise HistoryError("its edit marks are not a list of (epoch, text)")
    return [(m[0], m[1][:MAX_MARK_CHARS]) for m in raw]


def _layout(raw: Any, layer_spec: Any) -> tuple[Layout, str]:
    if not isinstance(raw, dict):
        raise HistoryError("a segment of its history is not described properly")
    optimizer, dtype = raw.get("optimizer"), raw.get("dtype")
    loss, init, bugs = raw.get("loss"), raw.get("init"), raw.get("bugs", [])
    input_dim, layers = raw.get("input_dim"), raw.get("layers")
    if optimizer not in STATE_ARRAYS or dtype not in ("float32", "float64") or \
            loss not in LOSSES or init not in INITS or not isinstance(layers, list) or \
            not 1 <= len(layers) <= 64 or not isinstance(input_dim, int) or \
            isinstance(input_dim, bool) or not 1 <= input_dim <= 1_000_000 or \
            not isinstance(bugs, list) or not all(isinstance(b, str) for b in bugs):
        raise HistoryError("a segment of its history names a network playground cannot build")
    specs: tuple[LayerSpec, ...] = tuple(layer_spec(i, spec) for i, spec in enumerate(layers))
    try:
        arch = Architecture.from_json(raw.get("arch"))
    except (ValueError, TypeError, KeyError, AttributeError) as e:
        raise HistoryError(f"a segment's architecture is invalid: {e}") from None
    return Layout(arch, input_dim, specs, loss, init, dtype, frozenset(bugs)), optimizer


def _segment(npz: NpzArchive, k: int, described: Any, layer_spec: Any,
             budget: int) -> Segment:
    layout, optimizer = _layout(described, layer_spec)
    width = layout.width(optimizer)
    itemsize = np.dtype(layout.dtype).itemsize
    epochs = npz.read(f"{PREFIX}epochs{k}", "i", None, 8 * budget // max(1, width * itemsize))
    n = epochs.shape[0] if epochs.ndim == 1 else -1
    if n < 1 or n * width * itemsize > budget:
        raise HistoryError(f"segment {k} of its history is empty or too large")
    rows = npz.read(f"{PREFIX}rows{k}", "f", (n, width), n * width * 8)
    steps = npz.read(f"{PREFIX}steps{k}", "i", (n,), 8 * n)
    with np.errstate(over="ignore", invalid="ignore"):
        rows = rows.astype(layout.dtype)
    if not np.isfinite(rows).all():
        raise HistoryError(f"segment {k} of its history holds nan or inf values")
    epochs, steps = epochs.astype(np.int64), steps.astype(np.int64)
    if (np.diff(epochs) <= 0).any() or epochs[0] < 0 or (steps < 0).any():
        raise HistoryError(f"segment {k} of its history has epochs out of order")
    return Segment(layout, optimizer, epochs, rows, steps, n)
