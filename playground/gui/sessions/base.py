"""What every training tab shares: an architecture, live settings, a history and one process.

``TrainingSession`` owns the network, the settings and the run's state; a subclass says what
the inputs and the classes are (``input_dim``, ``n_classes``) and hands over the arrays to
train on (``training_job``). The playground's points (``Session``) and MNIST (``MnistSession``)
are the two. Widgets that only need these (the layer editor, the training bar, the loss plot)
work with either.

Its parts, each with one job and a reference back: ``edits`` (the edit path), ``runner`` (the
training process and its events), ``diagnosis`` (the monitor), ``steps`` (the step inspector's
view, one per tab), ``code_mode`` (training with the learner's functions) and ``files`` (save
and export). The session keeps the state they share.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import numpy as np
from PySide6.QtCore import QObject, Signal

from playground.experiment import Architecture
from playground.gui.edit_labels import describe_config_edit
from playground.gui.i18n import error_text
from playground.gui.process_link import TrainingRun
from playground.gui.sessions.code_mode import CodeMode
from playground.gui.sessions.diagnosis import Diagnosis
from playground.gui.sessions.edits import Edits
from playground.gui.sessions.files import ModelFiles
from playground.gui.sessions.landscape import Landscapes
from playground.gui.sessions.replay import Replay
from playground.gui.sessions.runner import Runner
from playground.gui.sessions.steps import StepView
from playground.learner.check import LearnerSource
from playground.nn import Network, TrainConfig
from playground.run.job import TrainJob
from playground.run.messages import Frame
from playground.timeline.curves import History
from playground.timeline.gradients import GradientLog


class TrainingSession(QObject):
    DEFAULT_SPEED: float | None = None  # full speed (MNIST); the playground's is slower
    FRAMES_PER_SECOND = 31.0  # frames from the process (30-31 drawn)
    TAB_NAME = ""  # the tab that shows this session, for messages
    sig_network_changed = Signal()  # a new network or fresh weights
    sig_frame = Signal()  # new weights to draw (a training frame or an edit)
    sig_epochs = Signal(tuple)  # the epoch-end snapshots a frame brought (never empty)
    sig_state_changed = Signal(str)  # "idle", "running" or "paused"
    sig_config_changed = Signal()  # learning rate, optimizer, batch size or regularization
    sig_error = Signal(str)  # something the user must read: shown in a dialog
    sig_status = Signal(str)  # a passing message for the status bar
    sig_code_changed = Signal()  # training with the learner's code began or ended
    sig_printed = Signal(str)  # what the learner's code printed while training
    sig_replay = Signal()  # an epoch of the past is shown, or no longer; the lines changed
    sig_surveyed = Signal(object)  # a loss landscape the process drew (``landscape``)

    def __init__(self, arch: Architecture, config: TrainConfig) -> None:
        super().__init__()
        self.arch, self.config = arch, config
        self.history = History()
        self.state = "idle"
        self.frame: Frame | None = None
        self._shown: tuple[Frame, Network] | None = None  # shown_network's copy, and its frame
        self.model_path: Path | None = None
        self._proc: TrainingRun | None = None
        self._epoch_offset = 0
        self._version = 0  # counts the weights shown, so derived views know when to recompute
        self.stop_reason: str | None = None  # why the last run stopped itself (a non-finite loss)
        self.early_stopped: str | None = None  # early stopping's sentence, when it ended the run
        self.kept_epoch: int | None = None  # then: the epoch whose weights it kept
        # the epoch after which the network or its settings last changed: what the monitor and
        # the lessons judge is what happened since (a finding belongs to the network it was
        # measured on)
        self.changed_at = 0
        self.weights_edited = False  # since the latest epoch's numbers: theirs are not these
        self.marks: list[tuple[int, str]] = []  # (epoch, what changed): edits on the loss plot
        # weights typed by hand (layer, key, index, old value), or every weight (a jump)
        self.weight_undo: list[tuple[int, str, tuple[int, ...], float] | list[dict]] = []
        self.speed: float | None = self.DEFAULT_SPEED  # epochs a second at most; None: full
        self.code: LearnerSource | None = None  # train with the learner's own functions
        self.code_timeout = 20.0  # the longest one step of their code may take, in seconds
        # an edit the run under way could not be sent (no data to train on): the run paused,
        # and takes the network as it is then when it goes on
        self._held_edit = False
        self.edits, self.runner = Edits(self), Runner(self)
        self.diagnosis, self.steps = Diagnosis(self), self._steps()
        self.code_mode, self.files = CodeMode(self), ModelFiles(self)
        self.timeline, self.landscape = Replay(self), Landscapes(self)
        self.gradients = GradientLog()  # |∂L/∂W| bands of the run's frames, by epoch

    # ----- what a subclass says -----------------------------------------------------------------
    @property
    def input_dim(self) -> int:
        raise NotImplementedError

    @property
    def n_classes(self) -> int:
        raise NotImplementedError

    def training_job(self, single_epoch: bool) -> TrainJob:
        """The job for a new run; ValueError with a message for the user when there is none."""
        raise NotImplementedError

    @property
    def regression(self) -> bool:
        """The targets are real values, not classes: RMSE instead of accuracy."""
        return False

    def unfit(self, arch: Architecture) -> str | None:
        """Why ``arch`` cannot take this tab's targets (a sentence for the user), or None."""
        return None

    def _steps(self) -> StepView:
        """What the step inspector can show in this tab."""
        return StepView(self)

    def sample_batch(self, n: int) -> tuple[np.ndarray, np.ndarray] | None:
        """Up to ``n`` training inputs and their targets, for the health monitor and the gradient
        check; None when there are none."""
        raise NotImplementedError

    # ----- the network --------------------------------------------------------------------------
    def _bind(self, net: Network) -> None:
        """``net`` becomes the network (a subclass also points its views at it); what early
        stopping kept was the network before it."""
        self.net = net
        self.early_stopped = self.kept_epoch = None

    def _adopt(self, net: Network) -> None:
        """``net`` becomes the network, with a fresh history."""
        self._bind(net)
        self._network_replaced()

    def _network_replaced(self) -> None:
        self.stop_reason, self.changed_at, self.weights_edited = None, 0, False
        self.early_stopped = self.kept_epoch = None
        self.timeline.clear()
        self.gradients.clear()
        self.history = History()  # a new one: a branch may still hold the old
        self.marks = []
        self.weight_undo.clear()
        self._epoch_offset = 0
        self.frame = None
        self._touch()
        self.sig_network_changed.emit()

    def _touch(self) -> None:
        self._version += 1
        self.sig_frame.emit()

    def _weights_changed(self) -> None:
        """The weights are no longer those the latest epoch measured (until the next)."""
        self.weights_edited = True

    def measure_now(self) -> dict[str, float | None] | None:
        """Loss and accuracy of the weights on display, when they can be had in a moment."""
        return None

    def _changed(self) -> None:
        """The network or its settings changed: from here on is what counts, and the last
        stop's cause belongs to what was before."""
        self.changed_at, self.stop_reason = self.history.last_epoch, None

    def reset(self) -> None:
        """Fresh weights from the seed; the architecture and data stay."""
        self.stop()
        self.net.reinitialize(self.arch.seed)
        self._network_replaced()
        self.sig_status.emit("")  # the last edit's message no longer holds

    # ----- live settings ------------------------------------------------------------------------
    def set_config(self, **values: object) -> None:
        """Change lr, optimizer, batch_size, l1 or l2; a run under way takes them at its next
        step. A value that cannot work is refused with a message and the old one kept."""
        trial = replace(self.config, **values)
        try:
            trial.validate()
        except ValueError as e:
            self.sig_error.emit(error_text(e))  # a schedule's in the window's language
            self.sig_config_changed.emit()
            return
        changed = {k: v for k, v in values.items() if getattr(self.config, k) != v}
        if changed:
            self.timeline.settle()  # changed while looking back: it goes on from there
        for key, value in values.items():
            setattr(self.config, key, value)
        if changed:
            self._changed()
            label = describe_config_edit(changed)
            if label is not None:
                self.edits.mark(label)  # the curve's turn has its reason on the plot
        if self.training:
            self._proc.set_config(dict(values))  # the process applies them at its next step
        self.sig_config_changed.emit()

    def set_speed(self, epochs_per_second: float | None) -> None:
        """At most this many epochs a second (None: as fast as it goes), applied at once."""
        self.speed = epochs_per_second
        if self.training:
            self._proc.set_speed(epochs_per_second, self.FRAMES_PER_SECOND)
        self.sig_config_changed.emit()

    # ----- training -----------------------------------------------------------------------------
    @property
    def training(self) -> bool:
        """A run is under way in the process (running or paused)."""
        return self._proc is not None and self._proc.running

    def start(self) -> None:
        self.runner.run(single_epoch=False)

    def pause(self) -> None:
        if self.training and self.state == "running":
            self._proc.pause()

    def step_epoch(self) -> None:
        """Train exactly one more epoch, then pause."""
        self.runner.run(single_epoch=True)

    def stop(self) -> None:
        """End the run; the weights on display become the network's. Nothing waits for the
        process, which stays, ready for the next run."""
        if self.training:
            self._proc.stop()  # the runner's end of the run comes before this returns

    def shutdown(self) -> None:
        """End the session's process (the window is closing)."""
        if self._proc is not None:
            self._proc.shutdown()
            self._proc = None

    def _finished_by_itself(self) -> None:
        """The run reached its last epoch (the playground's never does)."""

    # ----- what widgets draw --------------------------------------------------------------------
    @property
    def epoch(self) -> int:
        return self.history.last_epoch

    def display_params(self) -> tuple[dict, ...]:
        """The weights to draw: the latest frame's while training, else the network's own."""
        if self.frame is not None and self.training and not self.timeline.replaying:
            return self.frame.params
        return tuple(self.net.params)

    def displayed_network(self) -> Network:
        """An independent copy of the network with the weights on display, the caller's to
        change; the process may go on training meanwhile."""
        net = self.net.clone()
        net.set_params(list(self.display_params()))  # set_params copies
        return net

    def shown_network(self) -> Network:
        """The network with the weights on display, to read and never to change: the session's
        own while no newer frame came, else a copy made once per frame (the status bar, the
        tooltips and the metrics after an edit all read it, and none builds a network)."""
        if self.frame is None or not self.training or self.timeline.replaying:
            return self.net
        if self._shown is None or self._shown[0] is not self.frame:
            net = self.net.clone()
            net.set_params(list(self.frame.params))
            self._shown = (self.frame, net)
        return self._shown[1]

    # ----- files --------------------------------------------------------------------------------
    def file_metadata(self) -> dict:
        """What a model file stores besides the network, architecture, settings and metrics."""
        return {}
