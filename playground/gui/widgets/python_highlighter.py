"""Python in the Your code tab's editor, coloured: keywords, strings, numbers, comments and
docstrings over several lines (enough for a learner's script)."""

from __future__ import annotations

import re

from PySide6.QtGui import QColor, QFont, QSyntaxHighlighter, QTextCharFormat


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
