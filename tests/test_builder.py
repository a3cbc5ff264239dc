"""Building a graph from Python: every mistake stops the call that made it, with its
message; what is built is an ordinary graph that every part of the library reads."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import pytest

import korea_graph
from korea_graph import (
    Actor,
    ActorKind,
    Builder,
    DataError,
    DateError,
    DuplicateIdError,
    Event,
    EvidenceError,
    KnowledgeGraph,
    Participant,
    ReferenceError_,
    SchemaError,
    Status,
    TimeSpan,
    VocabularyError,
)
from korea_graph.questions.query import events, meetings

TEXT = (
    "Moscow Bulletin\n"
    "---\n"
    "Foreign Minister Igor Ivanov met Kim Yong-nam in Pyongyang on July 20. "
    "Ivanov said Russia opposes the plan.\n"
    "Last week Ivanov wrote to Kim Yong-nam. Ivanov wrote again.\n"
)


def _builder() -> Builder:
    b = Builder()
    b.actor("tass", "TASS", "news_outlet")
    b.actor("russia", "Russia", "state")
    b.actor("igor-ivanov", "Igor Ivanov", "person", aliases="Ivanov", country="russia")
    b.actor("kim-yong-nam", "Kim Yong-nam", "person")
    b.actor("pyongyang", "Pyongyang", "city")
    b.actor("foreign-ministry", "Russian Foreign Ministry", "ministry", country="russia")
    b.actor("the-plan", "the plan", "project")
    b.document("bulletin", title="Moscow Bulletin", text=TEXT, publisher="tass",
               published="2000-07-24")
    return b


def _meeting(b: Builder, **change: object) -> Event:
    fields: dict[str, object] = dict(
        participants={"igor-ivanov": "host", "kim-yong-nam": "guest"},
        when={"date": "2000-07-20", "phrase": "on July 20"}, status="occurred",
        evidence="Igor Ivanov met Kim Yong-nam in Pyongyang on July 20.", place="pyongyang")
    fields.update(change)
    return b.event("ivanov-meets-kim", "meeting", "Ivanov meets Kim Yong-nam",
                   **fields)  # type: ignore[arg-type]


# -- the mistakes the issue names ----------------------------------------------------------
def test_a_plain_string_kind_is_checked_and_draws(tmp_path: Path) -> None:
    """Once, Actor(..., "person") kept a str and drawing it raised AttributeError."""
    person = Actor("igor-ivanov", "Igor Ivanov", "person")  # type: ignore[arg-type]
    assert person.kind is ActorKind.PERSON and person.kind.category == "person"
    with pytest.raises(VocabularyError) as info:
        Actor("x", "X", "persn")  # type: ignore[arg-type]
    assert str(info.value).startswith("Actor.kind: unknown kind 'persn'")
    assert "did you mean 'person'?" in str(info.value)
    with pytest.raises(VocabularyError) as info:
        _builder().actor("x", "X", "persn")
    assert str(info.value).startswith("actors['x'].kind: unknown kind 'persn' (expected one of")
    assert "did you mean 'person'?" in str(info.value)
    b = _builder()
    _meeting(b)
    page = korea_graph.view(b.build()).save(tmp_path / "v.html")
    assert "Kim Yong-nam" in page.read_text(encoding="utf-8")


def test_a_typo_in_an_actor_id_stops_the_call_with_did_you_mean() -> None:
    """Once, a typo surfaced as a bare KeyError when the answers were tabled."""
    b = _builder()
    with pytest.raises(ReferenceError_) as info:
        _meeting(b, participants={"igor-ivanof": "host", "kim-yong-nam": "guest"})
    message = str(info.value)
    assert message.startswith(
        "events['ivanov-meets-kim'].participants[0].actor: unknown actor 'igor-ivanof'")
    assert "did you mean 'igor-ivanov'?" in message
    _meeting(b)  # the failed call took nothing: the id is still free
    table = meetings(b.build()).to_table()
    assert "Igor Ivanov" in table and "Kim Yong-nam" in table


def test_a_quote_that_does_not_match_its_offsets_fails_without_pyshacl(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Once, only the SHACL shapes (pyshacl) noticed a quote that is not at its offset."""
    monkeypatch.setitem(sys.modules, "pyshacl", None)  # as if it were not installed
    b = _builder()
    with pytest.raises(EvidenceError) as info:
        _meeting(b, evidence={"quote": "Igor Ivanov met Kim Yong-nam", "start": 3})
    assert str(info.value).startswith(
        "events['ivanov-meets-kim'].evidence[0].start: the quote differs from the text at "
        "offset 3")
    with pytest.raises(EvidenceError, match=r"evidence\[0\]\.quote: quote not found"):
        _meeting(b, evidence="Igor Ivanov met Kim Jong-il")
    with pytest.raises(EvidenceError, match=r"occurs more than once \(2 times\)"):
        _meeting(b, evidence="Ivanov wrote")
    with pytest.raises(SchemaError, match="outside the text"):
        _meeting(b, evidence=(10, 10_000))


