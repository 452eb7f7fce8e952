"""Six guided lessons: each opens its own setup, says in two or three sentences what to do and
what to watch, and notices progress where it can. Qt-free.

A ``Lesson`` has a setup (an ``Experiment``, on the Playground tab or MNIST's), a text, and
``Goal``s in order; ``progress(lesson, state)`` gives the goals reached for a ``LessonState``
(numbers the window reads off a session). A goal is judged only on what the lesson's own runs
did since it opened, and a goal about the network's work (its accuracy, its loss) only on epochs
trained since the network or its settings last changed: the numbers of the network before a
switch to ReLU are not ReLU's. ``Hint``s say what to do when the learner's step has not had its
effect. The texts are English; the window shows them through its translator, so each is marked
with ``QT_TRANSLATE_NOOP`` for Qt's lupdate (a no-op here: the core stays free of Qt).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from playground.data.prepare import DataSpec
from playground.experiment import PRESETS, Architecture, Experiment
from playground.nn import LayerSpec, TrainConfig
from playground.phrase import QT_TRANSLATE_NOOP
from playground.teach.lab import LAB_PRESETS

CONTEXT = "Lessons"



@dataclass(frozen=True)
class LessonState:
    """What the lessons watch, read off the session the lesson runs on: epochs the lesson's own
    runs trained, epochs since the network or its settings last changed, and the metrics of the
    latest of those (None before any)."""

    epoch: int
    since_change: int
    train_loss: float | None
    test_loss: float | None
    train_accuracy: float | None
    test_accuracy: float | None
    hidden: tuple[str, ...]  # the hidden layers' activations
    biases: bool  # every layer has a bias
    lr: float
    l2: float
    stopped: bool  # the last run stopped itself (the loss blew up)
    test_loss_peak: float | None = None  # the highest test loss of the lesson's runs
    dropout: float = 0.0  # the largest dropout rate of the hidden layers
    early_stopped: bool = False  # early stopping ended the last run and kept an earlier epoch
    kept_test_loss: float | None = None  # then: the test loss of the epoch it kept


@dataclass(frozen=True)
class Goal:
    reached: Callable[[LessonState], bool]
    says: str  # what the lesson says once it is reached: what happened, what to try next


@dataclass(frozen=True)
class Hint:
    """What to do when the step towards goal ``goal`` (0-based) has not had its effect."""

    goal: int
    shown: Callable[[LessonState], bool]
    says: str


@dataclass(frozen=True)
class Lesson:
    key: str
    title: str
    text: str
    setup: Experiment
    goals: tuple[Goal, ...]
    tab: str = "playground"  # or "mnist"
    hints: tuple[Hint, ...] = ()
    shows: tuple[str, ...] = ()  # views the lesson opens beside it ("landscape")


def _acc(state: LessonState) -> float:
    return state.train_accuracy or 0.0


def _draws(state: LessonState, share: float) -> bool:
    """The boundary puts at least ``share`` of the points on their side: on the training
    points, and on the test points when there are any."""
    return _acc(state) >= share and (state.test_accuracy is None or
                                     state.test_accuracy >= share)


def _xor_lesson() -> Lesson:
    no_hidden = replace(PRESETS["xor"], arch=replace(PRESETS["xor"].arch, hidden=()))
    return Lesson(
        "xor-hidden", QT_TRANSLATE_NOOP("Lessons", "1. XOR needs a hidden layer"),
        QT_TRANSLATE_NOOP("Lessons", "This network has no hidden layer: its output can only draw "
                          "one straight line, and no straight line separates XOR's corners. "
                          "Press Train and watch the accuracy stall; then press + Add layer "
                          "and watch the boundary bend."),
        no_hidden,
        (Goal(lambda s: not s.hidden and s.since_change >= 100,
              QT_TRANSLATE_NOOP("Lessons", "Stuck, as expected: one straight line cannot split "
                                "XOR. Now press + Add layer in the Network box.")),
         Goal(lambda s: bool(s.hidden) and _acc(s) >= 0.95,
              QT_TRANSLATE_NOOP("Lessons", "Solved: each hidden neuron draws a line (see its "
                                "little map) and the output combines them. Press Next."))))


def _bias_lesson() -> Lesson:
    broken = LAB_PRESETS["two-neurons-no-bias"].broken
    return Lesson(
        "bias", QT_TRANSLATE_NOOP("Lessons", "2. What a bias does"),
        QT_TRANSLATE_NOOP("Lessons", "A learner's two neurons, without biases, asked for 0 → 0 "
                          "and 1 → 1. For input 0 the first neuron gives σ(0) = 0.5 whatever "
                          "its weight. Press Train and watch the loss stay up; then switch the "
                          "biases on (the bias boxes) and watch it fall."),
        replace(broken, config=replace(broken.config, epochs=10**9)),
        (Goal(lambda s: not s.biases and s.since_change >= 200,
              QT_TRANSLATE_NOOP("Lessons", "The loss stays above 0.06: without a bias no weight "
                                "can map 0 to 0. Tick the bias boxes of both layers.")),
         Goal(lambda s: s.biases and (s.train_loss or 1.0) < 0.01,
              QT_TRANSLATE_NOOP("Lessons", "With a bias each neuron can shift its output: "
                                "0 → 0 and 1 → 1 are learned. Press Next."))))


def _activation_lesson() -> Lesson:
    """Eight tanh units, not the circle example's four: switched to ReLU from tanh's trained
    weights, four units settled on a band below 90% for 5 seeds of 20 (the lesson's own among
    them); eight found the circle for all 20 (500 epochs after the switch, sgd 0.1)."""
    circle = PRESETS["circle"]
    eight = replace(circle.arch, hidden=(LayerSpec(8, "tanh"),))
    return Lesson(
        "activations", QT_TRANSLATE_NOOP("Lessons", "3. Activations shape the boundary"),
        QT_TRANSLATE_NOOP("Lessons", "Train this tanh network on the circle and watch a smooth, "
                          "round boundary form. Then set layer 1 to ReLU (straight pieces "
                          "with corners), then to Linear: a stack of linear layers is one "
                          "straight line, however deep."),
        replace(circle, arch=eight, config=replace(circle.config, lr=0.1)),
        (Goal(lambda s: "tanh" in s.hidden and _draws(s, 0.95),
              QT_TRANSLATE_NOOP("Lessons", "Round and smooth: tanh bends gently. Now choose ReLU "
                                "for layer 1.")),
         Goal(lambda s: "relu" in s.hidden and _draws(s, 0.9),
              QT_TRANSLATE_NOOP("Lessons", "ReLU draws the circle from straight pieces. Now "
                                "choose Linear for every hidden layer.")),
         Goal(lambda s: bool(s.hidden) and set(s.hidden) == {"linear"} and s.since_change >= 50,
              QT_TRANSLATE_NOOP("Lessons", "All linear: the boundary is one straight line again "
                                "and the accuracy drops. Non-linear activations are what "
                                "hidden layers are for. Press Next."))),
        hints=(Hint(1, lambda s: "relu" in s.hidden and s.since_change >= 300 and
                    not _draws(s, 0.9),
                    QT_TRANSLATE_NOOP("Lessons", "ReLU has not found the circle: it stays under "
                                      "90%. Its units may have settled on a band, or died (a "
                                      "flat map in the diagram: 0 for every point). Press Reset "
                                      "for fresh weights.")),))


def _rate_lesson() -> Lesson:
    xor = PRESETS["xor"]
    return Lesson(
        "learning-rate", QT_TRANSLATE_NOOP("Lessons", "4. The learning rate"),
        QT_TRANSLATE_NOOP("Lessons", "The learning rate is 0.0001: press Train and watch almost "
                          "nothing move. Then try 0.03, then 10 (type it into the Learning rate "
                          "box while it trains). The loss landscape beside it draws the path "
                          "each rate takes."),
        replace(xor, config=replace(xor.config, lr=0.0001)),
        (Goal(lambda s: s.lr <= 0.001 and s.since_change >= 150,
              QT_TRANSLATE_NOOP("Lessons", "Crawling: each step is tiny. Set the learning rate "
                                "to 0.03.")),
         Goal(lambda s: 0.003 <= s.lr <= 1 and _acc(s) >= 0.95,
              QT_TRANSLATE_NOOP("Lessons", "Learned. Now set the learning rate to 10 and watch "
                                "the loss.")),
         Goal(lambda s: s.lr >= 3 and (s.stopped or (s.train_loss or 0.0) > 0.3),
              QT_TRANSLATE_NOOP("Lessons", "Too large: the steps overshoot and the loss jumps "
                                "or blows up. Seed 000's network took the gradient summed "
                                "over 10,000 images with no rate at all: the Bug lab's first "
                                "question shows its collapse. Press Next."))),
        shows=("landscape",))


def _overfit_lesson() -> Lesson:
    """Measured over 20 seeds of data and weights: the curves part by epoch 150 in 20; with L2
    switched on at epoch 150 or 250, the test loss falls below two thirds of what it was within
    200 epochs in 20 of 20 at 0.003 (what choosing L2 starts with), 0.01 and 0.03 (to a median
    0.36, 0.23 and 0.21 of it; test accuracy 69% -> 76-78%). The lesson's own seed overfits the
    least: at epoch 210 its test loss is 0.95, and L2 at 0.003 takes it to 0.51 (below two
    thirds after 12 epochs). Then, from fresh weights, against the peak of 200 epochs at 0.03:
    dropout 50% in both layers at rate 0.01 ends 300 epochs below two thirds of it in 17 of 20
    (a median 0.35 of it; at rate 0.03 dropout 30% or 50% did so in 8 of 20: the weights still
    grow to fit the noise), and early stopping after 50 epochs keeps an epoch below two thirds
    of it in 20 of 20 (a median 0.22). The lesson's own seed: 0.98, dropout 0.33, kept 0.61."""
    arch = Architecture((LayerSpec(16, "relu"), LayerSpec(16, "relu")), init="he")
    exp = Experiment(arch.with_output("sigmoid"),
                     DataSpec("circle", points=40, noise=0.35, test_fraction=0.5),
                     TrainConfig("adam", 0.03, 10, 10**9, 0))
    return Lesson(
        "overfitting", QT_TRANSLATE_NOOP("Lessons", "5. Noise, few points and overfitting"),
        QT_TRANSLATE_NOOP("Lessons", "Twenty noisy training points and a large network: press "
                          "Train and watch the train loss fall towards 0 while the test loss "
                          "(orange) climbs: the network learns the noise by heart. Then set "
                          "Regularization to L2 and watch the test loss come back down."),
        exp,
        (Goal(lambda s: s.since_change >= 150 and s.l2 == 0 and not s.dropout and
              s.test_loss is not None and
              s.train_loss is not None and s.test_loss > 2 * s.train_loss,
              QT_TRANSLATE_NOOP("Lessons", "The curves part: the network learns the noise of its "
                                "twenty points, not the circle. Choose L2 under "
                                "Regularization.")),
         Goal(lambda s: s.l2 > 0 and _test_loss_fell(s),
              QT_TRANSLATE_NOOP("Lessons", "L2 pulls every weight towards zero, so the boundary "
                                "stays simpler: the test loss came down by a third or more. "
                                "Another cure: set Regularization to None, the learning rate "
                                "to 0.01 and both layers' dropout to 50%, then Reset and "
                                "Train.")),
         Goal(lambda s: s.l2 == 0 and s.dropout >= 0.3 and s.since_change >= 300 and
              _test_loss_fell(s),
              QT_TRANSLATE_NOOP("Lessons", "Each step drops half the units at random, so no unit "
                                "can learn a noisy point alone: after 300 epochs the test loss "
                                "is under two thirds of its peak. A third cure: dropout back to "
                                "0%, Early stop 50, then Reset and Train.")),
         Goal(lambda s: s.early_stopped and s.kept_test_loss is not None and
              s.test_loss_peak is not None and s.kept_test_loss < s.test_loss_peak * 2 / 3,
              QT_TRANSLATE_NOOP("Lessons", "The run stopped 50 epochs after its best test loss "
                                "and kept that epoch's weights: the network from before it "
                                "learnt the noise. More points would help too (Points). Press "
                                "Next."))),
        hints=(Hint(1, lambda s: s.l2 > 0 and s.since_change >= 200 and
                    not _test_loss_fell(s),
                    QT_TRANSLATE_NOOP("Lessons", "L2 at this rate has not brought the test loss "
                                      "down by a third in 200 epochs: it pulls too weakly here. "
                                      "Raise its Rate (0.03 works on this setup).")),
               Hint(2, lambda s: s.dropout > 0 and s.since_change >= 300 and
                    not _test_loss_fell(s),
                    QT_TRANSLATE_NOOP("Lessons", "Dropout has not kept the test loss down here: "
                                      "at a learning rate of 0.03 the weights still grow to fit "
                                      "the noise. Set it to 0.01, Reset and Train.")),))


