"""Whether a save still writes its temporary file: a lock the writer holds, never a signal.

A save killed mid-write leaves its temporary file beside the model, and the next save removes
it unless a save is still writing it. That used to be asked with ``os.kill(pid, 0)``, which on
Windows ends the process it names (any signal but the two console events terminates it): a
save could have ended an unrelated program whose pid an old temporary's name held. The writer
now holds an exclusive lock on its temporary file while it writes (``flock`` on POSIX,
``msvcrt.locking`` on Windows); the system drops the lock when the writer ends, however it
ends. Qt-free.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path


def hold(fd: int) -> None:
    """Lock the open file ``fd`` for as long as it stays open (the writer's side)."""
    _lock(fd)


def held(path: str | Path) -> bool:
    """Whether an open file somewhere holds the lock on ``path`` (a save under way)."""
    try:
        fd = os.open(path, os.O_RDWR)
    except OSError:
        return False  # gone, or not ours to open: nothing to remove either way
    try:
        _lock(fd)
        _unlock(fd)
    except OSError:
        return True
    finally:
        os.close(fd)
    return False


def _lock(fd: int) -> None:
    """An exclusive lock on ``fd``, without waiting; OSError when another holds it."""
    if sys.platform == "win32":
        import msvcrt

        msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
    else:
        import fcntl

        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)


def _unlock(fd: int) -> None:
    if sys.platform == "win32":
        import msvcrt

        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
    else:
        import fcntl

        fcntl.flock(fd, fcntl.LOCK_UN)
