"""The monitor's side of a session: the numbers of the network on display and what they mean.

``Diagnosis(session)`` measures the weights on display on a sample of the training data
(``health``), says whether the run is blowing up while its loss is still finite (``diverging``),
turns the numbers into findings (``findings``) and checks the gradients by finite differences
(``gradient_check``). It reads the session and changes nothing in it.
"""

from __future__ import annotations

import warnings
from typing import TYPE_CHECKING

import numpy as np

from playground.nn import GradCheckResult, check_gradients
from playground.nn.health import Finding, LayerHealth, diagnose, is_diverging, measure
from playground.nn.train import step_size

if TYPE_CHECKING:
    from playground.gui.sessions.base import TrainingSession

HEALTH_SAMPLES = 256
CHECK_SAMPLES = 8
CHECK_PER_LAYER = 200  # weights per layer the gradient check nudges


class Diagnosis:
    def __init__(self, session: TrainingSession) -> None:
        self.s = session

    def health(self) -> tuple[LayerHealth, ...] | None:
        """The monitor's per-layer numbers for the weights on display."""
        s = self.s
        batch = s.sample_batch(HEALTH_SAMPLES)
        if batch is None:
            return None
        # a frame sent across an edit has no norms: none shown, rather than the old network's;
        # nor while the timeline shows an epoch of the past (the frame's are the run's now)
        grads = (s.frame.snapshot.grad_norms or None) if s.frame is not None and \
            not s.timeline.replaying else None
        return measure(s.net, s.display_params(), batch[0], grads)

    def diverging(self) -> bool:
        """Whether the run on display is blowing up (exploded weights, a loss far above its
        start) while its loss is still finite, so that nothing stopped it."""
        if self.s.timeline.replaying:  # an epoch of the past: the run is paused
            return False
        health = self.health()
        return health is not None and is_diverging(health, self.losses_since_change())

    def losses_since_change(self) -> np.ndarray:
        """The epoch losses since the network or its settings last changed (up to the epoch
        the timeline shows, and since the last edit before it, while it shows one)."""
        s = self.s
        at = s.timeline.at
        if at is None:
            return s.history.after("train_loss", s.changed_at)
        since = max([epoch for epoch, _ in s.marks if epoch <= at], default=0)
        epochs = s.history.array("epoch")
        return s.history.array("train_loss")[(epochs > since) & (epochs <= at)]

    def findings(self, health: tuple[LayerHealth, ...],
                 grad_check: GradCheckResult | None = None) -> list[Finding]:
        s = self.s
        has_bias = not s.arch.has_bug("no-bias")
        now = not s.timeline.replaying  # the run's stop and overflows are not a past epoch's
        overflows = s.frame.overflows if s.frame is not None and now else 0
        lr = step_size(s.config, s.net.bugs, int(s.config.batch_size))
        return diagnose(health, self.losses_since_change(), s.net.bugs, has_bias,
                        s.arch.init, s.stop_reason if now else None, overflows, grad_check,
                        lr=lr)

    def gradient_check(self) -> GradCheckResult | None:
        """Finite differences on the weights on display and a few training samples (a sample
        of each wide layer's weights, so that it takes a moment)."""
        batch = self.s.sample_batch(CHECK_SAMPLES)
        if batch is None:
            return None
        net = self.s.displayed_network()
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", RuntimeWarning)  # a naive sigmoid's overflow
            return check_gradients(net, *batch, max_per_layer=CHECK_PER_LAYER)

    def metrics_shown(self) -> dict[str, float | None]:
        """Loss and accuracy of the weights on display: the latest epoch's, or after an edit
        those measured now where that is quick (``measure_now``); all None where not."""
        s = self.s
        if s.timeline.replaying:  # the shown epoch's own numbers, when its row is kept
            return s.history.at(s.timeline.at) or s.measure_now() or dict.fromkeys(
                ("train_loss", "test_loss", "train_accuracy", "test_accuracy"))
        if s.kept_epoch is not None and not s.weights_edited:  # early stopping's pick
            return s.history.at(s.kept_epoch) or s.measure_now() or dict.fromkeys(
                ("train_loss", "test_loss", "train_accuracy", "test_accuracy"))
        if not s.weights_edited:
            return s.history.latest_metrics()
        return s.measure_now() or dict.fromkeys(
            ("train_loss", "test_loss", "train_accuracy", "test_accuracy"))
