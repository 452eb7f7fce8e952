"""How the window words an edit for the status bar and the loss plot's marks ("bias off,
layer 1"): the core reports architectures and data specs, the window phrases what changed."""

from __future__ import annotations

from playground.data.prepare import DataSpec
from playground.experiment import Architecture


def describe_edit(old: Architecture, new: Architecture) -> str:
    """What changed from ``old`` to ``new``, in a few words ("bias off, layer 1")."""
    changes = []
    for i, (a, b) in enumerate(zip(old.hidden, new.hidden, strict=False)):
        if a.bias != b.bias:
            changes.append(f"bias {'on' if b.bias else 'off'}, layer {i + 1}")
        if a.activation != b.activation:
            changes.append(f"{b.activation}, layer {i + 1}")
        if a.units != b.units:
            changes.append(f"{b.units} units, layer {i + 1}")
    if len(new.hidden) != len(old.hidden):
        changes.append(f"{len(new.hidden)} hidden layer{'s' if len(new.hidden) != 1 else ''}")
    if old.output_bias != new.output_bias:
        changes.append(f"output bias {'on' if new.output_bias else 'off'}")
    if old.output_activation != new.output_activation:
        changes.append(f"{new.output_activation} output")
    if old.loss != new.loss:
        changes.append(f"loss {new.loss}")
    for bug in sorted(set(old.bugs) ^ set(new.bugs)):
        changes.append(f"bug {bug} {'on' if bug in new.bugs else 'off'}")
    if (old.init, old.seed) != (new.init, new.seed):
        changes.append(f"init {new.init}, seed {new.seed}")
    if len(changes) > 2:
        return f"{changes[0]} and {len(changes) - 1} more changes"
    return "; ".join(changes) or "network edited"


def describe_data_edit(old: DataSpec, new: DataSpec) -> str:
    """What changed in the data, in a few words ("noise 0.2")."""
    if old.name != new.name:
        return f"data {new.name}"
    if old.features != new.features:
        return "inputs " + ", ".join(new.features)
    for key in ("noise", "points", "classes", "test_fraction", "seed"):
        if getattr(old, key) != getattr(new, key):
            return f"{key.replace('_', ' ')} {getattr(new, key):g}"
    return "data edited"
