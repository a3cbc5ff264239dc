"""Scale benchmark: korea_graph side by side with the code a user would write with rdflib
and networkx alone, and with pyoxigraph used directly, on a synthetic corpus, in one run.

    python benchmarks/run.py --events 10000 --out results-10k.json

Each side runs in its own fresh interpreter, one after the other, so its peak memory
(ru_maxrss) is its own. The korea_graph side goes first and writes the corpus' N-Triples,
Turtle and a JSON of its records to a temporary folder; the other sides read them
(untimed) as their input, so every side works on the same records and triples. Each side
writes the rows of who-met-whom it found; the run checks that every side found the same
set (the "equal rows" line). Writes FILE.json and FILE.md (a Markdown table) and prints
the table.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

KG_NS = "https://w3id.org/korea-graph/ontology#"
QUERY = f"""PREFIX kg: <{KG_NS}>
SELECT ?a (COUNT(*) AS ?n) WHERE {{ {{ ?a kg:metWith ?b }} UNION {{ ?b kg:metWith ?a }} }}
GROUP BY ?a ORDER BY DESC(?n) ?a LIMIT 10"""
FOCUS = "person-000001"
PREFIXES = {"kg": KG_NS, "xsd": "http://www.w3.org/2001/XMLSchema#",
            "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
            "rdfs": "http://www.w3.org/2000/01/rdf-schema#"}
REAL = ("occurred", "reported", "disputed")


def timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    start = time.perf_counter()
    result = fn()
    return time.perf_counter() - start, result


def median(fn: Callable[[], Any], repeat: int = 5) -> tuple[float, Any]:
    """The median of ``repeat`` samples (one run only when it takes over a second).

    A call under a millisecond is timed in loops of about 5 ms, each sample the loop's
    time over its length (as ``timeit`` does): one call of 20 µs alone is mostly timer and
    cache noise, which made two runs of the same code disagree by 2x.
    """
    first, result = timed(fn)
    if first > 1:
        return first, result
    probe = timed(fn)[0]  # the first call may build an index: calibrate on the second
    loops = 1 if probe > 1e-3 else max(1, int(5e-3 / max(probe, 1e-7)))
    samples = [first] if loops == 1 else []
    while len(samples) < repeat:
        start = time.perf_counter()
        for _ in range(loops):
            result = fn()
        samples.append((time.perf_counter() - start) / loops)
    return statistics.median(samples), result


class Results(dict[str, Any]):
    """Measurements, written to a file after each one, so a side stopped by the time limit
    still reports what it measured."""

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path

    def __setitem__(self, key: str, value: Any) -> None:
        super().__setitem__(key, value)
        self.path.write_text(json.dumps(self, indent=1), encoding="utf-8")


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def anchor_of(events: int) -> str:
    return f"event-{events // 2:07d}"


# -- the korea_graph side --------------------------------------------------------------------
def korea_graph_side(events: int, work: Path, out: Results, in_memory: bool,
                     only_queries: bool = False) -> None:
    from korea_graph import generate, meetings, sparql, to_rdf
    from korea_graph.linked_data.rdf import from_rdf, write_rdf
    from korea_graph.scale.store import Store, find_meetings
    from korea_graph.views.network_view import view

    def step(key: str, fn: Callable[[], Any]) -> Any:
        out[key], result = timed(fn)
        out[f"peak_mb_{key}"] = peak_mb()  # the peak so far, after this step
        return result

    anchor = anchor_of(events)
    kg = step("build", lambda: generate(events=events, seed=0))
    seconds, relations = timed(lambda: kg.all_relations)
    out["build"] += seconds
    out["relations"] = len(relations)
    out["peak_mb_model"] = peak_mb()  # the graph and its derived relations, nothing else
    _write_records(kg, work / "records.json")
    if only_queries:
        in_memory = False
    if in_memory:
        # files first: their peaks are read before an in-memory text has raised it
        step("turtle_write", lambda: write_rdf(kg, work / "data.ttl"))
        step("ntriples_write", lambda: write_rdf(kg, work / "data.nt"))
        ttl = step("turtle_export", lambda: to_rdf(kg, "turtle"))
        ttl = ""  # one export text held at a time
        nt = step("ntriples_export", lambda: to_rdf(kg, "ntriples"))
        out["triples"] = nt.count("\n")
        nt = ""
        ttl = (work / "data.ttl").read_text(encoding="utf-8")
        back = step("turtle_import_model", lambda: from_rdf(ttl, "turtle"))
        assert len(back.events) == events
        back = ttl = None  # free them (not del: the lambdas above refer to the names)
        gc.collect()
    step("who_met_whom_first", lambda: len(meetings(kg, before=anchor)))
    out["who_met_whom"], rows = median(lambda: meetings(kg, before=anchor))
    out["who_met_whom_rows"] = len(rows)
    out["who_met_whom_read"], found = median(lambda: _row_set(meetings(kg, before=anchor)),
                                             repeat=5 if events <= 100_000 else 1)
    _write_rows(work / "kg-everyone.json", found)
    out["who_met_one"], rows = median(lambda: meetings(kg, involving=FOCUS, before=anchor),
                                      repeat=21)
    out["who_met_one_rows"] = len(rows)
    out["who_met_one_read"], found = median(
        lambda: _row_set(meetings(kg, involving=FOCUS, before=anchor)), repeat=21)
    _write_rows(work / "kg-one.json", found)
    rows = found = None
    if in_memory:
        top = step("sparql_first", lambda: sparql(kg, QUERY))
        out["sparql"], top = median(lambda: sparql(kg, QUERY))
        out["sparql_top"] = [[str(r["a"]).rsplit("/", 1)[-1], int(r["n"])] for r in top]
    out["view"], _ = timed(lambda: view(kg, focus=FOCUS, depth=1).save(work / "kg.html"))
    out["view_nodes"] = len(view(kg, focus=FOCUS, depth=1).node_ids)
    out["peak_mb_in_memory"] = peak_mb()
    if only_queries:
        out["peak_mb"] = peak_mb()
        return
    # the on-disk store
    folder = work / "store"
    with Store.open(folder) as store:
        step("store_add", lambda: store.add(kg))
    kg = None
    gc.collect()
    with Store.open(folder) as store:
        if in_memory:
            step("store_turtle_export", lambda: store.export(work / "store.ttl"))
        else:  # the pyoxigraph side's input
            step("store_ntriples_export", lambda: store.export(work / "data.nt"))
        out["store_who_met_whom"], rows = median(lambda: store.meetings(before=anchor))
        out["peak_mb_store_who_met_whom"] = peak_mb()
        out["store_who_met_whom_rows"] = len(rows)
        _write_rows(work / "store-everyone.json",
                    {(m.record, *sorted((m.source, m.target))) for m in rows})
        # the same question by one SPARQL query on the store (no side table), same rows
        out["store_who_met_whom_sparql"], by_sparql = timed(
            lambda: find_meetings(store.sparql, before=anchor))
        out["store_who_met_whom_sparql_equal"] = by_sparql == rows
        by_sparql = []
        out["store_who_met_one"], rows = median(
            lambda: store.meetings(involving=FOCUS, before=anchor))
        _write_rows(work / "store-one.json",
                    {(m.record, *sorted((m.source, m.target))) for m in rows})
        out["store_sparql"], top = median(lambda: store.sparql(QUERY), repeat=3)
        out["store_sparql_top"] = [[r["a"].rsplit("/", 1)[-1], int(r["n"])] for r in top]
    # `korea-graph store DIR ask`: a fresh process opens the store and asks once
    _store_ask(folder, events, work, out, everyone=events <= 100_000)
    out["peak_mb"] = peak_mb()


def _store_ask(folder: Path, events: int, work: Path, out: Results, everyone: bool) -> None:
    """``ask_store`` as the command line runs it: the vocabulary, then the question."""
    from korea_graph.scale.store import Store
    from korea_graph.scale.store_ask import ask_store, vocabulary

    anchor = anchor_of(events)
    with Store.open(folder, read_only=True) as store:
        out["store_ask_vocabulary"], _ = timed(lambda: vocabulary(store))
        out["peak_mb_store_ask_vocabulary"] = peak_mb()
        out["store_ask_one"], rows = timed(
            lambda: ask_store(store, f"who has {FOCUS} met before {anchor}"))
        _write_rows(work / "store-ask-one.json", _row_set(rows))
        if everyone:  # it reads half the events of the corpus (an hour at 1M)
            out["store_ask_everyone"], rows = timed(
                lambda: ask_store(store, f"who met whom before {anchor}"))
            out["store_ask_everyone_rows"] = len(rows)
            _write_rows(work / "store-ask-everyone.json", _row_set(rows))
        out["peak_mb_store_ask"] = peak_mb()


def _row_set(answers: Any) -> set[tuple[str, str, str]]:
    """The rows as (record, actor, actor) with the actors in id order: every row read."""
    return {(f.record_id, *sorted((f.subject_id, f.object_id))) for f in answers}


def _write_rows(path: Path, rows: set[tuple[str, ...]]) -> None:
    path.write_text(json.dumps(sorted(rows)), encoding="utf-8")


def _write_records(kg: Any, path: Path) -> None:
    """What the plain side starts from: events with their participants, dates, status."""
    def iso(d: Any) -> str | None:
        return str(d) if d else None

    events = [{"id": e.id, "type": e.type.value, "label": e.label, "status": e.status.value,
               "start": iso(e.when.start_min), "start_max": iso(e.when.start_max),
               "end_min": iso(e.when.end_min), "end": iso(e.when.end_max),
               "participants": [[p.actor, p.role.value] for p in e.participants],
               "quote": e.evidence[0].quote}
              for e in kg.events.values()]
    actors = {a.id: a.label for a in kg.actors.values()}
    path.write_text(json.dumps({"events": events, "actors": actors}), encoding="utf-8")


# -- the plain rdflib + networkx side ---------------------------------------------------------
MEETINGS = {"meeting", "talks", "summit", "negotiation"}
SIDES = {"participant", "host", "guest", "party"}


def meeting_pairs(participants: list[list[str]]) -> list[tuple[str, str]]:
    """The rule of docs/model.md, as a user would write it: every pair of sides of a
    meeting, but not two guests (one delegation) nor two hosts."""
    roles = {actor: role for actor, role in participants if role in SIDES}
    people = list(roles)
    return [(a, b) for i, a in enumerate(people) for b in people[i + 1:]
            if not (roles[a] == roles[b] and roles[a] in ("guest", "host"))]


def plain_side(events: int, work: Path, out: Results, with_rdflib: bool) -> None:
    import networkx as nx
    import rdflib
    from rdflib.namespace import RDF, RDFS, XSD

    data = json.loads((work / "records.json").read_text(encoding="utf-8"))
    ex = rdflib.Namespace("https://example.org/")

    def build() -> tuple[rdflib.Graph | None, nx.MultiGraph]:
        g = rdflib.Graph() if with_rdflib else None
        net = nx.MultiGraph()
        for actor_id, label in data["actors"].items():
            if g is not None:
                g.add((ex[actor_id], RDFS.label, rdflib.Literal(label)))
            net.add_node(actor_id, label=label)
        for e in data["events"]:
            if g is not None:
                node = ex[e["id"]]
                g.add((node, RDF.type, ex[e["type"]]))
                g.add((node, RDFS.label, rdflib.Literal(e["label"])))
                g.add((node, ex.status, rdflib.Literal(e["status"])))
                g.add((node, ex.quote, rdflib.Literal(e["quote"])))
                for key in ("start", "end"):
                    if e[key]:
                        g.add((node, ex[key], rdflib.Literal(e[key], datatype=XSD.date)))
                for actor, role in e["participants"]:
                    part = rdflib.BNode()
                    g.add((node, ex.participant, part))
                    g.add((part, ex.actor, ex[actor]))
                    g.add((part, ex.role, rdflib.Literal(role)))
            if e["type"] in MEETINGS:
                for a, b in meeting_pairs(e["participants"]):
                    if g is not None:
                        g.add((ex[a], ex.metWith, ex[b]))
                    # ISO strings compare as dates; "" is an open lower end
                    net.add_edge(a, b, key=e["id"], status=e["status"],
                                 end_min=e["end_min"] or "", end_max=e["end"])
        return g, net

    out["build"], (hand, net) = timed(build)
    out["build_triples"] = len(hand) if hand is not None else None
    hand = None
    gc.collect()
    anchor = next(e for e in data["events"] if e["id"] == anchor_of(events))
    latest_start = anchor["start_max"] or "9999-12-31"  # possibly before: ends before it

    def who_met_whom() -> list[tuple[str, str, str]]:
        return [(k, u, v) for u, v, k, d in net.edges(keys=True, data=True)
                if d["status"] in REAL and d["end_min"] < latest_start]

    out["who_met_whom"], rows = median(who_met_whom)
    out["who_met_whom_rows"] = len(rows)
    _write_rows(work / "plain-everyone.json", {(k, *sorted((u, v))) for k, u, v in rows})

    def who_met_one() -> list[tuple[str, str, str]]:
        return [(k, u, v) for u, v, k, d in net.edges(FOCUS, keys=True, data=True)
                if d["status"] in REAL and d["end_min"] < latest_start]

    out["who_met_one"], rows = median(who_met_one, repeat=21)
    out["who_met_one_rows"] = len(rows)
    _write_rows(work / "plain-one.json", {(k, *sorted((u, v))) for k, u, v in rows})

    def page() -> int:
        from pyvis.network import Network

        ego = nx.ego_graph(nx.Graph(net), FOCUS, radius=1)
        vis = Network(height="800px", width="100%", cdn_resources="in_line")
        vis.from_nx(ego)
        vis.write_html(str(work / "plain.html"), notebook=False)
        return int(ego.number_of_nodes())

    out["view"], out["view_nodes"] = timed(page)
    out["peak_mb"] = peak_mb()
    data = net = None
    gc.collect()
    if not with_rdflib:
        return
    # the same triples as korea_graph, for export, import and SPARQL
    # (the slowest last: a side stopped by the time limit still reports the others)
    g = rdflib.Graph()
    out["turtle_import"], _ = timed(lambda: g.parse(work / "data.ttl", format="turtle"))
    out["triples"] = len(g)
    out["peak_mb"] = peak_mb()
    out["sparql"], top = timed(lambda: list(g.query(QUERY)))
    out["sparql_top"] = [[str(r[0]).rsplit("/", 1)[-1], int(r[1])] for r in top]
    out["turtle_export"], _ = timed(lambda: g.serialize(format="turtle"))
    out["peak_mb"] = peak_mb()


# -- pyoxigraph used directly -------------------------------------------------------------------
def oxigraph_side(events: int, work: Path, out: Results) -> None:
    """The engine's own limit on the same triples: parse, serialize, load, SPARQL."""
    import pyoxigraph as ox


    if not (work / "data.ttl").exists():  # too large for memory: an on-disk store
        store = ox.Store(str(work / "ox-store"))
        out["store_load"], _ = timed(lambda: store.bulk_load(
            path=str(work / "data.nt"), format=ox.RdfFormat.N_TRIPLES))
        out["peak_mb_store_load"] = peak_mb()
        out["store_dump"], _ = timed(lambda: store.dump(
            str(work / "ox.ttl"), ox.RdfFormat.TURTLE, from_graph=ox.DefaultGraph()))
        out["triples"] = len(store)
        _oxigraph_queries(store, events, work, out)
        return
    nt = (work / "data.nt").read_bytes()
    out["triples"] = nt.count(b"\n")
    quads: list[Any] = list(ox.parse(nt, ox.RdfFormat.N_TRIPLES))  # untimed: the input
    del nt
    gc.collect()
    out["turtle_export"], ttl = timed(lambda: ox.serialize(
        quads, format=ox.RdfFormat.TURTLE, prefixes=PREFIXES))
    out["ntriples_export"], _ = timed(lambda: ox.serialize(quads, format=ox.RdfFormat.N_TRIPLES))
    out["turtle_write"], _ = timed(lambda: ox.serialize(
        quads, str(work / "ox.ttl"), format=ox.RdfFormat.TURTLE, prefixes=PREFIXES))
    out["ntriples_write"], _ = timed(lambda: ox.serialize(
        quads, str(work / "ox.nt"), format=ox.RdfFormat.N_TRIPLES))
    quads = []
    gc.collect()
    out["turtle_parse"], _ = timed(lambda: sum(1 for _ in ox.parse(ttl, ox.RdfFormat.TURTLE)))
    store = ox.Store()
    out["turtle_import"], _ = timed(lambda: store.bulk_load(ttl, ox.RdfFormat.TURTLE))
    ttl = b""
    out["peak_mb"] = peak_mb()
    _oxigraph_queries(store, events, work, out)


