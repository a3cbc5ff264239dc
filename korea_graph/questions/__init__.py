"""Questions: time-aware queries in Python and the same questions in plain English.

- :mod:`~korea_graph.questions.answers`: typed answer rows with evidence, ``.to_frame()``
- :mod:`~korea_graph.questions.query`: meetings, events, relations, connections, who is
- :mod:`~korea_graph.questions.english`: :func:`ask`, plain-English questions, parsed by
  the grammar of :mod:`~korea_graph.questions.grammar` over the vocabulary of
  :mod:`~korea_graph.questions.lexicon`
- :mod:`~korea_graph.questions.rollup`: :func:`between`, states and bodies for their people
- :mod:`~korea_graph.questions.posts`: who held a post at a date, who heads an organisation
"""

from .answers import Answers
from .english import ask
from .posts import heads, holders
from .query import actors, connections, events, meetings, relations, timeline, who_is
from .rollup import between

__all__ = ["Answers", "actors", "ask", "between", "connections", "events", "heads",
           "holders", "meetings",
           "relations", "timeline", "who_is"]
