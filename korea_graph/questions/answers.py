"""Typed answer rows and the :class:`Answers` list that notebooks and the CLI show.

Every row keeps its evidence and status; :class:`Answers` adds the question, the query
that ran, a pandas view (``to_frame``), an HTML table for notebooks (escaped), JSON, CSV
and a plain-text table.

>>> from korea_graph import load
>>> from korea_graph.questions.query import meetings
>>> answers = meetings(load(), involving="Mamedov")
>>> print(answers.to_table())
#  date        subject         relation  object        status    time_condition
-  ----------  --------------  --------  ------------  --------  --------------
1  2000-06-27  Georgy Mamedov  met_with  Jai-chun Lee  occurred

The ``time_condition`` column (:data:`TIME_CONDITION_HELP`) says whether the question's
time condition holds ``certain``-ly or only ``possible``-ly; tables list the certain rows
first and say so in words.
"""

from __future__ import annotations

import csv
import html
import io
import json
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar, Generic, TypeVar, overload

from ..core.model import Evidence, Status
from ..core.timespan import TimeSpan
from ..errors import DependencyError
from ..files import spreadsheet_safe

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["TIME_CONDITION_HELP", "ActorRow", "Answers", "ClaimRow", "ConflictRow", "EventRow",
           "Fact", "LazyRows", "PathRow", "PostRow", "Row", "SourceRow", "mark"]

#: What the ``time_condition`` column means, for help texts and docs.
TIME_CONDITION_HELP = (
    "time_condition: 'certain' when the row meets the question's time condition whatever "
    "the uncertainty of its dates (a meeting on June 27 is certainly before July 19); "
    "'possible' when it meets it only for some reading of them (a meeting 'last week' may "
    "or may not fall on June 27); empty when the question has no time condition")


def _time(when: TimeSpan | None) -> dict[str, Any]:
    if when is None:
        return {"date": None, "earliest": None, "latest": None, "precision": None}
    return {
        "date": when.iso(),
        "earliest": str(when.earliest) if when.earliest else None,
        "latest": str(when.latest) if when.latest else None,
        "precision": when.precision.value,
    }


def _flag(status: Status, review: str | None) -> str | None:
    """What an answer must warn about: a hedged status, a drafted record nobody checked."""
    parts = [status.value] if status.is_hedged else []
    if review:
        parts.append("unreviewed")
    return ", ".join(parts) or None


def mark(rec: dict[str, Any]) -> str:
    """What a row's reader must see at once: ``unreviewed`` (a drafted record nobody
    checked), ``disputed`` (the source doubts it), ``hedged`` (reported, or hedged words),
    ``+unreviewed`` (unreviewed reports stand beside a curated one).

    >>> mark({"status": "reported", "hedges": []}), mark({"status": "occurred"})
    ('hedged', '')
    """
    parts = []
    if rec.get("review"):
        parts.append("unreviewed")
    if rec.get("status") == Status.DISPUTED.value:
        parts.append("disputed")
    elif rec.get("status") == Status.REPORTED.value or rec.get("hedges"):
        parts.append("hedged")
    if rec.get("unreviewed_reports"):
        parts.append("+unreviewed")
    return ", ".join(parts)


def _cell(rec: dict[str, Any], column: str) -> str:
    if column == "mark":
        return mark(rec)
    value = rec.get(column)
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return "" if value is None else str(value)


def _table_header(columns: list[str], records: list[dict[str, Any]]) -> list[str]:
    """``#``, the columns, ``mark`` when a row needs one, and what tells look-alike rows
    apart: the record id, then the documents."""
    header = ["#", *columns]
    if any(mark(rec) for rec in records):
        header.append("mark")
    for extra in ("record", "event", "documents"):
        seen = [tuple(_cell(rec, c) for c in header[1:]) for rec in records]
        if len(set(seen)) == len(seen):
            break
        if any(extra in rec for rec in records) and extra not in header:
            header.append(extra)
    return header


def _evidence(evidence: Sequence[Evidence]) -> str:
    return " […] ".join(e.quote for e in evidence)


