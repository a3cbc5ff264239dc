"""Event data past one machine: ICEWS and GDELT files imported on Apache Spark.

The import runs the single-machine rules themselves (:mod:`korea_graph.eventdata`), not
a copy of them: rows are parsed by the readers' own row functions on the executors, the
actors of each file are resolved on the driver by the same resolver in the order the rows
name them (the distinct names are few next to the rows), and rows are keyed, grouped into
events and turned into relations on the executors with the same functions. Importing a
file here gives the same events, sources and relations as
:func:`~korea_graph.read_icews` / :func:`~korea_graph.read_gdelt` on it.

What is partitioned by what: the rows of a file by Spark's input splits (parsing and
keying need no shuffle); the one shuffle groups a file's rows by event key; the driver
collects only the distinct actor names of each file and the rare event ids that two
events would share. Results are DataFrames (``actors``, ``events``, ``participants``,
``sources``, ``relations``, ``bad_rows``), written as Parquet tables or as N-Quads, one
named graph per source file, for a SPARQL server's bulk loader.

Needs the ``spark`` extra (``pip install 'korea_graph[spark]'``) and a Java runtime.

>>> from korea_graph.scale.spark import graph_iri
>>> graph_iri("icews", "/data/events.2018.tsv")
'https://w3id.org/korea-graph/id/document/icews-events...'
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, cast

from ..core.graph import KnowledgeGraph
from ..core.model import Actor, Event, Status
from ..core.relations import RelationType, derive_relations
from ..core.timespan import TimeSpan
from ..errors import DataError, DependencyError, ParseError, QueryError
from ..eventdata.coded_rows import (
    ActorRef,
    ActorResolver,
    CodedRow,
    EventDraft,
    SkippedRow,
    draft_event,
    event_shape,
    imported_actors,
    merge_key,
)
from ..linked_data.rdf import iri

if TYPE_CHECKING:
    from pyspark import RDD
    from pyspark.sql import DataFrame, SparkSession

__all__ = ["FileReport", "SparkImport", "graph_iri", "read_events", "running_session",
           "session"]

Dataset = Literal["icews", "gdelt"]
Strength = Literal["certainly", "possibly"]

_REAL = (Status.OCCURRED, Status.REPORTED, Status.DISPUTED)


def _pyspark() -> Any:
    try:
        import pyspark
    except ImportError as exc:  # pragma: no cover - the spark extra is installed in tests
        raise DependencyError("the Spark import needs pyspark and a Java runtime: "
                              "pip install 'korea_graph[spark]'") from exc
    return pyspark


def session(master: str = "local[2]", app: str = "korea_graph", **conf: str) -> SparkSession:
    """A Spark session (``local[2]`` by default: two cores of this machine); ``conf``
    sets Spark options, e.g. ``{"spark.driver.memory": "4g"}``."""
    _pyspark()
    import sys

    from pyspark.sql import SparkSession

    # the workers run this interpreter (with korea_graph installed), not "python3" on PATH
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    builder = SparkSession.builder.master(master).appName(app)
    for key, value in {"spark.ui.enabled": "false", "spark.ui.showConsoleProgress": "false",
                       "spark.sql.session.timeZone": "UTC",
                       **{k.replace("_", "."): v for k, v in conf.items()}}.items():
        builder = builder.config(key, value)
    return builder.getOrCreate()


def running_session() -> SparkSession | None:
    """The active Spark session of this process, if any."""
    _pyspark()
    from pyspark.sql import SparkSession

    return SparkSession.getActiveSession()


def graph_iri(dataset: str, file: str | os.PathLike[str]) -> str:
    """The named graph of one source file: a document IRI from the dataset and file name."""
    return iri("document", f"{dataset}-{Path(file).name}")


# -- reading a file into numbered lines ------------------------------------------------------
def _numbered(spark: SparkSession, file: str) -> RDD[tuple[int, str]]:
    """(line number, line) of a text file, or of the one file in a ``.zip``."""
    sc = spark.sparkContext
    if file.lower().endswith(".zip"):
        return sc.binaryFiles(file).flatMap(lambda item: _zip_lines(file, item[1]))
    lines = sc.textFile(file).zipWithIndex()
    return lines.map(lambda pair: (pair[1] + 1, pair[0].removeprefix("\ufeff")
                                   if pair[1] == 0 else pair[0]))


def _zip_lines(file: str, blob: bytes) -> Iterator[tuple[int, str]]:
    import io
    import zipfile

    with zipfile.ZipFile(io.BytesIO(blob)) as archive:
        members = [m for m in archive.namelist() if not m.endswith("/")]
        if len(members) != 1:
            raise ParseError(f"the archive holds {len(members)} files", file=file,
                             expected="one event file")
        with archive.open(members[0]) as raw:
            for number, line in enumerate(io.TextIOWrapper(raw, encoding="utf-8"), 1):
                text = line.rstrip("\r\n")
                yield number, text.removeprefix("\ufeff") if number == 1 else text


def _parser(spark: SparkSession, dataset: Dataset, file: str,
            lines: RDD[tuple[int, str]]) -> tuple[Callable[[int, str], CodedRow], int]:
    """The readers' own row parser for this file, and the line of its header (0: none)."""
    if dataset == "icews":
        from ..eventdata.icews import header_index, parse_row

        first = lines.filter(lambda pair: bool(pair[1].strip())).take(1)
        if not first:
            raise ParseError("the file is empty", file=file, expected="an ICEWS header line")
        header_line, header = first[0]
        index, width = header_index(file, header_line, header)

        def icews(number: int, line: str) -> CodedRow:
            return parse_row(file, number, line.split("\t"), index, width)

        return icews, header_line
    from ..eventdata.gdelt import parse_row as gdelt_row

    def gdelt(number: int, line: str) -> CodedRow:
        return gdelt_row(file, number, line.split("\t"))

    return gdelt, 0


