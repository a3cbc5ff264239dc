"""The Spark import gives what the single-machine import gives: the same events with the
same provenance, the same actors, relations and who-met-whom answers, on the shipped
samples and on a generated file of about a million rows; bad rows are reported per file
and line; the N-Quads load into Virtuoso and answer the same question.

Spark runs in local mode (``local[2]``); the tests need pyspark and a Java runtime
(skipped without them, failed when KOREA_GRAPH_REQUIRE_ALL=1)."""

from __future__ import annotations

import hashlib
import importlib.util
import shutil
import urllib.parse
import urllib.request
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from conftest import need

import korea_graph
from korea_graph.core.model import Event
from korea_graph.eventdata.gdelt import read_gdelt
from korea_graph.eventdata.icews import read_icews
from korea_graph.questions.query import meetings

FIXTURES = Path(__file__).parent / "fixtures"
ICEWS = FIXTURES / "icews_2018_RUS_PRK_KOR_USA_dyads.tsv"
GDELT = FIXTURES / "gdelt1_events_sample.tsv"


@pytest.fixture(scope="module")
def spark() -> Iterator[Any]:
    need(importlib.util.find_spec("pyspark") is not None,
         "pyspark is not installed (pip install '.[spark]')")
    need(shutil.which("java") is not None,
         "no Java runtime for Spark (apt-get install default-jre-headless)")
    from korea_graph.scale.spark import session

    spark = session("local[2]")
    spark.sparkContext.setLogLevel("ERROR")
    yield spark
    spark.stop()


@pytest.fixture(scope="module")
def base() -> korea_graph.KnowledgeGraph:
    return korea_graph.load()


@pytest.fixture(scope="module")
def icews(spark: Any, base: korea_graph.KnowledgeGraph) -> Any:
    """The ICEWS sample imported on Spark, matched against the curated graph."""
    from korea_graph.scale.spark import read_events

    return read_events(spark, [ICEWS], dataset="icews", base=base)


def _rows(answers: Any) -> set[tuple[str, str, str, str]]:
    return {(f.record_id, f.subject_id, f.object_id, f.certainty or "") for f in answers}


def _spark_rows(frame: Any) -> set[tuple[str, str, str, str]]:
    return {(r.record, r.subject, r.object, r.certainty or "") for r in frame.collect()}


def test_icews_sample_gives_the_single_machine_graph(icews: Any,
                                                     base: korea_graph.KnowledgeGraph) -> None:
    result = icews
    alone = read_icews(ICEWS, base=base)
    graph = result.graph()
    assert list(graph.events.values()) == list(alone.graph.events.values())  # sources too
    assert list(graph.actors.values()) == list(alone.graph.actors.values())
    assert [str(r) for r in result.files] == [f"{ICEWS}: 494 rows, 0 bad, 160 events"]
    # every source row of every event is in the provenance table, with its line
    lines = {(r.event, r.line) for r in result.sources.collect()}
    assert lines == {(e.id, s.line) for e in alone.graph.events.values() for s in e.sources}
    assert len(lines) == alone.reports == 494
    relations = {(r.id, r.status) for r in result.relations.collect()}
    assert relations == {(r.id, r.status.value) for r in alone.graph.all_relations}


def test_gdelt_sample_gives_the_single_machine_graph(spark: Any,
                                                     base: korea_graph.KnowledgeGraph) -> None:
    from korea_graph.scale.spark import read_events

    result = read_events(spark, [GDELT], dataset="gdelt", base=base)
    alone = read_gdelt(GDELT, base=base)
    graph = result.graph()
    assert list(graph.events.values()) == list(alone.graph.events.values())
    assert list(graph.actors.values()) == list(alone.graph.actors.values())
    assert result.files[0].dataset == "gdelt1"


