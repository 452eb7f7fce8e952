"""Judge a learner's program as they wrote it: their network, their step, their names. Qt-free.

``judge(watched, source)`` takes what ``learner.watch`` saw (runs in the sandbox's child) and
``learner.anatomy`` found, differentiates the recorded forward pass in float64
(``learner.reverse``) for the losses a learner means (½·squared error; binary cross-entropy
after a sigmoid; cross-entropy after a softmax), and compares each update their program made
with −c × that gradient, c (their learning rate) free but one for all layers. What does not
agree is located from the output down and said with their variable and line: a factor missing
in one layer, the derivative taken of the activation, no derivative at all, no learning rate,
a climb instead of a descent, a gradient never reset, a bias never learned, a shape broadcast
silently. Notes about the network (no bias, old NumPy) come after.
"""

from __future__ import annotations

import numpy as np

from playground.learner.anatomy import Anatomy, NotFoundError, downstream, feeding, find
from playground.learner.compare import CodeFinding
from playground.learner.diagnose import diagnose, pairs
from playground.learner.gradient_fit import TOL, Part, fit, losses, parts
from playground.learner.reverse import UnfollowableError, backward
from playground.learner.source import Lines
from playground.learner.tape import Node
from playground.learner.verdicts import CLAUSES, finding
from playground.learner.watch import Step, Update, Watched
from playground.nn.activations import ACTIVATIONS

Array = np.ndarray


def judge(watched: Watched, source: str) -> tuple[list[CodeFinding], dict | None]:
    """The findings about their program, and the network found (None when none was)."""
    lines = Lines(source)
    notes = [finding("old-numpy", "old-numpy", line=line) for line in sorted(set(watched.ragged))]
    if not watched.steps:
        return _nothing(watched) + notes, None
    step = watched.steps[0]
    try:
        an = find(step)
    except NotFoundError as e:
        return [_unfollowed(step, str(e))] + notes, None
    unseen = _unseen(an, step)
    if unseen:
        return [finding("unfollowed", "unseen", variable=unseen.name, line=unseen.line,
                        network=an.describe())] + notes, table(an, lines)
    try:
        found = (_broadcasts(watched, step, an, lines) or _structure(an, step)
                 or _gradient(an, watched.steps, lines))
    except UnfollowableError as e:
        found = [finding("unfollowed", "no-rule", line=e.node.line, op=e.node.op)]
    return found + notes + _no_bias(an) + _late_error(watched), table(an, lines)


def table(an: Anatomy, lines: Lines) -> dict:
    """The network found, as plain values: sizes, activations, biases, the convention, and
    their names for the weights, the inputs and the targets ("" where there is none)."""
    targets = next((i for i in an.error.inputs if i is not an.out), None)
    return {"layers": [an.inputs] + [layer.units for layer in an.layers],
            "activations": [layer.activation for layer in an.layers],
            "bias": [layer.bias is not None for layer in an.layers],
            "convention": an.convention, "samples": an.samples,
            "weights": [layer.weight_name for layer in an.layers],
            "inputs": _named(an.x, lines), "targets": _named(targets, lines)}


def _named(value: object, lines: Lines) -> str:
    """Their name for an array: a name it was bound to, or the one it was assigned to."""
    if not isinstance(value, Node):
        return ""
    return value.path or lines.assigned(value.line) or ""


# ----- before any gradient ----------------------------------------------------------------------
def _nothing(watched: Watched) -> list[CodeFinding]:
    if watched.error is not None:
        message = f"{type(watched.error).__name__}: {watched.error}"
        if watched.error_line is None:
            return [finding("exception", "exception-anywhere", message=message)]
        return [finding("exception", "exception", line=watched.error_line, message=message)]
    how = CLAUSES[0] if watched.ended else CLAUSES[1]
    return [finding("no-training", "no-training", how=how)]


def _unfollowed(step: Step, why: str) -> CodeFinding:
    what = CLAUSES[2] if "target" in why else CLAUSES[3]
    names = ", ".join(f"`{u.name}`" for u in step.updates)
    return finding("unfollowed", "unfollowed", names=names, what=what)


def _late_error(watched: Watched) -> list[CodeFinding]:
    if watched.error is None:
        return []
    return _nothing(watched)


def _broadcasts(watched: Watched, step: Step, an: Anatomy, lines: Lines) -> list[CodeFinding]:
    inside = {n.id for n in an.order} | {an.error.id}
    out = []
    for node, a, b in watched.broadcasts:
        if node.id in inside or an.out in node.inputs:
            out.append(finding("shape", "broadcast", line=node.line, expression=lines.expression(
                node.line), a=str(a), b=str(b), result=str(np.shape(node.value))))
    return out[:1]


