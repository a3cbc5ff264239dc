"""One validation for every way of making a graph (korea_graph.core.validate): the same
bad graph, made from a data file, the builder, ``KnowledgeGraph(...)``, RDF written
without the check and a store's read-back, fails with the same message, naming the record,
the field and what was expected; the loader adds the file and line of the field."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

import pytest

import korea_graph
import korea_graph.core.graph as graph_module
from korea_graph import Builder, KnowledgeGraph
from korea_graph.core.validate import Links
from korea_graph.errors import DataError, ReferenceError_
from korea_graph.linked_data.rdf import from_rdf, to_rdf

TEXT = ("Moscow opposes the US missile defence plans, Foreign Minister Igor Ivanov said in "
        "Moscow on July 3. Ivanov met the Chinese ambassador.")

DATA = """\
format: korea_graph/1
document:
  id: note
  title: A note on missile defence
  text: note.txt
  publisher: tass
  published: 2000-07-05
actors:
  - {id: tass, label: TASS, kind: news_outlet}
  - {id: russia, label: Russia, kind: state, aliases: [Moscow]}
  - {id: china, label: China, kind: state}
  - {id: moscow, label: Moscow, kind: city, country: russia}
  - {id: nmd, label: US missile defence plans, kind: project}
  - {id: igor-ivanov, label: Igor Ivanov, kind: person, country: russia}
  - {id: chinese-ambassador, label: the Chinese ambassador, kind: person, country: china}
events:
  - id: ivanov-statement
    type: statement
    label: Ivanov on missile defence
    participants:
      - {actor: igor-ivanov, role: speaker}
    place: moscow
    when: 2000-07-03
    status: occurred
    evidence:
      - quote: "Foreign Minister Igor Ivanov said in Moscow on July 3"
  - id: ivanov-meets-ambassador
    type: meeting
    label: Ivanov meets the Chinese ambassador
    participants:
      - {actor: igor-ivanov, role: host}
      - {actor: chinese-ambassador, role: guest}
    when: {before: 2000-07-05}
    status: occurred
    evidence:
      - quote: "Ivanov met the Chinese ambassador."
stances:
  - id: russia-opposes-nmd
    holder: russia
    attitude: opposes
    target: nmd
    when: 2000-07-03
    status: occurred
    expressed_in: ivanov-statement
    evidence:
      - quote: "Moscow opposes the US missile defence plans"
"""

#: Each bad graph: how the data file changes (old, new: the first occurrence), what the
#: records then are (a function of the good graph's), and the message every way gives.
CASES = {
    "a stance held by a city": (
        "    holder: russia\n", "    holder: moscow\n",
        lambda kg: _records(kg, stances={"russia-opposes-nmd": {"holder": "moscow"}}),
        "stances['russia-opposes-nmd'].holder: 'moscow' is a city, which cannot hold a post "
        "or a stance (expected a person, state or institution)"),
    "a person as a place": (
        "    place: moscow\n", "    place: igor-ivanov\n",
        lambda kg: _records(kg, events={"ivanov-statement": {"place": "igor-ivanov"}}),
        "events['ivanov-statement'].place: 'igor-ivanov' is a person, not a place (expected "
        "an actor of kind city, airport, region or facility)"),
    "a same_as to an unknown event": (
        "  - id: ivanov-meets-ambassador\n",
        "  - id: ivanov-meets-ambassador\n    same_as: ivanov-statment\n",
        lambda kg: _records(kg, events={"ivanov-meets-ambassador": {
            "same_as": ("ivanov-statment",)}}),
        "events['ivanov-meets-ambassador'].same_as[0]: unknown event 'ivanov-statment' "
        "(expected the id of an event of the graph (did you mean 'ivanov-statement'?))"),
    "a stance expressed in an unknown event": (
        "    expressed_in: ivanov-statement\n", "    expressed_in: ivanov-speech\n",
        lambda kg: _records(kg, stances={"russia-opposes-nmd": {
            "expressed_in": "ivanov-speech"}}),
        "stances['russia-opposes-nmd'].expressed_in: unknown event 'ivanov-speech' (expected "
        "the id of an event of the graph (did you mean 'ivanov-statement'?))"),
    "a same_as that cannot hold": (
        "  - id: ivanov-meets-ambassador\n",
        "  - id: ivanov-meets-ambassador\n    same_as: ivanov-statement\n",
        lambda kg: _records(kg, events={"ivanov-meets-ambassador": {
            "same_as": ("ivanov-statement",)}}),
        "events['ivanov-meets-ambassador'].same_as[0]: 'ivanov-meets-ambassador' cannot be the "
        "same event as 'ivanov-statement': a meeting (a meeting) is not a statement (a "
        "statement) (expected a link to a report of the same happening: types of one family, "
        "times that can overlap, no outcome reported before the event's date, a participant "
        "in common)"),
}


def _records(kg: KnowledgeGraph, **changes: dict[str, dict[str, object]]) -> dict[str, list]:
    """The good graph's records as given, with some fields of some records changed."""
    tables = {"documents": list(kg.documents.values()), "actors": list(kg.given[0]),
              "events": list(kg.given[1]), "affiliations": list(kg.given[2]),
              "stances": list(kg.given[3])}
    for table, edits in changes.items():
        tables[table] = [replace(r, **edits[r.id]) if r.id in edits else r
                         for r in tables[table]]
    return tables


