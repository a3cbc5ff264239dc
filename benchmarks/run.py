"""Scale benchmark: korea_graph side by side with the code a user would write with rdflib
and networkx alone, on a synthetic corpus, in one run.

    python benchmarks/run.py --events 10000 --out results-10k.json

Each side runs in its own fresh interpreter, so its peak memory (ru_maxrss) is its own.
The korea_graph side goes first and writes the corpus' N-Triples, Turtle and a JSON of
its records to a temporary folder; the plain side reads them (untimed) as its input, so
both sides work on the same triples. Writes FILE.json and FILE.md (a Markdown table) and
prints the table.
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
REAL = ("occurred", "reported", "disputed")


def timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    start = time.perf_counter()
    result = fn()
    return time.perf_counter() - start, result


def median(fn: Callable[[], Any], repeat: int = 5) -> tuple[float, Any]:
    """The median of ``repeat`` runs (one run only when it takes over a second)."""
    first, result = timed(fn)
    if first > 1:
        return first, result
    samples = [first]
    for _ in range(repeat - 1):
        seconds, result = timed(fn)
        samples.append(seconds)
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
def korea_graph_side(events: int, work: Path, out: Results) -> None:
    from korea_graph import generate, meetings, sparql, to_rdf
    from korea_graph.linked_data.rdf import from_rdf
    from korea_graph.scale.store import Store
    from korea_graph.views.network_view import view

    anchor = anchor_of(events)
    out["build"], kg = timed(lambda: generate(events=events, seed=0))
    seconds, relations = timed(lambda: kg.all_relations)
    out["build"] += seconds
    out["relations"] = len(relations)
    out["peak_mb_model"] = peak_mb()  # the graph and its derived relations, nothing else
    out["turtle_export"], ttl = timed(lambda: to_rdf(kg, "turtle"))
    nt = to_rdf(kg, "ntriples")
    out["triples"] = nt.count("\n")
    (work / "data.ttl").write_text(ttl, encoding="utf-8")
    (work / "data.nt").write_text(nt, encoding="utf-8")
    del nt
    _write_records(kg, work / "records.json")
    out["turtle_import_model"], back = timed(lambda: from_rdf(ttl, "turtle"))
    assert len(back.events) == events
    back = ttl = None  # free them (not del: the lambdas above refer to the names)
    gc.collect()
    out["who_met_whom"], rows = median(lambda: meetings(kg, before=anchor))
    out["who_met_whom_rows"] = len(rows)
    out["who_met_one"], rows = median(lambda: meetings(kg, involving=FOCUS, before=anchor))
    out["who_met_one_rows"] = len(rows)
    out["sparql_first"], top = timed(lambda: sparql(kg, QUERY))
    out["sparql"], top = median(lambda: sparql(kg, QUERY))
    out["sparql_top"] = [[str(r["a"]).rsplit("/", 1)[-1], int(r["n"])] for r in top]
    out["view"], _ = timed(lambda: view(kg, focus=FOCUS, depth=1).save(work / "kg.html"))
    out["view_nodes"] = len(view(kg, focus=FOCUS, depth=1).node_ids)
    out["peak_mb_in_memory"] = peak_mb()
    # the on-disk store
    folder = work / "store"
    with Store.open(folder) as store:
        out["store_add"], _ = timed(lambda: store.add(kg))
    kg = None
    gc.collect()
    with Store.open(folder) as store:
        out["store_turtle_export"], _ = timed(lambda: store.export(work / "store.ttl"))
        out["store_who_met_whom"], rows = median(lambda: store.meetings(before=anchor))
        out["store_who_met_whom_rows"] = len(rows)
        out["store_who_met_one"], rows = median(
            lambda: store.meetings(involving=FOCUS, before=anchor))
        out["store_sparql"], _ = median(lambda: store.sparql(QUERY), repeat=3)
    out["turtle_import_store"] = _oxigraph_parse(work / "data.ttl")
    out["peak_mb"] = peak_mb()


def _oxigraph_parse(path: Path) -> float:
    import pyoxigraph as ox

    data = path.read_bytes()
    store = ox.Store()
    seconds, _ = timed(lambda: store.load(data, ox.RdfFormat.TURTLE))
    return seconds


def _write_records(kg: Any, path: Path) -> None:
    """What the plain side starts from: events with their participants, dates, status."""
    events = [{"id": e.id, "type": e.type.value, "label": e.label, "status": e.status.value,
               "start": str(e.when.start_min) if e.when.start_min else None,
               "end": str(e.when.end_max) if e.when.end_max else None,
               "participants": [[p.actor, p.role.value] for p in e.participants],
               "quote": e.evidence[0].quote}
              for e in kg.events.values()]
    actors = {a.id: a.label for a in kg.actors.values()}
    path.write_text(json.dumps({"events": events, "actors": actors}), encoding="utf-8")


# -- the plain rdflib + networkx side ---------------------------------------------------------
def plain_side(events: int, work: Path, out: Results) -> None:
    import networkx as nx
    import rdflib
    from rdflib.namespace import RDF, RDFS, XSD

    data = json.loads((work / "records.json").read_text(encoding="utf-8"))
    ex = rdflib.Namespace("https://example.org/")
    meeting_types = {"meeting", "talks", "summit", "negotiation"}

    def build() -> tuple[rdflib.Graph, nx.MultiGraph]:
        g = rdflib.Graph()
        net = nx.MultiGraph()
        for actor_id, label in data["actors"].items():
            g.add((ex[actor_id], RDFS.label, rdflib.Literal(label)))
            net.add_node(actor_id, label=label)
        for e in data["events"]:
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
            if e["type"] in meeting_types:
                people = [a for a, _ in e["participants"]]
                for i, a in enumerate(people):
                    for b in people[i + 1:]:
                        g.add((ex[a], ex.metWith, ex[b]))
                        net.add_edge(a, b, key=e["id"], type="met_with", status=e["status"],
                                     earliest=e["start"], latest=e["end"])
        return g, net

    out["build"], (hand, net) = timed(build)
    out["build_triples"] = len(hand)
    hand = None
    gc.collect()
    start = next(e["start"] for e in data["events"] if e["id"] == anchor_of(events))

    def who_met_whom() -> list[tuple[str, str]]:
        return [(u, v) for u, v, d in net.edges(data=True)
                if d["status"] in REAL and (d["latest"] is None or d["latest"] < start)]

    out["who_met_whom"], rows = median(who_met_whom)
    out["who_met_whom_rows"] = len(rows)

    def who_met_one() -> list[str]:
        return [v for _, v, d in net.edges(FOCUS, data=True)
                if d["status"] in REAL and (d["latest"] is None or d["latest"] < start)]

    out["who_met_one"], rows = median(who_met_one)
    out["who_met_one_rows"] = len(rows)

    def page() -> int:
        from pyvis.network import Network

        ego = nx.ego_graph(nx.Graph(net), FOCUS, radius=1)
        vis = Network(height="800px", width="100%", cdn_resources="in_line")
        vis.from_nx(ego)
        vis.write_html(str(work / "plain.html"), notebook=False)
        return int(ego.number_of_nodes())

    out["view"], out["view_nodes"] = timed(page)
    data = None
    gc.collect()
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


# -- the run ---------------------------------------------------------------------------------
ROWS: list[tuple[str, str, str | None, str]] = [  # label, korea_graph key, plain key, note
    ("build (model + derived relations / hand-written rdflib + networkx)", "build", "build", ""),
    ("Turtle export, in memory (`to_rdf` / `Graph.serialize`)", "turtle_export",
     "turtle_export", ""),
    ("Turtle export, on-disk store (`Store.export`)", "store_turtle_export", "turtle_export",
     ""),
    ("add to the on-disk store (`Store.add`, all documents)", "store_add", None, ""),
    ("Turtle import into a triple store (pyoxigraph / `Graph.parse`)", "turtle_import_store",
     "turtle_import", ""),
    ("Turtle import back to model objects (`from_rdf`)", "turtle_import_model",
     "turtle_import", "korea_graph also rebuilds every record"),
    ("who met whom before the middle event (`meetings` / networkx filter)", "who_met_whom",
     "who_met_whom", "median of 5"),
    ("who met whom, on-disk store (one SPARQL query)", "store_who_met_whom", "who_met_whom",
     "median of 5"),
    ("who met one person before it", "who_met_one", "who_met_one", "median of 5"),
    ("who met one person, on-disk store", "store_who_met_one", "who_met_one", "median of 5"),
    ("SPARQL: top 10 by meetings (`sparql`, cached store / rdflib)", "sparql", "sparql", ""),
    ("SPARQL, first call (exports and loads the store)", "sparql_first", "sparql", ""),
    ("SPARQL, on-disk store", "store_sparql", "sparql", ""),
    ("view of one person's neighbourhood (`view` / pyvis)", "view", "view", ""),
]


def markdown(result: dict[str, Any]) -> str:
    kg, plain = result["korea_graph"], result["plain"]
    lines = [f"### {result['events']:,} events ({kg.get('triples', 0):,} triples)", "",
             "| operation | korea_graph | rdflib + networkx | korea_graph is |",
             "|---|---|---|---|"]

    def fmt(seconds: float | None) -> str:
        if seconds is None:
            return "n/a"
        return f"{seconds * 1000:.1f} ms" if seconds < 1 else f"{seconds:.2f} s"

    for label, a, b, note in ROWS:
        x, y = kg.get(a), plain.get(b) if b else None
        ratio = "n/a"
        if x and y:
            ratio = f"{y / x:.1f}x faster" if y >= x else f"{x / y:.1f}x slower"
        lines.append(f"| {label}{' (' + note + ')' if note else ''} | {fmt(x)} | {fmt(y)} | "
                     f"{ratio} |")
    lines.append(f"| peak memory (ru_maxrss), whole run | {kg.get('peak_mb', 0):,.0f} MB | "
                 f"{plain.get('peak_mb', 0):,.0f} MB | |")
    lines.append(f"| peak memory after building the graph | {kg.get('peak_mb_model', 0):,.0f} MB"
                 f" | | |")
    lines.append("")
    for name, side in (("korea_graph", kg), ("rdflib + networkx", plain)):
        if side.get("error"):
            lines.append(f"{name}: {side['error']}.")
    lines.append(f"Rows: korea_graph who-met-whom {kg.get('who_met_whom_rows')} (store "
                 f"{kg.get('store_who_met_whom_rows')}), networkx filter "
                 f"{plain.get('who_met_whom_rows')}; SPARQL top-10 equal on both sides: "
                 f"{kg.get('sparql_top') == plain.get('sparql_top')}.")
    return "\n".join(lines) + "\n"


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


def run_side(side: str, events: int, work: Path, timeout: float, memory_gb: float
             ) -> dict[str, Any]:
    result = work / f"{side}.json"
    cmd = [sys.executable, __file__, "--events", str(events), "--worker", side,
           "--work", str(work), "--out", str(result), "--memory-gb", str(memory_gb)]
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
    parser.add_argument("--memory-gb", type=float, default=12,
                        help="address-space limit per side, so that a side that needs more "
                             "fails instead of pushing the machine into swap (default 12)")
    parser.add_argument("--worker", choices=("korea_graph", "plain"), help=argparse.SUPPRESS)
    parser.add_argument("--work", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        limit = int(args.memory_gb * 1024**3)
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
        side = korea_graph_side if args.worker == "korea_graph" else plain_side
        side(args.events, args.work, Results(args.out))
        return
    with tempfile.TemporaryDirectory(prefix="korea-graph-bench-") as tmp:
        work = Path(tmp)
        result = {"events": args.events, "machine": machine(),
                  "korea_graph": run_side("korea_graph", args.events, work, args.timeout,
                                          args.memory_gb)}
        result["plain"] = (run_side("plain", args.events, work, args.timeout, args.memory_gb)
                           if (work / "data.ttl").exists() else {})
    table = markdown(result)
    result["markdown"] = table
    args.out.write_text(json.dumps(result, indent=1), encoding="utf-8")
    args.out.with_suffix(".md").write_text(table, encoding="utf-8")
    print(table)


if __name__ == "__main__":
    main()
