"""The core model: value classes, uncertain time, names, derived relations and the graph.

Nothing here imports another layer of korea_graph but :mod:`korea_graph.errors`.

- :mod:`~korea_graph.core.timespan`: :class:`TimeSpan`, uncertain intervals with a precision
- :mod:`~korea_graph.core.names`: name normalisation shared by every look-up
- :mod:`~korea_graph.core.model`: the frozen records (actors, events, posts, stances, evidence)
- :mod:`~korea_graph.core.relations`: binary relations derived from the records
- :mod:`~korea_graph.core.validate`: the rules about records, run by every way of making a graph
- :mod:`~korea_graph.core.network`: the graph as a networkx MultiDiGraph
- :mod:`~korea_graph.core.graph`: :class:`KnowledgeGraph`, the records and their indexes
"""

from typing import TYPE_CHECKING

from .._lazy import attach

if TYPE_CHECKING:
    from .graph import KnowledgeGraph
    from .relations import Relation, RelationType
    from .timespan import Precision, TimeSpan

__getattr__, __dir__ = attach(__name__, {
    "KnowledgeGraph": ".graph",
    "Relation": ".relations",
    "RelationType": ".relations",
    "Precision": ".timespan",
    "TimeSpan": ".timespan",
})

__all__ = ["KnowledgeGraph", "Precision", "Relation", "RelationType", "TimeSpan"]
