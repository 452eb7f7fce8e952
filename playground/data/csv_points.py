"""CSV datasets: numeric feature columns, the last column the label (whole numbers) or target.

A first row that is not numeric is taken as a header. Any number of feature columns works: the
two-neuron seed's task is the two rows ``0,0`` and ``1,1``. Class labels are whole numbers from 0
to MAX_CLASSES - 1 (a label of 1e9 once asked for a 59.6 GiB table of one-hot targets); other
last columns are real targets, at most MAX_TARGET in size (targets near 1e300 overflowed the
squared error, and the run never trained).
"""

from __future__ import annotations

import csv
import itertools
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

import numpy as np

from playground.data.errors import DataFileError, ImportCancelledError, file_phrase
from playground.phrase import QT_TRANSLATE_NOOP

Array = np.ndarray
MAX_BYTES = 200 * 1024 * 1024
MAX_LINE = 64 * 1024  # characters in one line at most
PROGRESS_ROWS = 4096  # rows between two progress calls
MAX_CLASSES = 100
MAX_TARGET = 1e6
Progress = Callable[[int, int], bool]


@dataclass(frozen=True)
class CsvData:
    """x (n, d) float64; y (n,): int64 labels when every target is a whole number ≥ 0, else
    float64 regression targets."""

    x: Array
    y: Array
    columns: tuple[str, ...]

    @property
    def is_classification(self) -> bool:
        return np.issubdtype(self.y.dtype, np.integer)


def _lines(path: Path, f: TextIO, progress: Progress | None) -> Iterator[str]:
    """The file's lines, each at most MAX_LINE characters and MAX_BYTES in all: a device such as
    /dev/zero (size 0, no newline ever) was read until memory ran out."""
    size = path.stat().st_size if path.is_file() else 0
    read = 0
    for n in itertools.count(1):
        line = f.readline(MAX_LINE)
        if not line:
            return
        if len(line) >= MAX_LINE and not line.endswith("\n"):
            raise DataFileError(path, file_phrase(QT_TRANSLATE_NOOP(
                "Files", "line {n} is longer than {MAX_LINE:,} characters: this is not a CSV file "
                    "of numbers"), n=n, MAX_LINE=MAX_LINE))
        read += len(line)
        if read > MAX_BYTES:
            raise DataFileError(path, file_phrase(QT_TRANSLATE_NOOP(
                "Files", "the file is larger than {limit} MB"), limit=MAX_BYTES // 2**20))
        if progress is not None and n % PROGRESS_ROWS == 0 and not progress(read, size):
            raise ImportCancelledError(path, file_phrase(QT_TRANSLATE_NOOP(
                "Files", "the import was cancelled")))
        yield line


def _rows(path: Path, max_rows: int | None, progress: Progress | None) -> list[list[str]]:
    """Non-empty rows; DataFileError past ``max_rows`` (counted as they come, so a huge file is
    refused without being read whole)."""
    rows: list[list[str]] = []
    try:
        if path.is_file() and path.stat().st_size > MAX_BYTES:
            raise DataFileError(path, file_phrase(QT_TRANSLATE_NOOP(
                "Files", "the file is larger than {limit} MB"), limit=MAX_BYTES // 2**20))
        with path.open(newline="", encoding="utf-8") as f:
            for r in csv.reader(_lines(path, f, progress)):
                if r and any(c.strip() for c in r):
                    rows.append(r)
                    if max_rows is not None and len(rows) > max_rows + 1:  # + a header
                        raise DataFileError(path, file_phrase(QT_TRANSLATE_NOOP(
                            "Files", "it has more than {max_rows:,} rows, more than the plane "
                            "takes (playground train --data trains on larger files)"),
                            max_rows=max_rows))
    except FileNotFoundError:
        raise DataFileError(path, file_phrase(QT_TRANSLATE_NOOP(
            "Files", "no such file"))) from None
    except (OSError, UnicodeDecodeError, csv.Error) as e:
        raise DataFileError(path, file_phrase(QT_TRANSLATE_NOOP(
            "Files", "cannot be read as CSV text ({e})"), e=e)) from None
    return rows


def _parse(row: list[str]) -> list[float] | None:
    try:
        return [float(c) for c in row]
    except ValueError:
        return None


def _numbers(path: Path, rows: list[list[str]], width: int, first_line: int) -> Array:
    """(n, width) float64 from the rows: one conversion in C, and row by row only to name the
    line that is wrong."""
    if all(len(r) == width for r in rows):
        try:
            return np.array(rows, dtype=np.float64)  # about 4x quicker than float() per cell
        except ValueError:
            pass
    for i, row in enumerate(rows, start=first_line):
        parsed = _parse(row)
        if parsed is None or len(parsed) != width:
            raise DataFileError(path, file_phrase(QT_TRANSLATE_NOOP(
                "Files", "line {i} is not {width} numbers: {line}"),
                i=i, width=width, line=repr(','.join(row)[:60])))
    raise DataFileError(path, file_phrase(QT_TRANSLATE_NOOP(
        "Files", "the file holds values that are not numbers")))


def _target(path: Path, column: Array) -> Array:
    """The last column as int64 class labels, or as float64 real targets of a sane size."""
    if np.all(column == np.round(column)) and column.min() >= 0 and column.max() < MAX_CLASSES:
        return column.astype(np.int64)
    largest = float(np.abs(column).max())
    if largest > MAX_TARGET:
        raise DataFileError(path, file_phrase(QT_TRANSLATE_NOOP(
            "Files", "its last column reaches {largest:g}: class labels are whole numbers from 0 "
            "to {top}, and real targets at most {limit:g} in size (scale them to about -1..1)"),
            largest=largest, top=MAX_CLASSES - 1, limit=MAX_TARGET))
    return column


def load_csv(path: str | Path, max_rows: int | None = None,
             progress: Progress | None = None) -> CsvData:
    """Read a CSV dataset; DataFileError saying what is wrong and where. ``progress(read,
    size)`` is called every few thousand rows with the characters read and the file's size (0
    when unknown); returning False cancels the read (``ImportCancelledError``)."""
    path = Path(path)
    rows = _rows(path, max_rows, progress)
    if not rows:
        raise DataFileError(path, file_phrase(QT_TRANSLATE_NOOP(
            "Files", "the file holds no rows")))
    header = None
    if _parse(rows[0]) is None:
        header, rows = rows[0], rows[1:]
    if not rows:
        raise DataFileError(path, file_phrase(QT_TRANSLATE_NOOP(
            "Files", "the file has a header but no data rows")))
    width = len(rows[0])
    if width < 2:
        raise DataFileError(path, file_phrase(QT_TRANSLATE_NOOP(
            "Files", "each row needs at least one feature and a label")))
    data = _numbers(path, rows, width, 2 if header else 1)
    if not np.isfinite(data).all():
        raise DataFileError(path, file_phrase(QT_TRANSLATE_NOOP(
            "Files", "the file contains nan or inf")))
    target = _target(path, data[:, -1])
    names = tuple(c.strip() for c in header) if header and len(header) == width else tuple(
        [f"x{i + 1}" for i in range(width - 1)] + ["label"])
    return CsvData(data[:, :-1], target, names)
