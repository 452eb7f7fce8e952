"""One step's numbers as text: the formulas with the numbers plugged in, stage by stage.

Shared by ``playground explain`` and the window's step inspector, so both say the same thing.
Stages: forward layer by layer, the loss, backward from the output down, the update. Qt-free:
the stages' titles and the verdict are ``Phrase``s (context "Explain") the window translates;
the formulas are the same in every language.
"""

from __future__ import annotations

import numpy as np

from playground.nn import Network
from playground.nn.bugs import BUGS
from playground.nn.explain import StepExplained
from playground.phrase import QT_TRANSLATE_NOOP, Phrase, phrase, sayer

MOST_TERMS = 6  # a sum shows its largest terms and "+ N more terms" (784 inputs)
FUSED = {"bce": "δ = a − y (sigmoid and cross-entropy fused)",
         "cross_entropy": "δ = a − onehot(y) (softmax and cross-entropy fused)"}


def num(v: float) -> str:
    return f"{v:.4g}"


def vec(a: np.ndarray, most: int = 8) -> str:
    a = np.atleast_1d(np.asarray(a, dtype=np.float64))
    shown = ", ".join(num(v) for v in a[:most])
    return f"[{shown}{', …' if a.size > most else ''}]"


def _signed(terms: list[tuple[float, str]]) -> str:
    """``a − b + c`` from (value, text of its size) pairs."""
    return "".join((("−" if w < 0 else "") if k == 0 else (" − " if w < 0 else " + ")) + t
                   for k, (w, t) in enumerate(terms))


def _sum_text(weights: np.ndarray, sizes: np.ndarray, label, bias: float | None) -> str:  # noqa: ANN001
    """The terms ``label(i)`` of a weighted sum, the largest (by ``sizes``) first past
    MOST_TERMS, the bias last, and how many terms were left out."""
    order = range(len(weights))
    if len(weights) > MOST_TERMS:
        order = np.argsort(-np.abs(sizes))[:MOST_TERMS]
    terms = [(weights[i], label(i)) for i in order]
    if bias is not None:
        terms.append((bias, num(abs(bias))))
    more = len(weights) - MOST_TERMS
    return _signed(terms) + (f" + {more} more terms" if more > 0 else "")


def weighted_sum(weights: np.ndarray, inputs: np.ndarray, names: list[str],
                 bias: float | None) -> str:
    """Σ wᵢ·aᵢ + b with the numbers plugged in, the largest terms first past MOST_TERMS."""
    return _sum_text(weights, weights * inputs,
                     lambda i: f"{num(abs(weights[i]))}·{names[i]}({num(inputs[i])})", bias)


def neuron_formula(weights: np.ndarray, names: list[str], bias: float | None,
                   activation: str) -> str:
    """``a = tanh(0.83·x₁ − 1.2·x₂ + 0.1)``: one neuron with its current weights (the largest
    terms first past MOST_TERMS)."""
    text = _sum_text(weights, weights, lambda i: f"{num(abs(weights[i]))}·{names[i]}", bias)
    return f"a = {activation}({text})"


def input_names(net: Network, labels: list[str] | None) -> list[str]:
    if labels and len(labels) == net.input_dim:
        return labels
    return [f"x{i + 1}" for i in range(net.input_dim)]


_say = sayer("Explain")


