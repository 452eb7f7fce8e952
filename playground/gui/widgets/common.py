"""Small helpers shared by the widgets: labelled rows, combo boxes of values, colours."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication, QTimer, Signal
from PySide6.QtGui import QColor, QMouseEvent, QShowEvent, QValidator
from PySide6.QtWidgets import (
    QBoxLayout,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QSplitter,
    QWidget,
)

BLUE = QColor(8, 119, 189)
ORANGE = QColor(245, 147, 34)
MUTED = QColor(110, 110, 110)


def tip(widget: QWidget, text: str, name: str | None = None) -> QWidget:
    """Give ``widget`` a tooltip (and an objectName); returns it for chaining."""
    widget.setToolTip(text)
    if name:
        widget.setObjectName(name)
    return widget


def fold(box: QBoxLayout, folded: bool) -> None:
    """``box``'s items one under the other (a narrow window) or side by side."""
    box.setDirection(QBoxLayout.Direction.TopToBottom if folded
                     else QBoxLayout.Direction.LeftToRight)


def is_folded(box: QBoxLayout) -> bool:
    return box.direction() == QBoxLayout.Direction.TopToBottom


class KeptSplit:
    """A splitter's sizes as the user leaves them while the page is wide, to give back when a
    narrow window's fold ends (by the time a page folds, the narrow window has already squeezed
    them, so they are kept as the user drags the handle)."""

    def __init__(self, splitter: QSplitter, sizes: list[int],
                 folded: Callable[[], bool]) -> None:
        self.splitter, self.sizes, self.folded = splitter, sizes, folded
        splitter.setSizes(sizes)
        splitter.splitterMoved.connect(self._moved)

    def _moved(self) -> None:
        if not self.folded():
            self.sizes = self.splitter.sizes()

    def restore(self) -> None:
        self.splitter.setSizes(self.sizes)


class _CheckLabel(QLabel):
    """A check box's text that wraps; a click on it toggles the box, as on the box's own."""

    def __init__(self, text: str, box: QCheckBox) -> None:
        super().__init__(text)
        self.box = box
        self.setWordWrap(True)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        if self.box.isEnabled():
            self.box.toggle()


def wrapped_check(box: QCheckBox, text: str, checked_style: str = "") -> QWidget:
    """``box`` with ``text`` beside it in a label that wraps (a QCheckBox's own text does not,
    and widens a narrow dock); ``checked_style`` is the label's style sheet while checked."""
    row = QWidget()
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    label = _CheckLabel(text, box)
    label.setToolTip(box.toolTip())
    box.toggled.connect(lambda on: label.setStyleSheet(checked_style if on else ""))
    layout.addWidget(box)
    layout.addWidget(label, 1)
    return row


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
    """A combo box of (label, key) pairs showing ``current``; the labels through the translator
    (context "Labels": tables mark theirs with QT_TRANSLATE_NOOP)."""
    combo = QComboBox()
    for label, key in items:
        combo.addItem(QCoreApplication.translate("Labels", label), key)
    combo.setCurrentIndex(max(0, combo.findData(current)))
    return combo


class BoundedSpin(QSpinBox):
    """A spin box that lets a whole number past its range be typed, then brings it into range
    and says so (``sig_out_of_range(text)``): a plain QSpinBox silently refused the keystroke, so
    typing 1000 into a box that stops at 512 left 100."""

    sig_out_of_range = Signal(str)  # what to tell the user

    def __init__(self, low: int, high: int, what: str) -> None:
        super().__init__()
        self.setRange(low, high)
        self._what = what
        self.setCorrectionMode(QSpinBox.CorrectionMode.CorrectToNearestValue)

    def validate(self, text: str, pos: int) -> object:  # noqa: D102 - Qt's
        digits = text.strip()
        if digits.isdigit() and not self.minimum() <= int(digits) <= self.maximum():
            return QValidator.State.Intermediate, text, pos
        return super().validate(text, pos)

    def fixup(self, text: str) -> str:  # noqa: D102 - Qt's
        digits = text.strip()
        if digits.isdigit():
            value = min(max(int(digits), self.minimum()), self.maximum())
            self.sig_out_of_range.emit(f"{self._what} must lie between {self.minimum():,} and "
                                       f"{self.maximum():,}; {int(digits):,} became {value:,}.")
            return str(value)
        return super().fixup(text)


def still_plot(plot: object) -> None:
    """A pyqtgraph plot that only shows: no menu, no mouse pan or zoom, no auto-range button,
    and no SI prefix on its axes ("loss (x0.001)" reads as a puzzle)."""
    plot.setMenuEnabled(False)
    plot.setMouseEnabled(False, False)
    plot.hideButtons()
    for side in ("left", "bottom"):
        plot.getAxis(side).enableAutoSIPrefix(False)


class WhileShown(QWidget):
    """A view that looks at its session every ``interval_ms`` while it is shown, and at once
    when it shows (``_tick``): a dock nobody sees costs nothing."""

    def __init__(self, interval_ms: int) -> None:
        super().__init__()
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self._tick)

    def _tick(self) -> None:
        raise NotImplementedError

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        self._timer.start()
        self._tick()

    def hideEvent(self, event: object) -> None:  # noqa: N802 - Qt override
        super().hideEvent(event)
        self._timer.stop()
