"""The six lessons: their setups build, their goals notice what they say they notice."""

from __future__ import annotations

import pytest

from playground.teach.lessons import LESSONS, LessonState, hint, progress


def _state(**kw) -> LessonState:  # noqa: ANN003
    base = dict(epoch=0, since_change=0, train_loss=None, test_loss=None,
                train_accuracy=None, test_accuracy=None, hidden=("tanh",), biases=True,
                lr=0.03, l2=0.0, stopped=False)
    base["since_change"] = kw.get("epoch", 0)
    return LessonState(**{**base, **kw})


def test_six_lessons_in_the_issues_order_each_with_a_setup_that_builds():
    assert [lesson.key for lesson in LESSONS] == ["xor-hidden", "bias", "activations",
                                                  "learning-rate", "overfitting", "mnist"]
    for lesson in LESSONS:
        lesson.setup.config.validate()
        inputs = 784 if lesson.tab == "mnist" else len(lesson.setup.data.features)
        lesson.setup.arch.build(inputs, 10 if lesson.tab == "mnist" else 2)
        assert lesson.title and 2 <= lesson.text.count(".") + lesson.text.count(":") <= 8
        assert lesson.goals and all(g.says for g in lesson.goals)


@pytest.mark.parametrize(("key", "states"), [
    ("xor-hidden", [_state(hidden=(), epoch=120, train_accuracy=0.5),
                    _state(hidden=("tanh",), epoch=400, train_accuracy=1.0)]),
    ("bias", [_state(biases=False, epoch=250, train_loss=0.07),
              _state(biases=True, epoch=600, train_loss=0.004)]),
    ("activations", [_state(hidden=("tanh",), train_accuracy=0.97, test_accuracy=0.96),
                     _state(hidden=("relu",), train_accuracy=0.95, test_accuracy=0.93),
                     _state(hidden=("linear",), epoch=80, train_accuracy=0.6)]),
    ("learning-rate", [_state(lr=0.0001, epoch=200, train_accuracy=0.5),
                       _state(lr=0.03, train_accuracy=0.99),
                       _state(lr=10.0, stopped=True)]),
    ("overfitting", [_state(epoch=200, train_loss=0.05, test_loss=0.6),
                     _state(epoch=400, since_change=40, l2=0.01, train_loss=0.3,
                            test_loss=0.4, test_loss_peak=3.2)]),
    ("mnist", [_state(test_accuracy=0.93)]),
])
def test_each_goal_is_noticed_in_turn_and_stays_reached(key, states):
    lesson = next(lesson for lesson in LESSONS if lesson.key == key)
    done = 0
    assert progress(lesson, 0, _state()) == 0  # nothing happened yet
    for i, state in enumerate(states, start=1):
        done = progress(lesson, done, state)
        assert done == i, (key, i)
    assert progress(lesson, done, _state()) == done  # what was reached stays reached


def test_relu_at_78_percent_is_no_circle_and_gets_a_hint_after_a_while():
    """The issue's report: a horizontal band at 78% with a dead neuron was praised."""
    lesson = next(lesson for lesson in LESSONS if lesson.key == "activations")
    band = _state(hidden=("relu",), epoch=400, since_change=100, train_accuracy=0.78,
                  test_accuracy=0.78)
    assert progress(lesson, 1, band) == 1 and hint(lesson, 1, band) is None
    stuck = _state(hidden=("relu",), epoch=900, since_change=300, train_accuracy=0.78,
                   test_accuracy=0.78)
    assert progress(lesson, 1, stuck) == 1 and "Reset" in hint(lesson, 1, stuck)
    overfit = _state(hidden=("relu",), train_accuracy=0.95, test_accuracy=0.7)
    assert progress(lesson, 1, overfit) == 1  # the training points alone are not the circle


def test_l2_that_does_not_bring_the_test_loss_down_says_so():
    lesson = next(lesson for lesson in LESSONS if lesson.key == "overfitting")
    weak = _state(epoch=500, since_change=200, l2=0.001, train_loss=0.01, test_loss=2.9,
                  test_loss_peak=3.2)
    assert progress(lesson, 1, weak) == 1 and "Rate" in hint(lesson, 1, weak)
    assert hint(lesson, 1, _state(epoch=500, since_change=20, l2=0.001, test_loss=2.9,
                                  test_loss_peak=3.2)) is None  # give it time first
