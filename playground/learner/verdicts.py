"""What the check of a program as written can say, and how it travels from the sandbox. Qt-free.

Each sentence is a template here (context "Check", translated by the window) under a key; the
sandbox's child judges their program and sends findings as plain values: the kind, the layer,
the array, their variable and line, the key and the values. The parent rebuilds each
``CodeFinding`` from ``TEMPLATES`` (a key it does not know is refused), so nothing their code
could have changed becomes a sentence.
"""

from __future__ import annotations

from playground.learner.compare import CodeFinding
from playground.phrase import QT_TRANSLATE_NOOP, Phrase
from playground.run.wire import WireError

NOTE_KINDS = ("python2", "no-bias", "old-numpy")  # about the program, not mistakes in it
KINDS = ("ok", "sign", "scale", "derivative-at-output", "missing-activation-derivative",
         "missing-bias-gradient", "shape", "ascent", "no-learning-rate", "wrong-layer",
         "exception", "timeout", "bias-axis", "softmax-axis", "accumulated", "no-training",
         "unfollowed", *NOTE_KINDS)

TEMPLATES = {
    "ok": QT_TRANSLATE_NOOP(
        "Check", "each update is a step down the gradient of the {loss} of {network}: "
        "{rate:.4g} × the gradient of the loss summed over the {n:,} samples ({mean:.4g} × "
        "that of its mean over the samples)"),
    "ok-one": QT_TRANSLATE_NOOP(
        "Check", "each update is a step down the gradient of the {loss} of {network}, one "
        "sample at a time: {rate:.4g} × the gradient"),
    "no-learning-rate": QT_TRANSLATE_NOOP(
        "Check", "line {line}: `{variable}` changes by the whole gradient, with no learning "
        "rate; and the gradient is summed over all {n:,} samples, so each step is {n:,} times the "
        "gradient of the mean loss. Multiply by a small rate and divide by the number of "
        "samples"),
    "no-learning-rate-one": QT_TRANSLATE_NOOP(
        "Check", "line {line}: `{variable}` changes by the whole gradient, with no learning "
        "rate: multiply the gradient by a small rate before the update"),
    "ascent": QT_TRANSLATE_NOOP(
        "Check", "line {line}: `{variable}` moves up the gradient of the {loss}, not down: the "
        "update adds what it should subtract (or the error is target − output with a "
        "subtracting update), so training climbs the loss"),
    "scale": QT_TRANSLATE_NOOP(
        "Check", "line {line}: the update of `{variable}` is {factor:.4g} times what the "
        "gradient gives it, while the layers above agree with one learning rate: a factor is "
        "missing or extra in this layer's gradient"),
    "at-activation": QT_TRANSLATE_NOOP(
        "Check", "line {line}: `{variable}` multiplies by `{expression}`, the derivative taken "
        "of the activation a, which is already {activation}(z): take it at z, or write it from "
        "a itself ({derivative})"),
    "at-activation-unseen": QT_TRANSLATE_NOOP(
        "Check", "line {line}: the update of `{variable}` uses the derivative of the "
        "{activation} taken of the activation a, which is already {activation}(z): take it at "
        "z, or write it from a itself ({derivative})"),
    "no-derivative": QT_TRANSLATE_NOOP(
        "Check", "line {line}: the update of `{variable}` passes the error down to layer "
        "{layer} without the derivative of its {activation}: multiply the error by f′(z) "
        "there"),
    "wrong-hidden": QT_TRANSLATE_NOOP(
        "Check", "line {line}: the update of `{variable}` (layer {layer}) is not a step down the "
        "gradient, while the layers above it are, in a way not recognised: look at how the "
        "error is passed down to this layer"),
    "wrong-output": QT_TRANSLATE_NOOP(
        "Check", "line {line}: the update of `{variable}` (the output layer) is not a step "
        "down the gradient of ½·squared error or cross-entropy of the output and the targets "
        "your program compares it with (line {error_line})"),
    "bias-never": QT_TRANSLATE_NOOP(
        "Check", "`{variable}` is added to layer {layer}'s weighted sum (line {line}) but your "
        "training never changes it: its gradient is missing, so the bias never learns"),
    "shape-changed": QT_TRANSLATE_NOOP(
        "Check", "line {line}: `{variable}` was {old} and is {new} after this update: its "
        "gradient has the wrong shape and NumPy broadcast it silently"),
    "bias-alike": QT_TRANSLATE_NOOP(
        "Check", "line {line}: every unit of `{variable}` moves by the same amount: its gradient "
        "is summed over the units as well as the samples; sum over the samples only"),
    "softmax-axis": QT_TRANSLATE_NOOP(
        "Check", "the softmax of layer {layer} (line {line}) is normalised over the samples "
        "instead of the classes: each sample's probabilities must add up to 1"),
    "accumulated": QT_TRANSLATE_NOOP(
        "Check", "line {line}: `{variable}` adds each step's gradient to the last ones and is "
        "never set back to zero, so the second step moves by the sum of two steps' gradients"),
    "broadcast": QT_TRANSLATE_NOOP(
        "Check", "line {line}: `{expression}` combined arrays of shapes {a} and {b} into "
        "{result}: NumPy broadcast them silently; both should have the same shape"),
    "exception": QT_TRANSLATE_NOOP("Check", "{message} (line {line})"),
    "exception-anywhere": QT_TRANSLATE_NOOP("Check", "{message}"),
    "no-training": QT_TRANSLATE_NOOP(
        "Check", "your program {how} without updating an array its output is computed from: "
        "the check found no training step (an update such as W -= lr * dW)"),
    "unfollowed": QT_TRANSLATE_NOOP(
        "Check", "the check saw your program update {names} but could not find {what}, so it "
        "cannot judge the gradient"),
    "unseen": QT_TRANSLATE_NOOP(
        "Check", "line {line}: your program updates `{variable}`, but the check could not see "
        "it used in the forward pass it found ({network}), so it cannot judge the gradient"),
    "no-rule": QT_TRANSLATE_NOOP(
        "Check", "line {line}: your forward pass uses `{op}`, which the check cannot "
        "differentiate yet, so it cannot judge the gradient"),
    "no-bias": QT_TRANSLATE_NOOP(
        "Check", "no layer of your network has a bias: for an input of all zeros "
        "every neuron of the first layer gives {f0} whatever its weights, so what the network "
        "outputs for that input is left to the layers above alone. Add a bias to each layer"),
    "no-bias-one": QT_TRANSLATE_NOOP(
        "Check", "no layer of your network has a bias: for input 0 its first neuron "
        "gives {f0} whatever its weight, so with one neuron per layer it cannot map 0 to 0 and "
        "1 to 1 (an output near 0 for input 0 needs a last weight far below 0, which pulls the "
        "output for 1 towards 0 as well). Add a bias to each layer"),
    "old-numpy": QT_TRANSLATE_NOOP(
        "Check", "line {line}: np.array of arrays of different shapes, which NumPy 1.24 and "
        "later refuse (older NumPy made an array of objects, and tutorials before 2023 rely on "
        "it): the check went on as old NumPy did; for today's NumPy keep the arrays in a list, "
        "or write np.array(..., dtype=object)"),
    "python2": QT_TRANSLATE_NOOP(
        "Check", "your file is Python 2; it was checked as Python 3, with these changes, each "
        "on your own line: {changes}"),
}
# the clauses "{how}", "{what}" and "{loss}" take (the losses: ``gradient_fit.losses``)
CLAUSES = (QT_TRANSLATE_NOOP("Check", "ran to its end"), QT_TRANSLATE_NOOP("Check", "ran"),
           QT_TRANSLATE_NOOP("Check", "the output and the targets (an output − target)"),
           QT_TRANSLATE_NOOP("Check", "the product of a parameter with the inputs"),
           QT_TRANSLATE_NOOP("Check", "½·squared error"),
           QT_TRANSLATE_NOOP("Check", "binary cross-entropy"),
           QT_TRANSLATE_NOOP("Check", "cross-entropy"))
