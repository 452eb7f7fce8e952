"""A run's history in the model file: written and read back exactly, an old file without one
opens as before, and a damaged history is refused with a reason, never another exception."""

from __future__ import annotations

import json
import zipfile

import numpy as np
import pytest

from playground.experiment import Architecture
from playground.modelfile.history import SavedHistory
from playground.modelfile.save_load import (
    ModelFileError,
    load_model,
    load_model_with_history,
    save_model,
)
from playground.nn import Snapshot, TrainConfig, train_steps
from playground.nn.checkpoint import pack
from playground.nn.optim import make_optimizer
from playground.nn.train import OptimizerState
from playground.timeline.curves import History
from playground.timeline.states import Layout, Timeline


def _run(tmp_path, epochs: int = 6):
    arch = Architecture()
    net = arch.build(2, 2)
    rng = np.random.default_rng(0)
    x = rng.normal(size=(32, 2)).astype(np.float32)
    y = net.encode_targets((x[:, 0] * x[:, 1] > 0).astype(int))
    keep, layout = OptimizerState(), Layout.of(arch, net)
    timeline, curves = Timeline(), History()
    timeline.add_network(0, layout, pack(net, make_optimizer("adam", 0.05)))
    cfg = TrainConfig(optimizer="adam", lr=0.05, batch_size=8, epochs=epochs)
    for snap in train_steps(net, x, y, cfg, keep=keep):
        if snap.epoch_end:
            row, steps, kind = pack(net, keep.optimizer)
            timeline.add(layout, kind, np.array([snap.epoch]), row[None], np.array([steps]))
            curves.extend([snap], 0)
    saved = SavedHistory(curves, [(3, "bias off, layer 1")], timeline)
    path = tmp_path / "run.npz"
    save_model(net, path, saved)
    return net, saved, path


def test_the_history_comes_back_exactly(tmp_path):
    net, saved, path = _run(tmp_path)
    got_net, got = load_model_with_history(path)
    np.testing.assert_array_equal(got.curves.columns(), saved.curves.columns())
    assert got.marks == saved.marks
    np.testing.assert_array_equal(got.states.epochs(), saved.states.epochs())
    for epoch in (0, 3, 6):
        a, b = got.states.state(epoch), saved.states.state(epoch)
        assert np.array_equal(a.row, b.row) and a.steps == b.steps and a.optimizer == "adam"
        assert a.layout.arch == b.layout.arch and a.layout.layers == b.layout.layers
    assert load_model(path).sizes == net.sizes  # the weights alone, as before


def test_a_file_without_history_opens_as_before(tmp_path):
    net = Architecture().build(2, 2)
    save_model(net, tmp_path / "old.npz")
    assert load_model_with_history(tmp_path / "old.npz")[1] is None


def _rewrite(path, change) -> None:
    """The archive at ``path`` with ``change(members)`` applied (name -> npy bytes)."""
    with zipfile.ZipFile(path) as z:
        members = {n: z.read(n) for n in z.namelist()}
    change(members)
    with zipfile.ZipFile(path, "w") as z:
        for name, data in members.items():
            z.writestr(name, data)


def _npy(array) -> bytes:
    import io

    buf = io.BytesIO()
    np.save(buf, array, allow_pickle=False)
    return buf.getvalue()


def _with_nan(raw: bytes) -> np.ndarray:
    import io

    rows = np.load(io.BytesIO(raw)).copy()
    rows[2, 5] = np.nan
    return rows


def _meta(members) -> dict:
    import io

    return json.loads(str(np.load(io.BytesIO(members["meta.npy"]))))


def _set_meta(members, meta) -> None:
    members["meta.npy"] = _npy(np.array(json.dumps(meta)))


@pytest.mark.parametrize("damage", [
    lambda m: m.__setitem__("history_rows0.npy", _npy(np.full((7, 3), 1, np.float32))),
    lambda m: m.__setitem__("history_rows0.npy", _npy(_with_nan(m["history_rows0.npy"]))),
    lambda m: m.__setitem__("history_epochs0.npy", _npy(np.arange(7)[::-1].copy())),
    lambda m: m.pop("history_steps0.npy"),
    lambda m: m.__setitem__("history_curves.npy", _npy(np.zeros((3, 4)))),
    lambda m: _set_meta(m, {**_meta(m), "history": {"segments": "all"}}),
    lambda m: _set_meta(m, {**_meta(m), "history": {**_meta(m)["history"],
                                                    "marks": [[1, 2, 3]]}}),
    lambda m: _set_meta(m, {**_meta(m), "history": {**_meta(m)["history"], "segments": [
        {**_meta(m)["history"]["segments"][0], "optimizer": "lion"}]}}),
    lambda m: _set_meta(m, {**_meta(m), "history": {**_meta(m)["history"], "segments": [
        {**_meta(m)["history"]["segments"][0], "arch": {"hidden": "x"}}]}}),
    lambda m: _set_meta(m, {**_meta(m), "history": {**_meta(m)["history"], "segments": [
        {**_meta(m)["history"]["segments"][0], "layers": [{"units": 10**9}]}]}}),
])
def test_a_damaged_history_is_refused_with_a_reason(tmp_path, damage):
    _, saved, path = _run(tmp_path)
    _rewrite(path, damage)
    with pytest.raises(ModelFileError):
        load_model_with_history(path)


def test_the_snapshot_fields_the_curves_read_are_those_train_gives():
    assert {"train_loss", "test_loss", "train_accuracy", "test_accuracy"} <= set(
        Snapshot._fields)


def test_curves_keep_each_epochs_rate_and_a_file_from_before_the_rate_still_opens(tmp_path):
    history = History()
    history.extend([Snapshot(e, e, 0.5, 0.1 * 0.5**e, (), epoch_end=True, train_loss=0.5)
                    for e in (1, 2, 3)], 0)
    np.testing.assert_allclose(history.array("lr"), [0.05, 0.025, 0.0125])
    older = History.from_columns(history.columns()[:-1])  # the five columns files had then
    np.testing.assert_array_equal(older.array("train_loss"), history.array("train_loss"))
    assert np.isnan(older.array("lr")).all()
    with pytest.raises(ValueError, match="curves of shape"):
        History.from_columns(history.columns()[:-2])
