"""The timeline: every record drawn as the uncertainty of its time, on one offline page.

:func:`timeline_view` filters the graph as :func:`~korea_graph.views.network_view.view`
does and returns a :class:`Timeline`: one line per event, post or stance, under a row
heading per event kind or per actor. Each line shows the span the record *certainly*
covers (solid), the span it *possibly* covers (hatched), a dot for a known day and an
arrow for an open end ("held at D": known on one day, open on both sides); the status
(planned, reported, disputed, did not happen...) sets colour and border; each document's
publication date is a band, "as known on". The page draws with vis-timeline, vendored in
``korea_graph/views/vendor/vis-timeline`` (docs/views.md says which version and why).

>>> from korea_graph import load
>>> t = timeline_view(load())
>>> line = t.line("putin-visits-pyongyang")
>>> line["caption"], line["point"], line["certain"]
("Putin's visit to Pyongyang", False, ['2000-07-19', '2000-07-20'])
>>> week = t.line("north-korean-delegation-visits-moscow")["when"]  # "last week"
>>> week["possible"], week["certain"]
(['2000-06-26', '2000-07-02'], None)
>>> post = t.line("putin-president")["when"]  # held at publication: open on both sides
>>> post["possible"], post["certain"]
([None, None], None)
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from ..core.graph import KnowledgeGraph
from ..core.model import ActorKind, Affiliation, Event, EventType, Stance
from ..core.relations import Relation, RelationType
from ..core.timespan import TimeSpan
from ..errors import QueryError
from .page import Page, template, vendored
from .selection import TimeBound, document_choices, select
from .styles import (
    RELATION_FAMILIES,
    TIMELINE_STATUS_STYLE,
    caption,
    family_of,
    status_words,
)

__all__ = ["Geometry", "Timeline", "geometry", "timeline_view"]

VIS_TIMELINE_VERSION = "8.5.4"

_ROWS = ("kind", "actor")
_KIND_ORDER = [t.value for t in EventType] + ["post", "stance"]


@dataclass(frozen=True)
class Geometry:
    """How a time span is drawn, in whole days (ends exclusive): ``possible`` is where
    the record may be, ``certain`` where it surely is (``None`` when no day is sure);
    an open side is drawn to ``limits`` and marked; ``point`` is one known day."""

    possible: tuple[date, date]
    certain: tuple[date, date] | None
    open_start: bool
    open_end: bool
    point: bool


def geometry(when: TimeSpan, limits: tuple[date, date]) -> Geometry:
    """The drawing of ``when`` between ``limits`` (used for open sides).

    >>> from datetime import date
    >>> g = geometry(TimeSpan.parse("2000-06"), (date(1990, 1, 1), date(2001, 1, 1)))
    >>> g.possible, g.certain
    ((datetime.date(2000, 6, 1), datetime.date(2000, 7, 1)), None)
    >>> g = geometry(TimeSpan.parse("1990/2000-07-03"), (date(1990, 1, 1), date(2001, 1, 1)))
    >>> [d.isoformat() for d in g.certain]
    ['1990-12-31', '2000-07-04']
    >>> g = geometry(TimeSpan.parse("../2000-07-03"), (date(1989, 1, 1), date(2001, 1, 1)))
    >>> g.open_start, g.possible[0].isoformat(), g.certain
    (True, '1989-01-01', None)
    """
    day = timedelta(days=1)
    first = when.start_min if when.start_min is not None else limits[0]
    last = when.end_max + day if when.end_max is not None else limits[1]
    certain = None
    if when.start_max is not None and when.end_min is not None \
            and when.start_max <= when.end_min:
        certain = (when.start_max, when.end_min + day)
    point = when.start_min is not None and when.start_min == when.end_max
    return Geometry((first, max(last, first + day)), certain, when.start_min is None,
                    when.end_max is None, point)


def timeline_view(
    kg: KnowledgeGraph,
    focus: str | None = None,
    depth: int = 1,
    until: TimeBound | None = None,
    since: TimeBound | None = None,
    relations: Iterable[RelationType | str] | None = None,
    kinds: Iterable[ActorKind | str] | None = None,
    include_unreal: bool = True,
    title: str | None = None,
    documents: Iterable[str] | None = None,
    rows: str = "kind",
    as_of: TimeBound | None = None,
) -> Timeline:
    """A timeline of the records behind the relations the filters keep (the filters of
    :func:`korea_graph.view`); ``rows="kind"`` heads the lines by event kind (then
    posts, then stances), ``rows="actor"`` by the actors taking part (a record shows under
    each of them).

    >>> from korea_graph import load
    >>> t = timeline_view(load(), focus="Igor Ivanov", rows="actor")
    >>> t.rows[0]["label"], len(t.lines) > len(t.record_ids)
    ('Igor Ivanov', True)
    >>> timeline_view(load(), rows="year")
    Traceback (most recent call last):
    ...
    korea_graph.errors.QueryError: unknown rows 'year' (expected kind or actor)
    """
    if rows not in _ROWS:
        raise QueryError(f"unknown rows {rows!r} (expected {' or '.join(_ROWS)})")
    chosen = select(kg, focus=focus, depth=depth, until=until, since=since,
                    relations=relations, kinds=kinds, include_unreal=include_unreal,
                    documents=documents, title=title, as_of=as_of)
    return Timeline(chosen.kg, chosen.relations, rows=rows, title="Timeline · " + chosen.title,
                    focus=chosen.focus)


class Timeline(Page):
    """A timeline ready to draw: ``html`` is the page, ``save(path)`` writes it,
    ``picture(path)`` a static PNG/SVG/PDF (matplotlib), and Jupyter shows it inline.

    ``record_ids`` are the records shown, in time order; ``rows`` the row headings and
    ``lines`` the drawn lines (one per record, or per record and actor), as the page
    gets them in ``data``.
    """

    def __init__(self, kg: KnowledgeGraph, relations: Iterable[Relation], *,
                 rows: str = "kind", title: str = "korea_graph timeline",
                 focus: str | None = None) -> None:
        self.kg = kg
        self.relations: tuple[Relation, ...] = tuple(relations)
        self.title = title
        self.focus = focus
        self.row_kind = rows
        by_record: dict[str, list[Relation]] = {}
        for rel in self.relations:
            by_record.setdefault(rel.record, []).append(rel)
        self._by_record = by_record
        order = sorted(by_record, key=lambda r: (_when(kg, r).sort_key(), r))
        self.record_ids: tuple[str, ...] = tuple(order)
        self.limits = _limits(kg, [_when(kg, r) for r in order])
        self.window = _window(kg, [_when(kg, r) for r in order], self.limits)
        self.data: dict[str, Any] = self._page_data()
        self.rows: list[dict[str, Any]] = self.data["rows"]
        self.lines: list[dict[str, Any]] = self.data["lines"]

    def __repr__(self) -> str:
        return (f"<Timeline {self.title!r}: {len(self.record_ids)} records in "
                f"{len(self.rows)} rows by {self.row_kind}>")

    def line(self, record: str, actor: str | None = None) -> dict[str, Any]:
        """The drawn line of ``record`` (under ``actor`` when rows are actors)."""
        for line in self.lines:
            if line["record"] == record and (actor is None or line["row"] == actor):
                return line
        raise QueryError(f"{record!r} is not on this timeline")

    def picture(self, path: str | os.PathLike[str], *, width: float = 12,
                height: float | None = None, dpi: int = 150) -> Path:
        """Write a static picture of the timeline (PNG, SVG or PDF by the file's
        suffix); needs matplotlib (``pip install 'korea_graph[views]'``)."""
        from .pictures import timeline_picture

        return timeline_picture(self, path, width=width, height=height, dpi=dpi)

    def _body(self) -> str:
        return template("timeline.html")

    def _styles(self) -> str:
        return vendored("vis-timeline/vis-timeline-graph2d.min.css") + "\n" + template(
            "timeline.css")

    def _library(self) -> str:
        return vendored("vis-timeline/vis-timeline-graph2d.min.js")

    def _script(self) -> str:
        return template("timeline.js")

    # -- data ------------------------------------------------------------------------------
    def _page_data(self) -> dict[str, Any]:
        kg = self.kg
        rows: dict[str, dict[str, Any]] = {}
        lines: list[dict[str, Any]] = []
        for record in self.record_ids:
            rels = self._by_record[record]
            info = self._record_info(record, rels)
            if self.row_kind == "kind":
                heads = [_kind_of(kg.record(record))]
            else:
                heads = list(dict.fromkeys(a for r in rels for a in (r.source, r.target)))
            for head in heads:
                row = rows.setdefault(head, {"id": head, "label": self._row_label(head),
                                             "lines": []})
                line = dict(info, id=f"{head}|{record}", row=head)
                row["lines"].append(line["id"])
                lines.append(line)
        if self.row_kind == "kind":
            ordered = sorted(rows.values(), key=lambda r: _KIND_ORDER.index(r["id"]))
        else:
            ordered = sorted(rows.values(), key=lambda r: (r["id"] != self.focus,
                                                           -len(r["lines"]), r["label"]))
        statuses = {kg.record(r).status for r in self.record_ids}
        families = {family_of(rel.type) for rel in self.relations}
        types = {rel.type for rel in self.relations}
        return {
            "title": self.title, "rows": ordered, "lines": lines, "rowKind": self.row_kind,
            "limits": [d.isoformat() for d in self.limits],
            "window": [d.isoformat() for d in self.window],
            "published": self._publications(),
            "statusStyle": {s.value: {"fill": f, "border": b, "style": st}
                            for s, (f, b, st) in TIMELINE_STATUS_STYLE.items()},
            "legend": {
                "families": [{"name": f, "color": col,
                              "types": [t.value.replace("_", " ") for t in ts if t in types]}
                             for f, (col, ts) in RELATION_FAMILIES.items() if f in families],
                "statuses": [{"name": status_words(s), "key": s.value}
                             for s in TIMELINE_STATUS_STYLE if s in statuses],
                "documents": document_choices(kg, self.relations),
            },
        }

    def _row_label(self, head: str) -> str:
        if self.row_kind == "actor":
            return self.kg.actors[head].label
        return {"post": "posts and memberships", "stance": "stances"}.get(
            head, head.replace("_", " "))

    def _record_info(self, record: str, rels: list[Relation]) -> dict[str, Any]:
        kg = self.kg
        rec = kg.record(record)
        when = rec.when
        g = geometry(when, self.limits)
        label = _record_label(kg, rec)
        docs = sorted({e.document for r in rels for e in r.evidence})
        actors = list(dict.fromkeys(a for r in rels for a in (r.source, r.target)))
        return {
            "record": record, "label": label, "caption": caption(label, rec.status),
            "status": rec.status.value, "statusName": status_words(rec.status),
            "kind": _kind_of(rec).replace("_", " "),
            "when": {"iso": when.iso(), "phrase": when.phrase or "",
                     "resolution": when.resolution or "", "precision": when.precision.value,
                     "possible": _iso_days(when.start_min, when.end_max),
                     "certain": _iso_days(when.start_max, when.end_min)
                     if g.certain is not None else None},
            "start": g.possible[0].isoformat(), "end": g.possible[1].isoformat(),
            "certain": [d.isoformat() for d in g.certain] if g.certain else None,
            "openStart": g.open_start, "openEnd": g.open_end, "point": g.point,
            "actors": [kg.actors[a].label for a in actors],
            "relations": sorted({f"{kg.actors[r.source].label} {r.type.value.replace('_', ' ')}"
                                 f" {kg.actors[r.target].label}" for r in rels}),
            "evidence": [e.quote for e in rec.evidence],
            "sources": self._claims(rec),
            "citations": [_citation(kg, c.outlet, c.date) for c in rec.citations],
            "documentTitles": [kg.documents[d].title if d in kg.documents else d
                               for d in docs],
            "filter": {"family": sorted({family_of(r.type) for r in rels}),
                       "status": rec.status.value, "document": docs},
        }

    def _claims(self, rec: Event | Affiliation | Stance) -> list[str]:
        """What each source says of an event several documents report, as known on each
        one's publication: "Analyst note (2000-07-20): occurred, 2000-07-19"."""
        if not isinstance(rec, Event):
            return []
        claims = self.kg.claims(rec)
        if len(claims) < 2:
            return []
        out = []
        for claim in claims:
            doc = claim.evidence[0].document if claim.evidence else None
            known = self.kg.documents.get(doc) if doc else None
            name = f"{known.title} ({known.published.iso()})" if known else (doc or "no document")
            out.append(f"{name}: {status_words(claim.status)}, {claim.when.iso()}")
        return out

    def _publications(self) -> list[dict[str, Any]]:
        used = {e.document for r in self.relations for e in r.evidence}
        out = []
        for doc in self.kg.documents.values():
            if doc.id not in used:
                continue
            g = geometry(doc.published, self.limits)
            out.append({"id": doc.id, "title": doc.title, "when": doc.published.iso(),
                        "start": g.possible[0].isoformat(), "end": g.possible[1].isoformat()})
        return out


