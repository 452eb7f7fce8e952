"""A learner's Python 2 file made Python 3, line for line, with every change listed. Qt-free.

Many learners' programs come from Python 2 tutorials (seed 001 is one: ``print "..."`` and
``xrange``). ``as_python3(source)`` leaves a file that compiles as Python 3 alone; otherwise it
rewrites, token by token and on the same lines (so that every line number still names the
learner's own line):

- ``print x, y`` → ``print(x, y)``; a trailing comma → ``end=" "``; ``print >>f, x`` →
  ``print(x, file=f)``; a bare ``print`` → ``print()``;
- ``xrange`` → ``range``, ``raw_input`` → ``input``, ``unicode`` → ``str``, ``.iteritems()`` and
  its kin → ``.items()``, ``.has_key(k)`` is left for the learner (it is listed, not guessed);
- ``except E, e:`` → ``except E as e:``; ``<>`` → ``!=``; ``0777`` → ``0o777``; ``10L`` → ``10``;
- ``1/2`` between two whole-number literals → ``1//2`` (Python 2 floored it); any other ``/``
  stays: its operands' types are known only when it runs.

The result says what changed at which line; when the rewritten file still does not compile, it
is returned unchanged (its error is the learner's to read).
"""

from __future__ import annotations

import io
import re
import tokenize
from dataclasses import dataclass

RENAMED = {"xrange": "range", "raw_input": "input", "unicode": "str"}
DICT_VIEWS = {"iteritems": "items", "itervalues": "values", "iterkeys": "keys"}
_OCTAL_DIGITS = re.compile(r"[0-7]+$")


@dataclass(frozen=True)
class Change:
    line: int  # 1-based, in the learner's file
    what: str  # "print statement", "xrange → range", ...


@dataclass(frozen=True)
class Converted:
    source: str
    changes: tuple[Change, ...] = ()  # none: the file was Python 3 already


def compiles(source: str) -> bool:
    try:
        compile(source, "<learner>", "exec", dont_inherit=True)
    except (SyntaxError, ValueError):
        return False
    return True


def as_python3(source: str) -> Converted:
    """``source`` as Python 3 and what was changed to make it so (nothing when it is already)."""
    if compiles(source):
        return _builtins_renamed(source)
    try:
        tokens = list(tokenize.generate_tokens(io.StringIO(source).readline))
    except (tokenize.TokenError, IndentationError, SyntaxError):
        return Converted(source)
    edits, changes = _edits(tokens)
    if not edits:
        return Converted(source)
    converted = _apply(source, edits)
    if not compiles(converted):
        return Converted(source)
    return Converted(converted, tuple(sorted(set(changes), key=lambda c: (c.line, c.what))))


def _builtins_renamed(source: str) -> Converted:
    """A Python 3 file that calls ``xrange``, ``raw_input`` or ``unicode`` without defining
    them: only those renamed (anything else in it is Python 3's to judge)."""
    import ast

    tree = ast.parse(source)
    bound = {n.id for n in ast.walk(tree) if isinstance(n, ast.Name) and
             isinstance(n.ctx, ast.Store)} | {
        n.name for n in ast.walk(tree) if isinstance(n, ast.FunctionDef | ast.ClassDef)} | {
        (a.asname or a.name).split(".")[0] for n in ast.walk(tree)
        if isinstance(n, ast.Import | ast.ImportFrom) for a in n.names}
    used = [n for n in ast.walk(tree) if isinstance(n, ast.Name) and n.id in RENAMED and
            n.id not in bound and isinstance(n.ctx, ast.Load)]
    if not used:
        return Converted(source)
    edits = [((n.lineno, n.col_offset), (n.end_lineno, n.end_col_offset), RENAMED[n.id])
             for n in used]
    changes = tuple(sorted({Change(n.lineno, f"{n.id} → {RENAMED[n.id]}") for n in used},
                           key=lambda c: (c.line, c.what)))
    return Converted(_apply(source, edits), changes)


# ----- finding what to change -------------------------------------------------------------------
Edit = tuple[tuple[int, int], tuple[int, int], str]  # (start, end, new text), 1-based rows


