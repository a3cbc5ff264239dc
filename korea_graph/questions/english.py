"""Questions in plain English, mapped onto :mod:`korea_graph.questions.query` calls.

Only the forms in :data:`FORMS` are understood; anything else raises
:class:`~korea_graph.errors.QueryError` listing them -- never a guessed answer.

>>> from korea_graph import load
>>> answers = ask(load(), "who met whom before Putin's trip?")
>>> answers.query.startswith("meetings(kg")
True
>>> ask(load(), "what is the meaning of life")
Traceback (most recent call last):
...
korea_graph.errors.QueryError: cannot answer 'what is the meaning of life'; ask one of: ...
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from ..core.graph import KnowledgeGraph
from ..errors import AmbiguousNameError, NotFoundError, QueryError
from .answers import Answers
from .query import actors, connections, events, meetings, relations, who_is

__all__ = ["FORMS", "ask"]

#: The question forms understood, as shown to users.
FORMS = (
    "who met whom [before|after X | between X and Y | in/on/during X]",
    "who met X [before|after ... ]   (also: whom did X meet ...)",
    "what did X propose   |   who proposed what",
    "who signed what   |   what did X sign",
    "who opposes X   |   what does X oppose   (also supports)",
    "what happened [before|after X | between X and Y | in/on/during X]",
    "how is X connected to Y",
    "who is X",
    "who was foreign minister [on|in DATE]   (any post title)",
)

_TIME = (r"(?:\s+(?:(?P<rel>before|after)\s+(?P<anchor>.+)"
         r"|between\s+(?P<first>.+?)\s+and\s+(?P<last>.+)"
         r"|(?:on|in|during)\s+(?P<at>.+)))?")

Handler = Callable[[KnowledgeGraph, dict[str, Any], str], Answers[Any]]


def _time_args(groups: dict[str, Any]) -> dict[str, Any]:
    if groups.get("rel"):
        return {groups["rel"]: groups["anchor"]}
    if groups.get("first"):
        return {"between": (groups["first"], groups["last"])}
    if groups.get("at"):
        return {"during": groups["at"]}
    return {}


def _meet_all(kg: KnowledgeGraph, g: dict[str, Any], q: str) -> Answers[Any]:
    return meetings(kg, question=q, **_time_args(g))


def _meet_one(kg: KnowledgeGraph, g: dict[str, Any], q: str) -> Answers[Any]:
    return meetings(kg, involving=g["x"], question=q, **_time_args(g))


def _met_by(kg: KnowledgeGraph, g: dict[str, Any], q: str) -> Answers[Any]:
    return meetings(kg, with_=g["x"], question=q, **_time_args(g))


def _proposed(kg: KnowledgeGraph, g: dict[str, Any], q: str) -> Answers[Any]:
    return relations(kg, "proposed", source=g.get("x"), question=q)


def _signed(kg: KnowledgeGraph, g: dict[str, Any], q: str) -> Answers[Any]:
    return relations(kg, "signed", source=g.get("x"), question=q)


def _stance(kg: KnowledgeGraph, g: dict[str, Any], q: str) -> Answers[Any]:
    types = ["opposes", "criticizes"] if g["verb"].startswith("oppos") else ["supports", "praised"]
    if g.get("x"):
        return relations(kg, types, source=g["x"], question=q)
    return relations(kg, types, target=g["y"], question=q)


def _happened(kg: KnowledgeGraph, g: dict[str, Any], q: str) -> Answers[Any]:
    return events(kg, question=q, **_time_args(g))


def _connected(kg: KnowledgeGraph, g: dict[str, Any], q: str) -> Answers[Any]:
    answers = connections(kg, g["x"], g["y"])
    answers.question = q
    return answers


def _who_is(kg: KnowledgeGraph, g: dict[str, Any], q: str) -> Answers[Any]:
    answers = who_is(kg, g["x"])
    answers.question = q
    return answers


def _post(kg: KnowledgeGraph, g: dict[str, Any], q: str) -> Answers[Any]:
    answers = actors(kg, post=g["post"], at=g.get("at"))
    answers.question = q
    return answers


_PATTERNS: list[tuple[re.Pattern[str], Handler]] = [
    (re.compile(r"who met (?:whom|who)" + _TIME), _meet_all),
    (re.compile(r"who (?:met|met with|talked (?:to|with)) (?P<x>.+?)" + _TIME), _met_by),
    (re.compile(r"(?:who|whom) did (?P<x>.+?) meet(?: with)?" + _TIME), _meet_one),
    (re.compile(r"what did (?P<x>.+?) propose"), _proposed),
    (re.compile(r"who proposed what"), _proposed),
    (re.compile(r"what did (?P<x>.+?) sign"), _signed),
    (re.compile(r"who signed what"), _signed),
    (re.compile(r"who (?P<verb>opposes|supports) (?P<y>.+)"), _stance),
    (re.compile(r"what does (?P<x>.+?) (?P<verb>oppose|support)"), _stance),
    (re.compile(r"what happened" + _TIME), _happened),
    (re.compile(r"how (?:is|was) (?P<x>.+?) connected (?:to|with) (?P<y>.+)"), _connected),
    (re.compile(r"how are (?P<x>.+?) and (?P<y>.+?) connected"), _connected),
    (re.compile(r"who (?:is|was) (?:the )?(?P<post>[\w -]+?(?:minister|president|ambassador|"
                r"leader|head)[\w -]*?)(?:\s+(?:on|in|at)\s+(?P<at>.+))?"), _post),
    (re.compile(r"who (?:is|was) (?P<x>.+)"), _who_is),
]


def ask(kg: KnowledgeGraph, question: str) -> Answers[Any]:
    """Answer a plain-English question of one of the :data:`FORMS`.

    Names may be ids, labels or aliases in any case; times may be event names
    ("Putin's trip") or dates ("June 27", "2000-06-27"). An unknown or ambiguous name
    raises :class:`~korea_graph.errors.QueryError` naming the candidates.
    """
    text = " ".join(question.strip().rstrip("?.!").split())
    lowered = text.lower()
    for pattern, handler in _PATTERNS:
        match = pattern.fullmatch(lowered)
        if match is None:
            continue
        groups = {k: _original(text, match, k) for k, v in match.groupdict().items() if v}
        try:
            return handler(kg, groups, question)
        except AmbiguousNameError as exc:
            labels = {**{a.id: a.label for a in kg.actors.values()},
                      **{e.id: e.label for e in kg.events.values()}}
            options = "; ".join(f"{labels.get(c, c)} ({c})" for c in exc.candidates)
            raise QueryError(f"{exc.name!r} could mean several {exc.what}s: {options}. "
                             "Ask again with one of them.") from None
        except NotFoundError as exc:
            raise QueryError(str(exc)) from None
    raise QueryError(f"cannot answer {question!r}; ask one of:\n  - " + "\n  - ".join(FORMS))


def _original(text: str, match: re.Match[str], group: str) -> str:
    """The group's words in the user's own case (names are matched case-blind anyway)."""
    start, end = match.span(group)
    return text[start:end].strip()
