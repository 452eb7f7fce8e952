"""The training bar's learning-rate schedule and early stopping, used in the window: the rate
each epoch was trained at is the schedule's, shown in the status bar and as a line on the loss
plot; early stopping keeps the best epoch's weights and every number shown is of those."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest
from PySide6.QtWidgets import QDialog, QLabel, QLineEdit, QSpinBox

from playground.experiment import PRESETS
from playground.gui.widgets.schedule_box import CUSTOM
from playground.nn.schedule import parse_schedule


def _run_until(s, qtbot, epochs: int) -> None:
    s.set_speed(None)
    s.start()
    qtbot.waitUntil(lambda: s.epoch >= epochs or s.state == "idle", timeout=30000)
    if s.state != "idle":
        s.pause()
        qtbot.waitUntil(lambda: s.state == "paused", timeout=10000)


def test_a_scheduled_run_trains_each_epoch_at_its_rate_and_shows_it(make_window, qtbot):
    window = make_window()
    s = window.session
    panel = window.train_panel
    combo = panel.schedule.schedule_combo
    combo.setCurrentIndex(combo.findData("cosine:0:500"))
    combo.activated.emit(combo.currentIndex())
    assert s.config.schedule == "cosine:0:500"
    plot = window.loss_plot
    _run_until(s, qtbot, 60)
    epochs, rates = s.history.array("epoch"), s.history.array("lr")
    schedule = parse_schedule("cosine:0:500")
    assert np.allclose(rates, [schedule.rate(s.config.lr, int(e), 0) for e in epochs])
    qtbot.waitUntil(lambda: plot.rate.view.isVisible(), timeout=5000)
    assert plot.rate.curve.getData()[1][-1] == pytest.approx(np.log10(rates[-1]))
    window.status_line.update()  # the rate the steps are taken at: the latest step's
    assert window.status_line.labels["lr"].text() == f"LR {s.frame.snapshot.lr:.3g}"


def test_a_constant_rate_draws_no_rate_line(make_window, qtbot):
    window = make_window()
    _run_until(window.session, qtbot, 20)
    window.loss_plot._draw()
    assert not window.loss_plot.rate.view.isVisible()


def test_your_own_schedule_is_checked_in_its_dialog_and_then_listed(make_window, qtbot):
    window = make_window()
    s = window.session
    box = window.train_panel.schedule
    combo = box.schedule_combo
    combo.setCurrentIndex(combo.findData(CUSTOM))
    combo.activated.emit(combo.currentIndex())
    dialog = window.findChild(QDialog, "scheduleDialog")
    assert dialog is not None and dialog.isVisible()
    dialog.findChild(QLineEdit, "scheduleText").setText("step:3:10")
    dialog.findChild(QSpinBox, "warmupSpin").setValue(5)
    dialog._apply()
    assert "decays" in dialog.findChild(QLabel, "scheduleProblem").text()
    assert s.config.schedule == "constant" and dialog.isVisible()  # nothing changed
    dialog.findChild(QLineEdit, "scheduleText").setText("step:0.3:10")
    dialog._apply()
    assert (s.config.schedule, s.config.warmup) == ("step:0.3:10", 5)
    assert combo.currentText() == "step:0.3:10" and not dialog.isVisible()
    assert "warm-up of 5" in combo.toolTip()


def _overfitting():
    xor = PRESETS["xor"]
    return replace(xor, data=replace(xor.data, points=80, noise=0.4, seed=2),
                   config=replace(xor.config, optimizer="adam", lr=0.01))


def test_early_stopping_in_the_window_keeps_the_best_epoch_and_says_so(make_window, qtbot):
    window = make_window()
    window.show_experiment(_overfitting())
    s = window.session
    early = window.train_panel.schedule.early_combo
    early.setCurrentIndex(early.findData(50))
    early.activated.emit(early.currentIndex())
    assert s.config.early_stop == 50
    _run_until(s, qtbot, 5000)
    assert s.state == "idle" and s.kept_epoch is not None
    tests = s.history.array("test_loss")
    best = int(s.history.array("epoch")[np.argmin(tests)])
    assert s.kept_epoch == best and s.epoch == best + 50
    row = s.history.at(best)
    assert s.measure_now()["test_loss"] == pytest.approx(row["test_loss"], rel=1e-4)  # its
    # weights are the network's now
    labels = window.status_line.labels
    assert labels["epoch"].text() == f"Epoch {best} of {best + 50} (kept)"
    assert labels["loss"].text() == f"Loss {row['train_loss']:.3g} / {row['test_loss']:.3g}"
    note = window.loss_plot.stop_note.label.text
    assert f"stopped at epoch {best + 50}" in note and f"weights of epoch {best} are" in note
    assert s.marks[-1][0] == best + 50
    assert window.statusBar().currentMessage() == ""  # the numbers say it: no room for more
    bar = window.timeline_bar  # the timeline says, and points at, the epoch shown
    assert bar.label.text() == f"epoch {best} of {best + 50} (kept)"
    assert bar.slider.value() == best and bar.slider.maximum() == best + 50


def test_a_change_of_schedule_or_patience_is_marked_in_words():
    from playground.gui.edit_labels import describe_config_edit

    assert describe_config_edit({"schedule": "exp:0.99"}) == "schedule exp:0.99"
    assert describe_config_edit({"schedule": "cosine:0", "warmup": 10}) == \
        "schedule cosine:0; warm-up 10"
    assert describe_config_edit({"early_stop": 50}) == "early stop after 50"
    assert describe_config_edit({"early_stop": 0}) == "early stop off"


def test_what_early_stopping_kept_is_not_said_of_another_network(make_window, qtbot):
    window = make_window()
    window.show_experiment(_overfitting())
    s = window.session
    s.set_config(early_stop=50)
    _run_until(s, qtbot, 5000)
    assert s.kept_epoch is not None
    row = window.layer_editor.rows[0]
    row.bias.setChecked(False)  # an edit: a network other than the one kept
    assert s.kept_epoch is None and s.early_stopped is None
    window.status_line.update()
    assert window.status_line.labels["epoch"].text() == f"Epoch {s.epoch}"