def _oxigraph_queries(store: Any, events: int, work: Path, out: Results) -> None:
    from korea_graph.scale.store import find_meetings

    def select(query: str) -> list[dict[str, str]]:
        return [{v.value: s[v.value].value for v in result.variables if s[v.value] is not None}
                for result in [store.query(query)] for s in result]

    anchor = anchor_of(events)
    out["who_met_whom"], rows = median(
        lambda: find_meetings(select, before=anchor, named_graphs=False), repeat=3)
    out["who_met_whom_rows"] = len(rows)
    _write_rows(work / "ox-everyone.json",
                {(m.record, *sorted((m.source, m.target))) for m in rows})
    out["who_met_one"], rows = median(
        lambda: find_meetings(select, before=anchor, involving=FOCUS, named_graphs=False))
    out["who_met_one_rows"] = len(rows)
    _write_rows(work / "ox-one.json", {(m.record, *sorted((m.source, m.target))) for m in rows})
    out["sparql"], top = median(lambda: list(store.query(QUERY)), repeat=3)
    out["sparql_top"] = [[r["a"].value.rsplit("/", 1)[-1], int(r["n"].value)] for r in top]
    out["peak_mb"] = peak_mb()


# -- the run ---------------------------------------------------------------------------------
# label, korea_graph key, rdflib + networkx key, pyoxigraph key, note
ROWS: list[tuple[str, str, str | None, str | None, str]] = [
    ("build (model + derived relations / hand-written rdflib + networkx)", "build", "build",
     None, ""),
    ("Turtle export, in memory (`to_rdf` / `Graph.serialize` / `pyoxigraph.serialize`)",
     "turtle_export", "turtle_export", "turtle_export", ""),
    ("N-Triples export, in memory (`to_rdf` / - / `pyoxigraph.serialize`)",
     "ntriples_export", None, "ntriples_export", ""),
    ("Turtle export to a file (`write_rdf` / - / `pyoxigraph.serialize(quads, path)`)",
     "turtle_write", None, "turtle_write", ""),
    ("N-Triples export to a file (`write_rdf` / - / `pyoxigraph.serialize(quads, path)`)",
     "ntriples_write", None, "ntriples_write", ""),
    ("Turtle export, on-disk store (`Store.export`)", "store_turtle_export", "turtle_export",
     "turtle_export", ""),
    ("N-Triples export, on-disk store (`Store.export` / - / `Store.dump`)",
     "store_ntriples_export", None, "store_dump", "pyoxigraph: the Turtle dump of its on-disk "
     "store"),
    ("add to the on-disk store (`Store.add`, all documents / - / `Store.bulk_load`)",
     "store_add", None, "turtle_import|store_load",
     "pyoxigraph: Turtle into memory, or N-Triples into its on-disk store above 100k"),
    ("Turtle import back to model objects (`from_rdf` / `Graph.parse` / `pyoxigraph.parse`)",
     "turtle_import_model", "turtle_import", "turtle_parse",
     "korea_graph also rebuilds every record"),
    ("who met whom before the middle event, first call (builds the time index)",
     "who_met_whom_first", "who_met_whom", "who_met_whom", ""),
    ("who met whom before the middle event (`meetings`, rows lazy / networkx filter / SPARQL)",
     "who_met_whom", "who_met_whom", "who_met_whom", "median of 5"),
    ("the same, every row read", "who_met_whom_read", "who_met_whom", "who_met_whom",
     "median of 5"),
    ("who met whom, on-disk store (`Store.meetings`: its side table)", "store_who_met_whom",
     "who_met_whom", "who_met_whom", "median of 5"),
    ("the same by one SPARQL query on the store (`find_meetings`, no side table)",
     "store_who_met_whom_sparql", "who_met_whom", "who_met_whom", ""),
    ("who met one person before it", "who_met_one", "who_met_one", "who_met_one",
     "median of 21"),
    ("the same, every row read", "who_met_one_read", "who_met_one", "who_met_one",
     "median of 21"),
    ("who met one person, on-disk store", "store_who_met_one", "who_met_one", "who_met_one",
     "median of 5"),
    ("`korea-graph store DIR ask`: the vocabulary (names, titles; once per process)",
     "store_ask_vocabulary", None, None, ""),
    ("`store ask \"who met whom before E\"` (reads only the records it may answer with)",
     "store_ask_everyone", "who_met_whom", "who_met_whom", ""),
    ("`store ask \"who has P met before E\"`", "store_ask_one", "who_met_one", "who_met_one",
     ""),
    ("SPARQL: top 10 by meetings (`sparql`, cached store / rdflib / pyoxigraph)", "sparql",
     "sparql", "sparql", ""),
    ("SPARQL, first call (builds the in-memory store)", "sparql_first", "sparql", "sparql", ""),
    ("SPARQL, on-disk store", "store_sparql", "sparql", "sparql", ""),
    ("view of one person's neighbourhood (`view` / pyvis)", "view", "view", None, ""),
]


