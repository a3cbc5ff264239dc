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

from collections.abc import Iterable, Mapping
from functools import cached_property
from types import MappingProxyType
from typing import TYPE_CHECKING, TypeVar

from ..errors import AmbiguousNameError, DataError, NotFoundError
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

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["KnowledgeGraph"]

Record = Event | Affiliation | Stance
_T = TypeVar("_T", Document, Actor, Event, Affiliation, Stance)
_E = TypeVar("_E", EventType, Status, RelationType)


class KnowledgeGraph:
    """A typed, time-aware, source-attributed graph of actors and events.

    Build it with :func:`korea_graph.load`; every mapping attribute is read-only and
    keeps the order of the data files.
    """

    def __init__(
        self,
        *,
        documents: Iterable[Document] = (),
        actors: Iterable[Actor] = (),
        events: Iterable[Event] = (),
        affiliations: Iterable[Affiliation] = (),
        stances: Iterable[Stance] = (),
    ) -> None:
        self.documents: Mapping[str, Document] = _index(documents, "document")
        self.actors: Mapping[str, Actor] = _index(actors, "actor")
        self.events: Mapping[str, Event] = _index(events, "event")
        self.affiliations: Mapping[str, Affiliation] = _index(affiliations, "affiliation")
        self.stances: Mapping[str, Stance] = _index(stances, "stance")

    def __repr__(self) -> str:
        return (
            f"<KnowledgeGraph: {len(self.documents)} documents, {len(self.actors)} actors, "
            f"{len(self.events)} events, {len(self.affiliations)} affiliations, "
            f"{len(self.stances)} stances, {len(self.all_relations)} relations>"
        )

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, KnowledgeGraph):
            return NotImplemented
        return all(
            list(getattr(self, name).values()) == list(getattr(other, name).values())
            for name in ("documents", "actors", "events", "affiliations", "stances")
        )

    __hash__ = None  # type: ignore[assignment]

    # -- records ---------------------------------------------------------------------------
    def record(self, record_id: str) -> Record:
        """The event, affiliation or stance with this id."""
        for table in (self.events, self.affiliations, self.stances):
            if record_id in table:
                return table[record_id]
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
        exact, loose = self._actor_names
        for index, key in ((exact, normalize(name)), (loose, compact(name))):
            ids = index.get(key)
            if ids and len(ids) == 1:
                return self.actors[next(iter(ids))]
            if ids:
                raise AmbiguousNameError(name, sorted(ids))
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
                                       dict[str, list[Relation]]]:
        by_type: dict[RelationType, list[Relation]] = {}
        by_actor: dict[str, list[Relation]] = {}
        for rel in self.all_relations:
            by_type.setdefault(rel.type, []).append(rel)
            by_actor.setdefault(rel.source, []).append(rel)
            if rel.target != rel.source:
                by_actor.setdefault(rel.target, []).append(rel)
        return by_type, by_actor

    def _candidates(self, types: set[RelationType] | None, actor: str | None
                    ) -> Iterable[Relation]:
        """The smallest indexed list that holds every match, in data order."""
        by_type, by_actor = self._relation_index
        if actor is not None:
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

    # -- conversions -----------------------------------------------------------------------
    def to_networkx(self) -> nx.MultiDiGraph:
        """A MultiDiGraph: actors as nodes, derived relations as edges keyed by relation id.

        See :func:`korea_graph.core.network.to_networkx`.
        """
        from .network import to_networkx

        return to_networkx(self)

    def merge(self, other: KnowledgeGraph) -> KnowledgeGraph:
        """A new graph with the records of both. Shared actors must agree on their kind;
        their aliases are merged. Any other shared id is an error."""
        actors = dict(self.actors)
        for actor in other.actors.values():
            mine = actors.get(actor.id)
            if mine is None:
                actors[actor.id] = actor
                continue
            if mine.kind is not actor.kind:
                raise DataError(
                    f"actor {actor.id!r} is a {mine.kind.value} in one file and a "
                    f"{actor.kind.value} in another", field="actors",
                    expected="the same kind everywhere",
                )
            aliases = tuple(dict.fromkeys((*mine.aliases, *actor.aliases, actor.label)))
            aliases = tuple(a for a in aliases if a != mine.label)
            actors[actor.id] = Actor(mine.id, mine.label, mine.kind, aliases,
                                     mine.wikidata or actor.wikidata,
                                     mine.country or actor.country, mine.note or actor.note)
        return KnowledgeGraph(
            documents=_concat(self.documents, other.documents, "document"),
            actors=actors.values(),
            events=_concat(self.events, other.events, "event"),
            affiliations=_concat(self.affiliations, other.affiliations, "affiliation"),
            stances=_concat(self.stances, other.stances, "stance"),
        )


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
    return {cls(v) for v in value}


def _words_in(needle: str, haystack: str) -> bool:
    words = haystack.replace("'s", "").split()
    return all(w in words for w in needle.replace("'s", "").split())
