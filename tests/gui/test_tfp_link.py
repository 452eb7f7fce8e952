"""TensorFlow Playground links in the window: opened from the menu's box, pasted with Ctrl+V
outside a text field, refused with a message when they are no link, and copied out."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox

from playground.data.tfp_points import tfp_points
from playground.gui.tfp_actions import FIRST_SCREEN
from playground.tfp.link import read_link

LINK = ("https://playground.tensorflow.org/#activation=relu&batchSize=5&dataset=spiral"
        "&learningRate=0.01&noise=20&networkShape=6,6&seed=0.33333&percTrainData=80"
        "&xSquared=true&showTestData=true&collectStats=true")


def test_a_link_opens_on_tfps_points_and_says_what_it_left_out(make_window, qtbot):
    window = make_window()
    window.tabs.setCurrentIndex(1)
    assert window.tfp.open(LINK)
    s = window.session
    assert window.tabs.currentIndex() == 0
    assert [(h.units, h.activation) for h in s.arch.hidden] == [(6, "relu"), (6, "relu")]
    assert (s.config.lr, s.config.batch_size, s.config.optimizer) == (0.01, 5, "sgd")
    assert s.data_spec.features == ("x1", "x2", "x1^2") and s.view.show_test
    tfp = tfp_points("spiral", 20, 80, "0.33333")
    assert np.array_equal(s.points.train, tfp.train) and len(s.points.test) == 100
    assert np.array_equal(s.points.train_labels, (tfp.train_labels > 0).astype(np.int64))
    told = window.findChild(QMessageBox, "tfpDialog")
    assert told is not None and "collectStats=true" in told.text()
    told.close()


def test_ctrl_v_outside_a_text_field_opens_a_link_and_inside_one_pastes_it(make_window, qtbot):
    window = make_window()
    QGuiApplication.clipboard().setText(FIRST_SCREEN)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=3000)
    window.boundary_plot.setFocus()
    qtbot.keyClick(window.boundary_plot, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.session.data_spec.tfp_seed == "0.81372", timeout=3000)
    assert window.session.data_spec.name == "circle"
    QGuiApplication.clipboard().setText("0.5")
    rate = window.train_panel.lr_combo.lineEdit()
    rate.setFocus()
    rate.selectAll()
    qtbot.keyClick(rate, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert rate.text() == "0.5" and window.session.data_spec.tfp_seed == "0.81372"


def test_what_is_no_link_is_said_and_changes_nothing(make_window, qtbot):
    window = make_window()
    before = window.session.experiment
    assert not window.tfp.open("https://example.com/#a=1&b=2")
    box = window.findChild(QMessageBox, "errorDialog")
    assert box is not None and "not a TensorFlow Playground link" in box.text()
    box.close()
    assert window.session.experiment == before


def test_the_setup_is_copied_as_a_link_that_opens_the_same(make_window, qtbot):
    window = make_window()
    window.tfp.open(LINK)
    window.findChild(QMessageBox, "tfpDialog").close()
    window.tfp.copy()
    copied = QGuiApplication.clipboard().text()
    assert read_link(copied) == read_link(LINK)
    window.load_preset("moons")  # relu 8-8 with Adam: not TFP's
    window.tfp.copy()
    told = [b for b in window.findChildren(QMessageBox, "tfpDialog") if b.isVisible()]
    assert len(told) == 1 and "plain SGD" in told[0].text()
    told[0].close()


def test_playground_open_link_opens_it_in_the_new_window(make_window):
    from playground.gui.app import parse_args, set_up

    window = make_window()
    set_up(window, parse_args(["--open", LINK]))
    assert window.session.data_spec.tfp_seed == "0.33333"
    for box in window.findChildren(QMessageBox, "tfpDialog"):
        box.close()


def test_the_menus_box_holds_the_link_on_the_clipboard_and_opens_it(make_window, qtbot):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    window = make_window()
    QGuiApplication.clipboard().setText(FIRST_SCREEN)
    seen = []

    def accept() -> None:
        box = QApplication.activeModalWidget()
        seen.append((box.textValue(), box.width()))
        box.accept()

    QTimer.singleShot(0, accept)
    window.tfp.ask()
    assert seen[0][0] == FIRST_SCREEN
    assert seen[0][1] > 500  # wide enough to read a link
    assert window.session.data_spec.tfp_seed == "0.81372"
