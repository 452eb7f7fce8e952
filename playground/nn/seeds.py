"""Many networks of one shape trained at once: seeds (and learning rates) side by side.

``SeedStack`` holds N networks' weights stacked, ``W`` (in, N, out) and ``b`` (1, N, out), and
``train_seeds`` steps all of them in one pass: a matrix product per layer and direction,
per-network losses and metrics. Every network sees the same batches in the
same order (the config's seed shuffles, as in ``train_steps``), so network i ends with the
weights that training it alone gives, bug-lab switches included (float64: equal to rounding).

As in ``train_steps``, a network whose loss or gradient turns non-finite, or whose loss passes
a thousand times its start, stops and gets back its last sane weights; the others train on.
A schedule (each network's rate through it), dropout (one mask a layer and step, the one
training alone draws from the config's seed, shared by every network) and early stopping
(each network its own watch, ``nn.seeds_watch``) train here as there. Qt-free.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import numpy as np

from playground.nn.batches import Batches
from playground.nn.dropout import draw_masks
from playground.nn.dropout import generator as dropout_generator
from playground.nn.network import DIVERGED, Network
from playground.nn.optim import make_optimizer
from playground.nn.schedule import Rates
from playground.nn.seed_losses import stack_loss_and_dz, stack_loss_values
from playground.nn.seeds_watch import StackWatch
from playground.nn.train import (
    DIVERGED_FACTOR,
    LOSS_FLOOR,
    SANE_FACTOR,
    SUMMED_STEP,
    TrainConfig,
    target_classes,
)

Array = np.ndarray


@dataclass(frozen=True)
class SeedsEpoch:
    """Every network's numbers after ``epoch``: arrays of N (a stopped network: its last)."""

    epoch: int
    train_loss: Array  # mean of the epoch's batch losses, as train_steps reports it
    train_accuracy: Array  # share of the epoch's samples classified right before each step
    stopped: Array  # bool: stopped itself (its loss blew up)
    test_loss: Array | None = None
    test_accuracy: Array | None = None
    early: Array | None = None  # bool: ended by early stopping, its best epoch's weights kept
    best_epoch: Array | None = None  # with early stopping: each network's best epoch so far


