"""Hypothesis strategies for korea_graph: random valid knowledge graphs with hostile text.

``knowledge_graphs()`` draws a :class:`~korea_graph.core.graph.KnowledgeGraph` whose records
refer only to ids it defines, whose evidence spans match their document text, and whose
strings (ids included) are hostile: quotes, backslashes, newlines, ``<script>``,
``\"\"\"``, non-ASCII and right-to-left text, very long strings.

    from hypothesis import given
    from strategies import knowledge_graphs

    @given(knowledge_graphs())
    def test_something(kg): ...
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from hypothesis import strategies as st

from korea_graph import (
    Actor,
    ActorKind,
    Affiliation,
    AffiliationKind,
    Attitude,
    Citation,
    Confidence,
    Document,
    Event,
    EventType,
    Evidence,
    Hedge,
    Inference,
    KnowledgeGraph,
    Participant,
    Precision,
    Role,
    SourceRecord,
    Stance,
    Status,
    TimeSpan,
)
from korea_graph.core.model import INFERABLE_FIELDS

__all__ = ["HOSTILE", "built_graphs", "hostile_text", "ids", "knowledge_graphs", "time_spans"]

#: Strings that break naive serialisers.
HOSTILE = [
    '"', "\\", "\n", "\r\n", "\t", "<script>alert('x')</script>", '"""', "'''", "\\u0041",
    "a\\nb", "</script><!--", "${x} {{y}} %s %(z)s", "ünïcödé", "Кремль", "김정일", "北京",
    "مرحبا بالعالم", "שָׁלוֹם", "\u202eevil\u202c", "\u200f", "emoji 🇰🇷🚀", "#frag?q=1&x=%20",
    "_:b0", "<http://example.org/x>", "@prefix x: <y> .", " leading and trailing ",
    "x" * 5000, "é" * 3000,
]

hostile_text = st.one_of(
    st.sampled_from(HOSTILE),
    st.text(max_size=40),
    st.lists(st.sampled_from(HOSTILE), min_size=2, max_size=4).map("".join),
)
#: Record ids: kebab-case mostly, but also anything at all (IRIs must escape them).
ids = st.one_of(st.from_regex(r"[a-z][a-z0-9-]{0,20}", fullmatch=True), st.text(max_size=20),
                st.sampled_from(["a/b", "a b", "..", ".", "%41", "a#b", "a?b", "ä/ö", "-", ""]))
_dates = st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31))
_optional_text = st.none() | hostile_text


@st.composite
def time_spans(draw: st.DrawFn) -> TimeSpan:
    """Any valid uncertain interval, open on either side or not, with a phrase or not."""
    a, b, c, d = sorted(draw(st.lists(_dates, min_size=4, max_size=4)))
    start_min, start_max, end_min, end_max = a, c, b, d
    if draw(st.booleans()):
        start_min = None if draw(st.booleans()) else start_min
        if start_min is not None:
            end_max = None if draw(st.booleans()) else end_max
        start_max = None if draw(st.booleans()) else start_max
        end_min = None if draw(st.booleans()) else end_min
    return TimeSpan(start_min, start_max, end_min, end_max, draw(st.sampled_from(Precision)),
                    draw(_optional_text), draw(_optional_text))


def _unique_ids(n: int) -> st.SearchStrategy[list[str]]:
    return st.lists(ids, min_size=n, max_size=n, unique=True)


