"""Interactive views: one self-contained HTML page per filtered graph, shown in Jupyter.

:func:`view` filters the graph in Python (focus actor and depth, relation types, actor
kinds, a time window, real events only) and returns a :class:`View`. Its ``html`` is a
single page that draws with vis-network (the build that pyvis ships, inlined), makes no
request to any network address, and carries the graph as JSON data, never as markup:
labels, tooltips and evidence are put into the page with ``textContent``. In the page a
slider grows the graph record by record, a search box finds actors, and a click shows
the details of a node or an edge. See ``docs/views.md``.

>>> from korea_graph import load
>>> v = view(load(), focus="Aleksandr Losyukov", until="2000-07-18")
>>> sorted(v.node_ids)
['aleksandr-losyukov', 'kim-yong-nam', 'pek-nam-sun', 'russian-foreign-ministry']
>>> v.html.startswith("<!DOCTYPE html>"), "<script src" in v.html
(True, False)
"""

from __future__ import annotations

import html as html_lib
import json
import os
import re
from collections import Counter, deque
from collections.abc import Iterable, Mapping
from datetime import date
from functools import cached_property
from importlib import resources
from pathlib import Path
from typing import Any

from ..core.graph import KnowledgeGraph
from ..core.model import ActorKind, Status
from ..core.relations import Relation, RelationType
from ..core.timespan import TimeSpan
from ..errors import DependencyError, QueryError

__all__ = [
    "CATEGORY_STYLE",
    "RELATION_FAMILIES",
    "STATUS_STYLE",
    "View",
    "view",
    "vis_network_js",
]

#: Actor category -> (vis-network shape, colour). Categories come from ``ActorKind.category``.
CATEGORY_STYLE: dict[str, tuple[str, str]] = {
    "person": ("dot", "#4e79a7"),
    "state": ("hexagon", "#e15759"),
    "institution": ("square", "#f28e2b"),
    "place": ("triangle", "#59a14f"),
    "facility": ("triangleDown", "#76b7b2"),
    "treaty": ("diamond", "#b07aa1"),
    "project": ("star", "#edc948"),
    "topic": ("dot", "#bab0ac"),
}

#: Relation families: one colour each, and the relation types in them.
RELATION_FAMILIES: dict[str, tuple[str, tuple[RelationType, ...]]] = {
    "contact": ("#1f77b4", (RelationType.MET_WITH, RelationType.VISITED, RelationType.HOSTED,
                            RelationType.WROTE_TO, RelationType.COOPERATES_WITH,
                            RelationType.PARTICIPATED_IN)),
    "agreement": ("#9467bd", (RelationType.PROPOSED, RelationType.PROPOSED_TO,
                              RelationType.SIGNED, RelationType.SIGNED_WITH,
                              RelationType.REPLACED, RelationType.PARTY_TO,
                              RelationType.LAUNCHED)),
    "speech": ("#17becf", (RelationType.ANNOUNCED, RelationType.STATED, RelationType.DISCUSSED,
                           RelationType.REPORTED, RelationType.QUOTED_SOURCE)),
    "action": ("#8c564b", (RelationType.DECIDED_ON, RelationType.SUPPLIES, RelationType.BUILT)),
    "structure": ("#bcbd22", (RelationType.HEADS, RelationType.HOLDS_POST_IN,
                              RelationType.MEMBER_OF, RelationType.OVERSEES,
                              RelationType.REPRESENTS, RelationType.ACCREDITED_TO,
                              RelationType.HAS_MISSION_IN)),
    "support": ("#2ca02c", (RelationType.SUPPORTS, RelationType.PRAISED,
                            RelationType.INTERESTED_IN)),
    "opposition": ("#d62728", (RelationType.OPPOSES, RelationType.CRITICIZES,
                               RelationType.NOT_INTERESTED_IN, RelationType.DISTANCED_FROM)),
}

#: Status -> (dash pattern or ``False`` for a solid line, opacity). Did-not-happen is grey.
STATUS_STYLE: dict[Status, tuple[list[int] | bool, float]] = {
    Status.OCCURRED: (False, 1.0),
    Status.REPORTED: ([8, 4], 1.0),
    Status.DISPUTED: ([2, 4], 1.0),
    Status.PLANNED: ([12, 6], 0.75),
    Status.UNDER_CONSIDERATION: ([12, 4, 2, 4], 0.75),
    Status.DID_NOT_HAPPEN: ([2, 6], 0.6),
}

