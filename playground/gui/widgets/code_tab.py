"""The "Your code" tab: a learner's own backprop in the template, checked against the playground.

An editor with Python highlighting that starts from the commented template (Open, Save);
*Check* (Ctrl+Return) runs the learner's functions in the sandbox, in the background, and lists
the findings in plain words with the layer and array; what their code printed goes to a console
pane. The checking itself is ``playground.code_check``; this widget only shows it.
"""

from __future__ import annotations

import re
from functools import partial
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QKeySequence,
    QShortcut,
    QSyntaxHighlighter,
    QTextCharFormat,
)
from PySide6.QtWidgets import (
    QDoubleSpinBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from playground.code_check import TEMPLATE, TemplateError, check_source
from playground.gui.background import BackgroundTask
from playground.gui.widgets.common import tip
from playground.paths import resources_dir
from playground.run.sandbox import DEFAULT_TIMEOUT

OK_COLOUR, BAD_COLOUR = QColor(27, 127, 59), QColor(176, 0, 32)
# the learners' own networks, rewritten into the template (resources/learners/)
EXAMPLES = (("A correct network (the template)", None),
            ("“My MNIST network's outputs all drop to zero”", "mnist_outputs_collapse.py"),
            ("“My network learns OR but rarely AND or XOR”", "xor_wrong_derivative.py"))


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
    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("codeTab")
        self.path: Path | None = None
        self.dataset = "xor"  # where the check's batch comes from, when its width fits
        self.task: BackgroundTask | None = None
        self.editor = QPlainTextEdit()
        self.editor.setObjectName("codeEditor")
        self.editor.setFont(QFont("monospace"))
        self.editor.setPlainText(TEMPLATE)
        self.highlighter = PythonHighlighter(self.editor.document())
        self.open_button = tip(QPushButton("Open…"), "Open your own .py file.", "openCode")
        self.save_button = tip(QPushButton("Save…"), "Save the code shown.", "saveCode")
        self.examples_button = tip(QPushButton("Examples"), "The learners' own networks, "
                                   "rewritten into the template: check them to see what went "
                                   "wrong.", "codeExamples")
        menu = QMenu(self.examples_button)
        for title, name in EXAMPLES:
            menu.addAction(title, partial(self.load_example, name))
        self.examples_button.setMenu(menu)
        self.check_button = tip(QPushButton("Check"), "Run your forward, backward and update on "
                                "the playground's weights and compare every array "
                                "(Ctrl+Return).", "checkCode")
        self.timeout_spin = tip(QDoubleSpinBox(), "How long your code may run before the check "
                                "gives up on it (an endless loop is ended then).", "codeTimeout")
        self.timeout_spin.setRange(1.0, 600.0)
        self.timeout_spin.setValue(DEFAULT_TIMEOUT)
        self.timeout_spin.setSuffix(" s")
        self.status = QLabel("Check compares your code with the playground's own network.")
        self.status.setWordWrap(True)
        self.findings = QListWidget()
        self.findings.setObjectName("codeFindings")
        self.findings.setWordWrap(True)
        self.console = QPlainTextEdit()
        self.console.setObjectName("codeConsole")
        self.console.setReadOnly(True)
        self.console.setPlaceholderText("What your code prints shows here.")
        self._layout()
        self.open_button.clicked.connect(self.open_dialog)
        self.save_button.clicked.connect(self.save_dialog)
        self.check_button.clicked.connect(self.check)
        QShortcut(QKeySequence("Ctrl+Return"), self, self.check)

    def _layout(self) -> None:
        bar = QHBoxLayout()
        for w in (self.open_button, self.save_button, self.examples_button, self.check_button):
            bar.addWidget(w)
        bar.addWidget(QLabel("Time limit"))
        bar.addWidget(self.timeout_spin)
        bar.addWidget(self.status, 1)
        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(self.findings)
        right.addWidget(self.console)
        body = QSplitter(Qt.Orientation.Horizontal)
        body.addWidget(self.editor)
        body.addWidget(right)
        body.setSizes([700, 500])
        col = QVBoxLayout(self)
        col.setContentsMargins(4, 4, 4, 4)
        col.addLayout(bar)
        col.addWidget(body, 1)

    # ----- files --------------------------------------------------------------------------------
    def open_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Open your code", "", "Python (*.py)")
        if path:
            self.load(Path(path))

    def load(self, path: Path) -> bool:
        try:
            self.editor.setPlainText(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError) as e:
            self.status.setText(f"Could not open {path.name}: {e}")
            return False
        self.path = path
        self.status.setText(f"{path.name}: press Check")
        return True

    def load_example(self, name: str | None) -> None:
        """One of EXAMPLES into the editor (None: the template); the MNIST one checks on MNIST."""
        if name is None:
            self.editor.setPlainText(TEMPLATE)
            self.path = None
            self.status.setText("The template: a correct network. Press Check.")
        elif self.load(resources_dir() / "learners" / name):
            self.path = None  # Save asks where: the shipped file stays as it is
        self.dataset = "mnist" if name == "mnist_outputs_collapse.py" else "xor"

    def save_dialog(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, "Save your code", str(self.path or ""),
                                              "Python (*.py)")
        if path:
            try:
                Path(path).write_text(self.editor.toPlainText(), encoding="utf-8")
                self.path = Path(path)
                self.status.setText(f"Saved {Path(path).name}")
            except OSError as e:
                self.status.setText(f"Could not save {Path(path).name}: {e}")

    # ----- checking -----------------------------------------------------------------------------
    def check(self) -> BackgroundTask | None:
        """Check the code shown, in the background; the findings replace the last ones."""
        if self.task is not None:
            return None  # one check at a time
        source = self.editor.toPlainText()
        name = str(self.path) if self.path else "your code"
        self.check_button.setEnabled(False)
        dataset, timeout = self.dataset, self.timeout_spin.value()
        self.status.setText(f"Checking… (your code runs in a process of its own, {timeout:g} s "
                            "at most)")
        self.task = BackgroundTask(lambda progress: check_source(source, name, dataset, timeout),
                                   self)
        self.task.sig_done.connect(self._show_result)
        self.task.sig_failed.connect(self._show_error)
        self.task.start()
        return self.task

    def _finished(self) -> None:
        self.task.deleteLater()
        self.task = None
        self.check_button.setEnabled(True)

    def _show_result(self, result) -> None:  # noqa: ANN001 - a CheckResult
        self._finished()
        self.findings.clear()
        for f in result.findings:
            where = "" if f.layer is None else f"layer {f.layer}, {f.array}: "
            item = QListWidgetItem(f"{f.kind} — {where}{f.message}")
            item.setData(Qt.ItemDataRole.UserRole, f.kind)
            item.setForeground(OK_COLOUR if f.kind == "ok" else BAD_COLOUR)
            self.findings.addItem(item)
        self.console.setPlainText(result.printed)
        self.status.setText("Your backprop agrees with the playground's." if result.passed
                            else f"{len(result.findings)} finding(s): the first is where to look")

    def _show_error(self, error: Exception) -> None:
        self._finished()
        self.findings.clear()
        text = str(error) if isinstance(error, TemplateError) else \
            f"The check failed: {type(error).__name__}: {error}"
        self.status.setText(text)
