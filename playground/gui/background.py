"""Work that would freeze the window, run in a plain thread and watched from the GUI thread.

``BackgroundTask(work)`` runs ``work(progress)`` in a daemon thread; ``progress(done, total)``
records how far it got and returns False once ``cancel()`` was called, so the work can stop
itself. A QTimer in the GUI thread reads those numbers and the result, so every signal is
emitted in the GUI thread: no Qt object is touched from the worker thread.

Nor destroyed there: Python's cyclic garbage collector runs in whichever thread allocates, and a
collection in the worker that freed a widget caught in a reference cycle (a closed window, say)
ran its C++ destructor in the worker, which deadlocked with the GUI thread (seen under py-spy:
the worker in ~QObject waiting for the GIL, the GUI thread holding it, waiting for Qt's lock).
So garbage is collected in the GUI thread before a task starts, and automatic collection waits
while any task runs; reference counting frees everything that is not a cycle meanwhile.
"""

from __future__ import annotations

import gc
import threading
import weakref
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

POLL_MS = 50
# tasks under way (weakly: one dropped unfinished, with its window, stops counting); automatic
# garbage collection waits while there are any
_running: weakref.WeakSet[BackgroundTask] = weakref.WeakSet()


def _pause_collection(task: BackgroundTask) -> None:
    if not _running:
        gc.collect()
    _running.add(task)
    gc.disable()


def _resume_collection(task: BackgroundTask) -> None:
    _running.discard(task)
    if not _running:
        gc.enable()


class BackgroundTask(QObject):
    sig_progress = Signal(int, int)  # done, total (0 when unknown)
    sig_done = Signal(object)  # what the work returned
    sig_failed = Signal(object)  # the exception it raised

    def __init__(self, work: Callable[[Callable[[int, int], bool]], Any],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._work = work
        self._cancelled = threading.Event()
        self._lock = threading.Lock()
        self._progress = (0, 0)
        self._outcome: tuple[str, Any] | None = None
        self._timer = QTimer(self, interval=POLL_MS)
        self._timer.timeout.connect(self._poll)
        self._thread = threading.Thread(target=self._run, daemon=True, name="playground-task")

    def start(self) -> None:
        _pause_collection(self)
        self._timer.start()
        self._thread.start()

    def cancel(self) -> None:
        self._cancelled.set()

    def wait(self, seconds: float) -> bool:
        """Block until the work ends (for tests and shutdown); True if it did."""
        self._thread.join(seconds)
        if not self._thread.is_alive():
            self._poll()
        return not self._thread.is_alive()

    def _report(self, done: int, total: int) -> bool:
        with self._lock:
            self._progress = (done, total)
        return not self._cancelled.is_set()

    def _run(self) -> None:
        try:
            outcome = ("done", self._work(self._report))
        except BaseException as e:  # noqa: BLE001 - handed to the GUI thread, never lost: a
            outcome = ("failed", e)  # SystemExit too, or the task spins for ever
        with self._lock:
            self._outcome = outcome

    def _poll(self) -> None:
        with self._lock:
            progress, outcome = self._progress, self._outcome
            self._outcome = None if outcome is None else ("reported", None)
        if outcome is None:
            self.sig_progress.emit(*progress)
            return
        self._timer.stop()
        _resume_collection(self)
        if outcome[0] == "done":
            self.sig_done.emit(outcome[1])
        elif outcome[0] == "failed":
            self.sig_failed.emit(outcome[1])
