"""A narrow window keeps the Playground's plots in view beside a dock (gui/narrow.py)."""

from __future__ import annotations

import pytest

from playground.gui.main_window import MainWindow


@pytest.fixture
def window(make_window) -> MainWindow:
    return make_window()


def _data_action(window: MainWindow):  # noqa: ANN202 - a QAction
    view = next(a.menu() for a in window.menuBar().actions() if a.text() == "&View")
    return next(a for a in view.actions() if a.text() == "Data &panel")


def _fits(window: MainWindow) -> bool:
    """The current page needs no sideways scrolling."""
    return window.tabs.minimumSizeHint().width() <= window.narrow.page.viewport().width()


def test_the_plots_stay_in_view_at_1024_with_the_diagnostics_open(window, qtbot):
    assert not window.narrow.compact  # 1280 px: everything beside everything
    window.resize(1024, 700)
    window.diagnostics_dock.show()
    qtbot.waitUntil(lambda: window.narrow.compact)
    assert window.data_panel.isHidden() and not _data_action(window).isChecked()
    assert window.train_panel.compact  # the settings under the buttons
    qtbot.waitUntil(lambda: _fits(window))  # once the layout has settled
    plot = window.boundary_plot
    right_edge = plot.mapTo(window.narrow.page.viewport(), plot.rect().topRight()).x()
    assert plot.width() >= 250 and right_edge <= window.narrow.page.viewport().width()
    assert "Data panel hidden" in window.statusBar().currentMessage()


def test_room_again_brings_the_data_panel_and_the_wide_bar_back(window, qtbot):
    window.resize(1024, 700)
    window.diagnostics_dock.show()
    qtbot.waitUntil(lambda: window.narrow.compact)
    window.diagnostics_dock.hide()
    qtbot.waitUntil(lambda: not window.narrow.compact)
    assert not window.data_panel.isHidden() and _data_action(window).isChecked()
    assert not window.train_panel.compact
    qtbot.waitUntil(lambda: _fits(window))


def test_view_data_panel_shows_it_in_a_narrow_window_and_hides_it_in_a_wide_one(window, qtbot):
    window.resize(1024, 700)
    window.diagnostics_dock.show()
    qtbot.waitUntil(lambda: window.narrow.compact)
    _data_action(window).trigger()  # the user wants it: it shows, and the page scrolls
    assert not window.data_panel.isHidden()
    assert window.statusBar().currentMessage() == ""  # "hidden" no longer holds
    window.diagnostics_dock.hide()
    qtbot.waitUntil(lambda: not window.narrow.compact)
    _data_action(window).trigger()  # hidden by the user in a wide window: it stays hidden
    assert window.data_panel.isHidden()
    window.diagnostics_dock.show()
    qtbot.waitUntil(lambda: window.narrow.compact)
    window.diagnostics_dock.hide()
    qtbot.waitUntil(lambda: not window.narrow.compact)
    assert window.data_panel.isHidden() and not _data_action(window).isChecked()


def test_only_the_current_page_sets_the_width_the_tabs_need(window, qtbot):
    window.resize(1024, 700)
    window.diagnostics_dock.show()
    qtbot.waitUntil(lambda: window.narrow.compact and _fits(window))
    playground_needs = window.tabs.minimumSizeHint().width()
    window.tabs.setCurrentIndex(1)  # MNIST: wider, and it still scrolls sideways
    qtbot.waitUntil(lambda: not _fits(window))
    assert window.tabs.minimumSizeHint().width() > playground_needs
    window.tabs.setCurrentIndex(0)
    qtbot.waitUntil(lambda: _fits(window))
    assert window.tabs.minimumSizeHint().width() == playground_needs