def _parse(parse: Callable[[int, str], CodedRow], file: str, number: int, line: str
           ) -> CodedRow | SkippedRow:
    try:
        return parse(number, line)
    except DataError as exc:
        text = (f"{exc.field}: " if exc.field else "") + exc.reason
        return SkippedRow(file, number,
                          text + (f" (expected {exc.expected})" if exc.expected else ""))


# -- the result --------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class FileReport:
    """What became of one source file: rows read, bad rows, events; ``refused`` when it
    had bad rows and bad rows were not to be skipped (none of its rows is imported)."""

    file: str
    dataset: str
    rows: int
    bad_rows: int
    events: int
    refused: bool

    def __str__(self) -> str:
        state = "refused: bad rows" if self.refused else f"{self.events} events"
        return f"{self.file}: {self.rows} rows, {self.bad_rows} bad, {state}"


@dataclass
class SparkImport:
    """The imported tables, and the records behind them for N-Quads and small graphs."""

    spark: SparkSession
    files: tuple[FileReport, ...]
    actors: dict[str, Actor]  #: every actor the events name, in the order met
    _events: RDD[tuple[int, int, Event]]  # (file index, first line, event), cached
    _file_actors: tuple[tuple[Actor, ...], ...] = ()  # each file's actors, as it names them

    @property
    def events(self) -> DataFrame:
        """One row per event: id, type, label, cameo, status, place, note, day, file."""
        files = [f.file for f in self.files]
        rows = self._events.map(lambda t: (
            t[2].id, t[2].type.value, t[2].label, t[2].cameo, t[2].status.value, t[2].place,
            t[2].note, t[2].when.start_min, files[t[0]], t[1]))
        return self.spark.createDataFrame(rows, _schema(
            "id", "type", "label", "cameo", "status", "place", "note", ("day", "date"),
            "file", ("first_line", "long"))).orderBy("file", "first_line")

    @property
    def participants(self) -> DataFrame:
        """One row per participant: event, actor, role."""
        rows = self._events.flatMap(lambda t: [(t[2].id, p.actor, p.role.value)
                                               for p in t[2].participants])
        return self.spark.createDataFrame(rows, _schema("event", "actor", "role"))

    @property
    def sources(self) -> DataFrame:
        """One row per source row of an event: the provenance of every event."""
        rows = self._events.flatMap(lambda t: [
            (t[2].id, s.dataset, s.row_id, s.file, s.line, s.story_id, s.sentence,
             s.publisher, s.url) for s in t[2].sources])
        return self.spark.createDataFrame(rows, _schema(
            "event", "dataset", "row_id", "file", ("line", "long"), "story_id",
            ("sentence", "long"), "publisher", "url"))

    @property
    def relations(self) -> DataFrame:
        """The derived relations with their time bounds (``None``: unbounded) and status."""
        rows = self._events.flatMap(lambda t: [
            (r.id, r.type.value, r.source, r.target, r.record, r.status.value,
             r.when.start_min, r.when.start_max, r.when.end_min, r.when.end_max, r.symmetric)
            for r in derive_relations([t[2]], [], [])])
        return self.spark.createDataFrame(rows, _schema(
            "id", "type", "source", "target", "record", "status", ("start_min", "date"),
            ("start_max", "date"), ("end_min", "date"), ("end_max", "date"),
            ("symmetric", "boolean")))

    @property
    def actor_table(self) -> DataFrame:
        """One row per actor: id, label, kind, country, aliases joined by ``"; "``."""
        rows = [(a.id, a.label, a.kind.value, a.country, "; ".join(a.aliases))
                for a in self.actors.values()]
        return self.spark.createDataFrame(rows, _schema("id", "label", "kind", "country",
                                                        "aliases"))

    @property
    def bad_rows(self) -> DataFrame:
        """Every bad row of every file: file, line, reason."""
        assert self._bad is not None
        return self._bad

    _bad: DataFrame | None = None

    def graph(self) -> KnowledgeGraph:
        """The imported records as one graph (collected to the driver: for samples)."""
        events = [t[2] for t in sorted(self._events.collect(), key=lambda t: (t[0], t[1]))]
        return KnowledgeGraph(actors=imported_actors(events, self.actors), events=events)

    def write_parquet(self, folder: str | os.PathLike[str]) -> dict[str, Path]:
        """Write every table as Parquet under ``folder`` (replacing what is there)."""
        out = Path(folder)
        tables = {"actors": self.actor_table, "events": self.events,
                  "participants": self.participants, "sources": self.sources,
                  "relations": self.relations, "bad_rows": self.bad_rows}
        paths = {}
        for name, frame in tables.items():
            paths[name] = out / name
            frame.write.mode("overwrite").parquet(str(paths[name]))
        return paths

    def write_nquads(self, folder: str | os.PathLike[str]) -> list[Path]:
        """Write N-Quads under ``folder``, one subfolder of ``part-*.nq`` files per source
        file, each statement in that file's named graph (:func:`graph_iri`), ready for a
        bulk loader (Virtuoso's ``ld_dir``, ``oxigraph load``...)."""
        out = Path(folder)
        sc = self.spark.sparkContext
        written = []
        for index, report in enumerate(self.files):
            if report.refused:
                continue
            target = out / Path(report.file).name
            if target.exists():
                shutil.rmtree(target)
            own = {a.id: a for a in self._file_actors[index]}
            shared = sc.broadcast((own, {a: n for n, a in enumerate(own)}))
            graph = graph_iri(report.dataset, report.file)
            # the file's events in data order, each with its position in the file's graph
            def mine(t: tuple[int, int, Event], i: int = index) -> bool:
                return t[0] == i

            def part(items: Iterable[tuple[tuple[int, int, Event], int]], g: str = graph,
                     s: Any = shared) -> Iterator[str]:
                return _quads(items, g, s.value)

            ranked = self._events.filter(mine).sortBy(lambda t: t[1]).zipWithIndex()
            ranked.mapPartitions(part).saveAsTextFile(str(target))
            for produced in target.glob("part-*"):
                if produced.suffix != ".nq":
                    produced.rename(produced.with_name(produced.name + ".nq"))
            written.append(target)
        return written

    def meetings(self, *, before: object = None, after: object = None, during: object = None,
                 involving: str | None = None, strength: Strength = "possibly",
                 include_planned: bool = False) -> DataFrame:
        """Who met whom, as Spark SQL over the relation table, with the time semantics of
        :func:`korea_graph.meetings`: an anchor (an event id or a date) is certainly or
        possibly before, after or around each meeting; ``certainty`` says which."""
        anchors = {name: self._anchor(value) for name, value in
                   (("before", before), ("after", after), ("during", during))
                   if value is not None}
        statuses = [s.value for s in (*_REAL, *((Status.PLANNED,) if include_planned
                                               else ()))]
        view = f"kg_relations_{id(self)}"
        self.relations.createOrReplaceTempView(view)
        sql, params = meetings_sql(view, anchors, statuses, involving, strength)
        return self.spark.sql(sql, args=params)

    def _anchor(self, value: object) -> TimeSpan:
        if isinstance(value, TimeSpan):
            return value
        if isinstance(value, date):
            return TimeSpan.day(value)
        text = str(value)
        found = self._events.filter(lambda t: t[2].id == text).take(1)
        if found:
            return found[0][2].when
        try:
            span = TimeSpan.parse(text)
        except DataError:
            raise QueryError(f"{text!r} is neither a date nor the id of an imported "
                             "event") from None
        return TimeSpan(span.start_min, span.start_min, span.end_max, span.end_max,
                        span.precision)


