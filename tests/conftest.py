"""Test set-up: headless Qt when there is no display (before any QApplication exists)."""

from __future__ import annotations

import os

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
def _no_training_process_left():
    """Fail any test that leaves a training process alive (each session's process must end with
    the session)."""
    yield
    import multiprocessing

    children = [p for p in multiprocessing.active_children() if p.name == "playground-train"]
    for p in children:
        p.terminate()
    assert not children, f"test left {len(children)} training process(es) alive"
