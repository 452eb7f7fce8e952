"""The six lessons: their setups build, their goals notice what they say they notice."""

from __future__ import annotations

import pytest

from playground.lessons import LESSONS, LessonState, progress


def _state(**kw) -> LessonState:  # noqa: ANN003
    base = dict(epoch=0, train_loss=None, test_loss=None, train_accuracy=None,
                test_accuracy=None, hidden=("tanh",), biases=True, lr=0.03, l2=0.0,
                stopped=False)
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
    ("activations", [_state(hidden=("tanh",), train_accuracy=0.97),
                     _state(hidden=("relu",), train_accuracy=0.95),
                     _state(hidden=("linear",), epoch=80, train_accuracy=0.6)]),
    ("learning-rate", [_state(lr=0.0001, epoch=200, train_accuracy=0.5),
                       _state(lr=0.03, train_accuracy=0.99),
                       _state(lr=10.0, stopped=True)]),
    ("overfitting", [_state(epoch=200, train_loss=0.05, test_loss=0.6),
                     _state(epoch=400, l2=0.01, train_loss=0.3, test_loss=0.4)]),
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
