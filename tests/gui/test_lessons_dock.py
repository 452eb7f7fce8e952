"""Help › Lessons in the window: a lesson opens its setup and notices the learner's progress."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QPushButton

from playground.teach.lessons import LESSONS


def test_the_first_lesson_notices_stuck_then_solved(make_window, qtbot):
    window = make_window()
    window.lessons.start(0)
    s, panel = window.session, window.lessons.panel
    assert window.lessons.isVisible() and s.arch.hidden == () and s.data_spec.name == "xor"
    s.set_speed(None)
    s.start()
    qtbot.waitUntil(lambda: panel.done == 1, timeout=30_000)
    assert "Stuck" in panel.notes.text()
    window.layer_editor.add_button.click()  # the live edit the lesson asks for
    qtbot.waitUntil(lambda: panel.done == 2, timeout=60_000)
    s.stop()
    assert "Solved" in panel.notes.text()
    panel.next_button.click()
    assert panel.index == 1 and s.data_spec.name == "identity" and panel.done == 0


def test_every_lesson_opens_on_its_tab(make_window):
    window = make_window()
    for i, lesson in enumerate(LESSONS):
        window.lessons.panel.open(i)
        session = window.mnist_session if lesson.tab == "mnist" else window.session
        assert window.current_session() is session and session.arch == lesson.setup.arch
    assert not window.lessons.panel.next_button.isEnabled()  # the last one


def test_the_first_launch_banner_offers_the_lessons_once(qtbot, tmp_path):
    from playground.gui.main_window import MainWindow

    settings = QSettings(str(tmp_path / "p.ini"), QSettings.Format.IniFormat)
    first = MainWindow(settings=settings)
    qtbot.addWidget(first)
    first.show()
    assert first.lessons_banner.isVisible()
    first.lessons_banner.findChild(QPushButton, "startLessons").click()
    assert first.lessons.isVisible() and not first.lessons_banner.isVisible()
    for s in (first.session, first.mnist_session):
        s.shutdown()
    first.close()
    again = MainWindow(settings=settings)
    qtbot.addWidget(again)
    assert not again.lessons_banner.isVisible()
    no_settings = MainWindow()
    qtbot.addWidget(no_settings)
    assert not no_settings.lessons_banner.isVisible()  # scripts and tests: nothing offered


def test_the_learning_rate_lesson_opens_the_loss_landscape_under_it_whole(make_window, qtbot):
    window = make_window()
    window.resize(1024, 700)
    window.lessons.start(0)
    assert window.landscape_dock.isHidden()
    window.lessons.start(3)
    assert window.landscape_dock.isVisible()
    # the lesson's text whole, and its notes; the landscape takes the rest
    panel = window.lessons.panel
    for label in (panel.text, panel.notes):
        qtbot.waitUntil(lambda label=label: label.height() >= label.heightForWidth(
            label.width()))
    assert window.landscape_dock.height() > window.lessons.height()
