"""Questions in plain English answered by a store's own SPARQL queries, without reading
the whole graph back from the store.

:func:`ask_store` answers exactly what :func:`korea_graph.questions.english.ask` answers
over the stored graph, in three steps, each a few SPARQL queries on the store's indexes:

1. *the vocabulary*: every actor (read once, from the first document graph holding a
   copy of it), the names of every event and the title of every post (kept on the open
   :class:`~korea_graph.scale.store.Store` until it changes), from which the question's
   lexicon is built (:func:`~korea_graph.questions.lexicon.lexicon_of`);
2. *the events the question names* (every span of its words looked up in the
   vocabulary), with the claims of each source, then the parse;
3. *the records the answer can come from*: for "who met whom before X", the records
   with a met-with relation that could end before X starts (the time condition is in
   the query, as :class:`~korea_graph.core.timeindex.TimeIndex` reads it); for "what
   happened", the events of the types asked for; and so on for every form. Those
   records, the actors and documents they refer to, are read from the store (each with
   its sub-nodes: times, participants, evidence, citations) into a small graph, and
   ``ask`` runs on it with the vocabulary of the whole store, so it gives the same rows
   in the same order.

The selection is a superset (it leaves the exact time, status and certainty rules to
``ask``), so a question costs the records it may answer with, not the corpus.

>>> import tempfile
>>> from korea_graph import ask, load
>>> from korea_graph.scale.store import Store
>>> with Store.open(tempfile.mkdtemp()) as store:
...     _ = store.add(load())
...     rows = ask_store(store, "who met whom before Putin's trip")
...     [f.record_id for f in rows] == [f.record_id for f in ask(load(),
...                                     "who met whom before Putin's trip")]
True
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from ..core.graph import KnowledgeGraph
from ..core.model import Actor, AffiliationKind, Document, EventType
from ..core.relations import RelationType
from ..linked_data.ontology import ID, KG, PREFIXES, individual_iri, relation_property
from ..questions.answers import Answers
from ..questions.lexicon import Lexicon, build_lexicon, lexicon_of, use_lexicon
from .store import UNION

if TYPE_CHECKING:
    from ..questions.query import Anchor
    from .store import Store, _Records

__all__ = ["StoreVocabulary", "ask_store"]

_AFF_KINDS = {individual_iri("affiliation", k.value): k for k in AffiliationKind}
#: the union graph holds a copy of every graph's triples: not a document's
_NOT_UNION = f"FILTER(?g != <{UNION}>)"
_PREFIX = (f"PREFIX kg: <{KG}>\nPREFIX rdfs: <{PREFIXES['rdfs']}>\n"
           f"PREFIX skos: <{PREFIXES['skos']}>\nPREFIX xsd: <{PREFIXES['xsd']}>\n")
_BATCH = 400
#: Links from a record to the records it is read with: the claims of a merged event (each
#: in its document's graph), the events it is the same as.
_LINKS = frozenset({KG + "hasClaim", KG + "claimOf", KG + "sameAsRecord"})


@dataclass
class StoreVocabulary:
    """What a store's questions are parsed with: every actor, the lexicon (the names of
    every actor and event, the titles of every post) and the latest documents (by
    which a day without a year is read: the latest with a closed publication span, and
    the latest of all)."""

    actors: dict[str, Actor]  #: folded by ``same_as``: what names and answers use
    lexicon: Lexicon
    latest_documents: tuple[str, ...]
    #: the actors as the documents give them (an actor ``same_as`` another kept), from
    #: which a graph of some records folds them again
    given: tuple[Actor, ...] = ()


def _vocabulary_of(given: dict[str, Actor], event_names: list[tuple[str, tuple[str, ...]]],
                   posts: list[tuple[str, str | None, AffiliationKind]],
                   latest: tuple[str, ...]) -> StoreVocabulary:
    """The vocabulary of the actors as given: folded by their ``same_as`` links as every
    graph folds them (the names of an actor ``same_as`` another find the other)."""
    folded = KnowledgeGraph(actors=given.values(), partial=True).actors
    return StoreVocabulary(dict(folded), lexicon_of(folded.values(), event_names, posts),
                           latest, tuple(given.values()))


def vocabulary(store: Store) -> StoreVocabulary:
    """The vocabulary of a store, read from its index (or by a few SPARQL queries), kept
    until the store changes."""
    if store._vocabulary is None:
        store._vocabulary = _read_vocabulary(store)
    assert isinstance(store._vocabulary, StoreVocabulary)
    return store._vocabulary


def _read_vocabulary(store: Store) -> StoreVocabulary:
    if store.index is not None:  # the tables written with each document
        index = store.index
        return _vocabulary_of(index.actors(), index.event_names(), index.posts(),
                              index.latest_documents())
    return _query_vocabulary(store)


def _query_vocabulary(store: Store) -> StoreVocabulary:
    """The vocabulary read by SPARQL (a store whose index does not match its catalogue)."""
    from .store import _id

    actors = _all_actors(store)
    committed = set(store.graphs())
    events: dict[str, list[str]] = {}
    for prop in ("rdfs:label", "skos:altLabel"):
        # per document graph: the union would deduplicate across graphs (much slower);
        # a scan of the property alone reads every actor's copies too (2x slower)
        for row in store._query(_PREFIX + "SELECT ?e ?name WHERE { GRAPH ?g { "
                                f"?e a kg:Event ; {prop} ?name }} {_NOT_UNION} }}"):
            events.setdefault(_id(row["e"].value), []).append(row["name"].value)
    titles: dict[str, str] = {}
    for quad in _scan(store, KG + "postTitle"):
        if quad.graph_name.value in committed:
            titles[quad.subject.value] = quad.object.value
    posts = []
    for quad in _scan(store, KG + "affiliationKind"):
        if quad.graph_name.value in committed:
            post = quad.subject.value
            posts.append((_id(post), titles.get(post), _AFF_KINDS[quad.object.value]))
    posts = sorted(set(posts), key=lambda p: (p[0], p[1] or ""))
    latest = [row["d"] for closed in ("?t kg:endMax ?end .", "")
              for row in store._select(_PREFIX + "SELECT ?d WHERE { ?d a kg:Document ; "
                                      f"kg:published ?t . ?t kg:startMin ?day . {closed} }} "
                                      "ORDER BY DESC(?day) ?d LIMIT 1")]
    event_names = [(ident, tuple(dict.fromkeys(n))) for ident, n in events.items()]
    return _vocabulary_of(actors, event_names, posts,
                          tuple(dict.fromkeys(_id(d) for d in latest)))


def _scan(store: Store, prop: str) -> Iterator[Any]:
    import pyoxigraph as ox

    return iter(store.oxigraph.quads_for_pattern(None, ox.NamedNode(prop), None, None))


def _all_actors(store: Store) -> dict[str, Actor]:
    """Every actor of the store as given (before ``same_as`` folds them), each copy
    merged as :func:`~korea_graph.scale.store.combine` merges them. Each document
    graph holds a copy of the actors it mentions: the copy of the first graph is read
    (the copies differ only in their positions), and where the union of the graphs has
    aliases that copy lacks, every copy is read and merged as
    :func:`~korea_graph.scale.store.combine` merges them."""
    order = {g: n for n, g in enumerate(store.graphs())}
    first: dict[str, tuple[int, str]] = {}
    for row in store._query(_PREFIX + "SELECT ?a ?g WHERE { GRAPH ?g { ?a a kg:Actor } "
                            f"{_NOT_UNION} }}"):
        n = order.get(row["g"].value)
        if n is not None:
            a = row["a"].value
            if a not in first or n < first[a][0]:
                first[a] = (n, row["g"].value)
    lines = _read(store, first, graphs={a: g for a, (_, g) in first.items()})
    kg = _combined(lines)
    from .store import _id

    aliases: dict[str, set[str]] = {}
    actor_base, committed = ID + "actor/", set(order)
    for quad in _scan(store, PREFIXES["skos"] + "altLabel"):  # one index scan, no join
        subject = quad.subject.value
        if subject.startswith(actor_base) and quad.graph_name.value in committed:
            aliases.setdefault(_id(subject), set()).add(quad.object.value)
    actors = {a.id: a for a in kg.given[0]}
    merged = [a for a, names in aliases.items()
              if a in actors and not names <= set(actors[a].names)]
    if merged:
        from ..linked_data.rdf import iri

        every = _read(store, [iri("actor", a) for a in merged])
        actors.update((a.id, a) for a in _combined(every).given[0])
    return actors


# -- reading records ---------------------------------------------------------------------------
def _read(store: Store, iris: Iterable[str], graphs: dict[str, str] | None = None
          ) -> dict[int, list[str]]:
    """The N-Triples lines of these records (with their sub-nodes), by the store position
    of the document graph that holds them (only the graph ``graphs`` names for a record,
    when given).

    Level by level: the triples of the nodes, then of the sub-nodes they point to
    (objects under a record's IRI, ``<event/x/time>``...), each level one indexed
    look-up per node (faster in Oxigraph than a property path from the records)."""
    import pyoxigraph as ox

    order = {g: n for n, g in enumerate(store.graphs())}
    out: dict[int, list[str]] = {}
    level = sorted(set(iris))
    named = ox.NamedNode
    home = dict(graphs) if graphs is not None else None
    seen = set(level)
    while level:
        below: set[str] = set()
        for start in range(0, len(level), _BATCH):
            chunk = level[start:start + _BATCH]
            if home is None:
                values = " ".join(f"<{i}>" for i in chunk)
                query = (f"SELECT ?g ?s ?p ?o WHERE {{ VALUES ?s {{ {values} }} "
                         f"GRAPH ?g {{ ?s ?p ?o }} {_NOT_UNION} }}")
            else:
                pairs = " ".join(f"(<{i}> <{home[i]}>)" for i in chunk)
                query = (f"SELECT ?g ?s ?p ?o WHERE {{ VALUES (?s ?g) {{ {pairs} }} "
                         "GRAPH ?g { ?s ?p ?o } }")
            for row in store._query(query):
                n = order.get(row["g"].value)
                if n is None:
                    continue
                subject, obj = row["s"], row["o"]
                out.setdefault(n, []).append(f"{subject} {row['p']} {obj} .\n")
                if type(obj) is not named:
                    continue
                if obj.value.startswith(subject.value + "/"):
                    below.add(obj.value)
                    if home is not None:
                        home[obj.value] = row["g"].value
                elif home is None and row["p"].value in _LINKS and obj.value not in seen:
                    below.add(obj.value)  # another source's claim of the same event
        level = sorted(below - seen)
        seen |= below
    return out


def _graph(store: Store, vocab: StoreVocabulary, records: Iterable[str],
           all_documents: bool = False) -> KnowledgeGraph:
    """The records (IRIs), the events they are part of, the documents they cite and
    every actor, as a graph in the store's order, parsed with the store's vocabulary."""
    from ..linked_data.rdf import iri

    parts: dict[int, list[str]] = {}
    wanted = set(records)
    seen: set[str] = set()
    while wanted:  # the records, then the events they are part of, and theirs
        seen |= wanted
        lines = _read(store, wanted)
        for n, more in lines.items():
            parts.setdefault(n, []).extend(more)
        wanted = {iri("event", e.part_of) for part in _parts(lines)
                  for e in part.given[1] if e.part_of} - seen
    body = _combined(parts)
    docs = {ev.document for r in _records(body) for ev in r.evidence}
    docs.update(vocab.latest_documents)
    doc_iris = ([row["d"] for row in store._select(_PREFIX + "SELECT ?d WHERE { "
                                                  "?d a kg:Document }")]
                if all_documents else [iri("document", d) for d in docs])
    heads = _combined(_read(store, doc_iris))
    kg = KnowledgeGraph(documents=_in_store_order(store, heads.documents.values()),
                        actors=vocab.given, events=body.given[1],
                        affiliations=body.given[2], stances=body.given[3], partial=True)
    use_lexicon(kg, vocab.lexicon)
    return kg


def _parts(lines: dict[int, list[str]]) -> list[_Records]:
    """The records of each graph's lines, as given (as :meth:`Store.graph` reads a graph)."""
    from ..linked_data.rdf import read_records
    from .store import _Records

    out = []
    for n in sorted(lines):
        docs, actors, events, posts, stances = read_records(
            "".join(dict.fromkeys(lines[n])).encode("utf-8"), "ntriples")  # read once
        out.append(_Records({d.id: d for d in docs},
                            (tuple(actors), tuple(events), tuple(posts), tuple(stances))))
    return out


def _combined(lines: dict[int, list[str]]) -> KnowledgeGraph:
    from .store import combine

    return combine(_parts(lines), partial=True)  # only the records an answer needs


def _in_store_order(store: Store, documents: Iterable[Document]) -> list[Document]:
    order = {d: n for n, d in enumerate(store.documents())}
    return sorted(documents, key=lambda d: order.get(d.id, len(order)))


def _records(kg: KnowledgeGraph) -> Iterator[Any]:
    yield from kg.given[1]
    yield from kg.given[2]
    yield from kg.given[3]


# -- what a question needs ---------------------------------------------------------------------
def _named(lex: Lexicon, question: str) -> set[str]:
    """The events whose names occur in the question (every span of words, and
    possessives without their 's)."""
    from ..questions.words import tokenize

    words = [t.norm for t in tokenize(question)]  # as the parser reads them
    events: set[str] = set()
    for i in range(len(words)):
        for j in range(i + 1, min(len(words), i + lex.longest) + 1):
            key = tuple(words[i:j])
            events |= lex.event_names.get(key, frozenset())
            if key[-1].endswith("'s") and len(key[-1]) >= 3:
                events |= lex.event_names.get((*key[:-1], key[-1][:-2]), frozenset())
    return events


def _time_filter(before: Anchor | None, after: Anchor | None, during: Anchor | None) -> str:
    """A SPARQL filter on the bounds of ``?t`` (a record's time) keeping every record
    that possibly meets the conditions, as ``questions.query._certainty`` reads them
    (:meth:`~korea_graph.core.timespan.TimeSpan.possibly_before`, ``possibly_after``,
    ``possibly_overlaps``; an open bound is the beginning or end of time)."""
    tests = []

    def day(d: date) -> str:
        return f'"{d.isoformat()}"^^xsd:date'

    if before is not None and before.when.start_max is not None:
        tests.append(f"(!BOUND(?emin) || ?emin < {day(before.when.start_max)})")
    if after is not None and after.when.end_min is not None:
        tests.append(f"(!BOUND(?smax) || ?smax > {day(after.when.end_min)})")
    if during is not None:  # "during" is possibly overlapping
        if during.when.end_max is not None:
            tests.append(f"(!BOUND(?smin) || ?smin <= {day(during.when.end_max)})")
        if during.when.start_min is not None:
            tests.append(f"(!BOUND(?emax) || ?emax >= {day(during.when.start_min)})")
    if not tests:
        return ""
    bounds = " ".join(f"OPTIONAL {{ ?t kg:{name} ?{var} }}" for name, var in (
        ("startMin", "smin"), ("startMax", "smax"), ("endMin", "emin"), ("endMax", "emax"))
        if f"?{var}" in " ".join(tests))
    return f"{bounds} FILTER({' && '.join(tests)})"


@dataclass
class _Need:
    """What the answer can come from."""

    relation_types: set[RelationType] | None = None  # None: no relation records
    relation_actors: set[str] = field(default_factory=set)  # one of them at either end
    event_types: set[EventType] | None = None  # set(): every type
    event_actor: str | None = None
    posts: bool = False  # every post (posts questions, roll-ups of persons to states)
    conflicts: bool = False
    connected: tuple[str, str] | None = None
    known_on: date | None = None
    time: str = ""


_RELATION_FORMS = {"_all", "_to", "_from", "_by", "_when", "_where", "_did", "_both"}
_EVENT_FORMS = {"_what_happened", "_what_did_do", "_took_part", "_role_in"}
_POST_TYPES = {RelationType.HEADS, RelationType.HOLDS_POST_IN, RelationType.MEMBER_OF,
               RelationType.OVERSEES, RelationType.REPRESENTS, RelationType.ACCREDITED_TO}


def _need(kg: KnowledgeGraph, form: Any, p: Any) -> _Need:
    from ..questions import english
    from ..questions.query import _conditions

    name = form.handler.__name__
    time = english._time(p)
    b, a, d, _ = _conditions(kg, time.get("before"), time.get("after"), time.get("between"),
                             time.get("during"))
    need = _Need(time=_time_filter(b, a, d))

    def actor(slot: str) -> str | None:
        return english._actor(kg, p.get(slot))

    if name in _RELATION_FORMS:
        need.relation_types = set(english._types(p))
        x, y = actor("x"), actor("y")
        if name in ("_when", "_where", "_did") and x is not None and y is not None:
            need.posts = True  # between(): persons roll up to the states they act for
        else:
            need.relation_actors = {w for w in (x, y) if w is not None}
    elif name == "_nouns":
        rel_types, event_types = p["k"].value
        x, y = actor("x"), actor("y")
        if y is not None:
            need.posts = True
            if rel_types:
                need.relation_types = set(rel_types)
            else:
                need.event_types = set(event_types or ())
        elif rel_types:
            need.relation_types = set(rel_types)
            need.relation_actors = {x} if x else set()
        else:
            need.event_types = set(event_types or ())
            need.event_actor = x
    elif name in _EVENT_FORMS:
        need.event_types = set(p["k"].value) if name == "_role_in" else set()
        need.event_actor = actor("x") if name == "_what_did_do" else None
    elif name == "_posts":
        need.posts = True
    elif name == "_who_is":
        need.relation_types = set(_POST_TYPES)
        need.relation_actors = {actor("x") or ""}
    elif name == "_conflicts":
        need.conflicts = True
    elif name == "_connected":
        need.connected = (actor("x") or "", actor("y") or "")
    elif name == "_known_on":
        anchor = p["d"]
        need.known_on = english._as_of_date(kg, anchor.text if anchor.loose
                                            else anchor.value.when.iso())
    # the forms about one named event (_when_event, _sources, _claims...) need only it
    return need


def _select(store: Store, need: _Need) -> set[str]:
    """The IRIs of the records the answer can come from."""
    from ..linked_data.rdf import iri
    from .store import document_graph

    found: set[str] = set()
    if need.relation_types:
        types = [f"kg:{relation_property(t)}" for t in sorted(need.relation_types)]
        # Oxigraph starts from the first pattern: an actor's relations when there is an
        # actor (its index entries), else one relation type at a time
        if need.relation_actors:
            shapes = [f"?r kg:{end} <{iri('actor', who)}> ; kg:relationType ?type . "
                      f"FILTER(?type IN ({', '.join(types)}))"
                      for who in sorted(need.relation_actors) for end in ("from", "to")]
        else:
            shapes = [f"?r kg:relationType {t} ." for t in types]
        for shape in shapes:
            query = (_PREFIX + f"SELECT DISTINCT ?rec WHERE {{ {shape} ?r kg:derivedFrom ?rec ; "
                     f"kg:when ?t . {need.time} }}")
            found.update(row["rec"].value for row in store._query(query))
    if need.event_types is not None:
        classes = sorted({f"kg:{_event_class(t)}" for t in need.event_types}) or ["kg:Event"]
        who = f"?e kg:involves <{iri('actor', need.event_actor)}> ." if need.event_actor else ""
        for cls in classes:
            query = (_PREFIX + f"SELECT DISTINCT ?e WHERE {{ {who} ?e a {cls} ; kg:when ?t . "
                     f"{need.time} }}")
            found.update(row["e"].value for row in store._query(query))
    if need.posts:
        found.update(row["p"] for row in store._select(
            _PREFIX + "SELECT DISTINCT ?p WHERE { ?p a kg:Affiliation }"))
    if need.conflicts:  # events reported by more than one document: their claims
        found.update(row["e"] for row in store._select(
            _PREFIX + "SELECT DISTINCT ?e WHERE { ?e kg:hasClaim ?c }"))
        # and the records (or claims) a document itself disputes
        disputed = f"<{individual_iri('status', 'disputed')}>"
        found.update(row["e"] for row in store._select(
            _PREFIX + "SELECT DISTINCT ?e WHERE { { ?e a ?c ; kg:status "
            f"{disputed} . VALUES ?c {{ kg:Event kg:Affiliation kg:Stance }} }} UNION "
            f"{{ ?claim kg:claimOf ?e ; kg:status {disputed} }} }}"))
    if need.known_on is not None:  # every record of the documents published by then
        day = f'"{need.known_on.isoformat()}"^^xsd:date'
        graphs = {document_graph(row["id"]) for row in store._select(
            _PREFIX + "SELECT ?id WHERE { ?d a kg:Document ; "
                      "<http://purl.org/dc/terms/identifier> ?id ; kg:published ?t . "
                      f"OPTIONAL {{ ?t kg:startMin ?s }} FILTER(!BOUND(?s) || ?s <= {day}) }}")}
        for graph in sorted(graphs):
            found.update(row["r"].value for row in store._query(
                _PREFIX + f"SELECT DISTINCT ?r WHERE {{ GRAPH <{graph}> {{ ?r a ?c . "
                          "VALUES ?c { kg:Event kg:Claim kg:Affiliation kg:Stance } } }"))
    if need.connected is not None:
        found.update(_on_shortest_paths(store, *need.connected))
    return found


def _event_class(t: EventType) -> str:
    from ..linked_data.ontology import event_class

    return event_class(t)


def _on_shortest_paths(store: Store, a: str, b: str) -> set[str]:
    """The records of every relation on a shortest path between two actors (directions
    ignored, relations that did not happen left out), found on the relations' ends: the
    paths over every such relation and those over real ones only (``ask`` leaves planned
    links out unless asked for), so the records read hold both."""
    rows = store._select(_PREFIX + "SELECT ?a ?b ?rec ?s WHERE { ?r a kg:Relation ; "
                         "kg:from ?a ; kg:to ?b ; kg:derivedFrom ?rec ; kg:status ?s }")
    unreal = {individual_iri("status", "did_not_happen")}
    plans = unreal | {individual_iri("status", s) for s in ("planned", "under_consideration")}
    return _paths_over(rows, a, b, unreal) | _paths_over(rows, a, b, plans)


def _paths_over(rows: list[dict[str, Any]], a: str, b: str, left_out: set[str]) -> set[str]:
    import networkx as nx

    from ..linked_data.rdf import iri

    edges: dict[tuple[str, str], set[str]] = {}
    graph = nx.Graph()
    for row in rows:
        if row["s"] in left_out:
            continue
        x, y = row["a"], row["b"]
        graph.add_edge(x, y)
        edges.setdefault((x, y) if x < y else (y, x), set()).add(row["rec"])
    first, second = iri("actor", a), iri("actor", b)
    if first not in graph or second not in graph:
        return set()
    try:
        distance = nx.shortest_path_length(graph, first, second)
    except nx.NetworkXNoPath:
        return set()
    if distance > 6:
        return set()
    # an edge is on a shortest path when its ends are at distances i, i+1 from the
    # two sides summing to the distance
    near = nx.single_source_shortest_path_length(graph, first, cutoff=distance)
    far = nx.single_source_shortest_path_length(graph, second, cutoff=distance)
    out: set[str] = set()
    for (x, y), records in edges.items():
        for u, v in ((x, y), (y, x)):
            if u in near and v in far and near[u] + 1 + far[v] == distance:
                out |= records
    return out


# -- asking ------------------------------------------------------------------------------------
def ask_store(store: Store, question: str, *, strength: str = "possibly",
              include_planned: bool = False, as_of: date | str | None = None) -> Answers[Any]:
    """:func:`~korea_graph.questions.english.ask` over the store's documents, reading only
    the records the question names and the records the answer can come from (see the
    module docstring); the same rows, in the same order.

    With ``as_of`` (only what documents published by then say), the question is asked of
    the documents published by then, read whole.
    """
    from ..linked_data.rdf import iri
    from ..questions import english
    from ..questions.reading import read

    options: dict[str, Any] = {"strength": strength, "include_planned": include_planned}
    vocab = vocabulary(store)
    if as_of is not None:
        return english.ask(_as_of(store, vocab, as_of), question, as_of=as_of, **options)
    named = [iri("event", e) for e in _named(vocab.lexicon, question)]
    first = _graph(store, vocab, named)
    reading = read(first, question)
    found = english.parse_reading(first, reading) if reading.answer != "plans" else None
    if found is None:
        # plans against what happened, or a clause told by an event that no name in the
        # question finds ("before Putin arrived in Pyongyang"): the documents read whole
        whole = store.graph()
        use_lexicon(whole, vocab.lexicon)
        return english.ask(whole, question, **options)
    parse, form, reading = found
    need = _need(first, form, parse)
    named += [iri("event", n) for n in reading.narrow if n not in vocab.actors]
    if reading.people_of or reading.title or _stands_for_others(first, parse):
        # "Russian officials", "which deputy foreign ministers", a state or city asked
        # of: the relations of anyone acting for it, and the posts that tell who
        need.posts = True
        need.relation_actors = set()
    records = _select(store, need)
    answer_graph = _graph(store, vocab, [*named, *records],
                          all_documents=need.known_on is not None)
    return english.ask(answer_graph, question, **options)


def _stands_for_others(kg: KnowledgeGraph, parse: Any) -> bool:
    """Whether an actor of the question may be answered through others: a state or an
    institution (its people), a city (its state)."""
    for slot in ("x", "y"):
        b = parse.get(slot)
        if b is not None and not b.loose and isinstance(b.value, str) and \
                kg.actors[b.value].kind.category in ("state", "institution", "place"):
            return True
    return False


def _as_of(store: Store, vocab: StoreVocabulary, as_of: date | str) -> KnowledgeGraph:
    """The documents published by ``as_of`` (a date or an event's last day), read whole."""
    from ..questions import english

    day_of: date | None = as_of if isinstance(as_of, date) else None
    if isinstance(as_of, str):
        try:
            day_of = date.fromisoformat(as_of)
        except ValueError:
            from ..linked_data.rdf import iri

            named = _named(vocab.lexicon, as_of)
            day_of = english._as_of_date(
                _graph(store, vocab, [iri("event", e) for e in named]), as_of)
    assert day_of is not None
    as_of = day_of
    day = f'"{as_of.isoformat()}"^^xsd:date'
    rows = store._select(_PREFIX + "SELECT ?id WHERE { ?d a kg:Document ; "
                        "<http://purl.org/dc/terms/identifier> ?id ; kg:published ?t . "
                        f"OPTIONAL {{ ?t kg:startMin ?s }} FILTER(!BOUND(?s) || ?s <= {day}) }}")
    kg = store.graph(sorted(row["id"] for row in rows))
    use_lexicon(kg, build_lexicon(kg))
    return kg
