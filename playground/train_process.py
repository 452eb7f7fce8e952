"""Training in a child process: the app's worker sends a ``TrainJob`` and reads frames back.

Why a process: the window is Python too. In a thread beside the GUI, training held the GIL almost
without pause, every Qt call of the GUI waited for it, and the window could draw only a few frames
a second at 90% training speed. In its own process training keeps a core to itself.

The child iterates ``train_steps`` exactly as a thread would. Between steps it reads control
messages (pause, resume, one epoch, stop, new settings) and, at most ``FRAME_HZ`` times a second,
sends ("frame", snapshot, weights, epoch snapshots since the last frame, samples/s, overflow
warnings so far). It ends with ("done", reason, final weights). Qt-free.
"""

from __future__ import annotations

import time
import warnings
from dataclasses import dataclass
from multiprocessing.connection import Connection

import numpy as np

from playground.data.augment import MnistAugment
from playground.data.mnist import to_inputs
from playground.nn import LayerSpec, Network, Snapshot, TrainConfig, train_steps

# a frame goes 1/FRAME_HZ after the last one or a step later: 31 gives 30-31 a second
FRAME_HZ = 31
POLL_SECONDS = 0.002  # how often the child looks for pause/stop/settings between steps
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

    @classmethod
    def for_network(cls, net: Network, x: Array, y: Array, x_test: Array | None,
                    y_test: Array | None, config: TrainConfig,
                    single_epoch: bool = False) -> TrainJob:
        return cls(net.input_dim, list(net.layers), net.loss_name, net.init, net.dtype.name,
                   net.copy_params(), x, y, x_test, y_test, config, single_epoch,
                   bugs=net.bugs)

    def inputs(self) -> tuple[Array, Array | None]:
        """The training and test inputs as the network takes them."""
        if not self.pixels:
            return self.x, self.x_test
        return to_inputs(self.x), None if self.x_test is None else to_inputs(self.x_test)

    def transform(self) -> MnistAugment | None:
        return None if self.augment_seed is None else MnistAugment(self.augment_seed)

    def build(self) -> Network:
        net = Network(self.input_dim, self.layers, self.loss, self.init, None, self.dtype,
                      self.bugs)
        net.set_params(self.params)
        return net


class _Control:
    """The child's view of the parent's wishes, read between steps."""

    def __init__(self, conn: Connection, config: TrainConfig, single_epoch: bool) -> None:
        self.conn, self.config = conn, config
        self.paused = self.stopped = False
        self.epochs_left = 1 if single_epoch else 0

    def handle(self, msg: tuple) -> None:
        kind = msg[0]
        if kind == "stop":
            self.stopped, self.paused = True, False
        elif kind == "pause":
            self.paused = True
        elif kind == "resume":
            self.paused, self.epochs_left = False, 0
        elif kind == "step":
            self.paused, self.epochs_left = False, 1
        elif kind == "config":
            for key, value in msg[1].items():
                setattr(self.config, key, value)  # train_steps reads them at its next step

    def poll(self) -> None:
        while self.conn.poll():
            self.handle(self.conn.recv())

    def wait_while_paused(self) -> None:
        while self.paused and not self.stopped:
            self.handle(self.conn.recv())


def child_main(job: TrainJob, out: Connection, ctl: Connection) -> None:
    """The child process: train, report, obey. Always ends by sending ("done", ...)."""
    net: Network | None = None
    try:
        net = job.build()
        reason = _train(job, net, out, _Control(ctl, job.config, job.single_epoch))
    except Exception as e:  # noqa: BLE001 - reported to the parent, never lost
        out.send(("error", f"Training failed: {e}"))
        reason = ""
    out.send(("done", reason, net.copy_params() if net is not None else None))


def _train(job: TrainJob, net: Network, out: Connection, control: _Control) -> str:
    """Counts the warnings of a naive sigmoid (the bug lab's) instead of printing them."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", RuntimeWarning)
        return _train_loop(job, net, out, control, caught)


def _train_loop(job: TrainJob, net: Network, out: Connection, control: _Control,
                caught: list) -> str:
    n = len(job.x)
    overflows = 0
    x, x_test = job.inputs()
    epochs: list[Snapshot] = []
    samples, last = 0, time.perf_counter()
    polled = last
    for snap in train_steps(net, x, job.y, job.config, x_test, job.y_test, job.transform()):
        if snap.epoch_end:
            epochs.append(snap)
        else:
            samples += min(n, int(job.config.batch_size))
        now = time.perf_counter()
        if now - polled >= POLL_SECONDS:  # a poll costs ~8 µs, a small net's whole step ~150
            control.poll()
            polled = now
        must_pause = snap.epoch_end and control.epochs_left == 1
        run_ends = snap.epoch_end and snap.epoch == int(job.config.epochs)  # its metrics count
        if (snap.stop_reason or must_pause or run_ends or control.paused or control.stopped
                or now - last >= 1 / job.frame_hz):
            overflows += len(caught)
            caught.clear()
            out.send(("frame", snap, net.copy_params(), epochs, samples / max(now - last, 1e-9),
                      overflows))
            epochs, samples, last = [], 0, now
        if snap.stop_reason:
            return snap.stop_reason
        if must_pause:
            control.epochs_left, control.paused = 0, True
        if control.paused:
            out.send(("paused",))
            control.wait_while_paused()
            last, samples = time.perf_counter(), 0
        if control.stopped:
            break
    return ""

