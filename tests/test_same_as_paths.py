"""Actor and event ``same_as`` on every path, with the same files (tests/fixtures/same_as:
the second report names Paek Nam-sun ``paek-nam`` and the July 1 meeting
``paek-ivanov-talks``, each ``same_as`` the first report's): in memory, from RDF, under
SHACL, in the embedded store and through a SPARQL endpoint, the same graph and the same
answers."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import korea_graph
from korea_graph import KnowledgeGraph
from korea_graph.errors import KoreaGraphError
from korea_graph.linked_data.ontology import KG, PREFIXES
from korea_graph.linked_data.rdf import from_rdf, to_rdf
from korea_graph.questions.english import ask
from korea_graph.questions.query import meetings
from korea_graph.scale.store import Store, split
from korea_graph.scale.store_ask import ask_store

FILES = sorted((Path(__file__).parent / "fixtures" / "same_as").glob("*.yaml"))
QUESTIONS = ["who met whom", "who did Paek Nam Sun meet", "who did paek-nam meet",
             "who met Igor Ivanov", "what does each source say about paek-ivanov-talks"]


@pytest.fixture(scope="module")
def kg() -> KnowledgeGraph:
    return korea_graph.load(*FILES)


def answer(source: KnowledgeGraph | Store, question: str) -> Any:
    """The rows, notes and query of an answer, or the error it raised."""
    try:
        found = ask_store(source, question) if isinstance(source, Store) else ask(
            source, question)
    except KoreaGraphError as exc:
        return type(exc).__name__, str(exc)
    return list(found), found.notes, found.query, found.columns


def rows(kg: KnowledgeGraph) -> set[tuple[str, str, str]]:
    return {(f.subject_id, f.object_id, f.record_id) for f in meetings(kg)}


def test_in_memory_the_links_fold_one_person_and_one_meeting(kg: KnowledgeGraph) -> None:
    assert dict(kg.actor_same_as) == {"paek-nam": "pek-nam-sun"}
    assert dict(kg.event_same_as) == {"paek-ivanov-talks": "paek-meets-ivanov"}
    assert kg.actor("paek-nam").id == kg.actor("Paek Nam Sun").id == "pek-nam-sun"
    assert [c.id for c in kg.claims("paek-ivanov-talks")] == ["paek-meets-ivanov",
                                                              "paek-ivanov-talks"]
    assert rows(kg) == {("pek-nam-sun", "igor-ivanov", "paek-meets-ivanov"),
                        ("pek-nam-sun", "kim-yong-nam", "paek-meets-kim-yong-nam")}


def test_rdf_reads_back_equal_with_its_own_link_property(kg: KnowledgeGraph) -> None:
    turtle = to_rdf(kg)
    back = from_rdf(turtle)
    assert back == kg and dict(back.actor_same_as) == dict(kg.actor_same_as)
    assert all(answer(back, q) == answer(kg, q) for q in QUESTIONS)
    nt = to_rdf(kg, "ntriples")
    # a link between two records of the graph is kg:sameAsRecord; owl:sameAs is Wikidata's
    assert f"/actor/paek-nam> <{KG}sameAsRecord> <" in nt
    assert f"/claim/b-report/paek-ivanov-talks> <{KG}sameAsRecord> <" in nt
    assert f"{PREFIXES['owl']}sameAs" not in nt
    # a file of an older version, with owl:sameAs between the two records, reads the same
    old = nt.replace(f"<{KG}sameAsRecord>", f"<{PREFIXES['owl']}sameAs>")
    assert from_rdf(old, "ntriples") == kg


def test_shacl_accepts_the_graph_and_each_document_alone(kg: KnowledgeGraph) -> None:
    pytest.importorskip("pyshacl")
    report = korea_graph.validate(kg)
    assert report.conforms, report.text()
    for _, part in split(kg):  # what a store or an endpoint holds in one named graph
        assert korea_graph.validate(part).conforms


def test_shacl_refuses_a_link_to_no_record(kg: KnowledgeGraph, tmp_path: Path) -> None:
    pytest.importorskip("pyshacl")
    nt = to_rdf(kg, "ntriples").replace("/actor/pek-nam-sun> .", "/actor/nobody> .")
    path = tmp_path / "broken.nt"
    path.write_text(nt, encoding="utf-8")
    report = korea_graph.validate(path)
    assert any(v.path == "kg:sameAsRecord" and "another actor of the graph" in v.message
               for v in report.violations), report.text()


@pytest.fixture(scope="module")
def store(kg: KnowledgeGraph, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    with Store.open(tmp_path_factory.mktemp("same-as") / "s") as opened:
        opened.add(kg)
        yield opened


def test_a_store_reads_back_the_graph_and_answers_alike(kg: KnowledgeGraph,
                                                        store: Store) -> None:
    assert store.graph() == kg
    for question in QUESTIONS:
        assert answer(store, question) == answer(kg, question), question
    assert {(m.source, m.target, m.record) for m in store.meetings()} == rows(kg)


def test_the_command_line_store_answers_alike(kg: KnowledgeGraph, tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    from korea_graph.cli import main

    data = [arg for f in FILES for arg in ("--data", str(f))]
    folder = str(tmp_path / "s")
    assert main([*data, "--only", "store", folder, "add"]) == 0
    capsys.readouterr()
    for question in QUESTIONS[:3]:
        assert main(["store", folder, "ask", question, "--format", "csv"]) == 0
        stored = capsys.readouterr().out
        assert main([*data, "--only", "ask", question, "--format", "csv"]) == 0
        assert stored == capsys.readouterr().out and "Paek Nam-sun" in stored


@pytest.mark.server
def test_a_sparql_endpoint_reads_back_the_graph_and_answers_alike(
        kg: KnowledgeGraph, tmp_path_factory: pytest.TempPathFactory) -> None:
    import virtuoso
    from conftest import need

    from korea_graph.scale.remote import Endpoint

    need(virtuoso.available(), "Virtuoso is not installed (apt-get install virtuoso-opensource)")
    server = virtuoso.start(tmp_path_factory.mktemp("virtuoso-same-as"))
    try:
        endpoint = Endpoint(server.endpoint, server.graph_store, server.user, server.password)
        endpoint.push(kg)
        remote = endpoint.graph()
        assert remote == kg
        for question in QUESTIONS:
            assert answer(remote, question) == answer(kg, question), question
        assert {(m.source, m.target, m.record) for m in endpoint.meetings()} == rows(kg)
        # one document alone: the link to the other's meeting still ends at its id
        alone = endpoint.graph(documents=["b-report"])
        assert alone.event("paek-ivanov-talks").id == "paek-meets-ivanov"
        assert alone.actor("paek-nam").id == "pek-nam-sun"
    finally:
        server.stop()
