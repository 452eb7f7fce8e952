"""A learner's own code, run in a process of its own with a time and a memory limit. Qt-free.

``run_learner(source, filename, x, y, lr, timeout, memory_mb)`` executes the learner's file (the
template: LAYERS, ACTIVATION, OUTPUT, LOSS, BIAS and ``forward``, ``backward``, optional
``update``) in a fresh child process, gives it the playground's own weights, inputs and targets,
and brings back what their functions returned as float64 arrays (``Outcome``), or the exception
their code raised with its line in their file, or that it ran out of time or memory, exited, or
crashed.

The file's code runs as Python runs it, so the child is boxed (``contain``): it and everything
it starts end together at the verdict, at the time limit (the verdict comes then at the latest)
or on cancel; its memory is capped inside (a hard limit) and watched from outside. Nothing the
child sends is unpickled: its answer is a ``wire`` message of plain values and arrays, checked
here before anything is made of it. The template's constants are never taken from the child:
they are read from the file's syntax (``learner.check.read_constants``).
"""

from __future__ import annotations

import contextlib
import io
import multiprocessing
import socket
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np

from playground.learner.verdicts import from_wire, to_wire
from playground.learner.watch import RAGGED, watch
from playground.phrase import QT_TRANSLATE_NOOP, Phrase, sayer
from playground.run import their_imports
from playground.run.channel import Channel
from playground.run.contain import Box, enter_box
from playground.run.their_code import limit_memory, their_line
from playground.run.wire import WireError

Array = np.ndarray
DEFAULT_TIMEOUT = 20.0
DEFAULT_MEMORY_MB = 2048
MAX_PRINTED = 20_000  # characters of the learner's prints kept
WATCH_SECONDS = 0.1  # how often the child's memory is looked at
# what the child holds before their code runs (an interpreter and numpy, ~60 MB), on top of their
# limit, before the watch from outside ends it
BASE_MB = 256
MAX_ANSWER = 256 * 2**20
JUDGE_SECONDS = 5.0  # of a program's time limit, kept for judging what it did
MAX_FINDINGS = 50
_CONTEXT = multiprocessing.get_context("spawn")  # nothing of ours (no Qt, no sockets) goes along
_say = sayer("Check")


@dataclass
class Outcome:
    """What the learner's code gave back, or why it gave nothing."""

    activations: list[Array] | None = None
    grads: list[dict[str, Array]] | None = None
    updated: list[dict[str, Array]] | None = None  # None without an ``update``
    printed: str = ""
    # "exception", "timeout", "memory", "exit" (their code ended its process), "crash" or
    # "cancelled"
    error: str | None = None
    message: Phrase | str = ""  # a str: what Python said about their code
    in_update: bool = False  # the error came from ``update``: forward and backward are there
    line: int | None = None  # in their file, for an exception
    # a program as written (``run_program``): the check's findings and the network it found
    findings: list | None = None
    network: dict | None = None


def run_learner(source: str, filename: str, params: list[dict[str, Array]], x: Array, y: Array,
                lr: float, timeout: float = DEFAULT_TIMEOUT,
                memory_mb: int = DEFAULT_MEMORY_MB,
                cancelled: Callable[[], bool] | None = None) -> Outcome:
    """Run the learner's functions on our weights, inputs and targets in a child process; the
    answer within ``timeout`` seconds at the latest. ``cancelled()`` True ends it early."""
    return _boxed(_child, (source, filename, params, x, y, lr, memory_mb), _outcome, timeout,
                  memory_mb, cancelled)


def run_program(source: str, filename: str, timeout: float = DEFAULT_TIMEOUT,
                memory_mb: int = DEFAULT_MEMORY_MB,
                cancelled: Callable[[], bool] | None = None) -> Outcome:
    """Run the learner's whole program as written in a child process, watched until it has
    taken a few training steps, and judge them there (``learner.as_written``): the findings and
    the network come back as plain values, within ``timeout`` seconds at the latest."""
    watch_seconds = max(1.0, timeout - JUDGE_SECONDS)
    return _boxed(_program_child, (source, filename, memory_mb, watch_seconds),
                  _program_outcome, timeout, memory_mb, cancelled)


