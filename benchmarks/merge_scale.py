"""The export's merge at two scales: 2,000 and 8,000 descriptions of one agreement, written as JSON.

Every document that mentions one arrangement (a news archive about one MOU) adds a description of it, and the
export merges them all into one record on every run, a re-run with nothing new included. The merge must be
linear in the descriptions: four times the descriptions, at most five times the time (`ratio`, target
**<= 5**; a merge that rebuilt the growing record for each description was quadratic: 8k took 42 s).

Usage: `.venv/bin/python benchmarks/merge_scale.py [--report benchmarks/results/merge_scale.json]`
"""

from __future__ import annotations

import argparse
import gc
import json
import sys
import time
from pathlib import Path

from docketflow.extractors.records import AgreementBook
from docketflow.extractors.records.merge import agreement_id
from docketflow.models import Agreement, Evidence, SourceStatus

SIZES = (2_000, 8_000)
TARGET_RATIO = 5.0


def descriptions(count: int) -> list[Agreement]:
    """`count` one-document descriptions of one CMS-ICE memorandum, as the news articles of an archive give them."""
    out = []
    for i in range(count):
        doc_id = f"{i:064x}"
        evidence = [Evidence(doc_id=doc_id, start=10, end=90, text="CMS agreed to share Medicaid data with ICE",
                             supports=["providers", "recipients"])]
        out.append(Agreement(
            id=agreement_id(["CMS"], ["ICE"], "memorandum_of_understanding"), doc_ids=[doc_id],
            instrument="memorandum_of_understanding" if i % 3 else None, providers=["CMS"], recipients=["ICE"],
            data_categories=["health"], status="in_effect",
            sources=[SourceStatus(doc_id=doc_id, date=f"2025-{i % 12 + 1:02d}", status="in_effect")],
            evidence=evidence, confidence=0.5))
    return out


def export_seconds(count: int, repeat: int = 5) -> float:
    """Best of `repeat` merges of `count` descriptions (the descriptions are built beforehand, and the garbage of
    the previous repeat collected before the clock starts)."""
    records = descriptions(count)
    best = float("inf")
    for _ in range(repeat):
        book = AgreementBook()
        for record in records:
            book.add(record)
        gc.collect()
        started = time.perf_counter()
        (merged,) = book.records()
        best = min(best, time.perf_counter() - started)
        assert len(merged.doc_ids) == count
    return best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--report", type=Path, default=Path(__file__).parent / "results" / "merge_scale.json")
    args = parser.parse_args(argv)
    seconds = {str(n): round(export_seconds(n), 4) for n in SIZES}
    ratio = round(seconds[str(SIZES[1])] / seconds[str(SIZES[0])], 2)
    report = {"descriptions": list(SIZES), "seconds": seconds, "ratio": ratio,
              "target": {"ratio_at_most": TARGET_RATIO, "met": ratio <= TARGET_RATIO}}
    args.report.parent.mkdir(parents=True, exist_ok=True)
    args.report.write_text(json.dumps(report, indent=2) + "\n")
    print(json.dumps(report))
    return 0 if ratio <= TARGET_RATIO else 1


if __name__ == "__main__":
    sys.exit(main())