class SeedStack:
    """N networks of one architecture, their weights stacked on a middle axis: ``params[l]["W"]``
    is (in, N, out) and ``params[l]["b"]`` (1, N, out), activations are (n, N, units). In that
    layout the first layer, whose inputs every network shares, is one matrix product for all N
    (x (n, in) times W as (in, N·out)); so is its weight gradient; biases add without
    broadcasting over a short last axis (networks on the first axis: 112 µs a pass for 100
    2-2-1 nets, one small matmul each). ``lrs`` gives each network its own
    learning rate (None: the config's, read live; the same rate for all is kept as a number, not
    an array to broadcast)."""

    def __init__(self, nets: Sequence[Network], lrs: Sequence[float] | None = None) -> None:
        if not nets:
            raise ValueError("a stack needs at least one network")
        first = nets[0]
        for net in nets[1:]:
            if _shape(net) != _shape(first):
                raise ValueError(f"every network of a stack has one shape: {net} is not {first}")
        self.template = first.clone()  # activations (bugs applied), loss, thresholds
        self.threshold = 0.0 if first.output_activation == "tanh" else 0.5
        self.seeds = [net.seed for net in nets]
        self.n = len(nets)
        self.params = [{k: np.stack([net.params[i][k].reshape(-1, net.params[i][k].shape[-1])
                                     for net in nets], axis=1)
                        for k in first.params[i]} for i in range(len(first.params))]
        self.lrs = _rates(lrs, self.n)
        self.grads = [{k: np.zeros_like(v) for k, v in p.items()} for p in self.params]
        self._workspaces: dict[int, _Workspace] = {}

    # ----- the networks one by one --------------------------------------------------------------
    def network(self, i: int) -> Network:
        """Network ``i`` on its own, with its weights as they are now."""
        t = self.template
        net = Network(t.input_dim, list(t.layers), t.loss_name, t.init, self.seeds[i], t.dtype,
                      t.bugs)
        net.set_params([{k: v[:, i].reshape(mine[k].shape) for k, v in p.items()}
                        for mine, p in zip(net.params, self.params, strict=True)])
        return net

    def flat_params(self) -> list[Array]:
        return [p[k] for p in self.params for k in ("W", "b") if k in p]

    def flat_grads(self) -> list[Array]:
        return [g[k] for g in self.grads for k in ("W", "b") if k in g]

    # ----- passes -------------------------------------------------------------------------------
    def forward(self, x: Array) -> tuple[Array, Array]:
        """(z, a) of the output layer, (n, N, k) each, for inputs x (n, input_dim)."""
        a = np.ascontiguousarray(self.template.check_inputs(x))
        with np.errstate(**DIVERGED):
            for i, (p, act) in enumerate(zip(self.params, self.template.acts, strict=True)):
                z = np.empty((a.shape[0], self.n, p["W"].shape[2]), dtype=a.dtype)
                _layer(i, a, p["W"], z)
                if "b" in p:
                    z += p["b"]
                a = act.forward(_rows(z)).reshape(z.shape)
        return z, a

    def classes(self, out: Array) -> Array:
        """The class each network gives each row (n, N), as ``Network.classes_from_outputs``
        (for one output: bools, compared with labels 0 and 1)."""
        if out.shape[2] > 1:
            return out.argmax(axis=2)
        return out[:, :, 0] > self.threshold

    def evaluate(self, x: Array, y: Array) -> tuple[Array, Array]:
        """(loss, accuracy) of every network on x with targets y, arrays of N."""
        y = self.template.check_targets(y, x.shape[0])
        with np.errstate(**DIVERGED):
            z, a = self.forward(x)
            loss = stack_loss_values(self.template.loss_name, z, a, y)
        right = self.classes(a) == target_classes(self.template, y)[:, None]
        return loss, right.mean(axis=0)

    def _workspace(self, n: int) -> _Workspace:
        ws = self._workspaces.get(n)
        if ws is None:
            if len(self._workspaces) > 4:
                self._workspaces.clear()
            ws = _Workspace(n, self.n, [s.units for s in self.template.layers],
                            self.template.dtype)
            self._workspaces[n] = ws
        return ws

    def _pass(self, x: Array, y: Array) -> tuple[Array, Array]:
        """Every network's loss (N,) and gradients (into ``grads``) on the batch x (n, in) with
        targets y; returns (losses, outputs (n, N, k)), the outputs a workspace view. The
        caller holds np.errstate(**DIVERGED)."""
        ws = self._workspace(x.shape[0])
        net = self.template
        ws.masks = [None if m is None else m[:, None, :] for m in draw_masks(
            net.dropout_rng, net.layers, x.shape[0], net.dtype)] if net.dropping else ws.masks
        a = x
        for i, (p, act) in enumerate(zip(self.params, net.acts, strict=True)):
            _layer(i, a, p["W"], ws.z[i])
            if "b" in p:
                ws.z[i] += p["b"]
            act.forward(ws.z_rows[i], out=ws.a_rows[i])
            a = ws.fed[i] = ws.a[i] if ws.masks[i] is None else ws.a[i] * ws.masks[i]
        loss = stack_loss_and_dz(net.loss_name, ws, y, net.acts[-1])
        if "sign-flip" in net.bugs:
            np.negative(ws.dz[-1], out=ws.dz[-1])
        self._backward(x, ws)
        return loss, ws.a[-1]

    def _backward(self, x: Array, ws: _Workspace) -> None:
        for i in range(len(self.params) - 1, -1, -1):
            g, dz = self.grads[i], ws.dz[i]
            if i == 0:  # the inputs are shared: one matrix product for all networks
                np.matmul(x.T, _wide(dz), out=_wide(g["W"]))
            else:
                np.matmul(ws.fed[i - 1].transpose(1, 2, 0), dz.transpose(1, 0, 2),
                          out=g["W"].transpose(1, 0, 2))
            if "b" in g:
                np.add.reduce(dz, axis=0, keepdims=True, out=g["b"])
            if i > 0:
                np.matmul(dz.transpose(1, 0, 2), self.params[i]["W"].transpose(1, 2, 0),
                          out=ws.dz[i - 1].transpose(1, 0, 2))
                if ws.masks[i - 1] is not None:  # a dropped unit passes no gradient back
                    ws.dz[i - 1] *= ws.masks[i - 1]
                self.template.acts[i - 1].grad_mul(ws.dz_rows[i - 1], ws.z_rows[i - 1],
                                                   ws.a_rows[i - 1])


def _layer(i: int, a: Array, W: Array, out: Array) -> None:
    """z = a·W for every network into ``out`` (n, N, units): the first layer's inputs a (n, in)
    are shared, one product with W as (in, N·units); later ones are (n, N, in), one each."""
    if i == 0:
        np.matmul(a, _wide(W), out=_wide(out))
    else:
        np.matmul(a.transpose(1, 0, 2), W.transpose(1, 0, 2), out=out.transpose(1, 0, 2))


def _wide(a: Array) -> Array:
    """(rows, N, units) as (rows, N·units), a view."""
    return a.reshape(a.shape[0], -1)