def fmt(seconds: float | None) -> str:
    if seconds is None:
        return "n/a"
    if seconds < 0.001:
        return f"{seconds * 1000:.3f} ms"
    return f"{seconds * 1000:.1f} ms" if seconds < 1 else f"{seconds:.2f} s"


def ratio(ours: float | None, theirs: float | None) -> str:
    if not ours or not theirs:
        return ""
    return f"{theirs / ours:.1f}x faster" if theirs >= ours else f"{ours / theirs:.1f}x slower"


def markdown(result: dict[str, Any]) -> str:
    kg, plain, ox = result["korea_graph"], result["plain"], result["oxigraph"]
    triples = kg.get("triples") or ox.get("triples") or 0
    lines = [f"### {result['events']:,} events ({triples:,} triples)", "",
             "| operation | korea_graph | rdflib + networkx | korea_graph is | pyoxigraph "
             "directly | korea_graph is |", "|---|---|---|---|---|---|"]
    for label, a, b, c, note in ROWS:
        x = kg.get(a)
        y = plain.get(b) if b else None
        z = next((ox[k] for k in c.split("|") if k in ox), None) if c else None
        lines.append(f"| {label}{' (' + note + ')' if note else ''} | {fmt(x)} | "
                     f"{fmt(y) if b else '-'} | {ratio(x, y)} | {fmt(z) if c else '-'} | "
                     f"{ratio(x, z)} |")
    lines.append(f"| peak memory (ru_maxrss), whole run | {kg.get('peak_mb', 0):,.0f} MB | "
                 f"{plain.get('peak_mb', 0):,.0f} MB | | {ox.get('peak_mb', 0):,.0f} MB | |")
    lines.append(f"| peak memory after building the graph | {kg.get('peak_mb_model', 0):,.0f} MB"
                 " | | | | |")
    for key, label in (("ntriples_write", "writing the Turtle and N-Triples files"),
                       ("ntriples_export", "the in-memory export texts"),
                       ("sparql_first", "SPARQL's first call")):
        if f"peak_mb_{key}" in kg:
            lines.append(f"| peak memory after {label} | {kg[f'peak_mb_{key}']:,.0f} MB"
                         " | | | | |")
    lines.append("")
    for name, side in (("korea_graph", kg), ("rdflib + networkx", plain), ("pyoxigraph", ox)):
        if side.get("error"):
            lines.append(f"{name}: {side['error']}.")
    if not plain.get("turtle_import"):
        lines.append("rdflib's parse, serialize and query were not run at this size "
                     "(`--rdflib` runs them).")
    checks = result.get("equal_rows", {})
    lines.append("Equal rows: " + "; ".join(f"{k}: {v}" for k, v in checks.items()) + ".")
    return "\n".join(lines) + "\n"


