"""The bytes between the window and the processes it starts: our own format, never pickle.

A process that runs a learner's code may send anything at all, so nothing it sends is ever
unpickled: a message is a JSON head that describes it and the raw bytes of its arrays, read by
the checked reader below. Qt-free.

One message on the wire::

    u64 length of the rest | u32 length of the head | head (UTF-8 JSON) | pad | array bytes...

The head is a tree of JSON values. Plain JSON stands for None, bool, int, float (NaN and ±inf
as JSON's usual extension), str and list; everything else is an object with one tag:
``{"T": [...]}`` a tuple, ``{"S": [...]}`` a frozenset, ``{"D": {...}}`` a dict with str keys,
``{"A": [offset, dtype, shape]}`` an array (``offset`` from the start of the array bytes, each
array aligned to ``ALIGN``), ``{"O": name, "f": {...}}`` an object of a class in ``KNOWN``
(the messages, ``EpochStates``, ``Snapshot``, ``LayerSpec``, ``Phrase``). Reading checks every
length before it allocates, every dtype against a short list, every array's bytes against its
shape, and every object's fields against the class's type hints; anything else raises ``WireError``.
"""

from __future__ import annotations

import dataclasses
import json
import struct
import types
import typing
from collections.abc import Callable
from typing import Any

import numpy as np

from playground.nn import LayerSpec, Snapshot
from playground.phrase import Phrase
from playground.run import messages as m

LENGTH = struct.Struct("<Q")
HEAD = struct.Struct("<I")
ALIGN = 16
MAX_HEAD = 16 * 2**20  # a head is a few kB; a frame of 100 seeds' numbers is well under this
MAX_DEPTH = 32
MAX_DIMS = 8
DTYPES = frozenset(np.dtype(t).str for t in (
    np.bool_, np.int8, np.int16, np.int32, np.int64, np.uint8, np.uint16, np.uint32, np.uint64,
    np.float32, np.float64))
KNOWN: dict[str, type] = {c.__name__: c for c in (*m.COMMANDS, *m.EVENTS, m.EpochStates,
                                                   Snapshot, LayerSpec, Phrase)}


class WireError(ValueError):
    """Bytes that are not a message of ours; the message says what is wrong."""


# ----- writing --------------------------------------------------------------------------------
def encode(msg: object) -> bytes:
    """``msg`` (a value of the kinds above) as one message on the wire, length first."""
    arrays: list[np.ndarray] = []
    offset = [0]

    def array(a: np.ndarray) -> dict:
        a = np.ascontiguousarray(a)
        if a.dtype.byteorder == ">":
            a = a.astype(a.dtype.newbyteorder("<"))
        if a.dtype.str not in DTYPES:
            raise TypeError(f"arrays of {a.dtype} do not travel")
        start = offset[0]
        arrays.append(a)
        offset[0] = _aligned(start + a.nbytes)
        return {"A": [start, a.dtype.str, list(a.shape)]}

    head = json.dumps(_tree(msg, array), separators=(",", ":"), ensure_ascii=False).encode()
    pad = b"\0" * (_aligned(HEAD.size + len(head)) - HEAD.size - len(head))
    parts = [HEAD.pack(len(head)), head, pad]
    for a in arrays:
        parts += [a.tobytes(), b"\0" * (_aligned(a.nbytes) - a.nbytes)]
    body = b"".join(parts)
    return LENGTH.pack(len(body)) + body


def _aligned(n: int) -> int:
    return -(-n // ALIGN) * ALIGN


def _tree(value: Any, array: Callable[[np.ndarray], dict]) -> Any:
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, np.ndarray):
        return array(value)
    if isinstance(value, np.generic):
        return value.item()
    name = type(value).__name__
    if KNOWN.get(name) is type(value):
        return {"O": name, "f": {k: _tree(v, array) for k, v in _fields_of(value).items()}}
    if isinstance(value, tuple):
        return {"T": [_tree(v, array) for v in value]}
    if isinstance(value, list):
        return [_tree(v, array) for v in value]
    if isinstance(value, frozenset):
        return {"S": sorted(_tree(v, array) for v in value)}
    if isinstance(value, dict) and all(isinstance(k, str) for k in value):
        return {"D": {k: _tree(v, array) for k, v in value.items()}}
    raise TypeError(f"a {name} does not travel between the processes")


def _fields_of(value: Any) -> dict[str, Any]:
    if dataclasses.is_dataclass(value):
        return {f.name: getattr(value, f.name) for f in dataclasses.fields(value)}
    return value._asdict()  # a NamedTuple


