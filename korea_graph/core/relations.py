"""Binary relations derived from events, affiliations and stances.

The data stores n-ary records only; "Losyukov met with Kim Yong-nam" is *derived* from
the meeting event, "Ivanov heads the foreign ministry" from his post. Each
:class:`Relation` keeps the record it came from, its time, status and evidence.

>>> from korea_graph import load
>>> kg = load(document="monitor-6-129")   # the article as its source tells it
>>> for r in kg.relations(RelationType.SIGNED):
...     print(r.source, r.type, r.target, r.when)
igor-ivanov signed russia-dprk-friendship-treaty 2000-02
north-korean-government signed russia-dprk-friendship-treaty 2000-02
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum
from itertools import combinations

from .model import (
    Affiliation,
    AffiliationKind,
    Attitude,
    Citation,
    Event,
    EventType,
    Evidence,
    Hedge,
    Role,
    Stance,
    Status,
)
from .timespan import TimeSpan

__all__ = ["SIDES", "Relation", "RelationType", "derive_relations", "relation_hedges",
           "relation_status", "side_pairs"]


class RelationType(StrEnum):
    """The binary relations users ask for."""

    MET_WITH = "met_with"  #: symmetric: a meeting, talks, a summit or negotiations
    VISITED = "visited"
    HOSTED = "hosted"
    WROTE_TO = "wrote_to"
    PROPOSED = "proposed"
    PROPOSED_TO = "proposed_to"
    SIGNED = "signed"
    SIGNED_WITH = "signed_with"  #: symmetric
    REPLACED = "replaced"
    ANNOUNCED = "announced"
    STATED = "stated"
    DISCUSSED = "discussed"
    REPORTED = "reported"
    QUOTED_SOURCE = "quoted_source"
    DECIDED_ON = "decided_on"
    SUPPLIES = "supplies"
    BUILT = "built"
    COOPERATES_WITH = "cooperates_with"  #: symmetric
    PARTICIPATED_IN = "participated_in"
    LAUNCHED = "launched"
    HEADS = "heads"
    HOLDS_POST_IN = "holds_post_in"
    MEMBER_OF = "member_of"
    OVERSEES = "oversees"
    REPRESENTS = "represents"
    ACCREDITED_TO = "accredited_to"
    PARTY_TO = "party_to"
    HAS_MISSION_IN = "has_mission_in"
    SUPPORTS = "supports"
    OPPOSES = "opposes"
    PRAISED = "praised"
    CRITICIZES = "criticizes"
    INTERESTED_IN = "interested_in"
    NOT_INTERESTED_IN = "not_interested_in"
    DISTANCED_FROM = "distanced_from"

    @property
    def symmetric(self) -> bool:
        """Whether ``a r b`` implies ``b r a``."""
        return self in _SYMMETRIC


_SYMMETRIC = {RelationType.MET_WITH, RelationType.SIGNED_WITH, RelationType.COOPERATES_WITH}


@dataclass(frozen=True, slots=True)
class Relation:
    """A derived edge ``source --type--> target`` with the record it comes from."""

    id: str
    type: RelationType
    source: str
    target: str
    when: TimeSpan
    status: Status
    record: str  #: id of the event, affiliation or stance it is derived from
    evidence: tuple[Evidence, ...]
    citations: tuple[Citation, ...] = ()

    @property
    def symmetric(self) -> bool:
        """Whether the relation holds both ways (``met_with``)."""
        return self.type.symmetric

    def involves(self, actor: str) -> bool:
        """Whether ``actor`` is either end."""
        return actor in (self.source, self.target)

    def other(self, actor: str) -> str:
        """The end that is not ``actor``."""
        return self.target if actor == self.source else self.source


_MEETING_TYPES = {EventType.MEETING, EventType.TALKS, EventType.SUMMIT, EventType.NEGOTIATION}
#: the roles of the sides of a meeting, talks, negotiation or cooperation
SIDES = (Role.PARTICIPANT, Role.HOST, Role.GUEST, Role.PARTY, Role.COUNTERPART)
#: two sides in one of these roles act with the others, not with each other: two guests of
#: one host, two hosts, two counterparts of one party
_APART = (Role.GUEST, Role.HOST, Role.COUNTERPART)

# (event types or None for any, source role, target role, relation)
_ROLE_PAIRS: list[tuple[set[EventType] | None, Role, Role, RelationType]] = [
    ({EventType.VISIT}, Role.GUEST, Role.HOST, RelationType.VISITED),
    ({EventType.VISIT}, Role.HOST, Role.GUEST, RelationType.HOSTED),
    (None, Role.SENDER, Role.ADDRESSEE, RelationType.WROTE_TO),
    (None, Role.PROPOSER, Role.OBJECT, RelationType.PROPOSED),
    (None, Role.PROPOSER, Role.ADDRESSEE, RelationType.PROPOSED_TO),
    (None, Role.SIGNATORY, Role.OBJECT, RelationType.SIGNED),
    (None, Role.OBJECT, Role.SUPERSEDED, RelationType.REPLACED),
    (None, Role.ANNOUNCER, Role.SUBJECT, RelationType.ANNOUNCED),
    (None, Role.SPEAKER, Role.SUBJECT, RelationType.STATED),
    (None, Role.SPEAKER, Role.TOPIC, RelationType.STATED),
    (None, Role.PUBLISHER, Role.SUBJECT, RelationType.REPORTED),
    (None, Role.PUBLISHER, Role.SOURCE, RelationType.QUOTED_SOURCE),
    (None, Role.DECIDER, Role.SUBJECT, RelationType.DECIDED_ON),
    (None, Role.SUPPLIER, Role.RECIPIENT, RelationType.SUPPLIES),
    ({EventType.CONSTRUCTION}, Role.PARTICIPANT, Role.OBJECT, RelationType.BUILT),
    (None, Role.PARTICIPANT, Role.OUTCOME, RelationType.LAUNCHED),
    (None, Role.PARTICIPANT, Role.ORGANIZER, RelationType.PARTICIPATED_IN),
]

_AFFILIATION = {
    AffiliationKind.HEAD: RelationType.HEADS,
    AffiliationKind.POST: RelationType.HOLDS_POST_IN,
    AffiliationKind.MEMBER: RelationType.MEMBER_OF,
    AffiliationKind.OVERSEES: RelationType.OVERSEES,
    AffiliationKind.REPRESENTATIVE: RelationType.REPRESENTS,
    AffiliationKind.PARTY_TO: RelationType.PARTY_TO,
    AffiliationKind.MISSION_IN: RelationType.HAS_MISSION_IN,
}

_ATTITUDE = {
    Attitude.SUPPORTS: RelationType.SUPPORTS,
    Attitude.OPPOSES: RelationType.OPPOSES,
    Attitude.PRAISES: RelationType.PRAISED,
    Attitude.CRITICIZES: RelationType.CRITICIZES,
    Attitude.INTERESTED_IN: RelationType.INTERESTED_IN,
    Attitude.NOT_INTERESTED_IN: RelationType.NOT_INTERESTED_IN,
    Attitude.DISTANCED_FROM: RelationType.DISTANCED_FROM,
}


def relation_id(record: str, type_: RelationType, source: str, target: str) -> str:
    """The stable id of a derived relation: ``record/type/source/target``."""
    return f"{record}/{type_.value}/{source}/{target}"


def derive_relations(
    events: list[Event], affiliations: list[Affiliation], stances: list[Stance]
) -> Iterator[Relation]:
    """Every relation the records imply, in data order, each once."""
    seen: set[str] = set()
    for event in events:
        for rel in _from_event(event):
            if rel.id not in seen:
                seen.add(rel.id)
                yield rel
    for post in affiliations:
        yield _make(post.id, _AFFILIATION[post.kind], post.holder, post.organization, post)
        if post.accredited_to:
            yield _make(post.id, RelationType.ACCREDITED_TO, post.holder, post.accredited_to, post)
    for stance in stances:
        yield _make(stance.id, _ATTITUDE[stance.attitude], stance.holder, stance.target, stance)


def _make(record: str, type_: RelationType, source: str, target: str,
          origin: Event | Affiliation | Stance) -> Relation:
    return Relation(relation_id(record, type_, source, target), type_, source, target,
                    origin.when, relation_status(origin, type_), record, origin.evidence,
                    origin.citations)


def relation_status(origin: Event | Affiliation | Stance, type_: RelationType) -> Status:
    """The status of a relation of ``type_`` derived from ``origin``: the record's own,
    except that a hedge of that part alone (``Hedge.applies_to``) makes an occurred record's
    relation ``reported``: the visit took place, that they discussed the railway is
    *reportedly* so.

    >>> from korea_graph import load
    >>> kg = load(document="monitor-6-129")
    >>> relation_status(kg.events["putin-visits-pyongyang"], RelationType.VISITED).value
    'planned'
    """
    status = origin.status
    if status is Status.OCCURRED and any(h.applies_to and h.bounds(type_.value)
                                         for h in origin.hedges):
        return Status.REPORTED
    return status


def relation_hedges(origin: Event | Affiliation | Stance,
                    type_: RelationType) -> tuple[Hedge, ...]:
    """The hedges of ``origin`` that bound a relation of ``type_`` derived from it: those
    of the whole record and those of that part (``Hedge.applies_to``)."""
    return tuple(h for h in origin.hedges if h.bounds(type_.value))


def _from_event(event: Event) -> Iterator[Relation]:
    if event.type in _MEETING_TYPES:
        for a, b in side_pairs(event):
            yield _make(event.id, RelationType.MET_WITH, a, b, event)
    if event.type is EventType.COOPERATION:
        for a, b in side_pairs(event):
            yield _make(event.id, RelationType.COOPERATES_WITH, a, b, event)
    if event.type is EventType.VISIT and event.place:
        for guest in event.actors(Role.GUEST):
            yield _make(event.id, RelationType.VISITED, guest, event.place, event)
    signatories = event.actors(Role.SIGNATORY)
    for a, b in combinations(signatories, 2):
        yield _make(event.id, RelationType.SIGNED_WITH, a, b, event)
    for types, source_role, target_role, rel in _ROLE_PAIRS:
        if types is not None and event.type not in types:
            continue
        for source in event.actors(source_role):
            for target in event.actors(target_role):
                if source != target:
                    yield _make(event.id, rel, source, target, event)
    for source in _discussants(event):
        for topic in event.actors(Role.TOPIC):
            yield _make(event.id, RelationType.DISCUSSED, source, topic, event)


def _discussants(event: Event) -> tuple[str, ...]:
    """Who discussed an event's topics: the sides of a meeting, talks, summit or
    negotiation; the sender of a letter; the proposer of a proposal. The addressee of a
    letter or a proposal only received it: Kim Jong-il did not "discuss" what Putin's
    letter was about."""
    if event.type in _MEETING_TYPES:
        return event.actors(*SIDES)
    if event.type is EventType.LETTER:
        return event.actors(Role.SENDER)
    if event.type is EventType.PROPOSAL:
        return event.actors(Role.PROPOSER)
    return ()


def side_pairs(event: Event) -> Iterator[tuple[str, str]]:
    """Who acted with whom among an event's sides (:data:`SIDES`), each pair once in
    participant order: every pair, but not two guests of one host (a delegation's members
    do not meet each other), two hosts, nor two counterparts of one party ("North Korea
    is negotiating with the United States, Japan and South Korea": the United States did
    not negotiate with Japan).

    >>> from korea_graph.core.model import Participant
    >>> talks = Event("t", EventType.NEGOTIATION, "t", (
    ...     Participant("north-korea", Role.PARTY), Participant("us", Role.COUNTERPART),
    ...     Participant("japan", Role.COUNTERPART)), TimeSpan.parse("2000"), Status.OCCURRED, ())
    >>> list(side_pairs(talks))
    [('north-korea', 'us'), ('north-korea', 'japan')]
    """
    roles = {p.actor: p.role for p in event.participants if p.role in SIDES}
    for a, b in combinations(roles, 2):
        if roles[a] == roles[b] and roles[a] in _APART:
            continue
        yield a, b
