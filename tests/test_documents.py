"""Many documents, one graph: references across files, same_as, one event with a claim
per source, conflicts and the graph as known on a date (korea_graph.core.claims)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import korea_graph
from korea_graph.curation.loader import bundled_data_files
from korea_graph.errors import DataError, DuplicateIdError, ReferenceError_

EXAMPLE = Path(__file__).parent.parent / "examples" / "second-document" / "analyst-note.yaml"
ARTICLE = next(p for p in bundled_data_files() if p.name == "monitor-6-129.yaml")


def _copy_example(tmp_path: Path) -> Path:
    for name in ("analyst-note.yaml", "analyst-note.txt"):
        shutil.copy(EXAMPLE.parent / name, tmp_path / name)
    return tmp_path / "analyst-note.yaml"


def _edit(path: Path, old: str, new: str) -> Path:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def test_a_second_file_refers_to_the_articles_actors_by_id() -> None:
    kg = korea_graph.load(ARTICLE, EXAMPLE)
    assert set(kg.documents) == {"monitor-6-129", "analyst-note-2000-07-20"}
    meeting = kg.events["kim-meets-putin-at-airport"]
    assert meeting.actors() == ("kim-jong-il", "vladimir-putin")
    assert kg.actors["pyongyang-airport"].country == "north-korea"
    # the name added by the second file finds the article's actor; its label is unchanged
    assert kg.actor("Chairman Kim").id == "kim-jong-il"
    assert kg.actors["kim-jong-il"].label == "Kim Jong-il"


def test_the_same_event_reported_twice_is_one_event_with_both_claims() -> None:
    kg = korea_graph.load(ARTICLE, EXAMPLE)
    trip = kg.event("Putin's trip")
    assert trip.id == "putin-visits-pyongyang"
    assert trip.status.value == "occurred"  # a later report that the plan took place
    assert kg.documents_of(trip) == ("monitor-6-129", "analyst-note-2000-07-20")
    claims = kg.claims(trip)
    assert [c.status.value for c in claims] == ["planned", "occurred"]
    assert [c.evidence[0].document for c in claims] == ["monitor-6-129",
                                                        "analyst-note-2000-07-20"]
    # as known on July 3 (only the article): still planned, with the article's evidence only
    early = kg.select(as_of="2000-07-03")
    assert list(early.documents) == ["monitor-6-129"]
    assert early.events["putin-visits-pyongyang"].status.value == "planned"
    assert early.documents_of("putin-visits-pyongyang") == ("monitor-6-129",)


def test_same_as_keeps_both_ids_and_makes_one_event() -> None:
    kg = korea_graph.load(ARTICLE, EXAMPLE)
    talks = kg.event("talks-in-pyongyang")
    assert talks.id == "putin-kim-jong-il-talks"
    assert kg.event_same_as == {"talks-in-pyongyang": "putin-kim-jong-il-talks"}
    assert "talks-in-pyongyang" not in kg.events
    assert [c.id for c in kg.claims(talks)] == ["putin-kim-jong-il-talks", "talks-in-pyongyang"]
    assert talks.status.value == "occurred"
    # the outcome's time ("then", after the arrival on July 19), narrowed by the plan it
    # agrees with: the article's talks within the visit, which ends by July 22
    assert str(talks.when) == "2000-07-19/2000-07-22"
    # the relation derived from the merged event appears once, not once per report
    pairs = [r for r in kg.relations("met_with", actor="kim-jong-il", target="vladimir-putin")
             if r.record == talks.id]
    assert len(pairs) == 1


def test_load_order_does_not_change_the_graph() -> None:
    assert korea_graph.load(ARTICLE, EXAMPLE) == korea_graph.load(EXAMPLE, ARTICLE)
    assert korea_graph.load(EXAMPLE, corpus=True) == korea_graph.load(
        *reversed([*bundled_data_files(), EXAMPLE]))


def test_a_file_alone_must_declare_what_it_refers_to() -> None:
    with pytest.raises(ReferenceError_) as info:
        korea_graph.load_file(EXAMPLE)
    assert info.value.file == str(EXAMPLE)
    assert "unknown" in str(info.value) and "loaded file" in str(info.value)


def test_an_unknown_id_is_reported_with_its_line(tmp_path: Path) -> None:
    note = _edit(_copy_example(tmp_path), "{actor: vladimir-putin, role: guest}      #",
                 "{actor: vladimir-puttin, role: guest}      #")
    with pytest.raises(ReferenceError_) as info:
        korea_graph.load(ARTICLE, note)
    assert info.value.file == str(note) and info.value.line is not None
    assert "unknown actor 'vladimir-puttin'" in str(info.value)
    assert "did you mean 'vladimir-putin'" in str(info.value)


def test_a_second_label_for_an_actor_is_refused_not_silently_dropped(tmp_path: Path) -> None:
    note = _edit(_copy_example(tmp_path), "  - {id: kim-jong-il, aliases: [Chairman Kim]}",
                 "  - {id: kim-jong-il, label: Chairman Kim, kind: person}")
    for order in ((ARTICLE, note), (note, ARTICLE)):
        with pytest.raises(DataError) as info:
            korea_graph.load(*order)
        assert "actor 'kim-jong-il' has the label" in str(info.value)
        assert "aliases: [" in str(info.value)


def test_only_events_may_be_reported_by_several_documents(tmp_path: Path) -> None:
    note = _copy_example(tmp_path)
    text = note.read_text(encoding="utf-8")
    note.write_text(text + """affiliations:
  - id: ivanov-foreign-minister
    holder: igor-ivanov
    organization: russian-foreign-ministry
    kind: head
    when: 2000-07-19
    status: occurred
    evidence:
      - quote: "Chairman Kim and the Russian President then held talks."