CLAUSE_KEYS = ("how", "what", "loss")


def finding(kind: str, key: str, layer: int | None = None, array: str | None = None,
            variable: str | None = None, line: int | None = None, **values: object
            ) -> CodeFinding:
    """A finding whose sentence is ``TEMPLATES[key]`` with ``values`` (and line, variable)."""
    values = {"line": line, "variable": variable, "layer": layer, **values}
    return CodeFinding(kind, layer, array, Phrase("Check", TEMPLATES[key], tuple(
        (k, v) for k, v in values.items() if v is not None)), variable, line, key)


def to_wire(f: CodeFinding) -> dict:
    return {"kind": f.kind, "layer": f.layer, "array": f.array, "variable": f.variable,
            "line": f.line, "key": f.key,
            "values": {k: v for k, v in f.says.values} if isinstance(f.says, Phrase) else {}}


def from_wire(raw: object) -> CodeFinding:
    """A finding the child sent; WireError when it is not one of ours."""
    if not isinstance(raw, dict) or raw.get("key") not in TEMPLATES or \
            raw.get("kind") not in KINDS or not isinstance(raw.get("values"), dict):
        raise WireError("a finding that is not one of the check's")
    values = raw["values"]
    if not all(isinstance(k, str) and isinstance(v, (str, int, float)) and
               not isinstance(v, bool) for k, v in values.items()):
        raise WireError("a finding's values are not plain")
    layer, line = raw.get("layer"), raw.get("line")
    for number in (layer, line):
        if number is not None and (not isinstance(number, int) or isinstance(number, bool)):
            raise WireError("a finding's layer or line is not a number")
    text = {k: raw.get(k) for k in ("array", "variable")}
    if not all(v is None or isinstance(v, str) for v in text.values()):
        raise WireError("a finding's names are not text")
    values = {k: Phrase("Check", v) if k in CLAUSE_KEYS and v in CLAUSES else v
              for k, v in values.items()}
    return CodeFinding(raw["kind"], layer, text["array"], Phrase(
        "Check", TEMPLATES[raw["key"]], tuple(values.items())), text["variable"], line,
        raw["key"])
