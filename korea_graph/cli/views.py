"""``korea-graph view``: an interactive HTML page that works offline."""

from __future__ import annotations

import argparse
from pathlib import Path

from .base import command, graph_of


def _view_args(p: argparse.ArgumentParser) -> None:
    from ..core.relations import RelationType

    p.add_argument("-o", "--output", default="korea_graph.html", type=Path, metavar="FILE",
                   help="the HTML file to write (default: korea_graph.html)")
    p.add_argument("--focus", metavar="NAME", help="only actors around this one (a name or id)")
    p.add_argument("--depth", type=int, default=1, metavar="N",
                   help="with --focus: how many steps away from it (default: 1)")
    p.add_argument("--until", metavar="DATE",
                   help="relations that possibly start on or before DATE (YYYY[-MM[-DD]])")
    p.add_argument("--since", metavar="DATE",
                   help="relations that possibly go on until DATE or later")
    p.add_argument("--relations", nargs="+", metavar="TYPE",
                   choices=[t.value for t in RelationType],
                   help="only these relation types (met_with, visited, ...)")
    p.add_argument("--kinds", nargs="+", metavar="KIND",
                   help="only actors of these kinds or categories (state, person, ...)")
    p.add_argument("--size-by", default="degree", choices=["degree", "betweenness", "closeness"],
                   help="what node size shows (default: degree)")
    p.add_argument("--real-only", action="store_true",
                   help="leave out planned, considered and did-not-happen relations")
    p.add_argument("--title", help="the page title")


@command("view", "write an interactive HTML view that works offline", _view_args)
def _view(args: argparse.Namespace) -> int:
    from ..views.network_view import view

    page = view(graph_of(args), focus=args.focus, depth=args.depth, until=args.until,
                since=args.since, relations=args.relations, kinds=args.kinds,
                size_by=args.size_by, include_unreal=not args.real_only, title=args.title)
    path = page.save(args.output)
    print(f"{path}: {len(page.node_ids)} actors, {len(page.edge_ids)} relations")
    return 0
