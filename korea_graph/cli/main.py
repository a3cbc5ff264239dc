"""The entry point: the parser of every registered command, and error reporting.

Errors of the library print as ``korea-graph: error: ...`` with exit status 2 (bad
input) or 1 (no answer).

>>> main(["--version"])
korea-graph 0.1.0
0
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import Any

from .. import __version__
from ..errors import DataError, KoreaGraphError

# Each command module registers its commands on import, in the order --help lists them.
from . import demo, linked_data, questions, views, eventdata, scale, curation  # noqa: F401  isort: skip
from .base import COMMANDS, terminal_safe

__all__ = ["build_parser", "main"]


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every registered subcommand."""
    parser = argparse.ArgumentParser(
        prog="korea-graph",
        description="A typed, time-aware, source-attributed knowledge graph of Monitor 6:129 "
                    "(Jamestown Foundation, July 2000) and other political news.",
    )
    parser.add_argument("--version", action="store_true", help="print the version and exit")
    _data_options(parser, argparse.SUPPRESS)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, cmd in COMMANDS.items():
        p = sub.add_parser(name, help=cmd.help, description=cmd.description,
                           formatter_class=argparse.RawDescriptionHelpFormatter)
        _data_options(p, argparse.SUPPRESS, "sub_")  # also after the subcommand
        cmd.configure(p)
    return parser


def _data_options(p: argparse.ArgumentParser, default: Any, prefix: str = "") -> None:
    p.add_argument("--data", action="append", default=default, metavar="FILE",
                   dest=prefix + "data",
                   help="a curated YAML data file to load with the shipped corpus (repeatable; "
                        "before or after the command)")
    p.add_argument("--only", action="store_true", default=default, dest=prefix + "only",
                   help="load only the --data files, without the shipped corpus")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    args.data = [*getattr(args, "data", []), *getattr(args, "sub_data", [])]
    args.only = bool(getattr(args, "only", False) or getattr(args, "sub_only", False))
    if args.only and not args.data:
        parser.error("--only needs at least one --data FILE")
    if args.version:
        print(f"korea-graph {__version__}")
        return 0
    if args.command is None:
        parser.print_help()
        return 0
    try:
        return COMMANDS[args.command].handler(args)
    except DataError as exc:
        print(f"korea-graph: error: {terminal_safe(str(exc))}", file=sys.stderr)
        return 2
    except KoreaGraphError as exc:
        print(f"korea-graph: error: {terminal_safe(str(exc))}", file=sys.stderr)
        return 1