def equal_rows(work: Path) -> dict[str, str]:
    """Whether every side returned the same set of (record, actor, actor) rows."""
    out = {}
    for case in ("everyone", "one"):
        sides = {}
        for side in ("kg", "store", "store-ask", "plain", "ox"):
            path = work / f"{side}-{case}.json"
            if path.exists():
                sides[side] = {tuple(r) for r in json.loads(path.read_text())}
        reference = sides.get("kg")
        same = reference is not None and all(rows == reference for rows in sides.values())
        counts = ", ".join(f"{k} {len(v)}" for k, v in sides.items())
        out[f"who met whom, {case}"] = f"{'PASS' if same else 'FAIL'} ({counts})"
    return out


def same_top(result: dict[str, Any]) -> dict[str, str]:
    """Whether the SPARQL query (top 10 actors by meetings) gave the same rows everywhere."""
    kg, ox = result["korea_graph"], result["oxigraph"]
    sides = {name: side[key] for name, side, key in (
        ("kg", kg, "sparql_top"), ("store", kg, "store_sparql_top"),
        ("ox", ox, "sparql_top")) if side.get(key)}
    if len(sides) < 2:
        return {}
    reference = next(iter(sides.values()))
    same = all(top == reference for top in sides.values())
    return {"SPARQL top 10 by meetings": f"{'PASS' if same else 'FAIL'} ({', '.join(sides)})"}