@dataclass(frozen=True, slots=True)
class Row:
    """Base of answer rows: ``record()`` gives a JSON-ready dict, ``columns`` the table."""

    columns: ClassVar[tuple[str, ...]] = ("label",)

    def record(self) -> dict[str, Any]:  # pragma: no cover - every row overrides
        raise NotImplementedError

    def cells(self) -> list[str]:
        """The plain-text cells of :attr:`columns`."""
        rec = self.record()
        return ["" if rec.get(c) is None else str(rec[c]) for c in self.columns]

    def notes(self) -> list[str]:
        """The article's hedges and the curator's inferences behind the row, as text."""
        rec = self.record()
        out = [f"hedged: {h}" for h in rec.get("hedges") or ()]
        out += [f"inferred: {i}" for i in rec.get("inferred") or ()]
        out += [f"unreviewed report beside it: {b}" for b in rec.get("unreviewed_reports") or ()]
        return out


def _documents(evidence: tuple[Evidence, ...]) -> list[str]:
    """The documents whose text supports a row, in evidence order, each once."""
    return list(dict.fromkeys(e.document for e in evidence))


@dataclass(frozen=True, slots=True)
class Fact(Row):
    """``subject --relation--> object``, with when, status, evidence and, for answers
    filtered by time, whether the time condition holds ``certain``-ly or only ``possible``."""

    subject: str
    subject_id: str
    relation: str
    object: str
    object_id: str
    when: TimeSpan
    status: Status
    record_id: str
    evidence: tuple[Evidence, ...] = ()
    citations: tuple[str, ...] = ()
    place: str | None = None
    certainty: str | None = None
    hedges: tuple[str, ...] = ()  #: the article's hedging of the record ("apparently")
    inferred: tuple[str, ...] = ()  #: attributes of the record the evidence does not word
    title: str | None = None  #: the post title, for posts
    subject_for: str | None = None  #: the state or body the subject acted for, if rolled up
    object_for: str | None = None
    review: str | None = None  #: "unreviewed (confidence 0.7)" for a drafted record
    #: what unreviewed reports of the same curated record say ("occurred in doc-x (...)")
    beside: tuple[str, ...] = ()

    columns: ClassVar[tuple[str, ...]] = (
        "date", "subject", "relation", "object", "status", "time_condition")

    def record(self) -> dict[str, Any]:
        """The row as a JSON-ready dict (labels, ISO 8601 dates, status, evidence)."""
        return {
            "subject": self.subject, "subject_id": self.subject_id,
            "relation": self.relation, "object": self.object, "object_id": self.object_id,
            **_time(self.when), "status": self.status.value,
            "flag": _flag(self.status, self.review),
            "time_condition": self.certainty, "place": self.place, "record": self.record_id,
            "title": self.title, "hedges": list(self.hedges), "inferred": list(self.inferred),
            "subject_for": self.subject_for, "object_for": self.object_for,
            "evidence": _evidence(self.evidence), "sources": list(self.citations),
            "documents": _documents(self.evidence),
            **({"review": self.review} if self.review else {}),
            **({"unreviewed_reports": list(self.beside)} if self.beside else {}),
        }


@dataclass(frozen=True, slots=True)
class EventRow(Row):
    """One event: what happened, when, who took part, with its evidence."""

    event_id: str
    label: str
    type: str
    when: TimeSpan
    status: Status
    participants: tuple[str, ...]
    place: str | None
    evidence: tuple[Evidence, ...]
    citations: tuple[str, ...] = ()
    certainty: str | None = None
    hedges: tuple[str, ...] = ()  #: the article's hedging of the event ("apparently")
    inferred: tuple[str, ...] = ()  #: attributes the evidence does not word
    review: str | None = None  #: "unreviewed (confidence 0.7)" for a drafted record
    #: what unreviewed reports of the same curated event say ("occurred in doc-x (...)")
    beside: tuple[str, ...] = ()

    columns: ClassVar[tuple[str, ...]] = ("date", "label", "type", "status", "time_condition")

    def record(self) -> dict[str, Any]:
        """The row as a JSON-ready dict."""
        return {
            "event": self.event_id, "label": self.label, "type": self.type,
            **_time(self.when), "status": self.status.value,
            "flag": _flag(self.status, self.review),
            "time_condition": self.certainty, "participants": list(self.participants),
            "place": self.place, "hedges": list(self.hedges), "inferred": list(self.inferred),
            "evidence": _evidence(self.evidence), "sources": list(self.citations),
            "documents": _documents(self.evidence),
            **({"review": self.review} if self.review else {}),
            **({"unreviewed_reports": list(self.beside)} if self.beside else {}),
        }


