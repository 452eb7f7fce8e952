"""File › Open, Save, Save as and Export, and a model dropped on the window.

``FileActions(window)`` asks for paths, reads an opened model once and routes it: a network of
784 inputs goes to the Digits tab (to read drawings) and to the MNIST tab (to train on), any
other to the Playground. Saving and exporting act on the current tab's session.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QApplication, QCheckBox, QFileDialog

from playground.gui.i18n import error_text, translate
from playground.gui.picture import picture_dialog
from playground.modelfile.save_load import ModelFileError, load_model_with_history

if TYPE_CHECKING:
    from playground.gui.main_window import MainWindow

MODEL_FILTER = "Playground models (*.npz)"
EXPORT_FILES = {"numpy": (".py", "Python scripts (*.py)"),  # format: suffix, file filter
                "onnx": (".onnx", "ONNX models (*.onnx)"),
                "torch": (".py", "Python files (*.py)"), "csv": (".csv", "CSV files (*.csv)")}
MNIST_INPUTS = 784
KEEP_BY_DEFAULT = 50 * 2**20  # the timeline goes into a saved file by default below this


class FileActions(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.w = window

    def open_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self.w, self.tr("Open model"),
                                              self.w.recent.last_dir(), MODEL_FILTER)
        if path:
            self.open_model(path)

    def open_model(self, path: str) -> bool:
        """The model at ``path``, read once: one of 784 inputs goes to the Digits and MNIST
        tabs, any other to the Playground; a file that cannot be read is said and changes
        nothing."""
        try:
            net, history = load_model_with_history(path)
        except ModelFileError as e:
            self.w.show_error(error_text(e))
            return False
        w = self.w
        if net.input_dim == MNIST_INPUTS:
            if not w.digits_panel.use(net.clone(), Path(path)):
                return False
            w.tabs.setCurrentWidget(w.digits_panel)
            w.recent.remember(path)
            QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
            try:
                w.mnist_session.files.opened(net, history, path)  # to train on from there
            finally:
                QApplication.restoreOverrideCursor()
            return True
        ok = w.session.files.opened(net, history, path)
        if ok:
            w.recent.remember(path)
            w.set_title()
        return ok

    def save(self) -> bool:
        session = self.w.current_session()
        if session.model_path is None:
            return self.save_as()
        return session.files.save(session.model_path)

    def save_as(self) -> bool:
        session = self.w.current_session()
        path, keep = self._save_dialog(session)
        if not path:
            return False
        if not path.lower().endswith(".npz"):  # MODEL.NPZ on Windows is already one
            path += ".npz"
        ok = session.files.save(path, keep)
        if ok:
            self.w.recent.remember(path)
            self.w.set_title()
        return ok

    def _save_dialog(self, session: object) -> tuple[str, bool | None]:
        """The path to save to, and whether the timeline's networks go with it (asked only
        when there is a timeline: Qt's own dialog then, which can hold the question)."""
        states = session.timeline.states
        if len(states) < 2:
            path, _ = QFileDialog.getSaveFileName(self.w, self.tr("Save model"),
                                                  self.w.recent.last_dir(), MODEL_FILTER)
            return path, None
        dialog = QFileDialog(self.w, self.tr("Save model"), self.w.recent.last_dir(),
                             MODEL_FILTER)
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
        keep = QCheckBox(self.tr("Keep the timeline: every kept epoch's network ({0:.1f} MB), "
                                 "to replay and go on from after opening").format(
                                     states.nbytes / 2**20))
        keep.setObjectName("keepTimelineCheck")
        keep.setChecked(session.files.keep_states and states.nbytes < KEEP_BY_DEFAULT)
        dialog.layout().addWidget(keep, dialog.layout().rowCount(), 0, 1, -1)
        if not dialog.exec() or not dialog.selectedFiles():
            return "", None
        return dialog.selectedFiles()[0], keep.isChecked()

    def export_picture(self, view: str) -> bool:
        """A picture of one of the current tab's views, to a file the user picks."""
        w = self.w
        on_mnist = w.current_session() is w.mnist_session
        widgets = {"boundary": (w.boundary_plot, "decision boundary"),
                   "loss": (w.mnist_panel.loss_plot if on_mnist else w.loss_plot, "loss plot"),
                   "diagram": (w.network_view, "network diagram")}
        widget, name = widgets[view]
        if on_mnist and view != "loss":
            w.show_error(self.tr("The MNIST tab has no {0}: it is the Playground tab's.").format(
                translate("Picture", name)))
            return False
        try:
            return picture_dialog(widget, name) is not None
        except (OSError, ValueError) as e:
            w.show_error(self.tr("Could not save the picture: {0}").format(e))
            return False

    def export_dialog(self, fmt: str) -> bool:
        """Export the current tab's network as ``fmt`` to a file the user picks."""
        suffix, name = EXPORT_FILES[fmt]
        path, _ = QFileDialog.getSaveFileName(self.w, self.tr("Export"),
                                              self.w.recent.last_dir(), name)
        if not path:
            return False
        if not path.endswith(suffix):
            path += suffix
        return self.w.current_session().files.export(fmt, path)

    @staticmethod
    def droppable(path: str) -> bool:
        """Whether a file dragged over the window is a model it can open."""
        return path.lower().endswith(".npz")