def _write(folder: Path, data: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "note.txt").write_text(TEXT, encoding="utf-8")
    path = folder / "note.yaml"
    path.write_text(data, encoding="utf-8")
    return path


@pytest.fixture
def good(tmp_path: Path) -> KnowledgeGraph:
    return korea_graph.load_file(_write(tmp_path / "good", DATA))


@pytest.fixture
def unchecked(monkeypatch: pytest.MonkeyPatch) -> Callable[[], Iterator[None]]:
    """A context in which graphs are made without the graph's own check, as a reader of
    another program's RDF or an old store would meet them."""
    from contextlib import contextmanager

    @contextmanager
    def off() -> Iterator[None]:
        with monkeypatch.context() as patch:
            patch.setattr(graph_module, "validate", lambda **_: Links({}, {}))
            yield

    return off


def _build(records: dict[str, list]) -> KnowledgeGraph:
    """The records, added one by one with the builder (which checks each at its call)."""
    b = Builder()
    for a in records["actors"]:
        b.actor(a.id, a.label, a.kind, aliases=a.aliases, country=a.country,
                same_as=a.same_as)
    for d in records["documents"]:
        b.document(d.id, title=d.title, text=d.text, publisher=d.publisher,
                   published=d.published)
    for e in records["events"]:
        b.event(e.id, e.type, e.label, participants=e.participants, when=e.when,
                status=e.status, evidence=e.evidence, place=e.place, part_of=e.part_of,
                about=e.about, same_as=e.same_as)
    for s in records["stances"]:
        b.stance(s.id, s.holder, s.attitude, s.target, when=s.when, status=s.status,
                 evidence=s.evidence, expressed_in=s.expressed_in, about=s.about)
    return b.build()


def test_the_good_graph_is_the_same_on_every_path(good: KnowledgeGraph, tmp_path: Path) -> None:
    assert _build(_records(good)) == good
    assert KnowledgeGraph(**_records(good)) == good
    assert from_rdf(to_rdf(good)) == good


@pytest.mark.parametrize("case", CASES)
def test_the_same_bad_graph_fails_alike_on_every_path(
        case: str, good: KnowledgeGraph, tmp_path: Path,
        unchecked: Callable[[], Iterator[None]]) -> None:
    old, new, bad, message = CASES[case]
    records = bad(good)
    errors: dict[str, DataError] = {}

    # a data file: the message, after the file and the line of the field
    data = DATA.replace(old, new, 1)
    path = _write(tmp_path / "bad", data)
    with pytest.raises(DataError) as info:
        korea_graph.load_file(path)
    line = data[:data.index(new) + len(new) - 1].count("\n") + 1
    assert str(info.value) == f"{path}:{line}: {message}"
    assert (info.value.file, info.value.line) == (str(path), line)
    # the builder, at the call that adds the record
    with pytest.raises(DataError) as info:
        _build(records)
    errors["builder"] = info.value
    # KnowledgeGraph(...)
    with pytest.raises(DataError) as info:
        KnowledgeGraph(**records)
    errors["KnowledgeGraph"] = info.value
    # RDF written without the check, read back
    with unchecked():
        turtle = to_rdf(KnowledgeGraph(**records))
    with pytest.raises(DataError) as info:
        from_rdf(turtle)
    errors["from_rdf"] = info.value
    for way, error in errors.items():
        assert str(error) == message, way
        assert type(error) is ReferenceError_, way


@pytest.mark.parametrize("case", ["a stance held by a city", "a person as a place",
                                  "a stance expressed in an unknown event",
                                  "a same_as that cannot hold"])
def test_a_store_read_back_fails_alike(case: str, good: KnowledgeGraph, tmp_path: Path,
                                       unchecked: Callable[[], Iterator[None]]) -> None:
    from korea_graph.scale.store import Store

    _, _, bad, message = CASES[case]
    with unchecked(), Store.open(tmp_path / "s") as store:
        store.add(KnowledgeGraph(**bad(good)))
    with Store.open(tmp_path / "s") as store, pytest.raises(DataError) as info:
        store.graph()
    assert str(info.value) == message


