"""The status bar's numbers: the Playground network's epoch, loss, accuracy (or RMSE) and speed.

``StatusLine(window)`` adds four fixed-width labels to the window's status bar and keeps them
true of the weights on display: after every frame (at most every ``STATUS_MS``, and never
dropped: the last change before a pause reaches the bar too), an edit, a Reset and a change of
state. They show on the Playground tab, and on Your code's while the Playground trains with the
code; the MNIST tab shows its own numbers, so the bar never names two networks.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QLabel

if TYPE_CHECKING:
    from playground.gui.main_window import MainWindow
    from playground.gui.sessions.base import TrainingSession
    from playground.run.messages import Frame

STATUS_MS = 200  # the status bar's numbers change at most this often
WIDTHS = {"epoch": 200, "loss": 190, "accuracy": 190, "lr": 110, "speed": 140}


def _pair(train: float | None, test: float | None, fmt: str) -> str:
    """"0.123 / 0.145": train, then test when there is one; "–" before any."""
    if train is None:
        return "–"
    return fmt.format(train) + ("" if test is None else " / " + fmt.format(test))


class StatusLine(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.w = window
        self.labels = {key: QLabel() for key in WIDTHS}
        for key, label in self.labels.items():
            label.setFixedWidth(WIDTHS[key])  # fixed: changing text must not relayout the window
            window.statusBar().addPermanentWidget(label)
        s = window.session
        s.sig_frame.connect(self._maybe_update)
        s.sig_state_changed.connect(self.update)
        s.sig_network_changed.connect(self.update)  # an edit, a Reset
        s.sig_code_changed.connect(self.update)
        s.sig_replay.connect(self.update)
        self._at = 0.0
        self._later = QTimer(self, singleShot=True, interval=STATUS_MS)
        self._later.timeout.connect(self.update)
        self.update()

    def _shown(self) -> bool:
        w = self.w
        page = w.tabs.currentWidget()
        return page is w.tabs.widget(0) or (
            page is w.code_tab and w.code_tab.training.session is w.session)

    def _maybe_update(self) -> None:
        if time.perf_counter() - self._at >= STATUS_MS / 1000:  # not 30 times a second
            self.update()
        elif not self._later.isActive():
            self._later.start()

    def update(self) -> None:
        self._at = time.perf_counter()
        shown = self._shown()
        for label in self.labels.values():
            label.setVisible(shown)
        if not shown:
            return
        s = self.w.session
        metrics = s.diagnosis.metrics_shown()  # of the weights on display, also after an edit
        loss, test_loss = metrics["train_loss"], metrics["test_loss"]
        labels = self.labels
        at = s.timeline.at
        labels["epoch"].setText(self._epoch(s, at))
        labels["loss"].setText(self.tr("Loss {0}").format(_pair(loss, test_loss, "{:.3g}")))
        if s.regression:  # √(2·loss): the RMSE of the one output
            rmse = [None if v is None else (2 * v) ** 0.5 for v in (loss, test_loss)]
            labels["accuracy"].setText(self.tr("RMSE {0}").format(_pair(*rmse, "{:.3g}")))
        else:
            labels["accuracy"].setText(self.tr("Accuracy {0}").format(
                _pair(metrics["train_accuracy"], metrics["test_accuracy"], "{:.1%}")))
        frame = s.frame if s.state != "idle" else None
        labels["lr"].setText(self._rate(s, frame, at))
        rate = frame.samples_per_second if frame is not None else 0.0
        labels["speed"].setText(self.tr("{0} samples/s").format(f"{rate:,.0f}") if rate else "")

    def _epoch(self, s: TrainingSession, at: int | None) -> str:
        if at is not None:
            return self.tr("Epoch {0} of {1} (replay)").format(f"{at:,}", f"{s.epoch:,}")
        if s.kept_epoch is not None and not s.weights_edited:  # early stopping went back
            return self.tr("Epoch {0} of {1} (kept)").format(f"{s.kept_epoch:,}",
                                                             f"{s.epoch:,}")
        return self.tr("Epoch {0}").format(f"{s.epoch:,}")

    def _rate(self, s: TrainingSession, frame: Frame | None, at: int | None) -> str:
        """The learning rate the steps are taken at now (the schedule's), or that an epoch
        shown from the timeline was trained at; nothing before a step."""
        at = at if at is not None or s.weights_edited else s.kept_epoch
        if at is not None:
            lr = (s.history.at(at) or {}).get("lr")
        elif frame is not None:
            lr = frame.snapshot.lr
        else:
            lr = s.history.latest("lr")
        return "" if lr is None else self.tr("LR {0}").format(f"{lr:.3g}")
