"""Two runs in one sentence: how each ended, and when it got there.

``difference(a, b)`` reads two lines' curves (their test numbers where they have test points,
else their training numbers): the best accuracy each reached and the first epoch it was within
half a point of it, or, for a regression, the lowest loss; then which ended better and by how
much. Each run is named with what started it (the edit at its fork). Only numbers of the curves
are said: a curve thinned in a long run still has its best epochs to within its thinning.
Qt-free: the sentence is a ``Phrase``.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from playground.phrase import QT_TRANSLATE_NOOP, Phrase, sayer
from playground.timeline.lines import Line

_say = sayer("Compare")
CLOSE = 0.005  # within half a point of its best, a run has reached it


@dataclass(frozen=True)
class Outcome:
    """How one run went: its final and best value of one curve, the epoch it first came close
    to its best, and its last epoch."""

    curve: str
    final: float
    best: float
    reached: int
    last: int


def outcome(line: Line, regression: bool) -> Outcome | None:
    h = line.history
    names = ("test_loss", "train_loss") if regression else ("test_accuracy", "train_accuracy")
    for name in names:
        values, epochs = h.array(name), h.array("epoch")
        known = np.isfinite(values)
        if known.any():
            values, epochs = values[known], epochs[known]
            best = float(values.min() if regression else values.max())
            close = values <= best * (1 + CLOSE) if regression else values >= best - CLOSE
            return Outcome(name, float(values[-1]), best, int(epochs[np.argmax(close)]),
                           int(epochs[-1]))
    return None


def named(line: Line) -> Phrase | str:
    """"Run 2 (bias off in layer 1 at epoch 50)", or "Run 1", or the line's own label."""
    if line.label:
        return line.label
    started = line.started_by()
    if line.fork is None or not started:
        return _say(QT_TRANSLATE_NOOP("Compare", "Run {number}"), number=line.number)
    return _say(QT_TRANSLATE_NOOP("Compare", "Run {number} ({edit} at epoch {fork:,})"),
                number=line.number, edit=started, fork=line.fork)


def _percent(value: float) -> str:
    """"100%", "97.8%": a whole percent only where it is exactly whole."""
    return f"{value:.0%}" if round(value * 100, 1).is_integer() else f"{value:.1%}"


def short(line: Line) -> Phrase | str:
    """"Run 2", or the line's own label."""
    return line.label or _say(QT_TRANSLATE_NOOP("Compare", "Run {number}"), number=line.number)


def _clause(line: Line, o: Outcome, regression: bool) -> Phrase:
    if regression:
        return _say(QT_TRANSLATE_NOOP(
            "Compare", "{run}: the {which} loss came down to {best:.3g} by epoch {reached:,} "
            "and was {final:.3g} at epoch {last:,}"), run=named(line), which=_which(o),
            best=o.best, reached=o.reached, final=o.final, last=o.last)
    if o.reached == o.last or abs(o.final - o.best) < CLOSE:
        return _say(QT_TRANSLATE_NOOP(
            "Compare", "{run}: {which} accuracy reached {best} at epoch {reached:,}"),
            run=named(line), which=_which(o), best=_percent(o.best), reached=o.reached)
    return _say(QT_TRANSLATE_NOOP(
        "Compare", "{run}: {which} accuracy reached {best} at epoch {reached:,} and was "
        "{final} at epoch {last:,}"), run=named(line), which=_which(o),
        best=_percent(o.best), reached=o.reached, final=_percent(o.final), last=o.last)


def _which(o: Outcome) -> Phrase:
    if o.curve.startswith("test"):
        return _say(QT_TRANSLATE_NOOP("Compare", "test"))
    return _say(QT_TRANSLATE_NOOP("Compare", "training"))


def difference(a: Line, b: Line, regression: bool = False) -> Phrase:
    """The two runs' outcomes, and which ended better, in one sentence."""
    oa, ob = outcome(a, regression), outcome(b, regression)
    if oa is None or ob is None:
        return _say(QT_TRANSLATE_NOOP("Compare", "One of the two runs has no epoch yet."))
    which = _verdict(a, b, oa, ob, regression)
    return _say(QT_TRANSLATE_NOOP("Compare", "{first}; {second}. {which}"),
                first=_clause(a, oa, regression), second=_clause(b, ob, regression),
                which=which)


def _verdict(a: Line, b: Line, oa: Outcome, ob: Outcome, regression: bool) -> Phrase:
    """Which ended better, first; where both ended alike, which was better on the way or got
    there sooner."""
    if regression:
        if abs(oa.final - ob.final) <= CLOSE * max(oa.final, ob.final):
            return _say(QT_TRANSLATE_NOOP("Compare", "Both ended as low."))
        return _say(QT_TRANSLATE_NOOP("Compare", "{run} ended lower."),
                    run=short(a if oa.final < ob.final else b))
    if abs(oa.final - ob.final) >= CLOSE:
        better, points = (a, oa.final - ob.final) if oa.final > ob.final else \
            (b, ob.final - oa.final)
        return _say(QT_TRANSLATE_NOOP(
            "Compare", "{run} ended higher, by {points:.0f} points of accuracy."),
            run=short(better), points=100 * points)
    if abs(oa.best - ob.best) >= CLOSE:
        better, o = (a, oa) if oa.best > ob.best else (b, ob)
        return _say(QT_TRANSLATE_NOOP(
            "Compare", "Both ended as high; {run} had been higher on the way, at {best}."),
            run=short(better), best=_percent(o.best))
    if oa.reached == ob.reached:
        return _say(QT_TRANSLATE_NOOP("Compare", "Both got as far, as fast."))
    faster, epochs = a if oa.reached < ob.reached else b, abs(oa.reached - ob.reached)
    if epochs == 1:
        return _say(QT_TRANSLATE_NOOP(
            "Compare", "Both got as far; {run} got there one epoch sooner."), run=short(faster))
    return _say(QT_TRANSLATE_NOOP(
        "Compare", "Both got as far; {run} got there {epochs:,} epochs sooner."),
        run=short(faster), epochs=epochs)
