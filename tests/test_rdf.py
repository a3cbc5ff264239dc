"""The RDF export and import: determinism, lossless round trips (also on generated graphs
full of hostile text), the n-ary event shape, escaping, clear errors, and interop with
rdflib, pyoxigraph and Debian's rapper."""

from __future__ import annotations

import gc
import re
import shutil
import subprocess
import warnings
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib
from conftest import need
from hypothesis import HealthCheck, given, settings
from strategies import knowledge_graphs

import korea_graph
from korea_graph.cli import main
from korea_graph.curation.loader import bundled_data_files
from korea_graph.errors import (
    DataError,
    DateError,
    EvidenceError,
    ParseError,
    ReferenceError_,
    SchemaError,
    VocabularyError,
)
from korea_graph.linked_data import rdf
from korea_graph.linked_data.ontology import ID, KG
from korea_graph.linked_data.rdf import (
    FORMATS,
    from_rdf,
    iri,
    rdf_chunks,
    read_rdf,
    to_rdf,
    to_rdflib,
    triples,
    write_rdf,
)

FORMAT_NAMES = list(FORMATS)
OX = {"turtle": ox.RdfFormat.TURTLE, "ntriples": ox.RdfFormat.N_TRIPLES,
      "nquads": ox.RdfFormat.N_QUADS, "trig": ox.RdfFormat.TRIG, "jsonld": ox.RdfFormat.JSON_LD}
RDFLIB = {"turtle": "turtle", "ntriples": "nt", "nquads": "nquads", "trig": "trig",
          "jsonld": "json-ld"}
RAPPER = {"turtle": "turtle", "ntriples": "ntriples", "nquads": "nquads", "trig": "trig"}


def ox_triples(text: str, fmt: str) -> set[tuple[str, str, str]]:
    return {(str(q.subject), str(q.predicate), str(q.object))
            for q in ox.parse(text.encode(), format=OX[fmt], base_iri=ID)}


@pytest.fixture(scope="module")
def exports(kg: korea_graph.KnowledgeGraph) -> dict[str, str]:
    return {fmt: to_rdf(kg, fmt) for fmt in FORMAT_NAMES}


# -- determinism and round trips -----------------------------------------------------------
@pytest.mark.parametrize("fmt", FORMAT_NAMES)
def test_two_exports_are_byte_identical(kg: korea_graph.KnowledgeGraph, fmt: str) -> None:
    again = korea_graph.load_file(bundled_data_files()[0])
    assert to_rdf(again, fmt).encode() == to_rdf(kg, fmt).encode()
    # the corpus, whatever the order its files are loaded in
    files = bundled_data_files()
    assert to_rdf(korea_graph.load(*files), fmt) == to_rdf(korea_graph.load(*files[::-1]), fmt)


@pytest.mark.parametrize("fmt", FORMAT_NAMES)
def test_seed_round_trip_is_lossless_and_byte_identical(
        kg: korea_graph.KnowledgeGraph, exports: dict[str, str], fmt: str) -> None:
    back = from_rdf(exports[fmt], fmt)
    assert back == kg
    assert to_rdf(back, fmt) == exports[fmt]
    # every field, including the ones == might be thought to gloss over
    putin_trip = back.events["putin-visits-pyongyang"]
    assert putin_trip.aliases == kg.events["putin-visits-pyongyang"].aliases
    assert back.documents["monitor-6-129"].text == kg.documents["monitor-6-129"].text
    published = back.documents["monitor-6-129"].published
    assert (published.phrase, published.resolution) == (
        "early July 2000", kg.documents["monitor-6-129"].published.resolution)


def test_all_formats_carry_the_same_triples(exports: dict[str, str]) -> None:
    reference = ox_triples(exports["ntriples"], "ntriples")
    for fmt in FORMAT_NAMES:
        assert ox_triples(exports[fmt], fmt) == reference, fmt