@dataclass(frozen=True, slots=True)
class PostRow(Row):
    """Who held a post: holder, title, organisation, when (as the article gives it) and,
    for answers at a date, whether the post ``certain``-ly or only ``possible``-y held."""

    holder: str
    holder_id: str
    title: str | None
    kind: str
    organization: str
    organization_id: str
    accredited_to: str | None
    when: TimeSpan
    status: Status
    record_id: str
    evidence: tuple[Evidence, ...] = ()
    citations: tuple[str, ...] = ()
    certainty: str | None = None
    hedges: tuple[str, ...] = ()
    inferred: tuple[str, ...] = ()

    columns: ClassVar[tuple[str, ...]] = (
        "holder", "title", "organization", "date", "status", "time_condition")

    def record(self) -> dict[str, Any]:
        """The row as a JSON-ready dict."""
        return {
            "holder": self.holder, "holder_id": self.holder_id, "title": self.title,
            "kind": self.kind, "organization": self.organization,
            "organization_id": self.organization_id, "accredited_to": self.accredited_to,
            **_time(self.when), "status": self.status.value,
            "flag": self.status.value if self.status.is_hedged else None,
            "time_condition": self.certainty, "record": self.record_id,
            "hedges": list(self.hedges), "inferred": list(self.inferred),
            "evidence": _evidence(self.evidence), "sources": list(self.citations),
            "documents": _documents(self.evidence),
        }


@dataclass(frozen=True, slots=True)
class PathRow(Row):
    """A chain of relations linking two actors; ``nodes`` are the actor ids in order.

    Each step keeps its own direction: ``A -[heads]-> B`` or ``A <-[heads]- B``.
    """

    nodes: tuple[str, ...]
    labels: tuple[str, ...]
    steps: tuple[Fact, ...]

    columns: ClassVar[tuple[str, ...]] = ("length", "path")

    def text(self) -> str:
        """The chain as text, with each relation's date and, if not occurred, status."""
        parts = [self.labels[0]]
        for node, label, step in zip(self.nodes[1:], self.labels[1:], self.steps, strict=True):
            tag = f"{step.relation} {step.when}"
            if step.status is not Status.OCCURRED:
                tag += f" {step.status.value}"
            forward = step.object_id == node
            parts.append(f" -[{tag}]-> {label}" if forward else f" <-[{tag}]- {label}")
        return "".join(parts)

    def record(self) -> dict[str, Any]:
        """The row as a JSON-ready dict, with each step and its evidence."""
        return {
            "length": len(self.steps), "path": self.text(), "actors": list(self.labels),
            "evidence": _evidence([e for s in self.steps for e in s.evidence]),
            "steps": [s.record() for s in self.steps],
        }


@dataclass(frozen=True, slots=True)
class ActorRow(Row):
    """Who someone is: kind, aliases, Wikidata id and posts."""

    actor_id: str
    label: str
    kind: str
    aliases: tuple[str, ...]
    wikidata: str | None
    posts: tuple[Fact, ...] = field(default=())

    columns: ClassVar[tuple[str, ...]] = ("label", "kind", "wikidata", "posts")

    def record(self) -> dict[str, Any]:
        """The row as a JSON-ready dict."""
        return {
            "actor": self.actor_id, "label": self.label, "kind": self.kind,
            "aliases": list(self.aliases), "wikidata": self.wikidata,
            "posts": "; ".join(f"{p.relation.replace('_', ' ')} {p.object} ({p.when}, "
                               f"{p.status.value})" for p in self.posts),
            "evidence": _evidence([e for p in self.posts for e in p.evidence]),
        }


@dataclass(frozen=True, slots=True)
class SourceRow(Row):
    """An outlet that reported a record, with the date the citing text gives."""

    outlet: str
    outlet_id: str
    date: str | None
    record_id: str
    label: str
    status: Status
    evidence: tuple[Evidence, ...] = ()

    columns: ClassVar[tuple[str, ...]] = ("outlet", "date", "label", "status")

    def record(self) -> dict[str, Any]:
        """The row as a JSON-ready dict."""
        return {"outlet": self.outlet, "outlet_id": self.outlet_id, "date": self.date,
                "record": self.record_id, "label": self.label, "status": self.status.value,
                "evidence": _evidence(self.evidence)}


@dataclass(frozen=True, slots=True)
class ClaimRow(Row):
    """What one document says of an event: its date, status and place, with its words."""

    document: str
    published: str
    event_id: str
    label: str
    when: TimeSpan
    status: Status
    place: str | None
    evidence: tuple[Evidence, ...] = ()

    columns: ClassVar[tuple[str, ...]] = ("document", "published", "date", "status", "place",
                                          "label")

    def record(self) -> dict[str, Any]:
        """The row as a JSON-ready dict."""
        return {"document": self.document, "published": self.published,
                "event": self.event_id, "label": self.label, **_time(self.when),
                "status": self.status.value, "place": self.place,
                "evidence": _evidence(self.evidence)}


