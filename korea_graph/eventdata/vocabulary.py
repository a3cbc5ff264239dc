"""CAMEO and PLOVER codes of the event types, relation types and stances.

Figures are facts from the field's code books (CAMEO names and Goldstein scores as
ICEWS uses them; PLOVER categories from the CAMEO-to-PLOVER table, draft 0.8), as
listed in the project's reference notes. CAMEO codes are strings: ``"042"``, never 42.

>>> from korea_graph import load
>>> kg = load()
>>> code = event_code(kg.events["lee-visits-moscow"])
>>> code.cameo, code.name, code.plover, code.plover_mode
('042', 'Make a visit', 'CONSULT', 'visit')
>>> event_code(kg.select(as_of="2000-07-03").events["putin-visits-pyongyang"]).cameo
'036'
>>> event_code(kg.events["putin-visits-pyongyang"]).cameo   # held, by the Kremlin's notes
'042'
>>> actor_code(kg, "igor-ivanov", kg.events["ivanov-lee-talks"].when)
'RUSGOV'

The full code book (every CAMEO code, for validating imported rows) is read from
``korea_graph/data/cameo_codes.tsv`` on first use:

>>> cameo_code("0874").name, cameo_code("0874").plover
('Retreat or surrender militarily', 'RETREAT')
>>> country("PRK").name, country_code("Russian Federation")
('North Korea', 'RUS')
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib.resources import files
from types import MappingProxyType
from typing import TYPE_CHECKING

from ..core.model import ActorKind, AffiliationKind, Event, EventType, Status
from ..core.names import normalize
from ..core.relations import RelationType
from ..errors import VocabularyError

if TYPE_CHECKING:
    from ..core.graph import KnowledgeGraph
    from ..core.timespan import TimeSpan

__all__ = [
    "CAMEO",
    "Code",
    "Country",
    "Death",
    "actor_code",
    "actor_type_kind",
    "actor_type_name",
    "cameo_code",
    "cameo_codes",
    "countries",
    "country",
    "country_code",
    "deaths",
    "event_code",
    "relation_code",
]


@dataclass(frozen=True, slots=True)
class Code:
    """A CAMEO event code with its name, Goldstein score and PLOVER category and mode."""

    cameo: str
    name: str
    goldstein: float
    plover: str | None
    plover_mode: str | None = None
    plover_context: str | None = None

    @property
    def root(self) -> str:
        """The two-digit CAMEO root (``"04"`` for ``"042"``)."""
        return self.cameo[:2]

    @property
    def quad_class(self) -> int:
        """GDELT's QuadClass: 1 verbal cooperation ... 4 material conflict."""
        root = int(self.root)
        return 1 if root <= 5 else 2 if root <= 9 else 3 if root <= 14 else 4


def _c(cameo: str, name: str, goldstein: float, plover: str | None, mode: str | None = None,
       context: str | None = None) -> Code:
    return Code(cameo, name, goldstein, plover, mode, context)


#: The CAMEO codes korea_graph uses, by code.
CAMEO: dict[str, Code] = {c.cameo: c for c in [
    _c("010", "Make statement", 0.0, None),
    _c("020", "Make an appeal or request", 3.0, None),
    _c("030", "Express intent to cooperate", 4.0, "AGREE", None, "diplomatic"),
    _c("0312", "Express intent to cooperate militarily", 5.2, "AGREE", None, "military"),
    _c("0332", "Express intent to provide military aid", 5.2, "AGREE", None, "military"),
    _c("036", "Express intent to meet or negotiate", 4.0, "AGREE", None, "diplomatic"),
    _c("040", "Consult", 1.0, "CONSULT"),
    _c("042", "Make a visit", 1.9, "CONSULT", "visit"),
    _c("043", "Host a visit", 2.8, "CONSULT", "visit"),
    _c("046", "Engage in negotiation", 7.0, "CONSULT", None, "diplomatic"),
    _c("051", "Praise or endorse", 3.4, "SUPPORT", None, "diplomatic"),
    _c("054", "Grant diplomatic recognition", 6.0, "SUPPORT", None, "diplomatic"),
    _c("057", "Sign formal agreement", 8.0, "SUPPORT", None, "diplomatic"),
    _c("061", "Cooperate economically", 6.4, "COOPERATE", None, "economic"),
    _c("062", "Cooperate militarily", 7.4, "COOPERATE", None, "military"),
    _c("072", "Provide military aid", 8.3, "AID", None, "military"),
    _c("110", "Disapprove", -2.0, "ACCUSE", "disapprove"),
    _c("111", "Criticize or denounce", -2.0, "ACCUSE", "disapprove"),
    _c("120", "Reject", -4.0, "REJECT"),
]}

