"""The ``playground`` command: the app by default, and headless train / eval / predict / gradcheck /
bench subcommands. Bad arguments or files give one line on stderr and exit code 2, never a
traceback.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
from collections.abc import Sequence

from playground.cli import landscape, tfp, tools, train
from playground.cli.common import Parser, UsageError
from playground.data.errors import DataFileError
from playground.modelfile.save_load import ModelFileError

SUBCOMMANDS = ("train", "sweep", "eval", "predict", "gradcheck", "explain", "check-code",
               "export", "bench", "landscape", "tfp")


def make_parser() -> argparse.ArgumentParser:
    parser = Parser(prog="playground", description="A neural-network playground. With no "
                     "subcommand it opens the app.")
    sub = parser.add_subparsers(dest="command", parser_class=Parser)
    for add in (*train.PARSERS, *tools.PARSERS, *landscape.PARSERS, *tfp.PARSERS):
        add(sub)
    return parser


def run_command(args: argparse.Namespace) -> int:
    """Run the subcommand. With ``--json`` its stdout holds only JSON lines: everything written
    for people goes to stderr, and the JSON to ``args.json_out``, the real stdout."""
    args.json_out = sys.stdout if getattr(args, "json", False) else None
    if args.json_out is None:
        return COMMANDS[args.command](args)
    with contextlib.redirect_stdout(sys.stderr):
        return COMMANDS[args.command](args)


COMMANDS = {**train.COMMANDS, **tools.COMMANDS, **landscape.COMMANDS, **tfp.COMMANDS}


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or argv[0] not in (*SUBCOMMANDS, "-h", "--help"):
        from playground.gui.app import run_app  # the GUI is imported only when it is wanted

        return run_app(argv)
    try:
        args = make_parser().parse_args(argv)
        return run_command(args)
    except (UsageError, ModelFileError, DataFileError, ValueError) as e:
        print(f"playground: error: {e}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("playground: interrupted", file=sys.stderr)
        return 130
