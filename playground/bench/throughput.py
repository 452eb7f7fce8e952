"""``playground bench``: training throughput and prediction latency, measured, never asserted.

The work: MNIST 784-128-10, ReLU, softmax cross-entropy, batch 128, float32, SGD lr 0.1 and Adam
lr 1e-3. Contenders run one epoch each in turn (interleaved, so a busy moment of the machine hits
them alike): ours, PyTorch CPU eager with 2 threads, scikit-learn's MLPClassifier, and JAX (a
jit-compiled step, and the whole epoch under lax.scan: ``jax_loops``) when they are installed.
The matmul-only bound times just the five matmuls of each step; each contender's row says how
close it comes (the bound's time over its own, per round, median): XLA's fused epoch shows what
fusing the elementwise work buys on the machine at hand. Then the same in a child process with
one thread everywhere (``OPENBLAS_NUM_THREADS=1``, PyTorch's ``set_num_threads(1)``, XLA without
its thread pool), pinned to one core with ``taskset -c 0`` on Linux: the app's training process
runs with one BLAS thread, so that is the step a user's run gets.
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from typing import Any

import numpy as np

from playground.data.mnist import load_mnist_inputs
from playground.nn import LayerSpec, Network, TrainConfig, fused, train_steps
from playground.nn.metrics import evaluate

BATCH, HIDDEN = 128, 128
THREADS = int(os.environ.get("PLAYGROUND_BENCH_THREADS", "2"))  # PyTorch's; 1 in the child below
CHILD = "PLAYGROUND_BENCH_CHILD"  # set in the bench's own children: they measure, nothing more
# the app's training process: one BLAS thread (and, for the peers, their one-thread settings)
ONE_THREAD = {"OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1",
              "PLAYGROUND_BENCH_THREADS": "1"}
XLA_ONE_THREAD = "--xla_cpu_multi_thread_eigen=false intra_op_parallelism_threads=1"
WORK = {"sgd": 0.1, "adam": 1e-3}

Array = np.ndarray


# ----- contenders: each gives (run one epoch, test accuracy) -----------------------------------
def ours(x: Array, y: Array, optimizer: str, seed: int = 0) -> tuple[Iterator[None], Network]:
    """Ours as the MNIST tab trains: the images stay bytes until a batch is gathered, and the
    gradient norms are left to the frames."""
    net = Network(784, [LayerSpec(HIDDEN, "relu"), LayerSpec(10, "softmax")],
                  loss="cross_entropy", init="he", seed=seed)
    pixels = np.round(x * 255).astype(np.uint8)  # x is pixel / 255: these are the bytes
    steps = train_steps(net, pixels, y, TrainConfig(optimizer, WORK[optimizer], BATCH, 10**6,
                                                    seed), pixels=True, norms=False)

    def epochs() -> Iterator[None]:
        for snap in steps:
            if snap.epoch_end:
                yield None

    return epochs(), net


def _torch_contender(x: Array, y: Array, optimizer: str):
    import torch

    torch.set_num_threads(THREADS)
    torch.manual_seed(0)
    model = torch.nn.Sequential(torch.nn.Linear(784, HIDDEN), torch.nn.ReLU(),
                                torch.nn.Linear(HIDDEN, 10))
    opt_cls = torch.optim.SGD if optimizer == "sgd" else torch.optim.Adam
    opt = opt_cls(model.parameters(), lr=WORK[optimizer])
    loss_fn = torch.nn.CrossEntropyLoss()
    xt, yt = torch.from_numpy(x), torch.from_numpy(y)

    def epoch() -> None:
        perm = torch.randperm(xt.shape[0])
        for start in range(0, xt.shape[0], BATCH):
            idx = perm[start:start + BATCH]
            opt.zero_grad(set_to_none=True)
            loss_fn(model(xt[idx]), yt[idx]).backward()
            opt.step()

    def accuracy(xs: Array, ys: Array) -> float:
        with torch.no_grad():
            return float((model(torch.from_numpy(xs)).argmax(1).numpy() == ys).mean())

    return epoch, accuracy


def _sklearn_contender(x: Array, y: Array, optimizer: str):
    from sklearn.neural_network import MLPClassifier

    extra = {"momentum": 0.0, "nesterovs_momentum": False} if optimizer == "sgd" else {}
    clf = MLPClassifier(hidden_layer_sizes=(HIDDEN,), activation="relu", solver=optimizer,
                        learning_rate_init=WORK[optimizer], batch_size=BATCH, alpha=0.0,
                        shuffle=True, random_state=0, **extra)
    classes = np.arange(10)

    def epoch() -> None:
        clf.partial_fit(x, y, classes=classes)

    def accuracy(xs: Array, ys: Array) -> float:
        return float((clf.predict(xs) == ys).mean())

    return epoch, accuracy


def _available(module: str) -> bool:
    try:
        __import__(module)
    except Exception:  # noqa: BLE001 - any import failure means "not available"
        return False
    return True


# ----- measurements ----------------------------------------------------------------------------
def matmul_epoch(n: int) -> Callable[[], None]:
    """One epoch of the step's five matmuls alone (forward 2, backward 3), batch 128."""
    rng = np.random.default_rng(0)
    f = np.float32
    xb = rng.random((BATCH, 784), dtype=f)
    W0, W1 = rng.random((784, HIDDEN), dtype=f), rng.random((HIDDEN, 10), dtype=f)
    h, z = np.empty((BATCH, HIDDEN), f), np.empty((BATCH, 10), f)
    dz = rng.random((BATCH, 10), dtype=f)
    dh, g0, g1 = np.empty((BATCH, HIDDEN), f), np.empty_like(W0), np.empty_like(W1)

    def epoch() -> None:
        for _ in range(0, n, BATCH):
            np.matmul(xb, W0, out=h)
            np.matmul(h, W1, out=z)
            np.matmul(h.T, dz, out=g1)
            np.matmul(dz, W1.T, out=dh)
            np.matmul(xb.T, dh, out=g0)

    return epoch


