"""The single-machine import and the Spark import on the same million-row ICEWS file.

    python benchmarks/spark_import.py [--copies 2025] [--master local[2]] [--json FILE]

The ICEWS fixture's 494 rows are repeated with shifted dates (benchmarks/import_events.py)
to make ``--copies`` x 494 rows (2025 copies: 1,000,350 rows). Each engine runs in its own
process, so that peak memory is its own: the single machine reads the file with
``read_icews`` (matched against the curated graph); Spark (``local[2]`` by default) runs
``korea_graph.scale.spark.read_events`` and counts the events, then writes the Parquet
tables and the N-Quads. Rows per second count the import only; the Spark session's start
is timed apart. Both runs check that they made the same number of events.
"""

from __future__ import annotations

import argparse
import json
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from import_events import scaled_icews  # the benchmark next door


def _single(path: str) -> dict[str, float]:
    import korea_graph
    from korea_graph.eventdata.icews import read_icews

    base = korea_graph.load()
    start = time.perf_counter()
    result = read_icews(path, base=base)
    seconds = time.perf_counter() - start
    return {"rows": result.rows, "events": len(result.graph.events), "import_s": seconds,
            "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def _spark(path: str, master: str, out: str) -> dict[str, float]:
    import korea_graph
    from korea_graph.scale.spark import read_events, session

    base = korea_graph.load()
    start = time.perf_counter()
    spark = session(master, spark_driver_memory="4g")
    spark.sparkContext.setLogLevel("ERROR")
    started = time.perf_counter() - start
    start = time.perf_counter()
    result = read_events(spark, [path], dataset="icews", base=base)
    seconds = time.perf_counter() - start
    start = time.perf_counter()
    result.write_parquet(Path(out) / "tables")
    parquet = time.perf_counter() - start
    start = time.perf_counter()
    result.write_nquads(Path(out) / "nquads")
    quads = time.perf_counter() - start
    start = time.perf_counter()
    met = result.meetings(before="2020-01-01", strength="certainly").count()
    sql = time.perf_counter() - start
    report = result.files[0]
    spark.stop()
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {"rows": report.rows, "events": report.events, "session_s": started,
            "import_s": seconds, "parquet_s": parquet, "nquads_s": quads,
            "meetings_sql_s": sql, "meetings": met,
            "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            "largest_child_rss_mb": children}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--copies", type=int, default=2025)
    parser.add_argument("--master", default="local[2]")
    parser.add_argument("--json", type=Path)
    parser.add_argument("--engine", choices=("single", "spark"), help=argparse.SUPPRESS)
    parser.add_argument("--file", help=argparse.SUPPRESS)
    parser.add_argument("--out", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.engine == "single":
        print(json.dumps(_single(args.file)))
        return
    if args.engine == "spark":
        print(json.dumps(_spark(args.file, args.master, args.out)))
        return
    with tempfile.TemporaryDirectory() as tmp:
        path = scaled_icews(args.copies, Path(tmp))
        runs = {}
        for engine in ("single", "spark"):
            done = subprocess.run([sys.executable, __file__, "--engine", engine, "--file",
                                   str(path), "--master", args.master, "--out", tmp],
                                  capture_output=True, text=True, check=False)
            if done.returncode != 0:
                sys.exit(f"the {engine} run failed:\n{done.stderr[-4000:]}")
            runs[engine] = json.loads(done.stdout.strip().splitlines()[-1])
    single, spark = runs["single"], runs["spark"]
    assert single["events"] == spark["events"], runs
    rows = single["rows"]
    table = [
        "| engine | rows | events | import | rows/s | peak memory |",
        "|---|---|---|---|---|---|",
        f"| single machine (`read_icews`) | {rows:,} | {single['events']:,} | "
        f"{single['import_s']:.1f} s | {rows / single['import_s']:,.0f} | "
        f"{single['peak_rss_mb']:,.0f} MB |",
        f"| Spark `{args.master}` (`read_events`) | {spark['rows']:,} | {spark['events']:,} | "
        f"{spark['import_s']:.1f} s | {rows / spark['import_s']:,.0f} | "
        f"driver {spark['peak_rss_mb']:,.0f} MB, largest worker/JVM "
        f"{spark['largest_child_rss_mb']:,.0f} MB |",
    ]
    extra = (f"Spark session start {spark['session_s']:.1f} s; Parquet tables "
             f"{spark['parquet_s']:.1f} s; N-Quads {spark['nquads_s']:.1f} s; who met whom "
             f"certainly before 2020 in Spark SQL {spark['meetings_sql_s']:.1f} s "
             f"({spark['meetings']:,} rows).")
    print("\n".join(table))
    print()
    print(extra)
    if args.json:
        args.json.write_text(json.dumps({"machine": platform.platform(),
                                         "python": platform.python_version(),
                                         "copies": args.copies, "runs": runs}, indent=2)
                             + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
