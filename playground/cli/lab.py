"""The command line's side of the bug lab and the health monitor.

``train_monitored`` runs ``train_steps`` while counting the naive sigmoid's overflow warnings and
keeping the epoch losses; ``health_report`` phrases the monitor (per-layer numbers and findings);
``train_preset`` is ``playground train --preset NAME [--fixed]``.
"""

from __future__ import annotations

import json
import sys
import textwrap
import warnings
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TextIO

import numpy as np

from playground.data.prepare import prepare
from playground.modelfile.save_load import save_model
from playground.nn import (
    GradCheckResult,
    Network,
    Snapshot,
    TrainConfig,
    check_gradients,
    train_steps,
)
from playground.nn.gradcheck import INCONCLUSIVE
from playground.nn.health import FIXES, Finding, diagnose, loss_trend, measure
from playground.nn.metrics import evaluate
from playground.nn.train import OptimizerState, step_size
from playground.teach.lab import LAB_PRESETS, format_study, xor_seed_study

Array = np.ndarray
SAMPLE = 256  # the health monitor looks at this many training samples
CHECK_SAMPLES = 8  # the gradient check's batch
CHECK_MAX_PARAMS = 20_000  # larger networks skip the check (two forward passes per weight)


@dataclass
class Monitored:
    last: Snapshot | None = None
    epoch_losses: list[float] = field(default_factory=list)
    stop_reason: str | None = None
    stop_epoch: int | None = None  # the epoch under way when the run stopped itself
    early_stop: str | None = None  # early stopping's sentence, when it ended the run
    best_epoch: int | None = None  # with early_stop: the epoch whose weights were kept
    overflows: int = 0
    start_loss: float | None = None  # the first step's loss: where the run started


def train_monitored(net: Network, x: Array, y: Array, config: TrainConfig,
                    x_test: Array | None = None, y_test: Array | None = None,
                    transform: Callable[[Array], Array] | None = None,
                    on_epoch: Callable[[Snapshot], None] | None = None,
                    keep: OptimizerState | None = None) -> Monitored:
    """Train as ``train_steps`` does; overflow warnings are counted, not printed. ``keep``
    holds the optimizer (for whoever reads its state after each epoch)."""
    seen = Monitored()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", RuntimeWarning)
        for snap in train_steps(net, x, y, config, x_test, y_test, transform, keep):
            if snap.epoch_end:
                seen.epoch_losses.append(snap.train_loss)
                if on_epoch is not None:
                    on_epoch(snap)
            else:
                seen.last = snap
                if seen.start_loss is None:
                    seen.start_loss = snap.batch_loss
            if snap.stop_reason:
                seen.stop_reason, seen.stop_epoch = str(snap.stop_reason), snap.epoch
            if snap.early_stop:
                seen.early_stop, seen.best_epoch = str(snap.early_stop), snap.best_epoch
    seen.overflows = sum("overflow" in str(w.message) for w in caught)
    return seen


def quick_gradient_check(net: Network, x: Array, y: Array) -> GradCheckResult | None:
    """A gradient check on a few training samples, for networks small enough to do it fast."""
    if sum(p.size for p in net.flat_params()) > CHECK_MAX_PARAMS:
        return None
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # a naive sigmoid's overflow
        return check_gradients(net, x[:CHECK_SAMPLES], y[:CHECK_SAMPLES])


def health_report(net: Network, x: Array, seen: Monitored,
                  grad_check: GradCheckResult | None = None,
                  lr: float | None = None) -> tuple[list[str], list[Finding]]:
    """The monitor as text (a row per layer, then the findings with their fixes), and the
    findings themselves; ``lr`` the rate the steps were taken at."""
    grads = seen.last.grad_norms if seen.last is not None else None
    health = measure(net, net.params, x[:SAMPLE], grads)
    lines = [f"health   {loss_trend(seen.epoch_losses)}",
             "health   layer  activation  grad norm  weight norm  saturated  dead"]
    for h in health:
        share = lambda v: "-" if v is None else f"{100 * v:.0f}%"  # noqa: E731
        grad = "-" if h.grad_norm is None else f"{h.grad_norm:.2e}"
        lines.append(f"         {h.index + 1:5}  {h.activation:10}  {grad:>9}  "
                     f"{h.weight_norm:11.3g}  {share(h.saturated):>9}  {share(h.dead):>4}")
    has_bias = any(spec.bias for spec in net.layers)
    findings = diagnose(health, seen.epoch_losses, net.bugs, has_bias, net.init,
                        seen.stop_reason, seen.overflows, grad_check, seen.start_loss, lr)
    if grad_check is not None:
        verdict = ("FAIL" if grad_check.failed else "pass" if grad_check.conclusive else
                   f"cannot judge ({INCONCLUSIVE[grad_check.reason]})")
        mask = " with one fixed dropout mask" if grad_check.fixed_mask else ""
        lines.append(f"gradient check on {CHECK_SAMPLES} samples{mask}: {verdict}, largest "
                     f"relative error {grad_check.max_error:.1e}")
    for f in findings:
        fixes = "".join(f" [{FIXES[k]}{': ' + str(f.bug) if k.startswith('bug-off') else ''}]"
                        for k in f.fixes)
        lines += textwrap.wrap(f"finding: {f.text}{fixes}", 100, subsequent_indent="  ")
    if not findings:
        lines.append("finding: nothing looks wrong")
    return lines, findings


