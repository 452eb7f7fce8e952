"""The "Your code" tab: a learner's own backprop in the template, checked against the playground.

An editor with Python highlighting that starts from the commented template (Open, Save);
*Check* (Ctrl+Return) runs the learner's functions in the sandbox, in the background, and lists
the findings in plain words with the layer and array, marked on a diagram of their network;
*Train with my code* (Ctrl+Shift+Return) trains with their functions (``CodeTraining``), and
what their code prints goes to its console. The checking itself is ``playground.learner.check``;
this widget only shows it.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import (
    QFontDatabase,
    QKeySequence,
    QShortcut,
)
from PySide6.QtWidgets import (
    QBoxLayout,
    QDoubleSpinBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidgetItem,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from playground.gui.background import BackgroundTask
from playground.gui.i18n import say, translate
from playground.gui.recent import RecentFiles
from playground.gui.sessions.base import TrainingSession
from playground.gui.settings import Settings
from playground.gui.widgets.code_diagram import CodeDiagram
from playground.gui.widgets.code_examples import EXAMPLES, Example
from playground.gui.widgets.code_findings import (
    LINE_ROLE,
    NOTE_COLOUR,
    finding_item,
    select_line,
)
from playground.gui.widgets.code_training import CodeTraining
from playground.gui.widgets.common import KeptSplit, fold, is_folded, tip
from playground.gui.widgets.python_highlighter import PythonHighlighter
from playground.gui.widgets.wrapped_list import WrappedList
from playground.learner.check import (
    MAX_TEMPLATE_BYTES,
    TEMPLATE,
    TemplateError,
    check_source,
    in_template,
)
from playground.learner.program_check import network_phrase
from playground.learner.sandbox import DEFAULT_TIMEOUT
from playground.learner.source import READ_ERRORS, read_source, source_bytes
from playground.learner.verdicts import NOTE_KINDS
from playground.paths import resources_dir

CANCEL_SECONDS = 2.0  # a cancelled check's process is ended within a tenth of a second
class CodeTab(QWidget):
    def __init__(self, sessions: Sequence[TrainingSession] = (),
                 settings: Settings | None = None) -> None:
        super().__init__()
        self.setObjectName("codeTab")
        self.path: Path | None = None
        self.task: BackgroundTask | None = None
        self.checked = ("", "")  # the source the last check ran on, and its name
        self.train_next = False  # Train with my code on a program: train when its check ends
        self.editor = QPlainTextEdit()
        self.editor.setObjectName("codeEditor")
        # the system's fixed-width font: "monospace" names one only where fontconfig reads it
        self.editor.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.editor.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)  # code, not prose
        self.editor.setPlainText(TEMPLATE)
        self.example = EXAMPLES[0]
        self.highlighter = PythonHighlighter(self.editor.document())
        self.open_button = tip(QPushButton(self.tr("Open…")),
                               self.tr("Open your own .py file."), "openCode")
        self.save_button = tip(QPushButton(self.tr("Save…")),
                               self.tr("Save the code shown."), "saveCode")
        self.examples_button = tip(QPushButton(self.tr("Examples")),
                                   self.tr("The learners' own networks, as they wrote "
                                           "them and rewritten into the template: check "
                                           "them to see what went wrong."), "codeExamples")
        menu = QMenu(self.examples_button)
        for i, example in enumerate(EXAMPLES):
            if i and example.file and example.file.startswith("as_written/") and \
                    not EXAMPLES[i - 1].file.startswith("as_written/"):
                menu.addSeparator()
            menu.addAction(translate("CodeTab", example.title),
                           partial(self.load_example, example))
        self.examples_button.setMenu(menu)
        self.recent_button = tip(QPushButton(self.tr("Recent")),
                                 self.tr("Your code files opened or saved "
                                         "lately."), "recentCode")
        self.recent = RecentFiles(settings or Settings(None), QMenu(self.recent_button),
                                  lambda p: self.load(Path(p)), key="recent_code")
        self.recent_button.setMenu(self.recent.menu)
        self.check_button = tip(QPushButton(self.tr("Check")),
                                self.tr("Your program as you wrote it: run until it has "
                                        "taken a few training steps, its network found and "
                                        "each update compared with the true gradient. A file "
                                        "in the template: its functions on the playground's "
                                        "weights, every array compared (Ctrl+Return)."),
                                "checkCode")
        self.timeout_spin = tip(QDoubleSpinBox(),
                                self.tr("How long your code may run before the "
                                        "check gives up on it (an endless loop is "
                                        "ended then)."), "codeTimeout")
        self.timeout_spin.setRange(1.0, 600.0)
        self.timeout_spin.setValue(DEFAULT_TIMEOUT)
        self.timeout_spin.setSuffix(self.tr(" s"))
        self.timeout_spin.setDecimals(0)
        self.status = QLabel(self.tr("Check runs your program as you wrote it (or a file in the "
                                     "template) and says what is wrong, in your own names."))
        self.status.setWordWrap(True)
        self.train_button = tip(QPushButton(self.tr("Train with my code")),
                                self.tr("Watch your own code learn, stall or explode, "
                                        "live: your program runs its own loop and the tab "
                                        "follows its weights (a template file: its forward, "
                                        "backward and update) (Ctrl+Shift+Return)."), "trainCode")
        self.findings = WrappedList()
        self.findings.setObjectName("codeFindings")
        self.findings.itemActivated.connect(self.go_to_line)
        self.diagram = CodeDiagram()
        self.training = CodeTraining(sessions)
        self.console = self.training.console  # the check's prints go there too
        self._layout()
        self.open_button.clicked.connect(self.open_dialog)
        self.save_button.clicked.connect(self.save_dialog)
        self.check_button.clicked.connect(self.check)
        self.train_button.clicked.connect(self.train)
        self.train_button.setEnabled(bool(sessions))
        for session in sessions:
            session.sig_code_changed.connect(self._code_changed)
        QShortcut(QKeySequence("Ctrl+Return"), self, self.check)
        QShortcut(QKeySequence("Ctrl+Shift+Return"), self, self.train)

    def _layout(self) -> None:
        buttons = QHBoxLayout()
        for w in (self.open_button, self.save_button, self.recent_button, self.examples_button,
                  self.check_button, self.train_button):
            buttons.addWidget(w)
        buttons.addWidget(QLabel(self.tr("Time limit")))
        buttons.addWidget(self.timeout_spin)
        self._bar = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self._bar.addLayout(buttons)
        self._bar.addWidget(self.status, 1)
        checked = QWidget()
        check_col = QVBoxLayout(checked)
        check_col.setContentsMargins(0, 0, 0, 0)
        check_col.addWidget(self.findings, 1)
        check_col.addWidget(self.diagram)
        self._right = right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(checked)
        right.addWidget(self.training)
        right.setSizes([200, 480])
        self._body = body = QSplitter(Qt.Orientation.Horizontal)
        body.addWidget(self.editor)
        body.addWidget(right)
        self._wide_split = KeptSplit(body, [640, 560], lambda: self.compact)  # editor, results
        col = QVBoxLayout(self)
        col.setContentsMargins(4, 4, 4, 4)
        col.addLayout(self._bar)
        col.addWidget(body, 1)

    def set_compact(self, compact: bool) -> None:
        """A narrow window (``gui/narrow.py``): the message under the buttons, not squeezed
        into a column one word wide beside them, and the editor as wide as the results allow.
        Back to wide, the two are as wide as they were."""
        if compact == self.compact:
            return
        fold(self._bar, compact)
        self.training.set_compact(compact)
        if compact:
            self._body.setSizes([10_000, self._body.widget(1).minimumSizeHint().width()])
        else:
            self._wide_split.restore()

    @property
    def compact(self) -> bool:
        return is_folded(self._bar)

    # ----- files --------------------------------------------------------------------------------
    def open_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open your code"), "",
                                              self.tr("Python (*.py)"))
        if path:
            self.load(Path(path))

    def _read(self, path: Path) -> bool:
        try:
            if path.stat().st_size > MAX_TEMPLATE_BYTES:
                raise OSError(f"over {MAX_TEMPLATE_BYTES // 1000} kB: too large to check")
            self.editor.setPlainText(read_source(path))  # a Notepad BOM, a GBK coding line
        except READ_ERRORS as e:
            self.status.setText(self.tr("Could not open {0}: {1}").format(path.name, e))
            return False
        self.findings.clear()
        self.diagram.clear()
        return True

    def load(self, path: Path) -> bool:
        if not self._read(path):
            return False
        self.path, self.example = path, None
        self.recent.remember(str(path))
        self.status.setText(self.tr("{0}: press Check").format(path.name))
        return True

    @property
    def dataset(self) -> str:
        """Where the check's batch comes from, when its width fits."""
        return self.example.dataset or "xor" if self.example is not None else "xor"

    def load_example(self, example: Example | str | None) -> bool:
        """One of EXAMPLES (or its file name; None: the template) into the editor."""
        if not isinstance(example, Example):
            example = next(e for e in EXAMPLES if e.file == example)
        if example.file is None:
            self.editor.setPlainText(TEMPLATE)
            self.findings.clear()
            self.diagram.clear()
        elif not self._read(resources_dir() / "learners" / example.file):
            return False
        self.path = None  # Save asks where: the shipped file stays as it is
        self.example = example
        title = translate("CodeTab", example.title)
        self.status.setText(self.tr("{0}: press Check").format(title) if example.dataset is None
                            else self.tr("{0}: press Check, then Train with my code")
                            .format(title))
        return True

    def save_dialog(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save your code"), str(self.path or ""),
                                              self.tr("Python (*.py)"))
        if path:
            try:
                Path(path).write_bytes(source_bytes(self.editor.toPlainText()))
                self.path = Path(path)
                self.recent.remember(path)
                self.status.setText(self.tr("Saved {0}").format(Path(path).name))
            except (OSError, UnicodeError, SyntaxError) as e:  # or its coding line cannot hold it
                self.status.setText(self.tr("Could not save {0}: {1}").format(Path(path).name, e))

    # ----- checking -----------------------------------------------------------------------------
    def check(self) -> BackgroundTask | None:
        """Check the code shown, in the background; the findings replace the last ones."""
        if self.task is not None:
            return None  # one check at a time
        source = self.editor.toPlainText()
        name = str(self.path) if self.path else "your code"
        self.checked = (source, name)
        self.check_button.setEnabled(False)
        dataset, timeout = self.dataset, self.timeout_spin.value()
        self.status.setText(self.tr(
            "Checking… (your code runs in a process of its own, {0:g} s at most)").format(timeout))
        self.task = BackgroundTask(lambda progress: check_source(
            source, name, dataset, timeout, cancelled=lambda: not progress(0, 0)), self)
        self.task.sig_done.connect(self._show_result)
        self.task.sig_failed.connect(self._show_error)
        self.task.start()
        return self.task

    def _code_changed(self) -> None:
        """Their code went back to ours: the line that said it trains no longer holds."""
        session = self.sender()
        if session is not None and session.code is None and session is self.training.session:
            self.status.setText(self.tr(
                "Back to the playground's own code: the {0} tab goes on with its backprop.")
                .format(translate("MainWindow", session.TAB_NAME)))

    def shutdown(self) -> None:
        """The window closes: a check under way ends its process (and all it started) at
        once, waited for a moment at most."""
        if self.task is not None:
            self.task.cancel()
            self.task.wait(CANCEL_SECONDS)

    def _finished(self) -> None:
        self.task.deleteLater()
        self.task = None
        self.check_button.setEnabled(True)

    def _show_result(self, result) -> None:  # noqa: ANN001 - a CheckResult
        self._finished()
        self.findings.clear()
        if result.network is not None:
            item = QListWidgetItem(self.tr("your network — {0}").format(
                say(network_phrase(result.network))))
            item.setData(Qt.ItemDataRole.UserRole, "network")
            self.findings.addItem(item)
        for f in result.findings:
            self.findings.addItem(finding_item(f))
        for note in result.notes:
            item = QListWidgetItem(self.tr("note — {0}").format(say(note)))
            item.setData(Qt.ItemDataRole.UserRole, "note")
            item.setForeground(NOTE_COLOUR)
            self.findings.addItem(item)
        self.diagram.show_check(result.constants, result.findings, result.passed,
                                (result.network or {}).get("weights"))
        if result.mode == "as-written":  # read, not trained here: the findings get the room
            total = sum(self._right.sizes())
            self._right.setSizes([total * 2 // 3, total - total * 2 // 3])
        self.console.setPlainText(result.printed)
        self.status.setText(self._verdict(result))
        if self.train_next:
            self.train_next = False
            self._train_program(result)

    def _train_program(self, result) -> None:  # noqa: ANN001 - a CheckResult
        if result.network is None:
            self.status.setText(self.tr("Your program cannot train: the check found no "
                                        "network in it (see the findings)."))
            return
        try:
            started = self.training.train_program(self.checked[0], self.checked[1],
                                                  self.timeout_spin.value(), result)
        except TemplateError as e:
            self.status.setText(self.tr("Your code cannot train: {0}").format(say(e.says)))
            return
        if started:
            self.status.setText(self.tr("Training with your program: the curves follow it "
                                        "here, the boundary in its tab; each epoch is one of "
                                        "its steps."))

    def _verdict(self, result) -> str:  # noqa: ANN001 - a CheckResult
        if not result.passed:
            return self.tr("{0} finding(s): the first is where to look").format(
                len([f for f in result.findings if f.kind not in NOTE_KINDS]))
        if result.mode == "as-written":
            return self.tr("Each update of your program is a step down the gradient.")
        return self.tr("Your backprop agrees with the playground's.")

    def go_to_line(self, item: QListWidgetItem) -> None:
        """A finding's line, shown and selected in the editor."""
        line = item.data(LINE_ROLE)
        if isinstance(line, int):
            select_line(self.editor, line)

    def _show_error(self, error: Exception) -> None:
        self._finished()
        self.train_next = False
        self.findings.clear()
        self.diagram.clear()
        text = say(error.says) if isinstance(error, TemplateError) else \
            self.tr("The check failed: {0}: {1}").format(type(error).__name__, error)
        self.status.setText(text)

    # ----- training -----------------------------------------------------------------------------
    def train(self) -> bool:
        """Train with the code shown in the tab it fits (a program as written: checked first)."""
        name = str(self.path) if self.path else "your code"
        try:
            if not in_template(self.editor.toPlainText(), name):
                self.train_next = self.check() is not None
                if self.train_next:
                    self.status.setText(self.tr("Checking your program first: it trains as "
                                                "soon as its network is found."))
                return self.train_next
            example = self.example or Example("", None)
            started = self.training.train(self.editor.toPlainText(), name,
                                          self.timeout_spin.value(), example.data,
                                          example.config)
        except TemplateError as e:
            self.status.setText(self.tr("Your code cannot train: {0}").format(say(e.says)))
            return False
        if not started:
            return False  # the session said why, in a dialog
        self.status.setText(self.tr(
            "Training with your code: the curves follow it here, the boundary "
            "in its tab."))
        return True
