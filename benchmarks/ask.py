"""Plain-English questions: how long `ask` takes to parse and answer, side by side with
the query function called directly (what a Python user writes instead), and the cost of
building the vocabulary of a large graph.

    python benchmarks/ask.py [--repeat 50] [--events 10000]
"""

from __future__ import annotations

import argparse
import contextlib
import statistics
import time
from collections.abc import Callable

import korea_graph
from korea_graph.questions.english import GRAMMAR, ask
from korea_graph.questions.lexicon import build_lexicon
from korea_graph.questions.query import meetings


def timed(fn: Callable[[], object], repeat: int) -> float:
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=50)
    parser.add_argument("--events", type=int, default=10000)
    args = parser.parse_args()
    kg = korea_graph.load()
    print("| what | median |")
    print("|---|---|")
    direct = timed(lambda: meetings(kg, before="Putin's trip"), args.repeat)
    asked = timed(lambda: ask(kg, "who met whom before Putin's trip"), args.repeat)
    print(f"| `meetings(kg, before=\"Putin's trip\")` (direct call) | {direct:.2f} ms |")
    print(f"| `ask(kg, \"who met whom before Putin's trip\")` | {asked:.2f} ms |")
    every = timed(lambda: [ask(kg, f.example) for f in GRAMMAR], max(3, args.repeat // 10))
    print(f"| the {len(GRAMMAR)} example questions of the grammar, one after another | "
          f"{every:.1f} ms |")

    def refused() -> None:
        with contextlib.suppress(korea_graph.QueryError):
            ask(kg, "why would anyone do such a thing before July")

    print(f"| a refused question (both passes, nearest form) | "
          f"{timed(refused, args.repeat):.2f} ms |")
    print(f"| vocabulary of the curated graph | {timed(lambda: build_lexicon(kg), 10):.2f} ms |")
    from korea_graph.scale.synthetic import generate

    big = generate(events=args.events, seed=0)
    print(f"| vocabulary of a synthetic graph of {args.events} events | "
          f"{timed(lambda: build_lexicon(big), 3):.0f} ms |")


if __name__ == "__main__":
    main()
