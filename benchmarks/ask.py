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
from pathlib import Path

import yaml

import korea_graph
from korea_graph.questions.english import GRAMMAR, ask
from korea_graph.questions.lexicon import build_lexicon
from korea_graph.questions.query import meetings

ROOT = Path(__file__).resolve().parents[1]
ANALYST = ["How many times did Ivanov meet Lee Joung-binn?",
           "Did Ivanov really meet Kim Yong-nam?", "What did Ivanov propose to Lee Joung-binn?",
           "Which countries did Putin visit?", "who met whom at the end of June 2000",
           "Who did Russia meet?", "What does Moscow oppose?",
           "Which deputy foreign ministers met North Korean officials?",
           "who met whom before Putin arrived in Pyongyang",
           "who met whom while the South Korean foreign minister was in Moscow",
           "What was planned but did not happen?", "Who met Lee?"]


def _quiet(kg: korea_graph.KnowledgeGraph, question: str) -> None:
    with contextlib.suppress(korea_graph.KoreaGraphError):
        ask(kg, question)


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

    # the analysts' wordings (issue 30): the slowest of each set against the 50 ms goal
    sets = {"analyst wordings of docs/questions.md": ANALYST}
    for name in ("dev", "heldout"):
        path = ROOT / "tests" / "fixtures" / "questions" / f"{name}.yaml"
        if path.exists():
            entries = yaml.safe_load(path.read_text(encoding="utf-8"))["questions"]
            sets[f"the {name} question set"] = [e["question"] for e in entries]
    for name, questions in sets.items():
        times = sorted(timed(lambda q=q: _quiet(kg, q), 5) for q in questions)
        print(f"| {name} ({len(questions)}): median / slowest (goal: under 50 ms) | "
              f"{statistics.median(times):.2f} / {times[-1]:.1f} ms |")

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
