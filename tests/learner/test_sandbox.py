"""A learner's file stays in its box: nothing it sends is unpickled, what it starts ends with
the verdict, its memory is capped inside and watched from outside, and each way it can end is
named for what it was (the audit's files: ``__reduce__`` constants, forked sleepers, a lifted
memory limit)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time

import numpy as np
import pytest

from playground.learner.check import TEMPLATE, TemplateError, check_source, network_for
from playground.learner.sandbox import DEFAULT_MEMORY_MB, run_learner
from tests.alive import alive_after

POSIX = pytest.mark.skipif(not hasattr(os, "fork"), reason="forks")
pytestmark = pytest.mark.both_ways  # as on Windows too: spawn, no fork, no resource


@pytest.fixture
def posix(system):  # noqa: ANN001, ANN201
    """For a test whose learner's code forks or signals: not as on Windows."""
    if system == "windows":
        pytest.skip("the learner's code forks or sends a POSIX signal: Windows has neither")


def _in_forward(body: str) -> str:
    """The correct template with ``body`` run first in forward."""
    lines = "".join(f"    {line}\n" for line in body.splitlines())
    return TEMPLATE.replace("    activations = [x]\n", lines + "    activations = [x]\n")


REDUCE = '''
import os, sys

class Boom:
    def __reduce__(self):
        return ({call}, ({arg},))

LAYERS = [2, 4, 1]
ACTIVATION = "sigmoid"
LOSS = "mse"
BIAS = Boom()

def forward(params, x):
    return [x]

def backward(params, activations, y):
    return []
'''


