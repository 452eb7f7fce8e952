"""What the window remembers between starts, in the settings file: its geometry, the
Playground's setup (with the learner's own points), and each tab's training speed. Every value
comes back through the checked reader (``Settings.parsed``): a damaged one is set aside and
the default used."""

from __future__ import annotations

import json

from playground.data.pointset import PointSet
from playground.experiment import Experiment, plane_experiment
from playground.gui.sessions.base import TrainingSession
from playground.gui.sessions.mnist import MnistSession
from playground.gui.sessions.playground import Session
from playground.gui.settings import Settings


def remember(settings: Settings, geometry: object, session: Session,
                   mnist: MnistSession) -> None:
    """What the next start restores: the geometry, the Playground's setup (with the learner's
    own points), each tab's speed."""
    settings.set("geometry", geometry)
    settings.set("experiment", json.dumps(session.experiment.to_json()))
    points = session.points.to_json() if session.data_spec.name == "custom" else None
    if points is None:  # not theirs, or more than a settings file should hold
        settings.forget("points")
    else:
        settings.set("points", json.dumps(points))
    settings.set("speed", json.dumps([session.speed, mnist.speed]))
    settings.sync()


def restore_speeds(settings: Settings, sessions: tuple[TrainingSession, ...]) -> None:
    """Each tab's training speed as the user last left it."""
    speeds = settings.parsed("speed", _speeds)
    for session, speed in zip(sessions, speeds or (), strict=False):
        session.speed = speed


def remembered_setup(settings: Settings) -> tuple[Experiment, PointSet | None] | None:
    """The Playground's last setup, with the learner's own points when it was theirs; None
    (the default example) when there is none, or when their points were none: an empty
    plane is no place to start from."""
    exp = settings.parsed("experiment", plane_experiment)
    if exp is None or exp.data.name != "custom":
        return None if exp is None else (exp, None)
    points = settings.parsed("points", PointSet.from_json)
    return (exp, points) if points is not None and points.size else None


def _speeds(raw: object) -> tuple[float | None, float | None]:
    """Each tab's speed as saved: epochs a second in (0, 1000], or None for full speed."""
    if not (isinstance(raw, list) and len(raw) == 2 and all(
            v is None or (isinstance(v, int | float) and not isinstance(v, bool)
                          and 0 < v <= 1000) for v in raw)):
        raise ValueError("not two speeds")
    return raw[0], raw[1]
