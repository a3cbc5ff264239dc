"""``korea-graph import`` and ``cameo``: ICEWS and GDELT in, CAMEO and PLOVER out."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..core.graph import KnowledgeGraph
from ..errors import DataError
from .base import command, graph_of


def _import_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--from", dest="dataset", required=True, choices=("icews", "gdelt"),
                   help="the dataset the file comes from (GDELT 1.0 or 2.0 rows are told "
                        "apart by their number of columns)")
    p.add_argument("file", type=Path, help="the event file (tab-separated)")
    p.add_argument("-o", "--output", type=Path, metavar="OUT",
                   help="write the graph to OUT: .tsv CAMEO rows, .json PLOVER records, "
                        ".ttl/.nt/.nq/.trig/.jsonld RDF (default: CAMEO rows on stdout)")
    p.add_argument("--skip-bad-rows", action="store_true",
                   help="leave out bad rows (each is reported) instead of stopping")
    p.add_argument("--alone", action="store_true",
                   help="only the imported events, not merged with the curated graph")


def _write_events(kg: KnowledgeGraph, out: Path | None) -> None:
    from ..eventdata.cameo_export import to_cameo_rows, write_cameo_tsv, write_plover_json

    if out is None:
        from ..eventdata.cameo_export import CAMEO_COLUMNS

        print("\t".join(CAMEO_COLUMNS))
        for row in to_cameo_rows(kg):
            print("\t".join(row[c] for c in CAMEO_COLUMNS))
        return
    suffix = out.suffix.lower()
    if suffix in (".tsv", ".tab", ".csv"):
        write_cameo_tsv(kg, out)
    elif suffix == ".json":
        write_plover_json(kg, out)
    else:
        try:
            from ..linked_data.rdf import write_rdf
        except ImportError as exc:  # pragma: no cover - rdf ships with the package
            raise DataError(f"cannot write {out.suffix} files", field="-o",
                            expected=".tsv or .json") from exc
        write_rdf(kg, out)
    print(f"wrote {out}", file=sys.stderr)


@command("import", "import ICEWS or GDELT event rows, merged with the curated graph",
         _import_args)
def _import(args: argparse.Namespace) -> int:
    from ..eventdata.gdelt import read_gdelt
    from ..eventdata.icews import read_icews

    base = graph_of(args)
    read = read_icews if args.dataset == "icews" else read_gdelt
    result = read(args.file, skip_bad_rows=args.skip_bad_rows, base=base)
    for row in result.skipped:
        print(f"korea-graph: skipped {row}", file=sys.stderr)
    print(f"korea-graph: {args.file}: {result.summary()}", file=sys.stderr)
    _write_events(result.graph if args.alone else base.merge(result.graph), args.output)
    return 0


def _cameo_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("-o", "--output", type=Path, metavar="OUT",
                   help="write to OUT: .tsv CAMEO rows or .json PLOVER records "
                        "(default: CAMEO rows on stdout)")


@command("cameo", "the graph as CAMEO dyadic event rows or PLOVER JSON", _cameo_args)
def _cameo(args: argparse.Namespace) -> int:
    _write_events(graph_of(args), args.output)
    return 0
