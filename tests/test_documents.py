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
    assert kg.conflicts(as_of="2000-07-03") == []
