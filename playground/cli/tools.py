"""``playground predict``, ``gradcheck``, ``explain``, ``check-code``, ``export`` and ``bench``."""

from __future__ import annotations

import argparse
import warnings
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from playground.cli import explain
from playground.cli.common import (
    UsageError,
    add_data_args,
    data_spec,
    default_layers,
    default_loss,
    emit_json,
    model_data,
    parse_layers,
)
from playground.data.features import FEATURE_LABELS
from playground.data.prepare import prepare
from playground.modelfile.save_load import is_model_file, load_model
from playground.nn import LOSSES, OPTIMIZERS, Network, TrainConfig
from playground.nn.bugs import BUGS, NETWORK_BUGS
from playground.nn.gradcheck import INCONCLUSIVE, check_gradients
from playground.nn.network import INITS
from playground.paths import check_writable
from playground.teach.step_text import as_text

if TYPE_CHECKING:
    from playground.learner.result import CheckResult


def _predict_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("predict", help="classify a digit image with an MNIST model")
    p.add_argument("model")
    p.add_argument("image", help="a PNG (or other image) of one digit, any size")
    p.add_argument("--json", action="store_true")


def cmd_predict(args: argparse.Namespace) -> int:
    from playground.data.digits import canvas_to_input, ink_on_black
    from playground.gui.image_file import read_grayscale  # Qt decodes the image

    net = load_model(args.model)
    if net.input_dim != 784:
        raise UsageError(f"predict needs an MNIST model with 784 inputs; this one takes "
                         f"{net.input_dim}")
    x = canvas_to_input(ink_on_black(read_grayscale(args.image)))
    if x is None:
        raise UsageError(f"{args.image}: the image is blank; there is no digit to read")
    proba = net.predict_proba(x[None, :])[0]
    best = int(proba.argmax())
    for digit, p in enumerate(proba):
        print(f"{digit}: {p:.4f}{'  <-' if digit == best else ''}")
    emit_json(args, {"prediction": best, "probabilities": [float(p) for p in proba]})
    return 0


def _gradcheck_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("gradcheck", help="compare backprop with finite differences")
    p.add_argument("--layers", default="4:tanh,1:sigmoid")
    p.add_argument("--loss", choices=LOSSES)
    p.add_argument("--input-dim", type=int, default=2)
    p.add_argument("--samples", type=int, default=8)
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--init", choices=INITS, default="xavier")
    p.add_argument("--bug", action="append", choices=sorted(BUGS), default=[],
                   help="switch on a bug-lab mistake (repeatable) and see its effect")


def cmd_gradcheck(args: argparse.Namespace) -> int:
    layers = parse_layers(args.layers)
    loss = args.loss or default_loss(layers[-1].activation)
    if not 1 <= args.samples <= 1000:
        raise UsageError("--samples must lie in 1..1000")
    if "no-bias" in args.bug:
        layers = [replace(s, bias=False) for s in layers]
    init = "uniform" if "uniform-init" in args.bug else args.init
    try:
        net = Network(args.input_dim, layers, loss=loss, init=init, seed=args.seed,
                      dtype=np.float64, bugs=[b for b in args.bug if b in NETWORK_BUGS])
    except ValueError as e:
        raise UsageError(str(e)) from None
    rng = np.random.default_rng(args.seed)
    x = rng.normal(size=(args.samples, args.input_dim))
    y = net.encode_targets(rng.integers(0, max(2, net.n_outputs), args.samples))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # a naive sigmoid's overflow
        result = check_gradients(net, x, y)
    mask = ", one dropout mask held fixed" if result.fixed_mask else ""
    print(f"{net}: finite differences on {args.samples} samples, float64{mask}")
    for name in args.bug:
        print(f"bug {name}: {BUGS[name].wrote}")
    for c in result.layers:
        verdict = ("cannot judge" if c.unjudged else
                   "ok" if c.relative_error <= result.tolerance else "WRONG")
        print(f"layer {c.layer + 1}: relative error {c.relative_error:.2e}  {verdict}")
    if result.failed:
        print(f"FAIL: largest error {result.max_error:.2e} (tolerance {result.tolerance:g})")
        return 1
    if not result.conclusive:
        print(f"CANNOT JUDGE: {INCONCLUSIVE[result.reason]}")
        return 3
    print(f"PASS: largest error {result.max_error:.2e} (tolerance {result.tolerance:g})")
    return 0


