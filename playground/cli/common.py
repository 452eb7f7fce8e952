"""What the command line's subcommands share: argument groups, the network and data they
build, errors, and JSON output. Qt-free."""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from typing import Any, NoReturn

import numpy as np

from playground.data.prepare import DATASETS, DataSpec, Prepared
from playground.data.toy import REGRESSION, REGRESSION_POINTS
from playground.experiment import losses_for
from playground.nn import LOSSES, OPTIMIZERS, LayerSpec, Network
from playground.nn.network import INITS


class UsageError(Exception):
    """A bad argument or file: reported as one line, exit code 2."""


class Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise UsageError(message)


LAYER_FORM = "UNITS:ACTIVATION[:nobias][:dropP]"


def parse_layers(text: str) -> list[LayerSpec]:
    """``4:tanh,64:relu:drop0.3,1:sigmoid`` (``LAYER_FORM`` each) as LayerSpecs."""
    return [_layer(part.strip()) for part in text.split(",")]


def _layer(part: str) -> LayerSpec:
    bits = [b.strip() for b in part.split(":")]
    extras = bits[2:]
    drops = [b for b in extras if b.startswith("drop")]
    biases = [b for b in extras if b in ("nobias", "bias")]
    if len(bits) < 2 or len(drops) > 1 or len(biases) > 1 or len(extras) != len(drops) + len(
            biases):
        raise UsageError(f"bad layer {part!r}: write {LAYER_FORM}")
    try:
        units = int(bits[0])
    except ValueError:
        raise UsageError(f"bad layer {part!r}: {bits[0]!r} is not a whole number of "
                         "units") from None
    try:
        rate = float(drops[0][4:]) if drops else 0.0
    except ValueError:
        raise UsageError(f"bad layer {part!r}: {drops[0]!r} is not drop and a rate, as "
                         "drop0.3") from None
    try:
        return LayerSpec(units, bits[1], bias=biases != ["nobias"], dropout=rate)
    except ValueError as e:
        raise UsageError(f"bad layer {part!r}: {e}") from None


def default_loss(output_activation: str) -> str:
    return losses_for(output_activation)[0]


def add_data_args(p: argparse.ArgumentParser, required: bool) -> None:
    src = p.add_mutually_exclusive_group(required=required)
    src.add_argument("--dataset", choices=DATASETS, help="a built-in dataset")
    src.add_argument("--data", metavar="FILE.csv", help="a CSV file: features..., label")
    p.add_argument("--points", type=int, help="points in a toy dataset (default 200; 1,200 for "
                   "reg-plane and reg-gauss)")
    p.add_argument("--noise", type=float, help="noise of a toy dataset, 0 to 1 (default 0)")
    p.add_argument("--classes", type=int, help="classes of gauss and spiral (default 2)")
    p.add_argument("--features", help="input features of a toy set, e.g. x1,x2,x1*x2")
    p.add_argument("--test-fraction", type=float, help="share held out for testing (default 0.5)")
    p.add_argument("--limit", type=int, help="MNIST: train on the first N images only")
    p.add_argument("--seed", type=int, help="seed for data, weights and shuffling (default 0)")


def data_spec(args: argparse.Namespace, base: DataSpec | None = None) -> DataSpec:
    """The DataSpec the arguments ask for, starting from ``base`` (a model's stored spec)."""
    spec = base or DataSpec()
    values: dict[str, Any] = {}
    if args.dataset:
        values["name"], values["path"] = args.dataset, None
    elif args.data:
        values["name"], values["path"] = "csv", args.data
    for key in ("points", "noise", "classes", "test_fraction", "limit", "seed"):
        if getattr(args, key) is not None:
            values[key] = getattr(args, key)
    if args.dataset in REGRESSION and args.points is None:
        values["points"] = REGRESSION_POINTS  # a regression set's own default
    if args.features:
        values["features"] = tuple(f.strip() for f in args.features.split(","))
    return DataSpec(**{**spec.to_json(), **values,
                       "features": values.get("features", spec.features)})


def targets(net: Network, labels: np.ndarray, prepared: Prepared) -> np.ndarray:
    """Targets for ``net``'s loss: class labels encoded, or regression values as (n, 1)."""
    if prepared.n_classes == 0:
        return labels.reshape(-1, 1).astype(net.dtype)
    return net.encode_targets(labels)


def add_network_args(p: argparse.ArgumentParser) -> None:
    """The network and its training: what ``train`` and ``sweep`` share."""
    p.add_argument("--layers", help="e.g. 4:tanh,4:tanh,1:sigmoid (the last is the output; "
                                    "64:relu:drop0.3 drops 30%% of a hidden layer's units in "
                                    "training)")
    p.add_argument("--loss", choices=LOSSES, help="default: from the output activation")
    p.add_argument("--init", choices=INITS, default="xavier")
    p.add_argument("--optimizer", choices=OPTIMIZERS, default="adam")
    p.add_argument("--lr", type=float, default=0.01)
    p.add_argument("--batch-size", type=int, default=32)
    p.add_argument("--epochs", type=int, default=100)
    p.add_argument("--l1", type=float, default=0.0)
    p.add_argument("--l2", type=float, default=0.0)
    p.add_argument("--dtype", choices=("float32", "float64"), default="float32")


def default_layers(prepared: Prepared) -> str:
    if prepared.spec.name == "mnist":
        return "128:relu,10:softmax"
    if prepared.n_classes > 2:
        return f"8:tanh,8:tanh,{prepared.n_classes}:softmax"
    return "4:tanh,4:tanh,1:sigmoid" if prepared.n_classes else "8:tanh,1:linear"


def build_network(args: argparse.Namespace, prepared: Prepared, seed: int | None = None,
                  bugs: Sequence[str] = ()) -> Network:
    """The network the flags describe, its weights from ``seed`` (default: the data's)."""
    layers = parse_layers(args.layers or default_layers(prepared))
    loss = args.loss or default_loss(layers[-1].activation)
    try:
        return Network(prepared.input_dim, layers, loss=loss, init=args.init,
                       seed=prepared.spec.seed if seed is None else seed, dtype=args.dtype,
                       bugs=tuple(bugs))
    except ValueError as e:
        raise UsageError(str(e)) from None


def model_data(args: argparse.Namespace, net: Network) -> DataSpec:
    """The data a saved model names, changed as the arguments ask (or given by them)."""
    stored = net.metadata.get("data")
    base = DataSpec.from_json(stored) if isinstance(stored, dict) else None
    if base is None and not (args.dataset or args.data):
        raise UsageError("this model does not say what data it was trained on; "
                         "give --dataset or --data")
    return data_spec(args, base)


def emit_json(args: argparse.Namespace, result: dict[str, Any]) -> None:
    """One JSON line on stdout, when ``--json`` asked for it."""
    if args.json_out is not None:
        print(json.dumps(result), file=args.json_out, flush=True)
