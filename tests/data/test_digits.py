"""MNIST-style preprocessing of drawings."""

from __future__ import annotations

import numpy as np
import pytest

from playground.data import load_mnist
from playground.data.digits import area_matrix, canvas_to_image, canvas_to_input, centre_of_mass


def _extent(img: np.ndarray) -> tuple[int, int]:
    ink = img > 0.05
    rows, cols = np.flatnonzero(ink.any(axis=1)), np.flatnonzero(ink.any(axis=0))
    return rows[-1] - rows[0] + 1, cols[-1] - cols[0] + 1


def _ellipse(size: int, cy: float, cx: float, ry: float, rx: float, width: float) -> np.ndarray:
    yy, xx = np.mgrid[:size, :size]
    r = np.sqrt(((yy - cy) / ry) ** 2 + ((xx - cx) / rx) ** 2)
    return (np.abs(r - 1) * min(ry, rx) < width / 2).astype(np.float64)


def test_a_tall_thin_one_stays_thin_and_tall():
    canvas = np.zeros((280, 280))
    canvas[40:240, 130:148] = 1.0
    h, w = _extent(canvas_to_image(canvas))
    assert h == 20 and w <= 3


def test_an_off_centre_digit_ends_with_its_centre_of_mass_in_the_middle():
    canvas = _ellipse(300, cy=60, cx=230, ry=40, rx=25, width=8)
    cy, cx = centre_of_mass(canvas_to_image(canvas))
    assert abs(cy - 14) <= 1 and abs(cx - 14) <= 1


def test_a_small_and_a_large_digit_give_nearly_the_same_input():
    small = canvas_to_input(_ellipse(280, 140, 140, 30, 20, 6))
    large = canvas_to_input(_ellipse(280, 140, 140, 120, 80, 24))
    bar = np.zeros((280, 280))
    bar[40:240, 130:148] = 1.0
    one = canvas_to_input(bar)
    same_digit = np.abs(small - large).mean()  # measured 0.045: anti-aliasing at 3x vs 12x
    other_digit = np.abs(small - one).mean()  # measured 0.149
    assert same_digit < 0.35 * other_digit
    assert np.corrcoef(small, large)[0, 1] > 0.85


@pytest.mark.parametrize("canvas", [np.zeros((200, 200), np.uint8), np.zeros((50, 80)),
                                    np.full((30, 30), 0.01)])
def test_an_empty_canvas_gives_none(canvas):
    assert canvas_to_input(canvas) is None


def test_uint8_and_float_canvases_agree():
    c = (_ellipse(100, 50, 50, 30, 20, 5) * 255).astype(np.uint8)
    x = canvas_to_input(c)
    assert x.shape == (784,) and x.dtype == np.float32
    assert np.allclose(x, canvas_to_input(c / 255.0))
    assert x.max() == pytest.approx(1.0)


def test_mnist_digits_pass_through_almost_unchanged():
    images, _ = load_mnist("test")
    diffs = [np.abs(canvas_to_image(im) - im / 255.0).mean() for im in images[:100]]
    assert np.mean(diffs) < 0.002


def test_area_resampling_averages_and_keeps_the_mean():
    assert np.allclose(area_matrix(4, 2), [[0.5, 0.5, 0, 0], [0, 0, 0.5, 0.5]])
    img = np.random.default_rng(0).random((90, 60))
    from playground.data.digits import resize_area

    assert resize_area(img, 20, 13).mean() == pytest.approx(img.mean(), rel=0.02)
