"""Which processes still run, for the tests that check a learner's code leaves none behind
(Linux: read from /proc; a zombie waiting for its parent counts as gone)."""

from __future__ import annotations

import time
from pathlib import Path


def alive(pids: list[int]) -> list[int]:
    """The processes of ``pids`` still running."""
    running = []
    for pid in pids:
        try:
            state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except (OSError, IndexError):
            continue
        if state != "Z":
            running.append(pid)
    return running


def alive_after(pids: list[int], seconds: float) -> list[int]:
    """Those of ``pids`` still running after up to ``seconds`` of waiting for them to go."""
    deadline = time.monotonic() + seconds
    while alive(pids) and time.monotonic() < deadline:
        time.sleep(0.1)
    return alive(pids)
