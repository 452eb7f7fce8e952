"""Check a learner's own backprop file (the template) against the playground's network. Qt-free.

``check_file(path)`` reads the template's constants without running the file, builds the same
network with the playground's core (seeded weights), takes a batch from a dataset whose width
fits (else random inputs of the right width), runs the learner's functions in the sandbox
(``playground.learner.sandbox``) and compares every array (``playground.learner.compare``).

The template is ``TEMPLATE`` below (what the Your code tab's New starts from): constants
LAYERS, ACTIVATION, OUTPUT, LOSS, BIAS and the functions::

    def forward(params, x): ...              # returns [x, a1, ..., a_out]
    def backward(params, activations, y): ... # the gradient of the mean loss, shaped like params
    def update(params, grads, lr): ...       # optional: one step, returns the new params
"""

from __future__ import annotations

import ast
import textwrap
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from playground.data.prepare import DataSpec, prepare
from playground.experiment import Architecture
from playground.learner.compare import CodeFinding, compare
from playground.learner.program_check import check_program, parsed
from playground.learner.python2 import Change, as_python3
from playground.learner.result import CheckResult, TemplateError
from playground.learner.sandbox import DEFAULT_MEMORY_MB, DEFAULT_TIMEOUT, failure, run_learner
from playground.learner.source import READ_ERRORS, read_source
from playground.nn import HIDDEN_ACTIVATIONS, LOSSES, OUTPUT_ACTIVATIONS, LayerSpec, Network
from playground.nn.activations import ACTIVATIONS
from playground.phrase import QT_TRANSLATE_NOOP, Phrase, sayer

TEMPLATE = '''"""My network, in the playground's template: change anything, then press Check."""
import numpy as np

LAYERS = [2, 4, 1]       # units: inputs, hidden layers..., outputs
ACTIVATION = "sigmoid"   # hidden layers: <HIDDEN>
OUTPUT = "sigmoid"       # optional, default ACTIVATION: <OUTPUT>
LOSS = "mse"             # <LOSSES>; means over the batch (mse: 1/2 sum of squares)
BIAS = True              # optional, default True


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def forward(params, x):
    """params: [{"W": (n_in, n_out), "b": (n_out,)}, ...]; x: (n, LAYERS[0]).
    Returns [x, a1, ..., a_out]."""
    activations = [x]
    for p in params:
        activations.append(sigmoid(activations[-1] @ p["W"] + p["b"]))
    return activations


def backward(params, activations, y):
    """y: (n, LAYERS[-1]). Returns the gradient of the mean loss, a list shaped like params."""
    n = len(y)
    out = activations[-1]
    delta = (out - y) * out * (1 - out) / n          # dL/dz of the output layer
    grads = [None] * len(params)
    for i in range(len(params) - 1, -1, -1):
        grads[i] = {"W": activations[i].T @ delta, "b": delta.sum(axis=0)}
        if i:
            a = activations[i]
            delta = (delta @ params[i]["W"].T) * a * (1 - a)   # dL/dz one layer down
    return grads


def update(params, grads, lr):
    """Optional: one step of gradient descent. Returns the new params."""
    return [{k: p[k] - lr * g[k] for k in p} for p, g in zip(params, grads)]
'''

# the choices the template lists are the registries' own, wrapped to fit beside the constants
TEMPLATE = TEMPLATE.replace("<HIDDEN>", textwrap.fill(
    ", ".join(HIDDEN_ACTIVATIONS), 99, initial_indent=" " * 40,
    subsequent_indent=" " * 25 + "# ").lstrip()).replace(
    "<OUTPUT>", ", ".join(OUTPUT_ACTIVATIONS)).replace(
    "<LOSSES>", ", ".join(LOSSES[:-1]) + " or " + LOSSES[-1])

BATCH = 8
LR = 0.1
MAX_TEMPLATE_BYTES = 1_000_000


def network_for(constants: dict) -> Network:
    """The playground's network for the template's constants (TemplateError if they do not
    describe one)."""
    layers, act = constants.get("LAYERS"), constants.get("ACTIVATION")
    out, loss = constants.get("OUTPUT", act), constants.get("LOSS")
    bias = constants.get("BIAS", True)
    if not (isinstance(layers, list) and len(layers) >= 2 and all(
            isinstance(n, int) and not isinstance(n, bool) and 1 <= n <= 4096 for n in layers)):
        raise TemplateError(_say(QT_TRANSLATE_NOOP(
            "Check", "LAYERS must be a list of unit counts: inputs, hidden..., outputs")))
    if len(layers) > 2 and act not in HIDDEN_ACTIVATIONS:
        raise TemplateError(_say(QT_TRANSLATE_NOOP("Check", "ACTIVATION must be one of {names}"),
                                 names=", ".join(HIDDEN_ACTIVATIONS)))
    if out not in OUTPUT_ACTIVATIONS or loss not in LOSSES or not isinstance(bias, bool):
        raise TemplateError(_say(QT_TRANSLATE_NOOP(
            "Check", "OUTPUT must be one of {outputs}, LOSS one of {losses}, BIAS True or "
            "False"), outputs=", ".join(OUTPUT_ACTIVATIONS), losses=", ".join(LOSSES)))
    specs = [LayerSpec(n, act, bias) for n in layers[1:-1]] + [LayerSpec(layers[-1], out, bias)]
    try:
        net = Network(layers[0], specs, loss=loss, seed=0, dtype=np.float64)
    except ValueError as e:
        raise TemplateError(str(e)) from None
    rng = np.random.default_rng(1)
    for p in net.params:  # biases that are not 0, or a forward without them would pass
        if "b" in p:
            p["b"][...] = rng.normal(0.0, 0.5, p["b"].shape)
    return net