class _Workspace:
    """z, a, ∂L/∂z per layer for a batch size, (n, N, units), and as rows (n·N, units)."""

    def __init__(self, n: int, stack: int, units: list[int], dtype: np.dtype) -> None:
        self.z, self.a, self.dz = ([np.empty((n, stack, u), dtype=dtype) for u in units]
                                   for _ in range(3))
        self.z_rows, self.a_rows, self.dz_rows = ([_rows(a) for a in arrays]
                                                  for arrays in (self.z, self.a, self.dz))
        self.masks: list[Array | None] = [None] * len(units)  # (n, 1, units): dropout's
        self.fed: list[Array] = list(self.a)  # what the next layer read: a, or a × its mask


def train_seeds(stack: SeedStack, x: Array, y: Array, config: TrainConfig,
                x_test: Array | None = None, y_test: Array | None = None,
                every: int = 1) -> Iterator[SeedsEpoch]:
    """Train every network of ``stack`` in place, as ``train_steps`` trains one; a
    ``SeedsEpoch`` after every ``every`` epochs, after the last, and when all have stopped."""
    config.validate()
    net = stack.template
    x = np.ascontiguousarray(net.check_inputs(x))
    y = net.check_targets(y, x.shape[0])
    if x.shape[0] == 0:
        raise ValueError("there are no training samples")
    run = _StackRun(stack, config)
    watch = StackWatch(stack.n, int(config.early_stop)) if config.early_stop and \
        x_test is not None and len(x_test) else None
    if net.dropping:  # the masks training one network alone draws
        net.dropout_rng = dropout_generator(config.seed)
    batches = Batches(x, y, target_classes(net, y), config.shuffle, config.seed)
    epochs = int(config.epochs)
    for epoch in range(1, epochs + 1):
        run.start_epoch()
        for xb, yb, lb, _ in batches.epoch(config):
            run.one_step(xb, yb, lb, epoch)
        run.end_epoch()
        if watch is not None:
            watch.after_epoch(run, epoch, x, y, x_test, y_test)
        done = run.any_frozen and bool(run.frozen.all())  # every network has stopped
        if epoch % every == 0 or epoch == epochs or done:
            yield run.report(epoch, x_test, y_test, watch)
        if done:
            return


