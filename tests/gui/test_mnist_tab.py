"""The MNIST tab, driven like a user would: train, pause, stop, look at mistakes, save, draw."""

from __future__ import annotations

import gzip
import re
import shutil

import numpy as np
import pytest
from PySide6.QtCore import QPointF, Qt

from playground.gui.main_window import MainWindow
from playground.gui.sessions.mnist import MnistSession
from playground.gui.widgets.mnist_panel import MnistPanel
from playground.paths import resources_dir
from tests.gui.tabs import show_mnist

pytestmark = pytest.mark.both_ways  # as on Windows too: spawn, no fork, no resource

FEW_IMAGES = 3000  # enough for ~85% after one epoch, quick enough for a test


@pytest.fixture
def window(make_window, qtbot):
    w = make_window()
    show_mnist(w, qtbot)
    w.mnist_session.train_limit = FEW_IMAGES
    return w


def _train(window, qtbot, epochs: int) -> None:
    s = window.mnist_session
    s.set_config(epochs=epochs)
    window.mnist_panel.train_panel.train_button.click()
    assert s.state == "running"
    qtbot.waitUntil(lambda: s.state == "idle", timeout=60_000)


def test_one_epoch_fills_metrics_confusion_matrix_and_gallery(window, qtbot):
    s = window.mnist_session
    assert s.data is not None and s.data_error is None
    _train(window, qtbot, epochs=1)
    assert s.epoch == 1
    assert s.history.latest("test_accuracy") > 0.8
    counts = window.mnist_panel.matrix.counts
    assert counts.shape == (10, 10) and counts.sum() == 10_000
    assert np.trace(counts) / 10_000 == pytest.approx(s.history.latest("test_accuracy"))
    shown = window.mnist_panel.gallery.indices
    assert len(shown) == 10_000 - np.trace(counts)
    assert (s.test_predicted[shown] != s.data.test_labels[shown]).all()
    assert "1 epochs trained" in window.mnist_panel.progress.text()
    assert "test accuracy" in window.mnist_panel.metrics.text()


def test_a_click_on_a_cell_shows_only_those_digits(window, qtbot):
    _train(window, qtbot, epochs=1)
    matrix, s = window.mnist_panel.matrix, window.mnist_session
    off = matrix.counts * (1 - np.eye(10, dtype=int))
    true, answer = np.unravel_index(off.argmax(), off.shape)
    cell = matrix._cell_size()
    spot = QPointF(26 + (answer + 0.5) * cell, 26 + (true + 0.5) * cell).toPoint()
    qtbot.mouseClick(matrix, Qt.MouseButton.LeftButton, pos=spot)
    shown = window.mnist_panel.gallery.indices
    assert len(shown) == off[true, answer]
    assert (s.data.test_labels[shown] == true).all() and (s.test_predicted[shown] == answer).all()
    qtbot.mouseClick(matrix, Qt.MouseButton.LeftButton, pos=spot)  # again: all mistakes
    assert len(window.mnist_panel.gallery.indices) == off.sum()


def test_pause_resume_and_stop_keep_the_window_and_the_weights(window, qtbot):
    s = window.mnist_session
    before = s.net.params[0]["W"].copy()
    s.set_config(epochs=100)
    s.start()
    qtbot.waitUntil(lambda: s.frame is not None, timeout=20_000)
    assert re.match(r"Epoch \d+: \d+%", window.mnist_panel.progress.text())
    s.pause()
    qtbot.waitUntil(lambda: s.state == "paused", timeout=10_000)
    s.start()
    assert s.state == "running"
    window.mnist_panel.stop_button.click()
    assert s.state == "idle"
    assert not np.array_equal(s.net.params[0]["W"], before)
    assert not window.mnist_panel.stop_button.isEnabled()


def test_train_menu_acts_on_the_tab_shown(window, qtbot):
    assert window.current_session() is window.mnist_session
    window.tabs.setCurrentIndex(0)
    assert window.current_session() is window.session
    show_mnist(window, qtbot)
    _train(window, qtbot, epochs=1)
    assert window.session.epoch == 0  # the playground did not train


