"""The graph as RDF: deterministic export to Turtle, N-Triples, N-Quads, TriG and JSON-LD,
lossless import back into a :class:`~korea_graph.core.graph.KnowledgeGraph`, and rdflib.

Every node gets an IRI minted from record ids (participations, evidence spans, citations,
times included), percent-encoding every character outside ``A-Z a-z 0-9 - _ ~``, so
there are no blank nodes and the same graph always gives the same bytes. Text from the
data only ever lands in escaped literals. The export is written as text, sorted, without
going through rdflib; import parses with pyoxigraph.

>>> from korea_graph import load
>>> kg = load()
>>> ttl = to_rdf(kg, "turtle")
>>> ttl == to_rdf(kg, "turtle")                       # the same graph, the same bytes
True
>>> back = from_rdf(ttl, "turtle")
>>> back == kg and to_rdf(back, "turtle") == ttl      # lossless
True
>>> iri("actor", "kim-jong-il")
'https://w3id.org/korea-graph/id/actor/kim-jong-il'
>>> iri("actor", 'a "b"/c.d')
'https://w3id.org/korea-graph/id/actor/a%20%22b%22%2Fc%2Ed'
"""

from __future__ import annotations

import gc
import os
import re
from collections.abc import Callable, Generator, Iterable, Iterator
from contextlib import closing, contextmanager
from datetime import date
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar
from urllib.parse import quote, unquote

from ..core.graph import KnowledgeGraph
from ..core.model import (
    Actor,
    ActorKind,
    Affiliation,
    AffiliationKind,
    Attitude,
    Citation,
    Confidence,
    Document,
    Event,
    EventType,
    Evidence,
    Hedge,
    Inference,
    Participant,
    Role,
    SourceRecord,
    Stance,
    Status,
)
from ..core.relations import Relation, RelationType
from ..core.timespan import Precision, TimeSpan
from ..errors import (
    DataError,
    DateError,
    DependencyError,
    DuplicateIdError,
    ParseError,
    SchemaError,
    VocabularyError,
)
from ..eventdata.vocabulary import event_code
from ..files import atomic_open
from .ontology import (
    ID,
    KG,
    PREFIXES,
    actor_class,
    event_class,
    individual_iri,
    relation_property,
)

if TYPE_CHECKING:
    import rdflib

__all__ = ["FORMATS", "GRAPH_IRI", "Records", "document_graph_iri", "from_rdf", "group_quads",
           "iri", "rdf_chunks", "read_rdf", "read_records", "statements", "to_rdf",
           "to_rdflib", "write_rdf"]

#: Export formats and their usual file extensions.
FORMATS: dict[str, str] = {"turtle": ".ttl", "ntriples": ".nt", "nquads": ".nq", "trig": ".trig",
                           "jsonld": ".jsonld"}
_EXTENSIONS = {ext: fmt for fmt, ext in FORMATS.items()} | {".json": "jsonld", ".n3": "turtle"}
#: The named graph of the N-Quads and TriG exports that holds what is shared by the
#: documents: actors, the merged view of events several documents report, relations.
#: Each document's own records (its claims) are in :func:`document_graph_iri`.
GRAPH_IRI = ID + "graph"


def document_graph_iri(document_id: str) -> str:
    """The named graph of one document's records in the N-Quads and TriG exports.

    >>> document_graph_iri("monitor-6-129")
    'https://w3id.org/korea-graph/id/graph/document/monitor-6-129'
    """
    return f"{ID}graph/document/{_seg(document_id)}"

_RDF = PREFIXES["rdf"]
_XSD = PREFIXES["xsd"]
_TYPE = f"<{_RDF}type>"
_INT = f"^^<{_XSD}integer>"
_DATE = f"^^<{_XSD}date>"
_WIKIDATA = "http://www.wikidata.org/entity/"
_QID = re.compile(r"Q[1-9][0-9]*")


@cache
def _k(name: str) -> str:
    return f"<{KG}{name}>"


def _std(prefix: str, name: str) -> str:
    return f"<{PREFIXES[prefix]}{name}>"


_LABEL = _std("rdfs", "label")
_ALT = _std("skos", "altLabel")
_SAME = _std("owl", "sameAs")
_IDENT = _std("dcterms", "identifier")
_SEQ = _std("rdf", "Seq")
_BEGIN, _END = _std("time", "hasBeginning"), _std("time", "hasEnd")
_INSTANT, _IN_DATE = _std("time", "Instant"), _std("time", "inXSDDate")


