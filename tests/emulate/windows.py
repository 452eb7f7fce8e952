"""The suite as on Windows, on the machines we have (Linux): what Windows lacks is taken away.

``emulate(patch)`` makes this process refuse the fork and forkserver start methods as Windows
does ("cannot find context for 'forkserver'"), start processes with spawn, lose ``resource``,
``fork``, process groups and sessions, and fail a test that calls ``os.kill`` with signal 0 from
the playground's code (on Windows that call ends the process it names). The processes it starts
get the same: ``site/sitecustomize.py`` applies it at their start, as PLAYGROUND_EMULATE says.
/proc is not taken away from psutil, which reads it on Linux as it calls Win32 on Windows; the
playground's own code may not read it (tests/test_portable.py).
"""

from __future__ import annotations

import multiprocessing
import os
import sys
from pathlib import Path

SITE = str(Path(__file__).resolve().parent / "site")
POSIX_ONLY = ("fork", "forkpty", "killpg", "setpgid", "getpgid", "setsid")


class KillProbeError(AssertionError):
    """os.kill(pid, 0) from the playground: on Windows it would have ended that process."""


def _refusing_get_context(real):  # noqa: ANN001, ANN202
    def get_context(method: str | None = None):  # noqa: ANN202
        if method in ("fork", "forkserver"):
            raise ValueError(f"cannot find context for {method!r}")
        return real(method or "spawn")
    return get_context


def _guarded_kill(real):  # noqa: ANN001, ANN202
    def kill(pid: int, sig: int) -> None:
        caller = sys._getframe(1).f_globals.get("__name__", "")
        if sig == 0 and caller.startswith("playground"):
            raise KillProbeError(f"{caller} called os.kill({pid}, 0): on Windows that ends it")
        real(pid, sig)
    return kill


def emulate(patch) -> None:  # noqa: ANN001 - a pytest MonkeyPatch
    """This process, and those it starts from now on, as on Windows (undone with ``patch``)."""
    import psutil  # noqa: F401 - its Linux half needs resource; loaded before it goes
    patch.setattr(multiprocessing, "get_context",
                  _refusing_get_context(multiprocessing.get_context))
    patch.setattr(multiprocessing, "get_all_start_methods", lambda: ["spawn"])
    patch.setitem(sys.modules, "resource", None)  # "import resource": ImportError
    for name in POSIX_ONLY:
        if hasattr(os, name):
            patch.delattr(os, name)
    patch.setattr(os, "kill", _guarded_kill(os.kill))
    patch.setenv("PLAYGROUND_EMULATE", "windows")
    patch.setenv("PYTHONPATH", os.pathsep.join(filter(None, [SITE, os.environ.get(
        "PYTHONPATH")])))


class _Patch:
    """``emulate``'s patcher for a process's whole life (the children: nothing to undo)."""

    def setattr(self, target, name, value) -> None:  # noqa: ANN001, D102
        setattr(target, name, value)

    def setitem(self, mapping, key, value) -> None:  # noqa: ANN001, D102
        mapping[key] = value

    def delattr(self, target, name) -> None:  # noqa: ANN001, D102
        delattr(target, name)

    def setenv(self, name: str, value: str) -> None:  # noqa: D102
        os.environ[name] = value


def emulate_for_good() -> None:
    """At the start of a child process: as on Windows until it ends."""
    emulate(_Patch())
