"""Write a graph back as a data file that :func:`~korea_graph.curation.loader.load` reads.

:func:`to_yaml` writes one document with its actors, events, posts and stances in the
format of ``docs/curation.md`` (and, given a path, the document's text beside it), so
that loading the file gives back a graph equal to the one written: load, add with the
:class:`~korea_graph.curation.builder.Builder`, write, load again.

Every time is written in the plainest form that the loader turns back into exactly the
same :class:`~korea_graph.core.timespan.TimeSpan` (a date, ``between``, ``before``,
``after``, a ``relative`` phrase, or the explicit ``start``/``end`` bounds): each
candidate is read back through the loader's own check before it is chosen.

>>> import korea_graph
>>> kg = korea_graph.load()
>>> text = to_yaml(kg, document="monitor-6-129")   # one document of the corpus
>>> text.splitlines()[1]
'format: korea_graph/1'
>>> print(next(line for line in text.splitlines() if "id: russia," in line))
  - {id: russia, label: Russia, kind: state, wikidata: Q159, aliases: [Russian Federation, RUS]...
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import yaml

from ..core.graph import KnowledgeGraph
from ..core.model import (
    Actor,
    Affiliation,
    Citation,
    Document,
    Event,
    Evidence,
    Hedge,
    Inference,
    Stance,
)
from ..core.names import normalize
from ..core.timespan import RELATIVE_PHRASES, Precision, TimeSpan
from ..errors import DataError, SchemaError
from ..files import write_bytes
from . import checks
from .loader import FORMAT

__all__ = ["records_yaml", "to_yaml", "write_data", "yaml_time"]

Record = Event | Affiliation | Stance


def to_yaml(kg: KnowledgeGraph, path: str | os.PathLike[str] | None = None, *,
            document: str | None = None, base: KnowledgeGraph | None = None) -> str:
    """The data file of one document of ``kg`` (the only one, or ``document``), as text.

    With ``path``, also write it there and the document's text beside it, under its
    ``text_file`` name (``<id>.txt`` when it has none). The file holds the records (each
    source's claims) whose evidence is in the document, and the actors: all of them for a
    graph of one document; with ``base``, only those ``base`` lacks (the file refers to
    the others by id, and loads with the files of ``base``), and for an actor of ``base``
    that has more names in ``kg``, an entry adding them (``{id: ..., aliases: [...]}``);
    otherwise those the records name, so that the file loads alone. Raises
    :class:`~korea_graph.errors.DataError` naming the record and field that a data file
    cannot hold.
    """
    return _write(*_contents(kg, document, base), path)


def records_yaml(kg: KnowledgeGraph, *, document: str | None = None,
                 base: KnowledgeGraph | None = None,
                 known: dict[Any, str] | None = None) -> dict[str, str]:
    """Each record :func:`to_yaml` writes for these arguments, as the lines it writes
    (under its section's key), by id: what a reviewer sees before the file is written.
    An actor of ``base`` that the file only refers to has no entry. ``known`` keeps the
    text of each record written before (records are frozen: an equal record is written
    alike), so that a page shown again writes only what changed.

    >>> import korea_graph
    >>> kg = korea_graph.load()
    >>> lines = records_yaml(kg, document="monitor-6-129")["putin-letter-to-kim"].splitlines()
    >>> print("\\n".join(lines[:3]))
    events:
      - id: putin-letter-to-kim
        type: letter
    """
    doc, actors, events, posts, stances, extensions = _contents(kg, document, base)
    cache = known if known is not None else {}
    out: dict[str, str] = {}
    records: list[tuple[str, Any, Any]] = [
        *(("actors", a, _actor_tree) for a in actors),
        *(("actors", _Flow(x), None) for x in extensions),
        *(("events", e, _event_tree) for e in events),
        *(("affiliations", a, _affiliation_tree) for a in posts),
        *(("stances", x, _stance_tree) for x in stances)]
    for section, record, make in records:
        key = (section, doc.id, doc.published, record if make else repr(record))
        if key not in cache:
            tree = record if make is None else (
                make(record) if make is _actor_tree else make(record, doc))
            cache[key] = _dump({section: [tree]})
        out[record["id"] if make is None else record.id] = cache[key]
    return out


def _contents(kg: KnowledgeGraph, document: str | None, base: KnowledgeGraph | None
              ) -> tuple[Document, list[Actor], list[Event], list[Affiliation], list[Stance],
                         list[dict[str, Any]]]:
    """What :func:`to_yaml` writes: the document, its actors, events, posts, stances, and
    the entries adding names to actors of ``base``."""
    doc = _document(kg, document)
    single = len(kg.documents) == 1
    events = [e for e in kg.given[1] if _belongs(e, doc, single, "events")]
    posts = [a for a in kg.given[2] if _belongs(a, doc, single, "affiliations")]
    stances = [s for s in kg.given[3] if _belongs(s, doc, single, "stances")]
    extensions: list[dict[str, Any]] = []
    if base is not None:
        actors = [a for a in kg.given[0] if a.id not in base.actors]
        extensions = [tree for a in kg.given[0] if a.id in base.actors
                      if (tree := _extension_tree(a, base.actors[a.id])) is not None]
    elif single:
        actors = list(kg.given[0])
    else:
        actors = _named_actors(kg, doc, [*events, *posts, *stances])
    return doc, actors, events, posts, stances, extensions


def write_data(kg: KnowledgeGraph, folder: str | os.PathLike[str]) -> list[Path]:
    """Write every document of ``kg`` as a data file (``<id>.yaml``, its text beside it) in
    ``folder``: ``load(*paths)`` reads them back to a graph equal to ``kg``. The first file
    declares every actor; the others refer to them by id."""
    out = []
    for index, doc in enumerate(kg.documents.values()):
        path = Path(folder) / f"{doc.id}.yaml"
        _write(doc, list(kg.given[0]) if index == 0 else [],
               [e for e in kg.given[1] if _belongs(e, doc, False, "events")],
               [a for a in kg.given[2] if _belongs(a, doc, False, "affiliations")],
               [s for s in kg.given[3] if _belongs(s, doc, False, "stances")], [], path)
        out.append(path)
    return out


def _write(doc: Document, actors: list[Actor], events: list[Event], posts: list[Affiliation],
           stances: list[Stance], extensions: list[dict[str, Any]],
           path: str | os.PathLike[str] | None) -> str:
    text_file = doc.text_file or f"{doc.id}.txt"
    checks.text(text_file, "document.text_file")
    if os.sep in text_file or "/" in text_file or text_file in (".", ".."):
        raise SchemaError(f"text file {text_file!r} is not a plain file name",
                          field="document.text_file", expected="a name like my-article.txt")
    tree: dict[str, Any] = {
        "format": FORMAT,
        "document": _document_tree(doc, text_file),
        "actors": [*(_actor_tree(a) for a in actors), *extensions],
        "events": [_event_tree(e, doc) for e in events],
        "affiliations": [_affiliation_tree(a, doc) for a in posts],
        "stances": [_stance_tree(s, doc) for s in stances],
    }
    for key in ("actors", "events", "affiliations", "stances"):
        if not tree[key]:
            del tree[key]
    out = "# written by korea_graph.to_yaml (docs/curation.md describes the format)\n" + _dump(
        tree)
    if path is not None:
        target = Path(path)
        data, text = out.encode("utf-8"), doc.text.encode("utf-8")  # both, or neither written
        write_bytes(target.parent / text_file, text)
        write_bytes(target, data)
    return out


def yaml_time(span: TimeSpan, field: str = "when", anchor: TimeSpan | None = None) -> Any:
    """The plainest data-file form of ``span`` that reads back as exactly ``span``
    (``anchor``, the publication date, lets relative phrases be kept).

    >>> yaml_time(TimeSpan.parse("2000-06-27"))
    '2000-06-27'
    >>> yaml_time(TimeSpan.parse("2000-06").with_phrase("in June"))
    {'date': '2000-06', 'phrase': 'in June'}
    """
    for form in _time_forms(span, anchor):
        try:
            if checks.time(form, field, anchor) == span:
                return form
        except DataError:
            continue
    raise SchemaError(f"the time {span!r} has no form a data file can hold", field=field,
                      expected="a time whose phrase and resolution have no surrounding spaces")


# -- choosing what goes in the file --------------------------------------------------------
def _document(kg: KnowledgeGraph, document: str | None) -> Document:
    if document is not None:
        if document not in kg.documents:
            raise DataError(f"no document {document!r} in the graph", field="document",
                            expected="one of " + ", ".join(kg.documents)
                            + checks.suggest(document, kg.documents))
        return kg.documents[document]
    if len(kg.documents) != 1:
        raise DataError(f"the graph has {len(kg.documents)} documents", field="document",
                        expected="document= one of " + ", ".join(kg.documents)
                        if kg.documents else "a graph with a document")
    return next(iter(kg.documents.values()))


def _belongs(record: Record, doc: Document, single: bool, table: str) -> bool:
    where = f"{table}[{record.id!r}]"
    if isinstance(record, Event) and record.sources and (single or _in(record, doc)):
        raise SchemaError("machine-coded source rows have no place in a data file",
                          field=f"{where}.sources",
                          expected="a curated record (export coded events with to_rdf)")
    documents = {e.document for e in record.evidence}
    if not documents:
        if single:
            raise SchemaError("no evidence", field=f"{where}.evidence",
                              expected="at least one quote of the document")
        return False
    if doc.id not in documents:
        return False
    if len(documents) > 1:
        raise SchemaError("evidence from several documents: "
                          + ", ".join(sorted(documents)), field=f"{where}.evidence",
                          expected="the evidence of one document per record in a data file")
    return True


def _in(record: Record, doc: Document) -> bool:
    return any(e.document == doc.id for e in record.evidence)


def _named_actors(kg: KnowledgeGraph, doc: Document, records: list[Record]) -> list[Actor]:
    """The actors the records of ``doc`` name, with their countries and the actors they
    are ``same_as``, in graph order (as given, before ``same_as`` folds them)."""
    declared = {a.id: a for a in kg.given[0]}
    wanted: set[str] = set()

    def add(actor_id: str | None) -> None:
        if actor_id is None or actor_id in wanted or actor_id not in declared:
            return
        wanted.add(actor_id)
        actor = declared[actor_id]
        for ref in (actor.country, *actor.same_as):
            add(ref)

    add(doc.publisher)
    for record in records:
        for citation in record.citations:
            add(citation.outlet)
        if isinstance(record, Event):
            for p in record.participants:
                add(p.actor)
            add(record.place)
        elif isinstance(record, Affiliation):
            for ref in (record.holder, record.organization, record.accredited_to):
                add(ref)
        else:
            add(record.holder)
            add(record.target)
    return [a for a in declared.values() if a.id in wanted]


# -- records as YAML trees -----------------------------------------------------------------
class _Flow(dict[str, Any]):
    """A mapping written on one line (``{id: russia, label: Russia, ...}``)."""


class _Dumper(yaml.SafeDumper):
    """Lists indented under their key, as in the curated files."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


def _represent_text(dumper: yaml.SafeDumper, data: str) -> yaml.ScalarNode:
    # YAML reads these as line breaks in plain and single-quoted scalars; only the
    # double-quoted style escapes them
    style = '"' if any(c in data for c in "\x85\u2028\u2029\ufeff") else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", data, style=style)


_Dumper.add_representer(str, _represent_text)
_Dumper.add_representer(
    _Flow, lambda dumper, data: dumper.represent_mapping("tag:yaml.org,2002:map", data,
                                                         flow_style=True))


def _compact(pairs: Iterable[tuple[str, Any]], flow: bool = False) -> dict[str, Any]:
    out: dict[str, Any] = _Flow() if flow else {}
    for key, value in pairs:
        if value is None or value == () or value == []:
            continue
        out[key] = list(value) if isinstance(value, tuple) else value
    return out


def _time_tree(span: TimeSpan, field: str, anchor: TimeSpan | None) -> Any:
    form = yaml_time(span, field, anchor)
    return _Flow(form) if isinstance(form, dict) else form


def _document_tree(doc: Document, text_file: str) -> dict[str, Any]:
    return _compact([
        ("id", doc.id), ("title", doc.title), ("text", text_file), ("publisher", doc.publisher),
        ("volume", doc.volume), ("issue", doc.issue), ("url", doc.url),
        ("published", _time_tree(doc.published, "document.published", None)),
        ("license", doc.license), ("attribution", doc.attribution),
    ])


def _actor_tree(actor: Actor) -> dict[str, Any]:
    return _compact([
        ("id", actor.id), ("label", actor.label), ("kind", actor.kind.value),
        ("wikidata", actor.wikidata), ("country", actor.country), ("aliases", actor.aliases),
        ("mentions", actor.mentions), ("note", actor.note), ("same_as", actor.same_as),
        ("inferred", _inferred_tree(actor.inferred)),
    ], flow=True)


def _extension_tree(actor: Actor, known: Actor) -> dict[str, Any] | None:
    """The entry adding to ``known`` (an actor of the base) the names and identifiers
    ``actor`` has beyond it, or ``None``."""
    tree = _compact([
        ("id", actor.id),
        ("wikidata", actor.wikidata if known.wikidata is None else None),
        ("country", actor.country if known.country is None else None),
        ("aliases", [n for n in actor.aliases if n not in known.names]),
        ("mentions", [n for n in actor.mentions if n not in known.mentions]),
        ("inferred", _inferred_tree(tuple(i for i in actor.inferred
                                          if i not in known.inferred))),
    ], flow=True)
    return tree if len(tree) > 1 else None


def _dump(tree: dict[str, Any]) -> str:
    return yaml.dump(tree, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=96)


def _hedges_tree(items: tuple[Hedge, ...]) -> list[Any]:
    return [h.phrase if h.confidence is None and not h.applies_to else _compact(
        [("phrase", h.phrase), ("confidence", h.confidence.value if h.confidence else None),
         ("applies_to", list(h.applies_to) or None)], flow=True) for h in items]


def _inferred_tree(items: tuple[Inference, ...]) -> list[dict[str, Any]]:
    return [_Flow(field=i.field, value=i.value, reason=i.reason) for i in items]


def _evidence_tree(items: tuple[Evidence, ...]) -> list[dict[str, Any]]:
    return [{"start": e.start, "quote": e.quote} for e in items]


def _citations_tree(items: tuple[Citation, ...], where: str, anchor: TimeSpan
                    ) -> list[dict[str, Any]]:
    return [_compact([
        ("outlet", c.outlet),
        ("date", None if c.date is None
         else _time_tree(c.date, f"{where}.citations[{i}].date", anchor)),
        ("note", c.note),
    ], flow=True) for i, c in enumerate(items)]


def _event_tree(event: Event, doc: Document) -> dict[str, Any]:
    where = f"events[{event.id!r}]"
    return _compact([
        ("id", event.id), ("same_as", event.same_as), ("type", event.type.value),
        ("cameo", event.cameo), ("label", event.label),
        ("aliases", event.aliases),
        ("participants", [_Flow(actor=p.actor, role=p.role.value) for p in event.participants]),
        ("place", event.place),
        ("when", _time_tree(event.when, f"{where}.when", doc.published)),
        ("status", event.status.value), ("part_of", event.part_of), ("about", event.about),
        ("wording", event.wording), ("hedges", _hedges_tree(event.hedges)),
        ("inferred", _inferred_tree(event.inferred)),
        ("evidence", _evidence_tree(event.evidence)),
        ("citations", _citations_tree(event.citations, where, doc.published)),
        ("note", event.note),
    ])


def _affiliation_tree(post: Affiliation, doc: Document) -> dict[str, Any]:
    where = f"affiliations[{post.id!r}]"
    return _compact([
        ("id", post.id), ("holder", post.holder), ("organization", post.organization),
        ("kind", post.kind.value), ("title", post.title), ("accredited_to", post.accredited_to),
        ("when", _time_tree(post.when, f"{where}.when", doc.published)),
        ("status", post.status.value), ("hedges", _hedges_tree(post.hedges)),
        ("inferred", _inferred_tree(post.inferred)), ("evidence", _evidence_tree(post.evidence)),
        ("citations", _citations_tree(post.citations, where, doc.published)),
        ("note", post.note),
    ])


def _stance_tree(stance: Stance, doc: Document) -> dict[str, Any]:
    where = f"stances[{stance.id!r}]"
    return _compact([
        ("id", stance.id), ("holder", stance.holder), ("attitude", stance.attitude.value),
        ("target", stance.target),
        ("when", _time_tree(stance.when, f"{where}.when", doc.published)),
        ("status", stance.status.value), ("expressed_in", stance.expressed_in),
        ("about", stance.about), ("hedges", _hedges_tree(stance.hedges)),
        ("inferred", _inferred_tree(stance.inferred)),
        ("evidence", _evidence_tree(stance.evidence)),
        ("citations", _citations_tree(stance.citations, where, doc.published)),
        ("note", stance.note),
    ])


# -- time forms ----------------------------------------------------------------------------
def _time_forms(span: TimeSpan, anchor: TimeSpan | None) -> Iterator[Any]:
    words = {k: v for k, v in (("phrase", span.phrase), ("resolution", span.resolution))
             if v is not None}
    relative = list(_relative_forms(span, anchor))
    # the article's own relative words first ("last week"), then plain dates
    yield from (form for key, form in relative if key == normalize(span.phrase or ""))
    iso = span.iso()
    if not words:
        yield iso
    yield {"date": iso, **words}
    if span.start_min is not None and span.end_max is not None:
        yield {"between": [str(span.start_min), str(span.end_max)], **words}
    if span.end_max is not None:
        yield {"before": str(span.end_max), **words}
    if span.start_min is not None:
        yield {"after": str(span.start_min), **words}
    if span.precision is Precision.HELD and span.start_max and span.end_min:
        first, last = str(span.start_max), str(span.end_min)
        for seen in ([first] if first == last else [first, last], ["publication"],
                     [first, "publication"]):
            yield {"held_at": seen, **words}
            if "resolution" in words:  # the loader's own "observed at ..." resolution
                yield {"held_at": seen, **{k: v for k, v in words.items() if k == "phrase"}}
    yield from (form for _, form in relative)
    yield {"start": [_day(span.start_min), _day(span.start_max)],
           "end": [_day(span.end_min), _day(span.end_max)], "precision": span.precision.value,
           **words}


def _relative_forms(span: TimeSpan, anchor: TimeSpan | None
                    ) -> Iterator[tuple[str, dict[str, Any]]]:
    if anchor is None or span.phrase is None or span.resolution is None:
        return
    for phrase in RELATIVE_PHRASES:
        try:
            resolved = TimeSpan.relative(phrase, anchor)
        except DataError:
            return
        if not resolved.same_time(span):
            continue
        form: dict[str, Any] = {"relative": phrase}
        if span.phrase != phrase:
            form["phrase"] = span.phrase
        if span.resolution != resolved.resolution:
            form["resolution"] = span.resolution
        yield phrase, form


def _day(value: Any) -> str | None:
    return None if value is None else str(value)
