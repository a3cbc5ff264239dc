"""The rules about records, checked once for every way of making a graph.

``KnowledgeGraph(...)`` runs :func:`validate` on the records it is given, so a graph from
the data files, the builder, RDF, a store or a script obeys the same rules: every
reference names a record of the graph, and of the kind its field needs (a post or a
stance is held by a person, state or institution, never a city; an organisation is not a
person or a place; a place is a city, airport, region or facility; an outlet is a news
outlet; a country is a state); evidence quotes its document's text; ``same_as`` links
end at one record of the same kind, without a circle, and an event's link can hold
(:func:`same_as_problem`); no event is part of itself.

An error is a :class:`~korea_graph.errors.DataError` subclass naming the record and the
field (``stances['russia-opposes-nmd'].holder``) and what was expected; the loader adds
the file and line of that field (:func:`problem` gives it the record), the builder raises
it at the call that adds the record (:func:`check_record`).

>>> from korea_graph.core.model import Actor, Stance
>>> from korea_graph.core.timespan import TimeSpan
>>> actors = [Actor("moscow", "Moscow", "city"), Actor("nmd", "NMD", "project")]
>>> held = Stance("russia-opposes-nmd", "moscow", "opposes", "nmd",
...               TimeSpan.parse("2000-07"), "occurred", ())
>>> validate(actors=actors, stances=[held])
Traceback (most recent call last):
...
korea_graph.errors.ReferenceError_: stances['russia-opposes-nmd'].holder: 'moscow' is a \
city, which cannot hold a post or a stance (expected a person, state or institution)
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field

from ..errors import DataError, EvidenceError, ReferenceError_
from .claims import claim_document, merge_claims
from .model import Actor, ActorKind, Affiliation, Document, Event, Stance, Status

__all__ = ["Links", "Problem", "Scope", "check_record", "held_event", "problem",
           "same_as_problem", "validate", "where"]

Record = Document | Actor | Event | Affiliation | Stance

_TABLES: dict[type, str] = {Document: "documents", Actor: "actors", Event: "events",
                            Affiliation: "affiliations", Stance: "stances"}
#: What a field that names an actor needs: the test of the actor's kind, the words of the
#: error and what was expected. ``actor`` (any kind) has no test.
_KINDS: dict[str, tuple[Callable[[ActorKind], bool], str, str]] = {
    "state": (lambda k: k is ActorKind.STATE, "not a state", "an actor of kind state"),
    "agent": (lambda k: k.is_agent, "which cannot hold a post or a stance",
              "a person, state or institution"),
    "organization": (lambda k: k.category not in ("person", "place"), "not an organisation",
                     "a state, an institution or a treaty"),
    "outlet": (lambda k: k is ActorKind.NEWS_OUTLET, "not an outlet",
               "an actor of kind news_outlet"),
    "place": (lambda k: k.category in ("place", "facility"), "not a place",
              "an actor of kind city, airport, region or facility"),
}
#: Statuses by which a document reports an event's outcome (it took place, or did not).
_OUTCOME = frozenset({Status.OCCURRED, Status.REPORTED, Status.DISPUTED, Status.DID_NOT_HAPPEN})


def where(record: Record) -> str:
    """How errors name a record: its table and id.

    >>> where(Actor("moscow", "Moscow", "city"))
    "actors['moscow']"
    """
    return f"{_TABLES[type(record)]}[{record.id!r}]"


@dataclass(frozen=True)
class Scope:
    """What references resolve against: the documents, actors and events (id -> its
    claims) of the graph. ``partial``: the records are a part of a larger graph (one
    document of a store, a view of some documents), so a reference to a document, actor
    or event outside it is not an error, and the ``same_as`` test of
    :func:`same_as_problem` is left to the whole graph; every other rule holds."""

    documents: Mapping[str, Document] = field(default_factory=dict)
    actors: Mapping[str, Actor] = field(default_factory=dict)
    events: Mapping[str, Sequence[Event]] = field(default_factory=dict)
    partial: bool = False
    #: actor id -> the id its ``same_as`` links end at (to compare participants)
    actor_same_as: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Problem:
    """The first rule a graph's records break: the record and the error naming its field."""

    record: Record
    error: DataError


@dataclass(frozen=True)
class Links:
    """The ``same_as`` links of a valid graph: alias id -> the id they end at."""

    actors: dict[str, str]
    events: dict[str, str]


def validate(*, documents: Iterable[Document] = (), actors: Iterable[Actor] = (),
             events: Iterable[Event] = (), affiliations: Iterable[Affiliation] = (),
             stances: Iterable[Stance] = (), partial: bool = False) -> Links:
    """Check the records of a graph (as given: each source's claims); raise the first
    error, or return the ``same_as`` links. See the module docstring for the rules."""
    found, links = _check(tuple(documents), tuple(actors), tuple(events), tuple(affiliations),
                          tuple(stances), partial)
    if found is not None:
        raise found.error
    assert links is not None
    return links


