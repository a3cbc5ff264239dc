"""The on-disk store: add, reopen, read back, query, export; all-or-nothing adds; a kill
with SIGKILL in the middle of an add loses nothing committed before it."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pyoxigraph as ox
import pytest

import korea_graph
import korea_graph.scale.store as store_module
from korea_graph import KnowledgeGraph, load
from korea_graph.cli import main
from korea_graph.curation.loader import bundled_data_files
from korea_graph.errors import DataError, DuplicateIdError, NotFoundError, QueryError
from korea_graph.linked_data.rdf import from_rdf, to_rdf
from korea_graph.questions.query import meetings
from korea_graph.scale.store import Store, StoreMeeting, split
from korea_graph.scale.synthetic import generate


def union_is_exact(store: Store) -> bool:
    """The union graph holds each triple of the catalogued graphs, and nothing else."""
    def triples(graph: str) -> set[ox.Triple]:
        return {q.triple for q in store.oxigraph.quads_for_pattern(
            None, None, None, ox.NamedNode(graph))}

    return triples(store_module.UNION) == set().union(*map(triples, store.graphs()))


def same_records(a: KnowledgeGraph, b: KnowledgeGraph) -> bool:
    """Equal content, whatever the order of the records."""
    return all(dict(getattr(a, t)) == dict(getattr(b, t))
               for t in ("documents", "actors", "events", "affiliations", "stances"))


def test_curated_graph_round_trip_and_reopen(tmp_path: Path, kg: KnowledgeGraph) -> None:
    with Store.open(tmp_path / "s") as store:
        graphs = store.add(kg)
        assert graphs == ["https://w3id.org/korea-graph/id/graph/document/monitor-6-129"]
        assert store.graph() == kg
    with Store.open(tmp_path / "s", read_only=True) as store:
        assert store.documents() == ["monitor-6-129"]
        assert store.graph() == kg
        with pytest.raises(QueryError, match="read-only"):
            store.add(generate(events=10))


def test_incremental_adds_of_a_corpus(tmp_path: Path) -> None:
    first, second = generate(events=600, seed=2), generate(events=400, seed=2, prefix="b-")
    with Store.open(tmp_path) as store:
        store.add(first)
        store.add(second, batch_quads=5_000)
        assert store.documents() == [*first.documents, *second.documents]
        assert same_records(store.graph(), first.merge(second))
        assert store.graph(documents=["b-doc-000001"]) == dict(split(second))["b-doc-000001"]
        store.remove("doc-000000")
        assert "doc-000000" not in store.documents()
        with pytest.raises(NotFoundError):
            store.graph(documents=["doc-000000"])


def test_duplicate_document_leaves_the_store_as_it_was(tmp_path: Path) -> None:
    corpus = generate(events=300, seed=1)
    with Store.open(tmp_path) as store:
        store.add(corpus)
        before = (len(store), store.documents())
        overlapping = generate(events=500, seed=1)  # doc-000000..2 again, 3 and 4 new
        with pytest.raises(DuplicateIdError, match="doc-000000, doc-000001, doc-000002"):
            store.add(overlapping)
        assert (len(store), store.documents()) == before


def test_failure_mid_add_removes_what_it_wrote(tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    base = generate(events=200, seed=1, prefix="base-")
    corpus = generate(events=800, seed=1)
    real = store_module.store_quads
    calls = []

    def failing(part: KnowledgeGraph, graph: str) -> bytes:
        calls.append(graph)
        if len(calls) == 6:
            raise OSError("disk full (simulated)")
        return real(part, graph)

    with Store.open(tmp_path) as store:
        store.add(base)
        before = sorted(str(q) for q in store.oxigraph)
        monkeypatch.setattr(store_module, "store_quads", failing)
        with pytest.raises(OSError, match="disk full"):
            store.add(corpus, batch_quads=1_000)  # several batches committed before it fails
        assert len(calls) == 6
        assert sorted(str(q) for q in store.oxigraph) == before  # the union graph's too
        assert store.documents() == list(base.documents)


def test_meetings_match_the_query_api(tmp_path: Path, kg: KnowledgeGraph) -> None:
    corpus = generate(events=1_500, seed=9)
    with Store.open(tmp_path) as store:
        store.add(kg)
        store.add(corpus)
        both = kg.merge(corpus)
        for anchor, store_anchor in (("Putin's trip", kg.event("Putin's trip").id),
                                     ("2000-06-27", "2000-06-27"),
                                     ("event-0000700", "event-0000700")):
            expected = {(f.subject_id, f.object_id, f.record_id, f.certainty)
                        for f in meetings(both, before=anchor)}
            found = {(m.source, m.target, m.record, m.certainty)
                     for m in store.meetings(before=store_anchor)}
            assert found == expected and expected
        who = "person-000003"
        expected = {(f.subject_id, f.object_id, f.record_id)
                    for f in meetings(both, involving=who, before="event-0001200")}
        found = {(m.source, m.target, m.record)
                 for m in store.meetings(involving=who, before="event-0001200")}
        assert found == expected and expected
        with pytest.raises(NotFoundError, match="no-such-event"):
            store.meetings(before="no-such-event")


def test_sparql_and_export(tmp_path: Path, kg: KnowledgeGraph) -> None:
    with Store.open(tmp_path / "s") as store:
        store.add(kg)
        rows = store.sparql("SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE { ?e a "
                            "<https://w3id.org/korea-graph/ontology#Event> }")
        assert rows == [{"n": str(len(kg.events))}]
        assert store.sparql("ASK { ?s ?p ?o }") is True
        with pytest.raises(QueryError, match="malformed SPARQL"):
            store.sparql("SELECT WHERE {")
        ttl = store.export(tmp_path / "all.ttl")
        assert from_rdf(ttl.read_text(encoding="utf-8"), "turtle") == kg
        nq = store.export(tmp_path / "all.nq")
        quads = list(ox.parse(path=str(nq), format=ox.RdfFormat.N_QUADS))
        graphs = {q.graph_name.value for q in quads}
        assert graphs == {store.graphs()[0], store_module.CATALOGUE}
        with pytest.raises(DataError, match="cannot export jsonld"):
            store.export(tmp_path / "all.jsonld")
    triples = {str(t) for t in ox.parse(to_rdf(kg, "ntriples"), format=ox.RdfFormat.N_TRIPLES)}
    assert {str(ox.Triple(q.subject, q.predicate, q.object)) for q in quads
            if q.graph_name.value != store_module.CATALOGUE} == triples


TOP = """PREFIX kg: <https://w3id.org/korea-graph/ontology#>
SELECT ?a (COUNT(*) AS ?n) WHERE { { ?a kg:metWith ?b } UNION { ?b kg:metWith ?a } }
GROUP BY ?a ORDER BY DESC(?n) ?a"""
PUTIN = "https://w3id.org/korea-graph/id/actor/vladimir-putin"


def test_sparql_sees_each_triple_once_however_many_documents_hold_it(tmp_path: Path) -> None:
    """Each document graph holds the actors it names; the store's default graph is their
    union as a set (the answers of the same query on the graph in memory), and GRAPH ?g
    still tells which documents hold a triple."""
    corpus = load()
    assert len(corpus.documents) > 2
    with Store.open(tmp_path / "s") as store:
        store.add(corpus)
        labels = store.sparql(f"SELECT ?l WHERE {{ <{PUTIN}> "
                              "<http://www.w3.org/2000/01/rdf-schema#label> ?l }")
        assert labels == [{"l": "Vladimir Putin"}]

        def counted(rows: list[dict[str, object]]) -> list[tuple[str, str]]:
            return [(str(r["a"]), str(r["n"])) for r in rows]

        assert counted(store.sparql(TOP)) == counted(korea_graph.sparql(corpus, TOP))
        holding = store.sparql(f"SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ <{PUTIN}> ?p ?o }} }}")
        expected = {q.graph_name.value for q in store.oxigraph.quads_for_pattern(
            ox.NamedNode(PUTIN), None, None, None)} - {store_module.UNION}
        assert {r["g"] for r in holding} == expected and len(expected) > 2
        assert union_is_exact(store)
        # a removal takes out of the union what only that document held
        gone = store.documents()[-1]
        store.remove(gone)
        rest = corpus.select(documents=[d for d in corpus.documents if d != gone])
        assert counted(store.sparql(TOP)) == counted(korea_graph.sparql(rest, TOP))
        assert union_is_exact(store)
        assert from_rdf(store.export(tmp_path / "u.ttl").read_text(encoding="utf-8"),
                        "turtle") == store.graph()


def test_removing_a_document_whose_actor_sits_at_position_255(tmp_path: Path) -> None:
    """pyoxigraph 0.5.13's on-disk look-up of ``(s, p, 255)`` also returns 256, 257...: the
    union graph must still lose the removed document's ``kg:position 255``."""
    import re

    big = generate(events=20_000, seed=5, prefix="big-")
    kg = big.select(documents=list(big.documents)[:8])
    parts = [(d, part) for d, part in split(kg) if d]
    position = re.compile(rb"<https://w3id.org/korea-graph/id/actor/([^>]+)> "
                          rb'<https://w3id.org/korea-graph/ontology#position> "(\d+)"')
    at = {d: {m[1]: int(m[2]) for m in position.finditer(store_module.store_quads(part, "g"))}
          for d, part in parts}
    pairs = [(a, b) for a in at for x, n in at[a].items() if n == 255
             for b in at if b != a and 255 < at[b].get(x, 0) < 65_536]
    assert pairs, "the corpus no longer has the case: pick another seed"
    with Store.open(tmp_path / "s") as store:
        store.add(kg)
        store.remove(pairs[0][0])
        assert union_is_exact(store)


