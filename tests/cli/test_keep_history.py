"""``playground train --keep-history --out``: the file keeps the curves and every epoch's state,
the last one the very network saved, ready to replay and go on from in the window."""

from __future__ import annotations

import numpy as np
import pytest

from playground.cli.main import main
from playground.modelfile.save_load import load_model_with_history


def test_train_keeps_every_epoch_in_the_file(tmp_path, capsys):
    model = tmp_path / "m.npz"
    assert main(["train", "--dataset", "xor", "--layers", "4:tanh,2:tanh", "--epochs", "12",
                 "--optimizer", "momentum", "--out", str(model), "--keep-history"]) == 0
    net, history = load_model_with_history(model)
    assert list(history.states.epochs()) == list(range(13))
    assert list(history.curves.array("epoch")) == list(range(1, 13))
    last = history.states.state(12)
    assert last.optimizer == "momentum"
    for a, b in zip(last.params(), net.params, strict=True):
        for k in b:
            assert np.array_equal(a[k], b[k])


def test_keep_history_asks_for_out(capsys):
    assert main(["train", "--dataset", "xor", "--epochs", "2", "--keep-history"]) == 2
    assert "--out" in capsys.readouterr().err


def test_landscape_of_a_file_with_its_timeline(tmp_path, capsys):
    import json

    model = tmp_path / "m.npz"
    assert main(["train", "--dataset", "xor", "--layers", "8:tanh,1:sigmoid", "--epochs", "20",
                 "--out", str(model), "--keep-history"]) == 0
    capsys.readouterr()
    assert main(["landscape", str(model), "--json", "--grid", "7"]) == 0
    out = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert set(out) >= {"directions", "alpha", "beta", "loss", "path", "center_loss"}
    assert len(out["loss"]) == 7 and len(out["loss"][0]) == 7 and len(out["path"]) == 21
    assert out["path"][-1] == pytest.approx([0.0, 0.0], abs=1e-9)
    plain = tmp_path / "plain.npz"
    assert main(["train", "--dataset", "xor", "--epochs", "3", "--out", str(plain)]) == 0
    assert main(["landscape", str(plain)]) == 2  # no timeline: no principal directions
    assert "--directions random" in capsys.readouterr().err
    assert main(["landscape", str(plain), "--directions", "random", "--grid", "5"]) == 0
