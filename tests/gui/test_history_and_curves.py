"""The epoch history grows up to a bound, thinning its oldest epochs, and the loss curves stay a few
hundred points."""

from __future__ import annotations

import numpy as np
import pytest

from playground.gui.widgets.loss_plot import MAX_POINTS, decimate
from playground.nn import Snapshot
from playground.timeline.curves import History


def _snap(epoch: int, loss: float, test: float | None = None) -> Snapshot:
    return Snapshot(epoch, epoch, loss, 0.1, (), True, loss, 0.5, test, None)


def test_history_grows_past_its_first_capacity_and_keeps_every_epoch():
    h = History(capacity=4)
    h.extend([_snap(e, 1 / e) for e in range(1, 11)], epoch_offset=0)
    h.extend([_snap(1, 0.01, 0.02)], epoch_offset=10)
    assert len(h) == 11 and h.last_epoch == 11
    assert h.array("epoch").tolist() == list(range(1, 12))
    assert h.array("train_loss")[0] == 1.0 and np.isnan(h.array("test_loss")[0])
    assert h.latest("test_loss") == 0.02 and h.latest_metrics()["train_loss"] == 0.01
    with pytest.raises(ValueError):
        h.array("epoch")[0] = 5  # a view the widgets may not change
    h.clear()
    assert len(h) == 0 and h.latest("train_loss") is None


def test_decimate_keeps_short_curves_and_the_spikes_of_long_ones(rng):
    x = np.arange(50.0)
    assert decimate(x, x)[0] is x
    x = np.arange(100_000.0)
    y = np.exp(-x / 20_000) + 0.01 * rng.random(100_000)
    y[77_777] = 5.0  # one diverging epoch
    dx, dy = decimate(x, y)
    assert len(dx) <= MAX_POINTS + 1 and np.all(np.diff(dx) > 0)
    assert dy.max() == 5.0 and dx[dy.argmax()] == 77_777
    assert dx[-1] == x[-1] and dy.min() == y[:len(y) // 300 * 300].min()


def test_a_long_run_keeps_the_history_bounded_and_its_newest_epochs_whole():
    from playground.timeline.curves import MAX_ROWS

    h = History()
    for start in range(0, 400_000, 1000):
        h.extend([_snap(e, 1 / e) for e in range(start + 1, start + 1001)], epoch_offset=0)
    epochs = h.array("epoch")
    assert len(h) <= MAX_ROWS and h._data.shape[1] <= MAX_ROWS
    assert epochs[0] == 1 and epochs[-1] == 400_000 and h.last_epoch == 400_000
    assert np.all(np.diff(epochs) > 0)
    assert np.all(np.diff(epochs[-MAX_ROWS // 4:]) == 1)  # the newest epochs, every one
    assert h.latest("train_loss") == 1 / 400_000
