"""A small grammar of question forms over the graph's vocabulary, and its parser.

A form is a pattern of literal words and typed slots, written in a short notation:

- ``who|whom`` one of these words; ``prior_to`` two words in a row
- ``[the]`` an optional item
- ``<ACTOR:x>`` a slot of a kind, bound to a name; ``<TIME:t>?`` an optional slot

Slots are filled from the :class:`~korea_graph.questions.lexicon.Lexicon` of the graph
(names, verbs, titles, nouns) and from the model's time logic (dates and events through
:func:`~korea_graph.questions.query.resolve_anchor`), never from a ``.+``. The parser
tries every way the words can fill a form (backtracking) and keeps the parses whose
slots all come from the vocabulary; only when none does are names taken loosely, so that
an unknown name gets its own error ("no actor is called 'Kim Il-sung'; did you mean...")
instead of a refusal.

>>> from korea_graph import load
>>> kg = load()
>>> form = Form("who <VERB:v> <ACTOR:y> <MODS:m>", "who visited Moscow", lambda *a: None)
>>> parse = form.parse(kg, "who visited Moscow in June 2000", strict=True)[0]
>>> [str(t) for t in parse["v"].value], parse["y"].value, parse["m"].value["time"][0]
(['visited'], 'moscow', 'during')
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from ..core.graph import KnowledgeGraph
from ..core.model import Event
from ..core.relations import RelationType
from ..errors import KoreaGraphError
from .lexicon import Lexicon, lexicon
from .periods import PERIOD_WORDS
from .query import resolve_anchor
from .words import Token, tokenize

__all__ = ["TIME_WORDS", "Binding", "Form", "Parse", "literal_words", "nearest"]

_ARTICLES = frozenset({"a", "an", "the"})
_MONTHS = frozenset(["january", "february", "march", "april", "may", "june", "july",
                     "august", "september", "october", "november", "december"])
#: Words that introduce a time condition, and the condition they make.
TIME_WORDS: dict[tuple[str, ...], str] = {
    ("before",): "before", ("prior", "to"): "before", ("until",): "before",
    ("up", "to"): "before", ("ahead", "of"): "before",
    ("after",): "after", ("since",): "after", ("following",): "after",
    ("in",): "during", ("on",): "during", ("during",): "during", ("at",): "during",
    ("between",): "between", ("from",): "between",
}
_SEASON_WORDS = frozenset({"spring", "summer", "autumn", "fall", "winter"})
#: Nouns of events that name no event type: "arrival" and "trip" are visits.
_NOMINALS = {"arrival": frozenset({RelationType.VISITED}),
             "trip": frozenset({RelationType.VISITED}),
             "visit": frozenset({RelationType.VISITED}),
             "stay": frozenset({RelationType.VISITED}),
             "journey": frozenset({RelationType.VISITED}),
             "talks": frozenset({RelationType.MET_WITH}),
             "meeting": frozenset({RelationType.MET_WITH}),
             "letter": frozenset({RelationType.WROTE_TO})}
_VERB_KINDS = {
    "VERB": {"base", "third", "past"}, "VERB_BASE": {"base"},
    "VERB_PART": {"participle"}, "VERB_ANY": {"base", "third", "past", "participle"},
}


@dataclass(frozen=True, slots=True)
class Binding:
    """What a slot matched: its value, the user's own words, and whether it was taken
    loosely (a name not in the vocabulary, to be looked up for an error message)."""

    value: Any
    text: str
    loose: bool = False


Parse = dict[str, Binding]
Handler = Callable[..., Any]


@dataclass(frozen=True, slots=True)
class _Lit:
    options: tuple[tuple[str, ...], ...]


@dataclass(frozen=True, slots=True)
class _Slot:
    kind: str
    name: str


@dataclass(frozen=True, slots=True)
class _Opt:
    item: _Lit | _Slot


_Item = _Lit | _Slot | _Opt


def literal_words(item: _Item) -> set[str]:
    """The literal words of a pattern item (none for a slot)."""
    inner = item.item if isinstance(item, _Opt) else item
    return {w for option in inner.options for w in option} if isinstance(inner, _Lit) else set()


def _compile(pattern: str) -> tuple[_Item, ...]:
    items: list[_Item] = []
    for raw in pattern.split():
        optional = (raw.startswith("[") and raw.endswith("]")) or raw.endswith(">?")
        word = raw.strip("[]").removesuffix("?")
        item: _Lit | _Slot
        if m := re.fullmatch(r"<([A-Z_]+):(\w+)>", word):
            item = _Slot(m[1], m[2])
        else:
            item = _Lit(tuple(tuple(alt.split("_")) for alt in word.split("|")))
        items.append(_Opt(item) if optional else item)
    return tuple(items)


@dataclass
class Form:
    """A question form: its pattern, an example question, and the handler that answers.

    ``handler(kg, parse, options)`` gets the bindings by slot name.
    """

    pattern: str
    example: str
    handler: Handler
    help: str = ""
    items: tuple[_Item, ...] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self.items = _compile(self.pattern)

    @property
    def shown(self) -> str:
        """The pattern as users read it: ``who VERB X [TIME]``."""
        names = {"ACTOR": "X", "EVENT": "EVENT", "ANCHOR": "DATE|EVENT", "TIME": "TIME",
                 "MODS": "[TIME] [in PLACE]", "PLACE": "PLACE", "POST": "TITLE",
                 "POSS": "X's", "DEMONYM": "Russian|...", "NOUN": "meetings|visits|...",
                 "COPULA": "member of|interested in|...", "ROLEVERB": "received|made|...",
                 "VERB": "VERB", "VERB_BASE": "VERB", "VERB_PART": "VERBed",
                 "VERB_ANY": "VERB"}
        out = []
        for item in self.items:
            inner = item.item if isinstance(item, _Opt) else item
            if isinstance(inner, _Slot):
                text = names.get(inner.kind, inner.kind)
                text = {"y": "Y", "z": "Y", "x2": "Y"}.get(inner.name, text) \
                    if inner.kind == "ACTOR" else text
            else:
                text = "|".join(" ".join(o) for o in inner.options)
            if isinstance(item, _Opt) and not text.startswith("["):
                text = f"[{text}]"
            out.append(text)
        return " ".join(out)

    def parse(self, kg: KnowledgeGraph, question: str, *, strict: bool) -> list[Parse]:
        """Every way ``question`` fills this form (vocabulary only when ``strict``)."""
        tokens = tokenize(question)
        matcher = _Matcher(kg, lexicon(kg), tokens, question, strict)
        return list(matcher.match(self.items, 0, 0))


class _Matcher:
    def __init__(self, kg: KnowledgeGraph, lex: Lexicon, tokens: list[Token], text: str,
                 strict: bool) -> None:
        self.kg, self.lex, self.tokens, self.text, self.strict = kg, lex, tokens, text, strict
        self.words = [t.norm for t in tokens]
        self.n = len(tokens)

    def cut(self, i: int, j: int) -> str:
        """The user's text of tokens i..j-1 (offsets of the original text)."""
        return self.text[self.tokens[i].start:self.tokens[j - 1].end] if j > i else ""

    def match(self, items: tuple[_Item, ...], k: int, i: int) -> Iterator[Parse]:
        if k == len(items):
            if i == self.n:
                yield {}
            return
        item = items[k]
        if isinstance(item, _Opt):
            yield from self._one(item.item, items, k, i)
            yield from self.match(items, k + 1, i)
        else:
            yield from self._one(item, items, k, i)

    def _one(self, item: _Lit | _Slot, items: tuple[_Item, ...], k: int, i: int
             ) -> Iterator[Parse]:
        if isinstance(item, _Lit):
            for words in item.options:
                if tuple(self.words[i:i + len(words)]) == words:
                    yield from self.match(items, k + 1, i + len(words))
            return
        for j, binding in self.slot(item.kind, i):
            for rest in self.match(items, k + 1, j):
                if item.name in rest:
                    continue
                yield {item.name: binding, **rest}

    # -- slots ------------------------------------------------------------------------
    def slot(self, kind: str, i: int) -> Iterator[tuple[int, Binding]]:
        if i >= self.n:
            if kind == "MODS":
                yield i, Binding({}, "")
            return
        if kind in _VERB_KINDS:
            yield from self._verb(i, _VERB_KINDS[kind])
            return
        method: Callable[[int], Iterator[tuple[int, Binding]]] = getattr(self, f"_{kind.lower()}")
        yield from method(i)

    def _spans(self, table: dict[tuple[str, ...], frozenset[str]], i: int
               ) -> Iterator[tuple[int, frozenset[str]]]:
        for j in range(min(self.n, i + self.lex.longest), i, -1):
            hit = table.get(tuple(self.words[i:j]))
            if hit:
                yield j, hit

    def _skip_the(self, i: int) -> int:
        return i + 1 if i < self.n and self.words[i] == "the" else i

    def _names(self, table: dict[tuple[str, ...], frozenset[str]], i: int,
               possessive: bool = False) -> Iterator[tuple[int, Binding]]:
        start = self._skip_the(i)
        for begin in dict.fromkeys((start, i)):
            for j in range(min(self.n, begin + self.lex.longest), begin, -1):
                key = tuple(self.words[begin:j])
                if possessive:
                    if not key[-1].endswith("'s") or len(key[-1]) < 3:
                        continue
                    key = (*key[:-1], key[-1][:-2])
                if key in table:
                    text = self.cut(begin, j)
                    yield j, Binding(_one_id(table[key]), text[:-2] if possessive else text)
        if not self.strict and start < self.n:
            for j in range(self.n, start, -1):
                text = self.cut(start, j)
                if possessive:
                    if not self.words[j - 1].endswith("'s"):
                        continue
                    text = text[:-2]
                yield j, Binding(None, text, loose=True)

    def _actor(self, i: int) -> Iterator[tuple[int, Binding]]:
        yield from self._names(self.lex.actor_names, i)

    def _poss(self, i: int) -> Iterator[tuple[int, Binding]]:
        yield from self._names(self.lex.actor_names, i, possessive=True)

    def _place(self, i: int) -> Iterator[tuple[int, Binding]]:
        start = self._skip_the(i)
        for j, ids in self._spans(self.lex.actor_names, start):
            places = [a for a in ids if self.kg.actors[a].kind.category == "place"]
            if places:
                yield j, Binding(places[0], self.cut(start, j))

    def _event(self, i: int) -> Iterator[tuple[int, Binding]]:
        yield from self._names(self.lex.event_names, i)

    def _date(self, i: int) -> Iterator[tuple[int, Binding]]:
        for j in range(min(self.n, i + 7), i, -1):
            words = self.words[i:j]
            if not all(w in _MONTHS or w in PERIOD_WORDS or (w.isascii() and w.isdigit())
                       or "-" in w for w in words):
                continue
            if not any(w in _MONTHS or len(w) >= 4 or w in _SEASON_WORDS for w in words):
                continue
            text = self.cut(i, j)
            try:
                anchor = resolve_anchor(self.kg, text)
            except KoreaGraphError:
                continue
            yield j, Binding(anchor, text)

    def _anchor(self, i: int) -> Iterator[tuple[int, Binding]]:
        dates = list(self._date(i))
        yield from dates
        if dates:
            return
        clauses = list(self._clause(i)) or list(self._nominal(i))
        yield from clauses
        for j, binding in self._event(i):
            if binding.loose and clauses:
                continue
            if binding.loose:
                yield j, binding
            else:
                yield j, Binding(resolve_anchor(self.kg, self.kg.events[binding.value]),
                                 binding.text)

    def _clause(self, i: int) -> Iterator[tuple[int, Binding]]:
        """An event told as a clause: "Putin arrived in Pyongyang", "the South Korean
        foreign minister was in Moscow": the one event whose relation of that verb links
        the subject (a name, or a title's holders) to the object."""
        for j, subjects in self._subjects(i):
            if j >= self.n:
                continue
            verbs: list[tuple[int, frozenset[RelationType]]] = [
                (end, b.value) for end, b in self._verb(j, set(_VERB_KINDS["VERB_ANY"]))]
            if self.words[j] in ("was", "were", "is", "stayed") and j + 1 < self.n and \
                    self.words[j + 1] in ("in", "at"):
                verbs.append((j + 2, frozenset({RelationType.VISITED})))
            for k, types in verbs:
                k = self._skip_the(k)
                for end, objects in [*self._spans(self.lex.actor_names, k), (k, frozenset())]:
                    event = self._told(subjects, types, objects)
                    if event is not None:
                        yield end, Binding(resolve_anchor(self.kg, event), self.cut(i, end))

    def _nominal(self, i: int) -> Iterator[tuple[int, Binding]]:
        """An event told as a noun phrase: "Putin's arrival in Pyongyang", "Ivanov's talks
        with Lee Joung-binn": the owner, a noun of the event, the other end."""
        for j, subjects in self._names_possessive(i):
            if j >= self.n:
                continue
            types = _NOMINALS.get(self.words[j])
            if types is None:
                rel = self.lex.relation_nouns.get((self.words[j],))
                types = frozenset(rel) if rel else None
            if types is None:
                continue
            k = j + 1
            if k < self.n and self.words[k] in ("to", "in", "with", "at", "of"):
                k += 1
            k = self._skip_the(k)
            for end, objects in [*self._spans(self.lex.actor_names, k), (j + 1, frozenset())]:
                event = self._told(subjects, types, objects)
                if event is not None:
                    yield end, Binding(resolve_anchor(self.kg, event), self.cut(i, end))

    def _names_possessive(self, i: int) -> Iterator[tuple[int, frozenset[str]]]:
        start = self._skip_the(i)
        for j in range(min(self.n, start + self.lex.longest), start, -1):
            key = tuple(self.words[start:j])
            if not key[-1].endswith("'s") or len(key[-1]) < 3:
                continue
            ids = self.lex.actor_names.get((*key[:-1], key[-1][:-2]))
            if ids:
                yield j, ids

    def _subjects(self, i: int) -> Iterator[tuple[int, frozenset[str]]]:
        start = self._skip_the(i)
        for j, ids in self._spans(self.lex.actor_names, start):
            yield j, ids
        for j, demonym in [*self._demonym(start), (start, Binding(None, ""))]:
            for end, post in self._post(j):
                holders = frozenset(
                    a.holder for a in self.kg.affiliations.values() if a.id in post.value
                    and (demonym.value is None or demonym.value in (
                        a.organization, self.kg.actors[a.organization].country)))
                if holders:
                    yield end, holders

    def _told(self, subjects: frozenset[str], types: frozenset[RelationType],
              objects: frozenset[str]) -> Event | None:
        found = {rel.record for s in subjects for rel in self.kg.relations(types, source=s)
                 if not objects or rel.target in objects or rel.source in objects}
        events = [self.kg.events[r] for r in found if r in self.kg.events]
        return events[0] if len(events) == 1 else None

    def _time(self, i: int) -> Iterator[tuple[int, Binding]]:
        for words, condition in TIME_WORDS.items():
            if tuple(self.words[i:i + len(words)]) != words:
                continue
            start = i + len(words)
            if condition != "between":
                for j, anchor in self._anchor(start):
                    if anchor.loose and words in (("in",), ("at",)) and j - start == 1:
                        continue  # "in Washington": a place the graph lacks, not an event
                    yield j, Binding((condition, anchor), self.cut(i, j), anchor.loose)
                continue
            for j, first in self._anchor(start):
                if j < self.n and self.words[j] in ("and", "to", "until"):
                    for end, last in self._anchor(j + 1):
                        yield end, Binding(("between", first, last), self.cut(i, end),
                                           first.loose or last.loose)

    def _mods(self, i: int) -> Iterator[tuple[int, Binding]]:
        """Any of: a time condition, ``in|at PLACE``, in either order, or nothing."""
        yield from self._mods_from(i, {})

    def _mods_from(self, i: int, found: dict[str, Any]) -> Iterator[tuple[int, Binding]]:
        if i < self.n and "place" not in found and self.words[i] in ("in", "at"):
            for j, place in self._place(i + 1):
                yield from self._mods_from(j, {**found, "place": place})
        if i < self.n and "time" not in found:
            for j, time in self._time(i):
                yield from self._mods_from(j, {**found, "time": time.value,
                                               "loose": found.get("loose") or time.loose})
        yield i, Binding(found, self.cut(i, i), bool(found.get("loose")))

    def _verb(self, i: int, kinds: set[str]) -> Iterator[tuple[int, Binding]]:
        """A verb form of the wanted kinds, the words its sense requires, and its
        particles if they follow ("met with"); a sense without particles wins over one
        whose particles are missing ("proposed" is not "proposed to")."""
        ends: dict[int, list[tuple[bool, frozenset[RelationType]]]] = {}
        for sense in self.lex.verbs.get(self.words[i], []):
            if not sense.kinds & kinds:
                continue
            j = self._follow(i + 1, sense.required, all_needed=True)
            if j < 0:
                continue
            ends.setdefault(j, []).append((bool(sense.particles), sense.types))
            end = self._follow(j, sense.particles, all_needed=False)
            if end > j:
                ends.setdefault(end, []).append((False, sense.types))
        for end in sorted(ends, reverse=True):
            exact = [types for lacking, types in ends[end] if not lacking]
            chosen = exact or [types for _, types in ends[end]]
            yield end, Binding(frozenset().union(*chosen), self.cut(i, end))

    def _follow(self, j: int, words: tuple[str, ...], *, all_needed: bool) -> int:
        """Where ``words`` end if they follow from j (articles between them are skipped);
        -1 if one is missing and ``all_needed``, else as far as they go."""
        for word in words:
            k = j
            while k < self.n and self.words[k] in _ARTICLES and word not in _ARTICLES:
                k += 1
            if k < self.n and self.words[k] == word:
                j = k + 1
            elif all_needed:
                return -1
            else:
                return j
        return j

    def _copula(self, i: int) -> Iterator[tuple[int, Binding]]:
        start = i + 1 if i < self.n and self.words[i] in ("a", "an") else i
        for j in range(min(self.n, start + 4), start, -1):
            types = self.lex.copulas.get(tuple(self.words[start:j]))
            if types:
                yield j, Binding(types, self.cut(i, j))

    def _post(self, i: int) -> Iterator[tuple[int, Binding]]:
        for j, ids in self._spans(self.lex.titles, i):
            key = tuple(self.words[i:j])
            exact = self.lex.exact_titles.get(key)
            yield j, Binding(exact or ids, self.cut(i, j))

    def _demonym(self, i: int) -> Iterator[tuple[int, Binding]]:
        for j in (i + 2, i + 1):
            actor = self.lex.demonyms.get(" ".join(self.words[i:j]))
            if actor and j <= self.n:
                yield j, Binding(actor, self.cut(i, j))

    def _noun(self, i: int) -> Iterator[tuple[int, Binding]]:
        for j in (i + 2, i + 1):
            key = tuple(self.words[i:j])
            if j > self.n:
                continue
            rel = self.lex.relation_nouns.get(key)
            ev = self.lex.event_nouns.get(key)
            if rel or ev:
                yield j, Binding((rel, ev), self.cut(i, j))

    def _roleverb(self, i: int) -> Iterator[tuple[int, Binding]]:
        roles = self.lex.role_verbs.get(self.words[i])
        if roles:
            yield i + 1, Binding(roles, self.cut(i, i + 1))

    def _kind(self, i: int) -> Iterator[tuple[int, Binding]]:  # event nouns only
        for j in (i + 2, i + 1):
            ev = self.lex.event_nouns.get(tuple(self.words[i:j]))
            if ev and j <= self.n:
                yield j, Binding(ev, self.cut(i, j))


def _one_id(ids: frozenset[str]) -> Any:
    return next(iter(ids)) if len(ids) == 1 else sorted(ids)


def nearest(forms: list[Form], question: str) -> Form:
    """The form whose example reads most like ``question`` (for refusals)."""
    import difflib

    words = [t.norm for t in tokenize(question)]

    def score(form: Form) -> float:
        example = [t.norm for t in tokenize(form.example)]
        head = 1.0 if example[:1] == words[:1] else 0.0
        return difflib.SequenceMatcher(None, words, example).ratio() + 0.25 * head

    return max(forms, key=score)
