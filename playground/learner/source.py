"""A learner's Python file read and written as Python itself reads it (PEP 263). Qt-free.

Python decodes a source file by its byte-order mark or its coding line, else as UTF-8. Editors
on Windows differ: Notepad long wrote UTF-8 with a byte-order mark (which ``read_text("utf-8")``
keeps, and ``ast.parse`` then refuses as "invalid non-printable character U+FEFF"), and an
editor on a Chinese Windows may write GBK under ``# -*- coding: gbk -*-``. Both run as written,
so both open here; a save keeps the encoding the file's own coding line names.
"""

from __future__ import annotations

import ast
import io
import tokenize
from pathlib import Path

READ_ERRORS = (OSError, UnicodeError, SyntaxError)  # SyntaxError: a coding line Python refuses


def read_source(path: str | Path) -> str:
    """The text of ``path`` decoded as Python decodes it (newlines made \\n); READ_ERRORS."""
    with tokenize.open(path) as f:
        return f.read()


def source_bytes(text: str) -> bytes:
    """``text`` encoded as its own coding line says, else UTF-8 (no byte-order mark);
    UnicodeError or SyntaxError when that encoding cannot hold it or Python does not know it."""
    encoding, _ = tokenize.detect_encoding(io.BytesIO(text.encode("utf-8")).readline)
    return text.encode("utf-8" if encoding == "utf-8-sig" else encoding)


class Lines:
    """A learner's program by line: the text, the name assigned there, a call made there."""

    def __init__(self, source: str) -> None:
        self.source, self.lines = source, source.splitlines()
        try:
            self.tree: ast.Module | None = ast.parse(source)
        except (SyntaxError, ValueError):
            self.tree = None

    def text(self, line: int | None) -> str:
        if line is None or not 1 <= line <= len(self.lines):
            return ""
        return self.lines[line - 1].strip()

    def assigned(self, line: int | None) -> str | None:
        """The target of the assignment on ``line`` ("delta", "self.W[0]"), if one is."""
        for node in self._at(line, (ast.Assign, ast.AugAssign, ast.AnnAssign)):
            target = node.targets[0] if isinstance(node, ast.Assign) else node.target
            if isinstance(target, (ast.Tuple, ast.List)):
                return None  # "xb, yb = ...": which of them is not known here
            return ast.get_source_segment(self.source, target)
        return None

    def expression(self, line: int | None) -> str:
        """What is computed on ``line``: an assignment's value, else the statement (no
        comment)."""
        for node in reversed(self._at(line, (ast.stmt,))):
            if isinstance(node, (ast.Assign, ast.AugAssign, ast.AnnAssign)) and node.value:
                return ast.get_source_segment(self.source, node.value) or self.text(line)
            return ast.get_source_segment(self.source, node) or self.text(line)
        return self.text(line)

    def call(self, line: int | None, function: str) -> str | None:
        """The text of a call of ``function`` on ``line`` ("self.sigmoidPrime(a[-l])")."""
        for node in self._at(line, (ast.Call,)):
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
            if name == function:
                return ast.get_source_segment(self.source, node)
        return None

    def _at(self, line: int | None, kinds: tuple[type, ...]) -> list[ast.AST]:
        if self.tree is None or line is None:
            return []
        return sorted((n for n in ast.walk(self.tree) if isinstance(n, kinds) and
                       n.lineno <= line <= (n.end_lineno or n.lineno)),
                      key=lambda n: (n.lineno, n.col_offset))
