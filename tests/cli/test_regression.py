"""Regression, as TensorFlow Playground has it: real targets, a linear output, RMSE."""

from __future__ import annotations

import json

import numpy as np
import pytest

from playground.cli.main import main
from playground.data import make_toy
from playground.data.pointset import PointSet
from playground.nn import LayerSpec, Network


@pytest.mark.parametrize("name", ["reg-plane", "reg-gauss"])
def test_the_sets_have_real_targets_in_minus_one_to_one(name):
    data = make_toy(name, 500, seed=1)
    assert data.n_classes == 0 and data.y.dtype == np.float64
    assert -1 <= data.y.min() < -0.5 and 0.5 < data.y.max() <= 1
    noisy = make_toy(name, 500, noise=0.5, seed=1)
    assert np.array_equal(noisy.x, data.x) and not np.array_equal(noisy.y, data.y)


def test_real_targets_are_encoded_as_they_are():
    net = Network(2, [LayerSpec(3, "tanh"), LayerSpec(1, "linear")], "mse")
    t = np.array([0.25, -0.75])
    assert np.array_equal(net.encode_targets(t), [[0.25], [-0.75]])
    assert np.array_equal(net.encode_targets(np.array([0, 1])), [[0.0], [1.0]])  # classes


@pytest.mark.parametrize(("name", "bound"), [("reg-plane", 0.05), ("reg-gauss", 0.15)])
def test_an_8_8_1_net_reaches_the_issues_rmse_in_300_epochs(name, bound, capsys):
    assert main(["train", "--dataset", name, "--layers", "8:tanh,8:tanh,1:linear",
                 "--optimizer", "adam", "--lr", "0.01", "--epochs", "300", "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["test_rmse"] <= bound and result["train_accuracy"] is None
    assert result["train_rmse"] == pytest.approx(np.sqrt(2 * result["train_loss"]), rel=1e-4)


def test_a_csv_of_real_targets_trains_as_a_regression(tmp_path, capsys):
    rng = np.random.default_rng(0)
    x = rng.uniform(-1, 1, (300, 3))
    y = 0.5 * x[:, 0] - 0.3 * x[:, 1] * x[:, 2]
    path = tmp_path / "houses.csv"
    np.savetxt(path, np.column_stack([x, y]), delimiter=",", header="a,b,c,price", comments="")
    assert main(["train", "--data", str(path), "--epochs", "200", "--optimizer", "adam",
                 "--lr", "0.01", "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["test_rmse"] < 0.1 and result["test_accuracy"] is None
    assert result["network"] == "Network(3-8-1, tanh,linear, loss=mse)"


def test_a_regressions_points_survive_a_model_file():
    from playground.data.prepare import DataSpec

    points = PointSet.generate(DataSpec("reg-gauss", points=50))
    again = PointSet.from_json(json.loads(json.dumps(points.to_json())))
    assert again.regression and np.array_equal(again.train_labels, points.train_labels)
    with pytest.raises(ValueError, match="finite"):
        PointSet.from_json({**points.to_json(), "train_labels": [float("nan")] * 25})


def test_a_regression_exports_to_a_script_and_a_csv(tmp_path, capsys):
    import csv
    import subprocess
    import sys

    model = tmp_path / "plane.npz"
    assert main(["train", "--dataset", "reg-plane", "--points", "100", "--layers",
                 "4:tanh,1:linear", "--epochs", "20", "--dtype", "float64", "--out", str(model),
                 "--json"]) == 0
    trained = json.loads(capsys.readouterr().out)
    assert main(["export", str(model), "--format", "numpy", "--out", str(tmp_path / "s.py")]) == 0
    run = subprocess.run([sys.executable, str(tmp_path / "s.py")], capture_output=True,
                         text=True, timeout=120, check=True)
    final = dict(line.split()[2:4] for line in run.stdout.splitlines()
                 if line.startswith("final train"))
    assert float(final["loss"]) == pytest.approx(trained["train_loss"], rel=1e-6)
    assert float(final["rmse"]) == pytest.approx(trained["train_rmse"], rel=1e-5)
    assert main(["export", str(model), "--format", "csv", "--out", str(tmp_path / "p.csv")]) == 0
    with (tmp_path / "p.csv").open(newline="") as f:
        header = next(csv.reader(f))
    assert header == ["x1", "x2", "target", "split"]
