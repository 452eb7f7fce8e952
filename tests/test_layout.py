"""playground/README.md's plan is the code's: its import table lists every folder, and the code
imports nothing the table does not allow."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import playground

PACKAGE = Path(playground.__file__).resolve().parent
README = PACKAGE / "README.md"


def _unit(module: str) -> str:
    """The folder (or top-level module) a dotted name lives in: ``playground.nn.train`` → nn."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "playground"


def _is_module(name: str) -> bool:
    """Whether ``from playground import name`` names a module (not ``__version__``)."""
    return (PACKAGE / name).is_dir() or (PACKAGE / f"{name}.py").is_file()


def _declared() -> dict[str, set[str]]:
    block = re.search(r"<!-- imports -->\s*```\n(.*?)```", README.read_text(), re.S)
    assert block, "playground/README.md has no import table"
    table = {}
    for line in block.group(1).splitlines():
        unit, _, allowed = line.partition("->")
        table[unit.strip()] = {a.strip() for a in allowed.split(",") if a.strip()}
    return table


def _imports() -> dict[str, set[tuple[str, str]]]:
    """Per unit, the (unit it imports, the file that does) pairs, at any depth of the code."""
    found: dict[str, set[tuple[str, str]]] = {}
    for path in PACKAGE.rglob("*.py"):
        rel = path.relative_to(PACKAGE.parent)
        if rel.name == "__main__.py":
            continue
        here = _unit(".".join(rel.with_suffix("").parts))
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and \
                    node.module.startswith("playground"):
                names = [node.module] if node.module != "playground" else \
                    [f"playground.{a.name}" for a in node.names if _is_module(a.name)]
                for name in names:
                    if _unit(name) not in (here, "playground"):
                        found.setdefault(here, set()).add((_unit(name), str(rel)))
            elif isinstance(node, ast.Import):
                for a in node.names:
                    if a.name.startswith("playground.") and _unit(a.name) != here:
                        found.setdefault(here, set()).add((_unit(a.name), str(rel)))
    return found


def test_the_table_names_every_folder_and_top_level_module():
    units = {p.stem for p in PACKAGE.glob("*.py") if p.stem not in ("__init__", "__main__")}
    units |= {p.parent.name for p in PACKAGE.glob("*/__init__.py")}
    assert set(_declared()) == units


def test_nothing_imports_what_the_table_does_not_allow():
    declared = _declared()
    wrong = sorted((here, there, where) for here, pairs in _imports().items()
                   for there, where in pairs if there not in declared[here])
    assert not wrong, wrong


def test_the_tree_names_only_what_exists():
    tree = re.search(r"## Layout\s*```\n(.*?)```", README.read_text(), re.S).group(1)
    for name in re.findall(r"^\s+([a-z_]+)/", tree, re.M):
        assert (PACKAGE / name).is_dir() or (PACKAGE / "gui" / name).is_dir(), name
    for name in re.findall(r"([a-z_]+\.py)", tree):
        assert list(PACKAGE.rglob(name)), name
