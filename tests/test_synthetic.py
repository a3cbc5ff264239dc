"""The synthetic corpus: valid model objects, the promised variety, reproducible."""

from __future__ import annotations

from collections import Counter

import pytest

from korea_graph import KnowledgeGraph, Status
from korea_graph.core.model import Event
from korea_graph.core.timespan import Precision
from korea_graph.errors import DataError
from korea_graph.scale.synthetic import generate


@pytest.fixture(scope="module")
def corpus() -> KnowledgeGraph:
    return generate(events=2_000, seed=7)


def test_sizes(corpus: KnowledgeGraph) -> None:
    assert len(corpus.events) == 2_000
    assert len(corpus.documents) == 20
    persons = [a for a in corpus.actors.values() if a.kind.value == "person"]
    assert len(persons) == 100
    # every person holds a post
    assert {p.holder for p in corpus.affiliations.values()} >= {a.id for a in persons}


def test_evidence_quotes_the_document_text(corpus: KnowledgeGraph) -> None:
    records = [*corpus.events.values(), *corpus.affiliations.values(), *corpus.stances.values()]
    for record in records:
        assert record.evidence, record.id
        for ev in record.evidence:
            doc = corpus.documents[ev.document]
            assert doc.text[ev.start:ev.end] == ev.quote
            assert doc.paragraph_of(ev.start) == ev.paragraph


def test_references_resolve(corpus: KnowledgeGraph) -> None:
    actors, events = corpus.actors, corpus.events
    for doc in corpus.documents.values():
        assert doc.publisher in actors
    for event in events.values():
        assert all(p in actors for p in event.actors())
        assert len(set(event.actors())) == len(event.participants)
        assert event.place is None or event.place in actors
        assert event.part_of is None or event.part_of in events
        assert all(e in events for e in event.about)
        assert all(c.outlet in actors for c in event.citations)
    for stance in corpus.stances.values():
        assert stance.holder in actors and stance.target in actors
        assert stance.expressed_in in events
    for actor in actors.values():
        assert actor.country is None or actor.country in actors


def test_variety(corpus: KnowledgeGraph) -> None:
    events: list[Event] = list(corpus.events.values())
    sizes = Counter(len(e.participants) for e in events)
    assert set(sizes) == {2, 3, 4, 5}
    assert {e.status for e in events} == set(Status)
    precisions = {e.when.precision for e in events}
    assert {Precision.DAY, Precision.SPAN, Precision.WEEK, Precision.MONTH, Precision.YEAR,
            Precision.WINDOW, Precision.OPEN} <= precisions
    assert any(e.when.phrase for e in events)
    assert sum(bool(e.citations) for e in events) > len(events) // 10
    assert corpus.relations("met_with")


def test_same_seed_same_graph_and_prefix_keeps_actors() -> None:
    a, b = generate(events=300, seed=3), generate(events=300, seed=3)
    assert a == b
    assert generate(events=300, seed=4) != a
    other = generate(events=300, seed=3, prefix="x-")
    assert set(other.documents).isdisjoint(a.documents)
    assert dict(other.actors) == dict(a.actors)
    assert a.merge(other).events.keys() == a.events.keys() | other.events.keys()


def test_bad_size() -> None:
    with pytest.raises(DataError, match="positive"):
        generate(events=0)