def _boxed(target: Callable, args: tuple, parse: Callable[[object], Outcome], timeout: float,
           memory_mb: int, cancelled: Callable[[], bool] | None) -> Outcome:
    deadline = time.monotonic() + timeout
    ours, theirs = socket.socketpair()
    child = _CONTEXT.Process(target=target, daemon=True, name="playground-sandbox",
                             args=(theirs, *args))
    child.start()
    theirs.close()
    box = Box(child.pid, memory_mb + BASE_MB)
    channel = Channel(ours, MAX_ANSWER)
    try:
        return _await(channel, child, box, deadline, timeout, memory_mb, cancelled, parse)
    finally:
        box.end()
        child.join(5)
        box.close()
        channel.close()


def _await(channel: Channel, child: multiprocessing.process.BaseProcess, box: Box,
           deadline: float, timeout: float, memory_mb: int,
           cancelled: Callable[[], bool] | None, parse: Callable[[object], Outcome]) -> Outcome:
    limit = (memory_mb + BASE_MB) * 2**20
    while True:
        try:
            if channel.poll(max(0.0, min(WATCH_SECONDS, deadline - time.monotonic()))):
                return parse(channel.recv())
        except EOFError:
            return _ended(child, memory_mb)
        except WireError as e:
            return Outcome(error="exception", message=_say(QT_TRANSLATE_NOOP(
                "Check", "your code's process answered with something that is not an answer "
                "({error})"), error=str(e)))
        used = box.memory()
        if used is not None and used > limit:
            return _out_of_memory(memory_mb)
        if cancelled is not None and cancelled():
            return Outcome(error="cancelled", message=_say(QT_TRANSLATE_NOOP(
                "Check", "the check was cancelled")))
        if time.monotonic() >= deadline:
            return Outcome(error="timeout", message=_say(QT_TRANSLATE_NOOP(
                "Check", "your code did not finish within {seconds:g} s (an endless loop?)"),
                seconds=timeout))


def _out_of_memory(memory_mb: int) -> Outcome:
    return Outcome(error="memory", message=_say(QT_TRANSLATE_NOOP(
        "Check", "your code ran out of memory ({mb} MB)"), mb=memory_mb))


# Windows ends a crashed process with its exception's status as the exit code (POSIX: a signal)
WINDOWS_STATUS = 0xC0000000
WINDOWS_CRASHES = {0xC0000005: "an access violation", 0xC00000FD: "a stack overflow",
                   0xC0000409: "a stack buffer overrun", 0xC000001D: "an illegal instruction",
                   0xC0000094: "an integer division by zero"}


def _ended(child: multiprocessing.process.BaseProcess, memory_mb: int) -> Outcome:
    """The child closed its end without an answer: say how it ended."""
    child.join(2)
    code = child.exitcode
    if code is not None and code < 0:
        return Outcome(error="crash", message=_say(QT_TRANSLATE_NOOP(
            "Check", "your code's process was ended by signal {signal} ({name}) before it "
            "answered"), signal=-code, name=_signal_name(-code)))
    if code is not None and code >= WINDOWS_STATUS:
        return Outcome(error="crash", message=_say(QT_TRANSLATE_NOOP(
            "Check", "your code's process crashed ({name}, status 0x{status}) before it "
            "answered"), name=WINDOWS_CRASHES.get(code, "an exception"), status=f"{code:08X}"))
    if code is not None:
        return Outcome(error="exit", message=_say(QT_TRANSLATE_NOOP(
            "Check", "your code ended its own process (exit code {code}, as os._exit does) "
            "before it answered: a function should return its arrays"), code=code))
    return Outcome(error="crash", message=_say(QT_TRANSLATE_NOOP(
        "Check", "your code's process closed its connection and did not end")))


def _signal_name(number: int) -> str:
    import signal

    try:
        return {"SIGSEGV": "a segmentation fault", "SIGKILL": "killed",
                "SIGABRT": "aborted", "SIGBUS": "a bus error"}.get(
            signal.Signals(number).name, signal.Signals(number).name)
    except ValueError:
        return "unknown"


