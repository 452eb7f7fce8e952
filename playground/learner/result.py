"""What a check of a learner's code gives back, and the error for a file it cannot check.
Qt-free."""

from __future__ import annotations

from dataclasses import dataclass, field

from playground.learner.compare import CodeFinding
from playground.learner.verdicts import NOTE_KINDS
from playground.phrase import Phrase


class TemplateError(ValueError):
    """The file is not in the template; ``says`` (a Phrase the window translates, or what
    Python said) tells what is missing."""

    def __init__(self, says: Phrase | str) -> None:
        super().__init__(str(says))
        self.says = says


@dataclass
class CheckResult:
    findings: list[CodeFinding]
    printed: str = ""
    constants: dict = field(default_factory=dict)
    notes: list[Phrase] = field(default_factory=list)  # about the network, not the code
    mode: str = "template"  # or "as-written": a program checked as its author wrote it
    network: dict | None = None  # as-written: the network found (``as_written.table``)

    @property
    def passed(self) -> bool:
        """"ok" first, then notes only (a Python 2 file, a network without bias)."""
        kinds = [f.kind for f in self.findings]
        return kinds[:1] == ["ok"] and all(k in NOTE_KINDS for k in kinds[1:])
