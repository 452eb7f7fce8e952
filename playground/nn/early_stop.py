"""Early stopping: stop when the test loss has not improved for ``patience`` epochs, and keep
the weights of the epoch where it was lowest.

``BestEpoch`` is the watch: the lowest test loss seen, its epoch and a copy of its weights.
Whoever keeps one across runs (the training process keeps one per run, through pauses and
edits of the settings) keeps the watch going; a fresh one starts it again.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np

from playground.nn.network import Network
from playground.phrase import QT_TRANSLATE_NOOP, Phrase, phrase

Array = np.ndarray
REASON = "early-stop"  # what train --json says stopped the run


@dataclass
class BestEpoch:
    """The epoch with the lowest test loss so far (strictly lower than every earlier one)."""

    loss: float = math.inf
    epoch: int = 0
    params: list[dict[str, Array]] = field(default_factory=list)

    def see(self, epoch: int, test_loss: float, net: Network) -> None:
        """Epoch ``epoch`` ended with ``test_loss``: keep its weights if it is the best yet.
        A network of another shape than the kept weights' (an edit) starts the watch again."""
        shapes = [{k: v.shape for k, v in p.items()} for p in net.params]
        if self.params and shapes != [{k: v.shape for k, v in p.items()} for p in self.params]:
            self.loss, self.params = math.inf, []
        if math.isfinite(test_loss) and test_loss < self.loss:
            self.loss, self.epoch, self.params = test_loss, epoch, net.copy_params()

    def stale(self, epoch: int, patience: int) -> bool:
        """Whether ``patience`` epochs have passed since the best one, at the end of ``epoch``."""
        return bool(self.params) and patience > 0 and epoch - self.epoch >= patience

    def restore(self, net: Network) -> None:
        """Put the best epoch's weights back into ``net``."""
        net.set_params(self.params)

    def sentence(self, epoch: int) -> Phrase:
        return sentence(epoch, self.epoch)


def sentence(epoch: int, best: int) -> Phrase:
    """What early stopping says when it ends a run at ``epoch``, keeping epoch ``best``."""
    return phrase("Training", QT_TRANSLATE_NOOP(
        "Training", "stopped at epoch {epoch}: the test loss last improved at {best}; the "
        "weights of epoch {best} are kept"), epoch=f"{epoch:,}", best=f"{best:,}")
