"""Every NumPy operation on a learner's arrays, recorded while their program runs. Qt-free.

``Tracked`` is an ``ndarray`` subclass: a learner's array is viewed as one (same memory, so
their in-place updates still land), and each ufunc, ``dot``, transpose, reshape, index and
assignment on it is done on plain arrays and recorded as a ``Node``: the operation, its inputs
(nodes, or constants), its value, and where in their file it happened (their lines, innermost
first). The result is Tracked again, so a whole training step becomes a graph that
``learner.reverse`` differentiates and ``learner.anatomy`` reads as a network.

An in-place operation (``W -= lr * dW``, ``b[0] = 1``) gives the array a new node; the old
node's value is copied first (copy on write), so the weights a step started from stay known.
Runs only in the sandbox's child, never in the window's process.
"""

from __future__ import annotations

import itertools
import sys
import weakref
from collections import deque
from collections.abc import Callable
from typing import Any

import numpy as np

Array = np.ndarray
MAX_RECENT = 400_000  # nodes kept for the steps being watched; older ones are dropped
MAX_VIEWS = 64  # views of one array kept to be frozen with it (a data set's batches: many)
VIEWS = ("getitem", "transpose", "reshape")  # operations whose result may share memory
_ids = itertools.count(1)


class Node:
    """One recorded operation: ``op`` on ``inputs`` (Nodes or constants) gave ``value``."""

    __slots__ = ("id", "op", "inputs", "params", "value", "where", "live", "path", "views",
                 "holder", "used")

    def __init__(self, op: str, inputs: tuple, value: Array, params: dict | None = None,
                 where: tuple[tuple[int, str], ...] = ()) -> None:
        self.id = next(_ids)
        self.op, self.inputs, self.value = op, inputs, value
        self.params = params or {}
        self.where = where  # ((line, function), ...) in their file, innermost first
        self.live = True  # value is the array itself, which an in-place operation may change
        self.path: str | None = None  # a leaf's name in their program ("weights1", "self.W[0]")
        self.views: deque[Node] = deque(maxlen=MAX_VIEWS)  # nodes whose value is a view of ours
        self.holder: weakref.ref | None = None  # the Tracked array whose node this is
        self.used = False  # its values were read by an operation (a view, a write are not)
        if op not in VIEWS:
            for i in inputs[1:] if op in ("setitem", "write") else inputs:
                if isinstance(i, Node):
                    i.used = True

    @property
    def line(self) -> int | None:
        return self.where[0][0] if self.where else None

    def freeze(self) -> None:
        """Copy the value before the array it shows changes in place, and the values of the
        views of it (``W.T``, ``W[0]``), which would change with it."""
        if self.live:
            self.value = np.array(self.value, copy=True)
            self.live = False
        while self.views:
            self.views.popleft().freeze()

    def before_write(self) -> None:
        """The array this node shows is about to change in place: keep its value, and the
        values of the arrays it is a view of (``W[0] -= g``, ``outputs[i][x] = 1`` write into
        W and outputs), whose arrays get a node of their own for what they hold next."""
        self.freeze()
        node = self
        while node.op in VIEWS and node.inputs and isinstance(node.inputs[0], Node):
            node = node.inputs[0]
            if not (node.used or any(v.used for v in node.views)):
                continue  # nothing read it yet: what it holds next is what it held
            node.freeze()
            holder = node.holder() if node.holder is not None else None
            if holder is not None and holder._node is node and TAPE is not None and TAPE.on:
                hold(holder, TAPE.add(Node("write", (node,), plain(holder), where=TAPE.where())))

    def __repr__(self) -> str:  # for a failing test's message
        return f"Node({self.id}, {self.op}, {getattr(self.value, 'shape', None)}, {self.line})"


