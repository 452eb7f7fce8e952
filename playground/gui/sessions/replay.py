"""A session's timeline: every epoch of the run kept, shown again, gone on from, and branched.

``Replay(session)`` is ``session.timeline``. The training process sends every epoch's state
(``EpochStates``: the weights and the optimizer's state); ``received`` keeps them in the line's
``Timeline`` by the network each was trained by (``sent`` notes every network the window sends,
by its number). ``show(epoch)`` pauses a run and makes that epoch's network the session's, so
every view (the plane, the diagram, the monitor, the step inspector) shows it; ``live`` goes back.
``go_on`` continues from the epoch shown: the line under way is kept as a branch, a new one
shares its past, and the next run starts from that epoch's weights *and* optimizer state
(``resume``). Any edit made while looking back goes on from there first (``settle``).
``switch_to`` goes back to a branch, ``undo`` to the line left last. The texts keep the
session's translation context.
"""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtCore import QCoreApplication

from playground.modelfile.history import SavedHistory
from playground.nn import Network
from playground.nn.checkpoint import pack
from playground.nn.optim import make_optimizer
from playground.run.messages import EpochStates, Frame
from playground.timeline.lines import Line, Lines
from playground.timeline.states import EpochState, Layout, Timeline

if TYPE_CHECKING:
    from playground.gui.sessions.base import TrainingSession

KEEP_LAYOUTS = 64  # networks sent that frames may still come from


