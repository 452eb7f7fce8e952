"""The run's path through weight space, as the loss landscape draws it: the weights at each kept
epoch of the timeline, up to the epoch shown, of networks shaped as the one shown (an edit of the
layers ends the path there, going back). At most ``most`` rows and ``most_bytes`` bytes of them,
evenly spread over the kept epochs, the first and the last always among them. Qt-free.
"""

from __future__ import annotations

import numpy as np

from playground.nn import Network
from playground.timeline.states import Timeline

Array = np.ndarray


def path_rows(states: Timeline, net: Network, upto: int | None = None, most: int = 400,
              most_bytes: int = 16 * 2**20) -> tuple[Array, Array]:
    """(epochs (k,), weights (k, P) in ``flat_params`` order and the rows' dtype, the
    network's) of ``net``'s shape."""
    size = sum(p.size for p in net.flat_params())
    shape = (net.input_dim, tuple(net.layers))
    epochs, rows = [], []
    for segment in reversed(states.segments):
        if (segment.layout.input_dim, segment.layout.layers) != shape:
            break
        e, r, _ = segment.view()
        keep = e <= upto if upto is not None else np.ones(len(e), bool)
        epochs.insert(0, e[keep])
        rows.insert(0, r[keep, :size])
    if not epochs:
        return np.zeros(0, np.int64), np.zeros((0, size), net.dtype)
    epochs_all, rows_all = np.concatenate(epochs), np.concatenate(rows)
    most = max(3, min(most, most_bytes // (rows_all.itemsize * size)))
    if len(epochs_all) > most:
        pick = np.unique(np.linspace(0, len(epochs_all) - 1, most).round().astype(np.int64))
        epochs_all, rows_all = epochs_all[pick], rows_all[pick]
    return epochs_all, rows_all
