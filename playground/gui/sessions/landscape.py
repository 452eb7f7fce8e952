"""The loss landscape a session asks its training process for, and a jump onto it.

``session.landscape.ask(directions, grid)`` sends a ``Survey`` of the network on screen (live, or
the epoch the timeline shows): its weights are the centre, the first ``POINTS`` training points
the loss is taken on, and the timeline's kept epochs up to the one shown the path
(``timeline.path``). Points and path travel only when they changed since the process last had
them. The answer comes as ``sig_surveyed``; ``jump(a, b)`` sets the weights to that point of the
plane, an edit like a weight typed by hand (Ctrl+Z undoes it). The texts keep the ``Landscape``
translation context.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtCore import QCoreApplication

from playground.nn import Network
from playground.nn.landscape import flat, unflat
from playground.run import messages as m
from playground.timeline.path import path_rows

if TYPE_CHECKING:
    from playground.gui.sessions.base import TrainingSession

POINTS = 1000  # training points the loss is taken on (MNIST: the first 1,000 images)


@dataclass(frozen=True)
class Asked:
    """What an ask was about: its number, the centre's weights and network, the epoch shown
    (None: live) and the path's epochs."""

    ask: int
    center: np.ndarray
    net: Network
    epoch: int | None
    epochs: np.ndarray


class Landscapes:
    def __init__(self, session: TrainingSession) -> None:
        self.s = session
        self.number = 0
        self.asked: Asked | None = None  # the latest ask
        self._points: tuple | None = None  # (process generation, x, y) the process has
        self._path: tuple | None = None  # (process generation, epochs, first and last rows)

    def ask(self, directions: str, grid: int) -> str | None:
        """Ask for the landscape of ``directions``; None, or a sentence saying why it cannot be
        drawn now."""
        s = self.s
        if s.code is not None:
            return QCoreApplication.translate("Landscape",
                "The landscape draws the playground's own network; your code's is yours to "
                "look at.")
        if being_read(s):
            return QCoreApplication.translate(
                "Landscape", "MNIST is being read; the landscape follows when it is in.")
        batch = s.sample_batch(POINTS)
        if batch is None:
            return QCoreApplication.translate("Landscape",
                "There are no training points to take the loss on.")
        net = s.shown_network()
        epochs, rows = path_rows(s.timeline.states, net, s.timeline.at)
        center = flat(net.params)
        problem = _short_path(directions, rows, center)
        if problem is not None:
            return problem
        proc = s.runner.process()
        x, y = self._new_points(proc.generation, *batch)
        path = self._new_path(proc.generation, epochs, rows)
        self.number += 1
        msg = m.Survey(self.number, m.SetNetwork.of(net), directions, grid, x, y, path)
        if not proc.survey(msg):
            self._points = self._path = None
            return QCoreApplication.translate("Landscape",
                "The training process cannot draw it now.")
        self.asked = Asked(self.number, center, net.clone(), s.timeline.at, epochs)
        return None

    def _new_points(self, generation: int, x: np.ndarray, y: np.ndarray) -> tuple:
        held = self._points
        if held is not None and held[0] == generation and held[1].shape == x.shape and \
                held[2].shape == y.shape and np.array_equal(held[1], x) and \
                np.array_equal(held[2], y):
            return None, None
        self._points = (generation, x, y)
        return x, y

    def _new_path(self, generation: int, epochs: np.ndarray, rows: np.ndarray
                  ) -> np.ndarray | None:
        key = (generation, epochs.tobytes(), rows.shape,
               rows[[0, -1]].tobytes() if len(rows) else b"")
        if self._path == key:
            return None
        self._path = key
        return rows

    def jump(self, a: float, b: float, answer: m.Surveyed) -> bool:
        """The weights at (``a``, ``b``) of ``answer``'s plane become the network's, as an
        edit (undoable); False when the answer is not the latest ask's."""
        asked = self.asked
        if asked is None or answer.ask != asked.ask or answer.d1 is None:
            return False
        theta = asked.center + a * answer.d1 + b * answer.d2
        params = [{k: v.astype(asked.net.dtype) for k, v in layer.items()}
                  for layer in unflat(theta, asked.net)]
        self.s.edits.set_params(params, QCoreApplication.translate("Landscape",
            "jumped on the loss landscape"))
        return True


def being_read(s: TrainingSession) -> bool:
    """Whether the session's data are being read in the background (MNIST's, when its tab
    opened): asking for them now would read them again in the GUI thread."""
    reading = getattr(s, "reading", None)
    return reading is not None and reading.under_way


def _short_path(directions: str, rows: np.ndarray, center: np.ndarray) -> str | None:
    if directions == "pca" and len(rows) < 3:
        return QCoreApplication.translate("Landscape",
            "The path's principal directions need the weights of 3 epochs: train a few "
            "epochs first, or choose random directions.")
    if directions == "line" and (not len(rows) or np.array_equal(rows[0], center)):
        return QCoreApplication.translate("Landscape",
            "The line from the start needs a start other than the weights now: train first, "
            "or choose random directions.")
    return None

