"""The MNIST tab's first layer as images: each unit's 784 weights as a 28x28 tile, blue where
positive and orange where negative, most used by the next layer first, following the weights on
display (a run's frames, an epoch the timeline shows)."""

from __future__ import annotations

import numpy as np
import pytest

from playground.gui.widgets.first_layer import POSITIVE, usage_order, weight_images
from tests.gui.tabs import show_mnist


def test_a_weight_is_coloured_by_its_sign_on_one_scale():
    w = np.zeros((784, 2))
    w[0, 0], w[1, 0], w[2, 1] = 2.0, -2.0, 0.5
    images = weight_images(w)
    assert images.shape == (2, 28, 28, 4) and images.dtype == np.uint8
    assert list(images[0, 0, 0, :3]) == list(POSITIVE)  # full blue
    assert images[0, 0, 1, 0] > 200 and images[0, 0, 1, 2] < 100  # orange
    assert list(images[0, 5, 5, :3]) == [255, 255, 255]  # zero is white


def test_units_are_ordered_by_the_next_layers_use():
    first = {"W": np.zeros((784, 3))}
    nxt = {"W": np.array([[0.1, 0.0], [3.0, 4.0], [1.0, 0.0]])}
    order, usage = usage_order((first, nxt))
    assert list(order) == [1, 2, 0] and usage[1] == pytest.approx(5.0)
    assert list(usage_order((first,))[0]) == [0, 1, 2]  # an output layer: in order


def test_the_tab_shows_the_layer_it_trains_and_the_epoch_the_timeline_shows(make_window, qtbot):
    window = make_window()
    show_mnist(window, qtbot)
    s = window.mnist_session
    s.train_limit = 1000
    s.set_config(epochs=2)
    view = window.mnist_panel.first_layer
    view.resize(400, 400)
    s.start()
    qtbot.waitUntil(lambda: s.state == "idle", timeout=60_000)
    view.refresh()
    w = s.net.params[0]["W"]
    assert view.images.shape == (w.shape[1], 28, 28, 4)
    np.testing.assert_array_equal(view.images, weight_images(np.asarray(w, np.float64)))
    first = int(view.order[0])
    assert "Ranked 1 of 128" in view.describe(first)
    digits = view.top_digits(first)
    assert len(digits) == 8 and all(0 <= d <= 9 for d in digits)
    s.timeline.show(0)  # the initial weights: the tiles follow
    view.refresh()
    np.testing.assert_array_equal(
        view.images, weight_images(np.asarray(s.display_params()[0]["W"], np.float64)))
    assert not np.array_equal(view.images, weight_images(np.asarray(w, np.float64)))
    side, cols = view.tile()
    assert view.unit_at(1, 1) == int(view.order[0]) and side >= 8


def test_the_digits_tab_shows_the_first_layer_of_the_model_it_reads_with(make_window, qtbot):
    window = make_window()
    panel = window.digits_panel
    view = panel.first_layer
    assert view.images is not None and len(view.images) == panel.net.params[0]["W"].shape[1]
    net = window.mnist_session.network_copy()
    panel.set_model(net, "yours")
    assert len(view.images) == net.params[0]["W"].shape[1]
    assert np.array_equal(view.order, usage_order(tuple(net.params))[0])
    panel.set_compact(True)
    assert view.isHidden()  # a narrow window keeps the canvas and its reading
