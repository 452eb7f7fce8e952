"""A regression in the Playground tab: its output, its colours, RMSE instead of accuracy."""

from __future__ import annotations

import numpy as np


def _choose(window, name: str) -> None:  # noqa: ANN001
    panel = window.data_panel
    panel.dataset_combo.setCurrentIndex(panel.dataset_combo.findData(name))
    panel._apply()  # noqa: SLF001 - what the combo's change does, without the debounce


def test_a_regression_set_brings_a_linear_output_and_its_own_points(make_window, qtbot):
    window = make_window()
    s = window.session
    _choose(window, "reg-plane")
    assert s.regression and s.points.size == 1200 and s.net.n_outputs == 1
    assert (s.arch.output_activation, s.arch.loss) == ("linear", "mse")
    assert window.boundary_plot.scale.isVisible() and not window.data_panel.click_combo.isEnabled()
    drawn = sum(len(item.data) for key, item in window.boundary_plot.point_items.items()
                if key[0] == "train")
    assert drawn == len(s.points.train_labels)
    s.add_point(1.0, 1.0, 0)
    assert s.points.size == 1200  # a click adds no point without a target
    _choose(window, "xor")
    assert not s.regression and s.arch.output_activation == "sigmoid"
    assert not window.boundary_plot.scale.isVisible()


def test_the_second_plot_and_the_status_bar_show_rmse(make_window, qtbot):
    window = make_window()
    s = window.session
    _choose(window, "reg-gauss")
    s.set_speed(None)
    s.start()
    qtbot.waitUntil(lambda: s.epoch >= 5, timeout=20_000)
    s.stop()
    window.loss_plot._draw()  # noqa: SLF001 - drawn now rather than at the next frame
    assert window.loss_plot.acc_plot.getAxis("left").labelText == "RMSE"
    shown = window.loss_plot.curves["train_accuracy"].getData()[1]
    expected = np.sqrt(2 * s.history.array("train_loss"))
    assert np.allclose(shown[-1], expected[-1])
    window.status_line.update()
    assert window.status_line.labels["accuracy"].text().startswith("RMSE ")


def test_a_csv_of_real_targets_is_imported_as_a_regression(make_window, qtbot, tmp_path):
    window = make_window()
    rng = np.random.default_rng(0)
    x = rng.uniform(-5, 5, (200, 2))
    path = tmp_path / "heights.csv"
    np.savetxt(path, np.column_stack([x, np.tanh(x[:, 0] / 3)]), delimiter=",",
               header="x1,x2,height", comments="")
    task = window.data_panel.import_in_background(str(path))
    qtbot.waitUntil(lambda: task.wait(0.05) and window.session.points.size == 200,
                    timeout=20_000)
    s = window.session
    assert s.regression and s.arch.output_activation == "linear"
    assert s.data_spec.name == "custom" and s.points.train_labels.dtype == np.float64
