"""A box for a process that runs a learner's code, and for everything that code starts. Qt-free.

A learner's file may fork, start sleepers, or lift its own memory limit; what it starts must end
with it. So the process that runs it calls ``enter_box()`` first: on POSIX it becomes the leader
of a process group of its own (its children stay in it), and on Linux the "subreaper" of its
descendants (an orphan that leaves the group is still found below it). On Windows the parent
puts it in a job object, whose children are in the job too and which holds its memory limit.
``Box.end()`` ends them all at once; ``Box.memory()`` is what they hold together, for the
parent's watch (``Warden``) that ends the box past its limit: a limit set inside the process
(``limit_memory``) can be lifted by code running as root, and exists only where ``resource``
does; the watch from outside works on every system.

Processes are found and measured with psutil (the same calls on Windows, macOS and Linux);
nothing here reads /proc, and nothing sends a signal to look at a process: on Windows
``os.kill`` with any signal ends the process it names.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import sys
import threading
from collections.abc import Callable

import psutil

WATCH_SECONDS = 0.1
STOP_ROUNDS = 20  # looks for members started while the last ones were being stopped


def enter_box() -> None:
    """Called first in the boxed process: it and what it starts form a group of their own."""
    setpgid = getattr(os, "setpgid", None)  # POSIX
    if setpgid is not None:
        with contextlib.suppress(OSError):
            setpgid(0, 0)
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(36, 1, 0, 0, 0)  # PR_SET_CHILD_SUBREAPER


class Box:
    """The process ``pid`` (which called ``enter_box``) and every process it starts."""

    def __init__(self, pid: int, memory_mb: int | None = None) -> None:
        self.pid = pid
        self._job = _WindowsJob(pid, memory_mb) if sys.platform == "win32" else None
        try:
            self._root: psutil.Process | None = psutil.Process(pid)
        except psutil.Error:
            self._root = None  # gone already

    def members(self) -> list[psutil.Process]:
        """The process and every process below it that is still there."""
        if self._root is None:
            return []
        try:
            return [self._root, *self._root.children(recursive=True)]
        except psutil.Error:
            return []

    def end(self) -> None:
        """End the process and all it started (those already gone are skipped)."""
        members = self._stopped()  # before any of them ends: their children would be orphans
        if self._job is not None:
            self._job.end()
        killpg = getattr(os, "killpg", None)  # POSIX: the group, orphans in it too
        if killpg is not None:
            import signal

            with contextlib.suppress(OSError):
                killpg(self.pid, signal.SIGKILL)
        for process in members:
            with contextlib.suppress(psutil.Error):
                process.kill()

    def _stopped(self) -> list[psutil.Process]:
        """Every member, each stopped as it is found, looked for again until no new one shows:
        a process that runs on while the list is killed may start one that nothing ends."""
        found: dict[int, psutil.Process] = {}
        for _ in range(STOP_ROUNDS):
            fresh = [p for p in self.members() if p.pid not in found]
            if not fresh:
                break
            for process in fresh:
                with contextlib.suppress(psutil.Error):
                    process.suspend()
                found[process.pid] = process
        return list(found.values())

    def memory(self) -> int | None:
        """Bytes in memory of the whole box (resident); None once its process is gone."""
        if self._root is None:
            return None
        total = 0
        for process in self.members():
            with contextlib.suppress(psutil.Error):
                total += process.memory_info().rss
        return total

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


# ----- Windows: a job object ------------------------------------------------------------------
class _WindowsJob:
    """A job object holding process ``pid``; its children join it as they start. Closing the
    last handle to it ends everything in it (KILL_ON_JOB_CLOSE)."""

    KILL_ON_CLOSE, JOB_MEMORY = 0x2000, 0x200
    EXTENDED_LIMITS = 9  # JobObjectExtendedLimitInformation
    PROCESS_ACCESS = 0x0001 | 0x0100  # TERMINATE | SET_QUOTA

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
