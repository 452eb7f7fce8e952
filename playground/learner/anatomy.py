"""The network inside a learner's training step, read from what the step computed. Qt-free.

``find(step)`` takes one watched step (``learner.watch.Step``): the arrays it updated are the
parameters; every node computed from them is downstream; the first ``output − target`` (a
subtract of a downstream array and one computed without any parameter) gives the output and the
targets, the one with the most weight products above it winning. The forward pass is what the
output was computed from; its products of a parameter with something else are the layers, in
order. Each layer's weighted sum may have an array added (its bias, updated or not); what turns
it into the next layer's input is its activation, named by comparing values with the
playground's own activations. Nothing is taken from names: ``x @ W``, ``np.dot(W, a)`` and
``w[0] * x`` are found alike.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from playground.learner.tape import Node
from playground.learner.watch import PRODUCTS, Step, Update
from playground.nn.activations import ACTIVATIONS

Array = np.ndarray
SHAPE_OPS = ("getitem", "transpose", "reshape", "copy")
NAMED = ("sigmoid", "tanh", "relu", "leaky_relu", "elu", "softplus", "linear")


class NotFoundError(Exception):
    """The step's arrays do not show a network; the message says what is missing."""


@dataclass
class Layer:
    weight: Node  # the parameter the product reads (its value before the step)
    weight_name: str
    product: Node
    z: Node
    a: Node
    activation: str  # a name in ACTIVATIONS, "softmax over the batch" or "unknown"
    units: int
    bias: Node | None = None
    bias_name: str | None = None
    bias_updated: bool = False
    index: object = None  # what of the weight array the product reads (``w[0]``); None: all

@dataclass
class Anatomy:
    layers: list[Layer]
    x: object  # the first product's other operand (a Node or an array)
    y: Array  # the targets, as the error met them
    out: Node
    error: Node  # their output − target
    convention: str  # "row" (x @ W), "column" (W @ x) or "scalar" (w * x)
    order: list[Node] = field(default_factory=list)  # the forward pass, as it was computed
    inputs: int = 0
    samples: int = 0
    # every forward pass of the step whose error feeds the update (a mini-batch taken one
    # sample at a time has one per sample): (error, out, targets, inputs), the first as above
    passes: list[tuple[Node, Node, Array, object]] = field(default_factory=list)
    za: list[list[tuple[Node, Node]]] = field(default_factory=list)  # per pass, per layer (z, a)

    @property
    def outs(self) -> list[Node]:
        return [p[1] for p in self.passes]

    def describe(self) -> str:
        """"784 → 16 sigmoid → 10 sigmoid", for the table."""
        return " → ".join([str(self.inputs)] + [f"{layer.units} {layer.activation}"
                                               for layer in self.layers])


def root(value: object) -> object:
    """The array an index, transpose or reshape of ``value`` reads."""
    while isinstance(value, Node) and value.op in SHAPE_OPS and value.inputs:
        value = value.inputs[0]
    return value


def find(step: Step) -> Anatomy:
    params = {u.old.id: u for u in step.updates}
    down = downstream(step.nodes, params)
    first = next((n for n in step.nodes if n.id in down and _is_product(n, params)), None)
    if first is None:
        raise NotFoundError("no product of a parameter with the inputs")
    form = _form(first, params)
    depth = _depths(step.nodes, params, down, form)
    errors = _errors(step.nodes, down, depth, params, feeding(step))
    error, out, y = errors[0]
    order = _ancestors(out, down)
    products = _products(order, params, form, depth)
    convention = _convention(products[0], params)
    layers = [_layer(p, i, products, out, order, params, convention)
              for i, p in enumerate(products)]
    x = _other(products[0], params)
    passes = [(error, out, y, x)]
    za = [[(layer.z, layer.a) for layer in layers]]
    for e, o, t in errors[1:]:
        mine = _ancestors(o, down)
        more = _products(mine, params, form, depth)
        if len(more) == len(products):
            passes.append((e, o, t, _other(more[0], params)))
            za.append(_za(more, o, mine, params))
    inputs, samples = _sizes(np.asarray(_value(x)), convention)
    order = sorted({n.id: n for o in passes for n in _ancestors(o[1], down)}.values(),
                   key=lambda n: n.id)
    return Anatomy(layers, x, y, out, error, convention, order, inputs,
                   samples * len(passes), passes, za)


def _za(products: list[Node], out: Node, order: list[Node], params: dict[int, Update]
        ) -> list[tuple[Node, Node]]:
    """A forward pass's weighted sum and activation, layer by layer."""
    pairs = []
    for i, product in enumerate(products):
        a = out if i == len(products) - 1 else _input_of(products[i + 1], params)
        pairs.append((_weighted_sum(product, order, params)[0], a))
    return pairs


