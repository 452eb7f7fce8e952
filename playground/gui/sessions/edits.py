"""Edits to a session's network while it trains: one path for every edit.

``Edits(session)``: ``set_architecture`` (the layer editor), ``set_weight`` and ``undo_weight``
(a weight typed by hand) and ``refit`` (the data changed) all end in ``apply``: the new network
is built once, what fits of the weights on display is carried into it (``carry_params``, no copy
of the old network), the loss plot is marked, the status bar says what was kept, and ``send``
hands it to the run under way, with the data only if they changed (the process link knows the
arrays it sent). See "The edit path" in ``playground/README.md``. The texts keep the session's
translation context.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from playground.experiment import Architecture
from playground.gui.edit_labels import describe_edit
from playground.nn import Network
from playground.nn.edit import Carried, carry_params

if TYPE_CHECKING:
    from playground.gui.sessions.base import TrainingSession



class Edits:
    def __init__(self, session: TrainingSession) -> None:
        self.s = session

    def set_architecture(self, arch: Architecture) -> None:
        """Change the network; a running training keeps running, a paused one stays paused,
        and every weight that still fits is kept (``carry_params``), the optimizer's state
        with it. The epoch counter and the curves go on, and the loss plot marks the edit."""
        s = self.s
        s.timeline.settle()  # an edit while looking back goes on from the epoch shown
        unfit = s.unfit(arch)
        if unfit is not None:
            s.sig_status.emit(unfit)
            s.sig_network_changed.emit()  # the editor shows the network as it is
            return
        try:
            new = arch.build(s.input_dim, s.n_classes)
        except ValueError as e:
            s.sig_error.emit(QCoreApplication.translate(
                "TrainingSession", "That network cannot be built: {0}").format(e))
            return
        if arch == s.arch and new.sizes == s.net.sizes:
            return
        if s.code is not None:
            s.sig_status.emit(QCoreApplication.translate(
                "TrainingSession",
                "Your code's LAYERS, ACTIVATION and OUTPUT decide the network; "
                "change them in the Your code tab"))
            s.sig_network_changed.emit()  # the editor shows the network as it is
            return
        old = s.arch
        # a new init or seed asks for new weights (the bug lab's uniform-init switch excepted:
        # a switch keeps the weights, to show its effect on the network as it is)
        fresh = (old.init, old.seed) != (arch.init, arch.seed) and \
            old.has_bug("uniform-init") == arch.has_bug("uniform-init")
        s.arch = arch
        self.apply(new, describe_edit(old, arch), keep=not fresh)

    def set_weight(self, layer: int, key: str, index: tuple[int, ...], value: float,
                   undoable: bool = True) -> None:
        """One weight (``key`` "W") or bias ("b") of ``layer`` (0-based) set by hand; a run
        under way pauses and goes on from it, optimizer state kept. Ctrl+Z undoes it."""
        s = self.s
        s.timeline.settle()
        if s.state == "running":
            s.pause()
        net = s.displayed_network()
        array = net.params[layer][key]
        old = float(array[index])
        array[index] = value
        self._take(net, (layer, key, index, old) if undoable else None)
        s.sig_status.emit(QCoreApplication.translate(
            "TrainingSession", "{0} of layer {1} set to {2:.4g} (Ctrl+Z undoes)")
                .format('Weight' if key == 'W' else 'Bias', layer + 1, value))
        s._touch()

    def set_params(self, params: list[dict], label: str, undoable: bool = True) -> None:
        """Every weight at once (a jump on the loss landscape): a run under way goes on from
        them (a running one without a pause: the point is to watch where it goes from there),
        the optimizer's state kept; Ctrl+Z undoes."""
        s = self.s
        s.timeline.settle()
        net = s.displayed_network()
        old = net.copy_params()
        net.set_params(params)
        self._take(net, old if undoable else None)
        if undoable:
            self.mark(label)
        s.sig_status.emit(QCoreApplication.translate(
            "TrainingSession", "Every weight set: {0} (Ctrl+Z undoes)").format(label))
        s._touch()

    def _take(self, net: Network, undo: object | None) -> None:
        """``net``, weights set by hand, becomes the network and goes to the run under way (the
        optimizer's state kept); ``undo`` is what Ctrl+Z puts back (None: nothing)."""
        s = self.s
        s._bind(net)
        s.frame = None
        s._changed()
        s._weights_changed()
        self.send(carry=False, keep_optimizer=True)
        if undo is not None:
            s.weight_undo.append(undo)

    def undo_weight(self) -> bool:
        """Put back the last weight set by hand (or every weight, after a jump); False when
        there is none."""
        if not self.s.weight_undo:
            return False
        last = self.s.weight_undo.pop()
        if isinstance(last, list):
            self.set_params(last, QCoreApplication.translate("TrainingSession", "undone"),
                            undoable=False)
            return True
        layer, key, index, old = last
        self.set_weight(layer, key, index, old, undoable=False)
        return True

    def mark(self, label: str) -> None:
        """Remember an edit at the current epoch; edits of one epoch share one mark."""
        marks, epoch = self.s.marks, self.s.history.last_epoch
        if not epoch:
            return
        if marks and marks[-1][0] == epoch:
            marks[-1] = (epoch, f"{marks[-1][1]}; {label}")
        else:
            marks.append((epoch, label))

    def refit(self, label: str | None) -> None:
        """The data changed (``label`` says how; None: no mark on the plot): the network takes
        the new inputs and classes, keeping what fits, and a running training goes on with the
        new data."""
        s = self.s
        s.timeline.settle()
        try:
            new = s.arch.build(s.input_dim, s.n_classes)
        except ValueError as e:
            s.sig_error.emit(QCoreApplication.translate(
                "TrainingSession", "That network cannot be built: {0}").format(e))
            return
        self.apply(new, label)

    def apply(self, new: Network, label: str | None, keep: bool = True) -> None:
        """``new`` becomes the network, live, with what fits of the weights on display (or its
        own fresh weights when not ``keep``)."""
        s = self.s
        carried = (carry_params(s.display_params(), new) if keep else
                   Carried(None, tuple(range(len(new.layers)))))
        s._bind(new)
        s.frame = None  # its weights are the old network's: the new one shows until the next
        s.weight_undo.clear()  # typed into the old network: its indices may name other weights
        s._changed()
        s._weights_changed()
        if label is not None:
            self.mark(label)
            s.sig_status.emit(_kept(label, carried))
        self.send(carry=keep)  # after the change's line: a pause says why, last
        s._touch()
        s.sig_network_changed.emit()

    def send(self, carry: bool, keep_optimizer: bool = False) -> None:
        """The edited network (and its data) to the run under way, which goes on with it. When
        there is nothing to train on (no points, say) the run pauses with a sentence instead,
        and takes the network as it is when it goes on."""
        s = self.s
        if not s.training:
            return
        try:
            job = s.training_job(False)
        except ValueError as e:
            s._held_edit = True
            s._proc.outdate()
            s.pause()
            s.sig_status.emit(QCoreApplication.translate(
                "TrainingSession", "Training paused: {0}").format(e))
            return
        if s._held_edit:  # the process's network is from before an edit: send all of it
            carry, keep_optimizer, s._held_edit = False, False, False
        s._proc.update(job, carry=carry, keep_optimizer=keep_optimizer)
        s.timeline.sent(s._proc.version)


def _kept(label: str, carried: Carried) -> str:
    """The status bar's line for an edit: what changed, and which layers started afresh."""
    fresh = ", ".join(str(i + 1) for i in carried.reinitialised)
    if not fresh:
        return QCoreApplication.translate(
            "TrainingSession", "Changed: {0}; every weight kept").format(label)
    if len(carried.reinitialised) > 1:
        return QCoreApplication.translate(
            "TrainingSession", "Changed: {0}; layers {1} started afresh").format(label, fresh)
    return QCoreApplication.translate(
        "TrainingSession", "Changed: {0}; layer {1} started afresh").format(label, fresh)
