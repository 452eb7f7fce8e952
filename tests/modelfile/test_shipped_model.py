"""The pre-trained MNIST model that ships with the app, so drawing works on first launch."""

from __future__ import annotations

import numpy as np

from playground.data import load_mnist_inputs
from playground.modelfile.save_load import load_model
from playground.nn.metrics import confusion_matrix
from playground.paths import resources_dir

SHIPPED = resources_dir() / "models" / "mnist.npz"


def test_the_shipped_model_is_small_and_takes_mnist_inputs():
    assert SHIPPED.stat().st_size <= 2 * 1024 * 1024
    net = load_model(SHIPPED)
    assert net.input_dim == 784 and net.n_outputs == 10
    assert net.metadata["training"]["augment"] is True


def test_the_shipped_model_reads_98_percent_of_the_test_set():
    net = load_model(SHIPPED)
    x, labels = load_mnist_inputs("test")
    counts = confusion_matrix(net, x, labels)
    assert counts.sum() == 10000
    assert counts.sum(axis=1).tolist() == np.bincount(labels).tolist()
    accuracy = np.trace(counts) / counts.sum()
    assert accuracy >= 0.98, accuracy
