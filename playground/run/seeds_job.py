"""The training process's side of "many seeds": copies of its network trained at once.

``SeedsJob`` builds a ``SeedStack`` of the network the process holds, one copy per seed, and
turns ``train_seeds``' epochs into ``SeedsFrame``s: every copy's numbers (those of every epoch
since the last frame too: the window's curves of each copy) and its outputs on the window's
grid of the plane. The process sends a frame at most ``FRAME_HZ`` times a second and
listens for commands between epochs (``run``). Qt-free.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import replace

import numpy as np

from playground.nn import Network, TrainConfig
from playground.nn.seeds import SeedsEpoch, SeedStack, train_seeds
from playground.run import messages as m

FRAME_HZ = 10.0  # a grid of 100 small planes needs no more; each frame carries N·m outputs
MAX_SEEDS = 100  # the window's grid; the command line (``playground sweep``) takes more


class SeedsJob:
    def __init__(self, net: Network, x: np.ndarray, y: np.ndarray, x_test: np.ndarray | None,
                 y_test: np.ndarray | None, config: TrainConfig, msg: m.TrainSeeds) -> None:
        if not 1 <= len(msg.seeds) <= MAX_SEEDS or len(msg.lrs) != len(msg.seeds):
            raise ValueError(f"many seeds trains 1 to {MAX_SEEDS} copies, one rate each")
        nets = [Network(net.input_dim, list(net.layers), net.loss_name, net.init, seed,
                        net.dtype, net.bugs) for seed in msg.seeds]
        self.stack = SeedStack(nets, msg.lrs)
        cfg = replace(config, epochs=int(msg.epochs))
        watched = (x_test, y_test) if cfg.early_stop else ()  # early stopping reads the test set
        self.epochs = train_seeds(self.stack, x, y, cfg, *watched)
        self.x_test, self.y_test, self.grid = x_test, y_test, msg.grid
        self.latest: SeedsEpoch | None = None
        self._past: list[SeedsEpoch] = []  # the epochs since the last frame

    def note(self, epoch: SeedsEpoch) -> None:
        """``epoch`` is done: the latest, and one of those the next frame carries."""
        self.latest = epoch
        self._past.append(epoch)

    def frame(self, epoch: SeedsEpoch) -> m.SeedsFrame:
        test = epoch.test_accuracy  # the trainer's, when early stopping had it take them
        if test is None and self.x_test is not None and self.y_test is not None and \
                len(self.x_test):
            test = self.stack.evaluate(self.x_test, self.y_test)[1]
        outputs = None
        if self.grid is not None:
            outputs = np.ascontiguousarray(
                self.stack.forward(self.grid)[1].transpose(1, 0, 2), dtype=np.float32)
        past, self._past = self._past, []
        return m.SeedsFrame(epoch.epoch, epoch.train_loss, epoch.train_accuracy, epoch.stopped,
                            test, outputs, np.array([e.epoch for e in past], np.int64),
                            np.array([e.train_loss for e in past], np.float64).reshape(
                                len(past), -1),
                            np.array([e.train_accuracy for e in past], np.float64).reshape(
                                len(past), -1), epoch.early, epoch.best_epoch)

    def run(self, conn: object, poll: Callable[[], None], stopped: Callable[[], bool],
            poll_seconds: float) -> m.SeedsDone:
        """Train the copies until they are done or ``stopped()``, a frame to ``conn`` (a
        ``Channel``) at most ``FRAME_HZ`` times a second and ``poll()`` (the process obeys what
        came meanwhile) every ``poll_seconds``; the ``SeedsDone`` to send."""
        sent, polled = 0.0, time.perf_counter()
        for epoch in self.epochs:
            self.note(epoch)
            now = time.perf_counter()
            if now - polled >= poll_seconds:
                poll()
                polled = now
            if stopped():
                break
            if now - sent >= 1 / FRAME_HZ:
                conn.send_latest(self.frame(epoch), m.SeedsFrame.merged)
                sent = now
        return self.done(cancelled=stopped())

    def done(self, cancelled: bool) -> m.SeedsDone:
        last = self.frame(self.latest) if self.latest is not None else None
        params = [self.stack.network(i).copy_params() for i in range(self.stack.n)]
        return m.SeedsDone(last, params, cancelled)
