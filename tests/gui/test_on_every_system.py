"""One walk through the app as a learner takes it, natively and as on Windows (spawn, no fork,
no resource, no os.kill probe): the window opens, XOR trains, a bias edit applies while it
trains, a model is saved and reopened, Check and Train with my code work, MNIST trains, the seed
grid runs, and closing the window leaves no process of ours behind. As on Windows the training
process is a fresh interpreter (spawn) that loads numpy and never Qt."""

from __future__ import annotations

import psutil
import pytest

from playground.gui.main_window import MainWindow
from playground.learner.check import TEMPLATE
from tests.alive import alive_after
from tests.gui.tabs import show_mnist

pytestmark = pytest.mark.both_ways


def _ours() -> set[int]:
    """The processes below this one, multiprocessing's own helpers aside: the fork server and
    the resource tracker serve every window of this process and end with it, by design (what
    the fork server forks is counted: those are the training processes)."""
    me = psutil.Process()
    helpers = set()
    for child in me.children():
        try:
            command = " ".join(child.cmdline())
        except psutil.Error:
            continue
        if "resource_tracker" in command or "forkserver" in command:
            helpers.add(child.pid)
    return {p.pid for p in me.children(recursive=True)} - helpers


def _xor_trains_and_takes_a_bias_edit(window, qtbot) -> None:  # noqa: ANN001
    s = window.session
    window.load_preset("xor")
    window.train_panel.train_button.click()
    qtbot.waitUntil(lambda: s.epoch >= 5, timeout=30_000)
    window.layer_editor.rows[0].bias.setChecked(False)
    epoch = s.epoch
    qtbot.waitUntil(lambda: s.epoch >= epoch + 5 and s.frame is not None, timeout=20_000)
    assert s.state == "running" and "b" not in s.displayed_network().params[0]
    s.stop()


def _saved_and_reopened(window, tmp_path) -> None:  # noqa: ANN001
    s = window.session
    path = tmp_path / "xor.npz"
    assert s.files.save(path)
    weights = s.net.params[0]["W"].copy()
    window.load_preset("circle")
    assert window.files.open_model(str(path))
    assert (s.net.params[0]["W"] == weights).all() and "b" not in s.net.params[0]


def _their_code_checks_and_trains(window, qtbot) -> None:  # noqa: ANN001
    tab = window.code_tab
    window.tabs.setCurrentWidget(tab)
    tab.editor.setPlainText(TEMPLATE)
    tab.check_button.click()
    qtbot.waitUntil(lambda: tab.check_button.isEnabled(), timeout=60_000)
    assert tab.status.text() == "Your backprop agrees with the playground's."
    tab.train_button.click()
    s = window.session
    qtbot.waitUntil(lambda: s.epoch >= 3, timeout=30_000)
    assert s.code is not None and s.state == "running"
    tab.training.drop_button.click()  # back to the playground's own code, still training
    assert s.code is None and s.state == "running"
    s.stop()


def _mnist_trains(window, qtbot) -> None:  # noqa: ANN001
    show_mnist(window, qtbot)
    s = window.mnist_session
    s.train_limit = 2000
    s.set_config(epochs=1)
    window.mnist_panel.train_panel.train_button.click()
    qtbot.waitUntil(lambda: s.state == "idle", timeout=90_000)
    assert s.epoch == 1 and s.history.latest("test_accuracy") > 0.7


def _the_seed_grid_runs(window, qtbot) -> None:  # noqa: ANN001
    window.tabs.setCurrentIndex(0)
    window.load_lab_preset("xor-wrong-derivative")
    grid = window.show_seed_grid()
    assert grid.start(seeds=4, epochs=300)
    qtbot.waitUntil(lambda: not window.seeds_run.running, timeout=60_000)
    assert len(window.seeds_run.images) == 4 and grid.summary.text().endswith("reached 100%")
    grid.close()


def test_a_learner_walks_through_the_app(qtbot, tmp_path, system):
    before = _ours()
    window = MainWindow()
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    _xor_trains_and_takes_a_bias_edit(window, qtbot)
    _saved_and_reopened(window, tmp_path)
    _their_code_checks_and_trains(window, qtbot)
    _mnist_trains(window, qtbot)
    _the_seed_grid_runs(window, qtbot)
    window.session.start()  # and close mid-run
    qtbot.waitUntil(lambda: window.session.epoch >= 1, timeout=30_000)
    started = _ours() - before
    assert started, "a training process should be running"
    if system == "windows":  # started by spawn: a fresh interpreter, which never loads Qt
        spawned = [p for p in started if "spawn_main" in " ".join(psutil.Process(p).cmdline())]
        assert spawned
        loaded = [m.path for m in psutil.Process(spawned[0]).memory_maps()]
        assert any("numpy" in path for path in loaded)
        assert not [path for path in loaded if "PySide6" in path or "Qt6" in path]
    window.close()
    assert alive_after(sorted(started), 10.0) == []
