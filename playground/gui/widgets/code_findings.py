"""The Your code tab's findings: one list entry each (its kind, its sentence, its colour, and
for a program as written the line it names), and a line of the editor selected to show it."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor, QTextCursor
from PySide6.QtWidgets import QListWidgetItem, QPlainTextEdit

from playground.gui.i18n import say
from playground.learner.compare import CodeFinding
from playground.learner.verdicts import NOTE_KINDS

OK_COLOUR, BAD_COLOUR, NOTE_COLOUR = QColor(27, 127, 59), QColor(176, 0, 32), QColor(150, 90, 0)
LINE_ROLE = Qt.ItemDataRole.UserRole + 1  # a finding's line in their file


def finding_item(f: CodeFinding) -> QListWidgetItem:
    """``f`` as an entry: "kind — sentence", its kind under UserRole, its line under
    LINE_ROLE (the texts keep the tab's translation context)."""
    where = "" if f.layer is None or f.line is not None else QCoreApplication.translate(
        "CodeTab", "layer {0}, {1}: ").format(f.layer, f.array)
    item = QListWidgetItem(f"{f.kind} — {where}{say(f.says)}")
    item.setData(Qt.ItemDataRole.UserRole, f.kind)
    item.setForeground(OK_COLOUR if f.kind == "ok" else
                       NOTE_COLOUR if f.kind in NOTE_KINDS else BAD_COLOUR)
    if f.line is not None:
        item.setData(LINE_ROLE, f.line)
        item.setToolTip(QCoreApplication.translate(
            "CodeTab", "Double-click to go to line {0}").format(f.line))
    return item


def select_line(editor: QPlainTextEdit, line: int) -> None:
    """Line ``line`` (from 1) selected, centred, seen from its start, the editor focused."""
    cursor = QTextCursor(editor.document().findBlockByNumber(line - 1))
    cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
    cursor.movePosition(QTextCursor.MoveOperation.StartOfBlock, QTextCursor.MoveMode.KeepAnchor)
    editor.setTextCursor(cursor)
    editor.centerCursor()
    editor.horizontalScrollBar().setValue(0)
    editor.setFocus()
