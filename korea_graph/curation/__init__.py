"""Documents in: the data files of curated articles and the loader that checks them.

- :mod:`~korea_graph.curation.loader`: YAML data files to a :class:`~korea_graph.KnowledgeGraph`,
  all or nothing, every error located by file, line and field
- :mod:`~korea_graph.curation.evidence_check`: every attribute of a record named in its
  evidence, or marked as an inference
"""

from .evidence_check import check_evidence, raise_for_unsupported
from .loader import bundled_data_files, load, load_file

__all__ = ["bundled_data_files", "check_evidence", "load", "load_file", "raise_for_unsupported"]
