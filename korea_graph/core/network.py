"""The graph as a networkx MultiDiGraph.

Nodes are actor ids; edges are derived relations keyed by their stable relation id, so
two meetings of the same people stay two edges. Attribute values are plain strings and
booleans (lists are joined with ``"; "``), so the graph writes to GraphML and GEXF as is.

>>> from korea_graph import load
>>> g = load().to_networkx()
>>> g.nodes["kim-yong-nam"]["label"]
'Kim Yong-nam'
>>> for key in sorted(k for _, _, k in g.edges("aleksandr-losyukov", keys=True)):
...     print(key)
losyukov-deputy-foreign-minister/holds_post_in/aleksandr-losyukov/russia
losyukov-meets-north-koreans/met_with/aleksandr-losyukov/kim-yong-nam
losyukov-meets-north-koreans/met_with/aleksandr-losyukov/pek-nam-sun
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Protocol

import networkx as nx

from .model import Actor, Document, Event
from .relations import Relation

__all__ = ["edge_attributes", "to_networkx"]


class GraphLike(Protocol):
    """What the conversion reads of a :class:`~korea_graph.KnowledgeGraph`; the graph
    module uses this one, not the other way round."""

    @property
    def documents(self) -> Mapping[str, Document]: ...
    @property
    def actors(self) -> Mapping[str, Actor]: ...
    @property
    def events(self) -> Mapping[str, Event]: ...
    @property
    def all_relations(self) -> Sequence[Relation]: ...


def to_networkx(kg: GraphLike) -> nx.MultiDiGraph:
    """Actors as nodes (label, kind, category, aliases, wikidata, country); relations as
    edges (type, time, earliest, latest, precision, status, record, evidence, citations,
    symmetric)."""
    g = nx.MultiDiGraph(name="korea_graph", documents="; ".join(kg.documents))
    for actor in kg.actors.values():
        g.add_node(
            actor.id, label=actor.label, kind=actor.kind.value, category=actor.kind.category,
            aliases="; ".join(actor.aliases), wikidata=actor.wikidata or "",
            country=actor.country or "",
        )
    for rel in kg.all_relations:
        g.add_edge(rel.source, rel.target, key=rel.id, **edge_attributes(kg, rel))
    return g


def edge_attributes(kg: GraphLike, rel: Relation) -> dict[str, Any]:
    """The attributes :func:`to_networkx` puts on the edge of ``rel``."""
    return {
        "type": rel.type.value,
        "time": rel.when.iso(),
        "earliest": str(rel.when.earliest or ""),
        "latest": str(rel.when.latest or ""),
        "precision": rel.when.precision.value,
        "status": rel.status.value,
        "record": rel.record,
        "event": rel.record if rel.record in kg.events else "",
        "evidence": " […] ".join(e.quote for e in rel.evidence),
        "citations": "; ".join(_citation_text(kg, c.outlet, c.date) for c in rel.citations),
        "symmetric": rel.symmetric,
    }


def _citation_text(kg: GraphLike, outlet: str, when: object) -> str:
    label = kg.actors[outlet].label if outlet in kg.actors else outlet
    return f"{label}, {when}" if when is not None else label