""", encoding="utf-8")
    with pytest.raises(DuplicateIdError) as info:
        korea_graph.load(ARTICLE, note)
    assert "'ivanov-foreign-minister' is used twice" in str(info.value)


def test_same_as_to_an_unknown_event_is_an_error(tmp_path: Path) -> None:
    note = _edit(_copy_example(tmp_path), "same_as: putin-kim-jong-il-talks",
                 "same_as: putin-kim-talks")
    with pytest.raises(ReferenceError_, match="unknown event 'putin-kim-talks'"):
        korea_graph.load(ARTICLE, note)


def test_a_later_report_with_another_date_is_a_conflict(tmp_path: Path) -> None:
    note = _edit(_copy_example(tmp_path), "when: {date: 2000-07-19, phrase: on 19 July}\n"
                 "    status: occurred", "when: {date: 2000-07-25, phrase: on 25 July}\n"
                 "    status: occurred")
    # the article has the visit start on July 19 and end before the July 21-23 summit:
    # a report of a visit on 25 July cannot be true with it
    kg = korea_graph.load(ARTICLE, note)
    found = [c for c in kg.conflicts() if c.event == "putin-visits-pyongyang"]
    assert [c.field for c in found] == ["when"]
    article, report = found[0].claims
    assert (article.document, report.document) == ("monitor-6-129", "analyst-note-2000-07-20")
    assert article.value.startswith("2000-07-19") and report.value.startswith("2000-07-25")
    assert "will arrive in North Korea on July 19" in article.evidence[0].quote
    assert "had taken place" in report.evidence[0].quote
    # the report of what happened dates the merged event
    assert str(kg.events["putin-visits-pyongyang"].when) == "2000-07-25"
    # before the report, only what the article itself doubts remains
    assert {c.kind for c in kg.conflicts(as_of="2000-07-03")} == {"doubt"}


# -- the shipped corpus ----------------------------------------------------------------------
def test_the_corpus_is_loaded_with_the_article_each_text_with_its_licence() -> None:
    kg = korea_graph.load()
    assert next(iter(kg.documents)) == "monitor-6-129"
    assert {"kremlin-transcript-24172", "kremlin-news-38435", "kremlin-news-38481",
            "wikipedia-2000-inter-korean-summit"} <= set(kg.documents)
    for doc in kg.documents.values():
        if doc.id != "monitor-6-129":
            assert doc.license in ("CC BY 4.0", "CC BY-SA 4.0") and doc.attribution
            assert "LICENCE:" in doc.text  # the text keeps its header: source and licence
    alone = korea_graph.load(document="kremlin-news-38435")
    assert list(alone.documents) == ["kremlin-news-38435"]
    assert alone.events["putin-visits-pyongyang"].status.value == "occurred"


def test_putins_trip_is_one_event_planned_in_the_article_held_by_the_kremlin() -> None:
    kg = korea_graph.load()
    trip = kg.event("Putin's trip")
    claims = kg.claims(trip)
    assert [c.evidence[0].document for c in claims] == [
        "monitor-6-129", "kremlin-news-38435", "kremlin-transcript-24172"]
    assert [c.status.value for c in claims] == ["planned", "occurred", "occurred"]
    assert trip.status.value == "occurred"
    assert {e.document for e in trip.evidence} == {c.evidence[0].document for c in claims}
    assert kg.documents_of(trip)[:2] == ("monitor-6-129", "kremlin-news-38435")
    # as known on July 3: the article alone, and the trip still a plan
    early = kg.select(as_of="2000-07-03")
    assert list(early.documents) == ["monitor-6-129"]
    assert early.events["putin-visits-pyongyang"].status.value == "planned"
    rows = korea_graph.events(kg, as_of="2000-07-03", include_planned=True).to_records()
    trip_row = next(r for r in rows if r["event"] == "putin-visits-pyongyang")
    assert (trip_row["status"], trip_row["documents"]) == ("planned", ["monitor-6-129"])
    rows = korea_graph.events(kg, involving="Putin").to_records()
    trip_row = next(r for r in rows if r["event"] == "putin-visits-pyongyang")
    assert trip_row["documents"] == ["monitor-6-129", "kremlin-news-38435",
                                     "kremlin-transcript-24172"]
    # the visit to China is over by the talks: the article's planned Beijing visit, held
    assert kg.events["putin-visits-beijing"].status.value == "occurred"


def test_the_corpus_conflicts_are_listed_with_both_claims_and_their_evidence() -> None:
    kg = korea_graph.load()
    found = {(c.event, c.field): c for c in kg.conflicts()}
    signing = found[("pyongyang-joint-declaration-signing", "wording")]
    news, transcript = signing.claims
    assert (news.document, news.value) == ("kremlin-news-38435", "joint declaration")
    assert (transcript.document, transcript.value) == ("kremlin-transcript-24172",
                                                       "joint statement")
    assert "joint declaration" in news.evidence[0].quote
    assert "joint statement" in transcript.evidence[0].quote
    # two names of one paper are a difference of name, not a disagreement of content
    assert signing.kind == "name"
    offer = found[("north-korean-missile-proposal", "wording")]
    assert [v.document for v in offer.claims] == ["kremlin-news-38435", "kremlin-news-38481"]
    # the Pyongyang talks at a guest house and "in Pyongyang" are not a conflict: the graph
    # does not say which place lies in which, so only places of one kind are compared
    assert ("putin-kim-jong-il-talks", "place") not in found
    # as known on July 3, when only the article counts, only what it doubts itself: the
    # agency report of an Ivanov-Kim Yong-nam meeting "was a misstatement", it suspects
    doubts = kg.conflicts(as_of="2000-07-03")
    assert {c.kind for c in doubts} == {"doubt"}
    assert "ivanov-meets-kim-yong-nam" in {c.event for c in doubts}


def test_ask_where_the_sources_disagree_and_what_we_knew() -> None:
    kg = korea_graph.load()
    rows = korea_graph.ask(kg, "where do the sources disagree").to_records()
    assert {r["event"] for r in rows} >= {"pyongyang-joint-declaration-signing",
                                          "north-korean-missile-proposal"}
    known = korea_graph.ask(kg, "what did we know on July 3, 2000")
    trip = next(r for r in known.to_records() if r["event"] == "putin-visits-pyongyang")
    assert trip["status"] == "planned"
    later = korea_graph.ask(kg, "what did we know on July 20, 2000")
    trip = next(r for r in later.to_records() if r["event"] == "putin-visits-pyongyang")
    assert trip["status"] == "occurred"


def test_keeping_one_document_keeps_ids_its_same_as_links_point_at() -> None:
    kg = korea_graph.load(EXAMPLE, corpus=True)
    note = kg.select(documents=["analyst-note-2000-07-20"])  # its talks are same_as the article's
    assert list(note.documents) == ["analyst-note-2000-07-20"]
    assert note.event("putin-kim-jong-il-talks").status.value == "occurred"
    assert kg.select(documents=["monitor-6-129", "analyst-note-2000-07-20"]).event(
        "talks-in-pyongyang").id == "putin-kim-jong-il-talks"


def test_rdf_keeps_one_named_graph_per_document_and_reads_back_the_claims() -> None:
    import pyoxigraph as ox

    from korea_graph.linked_data.rdf import GRAPH_IRI, document_graph_iri, from_rdf, to_rdf

    kg = korea_graph.load()
    trig = to_rdf(kg, "trig")
    graphs = {q.graph_name.value for q in ox.parse(trig.encode(), ox.RdfFormat.TRIG)}
    assert graphs == {GRAPH_IRI, *(document_graph_iri(d) for d in kg.documents)}
    store = ox.Store()
    store.load(trig.encode(), ox.RdfFormat.TRIG)
    rows = store.query(
        "PREFIX kg: <https://w3id.org/korea-graph/ontology#> "
        "SELECT ?g ?status WHERE { GRAPH ?g { ?c kg:claimOf "
        "<https://w3id.org/korea-graph/id/event/putin-visits-pyongyang> ; kg:status ?status } }")
    claims = {row["g"].value.rsplit("/", 1)[1]: row["status"].value.rsplit("_", 1)[1]
              for row in rows}
    assert claims == {"monitor-6-129": "planned", "kremlin-news-38435": "occurred",
                      "kremlin-transcript-24172": "occurred"}
    for fmt in ("trig", "nquads", "turtle"):
        back = from_rdf(to_rdf(kg, fmt), fmt)
        assert back == kg and back.conflicts() == kg.conflicts()


def test_command_line_data_before_or_after_the_command_and_only(
        capsys: pytest.CaptureFixture[str]) -> None:
    from korea_graph.cli import main

    assert main(["ask", "who met Kim Jong-il", "--data", str(EXAMPLE), "--format", "csv"]) == 0
    after = capsys.readouterr().out
    assert main(["--data", str(EXAMPLE), "ask", "who met Kim Jong-il", "--format", "csv"]) == 0
    assert capsys.readouterr().out == after
    assert after == korea_graph.ask(korea_graph.load(EXAMPLE, corpus=True),
                                    "who met Kim Jong-il").to_csv()
    assert main(["--only", "--data", str(ARTICLE), "--data", str(EXAMPLE), "ask",
                 "who met Kim Jong-il", "--format", "csv"]) == 0
    assert capsys.readouterr().out == korea_graph.ask(
        korea_graph.load(ARTICLE, EXAMPLE), "who met Kim Jong-il").to_csv()
