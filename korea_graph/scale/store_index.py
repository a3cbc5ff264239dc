"""The tables a :class:`~korea_graph.scale.store.Store` keeps beside its RDF: each stored
graph's met-with relations with their status and time bounds, and the vocabulary
questions are parsed with (actors, event names, post titles, publication days), in one
SQLite file in the store's folder (``index.sqlite``, Python's own ``sqlite3``).

Why a side table: Oxigraph has no range index on dates, so "who met whom before D" by
SPARQL reads four index entries per relation of the corpus (22 s at 100k events), and
the vocabulary of ``store ask`` took one pass over every document graph per process.
Here both are a B-tree range scan. The RDF stays the truth: each graph's rows are
written in the transaction that catalogues the graph (the SQLite commit follows the
Oxigraph commit, and rolls back if it fails), and opening the store for writing
reconciles the tables with the catalogue (rows of graphs it does not list are dropped,
graphs it lists without rows are indexed from their RDF), so a kill between the two
commits costs a re-index of the graphs concerned, never a wrong answer. A store opened
read-only whose tables do not match its catalogue is answered by SPARQL instead.

>>> from korea_graph import load
>>> rows = index_rows(load())
>>> sorted({(m[1], m[2]) for m in rows.meetings})[:2]
[('aleksandr-losyukov', 'kim-yong-nam'), ('aleksandr-losyukov', 'pek-nam-sun')]
>>> len(rows.actors) == len(load().actors)
True
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from ..core.graph import KnowledgeGraph
from ..core.model import Actor, ActorKind, AffiliationKind, Inference, Status
from ..core.relations import RelationType
from ..errors import DataError

__all__ = ["FILE_NAME", "IndexRows", "StoreIndex", "index_rows", "merge_actor"]

#: The index's file in the store folder.
FILE_NAME = "index.sqlite"
_VERSION = "3"
_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS graphs (seq INTEGER PRIMARY KEY, graph TEXT NOT NULL UNIQUE);
CREATE TABLE IF NOT EXISTS meetings (
    record TEXT NOT NULL, source TEXT NOT NULL, target TEXT NOT NULL, seq INTEGER NOT NULL,
    status TEXT NOT NULL, emin TEXT, emax TEXT,
    PRIMARY KEY (record, source, target, seq)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS meetings_by_source ON meetings (source);
CREATE INDEX IF NOT EXISTS meetings_by_target ON meetings (target);
CREATE INDEX IF NOT EXISTS meetings_by_seq ON meetings (seq);
CREATE INDEX IF NOT EXISTS meetings_by_end ON meetings (emin, status);
CREATE TABLE IF NOT EXISTS meeting_days (emin TEXT NOT NULL, status TEXT NOT NULL,
    n INTEGER NOT NULL, PRIMARY KEY (emin, status)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS actors (seq INTEGER NOT NULL, pos INTEGER NOT NULL,
    actor TEXT NOT NULL, data TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS actors_by_seq ON actors (seq);
CREATE TABLE IF NOT EXISTS events (seq INTEGER NOT NULL, pos INTEGER NOT NULL,
    event TEXT NOT NULL, names TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS events_by_seq ON events (seq);
CREATE TABLE IF NOT EXISTS posts (seq INTEGER NOT NULL, post TEXT NOT NULL, title TEXT,
    kind TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS posts_by_seq ON posts (seq);
CREATE TABLE IF NOT EXISTS documents (seq INTEGER NOT NULL, document TEXT NOT NULL,
    start TEXT, closed INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS documents_by_seq ON documents (seq);
"""
_TABLES = ("meetings", "actors", "events", "posts", "documents")
_REAL = tuple(s.value for s in Status if s.is_real)
_COLUMNS = "record, source, target, status, emin, emax"
_ACTOR_FIELDS = tuple(f.name for f in fields(Actor))

#: record, source, target, status, the earliest and latest end of the record's time
Meeting = tuple[str, str, str, str, str | None, str | None]


@dataclass
class IndexRows:
    """The rows one graph (or a group of merged documents) adds to the index."""

    meetings: list[Meeting] = field(default_factory=list)
    actors: list[tuple[str, str]] = field(default_factory=list)  # id, JSON
    events: list[tuple[str, str]] = field(default_factory=list)  # id, JSON list of names
    posts: list[tuple[str, str | None, str]] = field(default_factory=list)
    documents: list[tuple[str, str | None, int]] = field(default_factory=list)


