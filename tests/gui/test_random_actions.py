"""Hundreds of random actions, as fast as a careless learner clicks, and nothing goes out of
step: the audit's 500 actions on the Playground (three seeds) and 300 on MNIST."""

from __future__ import annotations

import pytest

from tests.gui.monkey import MnistMonkey, PlaygroundMonkey
from tests.gui.tabs import show_mnist


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_500_random_actions_on_the_playground(make_window, qtbot, capfd, seed):
    window = make_window()
    monkey = PlaygroundMonkey(window, qtbot, seed)
    monkey.run(500)
    monkey.still_trains()
    assert capfd.readouterr().err == ""


@pytest.mark.slow
def test_300_random_actions_on_mnist(make_window, qtbot, capfd):
    window = make_window()
    show_mnist(window, qtbot)
    monkey = MnistMonkey(window, qtbot, 7)
    monkey.run(300)
    monkey.still_trains()
    assert capfd.readouterr().err == ""
