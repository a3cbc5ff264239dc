"""What every command shares: the registry, the graph the options name, answer printing.

>>> sorted(COMMANDS) == sorted(set(COMMANDS))
True
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import textwrap
from collections.abc import Callable
from typing import Any

from ..core.graph import KnowledgeGraph
from ..curation.loader import load

__all__ = ["COMMANDS", "Command", "command", "graph_of", "print_answers", "print_sparql",
           "terminal_safe"]

# C0 and C1 controls but newline and tab, DEL, and the bidirectional overrides/isolates:
# what a terminal would run (escape sequences) or draw in another order than written
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e"
                     "\u2066-\u2069]")


def terminal_safe(text: str) -> str:
    r"""``text`` with every control character a terminal would act on written as an
    escape (``\u001b``), so that data cannot move the cursor, recolour or retitle the
    terminal, or reorder what is shown. The escapes are also valid in JSON and N-Triples
    strings, so the output keeps its format.

    >>> terminal_safe("Kim\x1b[2J Jong-il\u202e")
    'Kim\\u001b[2J Jong-il\\u202e'
    """
    return _UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)

Handler = Callable[[argparse.Namespace], int]
Configure = Callable[[argparse.ArgumentParser], None]


class Command:
    """One subcommand: its one-line help, its longer description, arguments and handler."""

    __slots__ = ("configure", "description", "handler", "help")

    def __init__(self, help_text: str, description: str, configure: Configure,
                 handler: Handler) -> None:
        self.help = help_text
        self.description = description
        self.configure = configure
        self.handler = handler


#: The registered subcommands, in the order ``korea-graph --help`` lists them.
COMMANDS: dict[str, Command] = {}


def command(name: str, help_text: str, configure: Configure, *, description: str = ""
            ) -> Callable[[Handler], Handler]:
    """Register a subcommand: its help, its description (shown by ``--help``, examples
    welcome), its arguments and its handler."""

    def register(handler: Handler) -> Handler:
        COMMANDS[name] = Command(help_text, _fill(description or help_text), configure, handler)
        return handler

    return register


def _fill(text: str) -> str:
    """Wrap the paragraphs of a description; indented lines (forms, examples) stay as they
    are."""
    blocks = text.split("\n\n")
    return "\n\n".join(b if b.startswith(" ") else textwrap.fill(b, 78) for b in blocks)


def graph_of(args: argparse.Namespace) -> KnowledgeGraph:
    """The shipped corpus plus the ``--data`` files (only those with ``--only``)."""
    return load(*args.data, corpus=not getattr(args, "only", False))


def format_option(p: argparse.ArgumentParser) -> None:
    """The ``--format`` option of every command that prints answers."""
    p.add_argument("--format", choices=("table", "json", "csv"), default="table",
                   help="table (default, with the query and evidence), json (an object: the "
                        "question, how it was understood, the query, the count or yes/no, "
                        "the notes and the rows) or csv (the rows; notes on stderr)")


def print_answers(answers: Any, fmt: str, *, evidence: bool = False) -> None:
    """Print :class:`~korea_graph.Answers` as a table, JSON or CSV."""
    notes = list(getattr(answers, "notes", []))
    out = terminal_safe
    if fmt == "json":
        summary = answers.summary() if hasattr(answers, "summary") else {
            "query": answers.query, "rows": answers.to_records()}
        print(out(json.dumps(summary, ensure_ascii=False, indent=2)))
    elif fmt == "csv":
        sys.stdout.write(out(answers.to_csv()))
    else:
        heading = answers.heading() if hasattr(answers, "heading") else []
        print(out(f"# {answers.question}\n" + "".join(f"# {h}\n" for h in heading)
                  + f"# query: {answers.query}\n"))
        print(out(answers.to_table()) if len(answers) else "(no answer)")
        for note in notes:
            print(out(f"\n{note}"))
        rows = answers.to_records()
        if evidence and any(r.get("evidence") for r in rows):
            print("\nEvidence:")
            for number, rec in enumerate(rows, 1):
                if rec.get("evidence"):
                    print(out(f"  [{number}] {rec['evidence']}"))
    if fmt == "csv":
        for note in notes:
            print(out(f"# {note}"), file=sys.stderr)


def print_sparql(result: object) -> None:
    """Print a SPARQL result: text as it is, rows and booleans as JSON."""
    if isinstance(result, str):
        sys.stdout.write(terminal_safe(result))
    else:
        print(terminal_safe(json.dumps(result, ensure_ascii=False, indent=2)))