def index_rows(kg: KnowledgeGraph) -> IndexRows:
    """The index rows of a graph as :meth:`Store.add` writes it: met-with relations (with
    the time of the record they come from, as the RDF's ``kg:when`` points to it), every
    actor, every event's names (the merged view of an event several documents report,
    not each source's claim), every post and document."""
    out = IndexRows()
    times = {**{e.id: e.when for e in kg.events.values()},
             **{a.id: a.when for a in kg.affiliations.values()},
             **{s.id: s.when for s in kg.stances.values()}}
    for rel in kg.relations(type=RelationType.MET_WITH):
        when = times.get(rel.record, rel.when)
        out.meetings.append((rel.record, rel.source, rel.target, rel.status.value,
                             _day(when.end_min), _day(when.end_max)))
    # as given: an actor same_as another is kept, and the vocabulary folds it again
    out.actors = [(a.id, actor_json(a)) for a in kg.given[0]]
    out.events = [(e.id, json.dumps([e.label, *e.aliases], ensure_ascii=False))
                  for e in kg.events.values()]
    out.posts = [(a.id, a.title, a.kind.value) for a in kg.affiliations.values()]
    out.documents = [(d.id, _day(d.published.start_min), int(d.published.end_max is not None))
                     for d in kg.documents.values()]
    return out


def merge_actor(mine: Actor, actor: Actor) -> Actor:
    """Two documents' copies of an actor as one: the first copy's fields, the aliases,
    mentions and ``same_as`` of both (the kind must agree).

    >>> from korea_graph.core.model import ActorKind
    >>> a = Actor("x", "Kim", ActorKind.PERSON)
    >>> merge_actor(a, Actor("x", "Kim Jong Il", ActorKind.PERSON)).aliases
    ('Kim Jong Il',)
    """
    if mine == actor:
        return mine
    if mine.kind is not actor.kind:
        raise DataError(f"actor {actor.id!r} is a {mine.kind.value} in one document and "
                        f"a {actor.kind.value} in another", field="actors",
                        expected="the same kind everywhere")
    aliases = tuple(a for a in dict.fromkeys((*mine.aliases, *actor.aliases, actor.label))
                    if a != mine.label)
    return Actor(mine.id, mine.label, mine.kind, aliases, mine.wikidata or actor.wikidata,
                 mine.country or actor.country, mine.note or actor.note,
                 mentions=tuple(dict.fromkeys((*mine.mentions, *actor.mentions))),
                 same_as=tuple(dict.fromkeys((*mine.same_as, *actor.same_as))),
                 inferred=tuple(i for i in dict.fromkeys((*mine.inferred, *actor.inferred))
                                if i.value in aliases))


def _day(value: Any) -> str | None:
    return value.isoformat() if value is not None else None


def actor_json(actor: Actor) -> str:
    """An actor as the index keeps it (every field; ``actor_from_json`` reads it back)."""
    data = {name: getattr(actor, name) for name in _ACTOR_FIELDS}
    data["kind"] = actor.kind.value
    data["inferred"] = [[i.field, i.value, i.reason] for i in actor.inferred]
    return json.dumps(data, ensure_ascii=False, sort_keys=True)


def actor_from_json(text: str) -> Actor:
    """>>> a = Actor("kim-il-sung", "Kim Il Sung", ActorKind.PERSON, aliases=("Kim",))
    >>> actor_from_json(actor_json(a)) == a
    True
    """
    data = json.loads(text)
    values: dict[str, Any] = {k: tuple(v) if isinstance(v, list) else v
                              for k, v in data.items()}
    values["kind"] = ActorKind(values["kind"])
    values["inferred"] = tuple(Inference(*i) for i in values.get("inferred", ()))
    return Actor(**values)


