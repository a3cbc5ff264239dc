"""A persistent graph on disk (pyoxigraph / RocksDB) for corpora one would rather not hold
in memory: open a folder, add documents incrementally and transactionally, query with
SPARQL or read back a :class:`~korea_graph.core.graph.KnowledgeGraph` for the query API.

Each document lives in its own named graph, written by :func:`korea_graph.linked_data.rdf.to_rdf`
(the same IRIs and triples as a file export), together with every actor it mentions.
A small catalogue graph records which documents the store holds, in the same transaction
as the document itself, so the catalogue and the data can never disagree.

>>> import tempfile
>>> from korea_graph import load
>>> folder = tempfile.mkdtemp()
>>> with Store.open(folder) as store:
...     added = store.add(load())                 # the shipped corpus: five documents
...     print(len(store.documents()), store.graph().events == load().events)
5 True
>>> with Store.open(folder) as store:                      # still there after reopening
...     pairs = {(m.source, m.target) for m in store.meetings(before="2000-07-01")}
...     ('aleksandr-losyukov', 'kim-yong-nam') in pairs
True
"""

from __future__ import annotations

import os
import re
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any, Literal, Self, overload
from urllib.parse import unquote

from ..core.graph import KnowledgeGraph
from ..core.model import Actor, Affiliation, Document, Event, Stance, Status
from ..core.relations import RelationType
from ..core.timespan import TimeSpan
from ..errors import DataError, DependencyError, DuplicateIdError, NotFoundError, QueryError
from ..files import atomic_path
from ..linked_data.ontology import ID, KG, individual_iri, relation_property
from .progress import progress
from .store_index import merge_actor

if TYPE_CHECKING:
    import pyoxigraph

    from .store_index import StoreIndex

__all__ = ["CATALOGUE", "UNION", "Store", "StoreMeeting", "StoreMeetings", "combine",
           "document_graph", "find_meetings", "merge_actor", "split"]

#: The named graph listing the documents of a store (or of an endpoint after a push).
CATALOGUE = ID + "graph/catalogue"
_STORE_NS = "https://w3id.org/korea-graph/store#"
_SEQUENCE = _STORE_NS + "sequence"
_DOCUMENT = _STORE_NS + "document"
_COVERS = _STORE_NS + "covers"
_MERGED = ID + "graph/merged/"
#: The named graph holding every triple of the catalogued graphs once: SPARQL's default
#: graph (Oxigraph's union of named graphs repeats a triple once per graph holding it).
UNION = ID + "graph/union"
_LAYOUT = _STORE_NS + "layout"
_UNION_END = f" <{UNION}> .\n".encode()
# the graph IRI that ends an N-Quads statement (literals escape their line breaks, and a
# datatype IRI follows ^^, not a space)
_GRAPH_END = re.compile(rb" <[^<>]*> \.\n")
_IDENTIFIER = "http://purl.org/dc/terms/identifier"
#: Quads per transaction when a large graph is added in several batches.
BATCH_QUADS = 500_000

Record = Event | Affiliation | Stance


def document_graph(document_id: str | None, batch: int = 0) -> str:
    """The named graph of a document (``None``: records without a document, by batch).

    >>> document_graph("monitor-6-129")
    'https://w3id.org/korea-graph/id/graph/document/monitor-6-129'
    """
    from ..linked_data.rdf import iri

    if document_id is None:
        return f"{ID}graph/unattributed/{batch}"
    return iri("graph/document", document_id)


# -- splitting a graph per document ----------------------------------------------------------
def _document_of(record: Record, known: set[str]) -> str | None:
    for ev in record.evidence:
        if ev.document in known:
            return ev.document
    return None


def _actor_refs(record: Record | Document) -> Iterator[str]:
    if isinstance(record, Document):
        yield record.publisher
        return
    if isinstance(record, Event):
        yield from record.actors()
        if record.place:
            yield record.place
    elif isinstance(record, Affiliation):
        yield record.holder
        yield record.organization
        if record.accredited_to:
            yield record.accredited_to
    else:
        yield record.holder
        yield record.target
    for citation in record.citations:
        yield citation.outlet


@dataclass
class _Part:
    documents: list[Document] = field(default_factory=list)
    actors: set[str] = field(default_factory=set)
    events: list[Event] = field(default_factory=list)
    posts: list[Affiliation] = field(default_factory=list)
    stances: list[Stance] = field(default_factory=list)

    def records(self) -> Iterator[Record | Document]:
        yield from self.documents
        yield from self.events
        yield from self.posts
        yield from self.stances


def split(kg: KnowledgeGraph) -> list[tuple[str | None, KnowledgeGraph]]:
    """The graph cut into one graph per document: the document, the records whose first
    evidence quotes it and every actor they need. Records without a document come last,
    under ``None``; actors nobody refers to go with the first part.

    >>> from korea_graph import load
    >>> [(doc, len(part.events)) for doc, part in split(load())][:2]
    [('monitor-6-129', 28), ('kremlin-news-38435', 11)]
    """
    known = set(kg.documents)
    parts: dict[str | None, _Part] = {d: _Part([doc]) for d, doc in kg.documents.items()}
    given_actors, given_events, given_posts, given_stances = kg.given
    for event in given_events:
        # a claim same_as another document's event keeps its id and link: its part (a
        # partial graph) holds it as a report of the event the link ends at
        parts.setdefault(_document_of(event, known), _Part()).events.append(event)
    for post in given_posts:
        parts.setdefault(_document_of(post, known), _Part()).posts.append(post)
    for stance in given_stances:
        parts.setdefault(_document_of(stance, known), _Part()).stances.append(stance)
    table = {a.id: a for a in given_actors}
    used: set[str] = set()
    for part in parts.values():
        for record in part.records():
            part.actors.update(_actor_refs(record))
        _close_countries(table, part.actors)
        used |= part.actors
    unused = {a for a in table if a not in used}
    if unused:
        first = next(iter(parts.values())) if parts else parts.setdefault(None, _Part())
        first.actors |= unused
        _close_countries(table, first.actors)
    # each part's actors in the graph's order, without a scan of every actor per part
    # (which made adding 10,000 documents quadratic)
    order = {actor_id: n for n, actor_id in enumerate(table)}
    actors = list(table.values())
    return [(doc_id, KnowledgeGraph(
        documents=part.documents,
        actors=[actors[n] for n in sorted(order[a] for a in part.actors if a in order)],
        events=part.events, affiliations=part.posts, stances=part.stances, partial=True))
        for doc_id, part in parts.items()]


