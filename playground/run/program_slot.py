"""A learner's program as written, set on a training process: what it is, and its run, kept
across pauses (a pause only stops asking for steps; Stop or a new run ends it). Qt-free.

The process knows nothing of how a program is run: ``factory(source, filename, net)`` makes an
object with ``snapshots()`` (an iterator of ``Snapshot``), ``net``, ``take_printed()`` and
``close()`` (``learner.their_program.ProgramRun``), given by the process's entry.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from playground.nn import Network, Snapshot


class ProgramSlot:
    def __init__(self, factory: Callable[..., Any] | None) -> None:
        self.factory = factory
        self.program: tuple[str, str] | None = None  # (source, filename)
        self.run: Any = None
        self._steps: Iterator[Snapshot] | None = None

    @property
    def can_run(self) -> bool:
        return self.factory is not None

    def set(self, program: tuple[str, str] | None) -> None:
        self.end()
        self.program = program

    def steps(self, net: Network) -> Iterator[Snapshot]:
        """The run's steps from where they are (the program started on the first ask), counted
        from this ask as a step generator's are."""
        if self.run is None:
            self.run = self.factory(*self.program, net)
            self._steps = self.run.snapshots()
        self.run.net = net
        return self._from_here(self.run.taken)

    def _from_here(self, start: int) -> Iterator[Snapshot]:
        for snap in self._steps:  # left at a pause: the program's own steps go on later
            yield snap._replace(epoch=snap.epoch - start, step=snap.step - start)

    def take_printed(self) -> str:
        return self.run.take_printed() if self.run is not None else ""

    def end(self) -> None:
        """Their program ends at its next line; the next run starts it from its top."""
        if self.run is not None:
            self.run.close()
        self.run = self._steps = None