def test_a_part_of_a_graph_may_refer_outside_it(good: KnowledgeGraph) -> None:
    records = _records(good, stances={"russia-opposes-nmd": {"expressed_in": "elsewhere"}})
    part = KnowledgeGraph(**records, partial=True)  # one document of a larger graph
    assert part.stances["russia-opposes-nmd"].expressed_in == "elsewhere"
    held = _records(good, stances={"russia-opposes-nmd": {"holder": "moscow"}})
    with pytest.raises(ReferenceError_, match="'moscow' is a city"):
        KnowledgeGraph(**held, partial=True)  # what it holds obeys every rule


# -- same_as of events, checked when loaded -------------------------------------------------
NOTE_TEXT = "Losyukov did not meet with North Korean leader Kim Jong-il."
NOTE = """\
format: korea_graph/1
document:
  id: early-note
  title: An early note
  text: early-note.txt
  publisher: jamestown-foundation
  published: 2000-06-20
actors:
  - {id: paek-nam-sun, label: Paek Nam-sun, kind: person, same_as: pek-nam-sun}
events:
  - id: losyukov-kim-meeting
    same_as: losyukov-meets-north-koreans
    type: meeting
    label: Losyukov and Kim Jong-il do not meet
    participants:
      - {actor: aleksandr-losyukov, role: participant}
      - {actor: kim-jong-il, role: participant}
    when: 2000-06
    status: did_not_happen
    evidence:
      - quote: "Losyukov did not meet with North Korean leader Kim Jong-il."
"""
ARTICLE = korea_graph.curation.loader.bundled_data_files()[0]


def _note(tmp_path: Path, data: str) -> Path:
    (tmp_path / "early-note.txt").write_text(NOTE_TEXT, encoding="utf-8")
    path = tmp_path / "early-note.yaml"
    path.write_text(data, encoding="utf-8")
    return path


LATER = ("published: 2000-06-20", "published: 2000-07-01")  # after the meeting


@pytest.mark.parametrize(("changes", "why"), [
    # the article's June 27 meeting, reported as not having happened a week before it
    ([], "the document 'early-note', published 2000-06-20, reports that it did not happen, "
         "but 'losyukov-meets-north-koreans' is dated 2000-06-27, after that"),
    ([LATER, ("type: meeting", "type: visit")], "a visit (a visit) is not a meeting (a meeting)"),
    ([LATER, ("when: 2000-06", "when: 2000-05")],
     "its time 2000-05 cannot overlap 2000-06-27, the time of 'losyukov-meets-north-koreans'"),
    ([LATER, ("      - {actor: aleksandr-losyukov, role: participant}\n", "")],
     "no participant in common (kim-jong-il against aleksandr-losyukov, kim-yong-nam, "
     "pek-nam-sun)"),
], ids=["outcome before the date", "type family", "times", "participants"])
def test_a_same_as_that_cannot_hold_is_a_located_error(
        tmp_path: Path, changes: list[tuple[str, str]], why: str) -> None:
    data = NOTE
    for old, new in changes:
        data = data.replace(old, new, 1)
    path = _note(tmp_path, data)
    with pytest.raises(ReferenceError_) as info:
        korea_graph.load(ARTICLE, path)
    text = path.read_text(encoding="utf-8")
    line = text[:text.index("same_as: losyukov")].count("\n") + 1
    assert (info.value.file, info.value.line) == (str(path), line)
    assert info.value.field == "events['losyukov-kim-meeting'].same_as[0]"
    assert info.value.reason == ("'losyukov-kim-meeting' cannot be the same event as "
                                 f"'losyukov-meets-north-koreans': {why}")


def test_a_same_as_that_can_hold_merges_the_reports(tmp_path: Path) -> None:
    # published after the meeting, reporting it, with a participant the article names by
    # another id (an actor same_as the article's Paek Nam-sun shares the meeting)
    data = NOTE.replace(*LATER).replace(
        "status: did_not_happen", "status: occurred").replace(
        "      - {actor: aleksandr-losyukov, role: participant}\n", "").replace(
        "{actor: kim-jong-il, role: participant}", "{actor: paek-nam-sun, role: participant}")
    kg = korea_graph.load(ARTICLE, _note(tmp_path, data))
    assert kg.event("losyukov-kim-meeting").id == "losyukov-meets-north-koreans"
    assert [c.id for c in kg.claims("losyukov-meets-north-koreans")] == [  # by publication
        "losyukov-kim-meeting", "losyukov-meets-north-koreans"]
