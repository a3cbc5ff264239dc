"""A synthetic corpus for benchmarks and tests: many documents, thousands of actors with
posts, events of 2-5 participants with uncertain dates, every status, evidence and citations.

The graph is made of valid model objects: every evidence span quotes its document's text
exactly, every reference points at a record that exists, every id is unique. The same
``seed`` always gives the same graph.

>>> kg = generate(events=200, seed=1)
>>> len(kg.events), len(kg.documents)
(200, 2)
>>> ev = next(iter(kg.events.values()))
>>> doc = kg.documents[ev.evidence[0].document]
>>> doc.text[ev.evidence[0].start:ev.evidence[0].end] == ev.evidence[0].quote
True
>>> 2 <= len(ev.participants) <= 5
True
>>> generate(events=200, seed=1) == kg
True
"""

from __future__ import annotations

import random
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta

from ..core.graph import KnowledgeGraph
from ..core.model import (
    Actor,
    ActorKind,
    Affiliation,
    AffiliationKind,
    Attitude,
    Citation,
    Document,
    Event,
    EventType,
    Evidence,
    Participant,
    Role,
    Stance,
    Status,
)
from ..core.timespan import Precision, TimeSpan
from ..errors import DataError

__all__ = ["SIZES", "generate"]

#: The corpus sizes the benchmarks use, by name.
SIZES = {"1k": 1_000, "10k": 10_000, "100k": 100_000, "1M": 1_000_000}

_SYLLABLES = ("kim", "park", "lee", "choi", "jung", "kang", "cho", "yoon", "jang", "lim", "han",
              "oh", "seo", "shin", "kwon", "hwang", "ahn", "song", "yoo", "hong", "ivan", "pet",
              "sor", "vol", "min", "tar", "nov", "ber", "lav", "dor", "mar", "sen", "tak", "yam")
_STATES = ("Avaria", "Borduria", "Carpania", "Dravonia", "Elbonia", "Freedonia", "Genovia",
           "Hidalia", "Illyria", "Jadonia", "Kravia", "Latveria", "Moldavia Nova", "Novistrana",
           "Orsinia", "Petoria", "Qurac", "Ruritania", "Syldavia", "Tazbekistan")
_INSTITUTIONS = ((ActorKind.GOVERNMENT, "government of {}"),
                 (ActorKind.MINISTRY, "foreign ministry of {}"),
                 (ActorKind.MINISTRY, "defence ministry of {}"),
                 (ActorKind.PARLIAMENT, "parliament of {}"),
                 (ActorKind.PARTY, "ruling party of {}"))
_WEIGHTED_STATUS = ([Status.OCCURRED] * 10 + [Status.REPORTED] * 3 + [Status.PLANNED] * 2
                    + [Status.DISPUTED, Status.DID_NOT_HAPPEN, Status.UNDER_CONSIDERATION])
_WEIGHTED_TYPES = ([EventType.MEETING] * 6 + [EventType.TALKS] * 3 + [EventType.SUMMIT]
                   + [EventType.NEGOTIATION] + [EventType.VISIT] * 3 + [EventType.LETTER] * 2
                   + [EventType.STATEMENT] * 2 + [EventType.PROPOSAL] + [EventType.SIGNING]
                   + [EventType.COOPERATION] + [EventType.ANNOUNCEMENT] + [EventType.REPORT])
_VERBS = {EventType.MEETING: "met", EventType.TALKS: "held talks",
          EventType.SUMMIT: "held a summit",
          EventType.NEGOTIATION: "negotiated", EventType.VISIT: "visited",
          EventType.LETTER: "wrote", EventType.STATEMENT: "made a statement",
          EventType.PROPOSAL: "proposed a plan", EventType.SIGNING: "signed",
          EventType.COOPERATION: "agreed to cooperate", EventType.ANNOUNCEMENT: "announced",
          EventType.REPORT: "reported"}
_HEDGES = {Status.OCCURRED: "", Status.REPORTED: "reportedly ", Status.DISPUTED: "allegedly ",
           Status.PLANNED: "are to have ", Status.DID_NOT_HAPPEN: "did not in the end have ",
           Status.UNDER_CONSIDERATION: "are considering whether they "}
_START = date(1990, 1, 1)
_DAYS = 30 * 365


