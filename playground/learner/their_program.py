"""A learner's program as they wrote it, training in the training process. Qt-free.

Their loop is theirs: the program runs in a thread of its own, watched as the check watches it
(``learner.watch``, no step limit), and after each of its steps the playground reads the weights
it updated into its own ``Network`` (the network the check found: ``learner.anatomy``; a column
convention's W transposed, ``w[0]``-style numbers as 1x1 weights) and yields a ``Snapshot``: one
of their steps is one epoch here, its loss and accuracy those of the step's own batch. So the
tab's boundary, curves and health monitor follow their run unchanged.

Between their thread and the process's loop is a queue of one step: when the loop stops asking
(a pause, an edit), their program waits at its next step; ``close`` (Stop, a new run) ends it at
its next line. Their prints are kept for the window (``take_printed``).
"""

from __future__ import annotations

import contextlib
import io
import math
import queue
import socket
import threading
from collections.abc import Iterator

import numpy as np

from playground.learner.anatomy import Anatomy, Layer, NotFoundError, find
from playground.learner.tape import Node
from playground.learner.watch import Step, Stop, watch
from playground.nn import Network, Snapshot
from playground.nn.metrics import evaluate
from playground.phrase import QT_TRANSLATE_NOOP, sayer
from playground.run import process, their_imports

Array = np.ndarray
WAIT_SECONDS = 0.05  # how often a waiting side looks whether the other has gone
_say = sayer("TheirProgram")


class ProgramRun:
    """Their program, started on the first ``snapshots`` asked for."""

    def __init__(self, source: str, filename: str, net: Network) -> None:
        self.source, self.filename, self.net = source, filename, net
        self.steps: queue.Queue = queue.Queue(maxsize=1)
        self.printed = io.StringIO()
        self.closing = threading.Event()
        self.thread = threading.Thread(target=self._run, name="their-program", daemon=True)
        self.taken = 0
        their_imports.install()  # this process runs their program: mnist.load() and the like

    # ----- their side (the thread) ------------------------------------------------------------
    def _run(self) -> None:
        try:
            done = watch(self.source, self.filename, steps=None, seconds=math.inf,
                         on_step=self._step, printed=self.printed)
            end = _ended(done.error, done.error_line)
        except BaseException as e:  # noqa: BLE001 - the run's own failure, said as it is
            end = _say(QT_TRANSLATE_NOOP("TheirProgram", "the playground could not follow your "
                                         "program: {error}"), error=f"{type(e).__name__}: {e}")
        with contextlib.suppress(Stop):  # closed meanwhile: nobody asks any more
            self._hand(end)

    def _step(self, step: Step) -> None:
        try:
            an = find(step)
            item = (weights(an, step, self.net), *batch(an))
        except (NotFoundError, ValueError) as e:
            item = _say(QT_TRANSLATE_NOOP("TheirProgram", "a step of your program does not "
                                          "show the network the check found ({error})"),
                        error=str(e))
        self._hand(item)
        if not isinstance(item, tuple):
            raise Stop

    def _hand(self, item: object) -> None:
        """Put one step (or the end) for the loop, waiting while it does not ask."""
        while not self.closing.is_set():
            try:
                self.steps.put(item, timeout=WAIT_SECONDS)
                return
            except queue.Full:
                continue
        raise Stop

    # ----- the process's side -------------------------------------------------------------------
    def snapshots(self) -> Iterator[Snapshot]:
        """One Snapshot per step of theirs; the last one says why their program ended."""
        self.thread.start()
        while True:
            try:
                item = self.steps.get(timeout=WAIT_SECONDS)
            except queue.Empty:
                if not self.thread.is_alive() and self.steps.empty():  # cannot happen: said
                    yield self._last(_ended(None, None))  # anyway, or the run would not end
                    return
                continue
            if not isinstance(item, tuple):
                yield self._last(item)
                return
            yield self._snapshot(*item)

    def _snapshot(self, params: list[dict[str, Array]], x: Array, y: Array) -> Snapshot:
        self.net.set_params(params)
        self.taken += 1
        if self.net.loss.integer_targets:  # cross-entropy takes the class of each one-hot row
            y = y.argmax(axis=1)
        loss, accuracy = evaluate(self.net, x, y)
        return Snapshot(self.taken, self.taken, loss, 0.0, (), True, loss, accuracy,
                        params=tuple(self.net.copy_params()))

    def _last(self, why: object) -> Snapshot:
        return Snapshot(self.taken + 1, self.taken + 1, math.nan, 0.0, (), True,
                        params=tuple(self.net.copy_params()), stop_reason=why)

    def take_printed(self) -> str:
        text = self.printed.getvalue()
        self.printed.seek(0)
        self.printed.truncate()
        return text

    def close(self) -> None:
        """End their program at its next line (or next step), and wait a moment for it."""
        self.closing.set()
        if self.thread.is_alive():
            self.thread.join(1.0)