def test_a_store_written_before_the_union_graph_gets_one(tmp_path: Path) -> None:
    corpus = load()
    folder = tmp_path / "s"
    with Store.open(folder) as store:
        store.add(corpus)
        expected = store.sparql(TOP)
        # as an earlier korea_graph left it: no union graph, no mark
        store.oxigraph.remove_graph(ox.NamedNode(store_module.UNION))
        store.oxigraph.update(f"DELETE WHERE {{ GRAPH <{store_module.CATALOGUE}> {{ "
                              f"?s <{store_module._LAYOUT}> ?o }} }}")
    with Store.open(folder, read_only=True) as store:  # read as before: every graph's copy
        assert len(store.sparql(f"SELECT ?t WHERE {{ <{PUTIN}> a ?t }}")) > 1
        assert store.graph() == corpus
    with Store.open(folder) as store:  # made on the first open for writing
        assert union_is_exact(store)
        assert store.sparql(TOP) == expected


def test_open_errors(tmp_path: Path) -> None:
    with pytest.raises(NotFoundError):
        Store.open(tmp_path / "missing", read_only=True)
    (tmp_path / "file").write_text("x")
    with pytest.raises(DataError, match="not a folder"):
        Store.open(tmp_path / "file")
    with Store.open(tmp_path / "s"), pytest.raises(DataError, match="another process"):
        Store.open(tmp_path / "s")


