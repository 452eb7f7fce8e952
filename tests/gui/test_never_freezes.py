"""The window never waits on its training process: edits of a large network while it trains.

The audit's reproduction: MNIST tab → Train → click a layer's bias box, and the same on a
2-1024-1024-1 Playground network. Both sides had queued ~210 kB and sat in a blocking send for
ever. A watchdog (faulthandler) ends the test run with every thread's stack if the event loop
ever stalls for good; each click must be followed by a frame of the edited network.
"""

from __future__ import annotations

import faulthandler
import time
from dataclasses import replace

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QCheckBox

from playground.experiment import PRESETS
from playground.nn import LayerSpec
from tests.gui.tabs import show_mnist

pytestmark = pytest.mark.both_ways  # as on Windows too: spawn, no fork, no resource

WATCHDOG_SECONDS = 300  # far past anything these need; only a frozen loop reaches it
CLICKS = 20
BUSY_SECONDS = 0.2


@pytest.fixture
def watchdog():
    faulthandler.dump_traceback_later(WATCHDOG_SECONDS, exit=True)
    yield
    faulthandler.cancel_dump_traceback_later()


def _click_bias_while_training(session, editor, qtbot) -> None:  # noqa: ANN001
    beats = [0]
    heart = QTimer()
    heart.timeout.connect(lambda: beats.__setitem__(0, beats[0] + 1))
    heart.start(20)
    with qtbot.waitSignal(session.sig_epochs, timeout=60_000):
        session.start()
    box = editor.findChild(QCheckBox, "biasCheck0")
    for _ in range(CLICKS):
        # the window busy for a moment (drawing, say) while the process sends frames: the
        # socket fills, and the click's edit meets a process that is itself sending
        time.sleep(BUSY_SECONDS)
        before = beats[0]
        qtbot.mouseClick(box, Qt.MouseButton.LeftButton)
        assert session.state == "running"
        # the loop keeps turning, and the edited network's weights come back from the process
        qtbot.waitUntil(lambda: beats[0] > before + 2 and session.frame is not None,  # noqa: B023
                        timeout=60_000)
        assert ("b" in session.frame.params[0]) == box.isChecked()
    heart.stop()
    session.stop()
    assert session.state == "idle"


def test_bias_clicks_on_a_wide_playground_network_while_it_trains(make_window, qtbot, watchdog):
    wide = (LayerSpec(1024, "tanh"), LayerSpec(1024, "tanh"))
    exp = replace(PRESETS["xor"], arch=replace(PRESETS["xor"].arch, hidden=wide))
    window = make_window(exp)
    window.session.set_speed(None)
    _click_bias_while_training(window.session, window.layer_editor, qtbot)


@pytest.mark.slow
def test_bias_clicks_on_the_mnist_tab_while_it_trains(make_window, qtbot, watchdog):
    window = make_window()
    show_mnist(window, qtbot)
    window.mnist_session.set_config(epochs=1000)  # trains through every click
    _click_bias_while_training(window.mnist_session, window.mnist_panel.layer_editor, qtbot)
