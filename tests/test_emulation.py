"""The emulation itself: as on Windows, this process and the ones it starts lack what Windows
lacks, so a test that passes emulated does not lean on fork, forkserver, resource or os.kill."""

from __future__ import annotations

import multiprocessing
import os
import subprocess
import sys

import pytest

pytestmark = pytest.mark.both_ways


def test_what_windows_lacks_is_missing(system):
    if system == "native":
        pytest.skip("the native run has it all")
    with pytest.raises(ValueError, match="forkserver"):
        multiprocessing.get_context("forkserver")
    assert multiprocessing.get_context().get_start_method() == "spawn"
    with pytest.raises(ImportError):
        import resource  # noqa: F401
    assert not hasattr(os, "fork") and not hasattr(os, "killpg")


def test_the_processes_it_starts_lack_it_too(system):
    code = ("import os, multiprocessing\n"
            "try:\n    import resource; print('resource')\nexcept ImportError: print('none')\n"
            "print(hasattr(os, 'fork'))\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         timeout=60, check=True).stdout.split()
    assert out == (["none", "False"] if system == "windows" else ["resource", "True"])


def test_a_probe_with_os_kill_fails_the_test(system):
    if system == "native":
        pytest.skip("only the emulation catches it")
    from tests.emulate.windows import KillProbeError

    namespace = {"__name__": "playground.somewhere", "os": os}
    with pytest.raises(KillProbeError):
        exec("os.kill(os.getpid(), 0)", namespace)  # noqa: S102
