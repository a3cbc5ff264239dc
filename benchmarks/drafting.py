"""How good is a draft? Precision and recall against hand-curated documents.

Each curated document of the shipped corpus is drafted from its text WITHOUT its own
data file (linked against the other curated files, if any) and compared with the
curated records:

- actors: a drafted actor matches a curated one when a name of one (label or alias)
  equals a name of the other (case, hyphens, spacing ignored) or rapidfuzz's ratio of
  the two is >= 90;
- events: same type (meeting and talks count as one), the same set of agents
  (participants that are persons, states or institutions, through the actor matching)
  and times that may overlap; one-to-one, greedily;
- statuses: an event match that also has the curated status.

    python benchmarks/drafting.py            # the table
    python benchmarks/drafting.py --errors   # and every miss and false candidate
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import korea_graph
from korea_graph.core.graph import KnowledgeGraph
from korea_graph.core.names import normalize
from korea_graph.curation.loader import bundled_data_files, load_file


def _names(actor: Any) -> set[str]:
    return {normalize(n) for n in (actor.label, *actor.aliases)}


def match_actors(draft: KnowledgeGraph, gold: KnowledgeGraph) -> dict[str, str]:
    """drafted actor id -> curated actor id."""
    from rapidfuzz import fuzz

    out: dict[str, str] = {}
    for a in draft.actors.values():
        if a.id in gold.actors:
            out[a.id] = a.id
            continue
        names = _names(a)
        best: tuple[float, str] | None = None
        for g in gold.actors.values():
            gnames = _names(g)
            score = 100.0 if names & gnames else max(fuzz.ratio(x, y) for x in names
                                                     for y in gnames)
            if score >= 90 and (best is None or score > best[0]):
                best = (score, g.id)
        if best is not None:
            out[a.id] = best[1]
    return out


def _agents(kg: KnowledgeGraph, event: Any, mapping: dict[str, str] | None = None
            ) -> frozenset[str]:
    ids = {p.actor for p in event.participants if kg.actors[p.actor].kind.is_agent}
    if mapping is not None:
        ids = {mapping.get(i, f"?{i}") for i in ids}
    return frozenset(ids)


def _kind(t: str) -> str:
    return "talks" if t in ("talks", "meeting") else t


def match_events(draft: KnowledgeGraph, gold: KnowledgeGraph, mapping: dict[str, str],
                 doc: str) -> list[tuple[Any, Any]]:
    drafted = [e for e in draft.events.values() if e.evidence[0].document == doc]
    pairs = []
    free = list(gold.events.values())
    for e in drafted:
        agents = _agents(draft, e, mapping)
        for g in free:
            if _kind(g.type.value) == _kind(e.type.value) and _agents(gold, g) == agents and \
                    g.when.possibly_overlaps(e.when):
                pairs.append((e, g))
                free.remove(g)
                break
    return pairs


def _pr(hit: int, drafted: int, gold: int) -> tuple[float, float]:
    return (hit / drafted if drafted else 0.0, hit / gold if gold else 0.0)


def evaluate(path: Path, others: list[Path], errors: bool) -> dict[str, Any]:
    gold = load_file(path)
    doc = next(iter(gold.documents.values()))
    base = korea_graph.load(*others) if others else None
    start = time.perf_counter()
    d = korea_graph.draft(doc.text, published=doc.published, source=doc.publisher,
                          base=base, title=doc.title, text_file=doc.text_file,
                          doc_id=f"{doc.id}-draft")
    seconds = time.perf_counter() - start
    out = Path("/tmp") / f"kg-bench-{doc.id}.draft.yaml"
    d.write(out)
    drafted = korea_graph.load(*others, out) if others else load_file(out)
    mapping = match_actors(drafted, gold)
    found_gold = set(mapping.values())
    pairs = match_events(drafted, gold, mapping, f"{doc.id}-draft")
    status_hits = sum(1 for e, g in pairs if e.status is g.status)
    n_events = len([e for e in drafted.events.values()])
    row = {
        "document": doc.id, "seconds": seconds,
        "actors": (*_pr(len(mapping), len(drafted.actors), len(gold.actors)),
                   len(drafted.actors), len(gold.actors)),
        "actor_recall_found": len(found_gold),
        "events": (*_pr(len(pairs), n_events, len(gold.events)), n_events, len(gold.events)),
        "statuses": (*_pr(status_hits, n_events, len(gold.events)), n_events,
                     len(gold.events)),
    }
    # recall counts curated actors found (several drafted names may find one)
    row["actors"] = (len(mapping) / len(drafted.actors), len(found_gold) / len(gold.actors),
                     len(drafted.actors), len(gold.actors))
    if errors:
        print(f"\n## {doc.id}")
        print("curated actors not found:", sorted(set(gold.actors) - found_gold))
        print("drafted actors that match nothing:",
              sorted(a for a in drafted.actors if a not in mapping))
        matched = {g.id for _, g in pairs}
        print("curated events not found:")
        for g in gold.events.values():
            if g.id not in matched:
                print(f"  {g.id} {g.type.value} {sorted(_agents(gold, g))} {g.when}")
        print("drafted events that match nothing:")
        for e in drafted.events.values():
            if e not in {x for x, _ in pairs}:
                print(f"  {e.id} {e.type.value} {sorted(_agents(drafted, e, mapping))} "
                      f"{e.when} {e.status.value}")
        print("status differences:", [(e.id, e.status.value, g.status.value)
                                      for e, g in pairs if e.status is not g.status])
    return row


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--errors", action="store_true", help="list every error")
    args = parser.parse_args(argv)
    files = bundled_data_files()
    rows = [evaluate(f, [o for o in files if o != f], args.errors) for f in files]
    print(f"\n{'document':<28} {'what':<9} {'precision':>9} {'recall':>7} "
          f"{'drafted':>7} {'curated':>7}")
    print("-" * 72)
    for row in rows:
        for what in ("actors", "events", "statuses"):
            p, r, n, g = row[what]
            print(f"{row['document']:<28} {what:<9} {p:>9.0%} {r:>7.0%} {n:>7} {g:>7}")
        print(f"{'':<28} drafted in {row['seconds']:.2f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
