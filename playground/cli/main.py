"""The ``playground`` command: the app by default, and headless train / eval / predict / gradcheck /
bench subcommands. Bad arguments or files give one line on stderr and exit code 2, never a
traceback.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
import time
import warnings
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any, NoReturn

import numpy as np

from playground.cli import explain
from playground.cli.lab import health_report, quick_gradient_check, train_monitored, train_preset
from playground.cli.sweep import SweepResult, sweep
from playground.cli.sweep import grid as sweep_grid
from playground.data.augment import MnistAugment
from playground.data.errors import DataFileError
from playground.data.features import FEATURE_LABELS
from playground.data.prepare import DATASETS, DataSpec, Prepared, prepare
from playground.data.toy import REGRESSION, REGRESSION_POINTS
from playground.experiment import losses_for
from playground.modelfile.save_load import ModelFileError, is_model_file, load_model, save_model
from playground.nn import LOSSES, OPTIMIZERS, LayerSpec, Network, TrainConfig
from playground.nn.bugs import BUGS, NETWORK_BUGS
from playground.nn.gradcheck import INCONCLUSIVE, check_gradients
from playground.nn.network import INITS
from playground.nn.train import evaluate, step_size
from playground.paths import check_writable
from playground.teach.lab import LAB_PRESETS
from playground.teach.step_text import as_text

SUBCOMMANDS = ("train", "sweep", "eval", "predict", "gradcheck", "explain", "check-code",
               "export", "bench")


class UsageError(Exception):
    """A bad argument or file: reported as one line, exit code 2."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise UsageError(message)


# ----- shared argument helpers -----------------------------------------------------------------
def parse_layers(text: str) -> list[LayerSpec]:
    """``4:tanh,4:tanh,1:sigmoid`` (``UNITS:ACTIVATION[:nobias]`` each) as LayerSpecs."""
    specs = []
    for part in text.split(","):
        bits = [b.strip() for b in part.strip().split(":")]
        if len(bits) not in (2, 3) or (len(bits) == 3 and bits[2] not in ("nobias", "bias")):
            raise UsageError(f"bad layer {part.strip()!r}: write UNITS:ACTIVATION[:nobias]")
        try:
            units = int(bits[0])
        except ValueError:
            raise UsageError(f"bad layer {part.strip()!r}: {bits[0]!r} is not a whole "
                             "number of units") from None
        try:
            specs.append(LayerSpec(units, bits[1], bias=len(bits) == 2 or bits[2] == "bias"))
        except ValueError as e:
            raise UsageError(f"bad layer {part.strip()!r}: {e}") from None
    return specs


def default_loss(output_activation: str) -> str:
    return losses_for(output_activation)[0]


def _add_data_args(p: argparse.ArgumentParser, required: bool) -> None:
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


def _targets(net: Network, labels: np.ndarray, prepared: Prepared) -> np.ndarray:
    """Targets for ``net``'s loss: class labels encoded, or regression values as (n, 1)."""
    if prepared.n_classes == 0:
        return labels.reshape(-1, 1).astype(net.dtype)
    return net.encode_targets(labels)


# ----- train -----------------------------------------------------------------------------------
def _train_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("train", help="train a network headless and save it")
    _add_data_args(p, required=False)
    p.add_argument("--preset", choices=sorted(LAB_PRESETS),
                   help="a bug-lab preset: a seed's failing network, trained as written")
    p.add_argument("--fixed", action="store_true", help="with --preset: train it fixed")
    _add_network_args(p)
    p.add_argument("--augment", action="store_true",
                   help="MNIST: shift, rotate, scale and thicken or thin each training batch")
    p.add_argument("--out", metavar="MODEL.npz", help="where to save the trained model")
    p.add_argument("--json", action="store_true", help="end with one JSON line of results")


def _add_network_args(p: argparse.ArgumentParser) -> None:
    """The network and its training: what ``train`` and ``sweep`` share."""
    p.add_argument("--layers", help="e.g. 4:tanh,4:tanh,1:sigmoid (the last is the output)")
    p.add_argument("--loss", choices=LOSSES, help="default: from the output activation")
    p.add_argument("--init", choices=INITS, default="xavier")
    p.add_argument("--optimizer", choices=OPTIMIZERS, default="adam")
    p.add_argument("--lr", type=float, default=0.01)
    p.add_argument("--batch-size", type=int, default=32)
    p.add_argument("--epochs", type=int, default=100)
    p.add_argument("--l1", type=float, default=0.0)
    p.add_argument("--l2", type=float, default=0.0)
    p.add_argument("--dtype", choices=("float32", "float64"), default="float32")


