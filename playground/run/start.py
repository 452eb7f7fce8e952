"""Starting the training process on every system. Qt-free.

Never ``fork``: a process that runs Qt's threads cannot be forked safely. ``forkserver`` where the
system has it (Linux, macOS): its server preloads the core, so a training process starts in
milliseconds. Else ``spawn`` (Windows, which has no forkserver: asking for one raised
"cannot find context for 'forkserver'" when the window module was imported): a fresh
interpreter that imports only numpy and ``playground.run`` (never Qt).

Either way the child gets one BLAS thread, set in its environment before its numpy loads: the
process and the window share the cores, and a second BLAS thread in the process only fought the
window for them. Only the child's environment changes; this process's numpy is already set up.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import threading
from collections.abc import Iterator
from multiprocessing.context import BaseContext
from multiprocessing.process import BaseProcess

PRELOAD = ["playground.run.process"]
ONE_THREAD = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")
_lock = threading.Lock()  # the environment is the whole process's: one start at a time


def training_context() -> BaseContext:
    """forkserver where there is one, else spawn."""
    try:
        context = multiprocessing.get_context("forkserver")
    except ValueError:  # Windows
        return multiprocessing.get_context("spawn")
    context.set_forkserver_preload(PRELOAD)
    return context


def start(process: BaseProcess, context: BaseContext) -> None:
    """Start ``process``, made by ``context`` (``training_context()``), with one BLAS thread."""
    with _lock, _one_blas_thread():
        if context.get_start_method() == "forkserver":
            from multiprocessing import forkserver

            forkserver.ensure_running()  # the server, and so every child, gets one thread
        process.start()


@contextlib.contextmanager
def _one_blas_thread() -> Iterator[None]:
    saved = {name: os.environ.get(name) for name in ONE_THREAD}
    os.environ.update(dict.fromkeys(ONE_THREAD, "1"))
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                del os.environ[name]
            else:
                os.environ[name] = value
