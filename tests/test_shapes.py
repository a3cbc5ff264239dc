"""SHACL validation: the shipped data conforms; graphs and files broken on purpose give
each expected violation, readably (focus node, path, message); the CLI exits non-zero."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from strategies import knowledge_graphs

import korea_graph
from korea_graph import ActorKind, KnowledgeGraph
from korea_graph.cli import main
from korea_graph.errors import ParseError, ValidationError
from korea_graph.linked_data.ontology import ID, KG
from korea_graph.linked_data.rdf import iri, to_rdf
from korea_graph.linked_data.shapes import ValidationReport, validate

TRIP = "putin-visits-pyongyang"
XSD = "http://www.w3.org/2001/XMLSchema#"


def rebuild(kg: KnowledgeGraph, **tables: list[object]) -> KnowledgeGraph:
    parts: dict[str, list[object]] = {name: list(getattr(kg, name).values()) for name in
                                      ("documents", "actors", "events", "affiliations",
                                       "stances")}
    parts.update(tables)
    return KnowledgeGraph(**parts)  # type: ignore[arg-type]


def with_event(kg: KnowledgeGraph, record_id: str, **changes: object) -> KnowledgeGraph:
    events = [replace(e, **changes) if e.id == record_id else e  # type: ignore[arg-type]
              for e in kg.events.values()]
    return rebuild(kg, events=events)  # type: ignore[arg-type]


def found(report: ValidationReport, focus: str, path: str | None, words: str) -> bool:
    return any(v.focus == focus and v.path == path and words in v.message
               for v in report.violations)


def test_the_shipped_data_conforms(kg: KnowledgeGraph) -> None:
    report = validate(kg)
    assert report.conforms, report.text()
    report.raise_for_violations()  # does nothing


def test_event_without_participants(kg: KnowledgeGraph) -> None:
    report = validate(with_event(kg, TRIP, participants=()))
    assert not report.conforms
    assert found(report, iri("event", TRIP), "kg:hasParticipation", "at least one participant")
    assert len(report.violations) == 1


def test_event_without_provenance(kg: KnowledgeGraph) -> None:
    report = validate(with_event(kg, TRIP, evidence=()))
    assert found(report, iri("event", TRIP), None, "provenance")


def edited(kg: KnowledgeGraph, tmp_path: Path, subject: str, predicate: str,
           change: Callable[[str], str]) -> Path:
    """The graph's N-Triples with the object of one triple changed, as a file: what SHACL
    judges that no graph can hold (``KnowledgeGraph`` refuses it, korea_graph.core.validate)."""
    lines = to_rdf(kg, "ntriples").splitlines(keepends=True)
    head = f"<{subject}> <{predicate}> "
    hits = [n for n, line in enumerate(lines) if line.startswith(head)]
    assert len(hits) == 1, (subject, predicate)
    obj = lines[hits[0]][len(head):-len(" .\n")]
    lines[hits[0]] = f"{head}{change(obj)} .\n"
    path = tmp_path / "edited.nt"
    path.write_text("".join(lines), encoding="utf-8")
    return path


def test_event_with_an_unknown_place(kg: KnowledgeGraph, tmp_path: Path) -> None:
    report = validate(edited(kg, tmp_path, iri("event", TRIP), KG + "place",
                             lambda _: f"<{iri('actor', 'atlantis')}>"))
    assert found(report, iri("event", TRIP), "kg:place", "an actor of the graph")
    assert any(v.value == iri("actor", "atlantis") for v in report.violations)


def test_evidence_that_does_not_match_the_text(kg: KnowledgeGraph, tmp_path: Path) -> None:
    report = validate(edited(kg, tmp_path, f"{iri('event', TRIP)}/evidence/0", KG + "quote",
                             lambda _: '"Putin will not go."'))
    assert found(report, iri("document", "monitor-6-129"), None, "its quote is not")
    assert any(f"{TRIP}/evidence/0" in v.message for v in report.violations)


def test_evidence_that_ends_before_it_starts(kg: KnowledgeGraph, tmp_path: Path) -> None:
    start = kg.events[TRIP].evidence[0].start
    report = validate(edited(kg, tmp_path, f"{iri('event', TRIP)}/evidence/0", KG + "end",
                             lambda _: f'"{start - 1}"^^<{XSD}integer>'))
    assert found(report, f"{iri('event', TRIP)}/evidence/0", "kg:start", "ends before it starts")


def test_post_and_stance_need_provenance(kg: KnowledgeGraph) -> None:
    post = next(iter(kg.affiliations.values()))
    posts = [replace(post, evidence=()), *list(kg.affiliations.values())[1:]]
    report = validate(rebuild(kg, affiliations=posts))  # type: ignore[arg-type]
    assert found(report, iri("affiliation", post.id), "kg:evidence", "provenance")


def test_bad_wikidata_id(kg: KnowledgeGraph) -> None:
    actors = [replace(a, wikidata="banana") if a.id == "russia" else a
              for a in kg.actors.values()]
    report = validate(rebuild(kg, actors=actors))  # type: ignore[arg-type]
    assert found(report, iri("actor", "russia"), "kg:wikidata", "Q followed by digits")


# -- files broken on purpose ---------------------------------------------------------------
def drop(nt: str, subject: str, predicate: str) -> str:
    lines = nt.splitlines(keepends=True)
    kept = [line for line in lines if not line.startswith(f"<{subject}> <{predicate}> ")]
    assert len(kept) < len(lines), (subject, predicate)
    return "".join(kept)


BROKEN = [
    (iri("event", TRIP), KG + "when", "kg:when", "every event has one time"),
    (iri("event", TRIP), KG + "status", "kg:status", "every event has one status"),
    (iri("affiliation", "ivanov-foreign-minister"), KG + "holder", "kg:holder",
     "every post has one holder"),
    (iri("affiliation", "ivanov-foreign-minister"), KG + "organization", "kg:organization",
     "every post has one organisation"),
    (iri("affiliation", "ivanov-foreign-minister"), KG + "when", "kg:when",
     "every post has one time"),
    (iri("event", TRIP) + "/evidence/0", KG + "quote", "kg:quote",
     "every evidence span has its text"),
    (iri("event", TRIP) + "/evidence/0", KG + "start", "kg:start", "start offset"),
    (iri("event", TRIP) + "/participant/0", KG + "role", "kg:role", "one role"),
    (iri("document", "monitor-6-129"), KG + "text", "kg:text", "carries its text"),
    (iri("actor", "russia"), "http://www.w3.org/2000/01/rdf-schema#label", "rdfs:label",
     "every actor has one label"),
]


@pytest.mark.parametrize(("subject", "predicate", "path", "words"), BROKEN,
                         ids=[f"{b[0].rsplit('/', 1)[-1]}-{b[2]}" for b in BROKEN])
def test_file_broken_on_purpose(kg: KnowledgeGraph, tmp_path: Path, subject: str,
                                predicate: str, path: str, words: str) -> None:
    assert "ivanov-foreign-minister" in kg.affiliations
    broken = tmp_path / "broken.nt"
    broken.write_text(drop(to_rdf(kg, "ntriples"), subject, predicate), encoding="utf-8")
    report = validate(broken)
    assert found(report, subject, path, words), report.text()


def test_missing_event_type_and_reversed_time(kg: KnowledgeGraph, tmp_path: Path) -> None:
    nt = to_rdf(kg, "ntriples")
    trip = iri("event", TRIP)
    nt = nt.replace(f"<{trip}> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <{KG}Visit> .\n",
                    "")
    time = f"<{trip}/time>"
    nt = nt.replace(f'{time} <{KG}startMin> "2000-07-19"', f'{time} <{KG}startMin> "2000-08-01"')
    broken = tmp_path / "broken.nt"
    broken.write_text(nt, encoding="utf-8")
    report = validate(broken)
    assert found(report, trip, "rdf:type", "exactly one event type")
    assert found(report, f"{trip}/time", "kg:startMin", "reversed time")


def test_report_is_readable_and_raises(kg: KnowledgeGraph) -> None:
    report = validate(with_event(kg, TRIP, participants=()))
    text = report.text()
    assert text.splitlines()[0] == "does not conform: 1 violation(s)"
    assert f"<event/{TRIP}> kg:hasParticipation: every event has at least one participant" in text
    with pytest.raises(ValidationError, match="at least one participant") as info:
        report.raise_for_violations()
    assert info.value.report is report  # type: ignore[attr-defined]


def test_validate_reads_yaml_and_every_rdf_format(kg: KnowledgeGraph, data_copy: Path,
                                                  tmp_path: Path) -> None:
    assert korea_graph.validate(data_copy).conforms
    for fmt, ext in (("turtle", ".ttl"), ("trig", ".trig"), ("jsonld", ".jsonld"),
                     ("nquads", ".nq")):
        path = tmp_path / f"kg{ext}"
        path.write_text(to_rdf(kg, fmt), encoding="utf-8")
        assert validate(path).conforms, fmt


def test_malformed_file_is_a_parse_error_with_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.ttl"
    bad.write_text("@prefix kg: <https://w3id.org/korea-graph/ontology#> .\n\n<a> kg:b .\n",
                   encoding="utf-8")
    with pytest.raises(ParseError) as info:
        validate(bad)
    assert info.value.line == 3


# -- CLI -----------------------------------------------------------------------------------
def test_cli_validate_conforming(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate"]) == 0
    assert "conforms" in capsys.readouterr().out


def test_cli_validate_broken_file(kg: KnowledgeGraph, tmp_path: Path,
                                  capsys: pytest.CaptureFixture[str]) -> None:
    broken = tmp_path / "broken.nt"
    broken.write_text(drop(to_rdf(kg, "ntriples"), iri("event", TRIP), KG + "when"),
                      encoding="utf-8")
    assert main(["validate", str(broken)]) == 1
    out = capsys.readouterr().out
    assert f"<event/{TRIP}> kg:when: every event has one time" in out
    assert ID not in out.splitlines()[1].split(":")[0]


def test_cli_validate_malformed_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.ttl"
    bad.write_text("<a> <b> <c> .\n<a> <b> .\n", encoding="utf-8")
    assert main(["validate", str(bad)]) == 2
    assert "bad.ttl:2:" in capsys.readouterr().err


# -- generated graphs ----------------------------------------------------------------------
def predicted(graph: KnowledgeGraph) -> set[tuple[str, str | None]]:
    """The (focus, path) of every violation the shapes should report, from the model."""
    out: set[tuple[str, str | None]] = set()
    for e in graph.events.values():
        if not e.participants:
            out.add((iri("event", e.id), "kg:hasParticipation"))
        if not e.evidence and not e.sources:
            out.add((iri("event", e.id), None))
    for kind, table in (("affiliation", graph.affiliations), ("stance", graph.stances)):
        for record in table.values():
            if not record.evidence:
                out.add((iri(kind, record.id), "kg:evidence"))
    for a in graph.actors.values():
        # pyshacl matches sh:pattern with Python's re.search, where $ also matches before a
        # final newline
        if a.wikidata is not None and not re.search(r"^Q[1-9][0-9]*$", a.wikidata):
            out.add((iri("actor", a.id), "kg:wikidata"))
        if a.country is not None and graph.actors[a.country].kind is not ActorKind.STATE:
            out.add((iri("actor", a.id), "kg:country"))
    return out


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(knowledge_graphs(max_records=3))
def test_generated_graphs_give_exactly_the_predicted_violations(graph: KnowledgeGraph) -> None:
    expected = predicted(graph)
    report = validate(graph)
    assert {(v.focus, v.path) for v in report.violations} == expected, report.text()
    assert report.conforms == (not expected)