class _StackRun:
    """The state of one ``train_seeds`` run, per network as ``train._Run`` keeps it for one."""

    def __init__(self, stack: SeedStack, config: TrainConfig) -> None:
        self.stack, self.config = stack, config
        self.opt = make_optimizer(config.optimizer, config.lr, config.momentum)
        self.summed = SUMMED_STEP in stack.template.bugs
        self.rates = Rates()
        # each network's rate in the weights' dtype, so no step converts it
        self.lrs = stack.lrs if not isinstance(stack.lrs, np.ndarray) else \
            stack.lrs.astype(stack.template.dtype)
        n = stack.n
        self.params, self.grads = stack.flat_params(), stack.flat_grads()
        self.slots = [(p, k) for p in stack.params for k in ("W", "b") if k in p]
        self.previous = [p.copy() for p in self.params]
        self.sane = [p.copy() for p in self.params]
        self.step = 0
        self.start_loss = np.full(n, LOSS_FLOOR)
        self.blown_at = self.sane_up_to = self.start_loss  # set at the first step
        self.last_loss = np.zeros(n)
        self.frozen = np.zeros(n, dtype=bool)
        self.any_frozen = False  # kept as a bool: asking the array costs a reduction a step
        self.loss_sum, self.correct, self.seen = np.zeros(n), np.zeros(n), 0
        self.train_loss, self.train_accuracy = np.full(n, np.nan), np.full(n, np.nan)

    def start_epoch(self) -> None:
        self.loss_sum[:], self.correct[:], self.seen = 0.0, 0.0, 0

    def one_step(self, xb: Array, yb: Array, lb: Array, epoch: int = 1) -> None:
        with np.errstate(**DIVERGED):
            loss, out = self.stack._pass(xb, yb)
            self.step += 1
            if self.step == 1:
                self.start_loss = np.where(np.isfinite(loss), np.maximum(loss, LOSS_FLOOR),
                                           LOSS_FLOOR)
                self.blown_at = DIVERGED_FACTOR * self.start_loss
                self.sane_up_to = SANE_FACTOR * self.start_loss
            ok = self._ok(loss)
            if self.any_frozen or not ok.all():
                blown = ~ok & ~self.frozen
                if blown.any():
                    self._stop(blown)
            self._count(loss, out, lb)
            self._update(xb.shape[0], epoch)

    def _ok(self, loss: Array) -> Array:
        """Per network, as train_steps checks one: a finite loss within a thousand times its
        start (a nan or inf compares false) and every layer's ‖∂L/∂W‖ finite. One sum of
        squares per layer first: finite, it bounds every network's."""
        ok = loss <= self.blown_at
        for g in self.stack.grads:
            if not math.isfinite(np.einsum("inj,inj->", g["W"], g["W"])):
                ok &= np.isfinite(np.einsum("inj,inj->n", g["W"], g["W"]))
        return ok

    def _count(self, loss: Array, out: Array, lb: Array) -> None:
        """The step's loss and right answers into the epoch's sums, for the networks still
        training."""
        batch = lb.shape[0]
        if self.any_frozen:
            live = ~self.frozen
            self.last_loss = np.where(live, loss, self.last_loss)
            self.loss_sum += np.where(live, loss, 0.0) * batch
        else:
            self.last_loss = loss
            self.loss_sum += loss * batch
        self.correct += (self.stack.classes(out) == lb[:, None]).sum(axis=0)
        self.seen += batch

    def _update(self, batch: int, epoch: int) -> None:
        cfg = self.config
        if self.summed:  # the bug lab: weights += the gradient summed over the batch
            self.opt.lr = float(batch)
        else:  # each network's rate through the schedule (its formulas take arrays too)
            self.opt.lr = self.rates.rate(cfg.schedule, cfg.warmup, cfg.lr if self.lrs is None
                                          else self.lrs, epoch, int(cfg.epochs))
        if cfg.l1 or cfg.l2:
            for p, g in zip(self.stack.params, self.stack.grads, strict=True):
                if cfg.l2:
                    g["W"] += p["W"].dtype.type(cfg.l2) * p["W"]
                if cfg.l1:
                    g["W"] += p["W"].dtype.type(cfg.l1) * np.sign(p["W"])
        self.opt.step(self.params, self.grads, out=self.previous)
        if self.any_frozen:  # a stopped network keeps its restored weights
            for new, now in zip(self.previous, self.params, strict=True):
                new[:, self.frozen] = now[:, self.frozen]
        self._swap()

    def _swap(self) -> None:
        """The other set of weights becomes the stack's (the double buffer of train._Run)."""
        self.params, self.previous = self.previous, self.params
        for (layer, key), array in zip(self.slots, self.params, strict=True):
            layer[key] = array

    def _stop(self, blown: Array) -> None:
        """Networks ``blown`` stop: back to the weights before their last step when its loss
        was sane, else to the last weights known sane."""
        sane = self.last_loss <= self.sane_up_to
        back = blown & sane if self.step > 1 else np.zeros_like(blown)
        for now, before, kept in zip(self.params, self.previous, self.sane, strict=True):
            now[:, back] = before[:, back]
            now[:, blown & ~back] = kept[:, blown & ~back]
        self.frozen |= blown
        self.any_frozen = True

    def end_epoch(self) -> None:
        if self.step:  # the weights before the epoch's last step, where their loss was sane
            keep = self.last_loss <= self.sane_up_to
            if self.any_frozen:
                keep &= ~self.frozen
            every = keep.all()
            for kept, before in zip(self.sane, self.previous, strict=True):
                if every:
                    np.copyto(kept, before)
                else:
                    kept[:, keep] = before[:, keep]
        seen = max(1, self.seen)
        if self.any_frozen:
            live = ~self.frozen
            self.train_loss = np.where(live, self.loss_sum / seen, self.train_loss)
            self.train_accuracy = np.where(live, self.correct / seen, self.train_accuracy)
        else:
            self.train_loss, self.train_accuracy = self.loss_sum / seen, self.correct / seen

    def report(self, epoch: int, x_test: Array | None, y_test: Array | None,
               watch: StackWatch | None = None) -> SeedsEpoch:
        test_loss = test_accuracy = None
        if watch is not None and watch.tested is not None and watch.tested[0] == epoch:
            _, test_loss, test_accuracy = watch.tested  # the watch has just taken them
        elif x_test is not None and y_test is not None and len(x_test):
            test_loss, test_accuracy = self.stack.evaluate(x_test, y_test)
        early = None if watch is None else watch.stopped.copy()
        blown = self.frozen if early is None else self.frozen & ~early
        return SeedsEpoch(epoch, self.train_loss.copy(), self.train_accuracy.copy(),
                          blown.copy(), test_loss, test_accuracy, early,
                          None if watch is None else watch.epoch.copy())


def _rates(lrs: Sequence[float] | None, n: int) -> float | Array | None:
    """The stack's learning rates: None, one number for all, or (1, n, 1) to broadcast."""
    if lrs is None:
        return None
    rates = np.asarray(lrs, dtype=np.float64)
    if rates.shape != (n,):
        raise ValueError(f"{rates.size} learning rates for {n} networks")
    if (rates == rates[0]).all():
        return float(rates[0])
    return rates.reshape(1, -1, 1)


def _rows(a: Array) -> Array:
    """(n, N, k) as (n·N, k), a view: what the activations, written for rows, expect."""
    return a.reshape(-1, a.shape[-1])


def _shape(net: Network) -> tuple:
    return (net.input_dim, tuple(net.layers), net.loss_name, net.dtype, net.bugs)
