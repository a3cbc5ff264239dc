"""The vocabulary questions are parsed with, built from the graph itself.

Names come from the actors and events (ids, labels, aliases), post titles from the
affiliations, verbs from :class:`~korea_graph.core.relations.RelationType` (``met_with``
gives *meet, meets, met, meeting* followed by an optional *with*), nouns from
:class:`~korea_graph.core.model.EventType`. A new relation type, event type, alias or
title is askable without new code. Two small tables are English, not per question:
:data:`SYNONYMS` (other verbs for a relation: *say* for ``stated``) and
:data:`ROLE_VERBS` (the verb that names a role: a letter's ``addressee`` *receives* it).

>>> from korea_graph import load
>>> lex = lexicon(load())
>>> sorted(lex.verbs["met"])[0].types
frozenset({<RelationType.MET_WITH: 'met_with'>})
>>> lex.actor_names[("north", "korea's", "parliament")]
frozenset({'north-korean-parliament'})
"""

from __future__ import annotations

import weakref
from collections.abc import Iterable
from dataclasses import dataclass, field

from ..core.graph import KnowledgeGraph
from ..core.model import Actor, ActorKind, AffiliationKind, EventType, Role
from ..core.names import normalize
from ..core.relations import RelationType
from .words import IRREGULAR, inflect, lemmas, plural

__all__ = ["ROLE_VERBS", "SYNONYMS", "Lexicon", "VerbSense", "lexicon", "lexicon_of",
           "use_lexicon"]

#: Other verbs for a relation type: (verb, words that must follow, words that may follow).
SYNONYMS: dict[str, tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...]] = {
    "met_with": (("talk", (), ("with", "to")), ("hold", ("talks",), ("with",)),
                 ("negotiate", (), ("with",)), ("see", (), ()), ("greet", (), ()),
                 ("confer", (), ("with",))),
    "stated": (("say", (), ()), ("tell", (), ()), ("speak", (), ("of", "about"))),
    "announced": (("say", (), ()),),
    "wrote_to": (("send", ("a", "letter"), ("to",)),),
    "visited": (("travel", (), ("to",)), ("go", (), ("to",)), ("arrive", (), ("in", "at")),
                ("come", (), ("to",))),
    "proposed": (("offer", (), ()), ("suggest", (), ()), ("put", ("forward",), ())),
    "proposed_to": (("offer", (), ("to",)), ("put", (), ("to",)), ("invite", (), ())),
    "signed": (("adopt", (), ()), ("conclude", (), ()), ("sign", ("off",), ("on",))),
    "opposes": (("object", (), ("to",)), ("reject", (), ())),
    "supports": (("back", (), ()), ("endorse", (), ()), ("favor", (), ()),
                 ("favour", (), ())),
    "supplies": (("sell", (), ("to",)), ("provide", (), ("to",))),
    "criticizes": (("accuse", (), ()),),
    "participated_in": (("take", ("part",), ("in",)), ("attend", (), ())),
    "reported": (("publish", (), ()),),
}

#: The verbs that name a part in an event ("who received a letter": the addressee).
ROLE_VERBS: dict[Role, tuple[str, ...]] = {
    Role.SENDER: ("send", "write"), Role.ADDRESSEE: ("receive", "get"),
    Role.SPEAKER: ("make", "give"), Role.PROPOSER: ("make",), Role.SIGNATORY: ("sign",),
    Role.ANNOUNCER: ("make",), Role.DECIDER: ("make", "take"), Role.PUBLISHER: ("publish",),
    Role.SUPPLIER: ("make",), Role.RECIPIENT: ("receive", "get"), Role.HOST: ("host",),
    Role.GUEST: ("make", "pay"), Role.PARTICIPANT: ("attend", "hold"),
    Role.PARTY: ("hold",), Role.COUNTERPART: ("hold",), Role.ORGANIZER: ("organize", "hold"),
}

_PARTICLES = frozenset({"with", "to", "in", "on", "of", "from", "about", "for", "at"})
_VERBAL_FORMS = frozenset(f for row in IRREGULAR for f in row)


