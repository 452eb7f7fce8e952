"""Many runs of one network at once: seeds, or a learning rate swept over seeds.

``sweep`` builds one network per (learning rate, seed), trains them together in a
``SeedStack`` and reports each run's final numbers: what ``playground sweep`` prints and the
window's seed grid shows. A run is *solved* when it classifies every training point right.
Qt-free.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from playground.nn import Network, TrainConfig
from playground.nn.seeds import SeedsEpoch, SeedStack, train_seeds

Array = np.ndarray
MAX_RUNS = 10_000  # networks in one stack: memory grows with it, the window shows 100


@dataclass(frozen=True)
class SweepRun:
    seed: int
    lr: float
    train_loss: float
    train_accuracy: float | None  # None for a regression
    test_accuracy: float | None
    stopped: bool  # its loss blew up: the weights are the last sane ones
    best_epoch: int | None = None  # early stopping ended it: the epoch whose weights it kept

    def to_json(self) -> dict:
        return {"seed": self.seed, "lr": self.lr, "train_loss": self.train_loss,
                "train_accuracy": self.train_accuracy, "test_accuracy": self.test_accuracy,
                **({"best_epoch": self.best_epoch} if self.best_epoch else {})}


@dataclass(frozen=True)
class SweepResult:
    runs: list[SweepRun]
    stack: SeedStack
    seconds: float

    @property
    def solved(self) -> int:
        return sum(r.train_accuracy == 1.0 for r in self.runs)

    def to_json(self) -> dict:
        return {"runs": [r.to_json() for r in self.runs], "solved": self.solved,
                "seconds": round(self.seconds, 3)}


def grid(seeds: Sequence[int], lrs: Sequence[float] | None, lr: float) -> list[tuple[float, int]]:
    """(learning rate, seed) of every run: each rate over every seed, in that order."""
    rates = list(lrs) if lrs else [lr]
    for rate in rates:
        if not (np.isfinite(rate) and rate > 0):
            raise ValueError(f"a learning rate must be a positive number, not {rate}")
    runs = [(rate, seed) for rate in rates for seed in seeds]
    if not 1 <= len(runs) <= MAX_RUNS:
        raise ValueError(f"a sweep has 1 to {MAX_RUNS:,} runs, not {len(runs):,}")
    return runs


def sweep(build: Callable[[int], Network], runs: Sequence[tuple[float, int]], x: Array,
          y: Array, config: TrainConfig, x_test: Array | None = None,
          y_test: Array | None = None, classify: bool = True,
          on_epoch: Callable[[SeedsEpoch], None] | None = None,
          every: int = 1) -> SweepResult:
    """Train a network ``build(seed)`` per run, all at once; ``on_epoch`` after every
    ``every`` epochs (it may raise to stop early)."""
    stack = SeedStack([build(seed) for _, seed in runs], lrs=[lr for lr, _ in runs])
    start = time.perf_counter()
    last = None
    for epoch in train_seeds(stack, x, y, config, x_test, y_test, every):
        last = epoch
        if on_epoch is not None:
            on_epoch(epoch)
    seconds = time.perf_counter() - start
    return SweepResult(_final(stack, runs, x, y, x_test, y_test, classify, last), stack,
                       seconds)


def _final(stack: SeedStack, runs: Sequence[tuple[float, int]], x: Array, y: Array,
           x_test: Array | None, y_test: Array | None, classify: bool,
           last: SeedsEpoch | None) -> list[SweepRun]:
    """Each run's loss and accuracy with its final weights, as ``playground train`` reports
    them (``evaluate`` on the whole training and test sets)."""
    loss, accuracy = stack.evaluate(x, y)
    test = stack.evaluate(x_test, y_test)[1] if x_test is not None and len(x_test) else None
    stopped = last.stopped if last is not None else np.zeros(stack.n, dtype=bool)
    early = last is not None and last.early is not None
    return [SweepRun(seed, lr, float(loss[i]),
                     float(accuracy[i]) if classify else None,
                     float(test[i]) if classify and test is not None else None,
                     bool(stopped[i]),
                     int(last.best_epoch[i]) if early and last.early[i] else None)
            for i, (lr, seed) in enumerate(runs)]
