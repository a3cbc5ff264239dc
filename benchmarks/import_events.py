"""How fast ICEWS and GDELT rows import and export, on the fixtures scaled up.

The ICEWS fixture's 494 rows are repeated with shifted dates (each copy a new day, so
reports merge within a copy, not across copies) to make larger files:

    python benchmarks/import_events.py [--copies 1 10 50] [--runs 3] [--json FILE]

Reports, per size: rows, events, seconds to import (matched against the curated graph),
rows per second, and seconds to export the merged graph as CAMEO rows and PLOVER JSON.
"""

from __future__ import annotations

import argparse
import json
import platform
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

import korea_graph
from korea_graph.eventdata.cameo_export import to_cameo_rows, to_plover_json
from korea_graph.eventdata.gdelt import read_gdelt
from korea_graph.eventdata.icews import read_icews

FIXTURES = Path(__file__).resolve().parent.parent / "tests" / "fixtures"
ICEWS = FIXTURES / "icews_2018_RUS_PRK_KOR_USA_dyads.tsv"
GDELT = FIXTURES / "gdelt1_events_sample.tsv"


def scaled_icews(copies: int, folder: Path) -> Path:
    header, *rows = ICEWS.read_text(encoding="utf-8").splitlines()
    out = [header]
    for n in range(copies):
        for row in rows:
            cells = row.split("\t")
            day = date.fromisoformat(cells[1]) + timedelta(days=3 * n)
            cells[1] = day.isoformat()
            out.append("\t".join(cells))
    path = folder / f"icews_x{copies}.tsv"
    path.write_text("\n".join(out) + "\n", encoding="utf-8")
    return path


def best(func: object, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        func()  # type: ignore[operator]
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--copies", type=int, nargs="+", default=[1, 10, 50])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    kg = korea_graph.load()
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        cases = [("gdelt1 sample", GDELT, read_gdelt)] + [
            (f"icews x{c}", scaled_icews(c, Path(tmp)), read_icews) for c in args.copies]
        for name, path, read in cases:
            result = read(path, base=kg)
            seconds = best(lambda p=path, r=read: r(p, base=kg), args.runs)
            merged = kg.merge(result.graph)
            export = best(lambda m=merged: (to_cameo_rows(m), to_plover_json(m)), args.runs)
            results.append({
                "case": name, "rows": result.rows, "events": len(result.graph.events),
                "actors": len(result.graph.actors), "import_s": round(seconds, 4),
                "rows_per_s": round(result.rows / seconds), "export_s": round(export, 4),
            })
            print(f"{name:14} {result.rows:7} rows {len(result.graph.events):6} events "
                  f"import {seconds:7.3f} s ({result.rows / seconds:8.0f} rows/s)  "
                  f"export {export:6.3f} s")
    if args.json:
        args.json.write_text(json.dumps({"python": platform.python_version(),
                                         "results": results}, indent=1) + "\n")


if __name__ == "__main__":
    main()
