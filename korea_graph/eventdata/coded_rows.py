"""Machine-coded event rows (ICEWS, GDELT) turned into korea_graph records.

The readers (:mod:`korea_graph.eventdata.icews`, :mod:`korea_graph.eventdata.gdelt`) parse
their files into :class:`CodedRow` values; :func:`build_graph` resolves and merges the
actors, merges repeated reports of one event and returns an :class:`ImportResult`. The rules (which
CAMEO code becomes which event type and roles, which rows are one event, how actors
are matched) are in ``docs/event-data.md``.

>>> from datetime import date
>>> from korea_graph.core.model import SourceRecord
>>> lavrov = ActorRef("Sergey Lavrov", "RUS", ActorKind.PERSON)
>>> dprk = ActorRef("North Korea", "PRK", state=True)
>>> rows = [CodedRow(line, date(2018, 6, 1), "042", lavrov, dprk,
...                  None, SourceRecord("icews", str(line), "x.tsv", line))
...         for line in (2, 3)]
>>> result = build_graph(rows, "icews", "x.tsv")
>>> [(e.type.value, e.actors(), len(e.sources)) for e in result.graph.events.values()]
[('visit', ('sergey-lavrov', 'north-korea'), 2)]
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import date
from typing import IO, TYPE_CHECKING, TypeVar

from ..core.model import (
    Actor,
    ActorKind,
    Event,
    EventType,
    Participant,
    Role,
    SourceRecord,
    Status,
)
from ..core.names import compact, normalize
from ..core.timespan import TimeSpan
from ..errors import DataError, ParseError
from .vocabulary import cameo_code, countries, country_code, deaths

if TYPE_CHECKING:
    from ..core.graph import KnowledgeGraph

__all__ = [
    "ActorRef",
    "ActorResolver",
    "CodedRow",
    "EventDraft",
    "ImportResult",
    "SkippedRow",
    "build_graph",
    "draft_event",
    "event_shape",
    "imported_actors",
    "merge_key",
    "mint_id",
    "numbered_lines",
    "read_rows",
    "read_text",
    "stream_lines",
    "stream_rows",
]


@dataclass(frozen=True, slots=True)
class ActorRef:
    """An actor as a source row names it: a name, a CAMEO country code, a kind if known.

    ``state`` marks a row actor that *is* its country (ICEWS "North Korea", GDELT ``PRK``).
    """

    name: str
    country: str | None = None
    kind: ActorKind | None = None
    state: bool = False


@dataclass(frozen=True, slots=True)
class CodedRow:
    """One valid source row: date, CAMEO code, source and target actor, place, provenance."""

    line: int
    day: date
    code: str
    source: ActorRef | None
    target: ActorRef | None
    place: ActorRef | None
    record: SourceRecord


@dataclass(frozen=True, slots=True)
class SkippedRow:
    """A bad row left out because the user asked to skip bad rows."""

    file: str
    line: int
    reason: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.reason}"


@dataclass(frozen=True, slots=True)
class ImportResult:
    """What an import produced: the graph of imported records and what was left out.

    ``graph`` holds the imported events and every actor they name (actors matched to a
    ``base`` graph keep its ids and kinds), ready for ``base.merge(result.graph)``.
    """

    graph: KnowledgeGraph
    rows: int  #: data rows read (good and skipped)
    skipped: tuple[SkippedRow, ...] = ()
    disputed: tuple[str, ...] = ()  #: ids of events flagged as misdated

    @property
    def reports(self) -> int:
        """Rows that became (part of) an event."""
        return self.rows - len(self.skipped)

    def summary(self) -> str:
        """One line: rows read, skipped, events and actors made."""
        g = self.graph
        return (f"{self.rows} rows, {len(self.skipped)} skipped, {len(g.events)} events "
                f"({len(self.disputed)} disputed), {len(g.actors)} actors")


# -- reading rows ---------------------------------------------------------------------------
_R = TypeVar("_R")


def stream_rows(lines: Iterable[tuple[int, _R]], parse: Callable[[int, _R], CodedRow],
                *, skip_bad_rows: bool, skipped: list[SkippedRow]) -> Iterator[CodedRow]:
    """Parse numbered raw rows one at a time (for :func:`build_graph`, so that no list of
    rows is held); bad rows stop everything, or are appended to ``skipped``."""
    for number, raw in lines:
        try:
            row = parse(number, raw)
        except DataError as exc:
            if not skip_bad_rows:
                raise
            skipped.append(SkippedRow(exc.file or "", number, _reason(exc)))
            continue
        yield row


def read_rows(lines: Iterable[tuple[int, _R]], parse: Callable[[int, _R], CodedRow],
              *, skip_bad_rows: bool) -> tuple[list[CodedRow], list[SkippedRow], int]:
    """Parse numbered raw rows; a :class:`DataError` stops everything unless bad rows are
    skipped, when each is recorded as a :class:`SkippedRow`."""
    good: list[CodedRow] = []
    skipped: list[SkippedRow] = []
    count = 0
    for number, raw in lines:
        count += 1
        try:
            good.append(parse(number, raw))
        except DataError as exc:
            if not skip_bad_rows:
                raise
            skipped.append(SkippedRow(exc.file or "", number, _reason(exc)))
    return good, skipped, count


def _reason(exc: DataError) -> str:
    text = (f"{exc.field}: " if exc.field else "") + exc.reason
    return text + (f" (expected {exc.expected})" if exc.expected else "")


# -- CAMEO code -> event type and roles --------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Shape:
    """How a CAMEO code becomes an event: type, the roles of source and target, whether
    the two ends are interchangeable (A meets B = B meets A) and the status."""

    type: EventType
    source_role: Role
    target_role: Role
    symmetric: bool = False
    status: Status = Status.REPORTED


_STATEMENT = Shape(EventType.STATEMENT, Role.SPEAKER, Role.SUBJECT)
_ACT = Shape(EventType.DECISION, Role.DECIDER, Role.SUBJECT)
_SHAPES: dict[str, Shape] = {
    "036": Shape(EventType.MEETING, Role.PARTICIPANT, Role.PARTICIPANT, True, Status.PLANNED),
    "040": Shape(EventType.MEETING, Role.PARTICIPANT, Role.PARTICIPANT, True),
    "041": Shape(EventType.TALKS, Role.PARTY, Role.PARTY, True),
    "042": Shape(EventType.VISIT, Role.GUEST, Role.HOST),
    "043": Shape(EventType.VISIT, Role.HOST, Role.GUEST),
    "044": Shape(EventType.MEETING, Role.PARTICIPANT, Role.PARTICIPANT, True),
    "045": Shape(EventType.TALKS, Role.PARTY, Role.PARTY, True),
    "046": Shape(EventType.TALKS, Role.PARTY, Role.PARTY, True),
    "054": Shape(EventType.DECISION, Role.DECIDER, Role.SUBJECT),
    "057": Shape(EventType.SIGNING, Role.SIGNATORY, Role.SIGNATORY, True),
    "072": Shape(EventType.ARMS_TRANSFER, Role.SUPPLIER, Role.RECIPIENT),
}
_ROOTS: dict[str, Shape] = {
    "01": _STATEMENT,
    "02": Shape(EventType.PROPOSAL, Role.PROPOSER, Role.ADDRESSEE),
    "03": _STATEMENT,
    "04": Shape(EventType.MEETING, Role.PARTICIPANT, Role.PARTICIPANT, True),
    "05": _STATEMENT,
    "06": Shape(EventType.COOPERATION, Role.PARTY, Role.PARTY, True),
    "07": Shape(EventType.COOPERATION, Role.SUPPLIER, Role.RECIPIENT),
}


def event_shape(code: str) -> Shape:
    """The event type and roles of a CAMEO code.

    >>> s = event_shape("043")
    >>> s.type.value, s.source_role.value, s.target_role.value
    ('visit', 'host', 'guest')
    >>> event_shape("111").type.value, event_shape("190").type.value
    ('statement', 'decision')
    """
    if code in _SHAPES:
        return _SHAPES[code]
    root = code[:2]
    if root in _ROOTS:
        return _ROOTS[root]
    return _STATEMENT if "09" <= root <= "14" else _ACT


# -- ids ----------------------------------------------------------------------------------------
def mint_id(name: str) -> str:
    """A kebab-case id from a name: ASCII letters, digits and single hyphens.

    >>> mint_id("Foreign Affairs (South Korea)"), mint_id("Workers' Party"), mint_id("김정은")
    ('foreign-affairs-south-korea', 'workers-party', 'actor-6fd41c2d')
    """
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    text = re.sub(r"['’]", "", text.casefold())
    text = re.sub(r"[^a-z0-9]+", "-", text).strip("-")
    if text:
        return text
    import hashlib

    return "actor-" + hashlib.sha1(name.encode("utf-8")).hexdigest()[:8]


# -- building the graph ----------------------------------------------------------------------
# The rules are split into small steps (resolve actors, key a row, add it to its event's
# draft, finish the event) so that the Spark import (korea_graph.scale.spark) runs the very
# same code on a cluster: actors are resolved on the driver in first-appearance order,
# rows are keyed and grouped on the executors.
@dataclass
class EventDraft:
    """The rows of one event so far: its shape, code, day, actors, sources and places."""

    shape: Shape
    code: str
    day: date
    source: str | None
    target: str | None
    records: list[SourceRecord] = field(default_factory=list)
    places: dict[str, set[str]] = field(default_factory=dict)  #: place -> story keys

    def add(self, row: CodedRow, place: str | None) -> None:
        """Add a report of the event: a 042 "make a visit" row names the visit even when a
        043 "host a visit" row came first."""
        if self.code == "043" and row.code == "042":
            self.code = "042"
        self.records.append(row.record)
        if place is not None:
            story = row.record.story_id or row.record.url or f"row {row.line}"
            self.places.setdefault(place, set()).add(story)


class ActorResolver:
    """Actors met so far, matched by normalised name and country, and against ``base``.

    Resolution depends on the order names are met in (a new id that is taken gets a
    suffix), so both import engines resolve in the order of the rows.
    """

    def __init__(self, base: KnowledgeGraph | None) -> None:
        self.base = base
        self.actors: dict[str, Actor] = {}
        self.keys: dict[tuple[str, str], str] = {}
        self.taken = set(base.actors) if base is not None else set()
        # the base's names, as KnowledgeGraph.actor matches them (without its suggestions)
        self.exact: dict[str, set[str]] = {}
        self.loose: dict[str, set[str]] = {}
        for actor in base.actors.values() if base is not None else ():
            for name in (actor.id, *actor.names):
                self.exact.setdefault(normalize(name), set()).add(actor.id)
                self.loose.setdefault(compact(name), set()).add(actor.id)

    def state(self, code: str) -> str:
        """The id of the state (or region) with this CAMEO code, adding it if new."""
        entry = countries()[code]
        key = ("\0country", code)
        if key in self.keys:
            return self.keys[key]
        actor = self._base_state(code, entry.name)
        if actor is None:
            actor = Actor(self._free(mint_id(entry.name), None), entry.name, entry.kind,
                          tuple(dict.fromkeys((*entry.aliases, code))))
        self._add(key, actor)
        return actor.id

    def _base_state(self, code: str, name: str) -> Actor | None:
        if self.base is None:
            return None
        for candidate in (name, code, *countries()[code].aliases):
            found = self._base_lookup(candidate)
            if found is not None and found.kind is countries()[code].kind:
                return found
        return None

    def _base_lookup(self, name: str) -> Actor | None:
        """The one base actor with this name or alias (``None`` if none or several)."""
        assert self.base is not None
        for index, key in ((self.exact, normalize(name)), (self.loose, compact(name))):
            ids = index.get(key)
            if ids:
                return self.base.actors[next(iter(ids))] if len(ids) == 1 else None
        return None

    def resolve(self, ref: ActorRef) -> str:
        """The id of the actor a row names, matched or new."""
        code = _known(ref.country)
        if code is not None and (ref.state or country_code(ref.name) == code):
            return self.state(code)
        state = self.state(code) if code is not None else None
        key = (compact(ref.name), ref.country or "")
        if key in self.keys:
            self._alias(self.keys[key], ref.name)
            return self.keys[key]
        actor = self._match_base(ref, state)
        if actor is None:
            suffix = (ref.country or "").lower() or None
            actor = Actor(self._free(mint_id(ref.name), suffix), _label(ref.name),
                          ref.kind or ActorKind.PERSON, country=_country(code, state),
                          note=None if ref.kind else "kind not given by the source; "
                                                     "taken to be a person")
        self._add(key, actor)
        self._alias(actor.id, ref.name)
        return actor.id

    def _match_base(self, ref: ActorRef, state: str | None) -> Actor | None:
        if self.base is None:
            return None
        found = self._base_lookup(ref.name)
        if found is None or found.kind is ActorKind.STATE or (
                found.kind.category == "place") != (ref.kind is not None
                                                    and ref.kind.category == "place"):
            return None
        if state is not None and found.country not in (None, state):
            return None
        return found

    def place(self, ref: ActorRef) -> str:
        """The id of a place (a city), matched against ``base`` or new."""
        code = _known(ref.country)
        state = self.state(code) if code is not None else None
        key = ("\0place " + compact(ref.name), ref.country or "")
        if key in self.keys:
            return self.keys[key]
        found = self._base_lookup(ref.name) if self.base is not None else None
        if found is None or found.kind.category != "place" or (
                state is not None and found.country not in (None, state)):
            found = Actor(self._free(mint_id(ref.name), (ref.country or "").lower() or None),
                          ref.name, ref.kind or ActorKind.CITY, country=_country(code, state))
        self._add(key, found)
        return found.id

    def _free(self, wanted: str, suffix: str | None) -> str:
        candidates = [wanted] + ([f"{wanted}-{suffix}"] if suffix else [])
        for candidate in candidates:
            if candidate not in self.taken:
                return candidate
        n = 2
        while f"{wanted}-{n}" in self.taken:
            n += 1
        return f"{wanted}-{n}"

    def _add(self, key: tuple[str, str], actor: Actor) -> None:
        self.keys[key] = actor.id
        self.taken.add(actor.id)
        self.actors.setdefault(actor.id, actor)

    def _alias(self, actor_id: str, name: str) -> None:
        actor = self.actors[actor_id]
        label = _label(name)
        if normalize(label) in {normalize(n) for n in actor.names}:
            return
        self.actors[actor_id] = replace(actor, aliases=(*actor.aliases, label))


def _country(code: str | None, actor: str | None) -> str | None:
    """An actor's country from its CAMEO code: the state's id, never a region's (a
    country is a state, :mod:`korea_graph.core.validate`)."""
    if code is None or countries()[code].kind is not ActorKind.STATE:
        return None
    return actor


def _known(code: str | None) -> str | None:
    return code if code is not None and code in countries() else None


def _label(name: str) -> str:
    """GDELT's upper-case names in title case; other names as they are."""
    return name.title() if name.isupper() else name


