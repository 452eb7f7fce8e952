"""Model files: exact round trips, and every kind of damaged or hostile file refused clearly."""

from __future__ import annotations

import json
import os
import pickle
import zipfile
from pathlib import Path

import numpy as np
import pytest

from playground.modelfile.save_load import ModelFileError, load_model, save_model
from playground.nn import LayerSpec, Network, TrainConfig, train_steps
from tests.conftest import XOR_LABELS, XOR_X

pytestmark = pytest.mark.both_ways  # as on Windows too: spawn, no fork, no resource


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


def test_a_pickled_object_inside_the_archive_is_never_loaded(saved):
    _edit_meta(saved, lambda m, a: a.update(W0=np.array([object()], dtype=object)))
    with pytest.raises(ModelFileError, match="pickled Python objects"):
        load_model(saved)


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
    (lambda m, a: m["layers"][0].update(dropout=5), "invalid dropout rate: 5"),
    (lambda m, a: m["layers"][0].update(dropout="half"), "invalid dropout rate: half"),
    (lambda m, a: m["layers"][-1].update(dropout=0.5), "architecture is invalid"),
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


def test_a_fuzz_of_damaged_files_only_ever_raises_model_file_error(tmp_path):
    from tests.modelfile.fuzz import run

    counts, failures, _ = run(500, tmp_path, seed=1)
    assert failures == []
    assert sum(k for (_, result), k in counts.items() if result == "refused") > 400


def _replace(path: Path, name: str, data: bytes) -> None:
    with zipfile.ZipFile(path) as zf:
        members = {n: zf.read(n) for n in zf.namelist()}
    members[name] = data
    with zipfile.ZipFile(path, "w") as zf:
        for n, d in members.items():
            zf.writestr(n, d)


def _npy_bytes(array: np.ndarray) -> bytes:
    import io

    buf = io.BytesIO()
    np.save(buf, array)
    return buf.getvalue()


@pytest.mark.parametrize("name, data, message", [
    ("W0.npy", b"\x00" * 40, "not an array"),
    ("W0.npy", _npy_bytes(np.zeros((2, 4), np.float16)), "float16"),
    ("W0.npy", _npy_bytes(np.full((2, 4), 1e300)), "too large for float32"),
    ("W0.npy", b"\x93NUMPY\x01\x00v\x00{'descr': '<f4', 'fortran_order': False, 'shape': "
               b"(2, 4), }" + b" " * 78 + b"\n", "damaged"),
])
def test_a_forged_member_is_refused_before_it_is_used(saved, name, data, message):
    _replace(saved, name, data)
    with pytest.raises(ModelFileError, match=message):
        load_model(saved)


def test_a_member_whose_size_lies_fails_its_crc(saved):
    raw = bytearray(saved.read_bytes())
    with zipfile.ZipFile(saved) as zf:
        info = zf.getinfo("W0.npy")
    at = raw.find(b"PK\x01\x02W0.npy"[:4], 0)
    while at >= 0 and raw[at + 46:at + 52] != b"W0.npy":
        at = raw.find(b"PK\x01\x02", at + 1)
    raw[at + 24:at + 28] = (info.file_size - 8).to_bytes(4, "little")
    saved.write_bytes(bytes(raw))
    with pytest.raises(ModelFileError, match="damaged"):
        load_model(saved)


@pytest.mark.parametrize("change, message", [
    (lambda m, a: m.update(input_dim=784) or m["layers"][0].update(units=1_000_000),
     "more than any model"),
    (lambda m, a: m["layers"][0].update(activation=["tanh"]), "unknown activation"),
    (lambda m, a: m["layers"][0].update(activation={"a": 1}), "unknown activation"),
    (lambda m, a: m["metadata"].update(metrics=[1, 2]), "metrics"),
    (lambda m, a: m["metadata"].update(data={"name": "xor", "points": 10**12}), "points"),
    (lambda m, a: m["metadata"].update(data={"name": "xor", "features": 5}), "features"),
    (lambda m, a: m["metadata"].update(data={"name": "xor", "noise": "a"}), "noise"),
])
def test_hostile_descriptions_are_refused_before_anything_is_built(saved, change, message):
    _edit_meta(saved, change)
    with pytest.raises(ModelFileError, match=message):
        load_model(saved)


def test_json_nested_too_deeply_is_refused(saved):
    with np.load(saved, allow_pickle=False) as f:
        arrays = {k: f[k] for k in f.files}
    arrays["meta"] = np.array('{"format": ' + "[" * 100_000 + "]" * 100_000 + "}")
    np.savez(saved, **arrays)
    with pytest.raises(ModelFileError, match="nested"):
        load_model(saved)


def test_a_save_killed_mid_write_leaves_a_temporary_that_the_next_save_removes(saved, trained):
    import subprocess
    import sys

    # a child that starts saving and is killed while its temporary file is open
    script = ("import os, numpy as np\n"
              "from playground.modelfile.save_load import load_model, save_model\n"
              "def die(*a, **k): os._exit(9)  # no finally, no clean-up: as if killed\n"
              "np.savez_compressed = die\n"
              f"save_model(load_model({str(saved)!r}), {str(saved)!r})\n")
    child = subprocess.run([sys.executable, "-c", script], capture_output=True, timeout=60)
    assert child.returncode == 9
    left = list(saved.parent.glob(".model.npz.*.tmp"))
    assert len(left) == 1 and load_model(saved).layers == trained.layers  # the file still good
    (saved.parent / ".other.npz.1.x.tmp").write_bytes(b"")  # another file's: not ours to touch
    save_model(trained, saved)
    assert not list(saved.parent.glob(".model.npz.*.tmp"))
    assert (saved.parent / ".other.npz.1.x.tmp").exists()


def test_a_temporary_of_a_save_still_running_is_kept_whoever_writes_it(saved, trained):
    """A save under way holds a lock on its temporary: here and in another process."""
    import subprocess
    import sys

    from playground.modelfile import save_lock

    mine = saved.parent / ".model.npz.1.abc.tmp"
    with open(mine, "wb") as f:
        save_lock.hold(f.fileno())
        save_model(trained, saved)
        assert mine.exists()
    theirs = saved.parent / ".model.npz.2.def.tmp"
    script = ("import sys, time\nfrom playground.modelfile import save_lock\n"
              f"f = open({str(theirs)!r}, 'wb')\nsave_lock.hold(f.fileno())\n"
              "print('held', flush=True)\ntime.sleep(60)\n")
    writer = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    try:
        assert writer.stdout.readline().strip() == "held"
        save_model(trained, saved)
        assert theirs.exists() and not mine.exists()  # the unlocked one was a dead save's
    finally:
        writer.kill()
        writer.wait(10)
        writer.stdout.close()
    save_model(trained, saved)
    assert not theirs.exists()  # its writer is gone


def test_a_layers_dropout_is_kept_and_a_file_without_any_reads_as_before(tmp_path):
    net = Network(2, [LayerSpec(6, "relu", dropout=0.25), LayerSpec(1, "sigmoid")], "bce")
    loaded = load_model(save_model(net, tmp_path / "d.npz"))
    assert [s.dropout for s in loaded.layers] == [0.25, 0.0] and loaded.dropping
    plain = save_model(Network(2, [LayerSpec(6, "relu"), LayerSpec(1, "sigmoid")], "bce"),
                       tmp_path / "p.npz")
    with np.load(plain, allow_pickle=False) as f:
        assert "dropout" not in str(f["meta"])  # what files without dropout held before it