def _edits(tokens: list[tokenize.TokenInfo]) -> tuple[list[Edit], list[Change]]:
    edits: list[Edit] = []
    changes: list[Change] = []
    for i, tok in enumerate(tokens):
        if tok.type == tokenize.NAME and tok.string == "print" and _starts_statement(tokens, i) \
                and not _is_call(tokens, i):
            _print_statement(tokens, i, edits, changes)
        elif tok.type == tokenize.NAME and tok.string in RENAMED and not _is_attribute(tokens, i):
            edits.append((tok.start, tok.end, RENAMED[tok.string]))
            changes.append(Change(tok.start[0], f"{tok.string} → {RENAMED[tok.string]}"))
        elif tok.type == tokenize.NAME and tok.string in DICT_VIEWS and _is_attribute(tokens, i):
            edits.append((tok.start, tok.end, DICT_VIEWS[tok.string]))
            changes.append(Change(tok.start[0], f".{tok.string}() → .{DICT_VIEWS[tok.string]}()"))
        elif tok.type == tokenize.NAME and tok.string == "except":
            _except_comma(tokens, i, edits, changes)
        elif tok.string == "<" and _touches(tok, tokens[i + 1], ">"):
            edits.append((tok.start, tokens[i + 1].end, "!="))
            changes.append(Change(tok.start[0], "<> → !="))
        elif tok.type == tokenize.NUMBER:
            _number(tok, tokens[i + 1], edits, changes)
        elif tok.type == tokenize.OP and tok.string == "/" and _between_whole_numbers(tokens, i):
            edits.append((tok.start, tok.end, "//"))
            changes.append(Change(tok.start[0], "integer division: / → //"))
    return edits, changes


def _starts_statement(tokens: list[tokenize.TokenInfo], i: int) -> bool:
    """Whether token i begins a statement (a line's first token, or after ``:`` or ``;``)."""
    j = i - 1
    while j >= 0 and tokens[j].type in (tokenize.INDENT, tokenize.DEDENT, tokenize.NL,
                                         tokenize.COMMENT):
        j -= 1
    return j < 0 or tokens[j].type in (tokenize.NEWLINE, tokenize.ENCODING) or \
        tokens[j].string in (":", ";")


def _is_call(tokens: list[tokenize.TokenInfo], i: int) -> bool:
    """``print(...)`` standing alone: already a call in both Pythons (``print (a), b`` is not)."""
    if tokens[i + 1].string != "(":
        return False
    depth, j = 0, i + 1
    while j < len(tokens):
        if tokens[j].string in "([{" and tokens[j].type == tokenize.OP:
            depth += 1
        elif tokens[j].string in ")]}" and tokens[j].type == tokenize.OP:
            depth -= 1
            if depth == 0:
                return tokens[j + 1].type in (tokenize.NEWLINE, tokenize.COMMENT,
                                              tokenize.ENDMARKER) or tokens[j + 1].string == ";"
        j += 1
    return False


def _statement_end(tokens: list[tokenize.TokenInfo], i: int) -> int:
    """Index of the token that ends the statement starting after token i (NEWLINE or ``;``)."""
    depth, j = 0, i + 1
    while j < len(tokens):
        t = tokens[j]
        if t.type == tokenize.OP and t.string in "([{":
            depth += 1
        elif t.type == tokenize.OP and t.string in ")]}":
            depth -= 1
        elif depth == 0 and (t.type in (tokenize.NEWLINE, tokenize.ENDMARKER) or
                             (t.type == tokenize.OP and t.string == ";") or
                             t.type == tokenize.COMMENT):
            return j
        j += 1
    return j - 1


def _print_statement(tokens: list[tokenize.TokenInfo], i: int, edits: list[Edit],
                     changes: list[Change]) -> None:
    tok = tokens[i]
    end = _statement_end(tokens, i)
    args = [t for t in tokens[i + 1:end] if t.type not in (tokenize.NL, tokenize.COMMENT)]
    changes.append(Change(tok.start[0], "print statement → print()"))
    if not args:
        edits.append((tok.start, tok.end, "print()"))
        return
    first, last = args[0], args[-1]
    tail = ")"
    if last.string == ",":  # print x,  → no newline, a space after
        edits.append((last.start, last.end, ""))
        tail = ', end=" ")'
        args = args[:-1]
        last = args[-1] if args else first
    if first.string == ">>" and len(args) >= 2:  # print >>f, x  → print(x, file=f)
        comma = next((k for k, t in enumerate(args) if t.string == ","), None)
        target_end = args[comma - 1].end if comma is not None else args[-1].end
        target = _text(tokens, args[1].start, target_end)
        cut_to = args[comma + 1].start if comma is not None and comma + 1 < len(args) \
            else target_end
        edits.append((first.start, cut_to, ""))
        tail = f", file={target})" if comma is not None and comma + 1 < len(args) else \
            f"file={target})"
    edits.append((tok.end, first.start, "("))
    edits.append((last.end, last.end, tail))