#: Events per N-Quads text handed back to Spark: one text is one Java string, and a whole
#: partition's (hundreds of MB at a million rows) overflows the executor's heap.
QUADS_CHUNK = 5_000


def _quads(items: Iterable[tuple[tuple[int, int, Event], int]], graph: str,
           shared: tuple[dict[str, Actor], dict[str, int]]) -> Iterator[str]:
    """A partition's events (and the actors they name) as N-Quads in ``graph``, with the
    kg:position each record has in the whole file's export, so that the partitions of a
    file together are exactly the export of the file imported alone (an actor named in
    several chunks is written by each; the statements are the same, and a store keeps
    each once). One text per :data:`QUADS_CHUNK` events."""
    import re
    from itertools import islice

    from .store import nquads

    actors, actor_rank = shared
    position = re.compile(r'^<([^>]*)> (<[^>]*#position>) "\d+"(\^\^<[^>]*>) ', re.M)
    stream = iter(items)
    while ranked := list(islice(stream, QUADS_CHUNK)):
        events = [t[2] for t, _ in ranked]
        part = KnowledgeGraph(actors=imported_actors(events, actors), events=events)
        rank = {iri("event", t[2].id): n for t, n in ranked}
        rank |= {iri("actor", a): actor_rank[a] for a in part.actors}

        def fix(match: re.Match[str], rank: dict[str, int] = rank) -> str:
            n = rank.get(match.group(1))
            if n is None:  # an item (participant, source row...): its position is its own
                return match.group(0)
            return f'<{match.group(1)}> {match.group(2)} "{n}"{match.group(3)} '

        yield position.sub(fix, nquads(part, graph)).removesuffix("\n")


