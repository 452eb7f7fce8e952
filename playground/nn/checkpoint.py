"""One epoch's state as one row of numbers: what a run needs to go on from that epoch exactly.

A row is the network's weights (``flat_params`` order, each array raveled) followed by the
optimizer's state arrays in the same order (none for SGD, the velocity for momentum, Adam's two
moments), in the network's dtype, so a float32 weight comes back to the bit. Adam's step count
travels beside the row (``steps``): it outgrows a float32's whole numbers. One flat row per epoch
makes the training process's per-epoch cost one concatenation, and a run's states a 2-D array
(``playground.timeline``). Qt-free.
"""

from __future__ import annotations

import numpy as np

from playground.nn.network import Network
from playground.nn.optim import SGD, STATE_ARRAYS, make_optimizer

Array = np.ndarray


def pack(net: Network, optimizer: SGD | None) -> tuple[Array, int, str]:
    """(row, steps, optimizer's name) of ``net`` now, with ``optimizer``'s state (None: a
    fresh plain SGD, which has none)."""
    params = net.flat_params()
    kind = optimizer_kind(optimizer)
    state, steps = optimizer.state(params) if optimizer is not None else ([], 0)
    parts = [p.ravel() for p in params] + [a.ravel() for arrays in state for a in arrays]
    return np.concatenate(parts).astype(net.dtype, copy=False), int(steps), kind


def optimizer_kind(optimizer: SGD | None) -> str:
    """The name a row's optimizer state is read by (the bug lab's summed step is plain SGD)."""
    name = getattr(optimizer, "name", "sgd")
    return name if name in STATE_ARRAYS else "sgd"


def unpack_params(row: Array, net: Network) -> list[dict[str, Array]]:
    """The weights in ``row``, shaped as ``net``'s (new arrays)."""
    arrays = _split(row, net, 1)[0]
    it = iter(arrays)
    return [{k: next(it) for k in ("W", "b") if k in p} for p in net.params]


def unpack_optimizer(row: Array, steps: int, net: Network, kind: str, lr: float,
                     momentum: float = 0.9) -> SGD:
    """An optimizer of ``kind`` that goes on from the state in ``row``."""
    opt = make_optimizer(kind, lr, momentum)
    arrays = _split(row, net, 1 + STATE_ARRAYS[kind])
    opt.load(arrays[1:], steps)
    return opt


def _split(row: Array, net: Network, groups: int) -> list[list[Array]]:
    """``groups`` lists of arrays shaped as ``net``'s parameters, from the front of ``row``."""
    shapes = [p.shape for p in net.flat_params()]
    size = sum(int(np.prod(s)) for s in shapes)
    if row.ndim != 1 or row.size < size * groups:
        raise ValueError(f"a state of {row.size} numbers cannot hold {groups} x {size}")
    out, at = [], 0
    for _ in range(groups):
        arrays = []
        for shape in shapes:
            n = int(np.prod(shape))
            arrays.append(np.array(row[at:at + n], dtype=net.dtype).reshape(shape))
            at += n
        out.append(arrays)
    return out
