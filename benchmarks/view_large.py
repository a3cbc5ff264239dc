"""Does a large view open and respond? 2,000 actors and 10,000 relations in headless Chromium.

Builds a synthetic KnowledgeGraph in code (meetings and letters between actors picked with
a skewed, hub-heavy distribution, spread over a year, in every status), writes its view,
opens it in headless Chromium over the DevTools protocol (the helper the tests use) and
prints what it measured as JSON:

    python benchmarks/view_large.py [--actors 2000] [--relations 10000] [--layout physics]
    python benchmarks/view_large.py --sweep [--json FILE]

``--layout`` picks the drawing engine: ``physics`` (vis-network lays the graph out in
the page, the default below the switch), ``igraph`` or ``networkx`` (laid out in Python,
drawn by vis-network without physics). ``--sweep`` runs sizes from 250 to 4,000 actors
(five relations per actor) with each engine and prints where the Python layout starts
to win, counting the whole wait of a user: building the page in Python plus opening it.

Times in the page come from ``performance.now()``; a "response" is the time from the
action to the end of the next drawn frame. Not a unit test: the numbers depend on the
machine (the reference machine has 2 cores, no GPU; Chromium draws in software).
"""

from __future__ import annotations

import argparse
import json
import platform
import random
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from chromium import Chromium

from korea_graph import (
    Actor,
    ActorKind,
    Event,
    EventType,
    Evidence,
    KnowledgeGraph,
    Participant,
    Role,
    Status,
    TimeSpan,
    view,
)

KINDS = [ActorKind.PERSON] * 6 + [ActorKind.STATE, ActorKind.MINISTRY, ActorKind.PARTY,
                                  ActorKind.CITY, ActorKind.FACILITY, ActorKind.TREATY,
                                  ActorKind.PROJECT, ActorKind.TOPIC]


def synthetic_graph(n_actors: int, n_relations: int, seed: int = 5) -> KnowledgeGraph:
    """Every event yields exactly one relation; every actor is in at least one."""
    rng = random.Random(seed)
    actors = [Actor(f"a{i}", f"Actor {i}", rng.choice(KINDS)) for i in range(n_actors)]
    weights = [1 / (i + 1) ** 0.8 for i in range(n_actors)]
    statuses = list(Status)
    events = []
    for n in range(n_relations):
        if n < n_actors:  # first make sure everyone takes part once
            a, b = n, rng.randrange(n_actors)
            while b == a:
                b = rng.randrange(n_actors)
        else:
            a, b = rng.choices(range(n_actors), weights, k=2)
            while b == a:
                b = rng.randrange(n_actors)
        day = date(2000, 1, 1) + timedelta(days=rng.randrange(366))
        quote = f"Actor {a} and Actor {b} were in contact on {day}."
        meeting = rng.random() < 0.7
        roles = (Role.PARTICIPANT, Role.PARTICIPANT) if meeting else (Role.SENDER,
                                                                       Role.ADDRESSEE)
        events.append(Event(
            f"e{n}", EventType.MEETING if meeting else EventType.LETTER, f"Contact {n}",
            (Participant(f"a{a}", roles[0]), Participant(f"a{b}", roles[1])),
            TimeSpan.day(day), rng.choice(statuses),
            (Evidence("synthetic", 0, len(quote), quote, 1),),
        ))
    return KnowledgeGraph(actors=actors, events=events)


FRAME = """new Promise(done => {{
  const t = performance.now();
  koreaGraph.network.once('afterDrawing', () => done(performance.now() - t));
  {action};
  koreaGraph.network.redraw();
}})"""


