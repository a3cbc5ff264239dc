"""Machine-coded event data: CAMEO/PLOVER codes, ICEWS and GDELT import, CAMEO export.

- :mod:`~korea_graph.eventdata.vocabulary`: CAMEO and PLOVER codes of our types and actors
- :mod:`~korea_graph.eventdata.coded_rows`: coded rows to records, actor matching, merging
- :mod:`~korea_graph.eventdata.icews`: the ICEWS reader
- :mod:`~korea_graph.eventdata.gdelt`: the GDELT 1.0 and 2.0 reader
- :mod:`~korea_graph.eventdata.cameo_export`: any graph as CAMEO TSV rows or PLOVER JSON
"""

from .cameo_export import to_cameo_rows, to_plover_json, write_cameo_tsv, write_plover_json
from .coded_rows import ImportResult
from .gdelt import read_gdelt
from .icews import read_icews

__all__ = ["ImportResult", "read_gdelt", "read_icews", "to_cameo_rows", "to_plover_json",
           "write_cameo_tsv", "write_plover_json"]
