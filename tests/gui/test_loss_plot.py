"""The loss plot stays readable at every range: labels that never overlap, a legend over no data,
an accuracy axis that zooms to the curves."""

from __future__ import annotations

import numpy as np
import pytest

from playground.gui.widgets.axes import LABEL_PIXELS, log_ticks, tick_labels
from playground.gui.widgets.loss_plot import accuracy_floor
from playground.nn import Snapshot


@pytest.mark.parametrize(("lo", "hi"), [(0.01, 1.02), (0.1, 1.02), (0.3, 0.7), (0.45, 0.55),
                                        (1e-9, 1e3), (1e-6, 10.0), (0.5, 0.5001)])
@pytest.mark.parametrize("pixels", [40, 70, 150, 400])
def test_log_ticks_fit_their_axis_and_lie_in_range(lo, hi, pixels):
    ticks = log_ticks(lo, hi, pixels)
    apart = np.diff(np.log10(ticks)) * pixels / (np.log10(hi) - np.log10(lo))
    assert len(ticks) >= 2 and (len(ticks) == 2 or apart.min() >= LABEL_PIXELS)
    assert all(lo * (1 - 1e-6) <= t <= hi * (1 + 1e-6) for t in ticks)
    assert len(set(tick_labels(ticks))) == len(ticks)  # no two labels read the same


def test_a_decade_gets_its_1_2_5_ticks_when_there_is_room():
    assert log_ticks(0.1, 1.02, 6 * LABEL_PIXELS) == [0.1, 0.2, 0.5, 1.0]


def _snaps(losses, accuracies) -> list[Snapshot]:
    return [Snapshot(i + 1, i + 1, loss, 0.1, (), True, loss, acc, loss, acc)
            for i, (loss, acc) in enumerate(zip(losses, accuracies, strict=True))]


def _labels(plot) -> list[str]:  # noqa: ANN001 - a pyqtgraph PlotItem
    axis = plot.getAxis("left")
    lo, hi = plot.viewRange()[1]
    levels = axis.tickValues(lo, hi, axis.geometry().height())
    return [s for _, values in levels for s in axis.tickStrings(values, 1.0, 1.0)]


@pytest.mark.parametrize("losses", [[], [0.52, 0.51, 0.5], list(np.geomspace(2.3, 0.05, 9))])
def test_the_loss_axis_labels_fit_after_reset_and_in_flat_runs(make_window, losses):
    window = make_window()
    window.session.history.extend(_snaps(losses, [0.5] * len(losses)), 0)
    window.loss_plot._draw()
    labels = _labels(window.loss_plot.loss_plot)
    height = window.loss_plot.loss_plot.getAxis("left").geometry().height()
    assert 2 <= len(labels) <= max(2, height // LABEL_PIXELS + 1), labels
    assert len(set(labels)) == len(labels)


def test_the_legend_sits_above_the_plots_not_on_the_curves(make_window):
    plot = make_window().loss_plot
    assert plot.acc_plot.legend is None and plot.loss_plot.legend is None
    assert "train" in plot.loss_plot.titleLabel.text and "test" in plot.loss_plot.titleLabel.text


def test_mnist_accuracies_fill_the_accuracy_axis(make_window):
    window = make_window()
    window.session.history.extend(_snaps(np.geomspace(0.4, 0.05, 8),
                                         np.linspace(0.95, 0.982, 8)), 0)
    window.loss_plot._draw()
    lo, hi = window.loss_plot.acc_plot.viewRange()[1]
    assert 0.9 <= lo < 0.94 and hi <= 1.01
    assert accuracy_floor(np.array([0.5, 0.7])) == 0.0
    assert accuracy_floor(np.array([0.985, 0.99])) == 0.98
    assert accuracy_floor(np.array([])) == 0.0
