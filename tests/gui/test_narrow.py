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


def test_every_page_fits_beside_the_dock_and_only_the_shown_one_sets_the_width(window, qtbot):
    window.resize(1024, 700)
    window.diagnostics_dock.show()
    qtbot.waitUntil(lambda: window.narrow.compact and _fits(window))
    playground_needs = window.tabs.minimumSizeHint().width()
    for index in (1, 2, 3):  # MNIST, Digits, Your code: each folds its own way
        window.tabs.setCurrentIndex(index)
        qtbot.waitUntil(lambda: _fits(window))
        assert window.tabs.currentWidget().compact
    window.tabs.setCurrentIndex(0)
    qtbot.waitUntil(lambda: _fits(window))
    assert window.tabs.minimumSizeHint().width() == playground_needs
    window.diagnostics_dock.hide()  # room again: the page shown unfolds, the others when shown
    for index in (0, 1, 2, 3):
        window.tabs.setCurrentIndex(index)
        page = window.tabs.currentWidget()
        qtbot.waitUntil(lambda page=page: not getattr(page, "compact", window.narrow.compact))


def _right_edge_in_view(window: MainWindow, widget) -> bool:  # noqa: ANN001 - a QWidget
    viewport = window.narrow.page.viewport()
    corner = widget.mapTo(viewport, widget.rect().bottomRight())
    return corner.x() <= viewport.width() and corner.y() <= viewport.height()


def test_the_mnist_page_folds_to_keep_the_confusion_matrix_in_view(window, qtbot):
    mnist = window.mnist_panel
    window.tabs.setCurrentIndex(1)
    window.resize(1024, 700)
    assert not mnist.compact  # no dock: the three columns side by side
    window.diagnostics_dock.show()
    qtbot.waitUntil(lambda: mnist.compact and _fits(window))
    assert mnist.train_panel.compact
    for part in (mnist.matrix, mnist.gallery, mnist.loss_plot, mnist.use_button):
        qtbot.waitUntil(lambda part=part: _right_edge_in_view(window, part))
    assert not window.narrow.page.verticalScrollBar().isVisible()
    # the curves under the layer editor, not beside it
    assert mnist.loss_plot.mapTo(mnist, mnist.loss_plot.rect().topLeft()).y() > \
        mnist.layer_editor.mapTo(mnist, mnist.layer_editor.rect().bottomLeft()).y()
    window.diagnostics_dock.hide()
    qtbot.waitUntil(lambda: not mnist.compact)
    assert mnist.loss_plot.mapTo(mnist, mnist.loss_plot.rect().topLeft()).x() > \
        mnist.layer_editor.mapTo(mnist, mnist.layer_editor.rect().topRight()).x()


def test_the_digits_page_keeps_the_canvas_and_the_reading_in_view(window, qtbot):
    digits = window.digits_panel
    window.resize(1024, 700)
    window.lessons.start(5)  # lesson 6, on MNIST, ends: "then draw digits in the Digits tab"
    window.tabs.setCurrentIndex(2)
    qtbot.waitUntil(lambda: digits.compact and _fits(window))
    for part in (digits.canvas, digits.bars, digits.preview):
        qtbot.waitUntil(lambda part=part: _right_edge_in_view(window, part))
    assert digits.canvas.width() == 400  # the drawing keeps its size: only margins and bars give


def test_your_code_puts_its_message_under_its_buttons(window, qtbot):
    code = window.code_tab
    window.tabs.setCurrentIndex(3)
    window.resize(1024, 700)
    window.diagnostics_dock.show()
    qtbot.waitUntil(lambda: code.compact and _fits(window))
    below = code.status.mapTo(code, code.status.rect().topLeft()).y()
    assert below > code.check_button.mapTo(code, code.check_button.rect().bottomLeft()).y()
    assert code.status.height() < 3 * code.status.fontMetrics().height()  # not one word a line
    assert code.editor.width() >= 400  # the results' buttons in two rows leave it the room
    drop = code.training.drop_button
    assert drop.mapTo(code, drop.rect().topLeft()).y() > \
        code.training.pause_button.mapTo(code, code.training.pause_button.rect().bottomLeft()).y()
    window.diagnostics_dock.hide()
    qtbot.waitUntil(lambda: not code.compact)
    assert drop.mapTo(code, drop.rect().topLeft()).y() == \
        code.training.pause_button.mapTo(code, code.training.pause_button.rect().topLeft()).y()


def test_the_step_inspector_opens_as_narrow_as_the_diagnostics(window, qtbot):
    window.resize(1024, 700)
    window.inspect_point(0)
    qtbot.waitUntil(lambda: window.narrow.compact and _fits(window))
    plot = window.boundary_plot
    qtbot.waitUntil(lambda: _right_edge_in_view(window, plot))
    assert window.inspector_dock.width() <= 310


def _ratio(splitter) -> float:  # noqa: ANN001 - a QSplitter
    sizes = splitter.sizes()
    return sizes[0] / sum(sizes)


def test_unfolded_pages_get_back_the_split_the_user_chose(window, qtbot):
    code, mnist = window.code_tab, window.mnist_panel
    body = code._body
    window.resize(1024, 700)
    qtbot.wait(100)  # laid out at 1024 (the code page too, unseen)
    window.diagnostics_dock.show()
    qtbot.waitUntil(lambda: window.narrow.compact)
    qtbot.wait(100)  # and squeezed beside the dock before it is ever shown
    window.tabs.setCurrentIndex(3)
    qtbot.waitUntil(lambda: code.compact)
    window.diagnostics_dock.hide()
    qtbot.waitUntil(lambda: not code.compact)
    qtbot.waitUntil(lambda: abs(_ratio(body) - 640 / 1200) < 0.05)  # the default split
    body.setSizes([450, 560])  # the user drags the results wider
    body.splitterMoved.emit(450, 1)
    chosen = _ratio(body)
    window.diagnostics_dock.show()
    qtbot.waitUntil(lambda: code.compact)
    window.diagnostics_dock.hide()
    qtbot.waitUntil(lambda: not code.compact)
    qtbot.waitUntil(lambda: abs(_ratio(body) - chosen) < 0.05)
    window.tabs.setCurrentIndex(1)  # MNIST: its columns as they were before it folded
    qtbot.waitUntil(lambda: not mnist.compact and _fits(window))
    before = mnist._network_and_curves.sizes()
    window.diagnostics_dock.show()
    qtbot.waitUntil(lambda: mnist.compact)
    window.diagnostics_dock.hide()
    qtbot.waitUntil(lambda: not mnist.compact)
    qtbot.waitUntil(lambda: all(abs(a - b) <= 10 for a, b in
                                zip(mnist._network_and_curves.sizes(), before, strict=True)))
