"""What a learner's code starts while it trains ends with it: at Stop, at close, and past its
memory (the audit's forking ``forward`` left 1,628 processes after the window closed)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from playground.code_check import TEMPLATE
from tests.alive import alive, alive_after

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"),
                                reason="counts processes in /proc; forks")


def _forking(pids: Path, megabytes: int = 0) -> str:
    """The template with a forward that starts a sleeper each call and writes down its pid."""
    body = (f"    import os, time\n"
            f"    child = os.fork()\n"
            f"    if child == 0:\n"
            f"        hold = bytearray({megabytes} * 2**20)\n"
            f"        time.sleep(120)\n"
            f"        os._exit(0)\n"
            f"    with open({str(pids)!r}, 'a') as f:\n"
            f"        f.write(str(child) + '\\n')\n")
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


def test_closing_the_window_ends_what_their_code_started(make_window, qtbot, tmp_path):
    pids = tmp_path / "pids"
    pids.touch()
    window = make_window()
    _train(window, qtbot, _forking(pids))
    qtbot.waitUntil(lambda: len(alive(_started(pids))) >= 20, timeout=30_000)
    window.close()
    assert alive_after(_started(pids), 5.0) == []


def test_stop_ends_what_their_code_started_and_keeps_the_weights(make_window, qtbot, tmp_path):
    pids = tmp_path / "pids"
    pids.touch()
    window = make_window()
    s = window.session
    _train(window, qtbot, _forking(pids))
    qtbot.waitUntil(lambda: s.epoch >= 2 and s.frame is not None, timeout=30_000)
    shown = [p["W"].copy() for p in s.frame.params]
    s.stop()
    assert s.state == "idle" and not s._proc.alive
    assert alive_after(_started(pids), 5.0) == []
    assert all((w == p["W"]).all() for w, p in zip(shown, s.net.params, strict=True))


def test_their_processes_past_the_memory_limit_end_the_run(make_window, qtbot, tmp_path,
                                                            monkeypatch):
    import playground.gui.run as run_module

    monkeypatch.setattr(run_module, "CODE_MEMORY_MB", 100)
    monkeypatch.setattr(run_module, "BASE_MB", 300)  # each sleeper holds 60 MB: seven trip it
    pids = tmp_path / "pids"
    pids.touch()
    window = make_window()
    errors: list[str] = []
    window.session.sig_error.connect(errors.append)
    _train(window, qtbot, _forking(pids, megabytes=60))
    qtbot.waitUntil(lambda: window.session.state == "idle", timeout=60_000)
    assert errors and "more than 100 MB" in errors[-1]
    assert alive_after(_started(pids), 5.0) == []
