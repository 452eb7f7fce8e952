"""A session's model and its files: opened, saved as a model file, or exported.

``ModelFiles(session)`` writes the weights on display (training goes on meanwhile) with the
architecture, the settings, the latest metrics and what the tab adds (``file_metadata``: the
Playground's data and points); ``open`` reads a model file once and hands the network to the
tab's own ``open_network``, which replaces its network and data. The texts keep the session's
translation context.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from playground.experiment import config_to_json
from playground.gui.i18n import error_text
from playground.modelfile.save_load import ModelFileError, load_model, save_model

if TYPE_CHECKING:
    from playground.gui.sessions.base import TrainingSession



class ModelFiles:
    def __init__(self, session: TrainingSession) -> None:
        self.s = session

    def open(self, path: str | Path) -> bool:
        """The model at ``path`` as the tab's network (``open_network``); a file that cannot
        be read is said and changes nothing."""
        try:
            net = load_model(path)
        except ModelFileError as e:
            self.s.sig_error.emit(error_text(e))
            return False
        return self.s.open_network(net, path)

    def save(self, path: str | Path) -> bool:
        """Save the weights on display; False, with a message, on failure."""
        s = self.s
        net = s.displayed_network()
        try:
            save_model(net, path, arch=s.arch.to_json(), training=config_to_json(s.config),
                       metrics=s.history.latest_metrics(), **s.file_metadata())
        except (OSError, ValueError) as e:
            s.sig_error.emit(QCoreApplication.translate(
                "TrainingSession", "Could not save {0}: {1}").format(Path(path).name, e))
            return False
        s.model_path = Path(path)
        s.sig_status.emit(QCoreApplication.translate(
            "TrainingSession", "Saved {0}").format(Path(path).name))
        return True

    def export(self, fmt: str, path: str | Path) -> bool:
        """The weights on display, with what they were trained on and how, written out as
        ``fmt`` (``playground.export``); False, with a message, when that fails."""
        from playground.export import export_model

        s = self.s
        net = s.displayed_network()
        net.metadata = {"training": config_to_json(s.config),
                        "metrics": s.history.latest_metrics(), **s.file_metadata()}
        try:
            export_model(net, fmt, path)
        except (OSError, ValueError) as e:
            s.sig_error.emit(QCoreApplication.translate(
                "TrainingSession", "Could not export {0}: {1}").format(Path(path).name, e))
            return False
        s.sig_status.emit(QCoreApplication.translate(
            "TrainingSession", "Exported {0}").format(Path(path).name))
        return True