def machine() -> dict[str, Any]:
    import pyoxigraph
    import rdflib

    info: dict[str, Any] = {"python": platform.python_version(), "system": platform.platform(),
                            "cpus": os.cpu_count(), "rdflib": rdflib.__version__,
                            "pyoxigraph": pyoxigraph.__version__, "date": str(date.today())}
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                info["cpu"] = line.split(":", 1)[1].strip()
                break
        total = Path("/proc/meminfo").read_text().split()[1]
        info["memory_gb"] = round(int(total) / 1024 / 1024, 1)
        info["load_average"] = os.getloadavg()[0]
    except OSError:
        pass
    return info


def run_side(side: str, events: int, work: Path, timeout: float, memory_gb: float,
             extra: list[str]) -> dict[str, Any]:
    result = work / f"{side}.json"
    cmd = [sys.executable, __file__, "--events", str(events), "--worker", side,
           "--work", str(work), "--out", str(result), "--memory-gb", str(memory_gb), *extra]
    error = None
    try:
        subprocess.run(cmd, check=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        error = f"stopped after {timeout:.0f} s; the operations left out did not finish"
    except subprocess.CalledProcessError as exc:
        error = (f"failed with exit status {exc.returncode} (memory limit {memory_gb} GB?); "
                 f"the operations left out did not finish")
    data: dict[str, Any] = json.loads(result.read_text()) if result.exists() else {}
    if error:
        data["error"] = error
    return data


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=10_000)
    parser.add_argument("--out", type=Path, required=True, help="the JSON file to write")
    parser.add_argument("--timeout", type=float, default=3600, help="seconds per side")
    parser.add_argument("--memory-gb", type=float, default=8,
                        help="address-space limit per side, so that a side that needs more "
                             "fails instead of pushing the machine into swap (default 8)")
    parser.add_argument("--rdflib", action=argparse.BooleanOptionalAction, default=None,
                        help="run rdflib's parse, serialize and query too (default: up to "
                             "10,000 events; at 100k they take over half an hour and 10 GB)")
    parser.add_argument("--in-memory-rdf", action=argparse.BooleanOptionalAction,
                        default=None, help="in-memory export, import and SPARQL (default: up "
                                           "to 100,000 events; the store is for larger)")
    parser.add_argument("--only-queries", action="store_true",
                        help="only build and who-met-whom on the korea_graph and networkx "
                             "sides (minutes instead of an hour at 100k)")
    parser.add_argument("--worker", choices=("korea_graph", "plain", "oxigraph"),
                        help=argparse.SUPPRESS)
    parser.add_argument("--work", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    with_rdflib = args.rdflib if args.rdflib is not None else args.events <= 10_000
    in_memory = args.in_memory_rdf if args.in_memory_rdf is not None else args.events <= 100_000
    if args.worker:
        limit = int(args.memory_gb * 1024**3)
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
        out = Results(args.out)
        if args.worker == "korea_graph":
            korea_graph_side(args.events, args.work, out, in_memory, args.only_queries)
        elif args.worker == "plain":
            plain_side(args.events, args.work, out, with_rdflib)
        else:
            oxigraph_side(args.events, args.work, out)
        return
    extra = ["--rdflib" if with_rdflib and not args.only_queries else "--no-rdflib",
             "--in-memory-rdf" if in_memory else "--no-in-memory-rdf",
             *(["--only-queries"] if args.only_queries else [])]
    with tempfile.TemporaryDirectory(prefix="korea-graph-bench-") as tmp:
        work = Path(tmp)
        result: dict[str, Any] = {"events": args.events, "machine": machine()}
        for side in ("korea_graph", "plain", "oxigraph"):
            ready = (work / "records.json").exists() and (
                side != "oxigraph" or (work / "data.nt").exists()) and not (
                side == "oxigraph" and args.only_queries)
            result[side] = (run_side(side, args.events, work, args.timeout, args.memory_gb,
                                     extra) if side == "korea_graph" or ready else {})
        result["equal_rows"] = equal_rows(work)
        same = result["korea_graph"].get("store_who_met_whom_sparql_equal")
        if same is not None:
            result["equal_rows"]["on-disk store, side table = SPARQL (rows, order, "
                                 "certainty)"] = "PASS" if same else "FAIL"
        result["equal_rows"].update(same_top(result))
    table = markdown(result)
    result["markdown"] = table
    args.out.write_text(json.dumps(result, indent=1), encoding="utf-8")
    args.out.with_suffix(".md").write_text(table, encoding="utf-8")
    print(table)


if __name__ == "__main__":
    main()
