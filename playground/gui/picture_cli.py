"""``playground export MODEL --format png|svg``: a picture of a saved model's decision boundary
(with its points) or its network diagram, drawn by the window's own widgets on Qt's offscreen
platform when there is no display, so the picture is the one the window shows."""

from __future__ import annotations

import os
from pathlib import Path

VIEWS = ("boundary", "diagram")
SIZE = (640, 600)


def model_picture(model: str | Path, view: str, out: str | Path) -> Path:
    """``out`` (.png or .svg) with ``view`` of ``model``; ValueError for a model the Playground
    tab cannot show (MNIST's, say) or an unknown view."""
    if view not in VIEWS:
        raise ValueError(f"unknown view {view!r}; choose one of {', '.join(VIEWS)}")
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from playground.gui.picture import save_picture
    from playground.gui.sessions.playground import Session
    from playground.gui.widgets.boundary_plot import BoundaryPlot
    from playground.gui.widgets.network_view import NetworkView

    app = QApplication.instance() or QApplication([])
    session = Session()
    errors: list[str] = []
    session.sig_error.connect(errors.append)
    try:
        if not session.files.open(model):
            raise ValueError(errors[0] if errors else f"{model} cannot be shown")
        widget = BoundaryPlot(session) if view == "boundary" else NetworkView(session)
        widget.resize(*SIZE)
        widget.show()
        app.processEvents()
        path = save_picture(widget, out)
        widget.close()
        return path
    finally:
        session.shutdown()
