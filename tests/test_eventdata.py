"""Rows to records: event shapes, ids, and which reports are one event."""

from __future__ import annotations

from datetime import date

from korea_graph import load
from korea_graph.core.model import ActorKind, EventType, Role, SourceRecord, Status
from korea_graph.eventdata.coded_rows import ActorRef, CodedRow, build_graph, event_shape, mint_id
from korea_graph.eventdata.vocabulary import cameo_codes

DAY = date(2018, 6, 1)
LAVROV = ActorRef("Sergey Lavrov", "RUS", ActorKind.PERSON)
KIM = ActorRef("Kim Jong-un", "PRK", ActorKind.PERSON)
DPRK = ActorRef("North Korea", "PRK", state=True)


def row(line: int, code: str, source: ActorRef | None, target: ActorRef | None,
        day: date = DAY) -> CodedRow:
    return CodedRow(line, day, code, source, target, None,
                    SourceRecord("icews", f"id{line}", "t.tsv", line))


def test_every_code_has_a_shape() -> None:
    for code in cameo_codes():
        shape = event_shape(code)
        assert shape.source_role and shape.target_role
    assert event_shape("042").source_role is Role.GUEST
    assert event_shape("046").type is EventType.TALKS
    assert event_shape("036").status is Status.PLANNED


def test_symmetric_codes_merge_both_directions_directed_codes_do_not() -> None:
    graph = build_graph([row(2, "040", LAVROV, KIM), row(3, "040", KIM, LAVROV),
                         row(4, "020", LAVROV, KIM), row(5, "020", KIM, LAVROV)],
                        "icews", "t.tsv").graph
    kinds = sorted((e.cameo, len(e.sources)) for e in graph.events.values())
    assert kinds == [("020", 1), ("020", 1), ("040", 2)]


def test_different_days_or_codes_are_different_events() -> None:
    graph = build_graph([row(2, "040", LAVROV, KIM), row(3, "040", LAVROV, KIM,
                                                         date(2018, 6, 2)),
                         row(4, "046", LAVROV, KIM)], "icews", "t.tsv").graph
    assert len(graph.events) == 3


def test_a_visit_from_both_sides_is_one_visit() -> None:
    graph = build_graph([row(2, "043", DPRK, LAVROV), row(3, "042", LAVROV, DPRK)],
                        "icews", "t.tsv").graph
    [visit] = graph.events.values()
    assert visit.cameo == "042" and [s.line for s in visit.sources] == [2, 3]
    assert visit.actors(Role.GUEST) == ("sergey-lavrov",)
    assert visit.actors(Role.HOST) == ("north-korea",)


def test_ids_are_escaped_and_unique_against_the_base() -> None:
    kg = load()
    odd = ActorRef('Kim "Jong"/un <script>', "PRK", ActorKind.PERSON)
    result = build_graph([row(2, "010", odd, DPRK)], "icews", "t.tsv", kg)
    ids = set(result.graph.actors) | set(result.graph.events)
    assert all(set(i) <= set("abcdefghijklmnopqrstuvwxyz0123456789-") for i in ids)
    assert "kim-jong-un-script" in result.graph.actors
    # a new actor whose name gives the id of a different curated actor gets another id
    moscow_man = ActorRef("Moscow", "RUS", ActorKind.PERSON)  # not the curated city
    result = build_graph([row(2, "010", moscow_man, DPRK)], "icews", "t.tsv", kg)
    assert "moscow-rus" in result.graph.actors and "moscow" not in result.graph.actors
    kg.merge(result.graph)
    assert mint_id("Ri Yong-ho") == "ri-yong-ho"


def test_a_person_dead_before_the_date_disputes_the_event() -> None:
    kim_il_sung = ActorRef("Kim Il Sung", "PRK", ActorKind.PERSON)
    result = build_graph([row(2, "040", kim_il_sung, LAVROV),
                          row(3, "040", kim_il_sung, LAVROV, date(1990, 1, 1))],
                         "icews", "t.tsv")
    statuses = sorted((e.when.iso(), e.status.value) for e in result.graph.events.values())
    assert statuses == [("1990-01-01", "reported"), ("2018-06-01", "disputed")]
    assert len(result.disputed) == 1
