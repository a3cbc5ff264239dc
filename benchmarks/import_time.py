"""How long `import korea_graph` takes beyond a bare interpreter (issue 2 goal: < 0.3 s).

Runs each command in a fresh interpreter several times and reports the median:

    python benchmarks/import_time.py [--runs 15] [--json FILE]

Side by side: a bare interpreter, `import korea_graph`, and what a user would otherwise
import for the same job (`import networkx, rdflib, yaml`).
"""

from __future__ import annotations

import argparse
import json
import platform
import statistics
import subprocess
import sys
import time

CASES = {
    "bare interpreter": "pass",
    "import korea_graph": "import korea_graph",
    "import korea_graph; load()": "import korea_graph; korea_graph.load()",
    "import networkx, rdflib, yaml (plain stack)": "import networkx, rdflib, yaml",
}


def measure(code: str, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--json", help="also write the results to this JSON file")
    args = parser.parse_args()
    results = {name: measure(code, args.runs) for name, code in CASES.items()}
    bare = results["bare interpreter"]
    print(f"{'case':48} {'median s':>9} {'beyond bare s':>14}")
    for name, seconds in results.items():
        print(f"{name:48} {seconds:9.3f} {seconds - bare:14.3f}")
    overhead = results["import korea_graph"] - bare
    print(f"\nimport korea_graph costs {overhead:.3f} s beyond a bare interpreter "
          f"(goal < 0.300 s): {'OK' if overhead < 0.3 else 'TOO SLOW'}")
    if args.json:
        with open(args.json, "w", encoding="utf-8") as handle:
            json.dump({"machine": platform.platform(), "python": sys.version.split()[0],
                       "runs": args.runs, "median_seconds": results,
                       "import_overhead_seconds": overhead}, handle, indent=2)


if __name__ == "__main__":
    main()
