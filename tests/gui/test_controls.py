"""The controls a new user touches first do exactly what they say (issue 10's audit)."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import Qt

from playground.gui.main_window import MainWindow


@pytest.fixture
def window(make_window) -> MainWindow:
    return make_window()


def _pick(combo, data) -> None:  # noqa: ANN001 - a QComboBox
    """Choose the entry holding ``data`` as a user does (activated, not just the index)."""
    index = combo.findData(data)
    assert index >= 0, data
    combo.setCurrentIndex(index)
    combo.activated.emit(index)


@pytest.mark.parametrize("order", ["kind first", "rate first"])
def test_l1_or_l2_switch_on_in_either_order(window, order):
    panel, cfg = window.train_panel, window.session.config
    if order == "kind first":
        _pick(panel.reg_combo, "l1")
        assert cfg.l1 > 0 and cfg.l2 == 0  # a starting rate, not back to None
        _pick(panel.reg_rate_combo, 0.03)
        assert (cfg.l1, cfg.l2) == (0.03, 0.0)
    else:
        _pick(panel.reg_rate_combo, 0.01)
        assert cfg.l2 == 0.01  # a rate alone switches L2 on, not back to 0
        _pick(panel.reg_combo, "l1")
        assert (cfg.l1, cfg.l2) == (0.01, 0.0)
    assert panel.reg_combo.currentData() == "l1"
    _pick(panel.reg_combo, "none")
    assert (cfg.l1, cfg.l2) == (0.0, 0.0) and panel.reg_rate_combo.currentData() == 0.0


@pytest.mark.parametrize(("typed", "value"), [("1", 1.0), ("0.5", 0.5), ("3", 3.0),
                                              ("0.0002", 0.0002)])
def test_the_learning_rate_typed_is_the_one_used(window, qtbot, typed, value):
    combo = window.train_panel.lr_combo
    combo.setFocus()
    combo.lineEdit().selectAll()
    qtbot.keyClicks(combo.lineEdit(), typed)
    qtbot.keyClick(combo.lineEdit(), Qt.Key.Key_Return)
    assert window.session.config.lr == value
    assert combo.currentText() == typed


def _type_units(window, qtbot, text: str):  # noqa: ANN001
    spin = window.layer_editor.rows[0].units
    spin.setFocus()
    spin.selectAll()
    qtbot.keyClicks(spin, text)
    qtbot.keyClick(spin, Qt.Key.Key_Return)
    return spin


def test_a_layer_takes_up_to_1024_units(window, qtbot):
    _type_units(window, qtbot, "1000")
    assert window.session.arch.hidden[0].units == 1000


def test_too_many_units_are_brought_into_range_and_the_user_told(window, qtbot):
    said = []
    window.session.sig_status.connect(said.append)
    spin = _type_units(window, qtbot, "5000")
    assert spin.value() == 1024 and window.session.arch.hidden[0].units == 1024
    assert any("1,024" in s and "5,000" in s for s in said), said


def test_sliders_show_their_value_beside_them_and_in_their_tooltip(window):
    panel = window.data_panel
    panel.noise_slider.setValue(25)
    panel.test_slider.setValue(30)
    assert panel.noise_row.value_label.text() == "0.25" and "0.25" in panel.noise_slider.toolTip()
    assert panel.test_row.value_label.text() == "30%" and "30%" in panel.test_slider.toolTip()


def _cut_combos(root) -> list[str]:  # noqa: ANN001 - a QWidget
    """The entries of visible combo boxes under ``root`` that their box is too narrow for."""
    from PySide6.QtWidgets import QComboBox, QStyle, QStyleOptionComboBox

    cut = []
    for combo in root.findChildren(QComboBox):
        if not combo.isVisible() or combo.isEditable():
            continue
        option = QStyleOptionComboBox()
        combo.initStyleOption(option)
        field = combo.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, option,
                                             QStyle.SubControl.SC_ComboBoxEditField, combo)
        for i in range(combo.count()):
            if combo.fontMetrics().horizontalAdvance(combo.itemText(i)) > field.width():
                cut.append(f"{combo.objectName()}: {combo.itemText(i)}")
    return cut


@pytest.mark.parametrize("tab", [0, 1])
def test_every_combo_choice_is_readable_at_1280_by_800(window, qtbot, tab):
    from playground.experiment import Architecture
    from playground.nn import LayerSpec

    window.tabs.setCurrentIndex(tab)
    session = window.current_session()
    for loss, out, init in (("mse", "tanh", "uniform"), ("cross_entropy", "softmax", "normal"),
                            ("bce", "sigmoid", "xavier")):
        session.edits.set_architecture(Architecture((LayerSpec(8, "leaky_relu"),), out, True, loss,
                                              init))
        qtbot.wait(10)
        assert _cut_combos(window.tabs.currentWidget()) == []


def test_the_window_can_be_1024_wide_with_the_diagnostics_open(window, qtbot):
    window.load_lab_preset("two-neurons-no-bias")
    window.resize(1024, 700)
    qtbot.wait(20)
    assert window.diagnostics_dock.isVisible()
    assert window.width() == 1024 and window.minimumSizeHint().width() <= 1024
    panel = window.diagnostics
    assert panel.lab_box.title.wordWrap()
    assert panel.width() <= window.diagnostics_dock.width()  # nothing cut off on the right


def test_your_points_while_training_pauses_and_says_click(window, qtbot, capfd):
    """It printed a ValueError on stderr, said nothing, and trained on with the old points."""
    s = window.session
    s.set_speed(None)
    s.start()
    qtbot.waitUntil(lambda: s.epoch >= 5, timeout=20_000)
    combo = window.data_panel.dataset_combo
    combo.setCurrentIndex(combo.findData("custom"))
    combo.activated.emit(combo.currentIndex())
    qtbot.waitUntil(lambda: s.state == "paused", timeout=20_000)
    assert "Click on the plane" in window.statusBar().currentMessage()
    epoch = s.epoch
    qtbot.wait(200)
    assert s.epoch == epoch  # no training on the old points
    s.add_point(-2.0, 1.0, 0)
    s.add_point(2.0, 1.0, 1)
    window.train_panel.train_button.click()
    qtbot.waitUntil(lambda: s.epoch > epoch + 3, timeout=20_000)
    s.stop()
    assert s.points.size == 2
    assert capfd.readouterr().err == ""


def test_a_hidden_layers_dropout_is_set_in_its_row_and_said_in_the_diagram(window, qtbot):
    s = window.session
    combo = window.layer_editor.rows[0].dropout
    assert combo.objectName() == "dropoutCombo0"
    assert combo.currentData() == 0.0 and combo.currentText() == "0%"
    _pick(combo, 0.3)
    assert s.arch.hidden[0].dropout == 0.3 and s.net.layers[0].dropout == 0.3
    assert s.net.dropping and "drop 30%" in window.network_view.headers()[1][1]
    assert s.marks == [] or "dropout 30%, layer 1" in s.marks[-1][1]
    s.set_speed(None)
    s.start()
    qtbot.waitUntil(lambda: s.epoch >= 3, timeout=20000)
    s.pause()
    qtbot.waitUntil(lambda: s.state == "paused", timeout=10000)
    assert s.frame is not None and np.isfinite(s.history.latest("train_loss"))
    title = window.loss_plot.loss_plot.titleLabel
    assert "train, with dropout" in title.text  # why the train curve lies above the test one
    _pick(combo, 0.0)  # an edit: the legend follows it
    assert "train" in title.text and "dropout" not in title.text
