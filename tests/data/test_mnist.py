from __future__ import annotations

import gzip
import shutil
import struct

import numpy as np
import pytest

from playground.data import DataFileError, load_mnist
from playground.data.mnist import default_dir, load_mnist_inputs

TRAIN_COUNTS = [5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949]
TEST_COUNTS = [980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009]


def test_the_bundled_files_hold_the_standard_sets():
    images, labels = load_mnist("train")
    assert images.shape == (60000, 28, 28) and images.dtype == np.uint8
    assert np.bincount(labels).tolist() == TRAIN_COUNTS
    assert images.mean() == pytest.approx(33.32, abs=0.01)
    _, test_labels = load_mnist("test")
    assert np.bincount(test_labels).tolist() == TEST_COUNTS


def test_inputs_are_scaled_to_unit_range():
    x, y = load_mnist_inputs("test")
    assert x.shape == (10000, 784) and x.dtype == np.float32
    assert x.min() == 0.0 and x.max() == 1.0


@pytest.fixture
def mnist_copy(tmp_path):
    for f in default_dir().glob("t10k-*.gz"):
        shutil.copy(f, tmp_path / f.name)
    return tmp_path


def _rewrite(path, data: bytes) -> None:
    with gzip.open(path, "wb") as f:
        f.write(data)


def _raw(path) -> bytes:
    with gzip.open(path, "rb") as f:
        return f.read()


def test_a_missing_file_is_named(mnist_copy):
    (mnist_copy / "t10k-labels-idx1-ubyte.gz").unlink()
    with pytest.raises(DataFileError, match="t10k-labels-idx1-ubyte.gz: no such file"):
        load_mnist("test", mnist_copy)


def test_a_truncated_file_says_so(mnist_copy):
    path = mnist_copy / "t10k-images-idx3-ubyte.gz"
    _rewrite(path, _raw(path)[:5000])
    with pytest.raises(DataFileError, match="t10k-images-idx3-ubyte.gz: has 5000 bytes.*truncated"):
        load_mnist("test", mnist_copy)


def test_a_wrong_magic_number_says_so(mnist_copy):
    path = mnist_copy / "t10k-labels-idx1-ubyte.gz"
    raw = _raw(path)
    _rewrite(path, struct.pack(">i", 2051) + raw[4:])
    with pytest.raises(DataFileError, match="magic number 2051, expected 2049"):
        load_mnist("test", mnist_copy)


def test_a_corrupt_gzip_stream_says_it_is_damaged(mnist_copy):
    path = mnist_copy / "t10k-images-idx3-ubyte.gz"
    data = bytearray(path.read_bytes())
    data[len(data) // 2:len(data) // 2 + 64] = bytes(64)
    path.write_bytes(bytes(data))
    with pytest.raises(DataFileError, match="t10k-images-idx3-ubyte.gz: cannot be read"):
        load_mnist("test", mnist_copy)


def test_label_and_image_counts_must_agree(mnist_copy):
    path = mnist_copy / "t10k-labels-idx1-ubyte.gz"
    raw = _raw(path)
    _rewrite(path, struct.pack(">ii", 2049, 9999) + raw[8:-1])
    with pytest.raises(DataFileError, match="9999 labels for 10000 images"):
        load_mnist("test", mnist_copy)
