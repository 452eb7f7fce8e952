"""A learner's program, run as they wrote it, watched until it has taken a few training steps.
Qt-free; runs only in the sandbox's child.

``watch(source, filename)`` executes their file as ``__main__`` under ``sys.settrace``. At each
line of their file, every array their names hold (locals, globals, list and dict members, their
objects' attributes) is made a ``tape.Tracked`` view, so what their code computes from it is
recorded. A name whose new array is its old one plus or minus something (``W -= lr * dW``,
``W = W - lr * dW``, ``w[0] += g``) has been *updated*; updates of different arrays made with no
use of the updated array in between belong to one training *step*. After ``steps`` steps (or
at ``deadline``) their program is stopped, and ``Watched`` holds each step's updates and the
nodes recorded for it.
"""

from __future__ import annotations

import bisect
import contextlib
import io
import sys
import time
import warnings
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from playground.learner import tape
from playground.learner.tape import Node, Tracked

MAX_MEMBERS = 64  # of a list, dict or object looked into, per line
PRODUCTS = ("matmul", "dot", "multiply")
RAGGED = "inhomogeneous shape"  # NumPy >= 1.24 on np.array of arrays of different shapes


class Stop(BaseException):
    """Enough was seen: raised in their program to end it (their ``except Exception`` lets it
    through)."""


@dataclass
class Update:
    name: str  # as their code calls it: "weights1", "self.weights[0]", "w"
    old: Node  # the array the step computed with
    node: Node  # the array after the update
    line: int | None


@dataclass
class Step:
    updates: list[Update] = field(default_factory=list)
    nodes: list[Node] = field(default_factory=list)  # recorded for this step, in order


@dataclass
class Watched:
    steps: list[Step]
    printed: str
    error: BaseException | None  # what their program raised, if it did before stopping
    error_line: int | None
    ragged: list[int]  # lines where np.array of ragged arrays was made an object array
    broadcasts: list[tuple[Node, tuple, tuple]]
    ended: bool  # their program ran to its end (or raised) before enough steps


class Watcher:
    """The trace function and what it has seen."""

    def __init__(self, filename: str, steps: int | None, deadline: float,
                 on_step: Callable[[Step], None] | None = None) -> None:
        self.filename, self.want, self.deadline = filename, steps, deadline
        self.on_step = on_step  # given: each step goes there as it ends, and none is kept
        self.seen: dict[tuple[str, str], Node] = {}  # (scope, name) -> the node it held
        self.steps: list[Step] = []
        self.taken = 0
        self.current = Step()
        self.start_id = 0  # nodes after this belong to the step being taken
        self.stopping = False

    def trace(self, frame: Any, event: str, arg: Any) -> Any:
        if frame.f_code.co_filename != self.filename:
            return None
        return self.local

    def local(self, frame: Any, event: str, arg: Any) -> Any:
        if event == "line":
            if self.stopping or time.monotonic() > self.deadline:
                self.stopping = True
                raise Stop
            self.look(frame)
        return self.local

    def look(self, frame: Any) -> None:
        """The arrays a line of theirs can see: its function's locals, and the globals."""
        module = frame.f_code.co_name == "<module>"
        self._scan(frame.f_locals, "" if module else frame.f_code.co_qualname)
        if not module:
            self._scan(frame.f_globals, "")

    def _scan(self, names: dict, scope: str) -> None:
        for name, value in list(names.items()):
            if name.startswith("__") or _skip(value):
                continue
            if _wrappable(value):
                value = tape.leaf(value, name)
                names[name] = value  # a function's locals are written back after the trace
            for path, array in _members(name, value):
                self._saw((scope, path), path, array)

    def _saw(self, key: tuple[str, str], path: str, array: Tracked) -> None:
        node = array._node
        if node is None:
            node = tape.hold(array, tape.TAPE.add(Node("leaf", (), tape.plain(array))))
            node.path = path
        old = self.seen.get(key)
        self.seen[key] = node
        if old is None or old is node or not _grows_from(node, old):
            return
        self._updated(Update(path, old, node, node.line))

    def _updated(self, update: Update) -> None:
        step = self.current
        if any(u.old is update.old for u in step.updates):
            return  # the same update, seen under a second name
        again = next((u for u in step.updates if u.node is update.old), None)
        if again is not None and not _used_since(again.node):
            again.node, again.line = update.node, update.line  # w[0] += ..; w[1] += ..
            return
        if again is not None:
            self._close()
        self.current.updates.append(update)

    def _close(self) -> None:
        step = self.current
        end = max(u.node.id for u in step.updates)
        step.nodes = [n for n in tape.TAPE.recent if self.start_id < n.id <= end]
        self.start_id = end
        tape.TAPE.recent = [n for n in tape.TAPE.recent if n.id > end]
        tape.TAPE.broadcasts = tape.TAPE.broadcasts[-64:]
        self.current = Step()
        self.taken += 1
        if self.on_step is not None:
            self.on_step(step)  # may raise Stop: their program ends there
            _forget(step)
        else:
            self.steps.append(step)
        if self.want is not None and self.taken >= self.want:
            self.stopping = True
            raise Stop

    def finish(self, failed: bool) -> None:
        """Their program ended: its last step counts when it was not cut short by an error."""
        if self.current.updates and not failed and (self.want is None or
                                                     self.taken < self.want):
            with contextlib.suppress(Stop):
                self._close()


def _forget(step: Step) -> None:
    """A step seen live is done with: its nodes let go of what they were computed from, or
    each weight's node would hold every earlier step's graph (a run of 60,000 steps)."""
    for n in step.nodes:
        n.inputs = ()
        n.views.clear()


def _skip(value: Any) -> bool:
    return isinstance(value, (type, type(sys), type(_skip), str, bytes, int, float))


