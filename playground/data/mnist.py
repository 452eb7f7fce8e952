"""MNIST from its IDX files (gzipped or not), every header and size checked.

IDX: a big-endian header, then unsigned bytes. Images: magic 2051, count, rows, columns (int32
each), then count·rows·columns pixels. Labels: magic 2049, count, then one byte each. A missing,
truncated or corrupt file raises ``DataFileError`` naming the file and what is wrong.
"""

from __future__ import annotations

import gzip
import struct
import zlib
from pathlib import Path

import numpy as np

from playground.data.errors import DataFileError, file_phrase
from playground.paths import resources_dir
from playground.phrase import QT_TRANSLATE_NOOP

Array = np.ndarray
IMAGES_MAGIC, LABELS_MAGIC = 2051, 2049
FILES = {
    "train": ("train-images-idx3-ubyte", "train-labels-idx1-ubyte"),
    "test": ("t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"),
}
MAX_BYTES = 100 * 1024 * 1024  # the training images are 47 MB unpacked


def default_dir() -> Path:
    return resources_dir() / "mnist"


def _find(directory: Path, stem: str) -> Path:
    for name in (stem + ".gz", stem):
        if (directory / name).is_file():
            return directory / name
    raise DataFileError(directory / (stem + ".gz"), file_phrase(QT_TRANSLATE_NOOP(
        "Files", "no such file (the MNIST files are missing)")))


def _read_bytes(path: Path) -> bytes:
    try:
        if path.suffix == ".gz":
            with gzip.open(path, "rb") as f:
                data = f.read(MAX_BYTES + 1)
        else:
            data = path.read_bytes()
    except (OSError, EOFError, zlib.error) as e:
        raise DataFileError(path, file_phrase(QT_TRANSLATE_NOOP(
            "Files", "cannot be read: the file is damaged ({e})"), e=e)) from None
    if len(data) > MAX_BYTES:
        raise DataFileError(path, file_phrase(QT_TRANSLATE_NOOP(
            "Files", "is larger than any MNIST file")))
    return data


def read_idx(path: str | Path, magic: int) -> Array:
    """The array in an IDX file of unsigned bytes: (count,) for labels, (count, rows, cols) for
    images. DataFileError for a wrong magic number, a bad dimension or a truncated body."""
    path = Path(path)
    data = _read_bytes(path)
    ndim = 1 if magic == LABELS_MAGIC else 3
    head = 4 + 4 * ndim
    if len(data) < head:
        raise DataFileError(path, file_phrase(QT_TRANSLATE_NOOP(
            "Files", "is truncated: {size} bytes, shorter than its header"), size=len(data)))
    found, *dims = struct.unpack(f">{1 + ndim}i", data[:head])
    if found != magic:
        raise DataFileError(path, file_phrase(QT_TRANSLATE_NOOP(
            "Files", "has magic number {found}, expected {magic}: not an IDX {kind} file"),
            found=found, magic=magic, kind='label' if ndim == 1 else 'image'))
    if any(d <= 0 for d in dims) or (ndim == 3 and dims[1:] != [28, 28]):
        raise DataFileError(path, file_phrase(QT_TRANSLATE_NOOP(
            "Files", "has dimensions {dims}, which MNIST files never have"), dims=dims))
    expected = head + int(np.prod(dims))
    if len(data) != expected:
        raise DataFileError(path, file_phrase(QT_TRANSLATE_NOOP(
            "Files", "has {size} bytes; its header promises {expected} ({why})"),
            size=len(data), expected=expected,
            why="truncated" if len(data) < expected else "extra data"))
    return np.frombuffer(data, dtype=np.uint8, offset=head).reshape(dims)


def load_mnist(split: str = "train", directory: str | Path | None = None) -> tuple[Array, Array]:
    """(images uint8 (n, 28, 28), labels int64 (n,)) of the ``train`` or ``test`` split."""
    if split not in FILES:
        raise ValueError(f"split must be 'train' or 'test', not {split!r}")
    directory = Path(directory) if directory is not None else default_dir()
    img_path, lab_path = (_find(directory, stem) for stem in FILES[split])
    images = read_idx(img_path, IMAGES_MAGIC)
    labels = read_idx(lab_path, LABELS_MAGIC)
    if labels.shape[0] != images.shape[0]:
        raise DataFileError(lab_path, file_phrase(QT_TRANSLATE_NOOP(
            "Files", "holds {labels} labels for {images} images in {file}"),
            labels=labels.shape[0], images=images.shape[0], file=img_path.name))
    if labels.max() > 9:
        raise DataFileError(lab_path, file_phrase(QT_TRANSLATE_NOOP(
            "Files", "holds the label {label}; MNIST labels are 0-9"), label=labels.max()))
    return images, labels.astype(np.int64)


def to_inputs(images: Array, dtype: type = np.float32) -> Array:
    """Images (n, 28, 28) uint8 as network inputs (n, 784) in [0, 1] (pixel / 255)."""
    out = images.reshape(images.shape[0], -1).astype(dtype)
    out *= dtype(1.0 / 255.0)
    return out


def load_mnist_inputs(split: str = "train", directory: str | Path | None = None,
                      dtype: type = np.float32) -> tuple[Array, Array]:
    """(x (n, 784) in [0, 1], labels (n,)): what the networks train on."""
    images, labels = load_mnist(split, directory)
    return to_inputs(images, dtype), labels
