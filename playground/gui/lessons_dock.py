"""Help › Lessons: the lessons dock, and on first launch a banner offering it (never a modal
dialog: scripts and tests build the window with no one to answer one)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDockWidget,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
)

from playground.gui.settings import Settings
from playground.gui.widgets.lesson_panel import LessonPanel
from playground.teach.lessons import Lesson

OFFERED_KEY = "lessons_offered"
LESSON_HEIGHT = 260  # a lesson's text, its goals and its buttons, about




class LessonsDock(QDockWidget):
    """The dock of ``window`` (a MainWindow) that holds the lesson panel and opens lessons."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(QCoreApplication.translate("LessonsDock", "Lessons"), window)
        self.window_ = window
        self.setObjectName("lessonsDock")
        self.panel = LessonPanel({"playground": window.session, "mnist": window.mnist_session})
        self.setWidget(self.panel)
        self.setMinimumWidth(290)
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self)
        self.hide()
        self.panel.sig_open.connect(self.set_up)

    def start(self, index: int | None = None) -> None:
        """Show the dock with lesson ``index`` (None: the one shown last) set up."""
        self.show()
        self.raise_()
        self.panel.open(self.panel.index if index is None else index)

    def set_up(self, lesson: Lesson) -> None:
        """The lesson's setup on its tab; a run on the other tab pauses (it would share the
        cores with the lesson's, and it is not what the lesson is about)."""
        for tab, session in self.panel.sessions.items():
            if tab != lesson.tab:
                session.pause()
        self.window_.show_experiment(lesson.setup)
        if "landscape" in lesson.shows:  # beside the lesson: the lesson's text whole, the
            landscape = self.window_.landscape_dock  # plots the rest
            landscape.show()
            need = max(LESSON_HEIGHT, self.sizeHint().height())
            room = self.height() + landscape.height()
            self.window_.resizeDocks([self, landscape], [need, max(room - need, need)],
                                     Qt.Orientation.Vertical)


def offer_banner(window: QMainWindow, settings: Settings, dock: LessonsDock) -> QFrame:
    """A strip above the tabs offering the lessons, once: the first time the app starts with
    settings (the window made by tests and screenshots has none, and offers nothing)."""
    banner = QFrame()
    banner.setObjectName("lessonsBanner")
    banner.setStyleSheet("#lessonsBanner { background: #e8f1fb; border-bottom: 1px solid "
                         "#b8cfe8; }")
    row = QHBoxLayout(banner)
    row.setContentsMargins(10, 4, 10, 4)
    label = QLabel(QCoreApplication.translate(
        "LessonsDock", "New here? Six short lessons show what to try and what to watch, from XOR "
        "to MNIST."))
    label.setWordWrap(True)
    start = QPushButton(QCoreApplication.translate("LessonsDock", "Start the lessons"))
    start.setObjectName("startLessons")
    later = QPushButton(QCoreApplication.translate("LessonsDock", "Not now"))
    later.setObjectName("dismissLessons")
    row.addWidget(label, 1)
    row.addWidget(start)
    row.addWidget(later)

    def close(show_lessons: bool) -> None:
        banner.hide()
        settings.set(OFFERED_KEY, True)
        if show_lessons:
            dock.start(0)

    start.clicked.connect(lambda: close(True))
    later.clicked.connect(lambda: close(False))
    banner.setVisible(settings.stored and not settings.flag(OFFERED_KEY))
    return banner
