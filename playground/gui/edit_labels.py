"""How the window words an edit for the status bar and the loss plot's marks ("bias off,
layer 1"): the core reports architectures and data specs, the window phrases what changed, in
the window's language."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from playground.data.prepare import DataSpec
from playground.experiment import Architecture
from playground.phrase import QT_TRANSLATE_NOOP

WORDS = {  # the translator's texts, context "EditLabels"
    "on": QT_TRANSLATE_NOOP("EditLabels", "on"), "off": QT_TRANSLATE_NOOP("EditLabels", "off"),
    "bias": QT_TRANSLATE_NOOP("EditLabels", "bias {0}, layer {1}"),
    "activation": QT_TRANSLATE_NOOP("EditLabels", "{0}, layer {1}"),
    "units": QT_TRANSLATE_NOOP("EditLabels", "{0} units, layer {1}"),
    "dropout": QT_TRANSLATE_NOOP("EditLabels", "dropout {0:g}%, layer {1}"),
    "one-layer": QT_TRANSLATE_NOOP("EditLabels", "{0} hidden layer"),
    "layers": QT_TRANSLATE_NOOP("EditLabels", "{0} hidden layers"),
    "output-bias": QT_TRANSLATE_NOOP("EditLabels", "output bias {0}"),
    "output": QT_TRANSLATE_NOOP("EditLabels", "{0} output"),
    "loss": QT_TRANSLATE_NOOP("EditLabels", "loss {0}"),
    "bug": QT_TRANSLATE_NOOP("EditLabels", "bug {0} {1}"),
    "init": QT_TRANSLATE_NOOP("EditLabels", "init {0}, seed {1}"),
    "more": QT_TRANSLATE_NOOP("EditLabels", "{0} and {1} more changes"),
    "edited": QT_TRANSLATE_NOOP("EditLabels", "network edited"),
    "data": QT_TRANSLATE_NOOP("EditLabels", "data {0}"),
    "custom": QT_TRANSLATE_NOOP("EditLabels", "your own points"),
    "inputs": QT_TRANSLATE_NOOP("EditLabels", "inputs {0}"),
    "data-edited": QT_TRANSLATE_NOOP("EditLabels", "data edited"),
    "noise": QT_TRANSLATE_NOOP("EditLabels", "noise {0:g}"),
    "points": QT_TRANSLATE_NOOP("EditLabels", "points {0:g}"),
    "classes": QT_TRANSLATE_NOOP("EditLabels", "classes {0:g}"),
    "test_fraction": QT_TRANSLATE_NOOP("EditLabels", "test fraction {0:g}"),
    "seed": QT_TRANSLATE_NOOP("EditLabels", "seed {0:g}"),
    "lr": QT_TRANSLATE_NOOP("EditLabels", "learning rate {0:g}"),
    "optimizer": QT_TRANSLATE_NOOP("EditLabels", "optimizer {0}"),
    "batch_size": QT_TRANSLATE_NOOP("EditLabels", "batch {0:g}"),
    "l1": QT_TRANSLATE_NOOP("EditLabels", "L1 {0:g}"),
    "l2": QT_TRANSLATE_NOOP("EditLabels", "L2 {0:g}"),
    "schedule": QT_TRANSLATE_NOOP("EditLabels", "schedule {0}"),
    "warmup": QT_TRANSLATE_NOOP("EditLabels", "warm-up {0:g}"),
    "early_stop": QT_TRANSLATE_NOOP("EditLabels", "early stop after {0:g}"),
    "early-stop-off": QT_TRANSLATE_NOOP("EditLabels", "early stop off"),
}


def _t(key: str, *values: object) -> str:
    return QCoreApplication.translate("EditLabels", WORDS[key]).format(*values)


def describe_edit(old: Architecture, new: Architecture) -> str:
    """What changed from ``old`` to ``new``, in a few words ("bias off, layer 1")."""
    changes = []
    for i, (a, b) in enumerate(zip(old.hidden, new.hidden, strict=False)):
        if a.bias != b.bias:
            changes.append(_t("bias", _t("on" if b.bias else "off"), i + 1))
        if a.activation != b.activation:
            changes.append(_t("activation", b.activation, i + 1))
        if a.units != b.units:
            changes.append(_t("units", b.units, i + 1))
        if a.dropout != b.dropout:
            changes.append(_t("dropout", 100 * b.dropout, i + 1))
    if len(new.hidden) != len(old.hidden):
        changes.append(_t("one-layer" if len(new.hidden) == 1 else "layers", len(new.hidden)))
    if old.output_bias != new.output_bias:
        changes.append(_t("output-bias", _t("on" if new.output_bias else "off")))
    if old.output_activation != new.output_activation:
        changes.append(_t("output", new.output_activation))
    if old.loss != new.loss:
        changes.append(_t("loss", new.loss))
    for bug in sorted(set(old.bugs) ^ set(new.bugs)):
        changes.append(_t("bug", bug, _t("on" if bug in new.bugs else "off")))
    if (old.init, old.seed) != (new.init, new.seed):
        changes.append(_t("init", new.init, new.seed))
    if len(changes) > 2:
        return _t("more", changes[0], len(changes) - 1)
    return "; ".join(changes) or _t("edited")


def describe_config_edit(values: dict[str, object]) -> str | None:
    """What a change of the live settings set, in a few words ("learning rate 10"); None for
    settings that change no step (the epochs of a run)."""
    words = [_t(key, value) for key, value in values.items() if key in WORDS and
             not (key in ("l1", "l2", "early_stop") and not value)]
    off = [key for key in ("l1", "l2", "early_stop") if key in values and not values[key]]
    if off and not words:
        words = [_t("early-stop-off") if off[0] == "early_stop" else _t(off[0], 0)]
    return "; ".join(words) or None


def describe_data_edit(old: DataSpec, new: DataSpec) -> str:
    """What changed in the data, in a few words ("noise 0.2")."""
    if old.name != new.name:
        return _t("custom") if new.name == "custom" else _t("data", new.name)
    if old.features != new.features:
        return _t("inputs", ", ".join(new.features))
    for key in ("noise", "points", "classes", "test_fraction", "seed"):
        if getattr(old, key) != getattr(new, key):
            return _t(key, getattr(new, key))
    return _t("data-edited")
