"""A widget built alone, with a session and no MainWindow (DESIGN rule 6)."""

from __future__ import annotations

import pytest

from playground.gui.sessions.playground import Session


@pytest.fixture
def session():
    """A Playground session (XOR, the default); its training process ends with the test."""
    s = Session()
    yield s
    s.shutdown()
