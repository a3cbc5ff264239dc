"""Time-aware queries, checked against what the article says."""

from __future__ import annotations

import pytest

from korea_graph import AmbiguousNameError, KnowledgeGraph, QueryError, Status, TimeSpan
from korea_graph.questions.query import (
    actors,
    connections,
    events,
    meetings,
    relations,
    resolve_anchor,
    timeline,
    who_is,
)


def pairs(answers) -> set[frozenset[str]]:  # type: ignore[no-untyped-def]
    return {frozenset((r.subject_id, r.object_id)) for r in answers}


def test_who_met_whom_before_putins_trip(kg: KnowledgeGraph, article: str) -> None:
    answers = meetings(kg, before="Putin's trip")
    got = pairs(answers)
    # paragraph 3: Losyukov met Pek Nam Sun and Kim Yong-nam at the airport on June 27
    assert frozenset({"aleksandr-losyukov", "pek-nam-sun"}) in got
    assert frozenset({"aleksandr-losyukov", "kim-yong-nam"}) in got
    # paragraph 5 and 7: Ivanov-Lee talks, Mamedov-Jai-chun Lee talks; paragraph 2: the summit
    assert frozenset({"igor-ivanov", "lee-joung-binn"}) in got
    assert frozenset({"georgy-mamedov", "jai-chun-lee"}) in got
    assert frozenset({"kim-jong-il", "kim-dae-jung"}) in got
    # the meeting that did not take place is not a meeting ...
    assert "appears not to have taken place" in article
    assert frozenset({"lee-joung-binn", "vladimir-putin"}) not in got
    # ... and the planned talks in Pyongyang are not "before" the trip
    assert frozenset({"vladimir-putin", "kim-jong-il"}) not in got
    # two delegates of one delegation do not "meet" each other
    assert frozenset({"pek-nam-sun", "kim-yong-nam"}) not in got


def test_hedged_meetings_are_flagged(kg: KnowledgeGraph) -> None:
    rows = {frozenset((r.subject_id, r.object_id)): r for r in meetings(kg, before="Putin's trip")}
    disputed = rows[frozenset({"igor-ivanov", "kim-yong-nam"})]
    assert disputed.status is Status.DISPUTED and disputed.record()["flag"] == "disputed"
    reported = rows[frozenset({"aleksandr-losyukov", "kim-yong-nam"})]
    assert reported.record()["flag"] == "reported"
    assert rows[frozenset({"igor-ivanov", "lee-joung-binn"})].record()["flag"] is None
    assert "Sheremetyevo-2 airport on June 27" in reported.record()["evidence"]
    assert "UPI, 2000-06-27" in reported.citations


def test_every_answer_says_whether_the_time_condition_is_certain(kg: KnowledgeGraph) -> None:
    june = meetings(kg, during="June 2000")
    certainty = {frozenset((r.subject_id, r.object_id)): r.certainty for r in june}
    assert certainty[frozenset({"georgy-mamedov", "jai-chun-lee"})] == "certain"
    # "had headed" the NMD/ABM negotiations: some time up to June 27, maybe in June
    assert certainty[frozenset({"russian-nmd-abm-delegation", "united-states"})] == "possible"
    certain_only = meetings(kg, during="June 2000", strength="certainly")
    assert all(r.certainty == "certain" for r in certain_only)
    assert len(certain_only) == len(june) - 1


def test_after_and_between_use_the_dates_of_the_article(kg: KnowledgeGraph) -> None:
    after = pairs(meetings(kg, after="June 27"))
    assert after == {frozenset({"igor-ivanov", "lee-joung-binn"}),
                     frozenset({"igor-ivanov", "kim-yong-nam"})}
    between = meetings(kg, between=("June 27", "June 28"), strength="certainly")
    assert {str(r.when) for r in between} == {"2000-06-27"}
    with pytest.raises(QueryError):
        meetings(kg, between=("June 28", "June 27"))


def test_planned_meetings_only_when_asked_for(kg: KnowledgeGraph) -> None:
    planned = meetings(kg, after="June 30", include_planned=True)
    assert frozenset({"vladimir-putin", "kim-jong-il"}) in pairs(planned)
    assert all(r.status in (Status.PLANNED, Status.OCCURRED, Status.REPORTED, Status.DISPUTED)
               for r in planned)


def test_meetings_of_one_actor_put_that_actor_first(kg: KnowledgeGraph) -> None:
    rows = meetings(kg, involving="kim yong nam")
    assert {r.subject_id for r in rows} == {"kim-yong-nam"}
    assert {r.object for r in rows} == {"Aleksandr Losyukov", "Igor Ivanov"}