def _explain_parser(sub: argparse._SubParsersAction) -> None:
    explain.add_parser(sub, add_data_args, OPTIMIZERS, INITS, LOSSES)


def cmd_explain(args: argparse.Namespace) -> int:
    """Every number of one step on one training point: of a saved model or of --layers."""
    if args.model:
        stored = load_model(args.model)
        spec = model_data(args, stored)
        layers, loss, init, params = list(stored.layers), stored.loss_name, stored.init, \
            stored.params
    elif args.dataset or args.data:
        spec = data_spec(args)
        prepared = prepare(spec)
        layers = parse_layers(args.layers or default_layers(prepared))
        loss, init, params = args.loss or default_loss(layers[-1].activation), args.init, None
    else:
        raise UsageError("give --dataset, --data or --model")
    input_dim = prepare(spec).input_dim if params is None else stored.input_dim
    try:
        net = Network(input_dim, layers, loss=loss, init=init, seed=spec.seed,
                      dtype=np.float64, bugs=args.bug)
    except ValueError as e:
        raise UsageError(str(e)) from None
    if params is not None:
        net.set_params(params)
    step = explain.run(net, spec, args.point, TrainConfig(args.optimizer, args.lr))
    if args.json:
        emit_json(args, explain.as_json(step))
    else:
        labels = [FEATURE_LABELS.get(f, f) for f in spec.features]
        print("\n".join(as_text(net, step, labels)))
    return 0


def _check_code_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("check-code", help="check your own backprop: a program as you wrote it, "
                       "or a file in the template")
    p.add_argument("file", help="a .py file: your training program as written (run until it "
                   "has taken a few steps), or the template (LAYERS, forward, backward, ...)")
    p.add_argument("--dataset", default="xor", help="a file in the template: where the batch "
                   "comes from, if it fits")
    p.add_argument("--timeout", type=float, default=20.0, help="seconds your code may take")
    p.add_argument("--json", action="store_true")


def cmd_check_code(args: argparse.Namespace) -> int:
    """Exit 0 when the code is right, 1 with findings, 2 for a file that cannot be checked (one
    Python cannot read, a template whose constants describe no network)."""
    from playground.learner.check import TemplateError, check_file
    from playground.learner.program_check import network_text

    if not 0.5 <= args.timeout <= 600:
        raise UsageError("--timeout must lie in 0.5..600 seconds")
    try:
        result = check_file(args.file, args.dataset, args.timeout)
    except TemplateError as e:
        emit_json(args, {"passed": False, "findings": [
            {"kind": "template", "layer": None, "array": None, "message": str(e)}]})
        raise UsageError(f"{args.file}: {e}") from None
    if result.printed:
        print("your code printed:\n" + result.printed.rstrip())
    if result.network is not None:
        print(f"your network: {network_text(result.network)}")
    for f in result.findings:
        where = "" if f.layer is None else f" (layer {f.layer}, {f.array})"
        print(f"{f.kind}{where}: {f.message}")
    for note in result.notes:
        print(f"note: {note}")
    emit_json(args, _check_json(result))
    return 0 if result.passed else 1


def _check_json(result: CheckResult) -> dict:
    """The template's object as it was (the notes stay text); a program as written adds its
    mode, its network and each finding's variable and line."""
    if result.mode == "template":
        return {"passed": result.passed, "findings": [
            {"kind": f.kind, "layer": f.layer, "array": f.array, "message": f.message}
            for f in result.findings]}
    network = result.network and {k: result.network[k] for k in
                                  ("layers", "activations", "bias", "convention", "weights",
                                   "samples", "inputs", "targets")}
    return {"passed": result.passed, "mode": result.mode, "network": network, "findings": [
        {"kind": f.kind, "layer": f.layer, "array": f.array, "variable": f.variable,
         "line": f.line, "message": f.message} for f in result.findings]}