def stages(net: Network, step: StepExplained, names: list[str]
           ) -> list[tuple[Phrase, list[str]]]:
    """(title, lines) for each stage of the step, in the order a reader follows it."""
    out: list[tuple[Phrase, list[str]]] = []
    inputs, in_names = step.x, names
    for f, u in zip(step.forward, step.update, strict=True):
        lines = []
        for j in range(len(f.z)):
            bias = None if u.b_before is None else float(u.b_before[j])
            total = weighted_sum(u.W_before[:, j], inputs, in_names, bias)
            lines.append(f"z{f.layer}[{j + 1}] = {total} = {num(f.z[j])}")
            lines.append(f"   a{f.layer}[{j + 1}] = {f.activation}(z) = {num(f.a[j])}")
        inputs = f.a if f.kept is None else f.a * f.kept
        if f.kept is not None:  # the next layer reads a × mask
            dropped = [str(j + 1) for j in range(len(f.a)) if f.kept[j] == 0]
            scale = next((float(v) for v in f.kept if v), 1.0)
            what = f"a{f.layer}[{', '.join(dropped)}]" if dropped else "no unit"
            lines.append(f"dropout: this step drops {what} and scales the others ×{scale:.4g}; "
                         f"the next layer reads {vec(inputs)}")
        out.append((_say(QT_TRANSLATE_NOOP("Explain", "Forward, layer {layer} ({activation})"),
                         layer=f.layer, activation=f.activation), lines))
        in_names = [f"a{f.layer}[{k + 1}]" for k in range(len(f.a))]
    out.append((_say(QT_TRANSLATE_NOOP("Explain", "Loss ({loss})"), loss=step.loss_name),
                [f"target y = {vec(step.y)}",
                 f"output a = {vec(step.forward[-1].a)}", f"L = {num(step.loss)}"]))
    for b in step.backward:
        top = b.layer == len(step.forward)
        how = (FUSED.get(step.loss_name, "δ = ∂L/∂a · f′(z)") if top
               else f"δ = (W{b.layer + 1}·δ{b.layer + 1}) ⊙ f′(z{b.layer})")
        lines = [f"{how} = {vec(b.delta)}", f"∂L/∂W{b.layer} = a_prevᵀ·δ = {vec(b.dW.ravel())}"]
        if b.db is not None:
            lines.append(f"∂L/∂b{b.layer} = δ = {vec(b.db)}")
        out.append((_say(QT_TRANSLATE_NOOP("Explain", "Backward, layer {layer}"), layer=b.layer),
                    lines))
    lines = []
    for u in step.update:
        lines.append(f"W{u.layer}: {vec(u.W_before.ravel())} -> {vec(u.W_after.ravel())}")
        if u.b_before is not None:
            lines.append(f"b{u.layer}: {vec(u.b_before)} -> {vec(u.b_after)}")
    rule = _say("W ← W − η·∂L/∂W") if step.optimizer in ("sgd", "no-learning-rate") else \
        _say(QT_TRANSLATE_NOOP("Explain", "the {optimizer} step"), optimizer=step.optimizer)
    out.append((_say(QT_TRANSLATE_NOOP("Explain", "Update ({optimizer}, learning rate {lr:g}, "
                                       "from a fresh state): {rule}"),
                     optimizer=step.optimizer, lr=step.lr, rule=rule), lines))
    return out


def difference_line(net: Network, step: StepExplained) -> Phrase | None:
    diff = step.first_difference
    if diff is not None:
        return _say(QT_TRANSLATE_NOOP("Explain", "first difference from the correct step: layer "
                                      "{layer}, {array} (bug {bug}: {wrote})"),
                    layer=diff.layer, array=diff.array, bug=diff.bug,
                    wrote=phrase("Bugs", BUGS[diff.bug].wrote))
    return _say(QT_TRANSLATE_NOOP("Explain", "no array differs from the correct step")) \
        if net.bugs else None


def as_text(net: Network, step: StepExplained, labels: list[str] | None = None) -> list[str]:
    """The whole step as lines of text (``playground explain``)."""
    lines = [f"{net}: one step on x = {vec(step.x)}, target y = {vec(step.y)}"]
    for title, body in stages(net, step, input_names(net, labels)):
        lines.append(str(title))
        lines += [f"  {line}" for line in body]
    extra = difference_line(net, step)
    return lines + ([str(extra)] if extra else [])


def printout_lines(arrays: dict[str, np.ndarray]) -> list[str]:
    """Named arrays printed as a tutorial's script prints them: a name, then its rows."""
    lines = []
    for name, array in arrays.items():
        a = np.atleast_2d(np.asarray(array, dtype=np.float64))
        lines.append(f"{name} {a.shape[0]}x{a.shape[1]}:")
        lines += ["  [" + "  ".join(f"{v: .5f}" for v in row) + "]" for row in a]
    return lines
