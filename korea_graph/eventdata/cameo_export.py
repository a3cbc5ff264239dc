"""The graph as machine-coded event data: CAMEO dyadic rows (ICEWS-like TSV) and
PLOVER-style JSON, so the curated article can be set beside ICEWS or GDELT.

Each event becomes one row per (source, target) pair: a meeting of A and B gives A->B
and B->A, as ICEWS codes it; a visit gives 042 (guest -> host) and 043 (host -> guest).
The first 20 columns are ICEWS's, so :func:`korea_graph.eventdata.icews.read_icews` reads the file
back; the others keep what CAMEO cannot say (status, uncertain date, evidence).

>>> from korea_graph import load
>>> kg = load()
>>> rows = [r for r in to_cameo_rows(kg) if r["Event"] == "lee-visits-moscow"]
>>> [(r["Source Name"], r["CAMEO Code"], r["Target Name"]) for r in rows]
[('Lee Joung-binn', '042', 'Russia'), ('Russia', '043', 'Lee Joung-binn')]
>>> plover = {p["id"]: p for p in to_plover_json(kg)}["lee-visits-moscow"]
>>> plover["event"], plover["mode"], [a["code"] for a in plover["source"]]
('CONSULT', 'visit', ['KORGOV'])
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from itertools import permutations
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..core.model import Actor, ActorKind, Event, EventType, Role, Status
from ..core.relations import SIDES, side_pairs
from ..files import spreadsheet_safe, write_text
from .vocabulary import Code, actor_code, event_code

if TYPE_CHECKING:
    from ..core.graph import KnowledgeGraph

__all__ = ["CAMEO_COLUMNS", "dyads", "to_cameo_rows", "to_plover_json", "write_cameo_tsv",
           "write_plover_json"]

#: The columns of the TSV: ICEWS's 20, then korea_graph's.
CAMEO_COLUMNS = (
    "Event ID", "Event Date", "Source Name", "Source Sectors", "Source Country", "Event Text",
    "CAMEO Code", "Intensity", "Target Name", "Target Sectors", "Target Country", "Story ID",
    "Sentence Number", "Publisher", "City", "District", "Province", "Country", "Latitude",
    "Longitude",
    "Event", "Dataset", "Status", "Date", "Source Code", "Target Code", "PLOVER", "Reports",
    "Evidence",
)
_NA = "NA"
_MEETINGS = {EventType.MEETING, EventType.TALKS, EventType.SUMMIT, EventType.NEGOTIATION}
# event type -> (source roles, target roles) for directed events
_DIRECTED: dict[EventType, tuple[tuple[Role, ...], tuple[Role, ...]]] = {
    EventType.LETTER: ((Role.SENDER,), (Role.ADDRESSEE,)),
    EventType.STATEMENT: ((Role.SPEAKER,), (Role.SUBJECT, Role.TOPIC)),
    EventType.ANNOUNCEMENT: ((Role.ANNOUNCER,), (Role.SUBJECT,)),
    EventType.PROPOSAL: ((Role.PROPOSER,), (Role.ADDRESSEE, Role.OBJECT)),
    EventType.DECISION: ((Role.DECIDER,), (Role.SUBJECT,)),
    EventType.ARMS_TRANSFER: ((Role.SUPPLIER,), (Role.RECIPIENT,)),
    EventType.CONSTRUCTION: ((Role.PARTICIPANT,), (Role.OBJECT,)),
    EventType.SIGNING: ((Role.SIGNATORY,), (Role.OBJECT,)),
    EventType.COOPERATION: ((Role.SUPPLIER,), (Role.RECIPIENT,)),
    EventType.VISIT: ((Role.GUEST,), (Role.HOST,)),
}


def dyads(kg: KnowledgeGraph, event: Event
          ) -> Iterator[tuple[Code, str | None, str | None, bool]]:
    """``(code, source, target, primary)`` rows of an event; ``primary`` is false for the
    mirrored row of a symmetric event (B->A after A->B) and for a visit's 043 row.

    CAMEO actors act: a treaty, plan or plant is not a target (the row has none), and a
    visit with no host is coded towards the country of the place visited.
    """
    code = event_code(event)
    place = kg.actors.get(event.place) if event.place else None
    place_state = place.country if place is not None else None
    if code is None:
        return
    if event.type is EventType.VISIT and code.cameo in ("042", "043"):
        from .vocabulary import CAMEO

        guests, hosts = event.actors(Role.GUEST), event.actors(Role.HOST)
        targets = hosts or (place_state,)
        for guest in guests:
            for host in targets:
                yield CAMEO["042"], guest, host, True
                if host in hosts:
                    yield CAMEO["043"], host, guest, False
        return
    pairs = _symmetric(event)
    if pairs is not None:
        yield from ((code, a, b, primary) for a, b, primary in pairs)
        return
    sources, targets = _DIRECTED.get(event.type, (SIDES, ()))
    who = event.actors(*sources) or event.actors(*SIDES) or (None,)
    whom = tuple(b for b in event.actors(*targets)
                 if b in kg.actors and kg.actors[b].kind.is_agent) or (None,)
    for a in who:
        for b in whom:
            if a != b:
                yield code, a, b, True


def _symmetric(event: Event) -> list[tuple[str, str | None, bool]] | None:
    if event.type in _MEETINGS or event.type is EventType.COOPERATION:
        roles = {p.actor: p.role for p in event.participants if p.role in SIDES}
        together = set(side_pairs(event))  # who acted with whom: the derivation's rule
    elif event.type is EventType.SIGNING and len(event.actors(Role.SIGNATORY)) > 1:
        roles = {a: Role.SIGNATORY for a in event.actors(Role.SIGNATORY)}
        together = {(a, b) for a in roles for b in roles if a != b}
    else:
        return None
    if len(roles) < 2:
        return None if event.type is not EventType.COOPERATION or not roles else [
            (next(iter(roles)), None, True)]
    order = list(roles)
    out: list[tuple[str, str | None, bool]] = []
    for a, b in permutations(order, 2):
        if (a, b) not in together and (b, a) not in together:
            continue
        out.append((a, b, order.index(a) < order.index(b)))
    return out


def _clean(text: str | None) -> str:
    """A TSV cell: no tabs or line breaks; ``NA`` when empty."""
    if text is None or not str(text).strip():
        return _NA
    return " ".join(str(text).split())


def _country(kg: KnowledgeGraph, actor: Actor | None) -> str | None:
    if actor is None:
        return None
    if actor.kind is ActorKind.STATE:
        return actor.label
    state = kg.actors.get(actor.country or "")
    return state.label if state is not None else None


def _sectors(actor: Actor | None) -> str | None:
    if actor is None or actor.kind in (ActorKind.PERSON, ActorKind.STATE):
        return None
    return actor.kind.value.replace("_", " ").title()


def to_cameo_rows(kg: KnowledgeGraph, *, all_statuses: bool = False) -> list[dict[str, str]]:
    """One dict per dyadic CAMEO row, keyed by :data:`CAMEO_COLUMNS`, in event order.

    Events CAMEO has no code for (news reports) give no row, nor do events that did not
    happen (Lee did not meet Putin), unless ``all_statuses``: a CAMEO row asserts the act.
    """
    rows = []
    for event in kg.events.values():
        if event.status is Status.DID_NOT_HAPPEN and not all_statuses:
            continue
        for n, (code, a, b, _primary) in enumerate(dyads(kg, event), 1):
            rows.append(_row(kg, event, n, code, a, b))
    return rows


def _row(kg: KnowledgeGraph, event: Event, n: int, code: Code, a: str | None,
         b: str | None) -> dict[str, str]:
    src = kg.actors.get(a) if a else None
    dst = kg.actors.get(b) if b else None
    place = kg.actors.get(event.place) if event.place else None
    day = event.when.first_known_day
    first = event.sources[0] if event.sources else None
    evidence = event.evidence[0] if event.evidence else None
    doc = kg.documents.get(evidence.document) if evidence else None
    publisher = first.publisher if first else None
    if publisher is None and doc is not None:
        outlet = kg.actors.get(doc.publisher)
        publisher = outlet.label if outlet else doc.publisher
    values: dict[str, str | None] = {
        "Event ID": f"{event.id}#{n}",
        "Event Date": day.isoformat() if day else None,
        "Source Name": src.label if src else None,
        "Source Sectors": _sectors(src),
        "Source Country": _country(kg, src),
        "Event Text": code.name,
        "CAMEO Code": code.cameo,
        "Intensity": f"{code.goldstein:g}",
        "Target Name": dst.label if dst else None,
        "Target Sectors": _sectors(dst),
        "Target Country": _country(kg, dst),
        "Story ID": (first.story_id or first.row_id) if first else (doc.id if doc else None),
        "Sentence Number": (str(first.sentence) if first and first.sentence is not None
                            else str(evidence.paragraph) if evidence else None),
        "Publisher": publisher,
        "City": place.label if place and place.kind.category == "place" else None,
        "District": None,
        "Province": None,
        "Country": _country(kg, place),
        "Latitude": None,
        "Longitude": None,
        "Event": event.id,
        "Dataset": first.dataset if first else "curated",
        "Status": event.status.value,
        "Date": event.when.iso(),
        "Source Code": actor_code(kg, a, event.when) if a else None,
        "Target Code": actor_code(kg, b, event.when) if b else None,
        "PLOVER": code.plover,
        "Reports": str(len(event.sources) or len(event.evidence)),
        "Evidence": evidence.quote if evidence else None,
    }
    return {column: _clean(values[column]) for column in CAMEO_COLUMNS}


def write_cameo_tsv(kg: KnowledgeGraph, path: str | os.PathLike[str]) -> Path:
    """Write :func:`to_cameo_rows` as a tab-separated file with a header line (a cell a
    spreadsheet would run as a formula starts with ``'``)."""
    path = Path(path)
    lines = ["\t".join(CAMEO_COLUMNS)]
    lines += ["\t".join(spreadsheet_safe(row[c]) for c in CAMEO_COLUMNS)
              for row in to_cameo_rows(kg)]
    return write_text(path, "\n".join(lines) + "\n")


def to_plover_json(kg: KnowledgeGraph) -> list[dict[str, Any]]:
    """One PLOVER-style record per event that PLOVER codes: lists of source and target
    actors (PLOVER's way of saying one meeting once), event category, mode, context,
    and korea_graph's status, dates and provenance. Events that did not happen are left
    out, as in :func:`to_cameo_rows`."""
    out = []
    for event in kg.events.values():
        if event.status is Status.DID_NOT_HAPPEN:
            continue
        rows = [r for r in dyads(kg, event) if r[3]]
        if not rows or rows[0][0].plover is None:
            continue
        code = rows[0][0]
        sources = list(dict.fromkeys(a for _, a, _, _ in rows if a))
        targets = [b for b in dict.fromkeys(b for _, _, b, _ in rows if b) if b not in sources]
        day = event.when.first_known_day
        out.append({
            "id": event.id,
            "date": day.isoformat() if day else None,
            "dateRange": event.when.iso(),
            "source": [_plover_actor(kg, a, event) for a in sources],
            "target": [_plover_actor(kg, b, event) for b in targets],
            "event": code.plover,
            "mode": code.plover_mode,
            "context": code.plover_context,
            "cameo": code.cameo,
            "eventText": event.label,
            "text": " ".join(e.quote for e in event.evidence) or None,
            "status": event.status.value,
            "type": event.type.value,
            "sources": [{k: v for k, v in (("dataset", s.dataset), ("rowId", s.row_id),
                                             ("storyId", s.story_id), ("sentence", s.sentence),
                                             ("publisher", s.publisher), ("url", s.url))
                         if v is not None} for s in event.sources],
            "evidence": [{"document": e.document, "start": e.start, "end": e.end,
                          "paragraph": e.paragraph} for e in event.evidence],
        })
    return out


def _plover_actor(kg: KnowledgeGraph, actor_id: str, event: Event) -> dict[str, Any]:
    actor = kg.actors[actor_id]
    return {"actorText": actor.label, "code": actor_code(kg, actor_id, event.when),
            "id": actor.id}


def write_plover_json(kg: KnowledgeGraph, path: str | os.PathLike[str]) -> Path:
    """Write :func:`to_plover_json` as a JSON array (UTF-8, indented)."""
    path = Path(path)
    return write_text(path, json.dumps(to_plover_json(kg), ensure_ascii=False, indent=1) + "\n")