def serve_socket(sock: socket.socket) -> None:
    """The training process's entry, able to train a program as written (``SetCode`` with
    ``program``): ``run.process`` itself knows nothing of learners' programs."""
    process.serve_socket(sock, programs=ProgramRun)


def _ended(error: BaseException | None, line: int | None) -> object:
    if error is None:
        return _say(QT_TRANSLATE_NOOP("TheirProgram", "your program ran to its end"))
    where = f" (line {line})" if line else ""
    return _say(QT_TRANSLATE_NOOP("TheirProgram", "your program raised {error}{where}"),
                error=f"{type(error).__name__}: {error}", where=where)


def weights(an: Anatomy, step: Step, net: Network) -> list[dict[str, Array]]:
    """Their weights after the step, as the playground's layers hold them: W (in, out), b
    (out,); ValueError when they do not fit ``net``."""
    after = {u.old.id: u.node.value for u in step.updates}
    out = []
    for layer, mine in zip(an.layers, net.params, strict=True):
        p = {"W": _as_row(_part(after, layer), an.convention, mine["W"].shape)}
        if "b" in mine:
            if layer.bias is None:
                raise ValueError("a layer without the bias the playground's network has")
            p["b"] = np.array(after.get(layer.bias.id, layer.bias.value),
                              dtype=np.float64).reshape(mine["b"].shape)
        out.append(p)
    return out


def _part(after: dict[int, Array], layer: Layer) -> Array:
    """The weight a layer's product reads, after the step: the array, or ``w[0]`` of it."""
    weight = layer.weight
    value = np.array(after.get(weight.id, weight.value), dtype=np.float64)  # a copy: their
    # thread goes on updating the array in place while the process reads this one
    return value[layer.index] if layer.index is not None else value


def _as_row(w: Array, convention: str, shape: tuple) -> Array:
    w = np.atleast_2d(w.T if convention == "column" else w)
    if w.shape != shape:
        raise ValueError(f"a weight of shape {w.shape} where the network has {shape}")
    return w


def batch(an: Anatomy) -> tuple[Array, Array]:
    """The step's inputs and targets as rows (n, features): every forward pass's (a mini-batch
    taken one sample at a time has one a sample)."""
    rows = [_rows(an.convention, x, y, out) for _, out, y, x in an.passes]
    return np.concatenate([r[0] for r in rows]), np.concatenate([r[1] for r in rows])


def _rows(convention: str, x: object, y: Array, out: Node) -> tuple[Array, Array]:
    x = np.array(x.value if isinstance(x, Node) else x, dtype=np.float64)
    y = np.array(y, dtype=np.float64).reshape(np.shape(out.value))
    if convention == "scalar":
        return x.reshape(-1, 1), y.reshape(-1, 1)
    if convention == "column":
        x, y = x.reshape(len(x), -1).T, y.reshape(len(y), -1).T
    return np.atleast_2d(x), np.atleast_2d(y)
