"""The box a learner's code runs in, on its own: it finds, measures and ends every process below
its root, with psutil (no /proc, no signal sent to look), natively and as on Windows."""

from __future__ import annotations

import ctypes
import subprocess
import sys
import time

import pytest

from playground.run.contain import Box, Warden, _extended_limits
from tests.alive import alive_after

pytestmark = pytest.mark.both_ways

SLEEPER = "import time; time.sleep(60)"


def _root(body: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", "import subprocess, sys, time\n" + body])


def _members_at_least(box: Box, count: int) -> list[int]:
    deadline = time.monotonic() + 30
    while len(box.members()) < count and time.monotonic() < deadline:
        time.sleep(0.05)
    return [p.pid for p in box.members()]


def _ended(root: subprocess.Popen, box: Box, pids: list[int]) -> None:
    box.end()
    root.wait(10)
    assert alive_after(pids, 5.0) == []


def test_the_box_ends_its_root_and_everything_below_it():
    root = _root("for _ in range(3):\n"
                 f"    subprocess.Popen([sys.executable, '-c', {SLEEPER!r}])\n"
                 "time.sleep(60)")
    box = Box(root.pid)
    pids = _members_at_least(box, 4)
    assert len(pids) == 4 and box.memory() > 4 * 2**20
    _ended(root, box, pids)
    assert box.members() == [] and box.memory() is not None


def test_a_root_that_keeps_starting_processes_leaves_none_behind(tmp_path):
    """Found while they are being ended, the new ones end too (the race the emulated window
    test caught: a sleeper started between the list and the kill lived on)."""
    pids = tmp_path / "pids"
    root = _root(f"while True:\n    child = subprocess.Popen([sys.executable, '-c', {SLEEPER!r}])\n"
                 f"    open({str(pids)!r}, 'a').write(f'{{child.pid}}\\n')\n"
                 "    time.sleep(0.01)")
    box = Box(root.pid)
    _members_at_least(box, 6)
    box.end()
    root.wait(10)
    assert alive_after([int(p) for p in pids.read_text().split()], 5.0) == []


def test_the_warden_ends_a_box_past_its_limit():
    root = _root("hold = bytearray(200 * 2**20)\ntime.sleep(60)")
    box = Box(root.pid)
    tripped = []
    warden = Warden(box, 100 * 2**20, on_trip=lambda: tripped.append(True))
    try:
        assert root.wait(30) is not None
    finally:
        warden.stop()
    assert warden.tripped and tripped == [True]


def test_the_windows_job_limits_are_laid_out_as_winnt_h_has_them():
    """JOBOBJECT_EXTENDED_LIMIT_INFORMATION is 144 bytes on 64-bit Windows, its basic part 64:
    a field out of place would set some other limit than the memory's."""
    if ctypes.sizeof(ctypes.c_void_p) != 8:
        pytest.skip("the sizes are those of 64-bit Windows")
    extended = _extended_limits()
    assert ctypes.sizeof(extended) == 144
    assert extended.BasicLimitInformation.size == 64
    assert extended.JobMemoryLimit.offset == 120
