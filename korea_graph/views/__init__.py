"""Views: self-contained, offline HTML pages of a graph, and static pictures.

- :mod:`~korea_graph.views.styles`: what every view draws alike (categories, families, statuses)
- :mod:`~korea_graph.views.selection`: the filters every view shares
- :mod:`~korea_graph.views.page`: the page skeleton, CSP, escaped data, Jupyter display
- :mod:`~korea_graph.views.network_view`: the interactive network (vis-network from pyvis)
- :mod:`~korea_graph.views.timeline_view`: the timeline of uncertain time (vis-timeline)
- :mod:`~korea_graph.views.pictures`: PNG/SVG/PDF pictures of both (matplotlib)
- :mod:`~korea_graph.views.review_web`: the review page of a draft, served on 127.0.0.1
"""

from typing import TYPE_CHECKING

from .._lazy import attach

if TYPE_CHECKING:
    from .network_view import View, view
    from .review_web import ReviewServer, review
    from .timeline_view import Timeline, timeline_view

__getattr__, __dir__ = attach(__name__, {
    "View": ".network_view",
    "view": ".network_view",
    "ReviewServer": ".review_web",
    "review": ".review_web",
    "Timeline": ".timeline_view",
    "timeline_view": ".timeline_view",
})

__all__ = ["ReviewServer", "Timeline", "View", "review", "timeline_view", "view"]
