"""States and institutions for their people: who acted for whom at the time of an event.

A person acts for the organisations whose post they held (head, post, member,
representative) at the time of the event, and an institution for its state
(``Actor.country``). Whether the post *certainly* covers the event's time, or only
possibly, is kept: the row's ``time_condition`` is certain only if the post and the
question's time condition both are.

>>> from korea_graph import load
>>> rows = between(load(), "Russia", "South Korea", "met_with")
>>> sorted((r.subject, r.object, r.subject_for, r.object_for) for r in rows)[0]
('Georgy Mamedov', 'Jai-chun Lee', 'Russia', 'South Korea')
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from typing import Any

from ..core.graph import KnowledgeGraph
from ..core.model import Actor, AffiliationKind, Event, EventType
from ..core.relations import RelationType
from ..core.timespan import TimeSpan
from .answers import Answers, Fact
from .query import relations

__all__ = ["acting_for", "between", "for_actor"]

_ACTS_FOR = (AffiliationKind.HEAD, AffiliationKind.POST, AffiliationKind.MEMBER,
             AffiliationKind.REPRESENTATIVE)


def acting_for(kg: KnowledgeGraph, actor: str, when: TimeSpan) -> dict[str, str]:
    """The actor itself and every organisation it acted for at ``when``, each
    ``"certain"`` or ``"possible"``.

    >>> from korea_graph import load
    >>> from korea_graph.core.timespan import TimeSpan
    >>> acting_for(load(), "aleksandr-losyukov", TimeSpan.parse("2000-06-27"))
    {'aleksandr-losyukov': 'certain', 'russia': 'possible'}

    (His post, "Russian Deputy Foreign Minister", is held at publication, open on both
    sides: possibly, not certainly, held on June 27.)
    """
    found: dict[str, str] = {actor: "certain"}
    todo = [(actor, "certain")]
    while todo:
        current, sure = todo.pop(0)
        nxt: list[tuple[str, str]] = []
        for aff in kg.affiliations.values():
            if aff.holder != current or aff.kind not in _ACTS_FOR or not aff.status.is_real:
                continue
            if not aff.when.possibly_overlaps(when):
                continue
            certain = when.certainly_during(aff.when) and not aff.status.is_hedged
            nxt.append((aff.organization, "certain" if certain and sure == "certain"
                        else "possible"))
        record = kg.actors.get(current)
        if record is not None and record.kind.category == "institution" and record.country:
            nxt.append((record.country, sure))
        for org, how in nxt:
            if found.get(org) != "certain" and (org not in found or how == "certain"):
                found[org] = how
                todo.append((org, how))
    return found


def between(kg: KnowledgeGraph, a: str | Actor, b: str | Actor,
            types: RelationType | str | Iterable[RelationType | str] | None = None, *,
            event_types: Iterable[EventType | str] | None = None,
            **conditions: Any) -> Answers[Fact]:
    """Relations between ``a`` and ``b`` or anyone acting for them at the time
    ("meetings between Russia and South Korea"); each row names whom its ends acted
    for. ``conditions`` are those of :func:`~korea_graph.questions.query.relations`
    (``before``, ``during``, ``strength``, ``statuses``...)."""
    first, second = kg.actor(a), kg.actor(b)
    kinds = None if types is None else (
        [types] if isinstance(types, str | RelationType) else list(types))
    wanted = {EventType(t) for t in event_types} if event_types is not None else None
    strength = conditions.get("strength", "possibly")
    timed = _timed(conditions)
    answers = relations(kg, kinds if kinds is not None else list(RelationType), **conditions)
    rows = []
    for fact in answers:
        record = kg.record(fact.record_id)
        if wanted is not None and not (isinstance(record, Event) and record.type in wanted):
            continue
        ends = acting_for(kg, fact.subject_id, fact.when), acting_for(kg, fact.object_id,
                                                                       fact.when)
        for flip, (mine, theirs) in ((False, ends), (True, ends[::-1])):
            if first.id in mine and second.id in theirs:
                sure = mine[first.id] == theirs[second.id] == "certain"
                if not sure and strength == "certainly":
                    break
                symmetric = RelationType(fact.relation).symmetric
                if flip and symmetric:
                    row = replace(_flipped(fact), subject_for=first.label,
                                  object_for=second.label)
                elif flip:
                    row = replace(fact, subject_for=second.label, object_for=first.label)
                else:
                    row = replace(fact, subject_for=first.label, object_for=second.label)
                rows.append(_acting(row, fact, sure, timed))
                break
    rows.sort(key=lambda f: (f.certainty == "possible", f.when.sort_key()))
    events = f", event_types={sorted(t.value for t in wanted)}" if wanted else ""
    query = f"between(kg, {first.id!r}, {second.id!r}{events}) over {answers.query}"
    return Answers(rows, question=f"between {first.label} and {second.label}", query=query)


def _timed(conditions: dict[str, Any]) -> bool:
    return any(conditions.get(k) is not None for k in ("before", "after", "during", "between"))


def _acting(row: Fact, fact: Fact, sure: bool, timed: bool,
            subject_for: str | None = None) -> Fact:
    """The rolled-up row. Whether the post that makes someone act for a state covers the
    event only possibly makes the row ``possible`` under a time condition; with none,
    ``time_condition`` stays empty and a note says it."""
    row = replace(row, subject_for=subject_for) if subject_for else row
    if timed:
        return replace(row, certainty=fact.certainty if sure else "possible")
    if sure:
        return row
    said = " and ".join(x for x in (row.subject_for, row.object_for) if x)
    return replace(row, inferred=(*row.inferred, f"acting for {said}: only possibly at the "
                                  "time (the post's dates are uncertain)"))


def _flipped(fact: Fact) -> Fact:
    return replace(fact, subject=fact.object, subject_id=fact.object_id, object=fact.subject,
                   object_id=fact.subject_id)


def for_actor(kg: KnowledgeGraph, a: str | Actor,
              types: RelationType | str | Iterable[RelationType | str] | None = None,
              **conditions: Any) -> Answers[Fact]:
    """What ``a`` or anyone acting for it at the time did ("who did Russia meet": Russia's
    officials' meetings); each row names whom its subject acted for. A symmetric relation
    (``met_with``) counts from either end, turned so that ``a``'s side is the subject.

    >>> from korea_graph import load
    >>> rows = for_actor(load(), "Russia", "met_with")
    >>> sorted({r.subject for r in rows})[:2]
    ['Aleksandr Losyukov', 'Georgy Mamedov']
    """
    first = kg.actor(a)
    kinds = None if types is None else (
        [types] if isinstance(types, str | RelationType) else list(types))
    strength = conditions.get("strength", "possibly")
    timed = _timed(conditions)
    answers = relations(kg, kinds if kinds is not None else list(RelationType), **conditions)
    rows = []
    for fact in answers:
        symmetric = RelationType(fact.relation).symmetric
        for flip in (False, True) if symmetric else (False,):
            row = _flipped(fact) if flip else fact
            mine = acting_for(kg, row.subject_id, row.when)
            if first.id not in mine:
                continue
            sure = mine[first.id] == "certain"
            if not sure and strength == "certainly":
                break
            rows.append(_acting(row, fact, sure, timed, subject_for=first.label))
            break
    rows.sort(key=lambda f: (f.certainty == "possible", f.when.sort_key()))
    return Answers(rows, question=f"{first.label} and those acting for it",
                   query=f"for_actor(kg, {first.id!r}) over {answers.query}")
