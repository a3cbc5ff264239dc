"""Machine-coded event data: CAMEO/PLOVER codes, ICEWS and GDELT import, CAMEO export.

- :mod:`~korea_graph.eventdata.vocabulary`: CAMEO and PLOVER codes of our types and actors
- :mod:`~korea_graph.eventdata.coded_rows`: coded rows to records, actor matching, merging
- :mod:`~korea_graph.eventdata.icews`: the ICEWS reader
- :mod:`~korea_graph.eventdata.gdelt`: the GDELT 1.0 and 2.0 reader
- :mod:`~korea_graph.eventdata.cameo_export`: any graph as CAMEO TSV rows or PLOVER JSON
"""

from typing import TYPE_CHECKING

from .._lazy import attach

if TYPE_CHECKING:
    from .cameo_export import (
        to_cameo_rows,
        to_plover_json,
        write_cameo_tsv,
        write_plover_json,
    )
    from .coded_rows import ImportResult
    from .gdelt import read_gdelt
    from .icews import read_icews

__getattr__, __dir__ = attach(__name__, {
    "to_cameo_rows": ".cameo_export",
    "to_plover_json": ".cameo_export",
    "write_cameo_tsv": ".cameo_export",
    "write_plover_json": ".cameo_export",
    "ImportResult": ".coded_rows",
    "read_gdelt": ".gdelt",
    "read_icews": ".icews",
})

__all__ = ["ImportResult", "read_gdelt", "read_icews", "to_cameo_rows", "to_plover_json",
           "write_cameo_tsv", "write_plover_json"]