def _close_countries(actors: dict[str, Actor], wanted: set[str]) -> None:
    """Add the countries of the wanted actors and the actors they are ``same_as``."""
    todo = list(wanted)
    while todo:
        actor = actors.get(todo.pop())
        if actor is None:
            continue
        for other in (actor.country, *actor.same_as):
            if other and other not in wanted:
                wanted.add(other)
                todo.append(other)


def nquads(part: KnowledgeGraph, graph: str) -> str:
    """A part as N-Quads in ``graph`` (the triples of
    :func:`korea_graph.linked_data.rdf.to_rdf`, in its order)."""
    from ..linked_data.rdf import to_rdf

    # Literals escape line breaks, so " .\n" only ever ends a statement.
    return to_rdf(part, "ntriples").replace(" .\n", f" <{graph}> .\n")


def store_quads(part: KnowledgeGraph, graph: str) -> bytes:
    """What :meth:`Store.add` writes of a part: the quads of :func:`nquads` as UTF-8,
    unsorted (a store keeps each once), so nothing is grouped or sorted."""
    from ..linked_data.rdf import statements

    return b"".join(statements(part, graph=graph))


@dataclass(frozen=True)
class _Records:
    """Some documents' records as given, not yet a graph (their references may point at
    documents of another part)."""

    documents: dict[str, Document]
    given: tuple[tuple[Actor, ...], tuple[Event, ...], tuple[Affiliation, ...],
                 tuple[Stance, ...]]

    def graph(self) -> KnowledgeGraph:
        """The records as a graph, a part of the larger graph they come from (their
        references to records of other documents are that graph's to check)."""
        actors, events, posts, stances = self.given
        return KnowledgeGraph(documents=self.documents.values(), actors=actors,
                              events=events, affiliations=posts, stances=stances, partial=True)


def _restrict(kg: KnowledgeGraph, documents: set[str | None]) -> _Records:
    """The records of some documents as given (``None``: records without a document),
    with every actor."""
    def keep(record: Record) -> bool:
        return (record.evidence[0].document if record.evidence else None) in documents

    actors, events, posts, stances = kg.given
    return _Records({d: doc for d, doc in kg.documents.items() if d in documents},
                    (actors, tuple(e for e in events if keep(e)),
                     tuple(a for a in posts if keep(a)), tuple(s for s in stances if keep(s))))


def combine(parts: Iterable[KnowledgeGraph | _Records], *, partial: bool = False
            ) -> KnowledgeGraph:
    """One graph from per-document parts: actors shared by parts are kept once (aliases
    merged; the kind must agree), every other record must be unique. The graph checks
    its records (:func:`~korea_graph.core.validate.validate`); ``partial``: the parts are
    some of a graph's, whose references may point at the others."""
    documents: list[Document] = []
    actors: dict[str, Actor] = {}
    events: list[Event] = []
    posts: list[Affiliation] = []
    stances: list[Stance] = []
    for part in parts:
        documents.extend(part.documents.values())
        for actor in part.given[0]:
            mine = actors.get(actor.id)
            actors[actor.id] = actor if mine is None else merge_actor(mine, actor)
        events.extend(part.given[1])
        posts.extend(part.given[2])
        stances.extend(part.given[3])
    return KnowledgeGraph(documents=documents, actors=actors.values(), events=events,
                          affiliations=posts, stances=stances, partial=partial)


# -- the store -------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class StoreMeeting:
    """A met-with relation found by :meth:`Store.meetings`."""

    source: str
    target: str
    record: str
    status: Status
    certainty: Literal["certain", "possible", ""]


def _ox() -> Any:
    try:
        import pyoxigraph
    except ImportError as exc:
        raise DependencyError("the on-disk store needs pyoxigraph: "
                              "pip install 'korea_graph[scale]'") from exc
    return pyoxigraph


