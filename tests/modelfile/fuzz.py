"""Damaged and hostile model files, made from one valid model, for ``load_model``.

Each case is a seeded mutation of a good file: flipped bytes, a truncation, a forged zip header
field (version needed, method, CRC, sizes), a member replaced (no npy header, a forged shape,
float16, 1e300, objects), or a value of the JSON description replaced by a hostile one (lists,
dicts, huge numbers, deep nesting). ``load_model`` must either refuse the file with
``ModelFileError`` or return a network whose weights are finite; anything else is a failure.

The test suite runs a few hundred cases; ``python -m tests.modelfile.fuzz 10000`` runs more
and prints a summary (the issue's audit ran 10,450).
"""

from __future__ import annotations

import contextlib
import io
import json
import struct
import sys
import time
import zipfile
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path

import numpy as np

from playground.modelfile.save_load import ModelFileError, load_model, save_model
from playground.nn import LayerSpec, Network

HOSTILE_VALUES: list = [None, True, -1, 0, 10**12, 1e300, -1e-300, "a", "", [], [1, 2], {},
                        {"units": 3}, "x" * 5000, [[[[[]]]]], {"name": "xor"}, 2**64, 0.5]
DEEP = "@nested-deeper-than-python-parses@"  # replaced in the text by ~990 or 100,000 brackets


def good_model(folder: Path) -> Path:
    net = Network(2, [LayerSpec(4, "tanh"), LayerSpec(3, "relu", bias=False),
                      LayerSpec(1, "sigmoid")], loss="bce", seed=3)
    meta = {"data": {"name": "xor", "points": 40, "noise": 0.1, "features": ["x1", "x2"]},
            "training": {"optimizer": "adam", "lr": 0.01, "batch_size": 8},
            "metrics": {"train_loss": 0.5, "test_accuracy": 0.75},
            "points": {"train": [[0.5, 0.5]], "train_labels": [1], "test": [], "test_labels": [],
                       "n_classes": 2}}
    return save_model(net, folder / "good.npz", **meta)


def _members(raw: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(raw)) as zf:
        return {n: zf.read(n) for n in zf.namelist()}


