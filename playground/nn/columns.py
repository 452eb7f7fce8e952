"""The first layer on a batch's live input columns alone.

MNIST's pixels are 81% zeros, and in a batch of 128 training images about a third of the 784
pixels are zero in every image (221-290, 257 on average over a shuffled epoch; 67 are zero in
all 60,000). Such a column adds exactly nothing to the first layer's z = x @ W and its row of
∂L/∂W = xᵀ @ δ is exactly zero, so the two large matmuls of an MNIST step need only the live
columns of x and the matching rows of W: a third less of the step's arithmetic. Gathering those
columns, those rows and scattering the gradient back costs 50-60 µs a step; the two matmuls
save 170-180 (one BLAS thread, 784-128-10, batch 128, measured in isolation).

Only where it pays: a batch of at most ``MAX_ROWS`` rows in which at most ``MAX_LIVE_SHARE`` of the
columns are live, and only for pixel batches (``train_steps(pixels=True)``), whose zeros are
exact. Whole SGD epochs, skipping every batch against none (one thread, alternating in one
process): batch 32 (58% of the columns live on average) 0.905x the time, 128 (67%) 0.905-0.913x,
256 (71%) 0.90x, 512 (75%) 0.92x, 1024 (78%) 0.96x, 2048 (81%) 1.17x. The numbers are the
same sums taken over fewer terms, so the weights differ from the dense step's only in float
rounding (the BLAS blocks the sums differently).
"""

from __future__ import annotations

import numpy as np

Array = np.ndarray
MAX_LIVE_SHARE = 0.75  # above this the gathers cost about what the smaller matmuls save
MAX_ROWS = 1024  # past this the gathers leave the cache: at 2048 rows skipping lost 17%


def live_columns(pixels: Array) -> Array | None:
    """The columns of ``pixels`` (n, d) that are non-zero in some row, as a boolean mask, or
    None where skipping the rest would not pay (too many rows, or too many columns live)."""
    if pixels.shape[0] > MAX_ROWS:
        return None
    live = pixels.max(axis=0) > 0  # max, not any: 7 µs against 10 on 128x784 bytes
    if np.count_nonzero(live) > most_live(live.shape[0]):
        return None
    return live


def most_live(d: int) -> int:
    """The most of ``d`` columns that may be live for skipping the others to pay
    (``MAX_LIVE_SHARE``; the compiled batches of ``nn.fused`` ask the same)."""
    return int(MAX_LIVE_SHARE * d)


def gather_rows(W: Array, columns: Array, buffer: Array) -> Array:
    """The rows of ``W`` (d, units) at ``columns`` (indices), copied into ``buffer``'s top."""
    out = buffer[:len(columns)]  # a C-contiguous (count, units) view: written in place
    # mode="clip": the indices are W's own, and the default "raise" buffers the output first
    # (20 µs against 6.5 for MNIST's 527 rows of 128)
    np.take(W, columns, axis=0, out=out, mode="clip")
    return out


def rows_gradient(x: Array, dz: Array, columns: Array, grad: Array, buffer: Array) -> None:
    """∂L/∂W into ``grad`` (d, units) for a first layer that saw only ``columns`` of its input:
    xᵀ @ δ at those rows, exactly zero at the others."""
    rows = buffer[:len(columns)]
    np.matmul(x.T, dz, out=rows)
    grad.fill(0)
    grad[columns] = rows
