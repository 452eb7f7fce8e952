"""The Your code tab's training pane: the learner's file driving a session's training, live.

*Train with my code* hands the file to the session whose data fits its first layer (the
Playground's points, or MNIST's 784 pixels) and starts it; this pane follows that session: its
epoch, loss and accuracy, its loss curves (a ``LossPlot`` of the session), and what the learner's
code prints. The session's own tab shows the boundary and the health monitor; *Show the
boundary* goes there.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from playground.data.prepare import DataSpec
from playground.gui.sessions.base import TrainingSession
from playground.gui.widgets.common import tip
from playground.gui.widgets.loss_plot import LossPlot
from playground.learner.check import TemplateError, read_template
from playground.learner.program_check import loss_of

CONSOLE_LINES = 5000


class CodeTraining(QGroupBox):
    sig_show = Signal(object)  # the session whose tab should be shown

    def __init__(self, sessions: Sequence[TrainingSession]) -> None:
        super().__init__(QCoreApplication.translate("CodeTraining", "Training with your code"))
        self.setObjectName("codeTraining")
        self.sessions = list(sessions)
        self.session: TrainingSession | None = None  # the one training with the code
        self.plot: LossPlot | None = None
        self.status = QLabel(self.tr(
            "Train with my code: your program's own loop (or your template's forward, backward "
            "and update) trains the network, and you watch it learn or fail."))
        self.status.setWordWrap(True)
        self.status.setObjectName("codeTrainingStatus")
        self.pause_button = tip(QPushButton(self.tr("Pause")),
                                self.tr("Pause, resume or train again."),
                                        "pauseCode")
        self.show_button = tip(QPushButton(self.tr("Show the boundary")),
                               self.tr("Go to the tab that trains "
                                       "with your code: the boundary, the diagram and the health "
                                       "monitor follow it there."), "showCodeTab")
        self.drop_button = tip(QPushButton(self.tr("Back to the playground's code")),
                               self.tr("Train this "
                                       "network with the playground's own backprop from here on."),
                                       "dropCode")
        self.console = QPlainTextEdit()
        self.console.setObjectName("codeConsole")
        self.console.setReadOnly(True)
        self.console.setMaximumBlockCount(CONSOLE_LINES)
        self.console.setPlaceholderText(self.tr("What your code prints shows here."))
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(QWidget())  # the loss plot's place
        self.splitter.addWidget(self.console)
        self._layout()
        self.pause_button.clicked.connect(self._toggle)
        self.show_button.clicked.connect(lambda: self.sig_show.emit(self.session))
        self.drop_button.clicked.connect(self._drop)
        for s in self.sessions:
            s.sig_printed.connect(self._printed)
            s.sig_state_changed.connect(self._show_state)
            s.sig_frame.connect(self._show_epoch)
            s.sig_code_changed.connect(self._show_state)
        self._show_state()

    def _layout(self) -> None:
        self._buttons = QGridLayout()
        self._buttons.setColumnStretch(3, 1)
        self.set_compact(False)
        col = QVBoxLayout(self)
        col.setContentsMargins(6, 6, 6, 6)
        col.addWidget(self.status)
        col.addLayout(self._buttons)
        col.addWidget(self.splitter, 1)

    def set_compact(self, compact: bool) -> None:
        """The buttons in one row, or (a narrow window) the longest under the other two, so
        the editor beside this box keeps ~460 px at 1024 px with a dock."""
        self._buttons.addWidget(self.pause_button, 0, 0)
        self._buttons.addWidget(self.show_button, 0, 1)
        self._buttons.addWidget(self.drop_button, *((1, 0, 1, 2) if compact else (0, 2)))

    # ----- what the tab asks ----------------------------------------------------------------------
    def session_for(self, source: str, name: str,
                    data: DataSpec | None = None) -> TrainingSession:
        """The session whose inputs are as wide as the file's first layer (the Playground's
        with ``data`` when that is given: an example's own set); TemplateError saying which
        widths there are when none is."""
        code = read_template(source, name)
        if data is not None:
            self.sessions[0].set_data_spec(data)
        for s in self.sessions:
            if s.input_dim == code.layers[0]:
                return s
        widths = " / ".join(f"{s.input_dim} ({s.TAB_NAME})" for s in self.sessions)
        raise TemplateError(QCoreApplication.translate(
            "CodeTraining", "LAYERS starts with {0} inputs; the tabs that train have {1}").format(
                code.layers[0], widths))

    def train_program(self, source: str, name: str, timeout: float, result) -> bool:  # noqa: ANN001
        """Train with a program as written in the tab whose inputs are as wide as the network
        the check found in it (``result``); TemplateError saying which widths there are when
        no tab's are, False when the session refuses it (it says why)."""
        layers = result.network["layers"]
        session = next((s for s in self.sessions if s.input_dim == layers[0]), None)
        if session is None:
            widths = " / ".join(f"{s.input_dim} ({s.TAB_NAME})" for s in self.sessions)
            raise TemplateError(QCoreApplication.translate(
                "CodeTraining", "your program's network has {0} inputs; the tabs that train have "
                "{1}").format(layers[0], widths))
        self._drop_others(session)
        if not session.code_mode.use_program(source, name, result.network, loss_of(result),
                                             timeout):
            return False
        self._start(session)
        return True

    def _drop_others(self, session: TrainingSession) -> None:
        for other in self.sessions:
            if other is not session:
                other.code_mode.drop()

    def _start(self, session: TrainingSession) -> None:
        self._follow(session)
        self.console.clear()
        session.start()

    def train(self, source: str, name: str, timeout: float, data: DataSpec | None = None,
              config: dict | None = None) -> bool:
        """Train with the file in the session it fits (an example's ``data`` and ``config``
        set first); TemplateError when no tab fits it, False when the session refuses it (it
        says why)."""
        session = self.session_for(source, name, data)
        self._drop_others(session)
        if not session.code_mode.use(source, name, timeout):
            return False
        if config:
            session.set_config(**config)
        self._start(session)
        return True

    def _follow(self, session: TrainingSession) -> None:
        if session is self.session:
            return
        self.session = session
        plot = LossPlot(session)
        plot.setMinimumHeight(200)  # below that the accuracy axis's labels crowd (at 1024 px
        # with a dock the box is 385 px tall at the least: 230 made the page scroll 23 px)
        old = self.splitter.replaceWidget(0, plot)
        if old is not None:
            old.deleteLater()
        self.plot = plot
        self.splitter.setSizes([300, 100])

    # ----- what the session says ------------------------------------------------------------------
    def _printed(self, text: str) -> None:
        if self.sender() is self.session:
            self.console.moveCursor(self.console.textCursor().MoveOperation.End)
            self.console.insertPlainText(text)
            self.console.ensureCursorVisible()

    def _active(self) -> bool:
        return self.session is not None and self.session.code is not None

    def _show_state(self) -> None:
        active = self._active()
        for w in (self.pause_button, self.show_button, self.drop_button):
            w.setEnabled(active)
        if not active:
            if self.session is not None:
                self.status.setText(self.tr(
                    "Not training with your code: press Train with my code."))
            return
        state = self.session.state
        self.pause_button.setText({"running": self.tr("Pause"), "paused": self.tr("Resume")}.get(
            state, self.tr("Train")))
        self._show_epoch()

    def _show_epoch(self) -> None:
        if not self._active() or self.sender() not in (None, self.session, self):
            return
        s = self.session
        metrics = s.history.latest_metrics()
        name = self.session.code.filename.rsplit("/", 1)[-1]
        parts = [self.tr("{0} training in the {1} tab").format(name, s.TAB_NAME),
                 self.tr("epoch {0}").format(s.epoch)]
        if metrics.get("train_loss") is not None:
            parts.append(self.tr("loss {0:.4g}").format(metrics["train_loss"]))
        if metrics.get("train_accuracy") is not None:
            parts.append(self.tr("accuracy {0:.1%}").format(metrics["train_accuracy"]))
        state = {"running": "", "paused": self.tr(" (paused)"),
                 "idle": self.tr(" (stopped)")}[s.state]
        self.status.setText(" · ".join(parts) + state)

    def _toggle(self) -> None:
        if self._active():
            self.session.runner.toggle()

    def _drop(self) -> None:
        if self.session is not None:
            self.session.code_mode.drop()
