"""Scale: an on-disk store, a SPARQL endpoint client and a synthetic corpus.

- :mod:`~korea_graph.scale.progress`: progress bars for long adds and pushes
- :mod:`~korea_graph.scale.synthetic`: a generated corpus of any size, for benchmarks
- :mod:`~korea_graph.scale.store`: the embedded pyoxigraph store, one named graph per document
- :mod:`~korea_graph.scale.store_ask`: questions answered by the store's own queries
- :mod:`~korea_graph.scale.remote`: a SPARQL 1.1 endpoint (Graph Store Protocol, Update)
"""

from typing import TYPE_CHECKING

from .._lazy import attach

if TYPE_CHECKING:
    from .remote import Endpoint
    from .store import Store
    from .synthetic import generate

__getattr__, __dir__ = attach(__name__, {
    "Endpoint": ".remote",
    "Store": ".store",
    "generate": ".synthetic",
})

__all__ = ["Endpoint", "Store", "generate"]
