"""The ``playground`` command's entry point: sets up the process before numpy is imported.

When the window starts (no subcommand, or ``bench --gui``), numpy gets one BLAS thread. The
window's own numpy work is small (the plane's grid, one digit) and training runs in a child
process; with two BLAS threads the window's threads spun against the child for the two cores:
19-27 frames per second and a 10 ms probe's p99 of 52-69 ms, against 29-30 frames and 25-34 ms
with one (playground bench --gui). Headless commands keep numpy's default: MNIST training is 25%
faster with two threads.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence

HEADLESS = ("train", "eval", "predict", "gradcheck", "explain", "check-code", "export", "bench",
            "-h", "--help")


def opens_window(argv: Sequence[str]) -> bool:
    if not argv or argv[0] not in HEADLESS:
        return True
    return argv[0] == "bench" and "--gui" in argv


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if opens_window(argv):
        os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")  # the user's own setting wins
    from playground.cli.main import main as cli_main

    return cli_main(argv)
