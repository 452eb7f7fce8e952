"""``playground explain``: one training step on one point, every number, with its formula.

Text for people by default; ``--json`` one object with every array as nested lists (layers
numbered from 1). The numbers come from ``playground.nn.explain``, in float64.
"""

from __future__ import annotations

import argparse
import warnings
from typing import Any

import numpy as np

from playground.data.prepare import DataSpec, prepare
from playground.nn import Network, TrainConfig
from playground.nn.bugs import NETWORK_BUGS
from playground.nn.explain import StepExplained, explain_step


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
        "forward": [{"layer": f.layer, "z": _list(f.z), "a": _list(f.a),
                     **({} if f.kept is None else {"kept": _list(f.kept)})}
                    for f in step.forward],
        "loss": step.loss,
        "backward": [{"layer": b.layer, "delta": _list(b.delta), "dW": _list(b.dW),
                      "db": _list(b.db)} for b in step.backward],
        "update": [{"layer": u.layer, "W_before": _list(u.W_before), "W_after": _list(u.W_after),
                    "b_before": _list(u.b_before), "b_after": _list(u.b_after)}
                   for u in step.update],
        "first_difference": None if diff is None else {"layer": diff.layer, "array": diff.array,
                                                        "bug": diff.bug},
    }
