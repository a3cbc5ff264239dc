"""The demo behind ``korea-graph demo``: who met whom before Putin's trip, then the files.

>>> import io, tempfile
>>> from korea_graph import load
>>> out = io.StringIO()
>>> with tempfile.TemporaryDirectory() as folder:
...     status = run_demo(load(), folder, out)
>>> "Aleksandr Losyukov" in out.getvalue(), status
(True, 0)
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TextIO

from ..core.graph import KnowledgeGraph
from ..questions.query import meetings
from .base import command, graph_of

__all__ = ["run_demo"]

TRIP = "putin-visits-pyongyang"


def run_demo(kg: KnowledgeGraph, out_dir: str | os.PathLike[str], out: TextIO) -> int:
    """Print who met whom before Putin's trip and write what later steps can make."""
    folder = Path(out_dir)
    folder.mkdir(parents=True, exist_ok=True)
    answers = meetings(kg, before=TRIP, question="Who met whom before Putin's trip?")
    trip = kg.events[TRIP]
    print(f"{answers.question}  (the trip: {trip.label}, {trip.when}, {trip.status.value})",
          file=out)
    print(f"query: {answers.query}\n", file=out)
    print(answers.to_table(), file=out)
    hedged = [r for r in answers if r.status.is_hedged]
    if hedged:
        print(f"\n{len(hedged)} of {len(answers)} meetings are only reported or disputed; "
              "see their evidence with: korea-graph ask \"who met whom before Putin's trip\"",
              file=out)
    from ..linked_data.rdf import write_rdf
    from ..views.network_view import view

    turtle = folder / "korea_graph.ttl"
    write_rdf(kg, turtle, "turtle")
    print(f"\nTurtle for triple stores: {turtle}", file=out)
    page = view(kg).save(folder / "korea_graph.html")
    print(f"interactive view (works offline): {page}", file=out)
    return 0


def _demo_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--out-dir", default="demo-output", type=Path,
                   help="folder for the Turtle file and the HTML view (default: demo-output)")


@command("demo", "who met whom before Putin's trip, a Turtle file and an HTML view", _demo_args,
         description="Answer 'who met whom before Putin's trip' from the shipped corpus, then "
                     "write OUT_DIR/korea_graph.ttl and OUT_DIR/korea_graph.html.")
def _demo(args: argparse.Namespace) -> int:
    return run_demo(graph_of(args), args.out_dir, sys.stdout)