@dataclass
class _Actors:
    persons: list[Actor] = field(default_factory=list)
    states: list[Actor] = field(default_factory=list)
    institutions: list[Actor] = field(default_factory=list)
    outlets: list[Actor] = field(default_factory=list)
    cities: list[Actor] = field(default_factory=list)
    things: list[Actor] = field(default_factory=list)  # treaties, projects, topics
    labels: dict[str, str] = field(default_factory=dict)

    def all(self) -> list[Actor]:
        return (self.states + self.institutions + self.outlets + self.cities + self.things
                + self.persons)


class _DocumentWriter:
    """Writes one document line by line and hands out the evidence of each line."""

    def __init__(self, doc_id: str, title: str, publisher: Actor, published: date) -> None:
        self.doc_id = doc_id
        self.title = title
        self.publisher = publisher
        self.published = published
        self.parts = [f"{title}\n{publisher.label}, {published.isoformat()}\n---\n"]
        self.size = len(self.parts[0])
        self.lines = 0

    def say(self, sentence: str) -> tuple[Evidence, ...]:
        start = self.size
        self.lines += 1
        self.parts.append(sentence + "\n")
        self.size += len(sentence) + 1
        return (Evidence(self.doc_id, start, start + len(sentence), sentence, self.lines),)

    def document(self) -> Document:
        return Document(self.doc_id, self.title, self.publisher.id,
                        TimeSpan.day(self.published), "".join(self.parts),
                        url=f"https://example.org/news/{self.doc_id}")


