"""No tick label or edit label overlaps another on any plot, from 1024×700 up: the rectangles
pyqtgraph draws the axes' labels in, and the edit labels' own, measured on each plot."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QImage, QPainter

from playground.nn import Snapshot

SIZES = [(1024, 700), (1280, 800)]


def _snaps(losses, accuracies, tests=None) -> list[Snapshot]:  # noqa: ANN001
    tests = losses if tests is None else tests
    return [Snapshot(i + 1, i + 1, loss, 0.1, (), True, loss, acc, t, acc)
            for i, (loss, acc, t) in enumerate(zip(losses, accuracies, tests, strict=True))]


def label_rects(plot: pg.PlotItem) -> list[tuple[str, QRectF]]:
    """Every text the plot draws, with its rectangle in the scene."""
    out = []
    image = QImage(16, 16, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    for name in ("left", "bottom"):
        axis = plot.getAxis(name)
        if axis.isVisible():
            for rect, _, text in axis.generateDrawSpecs(painter)[2]:
                out.append((text, axis.mapRectToScene(rect)))
    painter.end()
    for item in plot.items:
        if isinstance(item, pg.TextItem) and item.isVisible():
            out.append((item.toPlainText(), item.mapRectToScene(item.boundingRect())))
    return out


def overlaps(plot: pg.PlotItem) -> list[tuple[str, str]]:
    rects = label_rects(plot)
    return [(a, b) for i, (a, ra) in enumerate(rects) for b, rb in rects[i + 1:]
            if ra.adjusted(0.5, 0.5, -0.5, -0.5).intersects(rb)]


def _show(window, qtbot, size) -> None:  # noqa: ANN001
    window.resize(*size)
    qtbot.wait(50)
    for plot in _plots(window):
        plot.getViewBox().sigResized.emit(plot.getViewBox())


def _plots(window) -> list[pg.PlotItem]:  # noqa: ANN001
    lp = window.loss_plot
    return [lp.loss_plot, lp.acc_plot]


def _fill(session, losses, accuracies, tests=None, marks=0) -> None:  # noqa: ANN001
    session.history.extend(_snaps(losses, accuracies, tests), 0)
    n = len(losses)
    session.marks[:] = [(int(e), label) for e, label in zip(
        np.linspace(n * 0.05, n * 0.6, marks).astype(int),
        [f"bias {'on' if i % 2 else 'off'}, layer {1 + i % 2}" for i in range(marks)],
        strict=True)]
    session.sig_network_changed.emit()


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("dock", [False, True])
def test_twenty_edits_stay_readable(make_window, qtbot, size, dock):
    window = make_window()
    if dock:
        window.diagnostics_dock.show()
    losses = np.geomspace(0.8, 0.01, 1450)
    _fill(window.session, losses, np.linspace(0.5, 1.0, 1450), marks=20)
    _show(window, qtbot, size)
    lp = window.loss_plot
    lp._draw()
    for plot in _plots(window):
        assert overlaps(plot) == []
    labels = [item for item in lp.loss_plot.items if isinstance(item, pg.TextItem)]
    assert labels and "[20] bias" in labels[0].toPlainText()  # the newest edit, in words
    lines = [item for item in lp.loss_plot.items if isinstance(item, pg.InfiniteLine)
             and item is not lp.replay_line]  # the timeline's epoch is no edit
    assert len(lines) == 20 and all(line.toolTip().startswith("Epoch ") for line in lines)


@pytest.mark.parametrize("size", SIZES)
def test_a_regression_that_starts_high(make_window, qtbot, size):
    """Its loss axis printed "100" and "50" on top of each other."""
    from playground.data.prepare import DataSpec

    window = make_window()
    window.session.set_data_spec(DataSpec("reg-plane", points=1200))
    _fill(window.session, np.geomspace(120.0, 0.02, 300), np.zeros(300))
    _show(window, qtbot, size)
    window.loss_plot._draw()
    for plot in _plots(window):
        assert overlaps(plot) == []


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("dock", [False, True])
def test_a_long_run_on_the_your_code_tab(make_window, qtbot, size, dock):
    """Its epoch axis read "2000400060008000"."""
    from playground.learner.check import TEMPLATE

    window = make_window()
    if dock:
        window.diagnostics_dock.show()
    tab = window.code_tab
    window.tabs.setCurrentWidget(tab)
    tab.editor.setPlainText(TEMPLATE)
    assert window.session.code_mode.use(TEMPLATE, "mine.py")
    tab.training._follow(window.session)
    _fill(window.session, np.geomspace(0.3, 0.001, 9000), np.linspace(0.5, 1.0, 9000))
    _show(window, qtbot, size)
    tab.training.plot._draw()
    for plot in (tab.training.plot.loss_plot, tab.training.plot.acc_plot):
        assert overlaps(plot) == []


@pytest.mark.parametrize("size", SIZES)
def test_the_mnist_tab(make_window, qtbot, size):
    window = make_window()
    window.tabs.setCurrentWidget(window.mnist_panel)
    _fill(window.mnist_session, np.geomspace(0.4, 0.05, 12), np.linspace(0.95, 0.99, 12))
    _show(window, qtbot, size)
    lp = window.mnist_panel.loss_plot
    lp._draw()
    for plot in (lp.loss_plot, lp.acc_plot):
        assert overlaps(plot) == []


def test_epochs_without_a_test_set_are_a_gap_not_a_line(make_window, qtbot):
    window = make_window()
    losses = np.geomspace(0.8, 0.1, 120)
    tests = np.where((np.arange(120) >= 40) & (np.arange(120) < 80), np.nan, losses * 1.2)
    _fill(window.session, losses, np.linspace(0.5, 0.9, 120), tests)
    window.loss_plot._draw()
    x, y = window.loss_plot.curves["test_loss"].getData()
    assert np.isnan(y).sum() > 0  # the gap is in the data the curve draws
    assert window.loss_plot.curves["test_loss"].opts["connect"] == "finite"
