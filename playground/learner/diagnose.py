"""Where a learner's step leaves the gradient, found from the output layer down. Qt-free.

``diagnose`` runs when no single learning rate makes every update a step down the gradient
(``learner.gradient_fit``). The output layer sets the rate (and the loss it agrees with); the
first layer below it that does not follow is where the mistake is: an extra factor (``scale``),
the activation's derivative taken of the activation a instead of at z (their array that holds
it is found by value, and named with their line and expression), or no derivative at all.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from playground.learner.anatomy import Anatomy, Layer
from playground.learner.compare import CodeFinding
from playground.learner.gradient_fit import TOL, Part, fit
from playground.learner.reverse import backward
from playground.learner.source import Lines
from playground.learner.tape import Node
from playground.learner.verdicts import finding
from playground.learner.watch import Step
from playground.nn.activations import ACTIVATIONS

Array = np.ndarray
ELEMENTWISE_DERIVATIVE = ("sigmoid", "tanh", "elu", "softplus", "silu", "gelu", "sine")


def pairs(ps: list[Part], cot: dict[int, Array]) -> list[tuple[Array, Array]]:
    return [(p.delta, p.grad(cot)) for p in ps]


def diagnose(an: Anatomy, ps: list[Part], seeds: dict[str, list[Array]], step: Step,
             lines: Lines) -> list[CodeFinding]:
    last = len(an.layers)
    top = [p for p in ps if p.layer == last and p.key == "W"]  # the weights set the rate
    cots = {name: backward(an.order, an.outs, seed) for name, seed in seeds.items()}
    loss = min(cots, key=lambda name: fit(pairs(top, cots[name]))[1])
    c, miss = fit(pairs(top, cots[loss]))
    if miss >= TOL:
        return [_output(an, top, seeds, step, lines)]
    for part in sorted(ps, key=lambda p: (-p.layer, p.key)):
        if fit(pairs([part], cots[loss]), c)[1] >= TOL:
            return [_hidden(an, part, c, seeds[loss], step, lines)]
    u = ps[0].update
    return [finding("wrong-layer", "wrong-hidden", layer=1, array="W", variable=u.name,
                    line=u.line)]


def _output(an: Anatomy, top: list[Part], seeds: dict[str, list[Array]], step: Step,
            lines: Lines) -> CodeFinding:
    """The output layer agrees with no loss: σ′ taken of the output, or something else."""
    layer, u, number = an.layers[-1], top[0].update, len(an.layers)
    if layer.activation in ELEMENTWISE_DERIVATIVE:
        for seed in seeds.values():
            at_a = _through(an, number, at_activation=True)
            if fit(pairs(top, backward(an.order, an.outs, seed, at_a)))[1] < TOL:
                return _variant("derivative-at-output", an, number, layer, _derivative(layer),
                                u, step, lines)
    return finding("wrong-layer", "wrong-output", layer=len(an.layers), array="W",
                   variable=u.name, line=u.line, error_line=an.error.line)


def _hidden(an: Anatomy, part: Part, c: float, seed: list[Array], step: Step,
            lines: Lines) -> CodeFinding:
    u, number, mine = part.update, part.layer, [part]
    right = part.grad(backward(an.order, an.outs, seed))
    if part.key == "b" and part.delta.size > 1 and np.ptp(part.delta) == 0 and np.ptp(right) > 0:
        return finding("bias-axis", "bias-alike", layer=number, array="b", variable=u.name,
                       line=u.line)
    own, miss = fit([(part.delta, right)])
    if miss < TOL:
        return finding("scale", "scale", layer=number, array=part.key, variable=u.name,
                       line=u.line, factor=own / c)
    layer = an.layers[number - 1]
    if layer.activation in ELEMENTWISE_DERIVATIVE:
        for kind, at_activation in (("derivative-at-output", True),
                                    ("missing-activation-derivative", False)):
            cot = backward(an.order, an.outs, seed, _through(an, number, at_activation))
            if fit(pairs(mine, cot))[1] < TOL:
                return _variant(kind, an, number, layer, _derivative(layer), u, step, lines)
    return finding("wrong-layer", "wrong-hidden", layer=number, array="W", variable=u.name,
                   line=u.line)


def _derivative(layer: Layer, a_node: Node | None = None) -> Array:
    """f′ of the layer's activation taken of a = f(z): what the mistake multiplies by."""
    a = np.asarray((a_node or layer.a).value, dtype=np.float64)
    return ACTIVATIONS[layer.activation].derivative(a.reshape(1, -1)).reshape(a.shape)


def _through(an: Anatomy, number: int, at_activation: bool) -> dict:
    """Layer ``number``'s a → z rule replaced in every forward pass: by f′ taken of a (the
    mistake), or by nothing (no derivative at all)."""
    layer, out = an.layers[number - 1], {}
    for pairs_of_pass in an.za:
        z, a = pairs_of_pass[number - 1]
        factor = _derivative(layer, a) if at_activation else 1.0
        out[a.id] = (z, lambda g, f=factor: g * f)
    return out


def _variant(kind: str, an: Anatomy, number: int, layer: Layer, derivative: Array, u: object,
             step: Step, lines: Lines) -> CodeFinding:
    act = ACTIVATIONS[layer.activation]
    written = act.script_derivative if act.script_derivative and "z" not in \
        act.script_derivative else "f′(z)"
    if kind == "missing-activation-derivative":
        return finding(kind, "no-derivative", layer=number, array="W", variable=u.name,
                       line=u.line, activation=layer.activation)
    theirs, product = _their_factor(an, derivative, step)
    if product is None:
        return finding(kind, "at-activation-unseen", layer=number, array="W", variable=u.name,
                       line=u.line, activation=layer.activation, derivative=written)
    expression = (lines.call(product.line, theirs.where[0][1])
                  if theirs.where and product.where and
                  theirs.where[0][1] != product.where[0][1] else None)
    return finding(kind, "at-activation", layer=number, array="W",
                   variable=lines.assigned(product.line) or u.name, line=product.line,
                   expression=expression or lines.text(theirs.line),
                   activation=layer.activation, derivative=written)


def _their_factor(an: Anatomy, derivative: Array, step: Step) -> tuple[Node | None, Node | None]:
    """Their array equal to f′(a), and the product that multiplies by it."""
    forward = {n.id for n in an.order}
    match: Callable[[Node], bool] = lambda n: (  # noqa: E731 - a predicate read once
        n.id not in forward and np.shape(n.value) == derivative.shape and
        np.allclose(np.asarray(n.value, dtype=np.float64), derivative, rtol=1e-6, atol=1e-12))
    factor = next((n for n in step.nodes if match(n)), None)
    if factor is None:
        return None, None
    product = next((n for n in step.nodes if n.op == "multiply" and
                    any(i is factor for i in n.inputs)), None)
    return factor, product
