"""TensorFlow Playground's points, exactly: ours against points TFP's own code made for seven
links (every data set, classification and regression, noise 0 and more, test shares from 20% to
90%, a seed that is not a number). tests/data/tfp_reference.json says how they were made."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from playground.data.pointset import PointSet
from playground.data.prepare import DataSpec, prepare
from playground.data.tfp_points import SeedRandom, tfp_points

REFERENCE = json.loads((Path(__file__).parent / "tfp_reference.json").read_text())


def _link(text: str) -> dict[str, str]:
    return dict(item.split("=") for item in text.split("&"))


@pytest.mark.parametrize("case", REFERENCE["links"], ids=lambda c: c["link"][:30])
def test_our_points_are_tfps_own(case):
    link = _link(case["link"])
    name = link["regDataset"] if link["problem"] == "regression" else link["dataset"]
    got = tfp_points(name, float(link["noise"]), float(link["percTrainData"]), link["seed"])
    for points, labels, want in ((got.train, got.train_labels, case["train"]),
                                 (got.test, got.test_labels, case["test"])):
        want = np.array(want)
        assert points.shape == (len(want), 2)
        assert np.allclose(points, want[:, :2], rtol=0, atol=1e-9)
        assert np.allclose(labels, want[:, 2], rtol=0, atol=1e-9)


def test_the_stream_is_seedrandoms_and_a_long_seed_mixes_into_the_key():
    # seedrandom 2.4.4 in node: Math.seedrandom('hello'); Math.random() ×2
    rng = SeedRandom("hello")
    assert [rng.random(), rng.random()] == [0.5463663768140734, 0.4397379377059223]
    assert SeedRandom("x" * 300).random() != SeedRandom("x" * 256).random()


def test_a_spec_with_tfps_seed_gives_its_points_with_its_classes_and_a_change_drops_it():
    case = REFERENCE["links"][1]  # xor, noise 25, 70% to train
    link = _link(case["link"])
    spec = DataSpec("xor", 500, 0.25, 0, 2, 0.3, tfp_seed=link["seed"])
    points = PointSet.generate(spec)
    want = np.array(case["train"])
    assert np.allclose(points.train, want[:, :2], atol=1e-9)
    assert np.array_equal(points.train_labels, (want[:, 2] > 0).astype(np.int64))  # +1: class 1
    assert np.allclose(prepare(spec).points_test, np.array(case["test"])[:, :2], atol=1e-9)
    assert spec.without_tfp(spec) is spec
    assert replace(spec, features=("x1", "x1*x2")).without_tfp(spec).tfp_seed == link["seed"]
    assert replace(spec, noise=0.3).without_tfp(spec).tfp_seed is None
    with pytest.raises(ValueError):
        DataSpec("moons", tfp_seed="0.1")  # TFP has no moons
