"""Who met whom before Putin's trip, on the curated graph (issue 4 goal: < 50 ms).

Side by side in one run: korea_graph's `meetings(kg, before=...)` and the code a user
would write with networkx alone over `kg.to_networkx()` (edge attributes, ISO dates).

    python benchmarks/who_met_whom.py [--repeat 200]
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable

import korea_graph
from korea_graph.questions.query import meetings


def timed(fn: Callable[[], object], repeat: int) -> tuple[float, object]:
    samples = []
    result: object = None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples) * 1000, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=200)
    args = parser.parse_args()
    kg = korea_graph.load()
    g = kg.to_networkx()
    trip_start = str(kg.event("Putin's trip").when.start_min)

    def plain_networkx() -> list[tuple[str, str]]:
        # what a user writes by hand: no uncertainty, no status rules beyond a filter
        return [(u, v) for u, v, d in g.edges(data=True)
                if d["type"] == "met_with" and d["status"] in ("occurred", "reported", "disputed")
                and d["latest"] and d["latest"] < trip_start]

    ms_kg, answers = timed(lambda: meetings(kg, before="Putin's trip"), args.repeat)
    ms_nx, rows = timed(plain_networkx, args.repeat)
    print(f"korea_graph meetings(before=\"Putin's trip\"): {ms_kg:.3f} ms median, "
          f"{len(answers)} rows (goal < 50 ms)")  # type: ignore[arg-type]
    print(f"plain networkx edge filter:                   {ms_nx:.3f} ms median, "
          f"{len(rows)} rows (no certainty, no anchors by name)")  # type: ignore[arg-type]


if __name__ == "__main__":
    main()
