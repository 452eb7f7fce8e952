"""Reading an image file as a grayscale array, through Qt's image decoders (no app needed)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
from PySide6.QtGui import QImage

from playground.data.errors import DataFileError, file_phrase
from playground.phrase import QT_TRANSLATE_NOOP


def qimage_to_gray(image: QImage) -> np.ndarray:
    """A QImage as a uint8 array (height, width), 0 black to 255 white."""
    gray = image.convertToFormat(QImage.Format.Format_Grayscale8)
    h, w, stride = gray.height(), gray.width(), gray.bytesPerLine()
    buf = np.frombuffer(gray.constBits(), dtype=np.uint8, count=h * stride)
    return buf.reshape(h, stride)[:, :w].copy()


def read_grayscale(path: str | Path) -> np.ndarray:
    """The image at ``path`` as uint8 (height, width); DataFileError if it cannot be decoded."""
    path = Path(path)
    if not path.is_file():
        raise DataFileError(path, file_phrase(QT_TRANSLATE_NOOP(
            "Files", "no such file")))
    image = QImage(str(path))
    if image.isNull():
        raise DataFileError(path, file_phrase(QT_TRANSLATE_NOOP(
            "Files", "is not an image Qt can read (PNG, JPEG, BMP, ...)")))
    return qimage_to_gray(image)