def meetings_sql(view: str, anchors: dict[str, TimeSpan], statuses: Sequence[str],
                 involving: str | None, strength: Strength) -> tuple[str, dict[str, Any]]:
    """The SQL of :meth:`SparkImport.meetings`: the conditions of
    :mod:`korea_graph.core.timespan` (unbounded sides as the first and last day).

    >>> sql, params = meetings_sql("r", {"before": TimeSpan.day(date(2018, 6, 12))},
    ...                            ["reported"], None, "certainly")
    >>> "coalesce(end_max, DATE'9999-12-31') < :before_start_min" in sql
    True
    """
    lo, hi = "DATE'0001-01-01'", "DATE'9999-12-31'"
    s_min, s_max = f"coalesce(start_min, {lo})", f"coalesce(start_max, {hi})"
    e_min, e_max = f"coalesce(end_min, {lo})", f"coalesce(end_max, {hi})"
    params: dict[str, Any] = {}
    possible, certain = [], []
    for name, span in anchors.items():
        bounds = {"start_min": span.start_min or date.min, "start_max": span.start_max
                  or date.max, "end_min": span.end_min or date.min,
                  "end_max": span.end_max or date.max}
        p = {k: f":{name}_{k}" for k in bounds}
        params |= {f"{name}_{k}": v for k, v in bounds.items()}
        if name == "before":
            possible.append(f"{e_min} < {p['start_max']}")
            certain.append(f"{e_max} < {p['start_min']}")
        elif name == "after":
            possible.append(f"{p['end_min']} < {s_max}")
            certain.append(f"{p['end_max']} < {s_min}")
        else:  # during: possibly overlaps, certainly within
            possible.append(f"{s_min} <= {p['end_max']} AND {p['start_min']} <= {e_max}")
            certain.append(f"{p['start_max']} <= {s_min} AND {e_max} <= {p['end_min']}")
    marks = ", ".join(f":status{i}" for i in range(len(statuses)))
    where = ["type = :type", f"status IN ({marks})"]
    params["type"] = RelationType.MET_WITH.value
    params |= {f"status{i}": s for i, s in enumerate(statuses)}
    if involving is not None:
        where.append("(source = :actor OR target = :actor)")
        params["actor"] = involving
    where += [f"({c})" for c in possible]
    sure = " AND ".join(f"({c})" for c in certain) or "TRUE"
    if strength == "certainly":
        where.append(f"({sure})")
    subject = "source" if involving is None else \
        "CASE WHEN source = :actor OR NOT symmetric THEN source ELSE target END"
    other = "target" if involving is None else \
        "CASE WHEN source = :actor OR NOT symmetric THEN target ELSE source END"
    certainty = f"CASE WHEN {sure} THEN 'certain' ELSE 'possible' END" if anchors else "NULL"
    sql = (f"SELECT id, record, {subject} AS subject, {other} AS object, status, "
           f"start_min, start_max, end_min, end_max, {certainty} AS certainty "
           f"FROM {view} WHERE {' AND '.join(where)} "
           f"ORDER BY {s_min}, {e_max}, id")
    return sql, params


