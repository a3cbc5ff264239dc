"""Read curated YAML data files into a :class:`~korea_graph.core.graph.KnowledgeGraph`.

A data file describes one document (its text sits beside it) and the actors, events,
affiliations and stances taken from it; ``docs/curation.md`` describes the format.
Loading is all-or-nothing: every check runs before a graph is built, and the first
problem stops the load with a :class:`~korea_graph.errors.DataError` subclass naming the
file, the line and the field.

>>> kg = load()                      # the bundled graph of Monitor 6:129
>>> kg.actor("kim jong il").label
'Kim Jong-il'
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import date
from enum import StrEnum
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

import yaml

from ..core import validate as rules
from ..core.graph import KnowledgeGraph
from ..core.model import (
    Actor,
    ActorKind,
    Affiliation,
    AffiliationKind,
    Attitude,
    Citation,
    Document,
    Event,
    EventType,
    Evidence,
    Hedge,
    Inference,
    Participant,
    Review,
    Role,
    Stance,
    Status,
    check_alias_inferences,
)
from ..core.timespan import TimeSpan
from ..errors import (
    DataError,
    DuplicateIdError,
    ParseError,
    ReferenceError_,
    SchemaError,
    VocabularyError,
)
from . import checks

__all__ = ["FORMAT", "ReadFiles", "bundled_data_files", "load", "load_file", "parse_yaml",
           "read_files"]

FORMAT = "korea_graph/1"
_E = TypeVar("_E", bound=StrEnum)


def bundled_data_files() -> list[Path]:
    """The curated data files shipped inside the package: the article first, then the
    documents of the corpus (``data/corpus/``, each with its text, licence and attribution).

    >>> [p.name for p in bundled_data_files()][:2]
    ['monitor-6-129.yaml', '03_kremlin_putin_replies_pyongyang_2000-07-19.yaml']
    """
    root = Path(str(resources.files("korea_graph") / "data"))
    return [*sorted(p for p in root.glob("*.yaml")), *sorted((root / "corpus").glob("*.yaml"))]


def load(*paths: str | os.PathLike[str], corpus: bool | None = None,
         document: str | None = None) -> KnowledgeGraph:
    """Load data files into one graph; with no argument, the shipped corpus.

    ``corpus=True`` adds the shipped corpus to ``paths`` (the default when no path is
    given). Files may refer to actors and events of each other by id, and report the
    same event (see ``docs/curation.md``, "Many documents"); the result does not depend
    on the order of the files. ``document`` keeps one document of what was loaded: the
    graph as known from that source alone (every actor stays, so its references resolve).

    >>> kg = load(document="monitor-6-129")
    >>> list(kg.documents), kg.events["putin-visits-pyongyang"].status.value
    (['monitor-6-129'], 'planned')
    """
    files = [Path(p) for p in paths]
    if corpus or (corpus is None and not files):
        files = [*bundled_data_files(), *files]
    kg = _load_all([_read(f) for f in files])
    return kg.select(documents=[document]) if document is not None else kg


def load_file(path: str | os.PathLike[str]) -> KnowledgeGraph:
    """Load and validate one data file alone: every id it refers to must be declared in
    it (use :func:`load` with the other files, or ``corpus=True``, otherwise)."""
    return _load_all([_read(Path(path))])


class ReadFiles:
    """Data files read and checked once, to be loaded again beside other files without
    reading them again: the review page loads the corpus with the file being reviewed on
    every decision (reading the corpus takes 0.3 s, joining it with one more file 10 ms).
    Loading is what :func:`load` does with all the paths.

    >>> corpus = read_files(*bundled_data_files())
    >>> corpus.load().events == load().events
    True
    """

    def __init__(self, files: Iterable[_FileData]) -> None:
        self._files = tuple(files)  # read-only once read: every join makes new records

    @property
    def paths(self) -> list[Path]:
        """The files read, in the order given."""
        return [f.reader.path for f in self._files]

    def load(self, *paths: str | os.PathLike[str]) -> KnowledgeGraph:
        """The graph of the files read and ``paths`` (read now), as :func:`load` gives it."""
        return _load_all([*self._files, *(_read(Path(p)) for p in paths)])


def read_files(*paths: str | os.PathLike[str]) -> ReadFiles:
    """Read and check data files once, for :meth:`ReadFiles.load` (errors as :func:`load`)."""
    return ReadFiles(_read(Path(p)) for p in paths)


#: The largest data file read (bytes); the curated article's file is about 100 KB.
MAX_FILE_BYTES = 32 * 1024 * 1024
#: How deep mappings and lists may nest; the format needs six levels.
MAX_DEPTH = 64


def _read(path: Path) -> _FileData:
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError as exc:
        raise DataError("no such file", file=str(path), expected="a korea_graph YAML file") from exc
    except OSError as exc:
        raise ParseError(f"cannot read: {exc.strerror or exc}", file=str(path)) from exc
    if len(data) > MAX_FILE_BYTES:
        raise ParseError(f"the file is larger than {MAX_FILE_BYTES} bytes", file=str(path),
                         line=1, expected="a data file of at most 32 MiB")
    raw = decode_utf8(data, str(path))
    tree = _parse_yaml(raw, str(path))
    return _Reader(path, tree).read()


def _wide_without_mark(head: bytes) -> bool:
    """Whether the first bytes are two ASCII characters in UTF-16, or one in UTF-32, with no
    byte-order mark (a UTF-8 text may hold NUL characters, so one NUL byte is not enough).

    >>> _wide_without_mark("ab".encode("utf-16-le")), _wide_without_mark(b"a\\x00bc")
    (True, False)
    """
    zero = [b == 0 for b in head]
    return len(head) == 4 and zero in ([False, True, False, True], [True, False, True, False],
                                       [False, True, True, True], [True, True, True, False])


def decode_utf8(data: bytes, file: str) -> str:
    """``data`` as UTF-8 text (a UTF-8 byte-order mark is dropped), or a
    :class:`~korea_graph.errors.ParseError` naming the line of the first bad byte.

    >>> decode_utf8(b"a: 1\\nb: \\xff\\n", "x.yaml")
    Traceback (most recent call last):
    ...
    korea_graph.errors.ParseError: x.yaml:2: the bytes are not UTF-8 (byte 0xff at column 4) ...
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")) or _wide_without_mark(data[:4]):
        raise ParseError("the file is UTF-16 (or UTF-32) encoded", file=file, line=1,
                         expected="a UTF-8 text file")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise ParseError(f"the bytes are not UTF-8 (byte 0x{data[exc.start]:02x} at column "
                         f"{column})", file=file, line=line,
                         expected="a UTF-8 text file") from None


