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

import os
from pathlib import Path
from typing import TextIO

from .graph import KnowledgeGraph
from .relations import RelationType

__all__ = ["run_demo"]

TRIP = "putin-visits-pyongyang"


def run_demo(kg: KnowledgeGraph, out_dir: str | os.PathLike[str], out: TextIO) -> int:
    """Print who met whom before Putin's trip and write what later steps can make."""
    folder = Path(out_dir)
    folder.mkdir(parents=True, exist_ok=True)
    trip = kg.event(TRIP)
    print(f"Who met whom before {trip.label} ({trip.when}, {trip.status.value}):", file=out)
    for rel in kg.relations(RelationType.MET_WITH):
        if not rel.status.is_real or not rel.when.possibly_before(trip.when):
            continue
        certainty = "" if rel.when.certainly_before(trip.when) else " [possibly before]"
        flag = f" [{rel.status.value}]" if rel.status.is_hedged else ""
        a, b = kg.actors[rel.source].label, kg.actors[rel.target].label
        print(f"  {rel.when}  {a} met {b}{flag}{certainty}", file=out)
    return 0