def _zip(members: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return buf.getvalue()


def _npy(array: np.ndarray) -> bytes:
    buf = io.BytesIO()
    np.save(buf, array, allow_pickle=True)
    return buf.getvalue()


def _flip(raw: bytes, rng: np.random.Generator) -> bytes:
    data = bytearray(raw)
    for i in rng.integers(0, len(data), rng.integers(1, 9)):
        data[i] ^= int(rng.integers(1, 256))
    return bytes(data)


def _truncate(raw: bytes, rng: np.random.Generator) -> bytes:
    return raw[: int(rng.integers(0, len(raw)))]


# (signature, offsets of version needed, flags, method, crc, compressed and uncompressed size)
_HEADERS = ((b"PK\x03\x04", (4, 6, 8, 14, 18, 22)), (b"PK\x01\x02", (6, 8, 10, 16, 20, 24)))


def _forge_header(raw: bytes, rng: np.random.Generator) -> bytes:
    data = bytearray(raw)
    sig, offsets = _HEADERS[int(rng.integers(0, 2))]
    starts = [i for i in range(len(data) - 30) if data[i:i + 4] == sig]
    start = starts[int(rng.integers(0, len(starts)))]
    field = int(rng.choice(offsets))
    width = 2 if field in offsets[:3] else 4
    value = int(rng.choice([0, 1, 63, 99, 0xFFFF, int(rng.integers(0, 2**16))]))
    if width == 4 and rng.random() < 0.5:
        old = struct.unpack_from("<I", data, start + field)[0]
        value = max(0, old + int(rng.integers(-64, 64)))
    struct.pack_into("<H" if width == 2 else "<I", data, start + field, value % (2 ** (8 * width)))
    return bytes(data)


def _replace_member(raw: bytes, rng: np.random.Generator) -> bytes:
    members = _members(raw)
    name = str(rng.choice(sorted(members)))
    good = np.load(io.BytesIO(members[name]), allow_pickle=False)
    choices: list[Callable[[], bytes]] = [
        lambda: bytes(rng.integers(0, 256, 64, dtype=np.uint8)),
        lambda: b"\x93NUMPY\x01\x00v\x00{'descr': '<f4', 'fortran_order': False, "
                b"'shape': (1000000, 1000000), }" + b" " * 60 + b"\n",
        lambda: _npy(good.astype(np.float16)) if good.dtype.kind == "f" else b"",
        lambda: _npy(np.full(good.shape, 1e300)),
        lambda: _npy(np.array([object()], dtype=object)),
        lambda: _npy(np.zeros((3, 3, 3), np.float32)),
        lambda: _npy(np.array("not weights")),
        lambda: _npy(good)[: int(rng.integers(0, len(_npy(good))))],
    ]
    members[name] = choices[int(rng.integers(0, len(choices)))]()
    if rng.random() < 0.1:
        members[f"W{int(rng.integers(3, 9))}.npy"] = _npy(np.zeros((4, 4), np.float32))
    return _zip(members)


def _paths(node: object, prefix: tuple = ()) -> Iterator[tuple]:
    yield prefix
    if isinstance(node, dict):
        for k, v in node.items():
            yield from _paths(v, (*prefix, k))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from _paths(v, (*prefix, i))


def _hostile_meta(raw: bytes, rng: np.random.Generator) -> bytes:
    members = _members(raw)
    meta = json.loads(str(np.load(io.BytesIO(members["meta.npy"]), allow_pickle=False)))
    for _ in range(int(rng.integers(1, 3))):
        spots = list(_paths(meta))[1:]  # anew: the first change may have replaced a subtree
        path = spots[int(rng.integers(0, len(spots)))]
        node = meta
        for key in path[:-1]:
            node = node[key]
        deep = rng.random() < 0.05
        value = DEEP if deep else HOSTILE_VALUES[int(rng.integers(0, len(HOSTILE_VALUES)))]
        with contextlib.suppress(TypeError, KeyError, IndexError):
            node[path[-1]] = value
    depth = int(rng.choice([990, 100_000]))
    text = json.dumps(meta).replace(json.dumps(DEEP), "[" * depth + "]" * depth)
    members["meta.npy"] = _npy(np.array(text))
    return _zip(members)


MUTATIONS = (_flip, _truncate, _forge_header, _replace_member, _hostile_meta)


def cases(good: Path, n: int, seed: int = 0) -> Iterator[tuple[str, bytes]]:
    raw = good.read_bytes()
    rng = np.random.default_rng(seed)
    for i in range(n):
        mutate = MUTATIONS[i % len(MUTATIONS)]
        yield mutate.__name__.strip("_"), mutate(raw, rng)


def outcome(path: Path) -> str:
    """"refused", "loaded", or the name of the exception that escaped (a failure)."""
    try:
        net = load_model(path)
    except ModelFileError:
        return "refused"
    except Exception as e:  # noqa: BLE001 - the point is to see what escapes
        return f"escaped {type(e).__name__}: {str(e)[:80]}"
    if not all(np.isfinite(p).all() for p in net.flat_params()):
        return "escaped: non-finite weights loaded"
    return "loaded"


def run(n: int, folder: Path, seed: int = 0) -> tuple[Counter, list[tuple[str, str]], float]:
    good = good_model(folder)
    target = folder / "case.npz"
    counts: Counter = Counter()
    failures = []
    slowest = 0.0
    for kind, data in cases(good, n, seed):
        target.write_bytes(data)
        start = time.perf_counter()
        result = outcome(target)
        slowest = max(slowest, time.perf_counter() - start)
        counts[(kind, result.split(":")[0])] += 1
        if result.startswith("escaped"):
            failures.append((kind, result))
    return counts, failures, slowest


if __name__ == "__main__":
    import tempfile

    total = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        counts, failures, slowest = run(total, Path(tmp))
        for (kind, result), k in sorted(counts.items()):
            print(f"{kind:16} {result:24} {k:6}")
        print(f"{total} cases in {time.perf_counter() - t0:.1f} s, slowest {slowest * 1000:.0f} ms"
              f", {len(failures)} escaped")
        for kind, result in failures[:20]:
            print("  ", kind, result)
