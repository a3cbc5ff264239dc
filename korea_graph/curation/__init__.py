"""Documents in: the data files of curated articles and the loader that checks them.

- :mod:`~korea_graph.curation.loader`: YAML data files to a :class:`~korea_graph.KnowledgeGraph`,
  all or nothing, every error located by file, line and field
"""

from .loader import bundled_data_files, load, load_file

__all__ = ["bundled_data_files", "load", "load_file"]
