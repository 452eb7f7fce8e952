"""Early stopping (nn.early_stop): the run stops once the test loss has not improved for the
patience, and the weights of the best epoch are put back exactly."""

import numpy as np
import pytest

from playground.data.prepare import DataSpec, prepare
from playground.nn import LayerSpec, Network, TrainConfig, train_steps
from playground.nn.early_stop import BestEpoch
from playground.nn.train import OptimizerState


def _overfitting():
    """The issue's overfitting set-up: 30 spiral points, an 8x8x8 network."""
    data = prepare(DataSpec("spiral", points=30, seed=2, test_fraction=0.5))
    net = Network(data.x_train.shape[1], [LayerSpec(8, "tanh")] * 3 + [LayerSpec(1, "sigmoid")],
                  "bce", seed=1, dtype=np.float64)
    y, yt = (net.encode_targets(data.y_train), net.encode_targets(data.y_test))
    return net, data.x_train, y, data.x_test, yt


def test_it_stops_patience_epochs_after_the_best_and_keeps_that_epochs_weights_exactly():
    net, x, y, xt, yt = _overfitting()
    config = TrainConfig("adam", 0.01, 15, 3000, 0, early_stop=40)
    ends = [s for s in train_steps(net, x, y, config, xt, yt) if s.epoch_end]
    last = ends[-1]
    best = min(ends, key=lambda s: s.test_loss)
    assert 1 < best.epoch < last.epoch < 3000, "the set-up overfits: the test loss turns"
    assert last.best_epoch == best.epoch and last.epoch == best.epoch + 40
    for kept, now, snap in zip(best.params, net.params, last.params, strict=True):
        for k in kept:
            np.testing.assert_array_equal(now[k], kept[k])
            np.testing.assert_array_equal(snap[k], kept[k])
    assert str(last.early_stop) == (f"stopped at epoch {last.epoch}: the test loss last "
                                    f"improved at {best.epoch}; the weights of epoch "
                                    f"{best.epoch} are kept")
    assert last.stop_reason is None  # not a run that blew up


def test_the_watch_goes_on_across_a_resumed_run():
    net, x, y, xt, yt = _overfitting()
    best, done, keep = BestEpoch(), 0, OptimizerState()
    while True:  # paused every 25 epochs, resumed where it was
        part = TrainConfig("adam", 0.01, 15, 25, 0, early_stop=40)
        ends = [s for s in train_steps(net, x, y, part, xt, yt, keep=keep, start_epoch=done,
                                       best=best) if s.epoch_end]
        done += ends[-1].epoch
        if ends[-1].early_stop is not None:
            break
    assert ends[-1].best_epoch == best.epoch
    assert best.epoch + 40 == done


def test_without_a_test_set_or_with_patience_0_nothing_stops_the_run():
    net, x, y, xt, yt = _overfitting()
    config = TrainConfig("adam", 0.03, 15, 300, 0, early_stop=5)
    assert [s for s in train_steps(net, x, y, config) if s.epoch_end][-1].epoch == 300
    config.early_stop = 0
    assert [s for s in train_steps(net, x, y, config, xt, yt) if s.epoch_end][-1].epoch == 300


@pytest.mark.parametrize("patience", [-1, 2.5, "10", True, float("inf")])
def test_a_patience_that_cannot_work_is_refused(patience):
    with pytest.raises(ValueError, match="patience"):
        TrainConfig(early_stop=patience).validate()