def _default_layers(prepared: Prepared) -> str:
    if prepared.spec.name == "mnist":
        return "128:relu,10:softmax"
    if prepared.n_classes > 2:
        return f"8:tanh,8:tanh,{prepared.n_classes}:softmax"
    return "4:tanh,4:tanh,1:sigmoid" if prepared.n_classes else "8:tanh,1:linear"


def build_network(args: argparse.Namespace, prepared: Prepared, seed: int | None = None,
                  bugs: Sequence[str] = ()) -> Network:
    """The network the flags describe, its weights from ``seed`` (default: the data's)."""
    layers = parse_layers(args.layers or _default_layers(prepared))
    loss = args.loss or default_loss(layers[-1].activation)
    try:
        return Network(prepared.input_dim, layers, loss=loss, init=args.init,
                       seed=prepared.spec.seed if seed is None else seed, dtype=args.dtype,
                       bugs=tuple(bugs))
    except ValueError as e:
        raise UsageError(str(e)) from None


class _Progress:
    """A one-line progress bar on stderr when it is a terminal; silent otherwise."""

    def __init__(self, epochs: int) -> None:
        self.epochs = epochs
        self.live = sys.stderr.isatty()

    def update(self, epoch: int, loss: float, acc: float | None) -> None:
        if not self.live:
            return
        done = int(30 * epoch / max(1, self.epochs))
        acc_text = f" acc {acc:.3f}" if acc is not None else ""
        sys.stderr.write(f"\r[{'#' * done}{'.' * (30 - done)}] epoch {epoch}/{self.epochs} "
                         f"loss {loss:.4f}{acc_text}")
        sys.stderr.flush()

    def close(self) -> None:
        if self.live:
            sys.stderr.write("\n")


def cmd_train(args: argparse.Namespace) -> int:
    if args.preset:
        return train_preset(args.preset, args.fixed, args.out, args.json_out)
    if args.fixed:
        raise UsageError("--fixed goes with --preset")
    if not (args.dataset or args.data):
        raise UsageError("give --dataset, --data or --preset")
    prepared = prepare(data_spec(args))
    net = build_network(args, prepared)
    cfg = TrainConfig(args.optimizer, args.lr, args.batch_size, args.epochs,
                      prepared.spec.seed, args.l1, args.l2)
    y_tr = _targets(net, prepared.y_train, prepared)
    y_te = _targets(net, prepared.y_test, prepared) if len(prepared.y_test) else None
    if args.augment and prepared.spec.name != "mnist":
        raise UsageError("--augment works on MNIST only")
    transform = MnistAugment(prepared.spec.seed) if args.augment else None
    progress, start = _Progress(cfg.epochs), time.perf_counter()
    seen = train_monitored(net, prepared.x_train, y_tr, cfg, prepared.x_test, y_te, transform,
                           lambda s: progress.update(s.epoch, s.train_loss, s.test_accuracy))
    progress.close()
    result = _results(net, prepared, y_tr, y_te, cfg.epochs, time.perf_counter() - start)
    if args.out:
        save_model(net, args.out, data=prepared.spec.to_json(), n_classes=prepared.n_classes,
                   training={"optimizer": cfg.optimizer, "lr": cfg.lr, "batch_size":
                             cfg.batch_size, "epochs": cfg.epochs, "l1": cfg.l1, "l2": cfg.l2,
                             "augment": bool(args.augment)}, metrics=result)
    _report(result, args.out)
    if seen.stop_reason:
        print(f"stopped in epoch {seen.stop_epoch}: {seen.stop_reason}", file=sys.stderr)
    check = quick_gradient_check(net, prepared.x_train, y_tr)
    lines, findings = health_report(net, prepared.x_train, seen, check,
                                    step_size(cfg, net.bugs, min(cfg.batch_size, len(y_tr))))
    print("\n".join(lines))
    emit_json(args, {**result, "stopped": seen.stop_reason is not None,
                     "stop_reason": seen.stop_reason,
                     "findings": [{"kind": f.kind, "text": f.text} for f in findings]})
    return 0


def _results(net: Network, prepared: Prepared, y_tr: np.ndarray, y_te: np.ndarray | None,
             epochs: int, seconds: float) -> dict[str, Any]:
    train_loss, train_acc = evaluate(net, prepared.x_train, y_tr)
    test_loss, test_acc = (evaluate(net, prepared.x_test, y_te) if y_te is not None
                           else (None, None))
    classify = prepared.n_classes > 0
    result = {"train_loss": train_loss, "test_loss": test_loss,
              "train_accuracy": train_acc if classify else None,
              "test_accuracy": test_acc if classify else None,
              "epochs": epochs, "seconds": round(seconds, 3), "network": repr(net)}
    if not classify:  # a regression: how far off the outputs are, in the targets' units
        result["train_rmse"] = rmse(net, prepared.x_train, y_tr)
        result["test_rmse"] = rmse(net, prepared.x_test, y_te) if y_te is not None else None
    return result


