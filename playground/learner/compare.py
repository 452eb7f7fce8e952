"""What is wrong with a learner's backprop: their arrays against the playground's, in float64.

``compare(net, x, y, lr, activations, grads, updated)`` takes what the learner's ``forward``,
``backward`` and ``update`` returned for the same weights, inputs and targets, and returns
``Finding``s with a ``kind`` (see KINDS) and the layer and array they concern; ``ok`` when every
array agrees to 1e-6 relative. Gradients are judged from the output layer down, since errors flow
backward: the first layer that differs names the mistake. Qt-free: each finding's sentence is a
``Phrase`` (context "Check") the window translates; the CLI prints ``message``, its English.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from playground.nn.network import Network
from playground.phrase import QT_TRANSLATE_NOOP, Phrase, sayer

Array = np.ndarray
RTOL = 1e-6
KINDS = ("ok", "forward", "sign", "scale", "derivative-at-output",
         "missing-activation-derivative", "missing-bias-gradient", "shape", "ascent",
         "no-learning-rate", "wrong-layer", "exception", "timeout")


@dataclass(frozen=True)
class CodeFinding:
    kind: str
    layer: int | None  # 1-based
    array: str | None  # "a", "W", "b" or "update"
    says: Phrase | str  # a plain str only for what the learner's own code said (an exception)
    variable: str | None = None  # a program as written: their name for the array
    line: int | None = None  # ... and the line in their file
    key: str | None = None  # ... and the sentence's key in ``learner.verdicts.TEMPLATES``

    @property
    def message(self) -> str:
        """The sentence in English."""
        return str(self.says)


_say = sayer("Check")


def _array_name(key: str) -> Phrase:
    return _say(QT_TRANSLATE_NOOP("Check", "weight") if key == "W"
                else QT_TRANSLATE_NOOP("Check", "bias"))


def close(a: Array, b: Array) -> bool:
    return a.shape == b.shape and bool(np.allclose(a, b, rtol=RTOL, atol=1e-9 * (
        1 + float(np.abs(b).max(initial=0)))))


def compare(net: Network, x: Array, y: Array, lr: float, activations: list[Array],
            grads: list[dict[str, Array]], updated: list[dict[str, Array]] | None
            ) -> list[CodeFinding]:
    """Findings about the learner's arrays; [ok] when they all agree."""
    zs, acts = net.forward_all(x)
    shapes = _shapes(net, x, activations, grads, updated)
    if shapes:
        return shapes
    for i, (theirs, ours) in enumerate(zip(activations[1:], acts, strict=True)):
        if not close(theirs, ours):
            return [CodeFinding("forward", i + 1, "a", _say(QT_TRANSLATE_NOOP(
                "Check", "layer {layer}'s activations differ from the playground's: a wrong "
                "activation, or a missing or extra bias?"), layer=i + 1))]
    found = _gradients(net, x, y, grads)
    if updated is not None:  # judged against their own gradients: a second, separate mistake
        found += _update(net, grads, lr, updated)
    return found or [CodeFinding("ok", None, None, _say(QT_TRANSLATE_NOOP(
        "Check", "every array agrees with the playground's to {rtol:g} relative: your backprop "
        "is right"), rtol=RTOL))]


def _shapes(net: Network, x: Array, activations: list[Array], grads: list[dict[str, Array]],
            updated: list[dict[str, Array]] | None) -> list[CodeFinding]:
    want = [x.shape] + [(x.shape[0], s.units) for s in net.layers]
    if len(activations) != len(want):
        return [CodeFinding("shape", None, "a", _say(QT_TRANSLATE_NOOP(
            "Check", "forward returned {got} arrays; it should return {want}: [x, a1, ..., "
            "a_out]"), got=len(activations), want=len(want)))]
    for i, (a, shape) in enumerate(zip(activations, want, strict=True)):
        if a.shape != shape:
            return [CodeFinding("shape", i, "a", _say(QT_TRANSLATE_NOOP(
                "Check", "activation {index} has shape {shape}, expected {want}"), index=i,
                shape=str(a.shape), want=str(shape)))]
    if len(grads) != len(net.params):
        return [CodeFinding("shape", None, "W", _say(QT_TRANSLATE_NOOP(
            "Check", "backward returned {got} layers, expected {want}"), got=len(grads),
            want=len(net.params)))]
    for i in range(len(net.params) - 1, -1, -1):  # from the output down, as errors flow
        g, p = grads[i], net.params[i]
        if "W" not in g or g["W"].shape != p["W"].shape:
            if "W" not in g:
                return [CodeFinding("shape", i + 1, "W", _say(QT_TRANSLATE_NOOP(
                    "Check", "backward returns no weight gradient for layer {layer}"),
                    layer=i + 1))]
            template = (QT_TRANSLATE_NOOP("Check", "layer {layer}'s weight gradient has shape "
                                          "{shape}, expected {want} (transposed?)")
                        if g["W"].shape == p["W"].shape[::-1] else
                        QT_TRANSLATE_NOOP("Check", "layer {layer}'s weight gradient has shape "
                                          "{shape}, expected {want}"))
            return [CodeFinding("shape", i + 1, "W", _say(
                template, layer=i + 1, shape=str(g["W"].shape), want=str(p["W"].shape)))]
    return []


