"""Learning-rate schedules: the rate of each epoch as a formula of the epoch's number.

A schedule is written as the command line takes it, ``constant``, ``step:F:N`` (× F every N
epochs), ``exp:D`` (× D every epoch), ``cosine:MIN`` or ``cosine:MIN:N`` (half a cosine from
the rate at the first epoch down to MIN at the N-th, the run's last when N is left out, then
MIN), with a linear warm-up over the first W epochs in front of any of them (the rate × e/W at
epoch e ≤ W; the schedule then starts at epoch W + 1 as at its first). Epochs count from 1, as
the window and ``train --json`` count them; the rate holds for every step of its epoch.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from playground.phrase import QT_TRANSLATE_NOOP, Phrase, sayer

KINDS = ("constant", "step", "exp", "cosine")


@dataclass(frozen=True)
class Schedule:
    """A parsed schedule: ``kind`` with its ``factor`` (step's F, exp's D, cosine's MIN) and
    ``every`` (step's N, cosine's N; 0 for cosine: the run's epochs), and ``warmup`` W."""

    kind: str = "constant"
    factor: float = 1.0
    every: int = 0
    warmup: int = 0

    def rate(self, lr: float, epoch: int, epochs: int) -> float:
        """The rate at ``epoch`` (1, 2, …) of a run of ``epochs`` epochs whose base rate is
        ``lr``."""
        w = self.warmup
        if epoch <= w:
            return lr * epoch / w
        e = epoch - w  # 1 at the schedule's first epoch
        if self.kind == "step":
            return lr * self.factor ** ((e - 1) // self.every)
        if self.kind == "exp":
            return lr * self.factor ** (e - 1)
        if self.kind == "cosine":  # lr at its first epoch, MIN at its last (the span's)
            span = self.every or max(1, epochs - w)
            t = min(e - 1, span - 1) / (span - 1) if span > 1 else 1.0
            return self.factor + (lr - self.factor) * (1 + math.cos(math.pi * t)) / 2
        return lr

    @property
    def text(self) -> str:
        """The schedule as ``parse_schedule`` reads it (the warm-up apart)."""
        if self.kind == "step":
            return f"step:{self.factor:g}:{self.every}"
        if self.kind == "exp":
            return f"exp:{self.factor:g}"
        if self.kind == "cosine":
            return f"cosine:{self.factor:g}" + (f":{self.every}" if self.every else "")
        return "constant"


FORMS = ("constant, step:F:N, exp:D", "cosine:MIN[:N]")  # the first ones, and the last
MAX_SCHEDULE_EPOCHS = 10**9  # as train's MAX_EPOCHS: more is no setting anyone means
_say = sayer("Schedule")
# what each number of a schedule is called in its messages
WARMUP = _say(QT_TRANSLATE_NOOP("Schedule", "the warm-up"))
STEP_F = _say(QT_TRANSLATE_NOOP("Schedule", "step's factor F"))
STEP_N = _say(QT_TRANSLATE_NOOP("Schedule", "step's N"))
EXP_D = _say(QT_TRANSLATE_NOOP("Schedule", "exp's factor D"))
COSINE_MIN = _say(QT_TRANSLATE_NOOP("Schedule", "cosine's floor MIN"))
COSINE_N = _say(QT_TRANSLATE_NOOP("Schedule", "cosine's N"))


class ScheduleError(ValueError):
    """A schedule that cannot work: ``str`` in English (the command line), ``says`` for the
    window to translate."""

    def __init__(self, says: Phrase) -> None:
        self.says = says
        super().__init__(str(says))


def _written(text: object) -> ScheduleError:
    return ScheduleError(_say(QT_TRANSLATE_NOOP(
        "Schedule", "a schedule is written {forms} or {last}, not {text}"), forms=FORMS[0],
        last=FORMS[1], text=repr(text)))


def parse_schedule(text: object, warmup: object = 0) -> Schedule:
    """``text`` (as the module's docstring writes it) and ``warmup`` as a Schedule;
    ScheduleError (a ValueError) saying what is wrong and how to write it. A settings or model
    file may hold anything."""
    if not isinstance(text, str):
        raise _written(text)
    kind, *args = text.strip().lower().split(":")
    w = _whole(warmup, WARMUP, 0)
    if kind == "constant" and not args:
        return Schedule(warmup=w)
    if kind == "step" and len(args) == 2:
        return Schedule("step", _factor(args[0], STEP_F), _whole(args[1], STEP_N, 1), w)
    if kind == "exp" and len(args) == 1:
        return Schedule("exp", _factor(args[0], EXP_D), 0, w)
    if kind == "cosine" and len(args) in (1, 2):
        floor = _number(args[0], COSINE_MIN)
        if floor < 0:
            raise ScheduleError(_say(QT_TRANSLATE_NOOP(
                "Schedule", "{what} must be 0 or more, not {value}"), what=COSINE_MIN,
                value=args[0]))
        every = _whole(args[1], COSINE_N, 1) if len(args) == 2 else 0
        return Schedule("cosine", floor, every, w)
    raise _written(text)


def _number(text: str, what: Phrase) -> float:
    try:
        value = float(text)
    except ValueError:
        value = None
    if value is None or not math.isfinite(value):
        raise ScheduleError(_say(QT_TRANSLATE_NOOP(
            "Schedule", "{what} must be a finite number, not {value}"), what=what,
            value=repr(text)))
    return value


def _factor(text: str, what: Phrase) -> float:
    value = _number(text, what)
    if not 0 < value <= 1:
        raise ScheduleError(_say(QT_TRANSLATE_NOOP(
            "Schedule", "{what} must lie in (0, 1] (a rate that decays), not {value}"),
            what=what, value=text))
    return value


def _whole(value: object, what: Phrase, least: int) -> int:
    try:
        number = float(value) if not isinstance(value, bool) else math.nan
    except (TypeError, ValueError):
        number = math.nan
    if not (math.isfinite(number) and number.is_integer() and
            least <= number <= MAX_SCHEDULE_EPOCHS):
        raise ScheduleError(_say(QT_TRANSLATE_NOOP(
            "Schedule", "{what} must be a whole number of epochs from {least}, not {value}"),
            what=what, least=least, value=repr(value)))
    return int(number)


class Rates:
    """The rate of each epoch for a configuration read live: the schedule parsed again only
    when its text or warm-up changes (a step reads it; parsing takes microseconds)."""

    def __init__(self) -> None:
        self._key: tuple[object, object] | None = None
        self._schedule = Schedule()

    def rate(self, schedule: str, warmup: int, lr: float, epoch: int, epochs: int) -> float:
        if self._key != (schedule, warmup):
            self._schedule, self._key = parse_schedule(schedule, warmup), (schedule, warmup)
        return self._schedule.rate(lr, epoch, epochs)
