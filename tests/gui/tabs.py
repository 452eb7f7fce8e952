"""Getting the window to a tab as a test needs it."""

from __future__ import annotations


def show_mnist(window, qtbot):  # noqa: ANN001, ANN201 - a MainWindow and pytest-qt's qtbot
    """The MNIST tab shown and its data in (read in the background since the tab opened)."""
    window.tabs.setCurrentWidget(window.mnist_panel)
    qtbot.waitUntil(lambda: window.mnist_session.data is not None, timeout=20_000)
    return window.mnist_session


def train_playground(window, qtbot, epochs: int, stop: bool = True):  # noqa: ANN001, ANN201
    """The Playground's network trained at full speed to at least ``epochs`` epochs, then
    stopped (or left running); its session."""
    s = window.session
    s.set_speed(None)
    s.start()
    qtbot.waitUntil(lambda: s.epoch >= epochs, timeout=20_000)
    if stop:
        s.stop()
    return s
