"""``playground train``, ``sweep`` and ``eval``: training and measuring networks headless."""

from __future__ import annotations

import argparse
import sys
import time
from typing import Any

import numpy as np

from playground.cli.common import (
    UsageError,
    add_data_args,
    add_network_args,
    build_network,
    data_spec,
    emit_json,
    model_data,
    targets,
)
from playground.cli.lab import health_report, quick_gradient_check, train_monitored, train_preset
from playground.cli.sweep import SweepResult, sweep
from playground.cli.sweep import grid as sweep_grid
from playground.data.augment import MnistAugment
from playground.data.prepare import Prepared, prepare
from playground.experiment import Architecture
from playground.modelfile.history import SavedHistory
from playground.modelfile.save_load import load_model, save_model
from playground.nn import Network, Snapshot, TrainConfig, make_optimizer
from playground.nn.bugs import NETWORK_BUGS
from playground.nn.early_stop import REASON as EARLY_STOP
from playground.nn.metrics import evaluate
from playground.nn.train import OptimizerState, step_size
from playground.teach.lab import LAB_PRESETS
from playground.timeline.curves import History
from playground.timeline.states import Recorder


def _train_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("train", help="train a network headless and save it")
    add_data_args(p, required=False)
    p.add_argument("--preset", choices=sorted(LAB_PRESETS),
                   help="a bug-lab preset: a seed's failing network, trained as written")
    p.add_argument("--fixed", action="store_true", help="with --preset: train it fixed")
    add_network_args(p)
    _schedule_args(p)
    p.add_argument("--augment", action="store_true",
                   help="MNIST: shift, rotate, scale and thicken or thin each training batch")
    p.add_argument("--out", metavar="MODEL.npz", help="where to save the trained model")
    p.add_argument("--keep-history", action="store_true",
                   help="with --out: keep the curves and every epoch's network in the file, "
                        "to replay and go on from in the window")
    p.add_argument("--json", action="store_true", help="end with one JSON line of results")


def _schedule_args(p: argparse.ArgumentParser) -> None:
    """What ``train`` and ``sweep`` share beyond the network: the schedule and early stopping."""
    p.add_argument("--schedule", default="constant", metavar="constant|step:F:N|exp:D|cosine:MIN",
                   help="the learning rate per epoch: constant; x F every N epochs; x D every "
                        "epoch; half a cosine down to MIN at the last epoch (cosine:MIN:N: at "
                        "epoch N)")
    p.add_argument("--warmup", type=int, default=0, metavar="N",
                   help="the first N epochs' rate rises linearly to --lr before the schedule")
    p.add_argument("--early-stop", type=int, default=0, metavar="N",
                   help="stop once the test loss has not improved for N epochs and keep the "
                        "best epoch's weights")


def _config(args: argparse.Namespace, seed: int, has_test: bool) -> TrainConfig:
    """The training settings the flags give; UsageError for one that cannot work."""
    cfg = TrainConfig(args.optimizer, args.lr, args.batch_size, args.epochs, seed, args.l1,
                      args.l2, schedule=args.schedule, warmup=args.warmup,
                      early_stop=args.early_stop)
    try:
        cfg.validate()
    except ValueError as e:
        raise UsageError(str(e)) from None
    if cfg.early_stop and not has_test:
        raise UsageError("--early-stop watches the test loss: hold some data out "
                         "(--test-fraction above 0)")
    return cfg


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


class _History:
    """The run's curves and every epoch's state, for ``--keep-history`` (epoch 0 included)."""

    def __init__(self, net: Network, keep: OptimizerState) -> None:
        self.recorder = Recorder(Architecture.from_network(net), net, keep)
        self.recorder.add(0)
        self.curves = History()

    def add(self, snap: Snapshot) -> None:
        self.recorder.add(snap.epoch)
        self.curves.extend([snap], 0)

    def saved(self) -> SavedHistory:
        return SavedHistory(self.curves, [], self.recorder.states)


