"""What the exported NumPy script trains on, and the part of the script that makes it: the
points written into the file as list literals (exact: repr round-trips a float64), or a reader
of MNIST's IDX files. Qt-free."""

from __future__ import annotations

import textwrap
from dataclasses import dataclass

import numpy as np

Array = np.ndarray
MAX_EMBEDDED_VALUES = 2_000_000  # numbers written into the script; more is a data file's job


@dataclass(frozen=True)
class ScriptData:
    """What the script trains on: the arrays themselves (written into it), or MNIST (read from
    its IDX files at run time, the first ``limit`` training images)."""

    description: str
    x_train: Array | None = None
    labels_train: Array | None = None  # class labels (n,), or regression targets (n,)
    x_test: Array | None = None
    labels_test: Array | None = None
    mnist_dir: str | None = None
    limit: int | None = None
    regression: bool = False


def _array(a: Array) -> str:
    """A list literal of ``a``, exact (repr round-trips a float64), wrapped at 100 columns: one
    point a line for a 2-D array."""
    values = np.asarray(a).tolist()
    if np.ndim(a) == 2:
        return "[\n" + "".join(f"    {row!r},\n" for row in values) + "]"
    text = textwrap.fill(", ".join(repr(v) for v in values), 96, initial_indent="    ",
                         subsequent_indent="    ")
    return f"[\n{text},\n]" if values else "[]"


def data_part(data: ScriptData) -> str:
    """The script's data section: the points written in, or a reader of MNIST's files."""
    head = "# ----- the data " + "-" * 78
    encode = "" if data.regression else '''


def targets(labels):
    """Class labels (n,) as what the loss compares with the outputs (n, k)."""
    k, last = LAYERS[-1][0], LAYERS[-1][1]
    if LOSS == "cross_entropy":
        return labels  # the labels themselves
    if k == 1:  # one output: 1 for class 1, else 0 (-1 for a tanh output)
        low = -1.0 if last == "tanh" else 0.0
        return np.where(labels[:, None] > 0, 1.0, low).astype(DTYPE)
    onehot = np.zeros((len(labels), k), dtype=DTYPE)
    onehot[np.arange(len(labels)), labels] = 1.0
    return onehot'''
    if data.mnist_dir is not None:
        return f'''{head}
MNIST_DIR = os.environ.get("MNIST_DIR", {data.mnist_dir!r})
LIMIT = {data.limit!r}  # train on the first LIMIT images (None: all 60,000)


def read_idx(name):
    """An MNIST IDX file (gzip or plain): images (n, 28, 28) or labels (n,), uint8."""
    path = os.path.join(MNIST_DIR, name)
    opener = gzip.open if os.path.exists(path + ".gz") else open
    with opener(path + ".gz" if opener is gzip.open else path, "rb") as f:
        raw = f.read()
    dims = raw[3]
    shape = [int.from_bytes(raw[4 + 4 * i:8 + 4 * i], "big") for i in range(dims)]
    return np.frombuffer(raw, np.uint8, offset=4 + 4 * dims).reshape(shape)


def load_data():
    """MNIST's pixels scaled to [0, 1] (as float32, the way the playground scales them)."""
    def inputs(images):
        return (images.reshape(len(images), -1).astype(np.float32) * np.float32(1 / 255)) \\
            .astype(DTYPE)

    x_train = inputs(read_idx("train-images-idx3-ubyte"))
    y_train = read_idx("train-labels-idx1-ubyte").astype(np.int64)
    if LIMIT:
        x_train, y_train = x_train[:LIMIT], y_train[:LIMIT]
    x_test = inputs(read_idx("t10k-images-idx3-ubyte"))
    y_test = read_idx("t10k-labels-idx1-ubyte").astype(np.int64)
    return x_train, targets(y_train), x_test, targets(y_test){encode}'''
    kind = "float" if data.regression else "int"
    wrap = "np.asarray({}, dtype=DTYPE).reshape(-1, 1)" if data.regression else \
        "targets(np.asarray({}, dtype=np.int64))"
    return f'''{head}
# {data.description}: every point as the playground trained on it, features first
X_TRAIN = {_array(data.x_train)}
LABELS_TRAIN = {_array(data.labels_train)}  # {kind}s
X_TEST = {_array(data.x_test if data.x_test is not None else [])}
LABELS_TEST = {_array(data.labels_test if data.labels_test is not None else [])}


def load_data():
    """(x_train (n, INPUTS), targets, x_test, targets): the points written above."""
    x_train = np.asarray(X_TRAIN, dtype=DTYPE).reshape(-1, INPUTS)
    x_test = np.asarray(X_TEST, dtype=DTYPE).reshape(-1, INPUTS)
    y_train = {wrap.format("LABELS_TRAIN")}
    y_test = {wrap.format("LABELS_TEST")}
    return x_train, y_train, x_test, y_test{encode}'''
