"""The command line end to end: train, save, eval, predict, gradcheck, and bad input."""

from __future__ import annotations

import json
import subprocess
import sys

import numpy as np
import pytest

from playground.cli.common import parse_layers
from playground.cli.main import main
from playground.modelfile.save_load import load_model
from playground.nn import LayerSpec


def _json_line(out: str) -> dict:
    """The one line of JSON that stdout holds with --json (text for people goes to stderr)."""
    lines = out.strip().splitlines()
    assert len(lines) == 1, out
    return json.loads(lines[0])


def test_train_save_eval_on_xor(tmp_path, capsys):
    model = tmp_path / "xor.npz"
    rc = main(["train", "--dataset", "xor", "--layers", "4:tanh,1:sigmoid", "--lr", "0.05",
               "--epochs", "150", "--out", str(model), "--json"])
    assert rc == 0
    result = _json_line(capsys.readouterr().out)
    assert set(result) >= {"train_loss", "test_loss", "train_accuracy", "test_accuracy",
                           "epochs", "seconds"}
    assert result["test_accuracy"] >= 0.9 and result["epochs"] == 150
    assert main(["eval", str(model), "--json"]) == 0
    evaluated = _json_line(capsys.readouterr().out)
    assert evaluated["test_accuracy"] == pytest.approx(result["test_accuracy"])
    assert load_model(model).metadata["data"]["name"] == "xor"


def test_test_fraction_zero_trains_on_everything(capsys):
    assert main(["train", "--dataset", "moons", "--points", "60", "--epochs", "5",
                 "--test-fraction", "0", "--json"]) == 0
    result = _json_line(capsys.readouterr().out)
    assert result["test_loss"] is None and result["train_accuracy"] is not None


def test_train_on_the_two_neuron_csv(tmp_path, capsys):
    data = tmp_path / "identity.csv"
    data.write_text("0,0\n1,1\n")
    assert main(["train", "--data", str(data), "--layers", "1:sigmoid,1:sigmoid",
                 "--loss", "mse", "--optimizer", "sgd", "--lr", "10", "--batch-size", "2",
                 "--epochs", "3000", "--test-fraction", "0", "--json"]) == 0
    assert _json_line(capsys.readouterr().out)["train_accuracy"] == 1.0


def _digit_png(path, digit_image: np.ndarray) -> None:
    from PySide6.QtGui import QImage

    img = (255 - digit_image).astype(np.uint8).copy()  # dark ink on white paper, like a scan
    big = np.kron(img, np.ones((8, 8), np.uint8)).copy()
    qimg = QImage(big.data, big.shape[1], big.shape[0], big.shape[1],
                  QImage.Format.Format_Grayscale8)
    assert qimg.save(str(path))


def test_train_a_tiny_mnist_model_and_predict_a_png(tmp_path, capsys):
    from playground.data import load_mnist

    model = tmp_path / "mnist.npz"
    assert main(["train", "--dataset", "mnist", "--limit", "3000", "--layers",
                 "32:relu,10:softmax", "--epochs", "3", "--lr", "0.005", "--batch-size", "64",
                 "--out", str(model), "--json"]) == 0
    assert _json_line(capsys.readouterr().out)["test_accuracy"] > 0.8
    images, labels = load_mnist("test")
    hits = 0
    for i in range(10):
        png = tmp_path / f"digit{i}.png"
        _digit_png(png, images[i])
        assert main(["predict", str(model), str(png), "--json"]) == 0
        out = _json_line(capsys.readouterr().out)
        assert len(out["probabilities"]) == 10
        assert sum(out["probabilities"]) == pytest.approx(1.0, abs=1e-5)
        hits += out["prediction"] == labels[i]
    assert hits >= 8


def test_gradcheck_passes_with_exit_0(capsys):
    assert main(["gradcheck", "--layers", "5:tanh,3:relu:nobias,2:softmax"]) == 0
    out = capsys.readouterr().out
    assert "PASS" in out and out.count("ok") == 3


def test_parse_layers():
    assert parse_layers("4:tanh, 2:relu:nobias,1:sigmoid") == [
        LayerSpec(4, "tanh"), LayerSpec(2, "relu", bias=False), LayerSpec(1, "sigmoid")]


