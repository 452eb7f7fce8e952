"""A run's lines: the one under way and the branches it left, each whole from epoch 0.

A ``Line`` is what a run is when you leave it: its curves (``History``), its edit marks, its
states (``Timeline``), the epoch where it left the line it branched from (``fork``), and the
network it ended with. Going on from an earlier epoch keeps the line under way as a branch and
starts a new one that shares its past (``Timeline.prefix``, ``History.upto``); going back to a
branch swaps the two. ``Lines`` keeps the branches, at most ``MAX_BRANCHES`` (the oldest goes).
Qt-free.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from playground.experiment import Architecture
from playground.nn import Network
from playground.timeline.curves import History
from playground.timeline.states import Timeline

MAX_BRANCHES = 8


@dataclass(eq=False)
class Line:
    number: int  # "Run 1", "Run 2", … in the window
    history: History
    states: Timeline
    marks: list[tuple[int, str]]
    arch: Architecture
    net: Network  # the network as the line left it (its weights are the line's last)
    fork: int | None = None  # the epoch it left its parent line (None: the run's first line)
    parent: int | None = None  # the number of the line it left there
    label: str | None = None  # its name where it is not "Run N" (a copy of the seed grid)

    @property
    def last_epoch(self) -> int:
        return self.history.last_epoch

    def started_by(self) -> str | None:
        """The edit that started it: the first mark at or after its fork (None: none yet)."""
        if self.fork is None:
            return None
        return next((text for epoch, text in self.marks if epoch >= self.fork), None)

    def latest(self, name: str) -> float | None:
        return self.history.latest(name)


@dataclass
class Lines:
    """The branches of the run under way (not the line under way itself)."""

    branches: list[Line] = field(default_factory=list)
    made: int = 1  # lines numbered so far (the run's first line is 1)

    def next_number(self) -> int:
        self.made += 1
        return self.made

    def keep(self, line: Line) -> Line | None:
        """Keep ``line`` as a branch; the oldest branch that no longer fits is returned."""
        self.branches.append(line)
        return self.branches.pop(0) if len(self.branches) > MAX_BRANCHES else None

    def take(self, number: int) -> Line | None:
        """The branch numbered ``number``, no longer kept as a branch."""
        for i, line in enumerate(self.branches):
            if line.number == number:
                return self.branches.pop(i)
        return None

    def numbered(self, number: int) -> Line | None:
        return next((line for line in self.branches if line.number == number), None)

    def clear(self) -> None:
        self.branches, self.made = [], 1
