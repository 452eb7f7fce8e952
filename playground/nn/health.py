"""The health monitor: per-layer numbers and plain-sentence findings on why training fails.

``measure`` runs the network on a sample batch and reports, per layer, the gradient norm (from
the last step), the weight norm, the share of saturated sigmoid/tanh units and of dead ReLUs.
``diagnose`` turns those, the loss history and the bug-lab switches into ``Finding``s: one
sentence naming the likely cause (a ``Phrase``: the window translates it) and the fixes a window
can offer as buttons. Qt-free.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from playground.nn.activations import get_activation
from playground.nn.gradcheck import GradCheckResult
from playground.nn.network import DIVERGED, Network
from playground.nn.train import SUMMED_STEP
from playground.phrase import QT_TRANSLATE_NOOP, Phrase, sayer

Array = np.ndarray
SATURATED_DERIVATIVE = 0.02  # f'(z) below this share of its peak: the unit barely learns
SATURATED_SAMPLES = 0.9  # a unit is saturated when it is so on this share of the samples
VANISHED = 1e-7  # a gradient norm below this has vanished
BAD_SHARE = 0.5  # findings about saturated or dead units start at half a layer
RISING_EPOCHS = 4  # this many rising epoch losses in a row: the loss is climbing
DIVERGING_LOSS = 10.0  # an epoch loss this many times the start's: the run is diverging
EXPLODED_RMS = 1e3  # a layer's root-mean-square weight past this has exploded (init gives ~0.5)
# steps this size or more overshoot on these networks (the lessons' "too large" is 10); below
# it, a loss that climbed from its first epoch to a blow-up was climbed by the update itself
LARGE_LR = 1.0

CONTEXT = "Health"  # the translator's context of every sentence here
# the fixes a finding can offer; the window makes each a button
FIXES = {"lower-lr": QT_TRANSLATE_NOOP("Health", "Lower the learning rate"),
         "reset": QT_TRANSLATE_NOOP("Health", "Reset weights"),
         "lower-lr-reset": QT_TRANSLATE_NOOP("Health", "Lower the learning rate and reset"),
         "bias-on": QT_TRANSLATE_NOOP("Health", "Add biases"),
         "init-suited": QT_TRANSLATE_NOOP("Health", "Use Xavier/He init"),
         "bug-off": QT_TRANSLATE_NOOP("Health", "Switch the bug off"),
         "bug-off-reset": QT_TRANSLATE_NOOP("Health", "Switch the bug off and reset")}


_say = sayer(CONTEXT)


@dataclass(frozen=True)
class LayerHealth:
    index: int
    activation: str
    units: int
    grad_norm: float | None
    weight_norm: float
    weight_rms: float  # root-mean-square weight: comparable across layer sizes
    saturated: float | None  # share of units, for sigmoid and tanh layers
    dead: float | None  # share of units, for ReLU layers


@dataclass(frozen=True)
class Finding:
    kind: str  # what went wrong: one of KINDS
    says: Phrase  # the sentence, its numbers apart: the window translates it
    fixes: tuple[str, ...] = ()  # keys of FIXES
    bug: str | None = None  # the bug-lab switch that "bug-off" turns off
    severe: bool = True

    @property
    def text(self) -> str:
        """The sentence in English."""
        return str(self.says)


KINDS = ("wrong-gradient", "climbing", "diverging", "vanishing", "saturated", "dead-relu",
         "rising", "no-bias", "overflow")


def measure(net: Network, params: Sequence[dict[str, Array]], x: Array,
            grad_norms: Sequence[float] | None) -> tuple[LayerHealth, ...]:
    """Per-layer health of ``net`` with weights ``params`` on the sample batch ``x``."""
    # a plain copy: a measurement must not warn for a naive sigmoid
    probe = Network(net.input_dim, list(net.layers), net.loss_name, net.init, None, net.dtype)
    probe.set_params(list(params))
    with np.errstate(**DIVERGED):
        zs, acts = probe.forward_all(x)
    out = []
    for i, (spec, p, z, a) in enumerate(zip(net.layers, params, zs, acts, strict=True)):
        grad = None if grad_norms is None else float(grad_norms[i])
        with np.errstate(over="ignore"):  # blown-up weights: their norm is inf, and says so
            norm = float(np.linalg.norm(p["W"].astype(np.float64)))
        out.append(LayerHealth(i, spec.activation, spec.units, grad, norm,
                               norm / np.sqrt(max(1, p["W"].size)),
                               _saturated(spec.activation, z, a), _dead(spec.activation, a)))
    return tuple(out)


def _saturated(activation: str, z: Array, a: Array) -> float | None:
    act = get_activation(activation)
    if act.max_slope is None:  # it does not saturate
        return None
    slope = np.ones_like(a)
    with np.errstate(invalid="ignore", over="ignore"):  # diverged weights: nan, counted below
        act.grad_mul(slope, z, a)
        slope /= act.max_slope
        flat = ~(slope >= SATURATED_DERIVATIVE)  # nan (diverged) counts as saturated
    return float((flat.mean(axis=0) >= SATURATED_SAMPLES).mean())


def _dead(activation: str, a: Array) -> float | None:
    if not get_activation(activation).can_die:
        return None
    return float((a <= 0).all(axis=0).mean())


def diagnose(health: Sequence[LayerHealth], epoch_losses: Sequence[float],
             bugs: frozenset[str] | set[str] = frozenset(), has_bias: bool = True,
             init: str = "xavier", stop_reason: str | None = None,
             overflows: int = 0, grad_check: GradCheckResult | None = None,
             start_loss: float | None = None, lr: float | None = None) -> list[Finding]:
    """Findings, the most likely cause first; empty when nothing looks wrong. ``epoch_losses``
    are this network's (since it last changed), ``start_loss`` the loss before training
    (default: the first epoch's), ``lr`` the learning rate of the steps (None: unknown)."""
    found: list[Finding] = []
    if grad_check is not None and grad_check.failed:
        found.append(_wrong_gradient(grad_check, bugs))
    diverging = _climbing(health, epoch_losses, stop_reason, start_loss, lr, bugs) or \
        _diverging(health, epoch_losses, stop_reason, start_loss)
    found += diverging
    if not diverging:  # saturated or dead units are what a blow-up leaves: not a second cause
        found += _vanishing(health, bugs, init)
        found += _dead_units(health)
        found += _rising(epoch_losses, bugs)
    if not has_bias and _stalled(epoch_losses):
        found.append(Finding("no-bias", _say(QT_TRANSLATE_NOOP(
            "Health", "The loss has stopped falling while still high, and no neuron has a bias: "
            "each one outputs f(0) at the origin whatever it learns, so some targets cannot be "
            "reached.")), ("bias-on",), "no-bias"))
    if overflows and "naive-sigmoid" in bugs:
        found.append(Finding("overflow", _say(QT_TRANSLATE_NOOP(
            "Health", "exp overflowed {count:,} times in the naive sigmoid 1/(1 + exp(−z)). The "
            "values are still right, but the warnings bury everything else."), count=overflows),
            ("bug-off",), "naive-sigmoid", False))
    return [_workable(f, bugs) for f in found]


def _workable(finding: Finding, bugs: frozenset[str] | set[str]) -> Finding:
    """``finding`` with only fixes that can work: with no learning rate in the update, lowering
    it changes nothing, so the bug goes off instead (with a reset where one was offered)."""
    if SUMMED_STEP not in bugs or not any(k.startswith("lower-lr") for k in finding.fixes):
        return finding
    reset = any("reset" in k for k in finding.fixes)
    fixes = ("bug-off-reset",) if reset else ("bug-off",)
    return Finding(finding.kind, finding.says, fixes, SUMMED_STEP, finding.severe)


def is_diverging(health: Sequence[LayerHealth], epoch_losses: Sequence[float],
                 start_loss: float | None = None) -> bool:
    """Whether the weights have exploded or the loss has climbed far above where it started."""
    if any(h.weight_rms > EXPLODED_RMS for h in health):
        return True
    losses = np.asarray(epoch_losses, dtype=np.float64)
    if not len(losses):
        return False
    start = losses[0] if start_loss is None else start_loss
    return bool(losses[-1] > DIVERGING_LOSS * max(start, 0.1) or not np.isfinite(losses[-1]))


def _diverging(health: Sequence[LayerHealth], epoch_losses: Sequence[float],
               stop_reason: str | None, start_loss: float | None) -> list[Finding]:
    if stop_reason:
        return [Finding("diverging", _say(QT_TRANSLATE_NOOP(
            "Health", "Training stopped: {reason}. The steps were so large that the weights "
            "blew up."), reason=stop_reason), ("lower-lr-reset",))]
    if not is_diverging(health, epoch_losses, start_loss):
        return []
    worst = max(health, key=lambda h: h.weight_rms)
    return [Finding("diverging", _say(QT_TRANSLATE_NOOP(
        "Health", "The run is diverging: the steps are so large that the loss has climbed far "
        "above where it started or the weights have exploded (layer {layer}'s are {rms:.2g} on "
        "average). It will not come back by itself."), layer=worst.index + 1,
        rms=worst.weight_rms), ("lower-lr-reset",))]


def _climbing(health: Sequence[LayerHealth], losses: Sequence[float], stop_reason: str | None,
              start_loss: float | None, lr: float | None,
              bugs: frozenset[str] | set[str]) -> list[Finding]:
    """A run that blew up with a loss that never fell below its first epoch's, at a learning
    rate that is not large: the update climbed the loss (a wrong sign), not an overshoot. A
    descent that overshoots falls first (measured: every run of XOR, moons and spiral at rate
    3 or 10 had a later epoch below its first; every sign-flipped one at 0.003-0.03 none)."""
    blew_up = bool(stop_reason) or is_diverging(health, losses, start_loss)
    rising = len(losses) >= 2 and min(losses[1:]) >= losses[0]
    if not (blew_up and rising and lr is not None and lr < LARGE_LR):
        return []
    stopped = _say(QT_TRANSLATE_NOOP("Health", "Training stopped: {reason}. "),
                   reason=stop_reason) if stop_reason else ""
    if "sign-flip" in bugs:
        return [Finding("climbing", _say(QT_TRANSLATE_NOOP(
            "Health", "{stopped}The loss rose from the first epoch at a learning rate that is "
            "not large ({lr:g}): each update climbs the loss instead of descending it. The bug "
            "lab's sign-flip switch is on: the error's sign and the update's sign disagree."),
            stopped=stopped, lr=lr), ("bug-off-reset",), "sign-flip")]
    switched = sorted(bugs)
    if switched:
        return [Finding("climbing", _say(QT_TRANSLATE_NOOP(
            "Health", "{stopped}The loss rose from the first epoch at a learning rate that is "
            "not large ({lr:g}): the updates climb the loss. The bug lab's {switch} switch is "
            "on."), stopped=stopped, lr=lr, switch=", ".join(switched)), ("bug-off-reset",),
            switched[0])]
    return [Finding("climbing", _say(QT_TRANSLATE_NOOP(
        "Health", "{stopped}The loss rose from the first epoch at a learning rate that is not "
        "large ({lr:g}): each update climbs the loss instead of descending it. Look at the "
        "update's sign: weights should move against the gradient."), stopped=stopped, lr=lr))]


def _wrong_gradient(check: GradCheckResult, bugs: frozenset[str] | set[str]) -> Finding:
    worst = max(check.layers, key=lambda c: c.relative_error)
    error, layer = worst.relative_error, worst.layer + 1
    if "sign-flip" in bugs:
        return Finding("wrong-gradient", _say(QT_TRANSLATE_NOOP(
            "Health", "The gradient check fails (relative error {error:.1e} in layer {layer}, "
            "where 1e-6 passes): backprop computes a wrong gradient, exactly the negative of the "
            "right one."), error=error, layer=layer), ("bug-off",), "sign-flip")
    if "derivative-at-output" in bugs:
        return Finding("wrong-gradient", _say(QT_TRANSLATE_NOOP(
            "Health", "The gradient check fails (relative error {error:.1e} in layer {layer}, "
            "where 1e-6 passes): backprop computes a wrong gradient: σ′ is taken at the "
            "activation instead of at z. Training may still look half-fine, which is why this "
            "bug hides."), error=error, layer=layer), ("bug-off",), "derivative-at-output")
    return Finding("wrong-gradient", _say(QT_TRANSLATE_NOOP(
        "Health", "The gradient check fails (relative error {error:.1e} in layer {layer}, where "
        "1e-6 passes): backprop computes a wrong gradient."), error=error, layer=layer))


def _vanishing(health: Sequence[LayerHealth], bugs: frozenset[str] | set[str],
               init: str) -> list[Finding]:
    grads = [h.grad_norm for h in health if h.grad_norm is not None]
    out_sat = health[-1].saturated
    vanished = bool(grads) and max(grads) < VANISHED
    if vanished and (out_sat is None or out_sat >= BAD_SHARE):
        # saturated weights stay saturated once the bug is off: it takes fresh ones too
        fixes = ("bug-off-reset",) if "no-learning-rate" in bugs else ("lower-lr", "reset")
        what = (QT_TRANSLATE_NOOP("Health", "with no learning rate each step is the gradient "
                                  "summed over the whole batch")
                if "no-learning-rate" in bugs else
                QT_TRANSLATE_NOOP("Health", "the steps are far too large"))
        return [Finding("vanishing", _say(QT_TRANSLATE_NOOP(
            "Health", "All output units are saturated and the gradients have vanished: {what}. "
            "Nothing can change any more."), what=_say(what)), fixes,
            "no-learning-rate" if "no-learning-rate" in bugs else None)]
    hidden = [h for h in health[:-1] if (h.saturated or 0) >= BAD_SHARE]
    if hidden:
        h = hidden[0]
        cause = (QT_TRANSLATE_NOOP("Health", "U(−1, 1) weights make the weighted sums of a wide "
                                   "layer huge")
                 if init in ("uniform", "normal") else
                 QT_TRANSLATE_NOOP("Health", "the weighted sums have grown large"))
        fixes = ("init-suited", "reset") if init in ("uniform", "normal") else ("lower-lr", "reset")
        return [Finding("saturated", _say(QT_TRANSLATE_NOOP(
            "Health", "{share:.0f}% of layer {layer}'s {activation} units are saturated, so they "
            "barely learn: {cause}."), share=100 * h.saturated, layer=h.index + 1,
            activation=h.activation, cause=_say(cause)), fixes,
            "uniform-init" if init == "uniform" else None)]
    return []


def _dead_units(health: Sequence[LayerHealth]) -> list[Finding]:
    for h in health:
        if (h.dead or 0) >= BAD_SHARE:
            return [Finding("dead-relu", _say(QT_TRANSLATE_NOOP(
                "Health", "{share:.0f}% of layer {layer}'s ReLU units are dead: they output 0 "
                "for every input, so no gradient reaches them. A too large learning rate or an "
                "unlucky start does this."), share=100 * h.dead, layer=h.index + 1),
                ("lower-lr", "reset"))]
    return []


def _rising(losses: Sequence[float], bugs: frozenset[str] | set[str]) -> list[Finding]:
    recent = np.asarray(losses[-(RISING_EPOCHS + 1):], dtype=np.float64)
    if len(recent) <= RISING_EPOCHS or not np.all(np.diff(recent) > 0):
        return []
    if "sign-flip" in bugs:
        return [Finding("rising", _say(QT_TRANSLATE_NOOP(
            "Health", "The loss rises every epoch: the error's sign and the update's sign "
            "disagree, so each step goes uphill (gradient ascent).")), ("bug-off",), "sign-flip")]
    return [Finding("rising", _say(QT_TRANSLATE_NOOP(
        "Health", "The loss rises every epoch: the steps overshoot.")), ("lower-lr",))]


def loss_trend(losses: Sequence[float], window: int = 5) -> Phrase:
    """The epoch loss over the last ``window`` epochs, in words and per cent."""
    recent = np.asarray(losses[-window:], dtype=np.float64)
    if len(recent) < 2 or not np.all(np.isfinite(recent)) or recent[0] == 0:
        return _say(QT_TRANSLATE_NOOP("Health", "loss trend: not enough epochs yet"))
    change = (recent[-1] - recent[0]) / abs(recent[0])
    words = (QT_TRANSLATE_NOOP("Health", "falling") if change < -0.01 else
             QT_TRANSLATE_NOOP("Health", "rising") if change > 0.01 else
             QT_TRANSLATE_NOOP("Health", "flat"))
    return _say(QT_TRANSLATE_NOOP("Health", "loss trend: {words} ({change:+.1f}% over the last "
                                  "{epochs} epochs)"), words=_say(words), change=100 * change,
                epochs=len(recent))


def _stalled(losses: Sequence[float], window: int = 20) -> bool:
    recent = np.asarray(losses[-window:], dtype=np.float64)
    if len(recent) < window or not np.all(np.isfinite(recent)):
        return False
    return recent[-1] > 0.05 and recent[0] - recent[-1] < 0.01 * recent[0]
