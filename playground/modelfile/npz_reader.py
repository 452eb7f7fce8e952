"""Reading the members of an ``.npz`` archive that nobody can trust. Qt-free.

``numpy.load`` on a damaged or hostile archive can raise almost anything (``NotImplementedError``
from zipfile, ``bytes`` instead of an array, a header that declares 10¹² entries and allocates them
before reading), and it never checks a member's CRC. This reader opens the archive once, reads a
member whole with ``ZipFile.read`` (which checks the CRC and stops at the declared size), parses
the ``.npy`` header itself, checks dtype and shape against what the caller expects *before* any
array is allocated, and raises ``NpzError`` with a reason for everything else.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterable
from pathlib import Path

import numpy as np

Array = np.ndarray
HEADER_SLACK = 4096  # an .npy header is 128 bytes in practice; anything past this is not one


class NpzError(Exception):
    """The archive or one of its members cannot be read; the message says why."""


class NpzArchive:
    """The members of one ``.npz`` file, read on demand and checked; use as a context manager."""

    def __init__(self, path: Path, max_unpacked: int, max_members: int) -> None:
        try:
            self._zip = zipfile.ZipFile(path)
            infos = self._zip.infolist()
        except Exception:  # BadZipFile, OSError, ValueError, EOFError, NotImplementedError, ...
            raise NpzError("it is not a playground model file (not an .npz archive; it may be "
                           "damaged or of another kind)") from None
        if len(infos) > max_members:
            self._zip.close()
            raise NpzError(f"it holds {len(infos)} entries, far more than any model")
        total = sum(info.file_size for info in infos)
        if total > max_unpacked:
            self._zip.close()
            raise NpzError(f"it unpacks to {total / 2**20:.0f} MB, far more than any model")
        self._sizes = {info.filename: info.file_size for info in infos}

    def __enter__(self) -> NpzArchive:
        return self

    def __exit__(self, *exc: object) -> None:
        self._zip.close()

    def names(self) -> set[str]:
        """Member names without their ``.npy`` ending (as ``numpy.load`` names them)."""
        return {n[:-4] if n.endswith(".npy") else n for n in self._sizes}

    def read(self, name: str, kinds: Iterable[str], shape: tuple[int, ...] | None,
             max_bytes: int) -> Array:
        """Member ``name`` as an array whose dtype kind is in ``kinds`` (and whose shape is
        ``shape`` unless None), at most ``max_bytes`` of data; NpzError otherwise."""
        member = f"{name}.npy"
        size = self._sizes.get(member)
        if size is None:
            raise NpzError(f"it has no {name!r} entry: it is damaged, or not a playground model")
        if size > max_bytes + HEADER_SLACK:
            raise NpzError(f"its entry {name!r} is {size:,} bytes, more than it can hold")
        try:
            raw = self._zip.read(member)  # checks the CRC: a member that lies is caught here
        except Exception as e:  # zlib.error, BadZipFile, NotImplementedError, EOFError, ...
            raise NpzError(f"the file is damaged or truncated ({name}: {_short(e)})") from None
        return _parse_npy(name, raw, tuple(kinds), shape, max_bytes)


def _parse_npy(name: str, raw: bytes, kinds: tuple[str, ...], shape: tuple[int, ...] | None,
               max_bytes: int) -> Array:
    buf = io.BytesIO(raw)
    try:
        version = np.lib.format.read_magic(buf)
        read_header = {(1, 0): np.lib.format.read_array_header_1_0,
                       (2, 0): np.lib.format.read_array_header_2_0}.get(version)
        if read_header is None:
            raise ValueError(f"npy format version {version} is not read here")
        got_shape, fortran, dtype = read_header(buf, max_header_size=HEADER_SLACK)
    except Exception as e:  # ValueError, SyntaxError, TypeError from a forged header
        if "pickle" in str(e).lower() or "object" in str(e).lower():
            raise NpzError(_PICKLE) from None
        raise NpzError(f"its entry {name!r} is not an array ({_short(e)})") from None
    if dtype.hasobject:
        raise NpzError(_PICKLE)
    if dtype.kind not in kinds or dtype.itemsize == 0:
        raise NpzError(f"its entry {name!r} holds {dtype} values, which a model never has")
    if shape is not None and tuple(got_shape) != shape:
        raise NpzError(f"{name} has shape {tuple(got_shape)}, but the model needs {shape}")
    count = int(np.prod(got_shape, dtype=np.int64))
    nbytes = count * dtype.itemsize
    if nbytes > max_bytes:
        raise NpzError(f"its entry {name!r} declares {nbytes:,} bytes, more than it can hold")
    offset = buf.tell()
    if len(raw) - offset != nbytes:
        raise NpzError(f"its entry {name!r} is damaged ({len(raw) - offset:,} bytes of data "
                       f"for {nbytes:,})")
    flat = np.frombuffer(raw, dtype=dtype, count=count, offset=offset)
    order = "F" if fortran else "C"
    return flat.reshape(got_shape, order=order).copy()


_PICKLE = ("it contains pickled Python objects, which are never loaded because they could run "
           "code")


def _short(e: Exception) -> str:
    text = str(e)
    return f"{type(e).__name__}: {text[:120]}" if text else type(e).__name__