class Tape:
    """What is being recorded: their file's name (for lines) and the nodes made lately."""

    def __init__(self, filename: str) -> None:
        self.filename = filename
        self.recent: list[Node] = []
        self.broadcasts: list[tuple[Node, tuple, tuple]] = []  # an add or subtract that grew
        self.on = True

    def where(self) -> tuple[tuple[int, str], ...]:
        out, frame = [], sys._getframe(1)
        while frame is not None and len(out) < 16:
            if frame.f_code.co_filename == self.filename:
                out.append((frame.f_lineno, frame.f_code.co_name))
            frame = frame.f_back
        return tuple(out)

    def add(self, node: Node) -> Node:
        self.recent.append(node)
        if len(self.recent) > MAX_RECENT:
            del self.recent[: MAX_RECENT // 4]
        return node


TAPE: Tape | None = None


def start(filename: str) -> Tape:
    global TAPE
    TAPE = Tape(filename)
    return TAPE


def stop() -> None:
    if TAPE is not None:
        TAPE.on = False


def plain(value: Any) -> Any:
    return value.view(np.ndarray) if isinstance(value, Tracked) else value


def ref(value: Any) -> Any:
    """What an input is in a node: its node when it is a tracked array, else the value."""
    if isinstance(value, Tracked) and value._node is not None:
        return value._node
    return plain(value)


def hold(array: Tracked, node: Node) -> Node:
    """``node`` is what ``array`` holds now."""
    array._node, node.holder = node, weakref.ref(array)
    return node


def leaf(array: Array, path: str) -> Tracked:
    """``array`` as a Tracked view, its node a leaf named ``path``."""
    out = array.view(Tracked)
    node = Node("leaf", (), array, where=TAPE.where() if TAPE else ())
    node.path = path
    hold(out, TAPE.add(node) if TAPE else node)
    return out


def _result(value: Any, op: str, inputs: tuple, params: dict | None = None) -> Any:
    """``value`` tracked as the output of ``op``; a scalar or non-array value as it is."""
    if TAPE is None or not TAPE.on:
        return value
    if isinstance(value, np.generic):
        if not np.issubdtype(value.dtype, np.floating):
            return value  # an integer label or a bool stays a scalar: it is never learned
        value = np.asarray(value)
    if not isinstance(value, np.ndarray) or value.dtype == object:
        return value
    base = plain(value)
    out = base.view(Tracked)
    node = hold(out, TAPE.add(Node(op, inputs, base, params, TAPE.where())))
    if op in VIEWS and base.base is not None and isinstance(inputs[0], Node) and inputs[0].live:
        inputs[0].views.append(node)  # frozen with it when it changes in place
    return out


class Tracked(np.ndarray):
    """A learner's array whose operations are recorded on ``TAPE``."""

    _node: Node | None = None

    def __array_finalize__(self, obj: Any) -> None:
        self._node = None  # a view NumPy made: it gets a node where we know its operation

    def __array_ufunc__(self, ufunc: np.ufunc, method: str, *inputs: Any, **kwargs: Any) -> Any:
        outs = kwargs.get("out")
        if outs:
            for o in outs:
                if isinstance(o, Tracked) and o._node is not None:
                    o._node.before_write()
            kwargs["out"] = tuple(plain(o) for o in outs)
        value = getattr(ufunc, method)(*(plain(i) for i in inputs), **kwargs)
        op = ufunc.__name__ if method == "__call__" else f"{ufunc.__name__}.{method}"
        params = {k: v for k, v in kwargs.items() if k in ("axis", "keepdims")}
        refs = tuple(ref(i) for i in inputs)
        if not outs:
            result = _result(value, op, refs, params)
            _note_broadcast(op, inputs, result)
            return result
        if len(outs) != 1 or not isinstance(outs[0], Tracked) or TAPE is None or not TAPE.on:
            return value if not isinstance(outs[0], Tracked) else outs[0]
        target = outs[0]
        hold(target, TAPE.add(Node(op, refs, plain(target), params, TAPE.where())))
        return target

    def __array_function__(self, func: Callable, types: tuple, args: tuple, kwargs: dict
                           ) -> Any:
        name = RECORDED.get(func)
        if name is None:
            return super().__array_function__(func, types, args, kwargs)
        plain_args = [([plain(a) for a in x] if isinstance(x, (list, tuple)) else plain(x))
                      for x in args]
        value = func(*plain_args, **{k: plain(v) for k, v in kwargs.items()})
        if name == "concatenate":
            parts = tuple(ref(a) for a in args[0])
            return _result(value, name, parts, {"axis": kwargs.get(
                "axis", args[1] if len(args) > 1 else 0)})
        return _result(value, name, tuple(ref(a) for a in args))

    # --- what NumPy does in C without asking the two methods above ---------------------------
    def __getitem__(self, index: Any) -> Any:
        value = plain(self)[_plain_index(index)]
        return _result(value, "getitem", (ref(self),), {"index": _plain_index(index)})

    def __setitem__(self, index: Any, value: Any) -> None:
        if self._node is not None:
            self._node.before_write()
        old = self._node  # a write through a view may have given it a new one
        plain(self)[_plain_index(index)] = plain(value)
        if old is not None and TAPE is not None and TAPE.on:
            hold(self, TAPE.add(Node("setitem", (old, ref(value)), plain(self),
                                     {"index": _plain_index(index)}, TAPE.where())))

    @property
    def T(self) -> Any:  # noqa: N802 - NumPy's name
        return self.transpose()

    def transpose(self, *axes: Any) -> Any:
        axes_ = axes[0] if len(axes) == 1 and not isinstance(axes[0], int) else axes
        value = plain(self).transpose(*axes)
        return _result(value, "transpose", (ref(self),), {"axes": tuple(axes_) or None})

    def reshape(self, *shape: Any, **kwargs: Any) -> Any:
        value = plain(self).reshape(*shape, **kwargs)
        return _result(value, "reshape", (ref(self),))

    def ravel(self, order: str = "C") -> Any:
        return _result(plain(self).ravel(order), "reshape", (ref(self),))

    def flatten(self, order: str = "C") -> Any:
        return _result(plain(self).flatten(order), "reshape", (ref(self),))

    def copy(self, order: str = "C") -> Any:
        return _result(plain(self).copy(order), "copy", (ref(self),))

    def astype(self, dtype: Any, *args: Any, **kwargs: Any) -> Any:
        return _result(plain(self).astype(dtype, *args, **kwargs), "copy", (ref(self),))

    def dot(self, other: Any, out: Any = None) -> Any:
        return _result(np.dot(plain(self), plain(other)), "dot", (ref(self), ref(other)))


RECORDED = {np.dot: "dot", np.concatenate: "concatenate", np.copy: "copy", np.where: "where"}


def _plain_index(index: Any) -> Any:
    if isinstance(index, tuple):
        return tuple(plain(i) for i in index)
    return plain(index)


def _note_broadcast(op: str, inputs: tuple, result: Any) -> None:
    """An add or subtract of two arrays whose result is larger than both: (4, 1) - (4,) makes
    a (4, 4), the silent shape mistake."""
    if op not in ("add", "subtract") or not isinstance(result, Tracked) or TAPE is None:
        return
    arrays = [i for i in inputs if isinstance(i, np.ndarray) and i.ndim >= 1]
    if len(arrays) == 2 and result.size > max(a.size for a in arrays) and \
            min(a.size for a in arrays) > 1:
        TAPE.broadcasts.append((result._node, arrays[0].shape, arrays[1].shape))
