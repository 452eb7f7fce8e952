"""ONNX, PyTorch and CSV exports agree with the network they came from."""

from __future__ import annotations

import csv
import importlib.util
import itertools

import numpy as np
import pytest

from playground.cli.main import main
from playground.export import export_model
from playground.modelfile.save_load import load_model, save_model
from playground.nn import LayerSpec, Network
from playground.nn.activations import HIDDEN_ACTIVATIONS
from playground.paths import shipped_model

OUTPUTS = [("sigmoid", "bce", 1), ("softmax", "cross_entropy", 3), ("tanh", "mse", 1),
           ("linear", "mse", 2)]
CASES = list(itertools.product(HIDDEN_ACTIVATIONS, OUTPUTS, [True, False]))


def _net(act: str, output: tuple[str, str, int], bias: bool) -> Network:
    out, loss, k = output
    net = Network(3, [LayerSpec(5, act, bias), LayerSpec(4, act, bias), LayerSpec(k, out, bias)],
                  loss, seed=2)
    rng = np.random.default_rng(3)
    for p in net.params:  # biases that are not 0, so that a lost bias shows
        if "b" in p:
            p["b"][...] = rng.normal(0.0, 0.7, p["b"].shape)
    return net


def _inputs(n_in: int) -> np.ndarray:
    return (np.random.default_rng(4).normal(size=(64, n_in)) * 2.5).astype(np.float32)


@pytest.mark.parametrize(("act", "output", "bias"), CASES)
def test_onnx_runs_as_predict_proba(tmp_path, act, output, bias):
    pytest.importorskip("onnx", reason="the onnx package (pip install -e '.[test]')")
    ort = pytest.importorskip("onnxruntime", reason="onnxruntime (pip install -e '.[test]')")
    net = _net(act, output, bias)
    path = export_model(net, "onnx", tmp_path / "m.onnx")
    session = ort.InferenceSession(str(path), providers=["CPUExecutionProvider"])
    x = _inputs(3)
    np.testing.assert_allclose(session.run(None, {"input": x})[0], net.predict_proba(x),
                               atol=1e-5, rtol=1e-5)


def _import(path, name: str):  # noqa: ANN001, ANN202 - a module
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(("act", "output", "bias"), CASES)
def test_torch_file_runs_as_predict_proba(tmp_path, act, output, bias):
    torch = pytest.importorskip("torch", reason="torch, CPU build (pip install -e '.[test]')")
    net = _net(act, output, bias)
    module = _import(export_model(net, "torch", tmp_path / "m.py"), f"exported_{act}")
    x = _inputs(3)
    with torch.no_grad():
        got = module.model(torch.from_numpy(x)).numpy()
    np.testing.assert_allclose(got, net.predict_proba(x), atol=1e-5, rtol=1e-5)
    fresh = module.make_model()  # and as a state dict, as its docstring says
    torch.save(module.model.state_dict(), tmp_path / "w.pt")
    fresh.load_state_dict(torch.load(tmp_path / "w.pt"))
    with torch.no_grad():
        np.testing.assert_allclose(fresh(torch.from_numpy(x)).numpy(), got)


def test_the_shipped_mnist_model_exports_to_both(tmp_path):
    torch = pytest.importorskip("torch", reason="torch, CPU build")
    ort = pytest.importorskip("onnxruntime", reason="onnxruntime")
    net = load_model(shipped_model())
    x = np.random.default_rng(0).uniform(0, 1, (32, 784)).astype(np.float32)
    want = net.predict_proba(x)
    session = ort.InferenceSession(str(export_model(net, "onnx", tmp_path / "mnist.onnx")),
                                   providers=["CPUExecutionProvider"])
    np.testing.assert_allclose(session.run(None, {"input": x})[0], want, atol=1e-5)
    module = _import(export_model(net, "torch", tmp_path / "mnist_model.py"), "mnist_model")
    with torch.no_grad():
        np.testing.assert_allclose(module.model(torch.from_numpy(x)).numpy(), want, atol=1e-5)


def test_csv_holds_every_point_with_its_label_and_split(tmp_path, capsys):
    model, out = tmp_path / "m.npz", tmp_path / "points.csv"
    assert main(["train", "--dataset", "gauss", "--classes", "3", "--points", "90",
                 "--features", "x1,x2,x1*x2", "--epochs", "2", "--out", str(model)]) == 0
    assert main(["export", str(model), "--format", "csv", "--out", str(out)]) == 0
    with out.open(newline="") as f:
        rows = list(csv.reader(f))
    assert rows[0] == ["x1", "x2", "x1*x2", "label", "split"] and len(rows) == 91
    from playground.data.prepare import DataSpec, prepare

    data = prepare(DataSpec("gauss", points=90, classes=3, features=("x1", "x2", "x1*x2")))
    train = [r for r in rows[1:] if r[-1] == "train"]
    assert len(train) == len(data.x_train)
    np.testing.assert_array_equal(np.array([r[:3] for r in train], float), data.x_train)
    assert [int(r[3]) for r in train] == data.y_train.tolist()


def test_onnx_without_its_package_says_how_to_install(tmp_path, monkeypatch, capsys):
    from playground.export import onnx_model

    path = tmp_path / "m.npz"
    save_model(Network(2, [LayerSpec(1, "sigmoid")], "bce"), path)
    monkeypatch.setattr(onnx_model, "available", lambda: False)
    assert main(["export", str(path), "--format", "onnx", "--out", str(tmp_path / "m.onnx")]) == 2
    assert 'pip install -e ".[export]"' in capsys.readouterr().err
    assert not (tmp_path / "m.onnx").exists()


def test_onnx_declares_the_lowest_ir_version_its_opset_needs(tmp_path):
    """IR 14 (the onnx package's newest) was refused by onnxruntime 1.17 and 1.20; opset 17
    needs 8 (checked by hand: both runtimes load the file and agree with predict_proba)."""
    onnx = pytest.importorskip("onnx")
    from playground.export.onnx_model import OPSET

    path = export_model(_net("tanh", OUTPUTS[0], True), "onnx", tmp_path / "m.onnx")
    model = onnx.load(str(path))
    assert OPSET == 17 and model.ir_version == 8
