"""The network diagram: neurons as small maps of their output over the plane, weights as lines.

A line's colour gives the weight's sign (blue positive, orange negative), its width the magnitude;
a dot at a neuron's corner is its bias. Hovering shows a weight's or bias's value; clicking a hidden
neuron shows its map large in the boundary plot (click again to go back). Large layers show their
first ``MAX_SHOWN`` neurons.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QLineF, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QFont,
    QFontMetricsF,
    QImage,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QPixmap,
)
from PySide6.QtWidgets import QMenu, QSizePolicy, QToolTip, QWidget

from playground.data.features import FEATURE_LABELS, apply_features
from playground.data.toy import EXTENT
from playground.gui.picture import add_picture_actions
from playground.gui.plane_maps import diverging, grid_points
from playground.gui.sessions.playground import Session
from playground.gui.sessions.steps import Inspection
from playground.gui.widgets.common import MUTED
from playground.gui.widgets.diagram_paint import (
    BIAS_PENS,
    FOCUS_PEN,
    FRAME_PEN,
    PENS,
    WEIGHT_LEVELS,
    bias_spot,
    distance,
    rgb_image,
    segment_distance,
)
from playground.gui.widgets.diagram_text import describe
from playground.gui.widgets.hand_edit import HandEdit

MAX_SHOWN = 16
HEADER_WIDTH = 120  # a column's two-line header at most; narrower columns get a shorter one
TEXT_PIXELS = 14  # a line of small text under a node: its value, or "+1008 more"
HIT_PIXELS = 4.0
INSPECT_PEN = QPen(QColor(20, 20, 20), 1.6)


@dataclass(frozen=True)
class Hit:
    """What lies under the mouse: a weight (layer, i, j), a bias (layer, j) or a node."""

    kind: str
    layer: int
    j: int
    i: int = -1


class NetworkView(QWidget):
    sig_inspect = Signal()  # "open the step inspector" from a neuron's context menu

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.setObjectName("networkView")
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)  # so that Ctrl+Z reaches its tab
        self.hand = HandEdit(self)  # weights typed in or dragged
        self.setMinimumSize(360, 300)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setToolTip("")
        self._input_tiles: list[QImage] = []
        session.sig_frame.connect(self.update)
        session.sig_network_changed.connect(self._network_changed)
        self._network_changed()

    # ----- geometry -----------------------------------------------------------------------------
    def _network_changed(self) -> None:
        feats = self.session.data_spec.features
        pts = grid_points(32)
        vals = apply_features(pts, feats)
        self._input_tiles = []
        for k in range(len(feats)):
            m = float(np.abs(vals[:, k]).max()) or 1.0
            self._input_tiles.append(rgb_image(diverging(vals[:, k], -m, m).reshape(32, 32, 4)))
        self.update()

    def columns(self) -> list[int]:
        return self.session.net.sizes

    def _geometry_key(self) -> tuple:
        return (self.width(), self.height(), tuple(self.columns()))

    def _geometry(self) -> dict[int, list[QRectF]]:
        """Node rectangles per column, computed once per size and architecture."""
        key = self._geometry_key()
        if getattr(self, "_geom_key", None) != key:
            self._geom_key = key
            cols = self.columns()
            most = min(max(cols), MAX_SHOWN)
            left, right = 70.0, self.width() - 50.0
            # room under the last node for "+1008 more" (it was cut off at the widget's edge)
            below = TEXT_PIXELS + 4 if max(cols) > MAX_SHOWN else 0
            # tiles fit the height and leave room between columns for the lines (8 layers of 2
            # units made tiles of 56 px in columns 50 px apart: they overlapped)
            t = float(np.clip(min((self.height() - 60 - below) / (most * 1.35),
                                  0.62 * self.column_step()), 12, 56))
            self._geom = {}
            for col, size in enumerate(cols):
                shown = min(size, MAX_SHOWN)
                x = left + (right - left) * col / max(1, len(cols) - 1)
                top = 44 + min((self.height() - 50 - below - shown * t * 1.35) / 2, 30.0)
                self._geom[col] = [QRectF(x - t / 2, top + j * t * 1.35, t, t)
                                   for j in range(shown)]
        return self._geom

    def picture_height(self) -> int:
        """The height a picture of the diagram needs: down to its lowest node and the line of
        text under it (a small network's picture was half empty)."""
        bottom = max(rects[-1].bottom() for rects in self._geometry().values() if rects)
        return min(self.height(), int(bottom) + TEXT_PIXELS + 10)

    def column_step(self) -> float:
        """Pixels between the centres of two neighbouring columns."""
        return (self.width() - 120.0) / max(1, len(self.columns()) - 1)

    def node_rect(self, col: int, j: int) -> QRectF:
        """Where node ``j`` of column ``col`` (0 = inputs) is drawn."""
        return self._geometry()[col][j]

    def bias_point(self, col: int, j: int) -> QPointF:
        return bias_spot(self.node_rect(col, j))

    # ----- painting -----------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        p = QPainter(self)
        p.drawPixmap(0, 0, self._static_layer())
        # antialiased wide lines cost 17 ms a frame against 4 ms without (measured, spiral net):
        # smooth when still, fast while training
        p.setRenderHint(QPainter.RenderHint.Antialiasing, self.session.state != "running")
        params = self.session.display_params()
        scale = max((float(np.abs(lp["W"]).max()) for lp in params), default=1.0) or 1.0
        inspection = self.session.steps.inspection
        for layer, lp in enumerate(params):
            if inspection is not None and inspection.stage == "backward" and \
                    inspection.layer == layer + 1:
                # the inspector's backward stage: this layer's lines are its gradient ∂L/∂W
                grad = next(b.dW for b in inspection.step.backward if b.layer == layer + 1)
                self._paint_weights(p, layer, grad, float(np.abs(grad).max()) or 1.0)
            else:
                self._paint_weights(p, layer, lp["W"], scale)
        self._paint_nodes(p, params, self._geometry())
        if inspection is not None:
            self._paint_inspection(p, inspection)
        p.end()

    def _paint_inspection(self, p: QPainter, inspection: Inspection) -> None:
        """The inspected point ringed on every map, and in forward its layer's values."""
        index = self.session.view.inspected
        if index is not None and index < len(self.session.points.train):
            x, y = self.session.points.train[index]
            p.setPen(INSPECT_PEN)
            p.setBrush(Qt.BrushStyle.NoBrush)
            for rects in self._geometry().values():
                for r in rects:
                    fx, fy = (x + EXTENT) / (2 * EXTENT), (EXTENT - y) / (2 * EXTENT)
                    if 0 <= fx <= 1 and 0 <= fy <= 1:
                        p.drawEllipse(QPointF(r.left() + fx * r.width(),
                                              r.top() + fy * r.height()), 3.0, 3.0)
        rects = self.value_rects(inspection.layer) if inspection.stage == "forward" else []
        if rects:
            values = inspection.step.forward[inspection.layer - 1].a
            p.setPen(QColor(30, 30, 30))
            for r, v in zip(rects, values, strict=False):
                p.drawText(r, Qt.AlignmentFlag.AlignCenter, f"{v:.3g}")

    def value_rects(self, col: int) -> list[QRectF]:
        """Where the values of column ``col``'s nodes are written, under each node; none when
        the nodes stand too close for a line of text between them (the inspector lists the
        values then: written over the next map they could not be read)."""
        rects = self._geometry()[col]
        if len(rects) > 1 and rects[1].top() - rects[0].bottom() < TEXT_PIXELS:
            return []
        return [QRectF(r.left() - 20, r.bottom(), r.width() + 40, TEXT_PIXELS - 1)
                for r in rects]

    def _static_layer(self) -> QPixmap:
        """Background, headers, input tiles and feature names: they change with the layout and
        the architecture only, so they are painted once into a pixmap (they cost ~1.5 ms a frame,
        measured on the spiral net)."""
        key = (self._geometry_key(), tuple(self.session.net.layers),
               self.session.data_spec.features, len(self._input_tiles))
        if getattr(self, "_static_key", None) != key:
            ratio = self.devicePixelRatioF()
            pixmap = QPixmap(round(self.width() * ratio), round(self.height() * ratio))
            pixmap.setDevicePixelRatio(ratio)
            pixmap.fill(QColor(252, 252, 252))
            p = QPainter(pixmap)
            p.setRenderHint(QPainter.RenderHint.Antialiasing)
            for j, rect in enumerate(self._geometry()[0]):
                if j < len(self._input_tiles):
                    p.drawImage(rect, self._input_tiles[j])
                p.setPen(MUTED)
                p.drawRect(rect)
            self._paint_headers(p)
            p.end()
            self._static_key, self._static = key, pixmap
        return self._static

    def _paint_weights(self, p: QPainter, layer: int, W: np.ndarray, scale: float) -> None:
        """All of a layer's lines, grouped into a few pens (sign × magnitude level) and drawn with
        one call per pen; pens and line objects are made once per layout, not per frame."""
        n_in, n_out = (min(s, MAX_SHOWN) for s in W.shape)
        shown = W[:n_in, :n_out]
        mag = np.where(np.isfinite(shown), np.minimum(1.0, np.abs(shown) / scale), 1.0)
        level = np.minimum((mag * WEIGHT_LEVELS).astype(int), WEIGHT_LEVELS - 1)
        lines = self._lines(layer)  # n_in × n_out, row-major
        for sign, sign_mask in ((0, shown >= 0), (1, shown < 0)):
            present = np.bincount(level[sign_mask], minlength=WEIGHT_LEVELS)
            for lev in np.flatnonzero(present):  # bincount: np.unique cost ~3 ms a frame here
                p.setPen(PENS[sign][lev])
                picked = np.flatnonzero((sign_mask & (level == lev)).ravel())
                p.drawLines([lines[k] for k in picked])

    def _lines(self, layer: int) -> list[QLineF]:
        geom = self._geometry()
        cache = self.__dict__.setdefault("_line_cache", {})
        key = (self._geom_key, layer)
        if key not in cache:
            if len(cache) > 32:  # old layouts
                cache.clear()
            cache[key] = [QLineF(a.right(), a.center().y(), b.left(), b.center().y())
                          for a in geom[layer] for b in geom[layer + 1]]
        return cache[key]

    def _paint_nodes(self, p: QPainter, params: tuple[dict, ...],
                     geom: dict[int, list[QRectF]]) -> None:
        cols = self.columns()
        maps = self.session.plane_maps()
        focus = self.session.view.focus
        for col, size in enumerate(cols):
            if col == 0:
                continue  # the inputs are in the static layer
            for j, r in enumerate(geom[col]):
                image = self._node_image(col, j, maps)
                if image is not None:
                    p.drawImage(r, image)
                focused = focus == (col - 1, j)
                p.setPen(FOCUS_PEN if focused else FRAME_PEN)
                p.drawRect(r)
            if "b" in params[col - 1]:
                self._paint_biases(p, geom[col], params[col - 1]["b"][:MAX_SHOWN])
            if size > MAX_SHOWN:
                r = geom[col][-1]
                p.setPen(MUTED)
                p.drawText(QRectF(r.left() - 40, r.bottom() + 2, r.width() + 80, TEXT_PIXELS),
                           Qt.AlignmentFlag.AlignCenter,
                           self.tr("+{0} more").format(size - MAX_SHOWN))

    def _node_image(self, col: int, j: int, maps) -> QImage | None:  # noqa: ANN001 - PlaneMaps
        """The map drawn in hidden or output node ``j`` of column ``col`` (>= 1)."""
        if col <= len(maps.neurons):
            return rgb_image(maps.neurons[col - 1][j])
        if maps.outputs:
            return rgb_image(maps.outputs[j])
        return rgb_image(maps.boundary)

    def _paint_biases(self, p: QPainter, rects: list[QRectF], b: np.ndarray) -> None:
        """A column's bias dots: round points whose colour is the sign and size the magnitude,
        drawn with one call per (sign, size)."""
        sizes = np.where(np.isfinite(b), 2.0 + np.minimum(4.0, np.abs(b)), 6.0).round().astype(int)
        for sign, mask in ((0, b >= 0), (1, ~(b >= 0))):
            for size in np.flatnonzero(np.bincount(sizes[mask], minlength=7)):
                p.setPen(BIAS_PENS[sign][size])
                p.drawPoints([bias_spot(rects[j])
                              for j in np.flatnonzero(mask & (sizes == size))])

    def _paint_headers(self, p: QPainter) -> None:
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 0.95)
        p.setFont(font)
        p.setPen(QColor(50, 50, 50))
        metrics = QFontMetricsF(font)
        for col, (first, second) in enumerate(self.headers()):
            x = self.node_rect(col, 0).center().x()
            width = self.header_width(col)
            text = "\n".join(metrics.elidedText(line, Qt.TextElideMode.ElideRight, width)
                              for line in (first, second) if line)
            p.drawText(QRectF(x - width / 2, 2, width, 34), Qt.AlignmentFlag.AlignCenter, text)
        feats = self.session.data_spec.features
        for j, name in enumerate(feats[:MAX_SHOWN]):
            r = self.node_rect(0, j)
            p.drawText(QRectF(r.left() - 66, r.top(), 62, r.height()),
                       Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                       FEATURE_LABELS.get(name, name))

    def header_width(self, col: int) -> float:
        """Room for column ``col``'s header: the gap to its neighbours, more at either end."""
        edge = col in (0, len(self.columns()) - 1)
        return min(HEADER_WIDTH, max(self.column_step() - 4, 96.0 if edge else 0.0))

    def headers(self) -> list[tuple[str, str]]:
        """Each column's two header lines: what it is, and its activation; shorter where the
        columns stand close (8 hidden layers)."""
        layers, wide = self.session.net.layers, self.column_step() >= HEADER_WIDTH * 0.8
        out = [(self.tr("Input"), "")]
        for col, size in enumerate(self.columns()[1:], start=1):
            spec = layers[col - 1]
            count = ((self.tr("{0} neurons").format(size) if size > 1 else self.tr("1 neuron"))
                     if wide else f"{size}")
            kind = self.tr("Output") if col == len(layers) else count
            bias = "" if spec.bias else (self.tr(", no bias") if wide else self.tr(", no b"))
            drop = "" if not spec.dropout or not wide else self.tr(", drop {0:g}%").format(
                100 * spec.dropout)  # close columns elided it: the layer's row says it
            out.append((kind, f"{spec.activation}{bias}{drop}"))
        return out

    # ----- hovering and clicking ----------------------------------------------------------------
    def hit_at(self, pos: QPointF) -> Hit | None:
        """The bias, node or weight under ``pos``, in that order of priority."""
        params = self.session.display_params()
        cols = self.columns()
        for col in range(1, len(cols)):
            for j in range(min(cols[col], MAX_SHOWN)):
                if "b" in params[col - 1] and distance(pos, self.bias_point(col, j)) <= 6:
                    return Hit("bias", col - 1, j)
                if self.node_rect(col, j).contains(pos):
                    return Hit("node", col - 1, j)
        return self._weight_at(pos, cols)

    def _weight_at(self, pos: QPointF, cols: list[int]) -> Hit | None:
        best, best_d = None, HIT_PIXELS
        for layer in range(len(cols) - 1):
            for i in range(min(cols[layer], MAX_SHOWN)):
                a = self.node_rect(layer, i)
                start = QPointF(a.right(), a.center().y())
                if pos.x() < start.x():
                    break
                for j in range(min(cols[layer + 1], MAX_SHOWN)):
                    b = self.node_rect(layer + 1, j)
                    d = segment_distance(pos, start, QPointF(b.left(), b.center().y()))
                    if d < best_d:
                        best, best_d = Hit("weight", layer, j, i), d
        return best

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        if self.hand.drag is not None and event.buttons() & Qt.MouseButton.LeftButton:
            self.hand.drag_to(event.position().y())
            return
        hit = self.hit_at(event.position())
        if hit is None:
            QToolTip.hideText()
        else:
            QToolTip.showText(event.globalPosition().toPoint(), describe(self.session, hit), self)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        hit = self.hit_at(event.position())
        if hit is not None and hit.kind in ("weight", "bias"):
            self.hand.edit_value(hit)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        hit = self.hit_at(event.position())
        if hit is not None and hit.kind in ("weight", "bias"):
            self.hand.start_drag(hit, event.position().y())
            return
        if hit is None or hit.kind != "node" or hit.layer >= len(self.session.net.layers) - 1:
            return
        focus = (hit.layer, hit.j)
        self.session.set_view(focus=None if self.session.view.focus == focus else focus)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:  # noqa: N802 - Qt override
        menu = QMenu(self)
        menu.addAction(self.tr("Inspect one training step…"), self.sig_inspect.emit)
        hit = self.hit_at(QPointF(event.pos()))
        if hit is not None and hit.kind in ("weight", "bias"):
            menu.addAction(self.tr("Type a new value…"), lambda: self.hand.edit_value(hit))
        menu.addSeparator()
        add_picture_actions(menu, self, "network diagram", self.session.sig_error.emit)
        menu.exec(event.globalPos())

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        self.hand.end_drag()
