"""Documents in and out: the data files of curated articles, their loader and writer, the
builder that makes a graph from Python with the same checks, and the drafting assistant
that turns a news text into a draft to review.

- :mod:`~korea_graph.curation.checks`: the checks the loader and the builder share
- :mod:`~korea_graph.curation.loader`: YAML data files to a :class:`~korea_graph.KnowledgeGraph`,
  all or nothing, every error located by file, line and field
- :mod:`~korea_graph.curation.evidence_check`: every attribute of a record named in its
  evidence, or marked as an inference
- :mod:`~korea_graph.curation.builder`: a graph from Python, each record checked as it is added
- :mod:`~korea_graph.curation.writer`: a graph back to a data file the loader reads
- :mod:`~korea_graph.curation.mentions`: sentences, actor mentions and their actors (spaCy,
  rapidfuzz)
- :mod:`~korea_graph.curation.draft_time`: dates and relative phrases against the publication date
- :mod:`~korea_graph.curation.draft`: a text to a draft data file of unreviewed candidates
- :mod:`~korea_graph.curation.review`: accept, reject, edit candidates; the curated file
- :mod:`~korea_graph.curation.review_session`: the decisions of a review in the browser,
  kept beside the draft, each checked by the loader
"""

from typing import TYPE_CHECKING

from .._lazy import attach

if TYPE_CHECKING:
    from .builder import Builder
    from .draft import Draft, draft_file
    from .evidence_check import check_evidence, raise_for_unsupported
    from .loader import bundled_data_files, load, load_file
    from .review import DraftFile, review_frame
    from .review_session import ReviewSession
    from .writer import to_yaml, write_data

__getattr__, __dir__ = attach(__name__, {
    "Builder": ".builder",
    "Draft": ".draft",
    "draft_file": ".draft",
    "check_evidence": ".evidence_check",
    "raise_for_unsupported": ".evidence_check",
    "bundled_data_files": ".loader",
    "load": ".loader",
    "load_file": ".loader",
    "DraftFile": ".review",
    "review_frame": ".review",
    "ReviewSession": ".review_session",
    "to_yaml": ".writer",
    "write_data": ".writer",
})

__all__ = ["Builder", "Draft", "DraftFile", "ReviewSession", "bundled_data_files", "check_evidence",
           "draft_file", "load", "load_file", "raise_for_unsupported", "review_frame", "to_yaml",
           "write_data"]