def build_graph(rows: Iterable[CodedRow], dataset: str | Callable[[], str], file: str,
                base: KnowledgeGraph | None = None, *, rows_read: int | None = None,
                skipped: Iterable[SkippedRow] = ()) -> ImportResult:
    """Resolve actors, merge repeated reports and return the imported records.

    Rows with the same date, CAMEO code and actors are one event with several sources
    (the actors in either order when the code is symmetric: A consults B = B consults A);
    a 042 "make a visit" row and a 043 "host a visit" row of the same guest and host on
    the same day are one visit. ``dataset`` may be a function, asked once every row is read
    (a streamed GDELT file says whether it is 1.0 or 2.0 only row by row).
    """
    from ..core.graph import KnowledgeGraph

    actors = ActorResolver(base)
    drafts: dict[tuple[object, ...], EventDraft] = {}
    count = 0
    for row in rows:
        count += 1
        shape = event_shape(row.code)
        source = actors.resolve(row.source) if row.source else None
        target = actors.resolve(row.target) if row.target else None
        key = merge_key(row, shape, source, target)
        draft = drafts.get(key)
        if draft is None:
            draft = drafts[key] = EventDraft(shape, row.code, row.day, source, target)
        draft.add(row, actors.place(row.place) if row.place is not None else None)
    events, disputed = [], []
    taken = set(base.events) if base is not None else set()
    name = dataset() if callable(dataset) else dataset
    for draft in drafts.values():
        event = draft_event(draft, name, actors.actors, taken)
        taken.add(event.id)
        if event.status is Status.DISPUTED:
            disputed.append(event.id)
        events.append(event)
    skipped = tuple(skipped)
    if count == 0 and skipped:
        first = skipped[0]
        raise ParseError(f"every row is bad ({len(skipped)} skipped, none imported); the "
                         f"first: {first.reason}", file=first.file or file, line=first.line,
                         expected="some rows in the format of the file")
    graph = KnowledgeGraph(actors=imported_actors(events, actors.actors), events=events)
    return ImportResult(graph, rows_read if rows_read is not None else count + len(skipped),
                        skipped, tuple(disputed))


