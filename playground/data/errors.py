"""The one error the data package raises for files it cannot use, and how file errors are
phrased: ``file_phrase`` keeps the sentence translatable (context "Files")."""

from __future__ import annotations

from pathlib import Path

from playground.phrase import QT_TRANSLATE_NOOP, Phrase, phrase


def file_phrase(template: str, **values: object) -> Phrase:
    """What is wrong with a file, its values apart (``template`` marked by the caller)."""
    return phrase("Files", template, **{k: str(v) if isinstance(v, BaseException) else v
                                        for k, v in values.items()})


class DataFileError(ValueError):
    """A data file is missing, truncated or not in the expected format. The message names it."""

    def __init__(self, path: str | Path, problem: Phrase | str) -> None:
        self.path = Path(path)
        self.problem = problem
        super().__init__(f"{self.path}: {problem}")

    @property
    def says(self) -> Phrase:
        """The message, for the window to translate."""
        return file_phrase(QT_TRANSLATE_NOOP("Files", "{path}: {problem}"), path=str(self.path),
                           problem=self.problem)


class ImportCancelledError(DataFileError):
    """The user cancelled reading a data file; nothing was changed."""
