"""``playground tfp``: what a TensorFlow Playground link becomes here, with TFP's own points, as
words or JSON; and a saved model's setup written as a link, or why it does not fit."""

from __future__ import annotations

import json

import numpy as np

from playground.cli.main import main
from playground.data.tfp_points import tfp_points
from playground.tfp.link import read_link

LINK = ("https://playground.tensorflow.org/#dataset=xor&noise=25&percTrainData=70&seed=0.12345"
        "&networkShape=3&regularization=L2&regularizationRate=0.003&tutorial=dataset")


def test_a_link_as_json_with_tfps_points_and_what_was_not_understood(capsys):
    assert main(["tfp", LINK, "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["setup"] == {"dataset": "xor", "problem": "classification", "noise": 0.25,
                            "hidden_units": [3], "activation": "tanh", "learning_rate": 0.03,
                            "batch_size": 10, "regularization": "l2",
                            "regularization_rate": 0.003, "features": ["x1", "x2"],
                            "test_fraction": 0.30000000000000004, "seed": "0.12345"}
    assert out["unsupported"] == ["tutorial=dataset"]
    want = tfp_points("xor", 25, 70, "0.12345")
    assert np.array_equal(np.array(out["train"])[:, :2], want.train)
    assert set(np.array(out["test"])[:, 2]) == {-1.0, 1.0}  # TFP's own labels


def test_words_for_people_and_a_message_for_what_is_no_link(capsys):
    assert main(["tfp", LINK]) == 0
    said = capsys.readouterr().out
    assert "classification of xor, noise 25%, 70% to train" in said and "tutorial" in said
    assert main(["tfp", "not a link"]) == 2
    assert "not a TensorFlow Playground link" in capsys.readouterr().err


def test_a_saved_model_as_a_link_or_why_not(tmp_path, capsys):
    model = tmp_path / "m.npz"
    assert main(["train", "--dataset", "circle", "--layers", "4:tanh,1:sigmoid", "--epochs", "2",
                 "--optimizer", "sgd", "--lr", "0.03",
                 "--out", str(model)]) == 0
    capsys.readouterr()
    assert main(["tfp", "--from", str(model)]) == 0
    out = capsys.readouterr().out.strip().splitlines()
    setup = read_link(out[-1])
    assert (setup.dataset, setup.network_shape, setup.activation) == ("circle", (4,), "tanh")
    assert "not the ones here" in out[0]  # our points, not TFP's
    adam = tmp_path / "adam.npz"
    assert main(["train", "--dataset", "moons", "--epochs", "2", "--optimizer", "adam",
                 "--out", str(adam)]) == 0
    capsys.readouterr()
    assert main(["tfp", "--from", str(adam)]) == 2
    assert "plain SGD" in capsys.readouterr().err
