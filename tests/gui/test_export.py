"""File › Export from the window: the network on display, with its points and settings."""

from __future__ import annotations

import contextlib
import io

from PySide6.QtWidgets import QMenu


def test_the_export_menu_writes_a_script_of_the_points_on_screen(make_window, tmp_path):
    window = make_window()
    menu = window.findChild(QMenu, "exportMenu")
    assert [a.text() for a in menu.actions()] == ["As a &NumPy script…"]
    s = window.session
    s.add_point(0.5, 0.5, 1)  # a point of their own goes with the script
    path = tmp_path / "mine.py"
    assert s.export("numpy", path)
    text = path.read_text()
    namespace = {"__name__": "exported"}
    exec(compile(text, str(path), "exec"), namespace)  # noqa: S102 - our own output
    x_train, *_ = namespace["load_data"]()
    assert len(x_train) == len(s.points.train_labels)
    assert f"LR = {s.config.lr!r}" in text and f"BATCH_SIZE = {s.config.batch_size}" in text
    with contextlib.redirect_stdout(io.StringIO()) as out:
        namespace["train"](2)
    assert "final train loss" in out.getvalue()


def test_an_export_that_cannot_be_written_says_so(make_window, tmp_path):
    window = make_window()
    errors = []
    window.session.sig_error.connect(errors.append)
    assert not window.session.export("numpy", tmp_path / "no" / "such" / "dir.py")
    assert errors and "Could not export dir.py" in errors[0]