# -- evidence, time and vocabularies ---------------------------------------------------------
def test_evidence_as_a_quote_offsets_or_both(article_offsets: int) -> None:
    b = _builder()
    quote = "Igor Ivanov met Kim Yong-nam in Pyongyang on July 20."
    by_quote = _meeting(b).evidence[0]
    assert (by_quote.start, by_quote.end, by_quote.quote) == (
        article_offsets, article_offsets + len(quote), quote)
    assert by_quote.paragraph == 1
    second = b.event("ivanov-writes", "letter", "Ivanov writes again",
                     participants=[("igor-ivanov", "sender")], when="2000-07", status="occurred",
                     evidence={"quote": "Ivanov wrote", "start": TEXT.rindex("Ivanov wrote")})
    assert second.evidence[0].paragraph == 2
    offsets = b.event("ivanov-opposes", "statement", "Ivanov's statement",
                      participants=[Participant("igor-ivanov", "speaker")],  # type: ignore[arg-type]
                      when="2000-07", status="occurred",
                      evidence=(TEXT.index("Ivanov said"), TEXT.index("plan.") + 5))
    assert offsets.evidence[0].quote == "Ivanov said Russia opposes the plan."


@pytest.fixture
def article_offsets() -> int:
    return TEXT.index("Igor Ivanov met")


def test_time_as_a_date_an_interval_or_a_phrase() -> None:
    b = _builder()
    assert str(_meeting(b, when="2000-07-20").when) == "2000-07-20"
    letter = b.event("ivanov-wrote", "letter", "Ivanov writes to Kim",
                     participants={"Ivanov": "sender", "Kim Yong-nam": "addressee"},
                     when="last week", status="occurred",
                     evidence="Last week Ivanov wrote to Kim Yong-nam.")
    assert str(letter.when) == "2000-07-17/2000-07-23"  # July 24 is a Monday
    assert letter.when.phrase == "last week"
    assert "publication date 2000-07-24" in str(letter.when.resolution)
    post = b.post("ivanov-fm", "Igor Ivanov", "foreign-ministry", "head", title="Foreign Minister",
                  when=("2000-07-20", "2000-07-24"), status="occurred",
                  evidence="Foreign Minister Igor Ivanov")
    assert post.when == TimeSpan.between(date(2000, 7, 20), date(2000, 7, 24))
    assert post.when.precision.value == "window"
    stance = b.stance("russia-opposes-plan", "russia", "opposes", "the-plan",
                      when={"before": "2000-07-20"}, status="occurred",
                      evidence="Ivanov said Russia opposes the plan.",
                      expressed_in="ivanov-meets-kim")
    assert str(stance.when) == "../2000-07-20"
    with pytest.raises(DateError) as info:
        b.stance("s2", "russia", "opposes", "the-plan", when="2000-02-30", status="occurred",
                 evidence="Ivanov said Russia opposes the plan.")
    assert str(info.value).startswith("stances['s2'].when: '2000-02-30' is not a real date")
    with pytest.raises(DateError, match="unknown relative phrase 'a while ago'"):
        b.stance("s2", "russia", "opposes", "the-plan", when={"relative": "a while ago"},
                 status="occurred", evidence="Ivanov said Russia opposes the plan.")
    with pytest.raises(DateError, match="reversed interval"):
        b.stance("s2", "russia", "opposes", "the-plan", when=("2000-07-20", "2000-07-01"),
                 status="occurred", evidence="Ivanov said Russia opposes the plan.")