def _schema(*fields: str | tuple[str, str]) -> Any:
    from pyspark.sql import types as T

    kinds = {"string": T.StringType(), "date": T.DateType(), "long": T.LongType(),
             "boolean": T.BooleanType()}
    return T.StructType([T.StructField(*((f, "string") if isinstance(f, str) else f)[:1],
                                       kinds[(f, "string")[1] if isinstance(f, str) else f[1]],
                                       True) for f in fields])


# -- the import ------------------------------------------------------------------------------
def read_events(spark: SparkSession, files: Sequence[str | os.PathLike[str]], *,
                dataset: Dataset, base: KnowledgeGraph | None = None,
                skip_bad_rows: bool = False) -> SparkImport:
    """Import ICEWS or GDELT (1.0 or 2.0) files on Spark.

    The files are imported in turn, each as :func:`~korea_graph.read_icews` or
    :func:`~korea_graph.read_gdelt` imports it with ``base`` merged with the files before
    it as its base: actors are matched by the same rules (so one actor named in two files
    is one actor), repeated reports are merged within a file, and an event id already
    taken gets a suffix. Bad rows are never dropped silently: every one is in
    :attr:`SparkImport.bad_rows` with its file and line; without ``skip_bad_rows`` a file
    with bad rows is refused whole (its :class:`FileReport` says so) and the other files
    are still imported.
    """
    if dataset not in ("icews", "gdelt"):
        raise DataError(f"unknown dataset {dataset!r}", field="dataset",
                        expected="icews or gdelt")
    for path in files:
        if not Path(path).exists():
            raise DataError("no such file", file=str(path),
                            expected=f"an existing {dataset} event file")
    sc = spark.sparkContext
    so_far = base if base is not None else KnowledgeGraph()
    taken: RDD[str] = sc.parallelize(sorted(so_far.events), 1)
    reports: list[FileReport] = []
    parts: list[RDD[tuple[int, int, Event]]] = []
    bad: list[RDD[SkippedRow]] = []
    own: list[tuple[Actor, ...]] = []
    order: dict[str, None] = {}  # the actors' ids in the order the files name them
    for index, path in enumerate(files):
        report, events, skipped, actors = _import_file(spark, dataset, str(path), index,
                                                       so_far, skip_bad_rows, taken)
        reports.append(report)
        bad.append(skipped)
        own.append(tuple(actors))
        if events is not None:
            parts.append(events)
            so_far = so_far.merge(KnowledgeGraph(actors=actors))
            taken = taken.union(events.map(lambda t: t[2].id))
            order |= dict.fromkeys(a.id for a in actors)
    known = {a: so_far.actors[a] for a in order}
    events_rdd = sc.union(parts).cache() if parts else sc.emptyRDD()
    rows = sc.union(bad).map(lambda s: (s.file, s.line, s.reason)) if bad else sc.emptyRDD()
    frame = spark.createDataFrame(rows, _schema("file", ("line", "long"), "reason"))
    result = SparkImport(spark, tuple(reports), known, events_rdd, tuple(own))
    result._bad = frame.orderBy("file", "line")
    return result


