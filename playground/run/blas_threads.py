"""How many BLAS threads the training process's steps take: one, or two where two are faster.

The process starts with one (``start``): beside the window a second thread only fought it for
the cores, and a step on the Playground's toy data is far too small to share. A run on images
(the MNIST tab) on a machine of four physical cores or more tries two: after ``WARM`` steps it takes
``BLOCK`` steps at one thread and ``BLOCK`` at two, ``ROUNDS`` times, and keeps two only where
their median step is at least 5% shorter (``MARGIN``); else one. Measured, not assumed, because
machines disagree, and even processes on one machine: on a quiet 16-core Xeon two threads made
an MNIST epoch 9% (SGD) to 29% (Adam) faster (issue 31); on a 2-vCPU VM, blocks of 50 steps
alternating over 4,000 steps of the MNIST tab's network found two threads 10% faster in one
process and 24% slower in the next, each process steady throughout. The trial takes about a
quarter of a second of training, once per network shape and batch size in a process.

``PLAYGROUND_BLAS_THREADS=N`` fixes the count for runs on images; ``=trial`` tries two on any
machine (to see the trial on a small one). threadpoolctl sets the count of the BLAS numpy
loaded, while the process runs (OpenBLAS, MKL, BLIS; where it finds none it can set, one).
The learner's own code keeps one thread. The count is set from the process's main thread, where
its steps run: OpenBLAS keeps a count set from another thread to that thread. Qt-free.
"""

from __future__ import annotations

import os
import statistics
import time
from collections.abc import Callable

import psutil

SETTING = "PLAYGROUND_BLAS_THREADS"
MIN_CORES = 4  # fewer: the window and the process need a core each, nothing is left to share
WARM, BLOCK, ROUNDS = 50, 50, 4  # steps: the first run warm, then each count's blocks
MARGIN = 0.95  # two threads are kept only when their median step is 5% shorter or more
TRIED = 2


def _blas_setter() -> Callable[[int], None] | None:
    """Sets the BLAS threads of the libraries numpy loaded, or None where none can be set."""
    from threadpoolctl import ThreadpoolController

    blas = ThreadpoolController().select(user_api="blas")
    if not blas.lib_controllers:
        return None
    return lambda n: blas.limit(limits=n)


def usable_cores() -> int:
    """The physical cores this process may run on: a laptop's 2 cores of 4 hyperthreads count
    2 (a second BLAS thread there shares a core with the window's thread), and an affinity
    narrower than the machine counts as it is."""
    logical = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else \
        os.cpu_count() or 1
    return min(logical, psutil.cpu_count(logical=False) or logical)


class BlasThreads:
    """The training process's choice. ``begin(eligible, shape)`` as a step generator starts
    (``shape`` says what was tried already), ``step()`` after each training step."""

    def __init__(self, cores: int | None = None, setting: str | None = None,
                 clock: Callable[[], float] = time.perf_counter,
                 setter: Callable[[], Callable[[int], None] | None] = _blas_setter) -> None:
        cores = usable_cores() if cores is None else cores
        setting = os.environ.get(SETTING, "") if setting is None else setting
        self.fixed = int(setting) if setting.isdigit() and int(setting) > 0 else None
        self.tries = self.fixed is None and (setting == "trial" or cores >= MIN_CORES)
        self._clock, self._make_setter = clock, setter
        self._set: Callable[[int], None] | bool | None = None  # False: none can be set
        self.threads = 1  # as the process started
        self.chosen: dict[object, int] = {}  # shape: the count its trial kept
        self._shape: object = None
        self._times: dict[int, list[float]] | None = None  # the trial under way
        self._steps, self._last = 0, None

    def begin(self, eligible: bool, shape: object) -> None:
        """A step generator starts (a run, a resumed one, an edit): the count for its steps."""
        self._last = None  # the time since the last step is a pause's, not a step's
        if not eligible or not (self.fixed or self.tries):
            want = 1
        elif self.fixed:
            want = self.fixed
        elif shape in self.chosen:
            want = self.chosen[shape]
        else:
            self._try(shape)
            return
        self._times = None  # a trial left unfinished starts again when its shape comes back
        self._use(want)

    def _try(self, shape: object) -> None:
        if shape == self._shape and self._times is not None:
            return  # the trial a pause or an edit interrupted goes on
        self._use(1)
        self._shape, self._steps = shape, 0
        self._times = {1: [], TRIED: []} if self._can_set() else None
        if self._times is None:
            self.chosen[shape] = 1  # no BLAS whose threads can be set: nothing to try

    def step(self) -> None:
        """A training step ended: time it for the trial under way, if any."""
        if self._times is None:
            return
        now = self._clock()
        if self._last is not None and self._steps >= WARM:
            self._times[self.threads].append(now - self._last)
        self._last, self._steps = now, self._steps + 1
        done = self._steps - WARM
        if done >= 2 * BLOCK * ROUNDS:
            self._decide()
        elif done >= 0:
            self._use(TRIED if (done // BLOCK) % 2 else 1)

    def _decide(self) -> None:
        one, two = (statistics.median(self._times[n]) for n in (1, TRIED))
        self.chosen[self._shape] = TRIED if two <= MARGIN * one else 1
        self._times = None
        self._use(self.chosen[self._shape])

    def _can_set(self) -> bool:
        """Whether a BLAS whose threads can be set is loaded (looked for once)."""
        if self._set is None:
            self._set = self._make_setter() or False
        return bool(self._set)

    def _use(self, n: int) -> None:
        if n != self.threads and self._can_set():
            self._set(n)
            self.threads = n