def _gradients(net: Network, x: Array, y: Array,
               grads: list[dict[str, Array]]) -> list[CodeFinding]:
    _, ours = net.loss_and_grads(x, y)
    variants = {"derivative-at-output": _with_bugs(net, "derivative-at-output", x, y),
                "missing-activation-derivative": _no_hidden_derivative(net, x, y)}
    for i in range(len(net.params) - 1, -1, -1):
        theirs, right = grads[i], ours[i]
        if "b" in right and _none(theirs.get("b"), right["b"]):  # absent, None or zeros
            return [CodeFinding("missing-bias-gradient", i + 1, "b", _say(QT_TRANSLATE_NOOP(
                "Check", "layer {layer} has a bias but backward returns no gradient for it "
                "(none, or zeros): the bias never learns"), layer=i + 1))]
        for key in ("W", "b"):
            if key not in right:
                continue
            finding = _judge(i, key, theirs[key], right[key], variants, len(x))
            if finding is not None:
                return [finding]
    return []


def _judge(i: int, key: str, theirs: Array, right: Array, variants: dict[str, list],
           batch: int) -> CodeFinding | None:
    if close(theirs, right):
        return None
    layer, name = i + 1, _array_name(key)
    if _none(theirs, right):
        return CodeFinding("wrong-layer", layer, key, _say(QT_TRANSLATE_NOOP(
            "Check", "layer {layer}'s {name} gradient is all zeros: that layer never learns"),
            layer=layer, name=name))
    if theirs.shape != right.shape:
        return CodeFinding("shape", layer, key, _say(QT_TRANSLATE_NOOP(
            "Check", "layer {layer}'s {name} gradient has shape {shape}, expected {want}"),
            layer=layer, name=name, shape=str(theirs.shape), want=str(right.shape)))
    if close(-theirs, right):
        return CodeFinding("sign", layer, key, _say(QT_TRANSLATE_NOOP(
            "Check", "layer {layer}'s {name} gradient is exactly the negative of the right one: "
            "error and update signs disagree, so training climbs the loss"), layer=layer,
            name=name))
    factor = _factor(theirs, right)
    if factor is not None:
        return CodeFinding("scale", layer, key, _say(_scale_template(factor, batch),
                                                     layer=layer, name=name, factor=factor))
    for kind, grads in variants.items():
        if grads is not None and close(theirs, grads[i][key]):
            what = (QT_TRANSLATE_NOOP("Check", "f′ is taken at the activation a instead of at z")
                    if kind == "derivative-at-output" else
                    QT_TRANSLATE_NOOP("Check", "a hidden δ is missing its f′(z)"))
            return CodeFinding(kind, layer, key, _say(QT_TRANSLATE_NOOP(
                "Check", "layer {layer}'s {name} gradient: {what}"), layer=layer, name=name,
                what=_say(what)))
    return CodeFinding("wrong-layer", layer, key, _say(QT_TRANSLATE_NOOP(
        "Check", "layer {layer}'s {name} gradient is wrong (the first wrong layer counting from "
        "the output), in a way not recognised"), layer=layer, name=name))


def _none(theirs: Array | None, right: Array) -> bool:
    """A gradient not given: absent (or None), or zeros of the right shape where the right one
    is not zero (``np.zeros_like(b)``, a common way of "not doing" it)."""
    if theirs is None:
        return True
    return theirs.shape == right.shape and not theirs.any() and bool(right.any())


