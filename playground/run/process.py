"""The training process: one per session, long-lived, obeying ``messages`` commands.

Why a process: the window is Python too. In a thread beside the GUI, training held the GIL almost
without pause and the window drew 2-6 frames a second against 20-30 from a process (playground
bench --gui). Keeping it alive across runs, pauses and edits keeps the optimizer's state and
makes an edit cheap: a new network or new data is swapped in between two steps, and training
goes on from there. A loss landscape (``Survey``) is worked out between two steps too.

``serve(channel)`` is the process's whole life: commands come in on a ``Channel``, frames go
out at most ``SetSpeed.frames_per_second`` times a second, a ``Done`` ends every run. The process
never waits on the window: a frame the socket cannot take yet is held and merged with the next
(``Channel.send_latest``), and training goes on. Commands carry the run they are for
(``messages``): one for a run that is not the current one is dropped. Qt-free; a test drives it
over a socket pair.
"""

from __future__ import annotations

import contextlib
import socket
import time
import warnings
from collections.abc import Callable
from typing import Any

from playground.data.augment import MnistAugment
from playground.nn import Network, Snapshot, TrainConfig, train_steps
from playground.nn.bands import grad_bands
from playground.nn.early_stop import BestEpoch
from playground.nn.edit import carry_weights
from playground.nn.train import OptimizerState, grad_norms
from playground.phrase import Phrase
from playground.run import messages as m
from playground.run.blas_threads import BlasThreads
from playground.run.channel import Channel
from playground.run.contain import enter_box
from playground.run.epoch_log import EpochLog, resumed
from playground.run.held_data import HeldData, misfit
from playground.run.program_slot import ProgramSlot
from playground.run.seeds_job import SeedsJob
from playground.run.survey import Surveyor
from playground.run.their_code import (
    LearnerCode,
    LearnerCodeError,
    LearnerNetwork,
    LearnerUpdate,
    limit_memory,
)
from playground.run.wire import WireError

POLL_SECONDS = 0.002  # how often the process looks for commands between steps (~8 µs a look)
DRAIN_SECONDS = 1.0  # at the end, the longest the process waits to hand over what it still has