@pytest.mark.parametrize("condition", [
    {"before": "2018-06-02"},
    {"before": "2018-06-02", "strength": "certainly"},
    {"after": "2018-06-01"},
    {"during": "2018-06-02"},
    {"during": "2018-06", "strength": "certainly"},
])
def test_meetings_in_spark_sql_are_the_in_memory_answer(icews: Any,
                                                        condition: dict[str, str]) -> None:
    result = icews
    graph = result.graph()
    expected = _rows(meetings(graph, **condition))  # type: ignore[arg-type]
    assert expected  # the sample's rows are of June 1 and 2, 2018
    assert _spark_rows(result.meetings(**condition)) == expected  # type: ignore[arg-type]


def test_meetings_of_one_actor_and_before_an_event(icews: Any) -> None:
    result = icews
    graph = result.graph()
    later = next(e.id for e in graph.events.values() if e.when.start_min == date(2018, 6, 2))
    expected = _rows(meetings(graph, involving="kim-yong-chol", before=later))
    assert expected
    got = _spark_rows(result.meetings(involving="kim-yong-chol", before=later))
    assert got == expected
    assert {subject for _, subject, _, _ in got} == {"kim-yong-chol"}


def _split(tmp_path: Path) -> tuple[Path, Path]:
    header, *rows = ICEWS.read_text(encoding="utf-8").splitlines()
    first, second = tmp_path / "first.tsv", tmp_path / "second.tsv"
    first.write_text("\n".join([header, *rows[:250]]) + "\n", encoding="utf-8")
    second.write_text("\n".join([header, *rows[200:]]) + "\n", encoding="utf-8")
    return first, second


def test_several_files_are_the_files_imported_in_turn(
        spark: Any, base: korea_graph.KnowledgeGraph, tmp_path: Path) -> None:
    from korea_graph.scale.spark import read_events

    first, second = _split(tmp_path)  # 50 rows in both: the same events, again
    result = read_events(spark, [first, second], dataset="icews", base=base)
    so_far, events = base, []
    for file in (first, second):
        part = read_icews(file, base=so_far).graph
        events += list(part.events.values())
        so_far = so_far.merge(part)
    graph = result.graph()
    assert list(graph.events.values()) == events
    assert len({e.id for e in events}) == len(events)  # the second file's repeats got -2
    assert any(e.id.endswith("-2") for e in graph.events.values())
    for actor in graph.actors.values():
        assert actor == so_far.actors[actor.id]


def test_bad_rows_are_reported_per_file_and_line_and_one_bad_file_loses_nothing_else(
        spark: Any, tmp_path: Path) -> None:
    from korea_graph.scale.spark import read_events

    header, *rows = ICEWS.read_text(encoding="utf-8").splitlines()
    bad = tmp_path / "bad.tsv"
    broken = rows[:20]
    broken[4] = broken[4].replace("2018-06-", "2018-13-", 1)  # line 6
    broken[9] = "\t".join(broken[9].split("\t")[:5])  # line 11: too few columns
    bad.write_text("\n".join([header, *broken]) + "\n", encoding="utf-8")
    good = tmp_path / "good.tsv"
    good.write_text("\n".join([header, *rows[100:150]]) + "\n", encoding="utf-8")

    refused = read_events(spark, [bad, good], dataset="icews")
    assert [(r.refused, r.bad_rows, r.rows) for r in refused.files] == [(True, 2, 20),
                                                                       (False, 0, 50)]
    assert [(r.file, r.line) for r in refused.bad_rows.collect()] == [(str(bad), 6),
                                                                     (str(bad), 11)]
    assert len(refused.graph().events) == len(read_icews(good).graph.events) > 0

    skipped = read_events(spark, [bad], dataset="icews", skip_bad_rows=True)
    alone = read_icews(bad, skip_bad_rows=True)
    assert [(r.file, r.line, r.reason) for r in skipped.bad_rows.collect()] == [
        (s.file, s.line, s.reason) for s in alone.skipped]
    assert "Event Date" in skipped.bad_rows.collect()[0].reason
    assert list(skipped.graph().events.values()) == list(alone.graph.events.values())


