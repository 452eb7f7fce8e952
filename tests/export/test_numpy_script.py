"""The NumPy script export: a standalone file that trains the network as the playground does."""

from __future__ import annotations

import contextlib
import io
import json
import subprocess
import sys

import numpy as np
import pytest

from playground.cli.main import main
from playground.data.prepare import DataSpec, prepare
from playground.export import ScriptData, numpy_script
from playground.nn import LayerSpec, Network, TrainConfig, evaluate, train_steps
from playground.paths import resources_dir

CASES = [  # hidden activation, output, loss, bias, optimizer, l1, l2
    ("tanh", "sigmoid", "bce", True, "adam", 0.0, 0.0),
    ("sigmoid", "sigmoid", "mse", False, "sgd", 0.0, 0.0),
    ("relu", "softmax", "cross_entropy", True, "momentum", 0.0, 0.003),
    ("leaky_relu", "softmax", "mse", True, "adam", 0.001, 0.0),
    ("linear", "tanh", "mse", True, "sgd", 0.0, 0.0),
    ("tanh", "linear", "mse", False, "momentum", 0.0, 0.0),
]


def _run_script(text: str, epochs: int) -> dict[str, float]:
    """Execute the script in this process; its 'final ...' lines as numbers."""
    out = io.StringIO()
    namespace = {"__name__": "exported"}
    exec(compile(text, "exported.py", "exec"), namespace)  # noqa: S102 - our own output
    with contextlib.redirect_stdout(out):
        namespace["train"](epochs)
    return {line.split()[1] + "_" + line.split()[2]: float(line.split()[3])
            for line in out.getvalue().splitlines() if line.startswith("final ")}


@pytest.mark.parametrize("case", CASES, ids=lambda c: "-".join(map(str, c[:5])))
def test_the_script_trains_to_the_playgrounds_loss(case):
    act, out, loss, bias, optimizer, l1, l2 = case
    spec = DataSpec("gauss", points=120, classes=3 if out == "softmax" else 2, seed=4)
    data = prepare(spec)
    k = 3 if out == "softmax" else 1
    layers = [LayerSpec(5, act, bias), LayerSpec(4, act, bias, "he"), LayerSpec(k, out, bias)]
    net = Network(2, layers, loss, "xavier", seed=7, dtype=np.float64)
    config = TrainConfig(optimizer, 0.05, 16, 15, seed=4, l1=l1, l2=l2)
    text = numpy_script(net, ScriptData("gauss", data.x_train, data.y_train, data.x_test,
                                        data.y_test), config, 15)
    y = net.encode_targets(data.y_train)
    *_, last = train_steps(net, data.x_train, y, config)
    assert last.stop_reason is None
    ours, acc = evaluate(net, data.x_train, y)
    theirs = _run_script(text, 15)
    assert theirs["train_loss"] == pytest.approx(ours, rel=1e-6)
    assert theirs["train_accuracy"] == acc
    assert theirs["test_loss"] == pytest.approx(
        evaluate(net, data.x_test, net.encode_targets(data.y_test))[0], rel=1e-6)


def test_the_cli_export_runs_standalone_and_matches_playground_train(tmp_path, capsys):
    model, script = tmp_path / "m.npz", tmp_path / "reference.py"
    assert main(["train", "--dataset", "moons", "--layers", "6:tanh,1:sigmoid", "--epochs",
                 "40", "--dtype", "float64", "--optimizer", "sgd", "--lr", "0.3",
                 "--out", str(model), "--json"]) == 0
    trained = json.loads(capsys.readouterr().out)
    assert main(["export", str(model), "--format", "numpy", "--out", str(script)]) == 0
    capsys.readouterr()
    run = subprocess.run([sys.executable, str(script)], capture_output=True, text=True,
                         cwd=tmp_path, timeout=120, check=True)  # no playground import needed
    final = {line.split()[2]: float(line.split()[3]) for line in run.stdout.splitlines()
             if line.startswith("final train")}
    assert final["loss"] == pytest.approx(trained["train_loss"], rel=1e-6)
    assert final["accuracy"] == trained["train_accuracy"]
    fewer = subprocess.run([sys.executable, str(script), "--epochs", "3"], capture_output=True,
                           text=True, timeout=120, check=True)
    assert "epoch 3:" in fewer.stdout and "epoch 4:" not in fewer.stdout
    assert "import playground" not in script.read_text()


def test_mnist_is_read_from_its_files(tmp_path):
    net = Network(784, [LayerSpec(8, "relu"), LayerSpec(10, "softmax")], "cross_entropy",
                  seed=0, dtype=np.float64)
    config = TrainConfig("sgd", 0.1, 64, 1, seed=0)
    text = numpy_script(net, ScriptData("MNIST", mnist_dir=str(resources_dir() / "mnist"),
                                        limit=500), config, 1)
    prepared = prepare(DataSpec("mnist", limit=500))
    y = net.encode_targets(prepared.y_train)
    for _ in train_steps(net, prepared.x_train, y, config):
        pass
    assert _run_script(text, 1)["train_loss"] == pytest.approx(
        evaluate(net, prepared.x_train, y)[0], rel=1e-6)


def test_a_model_without_its_data_or_a_bad_format_is_refused(tmp_path, capsys):
    from playground.modelfile.save_load import save_model

    path = tmp_path / "bare.npz"
    save_model(Network(2, [LayerSpec(1, "sigmoid")], "bce"), path)
    assert main(["export", str(path), "--format", "numpy", "--out", str(tmp_path / "x.py")]) == 2
    assert "does not say what data" in capsys.readouterr().err
    assert main(["export", str(path), "--format", "nope", "--out", "x"]) == 2
    assert not (tmp_path / "x.py").exists()


@pytest.mark.parametrize(("optimizer", "schedule", "warmup", "rate", "early"), [
    ("adam", "cosine:0.001", 3, 0.3, 0), ("sgd", "step:0.5:4", 0, 0.0, 0),
    ("momentum", "exp:0.9", 2, 0.5, 0), ("adam", "constant", 0, 0.2, 8),
    ("adam", "cosine:0:10", 0, 0.0, 5)])
def test_a_schedule_dropout_and_early_stopping_train_in_the_script_as_here(
        optimizer, schedule, warmup, rate, early):
    data = prepare(DataSpec("spiral", points=60, noise=0.1, seed=2))
    layers = [LayerSpec(8, "tanh", dropout=rate), LayerSpec(6, "relu", dropout=rate),
              LayerSpec(1, "sigmoid")]
    net = Network(2, layers, "bce", "xavier", seed=7, dtype=np.float64)
    config = TrainConfig(optimizer, 0.05, 10, 40, seed=4, schedule=schedule, warmup=warmup,
                         early_stop=early)
    text = numpy_script(net, ScriptData("spiral", data.x_train, data.y_train, data.x_test,
                                        data.y_test), config, 40)
    y, yt = net.encode_targets(data.y_train), net.encode_targets(data.y_test)
    *_, last = train_steps(net, data.x_train, y, config, data.x_test, yt)
    theirs = _run_script(text, 40)
    assert theirs["train_loss"] == pytest.approx(evaluate(net, data.x_train, y)[0], rel=1e-6)
    assert theirs["test_loss"] == pytest.approx(evaluate(net, data.x_test, yt)[0], rel=1e-6)
    assert (last.early_stop is not None) == bool(early)  # both stopping cases do stop
