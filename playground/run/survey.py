"""The loss landscape, worked out in the training process between two steps (``Survey``).

The window asks a few times a second at most and one ask at a time; each answer costs the run a
pause of one landscape (a 2-8-8-1 network on 500 points: 0.09 s; MNIST on 1,000 images: 0.9 s),
and the window never waits for it. The points and the path come only when they changed: the
``Surveyor`` keeps the last ones. Qt-free.
"""

from __future__ import annotations

import time

import numpy as np

from playground.nn import Network
from playground.nn.landscape import flat, landscape, line_slice
from playground.run import messages as m

Array = np.ndarray


class Surveyor:
    """The points and path of the last survey, for the next one that brings none."""

    def __init__(self) -> None:
        self.x: Array | None = None
        self.y: Array | None = None
        self.path: Array | None = None

    def answer(self, msg: m.Survey) -> m.Surveyed:
        """The landscape ``msg`` asks for, or a ``Surveyed`` whose ``problem`` says why not."""
        if msg.x is not None:
            self.x, self.y = np.asarray(msg.x, np.float64), msg.y
        if msg.path is not None:
            self.path = msg.path
        began = time.perf_counter()
        try:
            net = msg.network.build()
            if self.x is None or self.path is None:
                raise ValueError("the points or the path were never sent")
            if self.path.ndim != 2 or self.path.shape[1] != flat(net.params).size:
                raise ValueError("the path is of another network")
            return _surveyed(msg, net, self.x, self.y, self.path, began)
        except ValueError as e:
            return m.Surveyed(msg.ask, msg.directions, problem=str(e))


def _surveyed(msg: m.Survey, net: Network, x: Array, y: Array, path: Array,
              began: float) -> m.Surveyed:
    land = landscape(net, x, y, path.astype(np.float64, copy=False), msg.directions, msg.grid,
                     msg.seed)
    t = line_loss = None
    if len(path) and np.any(path[0] != flat(net.params)):
        t, line_loss = line_slice(net, x, y, path[0])
    return m.Surveyed(msg.ask, land.directions, land.alpha, land.beta, land.loss, land.path,
                      land.center_loss, land.explained, land.d1, land.d2, t, line_loss, len(x),
                      time.perf_counter() - began)