def _timed(fn: Callable[[], Any]) -> float:
    t = time.perf_counter()
    fn()
    return time.perf_counter() - t


def compare_training(x: Array, y: Array, xt: Array, yt: Array, optimizer: str, epochs: int,
                     compare: bool) -> dict[str, dict[str, float]]:
    """Per contender: median seconds per epoch, samples/s, test accuracy, and its time over ours.

    Each round times one epoch of every contender in turn, the matmul-only bound right after
    ours. Ratios are taken within a round and then their median: this VM's speed drifts by 20-30%
    within a minute, and a ratio of two epochs timed a second apart is steadier than a ratio of
    two medians. One untimed round first warms up every contender.
    """
    mine, net = ours(x, y, optimizer)
    runners: dict[str, tuple[Callable[[], Any], Callable[[Array, Array], float] | None]] = {
        "playground": (lambda: next(mine),
                       lambda a, b: evaluate(net, a, net.encode_targets(b))[1]),
        "matmul-only": (matmul_epoch(x.shape[0]), None),
    }
    if compare and _available("torch"):
        runners["pytorch"] = _torch_contender(x, y, optimizer)
    if compare and _available("sklearn"):
        runners["sklearn"] = _sklearn_contender(x, y, optimizer)
    if compare and _available("jax"):
        from playground.bench import jax_loops

        runners.update(jax_loops.contenders(x, y, optimizer, WORK[optimizer], BATCH, HIDDEN))
    times: dict[str, list[float]] = {k: [] for k in runners}
    for _ in range(epochs + 1):
        for name, (epoch, _acc) in runners.items():
            times[name].append(_timed(epoch))
    times = {k: v[1:] for k, v in times.items()}  # drop the warm-up round
    base, bound = times["playground"], times["matmul-only"]
    out = {}
    for name, (_epoch, acc) in runners.items():
        sec = statistics.median(times[name])
        ratio = statistics.median(t / b for t, b in zip(times[name], base, strict=True))
        # how close each contender comes to the matmuls alone (ours: the bound's ratio)
        share = statistics.median(b / t for b, t in zip(bound, times[name], strict=True))
        out[name] = {"seconds_per_epoch": sec, "samples_per_second": x.shape[0] / sec,
                     "time_over_playground": ratio, "share_of_matmul_bound": share}
        if acc is not None:
            out[name].update(test_accuracy=acc(xt, yt), epochs=epochs + 1)
    return out