_CHILD = textwrap.dedent("""
    import sys
    import korea_graph.scale.store as s
    from korea_graph.scale.synthetic import generate

    store = s.Store.open(sys.argv[1])
    for i in range(3):
        store.add(generate(events=200, seed=5, prefix=f"small{i}-"))
        print("committed", *[d for d in store.documents() if d.startswith(f"small{i}-")],
              flush=True)
    real = s._catalogue_quads
    done = []

    def tell(ox, entries):
        # called just before a batch is committed: the previous batch is committed
        if done:
            print("committed", *done, flush=True)
        done[:] = [doc for _, _, doc in entries]
        return real(ox, entries)

    s._catalogue_quads = tell
    big = generate(events=20_000, seed=5, prefix="big-")
    print("adding big", flush=True)
    store.add(big, batch_quads=20_000)
    print("finished", flush=True)
""")


def test_sigkill_mid_add_loses_nothing_committed(tmp_path: Path) -> None:
    script = tmp_path / "child.py"
    script.write_text(_CHILD)
    folder = tmp_path / "store"
    child = subprocess.Popen([sys.executable, str(script), str(folder)], stdout=subprocess.PIPE,
                             text=True, env={**os.environ, "PYTHONUNBUFFERED": "1"})
    assert child.stdout is not None
    committed: list[str] = []
    big_batches = 0
    deadline = time.monotonic() + 300
    for line in child.stdout:
        words = line.split()
        if words[0] == "committed":
            committed.extend(words[1:])
            big_batches += words[1].startswith("big-")
        if big_batches >= 2 or time.monotonic() > deadline:
            break
    assert child.poll() is None, "the add finished before it could be killed"
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    child.stdout.close()
    assert child.returncode == -signal.SIGKILL
    assert big_batches >= 2

    big_parts = dict(split(generate(events=20_000, seed=5, prefix="big-")))
    with Store.open(folder) as store:  # reopening removes the uncommitted remains
        documents = store.documents()
        assert set(committed) <= set(documents)
        assert any(d.startswith("big-") for d in documents)
        assert len([d for d in documents if d.startswith("big-")]) < len(big_parts)
        for i in range(3):
            small = generate(events=200, seed=5, prefix=f"small{i}-")
            assert same_records(store.graph(documents=small.documents), small)
        for doc in documents:
            if doc.startswith("big-"):
                assert store.graph(documents=[doc]) == big_parts[doc]
        # nothing but committed documents and the catalogue is left
        graphs = {g.value for g in store.oxigraph.named_graphs()}
        assert graphs == {*store.graphs(), store_module.CATALOGUE, store_module.UNION}
        assert union_is_exact(store)  # the killed batch's triples are gone from it too


