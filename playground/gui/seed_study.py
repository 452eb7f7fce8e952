"""The bug lab's 20-seed study: the preset's network from 20 seeds, in the seed grid.

``SeedStudy(seeds_run, show_grid)``: ``run(fixed)`` opens the grid and starts the copies at the
network's own learning rate; when they end (not cancelled), ``sig_result`` says how many of
them solved the task, for the lab's box.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from playground.gui.sessions.seeds import SeedsRun
from playground.gui.widgets.seed_grid import SeedGridDialog
from playground.teach.lab import STUDY_ITERATIONS

STUDY_SEEDS = 20


class SeedStudy(QObject):
    sig_result = Signal(int, int, bool)  # (copies that solved it, copies, fixed)

    def __init__(self, run: SeedsRun, show_grid: Callable[[], SeedGridDialog],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.seeds = run
        self._show_grid = show_grid
        self.fixed: bool | None = None  # the study under way: of the preset fixed or not
        run.sig_running.connect(self._ended)

    def run(self, fixed: bool) -> None:
        self.fixed = fixed
        if not self._show_grid().start_study(STUDY_SEEDS, STUDY_ITERATIONS):
            self.fixed = None

    def _ended(self, running: bool) -> None:
        if running or self.fixed is None:
            return
        fixed, self.fixed = self.fixed, None
        if not self.seeds.cancelled:
            self.sig_result.emit(self.seeds.solved(), len(self.seeds.runs), fixed)