@dataclass(frozen=True)
class LearnerSource:
    """A learner's file to train with: its text, its name, its template constants (read, not
    run) and whether it defines ``update``."""

    source: str  # as it runs: a Python 2 file made Python 3 (``python2`` lists the changes)
    filename: str
    constants: dict
    has_update: bool
    python2: tuple[Change, ...] = ()
    program: bool = False  # a whole program as written: it trains with its own loop

    @property
    def layers(self) -> list[int]:
        return self.constants["LAYERS"]


def read_template(source: str, filename: str) -> LearnerSource:
    """The file as a ``LearnerSource``, read without running it; TemplateError when it is not in
    the template (a syntax error, no forward or backward, constants that describe no network)."""
    converted = as_python3(source)  # a Python 2 file runs as Python 3, on the same lines
    try:
        tree = ast.parse(converted.source, filename)
    except SyntaxError as e:
        raise TemplateError(_say(QT_TRANSLATE_NOOP("Check", "not the template: line {line}: "
                                                    "{error}"), line=e.lineno, error=e.msg)
                            ) from None
    defined = {n.name for n in tree.body if isinstance(n, ast.FunctionDef)}
    if not {"forward", "backward"} <= defined:
        raise TemplateError(_say(QT_TRANSLATE_NOOP(
            "Check", "not the template: the file needs a forward(params, x) and a "
            "backward(params, activations, y)")))
    constants = read_constants(tree)
    network_for(constants)  # TemplateError when they describe no network
    return LearnerSource(converted.source, filename, constants, "update" in defined,
                         converted.changes)


CONSTANTS = ("LAYERS", "ACTIVATION", "OUTPUT", "LOSS", "BIAS")


def read_constants(tree: ast.Module) -> dict:
    """The template's constants, read from the file's syntax without running it: each must be a
    plain value (TemplateError otherwise; an object's ``__reduce__`` never runs here)."""
    out: dict = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and \
                isinstance(node.targets[0], ast.Name) and node.targets[0].id in CONSTANTS:
            name = node.targets[0].id
            try:
                out[name] = ast.literal_eval(node.value)
            except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
                raise TemplateError(_say(QT_TRANSLATE_NOOP(
                    "Check", "{name} must be a plain value (a number, a string, a list, True or "
                    "False): the playground reads it without running your file"), name=name)
                                    ) from None
    return out


def architecture_for(constants: dict, init: str = "xavier", seed: int = 0) -> Architecture:
    """The layer editor's architecture for the template's constants (checked by
    ``network_for``): its hidden layers, output and loss, with the playground's init."""
    layers, act = constants["LAYERS"], constants.get("ACTIVATION")
    out, bias = constants.get("OUTPUT", act), constants.get("BIAS", True)
    hidden = tuple(LayerSpec(n, act, bias) for n in layers[1:-1])
    try:
        return Architecture(hidden, out, bias, constants["LOSS"], init, seed)
    except ValueError as e:
        raise TemplateError(str(e)) from None


_say = sayer("Check")


def _at_zero(name: object) -> str:
    """"tanh(0) = 0": what a hidden activation gives for 0, from the registry itself."""
    if name not in HIDDEN_ACTIVATIONS:
        return "f(0)"
    value = ACTIVATIONS[name].forward(np.zeros((1, 1)))[0, 0]
    return f"{name}(0) = {value:g}"


def notes_for(constants: dict) -> list[Phrase]:
    """What the check cannot call a mistake in the code, but will stop the network learning:
    the seeds' networks that were built wrong, not coded wrong."""
    notes = []
    if constants.get("BIAS", True) is False:
        f0 = _at_zero(constants.get("ACTIVATION"))
        notes.append(_say(QT_TRANSLATE_NOOP(
            "Check", "BIAS = False: no neuron has a bias, so an input of all zeros gives the "
            "first layer the same output whatever its weights ({f0}); such a network cannot map "
            "0 to 0 and 1 to 1. Set BIAS = True."), f0=f0))
    if constants.get("ACTIVATION") == "linear" and len(constants.get("LAYERS", [])) > 2:
        notes.append(_say(QT_TRANSLATE_NOOP(
            "Check", "ACTIVATION = \"linear\": a stack of linear layers is one linear map, so "
            "the hidden layers add nothing; XOR needs a non-linear activation.")))
    return notes


