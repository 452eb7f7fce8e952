"""The network diagram stays readable with many layers: no tiles or headers on top of others."""

from __future__ import annotations

import itertools

import pytest
from PySide6.QtGui import QFont, QFontMetricsF

from playground.experiment import Architecture
from playground.gui.widgets.network_view import MAX_SHOWN
from playground.nn import LayerSpec


@pytest.mark.parametrize(("layers", "units"), [(8, 8), (8, 2), (1, 16), (3, 30)])
def test_many_layers_give_tiles_and_headers_that_never_overlap(make_window, layers, units):
    window = make_window()
    window.session.edits.set_architecture(Architecture(tuple(LayerSpec(units, "leaky_relu", False)
                                                       for _ in range(layers))))
    view = window.network_view
    cols = view.columns()
    rects = [view.node_rect(c, j) for c, size in enumerate(cols)
             for j in range(min(size, MAX_SHOWN))]
    assert all(view.rect().toRectF().contains(r) for r in rects)
    for a, b in itertools.combinations(rects, 2):
        assert not a.intersects(b), (a, b)
    assert min(r.width() for r in rects) >= 12
    centres = [view.node_rect(c, 0).center().x() for c in range(len(cols))]
    spans = [(x - view.header_width(c) / 2, x + view.header_width(c) / 2)
             for c, x in enumerate(centres)]
    for (_, end), (start, _) in zip(spans[1:-2], spans[2:-1], strict=True):
        assert end <= start + 1e-6  # inner headers stay within their own column
    font = QFont(view.font())
    metrics = QFontMetricsF(font)
    for c, lines in enumerate(view.headers()):
        if 0 < c < len(cols) - 1:
            assert metrics.horizontalAdvance(lines[0]) <= view.header_width(c)


def test_a_wide_layer_shows_sixteen_neurons_and_says_how_many_more(make_window):
    window = make_window()
    window.session.edits.set_architecture(Architecture((LayerSpec(40, "tanh"),)))
    assert len(window.network_view._geometry()[1]) == MAX_SHOWN == 16
