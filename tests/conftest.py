"""Test set-up: headless Qt when there is no display (before any QApplication exists)."""

from __future__ import annotations

import os

if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import numpy as np
import pytest

XOR_X = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
XOR_LABELS = np.array([0, 1, 1, 0])


SYSTEMS = ("native", "windows")


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--as-windows", action="store_true",
                     default=os.environ.get("PLAYGROUND_EMULATE") == "windows",
                     help="run every test as on Windows (tests/emulate/windows.py); "
                          "PLAYGROUND_EMULATE=windows does the same")


def _all_as_windows(config: pytest.Config) -> bool:
    return bool(config.getoption("--as-windows"))


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """A test marked both_ways runs twice: as this system runs it, and as Windows would."""
    if metafunc.definition.get_closest_marker("both_ways") is not None:
        metafunc.fixturenames.insert(0, "system")  # before any fixture starts a process
        systems = ("windows",) if _all_as_windows(metafunc.config) else SYSTEMS
        metafunc.parametrize("system", systems, indirect=True)


@pytest.fixture
def system(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """The system a both_ways test runs as: "native", or "windows" (emulated, children too)."""
    name = getattr(request, "param", "native")
    if name == "windows":
        from tests.emulate.windows import emulate

        emulate(monkeypatch)
    return name


@pytest.fixture(autouse=True)
def _as_windows(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """With --as-windows every test runs as on Windows, not only those marked both_ways."""
    if _all_as_windows(request.config) and "system" not in request.fixturenames:
        from tests.emulate.windows import emulate

        emulate(monkeypatch)


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
