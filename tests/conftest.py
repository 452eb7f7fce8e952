"""Test set-up: headless Qt when there is no display (before any QApplication exists)."""

from __future__ import annotations

import os
import sys

if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import numpy as np
import pytest

XOR_X = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
XOR_LABELS = np.array([0, 1, 1, 0])


@pytest.fixture
def rng() -> np.random.Generator:
    return np.random.default_rng(1234)


@pytest.fixture(autouse=True)
def _no_thread_left_running():
    """Fail any test that leaves a training thread running (one destroyed while running kills
    pytest) or a training process alive."""
    yield
    import multiprocessing

    children = [p for p in multiprocessing.active_children() if p.name == "playground-train"]
    for p in children:
        p.terminate()
    assert not children, f"test left {len(children)} training process(es) alive"
    worker = sys.modules.get("playground.gui.worker")
    if worker is None:
        return
    running = [(t, w) for t, w in list(worker.LIVE_THREADS.items()) if t.isRunning()]
    for t, w in running:  # stop them so that the rest of the run survives, then fail this test
        w.stop()
        t.quit()
        t.wait(5000)
    assert not running, f"test left {len(running)} training thread(s) running"