def predict_latency(net: Network, image: Array, repeats: int = 500) -> dict[str, float]:
    """Median milliseconds for one image: network alone, and canvas preprocessing + network."""
    from playground.data.digits import canvas_to_input

    canvas = np.kron(image.reshape(28, 28), np.ones((10, 10)))  # a 280×280 "drawing"
    x = image[None, :]
    net_times = [_timed(lambda: net.predict_proba(x)) for _ in range(repeats)]
    full_times = [_timed(lambda: net.predict_proba(canvas_to_input(canvas)[None, :]))
                  for _ in range(repeats // 5)]
    return {"network_ms": 1000 * statistics.median(net_times),
            "canvas_to_prediction_ms": 1000 * statistics.median(full_times)}


OPENBLAS_VARIABLES = ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE")


def run_bench(epochs: int = 3, compare: bool = True) -> dict[str, Any]:
    """The bench as this process finds the machine; when the OpenBLAS variables are set (these
    test machines set them, a user's does not), once more in a child without them, since
    OpenBLAS reads them when it loads; and once more with one BLAS thread, as the app's training
    process runs (pinned to one core with ``taskset`` where there is one), beside it."""
    report = bench_here(epochs, compare)
    if os.environ.get(CHILD):
        return report
    found = {k: os.environ[k] for k in OPENBLAS_VARIABLES if k in os.environ}
    report["openblas_variables"] = found
    plain = {k: v for k, v in os.environ.items() if k not in found}
    if found:
        print(f"\nagain with {', '.join(found)} unset, as on a user's machine:")
        report["without_openblas_variables"] = _child(plain, [], epochs, compare)
    prefix = one_core_prefix()
    print("\nagain with one BLAS thread, as the app's training process runs"
          f"{' (taskset -c 0)' if prefix else ''}:")
    report["one_thread"] = _child(one_thread_env(plain), prefix, epochs, compare)
    print_threads(report)
    return report


def one_thread_env(env: dict[str, str]) -> dict[str, str]:
    """``env`` as the app's training process has it: one thread for BLAS, OpenMP, MKL, PyTorch
    and XLA."""
    xla = f"{env.get('XLA_FLAGS', '')} {XLA_ONE_THREAD}".strip()
    return {**env, **ONE_THREAD, "XLA_FLAGS": xla}


def one_core_prefix() -> list[str]:
    """``taskset -c 0`` where the system has it (Linux), else nothing."""
    return ["taskset", "-c", "0"] if sys.platform.startswith("linux") and \
        shutil.which("taskset") else []


def _child(env: dict[str, str], prefix: list[str], epochs: int, compare: bool
           ) -> dict[str, Any] | None:
    cmd = [*prefix, sys.executable, "-m", "playground", "bench", "--json", "--epochs",
           str(epochs)]
    done = subprocess.run(cmd + ([] if compare else ["--no-compare"]), env={**env, CHILD: "1"},
                          text=True, capture_output=True, timeout=3600)
    sys.stdout.write(done.stderr)  # its report for people
    lines = done.stdout.strip().splitlines()
    return json.loads(lines[-1]) if done.returncode == 0 and lines else None


def bench_here(epochs: int = 3, compare: bool = True) -> dict[str, Any]:
    x, y = load_mnist_inputs("train")
    xt, yt = load_mnist_inputs("test")
    report: dict[str, Any] = {"work": f"MNIST 784-{HIDDEN}-10 relu/softmax, batch {BATCH}, "
                              "float32", "training": {}}
    for optimizer in WORK:
        rows = compare_training(x, y, xt, yt, optimizer, epochs, compare)
        bound = rows.pop("matmul-only")
        if optimizer == "sgd":
            report["matmul_bound_seconds"] = bound["seconds_per_epoch"]
            report["fraction_of_matmul_bound"] = bound["time_over_playground"]
        report["training"][optimizer] = rows
    report["predict"] = predict_latency(_fresh_net(), xt[0])
    report["compiled"] = fused.describe()
    report["not_compared"] = _not_compared(compare)
    print_report(report)
    return report


PEERS = {"torch": "PyTorch", "sklearn": "scikit-learn", "jax": "JAX"}
INSTALL_PEERS = 'pip install -e ".[bench]"'


def _not_compared(compare: bool) -> dict[str, str]:
    """The peers left out, each with why: --no-compare, or not installed (and how to)."""
    return {name: "--no-compare" if not compare else f"not installed ({INSTALL_PEERS})"
            for module, name in PEERS.items() if not compare or not _available(module)}


def _fresh_net() -> Network:
    return Network(784, [LayerSpec(HIDDEN, "relu"), LayerSpec(10, "softmax")],
                   loss="cross_entropy", init="he")


def print_report(report: dict[str, Any]) -> None:
    print(report["work"])
    print(f"matmul-only bound: {report['matmul_bound_seconds']:.3f} s/epoch (measured during "
          "the SGD rounds)")
    for optimizer, rows in report["training"].items():
        print(f"\n{optimizer} (lr {WORK[optimizer]:g})   s/epoch   samples/s   test acc   "
              "time over ours   bound/time")
        for name, r in rows.items():
            print(f"  {name:12} {r['seconds_per_epoch']:9.3f} {r['samples_per_second']:11.0f} "
                  f"{100 * r['test_accuracy']:9.2f}%   {r['time_over_playground']:6.2f}x"
                  f"        {100 * r['share_of_matmul_bound']:6.0f}%")
    print(f"\nplayground SGD reaches {100 * report['fraction_of_matmul_bound']:.0f}% of the "
          "matmul-only bound (median of the rounds' ratios)")
    if "compiled" in report:
        print(f"playground's Adam update and MNIST batches: {report['compiled']}")
    p = report["predict"]
    print(f"predict one image: network {p['network_ms']:.3f} ms, canvas to prediction "
          f"{p['canvas_to_prediction_ms']:.3f} ms")
    for name, why in report.get("not_compared", {}).items():
        print(f"not compared: {name}, {why}")


def print_threads(report: dict[str, Any]) -> None:
    """One thread beside the machine's own threads: seconds per epoch and share of each run's
    own matmul bound."""
    one = report.get("one_thread")
    if not one:
        print("\nthe one-thread run gave no report")
        return
    print("\none BLAS thread (the app's) beside this machine's threads: s/epoch (share of "
          "its own matmul bound)")
    for optimizer, rows in report["training"].items():
        for name, r in rows.items():
            o = one["training"].get(optimizer, {}).get(name)
            if o is not None:
                print(f"  {optimizer:5} {name:12} {o['seconds_per_epoch']:7.3f} "
                      f"({100 * o['share_of_matmul_bound']:3.0f}%)   "
                      f"{r['seconds_per_epoch']:7.3f} ({100 * r['share_of_matmul_bound']:3.0f}%)")