@dataclass(frozen=True, slots=True)
class ConflictRow(Row):
    """Two documents that disagree about one detail of an event, with both claims."""

    event_id: str
    label: str
    field: str
    document_a: str
    claim_a: str
    document_b: str
    claim_b: str
    evidence: tuple[Evidence, ...] = ()
    note: str = ""
    #: ``content`` (the sources disagree), ``name`` (they name one thing differently) or
    #: ``doubt`` (a document doubts what it reports)
    kind: str = "content"

    columns: ClassVar[tuple[str, ...]] = ("label", "kind", "field", "document_a", "claim_a",
                                          "document_b", "claim_b")

    def record(self) -> dict[str, Any]:
        """The row as a JSON-ready dict."""
        return {"event": self.event_id, "label": self.label, "kind": self.kind,
                "field": self.field,
                "document_a": self.document_a, "claim_a": self.claim_a,
                "document_b": self.document_b, "claim_b": self.claim_b, "note": self.note,
                "evidence": _evidence(self.evidence)}


R = TypeVar("R", bound=Row)
T = TypeVar("T")


class LazyRows(Sequence[R], Generic[T, R]):
    """Rows built from ``items`` by ``build`` only when read (each once, then kept): an
    answer of 70,000 meetings costs nothing until a row is looked at.

    >>> rows = LazyRows([1, 2, 3], lambda n: n * 10)
    >>> len(rows), rows[1], list(rows), rows[-1]
    (3, 20, [10, 20, 30], 30)
    """

    __slots__ = ("_build", "_built", "_items")

    def __init__(self, items: Sequence[T], build: Callable[[T], R]) -> None:
        self._items = items
        self._build = build
        self._built: list[R | None] = [None] * len(items)

    def __len__(self) -> int:
        return len(self._items)

    @overload
    def __getitem__(self, index: int) -> R: ...
    @overload
    def __getitem__(self, index: slice) -> list[R]: ...
    def __getitem__(self, index: int | slice) -> R | list[R]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self._items)))]
        row = self._built[index]
        if row is None:
            row = self._built[index] = self._build(self._items[index])
        return row

    def __iter__(self) -> Iterator[R]:
        for index in range(len(self._items)):
            yield self[index]


