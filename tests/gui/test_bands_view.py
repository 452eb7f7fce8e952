"""View › Weights and gradients: each layer's weights at the kept epochs and its gradients at the
frames, as quantile bands, and a finding of the monitor marked where it began (the MNIST collapse
seed: its outputs saturate in the first epoch)."""

from __future__ import annotations

import numpy as np

from playground.nn.bands import QUANTILES, quantiles
from playground.timeline.gradients import GradientLog
from tests.gui.tabs import train_playground


def test_quantiles_leave_out_what_is_not_finite_and_a_log_keeps_one_frame_an_epoch():
    q = quantiles(np.array([4.0, np.nan, 0.0, 2.0, np.inf, 1.0, 3.0]))
    assert np.allclose(q, [0.0, 1.0, 2.0, 3.0, 4.0]) and len(q) == len(QUANTILES)
    log = GradientLog()
    for epoch, value in ((1, 1.0), (1, 2.0), (2, 3.0), (3, 4.0), (2, 5.0)):
        log.add(epoch, np.full((2, 5), value))
    epochs, bands = log.upto(None)
    assert epochs.tolist() == [1, 2] and bands[:, 0, 0].tolist() == [2.0, 5.0]  # went back to 2
    log.add(3, np.zeros((3, 5)))  # another network: afresh
    assert log.upto(None)[0].tolist() == [3]


def test_the_bands_are_the_weights_of_the_kept_epochs(make_window, qtbot):
    window = make_window()
    s = train_playground(window, qtbot, 12)
    window.bands_dock.show()
    view = window.bands
    qtbot.waitUntil(lambda: view._drawn is not None, timeout=5000)
    row = view.rows[1]
    x, median = row.items[0][2].getData()
    state = s.timeline.states.state(int(x[-1]))
    assert np.median(state.params()[1]["W"]) == np.float32(median[-1])
    gx, _ = row.items[1][2].getData()
    assert len(gx) and gx[-1] <= s.epoch  # the gradients of the run's frames


def test_the_collapse_is_marked_where_the_outputs_saturated(make_window, qtbot):
    window = make_window()
    window.load_lab_preset("mnist-collapse")
    s = window.mnist_session
    s.set_config(epochs=3)
    s.start()
    qtbot.waitUntil(lambda: s.state == "idle" and s.epoch >= 3, timeout=120000)
    window.bands_dock.show()
    view = window.bands
    qtbot.waitUntil(lambda: bool(view.marked), timeout=10000)
    assert view.marked == [(1, "vanishing", 1)]
    assert "Layer 2, since epoch 1" in view.words.text()
    _, grads = view.rows[1].items[1][2].getData()
    assert np.all(grads == -12.0)  # a gradient of exactly 0, drawn at 10⁻¹²


def test_after_a_reset_no_band_of_the_old_run_is_left(make_window, qtbot):
    window = make_window()
    s = train_playground(window, qtbot, 5)
    window.bands_dock.show()
    view = window.bands
    qtbot.waitUntil(lambda: view.rows and view.rows[0].items[0][2].getData()[0] is not None
                    and len(view.rows[0].items[0][2].getData()[0]) > 1, timeout=5000)
    s.reset()
    qtbot.waitUntil(lambda: view._drawn == (id(s), s._version), timeout=5000)
    x, _ = view.rows[0].items[0][2].getData()
    assert x is None or len(x) == 0
