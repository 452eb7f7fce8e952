"""The "Your code" tab: a learner's own backprop in the template, checked against the playground.

An editor with Python highlighting that starts from the commented template (Open, Save);
*Check* (Ctrl+Return) runs the learner's functions in the sandbox, in the background, and lists
the findings in plain words with the layer and array, marked on a diagram of their network;
*Train with my code* (Ctrl+Shift+Return) trains with their functions (``CodeTraining``), and
what their code prints goes to its console. The checking itself is ``playground.learner.check``;
this widget only shows it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QKeySequence,
    QShortcut,
    QSyntaxHighlighter,
    QTextCharFormat,
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

from playground.data.prepare import DataSpec
from playground.gui.background import BackgroundTask
from playground.gui.i18n import say, translate
from playground.gui.recent import RecentFiles
from playground.gui.sessions.base import TrainingSession
from playground.gui.settings import Settings
from playground.gui.widgets.code_diagram import CodeDiagram
from playground.gui.widgets.code_training import CodeTraining
from playground.gui.widgets.common import KeptSplit, fold, is_folded, tip
from playground.gui.widgets.wrapped_list import WrappedList
from playground.learner.check import MAX_TEMPLATE_BYTES, TEMPLATE, TemplateError, check_source
from playground.learner.sandbox import DEFAULT_TIMEOUT
from playground.learner.source import READ_ERRORS, read_source, source_bytes
from playground.paths import resources_dir
from playground.teach.lab import XOR_LR

OK_COLOUR, BAD_COLOUR, NOTE_COLOUR = QColor(27, 127, 59), QColor(176, 0, 32), QColor(150, 90, 0)
CANCEL_SECONDS = 2.0  # a cancelled check's process is ended within a tenth of a second
# the learners' own networks, rewritten into the template (resources/learners/)
@dataclass(frozen=True)
class Example:
    """A learner's file (None: the template) and what it learns from: ``dataset`` for the
    check's batch, ``data`` and ``config`` for training in the Playground tab (their own tiny
    set and settings; None: the tab's data as it is)."""

    title: str
    file: str | None
    dataset: str = "xor"
    data: DataSpec | None = None
    config: dict = field(default_factory=dict)


EXAMPLES = (
    Example("A correct network (the template)", None),
    Example("“My MNIST network's outputs all drop to zero”", "mnist_outputs_collapse.py",
            "mnist"),
    Example("“Two neurons cannot learn 0 → 0 and 1 → 1”", "two_neurons_no_bias.py", "identity",
            DataSpec("identity", features=("x1",)), {"lr": 10.0, "batch_size": 2}),
    Example("“My network learns OR but rarely AND or XOR”", "xor_wrong_derivative.py",
            "xor-gate", DataSpec("xor-gate"), {"lr": XOR_LR, "batch_size": 4}),
)


def _format(colour: str, bold: bool = False, italic: bool = False) -> QTextCharFormat:
    f = QTextCharFormat()
    f.setForeground(QColor(colour))
    if bold:
        f.setFontWeight(QFont.Weight.Bold)
    f.setFontItalic(italic)
    return f


class PythonHighlighter(QSyntaxHighlighter):
    """Keywords, strings, numbers and comments, line by line (enough for a short script)."""

    RULES = (
        (re.compile(r"\b(def|return|for|in|if|elif|else|while|import|from|as|and|or|not|"
                    r"None|True|False|lambda|class|with|try|except|raise|pass)\b"),
         _format("#0b3d91", bold=True)),
        (re.compile(r"\b\d+(\.\d*)?([eE][-+]?\d+)?\b"), _format("#8a3ffc")),
        (re.compile(r"(\"[^\"]*\"|'[^']*')"), _format("#1b7f3b")),
        (re.compile(r"#.*$"), _format("#777777", italic=True)),
    )

    DOCSTRING = _format("#1b7f3b", italic=True)
    IN_DOCSTRING = 1  # the block state of a line inside a triple-quoted string

    def highlightBlock(self, text: str) -> None:  # noqa: N802 - Qt override
        for pattern, fmt in self.RULES:
            for match in pattern.finditer(text):
                self.setFormat(match.start(), match.end() - match.start(), fmt)
        self._docstrings(text)

    def _docstrings(self, text: str) -> None:
        """Triple-quoted strings over several lines (an apostrophe inside is not a string)."""
        start = 0 if self.previousBlockState() == self.IN_DOCSTRING else text.find('"""')
        self.setCurrentBlockState(0)
        while start >= 0:
            skip = 0 if start == 0 and self.previousBlockState() == self.IN_DOCSTRING else 3
            end = text.find('"""', start + skip)
            if end < 0:
                self.setFormat(start, len(text) - start, self.DOCSTRING)
                self.setCurrentBlockState(self.IN_DOCSTRING)
                return
            self.setFormat(start, end + 3 - start, self.DOCSTRING)
            start = text.find('"""', end + 3)


