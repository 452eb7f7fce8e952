"""The lessons dock: one lesson at a time, its text, what it noticed so far, Reset and Next.

The panel reads the session its lesson runs on (the Playground's or MNIST's) whenever that
session shows new epochs or changes, and asks ``playground.lessons.progress`` how far the
learner got; each goal reached adds its sentence ("100% reached: now ..."). Opening a lesson's
setup is the window's business: the panel asks for it with ``sig_open``.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from playground.gui.training import TrainingSession
from playground.gui.widgets.common import tip
from playground.lessons import CONTEXT, LESSONS, Lesson, LessonState, progress

DONE_STYLE = "color: #1b7f3b;"
TODO_STYLE = "color: #333;"


def _t(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def lesson_state(session: TrainingSession) -> LessonState:
    """What the lessons watch, read off ``session``."""
    h, arch = session.history, session.arch
    return LessonState(
        epoch=session.epoch, train_loss=h.latest("train_loss"), test_loss=h.latest("test_loss"),
        train_accuracy=h.latest("train_accuracy"), test_accuracy=h.latest("test_accuracy"),
        hidden=tuple(s.activation for s in arch.hidden),
        biases=arch.output_bias and all(s.bias for s in arch.hidden),
        lr=session.config.lr, l2=session.config.l2, stopped=session.stop_reason is not None)


class LessonPanel(QWidget):
    sig_open = Signal(object)  # playground.lessons.Lesson: set it up, on its tab

    def __init__(self, sessions: dict[str, TrainingSession]) -> None:
        super().__init__()
        self.setObjectName("lessonPanel")
        self.sessions = sessions  # "playground", "mnist"
        self.index = 0
        self.done = 0
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
        """Lesson ``index`` (the last one stays), set up afresh."""
        self.index, self.done = max(0, min(index, len(LESSONS) - 1)), 0
        self.sig_open.emit(self.lesson)
        self._show()

    def refresh(self) -> None:
        """Look at the lesson's session again; say what was reached."""
        session = self.sessions[self.lesson.tab]
        done = progress(self.lesson, self.done, lesson_state(session))
        if done != self.done:
            self.done = done
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
        self.notes.setText("".join(lines))
        self.next_button.setEnabled(self.index < len(LESSONS) - 1)


