"""A damaged settings file never stops a start: each bad value is set aside, said once in the
status bar, and its default holds (the audit's files: a geometry of "garbage", a rectangle for
the recent files, a learning rate of "fast", a seed of 2**80, a saved dataset of csv or mnist)."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import QSettings

from playground.experiment import PRESETS
from playground.gui.main_window import MainWindow
from playground.gui.settings import Settings

EXPERIMENT = PRESETS["moons"].to_json()


def _experiment(change) -> str:  # noqa: ANN001 - a function that edits the JSON in place
    raw = json.loads(json.dumps(EXPERIMENT))
    change(raw)
    return "experiment=" + json.dumps(json.dumps(raw))


def _set(*path_and_value):  # noqa: ANN202
    *path, key, value = path_and_value

    def change(raw: dict) -> None:
        for p in path:
            raw = raw[p]
        raw[key] = value
    return change


DAMAGED = {  # name: (the file's line, the key that must be set aside)
    "geometry garbage": ("geometry=garbage", "geometry"),
    "geometry bad bytes": ("geometry=@ByteArray(garbage)", "geometry"),
    "recent as a rectangle": ("recent=@Rect(1 2 3 4)", "recent"),
    "code's recent as a rectangle": ("recent_code=@Rect(1 2 3 4)", "recent_code"),
    "speed as a word": ("speed=fast", "speed"),
    "speeds out of range": ('speed="[1e9, -1]"', "speed"),
    "experiment not JSON": ("experiment=notjson", "experiment"),
    "experiment a list": ('experiment="[1, 2]"', "experiment"),
    "experiment a rectangle": ("experiment=@Rect(1 2 3 4)", "experiment"),
    "learning rate fast": (_experiment(_set("config", "lr", "fast")), "experiment"),
    "learning rate nan": (_experiment(_set("config", "lr", float("nan"))), "experiment"),
    "batch size -3": (_experiment(_set("config", "batch_size", -3)), "experiment"),
    "momentum 7": (_experiment(_set("config", "momentum", 7)), "experiment"),
    "seed 2**80": (_experiment(_set("arch", "seed", 2**80)), "experiment"),
    "data seed 2**80": (_experiment(_set("data", "seed", 2**80)), "experiment"),
    "dataset csv": (_experiment(_set("data", "name", "csv")), "experiment"),
    "dataset mnist": (_experiment(_set("data", "name", "mnist")), "experiment"),
    "a billion units": (_experiment(lambda r: r["arch"]["hidden"][0].update(units=10**9)),
                        "experiment"),
    "no features": (_experiment(_set("data", "features", [])), "experiment"),
    "an unknown activation": (_experiment(lambda r: r["arch"]["hidden"][0].update(
        activation="bogus")), "experiment"),
    "language a rectangle": ("language=@Rect(1 2 3 4)", "language"),
    "lessons offered maybe": ("lessons_offered=maybe", "lessons_offered"),
}


@pytest.fixture
def good_file(tmp_path, qtbot):
    """A settings file as the window writes it."""
    path = tmp_path / "good.ini"
    store = QSettings(str(path), QSettings.Format.IniFormat)
    w = MainWindow(PRESETS["moons"], store)
    qtbot.addWidget(w)
    w.session.set_speed(5.0)
    w.recent.remember(str(tmp_path / "model.npz"))
    w.close()
    store.sync()
    return path


def _damaged(good_file, line: str):  # noqa: ANN001, ANN202
    key = line.split("=", 1)[0]
    kept = [x for x in good_file.read_text().splitlines() if not x.startswith(key + "=")]
    bad = good_file.with_name("bad.ini")
    bad.write_text("\n".join([*kept, line]) + "\n")
    return bad


def test_a_good_file_sets_nothing_aside(good_file, qtbot):
    w = MainWindow(None, QSettings(str(good_file), QSettings.Format.IniFormat))
    qtbot.addWidget(w)
    assert w.settings.ignored == []
    assert w.session.data_spec == PRESETS["moons"].data and w.session.speed == 5.0
    assert len(w.recent.paths()) == 1
    w.close()


@pytest.mark.parametrize("line,key", DAMAGED.values(), ids=DAMAGED.keys())
def test_a_damaged_value_is_set_aside_and_the_window_opens(good_file, qtbot, line, key):
    store = QSettings(str(_damaged(good_file, line)), QSettings.Format.IniFormat)
    w = MainWindow(None, store)
    qtbot.addWidget(w)
    w.show()
    assert w.settings.ignored == [key]
    qtbot.waitUntil(lambda: key in w.statusBar().currentMessage())
    if key == "experiment":  # the default example instead of a broken one
        assert w.session.data_spec == PRESETS["xor"].data
        w.session.config.validate()
    if key == "speed":
        assert w.session.speed == w.session.DEFAULT_SPEED
    w.close()
    again = MainWindow(None, store)  # said once: the damaged value is gone
    qtbot.addWidget(again)
    assert again.settings.ignored == []
    again.close()


def test_binary_junk_opens_with_the_defaults(tmp_path, qtbot):
    junk = tmp_path / "junk.ini"
    junk.write_bytes(b"\x00\xff\xfe garbage [[[ = = \n\x01\x02=\x03\n")
    w = MainWindow(None, QSettings(str(junk), QSettings.Format.IniFormat))
    qtbot.addWidget(w)
    assert w.session.data_spec == PRESETS["xor"].data
    w.close()


def test_without_a_store_every_read_is_its_default_and_nothing_is_written():
    s = Settings(None)
    assert not s.stored and s.paths("recent") == [] and s.flag("x", True)
    assert s.choice("language", ["en"], "system") == "system"
    assert s.parsed("speed", json.loads) is None and s.data("geometry") is None
    s.set("x", 1)
    assert s.ignored == []


def test_the_learners_own_points_come_back_and_an_empty_set_does_not(tmp_path, qtbot):
    from dataclasses import replace

    store = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    w = MainWindow(PRESETS["xor"], store)
    qtbot.addWidget(w)
    w.session.set_data_spec(replace(w.session.data_spec, name="custom"))
    for x, label in ((-2.0, 0), (2.0, 1), (-1.0, 0)):
        w.session.add_point(x, 0.5, label)
    w.close()
    again = MainWindow(None, store)
    qtbot.addWidget(again)
    assert again.session.data_spec.name == "custom" and again.settings.ignored == []
    assert again.session.points.train[:, 0].tolist() == [-2.0, 2.0, -1.0]
    again.session.set_points(again.session.points.without_nearest((-2.0, 0.5)))
    for x in (2.0, -1.0):
        again.session.remove_point_near(x, 0.5)
    assert again.session.points.size == 0
    again.close()
    third = MainWindow(None, store)  # nothing to start from on an empty plane: the example
    qtbot.addWidget(third)
    assert third.session.data_spec == PRESETS["xor"].data and third.settings.ignored == []
    third.close()
