"""Which processes still run, for the tests that check a learner's code leaves none behind
(asked of psutil, as on every system; a zombie waiting for its parent counts as gone)."""

from __future__ import annotations

import time

import psutil


def alive(pids: list[int]) -> list[int]:
    """The processes of ``pids`` still running."""
    running = []
    for pid in pids:
        try:
            if psutil.Process(pid).status() != psutil.STATUS_ZOMBIE:
                running.append(pid)
        except psutil.Error:
            continue
    return running


def alive_after(pids: list[int], seconds: float) -> list[int]:
    """Those of ``pids`` still running after up to ``seconds`` of waiting for them to go."""
    deadline = time.monotonic() + seconds
    while alive(pids) and time.monotonic() < deadline:
        time.sleep(0.1)
    return alive(pids)