def failure(outcome: Outcome) -> Phrase | str:
    """What their code's failure says, with its line, and why for the one failure that old
    tutorials' code meets on today's NumPy."""
    if not outcome.line:
        return outcome.message
    if outcome.error == "exception" and RAGGED in str(outcome.message):
        return _say(QT_TRANSLATE_NOOP(
            "Check", "{message} (line {line}). NumPy 1.24 and later refuse np.array of arrays "
            "of different shapes, which older NumPy made into an array of objects (code from "
            "tutorials before 2023 relies on it): keep the arrays in a list, or write "
            "np.array(..., dtype=object)"), message=outcome.message, line=outcome.line)
    return _say(QT_TRANSLATE_NOOP("Check", "{message} (line {line})"), message=outcome.message,
                line=outcome.line)


# ----- the answer, checked ----------------------------------------------------------------------
def _outcome(raw: object) -> Outcome:
    """The child's answer as an Outcome; WireError when it is not shaped like one."""
    if not isinstance(raw, dict):
        raise WireError("the answer is not a dict")
    out = Outcome()
    out.printed = _text(raw.get("printed", ""))[:MAX_PRINTED]
    error = raw.get("error")
    if error is not None:
        if error not in ("exception", "memory", "exit"):
            raise WireError(f"an unknown error kind {error!r}")
        out.error, out.message = error, _text(raw.get("message", ""))
        out.in_update = raw.get("in_update") is True
        line = raw.get("line")
        out.line = line if isinstance(line, int) and not isinstance(line, bool) else None
        if error == "memory":
            out.message = _out_of_memory(int(raw.get("mb", 0))).message
    out.activations = _arrays(raw.get("activations"))
    out.grads = _layers(raw.get("grads"))
    out.updated = _layers(raw.get("updated"))
    return out


def _text(value: object) -> str:
    if not isinstance(value, str):
        raise WireError("a text that is not a str")
    return value


def _float_array(value: object) -> Array:
    if not isinstance(value, np.ndarray) or value.dtype != np.float64:
        raise WireError("an array that is not float64")
    return value


def _arrays(value: object) -> list[Array] | None:
    if value is None:
        return None
    if not isinstance(value, list):
        raise WireError("arrays that are not a list")
    return [_float_array(a) for a in value]


def _layers(value: object) -> list[dict[str, Array]] | None:
    if value is None:
        return None
    if not isinstance(value, list) or not all(isinstance(d, dict) for d in value):
        raise WireError("layers that are not a list of dicts")
    return [{k: _float_array(a) for k, a in d.items()} for d in value]


# ----- the child --------------------------------------------------------------------------------
def _child(sock: socket.socket, source: str, filename: str, params: list[dict[str, Array]],
           x: Array, y: Array, lr: float, memory_mb: int) -> None:
    _answer(sock, memory_mb, lambda: _run_theirs(source, filename, params, x, y, lr, memory_mb))


def _answer(sock: socket.socket, memory_mb: int, work: Callable[[], dict[str, Any]]) -> None:
    """A child's life: in its box, its memory capped, their imports served; ``work``'s answer
    (plain values and arrays only) sent, and handed over before the child ends."""
    enter_box()
    limit_memory(memory_mb, hard=True)
    their_imports.install()  # their mnist.load(), Keras's MNIST, a silent matplotlib
    channel = Channel(sock)
    answer = work()
    try:
        channel.send(answer)
    except TypeError as e:  # cannot happen: everything was made float64 arrays and str
        channel.send({"error": "exception", "message": f"the answer cannot be sent: {e}",
                      "printed": answer.get("printed", "")})
    channel.drain()