_EVENT: dict[EventType, str | None] = {
    EventType.MEETING: "040",
    EventType.VISIT: "042",
    EventType.TALKS: "046",
    EventType.NEGOTIATION: "046",
    EventType.SUMMIT: "040",
    EventType.LETTER: "010",
    EventType.STATEMENT: "010",
    EventType.PROPOSAL: "020",
    EventType.SIGNING: "057",
    EventType.REPORT: None,  # a news report is a source, not a political act
    EventType.ANNOUNCEMENT: "010",
    EventType.DECISION: "054",  # the article's only decision: recognising South Korea
    EventType.COOPERATION: "062",
    EventType.ARMS_TRANSFER: "072",
    EventType.CONSTRUCTION: "061",
}

_RELATION: dict[RelationType, str] = {
    RelationType.MET_WITH: "040",
    RelationType.VISITED: "042",
    RelationType.HOSTED: "043",
    RelationType.WROTE_TO: "010",
    RelationType.STATED: "010",
    RelationType.ANNOUNCED: "010",
    RelationType.DISCUSSED: "040",
    RelationType.PROPOSED: "020",
    RelationType.PROPOSED_TO: "020",
    RelationType.SIGNED: "057",
    RelationType.SIGNED_WITH: "057",
    RelationType.DECIDED_ON: "054",
    RelationType.SUPPLIES: "072",
    RelationType.BUILT: "061",
    RelationType.COOPERATES_WITH: "062",
    RelationType.SUPPORTS: "051",
    RelationType.PRAISED: "051",
    RelationType.INTERESTED_IN: "030",
    RelationType.OPPOSES: "110",
    RelationType.CRITICIZES: "111",
    RelationType.NOT_INTERESTED_IN: "120",
    RelationType.DISTANCED_FROM: "110",
}

_NOT_YET = {Status.PLANNED, Status.UNDER_CONSIDERATION}


def event_code(event: Event) -> Code | None:
    """The CAMEO code of an event, as of the article's writing.

    An event planned or under consideration is coded as an *intent*: a planned visit or
    meeting is 036 (not 042), arms sales under consideration 0332 (not 072), military
    cooperation under consideration 0312. A code already on an imported event wins.
    """
    if event.cameo:
        return CAMEO.get(event.cameo) or Code(event.cameo, "", 0.0, None)
    if event.status in _NOT_YET:
        if event.type in (EventType.VISIT, EventType.MEETING, EventType.TALKS,
                          EventType.SUMMIT, EventType.NEGOTIATION):
            return CAMEO["036"]
        if event.type is EventType.ARMS_TRANSFER:
            return CAMEO["0332"]
        if event.type is EventType.COOPERATION:
            return CAMEO["0312"]
    code = _EVENT[event.type]
    return CAMEO[code] if code else None


def relation_code(relation: RelationType) -> Code | None:
    """The CAMEO code of a derived relation type, where CAMEO has one."""
    code = _RELATION.get(relation)
    return CAMEO[code] if code else None


_ROLE_BY_KIND = {
    ActorKind.HEAD_OF_STATE_OFFICE: "GOV",
    ActorKind.GOVERNMENT: "GOV",
    ActorKind.MINISTRY: "GOV",
    ActorKind.PARLIAMENT: "LEG",
    ActorKind.PARTY: "PTY",
    ActorKind.DEFENCE_INDUSTRY: "MIL",
    ActorKind.INTELLIGENCE_SERVICE: "SPY",
    ActorKind.NEWS_OUTLET: "MED",
    ActorKind.DELEGATION: "GOV",
}
_COUNTRY = {"russia": "RUS", "north-korea": "PRK", "south-korea": "KOR",
            "united-states": "USA", "japan": "JPN", "china": "CHN", "soviet-union": "RUS"}


def _state_code(kg: KnowledgeGraph, state_id: str | None) -> str | None:
    """The CAMEO country code of a state actor: by id, else by its label or an alias."""
    if state_id is None:
        return None
    if state_id in _COUNTRY:
        return _COUNTRY[state_id]
    actor = kg.actors.get(state_id)
    if actor is None or actor.kind is not ActorKind.STATE:
        return None
    for name in actor.names:
        code = country_code(name)
        if code:
            return code
    return None


def actor_code(kg: KnowledgeGraph, actor_id: str, when: TimeSpan | None = None) -> str | None:
    """A CAMEO actor code: country block plus role block (``RUSGOV``, ``PRKLEG``).

    A person's role comes from the post they held on the date (``when``): a minister is
    ``GOV``, the head of a parliament ``LEG``; with no post on that date, the country alone.
    """
    actor = kg.actors[actor_id]
    if actor.kind is ActorKind.STATE:
        return _state_code(kg, actor.id)
    country = _state_code(kg, actor.country)
    if country is None:
        return None
    if actor.kind in _ROLE_BY_KIND:
        return country + _ROLE_BY_KIND[actor.kind]
    if actor.kind is not ActorKind.PERSON:
        return country
    for post in kg.affiliations.values():
        if post.holder != actor_id or post.kind in (AffiliationKind.PARTY_TO,
                                                    AffiliationKind.MISSION_IN):
            continue
        if when is not None and not post.when.possibly_overlaps(when):
            continue
        org = kg.actors[post.organization]
        if org.kind is ActorKind.STATE or org.kind in (ActorKind.GOVERNMENT, ActorKind.MINISTRY,
                                                       ActorKind.HEAD_OF_STATE_OFFICE):
            return country + "GOV"
        if org.kind in _ROLE_BY_KIND:
            return country + _ROLE_BY_KIND[org.kind]
    return country


