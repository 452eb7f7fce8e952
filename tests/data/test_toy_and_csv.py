from __future__ import annotations

import numpy as np
import pytest

from playground.data import (
    TOY_DATASETS,
    DataFileError,
    apply_features,
    check_features,
    load_csv,
    make_toy,
    split,
)
from playground.data.prepare import DataSpec, prepare
from playground.data.toy import LOGIC_SETS


@pytest.mark.parametrize("name", [n for n in TOY_DATASETS if n not in LOGIC_SETS])
def test_toy_sets_are_seeded_and_on_the_plane(name):
    a = make_toy(name, 150, noise=0.1, seed=3)
    b = make_toy(name, 150, noise=0.1, seed=3)
    assert a.x.shape == (150, 2) and a.y.shape == (150,)
    assert np.array_equal(a.x, b.x) and np.array_equal(a.y, b.y)
    assert np.abs(a.x).max() < 8
    if a.n_classes:
        assert set(np.unique(a.y)) == set(range(a.n_classes))
    else:  # a regression: real targets in [-1, 1]
        assert a.y.dtype == np.float64 and np.abs(a.y).max() <= 1


def test_the_logic_sets_are_the_truth_tables_and_train_on_every_point():
    gate = prepare(DataSpec("xor-gate", points=200, test_fraction=0.5, features=("x1", "x2")))
    assert gate.x_train.tolist() == [[0, 0], [0, 1], [1, 0], [1, 1]]
    assert gate.y_train.tolist() == [0, 1, 1, 0] and len(gate.y_test) == 0
    ident = prepare(DataSpec("identity", features=("x1",)))
    assert ident.x_train.tolist() == [[0], [1]] and ident.y_train.tolist() == [0, 1]


def test_spiral_and_gauss_take_a_number_of_classes():
    assert set(make_toy("spiral", 90, classes=3).y) == {0, 1, 2}
    assert set(make_toy("gauss", 100, classes=4).y) == {0, 1, 2, 3}


def test_xor_labels_follow_the_quadrants():
    d = make_toy("xor", 200, noise=0.0)
    assert np.array_equal(d.y, (d.x[:, 0] * d.x[:, 1] < 0).astype(int))


def test_split_holds_out_the_fraction_without_overlap():
    x = np.arange(20.0).reshape(10, 2)
    y = np.arange(10)
    x_tr, y_tr, x_te, y_te = split(x, y, 0.3, seed=0)
    assert len(y_te) == 3 and len(y_tr) == 7
    assert sorted(np.concatenate([y_tr, y_te]).tolist()) == list(range(10))
    assert len(split(x, y, 0.0)[3]) == 0


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"name": "swirl"}, "unknown dataset"), ({"n": 1}, "at least 2 points"),
    ({"noise": 2.0}, "noise must lie"), ({"name": "spiral", "classes": 1}, "classes must lie"),
])
def test_bad_toy_settings_are_refused(kwargs, message):
    with pytest.raises(ValueError, match=message):
        make_toy(**({"name": "xor"} | kwargs))


def test_features_in_the_order_chosen():
    p = np.array([[1.0, 2.0], [-3.0, 0.5]])
    f = apply_features(p, ["x1*x2", "x1^2", "sin_x2", "x2"])
    assert np.allclose(f, [[2.0, 1.0, np.sin(2.0), 2.0], [-1.5, 9.0, np.sin(0.5), 0.5]])
    with pytest.raises(ValueError, match="at least one"):
        check_features([])
    with pytest.raises(ValueError, match="unknown feature 'x3'"):
        check_features(["x1", "x3"])


def test_csv_with_a_header_and_integer_labels(tmp_path):
    f = tmp_path / "pts.csv"
    f.write_text("a,b,label\n0.5,1.5,0\n-1,2,1\n3,4,2\n")
    data = load_csv(f)
    assert data.x.shape == (3, 2) and data.y.tolist() == [0, 1, 2]
    assert data.is_classification and data.columns == ("a", "b", "label")


def test_the_two_neuron_seed_task_is_a_two_row_one_feature_csv(tmp_path):
    f = tmp_path / "identity.csv"
    f.write_text("0,0\n1,1\n")
    data = load_csv(f)
    assert data.x.tolist() == [[0.0], [1.0]] and data.y.tolist() == [0, 1]


def test_csv_regression_targets_stay_float(tmp_path):
    f = tmp_path / "reg.csv"
    f.write_text("1,0.5\n2,1.25\n")
    assert not load_csv(f).is_classification


@pytest.mark.parametrize(("text", "message"), [
    ("", "holds no rows"), ("a,b\n", "header but no data"), ("1,2\n3\n", "line 2 is not 2 numbers"),
    ("1,2\n3,x\n", "line 2 is not 2 numbers: .3,x."), ("5\n6\n", "at least one feature"),
    ("1,nan\n2,3\n", "nan or inf"),
])
def test_bad_csv_files_say_what_is_wrong(tmp_path, text, message):
    f = tmp_path / "bad.csv"
    f.write_text(text)
    with pytest.raises(DataFileError, match=message):
        load_csv(f)


def test_a_missing_csv_names_the_file(tmp_path):
    with pytest.raises(DataFileError, match=r"nope\.csv: no such file"):
        load_csv(tmp_path / "nope.csv")


def test_prepare_applies_features_and_keeps_the_raw_points():
    p = prepare(DataSpec("circle", points=100, features=("x1^2", "x2^2", "x1*x2")))
    assert p.x_train.shape == (50, 3) and p.points_train.shape == (50, 2)
    assert np.allclose(p.x_train[:, 0], p.points_train[:, 0] ** 2)
    assert DataSpec.from_json(p.spec.to_json()) == p.spec


def test_csv_progress_is_reported_and_can_cancel(tmp_path):
    from playground.data.errors import ImportCancelledError

    f = tmp_path / "p.csv"
    f.write_text("".join(f"{i},{i % 7},{i % 2}\n" for i in range(20_000)))
    calls = []
    data = load_csv(f, progress=lambda done, total: calls.append((done, total)) or True)
    assert len(data.y) == 20_000 and len(calls) == 20_000 // 4096
    assert all(total == f.stat().st_size for _, total in calls)
    assert [d for d, _ in calls] == sorted(d for d, _ in calls)
    with pytest.raises(ImportCancelledError):
        load_csv(f, progress=lambda done, total: False)


def test_a_csv_past_its_row_limit_is_refused_while_reading(tmp_path):
    f = tmp_path / "p.csv"
    f.write_text("x1,x2,label\n" + "".join(f"{i},{i},{i % 2}\n" for i in range(101)))
    assert len(load_csv(f, max_rows=101).y) == 101
    with pytest.raises(DataFileError, match="more than 100 rows"):
        load_csv(f, max_rows=100)