class Store:
    """A graph on disk. Open it with :meth:`Store.open`; close it (or use ``with``) so
    another process can open the folder."""

    def __init__(self, path: Path, store: pyoxigraph.Store, read_only: bool) -> None:
        self.path = path
        self._store: pyoxigraph.Store | None = store
        self.read_only = read_only
        self._orphans: list[str] = []
        #: whether the union graph is kept (a store written before it was read-only)
        self._has_union = False
        self._named: tuple[int, list[Any]] | None = None
        #: what questions are parsed with, kept by ``store_ask.vocabulary`` until a write
        self._vocabulary: Any = None
        #: the side tables (:mod:`korea_graph.scale.store_index`), when they match the
        #: catalogue; ``None``: every question goes to SPARQL
        self.index: StoreIndex | None = None
        #: counts the writes, so that an answer read in pages knows the store changed
        self._generation = 0

    @classmethod
    def open(cls, path: str | os.PathLike[str], *, read_only: bool = False) -> Store:
        """Open (creating it if needed, unless ``read_only``) the store in folder ``path``."""
        ox = _ox()
        folder = Path(path)
        if read_only and not folder.is_dir():
            raise NotFoundError(f"no store at {str(folder)!r}")
        if folder.exists() and not folder.is_dir():
            raise DataError("not a folder", file=str(folder), expected="a store folder")
        if folder.is_dir() and not (folder / "CURRENT").is_file() \
                and (read_only or any(folder.iterdir())):
            raise DataError("this folder is not a korea_graph store (and is not empty): "
                            "not made into one", file=str(folder),
                            expected="a store folder, an empty folder or a new path")
        try:
            store = _open_ox(ox, folder, read_only)
        except OSError as exc:
            raise DataError(f"cannot open the store: {exc}", file=str(folder),
                            expected="a korea_graph store folder not open in another "
                                     "process") from None
        except (RuntimeError, ValueError) as exc:
            raise DataError(f"the store is damaged: {exc}", file=str(folder),
                            expected="a store written by korea_graph (restore it from a "
                                     "backup or an export)") from None
        opened = cls(folder, store, read_only)
        try:
            opened._orphans = opened._recover() if not read_only else opened._uncommitted()
        except (RuntimeError, OSError, ValueError) as exc:
            opened.close()
            raise DataError(f"the store is damaged: {exc}", file=str(folder),
                            expected="a store written by korea_graph") from None
        try:
            if not read_only:
                opened._orphans = []
                opened._make_union()
            opened._has_union = opened._marked()
            opened._open_index()
        except BaseException:
            opened.close()
            raise
        return opened

    def _open_index(self) -> None:
        """Open the side tables; for writing, reconcile them with the catalogue (index the
        graphs they lack, drop rows of graphs it does not list)."""
        from .store_index import FILE_NAME, StoreIndex

        if self.read_only:
            if not (self.path / FILE_NAME).is_file():
                return
            index = StoreIndex(self.path, read_only=True)
            if index.current and index.graphs() == {g: n for n, g, _ in self._catalogue()}:
                self.index = index
            else:  # out of date (a kill between commits, an older version): SPARQL answers
                index.close()
            return
        self.index = StoreIndex(self.path)
        self._reconcile()

    def _reconcile(self) -> None:
        from .store_index import index_rows

        index = self.index
        assert index is not None
        catalogue = self._catalogue()
        listed = {g: n for n, g, _ in catalogue}
        have = index.graphs()
        stale = [n for g, n in have.items() if listed.get(g) != n]
        missing = [g for g in listed if have.get(g) != listed[g]]
        if not stale and not missing:
            return
        held = {d: g for _, g, d in catalogue if d is not None}
        groups = self._merged_graphs()
        grouped = {held[d] for docs in groups.values() for d in docs if d in held}
        todo = set(missing)
        index.begin()
        try:
            index.drop(stale)
            for merged, docs in groups.items():
                graphs = [held[d] for d in sorted(docs, key=lambda d: listed[held[d]])
                          if d in held]
                if merged in listed and todo & {merged, *graphs}:
                    index.drop(listed[g] for g in [*graphs, merged])
                    rows = index_rows(combine(self._parts(graphs), partial=True))
                    index.put([(g, listed[g]) for g in [*graphs, merged]], listed[merged],
                              rows, actors_seq=listed[graphs[0]] if graphs else None)
            for graph in missing:
                if graph not in grouped and graph not in groups:
                    index.put([(graph, listed[graph])], listed[graph],
                              index_rows(combine(self._parts([graph]), partial=True)))
            index.recount()  # the counts by day follow the rows, whatever was repaired
            index.commit()
        except BaseException:
            index.rollback()
            raise

    def __enter__(self) -> Self:
        return self

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    def __repr__(self) -> str:
        state = "closed" if self._store is None else f"{len(self.documents())} documents"
        return f"<Store {str(self.path)!r}: {state}>"

    def close(self) -> None:
        """Flush and release the folder (the store object is unusable afterwards)."""
        if self.index is not None:
            self.index.close()
            self.index = None
        if self._store is not None:
            if not self.read_only:
                self._store.flush()
            self._store = None

    @property
    def oxigraph(self) -> pyoxigraph.Store:
        """The underlying ``pyoxigraph.Store``."""
        if self._store is None:
            raise QueryError(f"the store at {str(self.path)!r} is closed")
        return self._store

    def __len__(self) -> int:
        """The number of quads of the catalogued documents (the catalogue included)."""
        if self._orphans:
            return sum(1 for _ in self._committed_quads())
        held = len(self.oxigraph)
        if self._has_union:
            found: Any = self.oxigraph.query(
                f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{UNION}> {{ ?s ?p ?o }} }}")
            held -= int(next(iter(found))["n"].value)
        return held

    def _committed_quads(self) -> Iterator[Any]:
        """Every quad of the catalogued graphs and the catalogue: what a read may see
        (after a kill, a read-only store still holds what was never committed)."""
        ox = _ox()
        for graph in [*self.graphs(), CATALOGUE]:
            yield from self.oxigraph.quads_for_pattern(None, None, None, ox.NamedNode(graph))

    # -- catalogue ------------------------------------------------------------------------
    def _catalogue(self) -> list[tuple[int, str, str | None]]:
        rows: Any = self.oxigraph.query(
            f"SELECT ?g ?n ?d WHERE {{ GRAPH <{CATALOGUE}> {{ ?g <{_SEQUENCE}> ?n . "
            f"OPTIONAL {{ ?g <{_DOCUMENT}> ?d }} }} }}")
        out = []
        for row in rows:
            doc, number = row["d"], row["n"].value
            if not (number.isascii() and number.isdigit()):
                raise DataError(f"the catalogue holds a bad sequence number {number!r}",
                                file=str(self.path), field="catalogue",
                                expected="a store written by korea_graph")
            out.append((int(number), row["g"].value, doc.value if doc is not None else None))
        out.sort()
        return out

    def documents(self) -> list[str]:
        """Ids of the documents in the store, in the order they were added."""
        return [d for _, _, d in self._catalogue() if d is not None]

    def graphs(self) -> list[str]:
        """The named graphs of the store's documents (and unattributed batches), in order."""
        return [g for _, g, _ in self._catalogue()]

    # -- adding ---------------------------------------------------------------------------
    def add(self, kg: KnowledgeGraph, *, batch_quads: int = BATCH_QUADS,
            show_progress: bool | None = None,
            stored: Literal["refuse", "keep"] = "refuse") -> list[str]:
        """Add the documents of ``kg`` (each in its named graph); returns their graphs.

        Documents that report the same event (one event id, or ``same_as``), here or
        already stored, are merged as :func:`korea_graph.load` merges them: each keeps
        its own claims in its graph, their merged view goes into a graph of its own, and
        the stored documents they join are rewritten in the same commit
        (``docs/scale.md``, "Many documents in a store").

        All or nothing: before anything is written, the add is refused with an error that
        names the ids when a document is already stored (with ``stored="keep"``, stored
        documents of ``kg`` that are the same document are left as they are instead), a
        stored document differs from the one given, a post or stance id is one a stored
        document uses, or the merge breaks a rule of the graph. Any failure while writing
        removes what this call wrote. Documents are written in batches of about
        ``batch_quads`` quads: each batch is bulk-loaded, then committed by one
        transaction that enters its documents in the catalogue. Only catalogued documents
        are ever read or queried, and reopening the store removes anything a killed process
        wrote but did not commit, so a kill mid-way keeps every document committed before
        it, complete, and nothing of the others.
        """
        from .store_index import IndexRows, index_rows

        ox = _ox()
        store = self.oxigraph
        if self.read_only:
            raise QueryError(f"the store at {str(self.path)!r} is open read-only")
        self._vocabulary = None
        self._generation += 1
        catalogue = self._catalogue()
        held = {d: g for _, g, d in catalogue if d is not None}
        clash = [d for d in kg.documents if d in held]
        if clash and stored != "keep":
            raise DuplicateIdError(f"the store already holds document(s) {', '.join(clash)}",
                                   file=str(self.path), field="documents",
                                   expected="documents not yet in the store")
        if clash:
            old = self._parts([held[d] for d in clash])
            changed = [d for d, part in zip(clash, old, strict=True)
                       if part.documents.get(d) != kg.documents[d]]
            if changed:
                raise DuplicateIdError(
                    f"the store holds another version of document(s) {', '.join(changed)}",
                    file=str(self.path), field="documents",
                    expected="the stored document unchanged (remove it first to replace it)")
        sequence = max((n for n, _, _ in catalogue), default=0)
        new = [d for d in kg.documents if d not in held]
        groups, singles = self._plan(kg, new, held)
        # every merge is checked before anything is written
        merged = [(docs, self._merge(kg, docs, held)) for docs in groups]
        alone = _restrict(kg, set(singles) | {None}).graph() if groups or clash else kg
        parts = split(alone)
        written: list[str] = []
        batch: list[bytes] = []
        entries: list[tuple[str, int, str | None]] = []
        size = 0

        index = self.index
        indexed: list[IndexRows] = []

        def commit() -> None:
            nonlocal size
            if batch:
                store.bulk_load(b"".join(batch), ox.RdfFormat.N_QUADS)
                if self._has_union:
                    store.bulk_load(b"".join(
                        data.replace(f" <{graph}> .\n".encode(), _UNION_END)
                        for data, (graph, _, _) in zip(batch, entries, strict=True)),
                        ox.RdfFormat.N_QUADS)
                if index is not None:  # staged, committed after the catalogue
                    index.begin()
                    for (graph, number, _), rows in zip(entries, indexed, strict=True):
                        index.put([(graph, number)], number, rows)
                try:
                    store.extend(_catalogue_quads(ox, entries))  # the commit: one transaction
                except BaseException:
                    if index is not None:
                        index.rollback()
                    raise
                written.extend(graph for graph, _, _ in entries)
                if index is not None:
                    index.commit()
            batch.clear()
            entries.clear()
            indexed.clear()
            size = 0

        try:
            for doc_id, part in progress(parts, total=len(parts), desc="adding documents",
                                         unit="doc", enabled=show_progress):
                if doc_id is None and not (part.events or part.affiliations or part.stances):
                    continue
                sequence += 1
                graph = document_graph(doc_id, sequence)
                data = store_quads(part, graph)
                batch.append(data)
                size += data.count(b"\n")
                entries.append((graph, sequence, doc_id))
                if index is not None:
                    indexed.append(index_rows(part))
                if size >= batch_quads:
                    commit()
            commit()
            for docs, group in merged:
                graphs, sequence = self._write_group(group, docs, held, sequence + 1)
                written.extend(graphs)
        except BaseException:
            for graph in [*written, *(graph for graph, _, _ in entries)]:
                self._remove(graph)
            raise
        store.flush()
        return [g for g in written if not g.startswith(_MERGED)]

    # -- merging documents ------------------------------------------------------------
    def _ids_in_store(self, ids: Iterable[str], kinds: tuple[str, ...]) -> dict[str, set[str]]:
        """Record id -> the named graphs holding a record of one of ``kinds`` with it."""
        ox = _ox()
        ident = ox.NamedNode(_IDENTIFIER)
        out: dict[str, set[str]] = {}
        prefixes = tuple(ID + k + "/" for k in kinds)
        for record_id in ids:
            for quad in self.oxigraph.quads_for_pattern(None, ident, ox.Literal(record_id)):
                graph, subject = quad.graph_name, quad.subject
                if (isinstance(subject, ox.NamedNode) and subject.value.startswith(prefixes)
                        and isinstance(graph, ox.NamedNode) and graph.value != UNION):
                    out.setdefault(record_id, set()).add(graph.value)
        return out

    def _merged_graphs(self) -> dict[str, set[str]]:
        """The merged-view graphs of the store and the documents each covers."""
        rows: Any = self.oxigraph.query(
            f"SELECT ?g ?d WHERE {{ GRAPH <{CATALOGUE}> {{ ?g <{_COVERS}> ?d }} }}")
        out: dict[str, set[str]] = {}
        for row in rows:
            out.setdefault(row["g"].value, set()).add(row["d"].value)
        return out

    def _plan(self, kg: KnowledgeGraph, new: list[str], held: dict[str, str]
              ) -> tuple[list[list[str]], list[str]]:
        """The new documents in groups to merge (with the stored documents they join) and
        those that stand alone; refuses post and stance ids a stored document uses."""
        if not new:
            return [], []
        new_set = set(new)
        parent = {d: d for d in [*new, *held]}

        def find(x: str) -> str:
            while parent[x] != x:
                parent[x] = x = parent[parent[x]]
            return x

        def union(a: str, b: str) -> None:
            parent[find(a)] = find(b)

        for claims in kg.claims_by_event().values():
            docs = [d for d in (c.evidence[0].document for c in claims if c.evidence)
                    if d in parent]
            for d in docs[1:]:
                union(docs[0], d)
        if held:
            graph_doc = {g: d for d, g in held.items()}
            where: dict[str, str] = {}
            for event in kg.given[1]:
                doc = event.evidence[0].document if event.evidence else None
                if doc in new_set:
                    for record_id in (event.id, *event.same_as):
                        where.setdefault(record_id, doc)
            for record_id, graphs in self._ids_in_store(where, ("event", "claim")).items():
                for graph in graphs:
                    if graph in graph_doc:
                        union(where[record_id], graph_doc[graph])
            records: list[Record] = [*kg.given[2], *kg.given[3]]
            owned = [r.id for r in records if r.evidence and r.evidence[0].document in new_set]
            reused = self._ids_in_store(owned, ("affiliation", "stance"))
            if reused:
                raise DuplicateIdError(
                    f"post or stance id(s) {', '.join(sorted(reused))} are used by a stored "
                    "document", file=str(self.path), field="affiliations/stances",
                    expected="post and stance ids unique across documents (only events may "
                             "be reported by several)")
            for covered in self._merged_graphs().values():  # a merged group stays together
                members = [d for d in covered if d in parent]
                for d in members[1:]:
                    union(members[0], d)
        groups: dict[str, list[str]] = {}
        for d in parent:
            groups.setdefault(find(d), []).append(d)
        merging = [docs for docs in groups.values()
                   if len(docs) > 1 and any(d in new_set for d in docs)]
        together = {d for docs in merging for d in docs}
        return merging, [d for d in new if d not in together]

    def _parts(self, graphs: list[str]) -> list[_Records]:
        """The records of some named graphs, as given (joined by :func:`combine`)."""
        from ..linked_data.rdf import read_records

        ox = _ox()
        out = []
        for g in graphs:
            docs, actors, events, posts, stances = read_records(self.oxigraph.dump(
                format=ox.RdfFormat.N_TRIPLES, from_graph=ox.NamedNode(g)) or b"", "ntriples")
            out.append(_Records({d.id: d for d in docs},
                                (tuple(actors), tuple(events), tuple(posts), tuple(stances))))
        return out

    def _merge(self, kg: KnowledgeGraph, docs: list[str], held: dict[str, str]
               ) -> KnowledgeGraph:
        """The graph of a group of documents: the stored ones as stored, the others from
        ``kg``; refused with the ids when the graph's rules do not allow the merge."""
        stored = [d for d in docs if d in held]
        fresh: set[str | None] = {d for d in docs if d not in held}
        try:
            return combine([*self._parts([held[d] for d in stored]), _restrict(kg, fresh)],
                           partial=True)  # may refer to documents outside the group
        except DataError as exc:
            raise type(exc)(f"cannot add {', '.join(sorted(str(d) for d in fresh))} to the stored "
                            f"{', '.join(stored)}: {exc.reason}", file=str(self.path),
                            field=exc.field, expected=exc.expected) from None

    def _write_group(self, group: KnowledgeGraph, docs: list[str], held: dict[str, str],
                     sequence: int) -> tuple[list[str], int]:
        """Write a merged group in one commit: each document's claims in its graph (a
        new version of a stored one), the merged view in a graph of its own; then drop
        the graphs the commit replaced. Returns the graphs and the last sequence number
        used (the documents take ``sequence`` on, in order of publication)."""
        from ..linked_data.rdf import group_quads

        ox = _ox()
        store = self.oxigraph
        members = set(docs)
        docs = [d for d in group.documents if d in members]
        old_merged = [g for g, covered in self._merged_graphs().items() if covered & set(docs)]
        graphs = {d: (document_graph(d) + f"/v{sequence}" if d in held else document_graph(d))
                  for d in docs}
        merged_graph = f"{_MERGED}{sequence}"
        data = group_quads(group, graphs, merged_graph)
        store.bulk_load(data, ox.RdfFormat.N_QUADS)
        if self._has_union:
            store.bulk_load(_into_union(data), ox.RdfFormat.N_QUADS)
        replaced = [held[d] for d in docs if d in held]
        last = sequence + len(docs)
        entries: list[tuple[str, int, str | None]] = [
            (graphs[d], sequence + n, d) for n, d in enumerate(docs)]
        entries.append((merged_graph, last, None))
        inserts = _catalogue_quads(ox, entries) + [
            ox.Quad(ox.NamedNode(merged_graph), ox.NamedNode(_COVERS), ox.Literal(d),
                    ox.NamedNode(CATALOGUE)) for d in docs]
        # the commit: one update (one transaction) swaps the catalogue entries
        steps = [f"DELETE WHERE {{ GRAPH <{CATALOGUE}> {{ <{g}> ?p ?o }} }}"
                 for g in [*replaced, *old_merged]]
        steps.append(f"INSERT DATA {{ GRAPH <{CATALOGUE}> {{ " + " ".join(
            f"{q.subject} {q.predicate} {q.object} ." for q in inserts) + " } }")
        index = self.index
        if index is not None:  # staged, committed after the catalogue
            from .store_index import index_rows

            numbers = index.graphs()
            index.begin()
            index.drop(numbers[g] for g in [*replaced, *old_merged] if g in numbers)
            index.put([*((graphs[d], sequence + n) for n, d in enumerate(docs)),
                       (merged_graph, last)], last, index_rows(group), actors_seq=sequence)
        try:
            store.update(" ;\n".join(steps))
        except BaseException:
            if index is not None:
                index.rollback()
            for g in [*graphs.values(), merged_graph]:
                self._remove(g)
            raise
        if index is not None:
            index.commit()
        dropped = [g for g in [*replaced, *old_merged] if store.contains_named_graph(
            ox.NamedNode(g))]
        self._unlink(dropped)
        for g in dropped:
            store.remove_graph(ox.NamedNode(g))
        return [*graphs.values(), merged_graph], last

    def _uncommitted(self) -> list[str]:
        ox = _ox()
        committed = {g for _, g, _ in self._catalogue()} | {CATALOGUE, UNION}
        return [g.value for g in self.oxigraph.named_graphs()
                if isinstance(g, ox.NamedNode) and g.value not in committed]

    def _recover(self) -> list[str]:
        """Remove named graphs a killed process wrote but did not commit."""
        ox = _ox()
        orphans = self._uncommitted()
        self._unlink(orphans)
        for graph in orphans:
            self.oxigraph.remove_graph(ox.NamedNode(graph))
        if orphans:
            self.oxigraph.flush()
        return orphans

    def _marked(self) -> bool:
        ox = _ox()
        return any(True for _ in self.oxigraph.quads_for_pattern(
            ox.NamedNode(CATALOGUE), ox.NamedNode(_LAYOUT), None, ox.NamedNode(CATALOGUE)))

    def _make_union(self) -> None:
        """Write the union graph of a store written before it was kept (or a new store):
        every catalogued graph's triples, then the mark that says it is kept (a kill
        before the mark: done again at the next open)."""
        if self._marked():
            return
        ox = _ox()
        store = self.oxigraph
        for graph in self.graphs():
            data = store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.NamedNode(graph))
            if data:
                store.bulk_load(data, ox.RdfFormat.N_TRIPLES, to_graph=ox.NamedNode(UNION))
        store.add(ox.Quad(ox.NamedNode(CATALOGUE), ox.NamedNode(_LAYOUT), ox.Literal("union"),
                          ox.NamedNode(CATALOGUE)))
        store.flush()

    def _unlink(self, graphs: list[str]) -> None:
        """Take out of the union graph the triples of ``graphs`` (no longer catalogued,
        not yet removed) that no catalogued graph holds."""
        if not graphs or not self._marked():
            return
        ox = _ox()
        store, union = self.oxigraph, ox.NamedNode(UNION)
        committed = {ox.NamedNode(g) for _, g, _ in self._catalogue()}
        gone = []
        for graph in graphs:
            for quad in store.quads_for_pattern(None, None, None, ox.NamedNode(graph)):
                s, p, o = quad.subject, quad.predicate, quad.object
                # compared again: pyoxigraph 0.5.13's look-up of an integer ending in
                # 0xFF (255, 511...) on disk also returns the larger ones after it
                if not any(q.graph_name in committed and q.object == o
                           for q in store.quads_for_pattern(s, p, o)):
                    gone.append(ox.Quad(s, p, o, union))
        for quad in gone:
            store.remove(quad)

    def _remove(self, graph: str) -> None:
        ox = _ox()
        store = self.oxigraph
        node = ox.NamedNode(graph)
        store.update(f"DELETE WHERE {{ GRAPH <{CATALOGUE}> {{ <{graph}> ?p ?o }} }}")
        if store.contains_named_graph(node):
            self._unlink([graph])  # after the catalogue: a kill in between is recovered
            store.remove_graph(node)
        index = self.index
        if index is not None:  # after the catalogue: a kill in between is reconciled
            number = index.graphs().get(graph)
            if number is not None:
                index.begin()
                index.drop([number])
                index.commit()

    def remove(self, document_id: str) -> None:
        """Remove a document and everything stored with it. The documents it was merged
        with are merged again without it (refused, and nothing removed, when one of them
        refers to its records by id)."""
        self._vocabulary = None
        self._generation += 1
        catalogue = self._catalogue()
        for _, graph, doc in catalogue:
            if doc == document_id:
                covering = [docs for docs in self._merged_graphs().values()
                            if document_id in docs]
                others = sorted(set().union(*covering) - {document_id})
                if others:
                    held = {d: g for _, g, d in catalogue if d is not None}
                    try:
                        rest = combine(self._parts([held[d] for d in others]))
                    except DataError as exc:
                        raise type(exc)(f"cannot remove {document_id!r}: {exc.reason}",
                                        file=str(self.path), field=exc.field,
                                        expected="no stored document referring to it"
                                        ) from None
                    top = max(n for n, _, _ in catalogue)
                    self._write_group(rest, others, held, top + 1)  # before the removal
                self._remove(graph)
                self.oxigraph.flush()
                return
        raise NotFoundError(f"the store holds no document {document_id!r}")

    # -- reading --------------------------------------------------------------------------
    def graph(self, documents: Iterable[str] | None = None) -> KnowledgeGraph:
        """The stored graph (or only some documents) as a KnowledgeGraph, for the query
        and ask API: records grouped by document, in the order they were added."""
        wanted = set(documents) if documents is not None else None
        catalogue = self._catalogue()
        if wanted is None:
            return combine(self._parts([graph for _, graph, _ in catalogue]))
        missing = wanted - {d for _, _, d in catalogue}
        if missing:
            raise NotFoundError(f"the store holds no document {', '.join(sorted(missing))}")
        # a document merged with others is read with them, then kept alone
        group = set(wanted)
        for covered in self._merged_graphs().values():
            if covered & wanted:
                group |= covered
        parts = self._parts([graph for _, graph, doc in catalogue if doc in group])
        return combine(parts, partial=True).select(documents=wanted)

    def _query(self, query: str, *, documents_only: bool = False) -> Any:
        """Run a query whose default graph is the union of the committed documents (the
        union graph, and the catalogue). ``GRAPH ?g`` reaches every named graph, the
        union graph included, unless ``documents_only`` (then only the catalogued
        graphs and the catalogue: a list Oxigraph checks, about 40x slower per
        ``GRAPH`` look-up at 10,000 graphs)."""
        ox = _ox()
        if self._orphans:  # read-only after a kill: leave out what was never committed
            graphs = self._documents_named()
            return self.oxigraph.query(query, default_graph=graphs, named_graphs=graphs)
        if not self._has_union:  # a store of an earlier version, opened read-only
            return self.oxigraph.query(query, use_default_graph_as_union=True)
        default = [ox.NamedNode(UNION), ox.NamedNode(CATALOGUE)]
        if documents_only:
            return self.oxigraph.query(query, default_graph=default,
                                       named_graphs=self._documents_named())
        return self.oxigraph.query(query, default_graph=default)

    def _documents_named(self) -> list[Any]:
        """The catalogued graphs and the catalogue, as Oxigraph names (kept until a write)."""
        if self._named is None or self._named[0] != self._generation:
            ox = _ox()
            self._named = (self._generation,
                           [ox.NamedNode(g) for g in [*self.graphs(), CATALOGUE]])
        return self._named[1]

    def sparql(self, query: str, *, allow_service: bool = False) -> Any:
        """Run a SPARQL query over every document (the default graph is their union, each
        triple once, with the catalogue graph; ``GRAPH ?g`` reaches each document's graph
        and the catalogue):
        SELECT gives a list of ``{variable: value}`` dicts (plain strings), ASK a bool,
        CONSTRUCT/DESCRIBE N-Triples text.

        Values are the IRIs or literal texts; unbound variables are left out of the dict.
        Federated ``SERVICE`` clauses are refused unless ``allow_service``.
        """
        from ..linked_data.sparql_query import refuse_service

        refuse_service(query, allow_service)
        ox = _ox()
        try:
            result = self._query(query, documents_only=True)
        except SyntaxError as exc:
            raise QueryError(f"malformed SPARQL: {exc}") from None
        return _plain(ox, result)

    def _select(self, query: str) -> Any:
        """A query of ours without ``GRAPH``: the default graph only, no list of named
        graphs to hand Oxigraph (at 100,000 documents that list alone costs 8 ms)."""
        return _plain(_ox(), self._query(query))

    def export(self, path: str | os.PathLike[str], format: str | None = None) -> Path:
        """Write every document to ``path``: N-Quads or TriG keep one named graph per
        document (the catalogue included); Turtle and N-Triples write their union."""
        from ..linked_data.rdf import _format_name, format_of

        ox = _ox()
        path = Path(path)
        fmt = _format_name(format or format_of(path))
        formats = {"turtle": ox.RdfFormat.TURTLE, "ntriples": ox.RdfFormat.N_TRIPLES,
                   "nquads": ox.RdfFormat.N_QUADS, "trig": ox.RdfFormat.TRIG}
        if fmt not in formats:
            raise DataError(f"the store cannot export {fmt}", field="format",
                            expected="turtle, ntriples, nquads or trig")
        with atomic_path(path) as tmp:
            if fmt in ("nquads", "trig"):
                if self._orphans or self._has_union:
                    ox.serialize(self._committed_quads(), str(tmp), formats[fmt])
                else:
                    self.oxigraph.dump(str(tmp), formats[fmt])
                return path
            from ..linked_data.ontology import PREFIXES

            extra: dict[str, Any] = ({"prefixes": dict(PREFIXES), "base_iri": ID}
                                     if fmt == "turtle" else {})
            if self._has_union and not self._orphans:  # Oxigraph's own writer, no Python
                self.oxigraph.dump(str(tmp), formats[fmt], from_graph=ox.NamedNode(UNION),
                                   **extra)
            else:
                ox.serialize(self._union(), str(tmp), formats[fmt], **extra)
        return path

    def _union(self) -> Iterator[Any]:
        """The triples of every catalogued graph, each once, streamed graph by graph.

        Only an actor's triples (and the shortcut triples of relations, whose subject is
        an actor) are written into several graphs: each document's graph holds a copy
        of the actors it mentions. So only those are remembered to drop their repeats;
        every other record is in one graph (a SPARQL ``DISTINCT`` over the union would
        hold every triple of the store in memory: about 9 GB at a million events)."""
        ox = _ox()
        actor, named = ID + "actor/", ox.NamedNode
        seen: set[Any] = set()
        for graph in self.graphs():
            for quad in self.oxigraph.quads_for_pattern(None, None, None, ox.NamedNode(graph)):
                triple, subject = quad.triple, quad.subject
                if isinstance(subject, named) and subject.value.startswith(actor):
                    if triple in seen:
                        continue
                    seen.add(triple)
                yield triple

    # -- queries --------------------------------------------------------------------------
    def meetings(self, *, before: str | date | TimeSpan | None = None,
                 involving: str | None = None) -> Sequence[StoreMeeting]:
        """Who met whom (met-with relations of real events), possibly before ``before``
        (an ISO date, a :class:`~korea_graph.core.timespan.TimeSpan` or an event id), each
        marked certain or possible; ``involving`` an actor id, put first in each row.
        The same answer as :func:`korea_graph.questions.query.meetings`, from the
        store's index of met-with relations (:mod:`korea_graph.scale.store_index`: a
        range scan on their time), or, where the index does not match the catalogue (a
        store opened read-only after a kill), by one SPARQL query (:func:`find_meetings`).
        """
        if self.index is None:
            return find_meetings(self.sparql, before=before, involving=involving,
                                 named_graphs=not self._has_union or bool(self._orphans))
        start_min, start_max = (_anchor(self._select, before) if before is not None
                                else (None, None))
        return StoreMeetings(self, start_min if before is not None else None,
                             start_max if before is not None else None,
                             before is not None, involving)


