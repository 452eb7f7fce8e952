"""Drawing on the canvas with mouse events, read by the shipped model."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QKeySequence, QMouseEvent
from PySide6.QtWidgets import QApplication

from playground.gui.widgets.digits_panel import PREDICT_MS, DigitsPanel


@pytest.fixture
def panel(qtbot):
    p = DigitsPanel()
    qtbot.addWidget(p)
    p.show()
    return p


def _mouse(widget, kind, pos, button, buttons) -> None:
    """``pos`` in the canvas image's 280 px coordinates, mapped to the widget's size."""
    pos = (pos[0] * widget.width() / 280, pos[1] * widget.height() / 280)
    event = QMouseEvent(kind, QPointF(*pos), widget.mapToGlobal(QPointF(*pos)), button, buttons,
                        Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, event)


def draw(widget, points) -> None:
    """One stroke through ``points`` (280 px image coordinates), left button held."""
    left, none = Qt.MouseButton.LeftButton, Qt.MouseButton.NoButton
    _mouse(widget, QEvent.Type.MouseButtonPress, points[0], left, left)
    for pt in points[1:]:
        _mouse(widget, QEvent.Type.MouseMove, pt, none, left)
    _mouse(widget, QEvent.Type.MouseButtonRelease, points[-1], left, none)


def _read(panel, qtbot) -> str:
    qtbot.wait(PREDICT_MS * 3)  # predictions are throttled
    return panel.answer.text()


def test_an_empty_canvas_predicts_nothing(panel):
    assert panel.canvas.is_empty()
    assert panel.answer.text() == "–" and not panel.bars.values.any()


def test_a_vertical_stroke_reads_as_one(panel, qtbot):
    draw(panel.canvas, [(140, 40 + 4 * k) for k in range(51)])
    assert _read(panel, qtbot) == "1"
    assert panel.bars.values.sum() == pytest.approx(1.0, abs=1e-5)
    assert panel.bars.values.argmax() == 1


def test_an_ellipse_reads_as_zero(panel, qtbot):
    t = np.linspace(0, 2 * np.pi, 80)
    draw(panel.canvas, [(140 + 60 * np.sin(a), 140 - 95 * np.cos(a)) for a in t])
    assert _read(panel, qtbot) == "0"


def test_predictions_follow_the_pen_while_it_moves(panel, qtbot):
    left, none = Qt.MouseButton.LeftButton, Qt.MouseButton.NoButton
    _mouse(panel.canvas, QEvent.Type.MouseButtonPress, (140, 40), left, left)
    for k in range(1, 40):  # keep moving, never pausing longer than a few ms
        _mouse(panel.canvas, QEvent.Type.MouseMove, (140, 40 + 5 * k), none, left)
        qtbot.wait(4)
    assert panel.answer.text() != "–"  # predicted before the stroke ended
    _mouse(panel.canvas, QEvent.Type.MouseButtonRelease, (140, 235), left, none)


def test_the_preview_shows_what_the_network_receives(panel, qtbot):
    draw(panel.canvas, [(100, 60 + 4 * k) for k in range(40)])
    qtbot.wait(PREDICT_MS * 3)
    image = panel.preview.pixmap().toImage()
    assert image.width() == 112 and not image.isNull()
    assert image.pixelColor(56, 56).value() > 0 or image.pixelColor(56, 40).value() > 0


def test_undo_clear_escape_and_right_click(panel, qtbot):
    canvas = panel.canvas
    draw(canvas, [(140, 40), (140, 240)])
    draw(canvas, [(100, 100), (180, 100)])
    assert len(canvas.strokes) == 2
    qtbot.keySequence(canvas, QKeySequence.StandardKey.Undo)
    assert len(canvas.strokes) == 1
    qtbot.keyClick(canvas, Qt.Key.Key_Escape)
    assert canvas.is_empty()
    draw(canvas, [(140, 40), (140, 240)])
    qtbot.mouseClick(canvas, Qt.MouseButton.RightButton)
    assert canvas.is_empty()
    assert _read(panel, qtbot) == "–"


def test_a_bad_model_file_keeps_the_current_model(panel, tmp_path):
    bad = tmp_path / "bad.npz"
    bad.write_bytes(b"nonsense")
    before = panel.net
    assert not panel.load(bad)
    assert panel.net is before
    assert "Kept the current model" in panel.model_label.text()