def problem(*, documents: Iterable[Document] = (), actors: Iterable[Actor] = (),
            events: Iterable[Event] = (), affiliations: Iterable[Affiliation] = (),
            stances: Iterable[Stance] = (), partial: bool = False) -> Problem | None:
    """The first error :func:`validate` would raise, with its record (so that a reader of
    files can say where the record is written), or ``None``."""
    return _check(tuple(documents), tuple(actors), tuple(events), tuple(affiliations),
                  tuple(stances), partial)[0]


def check_record(record: Record, scope: Scope) -> None:
    """Raise the first error of one record: its references and, for an event, whether
    its ``same_as`` links can hold (the builder calls it as each record is added; circles
    and the ends of ``same_as`` are the whole graph's to check, by :func:`validate`)."""
    error = _record_problem(record, scope)
    if error is not None:
        raise error
    if isinstance(record, Event) and record.same_as and not scope.partial:
        links = scope.actor_same_as or _ends(tuple(scope.actors.values()), "actor")[0]
        for error in _link_problems(record, scope, links):
            raise error


def _check(documents: tuple[Document, ...], actors: tuple[Actor, ...],
           events: tuple[Event, ...], affiliations: tuple[Affiliation, ...],
           stances: tuple[Stance, ...], partial: bool
           ) -> tuple[Problem | None, Links | None]:
    claims: dict[str, list[Event]] = {}
    for event in events:
        claims.setdefault(event.id, []).append(event)
    scope = Scope({d.id: d for d in documents}, {a.id: a for a in actors}, claims, partial)
    records: tuple[Iterable[Record], ...] = (documents, actors, events, affiliations, stances)
    for table in records:
        for record in table:
            error = _record_problem(record, scope)
            if error is not None:
                return Problem(record, error), None
    actor_links, found = _ends(actors, "actor")
    if found is not None:
        return found, None
    # a part of a graph may link an actor to one outside it: it stays itself there
    actor_links = {a: end for a, end in actor_links.items() if end in scope.actors}
    for actor in actors:
        for n, target in enumerate(actor.same_as):
            other = scope.actors.get(target)
            if other is not None and other.kind is not actor.kind:
                return Problem(actor, ReferenceError_(
                    f"{target!r} is a {other.kind.value}, this actor a {actor.kind.value}",
                    field=f"{where(actor)}.same_as[{n}]",
                    expected="an actor of the same kind")), None
    event_links, found = _ends(events, "event")
    if found is not None:
        return found, None
    if event_links and not partial:
        for event in events:
            for error in _link_problems(event, scope, actor_links):
                return Problem(event, error), None
    found = _part_of_circle(events)
    if found is not None:
        return found, None
    return None, Links(actor_links, event_links)


def _link_problems(event: Event, scope: Scope, actor_links: Mapping[str, str]
                   ) -> Iterator[DataError]:
    """The ``same_as`` links of ``event`` that cannot hold (:func:`same_as_problem`),
    each against its target as the target's own claims hold it (merged when several
    documents report it)."""
    for n, target in enumerate(event.same_as):
        claims = scope.events.get(target)
        if not claims:
            continue
        why = same_as_problem(event, held_event(target, claims), scope.documents, actor_links)
        if why is not None:
            yield ReferenceError_(
                f"{event.id!r} cannot be the same event as {target!r}: {why}",
                field=f"{where(event)}.same_as[{n}]",
                expected="a link to a report of the same happening: types of one family, "
                         "times that can overlap, no outcome reported before the event's "
                         "date, a participant in common")


# -- one record ------------------------------------------------------------------------------
#: A reference of a record: what it must name, the id, and where it is (the field after the
#: record, with ``{}`` for the index of a list item, and the index); names of fields are
#: only written out for an error, so that a large graph is checked quickly.
_Ref = tuple[str, str | None, str, int]


def _refs(record: Record) -> list[_Ref]:
    if isinstance(record, Event):
        refs: list[_Ref] = [("actor", p.actor, ".participants[{}].actor", n)
                            for n, p in enumerate(record.participants)]
        refs += [("place", record.place, ".place", 0), ("event", record.part_of, ".part_of", 0)]
        refs += [("event", e, ".about[{}]", n) for n, e in enumerate(record.about)]
        refs += [("event", e, ".same_as[{}]", n) for n, e in enumerate(record.same_as)]
    elif isinstance(record, Affiliation):
        refs = [("agent", record.holder, ".holder", 0),
                ("organization", record.organization, ".organization", 0),
                ("state", record.accredited_to, ".accredited_to", 0)]
    elif isinstance(record, Stance):
        refs = [("agent", record.holder, ".holder", 0), ("actor", record.target, ".target", 0),
                ("event", record.expressed_in, ".expressed_in", 0)]
        refs += [("event", e, ".about[{}]", n) for n, e in enumerate(record.about)]
    elif isinstance(record, Actor):
        return [("state", record.country, ".country", 0),
                *(("actor", t, ".same_as[{}]", n) for n, t in enumerate(record.same_as))]
    else:
        return [("outlet", record.publisher, ".publisher", 0)]
    if record.citations:
        refs += [("outlet", c.outlet, ".citations[{}].outlet", n)
                 for n, c in enumerate(record.citations)]
    return refs


