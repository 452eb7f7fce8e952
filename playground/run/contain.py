"""A box for a process that runs a learner's code, and for everything that code starts. Qt-free.

A learner's file may fork, start sleepers, or lift its own memory limit; what it starts must end
with it. So the process that runs it calls ``enter_box()`` first: on POSIX it becomes the leader
of a process group of its own (its children stay in it), and on Linux the "subreaper" of its
descendants (an orphan that leaves the group is still found below it). On Windows the parent
puts it in a job object, whose children are in the job too and which holds its memory limit.
``Box.end()`` ends them all at once; ``Box.memory()`` is what they hold together, for the
parent's watch (``Warden``) that ends the box past its limit: a limit set inside the process
(``limit_memory``) can be lifted by code running as root, a watch from outside cannot.

Nothing here uses ``os.kill`` to probe: only to end processes, and never on Windows, where it
would end them too.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path

WATCH_SECONDS = 0.1
_PROC = Path("/proc")


def enter_box() -> None:
    """Called first in the boxed process: it and what it starts form a group of their own."""
    if hasattr(os, "setpgid"):
        with contextlib.suppress(OSError):
            os.setpgid(0, 0)
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(36, 1, 0, 0, 0)  # PR_SET_CHILD_SUBREAPER


class Box:
    """The process ``pid`` (which called ``enter_box``) and every process it starts."""

    def __init__(self, pid: int, memory_mb: int | None = None) -> None:
        self.pid = pid
        self._job = _WindowsJob(pid, memory_mb) if sys.platform == "win32" else None

    def end(self) -> None:
        """End the process and all it started (those already gone are skipped)."""
        if self._job is not None:
            self._job.end()
            return
        import signal

        below = _descendants(self.pid)
        with contextlib.suppress(OSError):
            os.killpg(self.pid, signal.SIGKILL)
        for pid in [self.pid, *below]:
            with contextlib.suppress(OSError):
                os.kill(pid, signal.SIGKILL)

    def memory(self) -> int | None:
        """Bytes in memory of the whole box (resident); None where it cannot be told."""
        if self._job is not None:
            return self._job.memory()
        table = _process_table()
        if table is None:
            return None
        members = _members(self.pid, table)
        return sum(table[p][2] for p in members)

    def close(self) -> None:
        if self._job is not None:
            self._job.close()


class Warden:
    """A thread that ends ``box`` once it holds more than ``limit_bytes``; ``tripped`` says it
    did. It never touches Qt: the window learns of it as the process's connection closes."""

    def __init__(self, box: Box, limit_bytes: int,
                 on_trip: Callable[[], None] | None = None) -> None:
        self.box, self.limit = box, limit_bytes
        self.tripped = False
        self._on_trip = on_trip
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._watch, daemon=True,
                                        name="playground-warden")
        self._thread.start()

    def check(self) -> bool:
        """Look once; True (and the box ended) when it is over its limit."""
        used = self.box.memory()
        if used is not None and used > self.limit and not self.tripped:
            self.tripped = True
            self.box.end()
            if self._on_trip is not None:
                self._on_trip()
        return self.tripped

    def _watch(self) -> None:
        while not self._stop.wait(WATCH_SECONDS):
            if self.check():
                return

    def stop(self) -> None:
        self._stop.set()


# ----- POSIX: the process table ---------------------------------------------------------------
def _process_table() -> dict[int, tuple[int, int, int]] | None:
    """{pid: (parent, group, resident bytes)} of every process; None where unknown."""
    if _PROC.is_dir():
        return _linux_table()
    if sys.platform == "darwin":
        return _ps_table()
    return None


def _linux_table() -> dict[int, tuple[int, int, int]]:
    page = os.sysconf("SC_PAGE_SIZE")
    table = {}
    for entry in _PROC.iterdir():
        if not entry.name.isdigit():
            continue
        try:
            raw = (entry / "stat").read_text()
        except OSError:
            continue  # gone meanwhile
        fields = raw[raw.rfind(")") + 2:].split()  # after "pid (name) "
        with contextlib.suppress(ValueError, IndexError):
            table[int(entry.name)] = (int(fields[1]), int(fields[2]), int(fields[21]) * page)
    return table


