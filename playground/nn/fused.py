"""Two loops compiled where numba is installed: Adam's update in one pass over a weight array,
and an MNIST batch gathered, its live columns found and scaled in two.

NumPy takes Adam's update as ten passes over the weights (``optim.Adam``): on the MNIST tab's
100k first-layer weights, float32 on one thread, 113-117 µs a step, a third of that in the square
root. One compiled loop reads each weight, gradient and moment once: 37.5 µs. A batch of pixels
(``nn.batches``) takes four NumPy passes: gather the rows, find the live columns, mask them
(column by column), scale; the compiled loop copies the rows while it finds the live columns,
then scales those columns out of the copy: 47 µs against 68 at batch 128.

Each loop takes the very operations of its NumPy passes in the same order (m·β1 + g,
v·β2 + g·g, m / (√v + ε′) · lr′ and p minus that; a byte times the scale), each rounded to the
array's type; numba without fastmath fuses no multiply-add, so both ways give the same bits
(``tests/nn/test_fused.py``). ``error_model="numpy"``: a division by zero gives inf as NumPy's
does, and the loop vectorizes (checked Python-style, Adam's took 234 µs).

Optional (``pip install "playground[fast]"``): without numba both take NumPy's passes. Adam's
loop is used for arrays of ``MIN_SIZE`` elements or more (a toy network's weights are too small
to repay the call, and never import numba). Compiled at the first use in a process for float32
and float64 and cached by numba (0.26 s to load, 0.46 the first time).
``PLAYGROUND_NO_NUMBA=1`` turns both off (to compare).
"""

from __future__ import annotations

import os
import warnings
from collections.abc import Callable
from typing import NamedTuple

import numpy as np

Array = np.ndarray
MIN_SIZE = 4096  # elements: below this the call costs about what the passes do
OFF = "PLAYGROUND_NO_NUMBA"
INSTALL = 'pip install -e ".[fast]"'
TYPES = (np.dtype(np.float32), np.dtype(np.float64))  # the loop is compiled for these


def _adam_loop(p, g, m, v, out, b1, b2, lr, eps):  # noqa: ANN001, ANN202 - compiled by numba
    for i in range(p.size):
        gi = g[i]
        mi = m[i] * b1 + gi
        vi = v[i] * b2 + gi * gi
        m[i] = mi
        v[i] = vi
        out[i] = p[i] - mi / (np.sqrt(vi) + eps) * lr


def _pixels_loop(x, idx, scale, most, out, cols, rows):  # noqa: ANN001, ANN202 - numba's
    n, d = idx.size, x.shape[1]
    live = np.zeros(d, np.uint8)
    for r in range(n):  # the batch's rows, copied together, and which columns are live
        src, dst = x[idx[r]], rows[r]
        for c in range(d):
            dst[c] = src[c]
            live[c] |= src[c]
    k = 0
    for c in range(d):
        if live[c]:
            cols[k] = c
            k += 1
    if k > most:
        return -1
    for j in range(k):  # the live columns, scaled, one after the other (Fortran order)
        c = cols[j]
        for r in range(n):
            out[j * n + r] = rows[r, c] * scale  # exact in float64: one rounding either way
    return k


class Loops(NamedTuple):
    adam: Callable[..., None]
    pixels: Callable[..., int]


class _Kernel:
    """numba's compiled loops, looked for at the first use: None where numba is missing."""

    def __init__(self) -> None:
        self._loops: Loops | None = None
        self._looked = False
        self.failed = ""  # why numba, installed, compiled nothing

    def get(self) -> Loops | None:
        if not self._looked:
            self._looked = True
            try:
                self._loops = None if os.environ.get(OFF) else _compile()
            except Exception as e:  # noqa: BLE001 - NumPy's passes are the same numbers
                self.failed = f"{type(e).__name__}: {e}"
        return self._loops


def _compile() -> Loops | None:
    try:
        import numba
    except ImportError:
        return None
    adam = [f"void({t}[::1], {t}[::1], {t}[::1], {t}[::1], {t}[::1], {t}, {t}, {t}, {t})"
            for t in ("float32", "float64")]
    t = numba.types
    pixels = [t.int64(t.Array(t.uint8, 2, "C", readonly=ro), t.int64[::1], f, t.int64, f[::1],
                      t.int64[::1], t.uint8[:, ::1])
              for f in (t.float32, t.float64) for ro in (False, True)]  # MNIST's is read-only
    with warnings.catch_warnings():  # a cache it cannot write only costs the compile again
        warnings.simplefilter("ignore", numba.NumbaWarning)
        return Loops(numba.njit(adam, cache=True, error_model="numpy", nogil=True)(_adam_loop),
                     numba.njit(pixels, cache=True, error_model="numpy", nogil=True)(
                         _pixels_loop))


_kernel = _Kernel()


def fused_adam(p: Array, g: Array, m: Array, v: Array, out: Array,
               coefficients: tuple[float, float, float, float]) -> bool:
    """Adam's update of one array in one pass, where that pays and numba is here: m and v
    updated in place, the new weights in ``out`` (which may be ``p``). ``coefficients``: β1,
    β2, lr′ and ε′ as ``Adam.step`` folds them (one learning rate, not one per network).
    False where it did nothing (the caller takes the passes)."""
    arrays = (p, g, m, v, out)
    if p.size < MIN_SIZE or p.dtype not in TYPES or any(
            a.dtype != p.dtype or not a.flags.c_contiguous for a in arrays):
        return False
    loops = _kernel.get()
    if loops is None:
        return False
    loops.adam(*(a.ravel() for a in arrays), *map(p.dtype.type, coefficients))
    return True


def gather_pixels(x: Array, idx: Array, scale: np.floating, most: int, out: Array,
                  scratch: tuple[Array, Array]) -> tuple[Array, Array | None] | None:
    """The batch ``idx`` of uint8 images ``x`` (n, d) as ``nn.batches`` makes it, in two passes
    instead of four: its live columns scaled into ``out`` (flat, ``scale``'s type) in Fortran
    order with their indices, or, where more than ``most`` columns are live, all of it in rows
    (columns None). ``scratch``: int64 (d,) and uint8 (rows ≥ n, d). None without numba."""
    loops = _kernel.get()
    if loops is None:
        return None
    cols, rows = scratch
    n = len(idx)
    k = loops.pixels(x, idx, scale, most, out, cols, rows)
    if k < 0:
        dense = out[:x.shape[1] * n].reshape(n, x.shape[1])
        np.multiply(rows[:n], scale, out=dense)
        return dense, None
    return out[:k * n].reshape((n, k), order="F"), cols[:k].copy()


def describe() -> str:
    """How Adam's update and a batch of pixels are made here, for ``playground bench``."""
    if _kernel.get() is None:
        why = f"{OFF} is set" if os.environ.get(OFF) else \
            f"numba failed: {_kernel.failed}" if _kernel.failed else f"{INSTALL} compiles them"
        return f"NumPy's passes ({why})"
    import numba

    return f"compiled by numba {numba.__version__} (Adam's update in one pass, a batch in two)"
