"""The timeline's states: a row per epoch packs the weights and the optimizer's state exactly,
memory stays within its budget by thinning older epochs, and a branch never changes another
line's past."""

from __future__ import annotations

import numpy as np
import pytest

from playground.experiment import Architecture
from playground.nn import Network, TrainConfig, train_steps
from playground.nn.checkpoint import pack, unpack_optimizer, unpack_params
from playground.nn.train import OptimizerState
from playground.timeline.states import Layout, Timeline


def _trained(optimizer: str, epochs: int = 3):
    arch = Architecture()
    net = arch.build(2, 2)
    rng = np.random.default_rng(1)
    x = rng.normal(size=(40, 2)).astype(net.dtype)
    y = net.encode_targets((x[:, 0] * x[:, 1] > 0).astype(int))
    keep = OptimizerState()
    cfg = TrainConfig(optimizer=optimizer, lr=0.05, batch_size=8, epochs=epochs)
    for _ in train_steps(net, x, y, cfg, keep=keep):
        pass
    return arch, net, keep, x, y, cfg


@pytest.mark.parametrize("optimizer", ["sgd", "momentum", "adam"])
def test_a_row_gives_back_the_weights_and_the_optimizer_to_the_bit(optimizer):
    arch, net, keep, x, y, cfg = _trained(optimizer)
    row, steps, kind = pack(net, keep.optimizer)
    assert kind == optimizer and row.dtype == np.float32
    for a, b in zip(unpack_params(row, net), net.params, strict=True):
        for k in b:
            assert np.array_equal(a[k], b[k])
    # going on from the row equals going on from the live optimizer, to the bit
    restored = Network(2, list(net.layers), net.loss_name, net.init, 0)
    restored.set_params(unpack_params(row, net))
    opt = unpack_optimizer(row, steps, net, kind, cfg.lr, cfg.momentum)
    cfg.epochs = 2
    for _ in train_steps(net, x, y, cfg, keep=keep):
        pass
    for _ in train_steps(restored, x, y, cfg, keep=OptimizerState(opt)):
        pass
    for a, b in zip(restored.params, net.params, strict=True):
        for k in b:
            assert np.array_equal(a[k], b[k])


def _layout_and_row(optimizer: str = "adam"):
    arch, net, keep, *_ = _trained(optimizer, epochs=1)
    row, steps, kind = pack(net, keep.optimizer)
    return Layout.of(arch, net), row, steps, kind


def test_every_epoch_is_kept_while_it_fits_and_older_ones_are_thinned_past_the_budget():
    layout, row, steps, kind = _layout_and_row()
    width_bytes = row.nbytes + 16
    timeline = Timeline(budget=200 * width_bytes)
    first = np.tile(row, (150, 1))
    first[:, 0] = np.arange(150)  # each row says its epoch
    timeline.add(layout, kind, np.arange(0, 150), first, np.full(150, steps))
    assert list(timeline.epochs()) == list(range(150)) and timeline.thinning() is None
    for start in range(150, 5000, 50):
        epochs = np.arange(start, start + 50)
        rows = np.tile(row, (50, 1))
        rows[:, 0] = epochs  # each row says its epoch
        timeline.add(layout, kind, epochs, rows, np.full(50, steps))
        assert timeline.nbytes <= 200 * width_bytes
    kept = timeline.epochs()
    assert kept[0] == 0 and kept[-1] == 4999
    assert np.all(np.diff(kept[-timeline.recent:]) == 1)  # the newest whole
    fewest, most, after, before = timeline.thinning()
    assert fewest == 2 and before > 4000 and after == 49  # the start stays whole, as much of
    assert np.all(np.diff(kept[:50]) == 1)  # it as a quarter of the budget holds
    gaps = np.diff(kept[50:])[::-1]  # newest first: the stride doubles going back in time
    assert np.all(np.diff(gaps) >= 0) and np.all(gaps & (gaps - 1) == 0)  # powers of two
    for epoch in (4999, int(kept[-60]), int(kept[3])):
        assert timeline.state(epoch).row[0] == epoch


def test_a_branch_shares_the_past_and_never_changes_the_other_line():
    layout, row, steps, kind = _layout_and_row("sgd")
    timeline = Timeline()
    rows = np.tile(row, (10, 1))
    rows[:, 0] = np.arange(10)
    timeline.add(layout, kind, np.arange(10), rows, np.zeros(10, np.int64))
    branch = timeline.prefix(4)
    assert list(branch.epochs()) == [0, 1, 2, 3, 4]
    other = row.copy()
    other[0] = -1.0
    branch.add(layout, kind, np.array([4]), other[None], np.zeros(1, np.int64))  # epoch 4 again
    branch.add(layout, kind, np.array([5]), other[None], np.zeros(1, np.int64))
    timeline.add(layout, kind, np.array([10]), row[None], np.zeros(1, np.int64))
    assert branch.state(4).row[0] == -1.0 and timeline.state(4).row[0] == 4.0
    assert timeline.state(5).row[0] == 5.0 and branch.state(5).row[0] == -1.0
    assert list(timeline.epochs()) == list(range(11))


def test_a_row_of_another_shape_is_refused():
    layout, row, steps, kind = _layout_and_row("momentum")
    with pytest.raises(ValueError):
        Timeline().add(layout, kind, np.array([1]), row[None, :-1], np.zeros(1, np.int64))
    with pytest.raises(ValueError):
        Timeline().add(layout, "adam", np.array([1]), row[None], np.zeros(1, np.int64))