class TrainingProcess:
    """The process's state: network, data, live settings, optimizer, and where the run is."""

    def __init__(self, conn: Channel, programs: Callable[..., Any] | None = None) -> None:
        self.conn = conn
        self.program = ProgramSlot(programs)  # a learner's program as written, when set
        self.net: Network | None = None
        self.data: HeldData | None = None
        self.config = TrainConfig()
        self.run_epochs = self.config.epochs  # epochs one Start trains
        self.keep = OptimizerState()  # the optimizer, kept across runs and edits
        self.best = BestEpoch()  # early stopping's watch over this run, through its pauses
        self.speed: float | None = None
        self.frame_hz = 31.0
        self._due = 0.0  # with a speed set: when the next epoch may end
        self.state = "idle"  # "running", "paused" or "idle"
        self.single_epoch = False
        self.closed = False
        self.epoch = 0  # epochs completed since the network was set with restart
        self.run_end = 0  # the epoch at which this run ends
        self.changed = False  # the network or the data changed: restart the step generator
        self.overflows = 0
        self.code: LearnerCode | None = None  # the learner's own functions, when set
        self.code_failed = False  # their code could not be loaded: runs are refused
        self.run = 0  # the run under way, or the last one (``messages``)
        self.version = 0  # the network's, as the window numbered it
        self.stepped = 0  # the version of the network the steps under way train
        self.seeds: SeedsJob | None = None  # copies of the network training at once
        self.seeds_stop = False  # Stop came while they train
        self.log = EpochLog()  # every epoch's state, for the window's timeline
        self.resume: m.EpochStates | None = None  # a branch's optimizer state, for the next run
        self.surveyor = Surveyor()  # the loss landscape, between two steps
        self.threads = BlasThreads()  # one BLAS thread, or two where MNIST's steps gain

    # ----- commands -----------------------------------------------------------------------------
    def handle(self, msg: object) -> None:
        handler = _HANDLERS.get(type(msg))
        if handler is None:
            self.conn.send(m.Failed(f"The training process got an unknown message: {msg!r}"))
            return
        handler(self, msg)

    def _set_network(self, msg: m.SetNetwork) -> None:
        if self.code is not None:  # their code has no bug lab: the switches stay ours
            net = LearnerNetwork(self.code, msg.input_dim, list(msg.layers), msg.loss, msg.init,
                                 None, msg.dtype)
            net.set_params(msg.params)
        else:
            net = msg.build()
        if msg.carry and self.net is not None:
            carried = carry_weights(self.net, net)  # the weights as trained up to this step
            if self.keep.optimizer is not None:
                self.keep.optimizer.remap(carried.slots, net.flat_params())
        elif not msg.keep_optimizer:
            self.keep.optimizer = None  # made afresh at the next step
        self.net, self.changed, self.version = net, True, msg.version
        self.resume = msg.resume if not msg.carry else None
        self.overflows = 0  # the naive sigmoid's warnings are this network's
        if msg.data is not None:  # the edit's data, in the same step as its network
            self._set_data(msg.data)
        if msg.restart:
            self.epoch = 0

    def _set_code(self, msg: m.SetCode) -> None:
        """Load the learner's code; the next SetNetwork trains with it. The memory limit goes on
        for good (hard): this process runs their code from now on, and ends with it. A file that
        cannot run is answered with Failed, and no run starts until other code comes."""
        self.code, self.code_failed, self.keep.optimizer = None, False, None
        self.program.set(None)
        limit_memory(msg.memory_mb, hard=True)
        if msg.program:  # their whole program: it runs at Start, in a thread of its own
            self.code_failed = not self.program.can_run
            if self.code_failed:
                raise LearnerCodeError("this training process cannot run a program as written")
            self.program.set((msg.source, msg.filename))
            return
        try:
            self.code = LearnerCode(msg.source, msg.filename)
        except LearnerCodeError as e:
            self.code_failed = True  # no run until other code comes: never ours in its place
            if e.printed:
                self.conn.send(m.Printed(e.printed))
            raise

    def _set_data(self, msg: m.SetData) -> None:
        self.data, self.changed = HeldData.from_message(msg), True

    def _configure(self, msg: m.Configure) -> None:
        values = dict(msg.values)
        if "epochs" in values:
            self.run_epochs = int(values.pop("epochs"))
        for key, value in values.items():
            setattr(self.config, key, value)  # train_steps reads them at its next step

    def _set_speed(self, msg: m.SetSpeed) -> None:
        self.speed, self.frame_hz = msg.epochs_per_second, msg.frames_per_second
        self._due = time.perf_counter()

    def _train_seeds(self, msg: m.TrainSeeds) -> None:
        if self.state != "idle":
            self.conn.send(m.Failed("Many seeds waits until the run under way stops."))
        elif self.code is not None or self.code_failed:
            self.conn.send(m.Failed("Many seeds trains the playground's own network: go back "
                                    "to its code first."))
        elif self.net is None or self.data is None:
            self.conn.send(m.Failed("There is no network or no data to train on yet."))
        else:
            d = self.data
            self.state, self.seeds_stop = "seeds", False  # a job that cannot start says so
            self.seeds = SeedsJob(self.net, d.inputs(), d.y, d.x_test, d.y_test, self.config,
                                  msg)

    def run_seeds(self) -> None:
        """Train the copies until they are done or Stop comes; frames on the way, then one
        SeedsDone. A command that arrives meanwhile is obeyed (an edit of the network waits
        for the next run)."""
        done = self.seeds.run(self.conn, self._poll, lambda: self.seeds_stop or self.closed,
                              POLL_SECONDS)
        self.state, self.seeds = "idle", None
        self.conn.send(done)

    def _start(self, msg: m.Start | m.Step) -> None:
        """A new run (a run number past the current one), or the current one resumed; a Start
        for a run that has ended (by itself, while the window asked to go on) starts nothing."""
        if self.state == "seeds":
            self.conn.send(m.Failed("Training waits until the seeds are done or stopped."))
            self.conn.send(m.Done("", [], run=msg.run, version=self.version))
            return
        if msg.run < self.run or (msg.run == self.run and self.state == "idle"):
            return
        if msg.run > self.run and self.state in ("running", "paused"):
            self._finish("")  # the window began another without a Stop: end this one first
        if msg.run > self.run and not self._can_start(msg.run):
            return
        if msg.run > self.run:
            self.run, self.run_end = msg.run, self.epoch + self.run_epochs
            self.best = BestEpoch()
        self.single_epoch = isinstance(msg, m.Step)
        self.state = "running"

    def _can_start(self, run: int) -> bool:
        """Whether run ``run`` can begin; if not, it is answered with why and its Done."""
        problem = None
        if self.net is None or self.data is None:
            problem = "There is no network or no data to train on yet."
        elif not self.code_failed:
            problem = misfit(self.net, self.data)
        if problem is None and not self.code_failed:
            return True
        if problem is not None:  # the Failed that says why their code failed went already
            self.conn.send(m.Failed(problem))
        self.conn.send(m.Done("", [], run=run, version=self.version))
        return False

    def _pause(self, msg: m.Pause) -> None:
        if self.state == "running" and msg.run == self.run:
            self.state = "paused"  # answered with Paused after the last frame (``train``)

    def _stop(self, msg: m.Stop) -> None:
        if self.state == "seeds":
            self.seeds_stop = True  # run_seeds answers with SeedsDone
        elif msg.run == self.run and self.state != "idle":
            self._finish("")

    def _shutdown(self, msg: m.Shutdown) -> None:
        self.closed = True
        if self.state not in ("idle", "seeds"):
            self._finish("")

    def _finish(self, reason: Phrase | str, finished: bool = False) -> None:
        self.state = "idle"
        self.program.end()  # the next run starts their program from its top
        self.log.clear()  # the epochs since the last frame belong to the run that ended
        params = self.net.copy_params() if self.net is not None else []
        self.conn.send(m.Done(reason, params, finished, self.run, self.version))

    # ----- training -----------------------------------------------------------------------------
    def _steps(self):  # noqa: ANN202 - a generator of Snapshots
        """A fresh step generator for the network and data as they are now, continuing the
        optimizer (its state was carried over the edit)."""
        cfg = self.config
        cfg.epochs = max(1, self.run_end - self.epoch)
        self.stepped = self.version
        mine = self.data.pixels and self.code is None and self.program.program is None
        self.threads.begin(mine, (tuple(self.net.sizes), int(cfg.batch_size)))
        if self.program.program is not None:  # their program's steps, whole run long
            self.changed = False
            return self.program.steps(self.net)
        transform = None if self.data.augment_seed is None else MnistAugment(
            self.data.augment_seed + self.epoch)
        self.changed = False
        if self.resume is not None:  # a branch goes on with the optimizer as it was then
            self.keep.optimizer, self.resume = resumed(self.resume, self.net, cfg), None
        if self.code is not None and self.code.has_update:  # their update steps the weights
            cfg.optimizer = "sgd"
            if not isinstance(self.keep.optimizer, LearnerUpdate) or \
                    self.keep.optimizer.net is not self.net:
                self.keep.optimizer = LearnerUpdate(self.net, cfg.lr)
        # the gradient norms only for the frames that show them (their own code's gradients
        # are theirs: checked every step)
        return train_steps(self.net, self.data.x, self.data.y, cfg, self.data.x_test,
                           self.data.y_test, transform, self.keep, self.data.pixels,
                           norms=self.code is not None, start_epoch=self.epoch, best=self.best)

    def train(self, caught: list) -> None:
        """Train until a command asks for something else, the run ends, or an edit arrives.
        Every way out sends a last frame first, so no epoch's metrics are lost, and a pause is
        answered after it."""
        problem = misfit(self.net, self.data)
        if problem is not None:  # a backstop: the window sends network and data together
            self.conn.send(m.Failed(problem))
            self.state = "paused"
            self.conn.send(m.Paused(self.run))
            return
        base, run = self.epoch, self.run
        epochs: list[Snapshot] = []
        samples, last = 0, time.perf_counter()
        polled = last
        for snap in self._steps():
            snap = snap._replace(epoch=base + snap.epoch)
            if snap.epoch_end:
                self.epoch = snap.epoch
                epochs.append(snap._replace(params=None))
                if self.code is None and self.program.program is None:  # their update is theirs
                    self.log.add(self.stepped, self.epoch, self.net, self.keep.optimizer)
            else:
                samples += min(len(self.data.x), int(self.config.batch_size))
                self.threads.step()
            now = time.perf_counter()
            if now - polled >= POLL_SECONDS:
                self._poll()
                polled = now
            if snap.epoch_end and self.single_epoch and not snap.stop_reason:
                self.state, self.single_epoch = "paused", False
            ends = snap.stop_reason or snap.early_stop or (
                snap.epoch_end and self.epoch >= self.run_end)
            if snap.epoch_end and not ends and self.state == "running" and not self.changed:
                self._keep_pace()  # may take a command: a pause, an edit
            if self.state == "idle" or self.run != run:  # stopped meanwhile (its Done went),
                return  # or stopped and another begun: these epochs are not the new run's
            leaving = ends or self.state != "running" or self.changed
            if leaving or now - last >= 1 / self.frame_hz:
                self._send_frame(snap, epochs, samples / max(now - last, 1e-9), caught)
                epochs, samples, last = [], 0, now
            if ends:
                self._finish(snap.stop_reason or "", finished=not snap.stop_reason)
                return
            if leaving:
                if self.state == "paused":
                    self.conn.send(m.Paused(self.run))
                return

    def _send_frame(self, snap: Snapshot, epochs: list[Snapshot], rate: float,
                    caught: list) -> None:
        self.overflows += len(caught)
        caught.clear()
        self._send_printed()
        if self.changed:  # the step was the network's before the edit: its norms are not this one's
            snap = snap._replace(grad_norms=())
        elif not snap.grad_norms:  # a step's: the gradients the network that stepped holds now
            snap = snap._replace(grad_norms=grad_norms(self.net))
        # as the norms: this network's; a program as written keeps its gradients to itself
        mine = not self.changed and self.program.program is None
        bands = grad_bands(self.net) if mine else None
        # the steps' network's number: after an edit these epochs are the old network's, and
        # so are the weights the window may take (it takes none of another number)
        self.conn.send_latest(m.Frame(snap, tuple(self.net.copy_params()), tuple(epochs), rate,
                                      self.overflows, self.run, self.stepped, 0,
                                      self.log.take(), bands), m.Frame.merged)

    def _send_printed(self) -> None:
        text = self.code.take_printed() if self.code is not None else \
            self.program.take_printed()
        if text:
            self.conn.send(m.Printed(text))

    def _keep_pace(self) -> None:
        """With a speed set, wait (listening) until this epoch's turn: epochs end at least
        1/speed apart; an epoch slower than that is not made up for later."""
        if not self.speed:
            return
        now = time.perf_counter()
        self._due = max(self._due + 1.0 / self.speed, now)
        while self.state == "running" and not self.changed and \
                (left := self._due - time.perf_counter()) > 0:
            if self.conn.poll(min(left, 0.05)):
                self.handle(self.conn.recv())

    def _poll(self) -> None:
        while self.conn.poll():
            self.handle(self.conn.recv())


