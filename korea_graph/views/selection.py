"""The filters every view shares: which relations of a graph a page shows.

:func:`select` keeps the relations that pass every filter given (focus and depth,
relation types, actor kinds, a time window, real events only, documents). Time bounds are
time anchors as :func:`~korea_graph.questions.query.resolve_anchor` reads them, so a view
accepts what ``ask`` accepts: ``"2000-07-18"``, ``"June 27"``, ``"Putin's trip"``.

>>> from korea_graph import load
>>> kg = load()
>>> s = select(kg, until="Putin's trip", relations=["visited"])
>>> s.until.isoformat(), sorted({r.record for r in s.relations})[:2]
('2000-07-22', ['ivanov-visits-pyongyang', 'kim-dae-jung-flies-to-pyongyang'])
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from ..core.graph import KnowledgeGraph
from ..core.model import ActorKind
from ..core.relations import Relation, RelationType
from ..core.timespan import TimeSpan
from ..errors import QueryError
from ..questions.query import Anchor, resolve_anchor

__all__ = ["Selection", "document_choices", "select"]

TimeBound = str | date | TimeSpan


@dataclass(frozen=True)
class Selection:
    """What the filters kept: the relations in data order, the focus actor id, and the
    resolved time bounds (the last day for ``until``, the first for ``since``)."""

    kg: KnowledgeGraph  #: the graph as known from the documents and date asked for
    relations: tuple[Relation, ...]
    focus: str | None
    until: date | None
    since: date | None
    documents: frozenset[str] | None
    title: str


def select(
    kg: KnowledgeGraph,
    focus: str | None = None,
    depth: int = 1,
    until: TimeBound | None = None,
    since: TimeBound | None = None,
    relations: Iterable[RelationType | str] | None = None,
    kinds: Iterable[ActorKind | str] | None = None,
    include_unreal: bool = True,
    documents: Iterable[str] | None = None,
    title: str | None = None,
    as_of: TimeBound | None = None,
) -> Selection:
    """The relations of ``kg`` that pass every filter; see :func:`korea_graph.view`.

    ``as_of`` first takes the graph as known on that day: from the documents published
    by then (:meth:`KnowledgeGraph.select`), so an event two sources report has the time
    and status the earlier one gives it. ``documents`` keeps the relations with evidence
    from those documents (what the pages' document checkboxes do).

    >>> from korea_graph import load
    >>> select(load(), documents=["the-times"])
    Traceback (most recent call last):
    ...
    korea_graph.errors.QueryError: unknown document 'the-times' (expected one of monitor-6-129...)
    """
    if depth < 0:
        raise QueryError(f"depth must be 0 or more, not {depth}")
    types = _relation_types(relations)
    categories = _categories(kinds)
    last = _bound(kg, until, "until", end=True)
    first = _bound(kg, since, "since", end=False)
    docs = _documents(kg, documents)
    known_on = _bound(kg, as_of, "as_of", end=True)
    if known_on is not None:
        kg = kg.select(as_of=known_on)
    centre = kg.actor(focus).id if focus is not None else None
    if centre is not None and categories is not None and \
            kg.actors[centre].kind.category not in categories \
            and kg.actors[centre].kind.value not in categories:
        raise QueryError(f"the focus {kg.actors[centre].label!r} is a "
                         f"{kg.actors[centre].kind.value}, which the kinds filter leaves out")

    def kept_kind(actor: str) -> bool:
        kind = kg.actors[actor].kind
        return categories is None or kind.category in categories or kind.value in categories

    kept = [
        r for r in kg.all_relations
        if (types is None or r.type in types)
        and (include_unreal or r.status.is_real)
        and (last is None or r.when.start_min is None or r.when.start_min <= last)
        and (first is None or r.when.end_max is None or r.when.end_max >= first)
        and (docs is None or any(e.document in docs for e in r.evidence))
        and kept_kind(r.source) and kept_kind(r.target)
    ]
    if centre is not None:
        ball = _ball(kept, centre, depth)
        kept = [r for r in kept if r.source in ball and r.target in ball]
    return Selection(kg, tuple(kept), centre, last, first, docs,
                     title or _default_title(kg, centre, until, since, as_of))


def document_choices(kg: KnowledgeGraph,
                     relations: Iterable[Relation]) -> list[dict[str, str]]:
    """The documents the relations' evidence comes from, in data order, for a page's
    document filter: id, title and publication date."""
    used = {e.document for r in relations for e in r.evidence}
    return [{"id": d, "title": kg.documents[d].title if d in kg.documents else d,
             "published": f"({kg.documents[d].published.iso()})" if d in kg.documents else ""}
            for d in [*kg.documents, *sorted(used - set(kg.documents))] if d in used]


def _relation_types(values: Iterable[RelationType | str] | None) -> set[RelationType] | None:
    if values is None:
        return None
    if isinstance(values, str):
        values = [values]
    out = set()
    for value in values:
        try:
            out.add(RelationType(value))
        except ValueError:
            raise QueryError(
                f"unknown relation type {value!r} (expected one of "
                f"{', '.join(t.value for t in RelationType)})") from None
    return out


def _categories(values: Iterable[ActorKind | str] | None) -> set[str] | None:
    if values is None:
        return None
    if isinstance(values, str):
        values = [values]
    known = {k.value for k in ActorKind} | {k.category for k in ActorKind}
    out = set()
    for value in values:
        name = str(value.value if isinstance(value, ActorKind) else value)
        if name not in known:
            raise QueryError(f"unknown actor kind {name!r} (expected one of "
                             f"{', '.join(sorted(known))})")
        out.add(name)
    return out


def _documents(kg: KnowledgeGraph, values: Iterable[str] | None) -> frozenset[str] | None:
    """Document ids, given as ids or titles."""
    if values is None:
        return None
    if isinstance(values, str):
        values = [values]
    by_title = {d.title.casefold(): d.id for d in kg.documents.values()}
    out = set()
    for value in values:
        if value in kg.documents:
            out.add(value)
        elif value.casefold() in by_title:
            out.add(by_title[value.casefold()])
        else:
            raise QueryError(f"unknown document {value!r} (expected one of "
                             f"{', '.join(kg.documents) or 'no documents: the graph has none'})")
    return frozenset(out)


def _bound(kg: KnowledgeGraph, value: TimeBound | None, name: str, *, end: bool) -> date | None:
    """The last (``end``) or first day of a time anchor: a date, month, year, span or an
    event by name."""
    if value is None:
        return None
    if isinstance(value, date):
        return value
    anchor: Anchor = resolve_anchor(kg, value)
    day = anchor.when.end_max if end else anchor.when.start_min
    if day is None:
        raise QueryError(f"{name}={value!s} has no {'last' if end else 'first'} day")
    return day


def _ball(relations: list[Relation], centre: str, depth: int) -> set[str]:
    """Actors within ``depth`` steps of ``centre``, following relations either way."""
    neighbours: dict[str, set[str]] = {}
    for r in relations:
        neighbours.setdefault(r.source, set()).add(r.target)
        neighbours.setdefault(r.target, set()).add(r.source)
    seen = {centre: 0}
    queue = deque([centre])
    while queue:
        actor = queue.popleft()
        if seen[actor] == depth:
            continue
        for other in neighbours.get(actor, ()):
            if other not in seen:
                seen[other] = seen[actor] + 1
                queue.append(other)
    return set(seen)


def _default_title(kg: KnowledgeGraph, focus: str | None, until: object, since: object,
                   as_of: object) -> str:
    parts = ["; ".join(d.title for d in kg.documents.values()) or "korea_graph"]
    if as_of is not None:
        parts.append(f"as known on {as_of}")
    if focus is not None:
        parts.append(f"around {kg.actors[focus].label}")
    if since is not None:
        parts.append(f"since {since}")
    if until is not None:
        parts.append(f"until {until}")
    return " · ".join(parts)
