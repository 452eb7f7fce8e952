"""The window's side of a session's training process: starts it, talks to it, reads it.

One process per session, started on first need and kept across runs, pauses and edits; ended
with the session (``shutdown``). The process's socket is read in the GUI thread, as a
``QSocketNotifier`` says there is something to read: no relay thread, so no Qt signal crosses
threads. Frames that arrive together are merged (no epoch is lost), and the others are handed on
in order. Nothing here waits on the process: what the socket cannot take now is queued and
written as a second notifier says it drains (``Channel``), and Stop does not wait for an answer
(the weights on display are the run's). A socket pair, not a pipe: on Windows a QSocketNotifier
watches sockets only.

Runs and networks are numbered (``messages``): what the process sends about an older run is
dropped, and weights are taken only from frames of the network on display.

A run with the learner's own code (a job's ``code``) gets a process of its own, boxed
(``playground.run.contain``): Stop, a step that takes longer than the job's ``step_timeout`` (an
endless loop in their backward), memory past their limit (watched from outside) and closing the
window end it and everything their code started.
"""

from __future__ import annotations

import multiprocessing
import socket
import time

import numpy as np
from PySide6.QtCore import QObject, QSocketNotifier, QTimer, Signal

from playground.gui.i18n import say
from playground.gui.process_words import lost_message, silent_message
from playground.learner.their_program import serve_socket as program_serve_socket
from playground.run import messages as m
from playground.run.channel import Channel
from playground.run.contain import Box, Warden
from playground.run.job import DataKey, TrainJob
from playground.run.process import serve_socket
from playground.run.start import start, training_context
from playground.run.wire import WireError

JOIN_SECONDS = 2.0  # after the process was killed: the longest its end may take to be seen
WATCH_MS = 250  # how often a run is looked at
# a run sends a frame at least every second (the slowest speed is one epoch a second, and MNIST
# sends 8 a second); one silent for this long is stuck, and its process is ended
SILENT_SECONDS = 30.0
CODE_MEMORY_MB = 2048  # what their code may allocate in its process
BASE_MB = 512  # the process's own (numpy, the data) on top of that, before the watch ends it