@pytest.mark.parametrize(("argv", "message"), [
    (["train", "--dataset", "xor", "--layers", "0:tanh,1:sigmoid"], "at least 1 unit"),
    (["train", "--dataset", "xor", "--layers", "4:tanh,1"], "write UNITS:ACTIVATION"),
    (["train", "--dataset", "xor", "--layers", "x:tanh,1:sigmoid"], "not a whole number"),
    (["train", "--dataset", "nope"], "invalid choice"),
    (["train"], "give --dataset, --data or --preset"),
    (["train", "--dataset", "xor", "--lr", "-1"], "learning rate must be a positive"),
    (["train", "--data", "missing.csv"], "missing.csv: no such file"),
    (["eval", "missing.npz"], "Cannot open missing.npz: no such file"),
    (["predict", "missing.npz", "x.png"], "no such file"),
    (["gradcheck", "--layers", "4:softmax,1:sigmoid"], "hidden layer 0 cannot use"),
    (["train", "--dataset", "xor", "--augment"], "--augment works on MNIST only"),
])
def test_bad_arguments_give_one_line_and_exit_2(argv, message, capsys):
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert message in err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err


def test_the_installed_command_exits_2_without_a_traceback(tmp_path):
    bad = tmp_path / "bad.npz"
    bad.write_bytes(b"not a model")
    out = subprocess.run([sys.executable, "-m", "playground", "eval", str(bad)],
                         capture_output=True, text=True, check=False)
    assert out.returncode == 2
    assert out.stderr.startswith("playground: error: Cannot open bad.npz")
    assert "Traceback" not in out.stderr


def test_gradcheck_that_cannot_judge_exits_3(tmp_path, capsys, monkeypatch):
    import playground.cli.tools as cli
    from playground.nn.gradcheck import GradCheckResult, LayerCheck

    unjudged = GradCheckResult((LayerCheck(0, 0.0, 0.0, 0.0, "vanished"),), 1e-6)
    monkeypatch.setattr(cli, "check_gradients", lambda *a, **k: unjudged)
    assert main(["gradcheck", "--layers", "4:tanh,1:sigmoid"]) == 3
    out = capsys.readouterr().out
    assert "CANNOT JUDGE" in out and "vanished" in out and "FAIL" not in out


def test_a_learning_rate_of_a_million_is_named_diverging_and_stops(capsys):
    assert main(["train", "--dataset", "xor", "--lr", "1e6", "--epochs", "50", "--json"]) == 0
    captured = capsys.readouterr()
    result = _json_line(captured.out)
    assert result["stopped"] is True and "grew to" in result["stop_reason"]
    assert result["findings"][0]["kind"] == "diverging"
    assert result["train_loss"] < 10  # the restored weights are sane ones, not a loss of 3e5
    assert "finding:" in captured.err and "stopped:" in captured.err


def test_a_healthy_run_has_no_findings_and_did_not_stop(capsys):
    assert main(["train", "--dataset", "xor", "--epochs", "30", "--json"]) == 0
    result = _json_line(capsys.readouterr().out)
    assert result["stopped"] is False and result["stop_reason"] is None
    assert isinstance(result["findings"], list)


def test_early_stop_says_where_it_stopped_and_keeps_the_best_epoch(capsys, tmp_path):
    model = tmp_path / "m.npz"
    assert main(["train", "--dataset", "spiral", "--points", "30", "--seed", "2", "--layers",
                 "8:tanh,8:tanh,8:tanh,1:sigmoid", "--epochs", "3000", "--batch-size", "15",
                 "--early-stop", "40", "--out", str(model), "--json"]) == 0
    captured = capsys.readouterr()
    result = _json_line(captured.out)
    assert result["stop_reason"] == "early-stop" and result["stopped"] is True
    assert result["epochs"] == result["best_epoch"] + 40 < 3000
    assert (f"stopped at epoch {result['epochs']}: the test loss last improved at "
            f"{result['best_epoch']}") in captured.err
    evaluated = main(["eval", str(model), "--json"])
    assert evaluated == 0
    again = _json_line(capsys.readouterr().out)
    assert again["test_loss"] == pytest.approx(result["test_loss"], rel=1e-6)  # kept: best's


@pytest.mark.parametrize(("flags", "says"), [
    (["--schedule", "step:2:3"], "decays"), (["--schedule", "linear"], "written constant"),
    (["--warmup", "-2"], "warm-up"), (["--early-stop", "-1"], "patience"),
    (["--early-stop", "5", "--test-fraction", "0"], "test loss")])
def test_a_schedule_or_patience_that_cannot_work_is_a_usage_error(capsys, flags, says):
    assert main(["train", "--dataset", "xor", "--epochs", "5", *flags]) == 2
    assert says in capsys.readouterr().err