def _input_of(product: Node, params: dict[int, Update]) -> object:
    """What a layer's product multiplies its weight with: the layer below's output (``-h @ W``
    reads h)."""
    a = _other(product, params)
    while isinstance(a, Node) and a.op in ("negative", "copy") and isinstance(a.inputs[0], Node):
        a = a.inputs[0]
    return a


def _products(order: list[Node], params: dict[int, Update], form: tuple[str, int, bool],
              depth: dict[int, int]) -> list[Node]:
    """A forward pass's products of a parameter with its layer's input, layer by layer."""
    return sorted((n for n in order if _is_product(n, params) and _form(n, params) == form),
                  key=lambda n: depth[n.id])


def feeding(step: Step, updates: list[Update] | None = None) -> set[int]:
    """The ids of the step's nodes its updates (or ``updates`` of them) were computed from."""
    first = step.nodes[0].id if step.nodes else 0
    seen: set[int] = set()
    stack = [u.node for u in (step.updates if updates is None else updates)]
    while stack:
        for i in stack.pop().inputs:
            if isinstance(i, Node) and i.id >= first and i.id not in seen:
                seen.add(i.id)
                stack.append(i)
    return seen


def _value(x: object) -> Array:
    return x.value if isinstance(x, Node) else np.asarray(x)


def _is_param(value: object, params: dict[int, Update]) -> bool:
    r = root(value)
    return isinstance(r, Node) and r.id in params


def downstream(nodes: list[Node], ids: set[int] | dict[int, object]) -> set[int]:
    """The ids of the ``nodes`` computed from the nodes ``ids`` names, however far down."""
    down: set[int] = set()
    for n in nodes:
        if any(isinstance(i, Node) and (i.id in ids or i.id in down) for i in n.inputs):
            down.add(n.id)
    return down


def _is_product(n: Node, params: dict[int, Update]) -> bool:
    if n.op not in PRODUCTS or len(n.inputs) != 2:
        return False
    flags = [_is_param(i, params) for i in n.inputs]
    other = n.inputs[flags.index(False)] if flags.count(True) == 1 else None
    return other is not None and (isinstance(other, Node) or np.ndim(other) >= 1)


def _form(n: Node, params: dict[int, Update]) -> tuple[str, int, bool]:
    """How a product reads its parameter: (op, which side, through a transpose). The forward
    pass's products all have the first one's form; backprop's W.T products have another."""
    side = 0 if _is_param(n.inputs[0], params) else 1
    value, transposed = n.inputs[side], False
    while isinstance(value, Node) and value.op in SHAPE_OPS and value.inputs:
        transposed |= value.op == "transpose"
        value = value.inputs[0]
    return ("multiply" if n.op == "multiply" else "matmul", side, transposed)


def _depths(nodes: list[Node], params: dict[int, Update], down: set[int],
            form: tuple[str, int, bool]) -> dict[int, int]:
    """How many forward products lie above each downstream node."""
    depth: dict[int, int] = {}
    for n in nodes:
        if n.id in down:
            above = max((depth.get(i.id, 0) for i in n.inputs if isinstance(i, Node)),
                        default=0)
            forward = _is_product(n, params) and _form(n, params) == form
            depth[n.id] = above + (1 if forward else 0)
    return depth


def _errors(nodes: list[Node], down: set[int], depth: dict[int, int],
            params: dict[int, Update], feeding: set[int]) -> list[tuple[Node, Node, Array]]:
    """Each forward pass's first subtract of an output (downstream) and targets (not), the
    deepest outputs only, those whose error the update is computed from (one per sample of a
    mini-batch taken a sample at a time; not a test set's); at least the first one."""
    found = _candidates(nodes, down, depth, params)
    if not found:
        raise NotFoundError("no output − target")
    deepest = max(depth[out.id] for _, out, _ in found)
    found = [f for f in found if depth[f[1].id] == deepest]
    fed = [f for f in found if f[0].id in feeding]
    unique = {f[1].id: f for f in reversed(fed or found[:1])}  # the first error of each output
    return sorted(unique.values(), key=lambda f: f[0].id)


def _candidates(nodes: list[Node], down: set[int], depth: dict[int, int],
                params: dict[int, Update]) -> list[tuple[Node, Node, Array]]:
    best = []
    for n in nodes:
        if n.op != "subtract" or n.id not in down or len(n.inputs) != 2:
            continue
        a, b = n.inputs
        if _is_param(a, params) or _is_param(b, params):
            continue  # an update, W - lr·dW
        inside = [isinstance(v, Node) and v.id in down for v in (a, b)]
        if inside.count(True) != 1:
            continue
        out, target = (a, b) if inside[0] else (b, a)
        t = np.asarray(_value(target))
        if t.ndim == 0 or t.size != np.size(out.value) or depth.get(out.id, 0) < 1:
            continue
        best.append((n, out, np.asarray(t, dtype=np.float64)))
    return best


