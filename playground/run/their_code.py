"""Training with a learner's own code: their forward, backward and update drive the training
process's loop (``train_steps``), in place of the playground's. Qt-free.

``LearnerCode`` runs their file once (the template, see ``playground.learner.check``) and calls its
functions with their prints captured. ``LearnerNetwork`` is a ``Network`` whose training pass
is theirs: their forward gives the outputs, our loss function scores them, their backward gives
the gradients, which are checked for shape and copied into the network's gradient buffers. With an
``update`` in their file, ``LearnerUpdate`` steps the weights with it instead of our SGD. So the
run keeps everything else of the playground: batches, live settings, the divergence stop, frames,
the health monitor. The boundary is drawn by the playground's forward with the weights their
code trained.

Their code runs in the training process, never in the window's: the window watches for a step
that takes too long (``TrainingRun``) and ends the process; ``limit_memory`` caps what the
process may allocate while their code is loaded.
"""

from __future__ import annotations

import contextlib
import io
import traceback
from collections.abc import Callable
from typing import Any

import numpy as np

from playground.nn import LayerSpec, Network
from playground.nn.optim import SGD
from playground.run import their_imports

Array = np.ndarray
MAX_PRINTED = 4_000  # characters of their prints passed on per frame; the rest are counted
PROBABILITY_FLOOR = 1e-12  # log(0) guard when scoring their outputs with bce or cross-entropy


class LearnerCodeError(Exception):
    """Their code raised, or returned what cannot be used; the message is for the learner.
    ``printed``: what their file printed before it failed to load."""

    printed = ""


class LearnerCode:
    """A learner's file, executed once; its functions called with stdout captured."""

    def __init__(self, source: str, filename: str) -> None:
        self.filename = filename
        self._printed = io.StringIO()
        self._dropped = 0
        self.namespace: dict[str, Any] = {"__name__": "learner", "__file__": filename}
        their_imports.install()  # this process runs their code: mnist.load() and the like
        try:
            self._call(lambda: exec(compile(source, filename, "exec"),  # noqa: S102 - theirs
                                    self.namespace), "running your file")
            for name in ("forward", "backward"):
                if not callable(self.namespace.get(name)):
                    raise LearnerCodeError(f"your file defines no {name}() function")
        except LearnerCodeError as e:
            e.printed = self.take_printed()
            raise
        self.has_update = callable(self.namespace.get("update"))

    def _call(self, fn: Callable[[], Any], what: str) -> Any:
        with contextlib.redirect_stdout(self._printed):
            try:
                return fn()
            except LearnerCodeError:
                raise
            except Exception as e:  # noqa: BLE001 - theirs: reported with their line
                line = e.lineno if isinstance(e, SyntaxError) else their_line(e, self.filename)
                where = f", line {line}" if line else ""
                raise LearnerCodeError(f"Your code raised {type(e).__name__} in {what}"
                                       f"{where}: {e}") from None
            finally:
                self._trim()

    def _trim(self) -> None:
        if self._printed.tell() > MAX_PRINTED:
            text = self._printed.getvalue()
            self._dropped += len(text) - MAX_PRINTED
            self._printed = io.StringIO()
            self._printed.write(text[-MAX_PRINTED:])

    def take_printed(self) -> str:
        """What their code printed since the last call (at most MAX_PRINTED characters, and a
        line saying how many were left out)."""
        text = self._printed.getvalue()
        if self._dropped:
            text = f"[… {self._dropped:,} characters not shown]\n" + text
        self._printed, self._dropped = io.StringIO(), 0
        return text

    def forward(self, params: list[dict[str, Array]], x: Array) -> list[Array]:
        return self._call(lambda: self.namespace["forward"](_copy(params), x.copy()),
                          "forward")

    def backward(self, params: list[dict[str, Array]], activations: list[Array],
                 y: Array) -> Any:
        return self._call(lambda: self.namespace["backward"](
            _copy(params), [a.copy() for a in activations], y.copy()), "backward")

    def update(self, params: list[dict[str, Array]], grads: list[dict[str, Array]],
               lr: float) -> Any:
        return self._call(lambda: self.namespace["update"](_copy(params), _copy(grads), lr),
                          "update")