# -- helpers ---------------------------------------------------------------------------------
def _when(kg: KnowledgeGraph, record: str) -> TimeSpan:
    return kg.record(record).when


def _kind_of(rec: Event | Affiliation | Stance) -> str:
    if isinstance(rec, Event):
        return rec.type.value
    return "post" if isinstance(rec, Affiliation) else "stance"


def _record_label(kg: KnowledgeGraph, rec: Event | Affiliation | Stance) -> str:
    if isinstance(rec, Event):
        return rec.label
    if isinstance(rec, Affiliation):
        what = rec.title or rec.kind.value.replace("_", " ")
        return f"{kg.actors[rec.holder].label}: {what}, {_label(kg, rec.organization)}"
    return (f"{kg.actors[rec.holder].label} {rec.attitude.value.replace('_', ' ')} "
            f"{_label(kg, rec.target)}")


def _label(kg: KnowledgeGraph, actor: str) -> str:
    return kg.actors[actor].label if actor in kg.actors else actor


def _citation(kg: KnowledgeGraph, outlet: str, when: TimeSpan | None) -> str:
    return f"{_label(kg, outlet)}, {when}" if when is not None else _label(kg, outlet)


def _iso_days(first: date | None, last: date | None) -> list[str | None]:
    return [first.isoformat() if first else None, last.isoformat() if last else None]