@pytest.mark.parametrize(("change", "error", "message"), [
    ({"type": "meting"}, VocabularyError,
     "events['e'].type: unknown type 'meting' (expected one of meeting"),
    ({"status": "rumoured"}, VocabularyError, "events['e'].status: unknown status 'rumoured'"),
    ({"participants": {"igor-ivanov": "hots"}}, VocabularyError,
     "events['e'].participants[0].role: unknown role 'hots'"),
    ({"participants": {}}, SchemaError, "events['e'].participants: no participants"),
    ({"evidence": []}, SchemaError, "events['e'].evidence: no evidence"),
    ({"place": "russia"}, ReferenceError_, "events['e'].place: 'russia' is a state, not a place"),
    ({"part_of": "ivanov-meets"}, ReferenceError_,
     "events['e'].part_of: unknown event 'ivanov-meets' (expected the id of an event of the "
     "graph (did you mean 'ivanov-meets-kim'?))"),
    ({"citations": ["russia"]}, ReferenceError_,
     "events['e'].citations[0].outlet: 'russia' is a state, not an outlet"),
    ({"document": "bulletn"}, ReferenceError_,
     "events['e'].document: unknown document 'bulletn' (expected the id of a document added "
     "before (did you mean 'bulletin'?))"),
    ({"label": "  "}, SchemaError, "events['e'].label: empty text"),
    ({"id": "Bad Id"}, SchemaError, "events['Bad Id'].id: bad id 'Bad Id'"),
    ({"id": "igor-ivanov"}, DuplicateIdError,
     "events['igor-ivanov'].id: the id 'igor-ivanov' is already taken by an actor"),
])
def test_every_mistake_names_the_record_and_field(change: dict[str, object],
                                                  error: type[DataError], message: str) -> None:
    b = _builder()
    _meeting(b)
    fields: dict[str, object] = dict(
        id="e", type="meeting", label="E", participants={"igor-ivanov": "host"},
        when="2000-07-20", status="occurred", evidence="Ivanov said")
    fields.update(change)
    with pytest.raises(error) as info:
        b.event(**fields)  # type: ignore[arg-type]
    assert str(info.value).startswith(message), str(info.value)
    assert len(b.build().events) == 1  # nothing half-added


def test_names_resolve_to_ids_and_ambiguous_names_are_refused() -> None:
    b = _builder()
    b.actor("ivanov-junior", "Sergei Ivanov", "person", aliases=["Ivanov"])
    event = _meeting(b, participants={"Igor Ivanov": "host", "kim yong nam": "guest"})
    assert event.actors() == ("igor-ivanov", "kim-yong-nam")
    with pytest.raises(ReferenceError_) as info:
        b.stance("s", "Ivanov", "opposes", "the-plan", when="2000-07", status="occurred",
                 evidence="Ivanov said")
    assert "'Ivanov' names several actors: igor-ivanov, ivanov-junior" in str(info.value)


# -- the result is an ordinary graph -------------------------------------------------------
def test_the_built_graph_works_everywhere(tmp_path: Path) -> None:
    b = _builder()
    _meeting(b)
    kg = b.build()
    assert isinstance(kg, KnowledgeGraph)
    assert [r.object for r in meetings(kg, during="July 2000")] == ["Kim Yong-nam"]
    assert len(korea_graph.ask(kg, "who met whom")) == 1
    assert kg.to_networkx().number_of_edges() >= 1
    assert korea_graph.from_rdf(korea_graph.to_rdf(kg, "turtle"), "turtle") == kg
    assert korea_graph.validate(kg).conforms
    with korea_graph.Store.open(tmp_path / "store") as store:
        store.add(kg)
        assert store.graph() == kg
    assert korea_graph.to_cameo_rows(kg)


def test_extending_the_shipped_corpus_takes_two_calls() -> None:
    shipped = korea_graph.load()
    b = Builder(shipped)
    b.actor("tass", "TASS", "news_outlet")
    b.document("tass-0719", title="Putin in Pyongyang", publisher="tass",
               published="2000-07-19", text="Putin met Kim Jong-il at Sunan airport today.")
    b.event("putin-arrives", "meeting", "Putin meets Kim Jong-il at Sunan",
            participants={"Putin": "guest", "Kim Jong-il": "host"}, when="2000-07-19",
            status="occurred", evidence="Putin met Kim Jong-il at Sunan airport today.")
    kg = b.build()
    assert len(kg.events) == len(shipped.events) + 1 and "putin-arrives" not in shipped.events
    assert kg.events["putin-arrives"].evidence[0].document == "tass-0719"
    after = events(kg, after="2000-07-18", types=["meeting"])
    assert "putin-arrives" in {row.event_id for row in after}
    with pytest.raises(DuplicateIdError, match="already taken by an actor"):
        b.actor("vladimir-putin", "Putin", "person")
    with pytest.raises(SchemaError, match="no document for the evidence"):
        Builder(kg).event("x", "meeting", "X", participants={"russia": "party"}, when="2000",
                          status="occurred", evidence="Putin")


def test_statuses_are_members_after_the_build() -> None:
    b = _builder()
    event = _meeting(b, status="reported")
    assert event.status is Status.REPORTED


def test_the_examples_of_the_docs_page_run(tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    import re

    page = (Path(__file__).resolve().parents[1] / "docs" / "building.md").read_text(
        encoding="utf-8")
    blocks = re.findall(r"```python\n(.*?)```", page, flags=re.S)
    assert len(blocks) == 2
    monkeypatch.chdir(tmp_path)
    namespace: dict[str, object] = {}  # the second block goes on from the first
    for block in blocks:
        exec(compile(block, "docs/building.md", "exec"), namespace)
        assert isinstance(namespace["kg"], KnowledgeGraph)
    assert (tmp_path / "bulletin-2000-07-21.txt").exists()
    assert (tmp_path / "tass-0719.yaml").exists()