_NOT_HAPPENED_COLOUR = "#9a9a9a"
_FAMILY_OF = {t: name for name, (_, types) in RELATION_FAMILIES.items() for t in types}
_MEASURES = ("degree", "betweenness", "closeness")
_LARGE = 1000  #: more edges than this: straight edges, no labels, fewer layout iterations
_VIS_JS = "lib/vis-9.1.2/vis-network.min.js"
_PARTS = re.compile(r"@@(TITLE|CSS|DATA|VIS|APP)@@")
_JSON_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026",
                 "\u2028": "\\u2028", "\u2029": "\\u2029"}


def view(
    kg: KnowledgeGraph,
    focus: str | None = None,
    depth: int = 1,
    until: str | date | TimeSpan | None = None,
    since: str | date | TimeSpan | None = None,
    relations: Iterable[RelationType | str] | None = None,
    kinds: Iterable[ActorKind | str] | None = None,
    size_by: str | Mapping[str, float] = "degree",
    include_unreal: bool = True,
    title: str | None = None,
) -> View:
    """A view of ``kg`` filtered as asked; every filter is optional.

    - ``focus``/``depth``: only actors within ``depth`` steps of ``focus`` (any direction,
      over the relations the other filters keep), and the relations among them.
    - ``until``: relations that *possibly* start on or before the last day of ``until``
      (the earliest possible start is not later); ``since``: relations that possibly go on
      until the first day of ``since`` or later. Open bounds always pass.
    - ``relations``: relation types (``"met_with"``...); ``kinds``: actor kinds
      (``"ministry"``) or categories (``"institution"``); a relation is kept when both ends
      are of a kept kind.
    - ``include_unreal``: keep planned, considered and did-not-happen relations (drawn
      dashed or grey); ``False`` keeps what occurred, was reported or disputed.
    - ``size_by``: ``"degree"`` (relations drawn), ``"betweenness"``, ``"closeness"``, or a
      mapping of actor id to a number.

    The page shows the actors that take part in a shown relation, and the focus.

    >>> from korea_graph import load
    >>> v = view(load(), relations=["signed"])
    >>> sorted(v.node_ids)
    ['igor-ivanov', 'north-korean-government', 'russia-dprk-friendship-treaty']
    >>> view(load(), relations=["shook_hands"])
    Traceback (most recent call last):
    ...
    korea_graph.errors.QueryError: unknown relation type 'shook_hands' (expected one of ...)
    """
    if depth < 0:
        raise QueryError(f"depth must be 0 or more, not {depth}")
    types = _relation_types(relations)
    categories = _categories(kinds)
    last = _bound(until, "until", end=True)
    first = _bound(since, "since", end=False)
    centre = kg.actor(focus).id if focus is not None else None
    if centre is not None and categories is not None and \
            kg.actors[centre].kind.category not in categories \
            and kg.actors[centre].kind.value not in categories:
        raise QueryError(f"the focus {kg.actors[centre].label!r} is a "
                         f"{kg.actors[centre].kind.value}, which the kinds filter leaves out")

    def kept_kind(actor: str) -> bool:
        kind = kg.actors[actor].kind
        return categories is None or kind.category in categories or kind.value in categories

    kept = [
        r for r in kg.all_relations
        if (types is None or r.type in types)
        and (include_unreal or r.status.is_real)
        and (last is None or r.when.start_min is None or r.when.start_min <= last)
        and (first is None or r.when.end_max is None or r.when.end_max >= first)
        and kept_kind(r.source) and kept_kind(r.target)
    ]
    if centre is not None:
        ball = _ball(kept, centre, depth)
        kept = [r for r in kept if r.source in ball and r.target in ball]
    return View(kg, kept, focus=centre, size_by=size_by,
                title=title or _default_title(kg, centre, until, since))


