"""The compiled loops (nn.fused): Adam's update in one pass and an MNIST batch in two, each the
bits of its NumPy passes, used only where it can be; whole without numba."""

from __future__ import annotations

import sys

import numpy as np
import pytest

from playground.nn import LayerSpec, Network, TrainConfig, fused, train_steps
from playground.nn.batches import Batches
from playground.nn.columns import MAX_ROWS
from playground.nn.optim import Adam

SHAPES = [(784, 128), (128,), (128, 10), (10,)]  # the MNIST tab's: one array over MIN_SIZE


@pytest.fixture
def kernel(monkeypatch):
    """The compiled loop (numba is in the test extra), and a switch for the passes."""
    pytest.importorskip("numba")
    monkeypatch.delenv(fused.OFF, raising=False)
    monkeypatch.setattr(fused, "_kernel", fused._Kernel())
    loops = fused._kernel.get()
    assert loops is not None

    def use(on: bool) -> None:
        fused._kernel._loops = loops if on else None

    return use


def _steps(dtype: type, fused_on: bool, use, steps: int = 30) -> list[np.ndarray]:
    """Adam over ``steps`` gradients, alternating in place and into a second buffer (as
    ``train_steps`` takes them), with a learning rate that changes as a schedule's does."""
    use(fused_on)
    rng = np.random.default_rng(7)
    params = [rng.standard_normal(s).astype(dtype) for s in SHAPES]
    other = [np.empty_like(p) for p in params]
    adam = Adam(1e-3)
    for k in range(steps):
        grads = [(rng.standard_normal(p.shape) * 10.0 ** rng.integers(-6, 2)).astype(dtype)
                 for p in params]
        adam.lr = 1e-3 * 0.97 ** k
        if k % 3:
            adam.step(params, grads)
        else:
            adam.step(params, grads, other)
            params, other = other, params
    return params + adam.state(params)[0][0] + adam.state(params)[0][1]


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_the_compiled_pass_gives_the_bits_of_the_numpy_passes(kernel, dtype):
    passes, one = _steps(dtype, False, kernel), _steps(dtype, True, kernel)
    for a, b in zip(passes, one, strict=True):
        np.testing.assert_array_equal(a, b)


def test_it_is_used_only_for_large_contiguous_arrays_of_one_type(kernel):
    kernel(True)
    big = np.ones(fused.MIN_SIZE, np.float32)
    ok = [big.copy() for _ in range(5)]
    args = (0.9, 0.999, 1e-3, 1e-8)
    assert fused.fused_adam(*ok, args)
    assert not fused.fused_adam(*[np.ones(fused.MIN_SIZE - 1, np.float32)] * 5, args)
    strided = np.ones(2 * fused.MIN_SIZE, np.float32)[::2]
    assert not fused.fused_adam(strided, *ok[1:], args)
    assert not fused.fused_adam(ok[0], big.astype(np.float64), *ok[2:], args)
    assert not fused.fused_adam(*[big.astype(np.float16)] * 5, args)
    kernel(False)
    assert not fused.fused_adam(*ok, args)


def test_many_seeds_rate_per_network_takes_the_passes(kernel, monkeypatch):
    kernel(True)
    called = []
    monkeypatch.setattr("playground.nn.optim.fused_adam",
                        lambda *a: called.append(1) or False)
    p = [np.ones((3, 64, 64), np.float32)]
    adam = Adam(np.array([1e-3, 2e-3, 3e-3])[:, None, None])
    adam.step(p, [np.ones_like(p[0])])
    assert not called  # one rate per network: not the compiled loop's one number


def test_mnist_training_ends_on_the_same_weights_either_way(kernel):
    rng = np.random.default_rng(3)
    images = rng.integers(0, 256, (400, 784), dtype=np.uint8)
    images[rng.random(images.shape) < 0.8] = 0
    labels = rng.integers(0, 10, 400)
    ends = []
    for on in (False, True):
        kernel(on)
        net = Network(784, [LayerSpec(16, "relu"), LayerSpec(10, "softmax")], "cross_entropy",
                      "he", seed=0)
        for _ in train_steps(net, images, labels, TrainConfig("adam", 0.01, 32, 3, 0),
                             pixels=True):
            pass
        ends.append(net.params)
    for a, b in zip(*ends, strict=True):
        np.testing.assert_array_equal(a["W"], b["W"])
        np.testing.assert_array_equal(a["b"], b["b"])


def _images(n: int, d: int, zero_columns: int, seed: int) -> np.ndarray:
    rng = np.random.default_rng(seed)
    images = rng.integers(0, 256, (n, d), dtype=np.uint8)
    images[rng.random(images.shape) < 0.8] = 0
    images[:, rng.permutation(d)[:zero_columns]] = 0
    return images


