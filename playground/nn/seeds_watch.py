"""Early stopping for a stack of networks (``nn.seeds``): each copy keeps its own watch, as
``nn.early_stop`` keeps one for a network training alone."""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from playground.nn.seeds import _StackRun

Array = np.ndarray


class StackWatch:
    """Per network of the stack: its lowest test loss so far, the epoch of it, and its weights
    then (the stack's arrays, networks on axis 1); ``stopped`` the networks it ended."""

    def __init__(self, n: int, patience: int) -> None:
        self.patience = patience
        self.loss = np.full(n, np.inf)
        self.epoch = np.zeros(n, dtype=np.int64)
        self.stopped = np.zeros(n, dtype=bool)
        self.params: list[Array] | None = None
        self.tested: tuple[int, Array, Array] | None = None  # an epoch's test loss and accuracy

    def see(self, epoch: int, test_loss: Array, params: list[Array], live: Array) -> Array:
        """Epoch ``epoch`` ended with these test losses (N,): each live network whose loss is
        its lowest yet keeps its weights; those whose loss has not improved for the patience
        get their best epoch's weights back in ``params``. Returns the latter (bool, N)."""
        better = live & np.isfinite(test_loss) & (test_loss < self.loss)
        if self.params is None:
            self.params = [p.copy() for p in params]
        elif better.any():
            for kept, now in zip(self.params, params, strict=True):
                kept[:, better] = now[:, better]
        self.loss[better], self.epoch[better] = test_loss[better], epoch
        stale = live & (self.epoch > 0) & (epoch - self.epoch >= self.patience)
        if stale.any():
            for now, kept in zip(params, self.params, strict=True):
                now[:, stale] = kept[:, stale]
            self.stopped |= stale
        return stale

    def after_epoch(self, run: _StackRun, epoch: int, x: Array, y: Array, x_test: Array,
                    y_test: Array) -> None:
        """The stack's test losses after ``epoch`` seen (``see``): a network whose patience ran
        out stops, with its best epoch's weights and their numbers on the training set. The
        test numbers of the weights the stack ends the epoch with stay in ``tested``, for the
        epoch's report."""
        tested = run.stack.evaluate(x_test, y_test)
        stale = self.see(epoch, tested[0], run.params, ~run.frozen)
        if stale.any():
            loss, accuracy = run.stack.evaluate(x, y)
            run.train_loss[stale], run.train_accuracy[stale] = loss[stale], accuracy[stale]
            run.frozen |= stale
            run.any_frozen = True
            tested = run.stack.evaluate(x_test, y_test)  # some weights went back
        self.tested = (epoch, *tested)
