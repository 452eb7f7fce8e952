"""The data a training process holds, and whether a network fits them. Qt-free."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from playground.data.mnist import to_inputs
from playground.nn import Network
from playground.run import messages as m

Array = np.ndarray


@dataclass
class HeldData:
    """The arrays the process trains on, as the last ``SetData`` brought them."""

    x: Array
    y: Array
    x_test: Array | None
    y_test: Array | None
    augment_seed: int | None
    pixels: bool = False  # x is uint8 images: scaled batch by batch (train_steps(pixels=True))

    @classmethod
    def from_message(cls, msg: m.SetData) -> HeldData:
        x, x_test = msg.x, msg.x_test
        if msg.pixels:  # the training images stay bytes; the test set is read whole, once
            x = np.ascontiguousarray(x.reshape(len(x), -1))
            x_test = None if x_test is None else to_inputs(x_test)
        return cls(x, msg.y, x_test, msg.y_test, msg.augment_seed, msg.pixels)

    def inputs(self) -> Array:
        """The training inputs as the network takes them (pixels scaled: a copy)."""
        return to_inputs(self.x) if self.pixels else self.x


def misfit(net: Network, data: HeldData) -> str | None:
    """Why ``net`` cannot train on ``data`` (inputs or targets of other shapes), or None."""
    width = data.x.shape[1] if data.x.ndim == 2 else -1
    if width != net.input_dim:
        return (f"The network takes {net.input_dim} inputs but the data have {width}; "
                "training waits for data that fit.")
    want = (len(data.y),) if net.loss.integer_targets else (len(data.y), net.n_outputs)
    if data.y.shape != want:
        return (f"The network has {net.n_outputs} outputs but the targets are shaped "
                f"{data.y.shape}; training waits for data that fit.")
    if not len(data.y):
        return "There are no training points."
    return None
