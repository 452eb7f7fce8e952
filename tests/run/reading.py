"""Reading a training process's events in the tests over a plain Pipe."""

from __future__ import annotations

import time


def until(conn, kind: type, seconds: float = 10.0) -> tuple[object, list]:  # noqa: ANN001
    """Read until a message of ``kind``; (it, everything read before it)."""
    seen = []
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if conn.poll(0.05):
            msg = conn.recv()
            if isinstance(msg, kind):
                return msg, seen
            seen.append(msg)
    raise AssertionError(f"no {kind.__name__} within {seconds} s; got {seen[-3:]}")
