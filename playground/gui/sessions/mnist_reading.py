"""MNIST's files read once for the MNIST tab: in the background when the tab opens, so that the
window never waits on them, or at once when something needs the data now.

``MnistReading(session)``: ``start()`` reads in a ``BackgroundTask`` (about a second for the
60,000 + 10,000 images); ``now()`` reads in this thread unless the data are in; a Train or Step
pressed while the files are read waits for them (``defer``) and starts when they are in. A
missing or damaged file is said on the tab (``data_error``) and costs the rest of the app
nothing. The texts keep the session's translation context.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtCore import QCoreApplication

from playground.data.mnist import load_mnist
from playground.gui.background import BackgroundTask
from playground.gui.i18n import error_text
from playground.paths import shipped_model

if TYPE_CHECKING:
    from playground.gui.sessions.mnist import MnistSession

N_PIXELS = 784
Array = np.ndarray


@dataclass(frozen=True)
class MnistData:
    train_images: Array  # (60000, 784) uint8
    train_labels: Array
    test_images: Array  # (10000, 784) uint8
    test_labels: Array


def read_files(directory: Path | None) -> MnistData:
    """The four IDX files as flat uint8 images and labels; safe in any thread."""
    train = load_mnist("train", directory)
    test = load_mnist("test", directory)
    flat = [images.reshape(len(images), N_PIXELS) for images in (train[0], test[0])]
    return MnistData(flat[0], train[1], flat[1], test[1])


class MnistReading:
    def __init__(self, session: MnistSession) -> None:
        self.s = session
        self.task: BackgroundTask | None = None
        self.pending: bool | None = None  # a run asked for meanwhile: one epoch (True) or on

    @property
    def under_way(self) -> bool:
        return self.task is not None

    def start(self) -> None:
        """Read the files in the background, unless the data are in or being read."""
        if self.s.data is not None or self.task is not None:
            return
        self.task = BackgroundTask(lambda _progress: read_files(self.s.directory), self.s)
        self.task.sig_done.connect(partial(self._done, self.task))
        self.task.sig_failed.connect(partial(self._failed, self.task))
        self.task.start()
        self.s.sig_data_changed.emit()  # the tab says it reads them

    def now(self) -> bool:
        """The data, read in this thread if they are not in; False (``data_error`` set) when
        the files cannot be used."""
        if self.s.data is not None:
            return True
        try:
            data = read_files(self.s.directory)
        except (OSError, ValueError) as e:  # DataFileError is a ValueError
            self._refuse(e)
            return False
        self._use(data)
        return True

    def defer(self, single_epoch: bool) -> None:
        """A run asked for while the files are read: it starts when they are in."""
        self.pending = single_epoch
        self.s.sig_status.emit(QCoreApplication.translate(
            "MnistSession", "Reading MNIST… training starts when it is read"))

    def _done(self, task: BackgroundTask, data: MnistData) -> None:
        task.deleteLater()
        self.task = None
        if self.s.data is None:  # (read at once meanwhile: those are kept)
            self._use(data)
        else:  # the reading is over: the tab no longer says it reads them
            self.s.sig_data_changed.emit()
        pending, self.pending = self.pending, None
        if pending is not None:
            self.s.sig_status.emit("")  # "training starts when it is read" no longer holds
            self.s.step_epoch() if pending else self.s.start()

    def _failed(self, task: BackgroundTask, error: Exception) -> None:
        task.deleteLater()
        self.task, self.pending = None, None
        if self.s.data is None:
            self._refuse(error)

    def _use(self, data: MnistData) -> None:
        self.s.data, self.s.data_error = data, None
        self.s.sig_data_changed.emit()

    def _refuse(self, error: BaseException) -> None:
        others = (QCoreApplication.translate(
            "MnistSession", "The Playground and Digits tabs work without it.")
            if shipped_model().is_file() else
            QCoreApplication.translate("MnistSession", "The Playground tab works without it."))
        self.s.data_error = QCoreApplication.translate(
            "MnistSession", "MNIST cannot be read, so this tab cannot train: {0}. {1}").format(
            error_text(error), others)
        self.s.sig_data_changed.emit()