@contextmanager
def gc_paused() -> Iterator[None]:
    """The cyclic garbage collector off for a bulk build: exports and imports make
    millions of small tuples and strings, none of them in a cycle, and the collector's
    passes over them took a fifth to a third of the time (docs/performance.md)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


# -- IRIs and terms --------------------------------------------------------------------------
def _seg(text: str) -> str:
    return quote(text, safe="", encoding="utf-8").replace(".", "%2E")


def iri(kind: str, record_id: str) -> str:
    """The IRI of a record: ``kind`` is document, actor, event, affiliation or stance."""
    return f"{ID}{kind}/{_seg(record_id)}"


_ESCAPES = {i: f"\\u{i:04X}" for i in range(0x20)} | {
    0x7F: "\\u007F", ord("\\"): "\\\\", ord('"'): '\\"', ord("\n"): "\\n", ord("\r"): "\\r",
    ord("\t"): "\\t", ord("\b"): "\\b", ord("\f"): "\\f"}
_NEEDS_ESCAPE = re.compile(r'[\x00-\x1f\x7f"\\]')


def _lit(text: str) -> str:
    if _NEEDS_ESCAPE.search(text):
        text = text.translate(_ESCAPES)
    return f'"{text}"'


def _int(value: int) -> str:
    return f'"{value}"{_INT}'


def _date(value: date) -> str:
    return f'"{value.isoformat()}"{_DATE}'


@cache
def _enum(kind: str, value: str) -> str:
    return f"<{individual_iri(kind, value)}>"


Triple = tuple[str, str, str]


# -- export: triples -------------------------------------------------------------------------
class _Builder:
    """Collects the triples of a graph as N-Triples terms."""

    def __init__(self, kg: KnowledgeGraph) -> None:
        self.kg = kg
        self.out: list[Triple] = []
        self.add = self.out.append
        self.segments: dict[str, str] = {}
        #: record path under ID (``event/x``, ``claim/doc/x``) -> its document's named graph
        self.graph_of: dict[str, str] = {}

    def seg(self, text: str) -> str:
        """:func:`_seg`, remembered: actor ids recur in every event and relation."""
        found = self.segments.get(text)
        if found is None:
            found = self.segments[text] = _seg(text)
        return found

    def iri(self, kind: str, record_id: str) -> str:
        return f"{ID}{kind}/{self.seg(record_id)}"

    def stream(self, size: int = 500_000) -> Iterator[list[Triple]]:
        """The triples in batches of about ``size``, record by record, unsorted and
        possibly repeated."""
        kg = self.kg
        actors, _, posts, stances = kg.given
        tables: list[tuple[Iterable[Any], Any]] = [
            (kg.documents.values(), self.document), (actors, self.actor),
            (self.event_records(), self.event_or_claim), (posts, self.affiliation),
            (stances, self.stance), (kg.all_relations, self.relation)]
        for records, write in tables:
            for n, record in enumerate(records):
                write(record, n)
                if len(self.out) >= size:
                    yield self.out
                    self.out = []
                    self.add = self.out.append
        if self.out:
            yield self.out

    def event_records(self) -> Iterator[tuple[Event, str | None]]:
        """Events as given, with the merged event id for the claims of an event several
        documents report (or that has another id, ``same_as``); then the merged views."""
        kg = self.kg
        claimed = {c.id: root for root, claims in kg.claims_by_event().items()
                   for c in claims}
        for event in kg.given[1]:
            yield event, claimed.get(event.id)
        for root in kg.claims_by_event():
            yield kg.events[root], None

    def place_in(self, path: str, record: Event | Affiliation | Stance) -> None:
        docs = {e.document for e in record.evidence}
        if len(docs) == 1:
            self.graph_of[path] = document_graph_iri(docs.pop())

    # pieces ---------------------------------------------------------------------------
    def opt(self, s: str, p: str, value: str | None) -> None:
        if value is not None:
            self.add((s, p, _lit(value)))

    def head(self, s: str, classes: Iterable[str], n: int, ident: str) -> None:
        for cls in classes:
            self.add((s, _TYPE, _k(cls)))
        self.add((s, _k("position"), _int(n)))
        self.add((s, _IDENT, _lit(ident)))

    def time(self, node: str, span: TimeSpan) -> str:
        s = f"<{node}>"
        add = self.add
        add((s, _TYPE, _k("TimeSpan")))
        for name, bound in (("startMin", span.start_min), ("startMax", span.start_max),
                            ("endMin", span.end_min), ("endMax", span.end_max)):
            if bound is not None:
                add((s, _k(name), _date(bound)))
        add((s, _k("precision"), _enum("precision", span.precision.value)))
        self.opt(s, _k("phrase"), span.phrase)
        self.opt(s, _k("resolution"), span.resolution)
        add((s, _k("iso"), _lit(span.iso())))
        for prop, suffix, low, high in ((_BEGIN, "/start", span.start_min, span.start_max),
                                        (_END, "/end", span.end_min, span.end_max)):
            if low is not None and low == high:
                instant = f"<{node}{suffix}>"
                add((s, prop, instant))
                add((instant, _TYPE, _INSTANT))
                add((instant, _IN_DATE, _date(low)))
        return s

    def seq(self, s: str, node: str, prop: str, items: Iterable[str]) -> None:
        seq = f"<{node}>"
        self.add((s, _k(prop), seq))
        self.add((seq, _TYPE, _SEQ))
        for index, item in enumerate(items, 1):
            self.add((seq, f"<{_RDF}_{index}>", item))

    def aliases(self, s: str, node: str, aliases: tuple[str, ...]) -> None:
        if not aliases:
            return
        literals = [_lit(a) for a in aliases]
        self.seq(s, node + "/aliases", "aliases", literals)
        for literal in literals:
            self.add((s, _ALT, literal))

    def about(self, s: str, node: str, about: tuple[str, ...]) -> None:
        if not about:
            return
        targets = [f"<{self.iri('event', e)}>" for e in about]
        self.seq(s, node + "/about", "about", targets)
        for target in targets:
            self.add((s, _k("refersTo"), target))

    def provenance(self, s: str, node: str, evidence: tuple[Evidence, ...],
                   citations: tuple[Citation, ...]) -> None:
        add = self.add
        for n, ev in enumerate(evidence):
            e = f"<{node}/evidence/{n}>"
            add((s, _k("evidence"), e))
            add((e, _TYPE, _k("Evidence")))
            add((e, _k("position"), _int(n)))
            add((e, _k("document"), f"<{self.iri('document', ev.document)}>"))
            add((e, _k("start"), _int(ev.start)))
            add((e, _k("end"), _int(ev.end)))
            add((e, _k("quote"), _lit(ev.quote)))
            add((e, _k("paragraph"), _int(ev.paragraph)))
        for n, cit in enumerate(citations):
            c = f"{node}/citation/{n}"
            add((s, _k("citation"), f"<{c}>"))
            add((f"<{c}>", _TYPE, _k("Citation")))
            add((f"<{c}>", _k("position"), _int(n)))
            outlet = f"<{self.iri('actor', cit.outlet)}>"
            add((f"<{c}>", _k("outlet"), outlet))
            add((s, _k("citedOutlet"), outlet))
            if cit.date is not None:
                add((f"<{c}>", _k("date"), self.time(c + "/date", cit.date)))
            self.opt(f"<{c}>", _k("note"), cit.note)

    def record(self, s: str, node: str, when: TimeSpan, status: Status,
               evidence: tuple[Evidence, ...], citations: tuple[Citation, ...],
               note: str | None, hedges: tuple[Hedge, ...] = (),
               inferred: tuple[Inference, ...] = ()) -> None:
        add = self.add
        add((s, _k("when"), self.time(node + "/time", when)))
        add((s, _k("status"), _enum("status", status.value)))
        self.provenance(s, node, evidence, citations)
        self.opt(s, _k("note"), note)
        for n, hedge in enumerate(hedges):
            h = f"<{node}/hedge/{n}>"
            add((s, _k("hedge"), h))
            add((h, _TYPE, _k("Hedge")))
            add((h, _k("position"), _int(n)))
            self.opt(h, _k("hedgePhrase"), hedge.phrase)
            if hedge.confidence is not None:
                add((h, _k("confidence"), _enum("confidence", hedge.confidence.value)))
            for part in hedge.applies_to:
                add((h, _k("hedgeAppliesTo"), _k(relation_property(RelationType(part)))))
        self.inferences(s, node, inferred)

    def inferences(self, s: str, node: str, inferred: tuple[Inference, ...]) -> None:
        """What a record's evidence does not word, or an actor's aliases no document words:
        one kg:Inference node each, with its field, value and reason."""
        add = self.add
        for n, inference in enumerate(inferred):
            i = f"<{node}/inferred/{n}>"
            add((s, _k("inferred"), i))
            add((i, _TYPE, _k("Inference")))
            add((i, _k("position"), _int(n)))
            add((i, _k("inferredField"), _lit(inference.field)))
            add((i, _k("inferredValue"), _lit(inference.value)))
            add((i, _k("reason"), _lit(inference.reason)))

    # records --------------------------------------------------------------------------
    def document(self, doc: Document, n: int) -> None:
        node = self.iri("document", doc.id)
        self.graph_of[f"document/{self.seg(doc.id)}"] = document_graph_iri(doc.id)
        s = f"<{node}>"
        self.head(s, ("Document",), n, doc.id)
        self.opt(s, _k("license"), doc.license)
        self.opt(s, _k("attribution"), doc.attribution)
        self.add((s, _k("title"), _lit(doc.title)))
        self.add((s, _k("publisher"), f"<{self.iri('actor', doc.publisher)}>"))
        self.add((s, _k("published"), self.time(node + "/published", doc.published)))
        self.add((s, _k("text"), _lit(doc.text)))
        self.opt(s, _k("url"), doc.url)
        self.opt(s, _k("volume"), doc.volume)
        self.opt(s, _k("issue"), doc.issue)
        self.opt(s, _k("textFile"), doc.text_file)

    def actor(self, actor: Actor, n: int) -> None:
        node = self.iri("actor", actor.id)
        s = f"<{node}>"
        self.head(s, ("Actor", actor_class(actor.kind)), n, actor.id)
        self.add((s, _LABEL, _lit(actor.label)))
        self.aliases(s, node, actor.aliases)
        if actor.wikidata is not None:
            self.add((s, _k("wikidata"), _lit(actor.wikidata)))
            if _QID.fullmatch(actor.wikidata):
                self.add((s, _SAME, f"<{_WIKIDATA}{actor.wikidata}>"))
        if actor.country is not None:
            self.add((s, _k("country"), f"<{self.iri('actor', actor.country)}>"))
        self.opt(s, _k("note"), actor.note)
        for target in actor.same_as:  # a local link, not owl:sameAs (docs/linked-data.md)
            self.add((s, _k("sameAsRecord"), f"<{self.iri('actor', target)}>"))
        if actor.mentions:
            self.seq(s, node + "/mentions", "mentions", [_lit(m) for m in actor.mentions])
        self.inferences(s, node, actor.inferred)

    def event_or_claim(self, item: tuple[Event, str | None], n: int) -> None:
        event, root = item
        if root is None:
            self.event(event, n)
            return
        # one source's report of an event: in its document's graph, linked to the merged
        # view (kg:claimOf), typed kg:Claim so that "?e a kg:Event" counts events once
        doc = event.evidence[0].document
        path = f"claim/{self.seg(doc)}/{self.seg(event.id)}"
        self.graph_of[path] = document_graph_iri(doc)
        node = f"{ID}{path}"
        merged = f"<{self.iri('event', root)}>"
        self.add((merged, _k("hasClaim"), f"<{node}>"))
        self.event(event, n, claim=(node, merged))

    def event(self, event: Event, n: int, *, claim: tuple[str, str] | None = None) -> None:
        """An event, or with ``claim`` (its node, the merged event's term) one source's
        report of it."""
        add = self.add
        if claim is None:
            node = self.iri("event", event.id)
            s = f"<{node}>"
            self.head(s, ("Event", event_class(event.type)), n, event.id)
            if event.id not in self.kg.claims_by_event():
                self.place_in(f"event/{self.seg(event.id)}", event)
        else:
            node, merged = claim
            s = f"<{node}>"
            self.head(s, ("Claim",), n, event.id)
            add((s, _k("claimType"), _k(event_class(event.type))))
            add((s, _k("claimOf"), merged))
            add((s, _k("claimedIn"), f"<{self.iri('document', event.evidence[0].document)}>"))
        add((s, _LABEL, _lit(event.label)))
        self.opt(s, _k("wording"), event.wording)
        for target in event.same_as:
            add((s, _k("sameAsRecord"), f"<{self.iri('event', target)}>"))
        for i, part in enumerate(event.participants):
            p = f"<{node}/participant/{i}>"
            actor = f"<{self.iri('actor', part.actor)}>"
            add((s, _k("hasParticipation"), p))
            add((p, _TYPE, _k("Participation")))
            add((p, _k("position"), _int(i)))
            add((p, _k("actor"), actor))
            add((p, _k("role"), _enum("role", part.role.value)))
            add((s, _k("involves"), actor))
        self.record(s, node, event.when, event.status, event.evidence, event.citations,
                    event.note, event.hedges, event.inferred)
        if event.place is not None:
            add((s, _k("place"), f"<{self.iri('actor', event.place)}>"))
        if event.part_of is not None:
            add((s, _k("partOf"), f"<{self.iri('event', event.part_of)}>"))
        self.about(s, node, event.about)
        self.aliases(s, node, event.aliases)
        self.opt(s, _k("cameo"), event.cameo)
        code = event_code(event)
        if code is not None:
            add((s, _k("codedAs"), f"<{PREFIXES['cameo']}{self.seg(code.cameo)}>"))
        for i, src in enumerate(event.sources):
            r = f"<{node}/source/{i}>"
            add((s, _k("source"), r))
            add((r, _TYPE, _k("SourceRecord")))
            add((r, _k("position"), _int(i)))
            add((r, _k("dataset"), _lit(src.dataset)))
            add((r, _k("rowId"), _lit(src.row_id)))
            self.opt(r, _k("file"), src.file)
            if src.line is not None:
                add((r, _k("line"), _int(src.line)))
            self.opt(r, _k("storyId"), src.story_id)
            if src.sentence is not None:
                add((r, _k("sentence"), _int(src.sentence)))
            self.opt(r, _k("sourcePublisher"), src.publisher)
            self.opt(r, _k("url"), src.url)

    def affiliation(self, post: Affiliation, n: int) -> None:
        node = self.iri("affiliation", post.id)
        self.place_in(f"affiliation/{self.seg(post.id)}", post)
        s = f"<{node}>"
        self.head(s, ("Affiliation",), n, post.id)
        self.add((s, _k("holder"), f"<{self.iri('actor', post.holder)}>"))
        self.add((s, _k("organization"), f"<{self.iri('actor', post.organization)}>"))
        self.add((s, _k("affiliationKind"), _enum("affiliation", post.kind.value)))
        self.record(s, node, post.when, post.status, post.evidence, post.citations, post.note,
                    post.hedges, post.inferred)
        self.opt(s, _k("postTitle"), post.title)
        if post.accredited_to is not None:
            self.add((s, _k("accreditation"), f"<{self.iri('actor', post.accredited_to)}>"))

    def stance(self, stance: Stance, n: int) -> None:
        node = self.iri("stance", stance.id)
        self.place_in(f"stance/{self.seg(stance.id)}", stance)
        s = f"<{node}>"
        self.head(s, ("Stance",), n, stance.id)
        self.add((s, _k("holder"), f"<{self.iri('actor', stance.holder)}>"))
        self.add((s, _k("attitude"), _enum("attitude", stance.attitude.value)))
        self.add((s, _k("target"), f"<{self.iri('actor', stance.target)}>"))
        self.record(s, node, stance.when, stance.status, stance.evidence, stance.citations,
                    stance.note, stance.hedges, stance.inferred)
        if stance.expressed_in is not None:
            self.add((s, _k("expressedIn"), f"<{self.iri('event', stance.expressed_in)}>"))
        self.about(s, node, stance.about)

    def relation(self, rel: Relation, _: int) -> None:
        kg, add, seg = self.kg, self.add, self.seg
        # the shortcut triple and the reified relation node
        kind = ("event" if rel.record in kg.events
                else "affiliation" if rel.record in kg.affiliations else "stance")
        record = self.iri(kind, rel.record)
        source = f"<{self.iri('actor', rel.source)}>"
        target = f"<{self.iri('actor', rel.target)}>"
        prop = _k(relation_property(rel.type))
        add((source, prop, target))
        ends = f"{seg(rel.record)}/{rel.type.value}/{seg(rel.source)}/{seg(rel.target)}"
        r = f"<{ID}relation/{ends}>"
        add((r, _TYPE, _k("Relation")))
        add((r, _k("relationType"), prop))
        add((r, _k("from"), source))
        add((r, _k("to"), target))
        add((r, _k("derivedFrom"), f"<{record}>"))
        add((r, _k("when"), f"<{record}/time>"))
        add((r, _k("status"), _enum("status", rel.status.value)))


Group = tuple[str, list[tuple[str, str]]]
#: a subject and its predicates and objects in turn, unsorted: 16 bytes a triple where a
#: list of pairs takes 80, so the whole graph waits in this form and each subject is
#: sorted into a :data:`Group` only when its turn to be written comes (:func:`_drain`)
_Raw = tuple[str, list[str]]


def grouped(kg: KnowledgeGraph) -> list[Group]:
    """The distinct triples of the graph by subject: subjects in IRI order (a node before
    its sub-nodes), each with its sorted ``(predicate, object)`` pairs, ``rdf:type`` first.
    Sorting per subject is much cheaper than sorting all triples."""
    with gc_paused():
        return list(_each(_grouped(kg)[0]))


def _grouped(kg: KnowledgeGraph) -> tuple[list[_Raw], dict[str, str]]:
    """The subjects in order with their triples, and each record's named graph
    (:attr:`_Builder.graph_of`)."""
    groups: dict[str, list[str]] = {}
    get = groups.get
    # one string per distinct object: the builder makes an IRI afresh each time it is used
    same: dict[str, str] = {}
    one = same.setdefault
    builder = _Builder(kg)
    # batch by batch: the builder's list of every triple is never held beside the groups
    for batch in builder.stream():
        for s, p, o in batch:
            flat = get(s)
            if flat is None:
                groups[s] = [p, one(o, o)]
            else:
                flat += (p, one(o, o))
    same.clear()
    take = groups.pop
    return [(s, take(s)) for s in sorted(groups, key=_subject_key)], builder.graph_of


def _sorted(flat: list[str]) -> list[tuple[str, str]]:
    """A subject's distinct pairs, sorted, ``rdf:type`` first."""
    it = iter(flat)
    pairs = sorted(set(zip(it, it, strict=True)))
    types = [pair for pair in pairs if pair[0] == _TYPE]
    if types:
        pairs = types + [pair for pair in pairs if pair[0] != _TYPE]
    return pairs


def _graph_of(subject: str, graphs: dict[str, str]) -> str:
    """The named graph of a subject: its record's document graph, else :data:`GRAPH_IRI`."""
    if not graphs or not subject.startswith("<" + ID):
        return GRAPH_IRI
    parts = subject[len(ID) + 1:-1].split("/", 3)
    key = "/".join(parts[:3] if parts[0] == "claim" else parts[:2])
    return graphs.get(key, GRAPH_IRI)


def _subject_key(subject: str) -> str:
    return subject[:-1]


def statements(kg: KnowledgeGraph, *, graph: str | None = None, batch: int = 500_000
               ) -> Iterator[bytes]:
    """The graph's triples as N-Triples (or, with ``graph``, N-Quads in that named graph)
    in UTF-8 batches of about ``batch`` lines, for loading into a store: the triples of
    :func:`to_rdf`, unsorted and possibly repeated (a store keeps each once), so nothing
    is grouped or sorted and only one batch is in memory at a time.

    >>> from korea_graph import load
    >>> import pyoxigraph
    >>> store = pyoxigraph.Store()
    >>> for data in statements(load()):
    ...     store.bulk_load(data, pyoxigraph.RdfFormat.N_TRIPLES)
    >>> len(store) == len(triples(load()))
    True
    """
    end = " .\n" if graph is None else f" <{graph}> .\n"
    with gc_paused():
        for triples in _Builder(kg).stream(batch):
            yield "".join([f"{s} {p} {o}{end}" for s, p, o in triples]).encode("utf-8")


def group_quads(kg: KnowledgeGraph, graphs: dict[str, str], merged: str) -> bytes:
    """N-Quads of a graph of several documents for a store: each document's records in
    ``graphs[document id]`` with the actors (so that each graph reads back alone), and the
    shared rest (actors, the merged view of events, relations) in ``merged``."""
    raw, graph_of = _grouped(kg)
    home = {document_graph_iri(d): g for d, g in graphs.items()}
    everywhere = [*graphs.values(), merged]
    actor = f"<{ID}actor/"
    lines: list[str] = []
    for s, pairs in _each(raw):
        target = home.get(_graph_of(s, graph_of))
        names = [target] if target is not None else everywhere if s.startswith(actor) \
            else [merged]
        lines += [f"{s} {p} {o} <{g}> .\n" for g in names for p, o in pairs]
    return "".join(lines).encode("utf-8")


def triples(kg: KnowledgeGraph) -> list[Triple]:
    """The distinct triples of the graph as N-Triples terms, in export order."""
    return [(s, p, o) for s, pairs in grouped(kg) for p, o in pairs]


# -- export: serialisation -------------------------------------------------------------------
_PN_LOCAL = re.compile(r"[A-Za-z0-9_](?:[A-Za-z0-9_.-]*[A-Za-z0-9_-])?")
_TTL_PREFIXES = sorted(PREFIXES.items(), key=lambda item: -len(item[1]))


def _turtle_term(term: str) -> str:
    if term.startswith("<"):
        value = term[1:-1]
        if value.startswith(ID):
            return f"<{value[len(ID):]}>"
        for prefix, ns in _TTL_PREFIXES:
            if value.startswith(ns) and _PN_LOCAL.fullmatch(value[len(ns):]):
                return f"{prefix}:{value[len(ns):]}"
        return term
    if term.endswith(_INT):
        return term[1:-len(_INT) - 1]
    if term.endswith(_DATE):
        return term[:-len(_DATE)] + "^^xsd:date"
    return term


def _turtle_body(groups: list[_Raw], indent: str = "") -> Iterator[str]:
    """The Turtle blocks of ``groups`` (emptied as it goes), a blank line between two,
    joined in chunks of :data:`_CHUNK` subjects."""
    # Terms are shortened inline (this loop runs once per triple): plain strings stay as
    # they are, IRIs of records lose the @base, the few others are looked up once each.
    cache: dict[str, str] = {_TYPE: "a"}
    get = cache.get
    ours, cut = f"<{ID}", len(ID) + 1

    def term(t: str) -> str:
        found = cache[t] = _turtle_term(t)
        return found

    pad = f"\n{indent}    "
    first = True
    for part in _drain(groups):
        blocks: list[str] = []
        add = blocks.append
        for subject, pairs in part:
            parts = [indent, "<" + subject[cut:] if subject.startswith(ours) else
                     get(subject) or term(subject)]
            extend = parts.extend
            predicate = None
            for p, o in pairs:
                if o[-1] != '"':
                    o = "<" + o[cut:] if o.startswith(ours) else get(o) or term(o)
                if p != predicate:
                    extend((" ;" if predicate is not None else "", pad, get(p) or term(p),
                            " ", o))
                    predicate = p
                else:
                    extend((", ", o))
            parts.append(" .\n")
            add("".join(parts))
        yield ("" if first else "\n") + "\n".join(blocks)
        first = False


#: subjects per chunk of export text (about 0.4-1.5 MB of text at the generated graphs)
_CHUNK = 5_000


def _drain(groups: list[_Raw]) -> Iterator[list[Group]]:
    """``groups`` in order, :data:`_CHUNK` at a time, each slice sorted and removed from
    the list before it is handed out: an export holds the triples it has not written yet
    and the text it has, never both of the whole graph."""
    size = _CHUNK
    groups.reverse()
    while groups:
        part = groups[-size:]
        del groups[-size:]
        yield [(s, _sorted(flat)) for s, flat in reversed(part)]


def _each(groups: list[_Raw]) -> Iterator[Group]:
    """:func:`_drain`'s groups one by one."""
    for part in _drain(groups):
        yield from part


def _header() -> str:
    return f"@base <{ID}> .\n" + "".join(f"@prefix {p}: <{ns}> ." + "\n"
                                         for p, ns in PREFIXES.items())


def to_rdf(kg: KnowledgeGraph, format: str = "turtle") -> str:
    """The graph as RDF text: ``turtle``, ``ntriples``, ``nquads``, ``trig`` or ``jsonld``.

    The output is deterministic: the same graph always gives the same text.
    """
    return "".join(rdf_chunks(kg, format))


def rdf_chunks(kg: KnowledgeGraph, format: str = "turtle") -> Generator[str, None, None]:
    """The text of :func:`to_rdf` in pieces of a few thousand subjects, for writing a large
    graph without holding its whole text (``"".join`` of them is :func:`to_rdf`; JSON-LD
    comes as one piece). Each piece's triples are let go once it is written. The cyclic
    garbage collector stays paused (:func:`gc_paused`) until the last piece is read or
    the iterator is dropped.

    >>> from korea_graph import load
    >>> kg = load()
    >>> "".join(rdf_chunks(kg, "ntriples")) == to_rdf(kg, "ntriples")
    True
    """
    return _chunks(kg, _format_name(format))


def _chunks(kg: KnowledgeGraph, fmt: str) -> Generator[str, None, None]:
    with gc_paused():
        groups, graphs = _grouped(kg)
        yield from _serialize(groups, graphs, fmt)


def _serialize(groups: list[_Raw], graphs: dict[str, str], fmt: str) -> Iterator[str]:
    if fmt == "ntriples":
        for part in _drain(groups):
            yield "".join([f"{s} {p} {o} .\n" for s, pairs in part for p, o in pairs])
    elif fmt == "nquads":
        for part in _drain(groups):
            yield "".join([line for s, pairs in part for line in _quad_lines(s, pairs, graphs)])
    elif fmt == "jsonld":
        data = [(s, p, o) for s, pairs in _each(groups) for p, o in pairs]
        yield _jsonld(data)
    elif fmt == "turtle":
        yield _header() + "\n"
        yield from _turtle_body(groups)
    else:
        # TriG: the shared graph first, then one graph per document, in IRI order
        by_graph: dict[str, list[_Raw]] = {}
        for group in groups:
            by_graph.setdefault(_graph_of(group[0], graphs), []).append(group)
        groups.clear()
        yield _header()
        for g in sorted(by_graph, key=lambda g: (g != GRAPH_IRI, g)):
            yield f"\n<{g[len(ID):]}> {{\n"
            yield from _turtle_body(by_graph.pop(g), "    ")
            yield "}\n"


def _quad_lines(s: str, pairs: list[tuple[str, str]], graphs: dict[str, str]) -> list[str]:
    end = f" <{_graph_of(s, graphs)}> .\n"
    return [f"{s} {p} {o}{end}" for p, o in pairs]


def _jsonld(data: list[Triple]) -> str:
    import json

    nodes: dict[str, dict[str, list[dict[str, str]]]] = {}
    types: dict[str, list[str]] = {}
    for s, p, o in data:
        subject = s[1:-1]
        node = nodes.setdefault(subject, {})
        if p == _TYPE:
            types.setdefault(subject, []).append(o[1:-1])
            continue
        value: dict[str, str]
        if o.startswith("<"):
            value = {"@id": o[1:-1]}
        else:
            lexical, _, datatype = o.rpartition('"')
            text = json.loads(lexical + '"') if "\\" in lexical else lexical[1:]
            value = {"@value": text}
            if datatype:
                value["@type"] = datatype[3:-1]
        node.setdefault(p[1:-1], []).append(value)
    graph = []
    for subject, props in nodes.items():
        entry: dict[str, Any] = {"@id": subject}
        if subject in types:
            entry["@type"] = types[subject]
        entry.update(props)
        graph.append(entry)
    return json.dumps({"@graph": graph}, ensure_ascii=False, indent=1) + "\n"


def _format_name(format: str) -> str:
    fmt = format.lower().replace("-", "").replace("_", "")
    fmt = {"ttl": "turtle", "nt": "ntriples", "nq": "nquads", "json": "jsonld"}.get(fmt, fmt)
    if fmt not in FORMATS:
        raise DataError(f"unknown RDF format {format!r}", field="format",
                        expected="one of " + ", ".join(FORMATS))
    return fmt


def format_of(path: str | os.PathLike[str]) -> str:
    """The RDF format a file name implies (``.ttl`` is turtle...)."""
    suffix = Path(path).suffix.lower()
    if suffix not in _EXTENSIONS:
        raise DataError(f"cannot tell the RDF format of {str(path)!r}", field="format",
                        expected="a file ending " + ", ".join(sorted(_EXTENSIONS)))
    return _EXTENSIONS[suffix]


def write_rdf(kg: KnowledgeGraph, path: str | os.PathLike[str], format: str | None = None
              ) -> Path:
    """Write the graph to ``path`` (format from the extension unless given)."""
    path = Path(path)
    # chunk by chunk: a large graph's text is never held whole; a failure (a lone
    # surrogate, a full disk) leaves the old file as it was
    with closing(rdf_chunks(kg, format or format_of(path))) as chunks, \
            atomic_open(path, "wb") as handle:
        for chunk in chunks:
            handle.write(chunk.encode("utf-8"))
    return path


# -- import ----------------------------------------------------------------------------------
_OX_FORMATS = {"turtle": "TURTLE", "ntriples": "N_TRIPLES", "nquads": "N_QUADS", "trig": "TRIG",
               "jsonld": "JSON_LD"}


def read_rdf(path: str | os.PathLike[str], format: str | None = None, *,
             allow_empty: bool = False) -> KnowledgeGraph:
    """Read a graph from an RDF file written by :func:`to_rdf` (format from the extension
    unless given)."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise DataError(f"cannot read: {exc.strerror or exc}", file=str(path),
                        expected="an RDF file") from exc
    with gc_paused():
        return _Reader(_parse(data, format or format_of(path), str(path)), str(path),
                       allow_empty).read()


def from_rdf(data: str | bytes | os.PathLike[str], format: str = "turtle", *,
             allow_empty: bool = False) -> KnowledgeGraph:
    """Read a graph back from RDF text (or bytes) written by :func:`to_rdf`; a path reads
    the file. Malformed RDF raises :class:`~korea_graph.errors.ParseError` with its line;
    RDF that does not describe a graph raises another :class:`~korea_graph.errors.DataError`:
    RDF without korea_graph records (another vocabulary, an empty file unless
    ``allow_empty``), references to records it does not describe (a file cut short),
    evidence that is not its document's text.

    >>> from_rdf('<a> <b> "unterminated .', "turtle")
    Traceback (most recent call last):
    ...
    korea_graph.errors.ParseError: line 1: malformed turtle: ...
    """
    if isinstance(data, os.PathLike):
        return read_rdf(data, format, allow_empty=allow_empty)
    raw = data.encode("utf-8") if isinstance(data, str) else data
    with gc_paused():
        return _Reader(_parse(raw, format, None), None, allow_empty).read()


_Node = dict[str, list[Any]]
#: documents, actors, events, affiliations and stances read from RDF
Records = tuple[list[Document], list[Actor], list[Event], list[Affiliation], list[Stance]]


def read_records(data: bytes, format: str) -> Records:
    """The records of RDF written by :func:`to_rdf` (or one named graph of a store), as
    given: a part of a graph whose references may point at records of other parts."""
    with gc_paused():
        return _Reader(_parse(data, format, None), None).records()


def _parse(data: bytes, format: str, file: str | None) -> dict[str, _Node]:
    """Subject IRI -> predicate IRI -> objects (IRI strings or pyoxigraph literals)."""
    fmt = _format_name(format)
    try:
        import pyoxigraph as ox
    except ImportError as exc:
        raise DependencyError("reading RDF needs pyoxigraph: pip install "
                              "'korea_graph[fast]'") from exc
    nodes: dict[str, _Node] = {}
    named, literal = ox.NamedNode, ox.Literal
    skip = _DERIVED
    try:
        for quad in ox.parse(data, format=getattr(ox.RdfFormat, _OX_FORMATS[fmt]), base_iri=ID):
            p = quad.predicate.value
            if p in skip:  # derived triples are rebuilt from the records, not read
                continue
            s = quad.subject
            key = s.value if type(s) is named else f"_:{s}"
            o = quad.object
            kind = type(o)
            value = o.value if kind is named else o if kind is literal else str(o)
            node = nodes.get(key)
            if node is None:
                nodes[key] = {p: [value]}
                continue
            values = node.get(p)
            if values is None:
                node[p] = [value]
            else:
                values.append(value)
    except SyntaxError as exc:
        message = str(exc.msg if hasattr(exc, "msg") else exc)
        raise ParseError(f"malformed {fmt}: {message}", file=file, line=exc.lineno,
                         field=None if exc.lineno else f"the {fmt} text",
                         expected=f"well-formed {fmt}") from None
    return nodes


#: Predicates of derived triples (shortcuts, relations, OWL-Time instants): import skips them.
_DERIVED = frozenset(
    [KG + name for name in ("involves", "citedOutlet", "refersTo", "codedAs", "iso",
                            "relationType", "from", "to", "derivedFrom")]
    + [KG + relation_property(t) for t in RelationType]
    + [_ALT[1:-1], _BEGIN[1:-1], _END[1:-1], _IN_DATE[1:-1]])


def _reverse(kind: str, enum: Iterable[Any]) -> dict[str, Any]:
    return {individual_iri(kind, m.value): m for m in enum}


_STATUS = _reverse("status", Status)
_ROLE = _reverse("role", Role)
_PRECISION = _reverse("precision", Precision)
_AFFILIATION = _reverse("affiliation", AffiliationKind)
_ATTITUDE = _reverse("attitude", Attitude)
_CONFIDENCE = _reverse("confidence", Confidence)
_ACTOR_KIND = {KG + actor_class(k): k for k in ActorKind}
_EVENT_TYPE = {KG + event_class(t): t for t in EventType}
_RELATION_TYPE = {KG + relation_property(t): t for t in RelationType}
_P = {name: KG + name for name in (
    "position", "when", "status", "evidence", "citation", "note", "aliases", "wikidata",
    "country", "title", "publisher", "published", "text", "url", "volume", "issue", "textFile",
    "document", "start", "end", "quote", "paragraph", "outlet", "date", "source", "dataset",
    "rowId", "file", "line", "storyId", "sentence", "sourcePublisher", "hasParticipation",
    "actor", "role", "place", "partOf", "about", "cameo", "holder", "organization",
    "affiliationKind", "postTitle", "accreditation", "attitude", "target", "expressedIn",
    "startMin", "startMax", "endMin", "endMax", "precision", "phrase", "resolution",
    "hedge", "hedgePhrase", "hedgeAppliesTo", "confidence", "inferred", "inferredField",
    "inferredValue",
    "reason", "mentions", "license", "attribution", "wording", "hasClaim", "claimType",
    "claimOf", "claimedIn", "sameAsRecord")}
_RDF_TYPE = _RDF + "type"
_RECORD_CLASSES = ("Document", "Actor", "Event", "Claim", "Affiliation", "Stance")
_SAME_IRI = PREFIXES["owl"] + "sameAs"
_IDENT_IRI = PREFIXES["dcterms"] + "identifier"
_LABEL_IRI = PREFIXES["rdfs"] + "label"


_Rec = TypeVar("_Rec", Document, Actor, Event, Affiliation, Stance)


class _Reader:
    """Builds model records from parsed nodes; every problem names the node and property."""

    def __init__(self, nodes: dict[str, _Node], file: str | None,
                 allow_empty: bool = False) -> None:
        self.nodes = nodes
        self.file = file
        self.allow_empty = allow_empty
        self.spans: dict[tuple[Any, ...], TimeSpan] = {}
        self.by_class: dict[str, list[str]] | None = None

    def fail(self, cls: type[DataError], subject: str, prop: str | None, message: str,
             expected: str | None = None) -> DataError:
        field = f"<{subject}>" + (f" {_short(prop)}" if prop else "")
        return cls(message, file=self.file, field=field, expected=expected)

    # values ---------------------------------------------------------------------------
    def values(self, s: str, prop: str) -> list[Any]:
        return self.nodes.get(s, {}).get(prop, [])

    def one(self, s: str, prop: str, *, optional: bool = False) -> Any:
        found = self.values(s, prop)
        if len(found) > 1:
            raise self.fail(SchemaError, s, prop, f"{len(found)} values", "at most one")
        if not found:
            if optional:
                return None
            raise self.fail(SchemaError, s, prop, "missing", "exactly one value")
        return found[0]

    def text(self, s: str, prop: str, *, optional: bool = False) -> Any:
        value = self.one(s, prop, optional=optional)
        if value is None:
            return None
        if isinstance(value, str) or value.datatype.value != _XSD + "string":
            raise self.fail(SchemaError, s, prop, f"not a string literal: {_show(value)}",
                            "a plain string literal")
        return value.value

    def integer(self, s: str, prop: str, *, optional: bool = False) -> Any:
        value = self.one(s, prop, optional=optional)
        if value is None:
            return None
        if isinstance(value, str) or value.datatype.value != _XSD + "integer":
            raise self.fail(SchemaError, s, prop, f"not an integer: {_show(value)}",
                            "an xsd:integer")
        try:
            return int(value.value)
        except ValueError:
            raise self.fail(SchemaError, s, prop, f"not an integer: {value.value!r}",
                            "an xsd:integer") from None

    def day(self, s: str, prop: str) -> date | None:
        value = self.one(s, prop, optional=True)
        if value is None:
            return None
        if isinstance(value, str) or value.datatype.value != _XSD + "date":
            raise self.fail(DateError, s, prop, f"not a date: {_show(value)}", "an xsd:date")
        try:
            return date.fromisoformat(value.value)
        except ValueError:
            raise self.fail(DateError, s, prop, f"not a real date: {value.value!r}",
                            "YYYY-MM-DD") from None

    def ref(self, s: str, prop: str, kind: str, *, optional: bool = False) -> Any:
        value = self.one(s, prop, optional=optional)
        return None if value is None else self.id_of(s, prop, value, kind)

    def id_of(self, s: str, prop: str, value: Any, kind: str) -> str:
        base = f"{ID}{kind}/"
        if not isinstance(value, str) or not value.startswith(base) or "/" in value[len(base):]:
            raise self.fail(SchemaError, s, prop, f"not a {kind} IRI: {_show(value)}",
                            f"an IRI {base}...")
        try:
            return unquote(value[len(base):], encoding="utf-8", errors="strict")
        except UnicodeDecodeError:
            raise self.fail(SchemaError, s, prop, f"the id in {_show(value)} is not UTF-8 "
                            "when %-decoded", "an IRI written by korea_graph") from None

    def enum(self, s: str, prop: str, table: dict[str, Any]) -> Any:
        value = self.one(s, prop)
        if value not in table:
            raise self.fail(VocabularyError, s, prop, f"unknown value {_show(value)}",
                            "one of " + ", ".join(_short(k) for k in table))
        return table[value]

    def ordered(self, s: str, prop: str) -> list[str]:
        """Item nodes of ``prop`` in the order of their kg:position."""
        items = self.values(s, prop)
        keyed = []
        for item in items:
            if not isinstance(item, str):
                raise self.fail(SchemaError, s, prop, f"not a node: {_show(item)}", "an IRI")
            keyed.append((self.integer(item, _P["position"]), item))
        keyed.sort()
        if [k for k, _ in keyed] != list(range(len(keyed))):
            raise self.fail(SchemaError, s, prop, "item positions are not 0, 1, 2, ...",
                            "consecutive kg:position values from 0")
        return [item for _, item in keyed]

    def seq(self, s: str, prop: str) -> list[Any]:
        node = self.one(s, prop, optional=True)
        if node is None:
            return []
        members = self.nodes.get(node, {})
        out = []
        index = 1
        while (key := f"{_RDF}_{index}") in members:
            out.append(self.one(node, key))
            index += 1
        extra = [p for p in members if p.startswith(_RDF + "_") and p != _RDF_TYPE]
        if len(extra) != len(out) or not out:
            raise self.fail(SchemaError, node, None, "members are not rdf:_1, rdf:_2, ...",
                            "a non-empty rdf:Seq numbered from 1")
        return out

    def strings(self, s: str, prop: str) -> tuple[str, ...]:
        out = []
        for item in self.seq(s, prop):
            if isinstance(item, str) or item.datatype.value != _XSD + "string":
                raise self.fail(SchemaError, s, prop, f"not a string: {_show(item)}", "strings")
            out.append(item.value)
        return tuple(out)

    def refs(self, s: str, prop: str, kind: str) -> tuple[str, ...]:
        return tuple(self.id_of(s, prop, v, kind) for v in self.seq(s, prop))

    # shared shapes --------------------------------------------------------------------
    def time(self, s: str, prop: str, *, optional: bool = False) -> TimeSpan | None:
        node = self.one(s, prop, optional=optional)
        if node is None:
            return None
        if not isinstance(node, str):
            raise self.fail(SchemaError, s, prop, f"not a node: {_show(node)}", "a kg:TimeSpan")
        p = _P
        try:
            fields = (self.day(node, p["startMin"]), self.day(node, p["startMax"]),
                      self.day(node, p["endMin"]), self.day(node, p["endMax"]),
                      self.enum(node, p["precision"], _PRECISION),
                      self.text(node, p["phrase"], optional=True),
                      self.text(node, p["resolution"], optional=True))
            span = self.spans.get(fields)  # many citations share a date: build it once
            if span is None:
                span = self.spans[fields] = TimeSpan(*fields)
            return span
        except DateError as exc:
            if exc.field:
                raise
            raise self.fail(DateError, node, None, exc.reason, exc.expected) from None

    def evidence(self, s: str) -> tuple[Evidence, ...]:
        p = _P
        return tuple(
            Evidence(self.ref(e, p["document"], "document"), self.integer(e, p["start"]),
                     self.integer(e, p["end"]), self.text(e, p["quote"]),
                     self.integer(e, p["paragraph"]))
            for e in self.ordered(s, p["evidence"]))

    def hedges(self, s: str) -> tuple[Hedge, ...]:
        p = _P
        out = []
        for h in self.ordered(s, p["hedge"]):
            phrase = self.text(h, p["hedgePhrase"], optional=True)
            confidence = (self.enum(h, p["confidence"], _CONFIDENCE)
                          if self.values(h, p["confidence"]) else None)
            if phrase is None and confidence is None:
                raise self.fail(SchemaError, h, None, "a hedge without phrase or confidence",
                                "kg:hedgePhrase and/or kg:confidence")
            on = []
            for prop in self.values(h, p["hedgeAppliesTo"]):
                if prop not in _RELATION_TYPE:
                    raise self.fail(VocabularyError, h, p["hedgeAppliesTo"],
                                    f"unknown relation type {_show(prop)}",
                                    "the direct property of a relation type (kg:discussed)")
                on.append(_RELATION_TYPE[prop].value)
            out.append(Hedge(phrase, confidence, tuple(on)))
        return tuple(out)

    def inferences(self, s: str) -> tuple[Inference, ...]:
        p = _P
        return tuple(
            Inference(self.text(i, p["inferredField"]), self.text(i, p["inferredValue"]),
                      self.text(i, p["reason"]))
            for i in self.ordered(s, p["inferred"]))

    def citations(self, s: str) -> tuple[Citation, ...]:
        p = _P
        return tuple(
            Citation(self.ref(c, p["outlet"], "actor"), self.time(c, p["date"], optional=True),
                     self.text(c, p["note"], optional=True))
            for c in self.ordered(s, p["citation"]))

    # records --------------------------------------------------------------------------
    def typed(self, cls: str) -> list[str]:
        """The nodes of a record class, in the order of their kg:position."""
        if self.by_class is None:
            wanted: dict[str, list[str]] = {KG + name: [] for name in _RECORD_CLASSES}
            for s, props in self.nodes.items():
                for t in props.get(_RDF_TYPE, ()):
                    if t in wanted:
                        wanted[t].append(s)
            self.by_class = wanted
        found = [(self.integer(s, _P["position"]), s) for s in self.by_class[KG + cls]]
        found.sort()
        return [s for _, s in found]

    def read(self) -> KnowledgeGraph:
        try:
            self.found()
            documents, actors, events, posts, stances = self.records()
            # the graph checks its records (references, kinds, evidence, same_as) as every
            # way of making a graph does: korea_graph.core.validate
            return _graph(documents=documents, actors=actors, events=events,
                          affiliations=posts, stances=stances)
        except DataError as exc:
            if exc.file is None and self.file is not None:
                raise type(exc)(exc.reason, file=self.file, line=exc.line, field=exc.field,
                                expected=exc.expected) from None
            raise

    def records(self) -> Records:
        """The records as given, not yet joined into a graph."""
        try:
            return (self.unique("Document", self.document), self.unique("Actor", self.actor),
                    self.events(), self.unique("Affiliation", self.affiliation),
                    self.unique("Stance", self.stance))
        except DataError as exc:
            if exc.file is None and self.file is not None:
                raise type(exc)(exc.reason, file=self.file, line=exc.line, field=exc.field,
                                expected=exc.expected) from None
            raise

    def unique(self, cls: str, read: Callable[[str], _Rec]) -> list[_Rec]:
        """The records of a class, read by ``read``; two subjects with one id refused."""
        out: list[_Rec] = []
        seen: dict[str, str] = {}
        for subject in self.typed(cls):
            record = read(subject)
            first = seen.setdefault(record.id, subject)
            if first != subject:
                raise self.fail(DuplicateIdError, subject, None, f"the {cls.lower()} id "
                                f"{record.id!r} is also the id of <{first}>", "one subject per id")
            out.append(record)
        return out

    def found(self) -> None:
        """Refuse RDF that holds no korea_graph record, saying what it holds instead."""
        if not self.nodes:
            if self.allow_empty:
                return
            raise ParseError("the RDF holds no triples", file=self.file, line=1,
                             expected="RDF written by korea_graph (to_rdf, export)")
        if any(self.typed(cls) for cls in _RECORD_CLASSES):
            return
        spaces: dict[str, int] = {}
        for props in self.nodes.values():
            for prop in props:
                cut = max(prop.rfind("#"), prop.rfind("/")) + 1
                spaces[prop[:cut]] = spaces.get(prop[:cut], 0) + 1
        seen = ", ".join(f"<{ns}>" for ns, _ in sorted(spaces.items(), key=lambda x: -x[1])[:3])
        raise SchemaError(f"no korea_graph records: {len(self.nodes)} subjects, whose "
                          f"properties are in {seen}", file=self.file,
                          expected=f"documents, actors, events... typed in <{KG}>")

    def document(self, s: str) -> Document:
        p = _P
        published = self.time(s, p["published"])
        assert published is not None
        return Document(
            self.id_of(s, "", s, "document"), self.text(s, p["title"]),
            self.ref(s, p["publisher"], "actor"), published, self.text(s, p["text"]),
            self.text(s, p["url"], optional=True), self.text(s, p["volume"], optional=True),
            self.text(s, p["issue"], optional=True), self.text(s, p["textFile"], optional=True),
            license=self.text(s, p["license"], optional=True),
            attribution=self.text(s, p["attribution"], optional=True))

    def kind(self, s: str, table: dict[str, Any], what: str) -> Any:
        found = [table[t] for t in self.values(s, _RDF_TYPE) if t in table]
        if len(found) != 1:
            raise self.fail(VocabularyError, s, _RDF_TYPE, f"{len(found)} {what} classes",
                            f"exactly one of {', '.join(_short(k) for k in table)}")
        return found[0]

    def actor(self, s: str) -> Actor:
        p = _P
        return Actor(
            self.id_of(s, "", s, "actor"), self.text(s, _LABEL_IRI),
            self.kind(s, _ACTOR_KIND, "actor kind"), self.strings(s, p["aliases"]),
            self.text(s, p["wikidata"], optional=True),
            self.ref(s, p["country"], "actor", optional=True),
            self.text(s, p["note"], optional=True), mentions=self.strings(s, p["mentions"]),
            same_as=self.same_as(s, "actor"), inferred=self.inferences(s))

    def same_as(self, s: str, kind: str) -> tuple[str, ...]:
        """The ``kg:sameAsRecord`` links to other records of ``kind`` (and, from files
        written before it, ``owl:sameAs`` links to them rather than to Wikidata)."""
        base = f"{ID}{kind}/"
        found = [self.id_of(s, prop, v, kind) for prop in (_P["sameAsRecord"], _SAME_IRI)
                 for v in self.values(s, prop) if isinstance(v, str) and v.startswith(base)]
        return tuple(sorted(set(found)))

    def events(self) -> list[Event]:
        """The events as given: plain events and each source's claim, in their order;
        the merged view of an event with claims (kg:hasClaim) is derived again."""
        nodes = [(self.integer(s, _P["position"]), s) for s in (*self.typed("Event"),
                                                                 *self.typed("Claim"))
                 if not self.values(s, _P["hasClaim"])]
        return [self.event(s) for _, s in sorted(nodes)]

    def event(self, s: str) -> Event:
        p = _P
        participants = tuple(
            Participant(self.ref(n, p["actor"], "actor"), self.enum(n, p["role"], _ROLE))
            for n in self.ordered(s, p["hasParticipation"]))
        sources = tuple(
            SourceRecord(self.text(n, p["dataset"]), self.text(n, p["rowId"]),
                         self.text(n, p["file"], optional=True),
                         self.integer(n, p["line"], optional=True),
                         self.text(n, p["storyId"], optional=True),
                         self.integer(n, p["sentence"], optional=True),
                         self.text(n, p["sourcePublisher"], optional=True),
                         self.text(n, p["url"], optional=True))
            for n in self.ordered(s, p["source"]))
        when = self.time(s, p["when"])
        assert when is not None
        if self.values(s, p["claimOf"]):  # one source's claim: its id and type as given
            ident = self.text(s, _IDENT_IRI)
            kind = self.enum(s, p["claimType"], _EVENT_TYPE)
        else:
            ident = self.id_of(s, "", s, "event")
            kind = self.kind(s, _EVENT_TYPE, "event type")
        return Event(
            ident, kind,
            self.text(s, _LABEL_IRI), participants, when, self.enum(s, p["status"], _STATUS),
            self.evidence(s), self.citations(s), self.ref(s, p["place"], "actor", optional=True),
            self.ref(s, p["partOf"], "event", optional=True), self.refs(s, p["about"], "event"),
            self.strings(s, p["aliases"]), self.text(s, p["note"], optional=True),
            self.text(s, p["cameo"], optional=True), sources,
            same_as=self.same_as(s, "event"), wording=self.text(s, p["wording"], optional=True),
            hedges=self.hedges(s), inferred=self.inferences(s))

    def affiliation(self, s: str) -> Affiliation:
        p = _P
        when = self.time(s, p["when"])
        assert when is not None
        return Affiliation(
            self.id_of(s, "", s, "affiliation"), self.ref(s, p["holder"], "actor"),
            self.ref(s, p["organization"], "actor"),
            self.enum(s, p["affiliationKind"], _AFFILIATION), when,
            self.enum(s, p["status"], _STATUS), self.evidence(s),
            self.text(s, p["postTitle"], optional=True),
            self.ref(s, p["accreditation"], "actor", optional=True), self.citations(s),
            self.text(s, p["note"], optional=True), hedges=self.hedges(s),
            inferred=self.inferences(s))

    def stance(self, s: str) -> Stance:
        p = _P
        when = self.time(s, p["when"])
        assert when is not None
        return Stance(
            self.id_of(s, "", s, "stance"), self.ref(s, p["holder"], "actor"),
            self.enum(s, p["attitude"], _ATTITUDE), self.ref(s, p["target"], "actor"), when,
            self.enum(s, p["status"], _STATUS), self.evidence(s), self.citations(s),
            self.ref(s, p["expressedIn"], "event", optional=True),
            self.text(s, p["note"], optional=True), self.refs(s, p["about"], "event"),
            hedges=self.hedges(s), inferred=self.inferences(s))


def _graph(**records: Any) -> KnowledgeGraph:
    """The graph of the records read; its own checks
    (:func:`~korea_graph.core.validate.validate`, ids) fail as errors that name the
    record, or say they are about the RDF's records."""
    try:
        return KnowledgeGraph(**records)
    except DataError as exc:
        if exc.field is not None or exc.line is not None:
            raise
        raise type(exc)(exc.reason, field="the records of the RDF",
                        expected=exc.expected) from None


def _short(iri_text: str) -> str:
    for prefix, ns in _TTL_PREFIXES:
        if iri_text.startswith(ns):
            return f"{prefix}:{iri_text[len(ns):]}"
    return f"<{iri_text}>"


def _show(value: Any) -> str:
    if isinstance(value, str):
        return _short(value)
    return str(value)


# -- rdflib ----------------------------------------------------------------------------------
def to_rdflib(kg: KnowledgeGraph, *, dataset: bool = False, ontology: bool = False
              ) -> rdflib.Graph | rdflib.Dataset:
    """The export as an rdflib ``Graph`` (or, with ``dataset``, a ``Dataset`` whose named
    graph :data:`GRAPH_IRI` holds the data); ``ontology`` adds the ontology's triples.

    >>> from korea_graph import load
    >>> g = to_rdflib(load())
    >>> len(g) == len(triples(load()))
    True
    """
    import rdflib

    from .ontology import ontology_path

    result: rdflib.Graph | rdflib.Dataset
    if dataset:
        result = rdflib.Dataset()
        # parsed graph by graph: rdflib's own N-Quads parser warns of its deprecated API
        result.graph(rdflib.URIRef(GRAPH_IRI)).parse(data=to_rdf(kg, "ntriples"), format="nt")
        if ontology:
            result.graph(rdflib.URIRef(ID + "ontology")).parse(ontology_path(), format="turtle")
    else:
        result = rdflib.Graph()
        result.parse(data=to_rdf(kg, "ntriples"), format="nt")
        if ontology:
            result.parse(ontology_path(), format="turtle")
    for prefix, ns in PREFIXES.items():
        result.bind(prefix, ns, override=True)
    return result


