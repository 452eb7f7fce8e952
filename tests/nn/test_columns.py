"""The first layer on a batch's live input columns (nn.columns): the same gradients, the same
training, only where it pays."""

import numpy as np
import pytest

from playground.data.mnist import to_inputs
from playground.nn import LayerSpec, Network, TrainConfig, train_steps
from playground.nn.columns import MAX_LIVE_SHARE, live_columns


def _sparse_images(n: int, d: int, seed: int) -> np.ndarray:
    """uint8 images whose pixels are mostly zero, half the columns zero in every image."""
    rng = np.random.default_rng(seed)
    images = rng.integers(0, 256, size=(n, d), dtype=np.uint8)
    images[rng.random((n, d)) < 0.7] = 0
    images[:, rng.permutation(d)[: d // 2]] = 0
    return images


def _net(d: int, dtype=np.float64, seed: int = 1) -> Network:
    return Network(d, [LayerSpec(8, "relu"), LayerSpec(3, "softmax")], "cross_entropy", "he",
                   seed=seed, dtype=dtype)


def test_live_columns_are_those_nonzero_somewhere_and_none_where_most_are():
    images = _sparse_images(40, 30, 0)
    live = live_columns(images)
    np.testing.assert_array_equal(live, images.any(axis=0))
    dense = np.ones((5, 30), np.uint8)
    dense[:, : int(30 * (1 - MAX_LIVE_SHARE)) - 1] = 0  # just over the share still live
    assert live_columns(dense) is None


@pytest.mark.parametrize("order", ["C", "F"])  # Batches gives the live columns in F order
def test_the_live_columns_give_the_dense_loss_and_gradients(order):
    images = _sparse_images(32, 49, 1)
    labels = np.random.default_rng(1).integers(0, 3, 32)
    x = to_inputs(images, np.float64)
    net = _net(49)
    loss, grads = net.loss_and_grads(x, labels)
    cols = np.flatnonzero(live_columns(images))
    assert 0 < len(cols) < 49
    loss_cols, _ = net.train_pass(np.asarray(x[:, cols], order=order), labels, cols)
    assert loss_cols == pytest.approx(loss, rel=1e-12)
    for g, h in zip(grads, net.grads, strict=True):
        np.testing.assert_allclose(h["W"], g["W"], rtol=1e-11, atol=1e-14)
        np.testing.assert_allclose(h["b"], g["b"], rtol=1e-11, atol=1e-14)
    dead = np.setdiff1d(np.arange(49), cols)
    assert not net.grads[0]["W"][dead].any()  # exactly zero, not merely small


@pytest.mark.parametrize(("dtype", "rtol"), [(np.float64, 1e-10), (np.float32, 1e-3)])
def test_pixel_training_that_skips_columns_ends_where_the_dense_run_does(dtype, rtol):
    images = _sparse_images(300, 49, 2)
    labels = np.random.default_rng(2).integers(0, 3, 300)
    config = TrainConfig("adam", 0.01, 32, 3, 0)
    nets = [_net(49, dtype) for _ in range(2)]
    *_, dense = train_steps(nets[0], to_inputs(images, dtype), labels, config)
    *_, skipped = train_steps(nets[1], images, labels, config, pixels=True)
    assert skipped.train_loss == pytest.approx(dense.train_loss, rel=rtol)
    for a, b in zip(nets[0].params, nets[1].params, strict=True):
        np.testing.assert_allclose(b["W"], a["W"], rtol=rtol, atol=rtol * 1e-2)


def test_a_skipped_batch_really_is_narrower(monkeypatch):
    seen = []
    original = Network.train_pass

    def spy(self, x, y, columns=None):
        seen.append((x.shape[1], None if columns is None else len(columns)))
        return original(self, x, y, columns)

    monkeypatch.setattr(Network, "train_pass", spy)
    images = _sparse_images(64, 49, 3)
    labels = np.zeros(64, int)
    for _ in train_steps(_net(49), images, labels, TrainConfig("sgd", 0.1, 32, 1, 0),
                         pixels=True):
        pass
    assert seen and all(width == n < 49 for width, n in seen)
    seen.clear()  # an augmenting transform sees whole images, so nothing is skipped
    for _ in train_steps(_net(49), images, labels, TrainConfig("sgd", 0.1, 32, 1, 0),
                         pixels=True, transform=lambda xb: xb):
        pass
    assert seen and all(width == 49 and n is None for width, n in seen)


def test_a_batch_too_tall_for_the_gathers_to_pay_is_left_whole():
    from playground.nn.columns import MAX_ROWS

    images = _sparse_images(MAX_ROWS + 1, 30, 4)
    assert live_columns(images) is None
    assert live_columns(images[:MAX_ROWS]) is not None
