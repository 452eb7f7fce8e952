"""Adam's update in one compiled pass over a weight array, where numba is installed.

NumPy takes Adam's update as ten passes over the weights (``optim.Adam``): on the MNIST tab's
100k first-layer weights, float32 on one thread, 113-117 µs a step, a third of that in the square
root. One compiled loop reads each weight, gradient and moment once: 37.5 µs, and the step of
784-128-10 at batch 128 goes from 0.330 to 0.28x s an epoch (figures in the commit).

The loop takes the very operations of the ten passes in the same order: m·β1 + g, v·β2 + g·g,
m / (√v + ε′) · lr′ and p minus that, each rounded to the array's type; numba without fastmath
fuses no multiply-add, so both ways give the same bits (``tests/nn/test_fused.py``).
``error_model="numpy"``: a division by zero gives inf as NumPy's does, and the loop vectorizes
(checked Python-style, it took 234 µs).

Optional (``pip install "playground[fast]"``): without numba Adam takes its ten passes. Used for
arrays of ``MIN_SIZE`` elements or more (a toy network's weights are too small to repay the call,
and never import numba); compiled at the first such step of a process and cached on disk
(numba's cache: both types compiled at once, about 0.4 s the first time).
``PLAYGROUND_NO_NUMBA=1`` turns it off (to compare).
"""

from __future__ import annotations

import os
import warnings
from collections.abc import Callable

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


class _Kernel:
    """numba's compiled loop, looked for at the first use: None where numba is missing."""

    def __init__(self) -> None:
        self._loop: Callable[..., None] | None = None
        self._looked = False

    def get(self) -> Callable[..., None] | None:
        if not self._looked:
            self._looked = True
            self._loop = None if os.environ.get(OFF) else _compile()
        return self._loop


def _compile() -> Callable[..., None] | None:
    try:
        import numba
    except ImportError:
        return None
    signatures = [f"void({t}[::1], {t}[::1], {t}[::1], {t}[::1], {t}[::1], {t}, {t}, {t}, {t})"
                  for t in ("float32", "float64")]
    with warnings.catch_warnings():  # a cache it cannot write only costs the compile again
        warnings.simplefilter("ignore", numba.NumbaWarning)
        return numba.njit(signatures, cache=True, error_model="numpy", nogil=True)(_adam_loop)


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
    loop = _kernel.get()
    if loop is None:
        return False
    loop(*(a.ravel() for a in arrays), *map(p.dtype.type, coefficients))
    return True


def describe() -> str:
    """How Adam's update is taken here, for ``playground bench``."""
    if _kernel.get() is None:
        why = f"{OFF} is set" if os.environ.get(OFF) else f"{INSTALL} makes it one"
        return f"ten NumPy passes ({why})"
    import numba

    return f"one pass compiled by numba {numba.__version__}"