def test_save_open_and_draw_with_your_own_model(window, qtbot, tmp_path):
    _train(window, qtbot, epochs=1)
    s = window.mnist_session
    path = tmp_path / "mine.npz"
    assert s.files.save(path)
    window.mnist_panel.use_button.click()
    assert window.tabs.currentWidget() is window.digits_panel
    assert window.digits_panel.net.sizes == s.net.sizes
    np.testing.assert_array_equal(window.digits_panel.net.params[0]["W"], s.net.params[0]["W"])

    other = MainWindow()
    qtbot.addWidget(other)
    try:
        assert other.files.open_model(str(path))
        assert other.digits_panel.net.sizes == s.net.sizes
        assert other.mnist_session.arch == s.arch
        np.testing.assert_array_equal(other.mnist_session.net.params[1]["W"],
                                      s.net.params[1]["W"])
        assert other.mnist_session.confusion().sum() == 10_000  # evaluated on opening
    finally:
        other.close()


def test_a_changed_layer_rebuilds_the_784_to_10_network(window):
    editor = window.mnist_panel.layer_editor
    editor.add_button.click()
    assert window.mnist_session.net.sizes == [784, 128, 128, 10]
    assert window.session.net.input_dim == 2  # the playground's editor is another one


@pytest.mark.parametrize("damage", ["missing", "corrupt"])
def test_bad_mnist_files_give_a_message_and_nothing_else_breaks(qtbot, tmp_path, damage):
    source = resources_dir() / "mnist"
    for f in source.glob("*.gz"):
        shutil.copy(f, tmp_path / f.name)
    victim = tmp_path / "train-images-idx3-ubyte.gz"
    if damage == "missing":
        victim.unlink()
    else:
        victim.write_bytes(gzip.compress(b"\x00\x00\x08\x03 not an image file"))
    session = MnistSession(directory=tmp_path)
    panel = MnistPanel(session)
    qtbot.addWidget(panel)
    errors = []
    session.sig_error.connect(errors.append)
    assert not session.load_data()
    assert "train-images" in session.data_error
    assert panel.message.text() == session.data_error and not panel.message.isHidden()
    session.start()  # the user presses Train anyway
    assert session.state == "idle" and errors == [session.data_error]


def test_the_tab_reads_mnist_in_the_background_and_a_train_pressed_meanwhile_waits(make_window,
                                                                                    qtbot):
    """Opening the tab never waits on MNIST's files: the tab says it reads them, and a Train
    pressed meanwhile starts when they are in."""
    w = make_window()
    s = w.mnist_session
    s.train_limit = FEW_IMAGES
    s.set_config(epochs=1)
    w.tabs.setCurrentWidget(w.mnist_panel)
    assert s.reading.under_way and s.data is None  # the switch returned before the files
    assert w.mnist_panel.message.text() == "Reading MNIST…"
    w.mnist_panel.train_panel.train_button.click()
    assert s.state == "idle"  # not yet: it waits for the data
    qtbot.waitUntil(lambda: s.data is not None, timeout=20_000)
    assert not w.mnist_panel.message.isVisible()
    qtbot.waitUntil(lambda: s.epoch == 1 and s.state == "idle", timeout=60_000)


def test_the_tab_stops_saying_it_reads_mnist_once_it_was_read_at_once_meanwhile(make_window,
                                                                                   qtbot):
    """Something that needs the data at once (a lab preset's run, the loss landscape) reads
    them in its own step while the background reading goes on: when that ends too, the tab no
    longer says it reads them."""
    w = make_window()
    s = w.mnist_session
    w.tabs.setCurrentWidget(w.mnist_panel)
    assert s.reading.under_way
    assert s.load_data()  # read at once, meanwhile
    qtbot.waitUntil(lambda: not s.reading.under_way, timeout=20_000)
    assert not w.mnist_panel.message.isVisible()
