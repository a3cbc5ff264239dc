"""The time index gives exactly what testing every relation with the TimeSpan methods
gives, in the same order, for any spans (open on either side) and any statuses; and the
answers built on it are the answers of a plain scan."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st
from strategies import time_spans

from korea_graph import KnowledgeGraph, Status, TimeSpan, generate
from korea_graph.core.model import Evidence
from korea_graph.core.relations import Relation, RelationType
from korea_graph.core.timeindex import TimeIndex
from korea_graph.questions.query import _certainty, meetings, relations, resolve_anchor

_EVIDENCE = (Evidence("d", 0, 1, "x", 1),)


def _relations(spans: list[tuple[TimeSpan, Status]]) -> list[Relation]:
    return [Relation(f"r{n}", RelationType.MET_WITH, "a", "b", when, status, f"e{n}", _EVIDENCE)
            for n, (when, status) in enumerate(spans)]


def _scan(rels: list[Relation], before: TimeSpan | None, after: TimeSpan | None,
          during: TimeSpan | None, statuses: set[Status] | None) -> list[Relation]:
    out = [r for r in rels
           if (statuses is None or r.status in statuses)
           and (before is None or r.when.possibly_before(before))
           and (after is None or r.when.possibly_after(after))
           and (during is None or r.when.possibly_overlaps(during))]
    return sorted(out, key=lambda r: r.when.sort_key())


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(time_spans(), st.sampled_from(Status)), max_size=25),
       st.none() | time_spans(), st.none() | time_spans(), st.none() | time_spans(),
       st.none() | st.sets(st.sampled_from(Status)))
def test_select_is_the_plain_scan(spans: list[tuple[TimeSpan, Status]],
                                  before: TimeSpan | None, after: TimeSpan | None,
                                  during: TimeSpan | None, statuses: set[Status] | None
                                  ) -> None:
    rels = _relations(spans)
    got = TimeIndex(rels).select(before=before, after=after, during=during, statuses=statuses)
    assert got == _scan(rels, before, after, during, statuses)


def test_open_ended_relations_are_found() -> None:
    # ends unknown: it could have ended before anything; starts unknown: after anything
    open_end = TimeSpan(date(2001, 1, 1), date(2001, 1, 1), None, None, TimeSpan.day(
        date(2001, 1, 1)).precision)
    open_start = TimeSpan(None, None, date(1999, 1, 1), date(1999, 1, 1), open_end.precision)
    rels = _relations([(open_end, Status.OCCURRED), (open_start, Status.OCCURRED)])
    index = TimeIndex(rels)
    assert index.select(before=TimeSpan.day(date(2000, 1, 1))) == [rels[1], rels[0]]
    assert index.select(after=TimeSpan.day(date(2000, 1, 1))) == [rels[1], rels[0]]
    assert index.select(during=TimeSpan.day(date(2000, 1, 1))) == []


def _plain_meetings(kg: KnowledgeGraph, anchor: str, strength: str) -> list[tuple[object, ...]]:
    """What meetings() gave before the index: every relation tested; the certain rows
    first, then the possible ones, each in time order."""
    b = resolve_anchor(kg, anchor)
    real = {Status.OCCURRED, Status.REPORTED, Status.DISPUTED}
    rows = []
    for rel in kg.all_relations:
        if rel.type is not RelationType.MET_WITH or rel.status not in real:
            continue
        certainty = _certainty(rel.when, b, None, None, strength)  # type: ignore[arg-type]
        if certainty is not None:
            rows.append((rel.when.sort_key(), rel.record, rel.source, rel.target, certainty))
    rows.sort(key=lambda r: (r[4] == "possible", r[0]))  # certain rows first
    return [r[1:] for r in rows]


def test_meetings_on_a_generated_corpus_are_the_plain_scan() -> None:
    kg = generate(events=600, seed=3)
    anchor = "event-0000300"
    for strength in ("possibly", "certainly"):
        got = [(f.record_id, f.subject_id, f.object_id, f.certainty or "")
               for f in meetings(kg, before=anchor, strength=strength)]  # type: ignore[arg-type]
        assert got == _plain_meetings(kg, anchor, strength)
        assert got  # the corpus has meetings on both sides of its middle event
    after = meetings(kg, after=anchor)
    assert {f.record_id for f in after}.isdisjoint(
        {f.record_id for f in meetings(kg, before=anchor, strength="certainly")})


def test_answers_are_the_same_lazily_or_not() -> None:
    kg = generate(events=300, seed=5)
    lazy = relations(kg, ["met_with", "proposed"], after="event-0000100")
    assert len(lazy) == len(lazy.rows) > 0
    assert [r.record() for r in lazy] == lazy.to_records()
    assert lazy[0] is lazy.rows[0]  # a row is built once