def _record_problem(record: Record, scope: Scope) -> DataError | None:
    """The first rule one record breaks (its references, its evidence), or ``None``."""
    if isinstance(record, (Actor, Event)):
        for n, target in enumerate(record.same_as):
            if target == record.id:
                what = "actor" if isinstance(record, Actor) else "event"
                return ReferenceError_(f"{what} {record.id!r} is same_as itself",
                                       field=f"{where(record)}.same_as[{n}]",
                                       expected="another id")
    if isinstance(record, Event) and record.part_of is not None \
            and record.part_of == record.id:
        return ReferenceError_(f"event {record.id!r} is part of itself",
                               field=f"{where(record)}.part_of", expected="another event's id")
    for what, ref, path, n in _refs(record):
        if ref is not None:
            error = _reference(what, ref, path, n, record, scope)
            if error is not None:
                return error
    if isinstance(record, (Document, Actor)):
        return None
    return _evidence(record, scope)


def _reference(what: str, ref: str, path: str, n: int, record: Record, scope: Scope
               ) -> DataError | None:
    """The error of the field ``path`` of ``record`` naming ``ref`` as a ``what`` (an
    event, an actor, or an actor of a kind of :data:`_KINDS`), or ``None``; the record's
    own id is no suggestion."""
    known: Mapping[str, object] = scope.events if what == "event" else scope.actors
    if ref not in known:
        if scope.partial:
            return None
        noun = "event" if what == "event" else "actor"
        close = difflib.get_close_matches(ref, [k for k in known if k != record.id], n=1)
        hint = f" (did you mean {close[0]!r}?)" if close else ""
        return ReferenceError_(f"unknown {noun} {ref!r}", field=where(record) + path.format(n),
                               expected=f"the id of an {noun} of the graph{hint}")
    rule = _KINDS.get(what)
    if rule is not None:
        kind = scope.actors[ref].kind
        test, words, expected = rule
        if not test(kind):
            return ReferenceError_(f"{ref!r} is a {kind.value}, {words}",
                                   field=where(record) + path.format(n), expected=expected)
    return None


def _evidence(record: Event | Affiliation | Stance, scope: Scope) -> DataError | None:
    for n, ev in enumerate(record.evidence):
        doc = scope.documents.get(ev.document)
        if doc is None:
            if not scope.partial:
                return ReferenceError_(f"unknown document {ev.document!r}",
                                       field=f"{where(record)}.evidence[{n}].document",
                                       expected="the id of a document of the graph")
        elif not 0 <= ev.start <= ev.end <= len(doc.text) \
                or doc.text[ev.start:ev.end] != ev.quote:
            return EvidenceError(f"the quote {ev.quote[:40]!r} is not the text of "
                                 f"{ev.document!r} at {ev.start}..{ev.end}",
                                 field=f"{where(record)}.evidence[{n}]",
                                 expected="the words of the document at those offsets")
    return None


# -- the whole graph -------------------------------------------------------------------------
def _ends(records: Sequence[Actor] | Sequence[Event], what: str
          ) -> tuple[dict[str, str], Problem | None]:
    """alias id -> the id at the end of its ``same_as`` links (targets are known: the
    records were checked), or the circle or the two ends that break the rule."""
    links: dict[str, list[str]] = {}
    first: dict[str, Actor | Event] = {}
    for record in records:
        if record.same_as:
            first.setdefault(record.id, record)
            targets = links.setdefault(record.id, [])
            targets.extend(t for t in dict.fromkeys(record.same_as) if t not in targets)
    if not links:
        return {}, None
    memo: dict[str, str] = {}

    def resolve(node: str, path: tuple[str, ...]) -> str:
        if node in path:
            raise _Circle([*path, node])
        if node not in links:
            return node
        if node not in memo:
            ends = {resolve(t, (*path, node)) for t in sorted(links[node])}
            if len(ends) > 1:
                raise _TwoEnds(node, sorted(ends))
            memo[node] = ends.pop()
        return memo[node]

    out: dict[str, str] = {}
    for source in links:
        try:
            out[source] = resolve(source, ())
        except _Circle as circle:
            start = first[circle.path[0]]
            return {}, Problem(start, ReferenceError_(
                "same_as links make a circle: " + " -> ".join(circle.path),
                field=f"{where(start)}.same_as",
                expected="links in one direction, ending at the id the merged record keeps"))
        except _TwoEnds as two:
            record = first[two.node]
            return {}, Problem(record, ReferenceError_(
                f"{what} {two.node!r} is same_as {', '.join(sorted(links[two.node]))}, which "
                f"lead to different {what}s {', '.join(two.ends)}",
                field=f"{where(record)}.same_as", expected="links that end at one id"))
    return out, None


