"""Files and commands that once lost work or hung: an export over its own model, a pipe as
``--out``, a model whose stored epochs are -inf, CSV labels of 1e9 and targets near 1e300."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from playground.cli.main import main
from playground.data.csv_points import load_csv
from playground.data.errors import DataFileError
from playground.modelfile.save_load import ModelFileError, is_model_file, load_model
from playground.paths import check_writable


@pytest.fixture
def model(tmp_path) -> Path:
    path = tmp_path / "m.npz"
    assert main(["train", "--dataset", "xor", "--layers", "3:tanh,1:sigmoid", "--epochs", "3",
                 "--out", str(path)]) == 0
    return path


def test_an_export_never_replaces_the_model_it_reads(model, capsys):
    before = model.read_bytes()
    assert main(["export", str(model), "--format", "numpy", "--out", str(model)]) == 2
    assert "is the model itself" in capsys.readouterr().err
    assert model.read_bytes() == before and is_model_file(model)


def test_another_model_is_replaced_only_with_force(model, tmp_path, capsys):
    other = tmp_path / "other.npz"
    other.write_bytes(model.read_bytes())
    assert main(["export", str(model), "--format", "numpy", "--out", str(other)]) == 2
    assert "--force" in capsys.readouterr().err and is_model_file(other)
    assert main(["export", str(model), "--format", "numpy", "--out", str(other), "--force"]) == 0
    assert not is_model_file(other) and "import numpy" in other.read_text()


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
@pytest.mark.parametrize("fmt,name", [("csv", "pipe"), ("numpy", "pipe"), ("png", "pipe.png")])
def test_a_pipe_as_out_is_refused_not_waited_on(model, tmp_path, fmt, name):
    pipe = tmp_path / name
    os.mkfifo(pipe)
    done = subprocess.run([sys.executable, "-m", "playground", "export", str(model), "--format",
                           fmt, "--out", str(pipe)], capture_output=True, text=True, timeout=60,
                          check=False)
    assert done.returncode == 2 and "is a pipe" in done.stderr


def test_a_folder_is_no_file_to_write(tmp_path):
    with pytest.raises(ValueError, match="is a folder"):
        check_writable(tmp_path)
    assert check_writable(tmp_path / "new.txt") == tmp_path / "new.txt"


def _with_epochs(model: Path, value: object) -> Path:
    with np.load(model, allow_pickle=False) as f:
        arrays = {k: f[k] for k in f.files}
    meta = json.loads(str(arrays["meta"]))
    meta["metadata"]["training"]["epochs"] = value
    arrays["meta"] = np.array(json.dumps(meta))  # NaN and Infinity, as a careless writer does
    bad = model.with_name("bad.npz")
    np.savez(bad, **arrays)
    return bad


@pytest.mark.parametrize("value", [float("-inf"), float("nan"), "fast", 2**80, 1.5])
def test_stored_epochs_that_are_no_number_of_epochs_are_refused(model, value, capsys):
    bad = _with_epochs(model, value)
    with pytest.raises(ModelFileError, match="epochs must be a whole number"):
        load_model(bad)
    assert main(["export", str(bad), "--format", "numpy", "--out", str(model.with_name("x.py"))
                 ]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err


def test_the_window_refuses_such_a_model_with_a_message(model, qtbot):
    from playground.gui.sessions.playground import Session

    session = Session()
    errors: list[str] = []
    session.sig_error.connect(errors.append)
    assert not session.files.open(_with_epochs(model, float("-inf")))
    assert errors and "epochs" in errors[0]
    session.shutdown()


@pytest.mark.parametrize("label", ["1e9", "1000000000", "1e18"])
def test_huge_class_labels_are_refused_before_anything_is_allocated(tmp_path, label):
    path = tmp_path / "labels.csv"
    path.write_text(f"x1,x2,label\n0,0,0\n1,1,{label}\n")
    with pytest.raises(DataFileError, match="class labels are whole numbers from 0 to 99"):
        load_csv(path)


def test_targets_too_large_to_train_on_are_refused_with_a_reason(tmp_path, capsys):
    path = tmp_path / "huge.csv"
    path.write_text("0,0,1e300\n1,1,-1e300\n0,1,2e299\n")
    assert main(["train", "--data", str(path), "--layers", "4:tanh,1:linear"]) == 2
    assert "scale them" in capsys.readouterr().err


def test_labels_and_targets_that_fit_still_load(tmp_path):
    classes, real = tmp_path / "c.csv", tmp_path / "r.csv"
    classes.write_text("0,0,0\n1,1,99\n")
    real.write_text("0,0,0.5\n1,1,250000\n")
    assert load_csv(classes).is_classification and load_csv(classes).y.max() == 99
    assert not load_csv(real).is_classification
