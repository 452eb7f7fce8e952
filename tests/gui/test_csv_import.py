"""Importing a large CSV keeps the window responsive: a background read with progress and
cancel, a clear limit, a bounded read, and points drawn one scatter per class."""

from __future__ import annotations

import numpy as np
import pytest

from playground.data.csv_points import load_csv
from playground.data.errors import DataFileError
from playground.data.prepare import MAX_POINTS


@pytest.fixture
def window(make_window):
    return make_window()


def _csv(path, n: int, classes: int = 2):  # noqa: ANN001
    rng = np.random.default_rng(0)
    x = rng.uniform(-5, 5, size=(n, 2))
    labels = np.arange(n) % classes
    np.savetxt(path, np.column_stack([x, labels]), fmt=["%.4f", "%.4f", "%d"], delimiter=",",
               header="x1,x2,label", comments="")
    return path


def test_a_background_import_reports_progress_and_installs_the_points(window, qtbot, tmp_path):
    path = _csv(tmp_path / "big.csv", 50_000, classes=3)
    window.session.set_view(show_test=True)
    window.data_panel.import_in_background(str(path))
    qtbot.waitUntil(lambda: window.session.points.size == 50_000, timeout=30_000)
    s = window.session
    assert s.data_spec.name == "custom" and s.points.n_classes == 3
    plot = window.boundary_plot
    drawn = {key: len(item.data) for key, item in plot.point_items.items()}
    assert sum(drawn.values()) == 50_000 and len(drawn) == 6  # 3 classes x train/test
    assert all(len({id(b) for b in item.data["brush"]}) == 1 for item in plot.point_items.values()
               if len(item.data))


def test_a_cancelled_import_changes_nothing(window, qtbot, tmp_path, monkeypatch):
    from playground.gui.background import BackgroundTask

    path = _csv(tmp_path / "big.csv", 90_000)
    before = window.session.points
    said = []
    window.session.sig_status.connect(said.append)
    report = BackgroundTask._report

    def cancelled_at_once(task, done, total):  # noqa: ANN001, ANN202
        task.cancel()  # as Cancel pressed at the first progress: however fast the machine
        return report(task, done, total)

    monkeypatch.setattr(BackgroundTask, "_report", cancelled_at_once)
    task = window.session.csv.start(str(path))
    assert task.wait(30)
    assert window.session.points is before
    assert any("cancelled" in s for s in said)


def test_more_points_than_the_plane_takes_are_refused_before_the_file_is_read_whole(
        window, qtbot, tmp_path):
    path = _csv(tmp_path / "huge.csv", MAX_POINTS + 10)
    before = window.session.points
    task = window.session.csv.start(str(path))
    assert task.wait(60)
    assert window.session.points is before
    assert "100,000" in _last_message(window)


def _last_message(window) -> str:  # noqa: ANN001
    from PySide6.QtWidgets import QMessageBox

    boxes = [w for w in window.findChildren(QMessageBox)]
    return boxes[-1].text() if boxes else ""


def test_a_device_without_end_is_read_only_so_far(tmp_path):
    with pytest.raises(DataFileError, match="longer than"):
        load_csv("/dev/zero")
