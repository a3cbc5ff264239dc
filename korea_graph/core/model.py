"""The value classes of the graph: actors, events, posts, stances and their provenance.

Everything is a frozen dataclass: records are values, compared by content, hashable,
safe to share. Ids are short ``kebab-case`` strings, stable across versions of the data;
RDF IRIs and networkx keys are minted from them.

>>> putin = Actor("vladimir-putin", "Vladimir Putin", ActorKind.PERSON, wikidata="Q7747")
>>> putin.kind.category
'person'
>>> Status("did_not_happen").is_real
False

Kinds, types, roles, statuses and attitudes may be given as their strings; they are
checked and stored as members, so a record never holds an unknown one:

>>> Actor("x", "X", "person").kind
<ActorKind.PERSON: 'person'>
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from ..errors import SchemaError, VocabularyError
from .timespan import TimeSpan

__all__ = [
    "EVENT_FAMILIES",
    "INFERABLE_FIELDS",
    "Actor",
    "ActorKind",
    "Affiliation",
    "AffiliationKind",
    "Attitude",
    "Citation",
    "Confidence",
    "Document",
    "Event",
    "EventType",
    "Evidence",
    "Hedge",
    "Inference",
    "Participant",
    "Review",
    "Role",
    "SourceRecord",
    "Stance",
    "Status",
    "check_alias_inferences",
]


class ActorKind(StrEnum):
    """What an actor is. ``category`` groups the kinds for colours, filters and RDF classes."""

    PERSON = "person"
    STATE = "state"
    HEAD_OF_STATE_OFFICE = "head_of_state_office"
    GOVERNMENT = "government"
    MINISTRY = "ministry"
    PARLIAMENT = "parliament"
    PARTY = "party"
    DEFENCE_INDUSTRY = "defence_industrial_complex"
    INTELLIGENCE_SERVICE = "intelligence_service"
    NEWS_OUTLET = "news_outlet"
    INTERNATIONAL_FORUM = "international_forum"
    DELEGATION = "delegation"
    CITY = "city"
    AIRPORT = "airport"
    REGION = "region"
    FACILITY = "facility"
    TREATY = "treaty"
    PROJECT = "project"
    TOPIC = "topic"

    @property
    def category(self) -> str:
        """One of person, state, institution, place, facility, treaty, project, topic."""
        if self in (ActorKind.PERSON, ActorKind.STATE, ActorKind.FACILITY, ActorKind.TREATY,
                    ActorKind.PROJECT, ActorKind.TOPIC):
            return self.value
        if self in (ActorKind.CITY, ActorKind.AIRPORT, ActorKind.REGION):
            return "place"
        return "institution"

    @property
    def is_agent(self) -> bool:
        """Persons, states and institutions act; places, facilities, treaties... are acted on."""
        return self.category in ("person", "state", "institution")


class Status(StrEnum):
    """How the article presents an event, post or stance."""

    OCCURRED = "occurred"
    PLANNED = "planned"  #: planned or announced, not yet happened at publication
    REPORTED = "reported"  #: reported or alleged, hedged by the article ("reportedly")
    DISPUTED = "disputed"  #: reported, but the article doubts it
    DID_NOT_HAPPEN = "did_not_happen"  #: expected, but did not take place
    UNDER_CONSIDERATION = "under_consideration"  #: being considered, nothing decided

    @property
    def is_real(self) -> bool:
        """Did it (by the article's account, perhaps hedged) take place or hold?"""
        return self in (Status.OCCURRED, Status.REPORTED, Status.DISPUTED)

    @property
    def is_hedged(self) -> bool:
        """Reported or disputed: an answer built on it must be flagged."""
        return self in (Status.REPORTED, Status.DISPUTED)


class Confidence(StrEnum):
    """How likely the article makes a claim, in the estimative terms of ICD 203 (the US
    intelligence community's standard scale, familiar to analysts): from almost no
    chance to almost certain."""

    ALMOST_NO_CHANCE = "almost_no_chance"
    VERY_UNLIKELY = "very_unlikely"
    UNLIKELY = "unlikely"
    ROUGHLY_EVEN = "roughly_even"  #: "it was unclear whether"
    LIKELY = "likely"  #: "apparently", "is believed to be", "appears not to have"
    VERY_LIKELY = "very_likely"
    ALMOST_CERTAIN = "almost_certain"


@dataclass(frozen=True, slots=True)
class Hedge:
    """The article's own hedging of a record's status: its words (``phrase``, quoted
    from the evidence) and/or a :class:`Confidence`. Any status may be hedged: "Putin
    will arrive ..., *apparently* on the heels of a two-day visit to Beijing" is a
    planned visit, hedged.

    >>> print(Hedge("apparently", Confidence.LIKELY))
    apparently (likely)
    """

    phrase: str | None = None
    confidence: Confidence | None = None
    #: the relation types (:class:`~korea_graph.core.relations.RelationType` values) derived
    #: from the record that the hedge bounds, when it hedges only part of the record: "He
    #: and Ivanov *reportedly* discussed ..." hedges ``discussed``, not the visit; empty:
    #: the whole record
    applies_to: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if self.phrase is None and self.confidence is None:
            raise SchemaError("a hedge needs a phrase or a confidence",
                              expected="phrase: the article's words, and/or confidence")
        if self.applies_to:  # kept sorted: a set of relation types, equal whatever the order given
            object.__setattr__(self, "applies_to", tuple(sorted(set(
                (self.applies_to,) if isinstance(self.applies_to, str)
                else self.applies_to))))

    def __str__(self) -> str:
        if self.phrase and self.confidence:
            text = f"{self.phrase} ({self.confidence.value.replace('_', ' ')})"
        else:
            text = self.phrase or str(self.confidence.value if self.confidence else "")
        return (f"{text} [applies to {', '.join(self.applies_to)}]" if self.applies_to
                else text)

    def bounds(self, relation_type: str) -> bool:
        """Whether the hedge applies to a relation of this type derived from its record.

        >>> Hedge("reportedly", applies_to=("discussed",)).bounds("met_with")
        False
        >>> Hedge("apparently").bounds("met_with")
        True
        """
        return not self.applies_to or relation_type in self.applies_to


#: The attributes of a record that may be marked as an inference.
INFERABLE_FIELDS = ("place", "participant", "role", "alias", "holder", "organization",
                    "accredited_to", "title", "kind", "target", "part_of", "about",
                    "expressed_in", "when")


@dataclass(frozen=True, slots=True)
class Inference:
    """An attribute of a record that the evidence does not word, kept because the
    curator inferred it, with the reason: answers show it as an inference.

    ``field`` is one of :data:`INFERABLE_FIELDS`; ``value`` the actor id, alias or text
    inferred (``participant`` and ``role`` values are actor ids: the participant itself,
    or only the role it is given, is the inference).

    >>> print(Inference("place", "moscow", "the talks followed Lee's arrival in Moscow"))
    place moscow inferred: the talks followed Lee's arrival in Moscow
    """

    field: str
    value: str
    reason: str

    def __str__(self) -> str:
        return f"{self.field} {self.value} inferred: {self.reason}"


class EventType(StrEnum):
    """What kind of thing happened (CAMEO codes live in :mod:`korea_graph.eventdata.vocabulary`)."""

    MEETING = "meeting"
    VISIT = "visit"
    TALKS = "talks"
    NEGOTIATION = "negotiation"
    SUMMIT = "summit"
    LETTER = "letter"
    STATEMENT = "statement"
    PROPOSAL = "proposal"
    SIGNING = "signing"
    REPORT = "report"
    ANNOUNCEMENT = "announcement"
    DECISION = "decision"
    COOPERATION = "cooperation"
    ARMS_TRANSFER = "arms_transfer"
    CONSTRUCTION = "construction"

    @property
    def family(self) -> str:
        """The family of types under which two documents may report one event (see
        :data:`EVENT_FAMILIES`): talks reported as a meeting is one event, a visit
        reported as a statement is not.

        >>> EventType.TALKS.family, EventType.VISIT.family
        ('meeting', 'visit')
        """
        return _FAMILY_OF[self]


#: The families of event types: two reports of one event (``same_as``) give types of one
#: family. Sources name the same meeting "talks", "negotiations" or "a summit", the same
#: words "a statement" or "an announcement"; a visit, a signing or a transfer is another
#: kind of happening whatever the words.
EVENT_FAMILIES: dict[str, tuple[EventType, ...]] = {
    "meeting": (EventType.MEETING, EventType.TALKS, EventType.NEGOTIATION, EventType.SUMMIT),
    "visit": (EventType.VISIT,),
    "statement": (EventType.STATEMENT, EventType.LETTER, EventType.PROPOSAL, EventType.REPORT,
                  EventType.ANNOUNCEMENT, EventType.DECISION),
    "signing": (EventType.SIGNING,),
    "cooperation": (EventType.COOPERATION, EventType.ARMS_TRANSFER, EventType.CONSTRUCTION),
}
_FAMILY_OF = {t: name for name, types in EVENT_FAMILIES.items() for t in types}


class Role(StrEnum):
    """The part an actor plays in an event."""

    PARTICIPANT = "participant"
    HOST = "host"
    GUEST = "guest"
    SENDER = "sender"
    ADDRESSEE = "addressee"
    SPEAKER = "speaker"
    PROPOSER = "proposer"
    SIGNATORY = "signatory"
    ANNOUNCER = "announcer"
    DECIDER = "decider"
    PUBLISHER = "publisher"
    SOURCE = "source"  #: where a report got its information
    SUPPLIER = "supplier"
    RECIPIENT = "recipient"
    PARTY = "party"  #: a side in talks or cooperation
    #: the other side of talks or negotiations *with* an acting party ("North Korea is
    #: negotiating with the United States, Japan and South Korea"): it meets the acting
    #: sides, not the other counterparts
    COUNTERPART = "counterpart"
    OBJECT = "object"  #: the treaty signed, the plan proposed, the thing built
    SUPERSEDED = "superseded"  #: what a new treaty replaced
    TOPIC = "topic"  #: what was discussed
    SUBJECT = "subject"  #: whom a statement, announcement or report is about
    OUTCOME = "outcome"  #: what the event launched or produced
    ORGANIZER = "organizer"  #: the forum or body under which the event is held


class AffiliationKind(StrEnum):
    """How a holder relates to an organisation over time (W3C ORG posts and memberships)."""

    HEAD = "head"  #: heads the organisation (a minister of a ministry, a president of a state)
    POST = "post"  #: holds a post in it, without heading it
    MEMBER = "member"
    OVERSEES = "oversees"
    REPRESENTATIVE = "representative"  #: an ambassador of the organisation, accredited somewhere
    PARTY_TO = "party_to"  #: a state bound by a treaty
    MISSION_IN = "mission_in"  #: a state with diplomatic representation in another


class Attitude(StrEnum):
    """A stance of one actor towards another (or a plan, a treaty, a process)."""

    SUPPORTS = "supports"
    OPPOSES = "opposes"
    PRAISES = "praises"
    CRITICIZES = "criticizes"
    INTERESTED_IN = "interested_in"
    NOT_INTERESTED_IN = "not_interested_in"
    DISTANCED_FROM = "distanced_from"


def _member(record: object, name: str, cls: type[StrEnum]) -> None:
    """Store ``record.name`` as a member of ``cls`` (from its string), or refuse it."""
    value = getattr(record, name)
    if type(value) is cls:
        return
    try:
        member = cls(value)
    except ValueError:
        import difflib

        allowed = [str(m.value) for m in cls]
        close = difflib.get_close_matches(str(value), allowed, n=1)
        raise VocabularyError(
            f"unknown {name} {value!r}", field=f"{type(record).__name__}.{name}",
            expected="one of " + ", ".join(allowed)
            + (f"; did you mean {close[0]!r}?" if close else "")) from None
    object.__setattr__(record, name, member)


def check_alias_inferences(aliases: tuple[str, ...], inferred: tuple[Inference, ...],
                           field: str) -> None:
    """An actor's ``inferred`` entries: each flags one of its aliases (field ``alias``) and
    names the public source the alias comes from (the reason).

    >>> check_alias_inferences(("DPRK",), (Inference("alias", "DPRK", "Wikidata Q423"),), "f")
    >>> try:
    ...     check_alias_inferences(("DPRK",), (Inference("place", "DPRK", "x"),), "f")
    ... except SchemaError as exc:
    ...     print(exc.field, exc.reason)
    f[0].field an actor's inference flags an alias, not a place
    """
    expected = "field: alias, value: one of its aliases, reason: the public source of the alias"
    for n, inference in enumerate(inferred):
        if inference.field != "alias":
            raise SchemaError(f"an actor's inference flags an alias, not a {inference.field}",
                              field=f"{field}[{n}].field", expected=expected)
        if inference.value not in aliases:
            raise SchemaError(f"inferred alias {inference.value!r} is not an alias of the actor",
                              field=f"{field}[{n}].value", expected=expected)
        if not inference.reason.strip():
            raise SchemaError(f"inferred alias {inference.value!r} names no source",
                              field=f"{field}[{n}].reason", expected=expected)


@dataclass(frozen=True, slots=True)
class Actor:
    """A person, state, institution, or a thing actors act on (place, facility, treaty,
    project, topic). ``country`` is the state it belongs to, where the article says."""

    id: str
    label: str
    kind: ActorKind
    aliases: tuple[str, ...] = ()
    wikidata: str | None = None
    country: str | None = None
    note: str | None = None
    #: ids of actors (usually of other documents) this one is: the merged graph folds it
    #: into the actor it points to, whose id the merged records use
    same_as: tuple[str, ...] = ()
    #: words a text uses for the actor that are not look-up names: metonyms ("Moscow"
    #: for Russia) and adjectives ("Russian"); the evidence check accepts them
    mentions: tuple[str, ...] = ()
    #: aliases that no document words, each with the public source it comes from
    #: (``Inference("alias", "DPRK", "Wikidata Q423")``): answers and checks tell them apart
    inferred: tuple[Inference, ...] = ()

    def __post_init__(self) -> None:
        _member(self, "kind", ActorKind)
        check_alias_inferences(self.aliases, self.inferred, f"actors[{self.id!r}].inferred")

    @property
    def names(self) -> tuple[str, ...]:
        """The label and every alias."""
        return (self.label, *self.aliases)


@dataclass(frozen=True, slots=True)
class Review:
    """Review metadata of a drafted record: not yet checked by a person.

    ``status`` is ``unreviewed`` (as drafted) or ``accepted``; ``confidence`` is the
    drafter's, from 0 to 1; ``same_as`` a proposed event of another document.
    """

    record: str  #: the id of the actor, event, affiliation or stance
    status: str = "unreviewed"
    confidence: float | None = None
    method: str | None = None
    same_as: str | None = None

    @property
    def unreviewed(self) -> bool:
        """Whether no person has checked the record yet."""
        return self.status == "unreviewed"


@dataclass(frozen=True, slots=True)
class Document:
    """A source text: the article, with its publication data and its full text."""

    id: str
    title: str
    publisher: str  #: actor id of the outlet
    published: TimeSpan
    text: str
    url: str | None = None
    volume: str | None = None
    issue: str | None = None
    text_file: str | None = None  #: the file the text came from, relative to the data file
    license: str | None = None  #: the licence of the text (a name or URL: "CC BY 4.0")
    attribution: str | None = None  #: the attribution the licence asks for
    reviews: tuple[Review, ...] = ()  #: review metadata of drafted records, if any

    def review_of(self, record_id: str) -> Review | None:
        """The review metadata of a record of this document, if it was drafted."""
        return next((r for r in self.reviews if r.record == record_id), None)

    def paragraph_of(self, offset: int) -> int:
        """The 1-based body paragraph holding ``offset`` (0 for the header).

        Paragraphs are the non-blank lines of the body (after a ``---`` rule, if any).
        """
        for number, (start, end) in enumerate(self.paragraphs(), 1):
            if start <= offset <= end:
                return number
        return 0

    @property
    def body_start(self) -> int:
        """Offset where the article body begins (after a header rule of dashes, if any)."""
        marker = self.text.find("\n---")
        if marker < 0:
            return 0
        end = self.text.find("\n", marker + 1)
        return end + 1 if end >= 0 else len(self.text)

    def paragraphs(self) -> list[tuple[int, int]]:
        """``(start, end)`` offsets of each body paragraph, in order."""
        spans = []
        start = self.body_start
        for line in self.text[start:].split("\n"):
            if line.strip():
                spans.append((start, start + len(line)))
            start += len(line) + 1
        return spans


@dataclass(frozen=True, slots=True)
class Evidence:
    """A span of a document's text: ``document.text[start:end] == quote``."""

    document: str
    start: int
    end: int
    quote: str
    paragraph: int


@dataclass(frozen=True, slots=True)
class Citation:
    """An outlet the article cites for a record, with the date it gives."""

    outlet: str  #: actor id of a news outlet
    date: TimeSpan | None = None
    note: str | None = None


@dataclass(frozen=True, slots=True)
class SourceRecord:
    """A machine-coded source row of an event (ICEWS, GDELT): where an imported event
    comes from when there is no article text to quote."""

    dataset: str  #: "icews", "gdelt1" or "gdelt2"
    row_id: str  #: the dataset's event id
    file: str | None = None
    line: int | None = None
    story_id: str | None = None
    sentence: int | None = None
    publisher: str | None = None
    url: str | None = None


@dataclass(frozen=True, slots=True)
class Participant:
    """An actor in an event, in a role."""

    actor: str
    role: Role

    def __post_init__(self) -> None:
        _member(self, "role", Role)


@dataclass(frozen=True, slots=True)
class Event:
    """Something that happened, was planned, reported or did not happen: an n-ary record.

    ``part_of`` names a larger event (talks during a visit); ``about`` names events this
    one refers to (an announcement of a visit, a report of a meeting).
    """

    id: str
    type: EventType
    label: str
    participants: tuple[Participant, ...]
    when: TimeSpan
    status: Status
    evidence: tuple[Evidence, ...]
    citations: tuple[Citation, ...] = ()
    place: str | None = None
    part_of: str | None = None
    about: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    note: str | None = None
    cameo: str | None = None  #: the CAMEO code given by a machine-coded source, if any
    sources: tuple[SourceRecord, ...] = ()  #: machine-coded source rows, if any
    #: ids of events (of other documents) this report is about: one event, several reports
    same_as: tuple[str, ...] = ()
    #: the source's own name for the event or for what it produced, as printed in the
    #: evidence ("joint declaration"); two reports with different wordings are a conflict
    wording: str | None = None
    hedges: tuple[Hedge, ...] = ()  #: the article's hedging of the status
    inferred: tuple[Inference, ...] = ()  #: attributes the evidence does not word

    def __post_init__(self) -> None:
        _member(self, "type", EventType)
        _member(self, "status", Status)

    def actors(self, *roles: Role) -> tuple[str, ...]:
        """Ids of participants, optionally only those in ``roles``, in data order."""
        return tuple(p.actor for p in self.participants if not roles or p.role in roles)


@dataclass(frozen=True, slots=True)
class Affiliation:
    """A post, membership or tie that holds over a time: Ivanov heads the foreign ministry."""

    id: str
    holder: str
    organization: str
    kind: AffiliationKind
    when: TimeSpan
    status: Status
    evidence: tuple[Evidence, ...]
    title: str | None = None
    accredited_to: str | None = None
    citations: tuple[Citation, ...] = ()
    note: str | None = None
    hedges: tuple[Hedge, ...] = ()  #: the article's hedging of the status
    inferred: tuple[Inference, ...] = ()  #: attributes the evidence does not word

    def __post_init__(self) -> None:
        _member(self, "kind", AffiliationKind)
        _member(self, "status", Status)


@dataclass(frozen=True, slots=True)
class Stance:
    """A position held over a time: Moscow opposes U.S. missile defence plans."""

    id: str
    holder: str
    attitude: Attitude
    target: str
    when: TimeSpan
    status: Status
    evidence: tuple[Evidence, ...]
    citations: tuple[Citation, ...] = ()
    expressed_in: str | None = None  #: the event in which it was expressed
    note: str | None = None
    about: tuple[str, ...] = field(default=())
    hedges: tuple[Hedge, ...] = ()  #: the article's hedging of the status
    inferred: tuple[Inference, ...] = ()  #: attributes the evidence does not word

    def __post_init__(self) -> None:
        _member(self, "attitude", Attitude)
        _member(self, "status", Status)
