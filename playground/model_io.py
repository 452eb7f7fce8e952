"""The model file: one ``.npz`` with arrays W0, b0, W1, ... and ``meta``, a JSON string.

``meta`` holds the format name and version, the input size, the layer specs, loss, init and dtype,
and whatever metadata the caller adds (feature map, class names, dataset and training settings,
metrics). Files are read with ``allow_pickle=False``; the version, every name and every shape is
checked, and any damaged or hostile file raises ``ModelFileError``, never another exception. Saving
writes a temporary file beside the target and renames it over the target, so a crash never leaves
a half-written model.
"""

from __future__ import annotations

import json
import os
import tempfile
import zipfile
from pathlib import Path
from typing import Any

import numpy as np

from playground.nn.activations import ACTIVATIONS
from playground.nn.losses import LOSSES
from playground.nn.network import INITS, LayerSpec, Network

FORMAT_NAME = "playground-model"
FORMAT_VERSION = 1
MAX_UNPACKED_BYTES = 512 * 1024 * 1024
MAX_LAYERS = 64
MAX_UNITS = 1_000_000


class ModelFileError(Exception):
    """A model file cannot be used. The message says why, in words a person understands."""

    def __init__(self, path: str | Path, problem: str) -> None:
        self.path = Path(path)
        self.problem = problem
        super().__init__(f"Cannot open {self.path.name}: {problem}")


# ----- saving ----------------------------------------------------------------------------------
def model_meta(net: Network, metadata: dict[str, Any]) -> dict[str, Any]:
    """The JSON-ready description of ``net``, with ``metadata`` under "metadata"."""
    return {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "input_dim": net.input_dim,
        "layers": [{"units": s.units, "activation": s.activation, "bias": s.bias,
                    "init": s.init} for s in net.layers],
        "loss": net.loss_name,
        "init": net.init,
        "seed": net.seed,
        "dtype": net.dtype.name,
        "bugs": sorted(net.bugs),
        "metadata": metadata,
    }


