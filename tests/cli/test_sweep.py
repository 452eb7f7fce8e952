"""``playground sweep``: many seeds (and learning rates) of one network, each as it trains alone."""

from __future__ import annotations

import json

import numpy as np
import pytest

from playground.cli.main import main
from playground.cli.sweep import grid, sweep
from playground.data.prepare import DataSpec, prepare
from playground.nn import LayerSpec, Network, TrainConfig, evaluate, train_steps

XOR = ["--dataset", "xor-gate", "--layers", "2:sigmoid,1:sigmoid", "--loss", "mse", "--init",
       "normal", "--optimizer", "sgd", "--lr", "0.35", "--batch-size", "4"]


def _json(out: str) -> dict:
    lines = out.strip().splitlines()
    assert len(lines) == 1, out
    return json.loads(lines[0])


def test_sweep_json_has_every_run_and_counts_the_solved(capsys):
    assert main(["sweep", *XOR, "--epochs", "3000", "--seeds", "12", "--json"]) == 0
    result = _json(capsys.readouterr().out)
    assert set(result) == {"runs", "solved", "seconds"}
    assert [r["seed"] for r in result["runs"]] == list(range(12))
    assert all(set(r) == {"seed", "lr", "train_loss", "train_accuracy", "test_accuracy"}
               for r in result["runs"])
    solved = sum(r["train_accuracy"] == 1.0 for r in result["runs"])
    assert result["solved"] == solved and 0 < solved < 12  # seed 002's lesson: some get stuck


def test_learning_rates_sweep_over_every_seed(capsys):
    assert main(["sweep", *XOR, "--epochs", "50", "--seeds", "3", "--lr-values", "0.1,1,5",
                 "--json"]) == 0
    runs = _json(capsys.readouterr().out)["runs"]
    assert [(r["lr"], r["seed"]) for r in runs] == [(lr, s) for lr in (0.1, 1.0, 5.0)
                                                     for s in range(3)]


@pytest.mark.parametrize("bad", [["--seeds", "0"], ["--lr-values", "0.1,x"],
                                 ["--lr-values", "0.1,-1"]])
def test_bad_sweeps_are_refused_with_a_message(bad, capsys):
    assert main(["sweep", *XOR, "--epochs", "5", *bad]) == 2
    assert "playground: error:" in capsys.readouterr().err


def test_each_run_of_a_sweep_ends_as_training_it_alone():
    prepared = prepare(DataSpec("moons", points=80, noise=0.2, seed=4))
    layers = [LayerSpec(6, "tanh"), LayerSpec(1, "sigmoid")]
    config = TrainConfig("adam", 0.02, 16, 15, 4)

    def build(seed: int) -> Network:
        return Network(2, layers, "bce", "xavier", seed, np.float64)

    y = build(0).encode_targets(prepared.y_train)
    y_test = build(0).encode_targets(prepared.y_test)
    result = sweep(build, grid(range(5), [0.02, 0.1], 0.02), prepared.x_train, y, config,
                   prepared.x_test, y_test)
    for run in result.runs:
        alone = build(run.seed)
        for _ in train_steps(alone, prepared.x_train, y, TrainConfig("adam", run.lr, 16, 15, 4)):
            pass
        loss, accuracy = evaluate(alone, prepared.x_train, y)
        assert run.train_loss == pytest.approx(loss, rel=1e-6)
        assert run.train_accuracy == accuracy



def test_a_sweep_with_a_schedule_and_early_stopping_says_which_runs_stopped_early(capsys):
    from playground.cli.main import main

    assert main(["sweep", "--dataset", "spiral", "--points", "30", "--seed", "2", "--layers",
                 "8:tanh:drop0.2,8:tanh,1:sigmoid", "--epochs", "3000", "--batch-size", "15",
                 "--seeds", "4", "--early-stop", "30", "--schedule", "cosine:0.001",
                 "--json"]) == 0
    captured = capsys.readouterr()
    runs = json.loads(captured.out.strip().splitlines()[-1])["runs"]
    assert all(r["best_epoch"] >= 1 for r in runs)  # only a run stopped early has one
    said = captured.err
    assert "runs of at most 3000 epochs" in said and "(stopped early: epoch" in said
    assert main(["sweep", "--dataset", "xor", "--early-stop", "5", "--test-fraction", "0"]) == 2
    assert "test loss" in capsys.readouterr().err