def generate(events: int = 1_000, *, seed: int = 0, events_per_document: int = 100,
             persons: int | None = None, prefix: str = "") -> KnowledgeGraph:
    """A synthetic graph of ``events`` events in documents of ``events_per_document``.

    ``persons`` defaults to one person per 20 events (at least 40): 5,000 persons for
    100k events. Every person holds a post; one record in ten is a stance; a fifth of the
    events cite an outlet; dates range over day, span, week, month, year, window and
    open-ended precision; every :class:`~korea_graph.core.model.Status` occurs. ``prefix``
    starts the ids of documents, events, posts and stances, so that corpora generated
    with one seed and different prefixes share their actors and nothing else.
    """
    if events < 1 or events_per_document < 1:
        raise DataError(f"cannot generate {events} events in documents of "
                        f"{events_per_document}", field="events", expected="positive numbers")
    rng = random.Random(seed)
    people = persons if persons is not None else max(40, events // 20)
    cast = _make_actors(rng, people, events)
    n_docs = -(-events // events_per_document)
    doc_days = sorted(rng.randrange(60, _DAYS) for _ in range(n_docs))
    posts: list[Affiliation] = []
    stances: list[Stance] = []
    all_events: list[Event] = []
    documents: list[Document] = []
    person_posted = 0
    for d in range(n_docs):
        published = _START + timedelta(days=doc_days[d])
        outlet = cast.outlets[d % len(cast.outlets)]
        writer = _DocumentWriter(f"{prefix}doc-{d:06d}", f"Synthetic report {d + 1}", outlet,
                                 published)
        # introduce the posts of a share of the persons in each document
        share = -(-len(cast.persons) // n_docs)
        for person in cast.persons[person_posted:person_posted + share]:
            posts.append(_post(rng, writer, person, cast, f"{prefix}post-{len(posts):06d}"))
        person_posted += share
        in_doc = range(d * events_per_document, min(events, (d + 1) * events_per_document))
        first_in_doc = len(all_events)
        for n in in_doc:
            event = _event(rng, writer, n, cast, published, all_events, first_in_doc, prefix)
            all_events.append(event)
            if n % 10 == 9:
                stances.append(_stance(rng, writer, f"{prefix}stance-{len(stances):06d}", cast,
                                       event))
        documents.append(writer.document())
    return KnowledgeGraph(documents=documents, actors=cast.all(), events=all_events,
                          affiliations=posts, stances=stances)


def _make_actors(rng: random.Random, people: int, events: int) -> _Actors:
    cast = _Actors()
    for i, name in enumerate(_STATES):
        cast.states.append(Actor(f"state-{i:02d}", name, ActorKind.STATE,
                                 aliases=(name.upper()[:3],)))
        for j, (kind, pattern) in enumerate(_INSTITUTIONS):
            label = pattern.format(name)
            cast.institutions.append(Actor(f"org-{i:02d}-{j}", label[0].upper() + label[1:],
                                           kind, country=f"state-{i:02d}"))
        for j in range(2):
            city = f"{name} {'City' if j == 0 else 'Port'}"
            cast.cities.append(Actor(f"city-{i:02d}-{j}", city, ActorKind.CITY,
                                     country=f"state-{i:02d}"))
    for i in range(10):
        cast.outlets.append(Actor(f"outlet-{i:02d}", f"The Daily Synthetic {i + 1}",
                                  ActorKind.NEWS_OUTLET, aliases=(f"DS{i + 1}",)))
    things = max(20, events // 200)
    kinds = (ActorKind.TREATY, ActorKind.PROJECT, ActorKind.TOPIC)
    for i in range(things):
        kind = kinds[i % 3]
        cast.things.append(Actor(f"{kind.value}-{i:05d}", f"{kind.value.title()} no. {i + 1}",
                                 kind))
    seen: set[str] = set()
    for i in range(people):
        while True:
            family = rng.choice(_SYLLABLES).title()
            given = rng.choice(_SYLLABLES).title() + "-" + rng.choice(_SYLLABLES)
            label = f"{family} {given}"
            if label not in seen:
                break
            label = f"{label} {i}"
            if label not in seen:
                break
        seen.add(label)
        aliases = (f"{given} {family}",) if i % 4 == 0 else ()
        note = 'synthetic; quotes "like this" & <tags> are escaped' if i % 97 == 0 else None
        cast.persons.append(Actor(f"person-{i:06d}", label, ActorKind.PERSON, aliases=aliases,
                                  country=f"state-{i % len(_STATES):02d}", note=note,
                                  wikidata=f"Q{1_000_000 + i}" if i % 50 == 0 else None))
    cast.labels.update((a.id, a.label) for a in cast.all())
    return cast


def _time(rng: random.Random, published: date) -> TimeSpan:
    """An uncertain time before (or, rarely, after) publication."""
    back = rng.randrange(1, 400)
    day = published - timedelta(days=back)
    roll = rng.random()
    if roll < 0.45:
        return TimeSpan.day(day)
    if roll < 0.60:
        return TimeSpan.span(day, day + timedelta(days=rng.randrange(1, 4)))
    if roll < 0.70:
        monday = day - timedelta(days=day.weekday())
        return TimeSpan.between(monday, monday + timedelta(days=6), Precision.WEEK)
    if roll < 0.80:
        return TimeSpan.month(day.year, day.month)
    if roll < 0.85:
        return TimeSpan.year(day.year)
    if roll < 0.90:
        return TimeSpan.between(day, day + timedelta(days=rng.randrange(5, 60)))
    if roll < 0.94:
        return TimeSpan.before(day)
    if roll < 0.97:
        return TimeSpan.relative("last week", TimeSpan.day(published))
    return TimeSpan.after(published + timedelta(days=rng.randrange(1, 90)))


def _pick(rng: random.Random, pool: list[Actor], k: int, taken: set[str]) -> list[Actor]:
    out: list[Actor] = []
    while len(out) < k:
        actor = pool[rng.randrange(len(pool))]
        if actor.id not in taken:
            taken.add(actor.id)
            out.append(actor)
    return out


def _participants(rng: random.Random, type_: EventType, cast: _Actors
                  ) -> tuple[list[Participant], str | None]:
    size = rng.randint(2, 5)
    taken: set[str] = set()
    agents = cast.persons if rng.random() < 0.8 else cast.states + cast.institutions

    def roles(role: Role, actors: Iterable[Actor]) -> list[Participant]:
        return [Participant(a.id, role) for a in actors]

    place = None
    if type_ in (EventType.MEETING, EventType.TALKS, EventType.SUMMIT, EventType.NEGOTIATION):
        if rng.random() < 0.5:
            out = roles(Role.PARTICIPANT, _pick(rng, agents, size, taken))
        else:
            out = (roles(Role.HOST, _pick(rng, agents, 1, taken))
                   + roles(Role.GUEST, _pick(rng, agents, size - 1, taken)))
        place = rng.choice(cast.cities).id if rng.random() < 0.5 else None
    elif type_ is EventType.VISIT:
        out = (roles(Role.GUEST, _pick(rng, agents, size - 1, taken))
               + roles(Role.HOST, _pick(rng, cast.states, 1, taken)))
        place = rng.choice(cast.cities).id
    elif type_ is EventType.LETTER:
        out = (roles(Role.SENDER, _pick(rng, agents, 1, taken))
               + roles(Role.ADDRESSEE, _pick(rng, agents, size - 1, taken)))
    elif type_ is EventType.STATEMENT:
        out = (roles(Role.SPEAKER, _pick(rng, agents, 1, taken))
               + roles(Role.SUBJECT, _pick(rng, agents, size - 1, taken)))
    elif type_ is EventType.PROPOSAL:
        out = (roles(Role.PROPOSER, _pick(rng, agents, 1, taken))
               + roles(Role.ADDRESSEE, _pick(rng, agents, max(1, size - 2), taken))
               + roles(Role.OBJECT, _pick(rng, cast.things, 1, taken)))
    elif type_ is EventType.SIGNING:
        out = (roles(Role.SIGNATORY, _pick(rng, agents, max(2, size - 1), taken))
               + roles(Role.OBJECT, _pick(rng, cast.things, 1, taken)))
    elif type_ is EventType.COOPERATION:
        out = roles(Role.PARTY, _pick(rng, cast.states + cast.institutions, size, taken))
    elif type_ is EventType.ANNOUNCEMENT:
        out = (roles(Role.ANNOUNCER, _pick(rng, agents, 1, taken))
               + roles(Role.SUBJECT, _pick(rng, agents + cast.things, size - 1, taken)))
    else:  # REPORT
        out = (roles(Role.PUBLISHER, _pick(rng, cast.outlets, 1, taken))
               + roles(Role.SOURCE, _pick(rng, agents, 1, taken))
               + roles(Role.SUBJECT, _pick(rng, agents, size - 2, taken)))
    return out, place


def _event(rng: random.Random, writer: _DocumentWriter, n: int, cast: _Actors, published: date,
           earlier: list[Event], first_in_doc: int, prefix: str) -> Event:
    type_ = rng.choice(_WEIGHTED_TYPES)
    status = rng.choice(_WEIGHTED_STATUS)
    participants, place = _participants(rng, type_, cast)
    when = _time(rng, published)
    if status is Status.PLANNED and when.end_max is not None and when.end_max < published:
        when = TimeSpan.after(published + timedelta(days=rng.randrange(1, 60)))
    names = [cast.labels[p.actor] for p in participants]
    sentence = (f"{names[0]} {_HEDGES[status]}{_VERBS[type_]} with {', '.join(names[1:])}"
                f" ({when.iso()}).")
    evidence = writer.say(sentence)
    citations: tuple[Citation, ...] = ()
    if rng.random() < 0.2:
        outlet = rng.choice(cast.outlets).id
        citations = (Citation(outlet, TimeSpan.day(writer.published - timedelta(
            days=rng.randrange(0, 5))) if rng.random() < 0.7 else None),)
    part_of = None
    about: tuple[str, ...] = ()
    if len(earlier) > first_in_doc and rng.random() < 0.05:
        part_of = earlier[rng.randrange(first_in_doc, len(earlier))].id
    if type_ in (EventType.ANNOUNCEMENT, EventType.REPORT) and len(earlier) > first_in_doc:
        about = (earlier[rng.randrange(first_in_doc, len(earlier))].id,)
    return Event(f"{prefix}event-{n:07d}", type_, f"{type_.value.title()} {n + 1}: {sentence[:60]}",
                 tuple(participants), when, status, evidence, citations, place=place,
                 part_of=part_of, about=about)


def _post(rng: random.Random, writer: _DocumentWriter, person: Actor, cast: _Actors,
          post_id: str) -> Affiliation:
    state = int(person.country[-2:]) if person.country else 0
    org = cast.institutions[state * len(_INSTITUTIONS) + rng.randrange(len(_INSTITUTIONS))]
    kind = AffiliationKind.HEAD if rng.random() < 0.2 else AffiliationKind.POST
    since = writer.published - timedelta(days=rng.randrange(30, 3000))
    title = "head" if kind is AffiliationKind.HEAD else "official"
    evidence = writer.say(f"{person.label} is the {title} of the {org.label}.")
    return Affiliation(post_id, person.id, org.id, kind, TimeSpan.after(since),
                       Status.OCCURRED, evidence, title=title)


def _stance(rng: random.Random, writer: _DocumentWriter, stance_id: str, cast: _Actors,
            event: Event) -> Stance:
    holder = event.participants[0].actor
    target = rng.choice(cast.things)
    attitude = rng.choice(list(Attitude))
    status = Status.OCCURRED if rng.random() < 0.8 else Status.REPORTED
    evidence = writer.say(f"{cast.labels[holder]} {attitude.value.replace('_', ' ')} "
                          f"{target.label}, it emerged at event {event.id}.")
    return Stance(stance_id, holder, attitude, target.id, event.when, status, evidence,
                  expressed_in=event.id)