def test_event_anchors_by_name_and_ambiguity(kg: KnowledgeGraph) -> None:
    assert resolve_anchor(kg, "the Pyongyang visit").event == kg.events["putin-visits-pyongyang"]
    assert resolve_anchor(kg, "2000-06-27").when == TimeSpan.parse("2000-06-27")
    with pytest.raises(AmbiguousNameError) as info:
        resolve_anchor(kg, "Putin visit")
    assert {"putin-visits-pyongyang", "putin-visits-beijing"} <= set(info.value.candidates)


def test_what_happened_between_two_dates(kg: KnowledgeGraph) -> None:
    rows = events(kg, between=("June 30", "July 1"), strength="certainly")
    assert [r.event_id for r in rows] == [
        "ivanov-meets-kim-yong-nam", "klebanov-statement-on-arms-sales",
        "washington-times-report", "agency-reports-ivanov-meeting"]


def test_timeline_of_an_actor_includes_every_status(kg: KnowledgeGraph) -> None:
    rows = timeline(kg, "Putin")
    statuses = {r.status for r in rows}
    assert {Status.PLANNED, Status.DID_NOT_HAPPEN, Status.REPORTED} <= statuses
    dates = [r.when.sort_key() for r in rows]
    assert dates == sorted(dates)


def test_relations_of_a_type(kg: KnowledgeGraph) -> None:
    proposals = relations(kg, "proposed", source="Ivanov")
    # the Moscow proposal was made during the two days of talks: June 28-29 or 29-30
    assert {str(r.when) for r in proposals} == {"2000-02", "2000-06-28/2000-06-30"}
    opponents = relations(kg, ["opposes", "criticizes"], target="national missile defense")
    assert [r.subject for r in opponents] == ["Russia"]


def test_connections_keep_evidence_and_direction(kg: KnowledgeGraph) -> None:
    rows = connections(kg, "Igor Ivanov", "North Korea's parliament")
    path = rows[0]
    assert path.nodes == ("igor-ivanov", "kim-yong-nam", "north-korean-parliament")
    # "He is the head": held at publication (3 or 4 July), open on both sides
    assert path.text().endswith("-[heads held 2000-07-03/2000-07-04]-> North Korea's parliament")
    assert "-[met_with 2000-06-30 disputed]->" in path.text()
    back = connections(kg, "North Korea's parliament", "Igor Ivanov")[0]
    assert back.text().startswith("North Korea's parliament <-[heads held 2000-07-03/2000-07-04]- ")
    assert all(step.evidence for step in path.steps)
    assert len(connections(kg, "Igor Ivanov", "Ilya Klebanov", max_length=1)) == 0


def test_who_is_and_posts_at_a_date(kg: KnowledgeGraph) -> None:
    row = who_is(kg, "Kim Young-nam")[0]
    assert row.wikidata == "Q110456"
    assert {p.object_id for p in row.posts} >= {"north-korean-parliament",
                                                "workers-party-of-korea"}
    # titles are held at publication, open on both sides: possibly held in February too
    feb = actors(kg, post="foreign minister", at="February 2000")
    assert [r.actor_id for r in feb] == ["igor-ivanov", "pek-nam-sun", "lee-joung-binn"]
    # a deputy foreign minister is not a foreign minister
    june = {r.actor_id for r in actors(kg, post="foreign minister", at="2000-06-28")}
    assert june == {"igor-ivanov", "pek-nam-sun", "lee-joung-binn"}
    deputies = {r.actor_id for r in actors(kg, post="deputy foreign minister")}
    assert deputies == {"aleksandr-losyukov", "georgy-mamedov"}
    states = actors(kg, kind="state")
    assert {"russia", "north-korea", "south-korea", "united-states"} <= {r.actor_id
                                                                       for r in states}


def test_answers_as_frame_json_csv_and_escaped_html(kg: KnowledgeGraph) -> None:
    answers = meetings(kg, before="Putin's trip")
    frame = answers.to_frame()
    assert len(frame) == len(answers) and {"subject", "object", "status", "evidence"} <= set(
        frame.columns)
    assert answers.to_csv().splitlines()[0].startswith("subject,subject_id,relation")
    assert '"time_condition": "certain"' in answers.to_json()
    html = answers._repr_html_()
    assert "<table>" in html and "Korea’s" not in html.split("<table>")[0]
    assert "&#x27;" in html or "&quot;" in html or "Putin" in html