class LearnerNetwork(Network):
    """A network whose training pass is the learner's forward and backward."""

    skips_columns = False  # their forward sees every input column, as they wrote it

    def __init__(self, code: LearnerCode, input_dim: int, layers: list[LayerSpec],
                 loss: str = "mse", init: str = "xavier", seed: int | None = 0,
                 dtype: type | str = np.float32) -> None:
        super().__init__(input_dim, layers, loss, init, seed, dtype)
        self.code = code

    def clone(self) -> LearnerNetwork:
        twin = LearnerNetwork(self.code, self.input_dim, list(self.layers), self.loss_name,
                              self.init, self.seed, self.dtype)
        twin.set_params(self.params)
        return twin

    def train_pass(self, x: Array, y: Array,
                   columns: Array | None = None) -> tuple[float, Array]:
        """Their forward and backward on the batch x (n, input_dim): the loss of their outputs
        (n, k) by our loss function, and their gradients in ``self.grads``. ``columns`` is
        always None (``skips_columns``)."""
        # no errstate here: a naive sigmoid's overflow warnings are counted by the process
        acts = [np.asarray(a, dtype=np.float64) for a in self.code.forward(self.params, x)]
        out = self._their_output(acts, x.shape[0])
        self._take_grads(self.code.backward(self.params, acts, y))
        with np.errstate(over="ignore", invalid="ignore"):  # a blown-up loss stops the run
            return output_loss(self.loss_name, out, y), out.astype(self.dtype)

    def _their_output(self, acts: list[Array], n: int) -> Array:
        if len(acts) != len(self.layers) + 1:
            raise LearnerCodeError(f"forward returned {len(acts)} arrays; it should return "
                                   f"{len(self.layers) + 1}: x and one per layer")
        out, want = acts[-1], (n, self.layers[-1].units)
        if out.shape != want:
            raise LearnerCodeError(f"forward's last array is shaped {out.shape}; the outputs "
                                   f"should be {want}")
        return out

    def _take_grads(self, grads: Any) -> None:
        theirs = _layers(grads, len(self.params), "backward")
        for i, (mine, g) in enumerate(zip(self.grads, theirs, strict=True)):
            for key, buffer in mine.items():
                if key not in g:
                    raise LearnerCodeError(f"backward gave layer {i + 1} no {key!r} gradient")
                _copy_into(buffer, g[key], f"backward's {key} of layer {i + 1}")


class LearnerUpdate(SGD):
    """Their ``update(params, grads, lr)`` as the optimizer: plain gradient descent by name, so
    the run's learning rate reaches it live."""

    name = "sgd"

    def __init__(self, net: LearnerNetwork, lr: float) -> None:
        super().__init__(lr)
        self.net = net
        self.layout = [(i, key) for i, p in enumerate(net.params) for key in p]

    def step(self, params: list[Array], grads: list[Array],
             out: list[Array] | None = None) -> None:
        theirs = _layers(self.net.code.update(self._dicts(params), self._dicts(grads), self.lr),
                         len(self.net.params), "update")
        for (i, key), target in zip(self.layout, out or params, strict=True):
            if key not in theirs[i]:
                raise LearnerCodeError(f"update returned layer {i + 1} without {key!r}")
            _copy_into(target, theirs[i][key], f"update's {key} of layer {i + 1}")

    def _dicts(self, arrays: list[Array]) -> list[dict[str, Array]]:
        layers: list[dict[str, Array]] = [{} for _ in self.net.params]
        for (i, key), a in zip(self.layout, arrays, strict=True):
            layers[i][key] = a
        return layers


def output_loss(loss: str, out: Array, y: Array) -> float:
    """The mean loss of outputs ``out`` (n, k), as the README defines each, from the outputs
    themselves (their code gives no z): mse ½Σ(a − y)², bce and cross-entropy on a probability
    floored at PROBABILITY_FLOOR."""
    n = out.shape[0]
    if loss == "mse":
        return float(0.5 * np.sum((out - y) ** 2) / n)
    p = np.clip(out, PROBABILITY_FLOOR, 1 - PROBABILITY_FLOOR)
    if loss == "bce":
        return float(-np.sum(y * np.log(p) + (1 - y) * np.log(1 - p)) / n)
    return float(-np.sum(np.log(p[np.arange(n), y])) / n)


def limit_memory(memory_mb: int, hard: bool = False) -> Callable[[], None]:
    """Cap this process's address space at its size now plus ``memory_mb``; returns what puts
    the old limit back. ``hard``: the hard limit too, so that the code in this process cannot
    lift it again (unless it runs as root: the window's watch from outside still holds then),
    and nothing can put it back. A no-op where there is no ``resource`` (Windows): the watch
    from outside (``contain.Warden``) is the limit there."""
    try:
        import resource

        import psutil

        size = psutil.Process().memory_info().vms
        old = resource.getrlimit(resource.RLIMIT_AS)
        cap = size + memory_mb * 2**20
        resource.setrlimit(resource.RLIMIT_AS, (cap, cap if hard else old[1]))
    except (ImportError, OSError, ValueError):
        return lambda: None  # no such limit here: the watch from outside still holds
    return lambda: resource.setrlimit(resource.RLIMIT_AS, old)


def _copy(params: list[dict[str, Array]]) -> list[dict[str, Array]]:
    return [{k: np.array(v, dtype=np.float64) for k, v in p.items()} for p in params]


def _layers(values: Any, n: int, what: str) -> list[dict[str, Any]]:
    try:
        layers = [dict(layer) for layer in values]
    except (TypeError, ValueError):
        raise LearnerCodeError(f"{what} should return a list with a dict per layer, not "
                               f"{type(values).__name__}") from None
    if len(layers) != n:
        raise LearnerCodeError(f"{what} returned {len(layers)} layers; the network has {n}")
    return layers


def _copy_into(target: Array, value: Any, what: str) -> None:
    try:
        value = np.asarray(value, dtype=np.float64)
    except (TypeError, ValueError):
        raise LearnerCodeError(f"{what} is not an array of numbers") from None
    if value.shape != target.shape:
        raise LearnerCodeError(f"{what} is shaped {value.shape}; it should be {target.shape}")
    target[...] = value


def their_line(error: BaseException, filename: str) -> int | None:
    frames = [f for f in traceback.extract_tb(error.__traceback__) if f.filename == filename]
    return frames[-1].lineno if frames else None
