"""The model file: one ``.npz`` with arrays W0, b0, W1, ... and ``meta``, a JSON string.

``meta`` holds the format name and version, the input size, the layer specs, loss, init and dtype,
and whatever metadata the caller adds (feature map, class names, dataset and training settings,
metrics). Files are read with ``allow_pickle=False``; the version, every name and every shape is
checked, and any damaged or hostile file raises ``ModelFileError``, never another exception. Saving
writes a temporary file beside the target and renames it over the target, so a crash never leaves
a half-written model.
"""

from __future__ import annotations

import contextlib
import glob
import json
import os
import tempfile
import time
import zipfile
from pathlib import Path
from typing import Any

import numpy as np

from playground.data.errors import file_phrase
from playground.modelfile import save_lock
from playground.modelfile.history import (
    MAX_SEGMENTS,
    PREFIX,
    HistoryError,
    SavedHistory,
    history_parts,
    read_history,
)
from playground.modelfile.meta import check_metadata
from playground.modelfile.npz_reader import NpzArchive, NpzError
from playground.nn.activations import ACTIVATIONS
from playground.nn.losses import LOSSES
from playground.nn.network import INITS, LayerSpec, Network
from playground.paths import check_writable
from playground.phrase import QT_TRANSLATE_NOOP, Phrase

FORMAT_NAME = "playground-model"
FORMAT_VERSION = 1
MAX_UNPACKED_BYTES = 512 * 1024 * 1024
MAX_LAYERS = 64
MAX_UNITS = 1_000_000
MAX_PARAMS = 64_000_000  # 256 MB of float32; the largest network the window builds has 8.4M
MAX_META_BYTES = 4 * 1024 * 1024  # the description, as UTF-32 text
STALE_SECONDS = 3600  # a temporary file this old is left from a save that never finished


class ModelFileError(Exception):
    """A model file cannot be used. The message says why, in words a person understands."""

    def __init__(self, path: str | Path, problem: Phrase | str) -> None:
        self.path = Path(path)
        self.problem = problem
        super().__init__(f"Cannot open {self.path.name}: {problem}")

    @property
    def says(self) -> Phrase:
        """The message, for the window to translate."""
        return file_phrase(QT_TRANSLATE_NOOP("Files", "Cannot open {name}: {problem}"),
                           name=self.path.name, problem=self.problem)


# ----- saving ----------------------------------------------------------------------------------
def model_meta(net: Network, metadata: dict[str, Any]) -> dict[str, Any]:
    """The JSON-ready description of ``net``, with ``metadata`` under "metadata"."""
    return {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "input_dim": net.input_dim,
        "layers": [s.to_json() for s in net.layers],
        "loss": net.loss_name,
        "init": net.init,
        "seed": net.seed,
        "dtype": net.dtype.name,
        "bugs": sorted(net.bugs),
        "metadata": metadata,
    }


def save_model(net: Network, path: str | Path, history: SavedHistory | None = None,
               **metadata: Any) -> Path:
    """Write ``net`` to ``path`` atomically; ``metadata`` (JSON-serialisable) is stored with it and
    merged over ``net.metadata``, and the run's ``history`` (``modelfile.history``) beside it.
    Returns the path written."""
    path = check_writable(path)
    merged = {**net.metadata, **metadata}
    description = model_meta(net, merged)
    arrays = {f"{k}{i}": v for i, p in enumerate(net.params) for k, v in p.items()}
    if history is not None:
        description["history"], extra = history_parts(history)
        arrays.update(extra)
    try:
        meta = json.dumps(description, allow_nan=False)
    except (TypeError, ValueError) as e:
        raise ValueError(f"the model's metadata cannot be stored as JSON: {e}") from None
    remove_stale_temporaries(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.{os.getpid()}.", suffix=".tmp",
                               dir=path.parent or ".")
    try:
        save_lock.hold(fd)  # while it is held, no other save takes this file for a dead one's
        with os.fdopen(fd, "wb") as f:
            np.savez_compressed(f, meta=np.array(meta), **arrays)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, _file_mode(path))  # mkstemp makes the file private (0600)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def is_model_file(path: str | Path) -> bool:
    """Whether ``path`` is a playground model (an archive with the model's description), read
    no further than its table of contents."""
    try:
        with zipfile.ZipFile(path) as z:
            return "meta.npy" in z.namelist()
    except (OSError, zipfile.BadZipFile, ValueError):
        return False


def remove_stale_temporaries(path: Path) -> list[Path]:
    """Remove the temporary files that a save of ``path`` killed mid-write left beside it: those
    no save holds the lock of (``save_lock``), or older than an hour. Returns what was
    removed."""
    removed = []
    for tmp in path.parent.glob(f".{glob.escape(path.name)}.*.tmp"):
        if _stale(tmp):
            with contextlib.suppress(OSError):
                tmp.unlink()
                removed.append(tmp)
    return removed