_STATUSES = {s.value: s for s in Status}


class StoreMeetings(Sequence[StoreMeeting]):
    """The answer of :meth:`Store.meetings` from the store's index: its length is one
    count, its rows are read in pages of :attr:`PAGE` the first time they are looked at
    (then kept), so that asking costs little at any size. Reading it after the store has
    changed is refused (ask again). Compares equal to a list of the same rows."""

    PAGE = 20_000

    def __init__(self, store: Store, start_min: date | None, start_max: date | None,
                 anchored: bool, involving: str | None) -> None:
        assert store.index is not None
        self._store, self._index = store, store.index
        self._generation = store._generation
        self._low = start_min.isoformat() if start_min is not None else None
        self._bound = start_max.isoformat() if start_max is not None else None
        self._anchored = anchored
        self._rows: list[StoreMeeting] = []
        self._done = False
        if involving is not None:
            found = [self._row(r, involving) for r in self._index.meetings_of(involving,
                                                                                self._bound)]
            found.sort(key=lambda m: (m.record, m.source, m.target))
            self._rows, self._done, self._length = found, True, len(found)
        else:
            self._length = self._index.count_meetings(self._bound)

    def _row(self, row: tuple[str, str, str, str, str | None, str | None],
             involving: str | None = None) -> StoreMeeting:
        record, a, b, status, _, emax = row
        certainty: Literal["certain", "possible", ""] = ""
        if self._anchored:
            low = self._low
            certainty = ("certain" if emax is not None and low is not None and emax < low
                         else "possible")
        if involving is not None and a != involving:
            a, b = b, a
        return StoreMeeting(a, b, record, _STATUSES[status], certainty)

    def _more(self) -> bool:
        """Read the next page; False when every row has been read."""
        if self._done:
            return False
        if self._store._generation != self._generation or self._store.index is not self._index:
            raise QueryError("the store changed while this answer was read: ask again")
        last = self._rows[-1] if self._rows else None
        page = self._index.meetings_page(
            self._bound, (last.record, last.source, last.target) if last else None, self.PAGE)
        self._rows.extend(self._row(r) for r in page)
        self._done = len(page) < self.PAGE or len(self._rows) >= self._length
        return bool(page)

    def __len__(self) -> int:
        return self._length

    @overload
    def __getitem__(self, index: int) -> StoreMeeting: ...
    @overload
    def __getitem__(self, index: slice) -> list[StoreMeeting]: ...
    def __getitem__(self, index: int | slice) -> StoreMeeting | list[StoreMeeting]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(self._length))]
        position = index + self._length if index < 0 else index
        if not 0 <= position < self._length:
            raise IndexError("answer row out of range")
        while position >= len(self._rows) and self._more():
            pass
        return self._rows[position]

    def __iter__(self) -> Iterator[StoreMeeting]:
        position = 0
        while True:
            while position < len(self._rows):
                yield self._rows[position]
                position += 1
            if not self._more():
                return

    def __eq__(self, other: object) -> bool:
        if isinstance(other, StoreMeetings | list | tuple):
            return len(self) == len(other) and all(a == b for a, b in zip(self, other,
                                                                           strict=True))
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"<StoreMeetings: {self._length} rows, {len(self._rows)} read>"


