"""Questions in plain English, parsed by the grammar of :data:`GRAMMAR`.

Each form of :mod:`~korea_graph.questions.grammar` maps onto the query functions; names,
verbs, titles and nouns come from the graph (:mod:`~korea_graph.questions.lexicon`), so
a new relation type or alias is askable without new code. A question of no form raises
:class:`~korea_graph.errors.QueryError` with the forms and the nearest one -- never a
guessed answer. Answers say what they left out (``answers.notes``).

>>> from korea_graph import load
>>> kg = load()
>>> answers = ask(kg, "Who met whom Before Putin's trip?")
>>> answers.query.startswith("relations(kg, 'met_with'")
True
>>> print(ask(kg, "what happened on July 19", as_of="2000-07-03").notes[0])
also planned: Putin's visit to Beijing (2000-07-17/2000-07-19); Putin's visit to Pyongyang
(2000-07-19/2000-07-22); Putin's talks with Kim Jong-il in Pyongyang (2000-07-19/2000-07-22)
>>> ask(kg, "what is the meaning of life")
Traceback (most recent call last):
...
korea_graph.errors.QueryError: cannot answer 'what is the meaning of life'; the nearest form is ...
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import Any, Literal

from ..core.graph import KnowledgeGraph
from ..core.model import Event, EventType, Role, Status
from ..core.relations import RelationType
from ..errors import AmbiguousNameError, NotFoundError, QueryError
from .answers import Answers, ClaimRow, ConflictRow, Fact, SourceRow
from .grammar import TIME_WORDS, Binding, Form, Parse, literal_words, nearest
from .query import connections, event_named, events, relations, who_is
from .reading import Reading, finish, peel, read
from .rollup import acting_for, between, for_actor

__all__ = ["FORMS", "GRAMMAR", "Options", "ask"]

Strength = Literal["possibly", "certainly"]
_REAL = frozenset({Status.OCCURRED, Status.REPORTED, Status.DISPUTED})
_PLANNED = frozenset({Status.PLANNED, Status.UNDER_CONSIDERATION})


@dataclass(frozen=True, slots=True)
class Options:
    """How to answer: ``strength`` of time conditions, whether planned (and considered)
    records count, and ``as_of`` (only documents published by then)."""

    strength: Strength = "possibly"
    include_planned: bool = False
    as_of: date | None = None

    @property
    def statuses(self) -> frozenset[Status]:
        return _REAL | _PLANNED if self.include_planned else _REAL


# -- helpers ---------------------------------------------------------------------------
def _actor(kg: KnowledgeGraph, b: Binding | None) -> str | None:
    if b is None:
        return None
    if b.loose:
        return kg.actor(b.text).id
    if isinstance(b.value, list):
        raise AmbiguousNameError(b.text, b.value)
    return str(b.value)


def _event(kg: KnowledgeGraph, b: Binding) -> Event:
    if b.loose:
        return event_named(kg, b.text)
    if isinstance(b.value, list):
        raise AmbiguousNameError(b.text, b.value, what="event")
    return kg.events[b.value]


def _anchor_text(b: Binding) -> Any:
    return b.text if b.loose else (b.value.event or b.value.when)


def _time(p: Parse) -> dict[str, Any]:
    mods = p.get("m")
    time = mods.value.get("time") if mods else None
    if not time:
        return {}
    if time[0] == "between":
        return {"between": (_anchor_text(time[1]), _anchor_text(time[2]))}
    return {time[0]: _anchor_text(time[1])}


def _place(kg: KnowledgeGraph, p: Parse) -> str | None:
    mods = p.get("m")
    place = mods.value.get("place") if mods else None
    return str(place.value) if place else None


def _record_place(kg: KnowledgeGraph, record_id: str) -> set[str]:
    record = kg.record(record_id)
    places = set()
    event = record if isinstance(record, Event) else None
    while event is not None:
        if event.place:
            places.add(event.place)
        event = kg.events.get(event.part_of) if event.part_of else None
    return places


def _types(p: Parse) -> list[RelationType]:
    return sorted(p["v"].value)


@dataclass
class _Query:
    """One query, run with the asked statuses and again with all, to say what it left out."""

    run: Callable[[frozenset[Status]], Answers[Any]]
    place: str | None = None
    columns: Sequence[str] | None = None


def _rel(kg: KnowledgeGraph, p: Parse, o: Options, *, source: str | None = None,
         target: str | None = None, columns: Sequence[str] | None = None) -> _Query:
    types = _types(p)
    time = _time(p)

    def run(statuses: frozenset[Status]) -> Answers[Any]:
        return relations(kg, types, source=source, target=target, strength=o.strength,
                         statuses=statuses, **time)

    return _Query(run, _place(kg, p), columns)


def _pair(kg: KnowledgeGraph, p: Parse, o: Options, columns: Sequence[str] | None = None
          ) -> _Query:
    x, y = _actor(kg, p["x"]), _actor(kg, p.get("y"))
    types = _types(p)
    time = _time(p)

    def run(statuses: frozenset[Status]) -> Answers[Any]:
        if y is None:
            return relations(kg, types, source=x, strength=o.strength, statuses=statuses,
                             **time)
        return between(kg, x or y, y, types, strength=o.strength, statuses=statuses, **time)

    return _Query(run, _place(kg, p), columns)


_WHEN = ("date", "subject", "relation", "object", "status", "time_condition")
_WHERE = ("place", "date", "subject", "relation", "object", "status")


# -- handlers --------------------------------------------------------------------------
def _all(kg: KnowledgeGraph, p: Parse, o: Options) -> _Query:
    return _rel(kg, p, o)


def _to(kg: KnowledgeGraph, p: Parse, o: Options) -> _Query:
    return _rel(kg, p, o, target=_actor(kg, p["y"]))


def _from(kg: KnowledgeGraph, p: Parse, o: Options) -> _Query:
    return _rel(kg, p, o, source=_actor(kg, p["x"]))


def _by(kg: KnowledgeGraph, p: Parse, o: Options) -> _Query:
    return _rel(kg, p, o, source=_actor(kg, p.get("x")))


def _when(kg: KnowledgeGraph, p: Parse, o: Options) -> _Query:
    return _pair(kg, p, o, _WHEN)


def _where(kg: KnowledgeGraph, p: Parse, o: Options) -> _Query:
    return _pair(kg, p, o, _WHERE)


def _did(kg: KnowledgeGraph, p: Parse, o: Options) -> _Query:
    return _pair(kg, p, o)


def _both(kg: KnowledgeGraph, p: Parse, o: Options) -> _Query:
    """What X and Y did in the same record to the same thing (discussed, signed...)."""
    x, y = _actor(kg, p["x"]), _actor(kg, p["y"])
    types = _types(p)
    time = _time(p)

    def of(who: str | None, statuses: frozenset[Status]) -> Answers[Any]:
        # a state or institution acts through its people ("what did Russia and North
        # Korea sign": their leaders signed)
        if who is not None and kg.actors[who].kind.category in ("state", "institution"):
            return for_actor(kg, who, types, strength=o.strength, statuses=statuses, **time)
        return relations(kg, types, source=who, strength=o.strength, statuses=statuses,
                         **time)

    def run(statuses: frozenset[Status]) -> Answers[Any]:
        mine, theirs = (of(who, statuses) for who in (x, y))
        shared = {(r.record_id, r.object_id) for r in mine} & {
            (r.record_id, r.object_id) for r in theirs}
        rows = [r for r in [*mine, *theirs] if (r.record_id, r.object_id) in shared]
        rows.sort(key=lambda f: (f.certainty == "possible", f.when.sort_key()))
        return Answers(rows, question="", query=f"{mine.query} and {theirs.query}, the same "
                                                "record and object")

    return _Query(run, _place(kg, p))


def _posts(kg: KnowledgeGraph, p: Parse, o: Options) -> _Query:
    ids = p["p"].value
    org = _actor(kg, p["o"]) if "o" in p else None
    time = _time(p)
    anchor = next(iter(time.values())) if time and "between" not in time else None
    if "between" in time:
        raise QueryError("ask who held a post on or in a date, not between two")

    def run(statuses: frozenset[Status]) -> Answers[Any]:
        from .query import resolve_anchor

        at = resolve_anchor(kg, anchor).when if anchor is not None else None
        rows = []
        seen: set[str] = set()
        for rel in kg.all_relations:
            aff = kg.affiliations.get(rel.record)
            if aff is None or aff.id not in ids or rel.source != aff.holder:
                continue
            if aff.id in seen:  # one row per post (an ambassador's accreditation is its own)
                continue
            if rel.status not in statuses:
                continue
            if org is not None and org not in (aff.organization, aff.accredited_to) and \
                    org not in acting_for(kg, aff.organization, aff.when):
                continue
            certainty = None
            if at is not None:
                if not aff.when.possibly_overlaps(at):
                    continue
                # "in July": held at some time in it (overlap), certain if whatever the
                # uncertainty of the post's start and end
                certainty = "certain" if aff.when.certainly_overlaps(at) else "possible"
                if certainty == "possible" and o.strength == "certainly":
                    continue
            from .query import _fact

            seen.add(aff.id)
            rows.append(_fact(kg, rel, certainty))
        rows.sort(key=lambda f: (f.certainty == "possible", f.when.sort_key()))
        query = (f"posts(kg, titles={sorted(ids)}, organization={org!r}, "
                 f"at={str(at) if at else None!r})")
        return Answers(rows, question="", query=query)

    return _Query(run)


def _happened(kg: KnowledgeGraph, p: Parse, o: Options, *, involving: str | None = None,
              types: Iterable[EventType] | None = None) -> _Query:
    time = _time(p)
    kinds = sorted(types) if types else None

    def run(statuses: frozenset[Status]) -> Answers[Any]:
        return events(kg, involving=involving, types=kinds, strength=o.strength,
                      statuses=statuses, **time)

    return _Query(run, _place(kg, p))


def _what_happened(kg: KnowledgeGraph, p: Parse, o: Options) -> _Query:
    return _happened(kg, p, o)


def _what_did_do(kg: KnowledgeGraph, p: Parse, o: Options) -> _Query:
    return _happened(kg, p, o, involving=_actor(kg, p["x"]))


def _event_itself(kg: KnowledgeGraph, p: Parse, o: Options,
                  columns: Sequence[str] | None = None) -> _Query:
    event = _event(kg, p["e"])

    def run(statuses: frozenset[Status]) -> Answers[Any]:
        answers = events(kg, statuses=statuses)
        answers.rows = [r for r in answers.rows if r.event_id == event.id]
        answers.query = f"events(kg, id={event.id!r}, statuses={sorted(statuses)})"
        return answers

    return _Query(run, columns=columns)


def _when_event(kg: KnowledgeGraph, p: Parse, o: Options) -> _Query:
    return _event_itself(kg, p, o, ("date", "label", "status", "time_condition"))


def _where_event(kg: KnowledgeGraph, p: Parse, o: Options) -> _Query:
    return _event_itself(kg, p, o, ("place", "date", "label", "status"))


def _participants(kg: KnowledgeGraph, p: Parse, o: Options,
                  roles: Iterable[Role] | None = None, kinds: Iterable[EventType] | None = None
                  ) -> _Query:
    event = _event(kg, p["e"]) if "e" in p else None
    time = _time(p)
    wanted_roles = set(roles) if roles else None

    def run(statuses: frozenset[Status]) -> Answers[Any]:
        base = events(kg, types=sorted(kinds) if kinds else None, strength=o.strength,
                      statuses=statuses, **time)
        rows = []
        for erow in base:
            if event is not None and erow.event_id != event.id:
                continue
            record = kg.events[erow.event_id]
            for part in record.participants:
                if wanted_roles is not None and part.role not in wanted_roles:
                    continue
                if wanted_roles is None and part.role in (Role.TOPIC, Role.OBJECT,
                                                          Role.SUPERSEDED, Role.OUTCOME):
                    continue
                rows.append(Fact(
                    subject=kg.actors[part.actor].label, subject_id=part.actor,
                    relation=part.role.value, object=record.label, object_id=record.id,
                    when=record.when, status=record.status, record_id=record.id,
                    evidence=record.evidence, certainty=erow.certainty,
                    place=erow.place))
        query = (f"participants(kg, event={event.id if event else None!r}, "
                 f"roles={sorted(wanted_roles) if wanted_roles else None}, over {base.query})")
        return Answers(rows, question="", query=query)

    return _Query(run)


def _took_part(kg: KnowledgeGraph, p: Parse, o: Options) -> _Query:
    return _participants(kg, p, o)


def _role_in(kg: KnowledgeGraph, p: Parse, o: Options) -> _Query:
    return _participants(kg, p, o, roles=p["r"].value, kinds=p["k"].value)


def _nouns(kg: KnowledgeGraph, p: Parse, o: Options) -> _Query:
    rel_types, event_types = p["k"].value
    x, y = _actor(kg, p.get("x")), _actor(kg, p.get("y"))
    time = _time(p)
    if y is not None:
        def run(statuses: frozenset[Status]) -> Answers[Any]:
            return between(kg, x or y, y, sorted(rel_types) if rel_types else None,
                           event_types=None if rel_types else event_types,
                           strength=o.strength, statuses=statuses, **time)
        return _Query(run, _place(kg, p))
    if rel_types:
        def run_rel(statuses: frozenset[Status]) -> Answers[Any]:
            return relations(kg, sorted(rel_types), source=x, strength=o.strength,
                             statuses=statuses, **time)
        return _Query(run_rel, _place(kg, p))
    return _happened(kg, p, o, involving=x, types=event_types)


def _sources(kg: KnowledgeGraph, p: Parse, o: Options) -> _Query:
    event = _event(kg, p["e"])

    def run(statuses: frozenset[Status]) -> Answers[Any]:
        rows = [SourceRow(kg.actors[c.outlet].label, c.outlet, str(c.date) if c.date else None,
                          event.id, event.label, event.status, event.evidence)
                for c in event.citations] if event.status in statuses else []
        return Answers(rows, question="", query=f"citations(kg, {event.id!r})")

    return _Query(run)


def _claims(kg: KnowledgeGraph, p: Parse, o: Options) -> _Query:
    event = _event(kg, p["e"])

    def run(statuses: frozenset[Status]) -> Answers[Any]:
        rows = []
        for claim in kg.claims(event):
            doc = claim.evidence[0].document if claim.evidence else None
            document = kg.documents.get(doc) if doc else None
            rows.append(ClaimRow(
                document.title if document else "(no document)",
                str(document.published) if document else "", event.id, claim.label,
                claim.when, claim.status,
                kg.actors[claim.place].label if claim.place else None, claim.evidence))
        return Answers(rows, question="", query=f"kg.claims({event.id!r})")

    return _Query(run)


def _conflicts(kg: KnowledgeGraph, p: Parse, o: Options) -> _Query:
    def run(statuses: frozenset[Status]) -> Answers[Any]:
        rows = []
        # disagreements of content first, then what documents doubt, then names
        rank = {"content": 0, "doubt": 1, "name": 2}
        for c in sorted(kg.conflicts(), key=lambda c: (rank[c.kind], c.event, c.field)):
            a, b = c.claims
            titles = {d.id: d.title for d in kg.documents.values()}
            rows.append(ConflictRow(c.event, c.label, c.field,
                                    titles.get(a.document or "", str(a.document)), a.value,
                                    titles.get(b.document or "", str(b.document)), b.value,
                                    a.evidence + b.evidence, c.note, c.kind))
        return Answers(rows, question="", query="kg.conflicts()")

    return _Query(run)


def _known_on(kg: KnowledgeGraph, p: Parse, o: Options) -> _Query:
    anchor = p["d"]
    day = _as_of_date(kg, anchor.text if anchor.loose else anchor.value.when.iso())

    def run(statuses: frozenset[Status]) -> Answers[Any]:
        known = kg.select(as_of=day)
        answers = events(known, statuses=list(Status))
        answers.query = f"events(kg.select(as_of={str(day)!r}), statuses=all)"
        return answers

    return _Query(run)


def _connected(kg: KnowledgeGraph, p: Parse, o: Options) -> _Query:
    x, y = _actor(kg, p["x"]), _actor(kg, p["y"])
    return _Query(lambda statuses: connections(kg, x or "", y or "", statuses=statuses))


def _who_is(kg: KnowledgeGraph, p: Parse, o: Options) -> _Query:
    x = _actor(kg, p["x"])
    return _Query(lambda statuses: who_is(kg, x or ""))


M = "<MODS:m>"
#: The question forms, in the order they are tried; each with an example that the
#: question set (tests/test_question_set.py) answers from the texts.
GRAMMAR: list[Form] = [
    # who did what to whom
    Form(f"who|which <VERB:v> whom|what|who {M}", "who met whom before Putin's trip", _all,
         "every relation of the verb"),
    Form(f"who|which|what <VERB:v> <ACTOR:y> {M}", "who visited Moscow", _to,
         "who did it to Y"),
    Form(f"what|whom|who|which did|does|do|will|would <ACTOR:x> <VERB_BASE:v> {M}",
         "what did Russia oppose", _from, "what X did, in any tense"),
    Form(f"what|whom|who|which did|does|do|will|would <ACTOR:x> and <ACTOR:y> <VERB_BASE:v> "
         f"{M}", "what did Ivanov and Lee Joung-binn discuss", _both, "what both did, together"),
    Form(f"what|whom|who has|have|had <ACTOR:x> <VERB_PART:v> {M}",
         "who has Ivanov met", _from),
    Form(f"what|who|whom was|were|is|are|has_been|have_been|had_been <VERB_PART:v> by "
         f"<ACTOR:x> {M}", "what was proposed by Ivanov", _by),
    Form(f"what|who|whom was|were|is|are|has_been|have_been|had_been <VERB_PART:v> {M}",
         "what was signed in February 2000", _by, "the passive"),
    Form(f"who|what|which is|was|are|were <COPULA:v> <ACTOR:y> {M}",
         "who was a member of the North Korean delegation", _to),
    Form(f"what|who|which is|was|are|were <ACTOR:x> <COPULA:v> {M}",
         "what is Russia interested in", _from),
    Form(f"when did|does|will|would <ACTOR:x> <VERB_BASE:v> <ACTOR:y>? {M}",
         "when did Putin write to Kim Jong-il", _when),
    Form(f"when did|does|will|would <ACTOR:x> and <ACTOR:y> <VERB_BASE:v> {M}",
         "when did Mamedov and Jai-chun Lee meet", _when),
    Form(f"where did|does|will|would <ACTOR:x> <VERB_BASE:v> <ACTOR:y>? {M}",
         "where did Losyukov meet Kim Yong-nam", _where),
    Form(f"where did|does|will|would <ACTOR:x> and <ACTOR:y> <VERB_BASE:v> {M}",
         "where did Mamedov and Jai-chun Lee meet", _where),
    Form(f"did|does|do|has|have <ACTOR:x> <VERB_ANY:v> <ACTOR:y> {M}",
         "did Ivanov meet Kim Yong-nam", _did, "yes if there are rows"),
    # posts
    Form(f"who is|was|were [the] <POST:p> of|in|at|to <ACTOR:o> {M}",
         "who was head of North Korea's parliament", _posts),
    Form(f"who is|was|were [the] <POSS:o> <POST:p> {M}",
         "who was North Korea's foreign minister on June 27", _posts),
    Form(f"who is|was|were [the] <DEMONYM:o> <POST:p> {M}",
         "who was the Russian president on June 28", _posts),
    Form(f"who is|was|were [the] <POST:p> {M}", "who was foreign minister in February 2000",
         _posts),
    # events
    Form(f"what happened|occurred|took_place {M}", "what happened between June 28 and June 30",
         _what_happened),
    Form(f"what did <ACTOR:x> do {M}", "what did Klebanov do", _what_did_do),
    Form("when was|is|were|will_be <EVENT:e>", "when was the inter-Korean summit", _when_event),
    Form("when did|will|does <EVENT:e> happen|take_place|occur|begin|start|end",
         "when did the Sheremetyevo meeting take place", _when_event),
    Form("did|was|has|have|were <EVENT:e> happen|take_place|occur|go_ahead|taken_place|"
         "happened|occurred|gone_ahead",
         "did Putin's visit to Pyongyang take place", _when_event, "yes if it occurred"),
    Form("where was|is|were|will_be <EVENT:e>", "where was the Sheremetyevo meeting",
         _where_event),
    Form("where did|will|does <EVENT:e> happen|take_place|occur",
         "where did the Ivanov-Lee talks take place", _where_event),
    Form("who took_part_in|attended|joined|was_at|were_at|was_in|took_part_at <EVENT:e>",
         "who took part in the Ivanov-Lee talks", _took_part),
    Form(f"who <ROLEVERB:r> a|an|the|any <KIND:k> {M}", "who received a letter", _role_in),
    Form(f"[list|show] [all|the] <NOUN:k> between <ACTOR:x> and <ACTOR:y> {M}",
         "meetings between Russia and South Korea", _nouns, "states for their people"),
    Form(f"[list|show] [all|the] <NOUN:k> of|with|involving|by <ACTOR:x> {M}",
         "meetings with Kim Yong-nam", _nouns),
    Form(f"what|which <NOUN:k> [took_place|happened|were_there|are_there|occurred] {M}",
         "which summits took place in June 2000", _nouns),
    Form(f"[list|show] [all|the] <NOUN:k> {M}", "visits before Putin's trip", _nouns),
    # sources
    Form("which|what outlets|sources|agencies|media|newspapers reported|cited|covered "
         "[on] <EVENT:e>", "which outlets reported the Sheremetyevo meeting", _sources),
    Form("who reported|cited|covered [on] <EVENT:e>", "who reported Putin's letter to Kim Jong-il",
         _sources),
    Form("which|what documents|texts|reports report|support|mention|describe [on] <EVENT:e>",
         "which documents report the Sheremetyevo meeting", _claims, "each source's own claim"),
    Form("what does|do|did each source|document|text say about|of <EVENT:e>",
         "what does each source say about Putin's trip", _claims),
    Form("where|how do|did|does [the] sources|documents|reports disagree|conflict|differ",
         "where do the sources disagree", _conflicts),
    Form("what did we know on|by|in|as_of <ANCHOR:d>", "what did we know on June 30",
         _known_on, "as told by the documents published by then"),
    Form("what was known on|by|in|as_of <ANCHOR:d>", "what was known by July 3, 2000",
         _known_on),
    # actors
    Form("how is|was|are|were <ACTOR:x> connected|linked|related to|with <ACTOR:y>",
         "how is Losyukov connected to Kim Jong-il", _connected),
    Form("how are|were <ACTOR:x> and <ACTOR:y> connected|linked|related",
         "how are Putin and Kim Dae-jung connected", _connected),
    Form("who|what is|was|are|were [the] <ACTOR:x>", "who is Paek Nam-sun", _who_is),
]

_GRAMMAR_WORDS = frozenset(
    {w for f in GRAMMAR for item in f.items for w in literal_words(item)}
    | {w for words in TIME_WORDS for w in words} | {"a", "an", "the", "and", "of"})

#: The forms as shown to users (``ask --help``, refusals), each with an example.
FORMS: tuple[str, ...] = tuple(f"{f.shown}   e.g. \"{f.example}\"" for f in GRAMMAR)


def ask(kg: KnowledgeGraph, question: str, *, strength: Strength = "possibly",
        include_planned: bool = False, as_of: date | str | None = None) -> Answers[Any]:
    """Answer a plain-English question of one of the :data:`FORMS`.

    ``strength="certainly"`` keeps only rows that certainly meet the time condition;
    ``include_planned`` counts planned and considered records; ``as_of`` keeps only
    what documents published by that day say. ``answers.notes`` says what was left out
    ("also planned: ...", "not counted: ... (did not happen)").
    """
    try:
        reading = read(kg, question)
    except AmbiguousNameError as exc:
        raise _ambiguous(kg, exc) from None
    when = _as_of_date(kg, as_of if as_of is not None else reading.as_of)
    graph = kg.select(as_of=when) if when is not None else kg
    options = Options(strength, include_planned, when)
    if reading.answer in ("plans", "status"):
        answers = _plans(graph, options) if reading.answer == "plans" else events(
            graph, statuses=[Status(reading.status or "occurred")])
        answers.question, answers.understood = question, reading.understood
        if not answers.rows:
            answers.notes.append("nothing in the documents answers this (nothing is inferred)")
        return answers
    parse_, _form, plan, answers, everything, reading = _answer(graph, reading, options)
    if plan.place is not None:
        answers.rows = [r for r in answers.rows if _at_place(graph, r, plan.place)]
        everything.rows = [r for r in everything.rows if _at_place(graph, r, plan.place)]
        answers.query += f" at place {plan.place!r}"
    answers.question = question
    if plan.columns:
        answers = Answers(answers.rows, question=question, query=answers.query,
                          columns=plan.columns)
    everything = finish(graph, replace(reading, answer="rows"), everything)
    answers.notes = _left_out(graph, answers, everything)
    answers = finish(graph, reading, answers)
    answers.understood = _understood(graph, parse_, reading)
    if len(answers) == 0 and not answers.notes:
        answers.notes.append("nothing in the documents answers this (nothing is inferred)")
    if when is not None:
        answers.query += f" as of {when}"
        answers.notes.append(f"as of {when}: only documents published by then "
                             f"({', '.join(graph.documents) or 'none'})")
    return answers


def _answer(kg: KnowledgeGraph, reading: Reading, options: Options
            ) -> tuple[Parse, Form, _Query, Answers[Any], Answers[Any], Reading]:
    """Parse and run the reading's clause; when the grammar refuses it, try it without
    its last extra argument ("... to Lee Joung-binn"), which then narrows the answer."""
    first: QueryError | None = None
    # names from the vocabulary first (the clause, then without its extra arguments),
    # then names taken loosely, for the errors that name them
    for passes in ((True,), (False,)):
        current: Reading | None = reading
        while current is not None:
            try:
                parse_, form = _parse(kg, current.clause, passes)
                plan, answers, everything = _run(kg, form, parse_, options)
                plan, answers, everything, current = _widen(kg, form, parse_, options, plan,
                                                            answers, everything, current)
                return parse_, form, plan, answers, everything, current
            except QueryError as exc:
                if first is None or (passes == (False,) and "cannot answer" in str(first)):
                    first = exc
                current = peel(kg, current)
    assert first is not None
    message = str(first).replace(repr(reading.clause), repr(reading.asked), 1)
    raise QueryError(message) from None


def parse_reading(kg: KnowledgeGraph, reading: Reading
                  ) -> tuple[Parse, Form, Reading] | None:
    """The parse of the reading's clause, without extra arguments the grammar does not
    take ("... to Lee Joung-binn") if need be; None if no clause parses with known names
    (for a store, which then reads its documents whole)."""
    current: Reading | None = reading
    while current is not None:
        try:
            parse_, form = _parse(kg, current.clause)
            if not any(b.loose for b in parse_.values()):
                return parse_, form, current
        except QueryError:
            pass
        current = peel(kg, current)
    return None


def _run(kg: KnowledgeGraph, form: Form, parse_: Parse, options: Options
         ) -> tuple[_Query, Answers[Any], Answers[Any]]:
    try:
        plan: _Query = form.handler(kg, parse_, options)
        return plan, plan.run(options.statuses), plan.run(frozenset(Status))
    except AmbiguousNameError as exc:
        raise _ambiguous(kg, exc) from None
    except NotFoundError as exc:
        raise QueryError(str(exc)) from None


def _ambiguous(kg: KnowledgeGraph, exc: AmbiguousNameError) -> QueryError:
    """The refusal of a name several records answer to, listing them."""
    labels = {**{a.id: a.label for a in kg.actors.values()},
              **{e.id: e.label for e in kg.events.values()}}
    choices = "; ".join(f"{labels.get(c, c)} ({c})" for c in exc.candidates)
    return QueryError(f"{exc.name!r} could mean several {exc.what}s: {choices}. "
                      "Ask again with one of them.")


def _widen(kg: KnowledgeGraph, form: Form, parse_: Parse, options: Options, plan: _Query,
           answers: Answers[Any], everything: Answers[Any], reading: Reading
           ) -> tuple[_Query, Answers[Any], Answers[Any], Reading]:
    """A city standing for its state ("what does Moscow oppose") and a state or
    institution for its people ("who did Russia meet", "Russian officials"): read so
    when the question says so, or when the actor itself holds no answer."""
    x = parse_.get("x")
    if x is None and form.handler is _to:
        return _widen_object(kg, parse_, options, plan, answers, everything, reading)
    if x is None or "v" not in parse_ or x.loose or not isinstance(x.value, str):
        return plan, answers, everything, reading
    actor = kg.actors[x.value]
    if len(answers) == 0 and actor.kind.category == "place":
        state = _state_of_place(kg, actor.id)
        if state is not None:
            widened = {**parse_, "x": Binding(state, x.text)}
            plan, answers, everything = _run(kg, form, widened, options)
            reading = replace(reading, steps=[*reading.steps, f"{actor.label} read as "
                                              f"{kg.actors[state].label}"])
            parse_, actor = widened, kg.actors[state]
    wanted = actor.id in reading.people_of or (
        len(answers) == 0 and actor.kind.category in ("state", "institution"))
    if not wanted or form.handler not in (_from, _by, _pair_handlers()):
        return plan, answers, everything, reading
    y = _actor(kg, parse_.get("y")) if parse_.get("y") is not None else None
    types, time = _types(parse_), _time(parse_)

    def run(statuses: frozenset[Status]) -> Answers[Any]:
        if y is not None:
            return between(kg, actor.id, y, types, strength=options.strength,
                           statuses=statuses, **time)
        return for_actor(kg, actor.id, types, strength=options.strength, statuses=statuses,
                         **time)

    rolled = _Query(run, plan.place, plan.columns)
    step = f"{actor.label} and its people"
    steps = reading.steps if step in reading.steps else [*reading.steps, step]
    return (rolled, rolled.run(options.statuses), rolled.run(frozenset(Status)),
            replace(reading, steps=steps))


def _pair_handlers() -> Any:
    return _did


def _widen_object(kg: KnowledgeGraph, parse_: Parse, options: Options, plan: _Query,
                  answers: Answers[Any], everything: Answers[Any], reading: Reading
                  ) -> tuple[_Query, Answers[Any], Answers[Any], Reading]:
    """"who met North Korean officials": the meetings of anyone acting for the state
    (symmetric relations only: who visited Russia is not who visited its officials)."""
    y = parse_.get("y")
    if y is None or y.loose or not isinstance(y.value, str):
        return plan, answers, everything, reading
    actor = kg.actors[y.value]
    types = [t for t in _types(parse_) if t.symmetric]
    wanted = actor.id in reading.people_of or (
        len(answers) == 0 and actor.kind.category in ("state", "institution"))
    if not wanted or not types:
        return plan, answers, everything, reading
    time = _time(parse_)

    def run(statuses: frozenset[Status]) -> Answers[Any]:
        rolled = for_actor(kg, actor.id, types, strength=options.strength,
                           statuses=statuses, **time)
        rolled.rows = [replace(_turned(r), object_for=actor.label, subject_for=None)
                       for r in rolled.rows]
        return rolled

    query = _Query(run, plan.place, plan.columns)
    step = f"{actor.label} and its people"
    steps = reading.steps if step in reading.steps else [*reading.steps, step]
    return (query, query.run(options.statuses), query.run(frozenset(Status)),
            replace(reading, steps=steps))


def _turned(fact: Fact) -> Fact:
    return replace(fact, subject=fact.object, subject_id=fact.object_id, object=fact.subject,
                   object_id=fact.subject_id)


def _state_of_place(kg: KnowledgeGraph, place: str) -> str | None:
    """The state a city stands for: one whose ``mentions`` name it ("Moscow" for
    Russia), else the state it lies in."""
    label = kg.actors[place].label
    for actor in kg.actors.values():
        if actor.kind.category == "state" and label in actor.mentions:
            return actor.id
    country = kg.actors[place].country
    return country if country in kg.actors else None


def _understood(kg: KnowledgeGraph, parse_: Parse, reading: Reading) -> str:
    """``understood as: met_with · Igor Ivanov · before 2000-07-19 (Putin's visit...)``."""
    parts: list[str] = []
    if "v" in parse_ and not parse_["v"].loose:
        parts.append(" or ".join(sorted(t.value for t in parse_["v"].value)))
    for name in ("x", "y", "e", "o"):
        b = parse_.get(name)
        if b is None or b.loose or not isinstance(b.value, str):
            continue
        table = kg.events if name == "e" else kg.actors
        record = table.get(b.value)
        if record is not None:
            parts.append(record.label)
    mods = parse_.get("m")
    time = mods.value.get("time") if mods is not None and isinstance(mods.value, dict) else None
    if time:
        anchors = [a for a in time[1:] if isinstance(a, Binding) and not a.loose]
        said = " and ".join(f"{a.value.when}" + (f" ({a.value.label})" if a.value.event
                                                  else "") for a in anchors)
        parts.append(f"{time[0]} {said}".strip())
    place = mods.value.get("place") if mods is not None and isinstance(mods.value, dict) \
        else None
    if place is not None:
        parts.append(f"in {kg.actors[place.value].label}")
    parts += [s for s in reading.steps if s not in parts]
    return "understood as: " + " · ".join(parts) if parts else ""


def _plans(kg: KnowledgeGraph, o: Options) -> Answers[Any]:
    """What was planned but, as the documents tell it, did not happen: every event a
    source says did not happen, and every plan still only planned whose time is past by
    the last document's publication."""
    latest = max((d.published.start_min for d in kg.documents.values()
                  if d.published.start_min), default=None)
    answers = events(kg, statuses=[Status.DID_NOT_HAPPEN, Status.PLANNED,
                                   Status.UNDER_CONSIDERATION])
    rows = []
    for row in answers.rows:
        event = kg.events[row.event_id]
        past = latest is not None and event.when.end_max is not None and \
            event.when.end_max < latest
        if event.status is Status.DID_NOT_HAPPEN or past:
            rows.append(row)
    answers.rows = rows
    answers.query = f"plans that did not happen (did_not_happen, or planned and past by {latest})"
    answers.notes.append("a plan counts when no document reports that it took place and its "
                         f"time had passed by {latest}, the latest publication")
    return answers


def _parse(kg: KnowledgeGraph, question: str, passes: tuple[bool, ...] = (True, False)
           ) -> tuple[Parse, Form]:
    text = question.strip().rstrip("?.!").strip()
    for strict in passes:
        best: tuple[int, int, int, int, Parse, Form] | None = None
        for order, form in enumerate(GRAMMAR):
            for parse_ in form.parse(kg, text, strict=strict):
                if not all(_name_like(kg, b) for b in parse_.values()):
                    continue
                loose = sum(b.loose for b in parse_.values())
                width = sum(len(b.text) for b in parse_.values() if b.loose)
                unknown = sum(not _resolves(kg, slot, b) for slot, b in parse_.items()
                              if b.loose)
                key = (unknown, loose, width, order)
                if best is None or key < best[:4]:
                    best = (unknown, loose, width, order, parse_, form)
            if best is not None and strict:
                break
        if best is not None:
            return best[4], best[5]
    if False not in passes:  # a first pass: the caller tries further before refusing
        raise QueryError(f"cannot answer {question!r}")
    near = nearest(GRAMMAR, text)
    raise QueryError(
        f"cannot answer {question!r}; the nearest form is \"{near.shown}\" "
        f"(e.g. \"{near.example}\"). Ask one of:\n  - " + "\n  - ".join(FORMS))


def _resolves(kg: KnowledgeGraph, slot: str, b: Binding) -> bool:
    """Whether a name taken loosely still finds its actor or event (a loose parse whose
    names resolve answers before one whose names do not)."""
    if isinstance(b.value, dict) or not b.text:
        return True
    try:
        if slot == "e":
            event_named(kg, b.text)
        else:
            kg.actor(b.text)
    except (NotFoundError, AmbiguousNameError):
        return False
    return True


def _name_like(kg: KnowledgeGraph, b: Binding) -> bool:
    """Whether a name the vocabulary does not know may still be meant as one: it is
    capitalised ("Kim Il-sung") or shares a word with a known name ("Putin visit")."""
    if not b.loose:
        return True
    if isinstance(b.value, dict):  # time and place modifiers: their anchors
        time = b.value.get("time") or ()
        return all(_name_like(kg, a) for a in time if isinstance(a, Binding))
    if b.text[:1].isupper():
        return True
    from .lexicon import lexicon
    from .words import tokenize

    known = lexicon(kg).known_words - _GRAMMAR_WORDS
    return any(t.norm in known for t in tokenize(b.text))


def _at_place(kg: KnowledgeGraph, row: Any, place: str) -> bool:
    record = getattr(row, "record_id", None) or getattr(row, "event_id", None)
    return record is not None and place in _record_place(kg, record)


def _key(row: Any) -> tuple[Any, ...]:
    return (getattr(row, "record_id", None) or getattr(row, "event_id", None),
            getattr(row, "subject_id", None), getattr(row, "object_id", None),
            getattr(row, "outlet_id", None))


def _left_out(kg: KnowledgeGraph, answers: Answers[Any], everything: Answers[Any]) -> list[str]:
    shown = {_key(r) for r in answers.rows}
    left: dict[str, dict[str, str]] = {"planned": {}, "considered": {}, "unreal": {}}
    for row in everything.rows:
        if _key(row) in shown:
            continue
        record = getattr(row, "record_id", None) or getattr(row, "event_id", None)
        if record is None or not hasattr(row, "status"):
            continue  # a path is told by its steps, each row of its own
        label = _label(kg, row, record)
        if row.status is Status.PLANNED:
            left["planned"].setdefault(label, f"{label} ({row.when})")
        elif row.status is Status.UNDER_CONSIDERATION:
            left["considered"].setdefault(label, f"{label} ({row.when})")
        elif row.status is Status.DID_NOT_HAPPEN:
            left["unreal"].setdefault(label, f"{label} (did not happen)")
    heads = {"planned": "also planned", "considered": "also under consideration",
             "unreal": "not counted"}
    return [f"{heads[k]}: " + "; ".join(v.values()) for k, v in left.items() if v]


def _label(kg: KnowledgeGraph, row: Any, record: str | None) -> str:
    if record is not None and record in kg.events:
        return kg.events[record].label
    if isinstance(row, Fact):
        return f"{row.subject} {row.relation.replace('_', ' ')} {row.object}"
    return str(record)


def _as_of_date(kg: KnowledgeGraph, value: date | str | None) -> date | None:
    if value is None or isinstance(value, date):
        return value
    from .query import resolve_anchor

    span = resolve_anchor(kg, value).when
    if span.end_max is None:
        raise QueryError(f"as_of {value!r} has no last day; give a date")
    return span.end_max