# ----- reading --------------------------------------------------------------------------------
def decode(body: bytearray | bytes) -> object:
    """The message in ``body`` (everything after the length); WireError when it is not one."""
    view = memoryview(body)
    if len(view) < HEAD.size:
        raise WireError("a message shorter than its head's length")
    (n,) = HEAD.unpack_from(view)
    if n > MAX_HEAD or HEAD.size + n > len(view):
        raise WireError(f"a head of {n:,} bytes in a message of {len(view):,}")
    try:
        tree = json.loads(bytes(view[HEAD.size:HEAD.size + n]).decode())
    except (UnicodeDecodeError, ValueError, RecursionError) as e:
        raise WireError(f"the head is not JSON ({e})") from None
    data = view[_aligned(HEAD.size + n):]
    return _Reader(data).value(tree, 0)


class _Reader:
    def __init__(self, data: memoryview) -> None:
        self.data = data

    def value(self, t: Any, depth: int) -> Any:
        if depth > MAX_DEPTH:
            raise WireError("values nested too deeply")
        if t is None or isinstance(t, bool | int | float | str):
            return t
        if isinstance(t, list):
            return [self.value(v, depth + 1) for v in t]
        if not isinstance(t, dict) or len(t) != (2 if "O" in t else 1):
            raise WireError(f"an object that is no value of ours: {str(t)[:80]}")
        tag, inner = next(iter(t.items())) if "O" not in t else ("O", t)
        if tag == "T" and isinstance(inner, list):
            return tuple(self.value(v, depth + 1) for v in inner)
        if tag == "S" and isinstance(inner, list):
            return frozenset(self.value(v, depth + 1) for v in inner)
        if tag == "D" and isinstance(inner, dict):
            return {k: self.value(v, depth + 1) for k, v in inner.items()}
        if tag == "A":
            return self.array(inner)
        if tag == "O":
            return self.known(inner.get("O"), inner.get("f"), depth)
        raise WireError(f"an unknown tag {tag!r}")

    def array(self, spec: Any) -> np.ndarray:
        if not (isinstance(spec, list) and len(spec) == 3 and isinstance(spec[0], int)
                and isinstance(spec[1], str) and isinstance(spec[2], list)):
            raise WireError("an array described wrongly")
        start, dtype, shape = spec
        if dtype not in DTYPES:
            raise WireError(f"an array of {dtype!r}, which never travels")
        if len(shape) > MAX_DIMS or not all(isinstance(d, int) and not isinstance(d, bool)
                                            and d >= 0 for d in shape):
            raise WireError(f"an array of shape {shape}")
        dt = np.dtype(dtype)
        count = 1
        for d in shape:
            count *= d
        if not 0 <= start <= len(self.data) or count * dt.itemsize > len(self.data) - start:
            raise WireError(f"an array of shape {shape} past the message's end")
        return np.frombuffer(self.data, dt, count, start).reshape(shape)

    def known(self, name: Any, fields: Any, depth: int) -> object:
        cls = KNOWN.get(name) if isinstance(name, str) else None
        if cls is None or not isinstance(fields, dict):
            raise WireError(f"an object of unknown kind {str(name)[:40]!r}")
        hints = _hints(cls)
        values = {}
        for key, raw in fields.items():
            if key not in hints:
                raise WireError(f"{name} has no field {key!r}")
            values[key] = v = self.value(raw, depth + 1)
            if not _fits(v, hints[key]):
                raise WireError(f"{name}.{key} is a {type(v).__name__}, not {hints[key]}")
        try:
            return cls(**values)
        except (TypeError, ValueError) as e:  # a missing field, or one its class refuses
            raise WireError(f"a {name} that cannot be made: {e}") from None


_HINTS: dict[type, dict[str, Any]] = {}


def _hints(cls: type) -> dict[str, Any]:
    if cls not in _HINTS:
        _HINTS[cls] = typing.get_type_hints(cls)
    return _HINTS[cls]


def _fits(value: Any, hint: Any) -> bool:
    """Whether ``value`` is of the type ``hint`` (the few forms our messages use)."""
    if hint is Any or hint is object:
        return True
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        return any(_fits(value, a) for a in args)
    if hint is type(None):
        return value is None
    if hint is float:
        return isinstance(value, int | float) and not isinstance(value, bool)
    if hint is int:
        return isinstance(value, int) and not isinstance(value, bool)
    if origin is None:
        return isinstance(value, hint)
    if not isinstance(value, origin):
        return False
    if origin is dict:
        return all(_fits(k, args[0]) and _fits(v, args[1]) for k, v in value.items())
    if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
        return all(_fits(v, args[0]) for v in value)
    if origin is tuple:
        return len(value) == len(args) and all(_fits(v, a) for v, a in zip(value, args,
                                                                                strict=True))
    return all(_fits(v, args[0]) for v in value)  # list, frozenset
