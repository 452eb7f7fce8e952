"""CSV datasets: numeric feature columns, the last column the label (whole numbers) or target.

A first row that is not numeric is taken as a header. Any number of feature columns works: the
two-neuron seed's task is the two rows ``0,0`` and ``1,1``.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from playground.data.errors import DataFileError

Array = np.ndarray
MAX_BYTES = 200 * 1024 * 1024


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


def _rows(path: Path) -> list[list[str]]:
    try:
        if path.stat().st_size > MAX_BYTES:
            raise DataFileError(path, "the file is larger than 200 MB")
        with path.open(newline="", encoding="utf-8") as f:
            return [r for r in csv.reader(f) if r and any(c.strip() for c in r)]
    except FileNotFoundError:
        raise DataFileError(path, "no such file") from None
    except (OSError, UnicodeDecodeError, csv.Error) as e:
        raise DataFileError(path, f"cannot be read as CSV text ({e})") from None


def _parse(row: list[str]) -> list[float] | None:
    try:
        return [float(c) for c in row]
    except ValueError:
        return None


def load_csv(path: str | Path) -> CsvData:
    """Read a CSV dataset; DataFileError saying what is wrong and where."""
    path = Path(path)
    rows = _rows(path)
    if not rows:
        raise DataFileError(path, "the file holds no rows")
    header = None
    if _parse(rows[0]) is None:
        header, rows = rows[0], rows[1:]
    if not rows:
        raise DataFileError(path, "the file has a header but no data rows")
    width = len(rows[0])
    if width < 2:
        raise DataFileError(path, "each row needs at least one feature and a label")
    values = []
    for i, row in enumerate(rows, start=2 if header else 1):
        parsed = _parse(row)
        if parsed is None or len(parsed) != width:
            raise DataFileError(path, f"line {i} is not {width} numbers: {','.join(row)[:60]!r}")
        values.append(parsed)
    data = np.array(values, dtype=np.float64)
    if not np.isfinite(data).all():
        raise DataFileError(path, "the file contains nan or inf")
    target = data[:, -1]
    if np.all(target == np.round(target)) and target.min() >= 0:
        target = target.astype(np.int64)
    names = tuple(c.strip() for c in header) if header and len(header) == width else tuple(
        [f"x{i + 1}" for i in range(width - 1)] + ["label"])
    return CsvData(data[:, :-1], target, names)
