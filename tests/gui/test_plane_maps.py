"""The plane's own forward pass (rows of points, fast sigmoid and tanh) against the network's."""

from __future__ import annotations

import numpy as np
import pytest

from playground.data.features import apply_features
from playground.gui.plane_maps import GridEvaluator
from playground.nn import LayerSpec, Network
from playground.nn.activations import HIDDEN_ACTIVATIONS

FEATURES = ("x1", "x2", "x1*x2")


@pytest.mark.parametrize("hidden", HIDDEN_ACTIVATIONS)
@pytest.mark.parametrize("output,loss,units", [("sigmoid", "bce", 1), ("tanh", "mse", 1),
                                               ("linear", "mse", 1),
                                               ("softmax", "cross_entropy", 3)])
def test_the_plane_pass_matches_the_network(hidden, output, loss, units):
    net = Network(len(FEATURES), [LayerSpec(6, hidden), LayerSpec(5, hidden, bias=False),
                                  LayerSpec(units, output)], loss=loss, init="normal", seed=3)
    grid = GridEvaluator(resolution=20, tile=8)
    grid.bind(net, FEATURES)
    ours = grid.activations(net.params)
    x = apply_features(grid._points, FEATURES)
    _, expected = net.forward_all(x)
    assert len(ours) == len(expected)
    for a, e in zip(ours, expected, strict=True):
        assert a.shape == e.T.shape
        np.testing.assert_allclose(a, e.T, atol=2e-5)


def test_saturated_units_give_exact_ends_without_warnings():
    net = Network(2, [LayerSpec(2, "tanh"), LayerSpec(1, "sigmoid")], loss="bce")
    net.params[0]["W"][...] = [[1e4, -1e4], [0.0, 0.0]]
    net.params[1]["W"][...] = [[1e4], [0.0]]
    grid = GridEvaluator(resolution=10, tile=4)
    grid.bind(net, ("x1", "x2"))
    hidden, out = grid.activations(net.params)  # warnings are errors in this suite
    assert set(np.unique(hidden)) <= {-1.0, 0.0, 1.0}
    assert set(np.unique(out)) <= {0.0, 1.0}
    maps = grid.evaluate(net.params, discretize=False)
    assert maps.boundary.shape == (10, 10, 4) and (maps.boundary[..., 3] == 255).all()


def test_weights_a_run_blew_up_are_drawn_without_a_warning():
    net = Network(2, [LayerSpec(4, "relu"), LayerSpec(1, "sigmoid")], "bce", seed=0)
    params = [{k: v * 1e36 for k, v in p.items()} for p in net.copy_params()]
    grid = GridEvaluator(resolution=20, tile=8)
    grid.bind(net, ("x1", "x2"))
    maps = grid.evaluate(params, discretize=False)  # warnings are errors in the suite
    assert maps.boundary.dtype == np.uint8 and maps.boundary.shape[-1] == 4