_HANDLERS = {m.SetNetwork: TrainingProcess._set_network, m.SetData: TrainingProcess._set_data,
             m.Configure: TrainingProcess._configure, m.SetSpeed: TrainingProcess._set_speed,
             m.SetCode: TrainingProcess._set_code, m.TrainSeeds: TrainingProcess._train_seeds,
             m.Start: TrainingProcess._start, m.Step: TrainingProcess._start,
             m.Pause: TrainingProcess._pause, m.Stop: TrainingProcess._stop,
             m.Shutdown: TrainingProcess._shutdown,
             m.Survey: lambda proc, msg: proc.conn.send(proc.surveyor.answer(msg))}


def serve_socket(sock: socket.socket, programs: Callable[..., Any] | None = None) -> None:
    """The training process's entry: in a box of its own (what a learner's code starts ends
    with it), speaking ``wire`` messages on ``sock``."""
    enter_box()
    serve(Channel(sock), programs)


def serve(conn: Channel, programs: Callable[..., Any] | None = None) -> None:
    """The process's life: obey commands until Shutdown or until the window is gone."""
    proc = TrainingProcess(conn, programs)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", RuntimeWarning)  # a naive sigmoid's: counted, not shown
        while not proc.closed:
            try:
                if proc.state == "running":
                    proc.train(caught)
                elif proc.state == "seeds":
                    proc.run_seeds()
                else:
                    proc.handle(conn.recv())
            except (EOFError, OSError, WireError):
                break  # the window is gone (or speaks no message of ours): nobody to train for
            except Exception as e:  # noqa: BLE001 - reported to the window, never lost
                _report_failure(proc, e)
    with contextlib.suppress(EOFError, OSError):
        conn.drain(DRAIN_SECONDS)  # the last Done reaches the window
    conn.close()


def _report_failure(proc: TrainingProcess, error: Exception) -> None:
    text = str(error) if isinstance(error, LearnerCodeError) else \
        f"Training failed: {type(error).__name__}: {error}"
    try:
        proc._send_printed()  # what their code printed before it failed
        proc.conn.send(m.Failed(text))
        if proc.state == "seeds":  # the copies end: the window waits for this
            proc.state, proc.seeds = "idle", None
            proc.conn.send(m.SeedsDone(None, [], cancelled=True))
        elif proc.state != "idle":
            proc._finish("")
    except (OSError, EOFError):
        proc.closed = True


