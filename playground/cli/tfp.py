"""``playground tfp LINK [--json]``: what a TensorFlow Playground link becomes here, with TFP's
own points; ``playground tfp --from MODEL``: the link of a saved model's setup, or what does
not fit TFP."""

from __future__ import annotations

import argparse

from playground.cli.common import UsageError, emit_json
from playground.data.prepare import DataSpec
from playground.data.tfp_points import tfp_points
from playground.experiment import Architecture, Experiment, config_from_json
from playground.modelfile.save_load import load_model
from playground.nn import TrainConfig
from playground.tfp.link import LinkError, experiment, link_for, read_link


def _tfp_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("tfp", help="a TensorFlow Playground link read here, or a model's link")
    p.add_argument("link", nargs="?", help="a TensorFlow Playground link (quote it: it holds &)")
    p.add_argument("--from", dest="model", help="print the TensorFlow Playground link of this "
                   "model file's setup instead")
    p.add_argument("--json", action="store_true")


def cmd_tfp(args: argparse.Namespace) -> int:
    if (args.link is None) == (args.model is None):
        raise UsageError("give a link, or --from MODEL")
    if args.model is not None:
        return _link_of_model(args)
    try:
        setup = read_link(args.link)
    except LinkError as e:
        raise UsageError(str(e)) from None
    exp = experiment(setup)
    hidden = "-".join(str(u) for u in setup.network_shape) or "no hidden layer"
    print(f"{setup.problem} of {setup.data_name}, noise {setup.noise:g}%, "
          f"{setup.train_percent:g}% to train, seed {setup.seed}; {hidden} "
          f"{setup.activation}, learning rate {setup.learning_rate:g}, batch {setup.batch_size}")
    print(f"here: {exp.arch.output_activation} output with {exp.arch.loss}, plain SGD")
    if setup.unsupported:
        print("not understood here: " + ", ".join(setup.unsupported))
    points = tfp_points(setup.data_name, setup.noise, setup.train_percent, setup.seed)
    emit_json(args, {"setup": setup.to_json(), "unsupported": list(setup.unsupported),
                     "train": _rows(points.train, points.train_labels),
                     "test": _rows(points.test, points.test_labels)})
    return 0


def _rows(points: object, labels: object) -> list[list[float]]:
    return [[float(x), float(y), float(t)] for (x, y), t in zip(points, labels, strict=True)]


def _link_of_model(args: argparse.Namespace) -> int:
    net = load_model(args.model)
    meta = net.metadata
    if not isinstance(meta.get("data"), dict):
        raise UsageError(f"{args.model} does not say what data it was trained on")
    arch = Architecture.from_json(meta["arch"]) if isinstance(meta.get("arch"), dict) else \
        Architecture.from_network(net)
    config = config_from_json(meta["training"]) if isinstance(meta.get("training"), dict) \
        else TrainConfig()
    link, notes = link_for(Experiment(arch, DataSpec.from_json(meta["data"]), config))
    if link is None:
        raise UsageError("that setup does not fit TensorFlow Playground: " +
                         "; ".join(str(n) for n in notes))
    for note in notes:
        print(f"note: {note}")
    print(link)
    emit_json(args, {"link": link, "notes": [str(n) for n in notes]})
    return 0


PARSERS = (_tfp_parser,)
COMMANDS = {"tfp": cmd_tfp}
