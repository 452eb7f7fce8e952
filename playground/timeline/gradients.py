"""The |∂L/∂W| bands of a run's frames (``nn.bands.grad_bands``), by epoch: the latest frame of
each epoch, for the window's band plot. A frame of a network with another number of layers
starts it afresh; one of an epoch before the last (a run gone on from an earlier epoch) drops
what came after it. Qt-free.
"""

from __future__ import annotations

import numpy as np

Array = np.ndarray


class GradientLog:
    def __init__(self) -> None:
        self.epochs: list[int] = []
        self.bands: list[Array] = []  # each (layers, 5)

    def add(self, epoch: int, bands: Array) -> None:
        if self.bands and self.bands[-1].shape != bands.shape:
            self.clear()
        while self.epochs and self.epochs[-1] >= epoch:
            self.epochs.pop()
            self.bands.pop()
        self.epochs.append(int(epoch))
        self.bands.append(np.asarray(bands, np.float64))

    def upto(self, epoch: int | None) -> tuple[Array, Array]:
        """(epochs (k,), bands (k, layers, 5)) up to ``epoch`` (None: all)."""
        epochs = np.array(self.epochs, np.int64)
        keep = epochs <= epoch if epoch is not None else np.ones(len(epochs), bool)
        if not keep.any():
            return np.zeros(0, np.int64), np.zeros((0, 0, 5))
        return epochs[keep], np.stack([b for b, k in zip(self.bands, keep, strict=True) if k])

    def clear(self) -> None:
        self.epochs, self.bands = [], []
