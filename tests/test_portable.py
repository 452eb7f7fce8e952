"""Nothing in the playground leans on what one system alone has, outside a guarded place.

The code is read, not run: every use of a POSIX-only or Windows-only name (fork, process groups,
POSIX signals, ``resource``, ``fcntl``, ``msvcrt``, /proc, the fork and forkserver start methods)
must sit in one of the functions listed in GUARDED, and there under an ``if`` or a ``try`` that
keeps it off the systems that lack it. ``os.kill`` may not appear at all: on Windows it ends the
process it names, whatever the signal, so it can never be used to look at one. Nor may /proc:
psutil reads it on Linux, and asks Windows and macOS the same questions their own way.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import playground

ROOT = Path(playground.__file__).resolve().parent
ONE_SYSTEM_MODULES = {"resource", "fcntl", "msvcrt", "pwd", "grp", "termios", "winreg"}
POSIX_OS = {"fork", "forkpty", "killpg", "setpgid", "getpgid", "setsid", "getuid", "geteuid",
            "wait", "wait3", "wait4", "WNOHANG", "sched_setaffinity"}
POSIX_SIGNALS = {"SIGKILL", "SIGSTOP", "SIGCHLD", "SIGHUP", "SIGALRM", "SIGUSR1", "SIGUSR2",
                 "SIGQUIT", "SIGPIPE", "alarm", "setitimer", "pthread_kill"}
ONE_SYSTEM_START = {"fork", "forkserver"}
# (module, function): where a one-system name is used, each under its own guard
GUARDED = {
    ("playground.run.contain", "enter_box"),      # setpgid where it exists; prctl on Linux
    ("playground.run.contain", "Box.end"),        # killpg where it exists
    ("playground.run.their_code", "limit_memory"),   # resource, where it imports
    ("playground.modelfile.save_lock", "_lock"),            # msvcrt on Windows, else fcntl
    ("playground.modelfile.save_lock", "_unlock"),
    ("playground.run.start", "training_context"),  # forkserver, else spawn
}


class _Finder(ast.NodeVisitor):
    """Each one-system use in a module: (line, what, enclosing function, whether guarded)."""

    def __init__(self) -> None:
        self.found: list[tuple[int, str, str, bool]] = []
        self._functions: list[str] = []
        self._guards: list[int] = []  # how many ifs and trys enclose us, per function

    def _note(self, node: ast.AST, what: str, guarded: bool = False) -> None:
        function = ".".join(self._functions)
        guarded = guarded or (bool(self._guards) and self._guards[-1] > 0)
        self.found.append((node.lineno, what, function, guarded))

    def _scope(self, node: ast.AST, name: str) -> None:
        self._functions.append(name)
        self._guards.append(0)
        self.generic_visit(node)
        self._guards.pop()
        self._functions.pop()

    def visit_FunctionDef(self, node: ast.FunctionDef) -> None:  # noqa: N802
        self._scope(node, node.name)

    visit_AsyncFunctionDef = visit_FunctionDef  # noqa: N815

    def visit_ClassDef(self, node: ast.ClassDef) -> None:  # noqa: N802
        self._functions.append(node.name)
        self.generic_visit(node)
        self._functions.pop()

    def _guarded_block(self, node: ast.AST) -> None:
        if self._guards:
            self._guards[-1] += 1
        self.generic_visit(node)
        if self._guards:
            self._guards[-1] -= 1

    visit_If = visit_Try = visit_With = _guarded_block  # noqa: N815 - a With: suppress(...)

    def visit_Import(self, node: ast.Import) -> None:  # noqa: N802
        for alias in node.names:
            if alias.name.split(".")[0] in ONE_SYSTEM_MODULES:
                self._note(node, f"import {alias.name}")

    def visit_ImportFrom(self, node: ast.ImportFrom) -> None:  # noqa: N802
        if (node.module or "").split(".")[0] in ONE_SYSTEM_MODULES:
            self._note(node, f"from {node.module} import")

    def visit_Attribute(self, node: ast.Attribute) -> None:  # noqa: N802
        owner = node.value.id if isinstance(node.value, ast.Name) else ""
        if owner == "os" and node.attr == "kill":
            self.found.append((node.lineno, "os.kill", "", False))  # never, guarded or not
        elif (owner, node.attr) in {("os", a) for a in POSIX_OS} | {
                ("signal", s) for s in POSIX_SIGNALS}:
            self._note(node, f"{owner}.{node.attr}")
        self.generic_visit(node)

    def visit_Call(self, node: ast.Call) -> None:  # noqa: N802
        name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(
            node.func, "id", "")
        texts = [a.value for a in node.args if isinstance(a, ast.Constant)]
        if name == "get_context" and set(texts) & ONE_SYSTEM_START:
            self._note(node, f"get_context({texts[0]!r})")
        if name == "getattr" and "kill" in texts:
            self.found.append((node.lineno, "getattr(os, 'kill')", "", False))
        elif name == "getattr" and set(texts) & (POSIX_OS | POSIX_SIGNALS):
            has_default = len(node.args) == 3  # getattr(os, "killpg", None): its own guard
            self._note(node, f"getattr(..., {texts[0]!r})", guarded=has_default)
        self.generic_visit(node)

    def visit_Constant(self, node: ast.Constant) -> None:  # noqa: N802
        if isinstance(node.value, str) and "/proc/" in node.value:  # psutil reads it for us
            self.found.append((node.lineno, f"the path {node.value!r}", "", False))


def _module(path: Path) -> str:
    parts = path.relative_to(ROOT.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def one_system_uses(source: str, module: str) -> list[str]:
    """Where ``source`` (the module ``module``) uses a one-system name outside a guarded place."""
    finder = _Finder()
    finder.visit(ast.parse(source))
    return [f"{module}:{line} {what}" + (f" in {function}" if function else "")
            for line, what, function, guarded in finder.found
            if not (guarded and (module, function) in GUARDED)]


@pytest.mark.parametrize("path", sorted(ROOT.rglob("*.py")), ids=lambda p: p.name)
def test_no_one_system_call_outside_a_guarded_place(path):
    assert one_system_uses(path.read_text(encoding="utf-8"), _module(path)) == []


def test_every_guarded_place_still_exists():
    """A function that moved or went must leave the list too, or the list hides nothing."""
    seen = set()
    for path in ROOT.rglob("*.py"):
        finder = _Finder()
        finder.visit(ast.parse(path.read_text(encoding="utf-8")))
        seen |= {(_module(path), function) for _, _, function, _ in finder.found}
    assert seen >= GUARDED, GUARDED - seen


@pytest.mark.parametrize("source", [
    "import os\ndef f(pid):\n    os.kill(pid, 0)\n",
    "import os\ndef enter_box():\n    try:\n        os.kill(1, 0)\n    except OSError:\n"
    "        pass\n",
    "import os\nkill = getattr(os, 'kill')\n",
    "import resource\n",
    "def f():\n    import fcntl\n",
    "import os\ndef f():\n    os.fork()\n",
    "import signal\ndef f(pid):\n    return signal.SIGKILL\n",
    "import multiprocessing\nctx = multiprocessing.get_context('forkserver')\n",
    "def f():\n    return open('/proc/self/status').read()\n",
    "def limit_memory():\n    try:\n        open('/proc/self/status')\n    except OSError:\n"
    "        pass\n",
    "import os\ndef enter_box():\n    os.setpgid(0, 0)\n",  # listed, but unguarded
])
def test_the_scan_finds_each_kind(source):
    for module in ("playground.run.contain", "playground.run.their_code"):  # guarded places there
        assert one_system_uses(source, module), (module, source)


def test_a_guarded_use_in_a_listed_place_passes():
    source = ("import os\ndef enter_box():\n    setpgid = getattr(os, 'setpgid', None)\n"
              "    if setpgid is not None:\n        setpgid(0, 0)\n")
    assert one_system_uses(source, "playground.run.contain") == []
