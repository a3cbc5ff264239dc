"""Interactive views: one self-contained HTML page per filtered graph, shown in Jupyter.

:func:`view` filters the graph in Python (focus actor and depth, relation types, actor
kinds, a time window, real events only) and returns a :class:`View`. Its ``html`` is a
single page that draws with vis-network (the build that pyvis ships, inlined), makes no
request to any network address, and carries the graph as JSON data, never as markup:
labels, tooltips and evidence are put into the page with ``textContent``. In the page a
slider grows the graph record by record, a search box finds actors, the legend's rows
filter by relation family, status and document, and a click shows the details of a node
or an edge. See ``docs/views.md``.

>>> from korea_graph import load
>>> v = view(load(), focus="Aleksandr Losyukov", until="2000-07-18")
>>> sorted(v.node_ids)
['aleksandr-losyukov', 'kim-yong-nam', 'pek-nam-sun', 'russia']
>>> v.html.startswith("<!DOCTYPE html>"), "<script src" in v.html
(True, False)
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterable, Mapping
from importlib import resources
from pathlib import Path
from typing import Any

from ..core.graph import KnowledgeGraph
from ..core.model import ActorKind, Status
from ..core.relations import Relation, RelationType
from ..core.timespan import TimeSpan
from ..errors import DependencyError, QueryError
from .page import Page, inlinable, template
from .selection import TimeBound, document_choices, select
from .styles import (
    CATEGORY_STYLE,
    NOT_HAPPENED_COLOUR,
    RELATION_FAMILIES,
    STATUS_STYLE,
    caption,
    family_of,
    status_words,
)

__all__ = [
    "CATEGORY_STYLE",
    "RELATION_FAMILIES",
    "SERVER_LAYOUT_ABOVE",
    "STATUS_STYLE",
    "View",
    "view",
    "vis_network_js",
]

_MEASURES = ("degree", "betweenness", "closeness")
_SIZE_NAMES = {"degree": "relations shown", "betweenness": "betweenness (shown graph)",
               "closeness": "closeness (shown graph)", "given values": "size (given)"}
_LARGE = 1000  #: more edges than this: straight edges, no labels, fewer layout iterations
_EDGE_FONT_PX = 13  #: relation names, in screen pixels at any zoom
_DECLUTTER_MAX = 400  #: up to this many actors the page moves actors apart so labels never overlap
_VIS_JS = "lib/vis-9.1.2/vis-network.min.js"
#: ``layout="auto"`` lays out in Python above this many relations (see docs/views.md)
SERVER_LAYOUT_ABOVE = 2000


def view(
    kg: KnowledgeGraph,
    focus: str | None = None,
    depth: int = 1,
    until: TimeBound | None = None,
    since: TimeBound | None = None,
    relations: Iterable[RelationType | str] | None = None,
    kinds: Iterable[ActorKind | str] | None = None,
    size_by: str | Mapping[str, float] = "degree",
    include_unreal: bool = True,
    title: str | None = None,
    documents: Iterable[str] | None = None,
    layout: str = "auto",
    as_of: TimeBound | None = None,
) -> View:
    """A view of ``kg`` filtered as asked; every filter is optional.

    - ``focus``/``depth``: only actors within ``depth`` steps of ``focus`` (any direction,
      over the relations the other filters keep), and the relations among them.
    - ``until``: relations that *possibly* start on or before the last day of ``until``
      (the earliest possible start is not later); ``since``: relations that possibly go on
      until the first day of ``since`` or later. Open bounds always pass. Both are time
      anchors as ``ask`` reads them: a date (``"2000-07-18"``, ``"June 27"``, ``"2000-06"``)
      or an event by name (``"Putin's trip"``).
    - ``relations``: relation types (``"met_with"``...); ``kinds``: actor kinds
      (``"ministry"``) or categories (``"institution"``); a relation is kept when both ends
      are of a kept kind.
    - ``include_unreal``: keep planned, considered and did-not-happen relations (drawn
      dashed or grey); ``False`` keeps what occurred, was reported or disputed.
    - ``documents``: ids or titles of documents in ``kg.documents``; a relation is kept
      when one of its evidence sentences comes from one of them. ``as_of``: a date or an
      event; the graph as known then, from the documents published by that day
      (:meth:`~korea_graph.KnowledgeGraph.select`), so an event two sources report has
      the time and status the earlier one gives it.
    - ``size_by``: ``"degree"`` (relations drawn), ``"betweenness"``, ``"closeness"``, or a
      mapping of actor id to a number.
    - ``layout``: ``"physics"`` (vis-network lays the graph out in the page),
      ``"igraph"`` or ``"networkx"`` (laid out in Python, drawn without physics), or
      ``"auto"``: ``"igraph"`` above :data:`SERVER_LAYOUT_ABOVE` relations when igraph
      is installed, else physics (``benchmarks/view_large.py`` measured the switch; see
      docs/views.md).

    The page shows the actors that take part in a shown relation, and the focus.

    >>> from korea_graph import load
    >>> v = view(load(document="monitor-6-129"), relations=["signed"])
    >>> sorted(v.node_ids)
    ['igor-ivanov', 'north-korean-government', 'russia-dprk-friendship-treaty']
    >>> view(load(), relations=["shook_hands"])
    Traceback (most recent call last):
    ...
    korea_graph.errors.QueryError: unknown relation type 'shook_hands' (expected one of ...)
    """
    chosen = select(kg, focus=focus, depth=depth, until=until, since=since,
                    relations=relations, kinds=kinds, include_unreal=include_unreal,
                    documents=documents, title=title, as_of=as_of)
    return View(chosen.kg, chosen.relations, focus=chosen.focus, size_by=size_by,
                title=chosen.title, layout=layout)


class View(Page):
    """A filtered graph ready to draw: ``html`` is the page, ``save(path)`` writes it,
    ``picture(path)`` writes a static PNG/SVG/PDF (matplotlib), and Jupyter shows it
    inline through :meth:`_repr_html_` (an iframe with ``srcdoc``).

    ``node_ids``/``edge_ids`` are the actor and relation ids shown; ``data`` is the JSON
    the page draws from; ``layout`` is how it is laid out (``"physics"``, ``"igraph"``
    or ``"networkx"``).
    """

    def __init__(self, kg: KnowledgeGraph, relations: Iterable[Relation], *,
                 focus: str | None = None, size_by: str | Mapping[str, float] = "degree",
                 title: str = "korea_graph", layout: str = "auto") -> None:
        self.kg = kg
        self.relations: tuple[Relation, ...] = tuple(relations)
        self.focus = focus
        self.title = title
        ids = {a for r in self.relations for a in (r.source, r.target)}
        if focus is not None:
            ids.add(focus)
        self.node_ids: tuple[str, ...] = tuple(a for a in kg.actors if a in ids)
        self.edge_ids: tuple[str, ...] = tuple(r.id for r in self.relations)
        self.sizes: dict[str, float] = _sizes(self.node_ids, self.relations, size_by)
        self.size_by = size_by if isinstance(size_by, str) else "given values"
        self.layout = _layout(layout, len(self.relations))
        self.positions: dict[str, tuple[float, float]] | None = (
            None if self.layout == "physics"
            else server_layout(self.node_ids, self.relations, self.layout))
        self.data: dict[str, Any] = _page_data(kg, self)

    def __repr__(self) -> str:
        return (f"<View {self.title!r}: {len(self.node_ids)} actors, "
                f"{len(self.edge_ids)} relations>")

    def picture(self, path: str | os.PathLike[str], *, width: float = 12,
                height: float = 8, dpi: int = 150) -> Path:
        """Write a static picture of the network (PNG, SVG or PDF by the file's suffix),
        for pasting into a report; needs matplotlib (``pip install 'korea_graph[views]'``)."""
        from .pictures import network_picture

        return network_picture(self, path, width=width, height=height, dpi=dpi)

    def _body(self) -> str:
        return template("network.html")

    def _styles(self) -> str:
        return template("network.css")

    def _library(self) -> str:
        return vis_network_js()

    def _script(self) -> str:
        return template("network.js")


def vis_network_js() -> str:
    """The vis-network 9.1.2 standalone script that pyvis ships, to inline in a page."""
    try:
        text = (resources.files("pyvis") / _VIS_JS).read_text(encoding="utf-8")
    except (ModuleNotFoundError, FileNotFoundError) as exc:
        raise DependencyError(f"pyvis with {_VIS_JS} is needed for views: "
                              "pip install 'pyvis>=0.3.2'") from exc
    return inlinable(text, f"pyvis's {_VIS_JS}")


_LAYOUTS = ("auto", "physics", "igraph", "networkx")
_NEEDS = {"igraph": ("igraph",), "networkx": ("numpy", "scipy")}


def _layout(asked: str, n_relations: int) -> str:
    if asked not in _LAYOUTS:
        raise QueryError(f"unknown layout {asked!r} (expected {', '.join(_LAYOUTS)})")
    if asked == "auto":
        return "igraph" if n_relations > SERVER_LAYOUT_ABOVE and _has("igraph") else "physics"
    if asked != "physics" and not _has(asked):
        raise DependencyError(f"layout={asked!r} needs {' and '.join(_NEEDS[asked])}: "
                              "pip install 'korea_graph[views]'")
    return asked


def _has(layout: str) -> bool:
    import importlib.util

    return all(importlib.util.find_spec(m) is not None for m in _NEEDS[layout])


def server_layout(nodes: Iterable[str], relations: Iterable[Relation], engine: str = "igraph",
                  seed: int = 7) -> dict[str, tuple[float, float]]:
    """Positions for the page, computed in Python, in vis-network's pixel units (the
    drawing spans about 60 px times the square root of the number of actors):
    ``"igraph"``, Fruchterman-Reingold on a grid (C, fast); ``"networkx"``,
    networkx's spring layout (the same algorithm in numpy/scipy; slower, see
    docs/performance.md)."""
    import math

    ids = list(dict.fromkeys(nodes))
    index = {n: i for i, n in enumerate(ids)}
    pairs = sorted({(index[r.source], index[r.target]) for r in relations
                    if r.source != r.target and r.source in index and r.target in index})
    if not ids:
        return {}
    if engine == "igraph":
        import random

        import igraph

        random.seed(seed)  # igraph's layouts draw their start from Python's random
        g = igraph.Graph(n=len(ids), edges=pairs)
        coords = [(float(x), float(y)) for x, y in
                  g.layout_fruchterman_reingold(niter=500, grid="auto").coords]
    else:
        import networkx as nx

        h = nx.Graph()
        h.add_nodes_from(range(len(ids)))
        h.add_edges_from(pairs)
        spring = nx.spring_layout(h, seed=seed, iterations=50)
        coords = [(float(spring[i][0]), float(spring[i][1])) for i in range(len(ids))]
    xs, ys = [c[0] for c in coords], [c[1] for c in coords]
    cx, cy = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
    half = max(max(xs) - min(xs), max(ys) - min(ys), 1e-9) / 2
    scale = 60.0 * math.sqrt(len(ids)) / half
    return {n: (round((x - cx) * scale, 1), round((y - cy) * scale, 1))
            for n, (x, y) in zip(ids, coords, strict=True)}


def _sizes(nodes: tuple[str, ...], relations: tuple[Relation, ...],
           size_by: str | Mapping[str, float]) -> dict[str, float]:
    if isinstance(size_by, Mapping):
        return {n: float(size_by.get(n, 0.0)) for n in nodes}
    if size_by not in _MEASURES:
        raise QueryError(f"unknown size_by {size_by!r} (expected one of "
                         f"{', '.join(_MEASURES)} or a mapping of actor id to number)")
    if size_by == "degree":
        degree = Counter(a for r in relations for a in (r.source, r.target))
        return {n: float(degree[n]) for n in nodes}
    import networkx as nx

    g = nx.Graph()
    g.add_nodes_from(nodes)
    g.add_edges_from((r.source, r.target) for r in relations)
    measure = nx.betweenness_centrality if size_by == "betweenness" else nx.closeness_centrality
    return {n: float(v) for n, v in measure(g).items()}


# -- page data -------------------------------------------------------------------------------
def _words(rel_type: RelationType) -> str:
    return rel_type.value.replace("_", " ")


def _documents_of(rel: Relation) -> list[str]:
    return sorted({e.document for e in rel.evidence})


def _page_data(kg: KnowledgeGraph, v: View) -> dict[str, Any]:
    large = len(v.relations) > _LARGE
    steps = _steps(kg, v.relations)
    step_of = {s["record"]: i for i, s in enumerate(steps, 1)}
    nodes, node_info = [], {}
    for actor_id in v.node_ids:
        actor = kg.actors[actor_id]
        shape, colour = CATEGORY_STYLE[actor.kind.category]
        node: dict[str, Any] = {
            "id": actor.id, "label": actor.label, "shape": shape, "value": v.sizes[actor_id],
            "color": {"background": colour, "border": "#333333" if actor_id == v.focus
                      else _darker(colour),
                      "highlight": {"background": colour, "border": "#000000"},
                      "hover": {"background": colour, "border": "#000000"}},
            "borderWidth": 4 if actor_id == v.focus else 1.5,
        }
        if actor.kind.category == "topic":
            node["shapeProperties"] = {"borderDashes": [3, 3]}
        if v.positions is not None:
            node["x"], node["y"] = v.positions[actor_id]
        nodes.append(node)
        node_info[actor.id] = {
            "label": actor.label, "kind": actor.kind.value.replace("_", " "),
            "category": actor.kind.category, "aliases": list(actor.aliases),
            "country": _actor_label(kg, actor.country) if actor.country else "",
            "wikidata": actor.wikidata or "", "note": actor.note or "",
            "size": round(v.sizes[actor_id], 4),
        }
    edges, edge_info = [], {}
    parallel: Counter[frozenset[str]] = Counter()
    for rel in v.relations:
        family = family_of(rel.type)
        colour = RELATION_FAMILIES[family][0]
        dashes, opacity = STATUS_STYLE[rel.status]
        if rel.status is Status.DID_NOT_HAPPEN:
            colour = NOT_HAPPENED_COLOUR
        edge: dict[str, Any] = {
            "id": rel.id, "from": rel.source, "to": rel.target,
            "color": {"color": colour, "highlight": colour, "hover": colour,
                      "opacity": opacity},
            "dashes": dashes,
            "arrows": {"to": {"enabled": not rel.symmetric}},
        }
        if not large:
            pair = frozenset((rel.source, rel.target))
            k = parallel[pair]
            parallel[pair] += 1
            if k:
                edge["smooth"] = {"enabled": True,
                                  "type": "curvedCW" if k % 2 else "curvedCCW",
                                  "roundness": 0.18 * ((k + 1) // 2)}
        edges.append(edge)
        docs = _documents_of(rel)
        edge_info[rel.id] = {
            "type": _words(rel.type), "family": family, "status": status_words(rel.status),
            "symmetric": rel.symmetric,
            "source": kg.actors[rel.source].label, "target": kg.actors[rel.target].label,
            "when": rel.when.iso(), "phrase": rel.when.phrase or "",
            "resolution": rel.when.resolution or "",
            "record": rel.record, "recordLabel": _record_label(kg, rel),
            "evidence": [e.quote for e in rel.evidence],
            "citations": [_citation(kg, c.outlet, c.date) for c in rel.citations],
            "step": step_of[rel.record],
            "documentTitles": [_document_title(kg, d) for d in docs],
            "filter": {"family": family, "status": rel.status.value, "document": docs},
        }
    return {
        "title": v.title, "focus": v.focus, "large": large, "sizeBy": v.size_by,
        "sizeName": _SIZE_NAMES[v.size_by], "edgeFontPx": _EDGE_FONT_PX, "layout": v.layout,
        "declutterMax": _DECLUTTER_MAX,
        "nodes": nodes, "edges": edges, "nodeInfo": node_info, "edgeInfo": edge_info,
        "steps": steps, "legend": _legend(kg, v),
        "options": _options(len(nodes), large, v.layout),
    }


def _steps(kg: KnowledgeGraph, relations: tuple[Relation, ...]) -> list[dict[str, str]]:
    """The records behind the relations, by earliest then latest day, then data order."""
    first: dict[str, Relation] = {}
    for rel in relations:
        first.setdefault(rel.record, rel)
    order = sorted(first.values(), key=lambda r: r.when.sort_key())
    return [{"record": r.record, "label": _record_label(kg, r), "when": r.when.iso(),
             "status": status_words(r.status),
             "caption": caption(_record_label(kg, r), r.status)} for r in order]


def _record_label(kg: KnowledgeGraph, rel: Relation) -> str:
    if rel.record in kg.events:
        return kg.events[rel.record].label
    return f"{kg.actors[rel.source].label} {_words(rel.type)} {kg.actors[rel.target].label}"


def _document_title(kg: KnowledgeGraph, document: str) -> str:
    return kg.documents[document].title if document in kg.documents else document


def _actor_label(kg: KnowledgeGraph, actor: str) -> str:
    return kg.actors[actor].label if actor in kg.actors else actor


def _citation(kg: KnowledgeGraph, outlet: str, when: TimeSpan | None) -> str:
    label = _actor_label(kg, outlet)
    return f"{label}, {when}" if when is not None else label


def _legend(kg: KnowledgeGraph, v: View) -> dict[str, Any]:
    categories = {kg.actors[a].kind.category for a in v.node_ids}
    types = {r.type for r in v.relations}
    statuses = {r.status for r in v.relations}
    return {
        "documents": document_choices(kg, v.relations),
        "categories": [{"name": c, "shape": s, "color": col}
                       for c, (s, col) in CATEGORY_STYLE.items() if c in categories],
        "families": [{"name": f, "color": col,
                      "types": [_words(t) for t in ts if t in types]}
                     for f, (col, ts) in RELATION_FAMILIES.items() if types & set(ts)],
        "statuses": [{"name": status_words(s), "key": s.value, "dashes": d,
                      "color": NOT_HAPPENED_COLOUR if s is Status.DID_NOT_HAPPEN else "#444444"}
                     for s, (d, _) in STATUS_STYLE.items() if s in statuses],
    }


def _options(n_nodes: int, large: bool, layout: str) -> dict[str, Any]:
    """vis-network options: lay out with physics, then the page turns physics off; or,
    with positions from networkx, no physics at all."""
    iterations = 150 if large else 400
    options: dict[str, Any] = {
        "autoResize": True,
        "layout": {"randomSeed": 7, "improvedLayout": n_nodes <= 150},
        "nodes": {
            "font": {"size": 14, "face": "sans-serif", "strokeWidth": 3,
                     "strokeColor": "#ffffff"},
            "scaling": {"min": 8, "max": 34,
                        "label": {"enabled": True, "min": 15, "max": 24,
                                  "drawThreshold": 6}},
        },
        "edges": {
            "width": 1.4, "selectionWidth": 2, "hoverWidth": 1.5,
            "smooth": False if large else {"enabled": True, "type": "continuous"},
            "arrows": {"to": {"scaleFactor": 0.5}},
            "font": {"size": _EDGE_FONT_PX, "align": "middle", "color": "#333333",
                     "strokeWidth": 4, "strokeColor": "#ffffff"},
        },
        "physics": {
            "enabled": True, "solver": "forceAtlas2Based",
            "forceAtlas2Based": {"gravitationalConstant": -80, "centralGravity": 0.012,
                                 "springLength": 110, "springConstant": 0.05,
                                 "avoidOverlap": 0.5},
            "minVelocity": 1.0,
            "stabilization": {"enabled": True, "iterations": iterations,
                              "updateInterval": 25, "fit": True},
        },
        "interaction": {"hover": True, "tooltipDelay": 150, "hideEdgesOnDrag": large,
                        "hideEdgesOnZoom": large, "navigationButtons": False,
                        "keyboard": False, "multiselect": False},
    }
    if layout != "physics":
        options["physics"] = {"enabled": False}
        options["layout"] = {"randomSeed": 7, "improvedLayout": False}
    return options


def _darker(colour: str) -> str:
    r, g, b = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
    return "#{:02x}{:02x}{:02x}".format(*(int(c * 0.7) for c in (r, g, b)))
