"""Training as a generator: ``train_steps`` yields an immutable ``Snapshot`` after every step and
one more (``epoch_end=True``, with metrics and a copy of the weights) at the end of each epoch.

The caller decides what to do between steps (draw, pause, stop by breaking out). ``TrainConfig`` is
read again at every step, so a new learning rate, regularization, optimizer or batch size set by
another thread takes effect at the next step. A non-finite loss or gradient, or a loss a thousand
times its first, stops the run and puts back the last weights whose loss was sane (within ten
times the first).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import NamedTuple

import numpy as np

from playground.nn.batches import Batches
from playground.nn.dropout import generator as dropout_generator
from playground.nn.early_stop import BestEpoch
from playground.nn.metrics import evaluate_with_predictions, target_classes
from playground.nn.network import DIVERGED, Network
from playground.nn.optim import OPTIMIZERS, SGD, make_optimizer
from playground.nn.schedule import Rates, parse_schedule
from playground.phrase import QT_TRANSLATE_NOOP, Phrase, phrase

Array = np.ndarray
SUMMED_STEP = "no-learning-rate"
# A run whose batch loss passes DIVERGED_FACTOR times its first (floored at LOSS_FLOOR) has blown
# up even while the loss stays finite: at lr 1e6 a tanh or sigmoid net sat at a loss of 1e4-1e6
# and chance accuracy for ever. Weights are "sane" while the loss stays within SANE_FACTOR of it.
DIVERGED_FACTOR = 1e3
SANE_FACTOR = 10.0
LOSS_FLOOR = 0.1
MAX_EPOCHS = 10**9  # the app's endless run; more is no setting anyone means


@dataclass
class TrainConfig:
    """What ``train_steps`` reads; ``lr``, ``l1``, ``l2``, ``optimizer`` and ``batch_size`` live."""

    optimizer: str = "sgd"
    lr: float = 0.1
    batch_size: int = 32
    epochs: int = 100
    seed: int | None = 0
    l1: float = 0.0
    l2: float = 0.0
    momentum: float = 0.9
    shuffle: bool = True
    schedule: str = "constant"  # the rate per epoch (nn.schedule): step:F:N, exp:D, cosine:MIN[:N]
    warmup: int = 0  # epochs of linear warm-up in front of the schedule
    early_stop: int = 0  # stop once the test loss has not improved for this many epochs; 0: never

    def validate(self) -> None:
        """ValueError naming the first setting that cannot work, whatever its type (a model or
        settings file may hold anything: "fast", -inf, 2**80)."""
        if not isinstance(self.optimizer, str) or self.optimizer not in OPTIMIZERS:
            raise ValueError(f"unknown optimizer {self.optimizer!r}; choose one of "
                             f"{', '.join(OPTIMIZERS)}")
        if not (_number(self.lr) and self.lr > 0):
            raise ValueError(f"the learning rate must be a positive number, not {self.lr!r}")
        if not (_whole(self.batch_size) and self.batch_size >= 1):
            raise ValueError(f"the batch size must be a whole number of at least 1, not "
                             f"{self.batch_size!r}")
        if not (_whole(self.epochs) and 0 <= self.epochs <= MAX_EPOCHS):
            raise ValueError(f"epochs must be a whole number from 0 to {MAX_EPOCHS:,}, not "
                             f"{self.epochs!r}")
        for name in ("l1", "l2"):
            value = getattr(self, name)
            if not (_number(value) and value >= 0):
                raise ValueError(f"{name} must be 0 or a positive number, not {value!r}")
        if not (_number(self.momentum) and 0 <= self.momentum < 1):
            raise ValueError(f"the momentum must lie in [0, 1), not {self.momentum!r}")
        if not (self.seed is None or _whole(self.seed) and 0 <= self.seed < 2**63):
            raise ValueError(f"the seed must be a whole number, 0 or more, not {self.seed!r}")
        if not isinstance(self.shuffle, bool | np.bool_):
            raise ValueError(f"shuffle must be true or false, not {self.shuffle!r}")
        parse_schedule(self.schedule, self.warmup)
        if not (_whole(self.early_stop) and 0 <= self.early_stop <= MAX_EPOCHS):
            raise ValueError(f"early stopping's patience must be a whole number of epochs, 0 "
                             f"(off) or more, not {self.early_stop!r}")


def step_size(config: TrainConfig, bugs: frozenset[str] | set[str], batch: int) -> float:
    """The rate the steps are really taken at: the bug lab's no-learning-rate adds the gradient
    summed over the batch, a step of the mean gradient times ``batch``."""
    return float(batch) if SUMMED_STEP in bugs else float(config.lr)


def _number(value: object) -> bool:
    """A finite real number (not a bool, not a string, not an int past float's range)."""
    if not isinstance(value, int | float | np.integer | np.floating) or \
            isinstance(value, bool | np.bool_):
        return False
    try:
        return bool(np.isfinite(float(value)))
    except OverflowError:
        return False


def _whole(value: object) -> bool:
    """A finite whole number (5 or 5.0)."""
    return _number(value) and float(value).is_integer()


@dataclass
class OptimizerState:
    """The optimizer a run steps with. Whoever keeps this object across runs (the training
    process does) keeps the optimizer's state too: momentum and Adam's moments go on where a new
    run starts, after an edit of the network or the data."""

    optimizer: SGD | None = None


class Snapshot(NamedTuple):
    """The state after one step. Metrics and a copy of the weights come at the end of each epoch.

    ``grad_norms`` holds ‖∂L/∂W‖ per layer for this step; ``lr`` the rate the step was taken at
    (the schedule's). ``stop_reason`` is set on the last snapshot of a run that blew up (a loss
    that turned non-finite or grew a thousandfold); its ``params`` are the restored ones, the
    last whose loss was sane. ``early_stop`` is set on the last epoch of a run that early
    stopping ended, with ``best_epoch``; its ``params`` are that epoch's.
    Immutable; a NamedTuple because one is made per step and it builds 4x faster than a frozen
    dataclass (measured: 0.9 against 3.6 µs).
    """

    epoch: int  # 1-based epoch this step belongs to
    step: int  # steps taken so far in the run
    batch_loss: float
    lr: float
    grad_norms: tuple[float, ...]
    epoch_end: bool = False
    train_loss: float | None = None  # mean of the epoch's batch losses
    train_accuracy: float | None = None  # share of the epoch's samples classified right
    test_loss: float | None = None
    test_accuracy: float | None = None
    params: tuple[dict[str, Array], ...] | None = None
    stop_reason: Phrase | None = None
    test_predicted: Array | None = None  # at an epoch's end: each test sample's class by params
    early_stop: Phrase | None = None  # the sentence saying where it stopped and what is kept
    best_epoch: int | None = None  # with early_stop: the epoch whose weights are kept


def grad_norms(net: Network) -> tuple[float, ...]:
    """‖∂L/∂W‖ per layer of ``net``'s last training pass."""
    with np.errstate(**DIVERGED):  # exploding gradients give inf here; the caller checks that
        return tuple(float(np.sqrt(np.dot(g["W"].ravel(), g["W"].ravel()))) for g in net.grads)


def _regularize(net: Network, l1: float, l2: float) -> None:
    """Add the gradient of l1·Σ|W| + ½·l2·Σ W² (weights only, not biases) to ``net.grads``."""
    for p, g in zip(net.params, net.grads, strict=True):
        if l2:
            g["W"] += p["W"].dtype.type(l2) * p["W"]
        if l1:
            g["W"] += p["W"].dtype.type(l1) * np.sign(p["W"])


def train_steps(net: Network, x: Array, y: Array, config: TrainConfig,
                x_test: Array | None = None, y_test: Array | None = None,
                transform: Callable[[Array], Array] | None = None,
                keep: OptimizerState | None = None,
                pixels: bool = False, norms: bool = True, start_epoch: int = 0,
                best: BestEpoch | None = None) -> Iterator[Snapshot]:
    """Train ``net`` in place on x (n, input_dim) and targets y, yielding a Snapshot per step.

    ``y`` is what ``net``'s loss expects (see ``Network.encode_targets``). Test metrics are computed
    at the end of each epoch when ``x_test`` and ``y_test`` are given. ``transform`` maps each
    training batch (b, input_dim) to a new one of the same shape (augmentation); it never sees
    the test data. The weight arrays in ``net.params`` alternate between two buffers from one
    step to the next, so read them from ``net.params`` rather than keep a reference. ``keep``
    carries the optimizer from an earlier run (and receives this run's). ``pixels``: x is
    uint8 images (n, input_dim), scaled to [0, 1] batch by batch (``nn.batches``); the test
    inputs are given as inputs already. ``norms`` False: the step snapshots leave
    ``grad_norms`` empty (an epoch's last has them) and the divergence check looks at the
    deltas instead, for whoever computes the norms only when it shows them (``grad_norms``):
    reading the weight gradients again cost 4% of an MNIST step (measured against the matmul
    bound, one BLAS thread, ten rounds). ``start_epoch``: epochs the network trained before
    this call in the same run (a resumed run): the schedule and early stopping count from it,
    the snapshots' ``epoch`` from 1 still. ``best`` carries early stopping's watch from an
    earlier call (and receives this one's).
    """
    config.validate()
    if pixels:
        x = np.ascontiguousarray(x)
        if x.dtype != np.uint8 or x.ndim != 2 or x.shape[1] != net.input_dim:
            raise ValueError(f"pixels must be uint8 of shape (n, {net.input_dim}), got "
                             f"{x.dtype} {x.shape}")
    else:
        x = np.ascontiguousarray(net.check_inputs(x))
    y = net.check_targets(y, x.shape[0])
    if x.shape[0] == 0:
        raise ValueError("there are no training samples")
    batches = Batches(x, y, target_classes(net, y), config.shuffle, config.seed,
                      net.dtype if pixels else None,
                      skip=pixels and transform is None and net.skips_columns)
    if net.dropping:  # its masks follow from the run's seed, as the batches do
        net.dropout_rng = dropout_generator(config.seed)
    keep = keep or OptimizerState()
    if keep.optimizer is None:
        keep.optimizer = make_optimizer(config.optimizer, config.lr, config.momentum)
    run = _Run(net, keep, config, norms, start_epoch, best)
    for epoch in range(1, int(config.epochs) + 1):
        run.start_epoch()
        for xb, yb, lb, columns in batches.epoch(config):
            if transform is not None:
                xb = np.ascontiguousarray(transform(xb), dtype=net.dtype)
            yield run.one_step(epoch, xb, yb, lb, columns)
            if run.stopped:
                return
        yield run.epoch_snapshot(epoch, x_test, y_test)
        if run.stopped:
            return


class _Run:
    """The state of one ``train_steps`` run: optimizer, step count, last finite weights."""

    def __init__(self, net: Network, keep: OptimizerState, config: TrainConfig,
                 norms: bool = True, start_epoch: int = 0,
                 best: BestEpoch | None = None) -> None:
        self.net, self.keep, self.config = net, keep, config
        self.norms = norms
        self.before, self.horizon = start_epoch, start_epoch + int(config.epochs)
        self.rates, self.best = Rates(), best or BestEpoch()
        self.opt = keep.optimizer
        self.opt_name = self.opt.name
        self.step = 0
        self.stopped = False
        self.params = net.flat_params()
        self.grads = net.flat_grads()
        # Two sets of weights: each step writes the new ones into the other set and the network
        # adopts it, so the weights before the step stay as they were, ready to be put back if the
        # next loss is not finite (a copy per step cost 5% of an MNIST step).
        self.previous = [p.copy() for p in self.params]
        self.sane = [p.copy() for p in self.params]  # the last weights known to have a sane loss
        self.start_loss: float | None = None
        self.last_loss = 0.0  # the loss of the weights in ``previous``, once a step is taken
        self.slots = net.param_slots()
        self.loss_sum = 0.0
        self.correct = 0
        self.seen = 0

    def _sync_optimizer(self, batch: int, epoch: int) -> None:
        cfg = self.config
        if SUMMED_STEP in self.net.bugs:  # the bug lab: weights += the gradient summed
            if self.opt_name != SUMMED_STEP:
                self.opt, self.opt_name = SGD(1.0), SUMMED_STEP
                self.keep.optimizer = self.opt
            self.opt.lr = float(batch)  # the mean gradient times the batch size is the sum
            return
        if cfg.optimizer != self.opt_name:
            self.opt = make_optimizer(cfg.optimizer, cfg.lr, cfg.momentum)
            self.opt_name = cfg.optimizer
            self.keep.optimizer = self.opt
        self.opt.lr = self.rates.rate(cfg.schedule, cfg.warmup, cfg.lr, self.before + epoch,
                                      self.horizon)

    def start_epoch(self) -> None:
        self.loss_sum, self.correct, self.seen = 0.0, 0, 0

    def one_step(self, epoch: int, xb: Array, yb: Array, lb: Array,
                 columns: Array | None = None) -> Snapshot:
        net = self.net
        loss, out = net.train_pass(xb, yb, columns)
        if self.norms:
            norms = grad_norms(net)
            finite = bool(np.isfinite(sum(norms)))
        else:  # the deltas (batch × units) are finite exactly when the gradients are, short of
            norms = ()  # an overflow in the matmul that the next loss shows at once
            finite = net.deltas_finite(xb.shape[0])
        self.step += 1
        if self.start_loss is None:
            self.start_loss = max(float(loss), LOSS_FLOOR) if np.isfinite(loss) else LOSS_FLOOR
        if not (np.isfinite(loss) and finite) or loss > DIVERGED_FACTOR * self.start_loss:
            return self._stop(epoch, loss, norms, finite)
        self.last_loss = loss
        self.loss_sum += loss * xb.shape[0]
        self.correct += int(np.count_nonzero(net.classes_from_outputs(out) == lb))
        self.seen += xb.shape[0]
        self._sync_optimizer(xb.shape[0], epoch)
        if self.config.l1 or self.config.l2:
            _regularize(net, self.config.l1, self.config.l2)
        self.opt.step(self.params, self.grads, out=self.previous)
        self._swap()
        return Snapshot(epoch, self.step, loss, self.opt.lr, norms)

    def _swap(self) -> None:
        """The other set of weights becomes the network's (same shapes: no checks, 1 µs)."""
        self.params, self.previous = self.previous, self.params
        for (layer, key), array in zip(self.slots, self.params, strict=True):
            layer[key] = array

    def _sane(self, loss: float) -> bool:
        return loss <= SANE_FACTOR * (self.start_loss or LOSS_FLOOR)

    def _stop(self, epoch: int, loss: float, norms: tuple[float, ...],
              finite: bool) -> Snapshot:
        self.stopped = True
        if self.step > 1 and self._sane(self.last_loss):
            self._swap()  # back to the weights before the last step
        else:  # those had blown up too: back to the last sane ones
            for (layer, key), array in zip(self.slots, self.sane, strict=True):
                layer[key] = array
        if not np.isfinite(loss):
            what = phrase("Training", QT_TRANSLATE_NOOP("Training", "the loss became {loss}"),
                          loss=str(loss))
        elif not finite:
            what = phrase("Training", QT_TRANSLATE_NOOP("Training",
                                                        "the gradient became inf or nan"))
        else:
            what = phrase("Training", QT_TRANSLATE_NOOP(
                "Training", "the loss grew to {loss:.3g}, over {factor:g} times its start"),
                loss=loss, factor=DIVERGED_FACTOR)
        reason = phrase("Training", QT_TRANSLATE_NOOP(
            "Training", "{what} (learning rate {lr:g}); the last weights with a sane loss were "
            "restored"), what=what, lr=self.opt.lr)
        return Snapshot(epoch, self.step, loss, self.opt.lr, norms,
                        params=tuple(self.net.copy_params()), stop_reason=reason)

    def epoch_snapshot(self, epoch: int, x_test: Array | None,
                       y_test: Array | None) -> Snapshot:
        test_loss = test_acc = predicted = None
        if x_test is not None and y_test is not None and len(x_test):
            test_loss, test_acc, predicted = evaluate_with_predictions(self.net, x_test, y_test)
        if self.step and self._sane(self.last_loss):
            # the weights whose loss is known: those before the epoch's last step
            self.sane = [p.copy() for p in self.previous]
        norms = grad_norms(self.net)
        stop = self._watch(epoch, test_loss)
        if stop is not None:  # the predictions go with the weights kept
            predicted = evaluate_with_predictions(self.net, x_test, y_test)[2]
        return Snapshot(
            epoch, self.step, self.loss_sum / max(1, self.seen), self.opt.lr, norms,
            epoch_end=True, train_loss=self.loss_sum / max(1, self.seen),
            train_accuracy=self.correct / max(1, self.seen),
            test_loss=test_loss, test_accuracy=test_acc,
            params=tuple(self.net.copy_params()), test_predicted=predicted,
            early_stop=stop, best_epoch=None if stop is None else self.best.epoch,
        )

    def _watch(self, epoch: int, test_loss: float | None) -> Phrase | None:
        """Early stopping at the end of ``epoch``: once the test loss has not improved for
        the patience, the best epoch's weights go back and the sentence says so."""
        patience = int(self.config.early_stop)
        if not patience or test_loss is None:
            return None
        at = self.before + epoch
        self.best.see(at, test_loss, self.net)
        if not self.best.stale(at, patience):
            return None
        self.best.restore(self.net)
        self.stopped = True
        return self.best.sentence(at)
