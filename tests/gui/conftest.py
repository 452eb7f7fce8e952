"""What the window tests share."""

from __future__ import annotations

import pytest

from playground.gui.main_window import MainWindow


@pytest.fixture
def make_window(qtbot):
    """``make_window(experiment=None)``: a MainWindow at 1280×800, shown, closed after the test."""
    made: list[MainWindow] = []

    def make(experiment=None) -> MainWindow:  # noqa: ANN001 - an Experiment or None
        w = MainWindow(experiment)
        qtbot.addWidget(w)
        w.resize(1280, 800)
        w.show()
        made.append(w)
        return w

    yield make
    for w in made:
        w.close()


@pytest.fixture(autouse=True)
def _garbage_collected_here():
    """Collect each test's garbage in the main thread: windows caught in reference cycles are
    freed here, not by a collection that happens to run in a later test's worker thread."""
    yield
    import gc

    gc.collect()