def test_parquet_tables_hold_every_row(spark: Any, icews: Any,
                                       base: korea_graph.KnowledgeGraph, tmp_path: Path) -> None:
    result = icews
    paths = result.write_parquet(tmp_path / "tables")
    alone = read_icews(ICEWS, base=base).graph
    counts = {name: spark.read.parquet(str(path)).count() for name, path in paths.items()}
    assert counts == {
        "actors": len(alone.actors), "events": len(alone.events),
        "participants": sum(len(e.participants) for e in alone.events.values()),
        "sources": 494, "relations": len(alone.all_relations), "bad_rows": 0,
    }


def _nquads(result: Any, folder: Path) -> list[Path]:
    written = result.write_nquads(folder)
    return sorted(p for d in written for p in d.glob("part-*.nq"))


def test_nquads_are_the_graph_in_one_named_graph_per_source_file(
        spark: Any, base: korea_graph.KnowledgeGraph, tmp_path: Path) -> None:
    import pyoxigraph

    from korea_graph.linked_data.rdf import to_rdf
    from korea_graph.scale.spark import graph_iri, read_events

    first, second = _split(tmp_path)
    result = read_events(spark, [first, second], dataset="icews", base=base)
    files = _nquads(result, tmp_path / "nq")
    assert len(files) >= 2  # partitions, each a part of one file's graph
    store = pyoxigraph.Store()
    for file in files:
        store.bulk_load(path=str(file), format=pyoxigraph.RdfFormat.N_QUADS)
    graphs = {g.value for g in store.named_graphs()}
    assert graphs == {graph_iri("icews", first), graph_iri("icews", second)}
    so_far = base
    for file in (first, second):  # each named graph is the export of its file, imported alone
        alone = read_icews(file, base=so_far).graph
        so_far = so_far.merge(alone)
        got = {(q.subject, q.predicate, q.object)
               for q in store.quads_for_pattern(None, None, None,
                                                pyoxigraph.NamedNode(graph_iri("icews", file)))}
        expected = {(t.subject, t.predicate, t.object) for t in pyoxigraph.parse(
            to_rdf(alone, "ntriples"), format=pyoxigraph.RdfFormat.N_TRIPLES)}
        assert got == expected


WHO_MET_WHOM = """
PREFIX kg: <https://w3id.org/korea-graph/ontology#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
SELECT ?event ?x ?y FROM <%s> FROM <%s> WHERE {
  ?r kg:relationType kg:metWith ; kg:from ?x ; kg:to ?y ; kg:derivedFrom ?event ;
     kg:status ?status ; kg:when/kg:endMax ?end .
  FILTER (?end < "2018-06-02"^^xsd:date)
  FILTER (?status IN (kg:status_occurred, kg:status_reported, kg:status_disputed))
}
"""


@pytest.mark.server
def test_nquads_bulk_load_into_virtuoso_and_answer_who_met_whom(
        spark: Any, base: korea_graph.KnowledgeGraph, tmp_path_factory: pytest.TempPathFactory
) -> None:
    import json

    import virtuoso

    from korea_graph.scale.spark import graph_iri, read_events

    need(virtuoso.available(), "Virtuoso is not installed (apt-get install virtuoso-opensource)")
    folder = tmp_path_factory.mktemp("virtuoso-bulk")
    server = virtuoso.start(folder)
    try:
        inputs = _split(folder)
        result = read_events(spark, list(inputs), dataset="icews", base=base)
        # the loader reads only from DirsAllowed: the server's own folder
        files = _nquads(result, folder / "nq")
        assert files
        server.isql(f"ld_dir_all('{folder / 'nq'}', '*.nq', 'http://example.org/unused');")
        server.isql("rdf_loader_run();")
        server.isql("checkpoint;")
        status = server.isql("SELECT ll_file, ll_state, ll_error FROM DB.DBA.load_list;")
        assert "NULL" in status and "error" not in status.lower().replace("ll_error", "")
        query = WHO_MET_WHOM % tuple(graph_iri("icews", f) for f in inputs)
        url = server.base + "/sparql?" + urllib.parse.urlencode(
            {"query": query, "format": "application/sparql-results+json"})
        with urllib.request.urlopen(url, timeout=60) as answer:
            bindings = json.load(answer)["results"]["bindings"]
        prefix = "https://w3id.org/korea-graph/id/"
        got = {(b["event"]["value"].removeprefix(prefix + "event/"),
                b["x"]["value"].removeprefix(prefix + "actor/"),
                b["y"]["value"].removeprefix(prefix + "actor/")) for b in bindings}
        expected = {(f.record_id, f.subject_id, f.object_id) for f in
                    meetings(result.graph(), before="2018-06-02", strength="certainly")}
        assert expected and got == expected
    finally:
        server.stop()