class Replay:
    def __init__(self, session: TrainingSession) -> None:
        self.s = session
        self.states = Timeline()
        self.lines = Lines()
        self.number, self.fork, self.parent = 1, None, None  # the line under way
        self.layouts: dict[int, Layout] = {}  # by the number the process knows a network by
        self.floor = 0  # networks before this number took other inputs: not kept
        self.at: int | None = None  # the epoch shown, None: the run as it is
        self._live: tuple | None = None  # (arch, net) of the run while an epoch is shown
        self._shown: tuple[Layout, Network] | None = None  # the network an epoch is shown by
        self.resume: EpochState | None = None  # the state the next run goes on from
        self.left: list[int] = []  # the lines left by going on or switching (Ctrl+Z)

    # ----- recording ----------------------------------------------------------------------------
    def sent(self, version: int) -> None:
        """The session's network (as it is now) went to the process as number ``version``."""
        s = self.s
        layout = Layout.of(s.arch, s.net)
        last = self.layouts.get(max(self.layouts)) if self.layouts else None
        if last is not None and _inputs(last) != _inputs(layout):
            self.states.clear()  # another kind of input: those networks cannot be shown here
            self.floor = version
        self.layouts[version] = layout
        for old in [v for v in self.layouts if v < version - KEEP_LAYOUTS]:
            del self.layouts[old]

    def resume_for(self, net: Network, optimizer: str) -> EpochState | None:
        """The state a new run of ``net`` by ``optimizer`` goes on from: the epoch's it
        branched from, while ``net`` has that epoch's shape and the optimizer is the same (an
        edit of the layers or another optimizer since starts it afresh, as a new run does)."""
        r = self.resume
        if r is None or r.optimizer != optimizer or (r.layout.input_dim, r.layout.layers) != \
                (net.input_dim, tuple(net.layers)):
            return None
        return r

    def started(self, version: int, epoch: int, resume: EpochState | None) -> None:
        """A run began at ``epoch`` with the network numbered ``version`` (going on from
        ``resume``'s optimizer state): its first state, the weights as they are now."""
        self.sent(version)
        net, config = self.s.net, self.s.config
        optimizer = make_optimizer(config.optimizer, config.lr, config.momentum) \
            if resume is None else resume.optimizer_state(config.lr, config.momentum)
        self.states.add_network(epoch, self.layouts[version], pack(net, optimizer))
        self.resume = None

    def received(self, frame: Frame, offset: int) -> None:
        for chunk in frame.states:
            self._keep(chunk, offset)

    def _keep(self, chunk: EpochStates, offset: int) -> None:
        layout = self.layouts.get(chunk.version)
        if layout is None or chunk.version < self.floor:
            return
        with contextlib.suppress(ValueError):  # a row of another shape: not kept, never shown
            self.states.add(layout, chunk.optimizer, chunk.epochs + offset, chunk.rows,
                            chunk.steps)

    def clear(self) -> None:
        """A new run (Reset, New, an opened model): no past, no branches."""
        self.at, self._live, self.resume = None, None, None
        self.states.clear()
        self.lines.clear()
        self.number, self.fork, self.parent, self.left = 1, None, None, []

    # ----- looking back -------------------------------------------------------------------------
    def show(self, epoch: int) -> bool:
        """Show the network of the kept epoch nearest ``epoch``; a running run pauses."""
        s = self.s
        nearest = self.states.nearest(epoch)
        state = None if nearest is None else self.states.state(nearest)
        if state is None:
            return False
        live = self._live[1] if self._live is not None else s.net
        if _inputs(state.layout) != _inputs(Layout.of(s.arch, live)):
            s.sig_status.emit(QCoreApplication.translate(
                "Timeline", "Epoch {0}'s network took other inputs or gave other outputs than "
                "today's data have: it cannot be shown on them").format(f"{nearest:,}"))
            return False
        if self.at is None:
            if s.state == "running":
                s.pause()
            self._live = (s.arch, s.net)
        self.at = nearest
        self._put(state.layout.arch, self._network(state))
        s.sig_replay.emit()
        return True

    def _network(self, state: EpochState) -> Network:
        """The state's network: the one shown, when it is of the same layout (no copy)."""
        shown = self._shown
        if shown is not None and shown[0] is state.layout and shown[1] is self.s.net:
            shown[1].set_params(state.params())
            return shown[1]
        net = state.network()
        self._shown = (state.layout, net)
        return net

    def _put(self, arch: object, net: Network) -> None:
        s = self.s
        changed = arch != s.arch or net.sizes != s.net.sizes
        s.arch = arch
        if net is not s.net:
            s._bind(net)
        s._touch()
        if changed:
            s.sig_network_changed.emit()

    def live(self) -> None:
        """Back to the run as it is."""
        if self.at is None:
            return
        arch, net = self._live
        self.at, self._live, self._shown = None, None, None
        self._put(arch, net)
        self.s.sig_replay.emit()

    @property
    def replaying(self) -> bool:
        return self.at is not None

    # ----- going on from the past ---------------------------------------------------------------
    def settle(self) -> None:
        """An edit while an epoch is shown goes on from that epoch: make it the present."""
        if self.at is not None:
            self.go_on(start=False)

    def go_on(self, start: bool = True) -> None:
        """Continue from the epoch shown: the line under way is kept as a branch (drawn grey),
        and the network, its optimizer's state and the curves go back to that epoch."""
        s, epoch = self.s, self.at
        if epoch is None:
            return
        state = self.states.state(epoch)
        self.live()
        if epoch >= s.history.last_epoch or state is None:  # nothing after it to keep
            if start:
                s.start()
            return
        s.stop()
        left = self._leave()
        self.states, s.history = left.states.prefix(epoch), left.history.upto(epoch)
        s.marks = [m for m in left.marks if m[0] <= epoch]
        self.number, self.fork, self.parent = self.lines.next_number(), epoch, left.number
        self._arrive(state.layout.arch, state.network(), state)
        s.sig_status.emit(QCoreApplication.translate(
            "Timeline", "Going on from epoch {0}; the run after it is kept as Run {1} (Ctrl+Z "
            "goes back to it)").format(f"{epoch:,}", left.number))
        if start:
            s.start()

    def switch_to(self, number: int, remember: bool = True) -> bool:
        """Go back to the branch numbered ``number``: the line under way becomes a branch."""
        s = self.s
        if self.lines.numbered(number) is None:
            return False
        self.live()
        s.stop()
        line = self.lines.take(number)
        left = self._leave(remember)
        self.states, s.history, s.marks = line.states, line.history, line.marks
        self.number, self.fork, self.parent = line.number, line.fork, line.parent
        last = line.states.state(line.states.last_epoch) if len(line.states) else None
        resume = last if last is not None and last.epoch == line.last_epoch else None
        self._arrive(line.arch, line.net.clone(), resume)
        s.sig_status.emit(QCoreApplication.translate(
            "Timeline", "Back to Run {0}, at epoch {1}; Run {2} is kept").format(
            line.number, f"{line.last_epoch:,}", left.number))
        return True

    def undo(self) -> bool:
        """Back to the line left last (Ctrl+Z after going on or switching); False: none."""
        while self.left:
            if self.switch_to(self.left.pop(), remember=False):
                return True
        return False

    def _leave(self, remember: bool = True) -> Line:
        """The line under way, kept as a branch."""
        s = self.s
        line = Line(self.number, s.history, self.states, list(s.marks), s.arch, s.net.clone(),
                    self.fork, self.parent)
        dropped = self.lines.keep(line)
        if dropped is not None and dropped.number in self.left:
            self.left.remove(dropped.number)
        if remember:
            self.left.append(line.number)
        return line

    def _arrive(self, arch: object, net: Network, resume: EpochState | None) -> None:
        """``net`` (at the line's last epoch) becomes the session's, ready to go on."""
        s = self.s
        s.arch = arch
        s._bind(net)
        s.frame, s.stop_reason, s.weights_edited = None, None, False
        s.weight_undo.clear()
        s._epoch_offset = s.changed_at = s.history.last_epoch
        self.resume = resume
        s._touch()
        s.sig_network_changed.emit()
        s.sig_replay.emit()

    # ----- the model file ------------------------------------------------------------------------
    def saved(self, keep_states: bool) -> SavedHistory:
        """The run up to the epoch on display, for a model file: its curves and edit marks, and
        with ``keep_states`` every kept epoch's state."""
        s, at = self.s, self.at
        if at is None:
            return SavedHistory(s.history, list(s.marks), self.states if keep_states else None)
        return SavedHistory(s.history.upto(at), [m for m in s.marks if m[0] <= at],
                            self.states.prefix(at) if keep_states else None)

    def restore(self, saved: SavedHistory) -> None:
        """An opened file's run (after the network was opened): its curves, marks and
        timeline, at its last epoch; the next run goes on from there, optimizer and all, when
        the last state kept is the network's own."""
        s = self.s
        s.history, s.marks = saved.curves, list(saved.marks)
        if saved.states is not None:
            self.states = saved.states
        last_epoch = self.states.last_epoch
        last = self.states.state(last_epoch) if last_epoch is not None else None
        mine = Layout.of(s.arch, s.net)
        fits = last is not None and last.epoch == s.history.last_epoch and \
            (last.layout.input_dim, last.layout.layers) == (mine.input_dim, mine.layers) and \
            _same_weights(last.params(), s.net.params)
        self.resume = last if fits else None
        s._epoch_offset = s.changed_at = s.history.last_epoch
        s._touch()
        s.sig_network_changed.emit()
        s.sig_replay.emit()

    # ----- what the timeline bar says -----------------------------------------------------------
    def current(self) -> Line:
        """The line under way, as a ``Line`` (not kept: for comparing and listing), with the
        run's network as it is (``compare_dialog.last_network`` takes its last kept epoch's)."""
        s = self.s
        arch, net = self._live if self._live is not None else (s.arch, s.shown_network())
        return Line(self.number, s.history, self.states, s.marks, arch, net, self.fork,
                    self.parent)

    def epochs(self) -> np.ndarray:
        return self.states.epochs()


def _same_weights(a: list[dict], b: list[dict]) -> bool:
    return all(np.array_equal(x[k], y[k]) for x, y in zip(a, b, strict=True) for k in y)


def _inputs(layout: Layout) -> tuple:
    """What a network takes and gives: another value cannot be shown on today's data."""
    return layout.input_dim, layout.layers[-1].units, layout.loss
