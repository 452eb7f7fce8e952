from __future__ import annotations

import numpy as np

from playground.data import load_mnist_inputs
from playground.data.augment import MnistAugment
from playground.data.digits import centre_of_mass


def _digits(n: int = 64) -> np.ndarray:
    x, _ = load_mnist_inputs("test")
    return x[:n]


def test_a_batch_keeps_its_shape_range_and_dtype():
    x = _digits()
    out = MnistAugment(0)(x)
    assert out.shape == x.shape and out.dtype == np.float32
    assert out.min() >= 0.0 and np.allclose(out.max(axis=1), 1.0)


def test_the_same_seed_repeats_and_another_differs():
    x = _digits()
    assert np.array_equal(MnistAugment(3)(x), MnistAugment(3)(x))
    assert not np.array_equal(MnistAugment(3)(x), MnistAugment(4)(x))


def test_digits_stay_near_the_centre_and_keep_most_of_their_ink():
    x = _digits(200)
    out = MnistAugment(0)(x)
    ink_before, ink_after = x.sum(axis=1), out.sum(axis=1)
    assert np.median(ink_after / ink_before) > 0.6  # thinner strokes lose some, never most
    shifts = [np.hypot(*(np.array(centre_of_mass(o.reshape(28, 28))) -
                         centre_of_mass(i.reshape(28, 28)))) for i, o in zip(x, out, strict=True)]
    assert max(shifts) < 4.5  # at most 2 px of shift, plus rotation and scaling about the centre


def test_the_test_data_is_never_transformed():
    from playground.nn import LayerSpec, Network, TrainConfig, train_steps

    x = _digits(32)
    labels = np.arange(32) % 10
    seen = []

    def spy(xb):
        seen.append(len(xb))
        return xb

    net = Network(784, [LayerSpec(10, "softmax")], loss="cross_entropy")
    list(train_steps(net, x, labels, TrainConfig("sgd", 0.1, 16, 1, 0), x, labels, spy))
    assert seen == [16, 16]