def batch_for(net: Network, dataset: str) -> tuple[np.ndarray, np.ndarray]:
    """BATCH inputs and targets: the dataset's first training points when its width and
    classes fit the network, else random ones of the right width."""
    try:
        prepared = prepare(DataSpec(dataset))
        fits = prepared.input_dim == net.input_dim and (
            max(2, prepared.n_classes) == max(2, net.n_outputs) or net.n_outputs == 1)
    except ValueError:
        fits = False
    if fits:
        x, labels = prepared.x_train[:BATCH].astype(np.float64), prepared.y_train[:BATCH]
    else:
        rng = np.random.default_rng(0)
        x = rng.normal(size=(BATCH, net.input_dim))
        labels = rng.integers(0, max(2, net.n_outputs), BATCH)
    return x, net.encode_targets(labels)


def check_source(source: str, filename: str, dataset: str = "xor",
                 timeout: float = DEFAULT_TIMEOUT, memory_mb: int = DEFAULT_MEMORY_MB,
                 cancelled: Callable[[], bool] | None = None) -> CheckResult:
    """Check ``source``: in the template (a ``forward`` and a ``backward``) against the
    playground's network, else as written (``check_program``); ``cancelled()`` True ends their
    code's process early (the result then says so). TemplateError for a file Python cannot
    read, or a template whose constants describe no network."""
    if not in_template(source, filename):
        return check_program(source, filename, timeout, memory_mb, cancelled)
    code = read_template(source, filename)
    result = _checked(code.source, filename, code.constants, dataset, timeout, memory_mb,
                      cancelled)
    result.notes = python2_notes(code.python2) + notes_for(code.constants)
    return result


def in_template(source: str, filename: str) -> bool:
    """Whether the file defines the template's ``forward`` and ``backward`` (TemplateError when
    Python cannot read it)."""
    tree = parsed(as_python3(source).source, filename)
    defined = {n.name for n in tree.body if isinstance(n, ast.FunctionDef)}
    return {"forward", "backward"} <= defined


def python2_notes(changes: tuple[Change, ...]) -> list[Phrase]:
    """A Python 2 file: that it was converted to be checked, and each change at its line."""
    if not changes:
        return []
    listed = "; ".join(f"line {c.line}: {c.what}" for c in changes)
    return [_say(QT_TRANSLATE_NOOP(
        "Check", "python2: your file is Python 2; it was checked as Python 3, with these "
        "changes, each on your own line: {changes}"), changes=listed)]


def _checked(source: str, filename: str, constants: dict, dataset: str, timeout: float,
             memory_mb: int, cancelled: Callable[[], bool] | None) -> CheckResult:
    net = network_for(constants)
    x, y = batch_for(net, dataset)
    outcome = run_learner(source, filename, net.copy_params(), x, y, LR, timeout, memory_mb,
                          cancelled)
    if outcome.error is not None and outcome.in_update:
        # their gradients came back: a wrong one explains the failing update best
        findings = compare(net, x, y, LR, outcome.activations, outcome.grads, None)
        if findings[0].kind != "ok":
            return CheckResult(findings, outcome.printed, constants)
    if outcome.error is not None:
        kind = "timeout" if outcome.error == "timeout" else "exception"
        return CheckResult([CodeFinding(kind, None, None, failure(outcome))], outcome.printed,
                           constants)
    try:
        findings = compare(net, x, y, LR, outcome.activations, outcome.grads, outcome.updated)
    except (ValueError, TypeError, KeyError) as e:
        findings = [CodeFinding("shape", None, None, _say(QT_TRANSLATE_NOOP(
            "Check", "what your functions returned cannot be compared: {error}"), error=str(e)))]
    return CheckResult(findings, outcome.printed, constants)


def check_file(path: str | Path, dataset: str = "xor", timeout: float = DEFAULT_TIMEOUT,
               memory_mb: int = DEFAULT_MEMORY_MB) -> CheckResult:
    path = Path(path)
    try:
        if path.stat().st_size > MAX_TEMPLATE_BYTES:
            raise TemplateError(_say(QT_TRANSLATE_NOOP("Check", "{name} is over {kb} kB"),
                                     name=path.name, kb=MAX_TEMPLATE_BYTES // 1000))
        source = read_source(path)  # by its byte-order mark or coding line, as Python does
    except READ_ERRORS as e:
        raise TemplateError(_say(QT_TRANSLATE_NOOP("Check", "{path}: cannot be read ({error})"),
                                 path=str(path), error=str(e))) from None
    return check_source(source, str(path), dataset, timeout, memory_mb)