def imported_actors(events: Iterable[Event], actors: dict[str, Actor]) -> list[Actor]:
    """The actors the events name (participants, places and their countries), in the
    order they were met."""
    used = {a for e in events for a in (*e.actors(), e.place) if a}
    used |= {c for a in used if (c := actors[a].country)}
    return [a for a in actors.values() if a.id in used]


def merge_key(row: CodedRow, shape: Shape, source: str | None,
              target: str | None) -> tuple[object, ...]:
    """The key shared by the rows that report one event (see :func:`build_graph`)."""
    if shape.type is EventType.VISIT and shape.status is Status.REPORTED:
        guest, host = (source, target) if shape.source_role is Role.GUEST else (target, source)
        return (row.day, "visit", guest, host)
    if shape.symmetric:
        return (row.day, row.code, frozenset(a for a in (source, target) if a))
    return (row.day, row.code, source, target)


def draft_event(draft: EventDraft, dataset: str, actors: dict[str, Actor],
                taken: set[str]) -> Event:
    """The event of a draft, with an id not in ``taken`` (a suffix ``-2``, ``-3``... if
    needed); disputed when an actor had died before the coded date."""
    shape, code = draft.shape, cameo_code(draft.code)
    participants = []
    if draft.source:
        participants.append(Participant(draft.source, shape.source_role))
    if draft.target and draft.target != draft.source:
        participants.append(Participant(draft.target, shape.target_role))
    if shape.type is EventType.VISIT:  # the guest first, whichever side reported first
        participants.sort(key=lambda p: p.role is not Role.GUEST)
    names = [actors[p.actor].label for p in participants]
    ids = "-".join(p.actor for p in participants) or "unknown"
    event_id = f"{dataset}-{draft.day.isoformat()}-{draft.code}-{ids}"
    n = 2
    base_id = event_id
    while event_id in taken:
        event_id, n = f"{base_id}-{n}", n + 1
    status, note = shape.status, None
    dead = _dead_participant(participants, actors, draft.day)
    if dead is not None:
        status = Status.DISPUTED
        note = (f"misdated by the source: {dead[0]} died on {dead[1].isoformat()}, before "
                f"the coded date {draft.day.isoformat()}")
    place, disagreement = _place(draft.places, actors)
    if disagreement:
        note = f"{note}; {disagreement}" if note else disagreement
    label = f"{code.name}: {' – '.join(names) or 'unnamed actors'}, {draft.day.isoformat()}"
    return Event(event_id, shape.type, label, tuple(participants), TimeSpan.day(draft.day),
                 status, (), place=place, note=note, cameo=draft.code,
                 sources=tuple(draft.records))


