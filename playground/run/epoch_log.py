"""Every epoch's state, on its way to the window's timeline, and a branch's state taken back.

The training process notes each epoch's end here (``EpochLog.add``: the weights and the
optimizer's state as one ``nn.checkpoint`` row, about 5 µs for a small network) and hands the
rows over with the next frame, grouped by network and optimizer (``take``). A run that goes on
from an epoch of the timeline (a branch) gets that epoch's optimizer state with its network
(``SetNetwork.resume``); ``resumed`` makes the optimizer of it once the run's settings are known.
A learner's own code keeps no states: its update is theirs. Qt-free.
"""

from __future__ import annotations

import numpy as np

from playground.nn import Network, TrainConfig
from playground.nn.checkpoint import pack, unpack_optimizer
from playground.nn.optim import SGD
from playground.run.messages import EpochStates


class EpochLog:
    def __init__(self) -> None:
        self._rows: list[tuple[int, str, int, np.ndarray, int]] = []

    def add(self, version: int, epoch: int, net: Network, optimizer: SGD | None) -> None:
        row, steps, kind = pack(net, optimizer)
        self._rows.append((version, kind, epoch, row, steps))

    def take(self) -> tuple[EpochStates, ...]:
        """The rows noted since the last take, one ``EpochStates`` per run of rows of the same
        network and optimizer."""
        groups: list[list[tuple[int, str, int, np.ndarray, int]]] = []
        for entry in self._rows:
            if groups and groups[-1][0][:2] == entry[:2] and \
                    groups[-1][0][3].shape == entry[3].shape:
                groups[-1].append(entry)
            else:
                groups.append([entry])
        self._rows = []
        return tuple(EpochStates(g[0][0], g[0][1], np.array([e[2] for e in g], np.int64),
                                 np.stack([e[3] for e in g]),
                                 np.array([e[4] for e in g], np.int64)) for g in groups)

    def clear(self) -> None:
        self._rows = []


def resumed(state: EpochStates, net: Network, config: TrainConfig) -> SGD | None:
    """The optimizer that goes on from ``state``'s one row for ``net``, when the run trains
    with the optimizer the row's state is of (else None: a fresh one)."""
    if state.optimizer != config.optimizer or len(state.rows) != 1:
        return None
    return unpack_optimizer(np.asarray(state.rows[0]), int(state.steps[0]), net,
                            state.optimizer, config.lr, config.momentum)
