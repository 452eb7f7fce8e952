"""Epoch-by-epoch metrics of a run, for the loss plot and the status bar. Qt-free.

Stored as columns of one float64 array that doubles when full: a fast net trains hundreds of
epochs a second, and converting Python lists of that length to arrays at every redraw grew
into the slowest part of a frame after a few minutes. It doubles up to ``MAX_ROWS``; past that the
older half is thinned to every second epoch (the newest epochs stay whole), so a long run's
memory stays flat (it grew by 36 MB in 4 minutes of XOR, 442,000 epochs) and the plot, which
shows at most 600 points a curve, loses nothing it could draw.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np

from playground.nn import Snapshot

MAX_ROWS = 50_000  # 2 MB of metrics
COLUMNS = ("epoch", "train_loss", "test_loss", "train_accuracy", "test_accuracy", "lr")
_INDEX = {name: i for i, name in enumerate(COLUMNS)}


class History:
    """Growing columns of epoch metrics; ``array(name)`` gives one as float64, nan where
    unknown."""

    def __init__(self, capacity: int = 1024) -> None:
        self._data = np.full((len(COLUMNS), capacity), np.nan)
        self._n = 0
        self.last_epoch = 0

    def clear(self) -> None:
        self._n = 0
        self.last_epoch = 0

    def extend(self, snaps: Iterable[Snapshot], epoch_offset: int) -> None:
        snaps = list(snaps)[-MAX_ROWS // 2:]
        block = np.array([[epoch_offset + s.epoch, s.train_loss, s.test_loss, s.train_accuracy,
                           s.test_accuracy, s.lr] for s in snaps],
                         dtype=float).reshape(-1, len(COLUMNS)).T
        self._append(block)

    def add_rows(self, epochs: np.ndarray, **values: np.ndarray) -> None:
        """Rows for ``epochs`` with the columns named in ``values``, nan in the others (the
        seed grid's copies: thousands of epochs a frame, no Snapshot each)."""
        block = np.full((len(COLUMNS), len(epochs)), np.nan)
        block[0] = epochs
        for name, column in values.items():
            block[_INDEX[name]] = column
        self._append(block[:, -MAX_ROWS // 2:])

    def _append(self, block: np.ndarray) -> None:
        n = block.shape[1]
        if not n:
            return
        while self._n + n > MAX_ROWS:
            self._thin()
        if self._n + n > self._data.shape[1]:
            size = min(MAX_ROWS, 2 * (self._n + n))
            grown = np.full((len(COLUMNS), size), np.nan)
            grown[:, :self._n] = self._data[:, :self._n]
            self._data = grown
        self._data[:, self._n:self._n + n] = block
        self._n += n
        self.last_epoch = int(block[0, -1])

    def _thin(self) -> None:
        """Keep every second row of the older half; the newer half stays as it is."""
        half = self._n // 2
        kept = np.concatenate([np.arange(0, half, 2), np.arange(half, self._n)])
        self._data[:, :len(kept)] = self._data[:, kept]
        self._n = len(kept)

    def __len__(self) -> int:
        return self._n

    def array(self, name: str) -> np.ndarray:
        """The column ``name`` (n,), a read-only view."""
        view = self._data[_INDEX[name], :self._n]
        view.flags.writeable = False
        return view

    def after(self, name: str, epoch: int) -> np.ndarray:
        """The column ``name`` for the epochs after ``epoch`` only."""
        return self.array(name)[self.array("epoch") > epoch]

    def latest(self, name: str) -> float | None:
        if not self._n:
            return None
        value = float(self._data[_INDEX[name], self._n - 1])
        return value if np.isfinite(value) else None

    def latest_metrics(self) -> dict[str, float | None]:
        return {c: self.latest(c) for c in COLUMNS}

    def at(self, epoch: int) -> dict[str, float | None] | None:
        """The metrics of ``epoch`` (None when its row is not kept)."""
        epochs = self.array("epoch")
        i = int(np.searchsorted(epochs, epoch))
        if i == len(epochs) or epochs[i] != epoch:
            return None
        row = self._data[:, i]
        return {c: (float(v) if np.isfinite(v) else None) for c, v in zip(COLUMNS, row,
                                                                         strict=True)}

    def upto(self, epoch: int) -> History:
        """A copy of the rows up to ``epoch`` (a branch's past)."""
        keep = int(np.searchsorted(self.array("epoch"), epoch, side="right"))
        return History.from_columns(self._data[:, :keep])

    def columns(self) -> np.ndarray:
        """Every row as (columns, n) float64, a copy (what a model file stores)."""
        return self._data[:, :self._n].copy()

    @classmethod
    def from_columns(cls, data: np.ndarray) -> History:
        """The history of ``data`` (``columns``' shape; epochs increasing). A file written
        before the rate was kept has every column but "lr", the last: its rates are unknown."""
        data = np.asarray(data, np.float64)
        if data.ndim == 2 and data.shape[0] == len(COLUMNS) - 1:
            data = np.vstack([data, np.full((1, data.shape[1]), np.nan)])
        if data.ndim != 2 or data.shape[0] != len(COLUMNS):
            raise ValueError(f"curves of shape {data.shape}, not ({len(COLUMNS)}, n)")
        history = cls(max(1024, data.shape[1]))
        history._data[:, :data.shape[1]] = data
        history._n = data.shape[1]
        history.last_epoch = int(data[0, -1]) if data.shape[1] else 0
        return history
