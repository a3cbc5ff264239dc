"""Questions: time-aware queries in Python and the same questions in plain English.

- :mod:`~korea_graph.questions.answers`: typed answer rows with evidence, ``.to_frame()``
- :mod:`~korea_graph.questions.query`: meetings, events, relations, connections, who is
- :mod:`~korea_graph.questions.english`: :func:`ask`, plain-English questions, parsed by
  the grammar of :mod:`~korea_graph.questions.grammar` over the vocabulary of
  :mod:`~korea_graph.questions.lexicon`
- :mod:`~korea_graph.questions.rollup`: :func:`between`, states and bodies for their people
- :mod:`~korea_graph.questions.posts`: who held a post at a date, who heads an organisation
"""

from typing import TYPE_CHECKING

from .._lazy import attach

if TYPE_CHECKING:
    from .answers import Answers
    from .english import ask
    from .posts import heads, holders
    from .query import (
        actors,
        connections,
        events,
        meetings,
        relations,
        timeline,
        who_is,
    )
    from .rollup import between

__getattr__, __dir__ = attach(__name__, {
    "Answers": ".answers",
    "ask": ".english",
    "heads": ".posts",
    "holders": ".posts",
    "actors": ".query",
    "connections": ".query",
    "events": ".query",
    "meetings": ".query",
    "relations": ".query",
    "timeline": ".query",
    "who_is": ".query",
    "between": ".rollup",
})

__all__ = ["Answers", "actors", "ask", "between", "connections", "events", "heads",
           "holders", "meetings",
           "relations", "timeline", "who_is"]
