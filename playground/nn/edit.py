"""Edits to a network that keep what still fits: the weights of every layer whose shape is
unchanged, and the optimizer's state (momentum, Adam's moments) for every array that stays.

``carry_weights(old, new)`` copies ``old``'s weights into ``new`` layer by layer. A layer whose
weight matrix keeps its shape keeps its weights (its activation may have changed: the function is
swapped, the weights stay); a bias switched on starts at 0, one switched off is dropped. Layers
whose shapes changed (units, an added or removed layer, other input features) keep ``new``'s
fresh weights from its init. ``carried_slots`` says, for each parameter array of ``new``, which
array of ``old`` it continues, so an optimizer can keep its state for those. Qt-free.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from playground.nn.network import Network

Array = np.ndarray


@dataclass(frozen=True)
class Carried:
    """What an edit kept: per parameter array of the new network, the index of the old array it
    continues (or None, fresh), and the layers that started from the init again."""

    slots: tuple[int | None, ...] | None  # None: nothing carried, the optimizer starts afresh
    reinitialised: tuple[int, ...]


def carry_weights(old: Network, new: Network) -> Carried:
    """Copy into ``new`` every weight of ``old`` that still fits; see the module's docstring."""
    return carry_params(old.params, new)


def carry_params(old: Sequence[dict[str, Array]], new: Network) -> Carried:
    """``carry_weights`` from a network's parameter arrays alone (the weights a window shows,
    say), with no network built around them."""
    old_index = {(i, k): n for n, (i, k) in enumerate(_slot_names(old))}
    slots: list[int | None] = []
    fresh: set[int] = set()
    for i, layer in enumerate(new.params):
        source = old[i] if i < len(old) else None
        fits = source is not None and source["W"].shape == layer["W"].shape
        if not fits:
            fresh.add(i)
        for key in ("W", "b"):
            if key not in layer:
                continue
            if fits and key in source:
                layer[key][...] = source[key]
                slots.append(old_index[(i, key)])
            else:
                if key == "b" and fits:
                    layer[key][...] = 0.0  # a bias switched on starts at 0
                slots.append(None)
    return Carried(tuple(slots), tuple(sorted(fresh)))


def _slot_names(params: Sequence[dict[str, Array]]) -> list[tuple[int, str]]:
    """(layer, key) of every parameter array, in ``flat_params`` order."""
    return [(i, k) for i, p in enumerate(params) for k in ("W", "b") if k in p]