@pytest.mark.parametrize("fmt", FORMAT_NAMES)
def test_a_file_written_in_chunks_is_the_export(
        corpus: korea_graph.KnowledgeGraph, fmt: str, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    whole = to_rdf(corpus, fmt)
    monkeypatch.setattr(rdf, "_CHUNK", 3)  # a few subjects a chunk: many chunk boundaries
    chunks = list(rdf_chunks(corpus, fmt))
    assert "".join(chunks) == whole
    if fmt != "jsonld":  # JSON-LD is one document, written whole
        assert len(chunks) > 100
    path = write_rdf(corpus, tmp_path / f"kg{FORMATS[fmt]}")
    assert path.read_bytes() == whole.encode("utf-8")
    assert read_rdf(path) == corpus


def test_a_write_that_fails_half_way_leaves_the_old_file(
        kg: korea_graph.KnowledgeGraph, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write_rdf(kg, tmp_path / "kg.ttl")
    before = path.read_bytes()

    def half(*_: object) -> object:
        yield "@prefix broken: <x> .\n"
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(rdf, "_serialize", half)
    with pytest.raises(OSError, match="No space left"):
        write_rdf(kg, path)
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["kg.ttl"]  # no temporary file left


def test_an_export_left_half_read_turns_the_collector_back_on(
        kg: korea_graph.KnowledgeGraph) -> None:
    assert gc.isenabled()
    chunks = rdf_chunks(kg, "ntriples")
    next(chunks)
    assert not gc.isenabled()  # paused while the export builds its triples
    del chunks
    assert gc.isenabled()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(knowledge_graphs())
def test_generated_graphs_round_trip(graph: korea_graph.KnowledgeGraph) -> None:
    for fmt in ("turtle", "ntriples", "trig", "jsonld"):
        text = to_rdf(graph, fmt)
        back = from_rdf(text, fmt)
        assert back == graph, fmt
        assert to_rdf(back, fmt) == text, fmt


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(knowledge_graphs())
def test_hostile_text_never_leaks_into_iris_or_extra_triples(
        graph: korea_graph.KnowledgeGraph) -> None:
    nt = to_rdf(graph, "ntriples")
    parsed = list(ox.parse(nt.encode(), format=ox.RdfFormat.N_TRIPLES))
    assert len(parsed) == nt.count("\n") == len(triples(graph))
    for quad in parsed:
        for term in (quad.subject, quad.predicate, quad.object):
            if isinstance(term, ox.NamedNode) and term.value.startswith(ID):
                assert re.fullmatch(r"[A-Za-z0-9_~%/-]*", term.value[len(ID):]), term
            assert not isinstance(term, ox.BlankNode)
    # and rdflib, a different parser, reads the same number of triples
    assert len(rdflib.Graph().parse(data=to_rdf(graph, "turtle"), format="turtle")) == len(parsed)


# -- what the export says ------------------------------------------------------------------
def test_iris_are_minted_from_ids_and_escaped() -> None:
    assert iri("event", "ivanov-lee-talks") == ID + "event/ivanov-lee-talks"
    assert iri("actor", "<script>") == ID + "actor/%3Cscript%3E"
    assert iri("actor", "../x") == ID + "actor/%2E%2E%2Fx"
    assert iri("actor", "김") == ID + "actor/%EA%B9%80"


def test_events_are_n_ary_with_provenance_chain(kg: korea_graph.KnowledgeGraph) -> None:
    g = to_rdflib(kg)
    rows = g.query("""
        PREFIX kg: <https://w3id.org/korea-graph/ontology#>
        SELECT ?role ?quote ?publisher ?outlet WHERE {
          ?e kg:hasParticipation [ kg:actor ?a ; kg:role ?role ] ;
             kg:evidence [ kg:quote ?quote ; kg:document [ kg:publisher ?publisher ] ] ;
             kg:citation [ kg:outlet ?outlet ] .
          FILTER (?e = <https://w3id.org/korea-graph/id/event/ivanov-meets-kim-yong-nam>)
          FILTER (?a = <https://w3id.org/korea-graph/id/actor/igor-ivanov>)
        }""")
    event = kg.events["ivanov-meets-kim-yong-nam"]
    role = next(p.role for p in event.participants if p.actor == "igor-ivanov")
    found = {(str(r[0]), str(r[2]), str(r[3])) for r in rows}  # type: ignore[index]
    assert found == {(KG + f"role_{role.value}", ID + "actor/jamestown-foundation",
                      iri("actor", c.outlet)) for c in event.citations}
    assert {str(r[1]) for r in rows} == {e.quote for e in event.evidence}  # type: ignore[index]


def test_time_place_and_status_of_an_event(kg: korea_graph.KnowledgeGraph) -> None:
    g = to_rdflib(kg)
    e = rdflib.URIRef(iri("event", "putin-visits-pyongyang"))
    k = rdflib.Namespace(KG)
    time = g.value(e, k.when)
    assert g.value(time, k.startMin).toPython().isoformat() == "2000-07-19"  # type: ignore[union-attr]
    assert g.value(e, k.place) == rdflib.URIRef(iri("actor", "pyongyang"))
    assert g.value(e, k.status) == k.status_planned
    assert (e, rdflib.RDF.type, k.Visit) in g


def test_derived_binary_relations_are_direct_triples(kg: korea_graph.KnowledgeGraph) -> None:
    g = to_rdflib(kg)
    met = rdflib.URIRef(KG + "metWith")
    pairs = {(str(s).rsplit("/", 1)[1], str(o).rsplit("/", 1)[1])
             for s, o in g.subject_objects(met)}
    expected = {(r.source, r.target) for r in kg.relations("met_with")}
    assert pairs == expected
    assert ("aleksandr-losyukov", "kim-yong-nam") in pairs


def test_same_as_wikidata_only_for_verified_ids(kg: korea_graph.KnowledgeGraph) -> None:
    g = to_rdflib(kg)
    same = {(str(s), str(o)) for s, o in g.subject_objects(rdflib.OWL.sameAs)}
    expected = {(iri("actor", a.id), f"http://www.wikidata.org/entity/{a.wikidata}")
                for a in kg.actors.values() if a.wikidata}
    assert same == expected
    assert not any(s.endswith("/igor-ivanov") for s, _ in same)
    hostile = korea_graph.KnowledgeGraph(actors=[
        korea_graph.Actor("x", "X", korea_graph.ActorKind.PERSON, wikidata="Q1> <evil")])
    assert "sameAs" not in to_rdf(hostile, "ntriples")
    assert from_rdf(to_rdf(hostile)) == hostile


# -- errors --------------------------------------------------------------------------------
def test_malformed_rdf_names_its_line(exports: dict[str, str]) -> None:
    lines = exports["turtle"].splitlines()
    lines[40] = lines[40] + ' "unterminated'
    with pytest.raises(ParseError) as info:
        from_rdf("\n".join(lines), "turtle")
    assert info.value.line == 41
    assert "line 41" in str(info.value)


def test_malformed_file_names_file_and_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.nt"
    bad.write_text("<a:b> <a:c> <a:d> .\n<a:b> <a:c> oops .\n", encoding="utf-8")
    with pytest.raises(ParseError, match=r"bad\.nt:2: "):
        read_rdf(bad)


def _edit(text: str, old: str, new: str) -> str:
    assert old in text
    return text.replace(old, new, 1)


def test_missing_or_wrong_values_are_named(exports: dict[str, str]) -> None:
    nt = exports["ntriples"]
    trip = f"<{iri('event', 'putin-visits-pyongyang')}>"
    no_label = "".join(line + "\n" for line in nt.splitlines()
                       if not line.startswith(f"{trip} <http://www.w3.org/2000/01/rdf-schema#label>"))
    with pytest.raises(SchemaError, match=r"putin-visits-pyongyang> rdfs:label: missing"):
        from_rdf(no_label, "ntriples")
    bad_status = _edit(nt, f"{trip} <{KG}status> <{KG}status_planned>",
                       f"{trip} <{KG}status> <{KG}status_maybe>")
    with pytest.raises(VocabularyError, match="status_maybe"):
        from_rdf(bad_status, "ntriples")
    bad_date = _edit(nt, '"2000-07-19"^^', '"2000-02-30"^^')
    with pytest.raises(DateError, match="2000-02-30"):
        from_rdf(bad_date, "ntriples")


def test_unknown_format_is_a_clear_error(kg: korea_graph.KnowledgeGraph) -> None:
    with pytest.raises(DataError, match="unknown RDF format 'rdfxml'"):
        to_rdf(kg, "rdfxml")


# -- interop -------------------------------------------------------------------------------
@pytest.mark.parametrize("fmt", FORMAT_NAMES)
def test_rdflib_reads_every_format(exports: dict[str, str], fmt: str) -> None:
    expected = len(ox_triples(exports["ntriples"], "ntriples"))
    with warnings.catch_warnings():
        # rdflib 7's own TriG, N-Quads and JSON-LD parsers call its deprecated Dataset API
        warnings.simplefilter("ignore", DeprecationWarning)
        count = _rdflib_count(exports[fmt], fmt)
    assert count == expected


def _rdflib_count(text: str, fmt: str) -> int:
    if fmt in ("nquads", "trig"):
        ds = rdflib.Dataset()
        ds.parse(data=text, format=RDFLIB[fmt])
        return sum(1 for _ in ds.quads((None, None, None, None)))
    return len(rdflib.Graph().parse(data=text, format=RDFLIB[fmt]))


@pytest.mark.parametrize("fmt", list(RAPPER))
def test_rapper_reads_the_export(exports: dict[str, str], fmt: str, tmp_path: Path) -> None:
    need(shutil.which("rapper") is not None, "rapper (Debian raptor2-utils) is not installed")
    path = tmp_path / f"kg{FORMATS[fmt]}"
    path.write_text(exports[fmt], encoding="utf-8")
    done = subprocess.run(["rapper", "-i", RAPPER[fmt], "-c", str(path)],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    count = int(re.search(r"returned (\d+) (?:triples|statements)", done.stderr)[1])  # type: ignore[index]
    assert count == len(ox_triples(exports["ntriples"], "ntriples"))


def test_to_rdflib_graph_and_dataset(kg: korea_graph.KnowledgeGraph) -> None:
    g = to_rdflib(kg)
    assert isinstance(g, rdflib.Graph) and len(g) == len(triples(kg))
    ds = to_rdflib(kg, dataset=True, ontology=True)
    assert isinstance(ds, rdflib.Dataset)
    assert len(ds.graph(rdflib.URIRef(ID + "graph"))) == len(g)
    assert (rdflib.URIRef(KG + "Event"), rdflib.RDF.type, rdflib.OWL.Class) in ds.graph(
        rdflib.URIRef(ID + "ontology"))
    assert korea_graph.to_rdflib(kg).isomorphic(g)


# -- CLI -----------------------------------------------------------------------------------
def test_cli_export_to_stdout_and_file(corpus: korea_graph.KnowledgeGraph,
                                       capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    kg = corpus  # the command line loads the shipped corpus
    assert main(["export", "--format", "ntriples"]) == 0
    assert capsys.readouterr().out == to_rdf(kg, "ntriples")
    out = tmp_path / "kg.ttl"
    assert main(["export", "-o", str(out)]) == 0
    assert out.read_bytes() == to_rdf(kg, "turtle").encode()
    assert read_rdf(out) == kg


def test_cli_export_rejects_unknown_format(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["export", "--format", "rdfxml"])
    assert "invalid choice" in capsys.readouterr().err


# -- import says what it found; dangling references and false evidence refused (issue 19) ------
@pytest.mark.parametrize("text", [
    "",
    "@prefix ex: <http://example.org/> . ex:a ex:b ex:c .",
    "<http://example.org/a> <http://xmlns.com/foaf/0.1/name> \"A\" .",
], ids=["empty", "another-vocabulary", "foaf"])
def test_rdf_without_korea_graph_records_is_refused(text: str) -> None:
    with pytest.raises(DataError) as info:
        from_rdf(text, "turtle")
    assert "no korea_graph records" in str(info.value) or "no triples" in str(info.value)


def test_a_wrong_namespace_is_named(exports: dict[str, str]) -> None:
    wrong = exports["ntriples"].replace(KG, "https://example.org/not-korea-graph#")
    with pytest.raises(SchemaError, match=r"no korea_graph records.*not-korea-graph"):
        from_rdf(wrong, "ntriples")


def test_an_empty_graph_reads_back_when_allowed() -> None:
    assert from_rdf(b"", "ntriples", allow_empty=True) == korea_graph.KnowledgeGraph()


def test_a_dangling_actor_is_refused_with_the_record_and_field(exports: dict[str, str]) -> None:
    actor = f"<{iri('actor', 'aleksandr-losyukov')}>"
    cut = "".join(line + "\n" for line in exports["ntriples"].splitlines()
                  if not line.startswith(actor))
    with pytest.raises(ReferenceError_) as info:
        from_rdf(cut, "ntriples")
    # named as every way of making a graph names it (korea_graph.core.validate)
    assert str(info.value).startswith("events['losyukov-meets-north-koreans'].participants[")
    assert "unknown actor 'aleksandr-losyukov'" in str(info.value)


def test_turtle_cut_at_a_subject_boundary_is_refused(exports: dict[str, str]) -> None:
    text = exports["turtle"]
    blocks = text.split("\n\n")
    actors = [i for i, b in enumerate(blocks)  # an actor's own block, not its nodes
              if re.match(r"<actor/[^/>]+>", b)]
    cut = "\n\n".join(blocks[:actors[len(actors) // 2]]) + "\n"
    with pytest.raises(ReferenceError_, match=r"unknown (actor|event|document)"):
        from_rdf(cut, "turtle")


def test_evidence_that_is_not_the_text_is_refused(exports: dict[str, str]) -> None:
    nt = exports["ntriples"]
    line = next(x for x in nt.splitlines() if f"<{KG}quote>" in x)
    quote = line.split(f"<{KG}quote> ", 1)[1]
    bad = nt.replace(line, line.replace(quote, '"words the article never wrote" .'), 1)
    with pytest.raises(EvidenceError, match="is not the text of"):
        from_rdf(bad, "ntriples")


def test_a_badly_escaped_id_is_a_schema_error(exports: dict[str, str]) -> None:
    nt = exports["ntriples"].replace("/actor/aleksandr-losyukov>", "/actor/%FF%FE>")
    with pytest.raises(DataError):
        from_rdf(nt, "ntriples")