def _place(places: dict[str, set[str]], actors: dict[str, Actor]) -> tuple[str | None, str]:
    """The place most stories give (mirror rows of one sentence count once); none, and a
    note naming the candidates, when the stories disagree without a majority."""
    if not places:
        return None, ""
    ranked = Counter({p: len(stories) for p, stories in places.items()}).most_common()
    if len(ranked) == 1 or ranked[0][1] > ranked[1][1]:
        return ranked[0][0], ""
    listed = ", ".join(f"{actors[p].label} ({n} {'story' if n == 1 else 'stories'})"
                       for p, n in ranked)
    return None, f"the reports disagree on the place: {listed}"


def _dead_participant(participants: list[Participant], actors: dict[str, Actor],
                      day: date) -> tuple[str, date] | None:
    table = deaths()
    for p in participants:
        actor = actors[p.actor]
        if actor.kind is not ActorKind.PERSON:
            continue
        for name in actor.names:
            death = table.get(normalize(name))
            if death is not None and day > death.died:
                return actor.label, death.died
    return None


#: The most bytes an event file (a zip member once decompressed) may hold.
MAX_FILE_BYTES = 8 * 1024 ** 3
#: The longest row, in bytes; GDELT and ICEWS rows are well under 4 KB.
MAX_LINE_BYTES = 1024 * 1024