# -- the full code books (package data, read on first use) ------------------------------------
def _table(name: str) -> list[list[str]]:
    """Rows of a tab-separated package data file, without ``#`` comments and header."""
    text = (files("korea_graph") / "data" / name).read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    return [line.split("\t") for line in lines[1:]]


@cache
def cameo_codes() -> Mapping[str, Code]:
    """Every CAMEO event code of the ICEWS code book, by code, with its PLOVER category.

    >>> len(cameo_codes()) > 300, cameo_codes()["042"] == CAMEO["042"]
    (True, True)
    """
    table = {}
    for code, name, goldstein, _root, plover, mode, context in _table("cameo_codes.tsv"):
        table[code] = Code(code, name, float(goldstein), plover or None, mode or None,
                           context or None)
    return MappingProxyType(table)


def cameo_code(code: str) -> Code:
    """The CAMEO event code ``code`` (a string with its leading zero).

    Raises :class:`~korea_graph.errors.VocabularyError` for a code not in the code book.

    >>> cameo_code("46")
    Traceback (most recent call last):
    ...
    korea_graph.errors.VocabularyError: unknown CAMEO event code '46' (expected a code of the \
CAMEO code book, as a string with its leading zero: '046')
    """
    table = cameo_codes()
    if code in table:
        return table[code]
    hint = f"'0{code}'" if "0" + code in table else "'042'"
    raise VocabularyError(f"unknown CAMEO event code {code!r}",
                          expected="a code of the CAMEO code book, as a string with its "
                                   f"leading zero: {hint}")


@dataclass(frozen=True, slots=True)
class Country:
    """A CAMEO country (or region) code, its name, kind and other names."""

    code: str
    name: str
    kind: ActorKind
    aliases: tuple[str, ...] = ()


@cache
def countries() -> Mapping[str, Country]:
    """The CAMEO country and region codes (``RUS``, ``PRK``, ``KOR``, ``USA``...), by code."""
    kinds = {"state": ActorKind.STATE, "region": ActorKind.REGION, "city": ActorKind.CITY}
    return MappingProxyType({
        code: Country(code, name, kinds[kind], tuple(a for a in aliases.split("|") if a))
        for code, name, kind, aliases in _table("cameo_countries.tsv")
    })


def country(code: str) -> Country:
    """The country with this CAMEO code; raises :class:`VocabularyError` if unknown."""
    table = countries()
    if code in table:
        return table[code]
    raise VocabularyError(f"unknown CAMEO country code {code!r}",
                          expected="a CAMEO country code such as RUS, PRK, KOR or USA")


@cache
def _country_names() -> Mapping[str, str]:
    names: dict[str, str] = {}
    for entry in countries().values():
        for name in (entry.code, entry.name, *entry.aliases):
            names.setdefault(normalize(name), entry.code)
    return names


def country_code(name: str) -> str | None:
    """The CAMEO code of a country named ``name`` (any case; ICEWS's long names too)."""
    return _country_names().get(normalize(name))


@cache
def _actor_types() -> Mapping[str, tuple[str, ActorKind | None]]:
    return MappingProxyType({code: (name, ActorKind(kind) if kind else None)
                             for code, name, kind in _table("cameo_actor_types.tsv")})


def actor_type_name(code: str) -> str | None:
    """The name of a CAMEO actor role code: ``GOV`` -> ``Government``."""
    entry = _actor_types().get(code)
    return entry[0] if entry else None


def actor_type_kind(code: str) -> ActorKind | None:
    """The :class:`ActorKind` an actor of this CAMEO role gets on import, if one is clear.

    >>> actor_type_kind("GOV"), actor_type_kind("BUS")
    (<ActorKind.GOVERNMENT: 'government'>, None)
    """
    entry = _actor_types().get(code)
    return entry[1] if entry else None


@dataclass(frozen=True, slots=True)
class Death:
    """A person's date of death: no event after it can have them as a participant."""

    name: str
    country: str  #: CAMEO country code
    died: date
    aliases: tuple[str, ...] = ()


@cache
def deaths() -> Mapping[str, Death]:
    """Known deaths (``korea_graph/data/deaths.tsv``), by normalised name and alias."""
    table: dict[str, Death] = {}
    for name, country_, died, aliases in _table("deaths.tsv"):
        entry = Death(name, country_, date.fromisoformat(died),
                      tuple(a for a in aliases.split("|") if a))
        for key in (name, *entry.aliases):
            table[normalize(key)] = entry
    return MappingProxyType(table)