def test_cli_store(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from korea_graph.cli import main

    folder = str(tmp_path / "s")
    assert main(["store", folder, "add"]) == 0
    assert main(["store", folder, "add", "--synthetic", "300", "--prefix", "syn-"]) == 0
    assert "the store holds 8" in capsys.readouterr().out
    assert main(["store", folder, "info"]) == 0
    corpus = list(load().documents)
    assert capsys.readouterr().out.splitlines()[1:] == [
        *corpus, "syn-doc-000000", "syn-doc-000001", "syn-doc-000002"]
    assert main(["store", folder, "ask", "who met whom before Putin's trip", "--format",
                 "csv"]) == 0
    from korea_graph.questions.english import ask

    both = load().merge(generate(events=300, prefix="syn-"))
    expected = ask(both, "who met whom before Putin's trip").to_csv()
    assert capsys.readouterr().out == expected
    assert main(["store", folder, "sparql", "ASK { ?s ?p ?o }"]) == 0
    assert capsys.readouterr().out.strip() == "true"
    assert main(["store", folder, "export", str(tmp_path / "all.nq")]) == 0
    assert (tmp_path / "all.nq").stat().st_size > 0
    assert main(["store", folder, "add"]) == 2
    assert "already holds document(s) monitor-6-129, kremlin-news" in capsys.readouterr().err
    assert main(["store", folder, "remove", "syn-doc-000001"]) == 0
    assert main(["store", str(tmp_path / "missing"), "info"]) == 1


def test_progress_bar_only_on_a_terminal(tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    with Store.open(tmp_path / "quiet") as store:
        store.add(generate(events=300))
    assert capsys.readouterr().err == ""  # stderr is not a terminal here
    with Store.open(tmp_path / "loud") as store:
        store.add(generate(events=300), show_progress=True)
    assert "adding documents" in capsys.readouterr().err


EXAMPLE = Path(__file__).parent.parent / "examples" / "second-document" / "analyst-note.yaml"


def _meeting_rows(rows: list[StoreMeeting]) -> set[tuple[str, frozenset[str], str]]:
    return {(m.record, frozenset((m.source, m.target)), m.status.value) for m in rows}


def test_a_document_that_reports_a_stored_event_merges_with_it(tmp_path: Path,
                                                               kg: KnowledgeGraph) -> None:
    """The analyst's note reports the article's planned visit as held and links its own id
    for the talks to the article's: stored after the article, one event with both claims."""
    note = korea_graph.load(bundled_data_files()[0], EXAMPLE)
    with Store.open(tmp_path / "s") as store:
        store.add(kg)
        assert store.graph().events["putin-visits-pyongyang"].status.value == "planned"
        store.add(note, stored="keep")  # the article is given again: kept as stored
        assert store.documents() == ["monitor-6-129", "analyst-note-2000-07-20"]
        back = store.graph()
        assert back.events == note.events
        assert back.claims("putin-visits-pyongyang") == note.claims("putin-visits-pyongyang")
        assert back.event("talks-in-pyongyang").id == "putin-kim-jong-il-talks"
        # SPARQL over the store sees the merged view once, not each source's copy
        expected = korea_graph.meetings(note).to_records()
        assert _meeting_rows(store.meetings()) == {
            (r["record"], frozenset((r["subject_id"], r["object_id"])), r["status"])
            for r in expected}
        trip = store.sparql(
            "PREFIX kg: <https://w3id.org/korea-graph/ontology#> SELECT ?s WHERE { "
            "<https://w3id.org/korea-graph/id/event/putin-visits-pyongyang> kg:status ?s }")
        assert [row["s"].rsplit("_", 1)[1] for row in trip] == ["occurred"]
        # removing the note gives back the article's own view
        store.remove("analyst-note-2000-07-20")
        assert store.graph().events == kg.events


def test_an_add_that_reuses_or_breaks_stored_ids_is_refused_whole(tmp_path: Path,
                                                                  kg: KnowledgeGraph) -> None:
    folder = tmp_path / "s"
    with Store.open(folder) as store:
        store.add(kg)
        before = (len(store), store.documents(), store.graph())
    own = tmp_path / "own.txt"
    own.write_text("President Putin spoke. Putin went to Pyongyang.", encoding="utf-8")
    base = ("format: korea_graph/1\n"
            "document: {id: own, title: Own, text: own.txt, publisher: me, published: 2000-07-20}\n"
            "actors:\n  - {id: me, label: Me, kind: news_outlet}\n"
            "  - {id: vladimir-putin, label: Vladimir Putin, kind: KIND}\n"
            "  - {id: russia, label: Russia, kind: state}\n")
    post = ("affiliations:\n  - {id: putin-president, holder: vladimir-putin, organization: "
            "russia, kind: head, title: President, when: 2000-07-20, status: occurred,\n"
            "     evidence: [{quote: President Putin spoke.}]}\n")
    visit = ("events:\n  - {id: putin-visits-pyongyang, type: visit, label: The visit, "
             "participants: [{actor: vladimir-putin, role: guest}], when: 2000-07-19, "
             "status: occurred, evidence: [{quote: Putin went to Pyongyang.}]}\n")
    cases = {"a post id the article uses": (base.replace("KIND", "person") + post,
                                            "putin-president"),
             "an actor of another kind": (base.replace("KIND", "state") + visit,
                                          "vladimir-putin")}
    for name, (text, named) in cases.items():
        path = tmp_path / "own.yaml"
        path.write_text(text, encoding="utf-8")
        message = ""
        with Store.open(folder) as store:
            try:
                store.add(korea_graph.load_file(path))
            except DataError as exc:  # (not kept: its traceback would hold the store open)
                message = str(exc)
        assert named in message, (name, message)
        with Store.open(folder) as store:
            assert (len(store), store.documents(), store.graph()) == before, name


def test_cli_store_adds_a_data_file_to_the_stored_corpus(tmp_path: Path,
                                                         capsys: pytest.CaptureFixture[str]
                                                         ) -> None:
    from korea_graph.cli import main

    folder = str(tmp_path / "s")
    assert main(["store", folder, "add"]) == 0
    assert main(["--data", str(EXAMPLE), "store", folder, "add"]) == 0
    assert "added 1 document(s); the store holds 6" in capsys.readouterr().out
    assert main(["store", folder, "ask", "what does each source say about Putin's trip",
                 "--format", "csv"]) == 0
    stored = capsys.readouterr().out
    assert main(["--data", str(EXAMPLE), "ask", "what does each source say about Putin's trip",
                 "--format", "csv"]) == 0
    assert stored == capsys.readouterr().out
    assert "The Pyongyang visit took place" in stored  # the note's own claim


def test_split_parts_stand_alone_when_a_claim_links_another_documents_event() -> None:
    """A part is pushed or stored alone: the note's talks, same_as the article's, keep
    their id and link in the note's part, a report of the article's event there, and the
    parts combine back to the graph."""
    kg = korea_graph.load(EXAMPLE, corpus=True)
    parts = dict(split(kg))
    note = parts["analyst-note-2000-07-20"]
    assert "putin-kim-jong-il-talks" in note.events
    assert note.event_same_as == {"talks-in-pyongyang": "putin-kim-jong-il-talks"}
    assert store_module.combine(parts.values()) == kg
# -- reads after a crash, damaged stores, ordinary folders, SERVICE (issue 19) ---------------
def _crashed_store(folder: Path, kg: KnowledgeGraph) -> int:
    """A store holding ``kg`` and, as a killed add leaves it, quads of a graph that was
    never catalogued; returns the number of committed quads."""
    import pyoxigraph as ox

    with Store.open(folder) as store:
        store.add(kg)
        committed = len(store)
        stray = ox.NamedNode("https://w3id.org/korea-graph/id/graph/never-committed")
        store.oxigraph.add(ox.Quad(ox.NamedNode("urn:x:uncommitted"), ox.NamedNode("urn:x:p"),
                                   ox.Literal("uncommitted"), stray))
    return committed


def test_a_read_only_store_after_a_crash_shows_only_catalogued_documents(
        tmp_path: Path, kg: KnowledgeGraph, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "s"
    committed = _crashed_store(folder, kg)
    with Store.open(folder, read_only=True) as store:
        assert len(store) == committed
        for name in ("all.nq", "all.trig", "all.nt", "all.ttl"):
            text = store.export(tmp_path / name).read_text(encoding="utf-8")
            assert "uncommitted" not in text and "monitor-6-129" in text
        assert not store.sparql("ASK { ?s ?p 'uncommitted' }")
    assert main(["store", str(folder), "info"]) == 0
    assert f"{committed} quads" in capsys.readouterr().out


def test_a_damaged_store_is_a_located_error(tmp_path: Path, kg: KnowledgeGraph) -> None:
    folder = tmp_path / "s"
    with Store.open(folder) as store:
        store.add(kg)
    for path in folder.iterdir():
        if path.name.startswith("MANIFEST"):
            data = bytearray(path.read_bytes())
            data[len(data) // 2:len(data) // 2 + 64] = bytes(64)
            path.write_bytes(bytes(data))
    for read_only in (True, False):
        with pytest.raises(DataError) as info:
            Store.open(folder, read_only=read_only)
        assert info.value.file == str(folder) and "damaged" in str(info.value)


def test_opening_for_write_does_not_make_an_ordinary_folder_a_store(tmp_path: Path) -> None:
    folder = tmp_path / "photos"
    folder.mkdir()
    (folder / "holiday.jpg").write_bytes(b"\xff\xd8")
    with pytest.raises(DataError, match="not a korea_graph store"):
        Store.open(folder)
    assert [p.name for p in folder.iterdir()] == ["holiday.jpg"]
    empty = tmp_path / "empty"
    empty.mkdir()
    with Store.open(empty) as store:
        assert store.documents() == []


def test_federated_service_is_off_by_default(tmp_path: Path, kg: KnowledgeGraph) -> None:
    import http.server
    import threading

    hits: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            hits.append(self.path)
            self.send_response(500)
            self.end_headers()

        do_POST = do_GET

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}/sparql"
    query = f"SELECT * WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}"
    try:
        with Store.open(tmp_path / "s") as store:
            store.add(kg)
            with pytest.raises(QueryError, match="SERVICE"):
                store.sparql(query)
            assert main(["store", str(tmp_path / "s"), "info"]) == 0
        assert main(["store", str(tmp_path / "s"), "sparql", query]) != 0
        with pytest.raises(QueryError, match="SERVICE"):
            korea_graph.sparql(kg, query.lower())
        assert korea_graph.sparql(kg, 'ASK { ?s ?p "SERVICE <http://x/>" }') is False
    finally:
        server.shutdown()
        server.server_close()
    assert hits == []
