"""A review of a draft as the browser page makes it: decisions, kept as they are made, and
the curated file they give, checked by the loader on every decision.

A :class:`ReviewSession` holds a draft (:func:`~korea_graph.curation.draft.draft`'s
file) and one decision per record: undecided, accepted, rejected, or merged into another
actor; an edited or added record keeps its fields. Decisions are applied with
:meth:`ReviewSession.decide` (one JSON-ready operation each: ``accept``, ``reject``,
``undecide``, ``edit``, ``add``, ``merge``, ``link``) and written, atomically, to a
decisions file beside the draft after each one, so a review stops and resumes.

Every decision is tried first: the file the records would make (the accepted and the
undecided ones, review blocks dropped; a rejected actor takes its participations, posts
and stances along, a merged one's references go to the actor it was merged into) is
loaded with the corpus by the real loader, and a decision that makes a record the loader
refuses is refused with the loader's message. Each record is shown as it will be written
(:func:`~korea_graph.curation.writer.records_yaml`, the writer's own code), with what
:func:`~korea_graph.curation.evidence_check.check_evidence` finds against its evidence.
:meth:`ReviewSession.save` writes the curated file, atomically: the accepted records, and
the undecided actors they need; it must load beside the corpus and pass the evidence
check, or nothing is written.

Each decision names the ``version`` of the record it was taken on; a record changed
since (in another tab) refuses it with :class:`~korea_graph.errors.ConflictError`, so two
pages on one review never lose a decision silently.

>>> import tempfile, pathlib, korea_graph
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> _ = (folder / "t.txt").write_text("Title: t\\n---\\nPutin met Kim Jong-il in Moscow.\\n",
...                                    encoding="utf-8")
>>> draft = korea_graph.draft_file(folder / "t.txt", published="2000-07-03",
...                                source="Wire", base=korea_graph.load())
>>> path = draft.write(folder / "t.draft.yaml")
>>> session = ReviewSession(path)
>>> event = next(e for e in session.entries() if e.section == "events")
>>> session.decide({"op": "accept", "id": event.id, "version": event.version})["decision"]
'accepted'
>>> session.save().name, (folder / "t.draft.decisions.json").exists()
('t.yaml', True)
>>> kg = korea_graph.load(folder / "t.yaml", corpus=True)
>>> [p.actor for p in next(e for e in kg.given[1] if e.id == event.id).participants]
['vladimir-putin', 'kim-jong-il']
"""

from __future__ import annotations

import copy
import hashlib
import json
import os
import re
import tempfile
import threading
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import yaml

from ..core.graph import KnowledgeGraph
from ..core.model import (
    ActorKind,
    AffiliationKind,
    Attitude,
    Confidence,
    EventType,
    Role,
    Status,
)
from ..core.names import normalize
from ..core.timespan import RELATIVE_PHRASES, TimeSpan
from ..errors import ConflictError, DataError, EvidenceError, NotFoundError, SchemaError
from ..files import atomic_path, write_text
from . import checks
from .evidence_check import check_evidence
from .loader import FORMAT, ReadFiles, bundled_data_files, parse_yaml, read_files
from .mentions import slug
from .review import SECTIONS, WHAT, DraftFile
from .writer import records_yaml, to_yaml

__all__ = ["DECISIONS_FORMAT", "Entry", "ReviewSession", "curated_name", "decisions_name"]

DECISIONS_FORMAT = "korea_graph/review-decisions/1"
UNDECIDED, ACCEPTED, REJECTED, MERGED = "undecided", "accepted", "rejected", "merged"
OPS = ("accept", "reject", "undecide", "edit", "add", "merge", "link")
_RECORD_AT = re.compile(r"^(actors|events|affiliations|stances)\[(\d+)\]")


def curated_name(draft: Path) -> Path:
    """Where a draft's curated file goes by default: the name without ``.draft``.

    >>> curated_name(Path("a/voa.draft.yaml")).as_posix(), curated_name(Path("x.yaml")).name
    ('a/voa.yaml', 'x.reviewed.yaml')
    """
    name = draft.name
    if ".draft." in name:
        return draft.with_name(name.replace(".draft.", ".", 1))
    return draft.with_name(draft.stem + ".reviewed.yaml")


def decisions_name(draft: Path) -> Path:
    """The decisions file beside a draft.

    >>> decisions_name(Path("a/voa.draft.yaml")).as_posix()
    'a/voa.draft.decisions.json'
    """
    return draft.with_name(draft.stem + ".decisions.json")


@dataclass
class Entry:
    """One record under review: as drafted (or added), its decision and its fields now."""

    section: str  #: actors, events, affiliations or stances
    id: str
    drafted: dict[str, Any] | None  #: the draft's record without its review block
    review: dict[str, Any] = field(default_factory=dict)  #: the draft's review block
    decision: str = UNDECIDED  #: undecided, accepted, rejected or merged
    record: dict[str, Any] | None = None  #: the fields, once edited or added
    into: str | None = None  #: the actor a merged actor went into
    version: int = 0  #: the review's version when this record last changed
    at: str | None = None  #: when (UTC, ISO 8601)

    @property
    def what(self) -> str:
        """actor, event, post or stance."""
        return WHAT[self.section]

    @property
    def current(self) -> dict[str, Any]:
        """The record's fields now (edited, added, or as drafted)."""
        if self.record is not None:
            return self.record
        assert self.drafted is not None
        return self.drafted

    @property
    def added(self) -> bool:
        return self.drafted is None


