"""JAX's two ways of training the bench's network, for ``playground bench`` to measure against.

``jit``: one compiled step per batch, called from Python with the batch gathered by NumPy, as a
hand-written JAX loop does. ``scan``: the whole epoch compiled, ``lax.scan`` over the batches
with the data on the device and the gather inside XLA: no Python between steps, and XLA fuses
the elementwise work around the matmuls. Both: the same 784-128-10 ReLU/softmax network, He
init, mean cross-entropy, SGD or Adam (written out: optax is not a dependency), float32.
Only imported when JAX is installed (``pip install -e ".[bench]"`` brings the CPU build).
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

Array = np.ndarray


def contenders(x: Array, y: Array, optimizer: str, lr: float, batch: int, hidden: int
               ) -> dict[str, tuple[Callable[[], None], Callable[[Array, Array], float]]]:
    """{"jax-jit": (epoch, accuracy), "jax-scan": (epoch, accuracy)}."""
    import jax
    import jax.numpy as jnp

    step = _step(optimizer, lr)
    y = y.astype(np.int32)
    n = x.shape[0] - x.shape[0] % batch  # whole batches: the scan's shape is fixed
    xd, yd = jnp.asarray(x[:n]), jnp.asarray(y[:n])
    rng = np.random.default_rng(0)
    jit_step = jax.jit(step)

    @jax.jit
    def scan_epoch(state: tuple, order: jax.Array) -> tuple:
        def body(s: tuple, idx: jax.Array) -> tuple:
            return step(s, xd[idx], yd[idx]), None
        return jax.lax.scan(body, state, order.reshape(-1, batch))[0]

    states = {"jit": _init(optimizer, hidden), "scan": _init(optimizer, hidden)}

    def jit_epoch() -> None:
        order = rng.permutation(n)
        s = states["jit"]
        for start in range(0, n, batch):
            idx = order[start:start + batch]
            s = jit_step(s, x.take(idx, axis=0), y.take(idx))
        states["jit"] = jax.block_until_ready(s)

    def scan() -> None:
        order = jnp.asarray(rng.permutation(n).astype(np.int32))
        states["scan"] = jax.block_until_ready(scan_epoch(states["scan"], order))

    def accuracy(name: str) -> Callable[[Array, Array], float]:
        def measured(xs: Array, ys: Array) -> float:
            W0, b0, W1, b1 = states[name][0]
            out = jnp.maximum(xs @ W0 + b0, 0) @ W1 + b1
            return float((np.asarray(out).argmax(1) == ys).mean())
        return measured

    return {"jax-jit": (jit_epoch, accuracy("jit")), "jax-scan": (scan, accuracy("scan"))}


def _init(optimizer: str, hidden: int) -> tuple:
    import jax.numpy as jnp

    rng = np.random.default_rng(0)
    params = tuple(jnp.asarray(a, dtype=jnp.float32) for a in (
        rng.normal(0, np.sqrt(2 / 784), (784, hidden)), np.zeros(hidden),
        rng.normal(0, np.sqrt(2 / hidden), (hidden, 10)), np.zeros(10)))
    if optimizer == "sgd":
        return (params,)
    zeros = tuple(jnp.zeros_like(p) for p in params)
    return params, zeros, zeros, jnp.zeros((), jnp.float32)


def _step(optimizer: str, lr: float) -> Callable:
    import jax
    import jax.numpy as jnp

    def loss(params: tuple, xb: jax.Array, yb: jax.Array) -> jax.Array:
        W0, b0, W1, b1 = params
        z = jnp.maximum(xb @ W0 + b0, 0) @ W1 + b1
        return jnp.mean(jax.nn.logsumexp(z, axis=1) - jnp.take_along_axis(
            z, yb[:, None], axis=1)[:, 0])

    grad = jax.grad(loss)

    def sgd(state: tuple, xb: jax.Array, yb: jax.Array) -> tuple:
        params = state[0]
        return (tuple(p - lr * g for p, g in zip(params, grad(params, xb, yb), strict=True)),)

    def adam(state: tuple, xb: jax.Array, yb: jax.Array) -> tuple:
        params, m, v, t = state
        g = grad(params, xb, yb)
        t = t + 1
        m = tuple(0.9 * a + 0.1 * b for a, b in zip(m, g, strict=True))
        v = tuple(0.999 * a + 0.001 * b * b for a, b in zip(v, g, strict=True))
        lr_t = lr * jnp.sqrt(1 - 0.999**t) / (1 - 0.9**t)
        eps_t = 1e-8 * jnp.sqrt(1 - 0.999**t)
        params = tuple(p - lr_t * a / (jnp.sqrt(b) + eps_t)
                       for p, a, b in zip(params, m, v, strict=True))
        return params, m, v, t

    return sgd if optimizer == "sgd" else adam