class View:
    """A filtered graph ready to draw: ``html`` is the page, ``save(path)`` writes it, and
    Jupyter shows it inline through :meth:`_repr_html_` (an iframe with ``srcdoc``).

    ``node_ids``/``edge_ids`` are the actor and relation ids shown; ``data`` is the JSON
    the page draws from.
    """

    def __init__(self, kg: KnowledgeGraph, relations: Iterable[Relation], *,
                 focus: str | None = None, size_by: str | Mapping[str, float] = "degree",
                 title: str = "korea_graph") -> None:
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
        self.data: dict[str, Any] = _page_data(kg, self)

    def __repr__(self) -> str:
        return (f"<View {self.title!r}: {len(self.node_ids)} actors, "
                f"{len(self.edge_ids)} relations>")

    @cached_property
    def html(self) -> str:
        """The whole page: one HTML file with the script, styles and data inline."""
        parts = {
            "TITLE": html_lib.escape(self.title),
            "CSS": _template("view.css"),
            "DATA": _json_for_html(self.data),
            "VIS": vis_network_js(),
            "APP": _template("view.js"),
        }
        return _PARTS.sub(lambda m: parts[m[1]], _template("view.html"))

    def save(self, path: str | os.PathLike[str]) -> Path:
        """Write the page to ``path`` (folders are made as needed) and return the path."""
        target = Path(path)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(self.html, encoding="utf-8")
        return target

    def _repr_html_(self, height: int = 640) -> str:
        """An iframe holding the page in ``srcdoc``, for JupyterLab, classic notebooks and
        VS Code (no file beside the notebook is needed)."""
        return (
            f'<iframe srcdoc="{html_lib.escape(self.html, quote=True)}" '
            f'title="{html_lib.escape(self.title, quote=True)}" sandbox="allow-scripts" '
            f'style="width: 100%; height: {int(height)}px; border: 1px solid #ddd;"></iframe>'
        )


def vis_network_js() -> str:
    """The vis-network 9.1.2 standalone script that pyvis ships, to inline in a page."""
    try:
        text = (resources.files("pyvis") / _VIS_JS).read_text(encoding="utf-8")
    except (ModuleNotFoundError, FileNotFoundError) as exc:
        raise DependencyError(f"pyvis with {_VIS_JS} is needed for views: "
                              "pip install 'pyvis>=0.3.2'") from exc
    if re.search(r"</script|<!--", text, re.IGNORECASE):  # would end the inline script
        raise DependencyError(f"pyvis's {_VIS_JS} cannot be inlined: it contains </script")
    return text


# -- filters ---------------------------------------------------------------------------------
def _relation_types(values: Iterable[RelationType | str] | None) -> set[RelationType] | None:
    if values is None:
        return None
    if isinstance(values, str):
        values = [values]
    out = set()
    for value in values:
        try:
            out.add(RelationType(value))
        except ValueError:
            raise QueryError(
                f"unknown relation type {value!r} (expected one of "
                f"{', '.join(t.value for t in RelationType)})") from None
    return out


def _categories(values: Iterable[ActorKind | str] | None) -> set[str] | None:
    if values is None:
        return None
    if isinstance(values, str):
        values = [values]
    known = {k.value for k in ActorKind} | {k.category for k in ActorKind}
    out = set()
    for value in values:
        name = str(value.value if isinstance(value, ActorKind) else value)
        if name not in known:
            raise QueryError(f"unknown actor kind {name!r} (expected one of "
                             f"{', '.join(sorted(known))})")
        out.add(name)
    return out


def _bound(value: str | date | TimeSpan | None, name: str, *, end: bool) -> date | None:
    """The last (``end``) or first day of a date, month, year or span given as a filter."""
    if value is None:
        return None
    if isinstance(value, date):
        return value
    span = value if isinstance(value, TimeSpan) else TimeSpan.parse(str(value))
    day = span.end_max if end else span.start_min
    if day is None:
        raise QueryError(f"{name}={value!s} has no {'last' if end else 'first'} day")
    return day


def _ball(relations: list[Relation], centre: str, depth: int) -> set[str]:
    """Actors within ``depth`` steps of ``centre``, following relations either way."""
    neighbours: dict[str, set[str]] = {}
    for r in relations:
        neighbours.setdefault(r.source, set()).add(r.target)
        neighbours.setdefault(r.target, set()).add(r.source)
    seen = {centre: 0}
    queue = deque([centre])
    while queue:
        actor = queue.popleft()
        if seen[actor] == depth:
            continue
        for other in neighbours.get(actor, ()):
            if other not in seen:
                seen[other] = seen[actor] + 1
                queue.append(other)
    return set(seen)


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


def _default_title(kg: KnowledgeGraph, focus: str | None, until: object, since: object) -> str:
    docs = "; ".join(d.title for d in kg.documents.values()) or "korea_graph"
    parts = [docs]
    if focus is not None:
        parts.append(f"around {kg.actors[focus].label}")
    if since is not None:
        parts.append(f"since {since}")
    if until is not None:
        parts.append(f"until {until}")
    return " · ".join(parts)


