"""Small helpers shared by the widgets: labelled rows, combo boxes of values, colours."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QComboBox, QLabel, QWidget

BLUE = QColor(8, 119, 189)
ORANGE = QColor(245, 147, 34)
MUTED = QColor(110, 110, 110)


def tip(widget: QWidget, text: str, name: str | None = None) -> QWidget:
    """Give ``widget`` a tooltip (and an objectName); returns it for chaining."""
    widget.setToolTip(text)
    if name:
        widget.setObjectName(name)
    return widget


def caption(text: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName("caption")
    return label


def value_combo(values: Sequence[float], current: float, editable: bool = False,
                complete: bool = True) -> QComboBox:
    """A combo box listing numbers; editable ones accept any typed value. ``complete=False``
    turns off the inline completion, which silently made a typed "1" the listed 1e-05."""
    combo = QComboBox()
    combo.setEditable(editable)
    if editable and not complete:
        combo.setCompleter(None)
    for v in values:
        combo.addItem(f"{v:g}", v)
    set_combo_value(combo, current)
    return combo


def set_combo_value(combo: QComboBox, value: float) -> None:
    index = combo.findData(value)
    if index >= 0:
        combo.setCurrentIndex(index)
    elif combo.isEditable():
        combo.setEditText(f"{value:g}")


def combo_value(combo: QComboBox) -> float:
    """The number shown; ValueError when the typed text is not a number."""
    text = combo.currentText().strip()
    return float(text)


def choice_combo(items: Sequence[tuple[str, str]], current: str) -> QComboBox:
    """A combo box of (label, key) pairs showing ``current``."""
    combo = QComboBox()
    for label, key in items:
        combo.addItem(label, key)
    combo.setCurrentIndex(max(0, combo.findData(current)))
    return combo
