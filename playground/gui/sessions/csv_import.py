"""The learner's own points from a CSV file, read in the background or at once.

``CsvImport(session)``: ``start(path)`` reads the file in a ``BackgroundTask`` (the window's way:
a progress dialog can follow and cancel it) and, when it ends well, the session trains on the
points (``Session.use_points``); a failure or a cancel is reported and changes nothing.
``read_now(path)`` does the same in this thread. The texts keep the session's translation
context.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from playground.data.errors import ImportCancelledError
from playground.data.pointset import PointSet
from playground.data.prepare import MAX_POINTS
from playground.gui.background import BackgroundTask
from playground.gui.i18n import error_text

if TYPE_CHECKING:
    from playground.gui.sessions.playground import Session


class CsvImport:
    def __init__(self, session: Session) -> None:
        self.s = session

    def read(self, path: str, progress: Callable[[int, int], bool] | None = None) -> PointSet:
        """The points of a CSV file (at most MAX_POINTS: the plane shows no more); safe to call
        from another thread, as it touches nothing of the session's."""
        spec = self.s.data_spec
        return PointSet.from_csv(path, spec.test_fraction, spec.seed, max_points=MAX_POINTS,
                                 progress=progress)

    def read_now(self, path: str) -> None:
        """Read 2-D points from a CSV file in this thread and train on them."""
        try:
            points = self.read(path)
        except ValueError as e:  # DataFileError is one
            self.s.sig_error.emit(error_text(e))
            return
        self.s.use_points(points, path)

    def start(self, path: str) -> BackgroundTask:
        """A started background read of ``path``: its points replace the current ones when it
        ends well; a failure (or a cancel) is reported and changes nothing."""
        task = BackgroundTask(partial(self.read, path), self.s)
        task.sig_done.connect(partial(self._imported, task, path))
        task.sig_failed.connect(partial(self._failed, task))
        task.start()
        return task

    def _imported(self, task: BackgroundTask, path: str, points: PointSet) -> None:
        task.deleteLater()
        self.s.use_points(points, path)

    def _failed(self, task: BackgroundTask, error: Exception) -> None:
        task.deleteLater()
        s = self.s
        if isinstance(error, ImportCancelledError):
            s.sig_status.emit(QCoreApplication.translate(
                "Session", "Import cancelled; the points are as they were"))
        elif isinstance(error, ValueError | MemoryError):  # DataFileError is a ValueError
            s.sig_error.emit(str(error) or type(error).__name__)
        else:
            s.sig_error.emit(QCoreApplication.translate(
                "Session", "The import failed: {0}: {1}").format(type(error).__name__, error))
