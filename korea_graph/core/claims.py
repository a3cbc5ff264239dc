"""One event, many reports: each source's claim kept, the graph's view derived by rules.

When several documents report the same event (the same event id, or ids joined by
``same_as``), each report is kept as a *claim*: an :class:`~korea_graph.core.model.Event`
whose evidence comes from one document, with that source's date, status, place,
participants and wording. :func:`merge_claims` derives the graph's single view of the
event from them, and :func:`find_conflicts` lists where the claims disagree. The rules
(``docs/curation.md``, "Many documents"):

- claims are taken in the order of their documents' publication (then document id), so
  the result never depends on the order files were loaded;
- label, type, ``part_of`` and note come from the earliest claim that gives them; the
  place from the earliest report of the outcome that gives one (the guest house where the
  talks were held, not the city the plan named), else from the earliest plan;
  other claims' labels become aliases; participants, evidence, citations and aliases
  are the union, in document order;
- **status**: a report that an event took place (occurred, reported, disputed) or did not
  take place outranks a plan (planned, under consideration); of several such reports the
  most confident wins (occurred, then reported, then disputed); reports that it happened
  and that it did not make it ``disputed``; with only plans, the latest plan wins;
- **time**: the times of the preferred claims (the reports of the outcome if any,
  otherwise all) taken together: the bounds each allows; where they cannot all hold
  (a conflict), the narrowest, latest document first on a tie. A plan whose time agrees
  with the reports then narrows what they leave open ("will leave before the summit");
  a plan that disagrees is a conflict, not a date;
- **conflicts**: two claims whose times cannot both be true, different places, different
  types, an actor in roles that do not overlap, different wordings, or statuses that
  contradict (it happened / it did not; occurred / disputed; a plan published after a
  report that it took place).

>>> from datetime import date
>>> from korea_graph.core.model import Event, EventType, Evidence, Participant, Role, Status
>>> from korea_graph.core.timespan import TimeSpan
>>> def claim(doc, status, day):
...     ev = Evidence(doc, 0, 4, "text", 1)
...     return Event("trip", EventType.VISIT, "The trip", (Participant("putin", Role.GUEST),),
...                  TimeSpan.day(day), Status(status), (ev,))
>>> plan = claim("a", "planned", date(2000, 7, 19))
>>> merged = merge_claims("trip", [plan, claim("b", "occurred", date(2000, 7, 19))])
>>> merged.status.value, [e.document for e in merged.evidence]
('occurred', ['a', 'b'])
>>> late = claim("c", "occurred", date(2000, 7, 20))
>>> [(c.field, [v.document for v in c.claims]) for c in find_conflicts("trip", [plan, late])]
[('when', ['a', 'c'])]
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from ..errors import DateError
from .model import Affiliation, Citation, Document, Event, Evidence, Participant, Stance, Status
from .names import normalize
from .timespan import Precision, TimeSpan

__all__ = ["ClaimValue", "Conflict", "claim_document", "document_order", "find_conflicts",
           "find_doubts", "map_record_ids", "merge_claims", "record_documents"]

_OUTCOME = {Status.OCCURRED, Status.REPORTED, Status.DISPUTED, Status.DID_NOT_HAPPEN}
_CONFIDENCE = {Status.OCCURRED: 0, Status.REPORTED: 1, Status.DISPUTED: 2}


def record_documents(record: Event | Affiliation | Stance) -> tuple[str, ...]:
    """The documents whose text supports a record, in evidence order, each once.

    >>> from korea_graph import load
    >>> record_documents(load().events["putin-visits-pyongyang"])[:1]
    ('monitor-6-129',)
    """
    return tuple(dict.fromkeys(e.document for e in record.evidence))


def claim_document(record: Event | Affiliation | Stance) -> str | None:
    """The document a claim comes from (its first evidence), or ``None`` without evidence."""
    return record.evidence[0].document if record.evidence else None


def document_order(documents: Sequence[Document]) -> dict[str, tuple[date, date, str]]:
    """Sort keys of documents: earliest publication day, latest day, then id."""
    return {d.id: (d.published.start_min or date.min, d.published.end_max or date.max, d.id)
            for d in documents}


@dataclass(frozen=True, slots=True)
class ClaimValue:
    """What one source says about a detail of an event, with the words that say it."""

    document: str | None
    record: str  #: the claim's own event id (it may differ from the merged event's id)
    value: str
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True, slots=True)
class Conflict:
    """Two sources that disagree about one detail of the same event."""

    event: str  #: the id of the merged event (or of the doubted record)
    label: str
    field: str  #: when, place, status, type, role, wording, doubt
    claims: tuple[ClaimValue, ClaimValue]
    note: str = ""

    @property
    def kind(self) -> str:
        """``name`` when the sources only name the same thing differently ("joint
        declaration", "joint statement"), ``content`` when they disagree about what
        happened, ``doubt`` when a document itself doubts or disputes what it reports."""
        return {"wording": "name", "doubt": "doubt"}.get(self.field, "content")

    def record(self) -> dict[str, Any]:
        """A JSON-ready dict, one key per side."""
        a, b = self.claims
        return {"event": self.event, "label": self.label, "field": self.field,
                "kind": self.kind,
                "document_a": a.document, "claim_a": a.value,
                "evidence_a": " […] ".join(e.quote for e in a.evidence),
                "document_b": b.document, "claim_b": b.value,
                "evidence_b": " […] ".join(e.quote for e in b.evidence), "note": self.note}


def _width(span: TimeSpan) -> int:
    low, high = span.earliest, span.latest
    if low is None or high is None:
        return 10**9
    return (high - low).days


def merge_claims(event_id: str, claims: Sequence[Event]) -> Event:
    """The graph's view of one event from its claims, given in document order.

    A single claim with the same id is returned unchanged.
    """
    if len(claims) == 1 and claims[0].id == event_id:
        return claims[0]
    first = claims[0]
    outcome = [c for c in claims if c.status in _OUTCOME]
    preferred = outcome or list(claims)
    status = _merged_status(claims, outcome)
    # the preferred claims' times taken together; where they cannot be, the narrowest
    indexed = list(enumerate(preferred))
    narrowest = min(indexed, key=lambda item: (_width(item[1].when), -item[0]))[1].when
    when = _together([c.when for c in preferred], narrowest)
    if outcome:  # a plan that agrees with the reports narrows what they leave open
        for plan in claims:
            if plan.status not in _OUTCOME and plan.when.possibly_overlaps(when):
                when = _together([when, plan.when], when)
    participants = _merged_participants(claims)
    labels = [first.label]
    aliases: list[str] = []
    for claim in claims:
        for name in (claim.label, *claim.aliases):
            if name not in labels and name not in aliases:
                aliases.append(name)
    return Event(
        id=event_id, type=first.type, label=first.label, participants=tuple(participants),
        when=when, status=status,
        evidence=tuple(e for c in claims for e in c.evidence),
        citations=tuple(dict.fromkeys(c for claim in claims for c in claim.citations)),
        place=next((c.place for c in preferred if c.place),
                   next((c.place for c in claims if c.place), None)),
        part_of=next((c.part_of for c in claims if c.part_of), None),
        about=tuple(dict.fromkeys(a for c in claims for a in c.about)),
        aliases=tuple(aliases), note=next((c.note for c in claims if c.note), None),
        cameo=next((c.cameo for c in claims if c.cameo), None),
        sources=tuple(s for c in claims for s in c.sources),
        wording=next((c.wording for c in claims if c.wording), None),
        hedges=tuple(dict.fromkeys(h for c in claims for h in c.hedges)),
        inferred=tuple(dict.fromkeys(i for c in claims for i in c.inferred)),
    )


def _together(spans: Sequence[TimeSpan], narrowest: TimeSpan) -> TimeSpan:
    """The bounds every span allows (each report's time holds at once), or ``narrowest``
    when there is one span, the spans add nothing to it, or they cannot all be true."""
    if len(spans) == 1:
        return narrowest

    def pick(values: list[date | None], high: bool) -> date | None:
        known = [v for v in values if v is not None]
        return (min(known) if high else max(known)) if known else None

    bounds = (pick([s.start_min for s in spans], False), pick([s.start_max for s in spans], True),
              pick([s.end_min for s in spans], False), pick([s.end_max for s in spans], True))
    if bounds == (narrowest.start_min, narrowest.start_max, narrowest.end_min, narrowest.end_max):
        return narrowest
    s_min, s_max, e_min, e_max = bounds
    if None not in bounds:
        exact = s_min == s_max and e_min == e_max
        precision = (Precision.DAY if exact and s_min == e_min else
                     Precision.SPAN if exact else Precision.WINDOW)
    elif s_min is None and e_max is None:
        precision = Precision.HELD
    else:
        precision = Precision.OPEN
    phrases = [s.phrase for s in spans if s.phrase]
    try:
        return TimeSpan(s_min, s_max, e_min, e_max, precision,
                        phrase=" ... ".join(dict.fromkeys(phrases)) or None,
                        resolution="the reports' times taken together")
    except DateError:
        return narrowest


def _roles(claim: Event) -> dict[str, set[Any]]:
    table: dict[str, set[Any]] = {}
    for p in claim.participants:
        table.setdefault(p.actor, set()).add(p.role)
    return table


def _merged_participants(claims: Sequence[Event]) -> tuple[Participant, ...]:
    """The union of the participants; an actor keeps the roles of the first claim that
    names it, and other claims' roles for it only where they overlap (else a conflict)."""
    tables = [_roles(c) for c in claims]
    first: dict[str, set[Any]] = {}
    for table in tables:
        for actor, roles in table.items():
            first.setdefault(actor, roles)
    out: list[Participant] = []
    for claim, table in zip(claims, tables, strict=True):
        for p in claim.participants:
            roles = table[p.actor]
            if (roles is first[p.actor] or roles & first[p.actor]) and p not in out:
                out.append(p)
    return tuple(out)


def _merged_status(claims: Sequence[Event], outcome: Sequence[Event]) -> Status:
    if not outcome:
        return claims[-1].status
    real = [c.status for c in outcome if c.status.is_real]
    if real and len(real) < len(outcome):
        return Status.DISPUTED  # one source says it happened, another that it did not
    if not real:
        return Status.DID_NOT_HAPPEN
    return min(real, key=_CONFIDENCE.__getitem__)


def find_conflicts(event_id: str, claims: Sequence[Event],
                   order: dict[str, tuple[date, date, str]] | None = None,
                   label: str | None = None,
                   place_kinds: Mapping[str, str] | None = None) -> list[Conflict]:
    """Every pair of claims of one event that disagree, field by field, in document order.

    ``order`` gives the documents' publication keys (:func:`document_order`), needed to
    tell a plan published after a report of the outcome. ``place_kinds`` maps place ids
    to their kinds: two places conflict only when they are of the same kind (two cities,
    two airports); a city and a building are not compared, since the graph does not say
    which place lies in which. Without it, any two places conflict.
    """
    out: list[Conflict] = []
    name = label or claims[0].label
    for i, a in enumerate(claims):
        for b in claims[i + 1:]:
            for field, va, vb, note in _disagreements(a, b, order or {}, place_kinds):
                out.append(Conflict(event_id, name, field,
                                    (_value(a, va), _value(b, vb)), note))
    return out


def find_doubts(record: Event | Affiliation | Stance, label: str,
                outlets: Mapping[str, str] | None = None) -> list[Conflict]:
    """A record its own document doubts or disputes (status ``disputed``): what is
    reported (by the outlets it cites, if any) against the document's own doubt.

    >>> from korea_graph import load
    >>> kg = load()
    >>> [c.claims[1].value for c in find_doubts(kg.events["ivanov-meets-kim-yong-nam"], "x")]
    ['disputed: It was unclear whether that report (roughly even); was a misstatement']
    """
    if record.status is not Status.DISPUTED:
        return []
    names = outlets or {}
    cited = ", ".join(dict.fromkeys(names.get(c.outlet, c.outlet) for c in record.citations))
    said = f"reported by {cited}" if cited else "reported"
    doubt = "; ".join(str(h) for h in record.hedges) or "the document doubts it"
    doc = claim_document(record)
    return [Conflict(record.id, label, "doubt",
                     (ClaimValue(doc, record.id, said, record.evidence),
                      ClaimValue(doc, record.id, f"disputed: {doubt}", record.evidence)),
                     "the document itself doubts what it reports")]


def _value(claim: Event, value: str) -> ClaimValue:
    return ClaimValue(claim_document(claim), claim.id, value, claim.evidence)


def _disagreements(a: Event, b: Event, order: dict[str, tuple[date, date, str]],
                   place_kinds: Mapping[str, str] | None = None
                   ) -> list[tuple[str, str, str, str]]:
    out = []
    if not a.when.possibly_overlaps(b.when):
        out.append(("when", _when(a.when), _when(b.when), "the two times cannot both be true"))
    if a.place and b.place and a.place != b.place and (
            place_kinds is None or place_kinds.get(a.place) == place_kinds.get(b.place)):
        out.append(("place", a.place, b.place, "different places"))
    if a.type is not b.type:
        out.append(("type", a.type.value, b.type.value, "described as different kinds of event"))
    status = _status_clash(a, b, order)
    if status:
        out.append(("status", a.status.value, b.status.value, status))
    roles_a, roles_b = _roles(a), _roles(b)
    for actor in roles_a.keys() & roles_b.keys():
        if not roles_a[actor] & roles_b[actor]:
            out.append(("role", f"{actor}: {', '.join(sorted(r.value for r in roles_a[actor]))}",
                        f"{actor}: {', '.join(sorted(r.value for r in roles_b[actor]))}",
                        "the same actor in different roles"))
    if a.wording and b.wording and normalize(a.wording) != normalize(b.wording):
        out.append(("wording", a.wording, b.wording, "the sources name it differently"))
    return out


def _when(span: TimeSpan) -> str:
    return f"{span} ({span.phrase})" if span.phrase else str(span)


def _status_clash(a: Event, b: Event, order: dict[str, tuple[date, date, str]]) -> str:
    sa, sb = a.status, b.status
    if sa in _OUTCOME and sb in _OUTCOME:
        if sa.is_real != sb.is_real:
            return "one source says it took place, the other that it did not"
        if {sa, sb} == {Status.OCCURRED, Status.DISPUTED}:
            return "one source states it, the other doubts it"
        return ""
    if (sa in _OUTCOME) == (sb in _OUTCOME):
        return ""
    done, plan = (a, b) if sa in _OUTCOME else (b, a)
    done_key = order.get(claim_document(done) or "")
    plan_key = order.get(claim_document(plan) or "")
    if done_key and plan_key and plan_key[0] > done_key[1]:
        return "a plan published after a report of the outcome"
    return ""


def map_record_ids(record: Event | Affiliation | Stance, actors: dict[str, str],
                   events: dict[str, str]) -> Any:
    """The record with actor and event ids replaced by the ids they are ``same_as``."""
    if not actors and not events:
        return record

    def a(x: str | None) -> str | None:
        return actors.get(x, x) if x is not None else None

    def e(x: str | None) -> str | None:
        return events.get(x, x) if x is not None else None

    cites = tuple(Citation(actors.get(c.outlet, c.outlet), c.date, c.note)
                  for c in record.citations)
    if isinstance(record, Event):
        return replace(
            record, participants=tuple(Participant(actors.get(p.actor, p.actor), p.role)
                                       for p in record.participants),
            place=a(record.place), part_of=e(record.part_of),
            about=tuple(events.get(x, x) for x in record.about), citations=cites)
    if isinstance(record, Affiliation):
        return replace(record, holder=actors.get(record.holder, record.holder),
                       organization=actors.get(record.organization, record.organization),
                       accredited_to=a(record.accredited_to), citations=cites)
    return replace(record, holder=actors.get(record.holder, record.holder),
                   target=actors.get(record.target, record.target),
                   expressed_in=e(record.expressed_in),
                   about=tuple(events.get(x, x) for x in record.about), citations=cites)
