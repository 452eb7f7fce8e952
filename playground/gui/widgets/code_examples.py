"""The Your code tab's *Examples*: the learners' own programs, as they wrote them and rewritten
into the template, and what each learns from."""

from __future__ import annotations

from dataclasses import dataclass, field

from playground.data.prepare import DataSpec
from playground.phrase import QT_TRANSLATE_NOOP
from playground.teach.lab import XOR_LR


# the learners' own networks (resources/learners/), as written and in the template
@dataclass(frozen=True)
class Example:
    """A learner's file (None: the template) and what it learns from: ``dataset`` for the
    check's batch, ``data`` and ``config`` for training in the Playground tab (their own tiny
    set and settings; None: the tab's data as it is)."""

    title: str
    file: str | None
    dataset: str | None = "xor"  # None: a program as written, which brings its own data
    data: DataSpec | None = None
    config: dict = field(default_factory=dict)


EXAMPLES = (
    Example(QT_TRANSLATE_NOOP("CodeTab", "A correct network (the template)"), None),
    Example(QT_TRANSLATE_NOOP("CodeTab", "“My MNIST network's outputs all drop to zero”"),
            "mnist_outputs_collapse.py", "mnist"),
    Example(QT_TRANSLATE_NOOP("CodeTab", "“Two neurons cannot learn 0 → 0 and 1 → 1”"),
            "two_neurons_no_bias.py", "identity", DataSpec("identity", features=("x1",)),
            {"lr": 10.0, "batch_size": 2}),
    Example(QT_TRANSLATE_NOOP("CodeTab", "“My network learns OR but rarely AND or XOR”"),
            "xor_wrong_derivative.py", "xor-gate", DataSpec("xor-gate"),
            {"lr": XOR_LR, "batch_size": 4}),
    # the same three as their authors wrote them: checked as written, no template
    Example(QT_TRANSLATE_NOOP("CodeTab", "As written: the MNIST network (seed 000)"),
            "as_written/seed_000.py", None),
    Example(QT_TRANSLATE_NOOP("CodeTab", "As written: the two neurons, in Python 2 (seed 001)"),
            "as_written/seed_001.py", None),
    Example(QT_TRANSLATE_NOOP("CodeTab", "As written: the XOR class (seed 002)"),
            "as_written/seed_002.py", None),
)
