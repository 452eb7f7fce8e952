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
from playground.modelfile.history import SavedHistory
from playground.modelfile.save_load import ModelFileError, load_model_with_history, save_model
from playground.nn import Network

if TYPE_CHECKING:
    from playground.gui.sessions.base import TrainingSession



class ModelFiles:
    def __init__(self, session: TrainingSession) -> None:
        self.s = session
        self.keep_states = True  # the timeline's networks go into the file (the Save dialog's)

    def open(self, path: str | Path) -> bool:
        """The model at ``path`` as the tab's network (``open_network``); a file that cannot
        be read is said and changes nothing."""
        try:
            net, history = load_model_with_history(path)
        except ModelFileError as e:
            self.s.sig_error.emit(error_text(e))
            return False
        return self.opened(net, history, path)

    def opened(self, net: Network, history: SavedHistory | None, path: str | Path) -> bool:
        """A model read from ``path`` becomes the tab's, with the run it keeps (if any)."""
        ok = self.s.open_network(net, path)
        if ok and history is not None:
            self.s.timeline.restore(history)
        return ok

    def save(self, path: str | Path, keep_states: bool | None = None) -> bool:
        """Save the weights on display with the run's curves and marks, and (``keep_states``;
        None: as the last save chose) the timeline's networks; False, with a message, on
        failure."""
        s = self.s
        if keep_states is not None:
            self.keep_states = keep_states
        net = s.displayed_network()
        history = s.timeline.saved(self.keep_states)
        try:
            save_model(net, path, history, arch=s.arch.to_json(),
                       training=config_to_json(s.config),
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