# -- about a million rows ------------------------------------------------------------------
def million_row_file(folder: Path, copies: int = 2025) -> Path:
    """The ICEWS sample repeated with shifted dates (each copy three days later, so
    reports merge within a copy): 494 x 2025 = 1,000,350 rows."""
    header, *rows = ICEWS.read_text(encoding="utf-8").splitlines()
    path = folder / f"icews_x{copies}.tsv"
    with path.open("w", encoding="utf-8") as out:
        out.write(header + "\n")
        for n in range(copies):
            for row in rows:
                cells = row.split("\t")
                cells[1] = (date.fromisoformat(cells[1]) + timedelta(days=3 * n)).isoformat()
                out.write("\t".join(cells) + "\n")
    return path


def _digest(event: Event) -> str:
    return hashlib.sha1(repr(event).encode("utf-8")).hexdigest()


def test_a_million_rows_give_the_same_events_provenance_and_answers(
        spark: Any, base: korea_graph.KnowledgeGraph, tmp_path: Path) -> None:
    from korea_graph.scale.spark import read_events

    path = million_row_file(tmp_path)
    alone = read_icews(path, base=base)
    assert alone.rows == 1_000_350
    result = read_events(spark, [path], dataset="icews", base=base)
    assert result.files[0].rows == alone.rows and result.files[0].events == len(
        alone.graph.events)
    # events with every source row, compared by digest so nothing big is collected
    spark_digests = sorted(result._events.map(  # a lambda travels by value to the workers
        lambda t: hashlib.sha1(repr(t[2]).encode("utf-8")).hexdigest()).collect())
    assert spark_digests == sorted(_digest(e) for e in alone.graph.events.values())
    assert list(result.actors.values()) == list(alone.graph.actors.values())
    anchor = "2020-01-01"
    expected = _rows(meetings(alone.graph, before=anchor, strength="certainly"))
    assert len(expected) > 10_000
    assert _spark_rows(result.meetings(before=anchor, strength="certainly")) == expected


def test_cli_imports_with_spark_and_reports_each_file(
        spark: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from korea_graph.cli import main

    header, *rows = ICEWS.read_text(encoding="utf-8").splitlines()
    bad = tmp_path / "bad.tsv"
    bad.write_text("\n".join([header, rows[0].replace("2018-06-01", "June 1"), *rows[1:5]])
                   + "\n", encoding="utf-8")
    status = main(["import", "--from", "icews", "--engine", "spark", str(ICEWS), str(bad),
                   "--parquet", str(tmp_path / "tables"), "--nquads", str(tmp_path / "nq")])
    err = capsys.readouterr().err
    assert status == 2  # one file refused
    assert f"bad row {bad}:2: Event Date: bad date 'June 1'" in err
    assert f"{ICEWS}: 494 rows, 0 bad, 160 events" in err
    assert f"{bad}: 5 rows, 1 bad, refused: bad rows" in err
    assert spark.read.parquet(str(tmp_path / "tables" / "events")).count() == 160
    assert list((tmp_path / "nq").iterdir()) == [tmp_path / "nq" / ICEWS.name]
    assert not spark.sparkContext._jsc.sc().isStopped()  # the caller's session runs on
