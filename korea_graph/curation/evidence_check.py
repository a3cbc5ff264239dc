"""Check that every attribute of a record is worded in that record's evidence.

A curated record says more than "this sentence exists": it names a place, participants
in roles, aliases, a holder and an organisation, a post title, hedging words. Each of
them must be *named in the record's own evidence* -- by the actor's label, an alias or
one of its ``mentions`` (metonyms such as "Moscow" for Russia, adjectives such as
"Russian") -- or be marked as an inference (``inferred:`` with a reason), so a curation
cannot invent what the text does not say.

An actor's aliases, look-up names, are checked against every document of the graph
instead: each is worded in some text or flagged ``inferred`` with the public source it
comes from (:func:`unworded_aliases`).

Names match whatever the case, hyphens or apostrophes, as whole words: "Russia" is named
by "Russia's", not by "Russian".

>>> named("North Korea's parliament", "the head of North Korea’s parliament")
True
>>> named("Russia", "Russian diplomats")
False
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from ..core.graph import KnowledgeGraph
from ..core.model import Actor, Affiliation, Event, Hedge, Inference, Stance
from ..core.names import normalize
from ..errors import EvidenceError

__all__ = ["Unsupported", "check_evidence", "named", "raise_for_unsupported", "unworded_aliases"]


@dataclass(frozen=True, slots=True)
class Unsupported:
    """An attribute of a record that its evidence does not name and no inference covers."""

    record: str  #: the record id
    field: str  #: place, participant, alias, holder, organization, title, hedge...
    value: str  #: the actor id, alias, title or phrase
    message: str

    def __str__(self) -> str:
        return f"{self.record}: {self.field} {self.value!r}: {self.message}"


def named(name: str, text: str) -> bool:
    """Whether ``name`` occurs in ``text`` as whole words (normalised)."""
    return _in_plain(name, _plain(text))


def _in_plain(name: str, plain: str) -> bool:
    needle = normalize(name)
    if not needle:
        return False
    return re.search(rf"(?<!\w){re.escape(needle)}(?!\w)", plain) is not None


def _plain(text: str) -> str:
    """Normalised text in which a leading "the" is kept (normalize drops it)."""
    return normalize("x " + text)[2:]


def check_evidence(kg: KnowledgeGraph, document: str | None = None) -> list[Unsupported]:
    """Every place, participant, alias, holder, organisation, accreditation, target, post
    title and hedge phrase not named in its record's evidence nor marked ``inferred``,
    every ``inferred`` entry that does not match an attribute of its record, and every
    actor alias that no document words nor an ``inferred`` entry flags with its source;
    with ``document``, only the records (each source's claims) that document's evidence is
    in, and the aliases of the whole graph (an alias may be worded by any document).
    """

    def wanted(record: Event | Affiliation | Stance) -> bool:
        return document is None or any(e.document == document for e in record.evidence)

    problems: list[Unsupported] = []
    for event in kg.events.values():  # each source's report against its own evidence
        for claim in kg.claims(event.id):
            if wanted(claim):
                problems += _check(kg, claim, _event_attributes(claim))
    for post in kg.affiliations.values():
        if wanted(post):
            problems += _check(kg, post, _post_attributes(post))
    for stance in kg.stances.values():
        if wanted(stance):
            problems += _check(kg, stance, [("holder", stance.holder, True),
                                            ("target", stance.target, True)])
    problems += unworded_aliases(kg)
    return problems


def unworded_aliases(kg: KnowledgeGraph) -> list[Unsupported]:
    """Every alias of an actor that no document of the graph words and no ``inferred``
    entry of the actor flags with its public source.

    An actor's aliases are names for look-up; each is either written in some document's
    text (whatever the case, hyphens or apostrophes) or comes from a public source that
    the actor's ``inferred`` entry names (``{field: alias, value: DPRK, reason: Wikidata
    Q423}``).
    """
    texts = [_plain(doc.text) for doc in kg.documents.values()]
    problems: list[Unsupported] = []
    for actor in kg.actors.values():
        flagged = {i.value for i in actor.inferred if i.field == "alias"}
        for alias in actor.aliases:
            if alias not in flagged and not any(_in_plain(alias, t) for t in texts):
                problems.append(Unsupported(
                    actor.id, "alias", alias, "no document words it; remove it, or mark it "
                    "inferred with the public source it comes from"))
    return problems


def raise_for_unsupported(kg: KnowledgeGraph) -> None:
    """Raise :class:`~korea_graph.errors.EvidenceError` listing every problem, if any."""
    problems = check_evidence(kg)
    if problems:
        lines = "\n  ".join(str(p) for p in problems)
        raise EvidenceError(f"{len(problems)} attribute(s) not named in their evidence:\n  "
                            f"{lines}", expected="names in the quoted evidence, or an "
                            "'inferred' entry with a reason")


# (field, value, is an actor id)
_Attribute = tuple[str, str, bool]


def _event_attributes(event: Event) -> list[_Attribute]:
    out: list[_Attribute] = [("participant", p.actor, True) for p in event.participants]
    if event.place is not None:
        out.append(("place", event.place, True))
    out += [("alias", alias, False) for alias in event.aliases]
    return out


def _post_attributes(post: Affiliation) -> list[_Attribute]:
    out: list[_Attribute] = [("holder", post.holder, True),
                             ("organization", post.organization, True)]
    if post.accredited_to is not None:
        out.append(("accredited_to", post.accredited_to, True))
    if post.title is not None:
        out.append(("title", post.title, False))
    return out


def _check(kg: KnowledgeGraph, record: Event | Affiliation | Stance,
           attributes: list[_Attribute]) -> Iterable[Unsupported]:
    text = " ".join(e.quote for e in record.evidence)
    inferred = {(i.field, i.value) for i in record.inferred}
    for field, value, is_actor in dict.fromkeys(attributes):
        if (field, value) in inferred:
            continue
        actor = kg.actors.get(kg.actor_same_as.get(value, value)) if is_actor else None
        names = _names(actor) if actor is not None else (value,)
        if not any(named(n, text) for n in names):
            what = f"none of {', '.join(repr(n) for n in names)}" if is_actor else "it"
            yield Unsupported(record.id, field, value,
                              f"the evidence names {what}; quote the words or mark it "
                              "inferred with a reason")
    yield from _check_hedges(record.id, record.hedges, text)
    yield from _check_inferences(record.id, record.inferred, set(attributes), record)


def _names(actor: Actor) -> tuple[str, ...]:
    return (*actor.names, *actor.mentions)


def _check_hedges(record: str, hedges: tuple[Hedge, ...], text: str) -> Iterable[Unsupported]:
    for hedge in hedges:
        if hedge.phrase is not None and not named(hedge.phrase, text):
            yield Unsupported(record, "hedge", hedge.phrase,
                              "the hedge phrase is not in the evidence")


def _check_inferences(record: str, inferences: tuple[Inference, ...],
                      attributes: set[_Attribute], origin: Event | Affiliation | Stance
                      ) -> Iterable[Unsupported]:
    present = {(field, value) for field, value, _ in attributes}
    present |= {("role", value) for field, value, _ in attributes if field == "participant"}
    for inf in inferences:
        if inf.field in ("place", "participant", "role", "alias", "holder", "organization",
                         "accredited_to", "title", "target") and (
                inf.field, inf.value) not in present:
            yield Unsupported(record, inf.field, inf.value,
                              "marked inferred, but the record has no such attribute")
        if inf.field in ("part_of", "expressed_in") and getattr(origin, inf.field,
                                                                None) != inf.value:
            yield Unsupported(record, inf.field, inf.value,
                              "marked inferred, but the record has no such attribute")
