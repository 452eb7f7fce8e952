"""Pictures of the window's views as PNG or SVG files: the decision boundary, the loss plot, the
network diagram.

A plot's PNG comes from pyqtgraph's ``ImageExporter``, at twice the size on screen so that it
stays sharp in a document; a widget we paint ourselves (the diagram) is drawn into a ``QImage``
by its own paint code. Every SVG is drawn into Qt's ``QSvgGenerator``: pyqtgraph's
``SVGExporter`` fails on the SVG paths of this Qt (ValueError in ``correctCoordinates``, its
open issue #3485), and Qt's own writer keeps lines and text as vectors.
"""

from __future__ import annotations

from pathlib import Path

import pyqtgraph as pg
import pyqtgraph.exporters as exporters
from PySide6.QtCore import QCoreApplication, QPoint, QRect, QSize
from PySide6.QtGui import QImage, QPainter
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QFileDialog, QMenu, QWidget

from playground.paths import check_writable
from playground.phrase import QT_TRANSLATE_NOOP

FORMATS = (".png", ".svg")
PNG_SCALE = 2  # pixels per screen pixel in a PNG


def save_picture(widget: QWidget, path: str | Path) -> Path:
    """``widget`` as ``path`` (.png or .svg); ValueError for another suffix, OSError when the
    file cannot be written."""
    path = check_writable(path)
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        raise ValueError(f"a picture is .png or .svg, not {path.suffix or 'no suffix'}")
    item = _plot_item(widget)
    if suffix == ".svg":
        _paint_svg(widget, path)
    elif item is not None:
        _export_png(item, widget, path)
    else:
        _paint_png(widget, path)
    if not path.exists():
        raise OSError(f"{path} was not written")
    return path


def _plot_item(widget: QWidget) -> pg.GraphicsObject | None:
    if isinstance(widget, pg.PlotWidget):
        return widget.getPlotItem()
    if isinstance(widget, pg.GraphicsLayoutWidget):
        return widget.ci
    return None


def _export_png(item: pg.GraphicsObject, widget: QWidget, path: Path) -> None:
    exporter = exporters.ImageExporter(item)
    exporter.parameters()["width"] = max(1, widget.width()) * PNG_SCALE
    exporter.export(str(path))


def _picture_size(widget: QWidget) -> QSize:
    """The widget's size, or less where the widget says its content ends (``picture_height``)."""
    height = getattr(widget, "picture_height", None)
    return QSize(widget.width(), height() if callable(height) else widget.height())


def _paint_png(widget: QWidget, path: Path) -> None:
    size = _picture_size(widget) * PNG_SCALE
    image = QImage(size, QImage.Format.Format_ARGB32)
    image.setDevicePixelRatio(PNG_SCALE)
    image.fill(widget.palette().window().color())
    _render(widget, image)
    if not image.save(str(path)):
        raise OSError(f"could not write {path}")


def _paint_svg(widget: QWidget, path: Path) -> None:
    generator = QSvgGenerator()
    generator.setFileName(str(path))
    size = _picture_size(widget)
    generator.setSize(size)
    generator.setViewBox(QRect(0, 0, size.width(), size.height()))
    generator.setTitle(widget.objectName() or "playground")
    _render(widget, generator)


def _render(widget: QWidget, device: QImage | QSvgGenerator) -> None:
    painter = QPainter(device)
    try:
        QWidget.render(widget, painter, QPoint())  # a QGraphicsView overrides render()
    finally:
        painter.end()


VIEWS = (QT_TRANSLATE_NOOP("Picture", "decision boundary"),  # the views' names, translated
         QT_TRANSLATE_NOOP("Picture", "loss plot"), QT_TRANSLATE_NOOP("Picture", "network diagram"))


def _tr(text: str) -> str:
    return QCoreApplication.translate("Picture", text)


def picture_dialog(widget: QWidget, name: str) -> Path | None:
    """Ask where to save a picture of ``widget`` and save it; the path, or None if cancelled.
    OSError or ValueError for the caller to show."""
    path, chosen = QFileDialog.getSaveFileName(
        widget, QCoreApplication.translate("Picture", "Save a picture of the {0}").format(
            _tr(name)), name, QCoreApplication.translate(
                "Picture", "PNG image (*.png);;SVG drawing (*.svg)"))
    if not path:
        return None
    if Path(path).suffix.lower() not in FORMATS:
        path += ".svg" if "svg" in chosen.lower() else ".png"
    return save_picture(widget, path)


def add_picture_actions(menu: QMenu, widget: QWidget, name: str,
                        on_error: object = None) -> None:
    """"Save a picture…" in a context menu of ``widget``."""
    def save() -> None:
        try:
            picture_dialog(widget, name)
        except (OSError, ValueError) as e:
            if callable(on_error):
                on_error(QCoreApplication.translate("Picture", "Could not save the picture: {0}")
                         .format(e))

    menu.addAction(QCoreApplication.translate("Picture", "Save a picture of the {0}…").format(
        _tr(name)), save)
