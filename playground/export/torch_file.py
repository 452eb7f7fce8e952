"""A network as a PyTorch file: a plain Python module that, imported, defines ``model``, a
``torch.nn.Sequential`` with the trained weights. Qt-free, and torch-free: the file needs torch,
the playground does not.

The weights travel inside the file as base64 of their float32 bytes (exact, and a quarter of the
size of decimal text); the architecture is written out layer by layer, so it reads as one would
write it by hand.
"""

from __future__ import annotations

import base64
import textwrap
from pathlib import Path

import numpy as np

from playground.nn import Network
from playground.nn.activations import LEAKY_SLOPE

# the torch module for each activation (None: no module; "Sine" is defined in the file)
MODULES = {"sigmoid": "nn.Sigmoid()", "tanh": "nn.Tanh()", "relu": "nn.ReLU()",
           "leaky_relu": f"nn.LeakyReLU({LEAKY_SLOPE})", "elu": "nn.ELU(alpha=1.0)",
           "softplus": "nn.Softplus()", "silu": "nn.SiLU()",
           "gelu": 'nn.GELU(approximate="tanh")', "sine": "Sine()", "linear": None,
           "softmax": "nn.Softmax(dim=1)"}


def torch_source(net: Network) -> str:
    """The file's text."""
    layers, weights = [], []
    n_in = net.input_dim
    for i, (spec, p) in enumerate(zip(net.layers, net.params, strict=True)):
        layers.append(f"        nn.Linear({n_in}, {spec.units}, bias={spec.bias}),"
                      f"  # layer {i + 1}")
        if MODULES[spec.activation] is not None:
            layers.append(f"        {MODULES[spec.activation]},")
        index = len(layers) - (2 if MODULES[spec.activation] is not None else 1)
        weights.append(_tensor(f"{index}.weight", p["W"].T))  # torch keeps (out, in)
        if "b" in p:
            weights.append(_tensor(f"{index}.bias", p["b"]))
        n_in = spec.units
    sine = _SINE if any(s.activation == "sine" for s in net.layers) else ""
    return _TEMPLATE.format(network=repr(net), output=net.layers[-1].activation,
                            inputs=net.input_dim, layers="\n".join(layers), sine=sine,
                            weights="\n".join(weights))


def _tensor(key: str, array: np.ndarray) -> str:
    data = base64.b64encode(np.ascontiguousarray(array, dtype="<f4").tobytes()).decode()
    lines = textwrap.wrap(data, 88)
    body = "\n".join(f'        "{line}"' for line in lines) or '        ""'
    return f'    "{key}": ({list(array.shape)}, (\n{body}\n    )),'


def write_torch(net: Network, path: str | Path) -> Path:
    path = Path(path)
    path.write_text(torch_source(net), encoding="utf-8")
    return path


_SINE = '''

class Sine(nn.Module):
    """sin(z), elementwise (torch has no module for it)."""

    def forward(self, z):
        return torch.sin(z)
'''

_TEMPLATE = '''"""{network}, from `playground export --format torch`.

Importing this file defines ``model``: a torch.nn.Sequential with the trained weights, in eval
mode. Its output is what the playground's predict_proba gives (a {output} output).

    from this_file import model
    probabilities = model(torch.tensor(x, dtype=torch.float32))  # x: (n, {inputs})

As a state dict:

    torch.save(model.state_dict(), "weights.pt")
    fresh = make_model()                      # the same layers, new weights
    fresh.load_state_dict(torch.load("weights.pt"))
"""
import base64

import torch
from torch import nn
{sine}

def make_model():
    """The network's layers (nn.Linear keeps W as (out, in): the playground's W transposed)."""
    return nn.Sequential(
{layers}
    )


# the trained weights: shape, and base64 of the little-endian float32 values
WEIGHTS = {{
{weights}
}}


def state_dict():
    """The trained weights as a state dict for make_model()."""
    out = {{}}
    for key, (shape, chunks) in WEIGHTS.items():
        raw = bytearray(base64.b64decode("".join(chunks)))
        out[key] = torch.frombuffer(raw, dtype=torch.float32).reshape(shape).clone()
    return out


model = make_model()
model.load_state_dict(state_dict())
model.eval()
'''
