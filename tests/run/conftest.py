"""What the process tests share: a training process served in a thread over a socket pair."""

from __future__ import annotations

import pytest

from playground.run import messages as m
from tests.run.reading import serving


@pytest.fixture
def proc():
    """Our Channel to ``serve`` in a thread on the other end of a socket pair; shut down after,
    and the thread must have ended."""
    with serving() as (ours, thread):
        yield ours
        ours.send(m.Shutdown())
        thread.join(5)
        assert not thread.is_alive()
