"""Derived relations: a hedge of one part of a record bounds that part alone, in every
reader and writer (data file, Builder, RDF)."""

from __future__ import annotations

from pathlib import Path

import pytest

import korea_graph
from korea_graph import Builder, Hedge, RelationType, Status, VocabularyError
from korea_graph.questions.query import relations

TEXT = ("Moscow Bulletin\n---\n"
        "Ivanov met Kim in Pyongyang on July 20. He and Kim reportedly discussed the railway.\n")


def _graph(hedges: object) -> korea_graph.KnowledgeGraph:
    b = Builder()
    b.actor("tass", "TASS", "news_outlet")
    b.actor("ivanov", "Ivanov", "person")
    b.actor("kim", "Kim", "person")
    b.actor("pyongyang", "Pyongyang", "city")
    b.actor("railway", "the railway", "project")
    b.document("bulletin", title="Moscow Bulletin", text=TEXT, publisher="tass",
               published="2000-07-24")
    b.event("talks", "meeting", "Ivanov meets Kim",
            participants={"ivanov": "participant", "kim": "participant", "railway": "topic"},
            when={"date": "2000-07-20", "phrase": "on July 20"}, status="occurred",
            evidence=["Ivanov met Kim in Pyongyang on July 20.",
                      "He and Kim reportedly discussed the railway."],
            place="pyongyang", hedges=hedges)
    return b.build()


def _statuses(kg: korea_graph.KnowledgeGraph) -> dict[str, str]:
    return {f"{r.source} {r.type} {r.target}": r.status.value for r in kg.all_relations}


def test_a_hedge_on_discussed_makes_only_what_was_discussed_reported(tmp_path: Path) -> None:
    kg = _graph([{"phrase": "reportedly", "applies_to": ["discussed"]}])
    statuses = _statuses(kg)
    assert statuses["ivanov met_with kim"] == "occurred"
    assert statuses["ivanov discussed railway"] == "reported"
    assert statuses["kim discussed railway"] == "reported"
    assert kg.events["talks"].status is Status.OCCURRED
    talked = relations(kg, "discussed")
    assert {row.hedges for row in talked} == {("reportedly [applies to discussed]",)}
    assert all(row.status is Status.REPORTED for row in talked)
    assert relations(kg, "met_with")[0].hedges == ()
    # the same graph through the data file and through RDF
    path = tmp_path / "bulletin.yaml"
    korea_graph.to_yaml(kg, path)
    assert "applies_to: [discussed]" in path.read_text(encoding="utf-8")
    again = korea_graph.load(path, corpus=False)
    assert again == kg and _statuses(again) == statuses
    assert korea_graph.from_rdf(korea_graph.to_rdf(kg, "turtle"), "turtle") == kg


def test_a_hedge_of_the_whole_record_bounds_every_relation() -> None:
    kg = _graph(["reportedly"])
    rows = relations(kg, ["met_with", "discussed"])
    assert {row.hedges for row in rows} == {("reportedly",)}
    # status comes from the record: occurred, hedged (the curator chose not to say reported)
    assert set(_statuses(kg).values()) == {"occurred"}


def test_an_unknown_relation_type_in_on_is_refused_with_the_field() -> None:
    with pytest.raises(VocabularyError, match=r"hedges\[0\].applies_to\[0\]: unknown .*'discused'"):
        _graph([{"phrase": "reportedly", "applies_to": ["discused"]}])
    hedge = Hedge("reportedly", applies_to=("met_with", "discussed"))
    assert hedge.applies_to == ("discussed", "met_with")
    assert RelationType.DISCUSSED.value == "discussed"


NEGOTIATING = ("Pyongyang Bulletin\n---\n"
               "North Korea is negotiating with the United States, Japan and South Korea.\n")


def _negotiations(roles: dict[str, str]) -> korea_graph.KnowledgeGraph:
    b = Builder()
    b.actor("kcna", "KCNA", "news_outlet")
    for actor, label in (("north-korea", "North Korea"), ("united-states", "United States"),
                         ("japan", "Japan"), ("south-korea", "South Korea")):
        b.actor(actor, label, "state")
    b.actor("railway", "the railway", "project")
    b.document("bulletin", title="Pyongyang Bulletin", text=NEGOTIATING, publisher="kcna",
               published="2000-07-19")
    b.event("talks", "negotiation", "North Korea negotiates with three states",
            participants={**roles, "railway": "topic"},
            when={"date": "2000-07-19", "phrase": "is negotiating"}, status="occurred",
            evidence=["North Korea is negotiating with the United States, Japan and South Korea."])
    return b.build()


def test_one_party_negotiating_with_several_meets_each_and_they_not_each_other() -> None:
    kg = _negotiations({"north-korea": "party", "united-states": "counterpart",
                        "japan": "counterpart", "south-korea": "counterpart"})
    met = {frozenset((r.source, r.target)) for r in kg.relations("met_with")}
    assert met == {frozenset(("north-korea", other))
                   for other in ("united-states", "japan", "south-korea")}
    # each side still discussed what was negotiated
    assert {r.source for r in kg.relations("discussed")} == {
        "north-korea", "united-states", "japan", "south-korea"}
    # the rule is kept by the data file and RDF, and by the CAMEO export
    assert korea_graph.from_rdf(korea_graph.to_rdf(kg, "turtle"), "turtle") == kg
    from korea_graph.eventdata.cameo_export import to_cameo_rows
    dyads = {(r["Source Name"], r["Target Name"]) for r in to_cameo_rows(kg)}
    assert ("United States", "Japan") not in dyads and ("North Korea", "Japan") in dyads
    # four parties, as the old data wrote it, all meet all: six pairs
    assert len(_negotiations({"north-korea": "party", "united-states": "party",
                              "japan": "party", "south-korea": "party"}
                             ).relations("met_with")) == 6


def test_counterpart_is_a_role_of_the_data_file(tmp_path: Path) -> None:
    kg = _negotiations({"north-korea": "party", "united-states": "counterpart",
                        "japan": "counterpart", "south-korea": "counterpart"})
    path = tmp_path / "bulletin.yaml"
    korea_graph.to_yaml(kg, path)
    assert "role: counterpart" in path.read_text(encoding="utf-8")
    assert korea_graph.load(path, corpus=False) == kg
