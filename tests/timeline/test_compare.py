"""Two runs in one sentence: how each ended, which ended better, and only what the curves say."""

from __future__ import annotations

import numpy as np

from playground.experiment import Architecture
from playground.timeline.compare import difference
from playground.timeline.curves import History
from playground.timeline.lines import Line
from playground.timeline.states import Timeline


def _line(number: int, accuracy: list[float], fork: int | None = None,
          marks: list | None = None) -> Line:
    h = History()
    epochs = np.arange(1, len(accuracy) + 1)
    h.add_rows(epochs, train_accuracy=np.array(accuracy), train_loss=1.0 - np.array(accuracy))
    return Line(number, h, Timeline(), marks or [], Architecture(),
                Architecture().build(2, 2), fork, None if fork is None else 1)


def test_the_run_that_ended_higher_is_named_first_and_a_fall_back_is_said():
    a = _line(1, [0.5, 0.75, 1.0, 1.0])
    b = _line(2, [0.5, 0.75, 0.75, 0.5], fork=1, marks=[(1, "bias off, layer 1")])
    text = str(difference(a, b))
    assert text == ("Run 1: training accuracy reached 100% at epoch 3; Run 2 (bias off, layer 1 "
                    "at epoch 1): training accuracy reached 75% at epoch 2 and was 50% at "
                    "epoch 4. Run 1 ended higher, by 50 points of accuracy.")


def test_alike_ends_say_which_got_there_sooner():
    a = _line(1, [0.5, 1.0, 1.0])
    b = _line(2, [0.5, 0.75, 1.0])
    assert str(difference(a, b)).endswith("Both got as far; Run 1 got there one epoch sooner.")
    c = _line(3, [0.5, 1.0, 0.5])
    d = _line(4, [0.5, 0.5, 0.5])
    assert str(difference(c, d)).endswith(
        "Both ended as high; Run 3 had been higher on the way, at 100%.")


def test_a_run_without_epochs_is_said():
    empty = Line(1, History(), Timeline(), [], Architecture(), Architecture().build(2, 2))
    assert str(difference(empty, _line(2, [1.0]))) == "One of the two runs has no epoch yet."