def _structure(an: Anatomy, step: Step) -> list[CodeFinding]:
    out = []
    for i, layer in enumerate(an.layers, 1):
        if layer.activation == "softmax over the batch":
            out.append(finding("softmax-axis", "softmax-axis", layer=i, line=layer.a.line))
        if layer.bias is not None and not layer.bias_updated:
            out.append(finding("missing-bias-gradient", "bias-never", layer=i, array="b",
                               variable=layer.bias_name or "b", line=layer.z.line))
    for u in step.updates:
        if np.shape(u.node.value) != np.shape(u.old.value) and _layer_of(an, u) is not None:
            i, key = _layer_of(an, u)
            out.append(finding("bias-axis" if key == "b" else "shape", "shape-changed", layer=i,
                               array=key, variable=u.name, line=u.line,
                               old=str(np.shape(u.old.value)), new=str(np.shape(u.node.value))))
    return out


def _unseen(an: Anatomy, step: Step) -> Update | None:
    """An array the step updates that is no layer's and feeds no layer's update: a parameter
    whose use in the forward pass the check could not see (an operation it does not record,
    such as np.einsum). Judging the rest would call a step right that is not. A name rebound
    to itself minus something computed this step (``z = z - z.max()``) is no parameter."""
    params = [u for u in step.updates if _layer_of(an, u) is not None]
    computed = downstream(step.nodes, {u.old.id for u in params})
    fed = feeding(step, params)
    last = max((u.node.id for u in params), default=0)  # made later: the next step's sums
    return next((u for u in step.updates if _layer_of(an, u) is None and u.old.id < last and
                 u.old.id not in computed and u.node.id not in fed and u.old.id not in fed),
                None)


def _layer_of(an: Anatomy, u: Update) -> tuple[int, str] | None:
    for i, layer in enumerate(an.layers, 1):
        if layer.weight is u.old:
            return i, "W"
        if layer.bias is u.old:
            return i, "b"
    return None


def _no_bias(an: Anatomy) -> list[CodeFinding]:
    if any(layer.bias is not None for layer in an.layers):
        return []
    name = an.layers[0].activation
    f0 = "f(0)"
    if name in ACTIVATIONS and name != "softmax":
        f0 = f"{name}(0) = {ACTIVATIONS[name].forward(np.zeros((1, 1)))[0, 0]:g}"
    elif isinstance(getattr(np, name, None), np.ufunc) and getattr(np, name).nin == 1:
        f0 = f"{name}(0) = {getattr(np, name)(0.0):g}"
    narrow = an.inputs == 1 and all(layer.units == 1 for layer in an.layers) and \
        all(layer.activation in ("sigmoid", "tanh") for layer in an.layers) and \
        an.layers[-1].activation == "sigmoid"
    return [finding("no-bias", "no-bias-one" if narrow else "no-bias", f0=f0)]


# ----- the gradient -----------------------------------------------------------------------------
def _gradient(an: Anatomy, steps: list[Step], lines: Lines) -> list[CodeFinding]:
    ps = parts(an, steps[0])
    seeds = losses(an)
    for name, seed in seeds.items():
        cot = backward(an.order, an.outs, seed)
        c, miss = fit(pairs(ps, cot))
        if miss < TOL:
            return _accumulated(an, steps, name, cot, c) or _agrees(an, ps, name, c)
    return diagnose(an, ps, seeds, steps[0], lines)


def _agrees(an: Anatomy, ps: list[Part], loss: str, c: float) -> list[CodeFinding]:
    first = ps[0].update
    if c < 0:
        return [finding("ascent", "ascent", variable=first.name, line=first.line, loss=loss)]
    if abs(c - 1) < 1e-6:
        return [finding("no-learning-rate", "no-learning-rate" if an.samples > 1 else
                        "no-learning-rate-one", variable=first.name, line=first.line,
                        n=an.samples)]
    return [finding("ok", "ok" if an.samples > 1 else "ok-one", loss=loss,
                    network=an.describe(), rate=c, n=an.samples, mean=c * an.samples)]


def _accumulated(an: Anatomy, steps: list[Step], loss: str, cot1: dict[int, Array],
                 c: float) -> list[CodeFinding]:
    """Step 2 moved by the gradients of steps 1 and 2 together: a sum never reset."""
    if len(steps) < 2:
        return []
    try:
        an2 = find(steps[1])
        seed = losses(an2).get(loss)
        cot2 = backward(an2.order, an2.outs, seed)
    except (NotFoundError, UnfollowableError):
        return []
    ps1, ps2 = parts(an, steps[0]), parts(an2, steps[1])
    if len(ps1) != len(ps2) or fit(pairs(ps2, cot2), c)[1] < TOL:
        return []
    both = [(p2.delta, p1.grad(cot1) + p2.grad(cot2)) for p1, p2 in zip(ps1, ps2, strict=True)]
    if fit(both, c)[1] >= TOL:
        return []
    params = {u.old.id for u in steps[1].updates if _layer_of(an2, u) is not None}
    kept = [u for u in steps[1].updates if u.old.id not in params and u.node.op == "add"]
    u = kept[0] if kept else ps2[0].update
    return [finding("accumulated", "accumulated", variable=u.name, line=u.line)]
