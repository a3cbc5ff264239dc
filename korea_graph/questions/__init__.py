"""Questions: time-aware queries in Python and the same questions in plain English.

- :mod:`~korea_graph.questions.answers`: typed answer rows with evidence, ``.to_frame()``
- :mod:`~korea_graph.questions.query`: meetings, events, relations, connections, who is
- :mod:`~korea_graph.questions.english`: :func:`ask`, plain-English questions
"""

from .answers import Answers
from .english import ask
from .query import actors, connections, events, meetings, relations, timeline, who_is

__all__ = ["Answers", "actors", "ask", "connections", "events", "meetings", "relations", "timeline",
           "who_is"]