@st.composite
def knowledge_graphs(draw: st.DrawFn, max_records: int = 4) -> KnowledgeGraph:
    """A random, referentially valid graph (see the module docstring)."""
    n_docs = draw(st.integers(1, 2))
    doc_ids = draw(_unique_ids(n_docs))
    actor_ids = draw(_unique_ids(draw(st.integers(1, max_records + 1))))
    event_ids = draw(_unique_ids(draw(st.integers(0, max_records))))
    post_ids = draw(_unique_ids(draw(st.integers(0, max_records))))
    stance_ids = draw(_unique_ids(draw(st.integers(0, max_records))))
    actor = st.sampled_from(actor_ids)
    # the first actor is an outlet (an agent and an organisation too), so that every field
    # has an actor of the kind the graph's rules ask for (korea_graph.core.validate)
    kinds = {i: ActorKind.NEWS_OUTLET if n == 0 else draw(st.sampled_from(ActorKind))
             for n, i in enumerate(actor_ids)}

    def of_kind(test: Callable[[ActorKind], bool]) -> st.SearchStrategy[str]:
        fitting = [i for i in actor_ids if test(kinds[i])]
        return st.sampled_from(fitting) if fitting else st.nothing()

    outlet = of_kind(lambda k: k is ActorKind.NEWS_OUTLET)
    agent = of_kind(lambda k: k.is_agent)
    organization = of_kind(lambda k: k.category not in ("person", "place"))
    state = st.none() | of_kind(lambda k: k is ActorKind.STATE)
    place = st.none() | of_kind(lambda k: k.category in ("place", "facility"))
    event = st.sampled_from(event_ids) if event_ids else st.nothing()
    max_refs = 3 if event_ids else 0

    texts = {}
    documents = []
    for doc_id in doc_ids:
        text = draw(st.text(min_size=1, max_size=200) | st.sampled_from(HOSTILE))
        texts[doc_id] = text
        documents.append(Document(
            doc_id, draw(hostile_text), draw(outlet), draw(time_spans()), text,
            draw(_optional_text), draw(_optional_text), draw(_optional_text),
            draw(_optional_text)))

    @st.composite
    def evidence(draw: st.DrawFn) -> Evidence:
        doc_id = draw(st.sampled_from(doc_ids))
        text = texts[doc_id]
        start = draw(st.integers(0, len(text)))
        end = draw(st.integers(start, len(text)))
        return Evidence(doc_id, start, end, text[start:end], draw(st.integers(0, 50)))

    citation = st.builds(Citation, outlet, st.none() | time_spans(), _optional_text)
    hedge = st.one_of(
        st.builds(Hedge, hostile_text, st.none() | st.sampled_from(Confidence)),
        st.builds(Hedge, st.none(), st.sampled_from(Confidence)))
    hedges = st.lists(hedge, max_size=2).map(tuple)
    inferred = st.lists(st.builds(Inference, st.sampled_from(INFERABLE_FIELDS), hostile_text,
                                  hostile_text), max_size=2).map(tuple)
    evidences = st.lists(evidence(), max_size=3).map(tuple)
    citations = st.lists(citation, max_size=3).map(tuple)
    texts_tuple = st.lists(hostile_text, max_size=4).map(tuple)
    small = st.none() | st.integers(0, 10**12)
    source = st.builds(SourceRecord, st.sampled_from(["icews", "gdelt1", "gdelt2"]) | hostile_text,
                       hostile_text, _optional_text, small, _optional_text, small,
                       _optional_text, _optional_text)

    actors = [
        Actor(i, draw(hostile_text), kinds[i], draw(texts_tuple),
              draw(st.none() | st.from_regex(r"Q[1-9][0-9]{0,8}", fullmatch=True)
                   | hostile_text),
              draw(state), draw(_optional_text), mentions=draw(texts_tuple))
        for i in actor_ids
    ]
    events = [
        Event(i, draw(st.sampled_from(EventType)), draw(hostile_text),
              tuple(draw(st.lists(st.builds(Participant, actor, st.sampled_from(Role)),
                                  max_size=4))),
              draw(time_spans()), draw(st.sampled_from(Status)), draw(evidences),
              draw(citations), draw(place),
              # part of an earlier event only: never of itself, never in a circle
              draw(st.none() | st.sampled_from(event_ids[:n])) if n else None,
              tuple(draw(st.lists(event, max_size=max_refs))), draw(texts_tuple),
              draw(_optional_text),
              draw(st.none() | st.from_regex(r"[0-2][0-9]{1,3}", fullmatch=True)),
              tuple(draw(st.lists(source, max_size=2))), hedges=draw(hedges),
              inferred=draw(inferred))
        for n, i in enumerate(event_ids)
    ]
    affiliations = [
        Affiliation(i, draw(agent), draw(organization), draw(st.sampled_from(AffiliationKind)),
                    draw(time_spans()), draw(st.sampled_from(Status)), draw(evidences),
                    draw(_optional_text), draw(state), draw(citations),
                    draw(_optional_text), hedges=draw(hedges), inferred=draw(inferred))
        for i in post_ids
    ]
    stances = [
        Stance(i, draw(agent), draw(st.sampled_from(Attitude)), draw(actor), draw(time_spans()),
               draw(st.sampled_from(Status)), draw(evidences), draw(citations),
               draw(st.none() | event), draw(_optional_text),
               tuple(draw(st.lists(event, max_size=max_refs))), hedges=draw(hedges),
               inferred=draw(inferred))
        for i in stance_ids
    ]
    return KnowledgeGraph(documents=documents, actors=actors, events=events,
                          affiliations=affiliations, stances=stances)


_kebab = st.from_regex(r"[a-z][a-z0-9]{0,5}(-[a-z0-9]{1,4}){0,2}", fullmatch=True)
_label = hostile_text.filter(lambda s: bool(s.strip()))
_optional_label = st.none() | _label
_wikidata = st.none() | st.integers(1, 10**9).map("Q{}".format)
_aliases = st.lists(_label, max_size=3)


@st.composite
def _builder_times(draw: st.DrawFn) -> object:
    """What a script passes as time: any span, a date, an interval or a relative phrase."""
    return draw(st.one_of(
        time_spans().filter(lambda t: all(w is None or w.strip() for w in (t.phrase,
                                                                           t.resolution))),
        _dates.map(str),
        st.tuples(_dates, _dates).map(sorted).map(tuple),
        st.sampled_from(["last week", "last month", "yesterday", "on Friday", "2000",
                         "2000-06", "../2000-06-30", "1999-02/.."]),
        st.builds(lambda d, p: {"date": str(d), "phrase": p}, _dates, _label),
        st.builds(lambda d: {"held_at": [str(d), "publication"]},
                  st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 1, 1))),
        st.builds(lambda d: {"start": {"after": str(d)}, "end": "publication"},
                  st.dates(min_value=date(1800, 1, 1), max_value=date(1899, 1, 1))),
    ))


