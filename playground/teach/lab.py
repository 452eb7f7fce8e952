"""The bug lab's presets: the three seed failures, each in its failing form and fixed.

A ``LabPreset`` is two ``Experiment``s (broken, fixed) and three lines for the learner: what they
did, what to watch, what to try. ``xor_seed_study`` trains the XOR gate from 20 seeds with and
without the wrong derivative, for 2 and 4 hidden units, because a 2-2-1 XOR net also gets stuck
on its own: the lab must not blame the bug for that. Qt-free.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from playground.data.prepare import DataSpec
from playground.data.toy import LOGIC_SETS
from playground.experiment import Architecture, Experiment
from playground.nn import LayerSpec, TrainConfig
from playground.nn.optim import SGD
from playground.nn.seeds import SeedStack, train_seeds
from playground.phrase import QT_TRANSLATE_NOOP

XOR_LR = 0.35  # the seed's learning rate
STUDY_ITERATIONS = 20_000  # the seed ran 60,000; nearly every run that succeeds does by 20,000
STUDY_CHECK_EVERY = 50
STUDY_CASES = ((2, True), (2, False), (4, True), (4, False))  # (hidden units, with the bug)


@dataclass(frozen=True)
class LabPreset:
    name: str
    title: str  # the learner's question, in their words (the menu entry)
    did: str  # what the learner did
    watch: str  # what to watch
    try_: str  # what to try
    broken: Experiment
    fixed: Experiment

    def experiment(self, fixed: bool) -> Experiment:
        return self.fixed if fixed else self.broken

    def lines(self) -> tuple[str, str, str]:
        return (f"What the learner did: {self.did}", f"What to watch: {self.watch}",
                f"What to try: {self.try_}")


def _arch(hidden: int, act: str, bias: bool, loss: str, init: str,
          bugs: tuple[str, ...] = (), seed: int = 0) -> Architecture:
    return Architecture((LayerSpec(hidden, act, bias),), "sigmoid", bias, loss, init, seed, bugs)


MNIST_COLLAPSE = LabPreset(
    "mnist-collapse", QT_TRANSLATE_NOOP("Lab", "“My MNIST network's outputs all drop to zero”"),
    QT_TRANSLATE_NOOP("Lab", "trained 784-16-10 with sigmoids and squared error on 10,000 images, "
                             "adding the gradient summed over all of them to the weights: no "
                             "learning rate, full batch, U(−1, 1) weights, no biases."),
    QT_TRANSLATE_NOOP("Lab", "after the first update every output sits at 0, accuracy is about "
                             "10% and the gradient norms drop to 0: the sigmoids saturated and "
                             "nothing can change any more."),
    QT_TRANSLATE_NOOP("Lab", "switch on Fixed: a learning rate on the mean gradient of small "
                             "batches, Xavier init and biases. Flipping the update's sign "
                             "instead, as one answer advised, would climb the loss."),
    Experiment(_arch(16, "sigmoid", False, "mse", "uniform", ("no-learning-rate",)),
               DataSpec("mnist", limit=10_000), TrainConfig("sgd", 1.0, 10_000, 10, 0)),
    Experiment(_arch(16, "sigmoid", True, "mse", "xavier"), DataSpec("mnist", limit=10_000),
               TrainConfig("sgd", 2.0, 32, 10, 0)),
)

TWO_NEURONS = LabPreset(
    "two-neurons-no-bias", QT_TRANSLATE_NOOP("Lab", "“Two neurons cannot learn 0 → 0 and 1 → 1”"),
    QT_TRANSLATE_NOOP("Lab", "chained two sigmoid neurons with weights but no bias and asked for "
                             "0 → 0 and 1 → 1."),
    QT_TRANSLATE_NOOP("Lab", "the mean error |target − output| stays above 0.25, and the loss "
                             "(the mean of ½·error², the curve) above 0.0625: for input 0 the "
                             "first neuron gives σ(0) = 0.5 whatever its weight, so the second "
                             "cannot push 0 down without also keeping 1 at or below 0.5."),
    QT_TRANSLATE_NOOP("Lab", "switch on Fixed: one bias per neuron, and the mean error falls "
                             "below 0.05."),
    Experiment(_arch(1, "sigmoid", False, "mse", "uniform"),
               DataSpec("identity", features=("x1",)),
               TrainConfig("sgd", 10.0, 2, 800, 0, shuffle=False)),
    Experiment(_arch(1, "sigmoid", True, "mse", "uniform"),
               DataSpec("identity", features=("x1",)),
               TrainConfig("sgd", 10.0, 2, 800, 0, shuffle=False)),
)

XOR_WRONG_DERIVATIVE = LabPreset(
    "xor-wrong-derivative", QT_TRANSLATE_NOOP("Lab", "“My network learns OR but rarely AND or "
                                                     "XOR”"),
    QT_TRANSLATE_NOOP("Lab", "wrote a 2-2-1 sigmoid network for the XOR gate whose backprop "
                             "multiplies by σ′(a), the derivative at the activation instead of at "
                             "z, with a sigmoid 1/(1 + exp(−z)) that overflows."),
    QT_TRANSLATE_NOOP("Lab", "the gradient check fails, yet training often still solves XOR: the "
                             "wrong gradient points roughly downhill. Run the 20-seed study: a "
                             "2-2-1 net also gets stuck without the bug."),
    QT_TRANSLATE_NOOP("Lab", "switch on Fixed: the right derivative, a stable sigmoid and 4 "
                             "hidden units, which solve XOR from every seed."),
    Experiment(_arch(2, "sigmoid", True, "bce", "normal",
                     ("derivative-at-output", "naive-sigmoid")),
               DataSpec("xor-gate"), TrainConfig("sgd", XOR_LR, 4, STUDY_ITERATIONS, 0,
                                                 shuffle=False)),
    Experiment(_arch(4, "sigmoid", True, "bce", "normal"), DataSpec("xor-gate"),
               TrainConfig("sgd", XOR_LR, 4, STUDY_ITERATIONS, 0, shuffle=False)),
)

LAB_PRESETS = {p.name: p for p in (MNIST_COLLAPSE, TWO_NEURONS, XOR_WRONG_DERIVATIVE)}


def reaches_xor(hidden: int, wrong_derivative: bool, seed: int,
                iterations: int = STUDY_ITERATIONS) -> bool:
    """Whether the seed's XOR net (full-batch SGD, lr 0.35, N(0, 1) start from ``seed``)
    classifies all four points right within ``iterations`` steps."""
    bugs = ("derivative-at-output",) if wrong_derivative else ()
    net = _arch(hidden, "sigmoid", True, "bce", "normal", bugs, seed).build(2, 2)
    points, labels = LOGIC_SETS["xor-gate"]
    x = np.ascontiguousarray(net.check_inputs(np.array(points, dtype=np.float64)))
    y, labels = net.encode_targets(np.array(labels)), np.array(labels)
    params, grads, sgd = net.flat_params(), net.flat_grads(), SGD(XOR_LR)
    for i in range(iterations):
        net.train_pass(x, y)
        sgd.step(params, grads)
        if i % STUDY_CHECK_EVERY == STUDY_CHECK_EVERY - 1 and (net.predict(x) == labels).all():
            return True
    return False


def study_case(hidden: int, wrong_derivative: bool, seeds: int = 20,
               iterations: int = STUDY_ITERATIONS,
               progress: Callable[[int], None] | None = None) -> int:
    """How many of ``seeds`` seeds' XOR nets reach 100% within ``iterations`` steps, checked
    every STUDY_CHECK_EVERY steps as ``reaches_xor`` checks one; all seeds in one
    ``SeedStack``. ``progress(steps)`` after each check (it may raise to stop)."""
    bugs = ("derivative-at-output",) if wrong_derivative else ()
    nets = [_arch(hidden, "sigmoid", True, "bce", "normal", bugs, seed).build(2, 2)
            for seed in range(seeds)]
    points, labels = LOGIC_SETS["xor-gate"]
    x = np.array(points, dtype=np.float64)
    y = nets[0].encode_targets(np.array(labels))
    stack, reached = SeedStack(nets), np.zeros(seeds, dtype=bool)
    config = TrainConfig("sgd", XOR_LR, 4, iterations, 0, shuffle=False)
    for epoch in train_seeds(stack, x, y, config, every=STUDY_CHECK_EVERY):
        reached |= stack.evaluate(x, y)[1] == 1.0  # the weights after ``epoch`` steps
        if progress is not None:
            progress(epoch.epoch)
        if reached.all():
            break
    return int(reached.sum())


def xor_seed_study(seeds: int = 20, iterations: int = STUDY_ITERATIONS,
                   cases: tuple[tuple[int, bool], ...] = STUDY_CASES,
                   progress: Callable[[int, int], None] | None = None,
                   ) -> dict[tuple[int, bool], int]:
    """{(hidden units, with the bug): how many of ``seeds`` seeds reach 100%}, each case's
    seeds trained at once. ``progress(done, total)`` counts steps over all cases."""
    result = {}
    for n, case in enumerate(cases):
        def told(steps: int, n: int = n) -> None:
            if progress is not None:
                progress(n * iterations + steps, len(cases) * iterations)
        result[case] = study_case(*case, seeds, iterations, told)
        told(iterations)  # a case whose seeds all solved it early is done all the same
    return result


def format_study(result: dict[tuple[int, bool], int], seeds: int = 20) -> list[str]:
    return [f"2-{h}-1 {'with' if bug else 'without'} the bug: {n}/{seeds} seeds reach 100%"
            for (h, bug), n in result.items()]
