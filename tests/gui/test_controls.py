"""The controls a new user touches first do exactly what they say (issue 10's audit)."""

from __future__ import annotations

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
