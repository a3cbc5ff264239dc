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
    p.add_argument("file", type=Path, nargs="+",
                   help="the event file(s), tab-separated (a .zip holding one file is read "
                        "through); several files are imported in turn, each matched "
                        "against the graph so far")
    p.add_argument("-o", "--output", type=Path, metavar="OUT",
                   help="write the graph to OUT: .tsv CAMEO rows, .json PLOVER records, "
                        ".ttl/.nt/.nq/.trig/.jsonld RDF (default: CAMEO rows on stdout)")
    p.add_argument("--skip-bad-rows", action="store_true",
                   help="leave out bad rows (each is reported) instead of stopping")
    p.add_argument("--alone", action="store_true",
                   help="only the imported events, not merged with the curated graph")
    p.add_argument("--engine", choices=("python", "spark"), default="python",
                   help="python (default: in memory, one machine) or spark (Apache Spark, "
                        "for files past one machine; needs the spark extra and Java)")
    p.add_argument("--master", default="local[2]", metavar="URL",
                   help="with --engine spark: the Spark master (default: local[2])")
    p.add_argument("--parquet", type=Path, metavar="DIR",
                   help="with --engine spark: write the actors, events, participants, "
                        "sources, relations and bad_rows tables as Parquet under DIR")
    p.add_argument("--nquads", type=Path, metavar="DIR",
                   help="with --engine spark: write N-Quads under DIR, one named graph "
                        "(one subfolder) per source file, for a bulk loader")


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
         _import_args,
         description="Import ICEWS or GDELT event rows, matched against and merged with the "
                     "curated graph, and write them as CAMEO rows, PLOVER JSON or RDF.\n\n"
                     "  korea-graph import --from icews events.tsv -o both.ttl\n"
                     "  korea-graph import --from gdelt --engine spark 2018*.export.CSV.zip \\\n"
                     "      --parquet tables/ --nquads nquads/")
def _import(args: argparse.Namespace) -> int:
    base = graph_of(args)
    if args.engine == "spark":
        return _import_spark(args, base)
    if args.parquet or args.nquads:
        raise DataError("--parquet and --nquads need --engine spark", field="--engine",
                        expected="spark")
    from ..eventdata.gdelt import read_gdelt
    from ..eventdata.icews import read_icews

    read = read_icews if args.dataset == "icews" else read_gdelt
    so_far, imported = base, KnowledgeGraph()
    for file in args.file:
        result = read(file, skip_bad_rows=args.skip_bad_rows, base=so_far)
        for row in result.skipped:
            print(f"korea-graph: skipped {row}", file=sys.stderr)
        print(f"korea-graph: {file}: {result.summary()}", file=sys.stderr)
        so_far, imported = so_far.merge(result.graph), imported.merge(result.graph)
    _write_events(imported if args.alone else so_far, args.output)
    return 0


def _import_spark(args: argparse.Namespace, base: KnowledgeGraph) -> int:
    from ..scale.spark import read_events, running_session, session

    mine = running_session() is None  # a notebook's own session is left running
    spark = session(args.master)
    spark.sparkContext.setLogLevel("ERROR")
    try:
        result = read_events(spark, args.file, dataset=args.dataset, base=base,
                             skip_bad_rows=args.skip_bad_rows)
        for bad in result.bad_rows.toLocalIterator():
            print(f"korea-graph: {'skipped' if args.skip_bad_rows else 'bad row'} "
                  f"{bad.file}:{bad.line}: {bad.reason}", file=sys.stderr)
        for report in result.files:
            print(f"korea-graph: {report}", file=sys.stderr)
        if args.parquet:
            result.write_parquet(args.parquet)
            print(f"wrote {args.parquet}", file=sys.stderr)
        if args.nquads:
            result.write_nquads(args.nquads)
            print(f"wrote {args.nquads}", file=sys.stderr)
        if args.output or not (args.parquet or args.nquads):
            graph = result.graph()
            _write_events(graph if args.alone else base.merge(graph), args.output)
    finally:
        if mine:
            spark.stop()
    return 2 if any(r.refused for r in result.files) else 0


def _cameo_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("-o", "--output", type=Path, metavar="OUT",
                   help="write to OUT: .tsv CAMEO rows or .json PLOVER records "
                        "(default: CAMEO rows on stdout)")


@command("cameo", "the graph as CAMEO dyadic event rows or PLOVER JSON", _cameo_args)
def _cameo(args: argparse.Namespace) -> int:
    _write_events(graph_of(args), args.output)
    return 0
