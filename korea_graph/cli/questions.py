"""``korea-graph ask``: questions in plain English."""

from __future__ import annotations

import argparse

from ..questions.english import FORMS
from .base import command, format_option, graph_of, print_answers


def _ask_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("question", help="a question in plain English, e.g. \"who met whom before "
                                    "Putin's trip\"")
    format_option(p)


@command("ask", "answer a question such as \"who met whom before Putin's trip\"", _ask_args,
         description="Answer a question in plain English from the graph. The forms it knows:\n\n"
                     + "\n".join(f"  {form}" for form in FORMS)
                     + "\n\nX and Y are names, aliases or ids of actors, or names of events "
                       "(\"Putin's trip\"); dates are YYYY, YYYY-MM, YYYY-MM-DD or words "
                       "(\"June 27\", \"February 2000\"). A question of no known form exits "
                       "with status 1 and lists the forms.")
def _ask(args: argparse.Namespace) -> int:
    from ..questions.english import ask

    print_answers(ask(graph_of(args), args.question), args.format, evidence=True)
    return 0
