"""Plot axes whose labels never overlap, at any size of the window.

pyqtgraph counts ticks from the axis's length alone: at 1024 px its accuracy axis drew "1.0 0.8
0.6 0.4 0.2 0" on top of one another, and a bottom axis of epochs printed "2000400060008000". Its
log axis labels every minor tick (2, 3, ... 9) of a decade. These axes pick the densest nice
ticks whose labels keep a gap: on a vertical axis a label's height apart (``LABEL_PIXELS``), on a
horizontal one the widest label's width and a gap. A log axis chooses among 1-2-5, 1-3 and 1 per
decade (or every 2nd, 5th, 10th decade), checking the tightest pair (5 and 10 sit closer than 1
and 2 on a log scale: "50" and "100" once printed over each other on a regression's loss axis).
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtGui import QFont, QFontMetricsF

LABEL_PIXELS = 18  # a 9-point label (12 px) and its gap, on a vertical axis
GAP_PIXELS = 12  # between two labels of a horizontal axis
MANTISSAS = ((1, 2, 5), (1, 3), (1,))
DECADE_STEPS = (1, 2, 5, 10, 20, 50)


def log_ticks(lo: float, hi: float, pixels: float) -> list[float]:
    """Nice values in [lo, hi] (both > 0) on a log axis ``pixels`` long, every two at least
    LABEL_PIXELS apart, as many as fit (two at the least)."""
    first, last = int(np.floor(np.log10(lo))), int(np.ceil(np.log10(hi)))
    span = max(np.log10(hi) - np.log10(lo), 1e-12)
    for step in DECADE_STEPS:
        for mantissas in MANTISSAS if step == 1 else ((1,),):
            values = [m * 10.0 ** e for e in range(first - first % step, last + 1, step)
                      for m in mantissas]
            inside = [v for v in values if lo * (1 - 1e-9) <= v <= hi * (1 + 1e-9)]
            apart = np.diff(np.log10(inside)) * pixels / span if len(inside) > 1 else [np.inf]
            if min(apart) >= LABEL_PIXELS and len(inside) >= 2:
                return inside
    if hi / lo < 10:  # within a decade: plain steps, spaced as the log axis draws them
        return linear_ticks(lo, hi, pixels, LABEL_PIXELS, log=True)
    return [10.0 ** np.ceil(np.log10(lo) - 1e-9), 10.0 ** np.floor(np.log10(hi) + 1e-9)]


def linear_ticks(lo: float, hi: float, pixels: float, room: float,
                 log: bool = False) -> list[float]:
    """Evenly spaced 1-2-5 steps in [lo, hi] on an axis ``pixels`` long (drawn on a log scale
    with ``log``), each at least ``room`` pixels from the next (two ticks at the least)."""
    span = hi - lo
    if not (np.isfinite(span) and span > 0):
        return [lo]
    where = (lambda v: np.log10(v) / np.log10(hi / lo)) if log else (lambda v: v / span)
    for step in sorted(m * 10.0 ** e for e in range(int(np.floor(np.log10(span))) - 3,
                                                    int(np.ceil(np.log10(span))) + 2)
                       for m in (1, 2, 5)):
        values = np.arange(np.ceil(lo / step - 1e-9) * step, hi + step * 1e-9, step)
        if len(values) >= 2 and np.diff(where(values)).min() * pixels >= room:
            return [round(float(v), 12) for v in values]
    return [lo, hi]


def tick_labels(values: list[float]) -> list[str]:
    """Plain labels for tick values, with as many digits as it takes to tell them apart."""
    if len(values) < 2:
        return [f"{v:.3g}" for v in values]
    steps = np.diff(np.sort(values))
    step = float(steps[steps > 0].min()) if (steps > 0).any() else 1.0
    digits = max(3, int(np.ceil(np.log10(max(abs(v) for v in values) / step))) + 1)
    return [f"{v:.{digits}g}" for v in values]


def linear_labels(values: list[float]) -> list[str]:
    """Labels of evenly spaced ticks: whole numbers as such ("1000", not "1e+03"), others
    with the decimals their step needs."""
    if len(values) < 2:
        return [f"{v + 0.0:g}" for v in values]
    step = abs(values[1] - values[0]) or 1.0
    decimals = max(0, int(-np.floor(np.log10(step) + 1e-9)))
    return [f"{v + 0.0:.{decimals}f}" for v in values]  # + 0.0: no "-0"


class SpacedAxis(pg.AxisItem):
    """A linear axis whose labels keep their distance (see the module's docstring)."""

    def tickValues(self, minVal: float, maxVal: float, size: float) -> list:  # noqa: N802, N803
        lo, hi = sorted((minVal, maxVal))
        values = linear_ticks(lo, hi, size, self._room(lo, hi))
        return [(None, values)]

    def tickStrings(self, values: list[float], scale: float,  # noqa: N802 - pyqtgraph's
                    spacing: float) -> list[str]:
        return linear_labels([v * scale for v in values])

    def _room(self, lo: float, hi: float) -> float:
        """The pixels between two ticks' centres that their labels need (the widest label of
        the finest steps, on a horizontal axis)."""
        if self.orientation in ("left", "right"):
            return LABEL_PIXELS
        metrics = QFontMetricsF(self.style["tickFont"] or QFont())
        span = max(abs(hi - lo), 1e-12)
        fine = 10.0 ** np.floor(np.log10(span / 20))
        widest = max(metrics.horizontalAdvance(s) for s in linear_labels(
            [np.floor(lo / fine) * fine, np.ceil(hi / fine) * fine, fine]))
        return widest + GAP_PIXELS


class LogAxis(pg.AxisItem):
    """A left axis for a plot in log mode (``setLogMode(y=True)``): its values are log10."""

    def tickValues(self, minVal: float, maxVal: float, size: float) -> list:  # noqa: N802, N803
        lo, hi = 10.0 ** min(minVal, maxVal), 10.0 ** max(minVal, maxVal)
        return [(None, [float(np.log10(v)) for v in log_ticks(lo, hi, size)])]

    def tickStrings(self, values: list[float], scale: float,  # noqa: N802 - pyqtgraph's
                    spacing: float) -> list[str]:
        return tick_labels([10.0 ** v for v in values])
