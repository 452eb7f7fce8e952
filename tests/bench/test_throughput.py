"""``playground bench``'s parts that need no minute of MNIST: JAX's contenders and the second run
without the OpenBLAS variables."""

from __future__ import annotations

import json
import subprocess

import numpy as np
import pytest

from playground.bench import throughput as bench


@pytest.mark.parametrize("optimizer", ["sgd", "adam"])
def test_jaxs_step_and_scanned_epoch_learn(optimizer):
    pytest.importorskip("jax")
    from playground.bench.jax_loops import contenders

    rng = np.random.default_rng(0)
    y = rng.integers(0, 4, 512)
    x = 0.1 * rng.random((512, 784), dtype=np.float32)
    for k in range(4):  # class k lights up its own quarter of the pixels
        x[y == k, 196 * k:196 * (k + 1)] += 0.5
    lr = bench.WORK[optimizer] * (10 if optimizer == "adam" else 1)
    runs = contenders(x, y, optimizer, lr, 128, 16)
    for name in ("jax-jit", "jax-scan"):
        epoch, accuracy = runs[name]
        for _ in range(3):
            epoch()
        assert accuracy(x, y) > 0.9, name


def _children(monkeypatch) -> list[tuple[list[str], dict[str, str]]]:  # noqa: ANN001
    """The bench's child runs, answered at once: (command, environment) of each."""
    seen = []

    def child(cmd, env, **kw):  # noqa: ANN001, ANN003
        seen.append((cmd, env))
        return subprocess.CompletedProcess(cmd, 0, json.dumps({"child": len(seen)}), "")

    monkeypatch.setattr(bench.subprocess, "run", child)
    monkeypatch.setattr(bench, "print_threads", lambda report: None)
    return seen


def test_with_openblas_variables_set_the_bench_runs_again_without_them(monkeypatch):
    monkeypatch.setattr(bench, "bench_here", lambda epochs, compare: {"epochs": epochs})
    monkeypatch.setenv("OPENBLAS_CORETYPE", "Haswell")
    monkeypatch.delenv("OPENBLAS_L2_SIZE", raising=False)
    monkeypatch.delenv(bench.CHILD, raising=False)
    seen = _children(monkeypatch)
    report = bench.run_bench(epochs=2)
    assert report["openblas_variables"] == {"OPENBLAS_CORETYPE": "Haswell"}
    assert report["without_openblas_variables"] == {"child": 1}
    cmd, env = seen[0]
    assert "OPENBLAS_CORETYPE" not in env and cmd[-3:] == ["--json", "--epochs", "2"]
    assert env[bench.CHILD] == "1"  # a child measures, and runs no child of its own


def test_the_bench_runs_once_more_with_one_thread_as_the_app_trains(monkeypatch):
    monkeypatch.setattr(bench, "bench_here", lambda epochs, compare: {})
    for name in (*bench.OPENBLAS_VARIABLES, bench.CHILD):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("XLA_FLAGS", "--xla_dump_to=/tmp/x")
    seen = _children(monkeypatch)
    report = bench.run_bench(epochs=1)
    assert report == {"openblas_variables": {}, "one_thread": {"child": 1}}
    cmd, env = seen[0]
    assert env["OPENBLAS_NUM_THREADS"] == "1" and env["PLAYGROUND_BENCH_THREADS"] == "1"
    assert env["XLA_FLAGS"] == "--xla_dump_to=/tmp/x " + bench.XLA_ONE_THREAD
    assert cmd[:len(bench.one_core_prefix())] == bench.one_core_prefix()


def test_a_child_of_the_bench_only_measures(monkeypatch):
    monkeypatch.setattr(bench, "bench_here", lambda epochs, compare: {"measured": True})
    monkeypatch.setenv(bench.CHILD, "1")
    seen = _children(monkeypatch)
    assert bench.run_bench(epochs=1) == {"measured": True} and seen == []


def test_each_contender_is_set_against_the_matmul_only_bound():
    rng = np.random.default_rng(0)
    y = rng.integers(0, 10, 600)
    x = rng.random((600, 784), dtype=np.float32)
    rows = bench.compare_training(x, y, x[:100], y[:100], "sgd", 2, compare=False)
    assert set(rows) == {"playground", "matmul-only"}
    ours, bound = rows["playground"], rows["matmul-only"]
    # the same per-round ratios, one way round and the other
    assert ours["share_of_matmul_bound"] == pytest.approx(bound["time_over_playground"])
    assert bound["share_of_matmul_bound"] == pytest.approx(1.0)
    assert 0 < ours["share_of_matmul_bound"] < 5


def test_the_bench_says_which_peers_it_left_out_and_how_to_add_them(monkeypatch, capsys):
    monkeypatch.setattr(bench, "_available", lambda module: module == "sklearn")
    missing = bench._not_compared(compare=True)
    assert set(missing) == {"PyTorch", "JAX"} and all(
        bench.INSTALL_PEERS in why for why in missing.values())
    assert set(bench._not_compared(compare=False)) == {"PyTorch", "scikit-learn", "JAX"}
    report = {"work": "w", "matmul_bound_seconds": 0.1, "training": {},
              "fraction_of_matmul_bound": 0.5, "not_compared": missing,
              "predict": {"network_ms": 0.1, "canvas_to_prediction_ms": 0.2},
              "compiled": "NumPy's passes (x)"}
    bench.print_report(report)
    out = capsys.readouterr().out
    assert "not compared: PyTorch, not installed" in out and "[bench]" in out
    assert "Adam update and MNIST batches: NumPy's passes (x)" in out