def _known_days(spans: Iterable[TimeSpan]) -> list[date]:
    return [d for s in spans for d in (s.start_min, s.start_max, s.end_min, s.end_max)
            if d is not None]


def _limits(kg: KnowledgeGraph, spans: list[TimeSpan]) -> tuple[date, date]:
    """Where open sides are drawn to: a little beyond every known day and publication."""
    days = _known_days([*spans, *(d.published for d in kg.documents.values())])
    if not days:
        today = date(2000, 1, 1)
        return today, today + timedelta(days=1)
    first, last = min(days), max(days)
    pad = timedelta(days=max(14, (last - first).days // 20))
    return first - pad, last + pad + timedelta(days=1)


def _window(kg: KnowledgeGraph, spans: list[TimeSpan],
            limits: tuple[date, date]) -> tuple[date, date]:
    """What the page shows first: the six weeks before the latest publication and what
    the documents expect after it (up to two months on), so a decision of 1990 does not
    squeeze the weeks the documents are about; "Fit all" shows everything."""
    published = [d.published.end_max for d in kg.documents.values() if d.published.end_max]
    days = _known_days(spans)
    if not days:
        return limits
    anchor = max(published) if published else max(days)
    later = [d for d in days if anchor < d <= anchor + timedelta(days=61)]
    first = max(limits[0], anchor - timedelta(days=42))
    last = min(limits[1], max([anchor, *later]) + timedelta(days=6))
    return first, last