def _stale(tmp: Path) -> bool:
    try:
        if time.time() - tmp.stat().st_mtime > STALE_SECONDS:
            return True
    except OSError:
        return False
    return not save_lock.held(tmp)


def _file_mode(path: Path) -> int:
    """The mode a saved model gets: that of the file it replaces, else 0666 less the umask."""
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


# ----- loading ---------------------------------------------------------------------------------
def load_model(path: str | Path) -> Network:
    """The network in ``path``, with its stored metadata in ``net.metadata``; ModelFileError
    otherwise. Every size and value is checked before anything large is allocated."""
    return _load(Path(path), False)[0]


def load_model_with_history(path: str | Path) -> tuple[Network, SavedHistory | None]:
    """``load_model``, and the run's history the file keeps (None: none), read in one pass."""
    return _load(Path(path), True)


def _load(path: Path, with_history: bool) -> tuple[Network, SavedHistory | None]:
    if not path.is_file():
        raise ModelFileError(path, file_phrase(QT_TRANSLATE_NOOP(
            "Files", "no such file")))
    history = None
    try:
        with NpzArchive(path, MAX_UNPACKED_BYTES, 2 * MAX_LAYERS + 2 + 3 * MAX_SEGMENTS) as npz:
            meta = _parse_meta(path, npz.read("meta", "U", (), MAX_META_BYTES))
            specs, input_dim = _layer_specs(path, meta)
            dtype = np.dtype(meta.get("dtype", "float32"))
            weights = _read_weights(path, npz, input_dim, specs, dtype)
            if with_history:
                history = read_history(npz, meta.get("history"),
                                       lambda i, raw: _layer_spec(path, i, raw))
    except (NpzError, HistoryError) as e:
        raise ModelFileError(path, str(e)) from None
    try:
        metadata = check_metadata(meta.get("metadata") or {})
    except ValueError as e:
        raise ModelFileError(path, str(e)) from None
    net = _build_network(path, meta, input_dim, specs)
    net.set_params(weights)
    net.metadata = metadata
    return net, history


def _parse_meta(path: Path, raw: np.ndarray) -> dict[str, Any]:
    try:
        meta = json.loads(str(raw))
    except json.JSONDecodeError as e:
        raise ModelFileError(path, file_phrase(QT_TRANSLATE_NOOP(
            "Files", "its description is not valid JSON ({reason})"), reason=e.msg)) from None
    except RecursionError:
        raise ModelFileError(path, file_phrase(QT_TRANSLATE_NOOP(
            "Files", "its description is nested far too deeply"))) from None
    if not isinstance(meta, dict) or meta.get("format") != FORMAT_NAME:
        raise ModelFileError(path, file_phrase(QT_TRANSLATE_NOOP(
            "Files", "it is not a playground model file")))
    version = meta.get("version")
    if version != FORMAT_VERSION:
        raise ModelFileError(path, file_phrase(QT_TRANSLATE_NOOP(
            "Files", "it is format version {version}; this playground reads version "
                "{FORMAT_VERSION}"), version=str(version)[:20], FORMAT_VERSION=FORMAT_VERSION))
    if meta.get("dtype", "float32") not in ("float32", "float64"):
        raise ModelFileError(path, file_phrase(QT_TRANSLATE_NOOP(
            "Files", "its loss, init or dtype is not one playground knows")))
    return meta


