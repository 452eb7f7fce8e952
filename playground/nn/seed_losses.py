"""The losses of a stack of networks (``nn.seeds``): one value per network, and ∂L/∂z for all
at once, as ``nn.losses`` computes them for one."""

from __future__ import annotations

from typing import Any

import numpy as np

from playground.nn.activations import Activation
from playground.nn.losses import cross_entropy_values, loss_values, mse_values

Array = np.ndarray


def stack_loss_and_dz(name: str, ws: Any, y: Array, act: Activation) -> Array:
    """Each network's mean loss (N,) over the batch, and ∂L/∂z into the last dz of ``ws``
    (the seed trainer's workspace: z, a, dz per layer (n, N, units) and their rows), as
    ``losses`` computes them for one."""
    z, a, dz = ws.z[-1], ws.a[-1], ws.dz[-1]
    n = a.shape[0]
    if name == "cross_entropy":
        rows = np.arange(n)
        picked = a[rows, :, y]  # (n, N)
        np.multiply(a, a.dtype.type(1.0 / n), out=dz)
        dz[rows, :, y] = (picked - 1) * a.dtype.type(1.0 / n)
        return cross_entropy_values(z, y, picked)
    np.subtract(a, y[:, None, :], out=dz)
    if name == "mse":  # ½·Σ(a − y)² from the difference before it is scaled
        loss = mse_values(dz, 0)
        dz *= 1.0 / n
        act.grad_mul(ws.dz_rows[-1], ws.z_rows[-1], ws.a_rows[-1])
        return loss
    dz *= 1.0 / n
    return stack_loss_values(name, z, a, y)


def stack_loss_values(name: str, z: Array, a: Array, y: Array) -> Array:
    """Each network's mean loss (N,) of outputs (n, N, k) against the targets y the stack
    shares (labels (n,) for cross-entropy, else (n, k))."""
    return loss_values(name, z, a, y if name == "cross_entropy" else y[:, None, :])
