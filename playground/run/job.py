"""What a session hands its training process for a run: the network (architecture and weights),
the data and the settings. ``TrainingRun.begin`` turns it into messages. Qt-free."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from playground.nn import LayerSpec, Network, TrainConfig
from playground.run.messages import EpochStates, SetData

FRAME_HZ = 31  # frames a second to the window: 31 gives 30-31
Array = np.ndarray


@dataclass
class TrainJob:
    """Everything the child needs: the network (architecture and weights), data and settings."""

    input_dim: int
    layers: list[LayerSpec]
    loss: str
    init: str
    dtype: str
    params: list[dict[str, Array]]
    x: Array
    y: Array
    x_test: Array | None
    y_test: Array | None
    config: TrainConfig
    single_epoch: bool = False
    frame_hz: float = FRAME_HZ
    pixels: bool = False  # x and x_test are uint8 images, 4x cheaper to send; scaled in the child
    augment_seed: int | None = None  # augment MNIST training batches (``MnistAugment``)
    bugs: frozenset[str] = frozenset()
    speed: float | None = None  # epochs a second at most (None: as fast as it goes)
    code: tuple[str, str] | None = None  # (source, filename): train with the learner's code
    program: bool = False  # that code is a whole program as written (its own loop)
    step_timeout: float | None = None  # with their code: the longest a step may take, in s
    resume: object | None = None  # an epoch's state (``timeline.EpochState``) to go on from

    def resume_message(self) -> EpochStates | None:
        """The optimizer's state to go on from, as ``SetNetwork.resume`` carries it."""
        r = self.resume
        if r is None:
            return None
        return EpochStates(0, r.optimizer, np.array([r.epoch], np.int64), r.row[None, :],
                           np.array([r.steps], np.int64))

    @classmethod
    def for_network(cls, net: Network, x: Array, y: Array, x_test: Array | None,
                    y_test: Array | None, config: TrainConfig,
                    single_epoch: bool = False) -> TrainJob:
        return cls(net.input_dim, list(net.layers), net.loss_name, net.init, net.dtype.name,
                   net.copy_params(), x, y, x_test, y_test, config, single_epoch,
                   bugs=net.bugs)

    def data_message(self) -> SetData:
        """The job's data as the process takes them."""
        return SetData(self.x, self.y, self.x_test, self.y_test, self.pixels, self.augment_seed)


class DataKey:
    """What identifies the data a process has: the arrays themselves (held, so that their ids
    cannot be reused by new arrays) and how they are used. The same arrays are not sent again."""

    def __init__(self, job: TrainJob) -> None:
        self.arrays = (job.x, job.y, job.x_test, job.y_test)
        self.use = (job.pixels, job.augment_seed)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, DataKey) and self.use == other.use and all(
            a is b for a, b in zip(self.arrays, other.arrays, strict=True))

    __hash__ = None  # type: ignore[assignment]