def rmse(net: Network, x: np.ndarray, y: np.ndarray) -> float:
    """The root mean squared error of ``net``'s outputs against targets y (n, 1)."""
    return float(np.sqrt(np.mean((net.forward(x).astype(np.float64) - y) ** 2)))


def _fmt(value: float | None, pct: bool = False) -> str:
    if value is None:
        return "n/a"
    return f"{100 * value:.2f}%" if pct else f"{value:.5f}"


def _report(result: dict[str, Any], out: str | None) -> None:
    print(f"{result['network']}: {result['epochs']} epochs in {result['seconds']:.2f} s")
    if "train_rmse" in result:
        print(f"train loss {_fmt(result['train_loss'])}  RMSE {_fmt(result['train_rmse'])}")
        print(f"test  loss {_fmt(result['test_loss'])}  RMSE {_fmt(result['test_rmse'])}")
    else:
        print(f"train loss {_fmt(result['train_loss'])}  accuracy "
              f"{_fmt(result['train_accuracy'], True)}")
        print(f"test  loss {_fmt(result['test_loss'])}  accuracy "
              f"{_fmt(result['test_accuracy'], True)}")
    if out:
        print(f"saved {out}")


# ----- sweep -----------------------------------------------------------------------------------
def _sweep_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("sweep", help="train many seeds (and learning rates) of one network at "
                       "once", description="Train one network from many seeds at once, and "
                       "optionally over several learning rates. The data and the order of the "
                       "batches come from --seed; run i starts from the weights of seed "
                       "--seed + i.")
    _add_data_args(p, required=True)
    _add_network_args(p)
    p.add_argument("--seeds", type=int, default=20, help="how many seeds (default 20)")
    p.add_argument("--lr-values", metavar="A,B,C",
                   help="learning rates to sweep, each over every seed (replaces --lr)")
    p.add_argument("--bug", action="append", choices=sorted(NETWORK_BUGS), default=[],
                   help="a bug-lab switch, in every run (repeatable)")
    p.add_argument("--json", action="store_true", help="end with one JSON line of results")


