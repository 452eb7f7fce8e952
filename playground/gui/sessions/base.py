"""What every training view shares: an architecture, live settings, a history and one worker.

``TrainingSession`` owns the network and the worker's life; a subclass says what the inputs and
the classes are (``input_dim``, ``n_classes``) and hands over the arrays to train on
(``training_job``). The playground's points (``Session``) and MNIST (``MnistSession``) are the
two. Widgets that only need these (the layer editor, the training bar, the loss plot) work with
either.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np
from PySide6.QtCore import QObject, Signal

from playground.experiment import Architecture, config_to_json
from playground.gui.edit_labels import describe_config_edit, describe_edit
from playground.gui.i18n import say
from playground.gui.process_link import TrainingRun
from playground.gui.sessions.history import History
from playground.learner.check import LearnerSource, TemplateError, architecture_for, read_template
from playground.modelfile.save_load import save_model
from playground.nn import GradCheckResult, Network, TrainConfig, check_gradients
from playground.nn.edit import Carried, carry_params
from playground.nn.explain import StepExplained, explain_step
from playground.nn.health import Finding, LayerHealth, diagnose, is_diverging, measure
from playground.nn.train import step_size
from playground.run.job import TrainJob
from playground.run.messages import Frame

HEALTH_SAMPLES = 256
CHECK_SAMPLES = 8
CHECK_PER_LAYER = 200  # weights per layer the gradient check nudges


@dataclass(frozen=True, eq=False)  # its step holds arrays: compared by what it shows
class Inspection:
    """What the step inspector shows, for the diagram to follow: the stage ("forward", "loss",
    "backward" or "update"), its layer (1-based; 0 for the loss) and the step."""

    stage: str
    layer: int
    step: StepExplained


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
        # the epoch after which the network or its settings last changed: what the monitor and
        # the lessons judge is what happened since (a finding belongs to the network it was
        # measured on)
        self.changed_at = 0
        self.weights_edited = False  # since the latest epoch's numbers: theirs are not these
        self.marks: list[tuple[int, str]] = []  # (epoch, what changed): edits on the loss plot
        self.weight_undo: list[tuple[int, str, tuple[int, ...], float]] = []  # typed by hand
        self.inspection: Inspection | None = None  # what the step inspector shows
        self.speed: float | None = self.DEFAULT_SPEED  # epochs a second at most; None: full
        self.code: LearnerSource | None = None  # train with the learner's own functions
        self.code_timeout = 20.0  # the longest one step of their code may take, in seconds
        # an edit the run under way could not be sent (no data to train on): the run paused,
        # and takes the network as it is then when it goes on
        self._held_edit = False

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

    def sample_batch(self, n: int) -> tuple[np.ndarray, np.ndarray] | None:
        """Up to ``n`` training inputs and their targets, for the health monitor and the gradient
        check; None when there are none."""
        raise NotImplementedError

    # ----- the network --------------------------------------------------------------------------
    def _bind(self, net: Network) -> None:
        """``net`` becomes the network (a subclass also points its views at it)."""
        self.net = net

    def _adopt(self, net: Network) -> None:
        """``net`` becomes the network, with a fresh history."""
        self._bind(net)
        self._network_replaced()

    def _network_replaced(self) -> None:
        self.stop_reason, self.changed_at, self.weights_edited = None, 0, False
        self.history.clear()
        self.marks.clear()
        self.weight_undo.clear()
        self._epoch_offset = 0
        self.frame = None
        self._touch()
        self.sig_network_changed.emit()

    def _touch(self) -> None:
        self._version += 1
        self.sig_frame.emit()

    def set_architecture(self, arch: Architecture) -> None:
        """Change the network; a running training keeps running, a paused one stays paused,
        and every weight that still fits is kept (``carry_weights``), the optimizer's state
        with it. The epoch counter and the curves go on, and the loss plot marks the edit."""
        unfit = self.unfit(arch)
        if unfit is not None:
            self.sig_status.emit(unfit)
            self.sig_network_changed.emit()  # the editor shows the network as it is
            return
        try:
            new = arch.build(self.input_dim, self.n_classes)
        except ValueError as e:
            self.sig_error.emit(self.tr("That network cannot be built: {0}").format(e))
            return
        if arch == self.arch and new.sizes == self.net.sizes:
            return
        if self.code is not None:
            self.sig_status.emit(self.tr(
                "Your code's LAYERS, ACTIVATION and OUTPUT decide the network; "
                "change them in the Your code tab"))
            self.sig_network_changed.emit()  # the editor shows the network as it is
            return
        old = self.arch
        # a new init or seed asks for new weights (the bug lab's uniform-init switch excepted:
        # a switch keeps the weights, to show its effect on the network as it is)
        fresh = (old.init, old.seed) != (arch.init, arch.seed) and \
            old.has_bug("uniform-init") == arch.has_bug("uniform-init")
        self.arch = arch
        self._edit(new, describe_edit(old, arch), keep=not fresh)

    def set_weight(self, layer: int, key: str, index: tuple[int, ...], value: float,
                   undoable: bool = True) -> None:
        """One weight (``key`` "W") or bias ("b") of ``layer`` (0-based) set by hand; a run
        under way pauses and goes on from it, optimizer state kept. Ctrl+Z undoes it."""
        if self.state == "running":
            self.pause()
        net = self.displayed_network()
        array = net.params[layer][key]
        old = float(array[index])
        array[index] = value
        self._bind(net)
        self.frame = None
        self._changed()
        self._weights_changed()
        self._send_edit(carry=False, keep_optimizer=True)
        if undoable:
            self.weight_undo.append((layer, key, index, old))
        self.sig_status.emit(self.tr(
            "{0} of layer {1} set to {2:.4g} (Ctrl+Z undoes)")
                .format('Weight' if key == 'W' else 'Bias', layer + 1, value))
        self._touch()

    def undo_weight(self) -> bool:
        """Put back the last weight set by hand; False when there is none."""
        if not self.weight_undo:
            return False
        layer, key, index, old = self.weight_undo.pop()
        self.set_weight(layer, key, index, old, undoable=False)
        return True

    def _mark(self, label: str) -> None:
        """Remember an edit at the current epoch; edits of one epoch share one mark."""
        epoch = self.history.last_epoch
        if not epoch:
            return
        if self.marks and self.marks[-1][0] == epoch:
            self.marks[-1] = (epoch, f"{self.marks[-1][1]}; {label}")
        else:
            self.marks.append((epoch, label))

    def refit(self, label: str | None) -> None:
        """The data changed (``label`` says how; None: no mark on the plot): the network takes
        the new inputs and classes, keeping what fits, and a running training goes on with the
        new data."""
        try:
            new = self.arch.build(self.input_dim, self.n_classes)
        except ValueError as e:
            self.sig_error.emit(self.tr("That network cannot be built: {0}").format(e))
            return
        self._edit(new, label)

    def _edit(self, new: Network, label: str | None, keep: bool = True) -> None:
        """``new`` becomes the network, live, with what fits of the weights on display (or its
        own fresh weights when not ``keep``)."""
        carried = (carry_params(self.display_params(), new) if keep else
                   Carried(None, tuple(range(len(new.layers)))))
        self._bind(new)
        self.frame = None  # its weights are the old network's: the new one shows until the next
        self.weight_undo.clear()  # typed into the old network: its indices may name other weights
        self._changed()
        self._weights_changed()
        if label is not None:
            self._mark(label)
            fresh = ", ".join(str(i + 1) for i in carried.reinitialised)
            if not fresh:
                said = self.tr("Changed: {0}; every weight kept").format(label)
            elif len(carried.reinitialised) > 1:
                said = self.tr("Changed: {0}; layers {1} started afresh").format(label, fresh)
            else:
                said = self.tr("Changed: {0}; layer {1} started afresh").format(label, fresh)
            self.sig_status.emit(said)
        self._send_edit(carry=keep)  # after the change's line: a pause says why, last
        self._touch()
        self.sig_network_changed.emit()

    def _weights_changed(self) -> None:
        """The weights are no longer those the latest epoch measured (until the next)."""
        self.weights_edited = True

    def metrics_shown(self) -> dict[str, float | None]:
        """Loss and accuracy of the weights on display: the latest epoch's, or after an edit
        those measured now where that is quick (``measure_now``); all None where not."""
        if not self.weights_edited:
            return self.history.latest_metrics()
        return self.measure_now() or dict.fromkeys(
            ("train_loss", "test_loss", "train_accuracy", "test_accuracy"))

    def measure_now(self) -> dict[str, float | None] | None:
        """Loss and accuracy of the weights on display, when they can be had in a moment."""
        return None

    def _changed(self) -> None:
        """The network or its settings changed: from here on is what counts, and the last
        stop's cause belongs to what was before."""
        self.changed_at, self.stop_reason = self.history.last_epoch, None

    def _send_edit(self, carry: bool, keep_optimizer: bool = False) -> None:
        """The edited network (and its data) to the run under way, which goes on with it. When
        there is nothing to train on (no points, say) the run pauses with a sentence instead,
        and takes the network as it is when it goes on."""
        if not self.training:
            return
        try:
            job = self.training_job(False)
        except ValueError as e:
            self._held_edit = True
            self._proc.outdate()
            self.pause()
            self.sig_status.emit(self.tr("Training paused: {0}").format(e))
            return
        if self._held_edit:  # the process's network is from before an edit: send all of it
            carry, keep_optimizer, self._held_edit = False, False, False
        self._proc.update(job, carry=carry, keep_optimizer=keep_optimizer)

    def reset(self) -> None:
        """Fresh weights from the seed; the architecture and data stay."""
        self.stop()
        self.net.reinitialize(self.arch.seed)
        self._network_replaced()
        self.sig_status.emit("")  # the last edit's message no longer holds

    # ----- the learner's own code ---------------------------------------------------------------
    def use_code(self, source: str, filename: str, timeout: float = 20.0) -> bool:
        """Train with the learner's file from the next run: the network becomes the one its
        constants describe, with fresh weights. False, with sig_error, when it is not in the
        template or does not fit this tab's data."""
        try:
            code = read_template(source, filename)
            arch = architecture_for(code.constants, self.arch.init, self.arch.seed)
            net = arch.build(self.input_dim, self.n_classes)
        except (TemplateError, ValueError) as e:
            self.sig_error.emit(self.tr("Your code cannot train here: {0}").format(
                say(e.says) if isinstance(e, TemplateError) else e))
            return False
        if net.sizes != code.layers:
            self.sig_error.emit(self.tr(
                "Your code cannot train here: LAYERS = {0}, but this tab's data needs {1} ({2} "
                "inputs, {3} output{4} for {5} classes with a {6} output)")
                    .format(code.layers, net.sizes, self.input_dim, net.n_outputs,
                            's' if net.n_outputs > 1 else '', max(2, self.n_classes),
                            arch.output_activation))
            return False
        self.stop()
        self.code, self.code_timeout = code, timeout
        self.arch = arch
        self._adopt(net)
        self.sig_code_changed.emit()
        self.sig_status.emit(self.tr(
            "Training with your code ({0}): press Train").format(Path(filename).name))
        return True

    def drop_code(self) -> None:
        """Train with the playground's own code again, from the weights their code trained: a
        run under way goes on with ours (their process ends with theirs), a paused or stopped
        one waits for Train."""
        if self.code is None:
            return
        running = self.state == "running"
        self.stop()
        self.code = None
        self.sig_code_changed.emit()
        if running:
            self.start()
        self.sig_status.emit(self.tr("Training with the playground's own code again"))

    # ----- live settings ------------------------------------------------------------------------
    def set_config(self, **values: object) -> None:
        """Change lr, optimizer, batch_size, l1 or l2; a running worker reads them at its next
        step. A value that cannot work is refused with a message and the old one kept."""
        trial = replace(self.config, **values)
        try:
            trial.validate()
        except ValueError as e:
            self.sig_error.emit(str(e))
            self.sig_config_changed.emit()
            return
        changed = {k: v for k, v in values.items() if getattr(self.config, k) != v}
        for key, value in values.items():
            setattr(self.config, key, value)
        if changed:
            self._changed()
            label = describe_config_edit(changed)
            if label is not None:
                self._mark(label)  # the curve's turn has its reason on the plot
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

    def training_process(self) -> TrainingRun:
        """The session's training process (for the seed grid, which trains copies in it)."""
        return self._process()

    def adopt_trained(self, arch: Architecture, params: list[dict]) -> None:
        """``arch`` with trained weights ``params`` becomes the network (a copy picked in the
        seed grid); the curves start afresh: they were another network's."""
        self.stop()
        net = arch.build(self.input_dim, self.n_classes)
        net.set_params(params)
        self.arch = arch
        self._adopt(net)

    def _process(self) -> TrainingRun:
        """The session's training process, made on first need and kept until shutdown."""
        if self._proc is None:
            self._proc = TrainingRun(self)
            self._proc.sig_frame.connect(self._on_frame)
            self._proc.sig_paused.connect(self._on_paused)
            self._proc.sig_finished.connect(self._on_finished)
            self._proc.sig_error.connect(self.sig_error)
            self._proc.sig_printed.connect(self.sig_printed)
        return self._proc

    def _launch(self, single_epoch: bool) -> None:
        try:
            job = self.training_job(single_epoch)
        except ValueError as e:
            self.sig_error.emit(str(e))
            return
        self.stop_reason = None
        job.speed, job.frame_hz = self.speed, self.FRAMES_PER_SECOND
        if self.code is not None:
            job.code, job.step_timeout = (self.code.source, self.code.filename), self.code_timeout
        if self._process().begin(job):
            self._set_state("running")

    def start(self) -> None:
        self._run(single_epoch=False)

    def pause(self) -> None:
        if self.training and self.state == "running":
            self._proc.pause()

    def toggle(self) -> None:
        self.pause() if self.state == "running" else self.start()

    def step_epoch(self) -> None:
        """Train exactly one more epoch, then pause."""
        self._run(single_epoch=True)

    def _run(self, single_epoch: bool) -> None:
        """Resume the paused run (for one epoch or for good), or launch a new one."""
        if self._proc is not None and self._proc.seeding:
            self.sig_error.emit(self.tr("The copies of Many seeds are training in this tab's "
                                        "process: stop them first (Stop in their window)."))
            return
        if not self.training:
            self._launch(single_epoch)
            return
        if self._held_edit:
            self._send_edit(carry=False)
            if self._held_edit:  # still nothing to train on: said in the status bar
                return
        self._proc.step_epoch() if single_epoch else self._proc.resume()
        self._set_state("running")

    def stop(self) -> None:
        """End the run; the weights on display become the network's. Nothing waits for the
        process, which stays, ready for the next run."""
        if self.training:
            self._proc.stop()  # _on_finished runs before this returns

    def shutdown(self) -> None:
        """End the session's process (the window is closing)."""
        if self._proc is not None:
            self._proc.shutdown()
            self._proc = None

    def _finish_run(self) -> None:
        """The run is over: its final weights (the process's, when it ended the run itself;
        else those on display) become the network's."""
        final = self._proc.final_params if self._proc is not None else None
        if final is None and self.frame is not None:
            final = list(self.frame.params)
        if final is not None:
            self.net.set_params(final)
        if self.frame is not None:
            self._epoch_offset = self.history.last_epoch
        self._held_edit = False
        self._touch()
        self._set_state("idle")

    def _set_state(self, state: str) -> None:
        if state != self.state:
            self.state = state
            self.sig_state_changed.emit(state)

    # The process's events, read in the GUI thread (TrainingRun)
    def _on_frame(self, frame: Frame) -> None:
        if frame.version == self._proc.version:
            self.frame = frame
            if frame.epochs:  # measured on the network as it is
                self.weights_edited = False
        # else: sent before the process had the latest edit; its metrics still count
        self.history.extend(frame.epochs, self._epoch_offset)
        if frame.epochs:
            self.sig_epochs.emit(frame.epochs)
        self._touch()

    def _on_paused(self) -> None:
        if self.training:
            self._set_state("paused")

    def _on_finished(self, reason: str, finished: bool) -> None:
        self.stop_reason = reason or None  # before the state changes: the window reads it
        self._finish_run()
        if reason:
            self.sig_error.emit(self.tr(
                "Training stopped in epoch {0}: {1}. The diagnostics say why, and what to try.")
                    .format(f"{self.epoch + 1:,}", reason))
        elif finished:
            self._finished_by_itself()

    def _finished_by_itself(self) -> None:
        """The run reached its last epoch (the playground's never does)."""

    # ----- what widgets draw --------------------------------------------------------------------
    @property
    def epoch(self) -> int:
        return self.history.last_epoch

    def display_params(self) -> tuple[dict, ...]:
        """The weights to draw: the latest frame's while training, else the network's own."""
        if self.frame is not None and self.training:
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
        if self.frame is None or not self.training:
            return self.net
        if self._shown is None or self._shown[0] is not self.frame:
            net = self.net.clone()
            net.set_params(list(self.frame.params))
            self._shown = (self.frame, net)
        return self._shown[1]

    # ----- files --------------------------------------------------------------------------------
    def _file_metadata(self) -> dict:
        """What a model file stores besides the network, architecture, settings and metrics."""
        return {}

    def save_model(self, path: str | Path) -> bool:
        """Save the weights on display (training goes on); False, with a message, on failure."""
        net = self.displayed_network()
        try:
            save_model(net, path, arch=self.arch.to_json(), training=config_to_json(self.config),
                       metrics=self.history.latest_metrics(), **self._file_metadata())
        except (OSError, ValueError) as e:
            self.sig_error.emit(self.tr("Could not save {0}: {1}").format(Path(path).name, e))
            return False
        self.model_path = Path(path)
        self.sig_status.emit(self.tr("Saved {0}").format(Path(path).name))
        return True

    def export(self, fmt: str, path: str | Path) -> bool:
        """The weights on display, with what they were trained on and how, written out as
        ``fmt`` (``playground.export``); False, with a message, when that fails."""
        from playground.export import export_model

        net = self.displayed_network()
        net.metadata = {"training": config_to_json(self.config),
                        "metrics": self.history.latest_metrics(), **self._file_metadata()}
        try:
            export_model(net, fmt, path)
        except (OSError, ValueError) as e:
            self.sig_error.emit(self.tr("Could not export {0}: {1}").format(Path(path).name, e))
            return False
        self.sig_status.emit(self.tr("Exported {0}").format(Path(path).name))
        return True

    # ----- the step inspector's view of a session (each tab says what its points are) ----------
    def inspect_count(self) -> int:
        """How many samples the step inspector can choose from."""
        return 0

    def inspect_label(self, index: int) -> str:
        return ""

    def input_labels(self) -> list[str] | None:
        return None

    def explain(self, index: int) -> StepExplained | None:
        return None

    def printout(self, n: int = 4) -> list[str] | None:
        return None

    def set_inspected(self, index: int | None) -> None:
        """The sample the inspector looks at (None: it is closed)."""

    def set_inspection(self, inspection: Inspection | None) -> None:
        """The stage the step inspector shows (None: it is closed); the diagram follows it."""
        def key(i: Inspection | None) -> tuple | None:
            return None if i is None else (i.stage, i.layer, id(i.step))

        if key(inspection) != key(self.inspection):
            self.inspection = inspection
            self._touch()

    def _explain_sample(self, x: np.ndarray, y: np.ndarray) -> StepExplained:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", RuntimeWarning)  # a naive sigmoid's: it is named
            return explain_step(self.displayed_network(), x, y, self.config)

    # ----- diagnostics --------------------------------------------------------------------------
    def health(self) -> tuple[LayerHealth, ...] | None:
        """The monitor's per-layer numbers for the weights on display."""
        batch = self.sample_batch(HEALTH_SAMPLES)
        if batch is None:
            return None
        # a frame sent across an edit has no norms: none shown, rather than the old network's
        grads = (self.frame.snapshot.grad_norms or None) if self.frame is not None else None
        return measure(self.net, self.display_params(), batch[0], grads)

    def diverging(self) -> bool:
        """Whether the run on display is blowing up (exploded weights, a loss far above its
        start) while its loss is still finite, so that nothing stopped it."""
        health = self.health()
        return health is not None and is_diverging(health, self.losses_since_change())

    def losses_since_change(self) -> np.ndarray:
        """The epoch losses since the network or its settings last changed."""
        return self.history.after("train_loss", self.changed_at)

    def findings(self, health: tuple[LayerHealth, ...],
                 grad_check: GradCheckResult | None = None) -> list[Finding]:
        has_bias = not self.arch.has_bug("no-bias")
        overflows = self.frame.overflows if self.frame is not None else 0
        lr = step_size(self.config, self.net.bugs, int(self.config.batch_size))
        return diagnose(health, self.losses_since_change(), self.net.bugs, has_bias,
                        self.arch.init, self.stop_reason, overflows, grad_check, lr=lr)

    def gradient_check(self) -> GradCheckResult | None:
        """Finite differences on the weights on display and a few training samples (a sample
        of each wide layer's weights, so that it takes a moment)."""
        batch = self.sample_batch(CHECK_SAMPLES)
        if batch is None:
            return None
        net = self.displayed_network()
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", RuntimeWarning)  # a naive sigmoid's overflow
            return check_gradients(net, *batch, max_per_layer=CHECK_PER_LAYER)