def measure(n_actors: int, n_relations: int, width: int, height: int,
            screenshot: Path | None = None, layout: str = "physics",
            responses: bool = True) -> dict[str, Any]:
    out: dict[str, Any] = {"actors": n_actors, "relations": n_relations, "layout": layout,
                           "machine": f"{platform.machine()}, {platform.python_version()}"}
    start = time.perf_counter()
    kg = synthetic_graph(n_actors, n_relations)
    out["make_graph_s"] = round(time.perf_counter() - start, 2)
    start = time.perf_counter()
    v = view(kg, layout=layout)
    out["view_s"] = round(time.perf_counter() - start, 2)
    start = time.perf_counter()
    page_html = v.html
    out["html_s"] = round(time.perf_counter() - start, 2)
    out["html_mb"] = round(len(page_html.encode()) / 1e6, 2)
    with tempfile.TemporaryDirectory() as folder, Chromium() as browser:
        path = v.save(Path(folder) / "large.html")
        page = browser.new_page(width, height)
        start = time.perf_counter()
        page.goto(path.as_uri(), timeout=300)
        out["load_event_s"] = round(time.perf_counter() - start, 2)
        page.wait_for("window.koreaGraph && koreaGraph.ready", timeout=600)
        out["open_to_settled_s"] = round(time.perf_counter() - start, 2)
        timings = page.evaluate("koreaGraph.timings")
        out["in_page_ms"] = {k: round(v_, 1) for k, v_ in timings.items() if v_ is not None}
        out["drawn_nodes"] = len(page.evaluate("koreaGraph.drawnNodeIds()"))
        out["drawn_edges"] = len(page.evaluate("koreaGraph.drawnEdgeIds()"))
        out["physics_after_settling"] = page.evaluate(
            "koreaGraph.network.physics.options.enabled")
        out["wait_s"] = round(out["view_s"] + out["html_s"] + out["open_to_settled_s"], 2)
        total = page.evaluate("koreaGraph.data.steps.length")
        actions = {
            "redraw": "0",
            "slider to half": f"koreaGraph.setStep({total // 2})",
            "one step forward": f"koreaGraph.setStep({total // 2 + 1})",
            "slider to the end": f"koreaGraph.setStep({total})",
            "zoom in": "koreaGraph.network.moveTo({scale: 2})",
            "search and select": "koreaGraph.select(koreaGraph.search('actor 17')[0])",
            "fit all": "koreaGraph.network.fit({animation: false})",
        }
        if responses:
            out["response_ms"] = {name: round(page.evaluate(FRAME.format(action=action),
                                                             timeout=300), 1)
                                  for name, action in actions.items()}
        if screenshot is not None:
            page.evaluate("koreaGraph.network.fit({animation: false})")
            screenshot.write_bytes(page.screenshot())
        out["console_errors"] = page.errors
        out["network_requests"] = [u for u in page.requests if not u.startswith("file:")]
    return out


SWEEP = (250, 500, 1000, 2000, 4000)
#: networkx's spring layout loops in Python over the actors at every iteration: 80 s at
#: 2,000 actors on the reference machine, so it is measured on the small sizes only
NETWORKX_UP_TO = 1000


def sweep(width: int, height: int) -> dict[str, Any]:
    """Each engine at each size; the switch is the smallest size from which the Python
    layout (igraph) makes the user wait less than the page's physics, at every larger
    size measured too."""
    rows = []
    for n in SWEEP:
        for layout in ("physics", "igraph", "networkx"):
            if layout == "networkx" and n > NETWORKX_UP_TO:
                continue
            r = measure(n, 5 * n, width, height, layout=layout, responses=False)
            rows.append({k: r[k] for k in ("actors", "relations", "layout", "view_s", "html_s",
                                           "open_to_settled_s", "wait_s", "console_errors",
                                           "network_requests")})
            print(json.dumps(rows[-1]), file=sys.stderr)
    wait = {(r["layout"], r["actors"]): r["wait_s"] for r in rows}
    wins = [n for n in SWEEP if wait[("igraph", n)] < wait[("physics", n)]]
    switch = next((n for n in SWEEP if all(m in wins for m in SWEEP if m >= n)), None)
    return {"machine": f"{platform.machine()}, {platform.python_version()}", "runs": rows,
            "igraph_wins_from_actors": switch,
            "igraph_wins_from_relations": None if switch is None else 5 * switch}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--actors", type=int, default=2000)
    parser.add_argument("--relations", type=int, default=10000)
    parser.add_argument("--width", type=int, default=1400)
    parser.add_argument("--height", type=int, default=900)
    parser.add_argument("--json", type=Path, help="also write the result to this file")
    parser.add_argument("--screenshot", type=Path, help="write a PNG of the settled page")
    parser.add_argument("--layout", default="physics", choices=["physics", "igraph", "networkx"])
    parser.add_argument("--sweep", action="store_true",
                        help="every engine at several sizes, and the switch point")
    args = parser.parse_args()
    if args.sweep:
        result: dict[str, Any] = sweep(args.width, args.height)
    else:
        result = measure(args.actors, args.relations, args.width, args.height,
                         args.screenshot, args.layout)
    text = json.dumps(result, indent=2)
    print(text)
    if args.json:
        args.json.write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
