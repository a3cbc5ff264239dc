"""Peak memory (RSS) of streaming an ICEWS event file, at two row counts.

Each count runs in a fresh process that writes nothing but reads the file with
:func:`korea_graph.eventdata.coded_rows.stream_lines` (the reader's own loop over the
file) and, separately, imports it with :func:`korea_graph.eventdata.icews.read_icews`::

    python benchmarks/event_memory.py --rows 200000 2000000

The rows repeat a few dyads (as real ICEWS files do, most rows are repeated reports of a
few thousand events), so the import's graph stays small and what grows with the file is
only what the reader holds. Results go to stdout as JSON lines.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HEADER = ("Event ID\tEvent Date\tSource Name\tSource Sectors\tSource Country\tEvent Text\t"
          "CAMEO Code\tIntensity\tTarget Name\tTarget Sectors\tTarget Country\tStory ID\t"
          "Sentence Number\tPublisher\tCity\tDistrict\tProvince\tCountry\tLatitude\tLongitude")
ROW = ("{n}\t2018-06-{day:02d}\tSergey Lavrov\tForeign Ministry\tRussian Federation\t"
       "Make a visit\t042\t1.9\tNorth Korea\tNA\tNorth Korea\t{n}\t2\tReuters News\t"
       "Pyongyang\tNA\tNA\tNorth Korea\t39.03\t125.75")


def write(path: Path, rows: int) -> None:
    with path.open("w", encoding="utf-8") as out:
        out.write(HEADER + "\n")
        for n in range(rows):
            out.write(ROW.format(n=n, day=1 + n % 28) + "\n")


def child(path: str, mode: str) -> None:
    from korea_graph.eventdata.coded_rows import stream_lines
    from korea_graph.eventdata.icews import read_icews

    start = time.perf_counter()
    if mode == "stream":
        count = sum(1 for _ in stream_lines(path, "ICEWS event file"))
    else:
        count = read_icews(path).rows
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"mode": mode, "rows": count, "peak_rss_mib": round(peak_kib / 1024, 1),
                      "seconds": round(time.perf_counter() - start, 1)}))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, nargs="+", default=[200_000, 2_000_000])
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(*args.child)
        return
    with tempfile.TemporaryDirectory() as tmp:
        for rows in args.rows:
            path = Path(tmp) / f"events-{rows}.tsv"
            write(path, rows)
            size = path.stat().st_size
            for mode in ("stream", "import"):
                out = subprocess.run([sys.executable, __file__, "--child", str(path), mode],
                                     capture_output=True, text=True, check=True).stdout
                result = json.loads(out)
                result["file_mib"] = round(size / 2**20, 1)
                print(json.dumps(result), flush=True)
            path.unlink()


if __name__ == "__main__":
    main()
