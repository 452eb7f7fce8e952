"""``playground landscape MODEL``: the loss around a saved model's weights, and its run's path.

The path is the timeline the file keeps (``train --keep-history`` or the window's Save with the
timeline): the weights at each kept epoch of the network as it is now (epochs before an edit of
its layers are of another weight space, and left out). Principal directions and the run's line
need that path; random directions do not.
"""

from __future__ import annotations

import argparse
import sys
import time

import numpy as np

from playground.cli.common import UsageError, add_data_args, emit_json, model_data, targets
from playground.data.prepare import prepare
from playground.modelfile.history import SavedHistory
from playground.modelfile.save_load import load_model_with_history
from playground.nn import Network
from playground.nn.landscape import DIRECTIONS, landscape
from playground.timeline.path import path_rows


def _landscape_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("landscape", help="the loss around a saved model's weights")
    p.add_argument("model")
    add_data_args(p, required=False)
    p.add_argument("--grid", type=int, default=41, help="points a side (default 41)")
    p.add_argument("--directions", choices=DIRECTIONS, default="pca",
                   help="the plane: the path's principal directions (default; needs the "
                        "file's timeline), two random filter-normalised ones, or the path's "
                        "start-to-now line")
    p.add_argument("--json", action="store_true")


def path_of(net: Network, history: SavedHistory | None) -> np.ndarray:
    """The weights at each kept epoch of the network's own shape since its layers were last
    edited, oldest first, all of them: (k, P) float64 (the window's path, thinned for its
    process, with every row kept)."""
    if history is None or history.states is None:
        return np.zeros((0, sum(p.size for p in net.flat_params())))
    _, rows = path_rows(history.states, net, most=sys.maxsize, most_bytes=sys.maxsize)
    return rows.astype(np.float64)


def cmd_landscape(args: argparse.Namespace) -> int:
    net, history = load_model_with_history(args.model)
    prepared = prepare(model_data(args, net))
    if prepared.input_dim != net.input_dim:
        raise UsageError(f"the model takes {net.input_dim} inputs but the data has "
                         f"{prepared.input_dim} features")
    path = path_of(net, history)
    start = time.perf_counter()
    try:
        result = landscape(net, prepared.x_train, targets(net, prepared.y_train, prepared),
                           path, args.directions, args.grid)
    except ValueError as e:
        hint = "" if len(path) else " (this file keeps no timeline: save it with one, or " \
            "use --directions random)"
        raise UsageError(f"{e}{hint}") from None
    seconds = time.perf_counter() - start
    finite = result.loss[np.isfinite(result.loss)]
    print(f"{args.grid}x{args.grid} {args.directions} landscape of {net!r} on "
          f"{len(prepared.y_train):,} training samples in {seconds:.2f} s")
    print(f"loss at the weights now {result.center_loss:.5g}; over the plane "
          f"{finite.min():.5g} to {finite.max():.5g}" if finite.size else "no finite loss")
    if result.explained is not None:
        print(f"the plane holds {100 * result.explained:.1f}% of the path's variance "
              f"({len(path)} epochs)")
    emit_json(args, result.to_json())
    return 0


PARSERS = (_landscape_parser,)
COMMANDS = {"landscape": cmd_landscape}
