"""Views: self-contained, offline HTML pages of a graph.

- :mod:`~korea_graph.views.network_view`: the interactive network (vis-network from pyvis)
"""

from .network_view import View, view

__all__ = ["View", "view"]
