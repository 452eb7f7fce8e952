"""The house stays one a newcomer can find their way in: no class over 30 methods (a hub forms
there, and hubs are where testing gets hard) and no module over 400 lines (playground/README.md,
rule 7)."""

from __future__ import annotations

import ast
from pathlib import Path

import playground

PACKAGE = Path(playground.__file__).resolve().parent
MAX_METHODS = 30
MAX_LINES = 400


def _modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def test_no_class_has_more_than_30_methods():
    hubs = []
    for path in _modules():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef):
                methods = sum(isinstance(b, ast.FunctionDef | ast.AsyncFunctionDef)
                              for b in node.body)
                if methods > MAX_METHODS:
                    hubs.append(f"{path.relative_to(PACKAGE)}: {node.name} ({methods})")
    assert not hubs, hubs


def test_no_module_is_over_400_lines():
    long = [f"{p.relative_to(PACKAGE)}: {n}" for p in _modules()
            if (n := p.read_text(encoding="utf-8").count("\n")) > MAX_LINES]
    assert not long, long
