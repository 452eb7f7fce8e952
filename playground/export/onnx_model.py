"""A network as an ONNX model (opset 17), built with the ``onnx`` package. Qt-free.

The graph takes ``input`` (batch, input_dim) float32 and gives ``output``, what
``Network.predict_proba`` returns: per layer a MatMul, an Add for the bias, and the activation as
ONNX writes it (GELU's tanh approximation and SiLU spelled out in elementary operators, since
opset 17 has neither). ``onnx.checker`` checks the model before it is written. The ``onnx``
package is an optional extra (``pip install -e ".[export]"``): ``available()`` says whether it
is installed, and ``INSTALL_HINT`` how to install it.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import numpy as np

from playground.nn import Network
from playground.nn.activations import GELU_C, GELU_K, LEAKY_SLOPE

OPSET = 17
INSTALL_HINT = ('ONNX export needs the onnx package: pip install -e ".[export]" '
                "(or pip install onnx)")


def available() -> bool:
    return importlib.util.find_spec("onnx") is not None


class _Graph:
    """Nodes and weights of the graph being built, with fresh names."""

    def __init__(self) -> None:
        from onnx import helper, numpy_helper

        self.helper, self.numpy_helper = helper, numpy_helper
        self.nodes: list = []
        self.weights: list = []
        self._count = 0

    def name(self, stem: str) -> str:
        self._count += 1
        return f"{stem}_{self._count}"

    def constant(self, stem: str, value: np.ndarray | float) -> str:
        name = self.name(stem)
        array = np.asarray(value, dtype=np.float32)
        self.weights.append(self.numpy_helper.from_array(array, name))
        return name

    def op(self, kind: str, inputs: list[str], stem: str, **attributes: object) -> str:
        out = self.name(stem)
        self.nodes.append(self.helper.make_node(kind, inputs, [out], **attributes))
        return out


def _activation(g: _Graph, name: str, x: str, layer: int) -> str:
    """The activation ``name`` applied to ``x``, as ONNX operators."""
    stem = f"a{layer}"
    simple = {"sigmoid": "Sigmoid", "tanh": "Tanh", "relu": "Relu", "softplus": "Softplus",
              "sine": "Sin"}
    if name in simple:
        return g.op(simple[name], [x], stem)
    if name == "leaky_relu":
        return g.op("LeakyRelu", [x], stem, alpha=LEAKY_SLOPE)
    if name == "elu":
        return g.op("Elu", [x], stem, alpha=1.0)
    if name == "softmax":
        return g.op("Softmax", [x], stem, axis=-1)
    if name == "silu":
        return g.op("Mul", [x, g.op("Sigmoid", [x], "sig")], stem)
    if name == "gelu":  # ½x(1 + tanh(c(x + k·x³)))
        cube = g.op("Mul", [g.op("Mul", [x, x], "sq"), x], "cube")
        inner = g.op("Add", [x, g.op("Mul", [cube, g.constant("k", GELU_K)], "kx3")], "inner")
        t = g.op("Tanh", [g.op("Mul", [inner, g.constant("c", GELU_C)], "scaled")], "t")
        half = g.op("Mul", [x, g.constant("half", 0.5)], "halfx")
        return g.op("Mul", [half, g.op("Add", [t, g.constant("one", 1.0)], "onet")], stem)
    if name == "linear":
        return x
    raise ValueError(f"no ONNX form for the activation {name!r}")


def onnx_model(net: Network):  # noqa: ANN201 - an onnx.ModelProto (onnx is optional)
    """The network as a checked ONNX model."""
    import onnx
    from onnx import TensorProto, helper

    g = _Graph()
    x = "input"
    for i, (spec, p) in enumerate(zip(net.layers, net.params, strict=True), start=1):
        x = g.op("MatMul", [x, g.constant(f"W{i}", p["W"])], f"z{i}")
        if "b" in p:
            x = g.op("Add", [x, g.constant(f"b{i}", p["b"])], f"zb{i}")
        x = _activation(g, spec.activation, x, i)
    g.nodes.append(helper.make_node("Identity", [x], ["output"]))
    graph = helper.make_graph(
        g.nodes, "playground_mlp",
        [helper.make_tensor_value_info("input", TensorProto.FLOAT, ["batch", net.input_dim])],
        [helper.make_tensor_value_info("output", TensorProto.FLOAT,
                                       ["batch", net.layers[-1].units])],
        g.weights)
    opsets = [helper.make_opsetid("", OPSET)]
    # the lowest IR version the opset needs (8 for 17), not the onnx package's newest (14 in
    # 1.23), which onnxruntime 1.17 and 1.20 refuse ("Unsupported model IR version")
    model = helper.make_model(graph, opset_imports=opsets, producer_name="playground",
                              ir_version=helper.find_min_ir_version_for(opsets))
    model.doc_string = (f"{net!r}: output is what predict_proba returns "
                        f"({net.layers[-1].activation} output)")
    onnx.checker.check_model(model, full_check=True)
    return model


def write_onnx(net: Network, path: str | Path) -> Path:
    """Write ``net`` as ONNX to ``path``; RuntimeError with INSTALL_HINT without ``onnx``."""
    if not available():
        raise RuntimeError(INSTALL_HINT)
    path = Path(path)
    path.write_bytes(onnx_model(net).SerializeToString())
    return path
