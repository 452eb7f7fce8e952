"""Inverted dropout for hidden layers, in training only.

In each training pass every unit of a hidden layer with rate p is zeroed with probability p and
the others are scaled by 1/(1 − p), so that the layer's expected output is what it is without
dropout; evaluation, predictions, the boundary and the exports use the network as it is
(``Network.forward`` never drops). A mask is drawn per pass and per layer, in the layers' order,
as one ``rng.random((n, units))`` in float64 compared with p (the NumPy script export draws the
same numbers, so its float64 run equals ``train``). ``train_steps`` seeds the generator from the
run's seed (``generator``); ``Network.fixed_masks`` holds masks every pass uses instead: the
gradient check needs one (a loss that drew a new mask between two nudges of a weight would not
be a function of the weights).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from playground.nn.layers import LayerSpec

Array = np.ndarray
STREAM = 1  # the dropout generator's seed is [run seed, STREAM]: apart from the shuffling's


def generator(seed: int | None) -> np.random.Generator:
    """The masks' generator for a run with this seed (None: unseeded)."""
    return np.random.default_rng(None if seed is None else [int(seed), STREAM])


def draw_masks(rng: np.random.Generator, layers: Sequence[LayerSpec], n: int,
               dtype: np.dtype) -> list[Array | None]:
    """One mask per layer for a batch of ``n``: 0 for a dropped unit, 1/(1 − p) for a kept one
    (n, units) in ``dtype``; None for a layer without dropout."""
    masks: list[Array | None] = []
    for spec in layers:
        if not spec.dropout:
            masks.append(None)
            continue
        kept = rng.random((n, spec.units)) >= spec.dropout
        masks.append(kept.astype(dtype) * dtype.type(1.0 / (1.0 - spec.dropout)))
    return masks