def _export_parser(sub: argparse._SubParsersAction) -> None:
    from playground.export import FORMATS

    p = sub.add_parser("export", help="write a model out for other tools")
    p.add_argument("model", help="a model file (.npz)")
    p.add_argument("--format", required=True, choices=sorted([*FORMATS, "png", "svg"]),
                   help="; ".join(f"{k}: {v}" for k, v in FORMATS.items()))
    p.add_argument("--out", required=True, help="the file to write")
    p.add_argument("--epochs", type=int, help="numpy: epochs the script trains (default: as "
                   "the model was trained)")
    p.add_argument("--view", choices=("boundary", "diagram"), default="boundary",
                   help="png/svg: the decision boundary with the points, or the network diagram")
    p.add_argument("--force", action="store_true",
                   help="replace --out even when it is a model file")
    p.add_argument("--json", action="store_true")


def cmd_export(args: argparse.Namespace) -> int:
    from playground.export import export_model

    if args.epochs is not None and args.epochs < 0:
        raise UsageError("--epochs must be 0 or more")
    _check_export_out(args)
    net = load_model(args.model)
    try:
        if args.format in ("png", "svg"):
            out = _picture(args)
        else:
            out = export_model(net, args.format, args.out, args.epochs)
    except (ValueError, RuntimeError) as e:
        raise UsageError(f"{args.model}: {e}") from None
    except OSError as e:
        raise UsageError(f"cannot write {args.out}: {e}") from None
    print(f"wrote {out} ({args.format})")
    emit_json(args, {"format": args.format, "out": str(out)})
    return 0


def _check_export_out(args: argparse.Namespace) -> None:
    """--out may not be the model itself, nor (without --force) another model, nor anything
    but a regular file: an export that replaced the model with a script said "wrote" and
    exited 0, and a pipe as --out hung."""
    out, model = Path(args.out), Path(args.model)
    check_writable(out)
    if out.exists() and model.exists() and out.samefile(model):
        raise UsageError(f"--out {out} is the model itself: choose another file")
    if is_model_file(out) and not args.force:
        raise UsageError(f"--out {out} is a model file; choose another name, or add --force "
                         "to replace it")


def _picture(args: argparse.Namespace) -> Path:
    from playground.gui.picture_cli import model_picture

    out = Path(args.out)
    if out.suffix.lower() != f".{args.format}":
        raise UsageError(f"--out should end in .{args.format} for --format {args.format}")
    return model_picture(args.model, args.view, out)


def _bench_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("bench", help="measure training and prediction speed")
    p.add_argument("--epochs", type=int, default=5,
                   help="timed epochs per contender, after one untimed warm-up epoch")
    p.add_argument("--no-compare", action="store_true", help="skip PyTorch, scikit-learn and JAX")
    p.add_argument("--gui", action="store_true",
                   help="measure the window instead: probe latency, frames/s, throughput")
    p.add_argument("--seconds", type=float, default=5.0, help="with --gui: seconds per network")
    p.add_argument("--json", action="store_true")


def cmd_bench(args: argparse.Namespace) -> int:
    from playground.bench.throughput import run_bench

    if args.gui:
        from playground.gui.bench_gui import run_gui_bench

        if not 1 <= args.seconds <= 120:
            raise UsageError("--seconds must lie in 1..120")
        emit_json(args, run_gui_bench(args.seconds))
        return 0
    if not 1 <= args.epochs <= 50:
        raise UsageError("--epochs must lie in 1..50")
    emit_json(args, run_bench(epochs=args.epochs, compare=not args.no_compare))
    return 0


PARSERS = (_predict_parser, _gradcheck_parser, _explain_parser, _check_code_parser,
           _export_parser, _bench_parser)
COMMANDS = {"predict": cmd_predict, "gradcheck": cmd_gradcheck, "explain": cmd_explain,
            "check-code": cmd_check_code, "export": cmd_export, "bench": cmd_bench}
