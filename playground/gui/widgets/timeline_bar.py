"""The timeline under the plots: drag (or use the arrow keys) to any kept epoch of the run, play
it back, go on from the epoch shown, and go back to a branch or compare two.

It reads and changes the session's ``timeline`` part (``sessions/replay.py``) only; the plots and
the status bar redraw from the session's signals. The slider's value is an epoch; it snaps to
the nearest kept one (older epochs are thinned in long runs, and the label says so).
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QSlider,
    QToolButton,
    QWidget,
)

from playground.gui.sessions.base import TrainingSession
from playground.gui.widgets.common import tip

PLAY_HZ = 30  # frames a second while playing back
PLAY_SPEEDS = (10, 30, 100, 300, 1000)  # epochs a second
REFRESH_MS = 200  # the range follows a running run at most this often
PAGE = 10  # kept epochs a Page Up/Down moves


class EpochSlider(QSlider):
    """A slider over epochs whose arrow keys move to the previous or next kept epoch."""

    sig_key = Signal(int)  # how many kept epochs to move (±1, ±PAGE; ±10**9: the ends)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        moves = {Qt.Key.Key_Left: -1, Qt.Key.Key_Down: -1, Qt.Key.Key_Right: 1,
                 Qt.Key.Key_Up: 1, Qt.Key.Key_PageDown: -PAGE, Qt.Key.Key_PageUp: PAGE,
                 Qt.Key.Key_Home: -10**9, Qt.Key.Key_End: 10**9}
        move = moves.get(Qt.Key(event.key()))
        if move is None:
            super().keyPressEvent(event)
        else:
            self.sig_key.emit(move)


class TimelineBar(QWidget):
    sig_compare = Signal()  # the user asked to compare two runs

    def __init__(self, session: TrainingSession) -> None:
        super().__init__()
        self.session = session
        self.setObjectName("timeline")
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.play_button = tip(QPushButton(self.tr("Play")), self.tr(
            "Play the run back from the epoch shown (from its start when it is live)"),
            "timelinePlay")
        self.play_button.setCheckable(True)
        self.speed_combo = tip(QComboBox(), self.tr("Epochs a second while playing back"),
                               "timelineSpeed")
        for speed in PLAY_SPEEDS:
            self.speed_combo.addItem(self.tr("{0}/s").format(speed), speed)
        self.speed_combo.setCurrentIndex(1)
        self.slider = tip(EpochSlider(Qt.Orientation.Horizontal), self.tr(
            "The run's timeline: drag, or use the arrow keys, to show any past epoch's network "
            "(training pauses meanwhile)"), "timelineSlider")
        self.slider.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.label = QLabel()
        self.label.setObjectName("timelineLabel")
        # as wide as a replay's words: the slider keeps its length when a drag starts replaying
        self.label.setMinimumWidth(
            self.label.fontMetrics().horizontalAdvance(self._words(888_888, 888_888)) + 6)
        self.continue_button = tip(QPushButton(self.tr("Continue from here")), self.tr(
            "Train on from the epoch shown, with its weights and optimizer state; the run "
            "after it is kept as a branch (Ctrl+Z goes back to it)"), "timelineContinue")
        self.live_button = tip(QPushButton(self.tr("Now")), self.tr(
            "Back to the run as it is now"), "timelineLive")
        self.runs_button = tip(QToolButton(), self.tr(
            "The branches of this run: go back to one, or compare two"), "timelineRuns")
        self.runs_button.setText(self.tr("Runs"))
        self.runs_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.runs_button.setMenu(QMenu(self.runs_button))
        self.runs_button.menu().aboutToShow.connect(self._fill_runs)
        for w in (self.play_button, self.speed_combo):
            row.addWidget(w)
        row.addWidget(self.slider, 1)
        for w in (self.label, self.continue_button, self.live_button, self.runs_button):
            row.addWidget(w)
        self.slider.valueChanged.connect(self._slid)
        self.slider.sig_key.connect(self._key)
        self.play_button.toggled.connect(self._play)
        self.continue_button.clicked.connect(lambda: session.timeline.go_on())
        self.live_button.clicked.connect(session.timeline.live)
        self._player = QTimer(self, interval=1000 // PLAY_HZ)
        self._player.timeout.connect(self._tick)
        self._playhead = 0.0
        self._later = QTimer(self, singleShot=True, interval=REFRESH_MS)
        self._later.timeout.connect(self.refresh)
        session.sig_epochs.connect(self._maybe_refresh)
        for signal in (session.sig_replay, session.sig_network_changed,
                       session.sig_state_changed, session.sig_code_changed):
            signal.connect(self.refresh)
        self.refresh()

    # ----- what it shows ------------------------------------------------------------------------
    def _maybe_refresh(self) -> None:
        if not self._later.isActive():
            self._later.start()

    def refresh(self) -> None:
        t = self.session.timeline
        epochs = t.epochs()
        last = self.session.epoch
        kept = self._kept_live()
        self.slider.blockSignals(True)
        self.slider.setRange(int(epochs[0]) if len(epochs) else 0, last)
        self.slider.setValue(t.at if t.at is not None else kept or last)
        self.slider.blockSignals(False)
        self.slider.setEnabled(len(epochs) > 1)
        self.play_button.setEnabled(len(epochs) > 1)
        self.continue_button.setEnabled(t.replaying and self.session.code is None)
        self.live_button.setEnabled(t.replaying)
        thinning = t.states.thinning()
        words = self._words(t.at, last, kept)
        if thinning is not None:  # said where it shows: the older epochs are not all there
            words += self.tr(" · all from {0}").format(f"{thinning[3]:,}")
        self.label.setText(words)
        self.label.setToolTip(self._kept_words(epochs))

    def _kept_live(self) -> int | None:
        """The epoch early stopping went back to, while its weights are the ones shown."""
        s = self.session
        return s.kept_epoch if s.timeline.at is None and not s.weights_edited else None

    def _words(self, at: int | None, last: int, kept: int | None = None) -> str:
        if at is None and kept is not None:  # the status bar's words: the weights shown
            return self.tr("epoch {0} of {1} (kept)").format(f"{kept:,}", f"{last:,}")
        if at is None:
            return self.tr("epoch {0}").format(f"{last:,}")
        return self.tr("epoch {0} of {1} (replay)").format(f"{at:,}", f"{last:,}")

    def _kept_words(self, epochs: np.ndarray) -> str:
        if self.session.code is not None and not len(epochs):
            return self.tr("Training with your code keeps no timeline: its update is yours")
        thinning = self.session.timeline.states.thinning()
        if not len(epochs):
            return self.tr("No epoch is kept yet: train, and every epoch is kept here")
        if thinning is None:
            return self.tr("Every epoch from {0} on is kept").format(f"{int(epochs[0]):,}")
        fewest, most, after, before = thinning
        if fewest == most:
            return self.tr("Every epoch up to {0} and from {1} on is kept; between them, 1 "
                           "epoch in {2}").format(f"{after:,}", f"{before:,}", most)
        return self.tr("Every epoch up to {0} and from {1} on is kept; between them, 1 epoch in "
                       "{2} to 1 in {3}, fewer the older").format(f"{after:,}", f"{before:,}",
                                                                  fewest, f"{most:,}")

    # ----- moving -------------------------------------------------------------------------------
    def _slid(self, value: int) -> None:
        t = self.session.timeline
        if t.at == value:
            return
        t.show(value)

    def _key(self, move: int) -> None:
        t = self.session.timeline
        epochs = t.epochs()
        if not len(epochs):
            return
        here = t.at if t.at is not None else int(epochs[-1])
        i = int(np.searchsorted(epochs, here))
        t.show(int(epochs[int(np.clip(i + move, 0, len(epochs) - 1))]))

    def _play(self, on: bool) -> None:
        t = self.session.timeline
        if not on:
            self._player.stop()
            return
        epochs = t.epochs()
        if t.at is None or t.at >= epochs[-1]:
            t.show(int(epochs[0]))
        self._playhead = float(t.at if t.at is not None else epochs[0])
        self._player.start()

    def _tick(self) -> None:
        t = self.session.timeline
        epochs = t.epochs()
        if t.at is None or not len(epochs):  # gone live meanwhile
            self.play_button.setChecked(False)
            return
        self._playhead += self.speed_combo.currentData() / PLAY_HZ
        i = min(int(np.searchsorted(epochs, self._playhead, side="right")) - 1, len(epochs) - 1)
        t.show(int(epochs[max(i, 0)]))
        if self._playhead >= epochs[-1]:
            self.play_button.setChecked(False)

    # ----- runs ---------------------------------------------------------------------------------
    def _fill_runs(self) -> None:
        menu = self.runs_button.menu()
        menu.clear()
        t = self.session.timeline
        here = menu.addAction(self.tr("Run {0} (this one): {1}").format(
            t.number, self._summary(t.current())))
        here.setEnabled(False)
        for line in reversed(t.lines.branches):
            action = menu.addAction(self.tr("Run {0}: {1}").format(line.number,
                                                                   self._summary(line)))
            action.triggered.connect(lambda _=False, n=line.number: t.switch_to(n))
        menu.addSeparator()
        compare = menu.addAction(self.tr("Compare two runs…"))
        compare.setEnabled(bool(t.lines.branches))
        compare.triggered.connect(self.sig_compare)

    def _summary(self, line: object) -> str:
        """Where a line came from, the edit that started it, and how it ended."""
        parts = []
        if line.fork is not None:
            parts.append(self.tr("from Run {0} at epoch {1}").format(line.parent,
                                                                     f"{line.fork:,}"))
        started = line.started_by()
        if started:
            parts.append(started)
        parts.append(self.tr("{0} epochs").format(f"{line.last_epoch:,}"))
        loss = line.latest("train_loss")
        if loss is not None:
            parts.append(self.tr("loss {0:.3g}").format(loss))
        accuracy = line.latest("train_accuracy")
        if accuracy is not None and not self.session.regression:
            parts.append(self.tr("accuracy {0:.0%}").format(accuracy))
        return self.tr("; ").join(parts)