class _Circle(Exception):
    def __init__(self, path: list[str]) -> None:
        self.path = path


class _TwoEnds(Exception):
    def __init__(self, node: str, ends: list[str]) -> None:
        self.node, self.ends = node, ends


def _part_of_circle(events: Sequence[Event]) -> Problem | None:
    """The first event (by id) that is, through ``part_of``, part of itself."""
    parent: dict[str, str] = {}
    first: dict[str, Event] = {}
    for event in events:
        if event.part_of is not None:
            parent.setdefault(event.id, event.part_of)
            first.setdefault(event.id, event)
    for start in sorted(parent):
        chain = [start]
        node = parent.get(start)
        while node is not None and node not in chain:
            chain.append(node)
            node = parent.get(node)
        if node == start:
            return Problem(first[start], ReferenceError_(
                "events are part of each other in a circle: " + " -> ".join([*chain, start]),
                field=f"{where(first[start])}.part_of",
                expected="part_of pointing to a larger event, never back"))
    return None


# -- same_as of events -----------------------------------------------------------------------
def held_event(event_id: str, claims: Sequence[Event]) -> Event:
    """The event a ``same_as`` link points at, as the claims with its id hold it (merged,
    by :func:`~korea_graph.core.claims.merge_claims`, when several documents report it):
    what :func:`same_as_problem` compares a link's claim with."""
    own = [c for c in claims if c.id == event_id] or list(claims)
    return own[0] if len(own) == 1 else merge_claims(event_id, own)


def same_as_problem(claim: Event, target: Event, documents: Mapping[str, Document],
                    actor_same_as: Mapping[str, str] | None = None) -> str | None:
    """Why the report ``claim`` cannot be the event ``target`` (``claim.same_as``), or
    ``None`` when the link can hold. It cannot when their types are of different families
    (:data:`~korea_graph.core.model.EVENT_FAMILIES`: a meeting is not a visit), their times
    cannot overlap, the claim's document reports the outcome (occurred, reported,
    disputed, did not happen) of an event dated certainly after the document was
    published, or they have no participant in common (actors joined by ``same_as`` are
    one participant, ``actor_same_as``).

    >>> from korea_graph.core.model import Evidence, Participant
    >>> from korea_graph.core.timespan import TimeSpan
    >>> doc = Document("d", "D", "tass", TimeSpan.parse("2000-06-20"), "He did not meet Kim.")
    >>> claim = Event("no-meeting", "meeting", "No meeting", (Participant("kim", "guest"),),
    ...               TimeSpan.parse("2000-06"), "did_not_happen",
    ...               (Evidence("d", 0, 20, "He did not meet Kim.", 1),))
    >>> talks = Event("talks", "talks", "Talks", (Participant("kim", "host"),),
    ...               TimeSpan.parse("2000-06-27"), "occurred", ())
    >>> print(same_as_problem(claim, talks, {"d": doc}))
    the document 'd', published 2000-06-20, reports that it did not happen, but 'talks' is \
dated 2000-06-27, after that
    >>> later = Document("d", "D", "tass", TimeSpan.parse("2000-07-01"), "He did not meet Kim.")
    >>> same_as_problem(claim, talks, {"d": later}) is None
    True
    """
    if claim.type.family != target.type.family:
        return (f"a {claim.type.value} (a {claim.type.family}) is not a {target.type.value} "
                f"(a {target.type.family})")
    if not claim.when.possibly_overlaps(target.when):
        return f"its time {claim.when} cannot overlap {target.when}, the time of {target.id!r}"
    doc = documents.get(claim_document(claim) or "")
    if doc is not None and claim.status in _OUTCOME \
            and target.when.certainly_after(doc.published):
        told = ("that it did not happen" if claim.status is Status.DID_NOT_HAPPEN
                else f"it as {claim.status.value}")
        return (f"the document {doc.id!r}, published {doc.published}, reports {told}, but "
                f"{target.id!r} is dated {target.when}, after that")
    fold = actor_same_as or {}
    mine = {fold.get(a, a) for a in claim.actors()}
    theirs = {fold.get(a, a) for a in target.actors()}
    if not mine & theirs:
        return (f"no participant in common ({', '.join(sorted(mine))} against "
                f"{', '.join(sorted(theirs))})")
    return None