@dataclass(frozen=True, slots=True, order=True)
class VerbSense:
    """What a verb form may mean: the relation types, the form's kinds (base, third, past,
    participle, gerund) and the words that must, or may, follow it."""

    key: str
    types: frozenset[RelationType] = field(compare=False)
    kinds: frozenset[str] = field(compare=False)
    required: tuple[str, ...] = field(compare=False, default=())
    particles: tuple[str, ...] = field(compare=False, default=())


@dataclass
class Lexicon:
    """Names, verbs, titles and nouns of one graph, as token tuples (see :func:`lexicon`)."""

    actor_names: dict[tuple[str, ...], frozenset[str]]
    event_names: dict[tuple[str, ...], frozenset[str]]
    verbs: dict[str, list[VerbSense]]
    copulas: dict[tuple[str, ...], frozenset[RelationType]]
    titles: dict[tuple[str, ...], frozenset[str]]
    exact_titles: dict[tuple[str, ...], frozenset[str]]
    demonyms: dict[str, str]
    event_nouns: dict[tuple[str, ...], frozenset[EventType]]
    relation_nouns: dict[tuple[str, ...], frozenset[RelationType]]
    role_verbs: dict[str, frozenset[Role]]
    longest: int = 1
    known_words: frozenset[str] = frozenset()

    def verb_words(self) -> list[str]:
        """The base form of each relation's own verb, for messages."""
        return sorted({w for w, senses in self.verbs.items()
                       if any("base" in s.kinds and s.key.startswith("type:") for s in senses)})


def _words(text: str) -> tuple[str, ...]:
    return tuple(normalize(text).split())


def _names(pairs: Iterable[tuple[str, str]]) -> dict[tuple[str, ...], frozenset[str]]:
    table: dict[tuple[str, ...], set[str]] = {}
    for ident, name in pairs:
        words = normalize(name)  # once: compact() is normalize() without spaces
        for key in {tuple(words.split()), (words.replace(" ", "").replace("'", ""),)}:
            if key and key != ("",):
                table.setdefault(key, set()).add(ident)
    return {k: frozenset(v) for k, v in table.items()}


def _verbal(head: str) -> bool:
    """Whether the first word of a relation type reads as a verb form (met, visits,
    proposed), not a noun or an adverb (member, party, not)."""
    return head in _VERBAL_FORMS or head.endswith(("ed", "s"))


def _add_verb(verbs: dict[str, list[VerbSense]], key: str, types: frozenset[RelationType],
              bases: Iterable[str], required: tuple[str, ...], particles: tuple[str, ...]
              ) -> None:
    for base in bases:
        for kind, forms in inflect(base).items():
            for form in forms:
                senses = verbs.setdefault(form, [])
                for i, sense in enumerate(senses):
                    if sense.key == key and sense.required == required:
                        senses[i] = VerbSense(key, types, sense.kinds | {kind}, required,
                                              particles)
                        break
                else:
                    senses.append(VerbSense(key, types, frozenset({kind}), required, particles))


def build_lexicon(kg: KnowledgeGraph) -> Lexicon:
    """Build the vocabulary of ``kg`` (use :func:`lexicon`, which caches it)."""
    return lexicon_of(kg.actors.values(),
                      ((e.id, (e.label, *e.aliases)) for e in kg.events.values()),
                      ((a.id, a.title, a.kind) for a in kg.affiliations.values()))