def _load_all(files: list[_FileData]) -> KnowledgeGraph:
    """Join the files read: actors by id, references checked across files, all or nothing."""
    files.sort(key=lambda f: (f.document.published.start_min or date.min,
                              f.document.published.end_max or date.max, f.document.id, f.file))
    docs: dict[str, _FileData] = {}
    for data in files:
        first = docs.get(data.document.id)
        if first is not None:
            raise DuplicateIdError(f"document {data.document.id!r} is loaded twice (also from "
                                   f"{first.file})", file=data.file, line=data.document_at.line,
                                   field="document.id", expected="each document once")
        docs[data.document.id] = data
    actors = _join_actors(files)
    records: dict[str, tuple[str, _FileData, _At]] = {}  # posts and stances, unique overall
    event_ids: set[str] = set()
    for data in files:
        event_ids.update(e.id for e in data.events)
    for data in files:
        owned: list[Affiliation | Stance] = [*data.affiliations, *data.stances]
        for record in owned:
            if record.id in records or record.id in event_ids:
                other = records[record.id][1].file if record.id in records else "an event"
                raise DuplicateIdError(f"id {record.id!r} is used twice (also in {other})",
                                       file=data.file, line=data.seen_ids[record.id].line,
                                       field=data.seen_ids[record.id].field,
                                       expected="post and stance ids unique across documents "
                                                "(only events may be reported by several)")
            records[record.id] = (record.id, data, data.seen_ids[record.id])
    documents = [f.document for f in files]
    events = [e for f in files for e in f.events]
    posts = [a for f in files for a in f.affiliations]
    stances = [s for f in files for s in f.stances]
    # the graph's own rules (references, kinds, same_as), located in the file that says it
    found = rules.problem(documents=documents, actors=actors.values(), events=events,
                          affiliations=posts, stances=stances)
    if found is not None:
        raise _locate(found, files)
    return KnowledgeGraph(documents=documents, actors=actors.values(), events=events,
                          affiliations=posts, stances=stances)


def _locate(found: rules.Problem, files: list[_FileData]) -> DataError:
    """The error of :func:`~korea_graph.core.validate.problem`, with the file and line of
    the field it names (an actor declared in several files: the file that gives the field)."""
    record, exc = found.record, found.error
    prefix = rules.where(record)
    named = exc.field or ""
    rest = named[len(prefix):] if named.startswith(prefix) else ""
    key = (prefix.split("[", 1)[0], record.id)
    sites = [(f, f.reader.nodes[key]) for f in files if key in f.reader.nodes]
    if not isinstance(record, (Actor, Document)):
        doc = record.evidence[0].document if record.evidence else None
        sites = [site for site in sites if site[0].document.id == doc] or sites
    first = rest[1:].split(".")[0].split("[")[0]
    site = next((x for x in sites if first in x[1][1]), sites[0] if sites else None)
    if site is None:  # pragma: no cover - every record read has its node
        return exc
    data, (at, node) = site
    return type(exc)(exc.reason, file=data.file, line=_line_in(node, rest, at.line),
                     field=exc.field, expected=exc.expected)


def _line_in(node: Any, path: str, line: int) -> int:
    """The line of the value that ``path`` (``.participants[0].actor``) names in ``node``,
    or of the deepest part of it the file holds.

    >>> item = _Map(actor="x"); item.line, item.key_lines = 7, {"actor": 7}
    >>> items = _Seq([item]); items.line, items.item_lines = 6, [7]
    >>> event = _Map(participants=items); event.line, event.key_lines = 4, {"participants": 6}
    >>> _line_in(event, ".participants[0].actor", 4), _line_in(event, ".place", 4)
    (7, 4)
    """
    for name, index in re.findall(r"\.(\w+)|\[(\d+)\]", path):
        if name and isinstance(node, _Map) and name in node:
            line, node = node.key_lines.get(name, line), node[name]
        elif index and isinstance(node, _Seq) and int(index) < len(node):
            line, node = node.item_lines[int(index)], node[int(index)]
        else:
            break
    return line