def _test_loss_fell(s: LessonState) -> bool:
    """The test loss is under two thirds of its highest in the lesson (where overfitting had
    taken it before the regularization: however often the rate changed since)."""
    return s.test_loss is not None and s.test_loss_peak is not None and \
        s.test_loss < s.test_loss_peak * 2 / 3


def _mnist_lesson() -> Lesson:
    arch = Architecture((LayerSpec(128, "relu"),), "softmax", True, "cross_entropy", "he", 0)
    mnist = Experiment(arch, DataSpec("mnist"), TrainConfig("adam", 0.001, 64, 3, 0))
    return Lesson(
        "mnist", QT_TRANSLATE_NOOP("Lessons", "6. From the plane to MNIST"),
        QT_TRANSLATE_NOOP("Lessons", "The same kind of network, with 784 inputs: one per pixel of "
                          "a 28×28 digit. Press Train for two or three epochs and watch the "
                          "test accuracy pass 90%; then press Draw with it and draw digits in "
                          "the Digits tab."),
        mnist,
        (Goal(lambda s: (s.test_accuracy or 0.0) >= 0.9,
              QT_TRANSLATE_NOOP("Lessons", "Over 90% of the 10,000 test digits read right. Now "
                                "press Draw with it, draw a digit and watch what it reads.")),),
        tab="mnist")


LESSONS: tuple[Lesson, ...] = (_xor_lesson(), _bias_lesson(), _activation_lesson(),
                               _rate_lesson(), _overfit_lesson(), _mnist_lesson())


def hint(lesson: Lesson, done: int, state: LessonState) -> str | None:
    """What to do when the step towards the next goal has not had its effect (None: nothing
    to say yet)."""
    return next((h.says for h in lesson.hints if h.goal == done and h.shown(state)), None)


def progress(lesson: Lesson, done: int, state: LessonState) -> int:
    """The goals reached so far, given ``done`` before: the furthest goal ``state`` reaches
    counts, and what was reached stays reached (adding the hidden layer ends "stuck without
    one"; a learner who skips a step is not held back by it)."""
    reached = [i + 1 for i, goal in enumerate(lesson.goals) if goal.reached(state)]
    return max([done, *reached])