def _run_theirs(source: str, filename: str, params: list[dict[str, Array]], x: Array, y: Array,
                lr: float, memory_mb: int) -> dict[str, Any]:
    """What their functions gave back, as plain values and float64 arrays."""
    printed = io.StringIO()
    answer: dict[str, Any] = {}
    try:
        with contextlib.redirect_stdout(printed):
            namespace: dict[str, Any] = {"__name__": "learner", "__file__": filename}
            exec(compile(source, filename, "exec"), namespace)  # noqa: S102 - theirs, boxed
            answer["activations"] = _as_arrays(namespace["forward"](_copy(params), x.copy()))
            answer["grads"] = _as_layers(namespace["backward"](
                _copy(params), answer["activations"], y.copy()))
            if callable(namespace.get("update")):
                answer["in_update"] = True
                answer["updated"] = _as_layers(namespace["update"](_copy(params), _copy(
                    answer["grads"]), lr))
                answer["in_update"] = False
    except MemoryError:
        answer.update(error="memory", mb=memory_mb)
    except SystemExit as e:
        answer.update(error="exit", message=f"your code called sys.exit({e.code!r}) (or exit()); "
                      "a function should return its arrays, not end the program",
                      line=their_line(e, filename))
    except BaseException as e:  # noqa: BLE001 - theirs (KeyboardInterrupt too), a finding
        answer.update(error="exception", message=f"{type(e).__name__}: {e}",
                      line=their_line(e, filename))
    answer["printed"] = printed.getvalue()[:MAX_PRINTED]
    return answer


def _copy(params: list[dict[str, Array]]) -> list[dict[str, Array]]:
    return [{k: v.copy() for k, v in p.items()} for p in params]


def _as_arrays(values: Any) -> list[Array]:
    return [np.array(v, dtype=np.float64) for v in values]


def _as_layers(values: Any) -> list[dict[str, Array]]:
    out = []
    for layer in values:
        out.append({str(k): np.array(v, dtype=np.float64) for k, v in dict(layer).items()
                    if v is not None})
    return out


# ----- a program as written ---------------------------------------------------------------------
def _program_child(sock: socket.socket, source: str, filename: str, memory_mb: int,
                   seconds: float) -> None:
    _answer(sock, memory_mb, lambda: _judged(source, filename, memory_mb, seconds))


def _judged(source: str, filename: str, memory_mb: int, seconds: float) -> dict[str, Any]:
    """Their program watched and judged, as plain values."""
    from playground.learner.as_written import judge  # the child's alone: the parent never judges

    try:
        watched = watch(source, filename, seconds=seconds)
        findings, network = judge(watched, source)
        return {"findings": [to_wire(f) for f in findings], "network": network,
                "printed": watched.printed[:MAX_PRINTED]}
    except MemoryError:
        return {"error": "memory", "mb": memory_mb, "printed": ""}
    except BaseException as e:  # noqa: BLE001 - the check's own failure, said as it is
        return {"error": "exception", "printed": "",
                "message": f"the check could not follow your program: {type(e).__name__}: {e}"}


def _program_outcome(raw: object) -> Outcome:
    out = _outcome(raw) if isinstance(raw, dict) and "error" in raw else Outcome()
    if out.error is not None:
        return out
    if not isinstance(raw, dict) or not isinstance(raw.get("findings"), list) or \
            len(raw["findings"]) > MAX_FINDINGS:
        raise WireError("the answer holds no findings")
    out.printed = _text(raw.get("printed", ""))[:MAX_PRINTED]
    out.findings = [from_wire(f) for f in raw["findings"]]
    out.network = _network(raw.get("network"))
    return out


NETWORK_FIELDS = {"layers": int, "activations": str, "bias": bool, "weights": str}


def _network(raw: object) -> dict | None:
    """The network the child found, checked field by field."""
    if raw is None:
        return None
    if not isinstance(raw, dict) or raw.get("convention") not in ("row", "column", "scalar") \
            or not isinstance(raw.get("samples"), int):
        raise WireError("a network that is not one")
    for key, kind in NETWORK_FIELDS.items():
        value = raw.get(key)
        if not isinstance(value, list) or len(value) > 64 or not all(
                isinstance(v, kind) and (kind is bool or not isinstance(v, bool)) for v in value):
            raise WireError(f"a network whose {key} is not a list of {kind.__name__}")
    names = {k: raw.get(k, "") for k in ("inputs", "targets")}
    if not all(isinstance(v, str) and len(v) <= 200 for v in names.values()):
        raise WireError("a network whose inputs or targets are not named in text")
    return {**{k: raw[k] for k in (*NETWORK_FIELDS, "convention", "samples")}, **names}
