"""Teaching content: the bug lab, the lessons, one step's numbers as text. Qt-free."""
