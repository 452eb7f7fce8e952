"""Reverse mode over a recorded forward pass (``learner.tape``), in float64. Qt-free.

``backward(order, out, seed)`` gives the cotangent (∂L/∂node) of every node of ``order``
(the forward pass's nodes, sorted as they were made) and of the leaves they read, for
``seed`` = ∂L/∂out. Each NumPy operation a learner's forward pass uses has its rule below; any
other elementwise ufunc is differentiated by central differences in float64; an operation
without either raises ``UnfollowableError`` naming it and its line, so the check says what it
could not follow instead of guessing. ``through`` replaces an activation's rule (a → z) by a
function of its own: how the check asks "what if f′ were taken at a?".
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from playground.learner.tape import Node

Array = np.ndarray
NO_GRADIENT = {"greater", "greater_equal", "less", "less_equal", "equal", "not_equal",
               "sign", "floor", "ceil", "rint", "argmax", "isnan", "isfinite", "logical_and",
               "logical_or", "logical_not"}


class UnfollowableError(Exception):
    """The forward pass uses an operation the check has no rule for."""

    def __init__(self, node: Node) -> None:
        super().__init__(node.op)
        self.node = node


def value(x: object) -> Array:
    return np.asarray(x.value if isinstance(x, Node) else x, dtype=np.float64)


def backward(order: list[Node], out: Node | list[Node], seed: Array | list[Array],
             through: dict[int, tuple[Node, Callable[[Array], Array]]] | None = None
             ) -> dict[int, Array]:
    """Cotangents by node id, from ``out`` (with ∂L/∂out = ``seed``) down; several outputs
    (a mini-batch taken one sample at a time) with a seed each: their gradients add up."""
    outs, seeds = (out, seed) if isinstance(out, list) else ([out], [seed])
    with np.errstate(all="ignore"):  # a saturated sigmoid's exp(-z) = inf: its rule gives 0
        return _backward(order, outs, seeds, through or {})


def _backward(order: list[Node], outs: list[Node], seeds: list[Array],
              through: dict[int, tuple[Node, Callable[[Array], Array]]]) -> dict[int, Array]:
    cot: dict[int, Array] = {}
    for out, seed in zip(outs, seeds, strict=True):
        _add(cot, out, seed)
    for node in sorted(order, key=lambda n: n.id, reverse=True):
        g = cot.get(node.id)
        if g is None or node.op == "leaf":
            continue
        if node.id in through:
            target, fn = through[node.id]
            _add(cot, target, fn(g))
            continue
        for parent, part in _rule(node, g):
            _add(cot, parent, part)
    return cot


def _add(cot: dict[int, Array], parent: object, part: Array) -> None:
    if not isinstance(parent, Node):
        return
    shape = np.shape(parent.value)
    part = _unbroadcast(np.asarray(part, dtype=np.float64), shape)
    if parent.id in cot:
        cot[parent.id] = cot[parent.id] + part
    else:
        cot[parent.id] = part


def _unbroadcast(g: Array, shape: tuple) -> Array:
    if g.shape == shape:
        return g
    while g.ndim > len(shape):
        g = g.sum(axis=0)
    for axis, n in enumerate(shape):
        if n == 1 and g.shape[axis] != 1:
            g = g.sum(axis=axis, keepdims=True)
    return g.reshape(shape)


def _rule(node: Node, g: Array) -> list[tuple[object, Array]]:
    op, ins = node.op, node.inputs
    if op in NO_GRADIENT:
        return []
    if op in ELEMENTWISE:
        return ELEMENTWISE[op](ins, value(node), g)
    if op in ("matmul", "dot"):
        return _matmul(ins[0], ins[1], g)
    if op in SHAPES:
        return [(ins[0], SHAPES[op](node, g))]
    if op == "setitem":
        index = node.params["index"]
        kept = g.copy()
        kept[index] = 0
        return [(ins[0], kept), (ins[1], g[index])]
    if op in ("add.reduce", "maximum.reduce", "minimum.reduce"):
        return [(ins[0], _reduce(node, g))]
    if op == "concatenate":
        return _concatenate(node, g)
    if op == "where":
        cond = value(ins[0]).astype(bool)
        return [(ins[1], np.where(cond, g, 0.0)), (ins[2], np.where(cond, 0.0, g))]
    if isinstance(getattr(np, op, None), np.ufunc) and getattr(np, op).nout == 1:
        return _numeric(getattr(np, op), ins, g)
    raise UnfollowableError(node)


def _numeric(ufunc: np.ufunc, ins: tuple, g: Array) -> list[tuple[object, Array]]:
    """Any other elementwise NumPy function (arctan, sinh, erf...): each partial derivative
    by a central difference in float64, element by element (exact to ~1e-9 for a smooth f)."""
    xs = [value(i) for i in ins]
    out = []
    for k, x in enumerate(xs):
        h = 1e-6 * (1 + np.abs(x))
        plus, minus = list(xs), list(xs)
        plus[k], minus[k] = x + h, x - h
        out.append((ins[k], g * (ufunc(*plus) - ufunc(*minus)) / (2 * h)))
    return out


def _elementwise() -> dict[str, Callable]:
    def two(fa: Callable, fb: Callable) -> Callable:
        return lambda ins, out, g: [(ins[0], fa(value(ins[0]), value(ins[1]), out, g)),
                                    (ins[1], fb(value(ins[0]), value(ins[1]), out, g))]

    def one(f: Callable) -> Callable:
        return lambda ins, out, g: [(ins[0], f(value(ins[0]), out, g))]

    def pick(a: Array, b: Array, first: bool) -> Array:
        return (a >= b) if first else (a < b)

    return {
        "add": two(lambda a, b, o, g: g, lambda a, b, o, g: g),
        "subtract": two(lambda a, b, o, g: g, lambda a, b, o, g: -g),
        "multiply": two(lambda a, b, o, g: g * b, lambda a, b, o, g: g * a),
        "divide": two(lambda a, b, o, g: g / b, lambda a, b, o, g: -g * a / (b * b)),
        "power": two(lambda a, b, o, g: g * b * a ** (b - 1),
                     lambda a, b, o, g: g * o * np.log(np.where(a > 0, a, 1.0))),
        "maximum": two(lambda a, b, o, g: g * pick(a, b, True),
                       lambda a, b, o, g: g * pick(a, b, False)),
        "minimum": two(lambda a, b, o, g: g * (a <= b), lambda a, b, o, g: g * (a > b)),
        "negative": one(lambda a, o, g: -g),
        "positive": one(lambda a, o, g: g),
        "exp": one(lambda a, o, g: np.where(g == 0, 0.0, g * o)),
        "expm1": one(lambda a, o, g: g * (o + 1)),
        "log": one(lambda a, o, g: g / a),
        "log1p": one(lambda a, o, g: g / (1 + a)),
        "tanh": one(lambda a, o, g: g * (1 - o * o)),
        "sqrt": one(lambda a, o, g: g * 0.5 / o),
        "square": one(lambda a, o, g: 2 * a * g),
        "absolute": one(lambda a, o, g: g * np.sign(a)),
        "reciprocal": one(lambda a, o, g: -g * o * o),
        "clip": lambda ins, out, g: [(ins[0], g * (value(ins[0]) == out))],
        }


ELEMENTWISE = _elementwise()
ELEMENTWISE["true_divide"] = ELEMENTWISE["divide"]


def _matmul(a_in: object, b_in: object, g: Array) -> list[tuple[object, Array]]:
    a, b = value(a_in), value(b_in)
    if a.ndim == 0 or b.ndim == 0:
        return [(a_in, g * b), (b_in, g * a)]
    if a.ndim == 1 and b.ndim == 1:
        return [(a_in, g * b), (b_in, g * a)]
    if a.ndim == 1:
        return [(a_in, b @ g), (b_in, np.outer(a, g))]
    if b.ndim == 1:
        return [(a_in, np.outer(g, b)), (b_in, a.T @ g)]
    return [(a_in, g @ np.swapaxes(b, -1, -2)), (b_in, np.swapaxes(a, -1, -2) @ g)]


def _transpose(node: Node, g: Array) -> Array:
    axes = node.params.get("axes")
    return g.T if axes is None else g.transpose(np.argsort(axes))


def _getitem(node: Node, g: Array) -> Array:
    out = np.zeros(np.shape(node.inputs[0].value if isinstance(node.inputs[0], Node)
                            else node.inputs[0]))
    np.add.at(out, node.params["index"], g)
    return out


SHAPES = {"transpose": _transpose, "getitem": _getitem,
          "reshape": lambda node, g: g.reshape(np.shape(value(node.inputs[0]))),
          "copy": lambda node, g: g, "write": lambda node, g: g}


def _reduce(node: Node, g: Array) -> Array:
    x = value(node.inputs[0])
    axis, keep = node.params.get("axis", 0), node.params.get("keepdims", False)
    out = value(node)
    if axis is not None and not keep:
        g, out = np.expand_dims(g, axis), np.expand_dims(out, axis)
    if node.op == "add.reduce":
        return np.broadcast_to(g, x.shape)
    chosen = (x == out)
    return chosen * g / np.maximum(chosen.sum(axis=axis, keepdims=True), 1)


def _concatenate(node: Node, g: Array) -> list[tuple[object, Array]]:
    axis = node.params.get("axis", 0)
    sizes = [np.shape(value(p))[axis] for p in node.inputs]
    parts = np.split(g, np.cumsum(sizes)[:-1], axis=axis)
    return list(zip(node.inputs, parts, strict=True))
