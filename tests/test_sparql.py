"""SPARQL over the graph: every query of docs/sparql-cookbook.md runs and gives what the
model says; rows, frames, ASK/CONSTRUCT, safe bindings and clear errors."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pandas as pd
import pytest

import korea_graph
from korea_graph import KnowledgeGraph, RelationType, Status
from korea_graph.errors import QueryError
from korea_graph.eventdata.vocabulary import event_code
from korea_graph.linked_data.ontology import KG
from korea_graph.linked_data.rdf import iri
from korea_graph.linked_data.sparql_query import Rows, sparql, store

COOKBOOK = Path(__file__).resolve().parent.parent / "docs" / "sparql-cookbook.md"
RECIPE = re.compile(r"^## (\d+)\. (.+?)$.*?^```sparql\n(.*?)^```", re.S | re.M)


def recipes() -> dict[int, str]:
    return {int(m[1]): m[3] for m in RECIPE.finditer(COOKBOOK.read_text(encoding="utf-8"))}


def label(kg: KnowledgeGraph, actor: str) -> str:
    return kg.actors[actor].label


def ev(event_id: str) -> str:
    return iri("event", event_id)


REAL = (Status.OCCURRED, Status.REPORTED, Status.DISPUTED)

# recipe number -> (rows, kg) -> None, checking the rows against the model
CHECKS: dict[int, Callable[[Rows, KnowledgeGraph], None]] = {}


def check(number: int) -> Callable[[Callable[[Rows, KnowledgeGraph], None]],
                                   Callable[[Rows, KnowledgeGraph], None]]:
    def register(fn: Callable[[Rows, KnowledgeGraph], None]) -> Callable[[Rows, KnowledgeGraph],
                                                                          None]:
        CHECKS[number] = fn
        return fn
    return register


@check(1)
def _who_met_whom(rows: Rows, kg: KnowledgeGraph) -> None:
    expected = {(label(kg, r.source), label(kg, r.target)) for r in kg.relations("met_with")}
    assert {(r["a"], r["b"]) for r in rows} == expected
    assert ("Aleksandr Losyukov", "Kim Yong-nam") in expected


@check(2)
def _met_when(rows: Rows, kg: KnowledgeGraph) -> None:
    expected = {(label(kg, r.source), label(kg, r.target), r.when.iso(),
                 KG + f"status_{r.status.value}", ev(r.record))
                for r in kg.relations(RelationType.MET_WITH)}
    assert {tuple(r.values()) for r in rows} == expected
    assert len(rows) == len(expected)


@check(3)
def _date_range(rows: Rows, kg: KnowledgeGraph) -> None:
    first, last = date(2000, 6, 1), date(2000, 6, 30)
    expected = [e for e in kg.events.values() if e.when.start_min and e.when.end_max
                and e.when.start_min >= first and e.when.end_max <= last]
    assert {r["event"] for r in rows} == {ev(e.id) for e in expected}
    assert all(r["label"] == kg.events[r["event"].rsplit("/", 1)[1]].label for r in rows)


@check(4)
def _putin(rows: Rows, kg: KnowledgeGraph) -> None:
    expected = {(ev(e.id), KG + e.type.value.title().replace("_", ""), KG + f"role_{p.role}")
                for e in kg.events.values() for p in e.participants
                if p.actor == "vladimir-putin"}
    assert {(r["event"], r["type"], r["role"]) for r in rows} == expected


@check(5)
def _korea_herald(rows: Rows, kg: KnowledgeGraph) -> None:
    expected = Counter()
    for kind, table in (("event", kg.events), ("affiliation", kg.affiliations),
                        ("stance", kg.stances)):
        for record in table.values():
            for c in record.citations:
                if c.outlet == "korea-herald":
                    expected[(iri(kind, record.id), c.date.iso() if c.date else None)] += 1
    assert Counter((r["record"], r["date"]) for r in rows) == expected
    assert expected


@check(6)
def _provenance(rows: Rows, kg: KnowledgeGraph) -> None:
    event = kg.events["ivanov-meets-kim-yong-nam"]
    doc = kg.documents["monitor-6-129"]
    assert [(r["quote"], r["start"], r["end"]) for r in rows] == [
        (e.quote, e.start, e.end) for e in sorted(event.evidence, key=lambda e: e.start)]
    assert {(r["title"], r["publisher"]) for r in rows} == {
        (doc.title, label(kg, doc.publisher))}
    assert all(doc.text[r["start"]:r["end"]] == r["quote"] for r in rows)


@check(7)
def _by_status(rows: Rows, kg: KnowledgeGraph) -> None:
    expected = Counter(KG + f"status_{e.status.value}" for e in kg.events.values())
    assert {r["status"]: r["events"] for r in rows} == expected
    assert [r["events"] for r in rows] == sorted((r["events"] for r in rows), reverse=True)


@check(8)
def _hedged(rows: Rows, kg: KnowledgeGraph) -> None:
    hedged = [e for e in kg.events.values() if e.status.is_hedged]
    assert {r["event"] for r in rows} == {ev(e.id) for e in hedged}
    for row in rows:
        event = kg.events[row["event"].rsplit("/", 1)[1]]
        outlets = {label(kg, c.outlet) for c in event.citations}
        assert set((row["outlets"] or "").split(", ")) - {""} == outlets


@check(9)
def _posts(rows: Rows, kg: KnowledgeGraph) -> None:
    expected = Counter((label(kg, a.holder), label(kg, a.organization),
                        KG + f"affiliation_{a.kind.value}", a.title)
                       for a in kg.affiliations.values())
    assert Counter(tuple(r.values()) for r in rows) == expected


@check(10)
def _opposes(rows: Rows, kg: KnowledgeGraph) -> None:
    expected = {(label(kg, s.holder), label(kg, s.target), s.when.iso())
                for s in kg.stances.values() if s.attitude == "opposes"}
    assert {tuple(r.values()) for r in rows} == expected
    assert ("Russia", "U.S. national missile defense") in {r[:2] for r in expected}


@check(11)
def _wikidata(rows: Rows, kg: KnowledgeGraph) -> None:
    expected = {(iri("actor", a.id), a.label, f"http://www.wikidata.org/entity/{a.wikidata}")
                for a in kg.actors.values() if a.wikidata}
    assert {tuple(r.values()) for r in rows} == expected


@check(12)
def _cameo(rows: Rows, kg: KnowledgeGraph) -> None:
    expected = set()
    for e in kg.events.values():
        code = event_code(e)
        if code is not None:
            expected.add((ev(e.id), code.cameo, code.name, code.plover))
    assert {tuple(r.values()) for r in rows} == expected
    assert (ev("putin-visits-pyongyang"), "036", "Express intent to meet or negotiate",
            "AGREE") in expected


@check(13)
def _sem_events(rows: Rows, kg: KnowledgeGraph) -> None:
    assert [r["event"] for r in rows] == sorted(ev(e) for e in kg.events)


@check(14)
def _before_trip(rows: Rows, kg: KnowledgeGraph) -> None:
    trip = kg.events["putin-visits-pyongyang"].when
    expected = {ev(e.id) for e in kg.events.values()
                if e.status in REAL and e.when.certainly_before(trip)}
    assert {r["event"] for r in rows} == expected
    assert ev("inter-korean-summit") in expected


def test_the_cookbook_has_at_least_ten_recipes_each_checked() -> None:
    found = recipes()
    assert len(found) >= 10
    assert sorted(found) == sorted(CHECKS), "every recipe needs a check and vice versa"


@pytest.mark.parametrize("number", sorted(CHECKS))
def test_cookbook_recipe(kg: KnowledgeGraph, number: int) -> None:
    rows = korea_graph.sparql(kg, recipes()[number])
    assert isinstance(rows, Rows) and rows, "a recipe that finds nothing teaches nothing"
    CHECKS[number](rows, kg)
    frame = sparql(kg, recipes()[number], frame=True)
    assert isinstance(frame, pd.DataFrame)
    assert list(frame.columns) == list(rows.variables) and len(frame) == len(rows)


# -- the API -------------------------------------------------------------------------------
def test_values_are_python_values(kg: KnowledgeGraph) -> None:
    rows = sparql(kg, """SELECT ?start ?n ?quote WHERE {
        <event/putin-visits-pyongyang> kg:when/kg:startMin ?start ;
            kg:evidence ?e . ?e kg:start ?n ; kg:quote ?quote } ORDER BY ?n LIMIT 1""")
    assert rows[0]["start"] == date(2000, 7, 19)
    assert isinstance(rows[0]["n"], int) and isinstance(rows[0]["quote"], str)
    assert rows.variables == ("start", "n", "quote")
    assert rows.to_frame().shape == (1, 3)


def test_ask_and_construct(kg: KnowledgeGraph) -> None:
    assert sparql(kg, "ASK { <actor/aleksandr-losyukov> kg:metWith <actor/kim-yong-nam> }")
    assert not sparql(kg, "ASK { <actor/kim-yong-nam> kg:metWith <actor/vladimir-putin> }")
    triples = sparql(kg, "CONSTRUCT { ?a kg:metWith ?b } WHERE { ?a kg:metWith ?b }")
    assert len(triples) == len(kg.relations("met_with"))
    assert all(p == KG + "metWith" for _, p, _ in triples)


def test_bindings_are_terms_not_text(kg: KnowledgeGraph) -> None:
    query = "SELECT ?e WHERE { ?e rdfs:label ?label }"
    hostile = '" } ?e ?p ?o . FILTER(true) { "'
    assert sparql(kg, query, bind={"label": hostile}) == []
    found = sparql(kg, query, bind={"label": kg.events["ivanov-lee-talks"].label})
    assert [r["e"] for r in found] == [ev("ivanov-lee-talks")]
    putin = kg.actor("Putin")
    rows = sparql(kg, "SELECT ?l WHERE { ?a rdfs:label ?l }", bind={"a": putin})
    assert rows == [{"l": "Vladimir Putin"}]
    with pytest.raises(QueryError, match="cannot bind"):
        sparql(kg, query, bind={"label": object()})
    with pytest.raises(QueryError, match="bad variable name"):
        sparql(kg, query, bind={"label) { } #": "x"})


def test_malformed_query_is_a_query_error(kg: KnowledgeGraph) -> None:
    with pytest.raises(QueryError, match="malformed SPARQL"):
        sparql(kg, "SELECT ?x WHERE { ?x ")
    with pytest.raises(QueryError, match="not int"):
        sparql(kg, 42)  # type: ignore[arg-type]


def test_store_is_built_once_per_graph(kg: KnowledgeGraph) -> None:
    assert store(kg) is store(kg)
    other = korea_graph.load()
    assert store(other) is not store(kg)
    without = sparql(kg, "ASK { kg:Event a owl:Class }", ontology=False)
    assert sparql(kg, "ASK { kg:Event a owl:Class }") and not without