def cmd_train(args: argparse.Namespace) -> int:
    if args.preset:
        return train_preset(args.preset, args.fixed, args.out, args.json_out)
    if args.fixed:
        raise UsageError("--fixed goes with --preset")
    if not (args.dataset or args.data):
        raise UsageError("give --dataset, --data or --preset")
    prepared = prepare(data_spec(args))
    net = build_network(args, prepared)
    cfg = _config(args, prepared.spec.seed, len(prepared.y_test) > 0)
    y_tr = targets(net, prepared.y_train, prepared)
    y_te = targets(net, prepared.y_test, prepared) if len(prepared.y_test) else None
    if args.augment and prepared.spec.name != "mnist":
        raise UsageError("--augment works on MNIST only")
    transform = MnistAugment(prepared.spec.seed) if args.augment else None
    if args.keep_history and not args.out:
        raise UsageError("--keep-history goes with --out")
    progress, start = _Progress(cfg.epochs), time.perf_counter()
    keep = OptimizerState(make_optimizer(cfg.optimizer, cfg.lr, cfg.momentum))
    history = _History(net, keep) if args.keep_history else None

    def on_epoch(snap: Snapshot) -> None:
        progress.update(snap.epoch, snap.train_loss, snap.test_accuracy)
        if history is not None:
            history.add(snap)

    seen = train_monitored(net, prepared.x_train, y_tr, cfg, prepared.x_test, y_te, transform,
                           on_epoch, keep)
    progress.close()
    result = _results(net, prepared, y_tr, y_te, len(seen.epoch_losses),
                      time.perf_counter() - start)
    if args.out:
        save_model(net, args.out, history.saved() if history else None,
                   data=prepared.spec.to_json(), n_classes=prepared.n_classes,
                   training={"optimizer": cfg.optimizer, "lr": cfg.lr, "batch_size":
                             cfg.batch_size, "epochs": cfg.epochs, "l1": cfg.l1, "l2": cfg.l2,
                             "schedule": cfg.schedule, "warmup": cfg.warmup,
                             "early_stop": cfg.early_stop, "augment": bool(args.augment)},
                   metrics=result)
    _report(result, args.out)
    if seen.stop_reason:
        print(f"stopped in epoch {seen.stop_epoch}: {seen.stop_reason}", file=sys.stderr)
    if seen.early_stop:
        print(seen.early_stop, file=sys.stderr)
    check = quick_gradient_check(net, prepared.x_train, y_tr)
    lines, findings = health_report(net, prepared.x_train, seen, check,
                                    step_size(cfg, net.bugs, min(cfg.batch_size, len(y_tr))))
    print("\n".join(lines))
    emit_json(args, {**result, "stopped": bool(seen.stop_reason or seen.early_stop),
                     "stop_reason": EARLY_STOP if seen.early_stop else seen.stop_reason,
                     "best_epoch": seen.best_epoch,
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


def fmt(value: float | None, pct: bool = False) -> str:
    if value is None:
        return "n/a"
    return f"{100 * value:.2f}%" if pct else f"{value:.5f}"


def _report(result: dict[str, Any], out: str | None) -> None:
    print(f"{result['network']}: {result['epochs']} epochs in {result['seconds']:.2f} s")
    if "train_rmse" in result:
        print(f"train loss {fmt(result['train_loss'])}  RMSE {fmt(result['train_rmse'])}")
        print(f"test  loss {fmt(result['test_loss'])}  RMSE {fmt(result['test_rmse'])}")
    else:
        print(f"train loss {fmt(result['train_loss'])}  accuracy "
              f"{fmt(result['train_accuracy'], True)}")
        print(f"test  loss {fmt(result['test_loss'])}  accuracy "
              f"{fmt(result['test_accuracy'], True)}")
    if out:
        print(f"saved {out}")


def _sweep_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("sweep", help="train many seeds (and learning rates) of one network at "
                       "once", description="Train one network from many seeds at once, and "
                       "optionally over several learning rates. The data and the order of the "
                       "batches come from --seed; run i starts from the weights of seed "
                       "--seed + i.")
    add_data_args(p, required=True)
    add_network_args(p)
    _schedule_args(p)
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
    cfg = _config(args, base, len(prepared.y_test) > 0)
    y_tr = targets(probe, prepared.y_train, prepared)
    y_te = targets(probe, prepared.y_test, prepared) if len(prepared.y_test) else None
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
    most = "at most " if any(r.best_epoch or r.stopped for r in result.runs) else ""
    print(f"{network}: {len(result.runs)} runs of {most}{epochs} epochs in "
          f"{result.seconds:.2f} s")
    for run in result.runs:
        acc = "" if run.train_accuracy is None else f"  accuracy {fmt(run.train_accuracy, True)}"
        test = "" if run.test_accuracy is None else f"  test {fmt(run.test_accuracy, True)}"
        print(f"seed {run.seed:<5} lr {run.lr:<8g} loss {fmt(run.train_loss)}{acc}{test}"
              + ("  (stopped: its loss blew up)" if run.stopped else "")
              + (f"  (stopped early: epoch {run.best_epoch} kept)" if run.best_epoch else ""))
    if result.runs[0].train_accuracy is not None:
        print(f"{result.solved} of {len(result.runs)} runs reached 100% on the training set")


def _eval_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("eval", help="evaluate a saved model on a dataset")
    p.add_argument("model")
    add_data_args(p, required=False)
    p.add_argument("--json", action="store_true")


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
            loss, acc = evaluate(net, x, targets(net, labels, prepared))
            result[f"{part}_loss"], result[f"{part}_accuracy"] = loss, acc
            print(f"{part:5} loss {loss:.5f}  accuracy {100 * acc:.2f}%  ({len(labels)} samples)")
    emit_json(args, result)
    return 0


PARSERS = (_train_parser, _sweep_parser, _eval_parser)
COMMANDS = {"train": cmd_train, "sweep": cmd_sweep, "eval": cmd_eval}
