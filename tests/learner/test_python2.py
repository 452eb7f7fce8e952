"""A learner's Python 2 file made Python 3 on the same lines, with every change listed."""

from __future__ import annotations

import contextlib
import io

import pytest

from playground.learner.python2 import as_python3
from playground.paths import resources_dir

CASES = [  # (Python 2, Python 3, what changed)
    ('print "a"\n', 'print("a")\n', "print statement → print()"),
    ('print "a", b\n', 'print("a", b)\n', "print statement → print()"),
    ('print "a",\n', 'print("a", end=" ")\n', "print statement → print()"),
    ("print\nprint 'a'\n", "print()\nprint('a')\n", "print statement → print()"),
    ("import sys\nprint >>sys.stderr, 'x'\nprint 'y'\n",
     "import sys\nprint('x', file=sys.stderr)\nprint('y')\n",
     "print statement → print()"),
    ("print ('a'), 2\nprint 'b'\n", "print(('a'), 2)\nprint('b')\n", "print statement → print()"),
    ("if True: print 'a'\n", "if True: print('a')\n", "print statement → print()"),
    ("print 'a'  # say it\n", "print('a')  # say it\n", "print statement → print()"),
    ("for i in xrange(3): pass\nprint i\n", "for i in range(3): pass\nprint(i)\n",
     "xrange → range"),
    ("d = {}\nfor k, v in d.iteritems(): pass\nprint d\n",
     "d = {}\nfor k, v in d.items(): pass\nprint(d)\n", ".iteritems() → .items()"),
    ("try:\n    pass\nexcept ValueError, e:\n    print e\n",
     "try:\n    pass\nexcept ValueError as e:\n    print(e)\n", "except E, e → except E as e"),
    ("x = 1/2\nprint x\n", "x = 1//2\nprint(x)\n", "integer division: / → //"),
    ("for i in xrange(3):\n    pass\n", "for i in range(3):\n    pass\n", "xrange → range"),
    ("x = 0777\nprint x\n", "x = 0o777\nprint(x)\n", "0777 → 0o777"),
    ("x = 10L\nprint x\n", "x = 10\nprint(x)\n", "10L → 10"),
    ("if 1 <> 2: print 'a'\n", "if 1 != 2: print('a')\n", "<> → !="),
    ("n = raw_input()\n", "n = input()\n", "raw_input → input"),
]


@pytest.mark.parametrize(("old", "new", "what"), CASES)
def test_each_python2_form_becomes_python3_on_the_same_line(old, new, what):
    converted = as_python3(old)
    assert converted.source == new
    assert what in {c.what for c in converted.changes}
    assert len(converted.source.splitlines()) == len(old.splitlines())


def test_a_python3_file_that_defines_its_own_xrange_keeps_it():
    source = "def xrange(n):\n    return [n]\nfor i in xrange(3):\n    pass\n"
    assert as_python3(source).source == source


def test_a_python3_file_is_left_alone():
    source = "print('a', end='')\nx = 1 / 2\nfor i in range(3):\n    pass\n"
    converted = as_python3(source)
    assert converted.source == source and not converted.changes


def test_a_file_that_is_neither_stays_as_it_was():
    source = "def f(:\n    print 'a'\n"
    converted = as_python3(source)
    assert converted.source == source and not converted.changes


def test_the_changes_name_the_learners_lines_and_the_program_runs_the_same():
    source = ("total = 0\n"
              "for i in xrange(1, 4):\n"
              "    total += i\n"
              "    print i,\n"
              "print\n"
              "print 'total', total\n")
    converted = as_python3(source)
    assert [(c.line, c.what) for c in converted.changes] == [
        (2, "xrange → range"), (4, "print statement → print()"),
        (5, "print statement → print()"), (6, "print statement → print()")]
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(converted.source, "learner.py", "exec"), {})  # noqa: S102 - test input
    assert out.getvalue() == "1 2 3 \ntotal 6\n"


def test_seed_001_as_written_runs_as_python3_and_prints_as_python2_did():
    """The learner's own program (Python 2, as they posted it): every line a change was made
    on is one of theirs, and it runs and prints as it did for them."""
    path = resources_dir() / "learners" / "as_written" / "seed_001.py"
    source = path.read_text(encoding="utf-8")
    converted = as_python3(source)
    assert {c.what for c in converted.changes} == {"xrange → range",
                                                   "print statement → print()"}
    assert [c.line for c in converted.changes] == [20, 27, 32, 36, 37, 41]
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(converted.source, "seed_001.py", "exec"), {"__name__": "__main__"})  # noqa: S102
    lines = out.getvalue().splitlines()
    assert lines[0].startswith("Iteration 1, Error ") and len(lines) >= 3
    assert lines[-2].startswith("1 0.") and lines[-1].startswith("0 0.")  # print "1", then z