class StoreIndex:
    """The index file of one store folder (``read_only``: never written)."""

    def __init__(self, folder: Path, *, read_only: bool = False) -> None:
        self.file = folder / FILE_NAME
        self.read_only = read_only
        try:
            if read_only:
                uri = self.file.resolve().as_uri() + "?mode=ro"
                self.db = sqlite3.connect(uri, uri=True, isolation_level=None)
            else:
                self.db = sqlite3.connect(self.file, isolation_level=None)
            version = self._version()
            if not read_only and version != _VERSION:
                self._rebuild_schema()
                version = self._version()
        except sqlite3.Error as exc:
            raise DataError(f"the store's index cannot be read: {exc}", file=str(self.file),
                            expected="an index written by korea_graph (delete the file: "
                                     "it is rebuilt from the store)") from None
        #: False when the file was written by another version of korea_graph (a store
        #: opened read-only then answers by SPARQL; opened for writing, it is rebuilt)
        self.current = version == _VERSION

    def _version(self) -> str | None:
        has_meta = self.db.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND "
                                   "name = 'meta'").fetchone()
        if not has_meta:
            return None
        found = self.db.execute("SELECT value FROM meta WHERE key = 'version'").fetchone()
        return str(found[0]) if found else None

    def _rebuild_schema(self) -> None:
        """A new file, or one of another version: every table made anew, empty (the
        store's reconciliation then indexes every graph from its RDF)."""
        tables = [name for (name,) in self.db.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table'")]
        self.db.execute("BEGIN IMMEDIATE")
        for name in tables:
            self.db.execute(f'DROP TABLE "{name}"')
        for statement in _SCHEMA.split(";"):
            if statement.strip():
                self.db.execute(statement)
        self.db.execute("INSERT INTO meta VALUES ('version', ?)", (_VERSION,))
        self.db.execute("COMMIT")

    def close(self) -> None:
        self.db.close()

    def graphs(self) -> dict[str, int]:
        """The graphs the index holds rows of, with their sequence numbers."""
        return dict(self.db.execute("SELECT graph, seq FROM graphs"))

    # -- writing ------------------------------------------------------------------------
    def begin(self) -> None:
        self.db.execute("BEGIN IMMEDIATE")

    def commit(self) -> None:
        self.db.execute("COMMIT")

    def rollback(self) -> None:
        if self.db.in_transaction:
            self.db.execute("ROLLBACK")

    def put(self, graphs: Iterable[tuple[str, int]], seq: int, rows: IndexRows,
            actors_seq: int | None = None) -> None:
        """Stage the rows of graph(s) (inside :meth:`begin` / :meth:`commit`): the graphs
        entered as indexed, the rows under ``seq`` (actors under ``actors_seq``: the
        first graph of a group holds a copy of each)."""
        db = self.db
        db.executemany("INSERT OR REPLACE INTO graphs VALUES (?, ?)",
                       [(n, g) for g, n in graphs])
        self._count_days(seq, -1)  # rows this graph had are replaced
        db.executemany("INSERT OR REPLACE INTO meetings VALUES (?, ?, ?, ?, ?, ?, ?)",
                       [(r, s, t, seq, st, lo, hi) for r, s, t, st, lo, hi in rows.meetings])
        self._count_days(seq, 1)
        first = seq if actors_seq is None else actors_seq
        db.executemany("INSERT INTO actors VALUES (?, ?, ?, ?)",
                       [(first, n, a, data) for n, (a, data) in enumerate(rows.actors)])
        db.executemany("INSERT INTO events VALUES (?, ?, ?, ?)",
                       [(seq, n, e, names) for n, (e, names) in enumerate(rows.events)])
        db.executemany("INSERT INTO posts VALUES (?, ?, ?, ?)",
                       [(seq, *post) for post in rows.posts])
        db.executemany("INSERT INTO documents VALUES (?, ?, ?, ?)",
                       [(seq, *doc) for doc in rows.documents])

    def drop(self, seqs: Iterable[int]) -> None:
        """Remove the rows of these graphs (inside a transaction)."""
        numbers = [(n,) for n in seqs]
        for (n,) in numbers:
            self._count_days(n, -1)
        for table in (*_TABLES, "graphs"):
            self.db.executemany(f"DELETE FROM {table} WHERE seq = ?", numbers)

    def _count_days(self, seq: int, sign: int) -> None:
        """Add (``sign`` 1) or take away (-1) a graph's met-with rows in the count of rows
        by earliest end and status, which answers :meth:`count_meetings` in a few pages
        at any size (a count over the rows' own index read 70 MB at a million events:
        1.4-2.9 s from a cold disk)."""
        counts = self.db.execute("SELECT coalesce(emin, ''), status, count(*) FROM meetings "
                                 "WHERE seq = ? GROUP BY 1, 2", (seq,)).fetchall()
        self.db.executemany(
            "INSERT INTO meeting_days VALUES (?, ?, ?) ON CONFLICT (emin, status) "
            "DO UPDATE SET n = n + excluded.n", [(d, st, sign * n) for d, st, n in counts])
        if sign < 0 and counts:
            self.db.execute("DELETE FROM meeting_days WHERE n = 0")

    def recount(self) -> None:
        """Count every met-with row again (inside a transaction; after a repair)."""
        self.db.execute("DELETE FROM meeting_days")
        self.db.execute("INSERT INTO meeting_days SELECT coalesce(emin, ''), status, "
                        "count(*) FROM meetings GROUP BY 1, 2")

    # -- reading ------------------------------------------------------------------------
    def _where(self, start_max: str | None) -> tuple[str, list[Any]]:
        where = f"status IN ({', '.join('?' * len(_REAL))})"
        args: list[Any] = list(_REAL)
        if start_max is not None:
            where += " AND (emin IS NULL OR emin < ?)"
            args.append(start_max)
        return where, args

    def count_meetings(self, start_max: str | None) -> int:
        """How many met-with rows of real status may end before ``start_max`` (an ISO
        day; ``None``: any). A relation is in one graph only (records are unique in a
        store, a merged event's relations are in its merged view's graph)."""
        # an unknown end is kept as '', before every day: it may end before any
        where = f"status IN ({', '.join('?' * len(_REAL))})"
        args: list[Any] = list(_REAL)
        if start_max is not None:
            where += " AND emin < ?"
            args.append(start_max)
        found = self.db.execute(f"SELECT coalesce(sum(n), 0) FROM meeting_days WHERE {where}",
                                args)
        return int(found.fetchone()[0])

    def meetings_page(self, start_max: str | None, after: tuple[str, str, str] | None,
                      limit: int) -> list[Meeting]:
        """The next ``limit`` of those rows after the key ``after`` (record, source,
        target), in that order: the primary key's, so no sort and no cursor left open."""
        where, args = self._where(start_max)
        if after is not None:
            where += " AND (record, source, target) > (?, ?, ?)"
            args.extend(after)
        return self.db.execute(
            f"SELECT {_COLUMNS} FROM meetings WHERE {where} ORDER BY record, source, target "
            "LIMIT ?", [*args, limit]).fetchall()

    def meetings_of(self, actor: str, start_max: str | None) -> list[Meeting]:
        """The rows of :meth:`meetings_page` with ``actor`` at either end."""
        where, args = self._where(start_max)
        return self.db.execute(
            f"SELECT {_COLUMNS} FROM meetings WHERE source = ? AND {where} UNION "
            f"SELECT {_COLUMNS} FROM meetings WHERE target = ? AND {where}",
            [actor, *args, actor, *args]).fetchall()

    def actors(self) -> dict[str, Actor]:
        """Every actor, merged over the graphs' copies as :func:`combine` merges them (each
        distinct copy once, in the order of its first graph)."""
        out: dict[str, Actor] = {}
        for actor_id, data, _ in self.db.execute(
                "SELECT actor, data, MIN(seq * 4294967296 + pos) AS first FROM actors "
                "GROUP BY actor, data ORDER BY first").fetchall():
            actor = actor_from_json(data)
            mine = out.get(actor_id)
            out[actor_id] = actor if mine is None else merge_actor(mine, actor)
        return out

    def event_names(self) -> list[tuple[str, tuple[str, ...]]]:
        names: dict[str, list[str]] = {}
        for event, data in self.db.execute("SELECT event, names FROM events ORDER BY seq, pos"):
            names.setdefault(event, []).extend(json.loads(data))
        return [(e, tuple(dict.fromkeys(n))) for e, n in names.items()]

    def posts(self) -> list[tuple[str, str | None, AffiliationKind]]:
        rows = self.db.execute("SELECT DISTINCT post, title, kind FROM posts").fetchall()
        return sorted(((p, t, AffiliationKind(k)) for p, t, k in rows),
                      key=lambda p: (p[0], p[1] or ""))

    def latest_documents(self) -> tuple[str, ...]:
        """The latest document with a closed publication span, and the latest of all
        (by first day, then IRI, as the SPARQL reader orders them)."""
        from ..linked_data.rdf import iri

        found = []
        for closed in ("AND closed = 1", ""):
            rows = self.db.execute("SELECT document, start FROM documents WHERE start IS NOT "
                                   f"NULL {closed}").fetchall()
            if rows:
                best = max(day for _, day in rows)
                found.append(min((iri("document", d), d) for d, day in rows if day == best)[1])
        return tuple(dict.fromkeys(found))
