"""Build a graph from Python, each record checked at the call that adds it.

The :class:`Builder` takes what a data file holds (``docs/curation.md``), as Python
values: strings for kinds, types, roles and statuses, a quote (its offsets are found
for you) or ``(start, end)`` offsets for evidence, a date, an interval or a relative
phrase for time. Every mistake raises a :class:`~korea_graph.errors.DataError` at once,
naming the record, the field and what was expected; the checks are the loader's own
(:mod:`~korea_graph.curation.checks`), so whatever the builder accepts,
:func:`~korea_graph.curation.writer.to_yaml` writes and the loader reads back.

>>> b = Builder()
>>> _ = b.actor("tass", "TASS", "news_outlet")
>>> _ = b.actor("vladimir-putin", "Vladimir Putin", "person", aliases=["Putin"])
>>> _ = b.actor("kim-jong-il", "Kim Jong-il", "person")
>>> _ = b.document("note", title="A note", publisher="tass", published="2000-07-20",
...                text="Putin met Kim Jong-il in Pyongyang yesterday.")
>>> meeting = b.event("putin-meets-kim", "meeting", "Putin meets Kim Jong-il",
...                   participants={"Putin": "guest", "kim-jong-il": "host"},
...                   when="yesterday", status="occurred",
...                   evidence="Putin met Kim Jong-il in Pyongyang yesterday.")
>>> str(meeting.when), meeting.evidence[0].start
('2000-07-19', 0)
>>> b.event("x", "meeting", "X", participants={"kim-jong-ill": "host"}, when="2000",
...         status="occurred", evidence="Putin met")
Traceback (most recent call last):
...
korea_graph.errors.ReferenceError_: events['x'].participants[0].actor: unknown actor \
'kim-jong-ill' (expected ... (did you mean 'kim-jong-il'?))
>>> kg = b.build()
>>> [e.id for e in kg.find_events(involving="Putin")]
['putin-meets-kim']
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from datetime import date
from enum import StrEnum
from typing import Any, TypeVar

from ..core.claims import claim_document, document_order
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
    Hedge,
    Inference,
    Participant,
    Role,
    Stance,
    Status,
    check_alias_inferences,
)
from ..core.names import normalize
from ..core.timespan import RELATIVE_PHRASES, TimeSpan
from ..core.validate import Scope, check_record
from ..errors import DateError, DuplicateIdError, ReferenceError_, SchemaError
from . import checks

__all__ = ["Builder"]

_E = TypeVar("_E", bound=StrEnum)
_R = TypeVar("_R", Event, Affiliation, Stance)
#: What the builder takes as time (besides the data file's forms).
TimeLike = TimeSpan | date | str | int | Mapping[str, Any] | tuple[Any, Any] | list[Any]
#: What the builder takes as evidence: a quote, ``(start, end)``, a data file's mapping,
#: an :class:`~korea_graph.core.model.Evidence`, or a list of these.
EvidenceLike = str | tuple[int, int] | Mapping[str, Any] | Evidence | Iterable[Any]
ActorRef = str | Actor


class Builder:
    """A graph under construction: add actors, documents, events, posts and stances,
    then :meth:`build` it (an ordinary :class:`~korea_graph.core.graph.KnowledgeGraph`)
    or write it with :meth:`to_yaml`.

    ``base`` is a graph to extend (``Builder(korea_graph.load())`` adds to the shipped
    corpus): its actors and events may be referred to, and its ids are taken.
    Actors are referred to by id, or by a label or alias that names exactly one actor.
    A record's evidence is in the ``document`` it names, by default the last document
    added (or the base's only document).
    """

    def __init__(self, base: KnowledgeGraph | None = None) -> None:
        self.base = base if base is not None else KnowledgeGraph()
        self._documents: list[Document] = []
        self._actors: dict[str, Actor] = dict(self.base.actors)
        self._new_actors: list[Actor] = []
        self._events: list[Event] = []
        #: event id -> the documents that already report it (one claim per document)
        self._reports: dict[str, set[str]] = {}
        for claim in self.base.given[1]:
            self._reports.setdefault(claim.id, set()).update(e.document for e in claim.evidence)
        self._affiliations: list[Affiliation] = []
        self._stances: list[Stance] = []
        #: event id -> its claims, of the base and added here (what references resolve to)
        self._claims: dict[str, list[Event]] = {}
        for claim in self.base.given[1]:
            self._claims.setdefault(claim.id, []).append(claim)
        self._all_documents: dict[str, Document] = dict(self.base.documents)
        self._ids: dict[str, str] = {}
        for what, table in (("document", self.base.documents), ("actor", self.base.actors),
                            ("event", self.base.events), ("post", self.base.affiliations),
                            ("stance", self.base.stances)):
            for key in table:
                self._ids.setdefault(key, what)
        given: list[tuple[str, Iterable[Actor | Event | Affiliation | Stance]]] = list(
            zip(("actor", "event", "post", "stance"), self.base.given, strict=True))
        for what, records in given:
            for record in records:
                self._ids.setdefault(record.id, what)
        self._names: dict[str, set[str]] = {}
        for actor in self._actors.values():
            self._index_names(actor)

    def __repr__(self) -> str:
        return (f"<Builder: {len(self._documents)} documents, {len(self._new_actors)} actors, "
                f"{len(self._events)} events, {len(self._affiliations)} posts, "
                f"{len(self._stances)} stances added>")

    # -- records ---------------------------------------------------------------------------
    def actor(self, id: str, label: str, kind: ActorKind | str, *,
              aliases: Iterable[str] | str = (), wikidata: str | None = None,
              country: ActorRef | None = None, note: str | None = None,
              same_as: Iterable[ActorRef] | ActorRef = (),
              mentions: Iterable[str] | str = (), inferred: Iterable[Any] = ()) -> Actor:
        """Add an actor: a person, state, institution, place, facility, treaty, project or
        topic (``kind``, one of :class:`~korea_graph.core.model.ActorKind`). ``same_as``
        names actors (of other documents) that this one is; ``mentions`` are words a text
        uses for it that are not look-up names ("Moscow" for Russia, "Russian");
        ``inferred`` flags the aliases no document words, each with its public source
        (``{"field": "alias", "value": "DPRK", "reason": "Wikidata Q423"}``)."""
        where = f"actors[{id!r}]"
        names = _aliases(aliases, f"{where}.aliases")
        flagged = _inferred(inferred, f"{where}.inferred")
        check_alias_inferences(names, flagged, f"{where}.inferred")
        actor = Actor(
            id=self._new_id(id, where, "actor"),
            label=_text(label, f"{where}.label"),
            kind=checks.vocabulary(ActorKind, kind, f"{where}.kind"),
            aliases=names,
            wikidata=checks.wikidata(wikidata, f"{where}.wikidata"),
            country=self._actor_ref(country, f"{where}.country", optional=True),
            note=checks.text(note, f"{where}.note", optional=True),
            same_as=tuple(self._actor_ref(ref, f"{where}.same_as[{i}]")
                          for i, ref in enumerate(_listed(same_as))),
            mentions=_aliases(mentions, f"{where}.mentions"),
            inferred=flagged,
        )
        self._check(actor)
        self._take(actor.id, "actor")
        self._actors[actor.id] = actor
        self._new_actors.append(actor)
        self._index_names(actor)
        return actor

    def document(self, id: str, *, title: str, text: str, publisher: ActorRef,
                 published: TimeLike, url: str | None = None, volume: str | None = None,
                 issue: str | None = None, text_file: str | None = None,
                 license: str | None = None, attribution: str | None = None) -> Document:
        """Add a source text: its words (evidence quotes them), the outlet that published
        it (an actor of kind news_outlet) and its publication date. Records added after it
        take their evidence from it unless they name another ``document``."""
        where = f"documents[{id!r}]"
        doc_id = self._new_id(id, where, "document")
        if not isinstance(text, str) or not text.strip():
            raise SchemaError("empty or non-text document text", field=f"{where}.text",
                              expected="the words of the source, as a string")
        file_name = _text(text_file or f"{doc_id}.txt", f"{where}.text_file")
        if "/" in file_name or os.sep in file_name or file_name in (".", ".."):
            raise SchemaError(f"text file {file_name!r} is not a plain file name",
                              field=f"{where}.text_file", expected="a name like my-article.txt")
        outlet = self._actor_ref(publisher, f"{where}.publisher")
        doc = Document(
            id=doc_id, title=_text(title, f"{where}.title"), publisher=outlet,
            published=checks.published(_time_value(published, f"{where}.published"),
                                       f"{where}.published"),
            text=checks.no_surrogates(checks.normalize_text(text), f"{where}.text"),
            url=checks.text(url, f"{where}.url", optional=True),
            volume=checks.text(volume, f"{where}.volume", optional=True),
            issue=checks.text(issue, f"{where}.issue", optional=True), text_file=file_name,
            license=checks.text(license, f"{where}.license", optional=True),
            attribution=checks.text(attribution, f"{where}.attribution", optional=True),
        )
        self._check(doc)
        self._take(doc.id, "document")
        self._documents.append(doc)
        self._all_documents[doc.id] = doc
        return doc

    def event(self, id: str, type: EventType | str, label: str, *,
              participants: Mapping[ActorRef, Role | str] | Iterable[Any],
              when: TimeLike, status: Status | str, evidence: EvidenceLike,
              place: ActorRef | None = None, part_of: str | None = None,
              about: Iterable[str] = (), aliases: Iterable[str] | str = (),
              citations: Iterable[Any] = (), note: str | None = None,
              same_as: Iterable[str] | str = (), wording: str | None = None,
              hedges: Iterable[Any] | str = (), inferred: Iterable[Any] = (),
              document: str | None = None) -> Event:
        """Add an event: its ``type`` (:class:`~korea_graph.core.model.EventType`), the
        actors in it with their roles (``{"igor-ivanov": "host", ...}`` or pairs), when,
        its status as the text gives it, and the words that say so.

        The id of an event of another document adds this document's report of it (one
        event, a claim per source); ``same_as`` links another id to it instead.
        ``wording`` is the source's own name for it, printed in the evidence.
        ``hedges`` are the text's hedging words ("apparently", or ``{"phrase": ...,
        "confidence": "likely"}``), ``inferred`` the attributes the evidence does not word
        (``{"field": "place", "value": "moscow", "reason": ...}``), as in a data file."""
        where = f"events[{id!r}]"
        doc = self._document(document, where)
        event_id = self._new_id(id, where, "event", doc)
        evidence_ = self._evidence(evidence, f"{where}.evidence", doc)
        event = Event(
            id=event_id, type=checks.vocabulary(EventType, type, f"{where}.type"),
            label=_text(label, f"{where}.label"),
            participants=self._participants(participants, f"{where}.participants"),
            when=self._time(when, f"{where}.when", doc),
            status=checks.vocabulary(Status, status, f"{where}.status"),
            evidence=evidence_,
            citations=self._citations(citations, f"{where}.citations", doc),
            place=self._place(place, f"{where}.place"),
            part_of=self._event_ref(part_of, f"{where}.part_of"),
            about=self._event_refs(about, f"{where}.about"),
            aliases=_aliases(aliases, f"{where}.aliases"),
            note=checks.text(note, f"{where}.note", optional=True),
            same_as=self._event_refs(same_as, f"{where}.same_as"),
            wording=checks.wording(wording, evidence_, f"{where}.wording"),
            hedges=_hedges(hedges, f"{where}.hedges"),
            inferred=_inferred(inferred, f"{where}.inferred"),
        )
        self._check(event)
        self._take(event.id, "event")
        self._events.append(event)
        self._claims.setdefault(event.id, []).append(event)
        self._reports.setdefault(event.id, set()).add(doc.id)
        return event

    def post(self, id: str, holder: ActorRef, organization: ActorRef,
             kind: AffiliationKind | str, *, when: TimeLike, status: Status | str,
             evidence: EvidenceLike, title: str | None = None,
             accredited_to: ActorRef | None = None, citations: Iterable[Any] = (),
             note: str | None = None, hedges: Iterable[Any] | str = (),
             inferred: Iterable[Any] = (), document: str | None = None) -> Affiliation:
        """Add a post, membership or tie held over a time (``kind``, one of
        :class:`~korea_graph.core.model.AffiliationKind`): Ivanov heads the ministry."""
        where = f"affiliations[{id!r}]"
        post_id = self._new_id(id, where, "post")
        doc = self._document(document, where)
        post = Affiliation(
            id=post_id, holder=self._actor_ref(holder, f"{where}.holder"),
            organization=self._actor_ref(organization, f"{where}.organization"),
            kind=checks.vocabulary(AffiliationKind, kind, f"{where}.kind"),
            when=self._time(when, f"{where}.when", doc),
            status=checks.vocabulary(Status, status, f"{where}.status"),
            evidence=self._evidence(evidence, f"{where}.evidence", doc),
            title=checks.text(title, f"{where}.title", optional=True),
            accredited_to=self._actor_ref(accredited_to, f"{where}.accredited_to",
                                          optional=True),
            citations=self._citations(citations, f"{where}.citations", doc),
            note=checks.text(note, f"{where}.note", optional=True),
            hedges=_hedges(hedges, f"{where}.hedges"),
            inferred=_inferred(inferred, f"{where}.inferred"),
        )
        self._check(post)
        self._take(post.id, "post")
        self._affiliations.append(post)
        return post

    def stance(self, id: str, holder: ActorRef, attitude: Attitude | str, target: ActorRef,
               *, when: TimeLike, status: Status | str, evidence: EvidenceLike,
               expressed_in: str | None = None, about: Iterable[str] = (),
               citations: Iterable[Any] = (), note: str | None = None,
               hedges: Iterable[Any] | str = (), inferred: Iterable[Any] = (),
               document: str | None = None) -> Stance:
        """Add a stance held over a time (``attitude``, one of
        :class:`~korea_graph.core.model.Attitude`): Moscow opposes missile defence."""
        where = f"stances[{id!r}]"
        stance_id = self._new_id(id, where, "stance")
        doc = self._document(document, where)
        stance = Stance(
            id=stance_id, holder=self._actor_ref(holder, f"{where}.holder"),
            attitude=checks.vocabulary(Attitude, attitude, f"{where}.attitude"),
            target=self._actor_ref(target, f"{where}.target"),
            when=self._time(when, f"{where}.when", doc),
            status=checks.vocabulary(Status, status, f"{where}.status"),
            evidence=self._evidence(evidence, f"{where}.evidence", doc),
            citations=self._citations(citations, f"{where}.citations", doc),
            expressed_in=self._event_ref(expressed_in, f"{where}.expressed_in"),
            about=self._event_refs(about, f"{where}.about"),
            note=checks.text(note, f"{where}.note", optional=True),
            hedges=_hedges(hedges, f"{where}.hedges"),
            inferred=_inferred(inferred, f"{where}.inferred"),
        )
        self._check(stance)
        self._take(stance.id, "stance")
        self._stances.append(stance)
        return stance

    # -- results ---------------------------------------------------------------------------
    def build(self) -> KnowledgeGraph:
        """The base graph with everything added, as a new :class:`KnowledgeGraph`.

        Documents are in order of publication and records in the order of their
        documents, as :func:`~korea_graph.curation.loader.load` orders the files it reads,
        so that the graph written with :meth:`to_yaml` loads back equal."""
        documents = list(self._all_documents.values())
        order = document_order(documents)
        documents.sort(key=lambda d: order[d.id])
        rank = {d.id: i for i, d in enumerate(documents)}

        def in_order(records: list[_R]) -> list[_R]:
            return sorted(records, key=lambda r: rank.get(claim_document(r) or "", len(rank)))

        actors, events, posts, stances = self.base.given
        return KnowledgeGraph(
            documents=documents, actors=[*actors, *self._new_actors],
            events=in_order([*events, *self._events]),
            affiliations=in_order([*posts, *self._affiliations]),
            stances=in_order([*stances, *self._stances]))

    def to_yaml(self, path: str | os.PathLike[str] | None = None, *,
                document: str | None = None) -> str:
        """The data file of ``document`` (by default the last one added, or the only one):
        see :func:`~korea_graph.curation.writer.to_yaml`. A document added here is
        written with the actors added here, and refers to those of the base by id, so it
        loads beside the base's files (``load(path, corpus=True)`` for the shipped ones);
        a document of the base is written whole, with what was added to it."""
        from .writer import to_yaml

        kg = self.build()
        if document is None and self._documents and len(kg.documents) > 1:
            document = self._documents[-1].id
        new = document in {d.id for d in self._documents} or (
            document is None and bool(self._documents))
        base = self.base if new and self.base.documents else None
        return to_yaml(kg, path, document=document, base=base)

    # -- checks ----------------------------------------------------------------------------
    def _new_id(self, value: Any, where: str, what: str, doc: Document | None = None) -> str:
        ident = checks.ident(value, f"{where}.id")
        if what == "event" and self._ids.get(ident) == "event" and doc is not None:
            if doc.id not in self._reports.get(ident, set()):
                return ident  # another document's report of a known event
            raise DuplicateIdError(f"the document {doc.id!r} already reports the event "
                                   f"{ident!r}", field=f"{where}.id",
                                   expected="one report of an event per document")
        if ident in self._ids:
            taken = self._ids[ident]
            article = "an" if taken[0] in "aeiou" else "a"
            raise DuplicateIdError(f"the id {ident!r} is already taken by {article} {taken}",
                                   field=f"{where}.id", expected="a new id")
        return ident

    def _check(self, record: Actor | Document | Event | Affiliation | Stance) -> None:
        """The graph's own rules for one record
        (:func:`~korea_graph.core.validate.check_record`): references to records added
        before, of the kind each field needs, and an event's ``same_as`` that can hold."""
        check_record(record, Scope(self._all_documents, self._actors, self._claims))

    def _take(self, ident: str, what: str) -> None:
        self._ids[ident] = what

    def _index_names(self, actor: Actor) -> None:
        for name in (actor.id, *actor.names):
            self._names.setdefault(normalize(name), set()).add(actor.id)

    def _actor_ref(self, value: Any, field: str, *, optional: bool = False) -> Any:
        """The id of the actor named (an id, label or alias); the kind it must be is the
        graph's rule, checked with the whole record (:meth:`_check`)."""
        if value is None and optional:
            return None
        if isinstance(value, Actor):
            value = value.id
        name = _text(value, field)
        if name in self._actors:
            return name
        ids = self._names.get(normalize(name), set())
        if len(ids) == 1:
            return next(iter(ids))
        if ids:
            raise ReferenceError_(f"{name!r} names several actors: {', '.join(sorted(ids))}",
                                  field=field, expected="one of these ids")
        raise ReferenceError_(f"unknown actor {name!r}", field=field,
                              expected="the id, label or alias of an actor added before"
                              + self._suggest_actor(name))

    def _suggest_actor(self, name: str) -> str:
        import difflib

        close = difflib.get_close_matches(normalize(name), list(self._names), n=3, cutoff=0.7)
        ids = list(dict.fromkeys(i for key in close for i in sorted(self._names[key])))
        if not ids:
            return "; add it with .actor(id, label, kind) first"
        shown = ", ".join(f"{i!r}" for i in ids)
        return f" (did you mean {shown}?)"

    def _place(self, value: Any, field: str) -> str | None:
        return self._actor_ref(value, field, optional=True)  # type: ignore[no-any-return]

    def _event_ref(self, value: Any, field: str) -> str | None:
        if value is None:
            return None
        return _text(value.id if isinstance(value, Event) else value, field)

    def _event_refs(self, value: Any, field: str) -> tuple[str, ...]:
        return tuple(str(self._event_ref(v, f"{field}[{i}]"))
                     for i, v in enumerate(_listed(value)))

    def _participants(self, value: Any, field: str) -> tuple[Participant, ...]:
        pairs: list[Any] = list(value.items()) if isinstance(value, Mapping) \
            and not {"actor", "role"} <= set(value) else \
            ([value] if isinstance(value, (Mapping, Participant)) else list(value or ()))
        out = []
        for index, item in enumerate(pairs):
            where = f"{field}[{index}]"
            actor: Any
            role: Any
            if isinstance(item, Participant):
                actor, role = item.actor, item.role
            elif isinstance(item, Mapping):
                actor, role = item.get("actor"), item.get("role")
            elif isinstance(item, (tuple, list)) and len(item) == 2:
                actor, role = item
            else:
                raise SchemaError(f"expected an actor and a role, got {checks.describe(item)}",
                                  field=where, expected="(actor, role) or {actor: role}")
            out.append(Participant(self._actor_ref(actor, f"{where}.actor"),
                                   checks.vocabulary(Role, role, f"{where}.role")))
        if not out:
            raise SchemaError("no participants", field=field,
                              expected="at least one actor with a role")
        return tuple(out)

    def _document(self, document: str | None, where: str) -> Document:
        field = f"{where}.document"
        if document is not None:
            name = _text(document, field)
            if name not in self._all_documents:
                raise ReferenceError_(f"unknown document {name!r}", field=field,
                                      expected="the id of a document added before"
                                      + checks.suggest(name, self._all_documents))
            return self._all_documents[name]
        if self._documents:
            return self._documents[-1]
        if len(self.base.documents) == 1:
            return next(iter(self.base.documents.values()))
        raise SchemaError("no document for the evidence", field=field,
                          expected="document= one of " + ", ".join(self.base.documents)
                          if self.base.documents else "a document added first with .document()")

    def _time(self, value: Any, field: str, doc: Document) -> TimeSpan:
        return checks.time(_time_value(value, field), field, doc.published)

    def _evidence(self, value: Any, field: str, doc: Document) -> tuple[Evidence, ...]:
        if isinstance(value, (str, Mapping, Evidence)) or _is_offsets(value):
            items = [value]
        elif isinstance(value, Iterable):
            items = list(value)
        else:
            items = [value]
        out = []
        for index, item in enumerate(items):
            where = f"{field}[{index}]"
            if isinstance(item, str):
                out.append(checks.evidence(doc, item, None, where))
            elif _is_offsets(item):
                start, end = item
                if not 0 <= start < end <= len(doc.text):
                    raise SchemaError(f"offsets {start}..{end} are outside the text",
                                      field=where, expected=f"0 <= start < end <= "
                                      f"{len(doc.text)} (the length of {doc.id!r})")
                out.append(checks.evidence(doc, doc.text[start:end], start, where))
            elif isinstance(item, (Mapping, Evidence)):
                given: Mapping[str, Any] = item if isinstance(item, Mapping) else {
                    "quote": item.quote, "start": item.start, "document": item.document}
                named = given.get("document")
                source = doc if named is None else self._document(str(named), where)
                out.append(checks.evidence(source, given.get("quote"), given.get("start"),
                                           where))
            else:
                raise SchemaError(f"expected evidence, got {checks.describe(item)}",
                                  field=where, expected="a quote of the document's text, "
                                  "(start, end) offsets, or {quote, start}")
        if not out:
            raise SchemaError("no evidence", field=field,
                              expected="at least one quote of the document's text")
        return tuple(out)

    def _citations(self, value: Any, field: str, doc: Document) -> tuple[Citation, ...]:
        items = [value] if isinstance(value, (str, Mapping, Citation)) else list(value or ())
        out = []
        for index, item in enumerate(items):
            where = f"{field}[{index}]"
            outlet: Any
            when: Any
            note: Any
            if isinstance(item, Citation):
                outlet, when, note = item.outlet, item.date, item.note
            elif isinstance(item, Mapping):
                outlet, when, note = item.get("outlet"), item.get("date"), item.get("note")
            elif isinstance(item, (tuple, list)) and len(item) == 2:
                (outlet, when), note = item, None
            else:
                outlet, when, note = item, None, None
            ref = self._actor_ref(outlet, f"{where}.outlet")
            out.append(Citation(
                ref, None if when is None else self._time(when, f"{where}.date", doc),
                checks.text(note, f"{where}.note", optional=True)))
        return tuple(out)


