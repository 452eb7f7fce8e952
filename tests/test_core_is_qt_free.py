"""The core never imports Qt: every module outside ``playground/gui`` is imported in a fresh
interpreter, and neither PySide6 nor pyqtgraph may be loaded afterwards. The list is the package
itself, so a new module is checked the day it is added."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import playground

PACKAGE = Path(playground.__file__).resolve().parent


def core_modules() -> list[str]:
    """Every module of the package outside gui/, as a dotted name."""
    names = []
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        if "gui" in parts or parts[-1] == "__main__":
            continue
        names.append(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
    return names


def test_the_list_is_the_package():
    names = core_modules()
    assert "playground.run.process" in names and "playground.learner.check" in names
    assert not [n for n in names if n.startswith("playground.gui")]
    assert len(names) > 60


def test_no_core_module_loads_qt():
    code = ("import importlib, sys\n"
            f"for name in {core_modules()!r}:\n"
            "    importlib.import_module(name)\n"
            "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'pyqtgraph'))\n"
            "assert not bad, bad\n"
            "print('clean')\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=False, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "clean"
