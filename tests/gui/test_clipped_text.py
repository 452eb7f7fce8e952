"""Text is never cut off: the MNIST progress bar's, "+1008 more" under a wide layer, the values
under the neurons, and the exported diagram has no empty half."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtGui import QImage

from playground.experiment import PRESETS
from playground.gui.sessions.mnist import Progress
from playground.gui.widgets.network_view import MAX_SHOWN, TEXT_PIXELS
from playground.nn import LayerSpec


@pytest.mark.parametrize("size", [(1024, 700), (1280, 800)])
def test_the_mnist_progress_text_fits_its_bar(make_window, size):
    window = make_window()
    window.resize(*size)
    window.tabs.setCurrentWidget(window.mnist_panel)
    panel = window.mnist_panel
    panel._fit_progress_text(Progress(10, 0.97, 754.0, 6012.0))
    bar = panel.progress
    assert bar.fontMetrics().horizontalAdvance(bar.format()) <= bar.width() - 12
    assert "in all" in bar.toolTip() and bar.format().startswith("Epoch 10: 97%")


@pytest.mark.parametrize("size", [(1024, 700), (1280, 800)])
def test_a_wide_layer_says_how_many_more_inside_the_diagram(make_window, size):
    xor = PRESETS["xor"]
    window = make_window(replace(xor, arch=replace(xor.arch, hidden=(LayerSpec(1024, "relu"),))))
    window.resize(*size)
    view = window.network_view
    last = view.node_rect(1, MAX_SHOWN - 1)
    assert last.bottom() + 2 + TEXT_PIXELS <= view.height()


@pytest.mark.parametrize("units", [4, 16])
@pytest.mark.parametrize("size", [(1024, 700), (1280, 800)])
def test_values_under_the_neurons_never_cover_a_map(make_window, units, size):
    xor = PRESETS["xor"]
    window = make_window(replace(xor, arch=replace(xor.arch, hidden=(LayerSpec(units, "tanh"),))))
    window.resize(*size)
    view = window.network_view
    nodes = view._geometry()[1]
    values = view.value_rects(1)
    assert not any(v.intersects(n) for v in values for n in nodes)
    if units == 4:
        assert len(values) == 4  # where there is room, they are written


def test_the_exported_diagram_ends_with_the_network(tmp_path):
    from playground.cli.main import main

    model, picture = tmp_path / "m.npz", tmp_path / "d.png"
    assert main(["train", "--dataset", "xor", "--layers", "4:tanh,1:sigmoid", "--epochs", "2",
                 "--out", str(model)]) == 0
    assert main(["export", str(model), "--format", "png", "--view", "diagram", "--out",
                 str(picture)]) == 0
    image = QImage(str(picture))
    rows_with_ink = [y for y in range(image.height()) if any(
        image.pixelColor(x, y).lightness() < 200 for x in range(0, image.width(), 3))]
    assert rows_with_ink and image.height() - rows_with_ink[-1] < 0.15 * image.height()