@pytest.mark.parametrize("call,arg", [("os._exit", 7), ("sys.exit", 0)])
def test_a_constant_whose_reduce_exits_runs_nowhere(tmp_path, call, arg):
    path = tmp_path / "boom.py"
    path.write_text(REDUCE.format(call=call, arg=arg))
    done = subprocess.run([sys.executable, "-m", "playground", "check-code", str(path), "--json"],
                          capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 2, done  # not 7, not 0 ("passed")
    finding = json.loads(done.stdout)["findings"][0]
    assert finding["kind"] == "template" and "BIAS must be a plain value" in finding["message"]


def test_a_returned_object_is_never_unpickled_here():
    source = _in_forward("class Boom:\n    def __reduce__(self):\n"
                         "        import os\n        return (os._exit, (7,))\n"
                         "return [Boom(), Boom(), Boom()]")
    finding = check_source(source, "boom.py").findings[0]
    assert finding.kind == "exception" and "Boom" in finding.message


@pytest.mark.parametrize("body,says", [
    ("import sys\nsys.exit(3)", "called sys.exit(3)"),
    ("raise KeyboardInterrupt", "KeyboardInterrupt"),
    ("import os\nos._exit(7)", "exit code 7"),
    pytest.param("import ctypes\nctypes.string_at(0)", "segmentation fault", marks=POSIX),
])
def test_each_way_of_ending_is_named(body, says, system):
    if "string_at" in body and system == "windows":
        pytest.skip("a segmentation fault ends a Windows process with a code, not a signal")
    finding = check_source(_in_forward(body), "end.py").findings[0]
    assert finding.kind == "exception" and says in finding.message, finding
    assert "out of memory" not in finding.message


@pytest.mark.parametrize("code,says", [
    (0xC0000005, "crashed (an access violation, status 0xC0000005)"),
    (0xC00000FD, "crashed (a stack overflow, status 0xC00000FD)"),
    (0xE0434352, "crashed (an exception, status 0xE0434352)"),
    (7, "exit code 7, as os._exit does"),
    (-11, "signal 11 (a segmentation fault)"),
])
def test_an_exit_status_is_named_as_its_system_means_it(code, says):
    """Windows ends a crashed process with its exception's status, not a signal."""
    from playground.learner.sandbox import _ended

    class Ended:
        exitcode = code

        def join(self, timeout):  # noqa: ANN001, ANN202
            return None

    assert says in str(_ended(Ended(), 100).message)


@POSIX
def test_forked_sleepers_end_with_the_verdict_and_hold_no_output_open(tmp_path, posix):
    pids = tmp_path / "pids"
    path = tmp_path / "sleepers.py"
    path.write_text(_in_forward(f"import os, time\nfor _ in range(50):\n    pid = os.fork()\n"
                                f"    if pid == 0:\n        time.sleep(120)\n        os._exit(0)\n"
                                f"    open({str(pids)!r}, 'a').write(f'{{pid}}\\n')"))
    # the sleepers inherit the command's output: it ends only when they do (120 s unboxed)
    done = subprocess.run([sys.executable, "-m", "playground", "check-code", str(path),
                           "--timeout", "20", "--json"], capture_output=True, text=True,
                          timeout=60, check=False)
    assert done.returncode == 0 and json.loads(done.stdout)["passed"]
    started = [int(p) for p in pids.read_text().split()]
    assert len(started) == 50
    assert alive_after(started, 5.0) == []


def test_started_programs_end_with_the_verdict(tmp_path):
    """As on every system: sleepers started with subprocess, not fork, end with it too."""
    pids = tmp_path / "pids"
    path = tmp_path / "sleepers.py"
    path.write_text(_in_forward(
        f"import subprocess, sys\nfor _ in range(5):\n"
        f"    child = subprocess.Popen([sys.executable, '-c', 'import time; time.sleep(120)'])\n"
        f"    open({str(pids)!r}, 'a').write(f'{{child.pid}}\\n')"))
    done = subprocess.run([sys.executable, "-m", "playground", "check-code", str(path),
                           "--timeout", "20", "--json"], capture_output=True, text=True,
                          timeout=60, check=False)
    assert done.returncode == 0 and json.loads(done.stdout)["passed"], done.stderr
    started = [int(p) for p in pids.read_text().split()]
    assert len(started) >= 5
    assert alive_after(started, 5.0) == []


def test_an_endless_loop_gets_its_verdict_at_the_time_limit():
    finding = check_source(_in_forward("while True:\n    pass"), "loop.py", timeout=1.0)
    assert finding.findings[0].kind == "timeout"


@POSIX
def test_a_lifted_memory_limit_still_runs_out(posix):
    source = _in_forward("import resource\ntry:\n"
                         "    resource.setrlimit(resource.RLIMIT_AS, (resource.RLIM_INFINITY, "
                         "resource.RLIM_INFINITY))\nexcept (ValueError, OSError):\n    pass\n"
                         "big = np.ones(3 * 2**30 // 8)")
    finding = check_source(source, "greedy.py", timeout=60).findings[0]
    assert "out of memory" in finding.message, finding


@POSIX
def test_the_memory_of_everything_it_started_is_watched_from_outside(posix):
    """Each forked child stays under the limit set inside; together they do not."""
    source = _in_forward("import os, time\nfor _ in range(6):\n    if os.fork() == 0:\n"
                         "        hold = np.ones(100 * 2**20 // 8)\n        time.sleep(60)\n"
                         "        os._exit(0)\ntime.sleep(30)")
    finding = check_source(source, "greedy.py", timeout=60, memory_mb=200).findings[0]
    assert "out of memory (200 MB)" in finding.message, finding


def test_a_cancelled_check_ends_at_once():
    started = time.monotonic()
    net = network_for({"LAYERS": [2, 4, 1], "ACTIVATION": "sigmoid", "LOSS": "mse"})
    x = np.zeros((8, 2))
    outcome = run_learner(_in_forward("while True:\n    pass"), "loop.py", net.copy_params(), x,
                          np.zeros((8, 1)), 0.1, 60, DEFAULT_MEMORY_MB,
                          cancelled=lambda: time.monotonic() - started > 1.0)
    assert outcome.error == "cancelled"


def test_a_constant_that_is_code_is_refused_before_anything_runs():
    with pytest.raises(TemplateError, match="LAYERS must be a plain value"):
        check_source(TEMPLATE.replace("LAYERS = [2, 4, 1]", "LAYERS = list(range(3))"), "x.py")


def test_a_memory_bomb_is_ended_where_no_limit_can_be_set_inside(system):
    """As on Windows there is no resource module: the watch from outside is the limit."""
    source = _in_forward("hold = [np.ones(2**27) for _ in range(8)]\nimport time\n"
                         "time.sleep(30)")  # 8 GiB at most, if nothing stopped it
    finding = check_source(source, "bomb.py", timeout=60, memory_mb=300).findings[0]
    assert "out of memory (300 MB)" in finding.message, finding
