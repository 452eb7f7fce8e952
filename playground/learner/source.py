"""A learner's Python file read and written as Python itself reads it (PEP 263). Qt-free.

Python decodes a source file by its byte-order mark or its coding line, else as UTF-8. Editors
on Windows differ: Notepad long wrote UTF-8 with a byte-order mark (which ``read_text("utf-8")``
keeps, and ``ast.parse`` then refuses as "invalid non-printable character U+FEFF"), and an
editor on a Chinese Windows may write GBK under ``# -*- coding: gbk -*-``. Both run as written,
so both open here; a save keeps the encoding the file's own coding line names.
"""

from __future__ import annotations

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