def _show_epoch(snap: Snapshot, epochs: int, net: Network, x: Array) -> None:
    every = max(1, epochs // 10)
    if snap.epoch > 10 and snap.epoch % every:
        return
    out = net.forward(x[:SAMPLE])
    test = "" if snap.test_accuracy is None else f", test accuracy {100 * snap.test_accuracy:.1f}%"
    grads = " ".join(f"{g:.2g}" for g in snap.grad_norms)
    print(f"epoch {snap.epoch:6}: loss {snap.train_loss:.4f}, accuracy "
          f"{100 * snap.train_accuracy:.1f}%{test}; outputs mean {out.mean():.3f} max "
          f"{out.max():.3f}; gradient norms {grads}")


def train_preset(name: str, fixed: bool, out: str | None = None,
                 json_out: TextIO | None = None) -> int:
    """``playground train --preset``: the run as text on stdout, and with ``json_out`` one JSON
    line of results there."""
    preset = LAB_PRESETS[name]
    exp = preset.experiment(fixed)
    print(f"{preset.title}: {'fixed' if fixed else 'as the learner wrote it'}")
    for line in preset.lines():
        print(textwrap.fill(line, 100, subsequent_indent="  "))
    prepared = prepare(exp.data)
    net = exp.arch.build(prepared.input_dim, prepared.n_classes)
    print(f"{net}; {exp.config.optimizer} lr {exp.config.lr:g}, batch {exp.config.batch_size}, "
          f"{exp.config.epochs} epochs, {len(prepared.y_train):,} training samples")
    y = net.encode_targets(prepared.y_train)
    y_test = net.encode_targets(prepared.y_test) if len(prepared.y_test) else None
    x_test = prepared.x_test if y_test is not None else None
    epochs = int(exp.config.epochs)
    seen = train_monitored(net, prepared.x_train, y, exp.config, x_test, y_test,
                           on_epoch=lambda s: _show_epoch(s, epochs, net, prepared.x_train))
    result = _preset_result(net, prepared.x_train, y, prepared.y_train, x_test, y_test)
    print(f"final: accuracy {100 * result['train_accuracy']:.1f}%"
          + ("" if result["test_accuracy"] is None
             else f", test accuracy {100 * result['test_accuracy']:.1f}%")
          + f", mean |target − output| {result['error']:.3f}")
    check = quick_gradient_check(net, prepared.x_train, y)
    batch = min(int(exp.config.batch_size), len(y))
    lines, findings = health_report(net, prepared.x_train, seen, check,
                                    step_size(exp.config, net.bugs, batch))
    print("\n".join(lines))
    result["stopped"] = seen.stop_reason is not None
    result["findings"] = [{"kind": f.kind, "text": f.text} for f in findings]
    if name == "xor-wrong-derivative":
        print("the 20-seed study (full-batch SGD, lr 0.35, up to 20,000 steps each):")
        study = xor_seed_study(progress=_study_progress)
        if sys.stderr.isatty():
            sys.stderr.write("\r" + " " * 40 + "\r")
        for line in format_study(study):
            print("  " + line)
        result["study"] = {f"2-{h}-1 {'with' if bug else 'without'} the bug": n
                           for (h, bug), n in study.items()}
    if out:
        save_model(net, out, data=exp.data.to_json(), arch=exp.arch.to_json(),
                   training={**exp.config.__dict__}, lab={"preset": name, "fixed": fixed})
        print(f"saved {out}")
    if json_out is not None:
        print(json.dumps(result), file=json_out, flush=True)
    return 0


def _study_progress(done: int, total: int) -> None:
    """How far the study is, on one line of a terminal (nothing when stderr is not one)."""
    if sys.stderr.isatty() and done % 1000 < 50:
        sys.stderr.write(f"\r  studying: {100 * done // total:3d}% of the steps")
        sys.stderr.flush()


def _preset_result(net: Network, x: Array, y: Array, labels: Array, x_test: Array | None,
                   y_test: Array | None) -> dict:
    _, acc = evaluate(net, x, y)
    test_acc = evaluate(net, x_test, y_test)[1] if y_test is not None else None
    outputs = net.forward(x)
    targets = net.encode_targets(labels) if not net.loss.integer_targets else None
    error = float(np.abs(outputs - targets).mean()) if targets is not None else float("nan")
    return {"train_accuracy": acc, "test_accuracy": test_acc, "error": error,
            "output_mean": float(outputs.mean()), "output_max": float(outputs.max())}
