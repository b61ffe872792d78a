"""Time the tokenization of one unbroken run of a punctuation character at two lengths (issue 21, item 7).

Usage: `.venv/bin/python benchmarks/punctuation_runs.py [--report benchmarks/results/punctuation_runs.json]`

For each mark, `make_doc` on a sentence holding a run of 20,000 and of 40,000 characters (median of 3); the
target is a ratio **<= 2.5** for each (linear work: doubling the run at most doubles its cost, with slack).
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from pathlib import Path

from docketflow.extractors.nlp import build_nlp
from docketflow.extractors.spans import make_doc

MARKS = ["§", ",", "%", "$", ".", "-"]


def _seconds(text: str) -> float:
    nlp = build_nlp()
    times = []
    for _ in range(3):
        start = time.perf_counter()
        make_doc(nlp, text)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--report", type=Path, default=Path(__file__).parent / "results" / "punctuation_runs.json")
    args = parser.parse_args()
    result = {}
    for mark in MARKS:
        short, long = (_seconds(f"Filed under seal {mark * n}then released.") for n in (20_000, 40_000))
        result[mark] = {"seconds_20000": short, "seconds_40000": long, "ratio": long / max(short, 1e-9)}
    result["met"] = all(r["ratio"] <= 2.5 for r in result.values() if isinstance(r, dict))
    args.report.parent.mkdir(parents=True, exist_ok=True)
    args.report.write_text(json.dumps(result, indent=2) + "\n")
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
