"""Train › Many seeds…: copies of the Playground's network side by side, live, one picked."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMenu

from playground.teach.lab import LAB_PRESETS

pytestmark = pytest.mark.both_ways  # as on Windows too: spawn, no fork, no resource


@pytest.fixture
def xor(make_window):
    window = make_window()
    window.load_lab_preset("xor-wrong-derivative")
    return window


def _finish(qtbot, window, seconds: float = 60) -> None:  # noqa: ANN001
    qtbot.waitUntil(lambda: not window.seeds_run.running, timeout=int(seconds * 1000))


def test_the_menu_opens_the_grid_and_the_copies_train_to_a_count_of_the_solved(xor, qtbot):
    action = next(a for m in xor.menuBar().findChildren(QMenu) for a in m.actions()
                  if a.shortcut().toString() == "Ctrl+Shift+M")
    action.trigger()
    grid = xor.seed_grid
    assert grid.isVisible() and grid.objectName() == "seedGridDialog"
    assert grid.start(seeds=8, epochs=3000)
    _finish(qtbot, xor)
    run = xor.seeds_run
    assert len(grid.cells) == 8 and len(run.images) == 8 and run.images[0].shape == (40, 40, 4)
    solved = int((run.frame.train_accuracy == 1.0).sum())
    assert grid.summary.text() == f"{solved} of 8 reached 100%"
    assert [seed for _, seed in run.runs] == list(range(8))  # the network's seed, then on
    assert grid.cells[0].caption.startswith("seed 0\n") and grid.cells[0].caption.endswith("%")


def test_a_picked_copy_becomes_the_main_network_and_put_back_undoes_it(xor, qtbot):
    grid = xor.show_seed_grid()
    before = [p["W"].copy() for p in xor.session.net.params]
    assert grid.start(seeds=4, epochs=200)
    _finish(qtbot, xor)
    qtbot.mouseClick(grid.cells[2], Qt.MouseButton.LeftButton)
    assert xor.session.arch.seed == 2
    for mine, copy in zip(xor.session.net.params, xor.seeds_run.params[2], strict=True):
        np.testing.assert_array_equal(mine["W"], copy["W"])
    assert "Seed 2" in xor.statusBar().currentMessage()
    assert grid.put_back_button.isEnabled()
    grid.put_back_button.click()
    assert xor.session.arch.seed == 0
    for mine, old in zip(xor.session.net.params, before, strict=True):
        np.testing.assert_array_equal(mine["W"], old)


def test_a_learning_rate_sweep_and_a_bad_rate(xor, qtbot):
    grid = xor.show_seed_grid()
    grid.lr_edit.setText("0.1, 1")
    assert grid.start(seeds=3, epochs=20)
    _finish(qtbot, xor)
    assert [(lr, s) for lr, s in xor.seeds_run.runs] == [(0.1, 0), (0.1, 1), (0.1, 2),
                                                          (1.0, 0), (1.0, 1), (1.0, 2)]
    assert "· 1" in grid.cells[3].caption
    grid.lr_edit.setText("0.1, fast")
    assert not grid.start(seeds=3, epochs=20)
    assert "fast" in grid.message.text() and not xor.seeds_run.running


def test_stop_keeps_what_the_copies_reached_and_training_goes_on_after(xor, qtbot):
    grid = xor.show_seed_grid()
    assert grid.start(seeds=20, epochs=1_000_000)
    qtbot.waitUntil(lambda: xor.seeds_run.frame is not None, timeout=20000)
    assert grid.start_button.text() == "Stop" and not grid.seeds_spin.isEnabled()
    grid.start_button.click()
    _finish(qtbot, xor, 20)
    assert xor.seeds_run.cancelled and len(xor.seeds_run.params) == 20
    xor.session.start()  # the process trains the main network again
    qtbot.waitUntil(lambda: xor.session.epoch >= 3, timeout=20000)
    xor.session.stop()


def test_closing_the_window_mid_run_ends_the_copies_and_the_process(xor, qtbot):
    grid = xor.show_seed_grid()
    assert grid.start(seeds=10, epochs=1_000_000)
    qtbot.waitUntil(lambda: xor.seeds_run.frame is not None, timeout=20000)
    process = xor.session.runner.process()._process
    xor.close()
    process.join(10)
    assert not process.is_alive()


def test_the_labs_study_runs_in_the_grid_and_says_how_many_solved(xor, qtbot):
    box = xor.diagnostics.lab_box
    box.study_button.click()
    assert xor.seed_grid.isVisible() and len(xor.seeds_run.runs) == 20
    _finish(qtbot, xor, 120)
    solved = xor.seeds_run.solved()
    assert box.study_label.text().startswith(f"As written: {solved} of 20 seeds reached 100%")
    assert 0 < solved < 20  # seed 002: a 2-2-1 net sticks on some seeds
    assert xor.session.arch == LAB_PRESETS["xor-wrong-derivative"].broken.arch


def test_train_while_the_copies_train_says_to_stop_them_first(xor, qtbot):
    grid = xor.show_seed_grid()
    assert grid.start(seeds=5, epochs=1_000_000)
    errors = []
    xor.session.sig_error.connect(errors.append)
    xor.session.start()
    assert errors and "stop them first" in errors[0] and xor.session.state == "idle"
    grid.run.stop()
    _finish(qtbot, xor, 20)


def test_two_copies_compared_the_best_and_the_worst_first(xor, qtbot):
    """Run in the xor-wrong-derivative preset, where some seeds solve XOR and others stick."""
    grid = xor.show_seed_grid()
    assert not grid.compare_button.isEnabled()
    assert grid.start(seeds=8, epochs=3000)
    _finish(qtbot, xor)
    run = xor.seeds_run
    assert grid.compare_button.isEnabled()
    dialog = grid.compare()
    qtbot.addWidget(dialog)
    left, right = dialog.chosen()
    finals = [(-run.curves[i].latest("train_accuracy"), run.curves[i].latest("train_loss"))
              for i in range(8)]
    assert (-left.history.latest("train_accuracy"), left.history.latest("train_loss")) == \
        min(finals)
    assert (-right.history.latest("train_accuracy"), right.history.latest("train_loss")) == \
        max(finals)
    for line in (left, right):  # the copy's own numbers and its own final weights
        i = line.number
        assert line.history.latest("train_accuracy") == run.frame.train_accuracy[i]
        assert line.history.last_epoch == run.frame.epoch
        np.testing.assert_array_equal(line.history.array("epoch"),
                                      np.arange(1, run.frame.epoch + 1))  # every epoch
        np.testing.assert_array_equal(line.net.params[0]["W"], run.params[i][0]["W"])
    text = dialog.sentence.text()
    assert text.startswith(f"Seed {run.runs[left.number][1]} (rate ") and "Seed " in text[10:]
    assert len(dialog.planes) == 2 and dialog.planes[0].image.image is not None


def test_copies_that_early_stopping_ended_say_so_and_keep_their_best_epoch(make_window, qtbot):
    from playground.gui.widgets.seed_grid import KEPT

    window = make_window()
    s = window.session
    s.set_config(early_stop=20, lr=0.3, optimizer="adam")
    next(a for m in window.menuBar().findChildren(QMenu) for a in m.actions()
         if a.shortcut().toString() == "Ctrl+Shift+M").trigger()
    assert window.seed_grid.start(seeds=4, epochs=5000)
    _finish(qtbot, window)
    frame = window.seeds_run.frame
    assert frame.early is not None and frame.early.any() and frame.epoch < 5000
    for i, cell in enumerate(window.seed_grid.cells):
        if frame.early[i]:
            assert cell.colour == KEPT and "kept epoch" in cell.toolTip()
            assert "blew up" not in cell.caption
