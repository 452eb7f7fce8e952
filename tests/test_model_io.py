"""Model files: exact round trips, and every kind of damaged or hostile file refused clearly."""

from __future__ import annotations

import json
import os
import pickle
import zipfile
from pathlib import Path

import numpy as np
import pytest

from playground.model_io import ModelFileError, load_model, save_model
from playground.nn import LayerSpec, Network, TrainConfig, train_steps
from tests.conftest import XOR_LABELS, XOR_X


@pytest.fixture
def trained() -> Network:
    net = Network(2, [LayerSpec(4, "tanh"), LayerSpec(3, "relu", bias=False),
                      LayerSpec(1, "sigmoid")], loss="bce", seed=2)
    for _ in train_steps(net, XOR_X, net.encode_targets(XOR_LABELS),
                         TrainConfig("adam", 0.05, 4, 50, 0)):
        pass
    return net


@pytest.fixture
def saved(tmp_path, trained) -> Path:
    return save_model(trained, tmp_path / "model.npz", data={"name": "xor"}, note="hello")


def test_round_trip_gives_identical_predictions_and_metadata(saved, trained):
    loaded = load_model(saved)
    assert loaded.layers == trained.layers and loaded.loss_name == "bce"
    assert np.array_equal(loaded.forward(XOR_X), trained.forward(XOR_X))
    assert "b" not in loaded.params[1]
    assert loaded.metadata == {"data": {"name": "xor"}, "note": "hello"}


def test_a_float64_model_stays_float64(tmp_path):
    net = Network(3, [LayerSpec(2, "softmax")], loss="cross_entropy", dtype=np.float64)
    assert load_model(save_model(net, tmp_path / "m.npz")).dtype == np.float64


def _edit_meta(path: Path, change) -> None:
    with np.load(path, allow_pickle=False) as f:
        arrays = {k: f[k] for k in f.files}
    meta = json.loads(str(arrays["meta"]))
    change(meta, arrays)
    arrays["meta"] = np.array(json.dumps(meta))
    np.savez(path, **arrays)


def _bad_files(saved: Path):
    raw = saved.read_bytes()
    yield "truncated", raw[: len(raw) // 2], "damaged or truncated|not an .npz"
    flipped = bytearray(raw)
    for i in range(60, len(raw) - 200, 97):
        flipped[i] ^= 0x5A
    yield "bit-flipped", bytes(flipped), "damaged|not an .npz|not a playground"
    yield "random bytes", os.urandom(4096), "not an .npz archive"
    yield "pickle", pickle.dumps({"W0": [1, 2]}), "not an .npz archive"
    yield "empty", b"", "not an .npz archive"


@pytest.mark.parametrize("kind", ["truncated", "bit-flipped", "random bytes", "pickle", "empty"])
def test_damaged_files_raise_model_file_error(saved, kind):
    name, data, message = next(b for b in _bad_files(saved) if b[0] == kind)
    saved.write_bytes(data)
    with pytest.raises(ModelFileError, match=message):
        load_model(saved)


def test_a_pickled_object_inside_the_archive_is_never_loaded(tmp_path):
    path = tmp_path / "evil.npz"
    np.savez(path, meta=np.array("{}"), W0=np.array([object()], dtype=object))
    with pytest.raises(ModelFileError, match="pickled Python objects"):
        load_model(path)


@pytest.mark.parametrize(("change", "message"), [
    (lambda m, a: a.pop("W1"), r"missing W1"),
    (lambda m, a: a.update(W1=np.zeros((5, 3), np.float32)), r"W1 has shape \(5, 3\)"),
    (lambda m, a: a.update(b0=np.zeros(4, np.int64)), "holds int64 values"),
    (lambda m, a: a.update(W0=np.full((2, 4), np.nan, np.float32)), "nan or inf"),
    (lambda m, a: a.update(extra=np.zeros(2)), "unexpected extra"),
    (lambda m, a: m.update(version=99), "format version 99"),
    (lambda m, a: m.update(format="other"), "not a playground model"),
    (lambda m, a: m["layers"][0].update(activation="os.system"), "unknown activation"),
    (lambda m, a: m["layers"][0].update(units=-4), "impossible number of units"),
    (lambda m, a: m.update(loss="hinge"), "loss, init or dtype"),
    (lambda m, a: m.update(layers="nope"), "list of layers"),
    (lambda m, a: m["layers"][-1].update(activation="relu"), "architecture is invalid"),
])
def test_wrong_contents_are_refused_with_a_reason(saved, change, message):
    _edit_meta(saved, change)
    with pytest.raises(ModelFileError, match=message):
        load_model(saved)


def test_meta_that_is_not_json_or_missing(tmp_path):
    p = tmp_path / "m.npz"
    np.savez(p, meta=np.array("{not json"), W0=np.zeros((2, 1)))
    with pytest.raises(ModelFileError, match="not valid JSON"):
        load_model(p)
    np.savez(p, W0=np.zeros((2, 1)))
    with pytest.raises(ModelFileError, match="no 'meta' entry"):
        load_model(p)


def test_a_zip_bomb_is_refused_before_unpacking(tmp_path):
    p = tmp_path / "bomb.npz"
    with zipfile.ZipFile(p, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("W0.npy", b"\0" * (600 * 1024 * 1024))
    with pytest.raises(ModelFileError, match="unpacks to 600 MB"):
        load_model(p)


def test_a_missing_file(tmp_path):
    with pytest.raises(ModelFileError, match="no such file"):
        load_model(tmp_path / "none.npz")


def test_an_interrupted_save_leaves_the_previous_file_loadable(saved, trained, monkeypatch):
    def crash(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(np, "savez_compressed", crash)
    with pytest.raises(OSError, match="disk full"):
        save_model(trained, saved)
    assert np.array_equal(load_model(saved).forward(XOR_X), trained.forward(XOR_X))
    assert [p.name for p in saved.parent.iterdir()] == [saved.name]  # no temp file left


def test_metadata_that_is_not_json_is_refused_before_writing(tmp_path, trained):
    with pytest.raises(ValueError, match="cannot be stored as JSON"):
        save_model(trained, tmp_path / "m.npz", bad=object())
    assert not (tmp_path / "m.npz").exists()


def test_a_new_model_file_follows_the_umask_and_a_replaced_one_keeps_its_mode(tmp_path, trained):
    import os
    import stat

    umask = os.umask(0o022)
    try:
        path = save_model(trained, tmp_path / "new.npz")
        assert stat.S_IMODE(path.stat().st_mode) == 0o644
        path.chmod(0o600)
        save_model(trained, path)
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    finally:
        os.umask(umask)