def test_a_schedule_with_warmup_trains_and_is_saved_with_the_model(capsys, tmp_path):
    model = tmp_path / "m.npz"
    assert main(["train", "--dataset", "xor", "--epochs", "20", "--schedule", "cosine:0.001",
                 "--warmup", "3", "--out", str(model)]) == 0
    from playground.modelfile.save_load import load_model

    training = load_model(model).metadata["training"]
    assert (training["schedule"], training["warmup"], training["early_stop"]) == \
        ("cosine:0.001", 3, 0)


def test_a_preset_with_json_prints_only_json(capsys):
    assert main(["train", "--preset", "two-neurons-no-bias", "--json"]) == 0
    captured = capsys.readouterr()
    result = _json_line(captured.out)
    assert "no-bias" in [f["kind"] for f in result["findings"]]
    assert "two" in captured.err.lower()


def test_explain_prints_one_step_with_its_formulas(capsys):
    assert main(["explain", "--dataset", "xor", "--layers", "3:tanh,1:sigmoid", "--point",
                 "2"]) == 0
    out = capsys.readouterr().out
    assert "z1[1] = " in out and "a1[1] = tanh(z)" in out and "δ = a − y" in out
    assert "Update (sgd, learning rate 0.1" in out


def test_explain_json_has_every_array_and_names_the_first_difference(capsys):
    args = ["explain", "--dataset", "xor", "--layers", "3:tanh,1:linear", "--loss", "mse",
            "--json"]
    assert main(args) == 0
    clean = _json_line(capsys.readouterr().out)
    assert set(clean) == {"x", "y", "forward", "loss", "backward", "update", "first_difference"}
    assert [f["layer"] for f in clean["forward"]] == [1, 2]
    assert [b["layer"] for b in clean["backward"]] == [2, 1]
    assert len(clean["update"][0]["W_before"]) == 2 and clean["first_difference"] is None
    assert main(args + ["--bug", "derivative-at-output"]) == 0
    assert _json_line(capsys.readouterr().out)["first_difference"] == {
        "layer": 1, "array": "delta", "bug": "derivative-at-output"}
    assert main(args + ["--bug", "sign-flip"]) == 0
    assert _json_line(capsys.readouterr().out)["first_difference"]["layer"] == 2


def test_explain_a_saved_model_on_its_own_data(tmp_path, capsys):
    model = tmp_path / "xor.npz"
    assert main(["train", "--dataset", "xor", "--layers", "4:tanh,1:sigmoid", "--epochs", "5",
                 "--out", str(model)]) == 0
    capsys.readouterr()
    assert main(["explain", "--model", str(model), "--point", "3", "--json"]) == 0
    step = _json_line(capsys.readouterr().out)
    from playground.modelfile.save_load import load_model

    assert step["update"][0]["W_before"] == load_model(model).params[0]["W"].astype(
        float).tolist()


@pytest.mark.parametrize(("args", "message"), [
    (["explain", "--dataset", "xor", "--point", "5000"], "--point must lie in"),
    (["explain"], "give --dataset, --data or --model"),
])
def test_explain_refuses_bad_arguments_with_one_line(capsys, args, message):
    assert main(args) == 2
    assert message in capsys.readouterr().err


def test_a_layer_with_dropout_trains_saves_and_checks_with_a_fixed_mask(capsys, tmp_path):
    model = tmp_path / "d.npz"
    assert main(["train", "--dataset", "xor", "--layers", "8:tanh:drop0.3,1:sigmoid",
                 "--epochs", "20", "--out", str(model), "--json"]) == 0
    captured = capsys.readouterr()
    assert "tanh:drop0.3" in _json_line(captured.out)["network"]
    assert "with one fixed dropout mask: pass" in captured.err
    from playground.modelfile.save_load import load_model

    assert load_model(model).layers[0].dropout == 0.3
    assert main(["gradcheck", "--layers", "5:tanh:drop0.4,3:relu:nobias:drop0.2,2:softmax"]) == 0
    assert "one dropout mask held fixed" in capsys.readouterr().out


@pytest.mark.parametrize(("layers", "says"), [
    ("4:tanh:drop1.5,1:sigmoid", "from 0 to 0.9"), ("4:tanh:dropx,1:sigmoid", "drop0.3"),
    ("4:tanh,1:sigmoid:drop0.2", "output layer"), ("4:tanh:drop0.1:drop0.2,1:sigmoid",
                                                   "UNITS:ACTIVATION")])
def test_a_dropout_that_cannot_work_is_a_usage_error(capsys, layers, says):
    assert main(["train", "--dataset", "xor", "--layers", layers]) == 2
    assert says in capsys.readouterr().err
