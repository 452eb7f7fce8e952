"""File › Export from the window: the network on display, with its points and settings."""

from __future__ import annotations

import contextlib
import io

import pytest
from PySide6.QtWidgets import QMenu


def test_the_export_menu_writes_a_script_of_the_points_on_screen(make_window, tmp_path):
    window = make_window()
    menu = window.findChild(QMenu, "exportMenu")
    assert [a.text() for a in menu.actions()][0] == "As a &NumPy script…"
    s = window.session
    s.add_point(0.5, 0.5, 1)  # a point of their own goes with the script
    path = tmp_path / "mine.py"
    assert s.files.export("numpy", path)
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
    assert not window.session.files.export("numpy", tmp_path / "no" / "such" / "dir.py")
    assert errors and "Could not export dir.py" in errors[0]


def test_pictures_of_every_view_in_png_and_svg(make_window, tmp_path):
    import xml.etree.ElementTree as ET

    from PySide6.QtGui import QImage

    from playground.gui.picture import save_picture

    window = make_window()
    for widget in (window.boundary_plot, window.loss_plot, window.network_view):
        png = save_picture(widget, tmp_path / f"{widget.objectName() or 'view'}.png")
        image = QImage(str(png))
        assert image.width() >= widget.width() * 2 - 2 and not image.isNull()
        svg = save_picture(widget, tmp_path / f"{widget.objectName() or 'view'}.svg")
        assert ET.parse(svg).getroot().tag.endswith("svg")
    with pytest.raises(ValueError, match=".png or .svg"):
        save_picture(window.loss_plot, tmp_path / "plot.jpg")


def test_the_export_menu_names_every_format_and_how_to_get_onnx(make_window, monkeypatch):
    from playground.gui import menus

    monkeypatch.setattr(menus, "available_formats", lambda: ["numpy", "torch", "csv"])
    window = make_window()
    actions = {a.text(): a for a in window.findChild(QMenu, "exportMenu").actions()}
    onnx = actions["As &ONNX (needs the onnx package)"]
    assert not onnx.isEnabled() and 'pip install -e ".[export]"' in onnx.toolTip()
    assert actions["As a &PyTorch file…"].isEnabled() and actions["The &data as CSV…"].isEnabled()
    assert "Picture of the &decision boundary…" in actions


def test_the_cli_draws_a_models_boundary_and_diagram(tmp_path, capsys):
    from PySide6.QtGui import QImage

    from playground.cli.main import main

    model = tmp_path / "m.npz"
    assert main(["train", "--dataset", "circle", "--epochs", "5", "--out", str(model)]) == 0
    assert main(["export", str(model), "--format", "png", "--out", str(tmp_path / "b.png")]) == 0
    assert QImage(str(tmp_path / "b.png")).width() > 600
    assert main(["export", str(model), "--format", "svg", "--view", "diagram", "--out",
                 str(tmp_path / "d.svg")]) == 0
    assert "<svg" in (tmp_path / "d.svg").read_text()
    assert main(["export", str(model), "--format", "png", "--out", str(tmp_path / "b.svg")]) == 2
    capsys.readouterr()