def _scale_template(factor: float, batch: int) -> str:
    """What a gradient ``factor`` times the right one says, with the likely reason."""
    if np.isclose(factor, batch):
        return QT_TRANSLATE_NOOP("Check", "layer {layer}'s {name} gradient is the right one "
                                 "times {factor:.4g} (summed over the batch instead of averaged)")
    if np.isclose(factor, -batch):
        return QT_TRANSLATE_NOOP("Check", "layer {layer}'s {name} gradient is the right one "
                                 "times {factor:.4g} (the negative of the gradient summed over "
                                 "the batch: target − output, not averaged)")
    if np.isclose(factor, 2):
        return QT_TRANSLATE_NOOP("Check", "layer {layer}'s {name} gradient is the right one "
                                 "times {factor:.4g} (MSE without its ½: a convention, not a "
                                 "bug, but it doubles the step)")
    return QT_TRANSLATE_NOOP("Check", "layer {layer}'s {name} gradient is the right one times "
                             "{factor:.4g}")


def _factor(theirs: Array, right: Array) -> float | None:
    """c when ``theirs`` = c·``right`` for one constant c ≠ ±1."""
    scale = float(np.dot(theirs.ravel(), right.ravel()) / max(float(np.dot(right.ravel(),
                                                                           right.ravel())),
                                                               1e-300))
    if abs(scale) < 1e-12 or np.isclose(abs(scale), 1.0) or not close(theirs, scale * right):
        return None
    return scale


def _with_bugs(net: Network, bug: str, x: Array, y: Array) -> list[dict[str, Array]] | None:
    buggy = Network(net.input_dim, list(net.layers), net.loss_name, net.init, None,
                    np.float64, (bug,))
    buggy.set_params(net.params)
    return buggy.loss_and_grads(x, y)[1]


def _no_hidden_derivative(net: Network, x: Array, y: Array) -> list[dict[str, Array]]:
    """The gradients when each hidden δ skips f′(z): δ_l = δ_{l+1}·W_{l+1}ᵀ."""
    _, zs, acts, deltas, _, _ = net.explain_pass(x, y)
    delta = deltas[-1]
    out: list[dict[str, Array]] = [{} for _ in net.params]
    for i in range(len(net.params) - 1, -1, -1):
        a_prev = x if i == 0 else acts[i - 1]
        out[i] = {"W": a_prev.T @ delta}
        if "b" in net.params[i]:
            out[i]["b"] = delta.sum(axis=0)
        if i > 0:
            delta = delta @ net.params[i]["W"].T
    return out


def _update(net: Network, grads: list[dict[str, Array]], lr: float,
            updated: list[dict[str, Array]]) -> list[CodeFinding]:
    for i, (p, g, u) in enumerate(zip(net.params, grads, updated, strict=True)):
        for key in p:
            if key not in u or u[key].shape != p[key].shape:
                return [CodeFinding("shape", i + 1, "update", _say(QT_TRANSLATE_NOOP(
                    "Check", "update returned no {key} of shape {shape} for layer {layer}"),
                    key=key, shape=str(p[key].shape), layer=i + 1))]
            step = p[key] - u[key]
            if close(u[key], p[key] - lr * g[key]):
                continue
            if not step.any() and g[key].any():
                return [CodeFinding("wrong-layer", i + 1, "update", _say(QT_TRANSLATE_NOOP(
                    "Check", "update returns layer {layer}'s weights unchanged: nothing "
                    "learns"), layer=i + 1))]
            if close(u[key], p[key] + lr * g[key]):
                return [CodeFinding("ascent", i + 1, "update", _say(QT_TRANSLATE_NOOP(
                    "Check", "update adds the gradient: it climbs the loss instead of "
                    "descending it")))]
            if close(step, g[key]) or close(-step, g[key]):
                return [CodeFinding("no-learning-rate", i + 1, "update", _say(QT_TRANSLATE_NOOP(
                    "Check", "update moves by the whole gradient: it ignores the learning "
                    "rate")))]
            return [CodeFinding("wrong-layer", i + 1, "update", _say(QT_TRANSLATE_NOOP(
                "Check", "layer {layer}'s update is not W − lr·∂L/∂W"), layer=i + 1))]
    return []