def find_meetings(select: Callable[[str], Any], *, before: str | date | TimeSpan | None = None,
                  involving: str | None = None, named_graphs: bool = True
                  ) -> list[StoreMeeting]:
    """:meth:`Store.meetings` over any SPARQL ``select`` function returning a list of
    ``{variable: value}`` dicts (a store's or an endpoint's): the relations are in named
    graphs (one per document), or, with ``named_graphs=False``, in the default graph."""
    from ..linked_data.rdf import iri

    start_min, start_max = _anchor(select, before) if before is not None else (None, None)
    real = ", ".join(f"<{individual_iri('status', s.value)}>" for s in Status if s.is_real)
    # With an actor, one query per end: Oxigraph then starts from the actor's index
    # entries (a UNION of the two ends makes it scan every relation).
    ends = [""]
    if involving is not None:
        actor = f"<{iri('actor', involving)}>"
        ends = [f"?r kg:from {actor} .", f"?r kg:to {actor} ."]
    time_filter = ""
    if start_max is not None:
        time_filter = f'FILTER(!BOUND(?emin) || ?emin < "{start_max.isoformat()}"^^xsd:date)'
    query = f"""
        PREFIX kg: <{KG}>
        PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
        SELECT DISTINCT ?r ?status ?emax WHERE {{ {"GRAPH ?g " if named_graphs else ""}{{
            {{who}}
            ?r kg:relationType kg:{relation_property(RelationType.MET_WITH)} ;
               kg:status ?status ; kg:when ?t .
            FILTER(?status IN ({real}))
        }}
        OPTIONAL {{ ?t kg:endMin ?emin }}
        OPTIONAL {{ ?t kg:endMax ?emax }}
        {time_filter}
        }}"""
    # Four look-ups per relation (type, status, time, its end): the relation in each
    # document's graph (the union of the graphs deduplicates every pattern across graphs:
    # about twice as slow), its time in any graph (a merged event's relations are in the
    # merged view's graph, its time where the event is); the record and the two ends are
    # read from the relation's IRI, relation/RECORD/TYPE/SOURCE/TARGET (linked_data.rdf).
    statuses = {individual_iri("status", s.value): s for s in Status}
    out = []
    rows = [row for who in ends for row in select(query.replace("{who}", who))]
    base = ID + "relation/"
    for row in rows:
        certainty: Literal["certain", "possible", ""] = ""
        if before is not None:
            emax = row.get("emax")
            sure = (emax is not None and start_min is not None
                    and date.fromisoformat(emax) < start_min)
            certainty = "certain" if sure else "possible"
        parts = row["r"][len(base):].split("/") if row["r"].startswith(base) else []
        if len(parts) != 4:
            raise DataError(f"not a relation IRI: {row['r']}", field="kg:Relation",
                            expected=f"{base}RECORD/TYPE/SOURCE/TARGET")
        record, a, b = (unquote(parts[n]) for n in (0, 2, 3))
        if involving is not None and a != involving:
            a, b = b, a
        out.append(StoreMeeting(a, b, record, statuses[row["status"]], certainty))
    out.sort(key=lambda m: (m.record, m.source, m.target))
    return out


