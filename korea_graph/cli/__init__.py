"""The ``korea-graph`` command line, one module per group of commands.

- :mod:`~korea_graph.cli.base`: the command registry and what commands share
- :mod:`~korea_graph.cli.demo`: ``demo``, the main job
- :mod:`~korea_graph.cli.linked_data`: ``export``, ``validate``
- :mod:`~korea_graph.cli.questions`: ``ask``
- :mod:`~korea_graph.cli.views`: ``view``
- :mod:`~korea_graph.cli.eventdata`: ``import``, ``cameo``
- :mod:`~korea_graph.cli.scale`: ``push``, ``remote``, ``store``
- :mod:`~korea_graph.cli.curation`: ``draft``, ``review``
- :mod:`~korea_graph.cli.main`: the parser and :func:`main`
"""

from .base import COMMANDS
from .main import build_parser, main

__all__ = ["COMMANDS", "build_parser", "main"]
