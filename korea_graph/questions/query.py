"""Time-aware questions over a :class:`~korea_graph.core.graph.KnowledgeGraph`.

Time conditions come in two strengths. ``before=X`` keeps what *possibly* happened
before X and marks each row ``certainty="certain"`` when it *certainly* did, else
``"possible"`` (the ``time_condition`` column of tables); ``strength="certainly"`` keeps
only the certain ones. Rows that certainly meet the condition come first, each group in
time order. Anchors are event
ids, names or aliases ("Putin's trip"), ISO dates, or dates such as "June 27, 2000".

Status rules: a meeting that did not take place is not a meeting; reported and
disputed ones are kept and flagged; planned events are left out unless
``include_planned=True``.

>>> from korea_graph import load
>>> kg = load()
>>> answers = meetings(kg, before="Putin's trip")
>>> sorted({(r.subject, r.object) for r in answers})[:2]
[('Aleksandr Losyukov', 'Kim Yong-nam'), ('Aleksandr Losyukov', 'Pek Nam Sun')]
>>> ("Lee Joung-binn", "Vladimir Putin") in {(r.subject, r.object) for r in answers}
False
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from itertools import pairwise
from typing import Literal

from ..core.claims import claim_document
from ..core.graph import KnowledgeGraph
from ..core.model import Actor, Affiliation, Event, Evidence, Stance, Status
from ..core.names import normalize
from ..core.relations import Relation, RelationType, relation_hedges
from ..core.timespan import Precision, TimeSpan
from ..errors import AmbiguousNameError, DateError, NotFoundError, QueryError
from .answers import ActorRow, Answers, EventRow, Fact, LazyRows, PathRow
from .periods import PERIOD_WORDS, read_period

__all__ = [
    "Anchor",
    "actors",
    "connections",
    "events",
    "meetings",
    "relations",
    "resolve_anchor",
    "timeline",
    "title_matches",
    "who_is",
]

Strength = Literal["possibly", "certainly"]
AnchorLike = str | Event | TimeSpan | date
_REAL = {Status.OCCURRED, Status.REPORTED, Status.DISPUTED}
_SEASONS = frozenset({"spring", "summer", "autumn", "fall", "winter"})
_MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"], 1)}


@dataclass(frozen=True, slots=True)
class Anchor:
    """A point of reference in time: an event or a date, with how it was named."""

    label: str
    when: TimeSpan
    event: Event | None = None


def resolve_anchor(kg: KnowledgeGraph, anchor: AnchorLike) -> Anchor:
    """An event (by id, name or alias) or a date ("2000-06-27", "June 27", "June 2000").

    A day without a year takes the year of the latest dated document. An ambiguous event
    name raises :class:`~korea_graph.errors.AmbiguousNameError` with the candidates.

    >>> from korea_graph import load
    >>> resolve_anchor(load(), "the inter-Korean summit").label
    'Inter-Korean summit of Kim Jong-il and Kim Dae-jung'
    >>> str(resolve_anchor(load(), "June 27").when)
    '2000-06-27'
    """
    if isinstance(anchor, Event):
        return Anchor(anchor.label, anchor.when, anchor)
    if isinstance(anchor, TimeSpan):
        return Anchor(anchor.iso(), _extent(anchor))
    if isinstance(anchor, date):
        return Anchor(str(anchor), TimeSpan.day(anchor))
    span = _parse_date_words(kg, anchor)
    if span is not None:
        return Anchor(anchor, _extent(span))
    try:
        event = event_named(kg, anchor)
    except NotFoundError:
        raise NotFoundError(f"{anchor!r} is neither a date nor the name of an event") from None
    return Anchor(event.label, event.when, event)


_DATE_WORD = re.compile(r"\b(?:(?:january|february|march|april|may|june|july|august|"
                        r"september|october|november|december)|\d{1,2}-\d{1,2}|\d{1,4})\b"
                        r"(?:,)?", re.IGNORECASE)


def event_named(kg: KnowledgeGraph, name: str) -> Event:
    """The event of a name, as :meth:`KnowledgeGraph.event` finds it; a name that also
    gives a date ("the June 2000 inter-Korean summit", "the February 2000 treaty
    signing") is the event of the rest of the name whose time can hold with that date.

    >>> from korea_graph import load
    >>> event_named(load(), "the June 2000 inter-Korean summit").id
    'inter-korean-summit'
    """
    try:
        return kg.event(name)
    except NotFoundError:
        dates = [m.group(0).rstrip(",") for m in _DATE_WORD.finditer(name)]
        rest = " ".join(_DATE_WORD.sub(" ", name).split())
        if not dates or not rest or rest == name:
            raise
        event = kg.event(rest)
        span = _parse_date_words(kg, " ".join(d for d in dates if not re.fullmatch(
            r"\d{1,2}-\d{1,2}", d)) or dates[0])
        if span is not None and not event.when.possibly_overlaps(span):
            raise NotFoundError(f"no event is called {name!r}: {event.label} is not dated "
                                f"{span}") from None
        return event


def _extent(span: TimeSpan) -> TimeSpan:
    """A date used as an anchor is the whole of it: "June 2000" runs from June 1 to 30."""
    if span.start_min == span.end_max:
        return span
    return TimeSpan(span.start_min, span.start_min, span.end_max, span.end_max, span.precision,
                    span.phrase, span.resolution)


def _parse_date_words(kg: KnowledgeGraph, text: str) -> TimeSpan | None:
    words = text.strip().lower().replace(",", " ").split()
    if PERIOD_WORDS.intersection(w for word in words for w in word.split("-")) and any(
            w in _MONTHS or w.isdigit() or w in _SEASONS for word in words
            for w in word.split("-")):
        return read_period(text, _default_year(kg))
    if len(words) == 1 and not words[0][:1].isdigit() and words[0] not in _MONTHS:
        return None  # an event's id or one-word name: no date (the common case, kept cheap)
    try:
        if len(words) == 1 and re.fullmatch(r"[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?(/.+)?", words[0]):
            return TimeSpan.parse(words[0])
        months = [w for w in words if w in _MONTHS]
        numbers = [int(w) for w in words if w.isascii() and w.isdigit()]
        if len(months) != 1 or len(months) + len(numbers) != len(words) or len(numbers) > 2:
            return None
        month = _MONTHS[months[0]]
        year = next((n for n in numbers if n > 31), None)
        day = next((n for n in numbers if n <= 31), None)
        if year is None:
            year = _default_year(kg)
        if day is None:
            return TimeSpan.month(year, month)
        return TimeSpan.day(date(year, month, day))
    except (DateError, ValueError) as exc:
        raise QueryError(f"{text!r} is not a real date: {exc}") from None


def _default_year(kg: KnowledgeGraph) -> int:
    """The year of a date without one: the latest document whose publication is known to
    the day (an undated copy, open on one side, would pull the year away from the events)."""
    dated = [d.published.start_min for d in kg.documents.values()
             if d.published.start_min and d.published.end_max] or [
        d.published.start_min or date.min for d in kg.documents.values()]
    return max(dated).year


def _certainty(when: TimeSpan, before: Anchor | None, after: Anchor | None,
               during: Anchor | None, strength: Strength) -> str | None:
    """"certain", "possible", or None when the conditions cannot hold (or hold only
    possibly and ``strength`` is "certainly"); "" if there is no condition."""
    if before is None and after is None and during is None:
        return ""
    certain = True
    for anchor, maybe, surely in (
        (before, when.possibly_before, when.certainly_before),
        (after, when.possibly_after, when.certainly_after),
        (during, when.possibly_overlaps, when.certainly_during),
    ):
        if anchor is None:
            continue
        if not maybe(anchor.when):
            return None
        certain = certain and surely(anchor.when)
    if not certain and strength == "certainly":
        return None
    return "certain" if certain else "possible"


def _conditions(kg: KnowledgeGraph, before: AnchorLike | None, after: AnchorLike | None,
                between: tuple[AnchorLike, AnchorLike] | None, during: AnchorLike | None
                ) -> tuple[Anchor | None, Anchor | None, Anchor | None, str]:
    b = resolve_anchor(kg, before) if before is not None else None
    a = resolve_anchor(kg, after) if after is not None else None
    d = resolve_anchor(kg, during) if during is not None else None
    if between is not None:
        if b or a or d:
            raise QueryError("use either between or before/after/during, not both")
        a, b, d = _between(resolve_anchor(kg, between[0]), resolve_anchor(kg, between[1]))
    text = []
    if a:
        text.append(f"after={a.label!r} ({a.when})")
    if b:
        text.append(f"before={b.label!r} ({b.when})")
    if d:
        text.append(f"during={d.label!r} ({d.when})")
    return b, a, d, ", ".join(text)


def _between(first: Anchor, last: Anchor) -> tuple[Anchor | None, Anchor | None, Anchor | None]:
    """``between=(X, Y)``: after event X and before event Y (the events themselves
    excluded); a date side is inclusive ("between June 27 and June 28" keeps both days)."""
    after = first if first.event is not None else None
    before = last if last.event is not None else None
    start = first.when.start_min if first.event is None else None
    end = last.when.end_max if last.event is None else None
    if start is None and end is None:
        return after, before, None
    if start is not None and end is not None and start > end:
        raise QueryError(f"between: {first.label} is after {last.label}")
    window = TimeSpan(start, start, end, end, Precision.SPAN)
    label = f"{first.label if start else '..'} to {last.label if end else '..'}"
    return after, before, Anchor(label, window)


@lru_cache(maxsize=64)
def _status_names(allowed: frozenset[Status]) -> list[str]:
    """The statuses' values in order, as an answer's ``query`` shows them (cached: the
    same few sets come back on every call)."""
    return sorted(s.value for s in allowed)


def _statuses(include_planned: bool, statuses: Iterable[Status | str] | None) -> set[Status]:
    if statuses is not None:
        return {s if isinstance(s, Status) else Status(s) for s in statuses}
    return _REAL | {Status.PLANNED} if include_planned else set(_REAL)


def _fact(kg: KnowledgeGraph, rel: Relation, certainty: str | None = None,
          flip: bool = False) -> Fact:
    source, target = (rel.target, rel.source) if flip else (rel.source, rel.target)
    record = kg.record(rel.record)
    place = record.place if isinstance(record, Event) else None
    return Fact(
        subject=kg.actors[source].label, subject_id=source, relation=rel.type.value,
        object=kg.actors[target].label, object_id=target, when=rel.when, status=rel.status,
        record_id=rel.record, evidence=rel.evidence,
        citations=tuple(_cite(kg, c.outlet, c.date) for c in rel.citations),
        place=kg.actors[place].label if place else None,
        certainty=certainty or None,
        hedges=tuple(str(h) for h in relation_hedges(record, rel.type)),
        inferred=_inferred(kg, record, {rel.source, rel.target}),
        title=record.title if isinstance(record, Affiliation) else None,
        review=_review(kg, rel.record, rel.evidence),
        beside=_beside(kg, rel.record),
    )


def _inferred(kg: KnowledgeGraph, record: Event | Affiliation | Stance,
              ends: set[str] | None = None) -> tuple[str, ...]:
    """The record's inferences that bear on an answer: all of them for an event row;
    for a relation, those about its two ends and about the record as a whole."""
    out = []
    for inf in record.inferred:
        is_actor = inf.field in _ACTOR_FIELDS
        if ends is not None and is_actor and inf.value not in ends:
            continue
        value = kg.actors[inf.value].label if inf.value in kg.actors and (
            is_actor or inf.field == "place") else inf.value
        out.append(f"{inf.field} {value}: {inf.reason}")
    return tuple(out)


_ACTOR_FIELDS = {"participant", "holder", "organization", "accredited_to", "target"}


def _review(kg: KnowledgeGraph, record_id: str, evidence: Sequence[Evidence]) -> str | None:
    """"unreviewed (confidence 0.7)" when a drafted document's record is not yet checked."""
    for doc_id in dict.fromkeys(e.document for e in evidence):
        doc = kg.documents.get(doc_id)
        review = doc.review_of(record_id) if doc is not None else None
        if review is not None and review.unreviewed:
            conf = f" (confidence {review.confidence:.2f})" if review.confidence is not None \
                else ""
            return f"unreviewed{conf}"
    return None


def _beside(kg: KnowledgeGraph, record_id: str) -> tuple[str, ...]:
    """What the unreviewed reports of a curated event say, each with its document:
    they stand beside the row and never change it."""
    if record_id not in kg.events:
        return ()
    return tuple(f"{c.status.value} in {claim_document(c)} ({c.label}, {c.when})"
                 for c in kg.unreviewed_claims(record_id))


def _cite(kg: KnowledgeGraph, outlet: str, when: TimeSpan | None) -> str:
    label = kg.actors[outlet].label
    return f"{label}, {when}" if when else label


def relations(
    kg: KnowledgeGraph,
    type: RelationType | str | Sequence[RelationType | str],
    *,
    source: str | Actor | None = None,
    target: str | Actor | None = None,
    involving: str | Actor | None = None,
    before: AnchorLike | None = None,
    after: AnchorLike | None = None,
    between: tuple[AnchorLike, AnchorLike] | None = None,
    during: AnchorLike | None = None,
    strength: Strength = "possibly",
    include_planned: bool = True,
    statuses: Iterable[Status | str] | None = None,
    as_of: date | str | None = None,
    documents: Iterable[str] | None = None,
    question: str | None = None,
) -> Answers[Fact]:
    """Relations of a type (who proposed what, who signed what, who opposes what...).

    Unlike :func:`meetings`, planned and considered records are kept by default
    (``include_planned``), since "what did Ivanov propose" includes proposals not yet
    carried out; did-not-happen records are left out unless named in ``statuses``.

    >>> from korea_graph import load
    >>> for fact in relations(load(), "proposed", source="Ivanov"):
    ...     print(fact.when, fact.object, fact.status.value)
    2000-02 Russian plan for economic cooperation with North Korea reported
    2000-06-28/2000-06-30 Russian plan for economic cooperation with North Korea reported
    """
    kg = kg.select(as_of=as_of, documents=documents)  # as known from those documents
    b, a, d, text = _conditions(kg, before, after, between, during)
    allowed = _statuses(include_planned, statuses)
    if include_planned and statuses is None:
        allowed |= {Status.UNDER_CONSIDERATION}
    types = [type] if isinstance(type, str | RelationType) else list(type)
    src = kg.actor(source).id if source is not None else None
    dst = kg.actor(target).id if target is not None else None
    # range scans of the time index (of the type, or of one actor's relations of the
    # type), in time order; rows and their certainty are built when read
    found = kg.possible_relations(types, actor=src or dst or involving,
                                  before=b.when if b else None, after=a.when if a else None,
                                  during=d.when if d else None, status=allowed)
    given = [x for x in (src, dst, involving) if x is not None]
    if len(given) > 1 or ((src or dst) and not all(RelationType(t).symmetric for t in types)):
        who = kg.actor(involving).id if involving is not None else None
        found = [rel for rel in found if _touches(rel, src, dst, who)]
    if strength == "certainly":
        found = [r for r in found if _certainty(r.when, b, a, d, strength) is not None]
    items: Sequence[Relation | tuple[Relation, str]] = found
    if strength != "certainly" and (b or a or d):
        # the certain rows first, then the possible ones, each in time order
        items = _CertainFirst(found, lambda r: _certainty(r.when, b, a, d, strength))

    def row(item: Relation | tuple[Relation, str]) -> Fact:
        certainty: str | None
        if isinstance(item, tuple):  # from _CertainFirst, which knows the certainty
            rel, certainty = item
        else:
            rel, certainty = item, _certainty(item.when, b, a, d, strength)
        flip = rel.symmetric and (rel.source != src if src else bool(dst) and rel.target != dst)
        return _fact(kg, rel, certainty, flip=flip)

    names = ", ".join(str(t) for t in types)
    query = (f"relations(kg, {names!r}, source={source!r}, target={target!r}, "
             f"involving={involving!r}{', ' + text if text else ''}, strength={strength!r}, "
             f"statuses={_status_names(frozenset(allowed))})")
    return Answers(LazyRows(items, row), question=question or f"relations {names}",
                   query=query)


class _CertainFirst(Sequence[tuple[Relation, str]]):
    """Relations (in time order) with their certainty, the certain ones first, keeping
    the order within each part; the length is known at once, the list is made on first
    read."""

    __slots__ = ("_certainty", "_found", "_listed")

    def __init__(self, found: Sequence[Relation],
                 certainty: Callable[[Relation], str | None]) -> None:
        self._found = found
        self._certainty = certainty
        self._listed: list[tuple[Relation, str]] | None = None

    def _list(self) -> list[tuple[Relation, str]]:
        if self._listed is None:
            pairs = [(r, self._certainty(r) or "") for r in self._found]
            self._listed = ([p for p in pairs if p[1] == "certain"]
                            + [p for p in pairs if p[1] != "certain"])
        return self._listed

    def __len__(self) -> int:
        return len(self._found)

    def __getitem__(self, index: int) -> tuple[Relation, str]:  # type: ignore[override]
        return self._list()[index]

    def __iter__(self) -> Iterator[tuple[Relation, str]]:
        return iter(self._list())


def _touches(rel: Relation, src: str | None, dst: str | None, who: str | None) -> bool:
    """What :meth:`KnowledgeGraph.relations` keeps for ``source``, ``target``, ``actor``."""
    if who is not None and not rel.involves(who):
        return False
    if src is not None and not (rel.source == src or (rel.symmetric and rel.target == src)):
        return False
    return dst is None or rel.target == dst or (rel.symmetric and rel.source == dst)


def meetings(
    kg: KnowledgeGraph,
    *,
    involving: str | Actor | None = None,
    with_: str | Actor | None = None,
    before: AnchorLike | None = None,
    after: AnchorLike | None = None,
    between: tuple[AnchorLike, AnchorLike] | None = None,
    during: AnchorLike | None = None,
    strength: Strength = "possibly",
    include_planned: bool = False,
    as_of: date | str | None = None,
    documents: Iterable[str] | None = None,
    question: str | None = None,
) -> Answers[Fact]:
    """Who met whom: meetings, talks, summits and negotiations, one row per pair.

    ``involving`` puts that actor first in each row; ``with_`` keeps meetings with a
    second actor. Rows are in time order.
    """
    kg = kg.select(as_of=as_of, documents=documents)  # as known from those documents
    answers = relations(
        kg, RelationType.MET_WITH, source=involving, target=with_, before=before, after=after,
        between=between, during=during, strength=strength, include_planned=include_planned,
        statuses=_statuses(include_planned, None),
        question=question or "who met whom",
    )
    answers.query = answers.query.replace("relations(kg, 'met_with'", "meetings(kg", 1)
    return answers


def events(
    kg: KnowledgeGraph,
    *,
    involving: str | Actor | None = None,
    types: Iterable[str] | None = None,
    before: AnchorLike | None = None,
    after: AnchorLike | None = None,
    between: tuple[AnchorLike, AnchorLike] | None = None,
    during: AnchorLike | None = None,
    strength: Strength = "possibly",
    include_planned: bool = False,
    statuses: Iterable[Status | str] | None = None,
    as_of: date | str | None = None,
    documents: Iterable[str] | None = None,
    question: str | None = None,
) -> Answers[EventRow]:
    """What happened: events in time order, filtered like :func:`meetings`.

    >>> from korea_graph import load
    >>> for row in events(load(), between=("June 27", "June 28"), strength="certainly"):
    ...     print(row.when, row.label)
    2000-06-27 Losyukov meets Pek Nam Sun and Kim Yong-nam at Sheremetyevo-2
    2000-06-27 Mamedov-Jai-chun Lee talks in Moscow
    """
    kg = kg.select(as_of=as_of, documents=documents)  # as known from those documents
    b, a, d, text = _conditions(kg, before, after, between, during)
    allowed = _statuses(include_planned, statuses)
    rows = []
    for event in kg.find_events(involving=involving, type=list(types) if types else None):
        if event.status not in allowed:
            continue
        certainty = _certainty(event.when, b, a, d, strength)
        if certainty is None:
            continue
        rows.append(_event_row(kg, event, certainty))
    rows.sort(key=lambda r: (r.certainty == "possible", r.when.sort_key()))
    query = (f"events(kg, involving={involving!r}{', ' + text if text else ''}, "
             f"strength={strength!r}, statuses={_status_names(frozenset(allowed))})")
    return Answers(rows, question=question or "what happened", query=query)


def _event_row(kg: KnowledgeGraph, event: Event, certainty: str | None) -> EventRow:
    return EventRow(
        event_id=event.id, label=event.label, type=event.type.value, when=event.when,
        status=event.status,
        participants=tuple(f"{kg.actors[p.actor].label} ({p.role.value})"
                           for p in event.participants),
        place=kg.actors[event.place].label if event.place else None,
        evidence=event.evidence,
        citations=tuple(_cite(kg, c.outlet, c.date) for c in event.citations),
        certainty=certainty or None, hedges=tuple(str(h) for h in event.hedges),
        inferred=_inferred(kg, event), review=_review(kg, event.id, event.evidence),
        beside=_beside(kg, event.id),
    )


def timeline(kg: KnowledgeGraph, actor: str | Actor | None = None, *,
             as_of: date | str | None = None,
             documents: Iterable[str] | None = None) -> Answers[EventRow]:
    """Every event (of ``actor``, if given), whatever its status, in time order."""
    kg = kg.select(as_of=as_of, documents=documents)  # as known from those documents
    who = kg.actor(actor).label if actor is not None else None
    return events(kg, involving=actor, statuses=list(Status),
                  question=f"timeline of {who}" if who else "timeline")


def connections(kg: KnowledgeGraph, a: str | Actor, b: str | Actor, *, max_length: int = 6,
                limit: int = 10, include_unreal: bool = False,
                statuses: Iterable[Status | str] | None = None,
                as_of: date | str | None = None,
                documents: Iterable[str] | None = None) -> Answers[PathRow]:
    """How two actors are connected: the shortest chains of relations between them.

    Direction is ignored (Ivanov *met* Kim Yong-nam, who *heads* the parliament), and
    relations that did not happen are left out unless ``include_unreal``; ``statuses``
    keeps only relations of those statuses (``ask`` leaves planned links out, as it
    says, unless planned records are asked for).

    >>> from korea_graph import load
    >>> path = connections(load(), "Igor Ivanov", "North Korea's parliament")[0]
    >>> [s.relation for s in path.steps]
    ['met_with', 'heads']
    """
    kg = kg.select(as_of=as_of, documents=documents)  # as known from those documents
    import networkx as nx

    first, second = kg.actor(a), kg.actor(b)
    graph = nx.MultiGraph()
    allowed = {Status(x) for x in statuses} if statuses is not None else None
    for rel in kg.all_relations:
        if allowed is not None and rel.status not in allowed:
            continue
        if include_unreal or rel.status is not Status.DID_NOT_HAPPEN:
            graph.add_edge(rel.source, rel.target, key=rel.id, rel=rel)
    rows: list[PathRow] = []
    if first.id in graph and second.id in graph:
        try:
            paths = nx.all_shortest_paths(graph, first.id, second.id)
            for nodes in paths:
                if len(nodes) - 1 > max_length or len(rows) >= limit:
                    break
                steps = []
                for x, y in pairwise(nodes):
                    rel = min((data["rel"] for data in graph.get_edge_data(x, y).values()),
                              key=lambda r: (not r.status.is_real, r.when.sort_key()))
                    steps.append(_fact(kg, rel, flip=rel.symmetric and rel.source != x))
                labels = tuple(kg.actors[n].label for n in nodes)
                rows.append(PathRow(tuple(nodes), labels, tuple(steps)))
        except nx.NetworkXNoPath:
            pass
    kept = f", statuses={sorted(s.value for s in allowed)}" if allowed is not None else ""
    query = (f"connections(kg, {first.id!r}, {second.id!r}, max_length={max_length}, "
             f"include_unreal={include_unreal}{kept})")
    return Answers(rows, question=f"how is {first.label} connected to {second.label}",
                   query=query)


def who_is(kg: KnowledgeGraph, name: str | Actor) -> Answers[ActorRow]:
    """An actor with its kind, aliases, Wikidata id and posts (with time and evidence)."""
    actor = kg.actor(name)
    posts = tuple(_fact(kg, rel) for rel in kg.relations(
        [RelationType.HEADS, RelationType.HOLDS_POST_IN, RelationType.MEMBER_OF,
         RelationType.OVERSEES, RelationType.REPRESENTS, RelationType.ACCREDITED_TO],
        source=actor))
    row = ActorRow(actor.id, actor.label, actor.kind.value, actor.aliases, actor.wikidata, posts)
    return Answers([row], question=f"who is {actor.label}", query=f"who_is(kg, {actor.id!r})")


def actors(kg: KnowledgeGraph, *, kind: str | None = None, category: str | None = None,
           post: str | None = None, at: AnchorLike | None = None) -> Answers[ActorRow]:
    """Actors by kind or category, or by post (title words, e.g. "foreign minister", as
    :func:`title_matches` reads them) held at a date (``at``): a post counts when its
    time possibly overlaps the date. :func:`korea_graph.questions.posts.holders` says
    how certain each is."""
    anchor = resolve_anchor(kg, at) if at is not None else None
    rows = []
    for actor in kg.find_actors(kind=kind, category=category):
        held: list[Relation] = []
        for aff in kg.affiliations.values():
            if aff.holder != actor.id:
                continue
            if post is not None and not title_matches(post, aff.title):
                continue
            if anchor is not None and not aff.when.possibly_overlaps(anchor.when):
                continue
            held.extend(r for r in kg.all_relations if r.record == aff.id)
        if (post is not None or anchor is not None) and not held:
            continue
        rows.append(ActorRow(actor.id, actor.label, actor.kind.value, actor.aliases,
                             actor.wikidata, tuple(_fact(kg, r) for r in held)))
    query = f"actors(kg, kind={kind!r}, category={category!r}, post={post!r}, at={at!r})"
    return Answers(rows, question="actors", query=query)


def title_matches(query: str, title: str | None) -> bool:
    """Whether a post ``title`` is the post the ``query`` asks for: the same words, or
    the same words followed by a complement ("ambassador" and "ambassador to Russia").
    A qualifier in front ("Deputy") makes another post.

    >>> title_matches("foreign minister", "Foreign Minister")
    True
    >>> title_matches("foreign minister", "Deputy Foreign Minister")
    False
    >>> title_matches("ambassador", "ambassador to Russia")
    True
    """
    if title is None:
        return False
    want, have = normalize(query).split(), normalize(title).split()
    if not want:
        return False
    if have[:len(want)] != want:
        return False
    rest = have[len(want):]
    return not rest or rest[0] in ("to", "of", "in", "for")


def ambiguous_candidates(kg: KnowledgeGraph, error: AmbiguousNameError) -> list[str]:
    """Labels of the candidates of an ambiguity, for messages."""
    table = kg.events if error.candidates and error.candidates[0] in kg.events else kg.actors
    return [f"{table[c].label} ({c})" for c in error.candidates if c in table]
