"""A learner's program as written, training in the training process: their loop runs, the
playground reads their weights after each step into the network the check found, and the
frames, the pause and the stop work as with the playground's own training."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from playground.data import make_toy
from playground.learner.check import check_file
from playground.learner.their_program import serve_socket
from playground.nn import LayerSpec, Network
from playground.run import messages as m
from tests.run.reading import spawned, until

pytestmark = pytest.mark.both_ways
PROGRAM = Path(__file__).parent / "programs" / "correct_row_globals.py"  # 2 → 4 tanh → 1 sigmoid
LAYERS = (LayerSpec(4, "tanh"), LayerSpec(1, "sigmoid"))


@pytest.fixture
def proc():
    with spawned(serve_socket) as conn:
        yield conn


def _start(conn, epochs: int, run: int = 1) -> Network:  # noqa: ANN001
    net = Network(2, list(LAYERS), "mse", seed=1)
    data = make_toy("xor", 64, seed=0)
    x, y = data.x.astype(np.float32), net.encode_targets(data.y)
    conn.send(m.SetCode(PROGRAM.read_text(encoding="utf-8"), str(PROGRAM), program=True))
    conn.send(m.SetNetwork(2, LAYERS, "mse", "xavier", "float32", frozenset(),
                           net.copy_params(), restart=True))
    conn.send(m.SetData(x, y, x, y))
    conn.send(m.Configure({"epochs": epochs}))
    conn.send(m.Start(run))
    return net


def _their_weights(steps: int) -> list[np.ndarray]:
    """Their program's own W1 and W2 after ``steps`` steps, run here as they wrote it."""
    source = PROGRAM.read_text(encoding="utf-8").replace("for epoch in range(5000):",
                                                         f"for epoch in range({steps}):")
    namespace: dict = {"__name__": "__main__"}
    exec(compile(source, "theirs.py", "exec"), namespace)  # noqa: S102 - our own test program
    return [namespace["W1"], namespace["W2"]]


def test_the_program_found_by_the_check_is_the_network_sent():
    result = check_file(PROGRAM)
    assert result.network["layers"] == [2, 4, 1]
    assert result.network["activations"] == ["tanh", "sigmoid"]


def test_their_program_trains_and_each_frame_holds_their_weights(proc):
    _start(proc, epochs=30)
    done, seen = until(proc, m.Done, 30)
    frames = [msg for msg in seen if isinstance(msg, m.Frame)]
    assert done.finished and frames[-1].snapshot.epoch == 30
    W1, W2 = _their_weights(30)
    np.testing.assert_allclose(done.params[0]["W"], W1, rtol=1e-5, atol=1e-6)
    np.testing.assert_allclose(done.params[1]["W"], W2, rtol=1e-5, atol=1e-6)
    printed = "".join(msg.text for msg in seen if isinstance(msg, m.Printed))
    assert printed.startswith("0 ")  # their print(epoch, loss) at step 0
    losses = [e.train_loss for f in frames for e in f.epochs]
    assert len(losses) == 30 and all(np.isfinite(losses))
    assert all(f.grad_bands is None for f in frames)  # their program's gradients are its own


def test_a_pause_holds_their_program_and_resume_goes_on_from_there(proc):
    _start(proc, epochs=40)
    proc.send(m.Pause(1))
    paused, seen = until(proc, m.Paused, 30)
    frames = [msg for msg in seen if isinstance(msg, m.Frame)]
    before = frames[-1].snapshot.epoch
    assert before < 40
    proc.send(m.Start(1))
    done, seen = until(proc, m.Done, 30)
    frames = [msg for msg in seen if isinstance(msg, m.Frame)]
    assert done.finished and frames[-1].snapshot.epoch == 40  # not restarted from the top
    W1, _ = _their_weights(40)
    np.testing.assert_allclose(done.params[0]["W"], W1, rtol=1e-5, atol=1e-6)


def test_stop_ends_their_program_and_the_next_run_starts_it_again(proc):
    _start(proc, epochs=10_000)
    until(proc, m.Frame, 30)
    proc.send(m.Stop(1))
    done, _ = until(proc, m.Done, 30)
    assert not done.finished
    _start(proc, epochs=3, run=2)
    done, _ = until(proc, m.Done, 30)
    W1, _ = _their_weights(3)
    np.testing.assert_allclose(done.params[0]["W"], W1, rtol=1e-5, atol=1e-6)


def _program(conn, source: str, epochs: int = 100) -> None:  # noqa: ANN001
    net = Network(2, list(LAYERS), "mse", seed=1)
    data = make_toy("xor", 64, seed=0)
    x, y = data.x.astype(np.float32), net.encode_targets(data.y)
    conn.send(m.SetCode(source, "mine.py", program=True))
    conn.send(m.SetNetwork(2, LAYERS, "mse", "xavier", "float32", frozenset(),
                           net.copy_params(), restart=True))
    conn.send(m.SetData(x, y, x, y))
    conn.send(m.Configure({"epochs": epochs}))
    conn.send(m.Start(1))


def test_a_program_that_ends_or_raises_ends_the_run_and_says_so(proc):
    source = PROGRAM.read_text(encoding="utf-8").replace("for epoch in range(5000):",
                                                         "for epoch in range(4):")
    _program(proc, source)
    done, seen = until(proc, m.Done, 30)
    frames = [msg for msg in seen if isinstance(msg, m.Frame)]
    assert str(done.reason) == "your program ran to its end" and not done.finished
    assert frames[-1].snapshot.epoch == 5  # four steps, and the end
    failing = source.replace("    if epoch % 1000 == 0:\n", "    if epoch == 2:\n"
                             "        raise RuntimeError('my bug')\n    if epoch % 1000 == 0:\n")
    proc.send(m.SetCode(failing, "mine.py", program=True))
    proc.send(m.Start(2))
    done, _ = until(proc, m.Done, 30)
    line = failing.splitlines().index("        raise RuntimeError('my bug')") + 1
    assert str(done.reason) == f"your program raised RuntimeError: my bug (line {line})"


def test_a_program_watched_live_keeps_no_more_of_its_past_than_a_step():
    import gc

    from playground.learner import tape
    from playground.learner.watch import Stop, watch

    counts = []

    def on_step(step) -> None:  # noqa: ANN001
        if len(counts) < 3 and on_step.taken in (100, 200, 300):
            gc.collect()
            counts.append(sum(1 for o in gc.get_objects() if type(o) is tape.Node))
        on_step.taken += 1
        if on_step.taken > 300:
            raise Stop

    on_step.taken = 1
    try:
        watched = watch(PROGRAM.read_text(encoding="utf-8"), str(PROGRAM), steps=None,
                        seconds=60, on_step=on_step)
    finally:
        tape.TAPE = None
    assert watched.error is None and len(counts) == 3
    assert counts[2] <= counts[0] + 10, counts  # 60,000 steps would not grow it either
