"""DESIGN rule 1: the core never imports Qt."""

from __future__ import annotations

import subprocess
import sys


def test_core_modules_import_no_qt():
    code = ("import sys\n"
            "import playground, playground.nn, playground.data, playground.digits, "
            "playground.model_io, playground.cli, playground.bench, playground.lab, "
            "playground.nn.health, playground.launcher, playground.run.process, "
            "playground.run.start\n"
            "bad = [m for m in sys.modules if m.split('.')[0] in ('PySide6', 'pyqtgraph')]\n"
            "assert not bad, bad\n"
            "print('clean')\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "clean"