def _ps_table() -> dict[int, tuple[int, int, int]] | None:
    try:
        out = subprocess.run(["ps", "-axo", "pid=,ppid=,pgid=,rss="], capture_output=True,
                             text=True, timeout=5, check=True).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    table = {}
    for line in out.splitlines():
        with contextlib.suppress(ValueError):
            pid, ppid, pgid, rss = (int(v) for v in line.split())
            table[pid] = (ppid, pgid, rss * 1024)
    return table


def _members(root: int, table: dict[int, tuple[int, int, int]]) -> set[int]:
    """``root``, its group, and every descendant of any of them."""
    members = {p for p, (_, group, _) in table.items() if group == root}
    if root in table:
        members.add(root)
    children: dict[int, list[int]] = {}
    for p, (parent, _, _) in table.items():
        children.setdefault(parent, []).append(p)
    todo = list(members)
    while todo:
        for child in children.get(todo.pop(), ()):
            if child not in members:
                members.add(child)
                todo.append(child)
    return members


def _descendants(root: int) -> set[int]:
    table = _process_table()
    return set() if table is None else _members(root, table) - {root}


# ----- Windows: a job object ------------------------------------------------------------------
class _WindowsJob:
    """A job object holding process ``pid``; its children join it as they start. Closing the
    last handle to it ends everything in it (KILL_ON_JOB_CLOSE)."""

    KILL_ON_CLOSE, JOB_MEMORY = 0x2000, 0x200
    EXTENDED_LIMITS = 9  # JobObjectExtendedLimitInformation
    PROCESS_ACCESS = 0x0001 | 0x0100 | 0x1000  # TERMINATE | SET_QUOTA | QUERY_LIMITED_INFO

    def __init__(self, pid: int, memory_mb: int | None) -> None:
        from ctypes import wintypes

        self._k32 = k32 = ctypes.WinDLL("kernel32", use_last_error=True)
        k32.CreateJobObjectW.restype = wintypes.HANDLE
        k32.OpenProcess.restype = wintypes.HANDLE
        self.handle = k32.CreateJobObjectW(None, None)
        info = _extended_limits()()
        info.BasicLimitInformation.LimitFlags = self.KILL_ON_CLOSE | (
            self.JOB_MEMORY if memory_mb else 0)
        info.JobMemoryLimit = (memory_mb or 0) * 2**20
        k32.SetInformationJobObject(wintypes.HANDLE(self.handle), self.EXTENDED_LIMITS,
                                    ctypes.byref(info), ctypes.sizeof(info))
        process = k32.OpenProcess(self.PROCESS_ACCESS, False, pid)
        if process:
            k32.AssignProcessToJobObject(wintypes.HANDLE(self.handle),
                                         wintypes.HANDLE(process))
            k32.CloseHandle(wintypes.HANDLE(process))

    def end(self) -> None:
        from ctypes import wintypes

        if self.handle:
            self._k32.TerminateJobObject(wintypes.HANDLE(self.handle), 1)

    def memory(self) -> int | None:
        from ctypes import wintypes

        info = _extended_limits()()
        ok = self._k32.QueryInformationJobObject(
            wintypes.HANDLE(self.handle), self.EXTENDED_LIMITS, ctypes.byref(info),
            ctypes.sizeof(info), None)
        return int(info.PeakJobMemoryUsed) if ok else None

    def close(self) -> None:
        from ctypes import wintypes

        if self.handle:
            self._k32.CloseHandle(wintypes.HANDLE(self.handle))
            self.handle = None


def _extended_limits() -> type:
    """JOBOBJECT_EXTENDED_LIMIT_INFORMATION, as winnt.h lays it out."""
    c = ctypes

    class Basic(c.Structure):
        _fields_ = [("PerProcessUserTimeLimit", c.c_int64), ("PerJobUserTimeLimit", c.c_int64),
                    ("LimitFlags", c.c_uint32), ("MinimumWorkingSetSize", c.c_size_t),
                    ("MaximumWorkingSetSize", c.c_size_t), ("ActiveProcessLimit", c.c_uint32),
                    ("Affinity", c.c_size_t), ("PriorityClass", c.c_uint32),
                    ("SchedulingClass", c.c_uint32)]

    class Extended(c.Structure):
        _fields_ = [("BasicLimitInformation", Basic), ("IoInfo", c.c_uint64 * 6),
                    ("ProcessMemoryLimit", c.c_size_t), ("JobMemoryLimit", c.c_size_t),
                    ("PeakProcessMemoryUsed", c.c_size_t), ("PeakJobMemoryUsed", c.c_size_t)]

    return Extended
