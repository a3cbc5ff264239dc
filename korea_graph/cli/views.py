"""``korea-graph view``: an interactive HTML page that works offline."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from .base import command, graph_of


def _view_args(p: argparse.ArgumentParser) -> None:
    from ..core.relations import RelationType

    p.add_argument("-o", "--output", type=Path, metavar="FILE",
                   help="the file to write: .html for the interactive page (default: "
                        "korea_graph.html, or korea_graph_timeline.html with --timeline), "
                        ".png, .svg or .pdf for a static picture (needs matplotlib)")
    p.add_argument("--timeline", action="store_true",
                   help="a timeline of the records, each drawn as its uncertain time, "
                        "instead of the network")
    p.add_argument("--rows", choices=["kind", "actor"], default="kind",
                   help="with --timeline: a row per event kind or per actor (default: kind)")
    p.add_argument("--focus", metavar="NAME", help="only actors around this one (a name or id)")
    p.add_argument("--depth", type=int, default=1, metavar="N",
                   help="with --focus: how many steps away from it (default: 1)")
    p.add_argument("--until", metavar="WHEN",
                   help="relations that possibly start on or before WHEN: a date "
                        "(2000-07-18, 'June 27', 2000-06) or an event ('Putin's trip')")
    p.add_argument("--since", metavar="WHEN",
                   help="relations that possibly go on until WHEN or later (date or event)")
    p.add_argument("--relations", nargs="+", metavar="TYPE",
                   choices=[t.value for t in RelationType],
                   help="only these relation types (met_with, visited, ...)")
    p.add_argument("--kinds", nargs="+", metavar="KIND",
                   help="only actors of these kinds or categories (state, person, ...)")
    p.add_argument("--documents", nargs="+", metavar="DOC",
                   help="the graph as these documents tell it (ids or titles)")
    p.add_argument("--as-of", metavar="WHEN",
                   help="the graph as known on WHEN: only documents published by then")
    p.add_argument("--size-by", default="degree", choices=["degree", "betweenness", "closeness"],
                   help="what node size shows (default: degree)")
    p.add_argument("--layout", default="auto", choices=["auto", "physics", "igraph", "networkx"],
                   help="how the network is laid out: in the page (physics), in Python "
                        "(igraph or networkx; faster for big graphs) or by size (default: auto)")
    p.add_argument("--real-only", action="store_true",
                   help="leave out planned, considered and did-not-happen relations")
    p.add_argument("--title", help="the page title")


@command("view", "write an interactive HTML view (network or timeline) or a picture",
         _view_args)
def _view(args: argparse.Namespace) -> int:
    from ..views.network_view import View, view
    from ..views.timeline_view import Timeline, timeline_view

    filters: dict[str, Any] = {
        "focus": args.focus, "depth": args.depth, "until": args.until, "since": args.since,
        "relations": args.relations, "kinds": args.kinds,
        "include_unreal": not args.real_only, "title": args.title,
        "documents": args.documents, "as_of": args.as_of}
    output = args.output or Path("korea_graph_timeline.html" if args.timeline
                                 else "korea_graph.html")
    page: Timeline | View
    if args.timeline:
        page = timeline_view(graph_of(args), rows=args.rows, **filters)
        summary = f"{len(page.record_ids)} records in {len(page.rows)} rows"
    else:
        page = view(graph_of(args), size_by=args.size_by, layout=args.layout, **filters)
        summary = f"{len(page.node_ids)} actors, {len(page.edge_ids)} relations"
    path = (page.save(output) if output.suffix.lower() in (".html", ".htm")
            else page.picture(output))
    print(f"{path}: {summary}")
    return 0