class CodeTab(QWidget):
    def __init__(self, sessions: Sequence[TrainingSession] = (),
                 settings: Settings | None = None) -> None:
        super().__init__()
        self.setObjectName("codeTab")
        self.path: Path | None = None
        self.task: BackgroundTask | None = None
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
                                   self.tr("The learners' own networks, rewritten "
                                           "into the template: check them to see "
                                           "what went wrong."), "codeExamples")
        menu = QMenu(self.examples_button)
        for example in EXAMPLES:
            menu.addAction(example.title, partial(self.load_example, example))
        self.examples_button.setMenu(menu)
        self.recent_button = tip(QPushButton(self.tr("Recent")),
                                 self.tr("Your code files opened or saved "
                                         "lately."), "recentCode")
        self.recent = RecentFiles(settings or Settings(None), QMenu(self.recent_button),
                                  lambda p: self.load(Path(p)), key="recent_code")
        self.recent_button.setMenu(self.recent.menu)
        self.check_button = tip(QPushButton(self.tr("Check")),
                                self.tr("Run your forward, backward and update on "
                                        "the playground's weights and compare every array "
                                        "(Ctrl+Return)."), "checkCode")
        self.timeout_spin = tip(QDoubleSpinBox(),
                                self.tr("How long your code may run before the "
                                        "check gives up on it (an endless loop is "
                                        "ended then)."), "codeTimeout")
        self.timeout_spin.setRange(1.0, 600.0)
        self.timeout_spin.setValue(DEFAULT_TIMEOUT)
        self.timeout_spin.setSuffix(self.tr(" s"))
        self.timeout_spin.setDecimals(0)
        self.status = QLabel(self.tr("Check compares your code with the playground's own network."))
        self.status.setWordWrap(True)
        self.train_button = tip(QPushButton(self.tr("Train with my code")),
                                self.tr("Train the network with your forward, "
                                        "backward and update, live: watch your own "
                                        "code learn, stall or explode "
                                        "(Ctrl+Shift+Return)."), "trainCode")
        self.findings = WrappedList()
        self.findings.setObjectName("codeFindings")
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
        right = QSplitter(Qt.Orientation.Vertical)
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
                raise OSError(f"over {MAX_TEMPLATE_BYTES // 1000} kB: not a template file")
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
        return self.example.dataset if self.example is not None else "xor"

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
        self.status.setText(self.tr(
            "{0}: press Check, then Train with my code").format(example.title))
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
        for f in result.findings:
            where = "" if f.layer is None else self.tr("layer {0}, {1}: ").format(f.layer, f.array)
            item = QListWidgetItem(f"{f.kind} — {where}{say(f.says)}")
            item.setData(Qt.ItemDataRole.UserRole, f.kind)
            item.setForeground(OK_COLOUR if f.kind == "ok" else BAD_COLOUR)
            self.findings.addItem(item)
        for note in result.notes:
            item = QListWidgetItem(self.tr("note — {0}").format(say(note)))
            item.setData(Qt.ItemDataRole.UserRole, "note")
            item.setForeground(NOTE_COLOUR)
            self.findings.addItem(item)
        self.diagram.show_check(result.constants, result.findings)
        self.console.setPlainText(result.printed)
        self.status.setText(self.tr("Your backprop agrees with the playground's.") if result.passed
                            else self.tr("{0} finding(s): the first is where to look").format(
                                len(result.findings)))

    def _show_error(self, error: Exception) -> None:
        self._finished()
        self.findings.clear()
        self.diagram.clear()
        text = say(error.says) if isinstance(error, TemplateError) else \
            self.tr("The check failed: {0}: {1}").format(type(error).__name__, error)
        self.status.setText(text)

    # ----- training -----------------------------------------------------------------------------
    def train(self) -> bool:
        """Train with the code shown, in the tab whose data fits its LAYERS."""
        name = str(self.path) if self.path else "your code"
        try:
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
