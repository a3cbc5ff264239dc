"""The networkx view."""

from __future__ import annotations

import dataclasses

import networkx as nx

from korea_graph import KnowledgeGraph


def test_nodes_are_actors_and_edges_relations(kg: KnowledgeGraph) -> None:
    g = kg.to_networkx()
    assert isinstance(g, nx.MultiDiGraph)
    assert set(g.nodes) == set(kg.actors)
    assert g.number_of_edges() == len(kg.all_relations)
    data = g.edges["aleksandr-losyukov", "kim-yong-nam",
                   "losyukov-meets-north-koreans/met_with/aleksandr-losyukov/kim-yong-nam"]
    assert data["type"] == "met_with" and data["time"] == "2000-06-27"
    assert data["status"] == "reported" and data["event"] == "losyukov-meets-north-koreans"
    assert "Sheremetyevo-2 airport" in data["evidence"]
    assert "UPI, 2000-06-27" in data["citations"]
    assert g.nodes["kim-jong-il"]["wikidata"] == "Q10665"


def test_two_meetings_of_the_same_people_stay_two_edges(kg: KnowledgeGraph) -> None:
    first = kg.events["losyukov-meets-north-koreans"]
    second = dataclasses.replace(first, id="losyukov-meets-again", when=kg.events[
        "ivanov-meets-kim-yong-nam"].when)
    bigger = KnowledgeGraph(documents=kg.documents.values(), actors=kg.actors.values(),
                            events=[*kg.events.values(), second])
    g = bigger.to_networkx()
    keys = set(g["aleksandr-losyukov"]["kim-yong-nam"])
    assert {k.split("/")[0] for k in keys if "/met_with/" in k} == {
        "losyukov-meets-north-koreans", "losyukov-meets-again"}


def test_graphml_export_works(kg: KnowledgeGraph, tmp_path) -> None:  # type: ignore[no-untyped-def]
    g = kg.to_networkx()
    nx.write_gexf(g, tmp_path / "korea.gexf")
    nx.write_graphml(g, tmp_path / "korea.graphml")
    assert nx.read_graphml(tmp_path / "korea.graphml").number_of_nodes() == len(kg.actors)