def _join_actors(files: list[_FileData]) -> dict[str, Actor]:
    """Actors declared in several files: one actor (kinds and labels must agree, aliases
    are joined); ``{id, aliases}`` entries add names to an actor declared elsewhere. An
    unreviewed entry of a draft never changes a curated actor: curated entries are joined
    first, and a draft's entry of the same id only has to agree on the kind."""
    actors: dict[str, Actor] = {}
    where: dict[str, tuple[_FileData, _At]] = {}
    curated: set[str] = set()
    entries = [(data, actor, _unreviewed(data.document, actor.id))
               for data in files for actor in data.actors]
    entries.sort(key=lambda entry: entry[2])  # stable: curated first, in file order
    for data, actor, unreviewed in entries:
        mine = actors.get(actor.id)
        at = data.seen_ids[actor.id]
        if mine is None:
            actors[actor.id] = actor
            where[actor.id] = (data, at)
            if not unreviewed:
                curated.add(actor.id)
            continue
        if unreviewed and actor.id in curated:
            if actor.kind is not mine.kind:
                first, first_at = where[actor.id]
                raise data.fail(DataError, f"actor {actor.id!r} is a {actor.kind.value} here "
                                f"and a {mine.kind.value} in {first.file}:{first_at.line}", at,
                                "the kind of the curated actor")
            continue
        first, first_at = where[actor.id]
        origin = f"{first.file}:{first_at.line}"
        for attr, what in (("kind", "kind"), ("label", "label"), ("wikidata", "Wikidata id"),
                           ("country", "country")):
            a, b = getattr(mine, attr), getattr(actor, attr)
            if a is not None and b is not None and a != b:
                hint = (f"; to add a name, write {{id: {actor.id}, aliases: [{b}]}}"
                        if attr == "label" else "")
                raise data.fail(
                    DataError, f"actor {actor.id!r} has the {what} {str(b)!r} here and "
                    f"{str(a)!r} in {origin}", at, f"the same {what} in every file{hint}")
        actors[actor.id] = _with_names(mine, actor.aliases, actor.note, actor.same_as,
                                       actor.wikidata, actor.country, actor.mentions,
                                       actor.inferred)
    for data in files:
        for ext in data.extensions:
            mine = actors.get(ext.id)
            if mine is None:
                raise data.fail(ReferenceError_, f"unknown actor {ext.id!r}", ext.at,
                                "an actor declared in a loaded file (an entry without label "
                                "and kind adds names to one)" + checks.suggest(ext.id, actors))
            for attr, value in (("wikidata", ext.wikidata), ("country", ext.country)):
                if value is not None and getattr(mine, attr) not in (None, value):
                    raise data.fail(DataError, f"actor {ext.id!r} has the {attr} "
                                    f"{getattr(mine, attr)!r} elsewhere, {value!r} here",
                                    ext.at, f"the same {attr} in every file")
            actors[ext.id] = _with_names(mine, ext.aliases, None, (), ext.wikidata, ext.country,
                                         ext.mentions, ext.inferred)
    return actors


def _with_names(actor: Actor, aliases: Iterable[str], note: str | None,
                same_as: Iterable[str], wikidata: str | None, country: str | None,
                mentions: Iterable[str] = (), inferred: Iterable[Inference] = ()) -> Actor:
    names = tuple(n for n in dict.fromkeys((*actor.aliases, *aliases)) if n != actor.label)
    return Actor(actor.id, actor.label, actor.kind, names, actor.wikidata or wikidata,
                 actor.country or country, actor.note or note,
                 tuple(dict.fromkeys((*actor.same_as, *same_as))),
                 tuple(dict.fromkeys((*actor.mentions, *mentions))),
                 tuple(i for i in dict.fromkeys((*actor.inferred, *inferred))
                       if i.value in names))


# -- YAML with line numbers ----------------------------------------------------------------
class _Map(dict[str, Any]):
    """A mapping that remembers the line of itself and of each key."""

    line: int = 0
    key_lines: dict[str, int]


class _Seq(list[Any]):
    """A sequence that remembers the line of itself and of each item."""

    line: int = 0
    item_lines: list[int]


def _too_deep(line: int | None, file: str | None = None) -> ParseError:
    """The error of a file nesting past :data:`MAX_DEPTH` (ours, or libyaml's own bound)."""
    return ParseError(f"mappings and lists nest more than {MAX_DEPTH} deep", file=file,
                      line=line, expected="the data file format (a few levels)")


class _Bounded(yaml.composer.Composer):
    """Node composition, bounded: no aliases (an alias bomb grows without limit), nesting at
    most :data:`MAX_DEPTH` deep."""

    _depth = 0

    def compose_node(self, parent: Any, index: Any) -> Any:
        event: Any = self.peek_event()  # type: ignore[attr-defined]
        line: int = event.start_mark.line + 1
        if event.__class__ is yaml.AliasEvent:
            raise ParseError(f"YAML alias *{event.anchor} is not allowed", line=line,
                             expected="plain values (anchors and aliases are refused)")
        if getattr(event, "anchor", None) is not None:
            raise ParseError(f"YAML anchor &{event.anchor} is not allowed", line=line,
                             expected="plain values (anchors and aliases are refused)")
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH:
                raise _too_deep(line)
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


