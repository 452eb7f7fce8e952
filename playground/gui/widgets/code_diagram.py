"""The learner's network as a row of layers, with the check's findings drawn on it: each layer a
box (its units and activation), green where every array agrees, red where a finding points, with
the array named under the box ("a" forward, "∂L/∂W", "∂L/∂b", "update"). Painted by hand: a
handful of boxes needs no scene."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from playground.learner.compare import CodeFinding

OK, BAD, PLAIN, TEXT = QColor(27, 127, 59), QColor(176, 0, 32), QColor(120, 120, 120), \
    QColor(30, 30, 30)
ARRAY_NAMES = {"a": "activations", "W": "∂L/∂W", "b": "∂L/∂b", "update": "update"}


class CodeDiagram(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("codeDiagram")
        self.setMinimumHeight(102)  # three lines in a box (a program's weight names) and a label
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.layers: list[str] = []  # a caption per box: the inputs first
        self.marked: dict[int, list[str]] = {}  # box index -> the arrays a finding names
        self.passed = False
        self.setToolTip(self.tr(
            "Your network as the check built it; a red layer is where a finding "
            "points (errors flow backward: the first wrong layer from the output)."))

    def show_check(self, constants: dict, findings: list[CodeFinding], passed: bool | None = None,
                   names: list[str] | None = None) -> None:
        """The network the template's constants describe (or a program's, found as written,
        with its weights' ``names``), marked with ``findings``."""
        layers = constants.get("LAYERS") or []
        act = constants.get("ACTIVATION", "")
        out = constants.get("OUTPUT", act)
        self.layers = [f"x\n{layers[0]} input{'s' if layers[0] != 1 else ''}"] if layers else []
        for i, n in enumerate(layers[1:], start=1):
            name = f"\n{names[i - 1]}" if names and i <= len(names) else ""
            self.layers.append(f"layer {i}\n{n} {out if i == len(layers) - 1 else act}{name}")
        self.marked = {}
        for f in findings:
            if f.layer is not None and f.kind != "ok":
                self.marked.setdefault(f.layer, []).append(ARRAY_NAMES.get(f.array, f.array))
        self.passed = [f.kind for f in findings] == ["ok"] if passed is None else passed
        self.update()

    def clear(self) -> None:
        self.layers, self.marked, self.passed = [], {}, False
        self.update()

    def _colour(self, index: int) -> QColor:
        if index in self.marked:
            return BAD
        return OK if self.passed and index else PLAIN

    def paintEvent(self, event: object) -> None:  # noqa: N802 - Qt override
        p = QPainter(self)
        if not self.layers:
            p.setPen(PLAIN)
            p.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                       self.tr("Check draws your network here, the layer a finding points to "
                               "in red."))
            p.end()
            return
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        gap = 14.0
        width = min(120.0, (self.width() - gap * (len(self.layers) + 1)) / len(self.layers))
        box_h = 14.0 * max(caption.count("\n") + 1 for caption in self.layers) + 12
        for i, caption in enumerate(self.layers):
            x = gap + i * (width + gap)
            rect = QRectF(x, 6, width, box_h)
            colour = self._colour(i)
            p.setPen(QPen(colour, 3 if i in self.marked else 1.5))
            p.setBrush(QColor(colour.red(), colour.green(), colour.blue(), 28))
            p.drawRoundedRect(rect, 6, 6)
            p.setPen(TEXT)
            p.drawText(rect, Qt.AlignmentFlag.AlignCenter, caption)
            if i in self.marked:
                p.setPen(BAD)
                p.drawText(QRectF(x - gap / 2, 10 + box_h, width + gap, 34),
                           Qt.AlignmentFlag.AlignHCenter | Qt.TextFlag.TextWordWrap,
                           ", ".join(dict.fromkeys(self.marked[i])))
            if i:
                p.setPen(QPen(PLAIN, 1.2))
                p.drawLine(int(x - gap + 2), int(6 + box_h / 2), int(x - 2), int(6 + box_h / 2))
        p.end()
