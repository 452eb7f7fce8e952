"""The first layer on a batch's live input columns alone.

MNIST's pixels are 81% zeros, and in a batch of 128 training images about a third of the 784
pixels are zero in every image (221-290, 257 on average over a shuffled epoch; 67 are zero in
all 60,000). Such a column adds exactly nothing to the first layer's z = x @ W and its row of
∂L/∂W = xᵀ @ δ is exactly zero, so the two large matmuls of an MNIST step need only the live
columns of x and the matching rows of W: a third less of the step's arithmetic. Gathering those
columns, those rows and scattering the gradient back costs 60-70 µs a step; the two matmuls
save 170-180 (one BLAS thread, 784-128-10, batch 128, measured in isolation).

Only where it pays: a batch in which fewer than ``MAX_LIVE_SHARE`` of the columns are live, and
only for pixel batches (``train_steps(pixels=True)``), whose zeros are exact. The numbers are the
same sums taken over fewer terms, so the weights differ from the dense step's only in float
rounding (the BLAS blocks the sums differently).
"""

from __future__ import annotations

import numpy as np

Array = np.ndarray
MAX_LIVE_SHARE = 0.75  # above this the gathers cost more than the smaller matmuls save


def live_columns(pixels: Array) -> Array | None:
    """The columns of ``pixels`` (n, d) that are non-zero in some row, as a boolean mask, or
    None where too many are live for skipping the rest to pay."""
    live = pixels.max(axis=0) > 0  # max, not any: 7 µs against 10 on 128x784 bytes
    if np.count_nonzero(live) > MAX_LIVE_SHARE * live.shape[0]:
        return None
    return live


def gather_rows(W: Array, columns: Array, buffer: Array) -> Array:
    """The rows of ``W`` (d, units) at ``columns`` (indices), copied into ``buffer``'s top."""
    out = buffer[:len(columns)]  # a C-contiguous (count, units) view: written in place
    np.take(W, columns, axis=0, out=out)
    return out


def rows_gradient(x: Array, dz: Array, columns: Array, grad: Array, buffer: Array) -> None:
    """∂L/∂W into ``grad`` (d, units) for a first layer that saw only ``columns`` of its input:
    xᵀ @ δ at those rows, exactly zero at the others."""
    rows = buffer[:len(columns)]
    np.matmul(x.T, dz, out=rows)
    grad.fill(0)
    grad[columns] = rows
