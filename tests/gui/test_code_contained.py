"""What a learner's code starts while it trains ends with it: at Stop, at close, and past its
memory (the audit's forking ``forward`` left 1,628 processes after the window closed). Each test
runs with a forward that forks (POSIX) and with one that starts programs, as on every system."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from playground.learner.check import TEMPLATE
from tests.alive import alive, alive_after

pytestmark = pytest.mark.both_ways

FORK = ("    child = os.fork()\n"
        "    if child == 0:\n"
        "        hold = bytearray({megabytes} * 2**20)\n"
        "        time.sleep(120)\n"
        "        os._exit(0)\n")
POPEN = ("    child = subprocess.Popen([sys.executable, '-c', 'import time; "
         "hold = bytearray({megabytes} * 2**20); time.sleep(120)']).pid\n")


@pytest.fixture(params=["fork", "popen"])
def how(request, system):  # noqa: ANN001, ANN201
    """How the learner's forward starts its sleepers: os.fork, or subprocess.Popen."""
    if request.param == "fork" and (system == "windows" or not hasattr(os, "fork")):
        pytest.skip("Windows has no fork")
    return request.param


def _starting(pids: Path, how: str, megabytes: int = 0) -> str:
    """The template with a forward that starts a sleeper each call and writes down its pid."""
    body = ("    import os, subprocess, sys, time\n"
            + (FORK if how == "fork" else POPEN).format(megabytes=megabytes)
            + f"    with open({str(pids)!r}, 'a') as f:\n"
            + "        f.write(str(child) + '\\n')\n")
    return TEMPLATE.replace("    activations = [x]\n", body + "    activations = [x]\n")


def _started(pids: Path) -> list[int]:
    return [int(p) for p in pids.read_text().split()]


def _train(window, qtbot, source: str) -> None:  # noqa: ANN001
    tab = window.code_tab
    window.tabs.setCurrentWidget(tab)
    tab.editor.setPlainText(source)
    window.session.set_speed(None)
    tab.train_button.click()
    assert window.session.state == "running"


def test_closing_the_window_ends_what_their_code_started(make_window, qtbot, tmp_path, how):
    pids = tmp_path / "pids"
    pids.touch()
    window = make_window()
    _train(window, qtbot, _starting(pids, how))
    qtbot.waitUntil(lambda: len(alive(_started(pids))) >= 20, timeout=30_000)
    window.close()
    assert alive_after(_started(pids), 5.0) == []


def test_stop_ends_what_their_code_started_and_keeps_the_weights(make_window, qtbot, tmp_path, how):
    pids = tmp_path / "pids"
    pids.touch()
    window = make_window()
    s = window.session
    _train(window, qtbot, _starting(pids, how))
    qtbot.waitUntil(lambda: s.epoch >= 2 and s.frame is not None, timeout=30_000)
    shown = [p["W"].copy() for p in s.frame.params]
    s.stop()
    assert s.state == "idle" and not s._proc.alive
    assert alive_after(_started(pids), 5.0) == []
    assert all((w == p["W"]).all() for w, p in zip(shown, s.net.params, strict=True))


def test_their_processes_past_the_memory_limit_end_the_run(make_window, qtbot, tmp_path,
                                                            monkeypatch, how):
    import playground.gui.process_link as run_module

    monkeypatch.setattr(run_module, "CODE_MEMORY_MB", 100)
    monkeypatch.setattr(run_module, "BASE_MB", 300)  # each sleeper holds 60 MB: seven trip it
    pids = tmp_path / "pids"
    pids.touch()
    window = make_window()
    errors: list[str] = []
    window.session.sig_error.connect(errors.append)
    _train(window, qtbot, _starting(pids, how, megabytes=60))
    qtbot.waitUntil(lambda: window.session.state == "idle", timeout=60_000)
    assert errors and "more than 100 MB" in errors[-1]
    assert alive_after(_started(pids), 5.0) == []
