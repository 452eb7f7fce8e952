"""The lessons dock: one lesson at a time, its text, what it noticed so far, Reset and Next.

The panel reads the session its lesson runs on (the Playground's or MNIST's) whenever that
session shows new epochs or changes, and asks ``playground.teach.lessons.progress`` how far the
learner got; each goal reached adds its sentence ("100% reached: now ..."), and a hint says
what to do when a step has not had its effect. It counts only what the lesson's own runs did:
nothing before a run begins after the lesson opened, and a network's numbers only from epochs
trained since it last changed. Opening a lesson's setup is the window's business: the panel asks
for it with ``sig_open``.
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np
from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from playground.gui.sessions.base import TrainingSession
from playground.gui.widgets.common import tip
from playground.teach.lessons import CONTEXT, LESSONS, Lesson, LessonState, hint, progress

DONE_STYLE = "color: #1b7f3b;"
TODO_STYLE = "color: #333;"
HINT_STYLE = "color: #8a5a00;"


def _t(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def lesson_state(session: TrainingSession, opened_at: int = 0, ran: bool = True) -> LessonState:
    """What the lessons watch, read off ``session``: the epochs after ``opened_at`` (the
    session's epoch when the lesson opened; its history may have started afresh since), once
    ``ran`` (a run began after the lesson opened)."""
    h, arch = session.history, session.arch
    start = opened_at if session.epoch >= opened_at else 0
    epoch = session.epoch - start if ran else 0
    since_change = min(epoch, session.epoch - session.changed_at)
    fresh = since_change > 0  # metrics of the network and settings as they are now

    def latest(name: str) -> float | None:
        return h.latest(name) if fresh else None

    tests = h.after("test_loss", start) if ran else np.empty(0)
    tests = tests[np.isfinite(tests)]
    return LessonState(
        epoch=epoch, since_change=since_change, train_loss=latest("train_loss"),
        test_loss=latest("test_loss"), train_accuracy=latest("train_accuracy"),
        test_accuracy=latest("test_accuracy"), hidden=tuple(s.activation for s in arch.hidden),
        biases=arch.output_bias and all(s.bias for s in arch.hidden),
        lr=session.config.lr, l2=session.config.l2, stopped=session.stop_reason is not None,
        test_loss_peak=float(tests.max()) if len(tests) else None,
        dropout=max((s.dropout for s in arch.hidden), default=0.0),
        early_stopped=ran and session.kept_epoch is not None and not session.weights_edited,
        kept_test_loss=None if session.kept_epoch is None else
        (h.at(session.kept_epoch) or {}).get("test_loss"))


class LessonPanel(QWidget):
    sig_open = Signal(object)  # playground.teach.lessons.Lesson: set it up, on its tab

    def __init__(self, sessions: dict[str, TrainingSession]) -> None:
        super().__init__()
        self.setObjectName("lessonPanel")
        self.sessions = sessions  # "playground", "mnist"
        self.index = 0
        self.done = 0
        self.opened_at: int | None = 0  # the lesson's session's epoch when the lesson opened
        self.ran = False  # a run began on it since
        self.peak: float | None = None  # the highest test loss of its runs, Resets included
        self.hint = ""
        self.chooser = tip(QComboBox(), self.tr("Choose a lesson"), "lessonChooser")
        for lesson in LESSONS:
            self.chooser.addItem(_t(lesson.title))
        self.title = QLabel()
        self.title.setObjectName("lessonTitle")
        self.title.setStyleSheet("font-weight: bold; font-size: 11pt;")
        self.title.setWordWrap(True)
        self.text = QLabel()
        self.text.setObjectName("lessonText")
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.notes = QLabel()
        self.notes.setObjectName("lessonProgress")
        self.notes.setWordWrap(True)
        self.reset_button = tip(QPushButton(self.tr("Reset lesson")), self.tr(
            "Open this lesson's setup again, from the start."), "resetLesson")
        self.next_button = tip(QPushButton(self.tr("Next")), self.tr("The next lesson."),
                               "nextLesson")
        self._layout()
        self.chooser.activated.connect(self.open)
        self.reset_button.clicked.connect(lambda: self.open(self.index))
        self.next_button.clicked.connect(lambda: self.open(self.index + 1))
        for session in sessions.values():
            for signal in (session.sig_epochs, session.sig_network_changed,
                           session.sig_config_changed, session.sig_state_changed):
                signal.connect(self.refresh)
            session.sig_state_changed.connect(self._state_changed)
        self._show()

    def _layout(self) -> None:
        buttons = QHBoxLayout()
        buttons.addWidget(self.reset_button)
        buttons.addWidget(self.next_button)
        buttons.addStretch(1)
        col = QVBoxLayout(self)
        col.setContentsMargins(8, 8, 8, 8)
        col.addWidget(self.chooser)
        col.addWidget(self.title)
        col.addWidget(self.text)
        col.addWidget(self.notes)
        col.addLayout(buttons)
        col.addStretch(1)

    @property
    def lesson(self) -> Lesson:
        return LESSONS[self.index]

    def open(self, index: int) -> None:
        """Lesson ``index`` (the last one stays), set up afresh; nothing counts until one of
        its own runs begins."""
        self.index, self.done, self.hint = max(0, min(index, len(LESSONS) - 1)), 0, ""
        self.peak = None
        self.opened_at = None  # while the setup replaces the last run, nothing of it counts
        self.sig_open.emit(self.lesson)
        session = self.sessions[self.lesson.tab]
        self.opened_at, self.ran = session.epoch, session.state == "running"
        self._show()

    def _state_changed(self, state: str) -> None:
        if state == "running" and self.sender() is self.sessions[self.lesson.tab]:
            self.ran = True

    def refresh(self) -> None:
        """Look at the lesson's session again; say what was reached, or what to try."""
        if self.opened_at is None:
            return
        session = self.sessions[self.lesson.tab]
        state = lesson_state(session, self.opened_at, self.ran)
        if state.test_loss_peak is not None:  # a Reset starts a new history: the peak stays
            self.peak = max(self.peak or 0.0, state.test_loss_peak)
        state = replace(state, test_loss_peak=self.peak)
        done = progress(self.lesson, self.done, state)
        said = hint(self.lesson, done, state) or ""
        if (done, said) != (self.done, self.hint):
            self.done, self.hint = done, said
            self._show()

    def _show(self) -> None:
        lesson = self.lesson
        self.chooser.setCurrentIndex(self.index)
        self.title.setText(_t(lesson.title))
        self.text.setText(_t(lesson.text))
        lines = []
        for i, goal in enumerate(lesson.goals):
            if i < self.done:
                style = DONE_STYLE if i == self.done - 1 else TODO_STYLE
                lines.append(f'<p style="{style}">✓ {_t(goal.says)}</p>')
        if self.hint:
            lines.append(f'<p style="{HINT_STYLE}">→ {_t(self.hint)}</p>')
        self.notes.setText("".join(lines))
        self.next_button.setEnabled(self.index < len(LESSONS) - 1)


