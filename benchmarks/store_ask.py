"""The on-disk store answering by its own queries, at any size, beside the in-memory answer.

    python benchmarks/store_ask.py --events 100000 --store /tmp/s100k --out results.json

Builds the store from ``generate(events=N, seed=0)`` unless ``--store`` already holds it
(the build is timed: ``Store.add``), then, in this process: ``Store.meetings`` (who met
whom by one SPARQL query, everyone and one person), the store's vocabulary, and
``ask_store`` for one person and for everyone, each row set checked against ``ask`` on
the generated graph in memory (the "equal rows" lines). Writes the JSON after each step.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

FOCUS = "person-000001"
KG = "https://w3id.org/korea-graph/ontology#"
QUERY = f"""PREFIX kg: <{KG}>
SELECT ?a (COUNT(*) AS ?n) WHERE {{ {{ ?a kg:metWith ?b }} UNION {{ ?b kg:metWith ?a }} }}
GROUP BY ?a ORDER BY DESC(?n) ?a LIMIT 10"""
QUERY_DISTINCT = f"""PREFIX kg: <{KG}>
SELECT ?a (COUNT(*) AS ?n) WHERE {{ SELECT DISTINCT ?a ?b WHERE {{
  {{ ?a kg:metWith ?b }} UNION {{ ?b kg:metWith ?a }} }} }}
GROUP BY ?a ORDER BY DESC(?n) ?a LIMIT 10"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=10_000)
    parser.add_argument("--store", type=Path, required=True, help="the store folder")
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--skip-everyone", action="store_true",
                        help="leave out ask_store for everyone (it reads half the events)")
    parser.add_argument("--cold", action="store_true",
                        help="empty the system's page cache before the first question "
                             "(root only: writes /proc/sys/vm/drop_caches)")
    args = parser.parse_args()

    from korea_graph import generate, meetings
    from korea_graph.questions.english import ask
    from korea_graph.scale.store import Store
    from korea_graph.scale.store_ask import ask_store, vocabulary

    out: dict[str, Any] = {"events": args.events}

    def step(key: str, fn: Callable[[], Any]) -> Any:
        start = time.perf_counter()
        result = fn()
        out[key] = time.perf_counter() - start
        out[f"peak_mb_{key}"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        args.out.write_text(json.dumps(out, indent=1), encoding="utf-8")
        print(f"{key}: {out[key]:.3f} s", flush=True)
        return result

    kg = step("generate", lambda: generate(events=args.events, seed=0))
    anchor = f"event-{args.events // 2:07d}"
    if not args.store.exists():
        with Store.open(args.store) as store:
            step("store_add", lambda: store.add(kg, show_progress=False))

    def rows(answers: Any) -> set[tuple[str, ...]]:
        return {(f.record_id, *sorted((f.subject_id, f.object_id))) for f in answers}

    one = f"who has {FOCUS} met before {anchor}"
    everyone = f"who met whom before {anchor}"
    if args.cold:
        os.sync()
        Path("/proc/sys/vm/drop_caches").write_text("3\n")
        out["cold"] = True
    with Store.open(args.store, read_only=True) as store:
        found = step("store_meetings_everyone", lambda: store.meetings(before=anchor))
        out["store_meetings_everyone_rows"] = len(found)
        meet = step("store_meetings_everyone_read",
                    lambda: {(m.record, *sorted((m.source, m.target))) for m in found})
        out["equal_rows_meetings_everyone"] = meet == rows(meetings(kg, before=anchor))
        found = step("store_meetings_one", lambda: store.meetings(before=anchor,
                                                                  involving=FOCUS))
        out["store_meetings_one_rows"] = len(found)
        out["equal_rows_meetings_one"] = (
            {(m.record, *sorted((m.source, m.target))) for m in found}
            == rows(meetings(kg, before=anchor, involving=FOCUS)))
        for key, fn in (("everyone", lambda: store.meetings(before=anchor)),
                        ("one", lambda: store.meetings(before=anchor, involving=FOCUS))):
            samples = []
            for _ in range(5):
                start = time.perf_counter()
                fn()
                samples.append(time.perf_counter() - start)
            out[f"store_meetings_{key}_warm"] = statistics.median(samples)
        # SPARQL over the union of the document graphs: a triple several graphs hold
        # (an actor's, a shortcut between two actors) matches once per graph
        top = step("store_sparql_top", lambda: store.sparql(QUERY))
        out["store_sparql_top_rows"] = [[r["a"].rsplit("/", 1)[-1], int(r["n"])] for r in top]
        top = step("store_sparql_top_distinct", lambda: store.sparql(QUERY_DISTINCT))
        out["store_sparql_top_distinct_rows"] = [[r["a"].rsplit("/", 1)[-1], int(r["n"])]
                                                 for r in top]
        step("vocabulary", lambda: vocabulary(store))
        mine = step("store_ask_one", lambda: ask_store(store, one))
        expected = step("memory_ask_one", lambda: ask(kg, one))
        out["equal_rows_one"] = (list(mine) == list(expected), len(mine), len(expected))
        if not args.skip_everyone:
            mine = step("store_ask_everyone", lambda: ask_store(store, everyone))
            expected = ask(kg, everyone)
            out["equal_rows_everyone"] = (list(mine) == list(expected), len(mine),
                                          len(expected), rows(expected) == meet)
    args.out.write_text(json.dumps(out, indent=1), encoding="utf-8")
    print(json.dumps({k: v for k, v in out.items() if k.startswith("equal")}))


if __name__ == "__main__":
    main()
