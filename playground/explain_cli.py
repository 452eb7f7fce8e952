"""``playground explain``: one training step on one point, every number, with its formula.

Text for people by default; ``--json`` one object with every array as nested lists (layers
numbered from 1). The numbers come from ``playground.nn.explain``, in float64.
"""

from __future__ import annotations

import argparse
import warnings
from typing import Any

import numpy as np

from playground.data.features import FEATURE_LABELS
from playground.data.prepare import DataSpec, prepare
from playground.nn import Network, TrainConfig
from playground.nn.bugs import BUGS, NETWORK_BUGS
from playground.nn.explain import StepExplained, explain_step

MOST_TERMS = 6  # a sum shows its largest terms and "+ N more terms" (784 inputs)
FUSED = {"bce": "δ = a − y (sigmoid and cross-entropy fused)",
         "cross_entropy": "δ = a − onehot(y) (softmax and cross-entropy fused)"}


def add_parser(sub: argparse._SubParsersAction, add_data_args, optimizers, inits,  # noqa: ANN001
               losses) -> None:
    p = sub.add_parser("explain", help="every number of one training step on one point")
    add_data_args(p, required=False)
    p.add_argument("--model", metavar="FILE.npz", help="a saved model (and the data it names)")
    p.add_argument("--layers", help="e.g. 3:tanh,1:linear (the last is the output)")
    p.add_argument("--loss", choices=losses)
    p.add_argument("--init", choices=inits, default="xavier")
    p.add_argument("--optimizer", choices=optimizers, default="sgd")
    p.add_argument("--lr", type=float, default=0.1)
    p.add_argument("--bug", action="append", choices=sorted(NETWORK_BUGS), default=[],
                   help="a bug-lab switch (repeatable): the step is shown beside the right one")
    p.add_argument("--point", type=int, default=0, help="index into the training set")
    p.add_argument("--json", action="store_true", help="one JSON object instead of text")


def sample(prepared: Any, net: Network, point: int) -> tuple[np.ndarray, np.ndarray]:
    """Training point ``point`` and its target as ``net``'s loss takes it."""
    n = len(prepared.y_train)
    if not 0 <= point < n:
        raise ValueError(f"--point must lie in 0..{n - 1} (the training set has {n} points)")
    x = prepared.x_train[point].astype(np.float64)
    label = prepared.y_train[point : point + 1]
    if prepared.n_classes == 0:
        return x, label.reshape(1).astype(np.float64)
    return x, net.encode_targets(label)[0]


def run(net: Network, spec: DataSpec, point: int, config: TrainConfig) -> StepExplained:
    prepared = prepare(spec)
    if prepared.input_dim != net.input_dim:
        raise ValueError(f"the network takes {net.input_dim} inputs but the data has "
                         f"{prepared.input_dim} features")
    x, y = sample(prepared, net, point)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # counted by the explanation instead
        return explain_step(net, x, y, config)


# ----- output ----------------------------------------------------------------------------------
def _list(a: np.ndarray | None) -> Any:
    return None if a is None else np.asarray(a, dtype=np.float64).tolist()


def as_json(step: StepExplained) -> dict[str, Any]:
    diff = step.first_difference
    return {
        "x": _list(step.x), "y": _list(step.y),
        "forward": [{"layer": f.layer, "z": _list(f.z), "a": _list(f.a)} for f in step.forward],
        "loss": step.loss,
        "backward": [{"layer": b.layer, "delta": _list(b.delta), "dW": _list(b.dW),
                      "db": _list(b.db)} for b in step.backward],
        "update": [{"layer": u.layer, "W_before": _list(u.W_before), "W_after": _list(u.W_after),
                    "b_before": _list(u.b_before), "b_after": _list(u.b_after)}
                   for u in step.update],
        "first_difference": None if diff is None else {"layer": diff.layer, "array": diff.array,
                                                        "bug": diff.bug},
    }


def _num(v: float) -> str:
    return f"{v:.4g}"


def _sum(weights: np.ndarray, inputs: np.ndarray, names: list[str], bias: float | None) -> str:
    """Σ wᵢ·aᵢ + b with the numbers plugged in, the largest terms first past MOST_TERMS."""
    order = range(len(weights))
    if len(weights) > MOST_TERMS:
        order = np.argsort(-np.abs(weights * inputs))[:MOST_TERMS]
    terms = [(weights[i], f"{_num(abs(weights[i]))}·{names[i]}({_num(inputs[i])})")
             for i in order]
    if bias is not None:
        terms.append((bias, _num(abs(bias))))
    text = "".join((("−" if w < 0 else "") if k == 0 else (" − " if w < 0 else " + ")) + t
                   for k, (w, t) in enumerate(terms))
    more = len(weights) - MOST_TERMS
    return text + (f" + {more} more terms" if more > 0 else "")


def as_text(net: Network, step: StepExplained, features: tuple[str, ...] | None) -> list[str]:
    names = ([FEATURE_LABELS.get(f, f) for f in features] if features and
             len(features) == net.input_dim else [f"x{i + 1}" for i in range(net.input_dim)])
    lines = [f"{net}: one step on x = {_vec(step.x)}, target y = {_vec(step.y)}", "forward:"]
    inputs, in_names = step.x, names
    for f, u in zip(step.forward, step.update, strict=True):
        lines.append(f"  layer {f.layer} ({f.activation})")
        for j in range(len(f.z)):
            bias = None if u.b_before is None else float(u.b_before[j])
            lines.append(f"    z{f.layer}[{j + 1}] = "
                         f"{_sum(u.W_before[:, j], inputs, in_names, bias)} = {_num(f.z[j])}"
                         f";  a = {f.activation}(z) = {_num(f.a[j])}")
        inputs, in_names = f.a, [f"a{f.layer}[{k + 1}]" for k in range(len(f.a))]
    lines.append(f"loss ({step.loss_name}) = {_num(step.loss)}")
    lines.append("backward:")
    for b in step.backward:
        top = b.layer == len(step.forward)
        how = (FUSED.get(step.loss_name, "δ = ∂L/∂a · f′(z)") if top
               else f"δ = (W{b.layer + 1}·δ{b.layer + 1}) ⊙ f′(z{b.layer})")
        lines.append(f"  layer {b.layer}: {how} = {_vec(b.delta)}")
        lines.append(f"    ∂L/∂W{b.layer} = a_prevᵀ·δ = {_vec(b.dW.ravel())}")
        if b.db is not None:
            lines.append(f"    ∂L/∂b{b.layer} = δ = {_vec(b.db)}")
    lines.append(f"update ({step.optimizer}, learning rate {step.lr:g}, from a fresh state):")
    for u in step.update:
        lines.append(f"  W{u.layer}: {_vec(u.W_before.ravel())} -> {_vec(u.W_after.ravel())}")
        if u.b_before is not None:
            lines.append(f"  b{u.layer}: {_vec(u.b_before)} -> {_vec(u.b_after)}")
    diff = step.first_difference
    if diff is not None:
        lines.append(f"first difference from the correct step: layer {diff.layer}, {diff.array} "
                     f"(bug {diff.bug}: {BUGS[diff.bug].wrote})")
    elif net.bugs:
        lines.append("no array differs from the correct step")
    return lines


def _vec(a: np.ndarray) -> str:
    a = np.atleast_1d(np.asarray(a, dtype=np.float64))
    shown = ", ".join(_num(v) for v in a[:8])
    return f"[{shown}{', …' if a.size > 8 else ''}]"
