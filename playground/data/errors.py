"""The one error the data package raises for files it cannot use."""

from __future__ import annotations

from pathlib import Path


class DataFileError(ValueError):
    """A data file is missing, truncated or not in the expected format. The message names it."""

    def __init__(self, path: str | Path, problem: str) -> None:
        self.path = Path(path)
        self.problem = problem
        super().__init__(f"{self.path}: {problem}")


class ImportCancelledError(DataFileError):
    """The user cancelled reading a data file; nothing was changed."""
