"""A drawing (white ink on black) turned into what an MNIST network saw in training. Qt-free.

The original MNIST recipe: crop to the ink, scale the longer side to 20 px keeping the aspect ratio
(area-averaged, so anti-aliased), paste into 28×28 and shift so the intensity-weighted centre of
mass sits at the centre. Measured on the training set the centre of mass is at (14.0, 14.0) in
pixel-index coordinates and every image peaks at 254–255, so the result is shifted to (14, 14) and
scaled so its brightest pixel is 1, as pixel/255 is in training.
"""

from __future__ import annotations

import numpy as np

Array = np.ndarray
FIELD, BOX = 28, 20
CENTRE = 14.0
INK_THRESHOLD = 0.05  # below this a pixel counts as background


def to_unit_gray(canvas: Array) -> Array:
    """A grayscale (H, W) array as float64 in [0, 1]: uint8 is divided by 255, floats clipped."""
    canvas = np.asarray(canvas)
    if canvas.ndim != 2:
        raise ValueError(f"the canvas must be a 2-D grayscale array, got shape {canvas.shape}")
    if canvas.dtype == np.uint8:
        return canvas.astype(np.float64) / 255.0
    return np.clip(np.nan_to_num(canvas.astype(np.float64)), 0.0, 1.0)


def area_matrix(n_in: int, n_out: int) -> Array:
    """R (n_out, n_in) with R @ v the area average of v resampled from n_in to n_out cells."""
    edges_out = np.arange(n_out + 1) * (n_in / n_out)
    lo = np.maximum(edges_out[:-1, None], np.arange(n_in)[None, :])
    hi = np.minimum(edges_out[1:, None], np.arange(1, n_in + 1)[None, :])
    overlap = np.clip(hi - lo, 0.0, None)
    return overlap / overlap.sum(axis=1, keepdims=True)


def resize_area(img: Array, height: int, width: int) -> Array:
    """``img`` (h, w) resampled to (height, width) by area averaging."""
    return area_matrix(img.shape[0], height) @ img @ area_matrix(img.shape[1], width).T


def crop_to_ink(img: Array) -> Array | None:
    """The smallest box holding every pixel above INK_THRESHOLD; None when there is no ink."""
    ink = img > INK_THRESHOLD
    if not ink.any():
        return None
    rows, cols = np.flatnonzero(ink.any(axis=1)), np.flatnonzero(ink.any(axis=0))
    return img[rows[0]:rows[-1] + 1, cols[0]:cols[-1] + 1]


def centre_of_mass(img: Array) -> tuple[float, float]:
    """(row, col) of the intensity-weighted centre of ``img``."""
    total = img.sum()
    rows = np.arange(img.shape[0]) @ img.sum(axis=1) / total
    cols = np.arange(img.shape[1]) @ img.sum(axis=0) / total
    return float(rows), float(cols)


def fit_box(img: Array) -> Array:
    """The cropped digit scaled so its longer side is BOX pixels, aspect ratio kept."""
    h, w = img.shape
    scale = BOX / max(h, w)
    return resize_area(img, max(1, round(h * scale)), max(1, round(w * scale)))


def place_centred(patch: Array) -> Array:
    """``patch`` pasted into FIELD×FIELD so its centre of mass lands on (CENTRE, CENTRE), to the
    nearest whole pixel as in MNIST itself (a sub-pixel shift blurs the digit: tried, it changed
    real MNIST digits 400 times more than whole-pixel centring does)."""
    cy, cx = centre_of_mass(patch)
    top = int(round(CENTRE - cy))
    left = int(round(CENTRE - cx))
    top = min(max(top, 0), FIELD - patch.shape[0])
    left = min(max(left, 0), FIELD - patch.shape[1])
    out = np.zeros((FIELD, FIELD))
    out[top:top + patch.shape[0], left:left + patch.shape[1]] = patch
    return out


def canvas_to_image(canvas: Array) -> Array | None:
    """The 28×28 float image (values in [0, 1]) an MNIST network should see; None if empty."""
    img = to_unit_gray(canvas)
    cropped = crop_to_ink(img)
    if cropped is None:
        return None
    patch = fit_box(cropped)
    field = place_centred(patch)
    return field / field.max()


def canvas_to_input(canvas: Array) -> Array | None:
    """``canvas`` (H, W) white-on-black, uint8 0–255 or float 0–1, as a (784,) float32 network
    input, or None for an empty canvas."""
    image = canvas_to_image(canvas)
    return None if image is None else image.reshape(-1).astype(np.float32)


def ink_on_black(gray: Array) -> Array:
    """A scanned or saved image as white ink on black: inverted when its border is mostly light
    (dark ink on paper)."""
    img = to_unit_gray(gray)
    border = np.concatenate([img[0], img[-1], img[:, 0], img[:, -1]])
    return 1.0 - img if border.mean() > 0.5 else img