class TrainingRun(QObject):
    """A session's training process. Signals are emitted in the GUI thread."""

    sig_frame = Signal(object)  # messages.Frame of the current run
    sig_paused = Signal()
    # the reason the run stopped itself ("" if not), and whether it reached its last epoch; the
    # weights are in final_params (None: keep those on display)
    sig_finished = Signal(str, bool)
    sig_error = Signal(str)  # for the user
    sig_printed = Signal(str)  # what the learner's code printed
    sig_surveyed = Signal(object)  # messages.Surveyed: a loss landscape asked for (``survey``)
    sig_seeds_frame = Signal(object)  # messages.SeedsFrame
    sig_seeds_done = Signal(object)  # messages.SeedsDone, or None when the process was lost

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._process: multiprocessing.process.BaseProcess | None = None
        self._box: Box | None = None
        self._warden: Warden | None = None
        self._channel: Channel | None = None
        self._reader: QSocketNotifier | None = None
        self._writer: QSocketNotifier | None = None
        self._sent_data: DataKey | None = None  # the data the process has
        self.final_params: list[dict] | None = None
        self.running = False  # a run is under way (maybe paused): a Done will end it
        self.run = 0  # the current run's number (``messages``)
        self.version = 0  # the number of the network the process was last sent
        self.code_process = False  # the process runs the learner's code
        self.step_timeout: float | None = None  # see the module's docstring
        self._stepping = False  # the process should be sending: running, not paused
        self._heard = 0.0  # when the process last sent anything (monotonic)
        self._watch = QTimer(self)
        self._watch.setInterval(WATCH_MS)
        self._watch.timeout.connect(self._check_alive)
        self.seeding = False  # copies of the network train (TrainSeeds): a SeedsDone will end it
        self.generation = 0  # counts the processes started: a new one has no survey's points

    # ----- the process --------------------------------------------------------------------------
    @property
    def alive(self) -> bool:
        return self._process is not None and self._process.is_alive()

    def _ensure_process(self, code: bool) -> None:
        if self.alive and code == self.code_process:
            return
        self._end_process()
        context = training_context()  # forkserver, or spawn where there is none (Windows)
        ours, theirs = socket.socketpair()
        try:
            # a process for their code can also run a whole program as written
            target = program_serve_socket if code else serve_socket
            self._process = context.Process(target=target, args=(theirs,), daemon=True,
                                            name="playground-train")
            start(self._process, context)
        except BaseException:
            self._process = None
            ours.close()
            raise
        finally:
            theirs.close()  # the process holds its own end now
        self._box = Box(self._process.pid, CODE_MEMORY_MB + BASE_MB if code else None)
        if code:
            self._warden = Warden(self._box, (CODE_MEMORY_MB + BASE_MB) * 2**20)
        self.code_process, self.generation = code, self.generation + 1
        self._channel = Channel(ours)
        self._sent_data = None
        self._reader = QSocketNotifier(self._channel.fileno(), QSocketNotifier.Type.Read, self)
        self._reader.activated.connect(self._readable)
        self._writer = QSocketNotifier(self._channel.fileno(), QSocketNotifier.Type.Write, self)
        self._writer.setEnabled(False)
        self._writer.activated.connect(self._writable)

    def _send(self, msg: object) -> bool:
        """Queue ``msg``; what the socket cannot take now goes as it drains. False when the
        process is gone."""
        if self._channel is None:
            return False
        try:
            self._channel.send(msg)
        except (EOFError, OSError):
            self._lost()
            return False
        self._writer.setEnabled(self._channel.pending)
        return True

    def _writable(self) -> None:
        try:
            done = self._channel.flush()
        except (EOFError, OSError):
            self._lost()
            return
        self._writer.setEnabled(not done)

    # ----- commands -----------------------------------------------------------------------------
    def begin(self, job: TrainJob) -> bool:
        """Start a run of ``job``: the network, its data (sent only when it changed) and its
        settings, then Start (or Step for one epoch). False, with sig_error, when the process
        cannot be started. A run with the learner's code starts a process of its own."""
        if job.code is not None:
            self._end_process()  # their code, loaded afresh in a box of its own
        if not self._started(code=job.code is not None):
            return False
        self.run += 1
        start = m.Step(self.run) if job.single_epoch else m.Start(self.run)
        self.final_params = None
        if not self._send_all(self._setup(job) + [start]):
            return False
        self.running = True
        self.step_timeout = job.step_timeout if job.code else None
        self._stepping_again()
        return True

    def _started(self, code: bool) -> bool:
        """The process is up; False, with sig_error, when it cannot start."""
        try:
            self._ensure_process(code)
        except (OSError, RuntimeError, ValueError) as e:
            self.sig_error.emit(self.tr("The training process cannot start: {0}").format(e))
            return False
        return True

    def _setup(self, job: TrainJob) -> list[object]:
        """The messages that give the process ``job``'s code, network, data and settings."""
        messages: list[object] = []
        if job.code is not None:  # before the network: it is built with their code
            source, name = job.code
            messages.append(m.SetCode(source, name, CODE_MEMORY_MB, job.program))
        messages.append(self._network(job, restart=True, resume=job.resume_message()))
        values = {k: getattr(job.config, k) for k in (
            "optimizer", "lr", "batch_size", "l1", "l2", "momentum", "shuffle", "seed",
            "schedule", "warmup", "early_stop")}
        return messages + [m.Configure({**values, "epochs": job.config.epochs}),
                           m.SetSpeed(job.speed, job.frame_hz)]

    def _send_all(self, messages: list[object]) -> bool:
        if not all(self._send(msg) for msg in messages):
            self.sig_error.emit(self.tr("The training process ended unexpectedly."))
            return False
        return True

    def _network(self, job: TrainJob, **kw: object) -> m.SetNetwork:
        """The next network message: its number, and the data when they changed (MNIST's 47 MB
        go once, not with every run or edit)."""
        self.version += 1
        data = None
        if DataKey(job) != self._sent_data:
            data, self._sent_data = job.data_message(), DataKey(job)
        return m.SetNetwork(job.input_dim, tuple(job.layers), job.loss, job.init, job.dtype,
                            frozenset(job.bugs), job.params, version=self.version, data=data,
                            **kw)

    def begin_seeds(self, job: TrainJob, seeds: list[int], lrs: list[float], epochs: int,
                    grid: np.ndarray | None) -> bool:
        """Train copies of ``job``'s network at once, copy i from seed ``seeds[i]`` at rate
        ``lrs[i]``; frames come as sig_seeds_frame, the end as sig_seeds_done. No run may be
        under way."""
        if not self._started(code=False):
            return False
        messages = self._setup(job) + [m.TrainSeeds(tuple(seeds), tuple(lrs), epochs, grid)]
        if not self._send_all(messages):
            return False
        self.seeding = True
        return True

    def survey(self, msg: m.Survey) -> bool:
        """Ask the process for a loss landscape, answered with sig_surveyed; False when it
        cannot be asked (a run of the learner's code has the process)."""
        if (self.running and self.code_process) or not self._started(code=False):
            return False
        return self._send(msg)

    def stop_seeds(self) -> None:
        """End the copies; their SeedsDone follows (cancelled)."""
        if self.seeding:
            self._send(m.Stop(self.run))

    def _stepping_again(self) -> None:
        self._stepping, self._heard = True, time.monotonic()
        self._watch.start()

    def update(self, job: TrainJob, carry: bool, keep_optimizer: bool = False) -> None:
        """An edit during a run: the new network (with ``carry``, the process keeps what fits
        of the weights it trains, and their optimizer state) and, if they changed, the new data,
        in one message, from the next step; the run goes on."""
        self._send(self._network(job, carry=carry, keep_optimizer=keep_optimizer))

    def outdate(self) -> None:
        """The window's network changed and the process was not told (there is nothing to
        train it on yet): nothing the process sends from now carries its weights."""
        self.version += 1

    def pause(self) -> None:
        self._send(m.Pause(self.run))

    def resume(self) -> None:
        self._send(m.Start(self.run))
        self._stepping_again()

    def step_epoch(self) -> None:
        self._send(m.Step(self.run))
        self._stepping_again()

    def set_config(self, values: dict) -> None:
        self._send(m.Configure(dict(values)))

    def set_speed(self, epochs_per_second: float | None, frames_per_second: float) -> None:
        self._send(m.SetSpeed(epochs_per_second, frames_per_second))

    def stop(self) -> None:
        """End the run now; the weights on display are its weights (``final_params`` None).
        Nothing waits for the process: it is told, and what it sends about this run later is
        dropped. A run with the learner's code ends with its process, and all it started."""
        if not self.running:
            return
        if self.code_process:
            self._end_process()
        else:
            self._send(m.Stop(self.run))
        self._finish("")

    def shutdown(self) -> None:
        """End the process (the session is closing)."""
        self.stop()
        self._end_process()

    def _end_process(self) -> None:
        """Kill the process and everything in its box; wait (bounded) only to see it gone."""
        if self._warden is not None:
            self._warden.stop()
            self._warden = None
        if self._process is not None:
            if self._box is not None:
                self._box.end()
            else:
                self._process.kill()
            self._process.join(JOIN_SECONDS)
        if self._box is not None:
            self._box.close()
        self._process, self._box, self.code_process = None, None, False
        self._close_connection()

    def _close_connection(self) -> None:
        for notifier in (self._reader, self._writer):
            if notifier is not None:
                notifier.setEnabled(False)
                notifier.deleteLater()
        self._reader = self._writer = None
        if self._channel is not None:
            self._channel.close()
            self._channel = None

    # ----- events -------------------------------------------------------------------------------
    def _readable(self) -> None:
        """Everything the process has sent: frames merged into one, the rest in order."""
        frame: m.Frame | None = None
        try:
            messages = self._channel.receive() if self._channel is not None else []
        except WireError:
            self._lost(garbled=True)
            return
        for msg in messages:
            self._heard = time.monotonic()
            if isinstance(msg, m.Frame):
                if msg.run == self.run and self.running:
                    frame = msg if frame is None else frame.merged(msg)
                continue
            if frame is not None:
                self.sig_frame.emit(frame)
                frame = None
            self._dispatch(msg)
        if frame is not None:
            self.sig_frame.emit(frame)
        if self._channel is not None and self._channel.eof:
            self._lost()

    def _dispatch(self, msg: object) -> None:
        current = self.running and getattr(msg, "run", None) == self.run
        if isinstance(msg, m.Printed):
            self.sig_printed.emit(msg.text)
        elif isinstance(msg, m.Paused) and current:
            self._stepping = False
            self.sig_paused.emit()
        elif isinstance(msg, m.Done) and current:
            params = msg.params if msg.version == self.version else None
            self._finish(say(msg.reason), params, msg.finished)
        elif isinstance(msg, m.SeedsFrame) and self.seeding:
            self.sig_seeds_frame.emit(msg)
        elif isinstance(msg, m.SeedsDone) and self.seeding:
            self.seeding = False
            self.sig_seeds_done.emit(msg)
        elif isinstance(msg, m.Surveyed):
            self.sig_surveyed.emit(msg)
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
        """A run that has sent nothing for its ``step_timeout`` (``SILENT_SECONDS`` when it has
        none) while it should be stepping: the learner's code is stuck (an endless loop), or
        the process is. It is ended; the last weights shown are kept."""
        if not (self.running and self._stepping):
            return
        self._readable()
        limit = self.step_timeout or SILENT_SECONDS
        if not self.running or time.monotonic() - self._heard < limit:
            return
        code = self.code_process
        self._end_process()
        self._finish("")
        self.sig_error.emit(silent_message(code, self.step_timeout, SILENT_SECONDS))

    def _lost(self, garbled: bool = False) -> None:
        """The process is gone (it crashed, was killed, or sent what is not a message)."""
        memory = self._warden is not None and self._warden.tripped
        code = self.code_process
        self._end_process()
        if self.seeding:
            self.seeding = False
            self.sig_seeds_done.emit(None)
        if not self.running:
            return
        self._finish("")
        self.sig_error.emit(lost_message(memory, garbled, code, CODE_MEMORY_MB))