def _anchor(select: Callable[[str], Any], anchor: str | date | TimeSpan
            ) -> tuple[date | None, date | None]:
    """The earliest and latest start of an anchor, as :mod:`korea_graph.questions.query` reads it:
    a date is the whole of it, an event its time."""
    if isinstance(anchor, date):
        return anchor, anchor
    if isinstance(anchor, str) and anchor[:4].isdigit():
        anchor = TimeSpan.parse(anchor)
    if isinstance(anchor, TimeSpan):
        start = anchor.start_min
        return start, start if start is not None else anchor.start_max
    from ..linked_data.rdf import iri

    rows = select(f"PREFIX kg: <{KG}> SELECT ?smin ?smax WHERE {{ <{iri('event', anchor)}> "
                  f"kg:when ?t . OPTIONAL {{ ?t kg:startMin ?smin }} "
                  f"OPTIONAL {{ ?t kg:startMax ?smax }} }}")
    if not rows:
        raise NotFoundError(f"no event {anchor!r} (give an event id or an ISO date)")
    smin, smax = rows[0].get("smin"), rows[0].get("smax")
    return (date.fromisoformat(smin) if smin is not None else None,
            date.fromisoformat(smax) if smax is not None else None)


def _id(value: str) -> str:
    from urllib.parse import unquote

    return unquote(value.rsplit("/", 1)[1])


