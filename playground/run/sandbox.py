"""A learner's own code, run in a process of its own with a time and a memory limit. Qt-free.

``run_learner(source, filename, x, y, lr, timeout, memory_mb)`` executes the learner's file (the
template: LAYERS, ACTIVATION, OUTPUT, LOSS, BIAS and ``forward``, ``backward``, optional
``update``) in a fresh child process, gives it the playground's own weights, inputs and targets,
and brings back what their functions returned as float64 arrays (``Outcome``), or the exception
their code raised with its line in their file, or that it ran out of time or memory. An endless
loop, a crash or a huge allocation never reaches the caller: the child is ended.
"""

from __future__ import annotations

import contextlib
import io
import multiprocessing
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from playground.phrase import QT_TRANSLATE_NOOP, Phrase, phrase
from playground.run.learner import limit_memory, their_line

Array = np.ndarray
DEFAULT_TIMEOUT = 20.0
DEFAULT_MEMORY_MB = 2048
MAX_PRINTED = 20_000  # characters of the learner's prints kept
_CONTEXT = multiprocessing.get_context("spawn")  # nothing of ours (no Qt, no sockets) goes along


@dataclass
class Outcome:
    """What the learner's code gave back, or why it gave nothing."""

    constants: dict[str, Any] = field(default_factory=dict)
    activations: list[Array] | None = None
    grads: list[dict[str, Array]] | None = None
    updated: list[dict[str, Array]] | None = None  # None without an ``update``
    printed: str = ""
    error: str | None = None  # "exception", "timeout", "memory" or "template"
    message: Phrase | str = ""  # a str: what Python said about their code
    in_update: bool = False  # the error came from ``update``: forward and backward are there
    line: int | None = None  # in their file, for an exception


def read_constants(source: str, filename: str) -> dict[str, Any]:
    """The template's constants, read without running the file (a literal per name)."""
    import ast

    tree = ast.parse(source, filename)
    out: dict[str, Any] = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and \
                isinstance(node.targets[0], ast.Name):
            name = node.targets[0].id
            if name in ("LAYERS", "ACTIVATION", "OUTPUT", "LOSS", "BIAS"):
                with contextlib.suppress(ValueError):
                    out[name] = ast.literal_eval(node.value)
    return out


def run_learner(source: str, filename: str, params: list[dict[str, Array]], x: Array, y: Array,
                lr: float, timeout: float = DEFAULT_TIMEOUT,
                memory_mb: int = DEFAULT_MEMORY_MB) -> Outcome:
    """Run the learner's functions on our weights, inputs and targets in a child process."""
    ours, theirs = _CONTEXT.Pipe(duplex=False)
    child = _CONTEXT.Process(target=_child, daemon=True, name="playground-sandbox",
                             args=(theirs, source, filename, params, x, y, lr, memory_mb))
    child.start()
    theirs.close()
    try:
        if not ours.poll(timeout):
            return Outcome(error="timeout", message=phrase("Check", QT_TRANSLATE_NOOP(
                "Check", "your code did not finish within {seconds:g} s (an endless loop?)"),
                seconds=timeout))
        return ours.recv()
    except (EOFError, OSError):
        return Outcome(error="memory", message=phrase("Check", QT_TRANSLATE_NOOP(
            "Check", "your code's process ended without an answer: it ran out of memory (limit "
            "{mb} MB) or crashed"), mb=memory_mb))
    finally:
        if child.is_alive():
            child.kill()
        child.join(5)
        ours.close()


def _child(conn: Any, source: str, filename: str, params: list[dict[str, Array]], x: Array,
           y: Array, lr: float, memory_mb: int) -> None:
    limit_memory(memory_mb)
    printed = io.StringIO()
    outcome = Outcome()
    try:
        with contextlib.redirect_stdout(printed):
            namespace: dict[str, Any] = {"__name__": "learner", "__file__": filename}
            exec(compile(source, filename, "exec"), namespace)  # noqa: S102 - theirs, sandboxed
            outcome.constants = {k: namespace[k] for k in ("LAYERS", "ACTIVATION", "OUTPUT",
                                                            "LOSS", "BIAS") if k in namespace}
            outcome.activations = _arrays(namespace["forward"](_copy(params), x.copy()))
            outcome.grads = _layers(namespace["backward"](_copy(params), outcome.activations,
                                                          y.copy()))
            if callable(namespace.get("update")):
                outcome.in_update = True
                outcome.updated = _layers(namespace["update"](_copy(params), _copy(
                    outcome.grads), lr))
                outcome.in_update = False
    except MemoryError:
        outcome.error, outcome.message = "memory", phrase("Check", QT_TRANSLATE_NOOP(
            "Check", "your code ran out of memory ({mb} MB)"), mb=memory_mb)
    except Exception as e:  # noqa: BLE001 - theirs, reported as a finding
        outcome.error, outcome.message = "exception", f"{type(e).__name__}: {e}"
        outcome.line = their_line(e, filename)
    outcome.printed = printed.getvalue()[:MAX_PRINTED]
    conn.send(outcome)


def _copy(params: list[dict[str, Array]]) -> list[dict[str, Array]]:
    return [{k: v.copy() for k, v in p.items()} for p in params]


def _arrays(values: Any) -> list[Array]:
    return [np.asarray(v, dtype=np.float64) for v in values]


def _layers(values: Any) -> list[dict[str, Array]]:
    out = []
    for layer in values:
        out.append({k: np.asarray(v, dtype=np.float64) for k, v in dict(layer).items()
                    if v is not None})
    return out