if hasattr(yaml, "CSafeLoader"):  # libyaml: the same events as pure Python, about 7x faster

    class _LineLoader(_Bounded, yaml.CSafeLoader):
        """The safe loader on libyaml's parser, composing its events in Python so that
        aliases and depth are checked before anything is built (:class:`_Bounded`);
        strings are checked for lone surrogates."""

        def __init__(self, stream: str) -> None:
            yaml.CSafeLoader.__init__(self, stream)
            self.anchors: dict[Any, Any] = {}  # the composer's state; libyaml's init skips it

else:  # pragma: no cover - a PyYAML built without libyaml (its wheels include it)

    class _LineLoader(_Bounded, yaml.SafeLoader):  # type: ignore[no-redef]
        """The pure-Python safe loader, bounded the same way."""


def _construct_str(loader: _LineLoader, node: yaml.ScalarNode) -> str:
    value = loader.construct_scalar(node)
    assert isinstance(value, str)
    for offset, char in enumerate(value):
        if "\ud800" <= char <= "\udfff":
            raise ParseError(f"lone surrogate U+{ord(char):04X} at character {offset + 1} of "
                             "a string", line=node.start_mark.line + 1,
                             expected="text of Unicode characters (a surrogate cannot be "
                                      "written to any file)")
    return value


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> _Map:
    result = _Map()
    result.line = node.start_mark.line + 1
    result.key_lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if not isinstance(key, str):
            key = str(key)
        if key in result:
            raise ParseError(
                f"duplicate key {key!r}",
                line=key_node.start_mark.line + 1,
                expected="each key once per mapping",
            )
        result[key] = loader.construct_object(value_node, deep=True)
        result.key_lines[key] = value_node.start_mark.line + 1
    return result


def _construct_sequence(loader: _LineLoader, node: yaml.SequenceNode) -> _Seq:
    result = _Seq(loader.construct_object(child, deep=True) for child in node.value)
    result.line = node.start_mark.line + 1
    result.item_lines = [child.start_mark.line + 1 for child in node.value]
    return result


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)
_LineLoader.add_constructor("tag:yaml.org,2002:str", _construct_str)
# dates stay text, so that an impossible date is reported by our parser with its line
_LineLoader.add_constructor(
    "tag:yaml.org,2002:timestamp",
    lambda loader, node: str(loader.construct_scalar(node)),  # type: ignore[arg-type]
)


def _parse_yaml(raw: str, file: str) -> _Map:
    try:
        tree = yaml.load(raw, Loader=_LineLoader)
    except ParseError as exc:
        raise ParseError(exc.reason, file=file, line=exc.line, expected=exc.expected) from exc
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        problem = exc.problem or exc.context or ""
        if "nesting depth" in problem:  # libyaml's own bound (1,000 levels in PyYAML >= 6.0.2)
            raise _too_deep(line, file) from exc
        expected = ("an escape of a Unicode character (a lone surrogate such as \\ud800 "
                    "cannot be written to any file)" if "Unicode character escape" in problem
                    else "well-formed YAML")
        raise ParseError(f"malformed YAML: {problem}", file=file, line=line,
                         expected=expected) from exc
    except yaml.YAMLError as exc:
        raise ParseError(f"malformed YAML: {exc}", file=file, line=1) from exc
    except RecursionError:
        raise ParseError("the YAML nests too deep to read", file=file, line=1,
                         expected="the data file format (a few levels)") from None
    if not isinstance(tree, _Map):
        raise SchemaError("the file is not a mapping", file=file, line=1,
                          expected="top-level keys format, document, actors, events, ...")
    return tree


def parse_yaml(raw: str, file: str) -> dict[str, Any]:
    """A YAML mapping read as the loader reads data files: no anchors or aliases, nesting
    bounded, dates kept as text, errors as :class:`~korea_graph.errors.ParseError` naming
    ``file`` and the line (for YAML that is not a whole data file: a record being edited).

    >>> parse_yaml("when: 2000-06-27\\nstatus: occurred", "edit")
    {'when': '2000-06-27', 'status': 'occurred'}
    """
    tree: dict[str, Any] = _plain(_parse_yaml(raw, file))
    return tree


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


# -- reading -------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class _At:
    """Where a value sits: field path and line, for error messages."""

    field: str
    line: int


@dataclass(frozen=True, slots=True)
class _Extension:
    """An entry that adds names to an actor declared in another file."""

    id: str
    aliases: tuple[str, ...]
    wikidata: str | None
    country: str | None
    at: _At
    mentions: tuple[str, ...] = ()
    inferred: tuple[Inference, ...] = ()