def read_text(path: str | os.PathLike[str], what: str) -> str:
    """The whole text of an event file (see :func:`stream_lines`, which the readers use)."""
    return "".join(line + "\n" for _, line in stream_lines(path, what, blank=True))


@contextmanager
def _open_event_file(file: str, what: str) -> Iterator[IO[bytes]]:
    """The bytes of an event file, or of the one file in a ``.zip``."""
    if file.lower().endswith(".zip"):
        import zipfile

        with zipfile.ZipFile(file) as archive:
            members = [m for m in archive.infolist() if not m.is_dir()]
            if len(members) != 1:
                raise ParseError(f"the archive holds {len(members)} files", file=file,
                                 expected=f"one {what}")
            with archive.open(members[0]) as handle:
                yield handle
    else:
        with open(file, "rb") as handle:
            yield handle


def stream_lines(path: str | os.PathLike[str], what: str, *, blank: bool = False,
                 max_bytes: int | None = None, max_line: int | None = None
                 ) -> Iterator[tuple[int, str]]:
    """The lines of an event file with their 1-based numbers, read as a stream (memory
    does not grow with the file): UTF-8, a leading BOM dropped, rows split on ``\\n``
    only (a form feed, NEL or U+2028 inside a cell stays in it), blank lines left out
    unless ``blank``. A ``.zip`` holding one file is read through. Every error names the
    file (and the line): a bad byte, a line over ``max_line`` bytes, more than
    ``max_bytes`` bytes in all (a zip bomb, ``/dev/zero``).
    """
    file = str(path)
    limit = MAX_FILE_BYTES if max_bytes is None else max_bytes
    longest = MAX_LINE_BYTES if max_line is None else max_line
    total = 0
    number = 0
    try:
        with _open_event_file(file, what) as handle:
            while True:
                raw = handle.readline(longest + 1)
                if not raw:
                    return
                number += 1
                total += len(raw)
                if total > limit:
                    raise ParseError(f"the file holds more than {limit} bytes", file=file,
                                     line=number, expected=f"an {what} of at most {limit} "
                                     "bytes (decompressed)")
                if len(raw) > longest and not raw.endswith(b"\n"):
                    raise ParseError(f"the line is longer than {longest} bytes", file=file,
                                     line=number, expected=f"rows of an {what}")
                if number == 1 and raw.startswith(b"\xef\xbb\xbf"):
                    raw = raw[3:]
                try:
                    line = raw.decode("utf-8")
                except UnicodeDecodeError as exc:
                    raise ParseError(f"the bytes are not UTF-8 (byte 0x{raw[exc.start]:02x} at "
                                     f"column {exc.start + 1})", file=file, line=number,
                                     expected=f"a UTF-8 {what}") from None
                line = line.removesuffix("\n").removesuffix("\r")
                if blank or line.strip(" \t\r"):
                    yield number, line
    except FileNotFoundError as exc:
        raise DataError("no such file", file=file, expected=f"an existing {what}") from exc
    except IsADirectoryError:
        raise ParseError("a folder, not a file", file=file, expected=f"an {what}") from None
    except (OSError, EOFError, zipfile_error()) as exc:
        raise ParseError(f"cannot read: {exc}", file=file, line=number or None,
                         expected=f"a readable {what}") from None


def zipfile_error() -> type[Exception]:
    """:class:`zipfile.BadZipFile`, imported only when needed."""
    import zipfile

    return zipfile.BadZipFile


def numbered_lines(text: str, start: int = 1) -> Iterator[tuple[int, str]]:
    """Non-blank lines of ``text`` with their 1-based numbers (from ``start``)."""
    for number, line in enumerate(text.splitlines(), 1):
        if number >= start and line.strip():
            yield number, line