def _text(value: Any, field: str) -> str:
    out = checks.text(value, field)
    assert out is not None
    return out


def _listed(value: Any) -> list[Any]:
    return [value] if isinstance(value, (str, Actor, Event)) else list(value or ())


def _hedges(value: Any, field: str) -> tuple[Hedge, ...]:
    out = []
    for index, item in enumerate([value] if isinstance(value, (str, Mapping, Hedge))
                                 else list(value or ())):
        where = f"{field}[{index}]"
        if isinstance(item, Hedge):
            out.append(checks.hedge(item.phrase, item.confidence, where, item.applies_to))
        elif isinstance(item, Mapping):
            _only(item, {"phrase", "confidence", "applies_to"}, where)
            out.append(checks.hedge(item.get("phrase"), item.get("confidence"), where,
                                    item.get("applies_to")))
        else:
            out.append(checks.hedge(item, None, where))
    return tuple(out)


def _inferred(value: Any, field: str) -> tuple[Inference, ...]:
    out = []
    for index, item in enumerate([value] if isinstance(value, (Mapping, Inference))
                                 else list(value or ())):
        where = f"{field}[{index}]"
        if isinstance(item, Inference):
            item = {"field": item.field, "value": item.value, "reason": item.reason}
        elif isinstance(item, (tuple, list)) and len(item) == 3:
            item = dict(zip(("field", "value", "reason"), item, strict=True))
        if not isinstance(item, Mapping):
            raise SchemaError(f"expected an inference, got {checks.describe(item)}", field=where,
                              expected="{field: ..., value: ..., reason: ...}")
        _only(item, {"field", "value", "reason"}, where)
        out.append(checks.inference(item.get("field"), item.get("value"), item.get("reason"),
                                    where))
    return tuple(out)


def _only(item: Mapping[str, Any], allowed: set[str], field: str) -> None:
    for key in item:
        if key not in allowed:
            raise SchemaError(f"unknown field {key!r}", field=f"{field}.{key}",
                              expected="one of " + ", ".join(sorted(allowed)))


def _aliases(value: Any, field: str) -> tuple[str, ...]:
    return checks.texts([value] if isinstance(value, str) else value, field)


def _is_offsets(value: Any) -> bool:
    return (isinstance(value, tuple) and len(value) == 2
            and all(isinstance(v, int) and not isinstance(v, bool) for v in value))


def _time_value(value: Any, field: str) -> Any:
    """The builder's shorthands as data-file forms: ``(first, last)`` is a window, a
    relative phrase ("last week") is resolved against the document's publication date."""
    if isinstance(value, (tuple, list)):
        if len(value) != 2:
            raise DateError(f"a window needs two dates, got {len(value)}", field=field,
                            expected="(FIRST, LAST)")
        return {"between": list(value)}
    if isinstance(value, str) and " ".join(value.lower().split()) in RELATIVE_PHRASES:
        return {"relative": value.strip()}
    return value