class Answers(Generic[R]):
    """A list of answer rows with the question and the query that produced them.

    The rows may be a :class:`LazyRows`, built as they are read."""

    def __init__(self, rows: Sequence[R], *, question: str, query: str,
                 note: str | None = None, notes: Sequence[str] = (),
                 columns: Sequence[str] | None = None) -> None:
        self._rows: Sequence[R] = rows if isinstance(rows, LazyRows) else list(rows)
        self.question = question
        self.query = query
        self.note = note
        #: what the answer left out or should be read with ("also planned: ...")
        self.notes = list(notes)
        self._columns = tuple(columns) if columns else None
        #: how a plain-English question was read ("understood as: meetings · ...")
        self.understood = ""
        #: the number asked for ("how many"): distinct records among the rows
        self.count: int | None = None
        #: the answer to a yes-or-no question; the rows are what it rests on
        self.yes: bool | None = None

    @property
    def rows(self) -> list[R]:
        """Every row, as a list (building lazy rows now)."""
        if not isinstance(self._rows, list):
            self._rows = list(self._rows)
        return self._rows

    @rows.setter
    def rows(self, rows: Sequence[R]) -> None:
        self._rows = list(rows)

    def __iter__(self) -> Iterator[R]:
        return iter(self._rows)

    def __len__(self) -> int:
        return len(self._rows)

    def __getitem__(self, index: int) -> R:
        return self._rows[index]

    def __repr__(self) -> str:
        return f"<Answers {self.question!r}: {len(self._rows)} rows>"

    @property
    def columns(self) -> tuple[str, ...]:
        """The columns of the table view."""
        if self._columns:
            return self._columns
        return self._rows[0].columns if len(self._rows) else ("answer",)

    def add_columns(self, *names: str) -> None:
        """Show these record keys too in tables ("which countries": ``object_for``)."""
        self._columns = (*self.columns, *(n for n in names if n not in self.columns))

    def to_records(self) -> list[dict[str, Any]]:
        """Every row as a JSON-ready dict."""
        return [row.record() for row in self.rows]

    def heading(self) -> list[str]:
        """The lines a reader sees above the table: how the question was understood, and
        the count or the yes/no asked for.

        >>> a = Answers([], question="q", query="x"); a.count = 2; a.heading()
        ['count: 2']
        """
        out = [self.understood] if self.understood else []
        if self.count is not None:
            out.append(f"count: {self.count}")
        if self.yes is not None:
            out.append(f"answer: {'yes' if self.yes else 'no'}")
        return out

    def summary(self) -> dict[str, Any]:
        """The answer as a whole: the question, how it was understood, the query, the
        count or yes/no if asked, the notes, and the rows.

        >>> Answers([], question="q", query="x").summary()["rows"]
        []
        """
        out: dict[str, Any] = {"question": self.question, "understood": self.understood,
                               "query": self.query}
        if self.count is not None:
            out["count"] = self.count
        if self.yes is not None:
            out["yes"] = self.yes
        return {**out, "notes": list(self.notes), "rows": self.to_records()}

    def to_json(self, indent: int | None = 2) -> str:
        """A JSON object of :meth:`summary`: the rows with the notes, the understanding
        and the query they belong to."""
        return json.dumps(self.summary(), ensure_ascii=False, indent=indent)

    def to_csv(self) -> str:
        """CSV with a header; lists are joined with ``; ``. A cell that a spreadsheet
        would run as a formula (it starts with ``=``, ``+``, ``-``, ``@``, a tab or a
        carriage return) is written with a leading ``'``, so that it is shown as text."""
        records = self.to_records()
        keys = list(dict.fromkeys(k for r in records for k in r if k != "steps"))
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=keys, extrasaction="ignore",
                                lineterminator="\n")
        writer.writeheader()
        for rec in records:
            writer.writerow({k: spreadsheet_safe("; ".join(map(str, v)) if isinstance(v, list)
                                                 else v) for k, v in rec.items()})
        return buffer.getvalue()

    def to_frame(self) -> pd.DataFrame:
        """A pandas DataFrame, one row per answer (pandas is imported on first use)."""
        try:
            import pandas as pd
        except ImportError as exc:
            raise DependencyError("frames need pandas: pip install 'korea_graph[frames]'"
                                  ) from exc

        return pd.DataFrame.from_records(self.to_records())

    def to_table(self) -> str:
        """A plain-text table of :attr:`columns`, rows numbered as the notes below refer
        to them. A ``mark`` column shows which rows are unreviewed, hedged or disputed;
        when two rows would read alike, the ``record`` (then the ``documents``) that tells
        them apart is shown. When some rows meet the time condition certainly and others
        only possibly, a line in words heads each group."""
        records = self.to_records()
        header = _table_header(list(self.columns), records)
        body = [[str(n), *(_cell(rec, c) for c in header[1:])]
                for n, rec in enumerate(records, 1)]
        widths = [max([len(h), *(len(r[i]) for r in body)]) for i, h in enumerate(header)]
        lines = ["  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)).rstrip(),
                 "  ".join("-" * w for w in widths)]
        kinds = [rec.get("time_condition") for rec in records]
        marked = "certain" in kinds and "possible" in kinds
        previous = None
        for rec, cells in zip(records, body, strict=True):
            kind = rec.get("time_condition")
            if marked and kind != previous:
                lines.append("-- certainly meets the time condition --" if kind == "certain"
                             else "-- only possibly meets it (the dates are uncertain) --")
                previous = kind
            lines.append("  ".join(c.ljust(w) for c, w in zip(cells, widths,
                                                               strict=True)).rstrip())
        notes = [(n, row.notes()) for n, row in enumerate(self.rows, 1)]
        if any(found for _, found in notes):
            lines.append("")
            lines += [f"[{n}] {note}" for n, found in notes for note in found]
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        esc = html.escape
        head = "".join(f"<th>{esc(c)}</th>" for c in (*self.columns, "evidence"))
        rows = []
        for row in self.rows:
            rec = row.record()
            cells = "".join(f"<td>{esc('' if rec.get(c) is None else str(rec[c]))}</td>"
                            for c in self.columns)
            rows.append(f"<tr>{cells}<td><small>{esc(str(rec.get('evidence', '')))}"
                        "</small></td></tr>")
        return (f"<p><b>{esc(self.question)}</b> &mdash; {len(self.rows)} answers</p>"
                f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
                + "".join(f"<p><small>{esc(n)}</small></p>" for n in self.notes)
                + f"<p><small>query: <code>{esc(self.query)}</code></small></p>")