@dataclass
class _FileData:
    """What one file says, before it is joined with the other files loaded with it."""

    reader: _Reader
    document: Document
    document_at: _At
    actors: list[Actor]
    extensions: list[_Extension]
    events: list[Event]
    affiliations: list[Affiliation]
    stances: list[Stance]

    @property
    def file(self) -> str:
        return self.reader.file

    @property
    def seen_ids(self) -> dict[str, _At]:
        return self.reader.seen_ids

    def fail(self, cls: type[DataError], message: str, at: _At, expected: str | None = None
             ) -> DataError:
        return self.reader.fail(cls, message, at, expected)


class _Reader:
    TOP = frozenset({"format", "document", "actors", "events", "affiliations", "stances"})

    def __init__(self, path: Path, tree: _Map) -> None:
        self.path = path
        self.file = str(path)
        self.tree = tree
        self.seen_ids: dict[str, _At] = {}
        self.document: Document | None = None
        #: (table, id) -> where each record is written and its mapping, to locate the
        #: errors of the graph's own checks (references are checked once every file is read)
        self.nodes: dict[tuple[str, str], tuple[_At, _Map]] = {}
        self.reviews: list[Review] = []

    # errors ---------------------------------------------------------------------------
    def fail(self, cls: type[DataError], message: str, at: _At, expected: str | None = None
             ) -> DataError:
        return cls(message, file=self.file, line=at.line, field=at.field, expected=expected)

    # helpers --------------------------------------------------------------------------
    def child(self, parent: _Map, key: str, at: _At) -> _At:
        return _At(f"{at.field}.{key}" if at.field else key, parent.key_lines.get(key, at.line))

    def mapping(self, value: Any, at: _At, allowed: Iterable[str], required: set[str]
                ) -> _Map:
        if not isinstance(value, _Map):
            raise self.fail(SchemaError, f"expected a mapping, got {_describe(value)}", at,
                            "a mapping with keys " + ", ".join(sorted(required)))
        for key in value:
            if key not in allowed:
                raise self.fail(SchemaError, f"unknown field {key!r}", self.child(value, key, at),
                                "one of " + ", ".join(sorted(allowed)))
        for key in sorted(required):
            if key not in value or value[key] is None:
                raise self.fail(SchemaError, f"missing field {key!r}", at,
                                "fields " + ", ".join(sorted(required)))
        return value

    def items(self, parent: _Map, key: str, at: _At) -> Iterator[tuple[Any, _At]]:
        value = parent.get(key)
        if value is None:
            return
        where = self.child(parent, key, at)
        if not isinstance(value, _Seq):
            raise self.fail(SchemaError, f"expected a list, got {_describe(value)}", where,
                            "a YAML list")
        for index, item in enumerate(value):
            line = item.line if isinstance(item, (_Map, _Seq)) else value.item_lines[index]
            yield item, _At(f"{where.field}[{index}]", line)

    @contextmanager
    def located(self, at: _At, node: Any = None) -> Iterator[None]:
        """Give a check's error (from :mod:`~korea_graph.curation.checks`) this file and
        the line of ``at``, or of the key or item of ``node`` that the error names."""
        try:
            yield
        except DataError as exc:
            if exc.file is not None:
                raise
            field = exc.field or at.field
            raise type(exc)(exc.reason, file=self.file, line=_line_of(node, at, field),
                            field=field, expected=exc.expected) from None

    def text(self, parent: _Map, key: str, at: _At, *, optional: bool = False) -> str | None:
        value = parent.get(key)
        if value is None and not optional:
            raise self.fail(SchemaError, f"missing field {key!r}", at, "a string")
        where = self.child(parent, key, at)
        with self.located(where):
            return checks.text(value, where.field, optional=optional)

    def texts(self, parent: _Map, key: str, at: _At) -> tuple[str, ...]:
        where = self.child(parent, key, at)
        with self.located(where, parent.get(key)):
            return checks.texts(parent.get(key), where.field)

    def ident(self, parent: _Map, key: str, at: _At) -> str:
        where = self.child(parent, key, at)
        with self.located(where):
            value = checks.ident(parent.get(key), where.field)
        if value in self.seen_ids:
            first = self.seen_ids[value]
            raise self.fail(DuplicateIdError,
                            f"duplicate id {value!r} (first defined at line {first.line})",
                            where, "ids unique within the file")
        self.seen_ids[value] = where
        return value

    def enum(self, cls: type[_E], parent: _Map, key: str, at: _At) -> _E:
        value = self.text(parent, key, at)
        where = self.child(parent, key, at)
        with self.located(where):
            return checks.vocabulary(cls, value, where.field)

    # time -----------------------------------------------------------------------------
    def time(self, parent: _Map, key: str, at: _At) -> TimeSpan:
        value = parent.get(key)
        where = self.child(parent, key, at)
        if value is None:
            raise self.fail(SchemaError, f"missing field {key!r}", at, "a date or interval")
        anchor = self.document.published if self.document is not None else None
        with self.located(where, value):
            return checks.time(value, where.field, anchor)

    # records --------------------------------------------------------------------------
    def read(self) -> _FileData:
        root = _At("", self.tree.line)
        self.mapping(self.tree, root, self.TOP, {"format", "document"})
        fmt = self.text(self.tree, "format", root)
        if fmt != FORMAT:
            raise self.fail(SchemaError, f"unknown format {fmt!r}",
                            self.child(self.tree, "format", root), repr(FORMAT))
        document_at = self.child(self.tree, "document", root)
        self.document = self.read_document(self.tree["document"], document_at)
        actors: list[Actor] = []
        extensions: list[_Extension] = []
        for v, at in self.items(self.tree, "actors", root):
            if isinstance(v, _Map) and "label" not in v and "kind" not in v:
                extensions.append(self.read_extension(v, at))
            else:
                actors.append(self.read_actor(v, at))
        events = [self.read_event(v, at) for v, at in self.items(self.tree, "events", root)]
        affiliations = [self.read_affiliation(v, at)
                        for v, at in self.items(self.tree, "affiliations", root)]
        stances = [self.read_stance(v, at) for v, at in self.items(self.tree, "stances", root)]
        if self.reviews:
            self.document = replace(self.document, reviews=tuple(self.reviews))
        return _FileData(self, self.document, document_at, actors, extensions, events,
                         affiliations, stances)

    def read_extension(self, value: _Map, at: _At) -> _Extension:
        m = self.mapping(value, at, {"id", "aliases", "mentions", "wikidata", "country",
                                     "inferred"}, {"id"})
        actor_id = self.ident(m, "id", at)
        where = self.child(m, "id", at)
        country = self.text(m, "country", at, optional=True)
        self.nodes[("actors", actor_id)] = (at, m)
        aliases = self.texts(m, "aliases", at)
        return _Extension(actor_id, aliases, self.wikidata(m, at), country, where,
                          self.texts(m, "mentions", at), self.alias_inferences(m, at, aliases))

    def alias_inferences(self, m: _Map, at: _At, aliases: tuple[str, ...]
                         ) -> tuple[Inference, ...]:
        """An actor's ``inferred``: the aliases no document words, with their sources."""
        inferred = self.inferences(m, at)
        where = self.child(m, "inferred", at)
        with self.located(where, m.get("inferred")):
            check_alias_inferences(aliases, inferred, where.field)
        return inferred

    def wikidata(self, m: _Map, at: _At) -> str | None:
        where = self.child(m, "wikidata", at)
        with self.located(where):
            return checks.wikidata(m.get("wikidata"), where.field)

    def read_document(self, value: Any, at: _At) -> Document:
        m = self.mapping(value, at, {"id", "title", "text", "publisher", "published", "url",
                                     "volume", "issue", "license", "attribution"},
                         {"id", "title", "text", "publisher", "published"})
        text_name = self.text(m, "text", at)
        assert text_name is not None
        text_path = self.text_path(text_name, self.child(m, "text", at))
        try:
            data = text_path.read_bytes()
        except OSError as exc:
            raise self.fail(DataError, f"cannot read the document text {text_name!r}: "
                            f"{exc.strerror or exc}", self.child(m, "text", at),
                            "a UTF-8 text file beside the data file") from None
        try:
            text = decode_utf8(data, str(text_path))
        except ParseError as exc:
            raise self.fail(ParseError, f"the document text {text_name!r} (line {exc.line}): "
                            f"{exc.reason}", self.child(m, "text", at), exc.expected) from None
        text = checks.normalize_text(text)
        doc_id = self.ident(m, "id", at)
        where = self.child(m, "published", at)
        with self.located(where, m["published"]):
            published = checks.published(m["published"], where.field)
        self.nodes[("documents", doc_id)] = (at, m)
        return Document(
            id=doc_id, title=str(self.text(m, "title", at)),
            publisher=str(self.text(m, "publisher", at)), published=published, text=text,
            url=self.text(m, "url", at, optional=True),
            volume=self.text(m, "volume", at, optional=True),
            issue=self.text(m, "issue", at, optional=True), text_file=text_name,
            license=self.text(m, "license", at, optional=True),
            attribution=self.text(m, "attribution", at, optional=True),
        )

    def text_path(self, name: str, at: _At) -> Path:
        """The document text ``name``: a file in the data file's folder (or below it),
        never an absolute path, a ``..`` step or a link that leads out of the folder."""
        folder = self.path.parent
        relative = Path(name)
        if relative.is_absolute() or name.startswith(("/", "\\")) or ".." in relative.parts \
                or "\\" in name or ":" in name:
            raise self.fail(SchemaError, f"the document text {name!r} is not beside the data "
                            "file", at, "a file name relative to the data file's folder, "
                            "without '..'")
        path = folder / relative
        try:
            inside = path.resolve().is_relative_to(folder.resolve())
        except (OSError, RuntimeError, ValueError):
            inside = False
        if not inside:
            raise self.fail(SchemaError, f"the document text {name!r} leads out of the data "
                            "file's folder", at, "a file in the data file's folder")
        return path

    def read_actor(self, value: Any, at: _At) -> Actor:
        m = self.mapping(value, at, {"id", "label", "kind", "aliases", "wikidata", "country",
                                     "note", "same_as", "mentions", "inferred", "review"},
                         {"id", "label", "kind"})
        self.review(m, at)
        wikidata = self.wikidata(m, at)
        same_as = self.same_as(m, at)
        aliases = self.texts(m, "aliases", at)
        actor_id = self.ident(m, "id", at)
        self.nodes[("actors", actor_id)] = (at, m)
        return Actor(
            id=actor_id, label=str(self.text(m, "label", at)),
            kind=self.enum(ActorKind, m, "kind", at), aliases=aliases,
            wikidata=wikidata, country=self.text(m, "country", at, optional=True),
            note=self.text(m, "note", at, optional=True), same_as=same_as,
            mentions=self.texts(m, "mentions", at),
            inferred=self.alias_inferences(m, at, aliases),
        )

    def same_as(self, m: _Map, at: _At) -> tuple[str, ...]:
        value = m.get("same_as")
        return (str(value).strip(),) if isinstance(value, str) else self.texts(m, "same_as", at)

    def evidence(self, m: _Map, at: _At) -> tuple[Evidence, ...]:
        assert self.document is not None
        doc = self.document
        out = []
        for item, where in self.items(m, "evidence", at):
            e = self.mapping(item, where, {"quote", "start", "document"}, {"quote"})
            if "document" in e and e["document"] != doc.id:
                raise self.fail(ReferenceError_, f"unknown document {e['document']!r}",
                                self.child(e, "document", where), repr(doc.id))
            with self.located(where, e):
                out.append(checks.evidence(doc, e["quote"], e.get("start"), where.field))
        if not out:
            raise self.fail(SchemaError, "no evidence", at,
                            "at least one quote of the text in 'evidence'")
        return tuple(out)

    REVIEW_FIELDS = frozenset({"status", "confidence", "method", "mention", "matched",
                               "evidence", "same_as", "alternatives", "note"})

    def review(self, m: _Map, at: _At, record_id: str | None = None) -> None:
        """The ``review`` block of a drafted record (see ``docs/curation.md``)."""
        if "review" not in m:
            return
        where = self.child(m, "review", at)
        r = self.mapping(m["review"], where, self.REVIEW_FIELDS, {"status"})
        status = self.text(r, "status", where)
        if status not in ("unreviewed", "accepted"):
            raise self.fail(VocabularyError, f"unknown review status {status!r}",
                            self.child(r, "status", where), "unreviewed or accepted")
        confidence = r.get("confidence")
        if confidence is not None and (isinstance(confidence, bool) or not isinstance(
                confidence, (int, float)) or not 0 <= confidence <= 1):
            raise self.fail(SchemaError, f"bad confidence {confidence!r}",
                            self.child(r, "confidence", where), "a number from 0 to 1")
        if "evidence" in r:
            # the sentence an actor was found in: checked like every quote
            holder = _Map(evidence=r["evidence"] if isinstance(r["evidence"], _Seq)
                          else _Seq([r["evidence"]]))
            holder.line, holder.key_lines = where.line, {"evidence": r.key_lines["evidence"]}
            items = holder["evidence"]
            items.line = r.key_lines["evidence"]
            items.item_lines = getattr(items, "item_lines", None) or [items.line]
            self.evidence(holder, where)
        for key in ("method", "mention", "matched", "note"):
            self.text(r, key, where, optional=True)
        same_as = self.text(r, "same_as", where, optional=True)
        self.texts(r, "alternatives", where)
        ident = record_id or str(m.get("id"))
        method = self.text(r, "method", where, optional=True)
        conf = float(confidence) if confidence is not None else None
        self.reviews.append(Review(ident, str(status), conf, method, same_as))
        # a drafted report of a known event: the known event is unreviewed in this source
        targets = m.get("same_as")
        for target in [targets] if isinstance(targets, str) else list(targets or []):
            self.reviews.append(Review(str(target), str(status), conf, method, ident))

    def citations(self, m: _Map, at: _At) -> tuple[Citation, ...]:
        out = []
        for item, where in self.items(m, "citations", at):
            c = self.mapping(item, where, {"outlet", "date", "note"}, {"outlet"})
            outlet = self.text(c, "outlet", where)
            assert outlet is not None
            when = self.time(c, "date", where) if "date" in c else None
            out.append(Citation(outlet, when, self.text(c, "note", where, optional=True)))
        return tuple(out)

    def hedges(self, m: _Map, at: _At) -> tuple[Hedge, ...]:
        """``hedges``: a list of the article's hedging words, or of
        ``{phrase: ..., confidence: ...}`` (either may be left out)."""
        out = []
        for item, where in self.items(m, "hedges", at):
            if isinstance(item, str):
                item = _Map({"phrase": item})
                item.line, item.key_lines = where.line, {"phrase": where.line}
            h = self.mapping(item, where, {"phrase", "confidence", "applies_to"}, set())
            with self.located(where, h):
                out.append(checks.hedge(h.get("phrase"), h.get("confidence"), where.field,
                                        h.get("applies_to")))
        return tuple(out)

    def inferences(self, m: _Map, at: _At) -> tuple[Inference, ...]:
        """``inferred``: ``{field: place, value: moscow, reason: ...}`` for each attribute
        the evidence does not word."""
        out = []
        for item, where in self.items(m, "inferred", at):
            i = self.mapping(item, where, {"field", "value", "reason"},
                             {"field", "value", "reason"})
            with self.located(where, i):
                out.append(checks.inference(i["field"], i["value"], i["reason"], where.field))
        return tuple(out)

    def read_event(self, value: Any, at: _At) -> Event:
        m = self.mapping(value, at, {"id", "type", "label", "aliases", "participants", "when",
                                     "status", "evidence", "citations", "place", "part_of",
                                     "about", "note", "same_as", "wording", "hedges",
                                     "inferred", "cameo", "review"},
                         {"id", "type", "label", "participants", "when", "status", "evidence"})
        event_id = self.ident(m, "id", at)
        self.nodes[("events", event_id)] = (at, m)
        self.review(m, at, event_id)
        cameo = self.text(m, "cameo", at, optional=True)
        if cameo is not None and not (cameo.isascii() and cameo.isdigit()
                                      and 2 <= len(cameo) <= 4):
            raise self.fail(SchemaError, f"bad CAMEO code {cameo!r}", self.child(m, "cameo", at),
                            "two to four digits as text, e.g. '040'")
        participants = []
        for item, where in self.items(m, "participants", at):
            p = self.mapping(item, where, {"actor", "role"}, {"actor", "role"})
            actor = str(self.text(p, "actor", where))
            participants.append(Participant(actor, self.enum(Role, p, "role", where)))
        if not participants:
            raise self.fail(SchemaError, "no participants", at, "at least one participant")
        place = self.text(m, "place", at, optional=True)
        part_of = self.text(m, "part_of", at, optional=True)
        about = self.texts(m, "about", at)
        same_as = self.same_as(m, at)
        evidence = self.evidence(m, at)
        where = self.child(m, "wording", at)
        with self.located(where):
            wording = checks.wording(m.get("wording"), evidence, where.field)
        return Event(
            id=event_id, type=self.enum(EventType, m, "type", at),
            label=str(self.text(m, "label", at)), participants=tuple(participants),
            when=self.time(m, "when", at), status=self.enum(Status, m, "status", at),
            evidence=evidence, citations=self.citations(m, at), place=place,
            part_of=part_of, about=about, aliases=self.texts(m, "aliases", at),
            note=self.text(m, "note", at, optional=True), same_as=same_as, wording=wording,
            hedges=self.hedges(m, at), inferred=self.inferences(m, at), cameo=cameo,
        )

    def read_affiliation(self, value: Any, at: _At) -> Affiliation:
        m = self.mapping(value, at, {"id", "holder", "organization", "kind", "title", "when",
                                     "status", "evidence", "citations", "accredited_to", "note",
                                     "hedges", "inferred", "review"},
                         {"id", "holder", "organization", "kind", "when", "status", "evidence"})
        self.review(m, at)
        post_id = self.ident(m, "id", at)
        self.nodes[("affiliations", post_id)] = (at, m)
        return Affiliation(
            id=post_id, holder=str(self.text(m, "holder", at)),
            organization=str(self.text(m, "organization", at)),
            kind=self.enum(AffiliationKind, m, "kind", at), when=self.time(m, "when", at),
            status=self.enum(Status, m, "status", at), evidence=self.evidence(m, at),
            title=self.text(m, "title", at, optional=True),
            accredited_to=self.text(m, "accredited_to", at, optional=True),
            citations=self.citations(m, at), note=self.text(m, "note", at, optional=True),
            hedges=self.hedges(m, at), inferred=self.inferences(m, at),
        )

    def read_stance(self, value: Any, at: _At) -> Stance:
        m = self.mapping(value, at, {"id", "holder", "attitude", "target", "when", "status",
                                     "evidence", "citations", "expressed_in", "about", "note",
                                     "hedges", "inferred", "review"},
                         {"id", "holder", "attitude", "target", "when", "status", "evidence"})
        self.review(m, at)
        about = self.texts(m, "about", at)
        stance_id = self.ident(m, "id", at)
        self.nodes[("stances", stance_id)] = (at, m)
        return Stance(
            id=stance_id, holder=str(self.text(m, "holder", at)),
            attitude=self.enum(Attitude, m, "attitude", at),
            target=str(self.text(m, "target", at)), when=self.time(m, "when", at),
            status=self.enum(Status, m, "status", at), evidence=self.evidence(m, at),
            citations=self.citations(m, at),
            expressed_in=self.text(m, "expressed_in", at, optional=True), about=about,
            note=self.text(m, "note", at, optional=True), hedges=self.hedges(m, at),
            inferred=self.inferences(m, at),
        )


def _line_of(node: Any, at: _At, field: str) -> int:
    """The line of the key or item of ``node`` (found at ``at``) that ``field`` names."""
    rest = field[len(at.field):] if field.startswith(at.field) else ""
    if rest.startswith(".") and isinstance(node, _Map):
        key = rest[1:].split(".")[0].split("[")[0]
        return node.key_lines.get(key, at.line)
    if rest.startswith("[") and isinstance(node, _Seq):
        index = rest[1:].split("]")[0]
        if index.isdigit() and int(index) < len(node.item_lines):
            return node.item_lines[int(index)]
    return at.line


def _describe(value: Any) -> str:
    return checks.describe(value)


def _unreviewed(document: Document, record_id: str) -> bool:
    """Whether a drafted document's record is still unreviewed (a curated file has none)."""
    review = document.review_of(record_id) if document.reviews else None
    return review is not None and review.unreviewed