def _import_file(spark: SparkSession, dataset: Dataset, file: str, index: int,
                 so_far: KnowledgeGraph, skip_bad_rows: bool, taken: RDD[str]
                 ) -> tuple[FileReport, RDD[tuple[int, int, Event]] | None, RDD[SkippedRow],
                            list[Actor]]:
    sc = spark.sparkContext
    lines = _numbered(spark, file)
    parse, header_line = _parser(spark, dataset, file, lines)
    parsed = lines.filter(lambda pair: bool(pair[1].strip()) and pair[0] != header_line) \
        .map(lambda pair: _parse(parse, file, pair[0], pair[1])).cache()
    skipped = cast("RDD[SkippedRow]", parsed.filter(lambda r: isinstance(r, SkippedRow)))
    good = cast("RDD[CodedRow]", parsed.filter(lambda r: isinstance(r, CodedRow)))
    counts = parsed.map(lambda r: (isinstance(r, SkippedRow), 1)).reduceByKey(
        lambda a, b: a + b).collectAsMap()
    n_bad, n_good = counts.get(True, 0), counts.get(False, 0)
    name: str = dataset
    if dataset == "gdelt":
        kinds = good.map(lambda r: r.record.dataset).distinct().collect()
        name = kinds[0] if len(kinds) == 1 else "gdelt"
    if n_bad and not skip_bad_rows:
        return FileReport(file, name, n_good + n_bad, n_bad, 0, True), None, skipped, []

    # the driver resolves each distinct name once, in the order the rows name them
    firsts = good.flatMap(_mentions).reduceByKey(min).collect()
    resolver = ActorResolver(so_far if so_far.actors else None)
    ids: dict[tuple[str, ActorRef], str] = {}
    for (call, ref), _ in sorted(firsts, key=lambda item: item[1]):
        ids[(call, ref)] = resolver.resolve(ref) if call == "actor" else resolver.place(ref)
    shared = sc.broadcast((ids, resolver.actors))

    def keyed(row: CodedRow) -> tuple[tuple[object, ...], CodedRow]:
        table = shared.value[0]
        source = table[("actor", row.source)] if row.source else None
        target = table[("actor", row.target)] if row.target else None
        return merge_key(row, event_shape(row.code), source, target), row

    def build(group: tuple[tuple[object, ...], Iterable[CodedRow]]) -> tuple[int, int, Event]:
        table, known = shared.value
        rows = sorted(group[1], key=lambda r: r.line)
        first = rows[0]
        source = table[("actor", first.source)] if first.source else None
        target = table[("actor", first.target)] if first.target else None
        draft = EventDraft(event_shape(first.code), first.code, first.day, source, target)
        for row in rows:
            draft.add(row, table[("place", row.place)] if row.place is not None else None)
        return index, first.line, draft_event(draft, name, known, set())

    events = _unique_ids(good.map(keyed).groupByKey().map(build), taken).cache()
    count = events.count()
    named = set(events.flatMap(lambda t: [a for a in (*t[2].actors(), t[2].place) if a])
                .distinct().collect())
    named |= {c for a in named if (c := resolver.actors[a].country)}
    actors = [a for a in resolver.actors.values() if a.id in named]
    return FileReport(file, name, n_good + n_bad, n_bad, count, False), events, skipped, actors


def _mentions(row: CodedRow) -> list[tuple[tuple[str, ActorRef], tuple[int, int]]]:
    """The names a row resolves, in the order the single-machine import resolves them."""
    found = []
    for slot, (call, ref) in enumerate((("actor", row.source), ("actor", row.target),
                                        ("place", row.place))):
        if ref is not None:
            found.append(((call, ref), (row.line, slot)))
    return found


def _unique_ids(events: RDD[tuple[int, int, Event]], taken: RDD[str]
                ) -> RDD[tuple[int, int, Event]]:
    """Events whose id is taken (by the base, an earlier file or an earlier event of the
    file) get ``-2``, ``-3``... in the order of their first rows, as in the single-machine
    import. Only the clashing ids travel to the driver."""
    from dataclasses import replace

    events = events.cache()
    ids = events.map(lambda t: t[2].id)
    twice = ids.map(lambda i: (i, 1)).reduceByKey(lambda a, b: a + b) \
        .filter(lambda kv: kv[1] > 1).keys()
    clashes = set(twice.union(ids.intersection(taken)).collect())
    if not clashes:
        return events
    stems = events.context.broadcast(clashes)

    def near(i: str) -> bool:
        return i in stems.value or i.rsplit("-", 1)[0] in stems.value

    used = set(taken.filter(near).collect())
    renames: dict[tuple[int, int], str] = {}
    for file_index, line, event in sorted(events.filter(lambda t: t[2].id in stems.value)
                                          .collect(), key=lambda t: (t[0], t[1])):
        new, n = event.id, 2
        while new in used:
            new, n = f"{event.id}-{n}", n + 1
        used.add(new)
        if new != event.id:
            renames[(file_index, line)] = new
    if not renames:
        return events
    table = events.context.broadcast(renames)
    return events.map(lambda t: (t[0], t[1], replace(t[2], id=table.value[(t[0], t[1])]))
                      if (t[0], t[1]) in table.value else t)
