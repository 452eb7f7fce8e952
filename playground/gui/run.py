"""The window's side of a session's training process: starts it, talks to it, reads it.

One process per session, started on first need and kept across runs, pauses and edits; ended
with the session (``shutdown``). The process's connection is read in the GUI thread, as a
``QSocketNotifier`` on its socket says there is something to read: no relay thread, so no Qt
signal crosses threads. Frames that arrive together are merged (no epoch is lost), and the
others are handed on in order. The connection is a socket pair, not a pipe: on Windows a
QSocketNotifier watches sockets only.

Every wait has a deadline: a process that does not answer a Stop within ``STOP_SECONDS`` is
ended, and the window told; the last weights it sent are kept. With a learner's own code (a job's
``code``), a run that sends nothing for the job's ``step_timeout`` while it should be stepping
(an endless loop in their backward) is ended the same way.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import socket
import threading
import time
from multiprocessing.connection import Connection

import numpy as np
from PySide6.QtCore import QObject, QSocketNotifier, QTimer, Signal

from playground.gui.i18n import say
from playground.run import messages as m
from playground.run.job import TrainJob
from playground.run.process import serve

STOP_SECONDS = 5.0  # a Stop is answered within a step; past this the process is ended
JOIN_SECONDS = 2.0
WATCH_MS = 250  # how often a run with the learner's code is looked at
# forkserver, not fork: forking a process that runs Qt threads is unsafe. The server preloads the
# core, so a process starts in milliseconds rather than re-importing numpy.
_CONTEXT = multiprocessing.get_context("forkserver")
_CONTEXT.set_forkserver_preload(["playground.run.process"])


class TrainingRun(QObject):
    """A session's training process. Signals are emitted in the GUI thread."""

    sig_frame = Signal(object)  # messages.Frame
    sig_paused = Signal()
    # the reason the run stopped itself ("" if not), and whether it reached its last epoch; the
    # weights are in final_params
    sig_finished = Signal(str, bool)
    sig_error = Signal(str)  # for the user
    sig_printed = Signal(str)  # what the learner's code printed
    sig_seeds_frame = Signal(object)  # messages.SeedsFrame
    sig_seeds_done = Signal(object)  # messages.SeedsDone, or None when the process was lost

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._process: multiprocessing.process.BaseProcess | None = None
        self._conn: Connection | None = None
        self._notifier: QSocketNotifier | None = None
        self._sent_data: _DataKey | None = None  # the data the process has
        self.final_params: list[dict] | None = None
        self.running = False  # a run is under way (maybe paused): a Done will end it
        self._sent_code: tuple[str, str] | None = None  # the learner's code the process has
        self.step_timeout: float | None = None  # see the module's docstring
        self._stepping = False  # the process should be sending: running, not paused
        self._heard = 0.0  # when the process last sent anything (monotonic)
        self._watch = QTimer(self)
        self._watch.setInterval(WATCH_MS)
        self._watch.timeout.connect(self._check_alive)
        self.seeding = False  # copies of the network train (TrainSeeds): a SeedsDone will end it

    # ----- the process --------------------------------------------------------------------------
    @property
    def alive(self) -> bool:
        return self._process is not None and self._process.is_alive()

    def _ensure_process(self) -> None:
        if self.alive:
            return
        self._close_connection()
        _start_forkserver()
        ours, theirs = socket.socketpair()
        self._conn, child = Connection(ours.detach()), Connection(theirs.detach())
        try:
            self._process = _CONTEXT.Process(target=serve, args=(child,), daemon=True,
                                             name="playground-train")
            self._process.start()
        except BaseException:
            self._process = None
            self._close_connection()
            raise
        finally:
            child.close()  # the process holds its own end now
        self._sent_data = self._sent_code = None
        self._notifier = QSocketNotifier(self._conn.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._readable)

    def _send(self, msg: object) -> bool:
        try:
            self._conn.send(msg)
            return True
        except (OSError, AttributeError):  # no process, or it died
            return False

    # ----- commands -----------------------------------------------------------------------------
    def begin(self, job: TrainJob) -> bool:
        """Start a run of ``job``: the network, its data (sent only when it changed) and its
        settings, then Start (or Step for one epoch). False, with sig_error, when the process
        cannot be started."""
        if not self._started():
            return False
        messages = self._setup(job) + [m.Step() if job.single_epoch else m.Start()]
        self.final_params = None
        if not self._send_all(messages, job):
            return False
        self.running = True
        self.step_timeout = job.step_timeout if job.code else None
        self._stepping_again()
        return True

    def _started(self) -> bool:
        """The process is up; False, with sig_error, when it cannot start."""
        try:
            self._ensure_process()
        except (OSError, RuntimeError, ValueError) as e:
            self.sig_error.emit(self.tr("The training process cannot start: {0}").format(e))
            return False
        return True

    def _setup(self, job: TrainJob) -> list[object]:
        """The messages that give the process ``job``'s code, network, data and settings."""
        messages: list[object] = []
        if job.code != self._sent_code:  # before the network: it is built with their code
            source, name = job.code or (None, "")
            messages.append(m.SetCode(source, name))
        messages.append(_network(job, restart=True))
        if _data_key(job) != self._sent_data:  # MNIST's 47 MB go once, not with every run
            messages.append(_data(job))
        values = {k: getattr(job.config, k) for k in ("optimizer", "lr", "batch_size", "l1",
                                                         "l2", "momentum", "shuffle", "seed")}
        return messages + [m.Configure({**values, "epochs": job.config.epochs}),
                           m.SetSpeed(job.speed, job.frame_hz)]

    def _send_all(self, messages: list[object], job: TrainJob) -> bool:
        if not all(self._send(msg) for msg in messages):
            self.sig_error.emit(self.tr("The training process ended unexpectedly."))
            return False
        self._sent_data, self._sent_code = _data_key(job), job.code
        return True

    def begin_seeds(self, job: TrainJob, seeds: list[int], lrs: list[float], epochs: int,
                    grid: np.ndarray | None) -> bool:
        """Train copies of ``job``'s network at once, copy i from seed ``seeds[i]`` at rate
        ``lrs[i]``; frames come as sig_seeds_frame, the end as sig_seeds_done. No run may be
        under way."""
        if not self._started():
            return False
        messages = self._setup(job) + [m.TrainSeeds(tuple(seeds), tuple(lrs), epochs, grid)]
        if not self._send_all(messages, job):
            return False
        self.seeding = True
        return True

    def stop_seeds(self) -> None:
        """End the copies; their SeedsDone follows (cancelled)."""
        if self.seeding:
            self._send(m.Stop())

    def _stepping_again(self) -> None:
        self._stepping, self._heard = True, time.monotonic()
        if self.step_timeout:
            self._watch.start()

    def update(self, job: TrainJob, carry: bool, keep_optimizer: bool = False) -> None:
        """An edit during a run: the new network (with ``carry``, the process keeps what fits
        of the weights it trains, and their optimizer state) and, if they changed, the new data,
        from the next step; the run goes on."""
        self._send(_network(job, carry=carry, keep_optimizer=keep_optimizer))
        if _data_key(job) != self._sent_data:
            self._send(_data(job))
            self._sent_data = _data_key(job)

    def pause(self) -> None:
        self._send(m.Pause())

    def resume(self) -> None:
        self._send(m.Start())
        self._stepping_again()

    def step_epoch(self) -> None:
        self._send(m.Step())
        self._stepping_again()

    def set_config(self, values: dict) -> None:
        self._send(m.Configure(dict(values)))

    def set_speed(self, epochs_per_second: float | None, frames_per_second: float) -> None:
        self._send(m.SetSpeed(epochs_per_second, frames_per_second))

    def stop(self) -> None:
        """End the run and wait for its weights (``final_params``), at most STOP_SECONDS."""
        if not self.running:
            return
        if self._send(m.Stop()):
            deadline = time.monotonic() + STOP_SECONDS
            while self.running and (left := deadline - time.monotonic()) > 0:
                if self._conn.poll(left):
                    self._readable()
        if self.running:
            self._end_process()
            self._finish("")
            self.sig_error.emit(self.tr(
                "The training process did not answer and was ended; the last "
                "weights it showed are kept."))

    def shutdown(self) -> None:
        """End the process (the session is closing); returns within about JOIN_SECONDS."""
        self.stop()
        if self._process is not None:
            self._send(m.Shutdown())
            self._process.join(JOIN_SECONDS)
            self._end_process()
        self._close_connection()

    def _end_process(self) -> None:
        if self._process is not None and self._process.is_alive():
            self._process.terminate()
            self._process.join(JOIN_SECONDS)
            if self._process.is_alive():
                self._process.kill()
                self._process.join()
        self._process = None

    def _close_connection(self) -> None:
        if self._notifier is not None:
            self._notifier.setEnabled(False)
            self._notifier.deleteLater()
            self._notifier = None
        if self._conn is not None:
            with contextlib.suppress(OSError):
                self._conn.close()
            self._conn = None

    # ----- events -------------------------------------------------------------------------------
    def _readable(self) -> None:
        """Everything the process has sent: frames merged into one, the rest in order."""
        frame: m.Frame | None = None
        try:
            while self._conn is not None and self._conn.poll():
                msg = self._conn.recv()
                self._heard = time.monotonic()
                if isinstance(msg, m.Frame):
                    frame = msg if frame is None else frame.merged(msg)
                    continue
                if frame is not None:
                    self.sig_frame.emit(frame)
                    frame = None
                self._dispatch(msg)
        except (EOFError, OSError):
            self._lost()
        if frame is not None:
            self.sig_frame.emit(frame)

    def _dispatch(self, msg: object) -> None:
        if isinstance(msg, m.Printed):
            self.sig_printed.emit(msg.text)
        elif isinstance(msg, m.Paused):
            self._stepping = False
            self.sig_paused.emit()
        elif isinstance(msg, m.Done):
            self._finish(say(msg.reason), msg.params, msg.finished)
        elif isinstance(msg, m.SeedsFrame):
            self.sig_seeds_frame.emit(msg)
        elif isinstance(msg, m.SeedsDone):
            self.seeding = False
            self.sig_seeds_done.emit(msg)
        elif isinstance(msg, m.Failed):
            self.sig_error.emit(msg.text)

    def _finish(self, reason: str, params: list[dict] | None = None,
                finished: bool = False) -> None:
        self.final_params = params or None
        self._stepping = False
        self._watch.stop()
        if self.running:
            self.running = False
            self.sig_finished.emit(reason, finished)

    def _check_alive(self) -> None:
        """A run with the learner's code that has sent nothing for ``step_timeout``: their
        code is stuck (or the process is). It is ended; the last weights shown are kept."""
        if not (self.running and self._stepping and self.step_timeout):
            return
        if self._conn is not None and self._conn.poll():
            self._readable()
            return
        if time.monotonic() - self._heard < self.step_timeout:
            return
        self._end_process()
        self._close_connection()
        self._finish("")
        self.sig_error.emit(self.tr(
            "Your code did not finish a training step within {0:g} s (an endless loop?). Its "
            "process was ended; the last weights it showed are kept.")
                .format(self.step_timeout))

    def _lost(self) -> None:
        """The process is gone (it crashed, or was killed)."""
        self._close_connection()
        self._end_process()
        if self.seeding:
            self.seeding = False
            self.sig_seeds_done.emit(None)
        if self.running:
            self._finish("")
            self.sig_error.emit(self.tr(
                "The training process ended unexpectedly; the last weights it "
                "showed are kept."))


class _DataKey:
    """What identifies the data the process has: the arrays themselves (held, so that their
    ids cannot be reused by new arrays) and how they are used."""

    def __init__(self, job: TrainJob) -> None:
        self.arrays = (job.x, job.y, job.x_test, job.y_test)
        self.use = (job.pixels, job.augment_seed)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _DataKey) and self.use == other.use and all(
            a is b for a, b in zip(self.arrays, other.arrays, strict=True))

    __hash__ = None  # type: ignore[assignment]


def _data_key(job: TrainJob) -> _DataKey:
    return _DataKey(job)


def _data(job: TrainJob) -> m.SetData:
    return m.SetData(job.x, job.y, job.x_test, job.y_test, job.pixels, job.augment_seed)


def _network(job: TrainJob, **kw: object) -> m.SetNetwork:
    return m.SetNetwork(job.input_dim, tuple(job.layers), job.loss, job.init, job.dtype,
                        frozenset(job.bugs), job.params, **kw)


_forkserver_lock = threading.Lock()
_forkserver_started = False


def _start_forkserver() -> None:
    """Start the fork server with one BLAS thread: the process and the window share two cores,
    and a second BLAS thread in the process only fought the window for them. Only the server's
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

