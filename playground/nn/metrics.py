"""How well a network does on data: loss, accuracy, the class it predicts for each sample, and
the confusion matrix, computed in chunks so that 10,000 MNIST images need no large buffer."""

from __future__ import annotations

import numpy as np

from playground.nn.network import DIVERGED, Network

Array = np.ndarray


def evaluate(net: Network, x: Array, y: Array, chunk: int = 8192) -> tuple[float, float]:
    """(mean loss, accuracy) of ``net`` on x (n, input_dim) with targets y, in chunks."""
    loss, accuracy, _ = evaluate_with_predictions(net, x, y, chunk)
    return loss, accuracy


def evaluate_with_predictions(net: Network, x: Array, y: Array,
                              chunk: int = 8192) -> tuple[float, float, Array]:
    """(mean loss, accuracy, predicted class per sample) of ``net`` on x with targets y."""
    n = x.shape[0]
    predicted = np.zeros(n, dtype=np.int64)
    if n == 0:
        return float("nan"), float("nan"), predicted
    y = net.check_targets(y, n)
    labels = target_classes(net, y)
    total_loss = 0.0
    with np.errstate(**DIVERGED):  # diverged weights give an inf loss, reported as such
        for start in range(0, n, chunk):
            xs, ys = x[start:start + chunk], y[start:start + chunk]
            zs, acts = net.forward_all(xs)
            total_loss += net.loss.value(zs[-1], acts[-1], ys) * xs.shape[0]
            predicted[start:start + chunk] = net.classes_from_outputs(acts[-1])
    return total_loss / n, float((predicted == labels).mean()), predicted


def confusion_matrix(net: Network, x: Array, labels: Array, chunk: int = 8192) -> Array:
    """(k, k) counts: row = true class, column = the class ``net`` predicts; sums to len(x)."""
    predicted = np.concatenate([net.predict(x[start:start + chunk])  # silences diverged weights
                                for start in range(0, len(x), chunk)] or [np.zeros(0, int)])
    return confusion_counts(labels, predicted, max(2, net.n_outputs))


def confusion_counts(labels: Array, predicted: Array, k: int) -> Array:
    """(k, k) counts of (true class, answer) pairs: row = true class, column = answer."""
    index = np.asarray(labels, dtype=np.int64) * k + np.asarray(predicted, dtype=np.int64)
    return np.bincount(index, minlength=k * k).reshape(k, k)


def target_classes(net: Network, y: Array) -> Array:
    """The class index (n,) that each target row stands for."""
    if net.loss.integer_targets:
        return y
    if y.shape[1] > 1:
        return y.argmax(axis=1)
    return net.classes_from_outputs(y)
