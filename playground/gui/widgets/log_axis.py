"""A log axis whose labels never overlap: at most one label per ``LABEL_PIXELS`` of height.

pyqtgraph's log axis labels every minor tick (2, 3, ... 9) of a decade, so a range of one decade
or less drew eight labels on top of each other: on the empty plot after every Reset, early in
training and in flat runs. This axis picks the densest of the sets 1-2-5, 1-3, 1 per decade (or
every 2nd, 5th, 10th decade) that fits the axis, and labels each tick with its plain value.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg

LABEL_PIXELS = 18  # a 9-point label (12 px) and its gap
MANTISSAS = ((1, 2, 5), (1, 3), (1,))
DECADE_STEPS = (1, 2, 5, 10, 20, 50)


def log_ticks(lo: float, hi: float, max_ticks: int) -> list[float]:
    """Nice values in [lo, hi] (both > 0), at most ``max_ticks`` of them, as many as fit."""
    max_ticks = max(2, max_ticks)
    first, last = int(np.floor(np.log10(lo))), int(np.ceil(np.log10(hi)))
    for step in DECADE_STEPS:
        for mantissas in MANTISSAS if step == 1 else ((1,),):
            values = [m * 10.0 ** e for e in range(first - first % step, last + 1, step)
                      for m in mantissas]
            inside = [v for v in values if lo * (1 - 1e-9) <= v <= hi * (1 + 1e-9)]
            if len(inside) <= max_ticks:
                return inside if len(inside) >= 2 else _linear_ticks(lo, hi, max_ticks)
    return [10.0 ** first, 10.0 ** last]


def _linear_ticks(lo: float, hi: float, max_ticks: int) -> list[float]:
    """Within less than a decade: evenly spaced 1-2-5 steps, at least two."""
    span = hi - lo
    for step in sorted(m * 10.0 ** e for e in range(int(np.floor(np.log10(span))) - 2,
                                                    int(np.ceil(np.log10(span))) + 1)
                       for m in (1, 2, 5)):
        values = np.arange(np.ceil(lo / step) * step, hi + step * 1e-9, step)
        if 2 <= len(values) <= max_ticks:
            return [float(v) for v in values]
    return [lo, hi]


def tick_labels(values: list[float]) -> list[str]:
    """Plain labels for tick values, with as many digits as it takes to tell them apart."""
    if len(values) < 2:
        return [f"{v:.3g}" for v in values]
    steps = np.diff(np.sort(values))
    step = float(steps[steps > 0].min()) if (steps > 0).any() else 1.0
    digits = max(3, int(np.ceil(np.log10(max(abs(v) for v in values) / step))) + 1)
    return [f"{v:.{digits}g}" for v in values]


class LogAxis(pg.AxisItem):
    """A left axis for a plot in log mode (``setLogMode(y=True)``)."""

    def logTickValues(self, minVal: float, maxVal: float, size: float,  # noqa: N802 - Qt's
                      stdTicks: list) -> list:  # noqa: N803
        lo, hi = 10.0 ** minVal, 10.0 ** maxVal
        values = log_ticks(lo, hi, int(size // LABEL_PIXELS))
        return [(None, [float(np.log10(v)) for v in values])]

    def logTickStrings(self, values: list[float], scale: float,  # noqa: N802 - pyqtgraph's
                       spacing: float) -> list[str]:
        return tick_labels([10.0 ** v for v in values])
