"""Light augmentation of MNIST batches: small shifts, rotations, scalings and stroke thickness.

Mouse drawings differ from MNIST in exactly these ways, so a model trained on them reads drawings
better. ``MnistAugment(seed)(xb)`` takes a batch (n, 784) in [0, 1] and returns a new one; every
image gets its own random affine warp (bilinear) and, for two thirds of them, a thicker or thinner
stroke. Vectorised over the batch.
"""

from __future__ import annotations

import numpy as np

Array = np.ndarray
SIDE = 28


class MnistAugment:
    """A batch transform for ``train_steps``: x (n, 784) float in [0, 1] -> same shape."""

    def __init__(self, seed: int | None = 0, max_shift: float = 2.0, max_degrees: float = 12.0,
                 max_scale: float = 0.1) -> None:
        self.rng = np.random.default_rng(seed)
        self.max_shift, self.max_degrees, self.max_scale = max_shift, max_degrees, max_scale
        grid = np.arange(SIDE, dtype=np.float32) - (SIDE - 1) / 2
        self._yy, self._xx = np.meshgrid(grid, grid, indexing="ij")

    def __call__(self, x: Array) -> Array:
        images = x.reshape(-1, SIDE, SIDE)
        out = self._thickness(self._warp(images))
        # brightest pixel back to 1, as in MNIST and as canvas_to_input makes drawings
        peak = out.reshape(len(out), -1).max(axis=1)
        out /= np.where(peak > 0, peak, 1.0)[:, None, None]
        return out.reshape(x.shape).astype(x.dtype, copy=False)

    def _warp(self, images: Array) -> Array:
        """Rotate, scale and shift each image about its centre (inverse mapping, bilinear)."""
        n = images.shape[0]
        rng = self.rng
        angle = np.deg2rad(rng.uniform(-self.max_degrees, self.max_degrees, n))
        scale = 1.0 + rng.uniform(-self.max_scale, self.max_scale, n)
        shift = rng.uniform(-self.max_shift, self.max_shift, (n, 2))
        cos, sin = (np.cos(angle) / scale)[:, None, None], (np.sin(angle) / scale)[:, None, None]
        yy, xx = self._yy[None] - shift[:, 0, None, None], self._xx[None] - shift[:, 1, None, None]
        centre = (SIDE - 1) / 2
        src_y = cos * yy - sin * xx + centre
        src_x = sin * yy + cos * xx + centre
        return _bilinear(images, src_y, src_x)

    def _thickness(self, images: Array) -> Array:
        """A third of the images get a bolder stroke, a third a thinner one."""
        kind = self.rng.integers(0, 3, images.shape[0])
        out = images.copy()
        grow, shrink = kind == 1, kind == 2
        if grow.any():
            out[grow] = np.maximum(images[grow], 0.6 * _neighbour_max(images[grow]))
        if shrink.any():
            out[shrink] = images[shrink] * np.clip(_neighbour_min(images[shrink]) * 1.5, 0.3, 1.0)
        return out


def _bilinear(images: Array, src_y: Array, src_x: Array) -> Array:
    """Sample each image (n, H, W) at (src_y, src_x) (n, H, W); outside the image counts as 0."""
    n = images.shape[0]
    padded = np.zeros((n, SIDE + 2, SIDE + 2), dtype=np.float32)
    padded[:, 1:-1, 1:-1] = images
    y = np.clip(src_y + 1, 0, SIDE + 0.999)
    x = np.clip(src_x + 1, 0, SIDE + 0.999)
    y0, x0 = np.floor(y).astype(np.intp), np.floor(x).astype(np.intp)
    fy, fx = (y - y0).astype(np.float32), (x - x0).astype(np.float32)
    flat = padded.reshape(n, -1)
    w = SIDE + 2

    def at(yi: Array, xi: Array) -> Array:
        return np.take_along_axis(flat, (yi * w + xi).reshape(n, -1), axis=1).reshape(yi.shape)

    top = at(y0, x0) * (1 - fx) + at(y0, x0 + 1) * fx
    bottom = at(y0 + 1, x0) * (1 - fx) + at(y0 + 1, x0 + 1) * fx
    return top * (1 - fy) + bottom * fy


def _shifted(images: Array) -> list[Array]:
    p = np.pad(images, ((0, 0), (1, 1), (1, 1)))
    return [p[:, 1 + dy:1 + dy + SIDE, 1 + dx:1 + dx + SIDE]
            for dy in (-1, 0, 1) for dx in (-1, 0, 1)]


def _neighbour_max(images: Array) -> Array:
    return np.max(_shifted(images), axis=0)


def _neighbour_min(images: Array) -> Array:
    return np.min(_shifted(images), axis=0)