def _wrappable(value: Any) -> bool:
    return type(value) is np.ndarray and value.dtype.kind in "fiu"


def _members(name: str, value: Any, depth: int = 0) -> list[tuple[str, Tracked]]:
    """The tracked arrays a name holds: itself, or inside its lists, dicts and attributes; a
    plain array found there is made a tracked one in place."""
    if isinstance(value, Tracked):
        return [(name, value)] if value.dtype.kind in "fiu" else []
    if depth >= 3:
        return []
    items = _items(value)
    if items is None:
        return []
    out = []
    for key, label, member in items:
        if _wrappable(member):
            member = tape.leaf(member, f"{name}{label}")
            _put(value, key, member)
        out += _members(f"{name}{label}", member, depth + 1)
    return out


def _items(value: Any) -> list[tuple[Any, str, Any]] | None:
    if isinstance(value, (list, tuple)) and len(value) <= MAX_MEMBERS:
        return [(i, f"[{i}]", v) for i, v in enumerate(value)]
    if isinstance(value, dict) and len(value) <= MAX_MEMBERS:
        return [(k, f"[{k!r}]", v) for k, v in value.items() if isinstance(k, (str, int))]
    if isinstance(value, np.ndarray) and value.dtype == object and value.size <= MAX_MEMBERS:
        return [(i, f"[{i}]", v) for i, v in enumerate(value.ravel())] if value.ndim == 1 \
            else None
    attrs = getattr(value, "__dict__", None)
    if isinstance(attrs, dict) and type(value).__module__ == "__main__":
        return [(k, f".{k}", v) for k, v in list(attrs.items())[:MAX_MEMBERS]
                if not k.startswith("__")]
    return None


def _put(container: Any, key: Any, member: Any) -> None:
    if isinstance(container, tuple):
        return  # cannot be changed: what it holds is watched from where it is used
    if isinstance(container, (list, dict, np.ndarray)):
        container[key] = member
    else:
        container.__dict__[key] = member


def _grows_from(new: Node, old: Node) -> bool:
    """``new`` is ``old`` plus or minus something: W - lr*dW, W += ..., or w[i] += ..."""
    if new.op == "add" and any(i is old for i in new.inputs):
        return True
    if new.op == "subtract" and new.inputs[0] is old:
        return True
    if new.op == "setitem" and _before_writes(new.inputs[0]) is old and \
            isinstance(new.inputs[1], Node):
        value = new.inputs[1]
        return value.op in ("add", "subtract") and any(
            isinstance(i, Node) and i.op == "getitem" and i.inputs[0] is old
            for i in value.inputs)
    return False


def _before_writes(node: object) -> object:
    """What an array held before writes through views of it (``W[0] -= g`` writes first)."""
    while isinstance(node, Node) and node.op == "write":
        node = node.inputs[0]
    return node


def _used_since(node: Node) -> bool:
    """Whether an array was multiplied with (a forward pass) after it was made."""
    recent = tape.TAPE.recent
    start = bisect.bisect_right(recent, node.id, key=lambda n: n.id)
    for n in recent[start:]:
        if n.op in PRODUCTS and any(_comes_from(i, node) for i in n.inputs):
            return True
    return False


def _comes_from(value: Any, node: Node) -> bool:
    while isinstance(value, Node):
        if value is node:
            return True
        if value.op not in ("getitem", "transpose", "reshape"):
            return False
        value = value.inputs[0]
    return False


def watch(source: str, filename: str, steps: int | None = 3, seconds: float = 15.0,
          on_step: Callable[[Step], None] | None = None,
          printed: io.StringIO | None = None) -> Watched:
    """Run their program until it has taken ``steps`` training steps (None: to its end) or
    ``seconds`` pass; with ``on_step`` each step goes there as it ends (a run being watched
    live), else the steps are in the answer. What it prints goes to ``printed``."""
    watcher = Watcher(filename, steps, time.monotonic() + seconds, on_step)
    printed, ragged = printed if printed is not None else io.StringIO(), []
    recorder = tape.start(filename)
    error, line, ended = None, None, True
    namespace: dict[str, Any] = {"__name__": "__main__", "__file__": filename}
    code = compile(source, filename, "exec")
    with contextlib.redirect_stdout(printed), _ragged_arrays_allowed(ragged, filename), \
            warnings.catch_warnings():
        warnings.simplefilter("default")  # their program's warnings as Python shows them
        sys.settrace(watcher.trace)
        try:
            exec(code, namespace)  # noqa: S102 - theirs, in the sandbox's child
        except Stop:
            ended = False
        except BaseException as e:  # noqa: BLE001 - theirs, a finding
            error, line = e, _their_line(e, filename)
        finally:
            sys.settrace(None)
            tape.stop()
    watcher.finish(error is not None)
    return Watched(watcher.steps, printed.getvalue(), error, line, ragged, recorder.broadcasts,
                   ended)


def _their_line(error: BaseException, filename: str) -> int | None:
    tb, line = error.__traceback__, None
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == filename:
            line = tb.tb_lineno
        tb = tb.tb_next
    return line


@contextlib.contextmanager
def _ragged_arrays_allowed(lines: list[int], filename: str) -> Any:
    """Their ``np.array`` of arrays of different shapes gives an object array, as NumPy before
    1.24 did (the mechanical fix), and the line is noted."""
    original = np.array

    def array(obj: Any, *args: Any, **kwargs: Any) -> Any:
        try:
            return original(obj, *args, **kwargs)
        except ValueError as e:
            if RAGGED not in str(e) or args or kwargs:
                raise
            frame = sys._getframe(1)
            if frame.f_code.co_filename == filename:
                lines.append(frame.f_lineno)
            return original(obj, dtype=object)

    np.array = array
    try:
        yield
    finally:
        np.array = original