def _text(tokens: list[tokenize.TokenInfo], start: tuple[int, int], end: tuple[int, int]) -> str:
    """The source between two positions on one line (a print's target, ``sys.stderr`` say)."""
    line = next(t.line for t in tokens if t.start[0] == start[0])
    return line[start[1]:end[1]] if start[0] == end[0] else line[start[1]:].rstrip()


def _is_attribute(tokens: list[tokenize.TokenInfo], i: int) -> bool:
    return i > 0 and tokens[i - 1].string == "."


def _except_comma(tokens: list[tokenize.TokenInfo], i: int, edits: list[Edit],
                  changes: list[Change]) -> None:
    """``except E, e:`` → ``except E as e:`` (a tuple of exceptions has its parentheses)."""
    depth, j = 0, i + 1
    while j < len(tokens) and tokens[j].string != ":":
        t = tokens[j]
        if t.string in "([{":
            depth += 1
        elif t.string in ")]}":
            depth -= 1
        elif t.string == "," and depth == 0 and tokens[j + 1].type == tokenize.NAME and \
                tokens[j + 2].string == ":":
            edits.append((t.start, t.end, " as"))
            changes.append(Change(t.start[0], "except E, e → except E as e"))
            return
        j += 1


def _touches(tok: tokenize.TokenInfo, nxt: tokenize.TokenInfo, text: str) -> bool:
    """Whether ``nxt`` is ``text`` right after ``tok`` (Python 3 splits ``<>`` and ``0777``)."""
    return nxt.string == text and nxt.start == tok.end


def _number(tok: tokenize.TokenInfo, nxt: tokenize.TokenInfo, edits: list[Edit],
            changes: list[Change]) -> None:
    """``0777`` (tokens ``0`` and ``777``) → ``0o777``; ``10L`` (``10`` and ``L``) → ``10``."""
    if tok.string == "0" and nxt.type == tokenize.NUMBER and nxt.start == tok.end and \
            _OCTAL_DIGITS.match(nxt.string):
        edits.append((tok.start, nxt.end, "0o" + nxt.string))
        changes.append(Change(tok.start[0], f"0{nxt.string} → 0o{nxt.string}"))
    elif tok.string.isdigit() and nxt.type == tokenize.NAME and nxt.string in ("l", "L") and \
            nxt.start == tok.end:
        edits.append((nxt.start, nxt.end, ""))
        changes.append(Change(tok.start[0], f"{tok.string}{nxt.string} → {tok.string}"))


def _between_whole_numbers(tokens: list[tokenize.TokenInfo], i: int) -> bool:
    def whole(t: tokenize.TokenInfo) -> bool:
        return t.type == tokenize.NUMBER and t.string.isdigit()

    return 0 < i < len(tokens) - 1 and whole(tokens[i - 1]) and whole(tokens[i + 1])


# ----- applying them ----------------------------------------------------------------------------
def _apply(source: str, edits: list[Edit]) -> str:
    """``source`` with the edits made, last first so that earlier positions stay right."""
    lines = source.splitlines(keepends=True)
    for (r0, c0), (r1, c1), new in sorted(edits, key=lambda e: (e[0], e[1]), reverse=True):
        if r0 == r1:
            line = lines[r0 - 1]
            lines[r0 - 1] = line[:c0] + new + line[c1:]
        else:  # a span over lines (a print's target): keep the line breaks, drop the text
            first, last = lines[r0 - 1], lines[r1 - 1]
            lines[r0 - 1] = first[:c0] + new + ("\n" if first.endswith("\n") else "")
            for r in range(r0, r1 - 1):
                lines[r] = "\n"
            lines[r1 - 1] = last[c1:]
    return "".join(lines)
