"""The :class:`KnowledgeGraph`: documents, actors, events, affiliations and stances.

It is immutable once built; derived relations and name indexes are computed on first use.

>>> from korea_graph import load
>>> kg = load()
>>> kg.actor("Paek Nam-sun").id
'pek-nam-sun'
>>> [e.id for e in kg.find_events(type="meeting", involving="Kim Yong-nam")]
['losyukov-meets-north-koreans', 'ivanov-meets-kim-yong-nam']
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from datetime import date
from functools import cached_property
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, TypeVar

from ..errors import AmbiguousNameError, DataError, NotFoundError, QueryError
from .claims import (
    Conflict,
    claim_document,
    document_order,
    find_conflicts,
    find_doubts,
    map_record_ids,
    merge_claims,
    record_documents,
)
from .model import (
    Actor,
    ActorKind,
    Affiliation,
    Document,
    Event,
    EventType,
    Stance,
    Status,
)
from .names import compact, normalize
from .relations import Relation, RelationType, derive_relations
from .timeindex import TimeIndex
from .timespan import TimeSpan
from .validate import validate

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["KnowledgeGraph", "merge_actor"]

Record = Event | Affiliation | Stance
_T = TypeVar("_T", Document, Actor, Event, Affiliation, Stance)
_E = TypeVar("_E", EventType, Status, RelationType)
_R = TypeVar("_R", Affiliation, Stance)


class KnowledgeGraph:
    """A typed, time-aware, source-attributed graph of actors and events.

    Build it with :func:`korea_graph.load`; every mapping attribute is read-only and
    keeps the order of the data files. The records are checked by
    :func:`~korea_graph.core.validate.validate` (references, kinds, evidence, ``same_as``);
    ``partial`` says they are a part of a larger graph (a view, one document of a store),
    whose references may point outside it.
    """

    def __init__(
        self,
        *,
        documents: Iterable[Document] = (),
        actors: Iterable[Actor] = (),
        events: Iterable[Event] = (),
        affiliations: Iterable[Affiliation] = (),
        stances: Iterable[Stance] = (),
        partial: bool = False,
    ) -> None:
        self.documents: Mapping[str, Document] = _index(documents, "document")
        given = (tuple(actors), tuple(events), tuple(affiliations), tuple(stances))
        #: the records as given (claims of each source), for export and equality
        self.given: tuple[tuple[Actor, ...], tuple[Event, ...], tuple[Affiliation, ...],
                          tuple[Stance, ...]] = given
        _index(given[0], "actor")
        links = validate(documents=self.documents.values(), actors=given[0], events=given[1],
                         affiliations=given[2], stances=given[3], partial=partial)
        actor_links, event_links = links.actors, links.events
        #: alias id -> the id it is ``same_as`` (actors, then events)
        self.actor_same_as: Mapping[str, str] = MappingProxyType(actor_links)
        self.event_same_as: Mapping[str, str] = MappingProxyType(event_links)
        drafted = {r.record for d in self.documents.values() for r in d.reviews if r.unreviewed}
        self.actors: Mapping[str, Actor] = _fold_actors(given[0], actor_links, drafted)
        self.events: Mapping[str, Event]
        self._claims: dict[str, tuple[Event, ...]] = {}
        self._beside: dict[str, tuple[Event, ...]] = {}
        if not event_links and not actor_links and len({e.id for e in given[1]}) == len(given[1]):
            self.events = _index(given[1], "event")
        else:
            self.events = self._merge_events(given[1], actor_links, event_links)
        self._multi: Mapping[str, tuple[Event, ...]] = MappingProxyType(
            {root: claims for root, claims in self._claims.items()
             if len(claims) > 1 or claims[0].id != root})

        def mapped(records: Iterable[_R]) -> Iterable[_R]:
            if not actor_links and not event_links:
                return records
            return [map_record_ids(r, actor_links, event_links) for r in records]

        self.affiliations: Mapping[str, Affiliation] = _index(mapped(given[2]), "affiliation")
        self.stances: Mapping[str, Stance] = _index(mapped(given[3]), "stance")
        self._views: dict[tuple[Any, ...], KnowledgeGraph] = {}

    def _merge_events(self, events: tuple[Event, ...], actor_links: dict[str, str],
                      event_links: dict[str, str]) -> Mapping[str, Event]:
        order = document_order(list(self.documents.values()))
        groups: dict[str, list[Event]] = {}
        for event in events:
            groups.setdefault(event_links.get(event.id, event.id), []).append(
                map_record_ids(event, actor_links, event_links))
        merged: dict[str, Event] = {}
        for root, claims in groups.items():
            seen: dict[tuple[str, str | None], Event] = {}
            for claim in claims:
                key = (claim.id, claim_document(claim))
                if key in seen or (len(claims) > 1 and key[1] is None):
                    raise DataError(
                        f"duplicate event id {claim.id!r}" + (
                            f" in document {key[1]!r}" if key[1] else " (no evidence says "
                            "which document reports it)"),
                        field="events", expected="one report of an event per document")
                seen[key] = claim
            claims.sort(key=lambda c: (order.get(claim_document(c) or "", _NO_DOC), c.id))
            self._claims[root] = tuple(claims)
            # curated claims alone make the merged view; unreviewed ones stand beside it
            curated = [c for c in claims if not self.is_unreviewed(c)]
            if curated and len(curated) < len(claims):
                self._beside[root] = tuple(c for c in claims if self.is_unreviewed(c))
            merged[root] = merge_claims(root, curated or claims)
        return MappingProxyType(merged)

    def is_unreviewed(self, claim: Event | Affiliation | Stance) -> bool:
        """Whether a claim comes from a drafted document and no person has checked it yet
        (its document's ``review`` entry for it says ``unreviewed``).

        >>> from korea_graph import load
        >>> load().is_unreviewed(load().events["putin-visits-pyongyang"])
        False
        """
        doc = self.documents.get(claim_document(claim) or "")
        review = doc.review_of(claim.id) if doc is not None and doc.reviews else None
        return review is not None and review.unreviewed

    def unreviewed_claims(self, event: str | Event) -> tuple[Event, ...]:
        """The unreviewed reports (of drafted documents) of an event that curated claims
        decide: they stand beside the merged event in answers and never change it."""
        found = event if isinstance(event, Event) else self.event(event)
        return self._beside.get(found.id, ())

    def __repr__(self) -> str:
        return (
            f"<KnowledgeGraph: {len(self.documents)} documents, {len(self.actors)} actors, "
            f"{len(self.events)} events, {len(self.affiliations)} affiliations, "
            f"{len(self.stances)} stances, {len(self.all_relations)} relations>"
        )

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, KnowledgeGraph):
            return NotImplemented
        return self._identity() == other._identity()

    def _identity(self) -> tuple[Any, ...]:
        """What equality compares: the documents and the records as given, whatever the
        order they were loaded or built in."""
        def keyed(records: Iterable[Any]) -> dict[tuple[str, str | None], Any]:
            return {(r.id, claim_document(r)): r for r in records}

        actors, events, posts, stances = self.given
        return (dict(self.documents), {a.id: a for a in actors}, keyed(events), keyed(posts),
                keyed(stances))

    __hash__ = None  # type: ignore[assignment]

    # -- sources ---------------------------------------------------------------------------
    def claims_by_event(self) -> Mapping[str, tuple[Event, ...]]:
        """The events reported by several documents, or under another id (``same_as``):
        merged event id -> its claims in document order. Other events are their own claim.

        >>> from korea_graph import load
        >>> [c.evidence[0].document for c in load().claims_by_event()["putin-visits-pyongyang"]]
        ['monitor-6-129', 'kremlin-news-38435', 'kremlin-transcript-24172']
        """
        return self._multi

    def claims(self, event: str | Event) -> tuple[Event, ...]:
        """Each source's own report of an event (by id, alias id or name), in the order
        of the documents' publication; an event reported once has one claim."""
        found = event if isinstance(event, Event) else self.event(event)
        return self._claims.get(found.id, (found,))

    def documents_of(self, record: str | Event | Affiliation | Stance) -> tuple[str, ...]:
        """The documents that support a record (an event, post or stance, or its id)."""
        found = self.record(record) if isinstance(record, str) else record
        return record_documents(found)

    def conflicts(self, *, as_of: date | str | None = None,
                  documents: Iterable[str] | None = None) -> list[Conflict]:
        """Every disagreement between the sources: two claims of one event that give
        different times, places, types, roles, wordings or contradicting statuses, with
        both claims and their evidence (rules in :mod:`korea_graph.core.claims`), and
        each record a document itself doubts or disputes. Each conflict's ``kind`` tells a
        difference of name (``name``) from one of content (``content``) and a doubt
        (``doubt``). Unreviewed claims of drafted documents take part as every claim does.

        >>> from korea_graph import load
        >>> sorted({(c.kind, c.field) for c in load().conflicts()})[:2]
        [('doubt', 'doubt'), ('name', 'wording')]
        """
        kg = self.select(as_of=as_of, documents=documents)
        order = document_order(list(kg.documents.values()))
        kinds = {a.id: a.kind.value for a in kg.actors.values()}
        kinds.update((alias, kinds[root]) for alias, root in kg.actor_same_as.items()
                     if root in kinds)
        out: list[Conflict] = []
        for root, claims in kg._claims.items():
            if len(claims) > 1:
                out.extend(find_conflicts(root, claims, order, kg.events[root].label, kinds))
        outlets = {a.id: a.label for a in kg.actors.values()}
        for table in (kg.events, kg.affiliations, kg.stances):
            for record in table.values():
                label = getattr(record, "label", None) or record.id
                for claim in kg._claims.get(record.id, (record,)):
                    out.extend(find_doubts(claim, label, outlets))
        return out

    def select(self, *, as_of: date | str | TimeSpan | None = None,
               documents: Iterable[str] | None = None) -> KnowledgeGraph:
        """The graph as known from some documents: those in ``documents`` (ids), and only
        those published by ``as_of`` (a document counts if it may have been published
        by then: its earliest publication day is on or before the last day of ``as_of``).
        Records without a document (machine-coded events) always count.

        >>> from korea_graph import load
        >>> kg = load()
        >>> kg.select(as_of="2000-07-03").events["putin-visits-pyongyang"].status.value
        'planned'
        """
        if as_of is None and documents is None:
            return self
        limit = _last_day(as_of) if as_of is not None else None
        wanted = set(documents) if documents is not None else None
        if wanted is not None:
            unknown = wanted - set(self.documents)
            if unknown:
                raise NotFoundError(f"no document has the id {', '.join(sorted(unknown))}; "
                                    f"the documents are {', '.join(self.documents)}")
        key = (limit, tuple(sorted(wanted)) if wanted is not None else None)
        view = self._views.get(key)
        if view is not None:
            return view
        keep = {d.id for d in self.documents.values()
                if (wanted is None or d.id in wanted)
                and (limit is None or (d.published.start_min or date.min) <= limit)}

        def counts(record: Event | Affiliation | Stance) -> bool:
            doc = claim_document(record)
            return doc is None or doc in keep

        actors, events, posts, stances = self.given
        kept = [e for e in events if counts(e)]
        ids = {e.id for e in kept}
        for n, event in enumerate(kept):
            if event.same_as and not set(event.same_as) <= ids:
                # its same_as target is another document's, left out: the claim takes the
                # id the link ends at, so the event keeps its id in every view
                links = tuple(t for t in event.same_as if t in ids)
                kept[n] = replace(event, id=event.id if links else
                                  self.event_same_as.get(event.id, event.id), same_as=links)
        view = KnowledgeGraph(
            documents=[d for d in self.documents.values() if d.id in keep], actors=actors,
            events=kept,
            affiliations=[a for a in posts if counts(a)],
            stances=[s for s in stances if counts(s)], partial=True)
        self._views[key] = view
        return view

    # -- records ---------------------------------------------------------------------------
    def record(self, record_id: str) -> Record:
        """The event, affiliation or stance with this id."""
        for table in (self.events, self.affiliations, self.stances):
            if record_id in table:
                return table[record_id]
        if record_id in self.event_same_as:
            return self.events[self.event_same_as[record_id]]
        raise NotFoundError(f"no event, affiliation or stance has the id {record_id!r}")

    # -- actors ----------------------------------------------------------------------------
    @cached_property
    def _actor_names(self) -> tuple[dict[str, set[str]], dict[str, set[str]]]:
        exact: dict[str, set[str]] = {}
        loose: dict[str, set[str]] = {}
        for actor in self.actors.values():
            for name in (actor.id, *actor.names):
                exact.setdefault(normalize(name), set()).add(actor.id)
                loose.setdefault(compact(name), set()).add(actor.id)
        return exact, loose

    def actor(self, name: str | Actor) -> Actor:
        """The actor with this id, label or alias, whatever the case, hyphens or spacing.

        Raises :class:`~korea_graph.errors.NotFoundError` or
        :class:`~korea_graph.errors.AmbiguousNameError`.
        """
        if isinstance(name, Actor):
            return name
        if name in self.actors:
            return self.actors[name]
        if name in self.actor_same_as:
            return self.actors[self.actor_same_as[name]]
        exact, loose = self._actor_names
        for index, key in ((exact, normalize(name)), (loose, compact(name))):
            ids = index.get(key)
            if ids and len(ids) == 1:
                return self.actors[next(iter(ids))]
            if ids:
                raise AmbiguousNameError(name, sorted(ids))
        # one word that is a word of several people's names ("Lee"): say who they are
        word = normalize(name)
        if word and " " not in word:
            people = sorted(a.id for a in self.actors.values() if a.kind.category == "person"
                            and any(word in normalize(n).split() for n in a.names))
            if len(people) > 1:
                raise AmbiguousNameError(name, people)
        raise NotFoundError(f"no actor is called {name!r}" + self._suggest_actor(name))

    def _suggest_actor(self, name: str) -> str:
        import difflib

        exact, _ = self._actor_names
        close = difflib.get_close_matches(normalize(name), list(exact), n=3, cutoff=0.75)
        labels = dict.fromkeys(self.actors[i].label for key in close for i in exact[key])
        return f"; did you mean {', '.join(labels)}?" if labels else ""

    def find_actors(
        self,
        text: str | None = None,
        *,
        kind: ActorKind | str | None = None,
        category: str | None = None,
    ) -> list[Actor]:
        """Actors whose names contain ``text`` (normalised), of a kind or category."""
        wanted_kind = ActorKind(kind) if kind is not None else None
        needle = normalize(text) if text else None
        out = []
        for actor in self.actors.values():
            if wanted_kind is not None and actor.kind is not wanted_kind:
                continue
            if category is not None and actor.kind.category != category:
                continue
            if needle and not any(needle in normalize(n) for n in (actor.id, *actor.names)):
                continue
            out.append(actor)
        return out

    # -- events ----------------------------------------------------------------------------
    def event(self, name: str) -> Event:
        """The event with this id, label or alias (see ``docs/questions.md`` for the rule).

        An exact id, label or alias wins; otherwise a name whose words all appear in one
        event's label or aliases picks that event, and several such events raise
        :class:`~korea_graph.errors.AmbiguousNameError` listing them.
        """
        if name in self.events:
            return self.events[name]
        if name in self.event_same_as:
            return self.events[self.event_same_as[name]]
        key = normalize(name)
        exact = [e for e in self.events.values()
                 if key in {normalize(n) for n in (e.id, e.label, *e.aliases)}]
        if len(exact) == 1:
            return exact[0]
        candidates = exact or [
            e for e in self.events.values()
            if any(_words_in(key, normalize(n)) for n in (e.label, *e.aliases))
        ]
        if len(candidates) == 1:
            return candidates[0]
        if candidates:
            raise AmbiguousNameError(name, [e.id for e in candidates], what="event")
        raise NotFoundError(f"no event is called {name!r}")

    def find_events(
        self,
        *,
        type: EventType | str | Iterable[EventType | str] | None = None,
        status: Status | str | Iterable[Status | str] | None = None,
        involving: str | Actor | None = None,
        place: str | Actor | None = None,
    ) -> list[Event]:
        """Events filtered by type(s), status(es), a participant and a place, in data order.

        Time filters live in :mod:`korea_graph.questions.query`.
        """
        types = _enum_set(EventType, type)
        statuses = _enum_set(Status, status)
        who = self.actor(involving).id if involving is not None else None
        where = self.actor(place).id if place is not None else None
        return [
            e for e in self.events.values()
            if (types is None or e.type in types)
            and (statuses is None or e.status in statuses)
            and (who is None or who in e.actors())
            and (where is None or e.place == where)
        ]

    # -- relations -------------------------------------------------------------------------
    @cached_property
    def all_relations(self) -> tuple[Relation, ...]:
        """Every derived relation, in data order."""
        return tuple(derive_relations(list(self.events.values()),
                                      list(self.affiliations.values()),
                                      list(self.stances.values())))

    def relation(self, relation_id: str) -> Relation:
        """The derived relation with this id (an edge key of :meth:`to_networkx`)."""
        for rel in self.all_relations:
            if rel.id == relation_id:
                return rel
        raise NotFoundError(f"no relation has the id {relation_id!r}")

    def relations(
        self,
        type: RelationType | str | Iterable[RelationType | str] | None = None,
        *,
        actor: str | Actor | None = None,
        source: str | Actor | None = None,
        target: str | Actor | None = None,
        status: Status | str | Iterable[Status | str] | None = None,
    ) -> list[Relation]:
        """Derived relations of type(s), touching ``actor`` (either end) or with a given
        ``source``/``target``, and of status(es)."""
        types = _enum_set(RelationType, type)
        statuses = _enum_set(Status, status)
        who = self.actor(actor).id if actor is not None else None
        src = self.actor(source).id if source is not None else None
        dst = self.actor(target).id if target is not None else None
        out = []
        for rel in self._candidates(types, who or src or dst):
            if types is not None and rel.type not in types:
                continue
            if statuses is not None and rel.status not in statuses:
                continue
            if who is not None and not rel.involves(who):
                continue
            if src is not None and not (rel.source == src or (rel.symmetric and rel.target == src)):
                continue
            if dst is not None and not (rel.target == dst or (rel.symmetric and rel.source == dst)):
                continue
            out.append(rel)
        return out

    @cached_property
    def _relation_index(self) -> tuple[dict[RelationType, list[Relation]],
                                       dict[str, list[Relation]],
                                       dict[tuple[str, RelationType], list[Relation]]]:
        by_type: dict[RelationType, list[Relation]] = {}
        by_actor: dict[str, list[Relation]] = {}
        by_actor_type: dict[tuple[str, RelationType], list[Relation]] = {}
        for rel in self.all_relations:
            by_type.setdefault(rel.type, []).append(rel)
            by_actor.setdefault(rel.source, []).append(rel)
            by_actor_type.setdefault((rel.source, rel.type), []).append(rel)
            if rel.target != rel.source:
                by_actor.setdefault(rel.target, []).append(rel)
                by_actor_type.setdefault((rel.target, rel.type), []).append(rel)
        return by_type, by_actor, by_actor_type

    def _candidates(self, types: set[RelationType] | None, actor: str | None
                    ) -> Iterable[Relation]:
        """The smallest indexed list that holds every match, in data order."""
        by_type, by_actor, by_actor_type = self._relation_index
        if actor is not None:
            if types is not None and len(types) == 1:
                return by_actor_type.get((actor, next(iter(types))), [])
            return by_actor.get(actor, [])
        if types is not None:
            if len(types) == 1:
                return by_type.get(next(iter(types)), [])
            return sorted((r for t in types for r in by_type.get(t, [])),
                          key=self._relation_order.__getitem__)
        return self.all_relations

    @cached_property
    def _relation_order(self) -> dict[Relation, int]:
        return {rel: index for index, rel in enumerate(self.all_relations)}

    def possible_relations(
        self,
        type: RelationType | str | Iterable[RelationType | str],
        *,
        actor: str | Actor | None = None,
        before: TimeSpan | None = None,
        after: TimeSpan | None = None,
        during: TimeSpan | None = None,
        status: Status | str | Iterable[Status | str] | None = None,
    ) -> Sequence[Relation]:
        """Derived relations of type(s) and status(es), touching ``actor`` (either end) if
        given, whose time *possibly* lies before ``before``, after ``after`` and overlaps
        ``during``, in time order (earliest, then latest day; ties in data order). Range
        scans of a :class:`TimeIndex` per type (and per actor, built on first use).

        >>> from korea_graph import load
        >>> from korea_graph.core.timespan import TimeSpan
        >>> kg = load()
        >>> found = kg.possible_relations("met_with", before=TimeSpan.parse("2000-06-27"))
        >>> ("aleksandr-losyukov", "kim-yong-nam") in {(r.source, r.target) for r in found}
        False
        """
        types = _enum_set(RelationType, type) or set(RelationType)
        statuses = _enum_set(Status, status)
        who = self.actor(actor).id if actor is not None else None
        found = [self._time_index(t, who).select(before=before, after=after, during=during,
                                                 statuses=statuses) for t in types]
        found = [f for f in found if f]
        if len(found) == 1:
            return found[0]
        order = self._relation_order
        return sorted((r for f in found for r in f),
                      key=lambda r: (r.when.sort_key(), order[r]))

    def _time_index(self, type: RelationType, actor: str | None = None) -> TimeIndex:
        key = (actor, type)
        index = self._time_indexes.get(key)
        if index is None:
            by_type, _, by_actor_type = self._relation_index
            rels = (by_type.get(type, []) if actor is None
                    else by_actor_type.get((actor, type), []))
            index = self._time_indexes[key] = TimeIndex(rels)
        return index

    @cached_property
    def _time_indexes(self) -> dict[tuple[str | None, RelationType], TimeIndex]:
        return {}

    # -- conversions -----------------------------------------------------------------------
    def to_networkx(self) -> nx.MultiDiGraph:
        """A MultiDiGraph: actors as nodes, derived relations as edges keyed by relation id.

        See :func:`korea_graph.core.network.to_networkx`.
        """
        from .network import to_networkx

        return to_networkx(self)

    def merge(self, other: KnowledgeGraph) -> KnowledgeGraph:
        """A new graph with the records of both. Shared actors must agree on their kind;
        their aliases are merged (this graph's label stays the label). An event id in both
        is one event reported by two documents (see :meth:`claims`); any other shared id
        is an error."""
        actors = {a.id: a for a in self.given[0]}
        for actor in other.given[0]:
            mine = actors.get(actor.id)
            actors[actor.id] = actor if mine is None else merge_actor(mine, actor)
        return KnowledgeGraph(
            documents=_concat(self.documents, other.documents, "document"),
            actors=actors.values(),
            events=[*self.given[1], *other.given[1]],
            affiliations=_concat(self.affiliations, other.affiliations, "affiliation"),
            stances=_concat(self.stances, other.stances, "stance"),
        )


def merge_actor(mine: Actor, other: Actor) -> Actor:
    """One actor from two declarations of the same id: the kinds must agree; the first
    keeps its label, the second's label and aliases become aliases."""
    if mine == other:
        return mine
    if mine.kind is not other.kind:
        raise DataError(
            f"actor {other.id!r} is a {mine.kind.value} in one file and a "
            f"{other.kind.value} in another", field="actors",
            expected="the same kind everywhere",
        )
    aliases = tuple(dict.fromkeys((*mine.aliases, *other.aliases, other.label)))
    aliases = tuple(a for a in aliases if a != mine.label)
    return Actor(mine.id, mine.label, mine.kind, aliases, mine.wikidata or other.wikidata,
                 mine.country or other.country, mine.note or other.note,
                 tuple(dict.fromkeys((*mine.same_as, *other.same_as))),
                 tuple(dict.fromkeys((*mine.mentions, *other.mentions))),
                 tuple(i for i in dict.fromkeys((*mine.inferred, *other.inferred))
                       if i.value in aliases))


_NO_DOC = (date.max, date.max, "")


def _last_day(when: date | str | TimeSpan) -> date:
    if isinstance(when, date):
        return when
    span = TimeSpan.parse(when) if isinstance(when, str) else when
    last = span.end_max or span.start_max
    if last is None:
        raise QueryError(f"as_of needs a date with a last day, not {span}")
    return last


def _fold_actors(actors: tuple[Actor, ...], links: dict[str, str],
                 unreviewed: set[str]) -> Mapping[str, Actor]:
    """Fold each actor into the one it is ``same_as``: its names become aliases, unless
    it is an unreviewed draft's, which never changes a curated actor."""
    if not links:
        return _index(actors, "actor")
    table = dict(_index(actors, "actor"))
    for alias, root in links.items():  # checked: a known actor of the same kind
        folded, target = table.pop(alias), table[root]
        if alias in unreviewed and root not in unreviewed:
            continue
        names = tuple(n for n in dict.fromkeys((*target.aliases, folded.label, *folded.aliases))
                      if n != target.label)
        table[root] = replace(target, aliases=names,
                              wikidata=target.wikidata or folded.wikidata,
                              country=target.country or folded.country)
    return MappingProxyType({k: replace(v, country=links.get(v.country, v.country))
                             if v.country in links else v for k, v in table.items()})


def _index(items: Iterable[_T], what: str) -> Mapping[str, _T]:
    table: dict[str, _T] = {}
    for item in items:
        if item.id in table:
            raise DataError(f"duplicate {what} id {item.id!r}", expected="unique ids")
        table[item.id] = item
    return MappingProxyType(table)


def _concat(a: Mapping[str, _T], b: Mapping[str, _T], what: str) -> list[_T]:
    clash = set(a) & set(b)
    if clash:
        raise DataError(f"{what} ids defined twice: {', '.join(sorted(clash))}",
                        expected="ids unique across files")
    return list(a.values()) + list(b.values())


def _enum_set(cls: type[_E], value: _E | str | Iterable[_E | str] | None) -> set[_E] | None:
    if value is None:
        return None
    if isinstance(value, str):
        return {cls(value)}
    return {v if isinstance(v, cls) else cls(v) for v in value}


def _words_in(needle: str, haystack: str) -> bool:
    words = haystack.replace("'s", "").split()
    return all(w in words for w in needle.replace("'s", "").split())
