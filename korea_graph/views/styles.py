"""What every view draws the same way: actor categories, relation families and statuses.

The network page, the timeline page and the static pictures read these tables, so a
planned meeting looks planned everywhere and one legend explains all of them.

>>> family_of(RelationType.MET_WITH), status_words(Status.DID_NOT_HAPPEN)
('contact', 'did not happen')
>>> caption("Ivanov meets Kim Yong-nam (disputed)", Status.DISPUTED)
'Ivanov meets Kim Yong-nam (disputed)'
>>> caption("Putin's trip to Pyongyang", Status.PLANNED)
"Putin's trip to Pyongyang (planned)"
"""

from __future__ import annotations

from ..core.model import Status
from ..core.relations import RelationType

__all__ = [
    "CATEGORY_STYLE",
    "NOT_HAPPENED_COLOUR",
    "RELATION_FAMILIES",
    "STATUS_STYLE",
    "TIMELINE_STATUS_STYLE",
    "caption",
    "family_of",
    "status_words",
]

#: Actor category -> (vis-network shape, colour). Categories come from ``ActorKind.category``.
CATEGORY_STYLE: dict[str, tuple[str, str]] = {
    "person": ("dot", "#4e79a7"),
    "state": ("hexagon", "#e15759"),
    "institution": ("square", "#f28e2b"),
    "place": ("triangle", "#59a14f"),
    "facility": ("triangleDown", "#76b7b2"),
    "treaty": ("diamond", "#b07aa1"),
    "project": ("star", "#edc948"),
    "topic": ("dot", "#bab0ac"),
}

#: Relation families: one colour each, and the relation types in them.
RELATION_FAMILIES: dict[str, tuple[str, tuple[RelationType, ...]]] = {
    "contact": ("#1f77b4", (RelationType.MET_WITH, RelationType.VISITED, RelationType.HOSTED,
                            RelationType.WROTE_TO, RelationType.COOPERATES_WITH,
                            RelationType.PARTICIPATED_IN)),
    "agreement": ("#9467bd", (RelationType.PROPOSED, RelationType.PROPOSED_TO,
                              RelationType.SIGNED, RelationType.SIGNED_WITH,
                              RelationType.REPLACED, RelationType.PARTY_TO,
                              RelationType.LAUNCHED)),
    "speech": ("#17becf", (RelationType.ANNOUNCED, RelationType.STATED, RelationType.DISCUSSED,
                           RelationType.REPORTED, RelationType.QUOTED_SOURCE)),
    "action": ("#8c564b", (RelationType.DECIDED_ON, RelationType.SUPPLIES, RelationType.BUILT)),
    "structure": ("#bcbd22", (RelationType.HEADS, RelationType.HOLDS_POST_IN,
                              RelationType.MEMBER_OF, RelationType.OVERSEES,
                              RelationType.REPRESENTS, RelationType.ACCREDITED_TO,
                              RelationType.HAS_MISSION_IN)),
    "support": ("#2ca02c", (RelationType.SUPPORTS, RelationType.PRAISED,
                            RelationType.INTERESTED_IN)),
    "opposition": ("#d62728", (RelationType.OPPOSES, RelationType.CRITICIZES,
                               RelationType.NOT_INTERESTED_IN, RelationType.DISTANCED_FROM)),
}

#: Status -> (dash pattern or ``False`` for a solid line, opacity). Did-not-happen is grey.
STATUS_STYLE: dict[Status, tuple[list[int] | bool, float]] = {
    Status.OCCURRED: (False, 1.0),
    Status.REPORTED: ([8, 4], 1.0),
    Status.DISPUTED: ([2, 4], 1.0),
    Status.PLANNED: ([12, 6], 0.75),
    Status.UNDER_CONSIDERATION: ([12, 4, 2, 4], 0.75),
    Status.DID_NOT_HAPPEN: ([2, 6], 0.6),
}

NOT_HAPPENED_COLOUR = "#9a9a9a"

#: Status -> (fill colour, border colour, CSS border style) of a bar on the timeline and in
#: the static picture: solid for what occurred, dashed for reported and planned, dotted for
#: disputed, pale for planned or considered, grey for what did not happen.
TIMELINE_STATUS_STYLE: dict[Status, tuple[str, str, str]] = {
    Status.OCCURRED: ("#4e79a7", "#2b4561", "solid"),
    Status.REPORTED: ("#8fb8de", "#2b4561", "dashed"),
    Status.DISPUTED: ("#f1a340", "#8a5a12", "dotted"),
    Status.PLANNED: ("#a8d5a0", "#2f6b27", "dashed"),
    Status.UNDER_CONSIDERATION: ("#dcc8ec", "#6b4a8a", "dashed"),
    Status.DID_NOT_HAPPEN: ("#d4d4d4", NOT_HAPPENED_COLOUR, "solid"),
}
_FAMILY_OF = {t: name for name, (_, types) in RELATION_FAMILIES.items() for t in types}


def family_of(rel_type: RelationType) -> str:
    """The family a relation type is drawn in."""
    return _FAMILY_OF[rel_type]


def status_words(status: Status) -> str:
    """The status as words: ``did not happen``."""
    return status.value.replace("_", " ")


def caption(label: str, status: Status) -> str:
    """A record's label with its status, unless it is ``occurred`` or the label already
    says it (the curated labels of some disputed records end in "(disputed)")."""
    words = status_words(status)
    if status is Status.OCCURRED or f"({words})" in label.lower():
        return label
    return f"{label} ({words})"
