"""The training worker: a QObject living in a QThread, iterating ``train_steps``.

While it runs, the network belongs to the worker. Between steps it checks its events (stop, pause,
single epoch) and, at most ``FRAME_HZ`` times a second, emits a ``Frame``: the latest snapshot, a
copy of the weights and every epoch's metrics since the last frame. Only these immutable frames
cross to the GUI thread.
"""

from __future__ import annotations

import sys
import threading
import time
import weakref
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, Signal, Slot

from playground.nn import Network, Snapshot

FRAME_HZ = 30
TRAIN_SHARE = 0.9  # frames are spaced so that drawing them takes at most 10% of the time
MAX_DRAW_WAIT = 0.25  # seconds the worker waits for the GUI to draw a frame (a hidden window)
# The training thread runs Python almost without pause. Each Qt call of the GUI thread releases
# the GIL and must wait for the worker to hand it back, by default after up to 5 ms; a frame makes
# many such calls, and the window starved. 1 ms keeps a frame's waits short.
SWITCH_INTERVAL = 0.001
# every training thread and its worker, so the test suite can find one left running
LIVE_THREADS: weakref.WeakKeyDictionary[QThread, TrainWorker] = weakref.WeakKeyDictionary()


@dataclass(frozen=True)
class Frame:
    snapshot: Snapshot
    params: tuple[dict, ...]
    epochs: tuple[Snapshot, ...]  # epoch-end snapshots since the previous frame
    samples_per_second: float


class TrainWorker(QObject):
    """Runs ``steps`` (a train_steps generator over ``net``) until it ends or is stopped."""

    sig_frame = Signal(object)  # Frame
    sig_paused = Signal()
    sig_finished = Signal(str)  # "", or the reason training stopped by itself
    sig_error = Signal(str)

    def __init__(self, net: Network, steps: Callable[[], Iterator[Snapshot]],
                 samples_per_step: Callable[[], int]) -> None:
        super().__init__()
        self.net = net
        self._make_steps = steps
        self._samples_per_step = samples_per_step
        self._stop = threading.Event()
        self._go = threading.Event()
        self._go.set()
        self._epochs_left = 0  # > 0: single-epoch mode, pause when it reaches 0
        self._drawn = threading.Event()  # the GUI has drawn the last frame
        self._frame_gap = 1 / FRAME_HZ

    # called from the GUI thread -------------------------------------------------------------
    def stop(self) -> None:
        self._stop.set()
        self._go.set()
        self._drawn.set()

    def pause(self) -> None:
        self._go.clear()

    def resume(self) -> None:
        self._epochs_left = 0
        self._go.set()

    def step_epoch(self) -> None:
        self._epochs_left = 1
        self._go.set()

    def frame_drawn(self) -> None:
        """The GUI has drawn the last frame; the worker, waiting since it sent it, goes on."""
        self._drawn.set()

    # runs in the worker thread ----------------------------------------------------------------
    @Slot()
    def run(self) -> None:
        reason = ""
        try:
            reason = self._loop()
        except Exception as e:  # noqa: BLE001 - any failure is reported, never lost
            self.sig_error.emit(f"Training failed: {e}")
        # back to the GUI thread, so nothing is left owned by a finished thread at exit
        self.moveToThread(QCoreApplication.instance().thread())
        self.sig_finished.emit(reason)

    def _loop(self) -> str:
        epochs: list[Snapshot] = []
        last_emit = time.perf_counter()
        samples = 0
        snap = None
        for snap in self._make_steps():
            if snap.epoch_end:
                epochs.append(snap)
            else:
                samples += self._samples_per_step()
            now = time.perf_counter()
            must_pause = snap.epoch_end and self._epochs_left == 1
            if snap.stop_reason or must_pause or now - last_emit >= self._frame_gap:
                self._emit(snap, epochs, samples / max(now - last_emit, 1e-9))
                epochs, samples, last_emit = [], 0, now
            if snap.stop_reason:
                return snap.stop_reason
            if must_pause:
                self._epochs_left = 0
                self._go.clear()
            if not self._go.is_set():
                self._emit(snap, epochs, 0.0)
                epochs = []
                self.sig_paused.emit()
                while not self._go.wait(0.05):
                    pass
                last_emit, samples = time.perf_counter(), 0
            if self._stop.is_set():
                break
        if snap is not None:
            self._emit(snap, epochs, 0.0)
        return ""

    def _emit(self, snap: Snapshot, epochs: list[Snapshot], rate: float) -> None:
        """Send a frame and wait until the GUI has drawn it. Drawing makes thousands of Qt calls,
        each of which gives up the GIL; with training running beside it, every one waited for the
        worker and one paint took seconds. So the two take turns, and the next frame waits long
        enough that drawing takes at most 1 - TRAIN_SHARE of the time."""
        self._drawn.clear()
        start = time.perf_counter()
        self.sig_frame.emit(Frame(snap, tuple(self.net.copy_params()), tuple(epochs), rate))
        self._drawn.wait(MAX_DRAW_WAIT)
        drawing = time.perf_counter() - start
        self._frame_gap = max(1 / FRAME_HZ, drawing * TRAIN_SHARE / (1 - TRAIN_SHARE))


def start_thread(worker: TrainWorker) -> QThread:
    """Move ``worker`` to a new QThread and start it; the caller must stop and ``wait()`` it."""
    sys.setswitchinterval(SWITCH_INTERVAL)
    thread = QThread()
    thread.setObjectName("trainThread")
    worker.moveToThread(thread)
    thread.started.connect(worker.run)
    worker.sig_finished.connect(thread.quit, Qt.ConnectionType.DirectConnection)  # thread-safe
    LIVE_THREADS[thread] = worker
    thread.start()
    return thread
