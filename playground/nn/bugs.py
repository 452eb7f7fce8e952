"""The bug lab's switches: the classic mistakes of hand-written backprop, reproduced on purpose.

Each ``Bug`` says what the learner wrote and what it does. Three change the network's own code
and live in ``Network.bugs``: ``sign-flip`` and ``derivative-at-output`` change the gradient
that ``backward`` computes (a gradient check catches them), ``naive-sigmoid`` changes how the
sigmoid is computed (same values, but ``exp`` overflows and warns). ``no-learning-rate`` changes
the step (``train_steps`` reads it from ``Network.bugs`` too). ``no-bias`` and ``uniform-init``
are choices of the architecture (no bias anywhere, U(−1, 1) weights); ``apply_bug`` turns them
into those choices so the layer editor shows them as they are.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np

from playground.nn.activations import Activation
from playground.phrase import QT_TRANSLATE_NOOP

Array = np.ndarray


@dataclass(frozen=True)
class Bug:
    name: str
    title: str  # the switch's label
    wrote: str  # what the learner's code does, in one sentence
    effect: str  # what that does to training
    changes_gradient: bool  # a gradient check fails with it on


BUGS: dict[str, Bug] = {b.name: b for b in (
    Bug("sign-flip", QT_TRANSLATE_NOOP("Bugs", "Error sign and update sign disagree"),
        QT_TRANSLATE_NOOP(
            "Bugs", "The error is computed as target − output but the update still "
            "subtracts it (or the other way round)."),
        QT_TRANSLATE_NOOP(
            "Bugs", "Every step goes uphill: gradient ascent. The loss grows instead of "
            "falling."), True),
    Bug("no-learning-rate", QT_TRANSLATE_NOOP("Bugs", "No learning rate (summed step)"),
        QT_TRANSLATE_NOOP(
            "Bugs", "weights += gradient summed over the whole batch, with no learning "
            "rate."),
        QT_TRANSLATE_NOOP(
            "Bugs", "The step grows with the batch: on 10,000 images it is thousands of "
            "times too large, so every sigmoid saturates and the gradients vanish."), False),
    Bug("no-bias", QT_TRANSLATE_NOOP("Bugs", "No bias"),
        QT_TRANSLATE_NOOP("Bugs", "The neurons have weights but no bias term."),
        QT_TRANSLATE_NOOP(
            "Bugs", "Every neuron outputs f(0) for an all-zero input, whatever it learns: "
            "some functions cannot be fitted at all."), False),
    Bug("derivative-at-output", QT_TRANSLATE_NOOP("Bugs", "σ′ applied to the activation, not to z"),
        QT_TRANSLATE_NOOP(
            "Bugs", "Backprop multiplies by σ′(a) = σ(a)(1 − σ(a)) where a = σ(z) is the "
            "activation, instead of by σ′(z) = a(1 − a)."),
        QT_TRANSLATE_NOOP(
            "Bugs", "The gradient is wrong (a gradient check fails), but it often still "
            "points roughly downhill, so training can look half-fine and the bug "
            "hides."), True),
    Bug("naive-sigmoid", QT_TRANSLATE_NOOP("Bugs", "Naive sigmoid 1/(1 + exp(−z))"),
        QT_TRANSLATE_NOOP("Bugs", "sigmoid(z) = 1/(1 + exp(−z)) computed directly."),
        QT_TRANSLATE_NOOP(
            "Bugs", "For z below about −709, exp(−z) overflows to inf and NumPy warns; the "
            "value (0) is still right, but the warnings flood the output and hide "
            "real problems."), False),
    Bug("uniform-init", QT_TRANSLATE_NOOP("Bugs", "Uniform ±1 initial weights"),
        QT_TRANSLATE_NOOP("Bugs", "Weights drawn from U(−1, 1) whatever the layer's width."),
        QT_TRANSLATE_NOOP(
            "Bugs", "On wide layers (784 inputs) each weighted sum is huge, so sigmoids "
            "start saturated and learn slowly or not at all."), False),
)}
NETWORK_BUGS = ("sign-flip", "derivative-at-output", "naive-sigmoid", "no-learning-rate")


def check_bugs(names: Iterable[str]) -> frozenset[str]:
    """The names as a frozenset of network bugs; ValueError for any other name."""
    names = frozenset(names)
    unknown = sorted(names - set(NETWORK_BUGS))
    if unknown:
        raise ValueError(f"unknown bug {unknown[0]!r}; a network can carry "
                         f"{', '.join(NETWORK_BUGS)}")
    return names


def naive_sigmoid(z: Array, out: Array | None = None) -> Array:
    """1/(1 + exp(−z)) as a tutorial writes it: overflows (and warns) for very negative z."""
    with np.errstate(over="warn"):
        e = np.exp(-z)
    out = np.empty_like(z) if out is None else out
    np.divide(1.0, 1.0 + e, out=out)
    return out


def derivative_at_activation(act: Activation) -> Activation:
    """``act`` whose backward multiplies by f′(a) instead of f′(z): the derivative is taken at
    the layer's output instead of its input."""

    def grad_mul(da: Array, z: Array, a: Array) -> None:
        act.grad_mul(da, a, act.forward(a))

    return Activation(act.name, act.forward, grad_mul, act.hidden_ok)


def buggy_activations(acts: list[Activation], bugs: frozenset[str]) -> list[Activation]:
    """The network's activations with ``bugs`` applied."""
    out = []
    for act in acts:
        if "naive-sigmoid" in bugs and act.name == "sigmoid":
            act = Activation(act.name, naive_sigmoid, act.grad_mul, act.hidden_ok)
        if "derivative-at-output" in bugs and act.name != "softmax":
            act = derivative_at_activation(act)
        out.append(act)
    return out