def _batches(images: np.ndarray, batch: int, dtype: type, shuffle: bool = True) -> list:
    labels = np.arange(len(images))
    made = Batches(images, labels, labels, shuffle, 4, np.dtype(dtype), skip=True)
    return [(x.copy(order="A"), None if c is None else c.copy(), y.copy())
            for x, y, _, c in made.epoch(TrainConfig("sgd", 0.1, batch, 1, 0))]


@pytest.mark.parametrize(("n", "batch", "zero_columns", "dtype"), [
    (700, 128, 300, np.float32),  # MNIST's: a third of the columns dead in a batch
    (700, 64, 300, np.float64),
    (300, 1, 10, np.float32),  # one image: most of its columns dead
    (700, 128, 5, np.float32),  # nearly every column live: the batch whole, in rows
    (MAX_ROWS + 300, MAX_ROWS + 1, 300, np.float32),  # too tall: NumPy's way, whole
])
def test_a_compiled_batch_is_the_numpy_batch(kernel, n, batch, zero_columns, dtype):
    images = _images(n, 49 if batch == 1 else 100, zero_columns // (1 + (batch == 1)), n)
    images.flags.writeable = batch != 128  # the process's MNIST is read-only
    kernel(False)
    passes = _batches(images, batch, dtype)
    kernel(True)
    loops, calls = fused._kernel.get(), []
    fused._kernel._loops = loops._replace(pixels=lambda *a: calls.append(1) or loops.pixels(*a))
    compiled = _batches(images, batch, dtype)
    assert len(passes) == len(compiled) > 1
    assert len(calls) == sum(len(y) <= MAX_ROWS for *_, y in compiled)  # it did make them
    for (x, cols, y), (x2, cols2, y2) in zip(passes, compiled, strict=True):
        np.testing.assert_array_equal(y, y2)
        assert (cols is None) == (cols2 is None) and x.dtype == x2.dtype == dtype
        assert x.flags.f_contiguous == x2.flags.f_contiguous  # the same layout
        np.testing.assert_array_equal(x, x2)
        if cols is not None:
            np.testing.assert_array_equal(cols, cols2)
            np.testing.assert_array_equal(x2, images[y][:, cols] * dtype(1 / 255))


def test_unshuffled_and_non_pixel_batches_take_numpys_way(kernel, monkeypatch):
    kernel(True)
    monkeypatch.setattr(fused, "gather_pixels", lambda *a: pytest.fail("compiled"))
    monkeypatch.setattr("playground.nn.batches.gather_pixels",
                        lambda *a: pytest.fail("compiled"))
    images = _images(300, 100, 40, 1)
    assert len(_batches(images, 64, np.float32, shuffle=False)) == 5
    labels = np.arange(300)
    made = Batches(images.astype(np.float32), labels, labels, True, 0)
    assert len(list(made.epoch(TrainConfig("sgd", 0.1, 64, 1, 0)))) == 5


def test_without_numba_adam_takes_its_passes(monkeypatch):
    monkeypatch.setitem(sys.modules, "numba", None)  # import numba raises ImportError
    monkeypatch.setattr(fused, "_kernel", fused._Kernel())
    assert fused._kernel.get() is None
    assert "NumPy's passes" in fused.describe() and "[fast]" in fused.describe()
    p = [np.ones(fused.MIN_SIZE, np.float32)]
    Adam(0.1).step(p, [np.ones_like(p[0])])
    np.testing.assert_allclose(p[0], 0.9, rtol=1e-6)  # Adam's first step: lr · sign(g)


def test_the_setting_turns_it_off(monkeypatch):
    monkeypatch.setenv(fused.OFF, "1")
    monkeypatch.setattr(fused, "_kernel", fused._Kernel())
    assert fused._kernel.get() is None and fused.OFF in fused.describe()


def test_numba_that_cannot_compile_leaves_numpys_passes_and_says_why(kernel, monkeypatch):
    def broken() -> None:
        raise RuntimeError("no LLVM target for this CPU")

    monkeypatch.setattr(fused, "_compile", broken)
    monkeypatch.setattr(fused, "_kernel", fused._Kernel())
    p = [np.ones(fused.MIN_SIZE, np.float32)]
    Adam(0.1).step(p, [np.ones_like(p[0])])
    np.testing.assert_allclose(p[0], 0.9, rtol=1e-6)
    assert "numba failed: RuntimeError: no LLVM target" in fused.describe()