def cmd_sweep(args: argparse.Namespace) -> int:
    prepared = prepare(data_spec(args))
    base = prepared.spec.seed
    if args.seeds < 1:
        raise UsageError("--seeds must be at least 1")
    try:
        lrs = [float(v) for v in args.lr_values.split(",")] if args.lr_values else None
    except ValueError:
        raise UsageError(f"--lr-values takes numbers separated by commas, not "
                         f"{args.lr_values!r}") from None
    runs = sweep_grid(range(base, base + args.seeds), lrs, args.lr)
    probe = build_network(args, prepared, base, args.bug)
    cfg = TrainConfig(args.optimizer, args.lr, args.batch_size, args.epochs, base, args.l1,
                      args.l2)
    y_tr = _targets(probe, prepared.y_train, prepared)
    y_te = _targets(probe, prepared.y_test, prepared) if len(prepared.y_test) else None
    progress = _Progress(cfg.epochs)
    result = sweep(lambda seed: build_network(args, prepared, seed, args.bug), runs,
                   prepared.x_train, y_tr, cfg, prepared.x_test, y_te, prepared.n_classes > 0,
                   lambda e: progress.update(e.epoch, float(np.nanmean(e.train_loss)),
                                             float((e.train_accuracy == 1).mean())),
                   every=max(1, cfg.epochs // 100))
    progress.close()
    _report_sweep(result, repr(probe), cfg.epochs)
    emit_json(args, result.to_json())
    return 0


def _report_sweep(result: SweepResult, network: str, epochs: int) -> None:
    print(f"{network}: {len(result.runs)} runs of {epochs} epochs in {result.seconds:.2f} s")
    for run in result.runs:
        acc = "" if run.train_accuracy is None else f"  accuracy {_fmt(run.train_accuracy, True)}"
        test = "" if run.test_accuracy is None else f"  test {_fmt(run.test_accuracy, True)}"
        print(f"seed {run.seed:<5} lr {run.lr:<8g} loss {_fmt(run.train_loss)}{acc}{test}"
              + ("  (stopped: its loss blew up)" if run.stopped else ""))
    if result.runs[0].train_accuracy is not None:
        print(f"{result.solved} of {len(result.runs)} runs reached 100% on the training set")


# ----- eval and predict ------------------------------------------------------------------------
def _eval_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("eval", help="evaluate a saved model on a dataset")
    p.add_argument("model")
    _add_data_args(p, required=False)
    p.add_argument("--json", action="store_true")


def model_data(args: argparse.Namespace, net: Network) -> DataSpec:
    """The data a saved model names, changed as the arguments ask (or given by them)."""
    stored = net.metadata.get("data")
    base = DataSpec.from_json(stored) if isinstance(stored, dict) else None
    if base is None and not (args.dataset or args.data):
        raise UsageError("this model does not say what data it was trained on; "
                         "give --dataset or --data")
    return data_spec(args, base)


def cmd_eval(args: argparse.Namespace) -> int:
    net = load_model(args.model)
    prepared = prepare(model_data(args, net))
    if prepared.input_dim != net.input_dim:
        raise UsageError(f"the model takes {net.input_dim} inputs but the data has "
                         f"{prepared.input_dim} features")
    result: dict[str, Any] = {"network": repr(net)}
    for part, x, labels in (("train", prepared.x_train, prepared.y_train),
                            ("test", prepared.x_test, prepared.y_test)):
        if len(labels):
            loss, acc = evaluate(net, x, _targets(net, labels, prepared))
            result[f"{part}_loss"], result[f"{part}_accuracy"] = loss, acc
            print(f"{part:5} loss {loss:.5f}  accuracy {100 * acc:.2f}%  ({len(labels)} samples)")
    emit_json(args, result)
    return 0


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


# ----- gradcheck and bench ---------------------------------------------------------------------
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
    print(f"{net}: finite differences on {args.samples} samples, float64")
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
    explain.add_parser(sub, _add_data_args, OPTIMIZERS, INITS, LOSSES)


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
        layers = parse_layers(args.layers or _default_layers(prepared))
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
    p = sub.add_parser("check-code", help="check your own backprop file against the playground")
    p.add_argument("file", help="a .py file in the template (LAYERS, forward, backward, ...)")
    p.add_argument("--dataset", default="xor", help="where the batch comes from, if it fits")
    p.add_argument("--timeout", type=float, default=20.0, help="seconds your code may take")
    p.add_argument("--json", action="store_true")


def cmd_check_code(args: argparse.Namespace) -> int:
    """Exit 0 when the file matches, 1 with findings, 2 for a file not in the template."""
    from playground.learner.check import TemplateError, check_file

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
    for f in result.findings:
        where = "" if f.layer is None else f" (layer {f.layer}, {f.array})"
        print(f"{f.kind}{where}: {f.message}")
    for note in result.notes:
        print(f"note: {note}")
    emit_json(args, {"passed": result.passed, "findings": [
        {"kind": f.kind, "layer": f.layer, "array": f.array, "message": f.message}
        for f in result.findings]})  # the notes stay text: the object is the contract
    return 0 if result.passed else 1


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


# ----- entry point -----------------------------------------------------------------------------
def make_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="playground", description="A neural-network playground. With no "
                     "subcommand it opens the app.")
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)
    for add in (_train_parser, _sweep_parser, _eval_parser, _predict_parser, _gradcheck_parser,
                _explain_parser, _check_code_parser, _export_parser, _bench_parser):
        add(sub)
    return parser


def run_command(args: argparse.Namespace) -> int:
    """Run the subcommand. With ``--json`` its stdout holds only JSON lines: everything written
    for people goes to stderr, and the JSON to ``args.json_out``, the real stdout."""
    args.json_out = sys.stdout if getattr(args, "json", False) else None
    if args.json_out is None:
        return COMMANDS[args.command](args)
    with contextlib.redirect_stdout(sys.stderr):
        return COMMANDS[args.command](args)


def emit_json(args: argparse.Namespace, result: dict[str, Any]) -> None:
    """One JSON line on stdout, when ``--json`` asked for it."""
    if args.json_out is not None:
        print(json.dumps(result), file=args.json_out, flush=True)


COMMANDS = {"train": cmd_train, "sweep": cmd_sweep, "eval": cmd_eval, "predict": cmd_predict,
            "gradcheck": cmd_gradcheck, "explain": cmd_explain, "check-code": cmd_check_code,
            "export": cmd_export, "bench": cmd_bench}


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or argv[0] not in (*SUBCOMMANDS, "-h", "--help"):
        from playground.gui.app import run_app  # the GUI is imported only when it is wanted

        return run_app(argv)
    try:
        args = make_parser().parse_args(argv)
        return run_command(args)
    except (UsageError, ModelFileError, DataFileError, ValueError) as e:
        print(f"playground: error: {e}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("playground: interrupted", file=sys.stderr)
        return 130
