"""A learner's program checked as they wrote it, on the window's side. Qt-free.

``check_program`` makes a Python 2 file Python 3 (on the same lines), runs it in the sandbox
(``sandbox.run_program``: watched there until it has taken a few training steps, and judged
there by ``learner.as_written``), and returns the findings, the python2 note and the network
found; ``network_phrase`` says that network in a sentence the window translates.
"""

from __future__ import annotations

import ast
from collections.abc import Callable

from playground.experiment import Architecture
from playground.learner.compare import CodeFinding
from playground.learner.python2 import as_python3
from playground.learner.result import CheckResult, TemplateError
from playground.learner.sandbox import DEFAULT_MEMORY_MB, DEFAULT_TIMEOUT, failure, run_program
from playground.learner.verdicts import finding
from playground.nn import HIDDEN_ACTIVATIONS, OUTPUT_ACTIVATIONS, LayerSpec
from playground.phrase import QT_TRANSLATE_NOOP, Phrase, sayer

_say = sayer("Check")


def parsed(source: str, filename: str) -> ast.Module:
    try:
        return ast.parse(source, filename)
    except (SyntaxError, ValueError) as e:
        line = getattr(e, "lineno", None)
        raise TemplateError(_say(QT_TRANSLATE_NOOP(
            "Check", "Python cannot read your file: line {line}: {error}"), line=line,
            error=getattr(e, "msg", str(e)))) from None


def check_program(source: str, filename: str, timeout: float = DEFAULT_TIMEOUT,
                  memory_mb: int = DEFAULT_MEMORY_MB,
                  cancelled: Callable[[], bool] | None = None) -> CheckResult:
    """Check a program as its author wrote it: run in the sandbox until it has taken a few
    training steps, its network found and its updates judged there (``learner.as_written``)."""
    converted = as_python3(source)
    parsed(converted.source, filename)
    outcome = run_program(converted.source, filename, timeout, memory_mb, cancelled)
    if outcome.error is not None:
        kind = "timeout" if outcome.error == "timeout" else "exception"
        return CheckResult([CodeFinding(kind, None, None, failure(outcome), line=outcome.line)],
                           outcome.printed, mode="as-written")
    findings = list(outcome.findings or [])
    if converted.changes:
        listed = "; ".join(f"line {c.line}: {c.what}" for c in converted.changes)
        findings.append(finding("python2", "python2", changes=listed))
    return CheckResult(findings, outcome.printed, constants_of(outcome.network),
                       mode="as-written", network=outcome.network)


LOSS_NAMES = {"½·squared error": "mse", "binary cross-entropy": "bce",
              "cross-entropy": "cross_entropy"}


def loss_of(result: CheckResult) -> str:
    """The playground's name of the loss a program's updates matched (the check's ``ok``), else
    the usual one for its output: cross-entropy after a softmax, squared error otherwise."""
    ok = next((f for f in result.findings if f.kind == "ok"), None)
    matched = dict(ok.says.values).get("loss") if ok is not None and isinstance(
        ok.says, Phrase) else None
    if isinstance(matched, Phrase):
        matched = matched.template
    if matched in LOSS_NAMES:
        return LOSS_NAMES[matched]
    out = (result.network or {}).get("activations", [""])[-1]
    return "cross_entropy" if out == "softmax" else "mse"


def architecture_of(network: dict, loss: str, init: str = "xavier",
                    seed: int = 0) -> Architecture:
    """The layer editor's architecture for a program's network; ValueError naming what has no
    counterpart here (an activation such as arctan, a bias in some layers only)."""
    acts, bias = network["activations"], network["bias"]
    for act in acts[:-1]:
        if act not in HIDDEN_ACTIVATIONS:
            raise ValueError(f"the activation {act} has no counterpart in the playground")
    if acts[-1] not in OUTPUT_ACTIVATIONS:
        raise ValueError(f"the output activation {acts[-1]} has no counterpart in the "
                         "playground")
    hidden = tuple(LayerSpec(n, a, b) for n, a, b in zip(network["layers"][1:-1], acts[:-1],
                                                         bias[:-1], strict=True))
    return Architecture(hidden, acts[-1], bias[-1], loss, init, seed)


def constants_of(network: dict | None) -> dict:
    """The template's constants for a network found as written (what the diagram draws)."""
    if network is None:
        return {}
    acts = network["activations"]
    return {"LAYERS": network["layers"], "ACTIVATION": acts[0] if len(acts) > 1 else acts[-1],
            "OUTPUT": acts[-1], "BIAS": all(network["bias"])}




CONVENTIONS = {"row": QT_TRANSLATE_NOOP("Check", "row convention (x @ W)"),
               "column": QT_TRANSLATE_NOOP("Check", "column convention (W @ x)"),
               "scalar": QT_TRANSLATE_NOOP("Check", "one number per weight (w * x)")}


def network_phrase(network: dict) -> Phrase:
    """"784 → 16 sigmoid → 10 sigmoid, no bias, row convention (x @ W), 10,000 samples a
    step; weights: weights1, weights2"."""
    layers = " → ".join([str(network["layers"][0])] + [
        f"{n} {a}" for n, a in zip(network["layers"][1:], network["activations"], strict=True)])
    bias = network["bias"]
    which = (QT_TRANSLATE_NOOP("Check", "a bias in every layer") if all(bias) else
             QT_TRANSLATE_NOOP("Check", "no bias") if not any(bias) else
             QT_TRANSLATE_NOOP("Check", "a bias in some layers"))
    values = dict(layers=layers, bias=_say(which),
                  convention=_say(CONVENTIONS[network["convention"]]),
                  samples=network["samples"], weights=", ".join(network["weights"]))
    if network.get("inputs") and network.get("targets"):
        return _say(QT_TRANSLATE_NOOP(
            "Check", "{layers}, {bias}, {convention}, {samples:,} samples a step; weights: "
            "{weights}; inputs: {inputs}; targets: {targets}"), **values,
            inputs=network["inputs"], targets=network["targets"])
    return _say(QT_TRANSLATE_NOOP(
        "Check", "{layers}, {bias}, {convention}, {samples:,} samples a step; weights: "
        "{weights}"), **values)


def network_text(network: dict) -> str:
    return str(network_phrase(network))
