"""Epoch-by-epoch metrics of the current network, for the loss plot and the status bar. Qt-free."""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np

from playground.nn import Snapshot

COLUMNS = ("epoch", "train_loss", "test_loss", "train_accuracy", "test_accuracy")


class History:
    """Growing columns of epoch metrics; ``array(name)`` gives one as float64, nan where
    unknown."""

    def __init__(self) -> None:
        self._rows: dict[str, list[float]] = {c: [] for c in COLUMNS}
        self.last_epoch = 0

    def clear(self) -> None:
        for col in self._rows.values():
            col.clear()
        self.last_epoch = 0

    def extend(self, snaps: Iterable[Snapshot], epoch_offset: int) -> None:
        for s in snaps:
            self.last_epoch = epoch_offset + s.epoch
            self._rows["epoch"].append(self.last_epoch)
            for c in COLUMNS[1:]:
                value = getattr(s, c)
                self._rows[c].append(np.nan if value is None else value)

    def __len__(self) -> int:
        return len(self._rows["epoch"])

    def array(self, name: str) -> np.ndarray:
        return np.asarray(self._rows[name], dtype=np.float64)

    def latest(self, name: str) -> float | None:
        col = self._rows[name]
        return col[-1] if col and np.isfinite(col[-1]) else None

    def latest_metrics(self) -> dict[str, float | None]:
        return {c: self.latest(c) for c in COLUMNS}