_times = _builder_times()
_optional_times = st.none() | _times
_hedges = st.lists(st.one_of(
    _label, st.builds(lambda p, c: {"phrase": p, "confidence": c}, _optional_label,
                      st.sampled_from(Confidence))), max_size=2)
_inferred = st.lists(st.tuples(st.sampled_from(INFERABLE_FIELDS), _label, _label), max_size=2)


@st.composite
def built_graphs(draw: st.DrawFn, max_records: int = 4) -> KnowledgeGraph:
    """A random graph made with :class:`~korea_graph.Builder`, of one document: what a
    data file can hold (kebab-case ids, a quote per record), with hostile text."""
    from korea_graph import Builder

    pool = draw(st.lists(_kebab, min_size=4 * max_records + 6, max_size=4 * max_records + 6,
                         unique=True))
    b = Builder()
    outlet = b.actor(pool.pop(), draw(_label), "news_outlet", aliases=draw(_aliases))
    actors = [outlet.id]
    places: list[str] = []
    states: list[str] = []
    agents = [outlet.id]  # may hold posts and stances
    organizations = [outlet.id]  # may be held a post in
    for _ in range(draw(st.integers(1, max_records + 1))):
        kind = draw(st.sampled_from(ActorKind))
        actor = b.actor(pool.pop(), draw(_label), kind, aliases=draw(_aliases),
                        wikidata=draw(_wikidata),
                        country=draw(st.none() | st.sampled_from(states)) if states else None,
                        note=draw(_optional_label), mentions=draw(_aliases))
        actors.append(actor.id)
        if kind.category in ("place", "facility"):
            places.append(actor.id)
        if kind is ActorKind.STATE:
            states.append(actor.id)
        if kind.is_agent:
            agents.append(actor.id)
        if kind.category not in ("person", "place"):
            organizations.append(actor.id)
    body = draw((st.text(min_size=1, max_size=300) | st.sampled_from(HOSTILE))
                .filter(lambda t: bool(t.strip())))
    first = draw(st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)))
    published = TimeSpan.between(first, first + timedelta(days=draw(st.integers(0, 9)))
                                 ).with_phrase(draw(_optional_label))
    doc = b.document(pool.pop(), title=draw(_label), text=body, publisher=outlet.id,
                     published=published, url=draw(_optional_label),
                     volume=draw(_optional_label), issue=draw(_optional_label))
    words = [i for i, c in enumerate(doc.text) if not c.isspace()]

    @st.composite
    def span(draw: st.DrawFn) -> tuple[int, int]:
        """Offsets around at least one character that is not a space."""
        inside = draw(st.sampled_from(words))
        return (draw(st.integers(0, inside)), draw(st.integers(inside + 1, len(doc.text))))

    evidence = st.lists(span(), min_size=1, max_size=2)
    citations = st.lists(st.builds(lambda d, n: {"outlet": outlet.id, "date": d, "note": n},
                                   _optional_times, _optional_label), max_size=2)
    event_ids: list[str] = []
    for _ in range(draw(st.integers(0, max_records))):
        event = b.event(
            pool.pop(), draw(st.sampled_from(EventType)), draw(_label),
            participants=draw(st.lists(st.tuples(st.sampled_from(actors), st.sampled_from(Role)),
                                       min_size=1, max_size=3)),
            when=draw(_times), status=draw(st.sampled_from(Status)),
            evidence=draw(evidence), citations=draw(citations),
            place=draw(st.none() | st.sampled_from(places)) if places else None,
            part_of=draw(st.none() | st.sampled_from(event_ids)) if event_ids else None,
            about=draw(st.lists(st.sampled_from(event_ids), max_size=2)) if event_ids else (),
            aliases=draw(_aliases), note=draw(_optional_label), hedges=draw(_hedges),
            inferred=draw(_inferred))
        event_ids.append(event.id)
    for _ in range(draw(st.integers(0, max_records))):
        b.post(pool.pop(), draw(st.sampled_from(agents)), draw(st.sampled_from(organizations)),
               draw(st.sampled_from(AffiliationKind)), when=draw(_times),
               status=draw(st.sampled_from(Status)), evidence=draw(evidence),
               title=draw(_optional_label),
               accredited_to=draw(st.none() | st.sampled_from(states)) if states else None,
               citations=draw(citations), note=draw(_optional_label), hedges=draw(_hedges),
               inferred=draw(_inferred))
    for _ in range(draw(st.integers(0, max_records))):
        b.stance(pool.pop(), draw(st.sampled_from(agents)), draw(st.sampled_from(Attitude)),
                 draw(st.sampled_from(actors)), when=draw(_times),
                 status=draw(st.sampled_from(Status)), evidence=draw(evidence),
                 expressed_in=draw(st.none() | st.sampled_from(event_ids)) if event_ids
                 else None,
                 about=draw(st.lists(st.sampled_from(event_ids), max_size=2)) if event_ids
                 else (),
                 citations=draw(citations), note=draw(_optional_label), hedges=draw(_hedges),
                 inferred=draw(_inferred))
    return b.build()
