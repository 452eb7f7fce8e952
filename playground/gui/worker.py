"""The training worker: a QObject in a QThread that runs a training child process and relays it.

The child (``playground.train_process``) iterates ``train_steps``; this worker starts it, blocks
on its pipe (which releases the GIL, so the GUI thread runs freely) and emits each ``Frame`` to
the GUI thread. While the GUI has not drawn the last frame, newer ones replace it and their epoch
metrics are merged, so no metric is lost and frames never queue up. Control calls (pause, resume,
one epoch, stop, new settings) come from the GUI thread and go down a second pipe.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import threading
import weakref
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, Signal, Slot

from playground.nn import Snapshot
from playground.train_process import TrainJob, child_main

JOIN_SECONDS = 5.0
# forkserver, not fork: forking a process that runs Qt threads is unsafe. The server preloads the
# core, so each run starts in milliseconds rather than re-importing numpy.
_CONTEXT = multiprocessing.get_context("forkserver")
_CONTEXT.set_forkserver_preload(["playground.train_process"])
# every training thread and its worker, so the test suite can find one left running
LIVE_THREADS: weakref.WeakKeyDictionary[QThread, TrainWorker] = weakref.WeakKeyDictionary()


@dataclass(frozen=True)
class Frame:
    snapshot: Snapshot
    params: tuple[dict, ...]
    epochs: tuple[Snapshot, ...]  # epoch-end snapshots since the previous frame
    samples_per_second: float
    overflows: int = 0  # RuntimeWarnings (a naive sigmoid's exp) so far in this run


class TrainWorker(QObject):
    """Runs one ``TrainJob`` in a child process until it ends or is stopped."""

    sig_frame = Signal(object)  # Frame
    sig_paused = Signal()
    sig_finished = Signal(str)  # "", or the reason training stopped by itself
    sig_error = Signal(str)

    def __init__(self, job: TrainJob) -> None:
        super().__init__()
        self.job = job
        self.final_params: list[dict] | None = None  # the child's weights when it ended
        self._data_recv, self._data_send = _CONTEXT.Pipe(duplex=False)
        self._ctl_recv, self._ctl_send = _CONTEXT.Pipe(duplex=False)
        self._send_lock = threading.Lock()
        self._drawn = threading.Event()
        self._drawn.set()
        self._held: Frame | None = None  # a frame waiting for the GUI to draw the last one

    # called from the GUI thread -------------------------------------------------------------
    def _control(self, *msg: object) -> None:
        # a child that has already ended cannot be told anything; its "done" is on its way
        with self._send_lock, contextlib.suppress(BrokenPipeError, OSError):
            self._ctl_send.send(msg)

    def stop(self) -> None:
        self._control("stop")

    def pause(self) -> None:
        self._control("pause")

    def resume(self) -> None:
        self._control("resume")

    def step_epoch(self) -> None:
        self._control("step")

    def set_config(self, values: dict) -> None:
        self._control("config", values)

    def frame_drawn(self) -> None:
        """The GUI has drawn the last frame; the next one may be sent."""
        self._drawn.set()

    # runs in the worker thread ----------------------------------------------------------------
    @Slot()
    def run(self) -> None:
        _start_forkserver()
        process = _CONTEXT.Process(target=child_main, daemon=True, name="playground-train",
                                   args=(self.job, self._data_send, self._ctl_recv))
        reason = ""
        try:
            process.start()
            self._data_send.close()  # the child holds the only writing end now
            reason = self._relay()
        except Exception as e:  # noqa: BLE001 - any failure is reported, never lost
            self.sig_error.emit(f"Training failed: {e}")
        finally:
            process.join(JOIN_SECONDS)
            if process.is_alive():
                process.terminate()
                process.join()
        # back to the GUI thread, so nothing is left owned by a finished thread at exit
        self.moveToThread(QCoreApplication.instance().thread())
        self.sig_finished.emit(reason)

    def _relay(self) -> str:
        while True:
            try:
                msg = self._data_recv.recv()
            except EOFError:
                self.sig_error.emit("The training process ended unexpectedly.")
                return ""
            kind = msg[0]
            if kind == "frame":
                _, snap, params, epochs, rate, overflows = msg
                self._offer(Frame(snap, tuple(params), tuple(epochs), rate, overflows))
            elif kind == "paused":
                self._flush()
                self.sig_paused.emit()
            elif kind == "error":
                self.sig_error.emit(msg[1])
            elif kind == "done":
                self.final_params = msg[2]
                self._flush()
                return msg[1]

    def _offer(self, frame: Frame) -> None:
        """Send ``frame`` now if the GUI has drawn the last one, else hold it (merging epochs)."""
        if self._held is not None:
            frame = Frame(frame.snapshot, frame.params, self._held.epochs + frame.epochs,
                          frame.samples_per_second, frame.overflows)
        self._held = frame
        if self._drawn.is_set():
            self._flush()

    def _flush(self) -> None:
        if self._held is not None:
            self._drawn.clear()
            self.sig_frame.emit(self._held)
            self._held = None


_forkserver_lock = threading.Lock()
_forkserver_started = False


def _start_forkserver() -> None:
    """Start the fork server with one BLAS thread: the child and the window share two cores, and
    a second BLAS thread in the child only fought the window for them. Only the server's
    environment changes; this process's numpy is already set up."""
    global _forkserver_started
    with _forkserver_lock:
        if _forkserver_started:
            return
        saved = os.environ.get("OPENBLAS_NUM_THREADS")
        os.environ["OPENBLAS_NUM_THREADS"] = "1"
        try:
            from multiprocessing import forkserver

            forkserver.ensure_running()
        finally:
            if saved is None:
                del os.environ["OPENBLAS_NUM_THREADS"]
            else:
                os.environ["OPENBLAS_NUM_THREADS"] = saved
        _forkserver_started = True


def start_thread(worker: TrainWorker) -> QThread:
    """Move ``worker`` to a new QThread and start it; the caller must stop and ``wait()`` it."""
    thread = QThread()
    thread.setObjectName("trainThread")
    worker.moveToThread(thread)
    thread.started.connect(worker.run)
    worker.sig_finished.connect(thread.quit, Qt.ConnectionType.DirectConnection)  # thread-safe
    LIVE_THREADS[thread] = worker
    thread.start()
    return thread