def _whole(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _layer_spec(path: Path, i: int, raw: Any) -> LayerSpec:
    if not isinstance(raw, dict):
        raise ModelFileError(path, file_phrase(QT_TRANSLATE_NOOP(
            "Files", "layer {i} is not described properly"), i=i))
    units, act = raw.get("units"), raw.get("activation")
    bias, init, dropout = raw.get("bias", True), raw.get("init"), raw.get("dropout", 0.0)
    if not _whole(units) or not 1 <= units <= MAX_UNITS:
        raise ModelFileError(path, file_phrase(QT_TRANSLATE_NOOP(
            "Files", "layer {i} has an impossible number of units: {units}"), i=i,
            units=str(units)[:20]))
    if not isinstance(act, str) or act not in ACTIVATIONS:
        raise ModelFileError(path, file_phrase(QT_TRANSLATE_NOOP(
            "Files", "layer {i} uses an unknown activation: {activation}"), i=i,
            activation=str(act)[:20]))
    if not isinstance(bias, bool) or not (init is None or isinstance(init, str) and init in INITS):
        raise ModelFileError(path, file_phrase(QT_TRANSLATE_NOOP(
            "Files", "layer {i} has an invalid bias or init setting"), i=i))
    try:
        return LayerSpec(units, act, bias, init, dropout)
    except ValueError:
        raise ModelFileError(path, file_phrase(QT_TRANSLATE_NOOP(
            "Files", "layer {i} has an invalid dropout rate: {rate}"), i=i,
            rate=str(dropout)[:20])) from None


def _layer_specs(path: Path, meta: dict[str, Any]) -> tuple[list[LayerSpec], int]:
    """The layers and input size ``meta`` declares, with the total size of their weights
    bounded: a 1,900-byte file may declare a 784 x 1,000,000 layer."""
    layers_raw, input_dim = meta.get("layers"), meta.get("input_dim")
    if not isinstance(layers_raw, list) or not 1 <= len(layers_raw) <= MAX_LAYERS:
        raise ModelFileError(path, file_phrase(QT_TRANSLATE_NOOP(
            "Files", "its list of layers is missing or impossible")))
    if not _whole(input_dim) or not 1 <= input_dim <= MAX_UNITS:
        raise ModelFileError(path, file_phrase(QT_TRANSLATE_NOOP(
            "Files", "its input size {size} is impossible"), size=str(input_dim)[:20]))
    specs = [_layer_spec(path, i, raw) for i, raw in enumerate(layers_raw)]
    fan_in = [input_dim] + [s.units for s in specs[:-1]]
    total = sum((n + 1) * s.units for n, s in zip(fan_in, specs, strict=True))
    if total > MAX_PARAMS:
        raise ModelFileError(path, file_phrase(QT_TRANSLATE_NOOP(
            "Files", "it declares {total:,} weights, more than any model here ({MAX_PARAMS:,} "
                "at most)"), total=total, MAX_PARAMS=MAX_PARAMS))
    return specs, input_dim


def _read_weights(path: Path, npz: NpzArchive, input_dim: int, specs: list[LayerSpec],
                  dtype: np.dtype) -> list[dict[str, np.ndarray]]:
    """W0, b0, W1, ... checked against the declared shapes, as ``dtype``, all finite."""
    shapes = {}
    fan_in = input_dim
    for i, s in enumerate(specs):
        shapes[f"W{i}"] = (fan_in, s.units)
        if s.bias:
            shapes[f"b{i}"] = (s.units,)
        fan_in = s.units
    found = {n for n in npz.names() - {"meta"} if not n.startswith(PREFIX)}
    if found != set(shapes):
        missing, extra = sorted(set(shapes) - found), sorted(found - set(shapes))
        parts = [f"missing {', '.join(missing)}"] if missing else []
        parts += [f"unexpected {', '.join(extra)[:80]}"] if extra else []
        raise ModelFileError(path, file_phrase(QT_TRANSLATE_NOOP(
            "Files", "its weights do not match its layers ({mismatch})"),
            mismatch='; '.join(parts)))
    weights: list[dict[str, np.ndarray]] = [{} for _ in specs]
    for name, shape in shapes.items():
        src = npz.read(name, "f", shape, 8 * int(np.prod(shape)))
        if src.dtype.itemsize not in (4, 8):
            raise ModelFileError(path, file_phrase(QT_TRANSLATE_NOOP(
                "Files", "{name} holds {dtype} values; a model stores float32 or float64"),
                name=name, dtype=src.dtype))
        with np.errstate(over="ignore", invalid="ignore"):
            values = src.astype(dtype)
        if not np.isfinite(values).all():
            raise ModelFileError(path, file_phrase(QT_TRANSLATE_NOOP(
                "Files", "{name} holds nan or inf values (or values too large for {dtype})"),
                name=name, dtype=dtype.name))
        weights[int(name[1:])][name[0]] = values
    return weights


def _build_network(path: Path, meta: dict[str, Any], input_dim: int,
                   specs: list[LayerSpec]) -> Network:
    loss, init = meta.get("loss"), meta.get("init", "xavier")
    if not all(isinstance(v, str) for v in (loss, init)) or loss not in LOSSES \
            or init not in INITS:
        raise ModelFileError(path, file_phrase(QT_TRANSLATE_NOOP(
            "Files", "its loss, init or dtype is not one playground knows")))
    seed, bugs = meta.get("seed"), meta.get("bugs", [])
    if not isinstance(bugs, list) or not all(isinstance(b, str) for b in bugs):
        raise ModelFileError(path, file_phrase(QT_TRANSLATE_NOOP(
            "Files", "its list of bug-lab switches is not a list of names")))
    try:
        return Network(input_dim, specs, loss=loss, init=init,
                       seed=seed if _whole(seed) and 0 <= seed < 2**32 else None,
                       dtype=meta.get("dtype", "float32"), bugs=bugs)
    except ValueError as e:
        raise ModelFileError(path, file_phrase(QT_TRANSLATE_NOOP(
            "Files", "its architecture is invalid: {e}"), e=e)) from None
