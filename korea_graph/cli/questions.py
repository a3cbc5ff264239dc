"""``korea-graph ask``: questions in plain English."""

from __future__ import annotations

import argparse
from typing import Any

from ..questions.answers import TIME_CONDITION_HELP
from ..questions.english import GRAMMAR
from .base import command, format_option, graph_of, print_answers


def ask_options(p: argparse.ArgumentParser) -> None:
    """The options of every ``ask`` (here, ``store ask``, ``remote ask``)."""
    p.add_argument("--strength", choices=("possibly", "certainly"), default="possibly",
                   help="possibly (default): keep rows that meet the time condition for some "
                        "reading of their uncertain dates, certain ones first; certainly: "
                        "only rows that meet it whatever the uncertainty")
    p.add_argument("--include-planned", action="store_true",
                   help="count planned and considered events and relations (Putin's July 19 "
                        "trip); without it they are named in an 'also planned:' note")
    p.add_argument("--as-of", metavar="DATE",
                   help="answer from the documents published by DATE only (YYYY-MM-DD or "
                        "words such as \"July 3, 2000\")")


def ask_kwargs(args: argparse.Namespace) -> dict[str, Any]:
    """The keyword arguments of :func:`~korea_graph.ask` that :func:`ask_options` gave."""
    return {"strength": args.strength, "include_planned": args.include_planned,
            "as_of": args.as_of}


def _ask_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("question", help="a question in plain English, e.g. \"who met whom before "
                                    "Putin's trip\"")
    ask_options(p)
    format_option(p)


@command("ask", "answer a question such as \"who met whom before Putin's trip\"", _ask_args,
         description="Answer a question in plain English from the graph. The forms it knows "
                     "(X, Y: names, aliases or ids of actors; EVENT: the name of an event; "
                     "VERB: any verb of the graph's relations, in any tense):\n\n"
                     + "\n".join(f"  {form.shown}\n      e.g. \"{form.example}\""
                                 for form in GRAMMAR)
                     + "\n\nTIME is before|after|since|until DATE|EVENT, between DATE|EVENT "
                       "and DATE|EVENT, or in|on|during DATE|EVENT; dates are YYYY, YYYY-MM, "
                       "YYYY-MM-DD or words (\"June 27\", \"February 2000\"). A question of "
                       "no known form exits with status 1, naming the nearest form and "
                       "listing them all.\n\nThe table's " + TIME_CONDITION_HELP + ". Notes "
                       "under the table say what was left out (\"also planned: ...\", "
                       "\"not counted: ... (did not happen)\").")
def _ask(args: argparse.Namespace) -> int:
    from ..questions.english import ask

    print_answers(ask(graph_of(args), args.question, **ask_kwargs(args)), args.format,
                  evidence=True)
    return 0