def lexicon_of(actors: Iterable[Actor], events: Iterable[tuple[str, Iterable[str]]],
               posts: Iterable[tuple[str, str | None, AffiliationKind]]) -> Lexicon:
    """The vocabulary of these actors, event names (id, names) and posts (id, title,
    kind): what :func:`build_lexicon` reads of a graph, for a store that answers
    questions without holding its events (:meth:`korea_graph.scale.store.Store.ask`).

    >>> from korea_graph import load
    >>> kg = load()
    >>> lex = lexicon_of(kg.actors.values(), [(e.id, (e.label, *e.aliases))
    ...                                       for e in kg.events.values()],
    ...                  [(a.id, a.title, a.kind) for a in kg.affiliations.values()])
    >>> lex == build_lexicon(kg)
    True
    """
    actors = list(actors)
    actor_names = _names((a.id, n) for a in actors for n in (a.id, *a.names))
    event_names = _names((ident, n) for ident, names in events for n in (ident, *names))
    verbs: dict[str, list[VerbSense]] = {}
    copulas: dict[tuple[str, ...], set[RelationType]] = {}
    relation_nouns: dict[tuple[str, ...], set[RelationType]] = {}
    for rtype in RelationType:
        head, *rest = rtype.value.split("_")
        particles = tuple(rest)
        if _verbal(head):
            bases = lemmas(head)
            _add_verb(verbs, f"type:{rtype.value}", frozenset({rtype}), bases, (), particles)
            for base in bases:
                for gerund in inflect(base)["gerund"]:
                    for noun in (gerund, plural(gerund)):
                        relation_nouns.setdefault((noun,), set()).add(rtype)
        if not _verbal(head) or (head.endswith("ed") and rest and rest[-1] in _PARTICLES):
            copulas.setdefault((head, *rest), set()).add(rtype)
    for name, synonyms in SYNONYMS.items():
        if name not in RelationType.__members__.values():
            continue
        rtype = RelationType(name)
        for verb, required, particles in synonyms:
            _add_verb(verbs, f"synonym:{verb}:{name}", frozenset({rtype}), [verb], required,
                      particles)
    titles: dict[tuple[str, ...], set[str]] = {}
    exact: dict[tuple[str, ...], set[str]] = {}
    for post_id, title, kind in posts:
        words = _words(title) if title else ()
        exact.setdefault(words, set()).add(post_id)
        for i in range(len(words)):
            for j in range(i + 1, len(words) + 1):
                titles.setdefault(words[i:j], set()).add(post_id)
        if kind in (AffiliationKind.HEAD, AffiliationKind.MEMBER,
                    AffiliationKind.REPRESENTATIVE):
            titles.setdefault((kind.value,), set()).add(post_id)
    demonyms = {}
    for actor in actors:
        if actor.kind is ActorKind.STATE and actor.label.endswith("a"):
            demonyms[" ".join(_words(actor.label + "n"))] = actor.id
    event_nouns: dict[tuple[str, ...], set[EventType]] = {}
    for etype in EventType:
        words = tuple(etype.value.split("_"))
        event_nouns.setdefault(words, set()).add(etype)
        event_nouns.setdefault(tuple(plural(" ".join(words)).split()), set()).add(etype)
    role_verbs: dict[str, set[Role]] = {}
    for role, verbs_of_role in ROLE_VERBS.items():
        for base in verbs_of_role:
            for forms in inflect(base).values():
                for form in forms:
                    role_verbs.setdefault(form, set()).add(role)
    tables = (actor_names, event_names, titles)
    longest = max((len(k) for table in tables for k in table), default=1)
    return Lexicon(
        actor_names=actor_names, event_names=event_names, verbs=verbs,
        copulas={k: frozenset(v) for k, v in copulas.items()},
        titles={k: frozenset(v) for k, v in titles.items()},
        exact_titles={k: frozenset(v) for k, v in exact.items()},
        demonyms=demonyms,
        event_nouns={k: frozenset(v) for k, v in event_nouns.items()},
        relation_nouns={k: frozenset(v) for k, v in relation_nouns.items()},
        role_verbs={k: frozenset(v) for k, v in role_verbs.items()},
        longest=longest,
        known_words=frozenset(w for table in (actor_names, event_names) for k in table
                              for w in k),
    )


_CACHE: dict[int, tuple[weakref.ref[KnowledgeGraph], Lexicon]] = {}


def lexicon(kg: KnowledgeGraph) -> Lexicon:
    """The vocabulary of ``kg``, built once per graph."""
    hit = _CACHE.get(id(kg))
    if hit is not None and hit[0]() is kg:
        return hit[1]
    return use_lexicon(kg, build_lexicon(kg))


def use_lexicon(kg: KnowledgeGraph, lex: Lexicon) -> Lexicon:
    """Parse questions of ``kg`` with ``lex`` from now on (a store's graph of only the
    records a question needs is parsed with the vocabulary of the whole store)."""
    key = id(kg)
    _CACHE[key] = (weakref.ref(kg, lambda _: _CACHE.pop(key, None)), lex)
    return lex
