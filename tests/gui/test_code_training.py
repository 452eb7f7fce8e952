"""Train with my code: the learner's functions train the Playground's (or MNIST's) network."""

from __future__ import annotations

import numpy as np
import pytest

from playground.learner.check import TEMPLATE

pytestmark = pytest.mark.both_ways  # as on Windows too: spawn, no fork, no resource


def _train(window, qtbot, source: str, timeout: float = 20.0):  # noqa: ANN001
    tab = window.code_tab
    window.tabs.setCurrentWidget(tab)
    tab.editor.setPlainText(source)
    tab.timeout_spin.setValue(timeout)
    assert tab.train_button.isEnabled()
    tab.train_button.click()
    return tab


def test_their_template_trains_the_playground_live_and_goes_back(make_window, qtbot):
    window = make_window()
    tab = _train(window, qtbot, TEMPLATE.replace("    n = len(y)\n",
                                                 "    n = len(y)\n    print('batch of', n)\n"))
    s = window.session
    assert s.code is not None and s.state == "running"
    assert s.net.sizes == [2, 4, 1] and s.arch.loss == "mse"  # the network their LAYERS say
    assert not window.layer_editor.isEnabled()  # their constants decide it
    assert not window.train_panel.optimizer_combo.isEnabled()  # their update steps
    qtbot.waitUntil(lambda: s.epoch >= 3, timeout=20_000)
    assert "batch of" in tab.console.toPlainText()
    assert "epoch" in tab.training.status.text() and "loss" in tab.training.status.text()
    def drawn():  # noqa: ANN202
        return tab.training.plot.curves["train_loss"].getData()[1]

    qtbot.waitUntil(lambda: drawn() is not None and len(drawn()) >= 3, timeout=5_000)
    assert np.all(np.isfinite(drawn()))
    tab.training.show_button.click()
    assert window.tabs.currentIndex() == 0  # the boundary is there
    epoch = s.epoch
    tab.training.drop_button.click()  # trains on, with the playground's own code
    assert s.code is None and s.state == "running" and window.layer_editor.isEnabled()
    assert window.train_panel.optimizer_combo.isEnabled()
    assert "Back to the playground's own code" in tab.status.text()
    assert "Not training with your code" in tab.training.status.text()
    qtbot.waitUntil(lambda: s.epoch > epoch + 3, timeout=20_000)
    assert s._proc.alive and not s._proc.code_process
    s.stop()


def test_a_layer_edit_is_refused_while_their_code_trains(make_window, qtbot):
    window = make_window()
    _train(window, qtbot, TEMPLATE)
    s = window.session
    arch = s.arch
    from dataclasses import replace

    s.edits.set_architecture(replace(arch, hidden=arch.hidden * 2))
    assert s.arch == arch and s.net.sizes == [2, 4, 1]
    s.code_mode.drop()


def test_the_two_neurons_train_on_their_own_data_and_stay_stuck(make_window, qtbot):
    window = make_window()
    tab = window.code_tab
    tab.load_example("two_neurons_no_bias.py")
    s = window.session
    s.set_speed(None)  # as fast as it goes: 300 epochs of two points
    assert tab.train()
    assert s.input_dim == 1 and s.net.sizes == [1, 1, 1] and s.config.lr == 10.0
    qtbot.waitUntil(lambda: s.epoch >= 300, timeout=60_000)
    s.stop()
    # without a bias, z(0) < 0.5 forces z(1) < 0.5: the mean of ½(d − z)² stays above
    # ½·(0² + 0.5²)/2 = 0.0625 whatever the weights
    assert s.history.latest("train_loss") > 0.0625
    tab.editor.setPlainText(tab.editor.toPlainText().replace("BIAS = False", "BIAS = True"))
    assert tab.train()
    qtbot.waitUntil(lambda: s.epoch >= 300, timeout=60_000)
    s.stop()
    assert s.history.latest("train_loss") < 0.01, s.history.latest("train_loss")  # it learns
    s.code_mode.drop()


def test_a_network_that_fits_no_tab_is_explained(make_window):
    window = make_window()
    tab = window.code_tab
    tab.editor.setPlainText(TEMPLATE.replace("LAYERS = [2, 4, 1]", "LAYERS = [3, 4, 1]"))
    assert not tab.train()
    assert "LAYERS starts with 3 inputs" in tab.status.text() and "784 (MNIST)" in \
        tab.status.text()
    assert window.session.code is None


def test_their_exception_mid_run_is_reported_and_the_window_goes_on(make_window, qtbot):
    window = make_window()
    errors = []
    window.session.sig_error.connect(errors.append)
    _train(window, qtbot, TEMPLATE.replace("    n = len(y)\n", "    n = len(y) // 0\n"))
    qtbot.waitUntil(lambda: window.session.state == "idle", timeout=20_000)
    assert errors and "ZeroDivisionError in backward, line" in errors[0]
    window.session.code_mode.drop()


@pytest.mark.parametrize("where", ["backward", "file"])
def test_an_endless_loop_ends_at_the_time_limit(make_window, qtbot, where):
    window = make_window()
    errors = []
    window.session.sig_error.connect(errors.append)
    loop = "    while True:\n        pass\n"
    source = TEMPLATE.replace("    n = len(y)\n", "    n = len(y)\n" + loop) if \
        where == "backward" else TEMPLATE + "while True:\n    pass\n"
    _train(window, qtbot, source, timeout=1.0)
    qtbot.waitUntil(lambda: window.session.state == "idle", timeout=20_000)
    assert errors and "did not finish a training step within 1 s" in errors[0]
    assert window.session.net.sizes == [2, 4, 1]  # the weights on display are kept
    window.session.code_mode.drop()
    window.session.start()  # a fresh process trains with the playground's code
    qtbot.waitUntil(lambda: window.session.epoch >= 2, timeout=20_000)
    window.session.stop()


def test_the_mnist_learners_code_trains_in_the_mnist_tab_and_collapses(make_window, qtbot):
    window = make_window()
    tab = window.code_tab
    tab.load_example("mnist_outputs_collapse.py")
    assert tab.train()
    s = window.mnist_session
    assert s.code is not None and window.session.code is None and s.net.sizes == [784, 16, 10]
    qtbot.waitUntil(lambda: s.frame is not None and s.frame.snapshot.step >= 20,
                    timeout=60_000)
    s.pause()
    qtbot.waitUntil(lambda: s.state == "paused", timeout=10_000)
    out = s.displayed_network().predict_proba(s.data.test_images[:200].reshape(200, -1) / 255)
    assert out.max() < 0.05  # seed 000's collapse: every output near zero
    tab.training.show_button.click()
    assert window.tabs.currentWidget() is window.mnist_panel
    s.code_mode.drop()


def test_their_python2_template_trains_as_python3(make_window, qtbot):
    """Seed 001's kind of file: print statements and xrange. It trains, and what it prints
    reaches the console as Python 3's print() prints it."""
    py2 = TEMPLATE.replace("    for i in range(len(params) - 1, -1, -1):",
                           "    for i in xrange(len(params) - 1, -1, -1):")
    py2 = py2.replace("    n = len(y)\n", "    n = len(y)\n    print 'batch of', n\n")
    window = make_window()
    tab = _train(window, qtbot, py2)
    s = window.session
    assert s.code is not None and s.code.python2  # the changes, kept with the code
    qtbot.waitUntil(lambda: s.epoch >= 3, timeout=20_000)
    assert "batch of" in tab.console.toPlainText()
    s.stop()