# -- page data -------------------------------------------------------------------------------
def _words(rel_type: RelationType) -> str:
    return rel_type.value.replace("_", " ")


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
        family = _FAMILY_OF[rel.type]
        colour = RELATION_FAMILIES[family][0]
        dashes, opacity = STATUS_STYLE[rel.status]
        if rel.status is Status.DID_NOT_HAPPEN:
            colour = _NOT_HAPPENED_COLOUR
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
        edge_info[rel.id] = {
            "type": _words(rel.type), "family": family, "status": rel.status.value.replace(
                "_", " "), "symmetric": rel.symmetric,
            "source": kg.actors[rel.source].label, "target": kg.actors[rel.target].label,
            "when": rel.when.iso(), "phrase": rel.when.phrase or "",
            "resolution": rel.when.resolution or "",
            "record": rel.record, "recordLabel": _record_label(kg, rel),
            "evidence": [e.quote for e in rel.evidence],
            "citations": [_citation(kg, c.outlet, c.date) for c in rel.citations],
            "step": step_of[rel.record],
        }
    return {
        "title": v.title, "focus": v.focus, "large": large, "sizeBy": v.size_by,
        "nodes": nodes, "edges": edges, "nodeInfo": node_info, "edgeInfo": edge_info,
        "steps": steps, "legend": _legend(kg, v), "options": _options(len(nodes), large),
    }


def _steps(kg: KnowledgeGraph, relations: tuple[Relation, ...]) -> list[dict[str, str]]:
    """The records behind the relations, by earliest then latest day, then data order."""
    first: dict[str, Relation] = {}
    for rel in relations:
        first.setdefault(rel.record, rel)
    order = sorted(first.values(), key=lambda r: r.when.sort_key())
    return [{"record": r.record, "label": _record_label(kg, r), "when": r.when.iso(),
             "status": r.status.value.replace("_", " ")} for r in order]


def _record_label(kg: KnowledgeGraph, rel: Relation) -> str:
    if rel.record in kg.events:
        return kg.events[rel.record].label
    return f"{kg.actors[rel.source].label} {_words(rel.type)} {kg.actors[rel.target].label}"


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
        "categories": [{"name": c, "shape": s, "color": col}
                       for c, (s, col) in CATEGORY_STYLE.items() if c in categories],
        "families": [{"name": f, "color": col,
                      "types": [_words(t) for t in ts if t in types]}
                     for f, (col, ts) in RELATION_FAMILIES.items() if types & set(ts)],
        "statuses": [{"name": s.value.replace("_", " "), "dashes": d,
                      "color": _NOT_HAPPENED_COLOUR if s is Status.DID_NOT_HAPPEN else "#444444"}
                     for s, (d, _) in STATUS_STYLE.items() if s in statuses],
    }


def _options(n_nodes: int, large: bool) -> dict[str, Any]:
    """vis-network options: lay out with physics, then the page turns physics off."""
    iterations = 150 if large else 400
    return {
        "autoResize": True,
        "layout": {"randomSeed": 7, "improvedLayout": n_nodes <= 150},
        "nodes": {
            "font": {"size": 14, "face": "sans-serif", "strokeWidth": 3,
                     "strokeColor": "#ffffff"},
            "scaling": {"min": 8, "max": 34,
                        "label": {"enabled": True, "min": 12, "max": 22,
                                  "drawThreshold": 6}},
        },
        "edges": {
            "width": 1.4, "selectionWidth": 2, "hoverWidth": 1.5,
            "smooth": False if large else {"enabled": True, "type": "continuous"},
            "arrows": {"to": {"scaleFactor": 0.5}},
            "font": {"size": 10, "align": "middle", "color": "#444444", "strokeWidth": 3},
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


def _darker(colour: str) -> str:
    r, g, b = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
    return "#{:02x}{:02x}{:02x}".format(*(int(c * 0.7) for c in (r, g, b)))


# -- page assembly ---------------------------------------------------------------------------
def _template(name: str) -> str:
    return (resources.files("korea_graph.views") / "templates" / name).read_text(encoding="utf-8")


def _json_for_html(data: object) -> str:
    r"""JSON that is safe inside ``<script type="application/json">``: no ``<``, ``>``,
    ``&`` or line separators appear literally.

    >>> print(_json_for_html({"x": "</script><b>&"}))
    {"x": "\u003c/script\u003e\u003cb\u003e\u0026"}
    """
    text = json.dumps(data, ensure_ascii=False, allow_nan=False)
    return re.sub("[<>&\u2028\u2029]", lambda m: _JSON_ESCAPES[m[0]], text)
