"""The watch on runs that blow up without stopping: the policy behind opening the diagnostics.

A run whose weights explode while its loss stays finite is not stopped by anything (the
process stops only on a non-finite loss), yet it is what the diagnostics are for. ``Divergence``
watches sessions' epochs and says ``sig_diverging`` once per network when one blows up, looking
at most once a second (the health monitor's forward pass); a new network is watched afresh.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable

from PySide6.QtCore import QObject, Signal

from playground.gui.sessions.base import TrainingSession

CHECK_SECONDS = 1.0  # the health monitor's forward pass, at most once a second


class Divergence(QObject):
    sig_diverging = Signal(object)  # the session whose run blows up

    def __init__(self, sessions: Iterable[TrainingSession],
                 current: Callable[[], TrainingSession], parent: QObject | None = None) -> None:
        """Watch ``sessions``; only the one ``current()`` shows is judged."""
        super().__init__(parent)
        self._current = current
        self._checked = 0.0
        self._said: set[int] = set()  # sessions whose divergence was said for this network
        for session in sessions:
            session.sig_epochs.connect(self._epochs)
            session.sig_network_changed.connect(self._forget)

    def _forget(self) -> None:
        self._said.discard(id(self.sender()))

    def _epochs(self) -> None:
        session = self._current()
        now = time.perf_counter()
        if now - self._checked < CHECK_SECONDS or id(session) in self._said:
            return
        self._checked = now
        if session.diagnosis.diverging():
            self._said.add(id(session))
            self.sig_diverging.emit(session)