def _open_ox(ox: Any, folder: Path, read_only: bool) -> Any:
    """Oxigraph's store in ``folder``. Opened read-only while another process writes it,
    a file the writer's compaction deletes mid-way fails the open: tried again."""
    if not read_only:
        return ox.Store(str(folder))
    for attempt in range(4):
        try:
            return ox.Store.read_only(str(folder))
        except (OSError, RuntimeError) as exc:
            if attempt == 3 or "No such file" not in str(exc):
                raise
            time.sleep(0.1 * (attempt + 1))
    raise AssertionError("unreachable")


def _into_union(data: bytes) -> bytes:
    """N-Quads moved into the union graph (same statements, one graph)."""
    return _GRAPH_END.sub(_UNION_END, data)


def _catalogue_quads(ox: Any, entries: list[tuple[str, int, str | None]]) -> list[Any]:
    g = ox.NamedNode(CATALOGUE)
    seq, doc = ox.NamedNode(_SEQUENCE), ox.NamedNode(_DOCUMENT)
    integer = ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")
    quads = []
    for graph, sequence, doc_id in entries:
        node = ox.NamedNode(graph)
        quads.append(ox.Quad(node, seq, ox.Literal(str(sequence), datatype=integer), g))
        if doc_id is not None:
            quads.append(ox.Quad(node, doc, ox.Literal(doc_id), g))
    return quads


def _plain(ox: Any, result: Any) -> Any:
    if isinstance(result, bool):
        return result
    if isinstance(result, ox.QuerySolutions):
        names = [v.value for v in result.variables]
        rows = []
        for solution in result:
            row = {}
            for name in names:
                term = solution[name]
                if term is not None:
                    row[name] = term.value
            rows.append(row)
        return rows
    if isinstance(result, ox.QueryBoolean):
        return bool(result)
    data = result.serialize(format=ox.RdfFormat.N_TRIPLES)
    return data.decode("utf-8") if isinstance(data, bytes) else data