def _ancestors(out: Node, down: set[int]) -> list[Node]:
    seen, stack = {out.id: out}, [out]
    while stack:
        for i in stack.pop().inputs:
            if isinstance(i, Node) and i.id in down and i.id not in seen:
                seen[i.id] = i
                stack.append(i)
    return sorted(seen.values(), key=lambda n: n.id)


def _other(product: Node, params: dict[int, Update]) -> object:
    return next(i for i in product.inputs if not _is_param(i, params))


def _convention(product: Node, params: dict[int, Update]) -> str:
    if product.op == "multiply":
        return "scalar"
    return "row" if _is_param(product.inputs[1], params) else "column"


def _layer(product: Node, i: int, products: list[Node], out: Node, order: list[Node],
           params: dict[int, Update], convention: str) -> Layer:
    operand = next(x for x in product.inputs if _is_param(x, params))
    weight = root(operand)
    z, bias = _weighted_sum(product, order, params)
    a = out if i == len(products) - 1 else _input_of(products[i + 1], params)
    if not isinstance(a, Node):
        raise NotFoundError("a layer's input is not computed from the layer below")
    activation = _activation(z.value, a.value, convention)
    if activation == "unknown" and a.inputs and a.inputs[0] is z and \
            isinstance(getattr(np, a.op, None), np.ufunc):
        activation = a.op  # np.arctan(z): named by the function their code calls
    layer = Layer(weight, _name(params[weight.id].name, operand), product, z, a, activation,
                  _units(a.value, convention))
    if isinstance(operand, Node) and operand.op == "getitem" and operand.inputs[0] is weight:
        layer.index = operand.params.get("index")
    if bias is not None:
        b = root(bias)
        layer.bias = b if isinstance(b, Node) else None
        layer.bias_updated = isinstance(b, Node) and b.id in params
        name = params[b.id].name if layer.bias_updated else getattr(b, "path", None)
        layer.bias_name = _name(name, bias) if name else None
    return layer


def _name(name: str, operand: object) -> str:
    """``w[0]`` for a layer that reads one number of the array ``w``."""
    if isinstance(operand, Node) and operand.op == "getitem":
        index = operand.params.get("index")
        if isinstance(index, int) or (isinstance(index, tuple) and
                                      all(isinstance(i, int) for i in index)):
            return f"{name}[{', '.join(map(str, np.atleast_1d(index)))}]"
    return name


def _weighted_sum(product: Node, order: list[Node], params: dict[int, Update]
                  ) -> tuple[Node, object | None]:
    """The product plus the array added to it (a bias), or the product alone."""
    for n in order:
        if n.op == "add" and len(n.inputs) == 2 and any(i is product for i in n.inputs):
            other = n.inputs[1] if n.inputs[0] is product else n.inputs[0]
            if isinstance(other, Node) or np.ndim(other) >= 1:
                return n, other
    return product, None


def _activation(z: Array, a: Array, convention: str) -> str:
    z, a = np.asarray(z, dtype=np.float64), np.asarray(a, dtype=np.float64)
    if z.shape != a.shape:
        return "unknown"
    with np.errstate(all="ignore"):
        for name in NAMED:
            if np.allclose(ACTIVATIONS[name].forward(z.copy()), a, rtol=1e-5, atol=1e-8):
                return name
        if np.allclose(ACTIVATIONS["sigmoid"].forward(-z), a, rtol=1e-5, atol=1e-8):
            return "sigmoid"  # 1 / (1 + np.exp(-x @ W)): the product recorded is (-x) @ W
        if z.ndim == 2:
            for axis, name in ((1, "softmax"), (0, "softmax over the batch")):
                if convention == "column":
                    axis = 1 - axis
                e = np.exp(z - z.max(axis=axis, keepdims=True))
                if np.allclose(e / e.sum(axis=axis, keepdims=True), a, rtol=1e-5, atol=1e-8):
                    return name
    return "unknown"


def _units(a: Array, convention: str) -> int:
    a = np.asarray(a)
    if convention == "scalar" or a.ndim == 0:
        return 1
    return int(a.shape[0] if convention == "column" else a.shape[-1])


def _sizes(x: Array, convention: str) -> tuple[int, int]:
    """(inputs, samples) of the first layer's other operand."""
    if convention == "scalar" or x.ndim == 0:
        return 1, int(max(x.size, 1))
    if convention == "column":
        return int(x.shape[0]), int(x.shape[1]) if x.ndim == 2 else 1
    return int(x.shape[-1]), int(x.shape[0]) if x.ndim == 2 else 1
