"""A findings list whose entries wrap in Chinese too (they were cut off with an ellipsis)."""

from __future__ import annotations

from PySide6.QtWidgets import QListWidgetItem

from playground.gui.widgets.wrapped_list import WrappedList

LONG_ZH = ("提示 — python2：你的文件是 Python 2；检查时按 Python 3 运行，改动都在你自己的那一行上："
           "line 28: print statement → print(); line 32: xrange → range")


def test_a_long_entry_is_as_tall_as_its_wrapped_lines_and_follows_the_width(qtbot):
    box = WrappedList()
    qtbot.addWidget(box)
    box.resize(300, 200)
    box.show()
    box.addItem(QListWidgetItem("ok"))
    box.addItem(QListWidgetItem(LONG_ZH))
    one_line = box.item(0).sizeHint().height()
    narrow = box.item(1).sizeHint().height()
    assert narrow >= 3 * (one_line - 6)  # three lines or more at 300 px
    box.resize(1200, 200)
    qtbot.waitUntil(lambda: box.item(1).sizeHint().height() < narrow)
