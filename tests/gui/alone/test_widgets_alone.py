"""Each widget with a session and without the window: the session changes and the widget
shows it; the widget is used and the session changes."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox

from playground.gui.widgets.boundary_plot import BoundaryPlot
from playground.gui.widgets.data_panel import DataPanel
from playground.gui.widgets.layer_editor import LayerEditor
from playground.gui.widgets.network_view import NetworkView
from playground.gui.widgets.train_panel import TrainPanel
from playground.nn import LayerSpec


def test_layer_editor_alone(session, qtbot):
    editor = LayerEditor(session)
    qtbot.addWidget(editor)
    editor.findChild(QCheckBox, "biasCheck0").click()
    assert not session.arch.hidden[0].bias and "b" not in session.net.params[0]
    arch = replace(session.arch, hidden=(LayerSpec(5, "relu"), LayerSpec(3, "tanh")))
    session.edits.set_architecture(arch)
    assert len(editor.rows) == 2 and editor.rows[0].units.value() == 5
    assert editor.rows[0].activation.currentData() == "relu"


def test_boundary_plot_alone(session, qtbot):
    plot = BoundaryPlot(session)
    qtbot.addWidget(plot)
    image = plot.image_item.image
    assert image is not None and image.shape[:2] == session.plane_maps().boundary.shape[:2]
    session.edits.set_weight(1, "b", (0,), 25.0)  # the output pushed to one class everywhere
    assert not np.array_equal(plot.image_item.image, image)
    assert np.array_equal(plot.image_item.image, session.plane_maps().boundary)
    n_train = sum(len(item.data) for (split, _), item in plot.point_items.items()
                  if split == "train")
    assert n_train == len(session.points.train)


def test_train_panel_alone(session, qtbot):
    panel = TrainPanel(session)
    qtbot.addWidget(panel)
    panel.lr_combo.setEditText("0.3")
    panel.lr_combo.lineEdit().editingFinished.emit()
    assert session.config.lr == 0.3
    session.set_config(lr=0.01)
    assert float(panel.lr_combo.currentText()) == 0.01
    qtbot.mouseClick(panel.step_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: session.epoch == 1, timeout=10000)
    qtbot.waitUntil(lambda: "1" in panel.epoch_label.text(), timeout=5000)


def test_data_panel_alone(session, qtbot):
    panel = DataPanel(session)
    qtbot.addWidget(panel)
    panel.dataset_combo.setCurrentIndex(panel.dataset_combo.findData("circle"))
    panel.dataset_combo.activated.emit(panel.dataset_combo.currentIndex())
    qtbot.waitUntil(lambda: session.data_spec.name == "circle", timeout=5000)
    session.set_data_spec(replace(session.data_spec, name="xor", points=120))
    qtbot.waitUntil(lambda: panel.dataset_combo.currentData() == "xor", timeout=5000)
    assert panel.points_spin.value() == 120


def test_network_view_alone(session, qtbot):
    view = NetworkView(session)
    qtbot.addWidget(view)
    view.resize(500, 300)
    spot = view.bias_point(1, 0)
    assert view.hit_at(spot).kind == "bias"
    arch = session.arch
    first = replace(arch.hidden[0], bias=False)
    session.edits.set_architecture(replace(arch, hidden=(first, *arch.hidden[1:])))
    hit = view.hit_at(spot)
    assert hit is None or hit.kind != "bias"