def save_model(net: Network, path: str | Path, **metadata: Any) -> Path:
    """Write ``net`` to ``path`` atomically; ``metadata`` (JSON-serialisable) is stored with it and
    merged over ``net.metadata``. Returns the path written."""
    path = Path(path)
    merged = {**net.metadata, **metadata}
    try:
        meta = json.dumps(model_meta(net, merged), allow_nan=False)
    except (TypeError, ValueError) as e:
        raise ValueError(f"the model's metadata cannot be stored as JSON: {e}") from None
    arrays = {f"{k}{i}": v for i, p in enumerate(net.params) for k, v in p.items()}
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent or ".")
    try:
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
    otherwise."""
    path = Path(path)
    arrays = _read_arrays(path)
    meta = _parse_meta(path, arrays.pop("meta", None))
    net = _build_network(path, meta)
    _fill_weights(path, net, arrays)
    net.metadata = meta.get("metadata") or {}
    if not isinstance(net.metadata, dict):
        raise ModelFileError(path, "its metadata is not a JSON object")
    return net


def _read_arrays(path: Path) -> dict[str, np.ndarray]:
    if not path.is_file():
        raise ModelFileError(path, "no such file")
    try:
        with zipfile.ZipFile(path) as zf:
            total = sum(info.file_size for info in zf.infolist())
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        raise ModelFileError(path, "it is not a playground model file (not an .npz archive; "
                                   "it may be damaged or of another kind)") from None
    if total > MAX_UNPACKED_BYTES:
        raise ModelFileError(path, f"it unpacks to {total / 2**20:.0f} MB, far more than any model")
    try:
        with np.load(path, allow_pickle=False) as npz:
            return {name: npz[name] for name in npz.files}
    except ValueError as e:
        if "pickle" in str(e).lower():
            raise ModelFileError(path, "it contains pickled Python objects, which are never "
                                       "loaded because they could run code") from None
        raise ModelFileError(path, f"an array in it is damaged ({e})") from None
    except Exception as e:  # zipfile, zlib, OSError, EOFError: the archive is damaged
        raise ModelFileError(path, f"the file is damaged or truncated ({type(e).__name__}: "
                                   f"{e})") from None


def _parse_meta(path: Path, raw: np.ndarray | None) -> dict[str, Any]:
    if raw is None:
        raise ModelFileError(path, "it has no 'meta' entry, so it is not a playground model")
    if raw.shape != () or raw.dtype.kind != "U":
        raise ModelFileError(path, "its 'meta' entry is not a text string")
    try:
        meta = json.loads(str(raw))
    except json.JSONDecodeError as e:
        raise ModelFileError(path, f"its description is not valid JSON ({e.msg})") from None
    if not isinstance(meta, dict) or meta.get("format") != FORMAT_NAME:
        raise ModelFileError(path, "it is not a playground model file")
    version = meta.get("version")
    if version != FORMAT_VERSION:
        raise ModelFileError(path, f"it is format version {version!r}; this playground reads "
                                   f"version {FORMAT_VERSION}")
    return meta


def _layer_spec(path: Path, i: int, raw: Any) -> LayerSpec:
    if not isinstance(raw, dict):
        raise ModelFileError(path, f"layer {i} is not described properly")
    units, act = raw.get("units"), raw.get("activation")
    bias, init = raw.get("bias", True), raw.get("init")
    if not isinstance(units, int) or isinstance(units, bool) or not 1 <= units <= MAX_UNITS:
        raise ModelFileError(path, f"layer {i} has an impossible number of units: {units!r}")
    if act not in ACTIVATIONS:
        raise ModelFileError(path, f"layer {i} uses the unknown activation {act!r}")
    if not isinstance(bias, bool) or (init is not None and init not in INITS):
        raise ModelFileError(path, f"layer {i} has an invalid bias or init setting")
    return LayerSpec(units, act, bias, init)


def _build_network(path: Path, meta: dict[str, Any]) -> Network:
    layers_raw, input_dim = meta.get("layers"), meta.get("input_dim")
    if not isinstance(layers_raw, list) or not 1 <= len(layers_raw) <= MAX_LAYERS:
        raise ModelFileError(path, "its list of layers is missing or impossible")
    if not isinstance(input_dim, int) or isinstance(input_dim, bool) or not 1 <= input_dim <= \
            MAX_UNITS:
        raise ModelFileError(path, f"its input size {input_dim!r} is impossible")
    layers = [_layer_spec(path, i, raw) for i, raw in enumerate(layers_raw)]
    loss, init = meta.get("loss"), meta.get("init", "xavier")
    dtype = meta.get("dtype", "float32")
    if loss not in LOSSES or init not in INITS or dtype not in ("float32", "float64"):
        raise ModelFileError(path, "its loss, init or dtype is not one playground knows")
    seed, bugs = meta.get("seed"), meta.get("bugs", [])
    if not isinstance(bugs, list) or not all(isinstance(b, str) for b in bugs):
        raise ModelFileError(path, "its list of bug-lab switches is not a list of names")
    try:
        return Network(input_dim, layers, loss=loss, init=init,
                       seed=seed if isinstance(seed, int) else None, dtype=dtype, bugs=bugs)
    except ValueError as e:
        raise ModelFileError(path, f"its architecture is invalid: {e}") from None


def _fill_weights(path: Path, net: Network, arrays: dict[str, np.ndarray]) -> None:
    expected = {f"{k}{i}" for i, p in enumerate(net.params) for k in p}
    if set(arrays) != expected:
        missing, extra = sorted(expected - set(arrays)), sorted(set(arrays) - expected)
        parts = [f"missing {', '.join(missing)}"] if missing else []
        parts += [f"unexpected {', '.join(extra)}"] if extra else []
        detail = "; ".join(parts)
        raise ModelFileError(path, f"its weights do not match its layers ({detail})")
    for i, p in enumerate(net.params):
        for k, dst in p.items():
            src = arrays[f"{k}{i}"]
            if src.shape != dst.shape:
                raise ModelFileError(path, f"{k}{i} has shape {src.shape}, but layer {i} needs "
                                           f"{dst.shape}")
            if src.dtype.kind != "f":
                raise ModelFileError(path, f"{k}{i} holds {src.dtype} values, not numbers")
            if not np.isfinite(src).all():
                raise ModelFileError(path, f"{k}{i} holds nan or inf values")
            dst[...] = src
