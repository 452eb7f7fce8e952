"""A session's runs: its training process, started on first need, and what it says.

``Runner(session)`` makes the session's ``TrainingRun`` (``gui/process_link.py``) and keeps it
until shutdown, launches a run of the tab's ``training_job``, resumes a paused one (for one
epoch or for good), and turns the process's events into the session's state: a frame's weights
and epochs, a pause, the end of a run (its final weights become the network's). The session's
``start``, ``pause``, ``step_epoch`` and ``stop`` are what the window calls.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from playground.gui.i18n import say
from playground.gui.process_link import TrainingRun
from playground.nn import Snapshot
from playground.nn.early_stop import sentence
from playground.run.messages import Frame

if TYPE_CHECKING:
    from playground.gui.sessions.base import TrainingSession


class Runner:
    def __init__(self, session: TrainingSession) -> None:
        self.s = session

    def process(self) -> TrainingRun:
        """The session's training process, made on first need and kept until shutdown (the
        seed grid trains its copies in it too)."""
        s = self.s
        if s._proc is None:
            s._proc = TrainingRun(s)
            s._proc.sig_frame.connect(self._on_frame)
            s._proc.sig_paused.connect(self._on_paused)
            s._proc.sig_finished.connect(self._on_finished)
            s._proc.sig_error.connect(s.sig_error)
            s._proc.sig_printed.connect(s.sig_printed)
            s._proc.sig_surveyed.connect(s.sig_surveyed)
        return s._proc

    def run(self, single_epoch: bool) -> None:
        """Resume the paused run (for one epoch or for good), or launch a new one."""
        s = self.s
        if s._proc is not None and s._proc.seeding:
            s.sig_error.emit(QCoreApplication.translate(
                "TrainingSession", "The copies of Many seeds are training in this tab's "
                "process: stop them first (Stop in their window)."))
            return
        s.timeline.live()  # training goes on from the run as it is, not from an epoch shown
        if not s.training:
            self._launch(single_epoch)
            return
        if s._held_edit:
            s.edits.send(carry=False)
            if s._held_edit:  # still nothing to train on: said in the status bar
                return
        s._proc.step_epoch() if single_epoch else s._proc.resume()
        self.set_state("running")

    def toggle(self) -> None:
        """Start, or pause a run that is running (Space)."""
        self.s.pause() if self.s.state == "running" else self.s.start()

    def _launch(self, single_epoch: bool) -> None:
        s = self.s
        try:
            job = s.training_job(single_epoch)
        except ValueError as e:
            s.sig_error.emit(str(e))
            return
        s.stop_reason = s.early_stopped = s.kept_epoch = None
        job.speed, job.frame_hz = s.speed, s.FRAMES_PER_SECOND
        if s.code is not None:
            job.code, job.step_timeout = (s.code.source, s.code.filename), s.code_timeout
            job.program = s.code.program
        else:
            # going on from a branch's epoch
            job.resume = s.timeline.resume_for(s.net, job.config.optimizer)
        if self.process().begin(job):
            if s.code is None:  # their code's update is theirs: no states are kept of it
                s.timeline.started(s._proc.version, s.history.last_epoch, job.resume)
            self.set_state("running")

    def finish(self) -> None:
        """The run is over: its final weights (the process's, when it ended the run itself;
        else those on display) become the network's."""
        s = self.s
        s.timeline.live()  # the run's weights go to the run's network, not to an epoch shown
        final = s._proc.final_params if s._proc is not None else None
        if final is None and s.frame is not None:
            final = list(s.frame.params)
        if final is not None:
            s.net.set_params(final)
        if s.frame is not None:
            s._epoch_offset = s.history.last_epoch
        s._held_edit = False
        s._touch()
        self.set_state("idle")

    def set_state(self, state: str) -> None:
        """The session's state: "idle", "running" or "paused", said when it changes."""
        s = self.s
        if state != s.state:
            s.state = state
            s.sig_state_changed.emit(state)

    # The process's events, read in the GUI thread (TrainingRun)
    def _on_frame(self, frame: Frame) -> None:
        s = self.s
        if frame.version == s._proc.version:
            s.frame = frame
            if frame.epochs:  # measured on the network as it is
                s.weights_edited = False
        # else: sent before the process had the latest edit; its metrics still count
        s.history.extend(frame.epochs, s._epoch_offset)
        s.timeline.received(frame, s._epoch_offset)
        if frame.grad_bands is not None and frame.version == s._proc.version:
            s.gradients.add(s.history.last_epoch, frame.grad_bands)
        older = frame.older if frame.version == s._proc.version else len(frame.epochs)
        if older:  # the network before the edit trained these: what counts starts after them
            s.changed_at = max(s.changed_at, s.history.last_epoch - len(frame.epochs) + older)
        if frame.epochs and frame.epochs[-1].early_stop is not None:
            self._early_stopped(frame.epochs[-1])
        if frame.epochs:
            s.sig_epochs.emit(frame.epochs)
        s._touch()

    def _early_stopped(self, last: Snapshot) -> None:
        """Early stopping ended the run: a mark at the stop and its sentence under the loss plot
        (the epochs as the window counts them). The status bar's numbers say "Epoch 150 of 200
        (kept)" already; a message beside them had no room (cut after two words at 1024 px)."""
        s = self.s
        stop, best = s._epoch_offset + last.epoch, s._epoch_offset + last.best_epoch
        said = say(sentence(stop, best))
        s.marks.append((stop, QCoreApplication.translate("TrainingSession", "early stop")))
        s.early_stopped, s.kept_epoch = said, best
        s.sig_status.emit("")  # an older message is not this run's

    def _on_paused(self) -> None:
        if self.s.training:
            self.set_state("paused")

    def _on_finished(self, reason: str, finished: bool) -> None:
        s = self.s
        s.stop_reason = reason or None  # before the state changes: the window reads it
        self.finish()
        if reason:
            s.sig_error.emit(QCoreApplication.translate(
                "TrainingSession",
                "Training stopped in epoch {0}: {1}. The diagnostics say why, and what to try.")
                    .format(f"{s.epoch + 1:,}", reason))
        elif finished and s.early_stopped is None:  # early stopping said where it ended
            s._finished_by_itself()
