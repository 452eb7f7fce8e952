"""Weights changed by hand on the network diagram: typed in, or dragged up and down.

``HandEdit(view)``: ``edit_value(hit)`` asks for a new value of the weight or bias under ``hit``
(training pauses first); ``start_drag``, ``drag_to`` and ``end_drag`` follow a drag, DRAG_STEP a
pixel times the value's size (at least 1), so that small and large weights both move at a
useful pace; the whole drag is one undo step. The session does the edit
(``edits.set_weight``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QInputDialog

from playground.gui.widgets.diagram_text import describe

if TYPE_CHECKING:
    from playground.gui.widgets.network_view import Hit, NetworkView

DRAG_STEP = 0.01  # a weight dragged one pixel moves by this times max(1, |its value|)


def _where(hit: Hit) -> tuple[str, tuple[int, ...]]:
    return ("W", (hit.i, hit.j)) if hit.kind == "weight" else ("b", (hit.j,))


class HandEdit:
    def __init__(self, view: NetworkView) -> None:
        self.view = view
        self.drag: tuple | None = None  # (layer, key, index, start value, start y)
        self._dragged = False

    def edit_value(self, hit: Hit) -> None:
        """Type a new value for the weight or bias under ``hit``; training pauses first."""
        session = self.view.session
        if session.state == "running":
            session.pause()
        key, index = _where(hit)
        value = self.ask_value(describe(session, hit),
                               float(session.display_params()[hit.layer][key][index]))
        if value is not None:
            session.edits.set_weight(hit.layer, key, index, value)

    def ask_value(self, label: str, value: float) -> float | None:
        """The user's new value (None if cancelled)."""
        new, ok = QInputDialog.getDouble(self.view, "Edit by hand", label, value, -1e6, 1e6, 4)
        return new if ok else None

    def start_drag(self, hit: Hit, y: float) -> None:
        key, index = _where(hit)
        value = float(self.view.session.display_params()[hit.layer][key][index])
        self.drag = (hit.layer, key, index, value, y)
        self._dragged = False

    def drag_to(self, y: float) -> None:
        layer, key, index, start, y0 = self.drag
        if abs(y - y0) < 2 and not self._dragged:
            return  # a click, not a drag
        self._dragged = True
        value = start - (y - y0) * DRAG_STEP * max(1.0, abs(start))
        self.view.session.edits.set_weight(layer, key, index, value, undoable=False)

    def end_drag(self) -> None:
        """One undo step for the whole drag: back to the value it started from."""
        if self.drag is not None and self._dragged:
            layer, key, index, start, _ = self.drag
            self.view.session.weight_undo.append((layer, key, index, start))
        self.drag = None