@dataclass
class _Built:
    """A would-be data file and what the loader and the evidence check say of it."""

    tree: dict[str, Any]
    kg: KnowledgeGraph | None = None
    errors: dict[str, str] = field(default_factory=dict)  #: record id -> loader message
    fatal: str | None = None  #: a message the loader gives of no one record
    gone: dict[str, str] = field(default_factory=dict)  #: record id -> why it went along
    problems: dict[str, list[str]] = field(default_factory=dict)
    previews: dict[str, str] = field(default_factory=dict)


class ReviewSession:
    """The review of one draft (see the module docstring). ``base`` lists the data files
    the draft was linked against (the shipped corpus by default); ``output`` is the curated
    file (the draft's name without ``.draft`` by default). Thread-safe: every call holds
    one lock, as the pages of several tabs call it at once."""

    def __init__(self, draft: str | os.PathLike[str], *, output: str | os.PathLike[str] | None
                 = None, base: Iterable[str | os.PathLike[str]] | None = None) -> None:
        self.path = Path(draft)
        self.output = Path(output) if output is not None else curated_name(self.path)
        self.decisions_path = decisions_name(self.path)
        self._lock = threading.RLock()
        self._draft = DraftFile.open(self.path)
        self._sha = hashlib.sha256(self.path.read_bytes()).hexdigest()
        base_paths = list(base) if base is not None else bundled_data_files()
        self.corpus: ReadFiles = read_files(*base_paths)
        self.base: KnowledgeGraph = self.corpus.load()
        self.document: dict[str, Any] = dict(self._draft.tree["document"])
        self.doc_id = str(self.document.get("id"))
        self._entries: dict[str, Entry] = {}
        for section in SECTIONS:
            for record in self._draft.tree.get(section) or []:
                if not isinstance(record, dict) or "id" not in record:
                    continue
                body = {k: v for k, v in record.items() if k != "review"}
                review = record.get("review") if isinstance(record.get("review"), dict) else {}
                entry = Entry(section, str(record["id"]), body, dict(review or {}))
                if "review" not in record:
                    entry.decision = ACCEPTED  # reviewed before (in the terminal)
                self._entries[entry.id] = entry
        self.version = 0
        self.saved: dict[str, Any] | None = None
        self.warnings: list[str] = []
        self._read_decisions()
        self._cache: tuple[int, _Built] | None = None
        self._written: dict[Any, str] = {}  # records as the writer wrote them, for previews
        self._shown: dict[str, tuple[str, Any]] = {}  # id -> (record as JSON, what is shown)
        self._state: tuple[int, dict[str, Any]] | None = None
        built = self._built()
        if built.fatal is not None:
            raise DataError(f"the draft does not load: {built.fatal}", file=str(self.path))
        assert built.kg is not None
        self.text = built.kg.documents[self.doc_id].text

    # -- decisions -------------------------------------------------------------------------
    def entries(self) -> list[Entry]:
        """Every record under review, in the order of the file: actors, events, posts,
        stances (added ones after the drafted ones of their section)."""
        with self._lock:
            return sorted(self._entries.values(), key=self._order)

    def _order(self, entry: Entry) -> tuple[int, int, int]:
        drafted = list(self._entries)
        return (SECTIONS.index(entry.section), entry.added, drafted.index(entry.id))

    def decide(self, op: Mapping[str, Any], *, dry_run: bool = False) -> dict[str, Any]:
        """Apply one decision and save it; return the record's state (:meth:`state`'s
        entry). Raises :class:`~korea_graph.errors.SchemaError` for a malformed one,
        :class:`~korea_graph.errors.NotFoundError` for an unknown record,
        :class:`~korea_graph.errors.ConflictError` for a record changed since
        ``version``, and the loader's :class:`~korea_graph.errors.DataError` for a record
        it would refuse (then nothing changes). With ``dry_run``, only try it: the state
        the record would have (its YAML as it would be written), nothing kept."""
        if not isinstance(op, Mapping):
            raise SchemaError(f"a decision must be a JSON object, not {checks.describe(op)}",
                              expected="{op: accept, id: ..., version: ...}")
        kind = op.get("op")
        if kind not in OPS:
            raise SchemaError(f"unknown op {kind!r}", field="op", expected="one of "
                              + ", ".join(OPS))
        with self._lock:
            changed = self._tentative(str(kind), op)
            built = self._try(str(kind), changed)
            if dry_run:
                return self._entry_state(changed[0], built)
            stamp = datetime.now(UTC).isoformat(timespec="seconds")
            self.version += 1
            for entry in changed:
                entry.version, entry.at = self.version, stamp
                self._entries[entry.id] = entry
            self._cache = (self.version, built)  # built from exactly these entries
            self._write_decisions()
            return self._entry_state(changed[0], self._built())

    def _tentative(self, kind: str, op: Mapping[str, Any]) -> list[Entry]:
        """The entries as the decision would leave them (copies; nothing is changed)."""
        if kind == "add":
            return [self._added(op)]
        entry = self._find(op.get("id"))
        version = op.get("version")
        if isinstance(version, bool) or not isinstance(version, int):
            raise SchemaError("missing or bad 'version'", field="version",
                              expected="the version of the record the page shows (an integer)")
        if version != entry.version:
            raise ConflictError(
                f"{entry.what} {entry.id} was changed in another page (now {entry.decision}, "
                f"version {entry.version}; this page showed version {version}): nothing was "
                "changed, and the page shows it as it is now")
        new = replace(entry)
        if kind == "accept":
            new.decision, new.into = ACCEPTED, None
        elif kind == "reject":
            new.decision, new.into = REJECTED, None
        elif kind == "undecide":
            new.decision, new.into = UNDECIDED, None
            if new.added:
                raise SchemaError(f"{entry.id} was added in the review: reject it to leave it "
                                  "out", field="op", expected="accept or reject")
        elif kind == "edit":
            new.record = self._record_of(op, entry)
            if op.get("accept") is True:
                new.decision, new.into = ACCEPTED, None
        elif kind == "merge":
            self._merge(new, op.get("into"))
        elif kind == "link":
            self._link(new, op.get("same_as"))
        return [new]

    def _find(self, record_id: Any) -> Entry:
        if not isinstance(record_id, str) or not record_id:
            raise SchemaError("missing or bad 'id'", field="id", expected="a record id")
        entry = self._entries.get(record_id)
        if entry is None:
            raise NotFoundError(f"no record {record_id!r} in this review"
                                + checks.suggest(record_id, self._entries))
        return entry

    def _record_of(self, op: Mapping[str, Any], entry: Entry | None) -> dict[str, Any]:
        """The fields an ``edit`` or ``add`` gives: ``record`` (JSON) or ``yaml`` (text)."""
        if "yaml" in op:
            if not isinstance(op["yaml"], str):
                raise SchemaError("'yaml' must be text", field="yaml",
                                  expected="the record as YAML")
            record: Any = parse_yaml(op["yaml"], "the YAML of the record")
        else:
            record = op.get("record")
        if not isinstance(record, dict):
            raise SchemaError(f"the record must be a mapping, not {checks.describe(record)}",
                              field="record", expected="the record's fields")
        record = copy.deepcopy(record)
        if "review" in record:
            raise SchemaError("'review' cannot be edited: the review sets it", field="review",
                              expected="the record's other fields")
        if entry is not None:
            given = record.get("id", entry.id)
            if given != entry.id:
                raise SchemaError(f"the id {entry.id!r} cannot be changed (to {given!r})",
                                  field="id", expected="the same id, or reject the record "
                                  "and add one")
            record = {"id": entry.id, **{k: v for k, v in record.items() if k != "id"}}
        out: dict[str, Any] = record
        return out

    def _added(self, op: Mapping[str, Any]) -> Entry:
        section = op.get("section")
        if section not in SECTIONS:
            raise SchemaError(f"unknown section {section!r}", field="section",
                              expected="one of " + ", ".join(SECTIONS))
        record = self._record_of(op, None)
        given = record.get("id")
        if given is not None:
            record_id = checks.ident(given, "record.id")
            if record_id in self._entries or self._taken(str(section), record_id):
                raise SchemaError(f"the id {record_id!r} is taken", field="record.id",
                                  expected="a new id, or leave it out")
        else:
            record_id = self._new_id(str(section), record)
        record = {"id": record_id, **{k: v for k, v in record.items() if k != "id"}}
        return Entry(str(section), record_id, None, {}, ACCEPTED, record)

    def _taken(self, section: str, record_id: str) -> bool:
        b = self.base
        if section == "actors":
            return record_id in b.actors or record_id in b.actor_same_as
        return any(record_id in table for table in (b.events, b.event_same_as,
                                                    b.affiliations, b.stances, b.documents))

    def _new_id(self, section: str, record: Mapping[str, Any]) -> str:
        """A new id from the record's label (an actor's) or words, scoped by the document
        for events, posts and stances, as the draft's are."""
        words = record.get("label") or record.get("title") or "-".join(
            str(record.get(k, "")) for k in ("holder", "attitude", "target"))
        stem = slug(str(words))[:50].strip("-") or WHAT[section]
        if section != "actors":
            stem = f"{self.doc_id[:60].strip('-')}-{stem}"
        out, n = stem, 2
        while out in self._entries or self._taken(section, out):
            out, n = f"{stem}-{n}", n + 1
        return out

    def _merge(self, entry: Entry, into: Any) -> None:
        if entry.section != "actors":
            raise SchemaError(f"only actors merge; {entry.id} is an {entry.what}", field="id",
                              expected="an actor's id")
        if not isinstance(into, str) or not into:
            raise SchemaError("missing 'into'", field="into", expected="the id of the actor "
                              "to merge into")
        target = self._entries.get(into)
        if target is not None and target.section != "actors":
            raise SchemaError(f"{into!r} is an {target.what}", field="into",
                              expected="an actor's id")
        if target is None and into not in self.base.actors:
            raise SchemaError(f"no actor {into!r} in the review or the corpus", field="into",
                              expected="an actor's id" + checks.suggest(
                                  into, [*self._entries, *self.base.actors]))
        seen: set[str] = {entry.id}
        node: str | None = into
        while node is not None:
            if node in seen:
                raise SchemaError(f"merging {entry.id} into {into} makes a circle", field="into",
                                  expected="an actor not merged into this one")
            seen.add(node)
            nxt = self._entries.get(node)
            node = nxt.into if nxt is not None and nxt.decision == MERGED else None
        entry.decision, entry.into = MERGED, into

    def _link(self, entry: Entry, same_as: Any) -> None:
        if entry.section not in ("actors", "events"):
            raise SchemaError(f"only actors and events link to the corpus; {entry.id} is "
                              f"a {entry.what}", field="id", expected="an actor or event")
        record = dict(entry.current)
        if same_as is None:
            record.pop("same_as", None)
        else:
            table = self.base.actors if entry.section == "actors" else self.base.events
            if not isinstance(same_as, str) or same_as not in table:
                raise SchemaError(f"no {entry.what} {same_as!r} in the corpus", field="same_as",
                                  expected=f"the id of a corpus {entry.what}"
                                  + checks.suggest(str(same_as), table))
            record["same_as"] = same_as
        entry.record = record

    def _try(self, kind: str, changed: list[Entry]) -> _Built:
        """The file with the decision taken; refuse a decision that makes a record the
        loader refuses (or breaks the file)."""
        before = self._built()
        entries = {**self._entries, **{e.id: e for e in changed}}
        after = self._build(entries, final=False)
        if after.fatal is not None:
            raise DataError(f"the file would not load: {after.fatal}")
        target = changed[0]
        if kind in ("accept", "edit", "add", "link") and target.id in after.errors:
            raise _refusal(after.errors[target.id])
        for entry in entries.values():
            if entry.decision == ACCEPTED and entry.id in after.errors and \
                    after.errors[entry.id] != before.errors.get(entry.id):
                raise _refusal(f"it would make the loader refuse {entry.what} {entry.id}: "
                               f"{after.errors[entry.id]}")
        return after

    # -- the would-be file -----------------------------------------------------------------
    def _built(self) -> _Built:
        if self._cache is None or self._cache[0] != self.version:
            self._cache = (self.version, self._build(self._entries, final=False))
        return self._cache[1]

    def _resolver(self, entries: Mapping[str, Entry]) -> Any:
        def resolve(actor_id: Any) -> str | None:
            """Where references to an actor go: itself, the actor it was merged into, or
            nowhere (rejected)."""
            seen: set[str] = set()
            node = str(actor_id)
            while node not in seen:
                seen.add(node)
                entry = entries.get(node)
                if entry is None or entry.section != "actors":
                    return node
                if entry.decision == REJECTED:
                    return None
                if entry.decision != MERGED or entry.into is None:
                    return node
                node = entry.into
            return None

        return resolve

    def _build(self, entries: Mapping[str, Entry], *, final: bool) -> _Built:
        """The file of the records in scope (accepted ones; with ``final=False`` also the
        undecided ones), loaded; each record the loader refuses is taken out, with its
        message, and the rest loaded again."""
        resolve = self._resolver(entries)
        ordered = sorted(entries.values(), key=lambda e: self._order(e) if e.id in
                         self._entries else (SECTIONS.index(e.section), True, len(entries)))
        rejected_events = {e.id for e in ordered if e.section == "events" and
                           e.decision == REJECTED}
        gone: dict[str, str] = {}
        tree: dict[str, Any] = {"format": FORMAT, "document": copy.deepcopy(self.document)}
        publisher = resolve(self.document.get("publisher"))
        if publisher is not None:
            tree["document"]["publisher"] = publisher
        scope = (ACCEPTED,) if final else (ACCEPTED, UNDECIDED)
        for section in SECTIONS[1:]:
            out = []
            for e in ordered:
                if e.section != section or e.decision not in scope:
                    continue
                record = _fixed(section, copy.deepcopy(e.current), resolve, rejected_events)
                if isinstance(record, str):
                    gone[e.id] = record
                    continue
                out.append(record)
            tree[section] = out
        tree["actors"] = self._actors(ordered, tree, resolve, final)
        built = _Built(tree, gone=gone)
        self._load(built)
        return built

    def _actors(self, ordered: list[Entry], tree: dict[str, Any], resolve: Any,
                final: bool) -> list[dict[str, Any]]:
        """The actor entries of the file: in scope, or (in the final file) undecided and
        needed by a record; with the names of the actors merged into them."""
        actors = {e.id: e for e in ordered if e.section == "actors"}
        wanted = {e.id for e in actors.values() if e.decision == ACCEPTED or (
            not final and e.decision == UNDECIDED)}
        if final:
            wanted |= self._needed(tree, actors)
        extra: dict[str, list[str]] = {}
        for e in actors.values():
            if e.decision == MERGED and (target := resolve(e.id)) is not None:
                names = [e.current.get("label"), *_list(e.current.get("aliases")),
                         *_list(e.current.get("mentions"))]
                extra.setdefault(target, []).extend(str(n) for n in names if n)
        out = []
        for e in actors.values():
            if e.id not in wanted:
                continue
            record = copy.deepcopy(e.current)
            country = record.get("country")
            if country is not None and resolve(country) is None:
                del record["country"]
            elif country is not None:
                record["country"] = resolve(country)
            _add_mentions(record, extra.pop(e.id, []))
            out.append(record)
        for target, names in extra.items():  # names for an actor of the corpus
            if target in self.base.actors:
                record = {"id": target}
                _add_mentions(record, names, self.base.actors[target].names)
                if "mentions" in record:
                    out.append(record)
        return out

    def _needed(self, tree: Mapping[str, Any], actors: Mapping[str, Entry]) -> set[str]:
        """The undecided actors that the records of ``tree`` (and the document) name."""
        refs = set(_references(tree))
        out: set[str] = set()
        while refs:
            ref = refs.pop()
            entry = actors.get(ref)
            if entry is None or entry.decision != UNDECIDED or ref in out:
                continue
            out.add(ref)
            refs |= set(_references({"actors": [entry.current]}))
        return out

    def _load(self, built: _Built) -> None:
        tree = built.tree
        for _ in range(sum(len(tree.get(s) or []) for s in SECTIONS) + 1):
            try:
                built.kg = self._load_tree(tree)
                break
            except DataError as exc:
                where = _RECORD_AT.match(exc.field or "")
                if where is None:
                    built.fatal = _message(exc, exc.field)
                    return
                section, index = where[1], int(where[2])
                record_id = str(tree[section][index].get("id"))
                field_name = f"{section}[{record_id!r}]" + (exc.field or "")[where.end():]
                built.errors[record_id] = _message(exc, field_name)
                del tree[section][index]
        if built.kg is None:
            return
        built.previews = records_yaml(built.kg, document=self.doc_id, base=self.base,
                                      known=self._written)
        for p in check_evidence(built.kg, document=self.doc_id):
            built.problems.setdefault(p.record, []).append(f"{p.field} {p.value!r}: "
                                                           f"{p.message}")

    def _load_tree(self, tree: Mapping[str, Any]) -> KnowledgeGraph:
        """The graph of ``tree`` beside the corpus, by the loader (from a temporary file
        beside the draft, where the text is)."""
        text = _yaml(dict(tree))
        fd, name = tempfile.mkstemp(prefix=f".{self.path.stem}.", suffix=".trial.yaml",
                                    dir=self.path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(text)
            return self.corpus.load(name)
        finally:
            os.unlink(name)

    # -- saving ----------------------------------------------------------------------------
    def save(self) -> Path:
        """Write the curated file (:attr:`output`), atomically: the accepted records and the
        undecided actors they need, as :func:`~korea_graph.curation.writer.to_yaml` writes
        them, and the text beside it. It must load beside the corpus and pass
        :func:`~korea_graph.curation.evidence_check.check_evidence`; otherwise nothing is
        written and the error lists what to fix."""
        with self._lock:
            built = self._build(self._entries, final=True)
            if built.fatal is not None:
                raise DataError(f"the curated file would not load: {built.fatal}")
            if built.errors:
                raise _refusal("the loader refuses " + "; ".join(
                    f"{record}: {message}" for record, message in built.errors.items()))
            assert built.kg is not None
            _raise_problems(built.problems)
            text = to_yaml(built.kg, document=self.doc_id, base=self.base)
            doc = built.kg.documents[self.doc_id]
            beside = self.output.parent / (doc.text_file or f"{doc.id}.txt")
            if not beside.exists() or beside.read_text(encoding="utf-8") != doc.text:
                write_text(beside, doc.text)
            with atomic_path(self.output) as tmp:
                tmp.write_text(text, encoding="utf-8")
                again = self.corpus.load(tmp)  # what was written, read back
                problems: dict[str, list[str]] = {}
                for p in check_evidence(again, document=self.doc_id):
                    problems.setdefault(p.record, []).append(str(p))
                _raise_problems(problems)
            counts = {s: len(built.tree.get(s) or []) for s in SECTIONS}
            self.saved = {"path": str(self.output), "version": self.version, "counts": counts,
                          "left_out": sum(1 for e in self._entries.values()
                                          if e.decision == UNDECIDED and e.section != "actors"),
                          "at": datetime.now(UTC).isoformat(timespec="seconds")}
            self._state = None
            return self.output

    # -- the decisions file ----------------------------------------------------------------
    def _write_decisions(self) -> None:
        decided = {}
        for e in self.entries():
            if e.version == 0:
                continue
            item: dict[str, Any] = {"section": e.section, "decision": e.decision,
                                    "version": e.version, "at": e.at}
            if e.record is not None:
                item["record"] = e.record
            if e.into is not None:
                item["into"] = e.into
            if e.added:
                item["added"] = True
            decided[e.id] = item
        data = {"format": DECISIONS_FORMAT, "draft": self.path.name, "draft_sha256": self._sha,
                "version": self.version, "decisions": decided}
        write_text(self.decisions_path, json.dumps(data, ensure_ascii=False, indent=1) + "\n")

    def _read_decisions(self) -> None:
        path = self.decisions_path
        if not path.exists():
            return
        where = str(path)
        expected = "a decisions file written by korea-graph review --web (remove it to start over)"
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            line = getattr(exc, "lineno", None)
            raise DataError(f"the decisions file is not JSON: {exc}", file=where, line=line,
                            expected=expected) from None
        if not isinstance(data, dict) or data.get("format") != DECISIONS_FORMAT:
            raise SchemaError("not a decisions file", file=where, field="format",
                              expected=f"{DECISIONS_FORMAT!r}: {expected}")
        if data.get("draft_sha256") != self._sha:
            self.warnings.append(f"the draft changed since {path.name} was written: its "
                                 "decisions are applied to the records that are still there")
        decisions = data.get("decisions")
        if not isinstance(decisions, dict):
            raise SchemaError("no decisions", file=where, field="decisions", expected=expected)
        for record_id, item in decisions.items():
            self._restore(str(record_id), item, where)
        version = data.get("version")
        self.version = version if isinstance(version, int) and not isinstance(
            version, bool) else 0
        self.version = max([self.version, *(e.version for e in self._entries.values())])

    def _restore(self, record_id: str, item: Any, where: str) -> None:
        field_name = f"decisions[{record_id!r}]"
        if not isinstance(item, dict) or item.get("decision") not in (
                UNDECIDED, ACCEPTED, REJECTED, MERGED) or item.get("section") not in SECTIONS:
            raise SchemaError("a malformed decision", file=where, field=field_name,
                              expected="section, decision (undecided, accepted, rejected or "
                                       "merged), version")
        entry = self._entries.get(record_id)
        record = item.get("record")
        if entry is None and not (item.get("added") and isinstance(record, dict)):
            self.warnings.append(f"{record_id}: decided ({item['decision']}), but no longer in "
                                 "the draft")
            return
        if entry is None:
            entry = Entry(item["section"], record_id, None, {}, ACCEPTED, record)
        entry.decision = item["decision"]
        entry.record = record if isinstance(record, dict) else None
        entry.into = item.get("into") if isinstance(item.get("into"), str) else None
        version = item.get("version")
        entry.version = version if isinstance(version, int) else 0
        entry.at = item.get("at") if isinstance(item.get("at"), str) else None
        if entry.decision == MERGED and entry.into is None:
            entry.decision = UNDECIDED
        self._entries[record_id] = entry

    # -- what the page shows ---------------------------------------------------------------
    def state(self, since: int | None = None) -> dict[str, Any]:
        """Everything the page shows, as JSON-ready data; ``since`` (the version a page
        has) gives only ``{"version": ...}`` when nothing changed."""
        with self._lock:
            if since is not None and since == self.version:
                return {"version": self.version}
            if self._state is not None and self._state[0] == self.version:
                return self._state[1]
            built = self._built()
            entries = self.entries()
            needed = self._needed_by(built)
            out = {
                "version": self.version,
                "document": {"id": self.doc_id, "title": self.document.get("title"),
                             "published": str(self.document.get("published")),
                             "text": self.text},
                "entries": [self._entry_state(e, built, needed) for e in entries],
                "mentions": self.mentions(),
                "counts": {d: sum(1 for e in entries if e.decision == d)
                           for d in (UNDECIDED, ACCEPTED, REJECTED, MERGED)},
                "fatal": built.fatal, "warnings": self.warnings,
                "output": str(self.output), "decisions": str(self.decisions_path),
                "saved": self.saved, "vocabulary": vocabulary(),
                "corpus_actors": [[a.id, a.label, a.kind.value] for a in self.base.actors.values()],
            }
            self._state = (self.version, out)
            return out

    def _needed_by(self, built: _Built) -> dict[str, str]:
        """Undecided actors that go into the curated file along with an accepted record."""
        out: dict[str, str] = {}
        for section in SECTIONS[1:]:
            for record in built.tree.get(section) or []:
                entry = self._entries.get(str(record.get("id")))
                if entry is None or entry.decision != ACCEPTED:
                    continue
                for ref in _references({section: [record]}):
                    e = self._entries.get(ref)
                    if e is not None and e.decision == UNDECIDED:
                        out.setdefault(ref, f"{entry.what} {entry.id}")
        publisher = self.document.get("publisher")
        e = self._entries.get(str(publisher))
        if e is not None and e.decision == UNDECIDED:
            out.setdefault(e.id, "the document (its publisher)")
        return out

    def entry(self, record_id: str) -> dict[str, Any]:
        """One record's state, as :meth:`state` lists it."""
        with self._lock:
            return self._entry_state(self._find(record_id), self._built())

    def _entry_state(self, e: Entry, built: _Built,
                     needed: Mapping[str, str] | None = None) -> dict[str, Any]:
        r = e.current
        corpus = e.section == "actors" and e.id in self.base.actors
        preview = built.previews.get(e.id)
        if preview is None and corpus and e.id not in built.errors:
            a = self.base.actors[e.id]
            preview = (f"# {a.label} ({a.kind.value}) is an actor of the corpus:\n"
                       "# the file refers to it by id and adds nothing")
        return {
            "id": e.id, "section": e.section, "what": e.what, "decision": e.decision,
            "version": e.version, "added": e.added, "edited": e.record is not None and
            not e.added, "into": e.into, "record": r, "corpus": corpus,
            "label": _label(e.section, r), "kind": r.get("type") or r.get("kind") or
            r.get("attitude"),
            "source": self._of_record(e, "source", lambda: _yaml(r)),
            "review": {k: e.review[k] for k in ("confidence", "method", "mention", "matched")
                       if k in e.review},
            "sentences": [item["quote"] for item in _list(e.review.get("evidence"))
                          if isinstance(item, dict) and isinstance(item.get("quote"), str)],
            "spans": self._spans(e),
            "yaml": preview if e.decision in (ACCEPTED, UNDECIDED) else None,
            "error": built.errors.get(e.id), "problems": built.problems.get(e.id, []),
            "gone": built.gone.get(e.id),
            "along": (needed or {}).get(e.id) if e.decision == UNDECIDED else None,
            "suggestions": self._of_record(e, "suggestions", lambda: self.suggestions(e)),
        }

    def _of_record(self, e: Entry, what: str, make: Any) -> Any:
        """What is shown of a record that depends on its fields alone, made once per fields."""
        key = json.dumps(e.current, sort_keys=True, default=str) + what
        seen = self._shown.get(e.id + what)
        if seen is None or seen[0] != key:
            seen = (key, make())
            self._shown[e.id + what] = seen
        return seen[1]

    def _spans(self, e: Entry) -> list[list[int]]:
        """Where the record's evidence (and an actor's sentence) is in the text."""
        items = list(_list(e.current.get("evidence")))
        if isinstance(e.review.get("evidence"), (dict, list)):
            items += _list(e.review["evidence"])
        out = []
        for item in items:
            if not isinstance(item, dict) or not isinstance(item.get("quote"), str):
                continue
            quote, start = item["quote"], item.get("start")
            if not isinstance(start, int) or self.text[start:start + len(quote)] != quote:
                start = self.text.find(quote)
            if start >= 0:
                out.append([start, start + len(quote)])
        return out

    def mentions(self) -> list[list[Any]]:
        """``[start, end, actor id]`` of each name of an actor under review in the text (its
        label, aliases and mentions, and the corpus's names of it, whole words; the word the
        draft found it by, in its sentence), the longest first where they overlap; merged
        actors' names count for the actor they went into."""
        resolve = self._resolver(self._entries)
        found: list[tuple[int, int, str]] = []
        for e in self._entries.values():
            if e.section != "actors" or (target := resolve(e.id)) is None:
                continue
            r = e.current
            known = self.base.actors.get(e.id) or self.base.actors.get(str(r.get("same_as")))
            corpus_names = [*known.names, *known.mentions] if known is not None else []
            for name in {str(n) for n in [r.get("label"), *_list(r.get("aliases")),
                                          *_list(r.get("mentions")), *corpus_names] if n}:
                found += [(m.start(), m.end(), target) for m in _name_pattern(name).finditer(
                    self.text)]
            mention, sentence = e.review.get("mention"), e.review.get("evidence")
            if isinstance(mention, str) and isinstance(sentence, dict) and mention.strip():
                spans = self._spans(replace(e, record={"evidence": [sentence]}, review={}))
                for start, end in spans[:1]:
                    m = _name_pattern(mention).search(self.text, start, end)
                    if m:
                        found.append((m.start(), m.end(), target))
        found.sort(key=lambda f: (f[0], f[0] - f[1]))
        out: list[list[Any]] = []
        for start, end, actor in found:
            if out and start < out[-1][1]:
                continue
            out.append([start, end, actor])
        return out

    # -- suggestions -----------------------------------------------------------------------
    def suggestions(self, e: Entry) -> list[dict[str, Any]]:
        """Corpus actors or events this record may be, best first, each with its reasons
        (from the graph's look-ups, :meth:`~korea_graph.core.graph.KnowledgeGraph.find_actors`
        and :meth:`~korea_graph.core.graph.KnowledgeGraph.find_events`)."""
        if e.section == "actors" and e.id not in self.base.actors:
            return self._actor_suggestions(e.current)
        if e.section == "events":
            return self._event_suggestions(e.current)
        return []

    def _actor_suggestions(self, r: Mapping[str, Any]) -> list[dict[str, Any]]:
        names = [str(n) for n in [r.get("label"), *_list(r.get("aliases"))] if n]
        scored: dict[str, tuple[float, list[str]]] = {}
        for name in names:
            words = [w for w in re.findall(r"[\w'-]+", name) if len(w) > 2 and w[0].isupper()]
            for text in dict.fromkeys([name, *words]):
                for actor in self.base.find_actors(text):
                    score, reasons = scored.get(actor.id, (0.0, []))
                    whole = normalize(text) in {normalize(n) for n in actor.names}
                    reasons.append(f"{text!r} is a name of {actor.label}" if whole else
                                   f"{text!r} is in the name {_name_with(actor.names, text)!r}")
                    scored[actor.id] = (score + (3 if whole else 1), reasons)
        out: list[dict[str, Any]] = []
        for actor_id, (score, reasons) in scored.items():
            actor = self.base.actors[actor_id]
            if actor.kind.value == r.get("kind"):
                reasons.append(f"the same kind ({actor.kind.value})")
                score += 1
            else:
                reasons.append(f"a {actor.kind.value}, not a {r.get('kind')}")
            out.append({"id": actor_id, "label": actor.label, "score": score,
                        "reasons": list(dict.fromkeys(reasons))})
        out.sort(key=lambda s: (-float(s["score"]), str(s["id"])))
        return out[:5]

    def _event_suggestions(self, r: Mapping[str, Any]) -> list[dict[str, Any]]:
        b = self.base
        mine = {str(p.get("actor")) for p in _list(r.get("participants")) if isinstance(p, dict)}
        known = {b.actor_same_as.get(a, a) for a in mine} & set(b.actors)
        span = _span(r.get("when"), self._published())
        found: dict[str, Any] = {}
        for actor in sorted(known):
            for event in b.find_events(involving=actor):
                found.setdefault(event.id, event)
        out: list[dict[str, Any]] = []
        for event in found.values():
            shared = sorted(known & set(event.actors()))
            reasons = ["shares " + ", ".join(b.actors[a].label for a in shared)]
            score = 2.0 * len(shared)
            if event.type.value == r.get("type"):
                reasons.append(f"the same type ({event.type.value})")
                score += 2
            elif {event.type.value, r.get("type")} <= {"talks", "meeting"}:
                reasons.append(f"talks and meetings match ({event.type.value})")
                score += 1
            else:
                reasons.append(f"a {event.type.value}, not a {r.get('type')}")
            if span is not None:
                if not span.possibly_overlaps(event.when):
                    continue  # cannot be the same event
                reasons.append(f"the times may overlap ({span.iso()} and {event.when.iso()})")
                score += 1
            if r.get("place") and r.get("place") == event.place:
                reasons.append(f"the same place ({b.actors[event.place].label})")
                score += 1
            if r.get("same_as") == event.id:
                reasons.insert(0, "proposed by the draft")
                score += 0.5
            out.append({"id": event.id, "label": event.label, "score": score,
                        "reasons": reasons})
        out.sort(key=lambda s: (-float(s["score"]), str(s["id"])))
        return out[:5]

    def _published(self) -> TimeSpan | None:
        try:
            return checks.published(self.document.get("published"), "document.published")
        except DataError:
            return None


# -- helpers -------------------------------------------------------------------------------
def vocabulary() -> dict[str, Any]:
    """The words the page offers: kinds, types, roles, statuses, confidences, time forms."""
    return {
        "kind": [k.value for k in ActorKind], "type": [t.value for t in EventType],
        "role": [r.value for r in Role], "status": [s.value for s in Status],
        "affiliation": [k.value for k in AffiliationKind],
        "attitude": [a.value for a in Attitude], "confidence": [c.value for c in Confidence],
        "relative": list(RELATIVE_PHRASES),
    }


_Dumper: Any = getattr(yaml, "CSafeDumper", yaml.SafeDumper)  # libyaml: about 10x faster


def _yaml(tree: Any) -> str:
    return yaml.dump(tree, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=90)


def _list(value: Any) -> list[Any]:
    if value is None:
        return []
    return list(value) if isinstance(value, list) else [value]


def _label(section: str, r: Mapping[str, Any]) -> str:
    if section == "affiliations":
        return f"{r.get('holder')}: {r.get('title') or r.get('kind')} of {r.get('organization')}"
    if section == "stances":
        return f"{r.get('holder')} {r.get('attitude')} {r.get('target')}"
    return str(r.get("label") or r.get("id"))


def _name_pattern(name: str) -> re.Pattern[str]:
    """A name as whole words, hyphens and spaces alike; case-blind unless short or capitals
    ("US" is not "us")."""
    parts = [re.escape(p) for p in re.split(r"[\s\-]+", name.strip()) if p]
    flags = re.IGNORECASE if len(name) >= 4 and not name.isupper() else 0
    return re.compile(r"(?<!\w)" + r"[\s\-]+".join(parts) + r"(?!\w)", flags)


def _name_with(names: Iterable[str], word: str) -> str:
    return next((n for n in names if normalize(word) in normalize(n)), word)


def _span(when: Any, published: TimeSpan | None) -> TimeSpan | None:
    try:
        return checks.time(when, "when", published) if when is not None else None
    except DataError:
        return None


def _add_mentions(record: dict[str, Any], names: Iterable[str],
                  known: Iterable[str] = ()) -> None:
    """Add ``names`` to an actor record's ``mentions``, unless it has them already."""
    have = {normalize(str(n)) for n in [record.get("label"), *_list(record.get("aliases")),
                                        *_list(record.get("mentions")), *known] if n}
    new = []
    for name in names:
        if normalize(name) not in have:
            have.add(normalize(name))
            new.append(name)
    if new:
        record["mentions"] = [*_list(record.get("mentions")), *new]


def _fixed(section: str, r: dict[str, Any], resolve: Any, rejected_events: set[str]
           ) -> dict[str, Any] | str:
    """A record with its references to merged actors moved and to rejected ones dropped,
    or why it goes along with a rejected actor."""
    def ref(key: str) -> str | None:
        value = r.get(key)
        return None if value is None else resolve(value)

    for key in ("about",):
        if isinstance(r.get(key), list):
            r[key] = [x for x in r[key] if x not in rejected_events]
    for key in ("part_of", "expressed_in"):
        if r.get(key) in rejected_events:
            del r[key]
    if isinstance(r.get("citations"), list):
        r["citations"] = [c for c in r["citations"] if not isinstance(c, dict) or
                          resolve(c.get("outlet")) is not None]
        for c in r["citations"]:
            if isinstance(c, dict) and c.get("outlet") is not None:
                c["outlet"] = resolve(c["outlet"])
    if section == "events":
        parts, seen, lost = [], set(), []
        for p in _list(r.get("participants")):
            if not isinstance(p, dict):
                parts.append(p)
                continue
            actor = resolve(p.get("actor"))
            if actor is None:
                lost.append(str(p.get("actor")))
            elif actor not in seen:
                seen.add(actor)
                parts.append({**p, "actor": actor})
        if lost and not parts:
            return "its participants were rejected (" + ", ".join(lost) + ")"
        if "participants" in r:
            r["participants"] = parts
        if r.get("place") is not None:
            place = ref("place")
            if place is None:
                del r["place"]
            else:
                r["place"] = place
        return r
    needs = ("holder", "organization") if section == "affiliations" else ("holder", "target")
    for key in needs:
        if r.get(key) is not None and ref(key) is None:
            return f"its {key} was rejected ({r[key]})"
        if r.get(key) is not None:
            r[key] = ref(key)
    if section == "affiliations" and r.get("accredited_to") is not None:
        to = ref("accredited_to")
        if to is None:
            del r["accredited_to"]
        else:
            r["accredited_to"] = to
    return r


def _references(tree: Mapping[str, Any]) -> Iterator[str]:
    """The actor ids the records of ``tree`` (and its document) refer to."""
    document = tree.get("document")
    if isinstance(document, dict) and document.get("publisher"):
        yield str(document["publisher"])
    for section in SECTIONS:
        for r in tree.get(section) or []:
            if not isinstance(r, dict):
                continue
            keys = {"actors": ("country",), "events": ("place",),
                    "affiliations": ("holder", "organization", "accredited_to"),
                    "stances": ("holder", "target")}[section]
            for key in keys:
                if r.get(key):
                    yield str(r[key])
            if section == "actors":
                yield from (str(x) for x in _list(r.get("same_as")))
            for p in _list(r.get("participants")):
                if isinstance(p, dict) and p.get("actor"):
                    yield str(p["actor"])
            for c in _list(r.get("citations")):
                if isinstance(c, dict) and c.get("outlet"):
                    yield str(c["outlet"])


def _message(exc: DataError, field_name: str | None) -> str:
    """The loader's message, without the temporary file's name and line."""
    where = f"{field_name}: " if field_name else ""
    tail = f" (expected {exc.expected})" if exc.expected else ""
    return f"{where}{exc.reason}{tail}"


def _refusal(message: str) -> DataError:
    return DataError(message)


def _raise_problems(problems: Mapping[str, list[str]]) -> None:
    if problems:
        lines = "; ".join(f"{record}: " + ", ".join(items) for record, items in problems.items())
        raise EvidenceError(f"not named in the evidence: {lines}",
                            expected="names in the quoted evidence, or an 'inferred' entry "
                                     "with a reason")
