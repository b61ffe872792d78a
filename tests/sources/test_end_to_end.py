"""A run over a zip and a JSON Lines file: members and records become documents, refusals become errors."""

from __future__ import annotations

import json
from pathlib import Path

from docketflow.pipeline.flow import execute, inline
from docketflow.pipeline.process import process_batch
from docketflow.pipeline.settings import RunSettings

from tests.sources.helpers import make_zip

ORDER = (b"UNITED STATES DISTRICT COURT\nNORTHERN DISTRICT OF CALIFORNIA\n\n"
         b"ORDER GRANTING MOTION FOR PRELIMINARY INJUNCTION\n\nThe motion is GRANTED.\n")


def _lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_run_over_a_zip_and_jsonl(tmp_path: Path) -> None:
    root = tmp_path / "in"
    root.mkdir()
    make_zip(root / "orders.zip", {
        "cand/order.txt": ORDER,
        "cand/order.txt.meta.json": json.dumps({"title": "Order", "published": "2025-12-30"}).encode(),
        "../escape.txt": b"nope",
        "news.html": b"<html><head><title>News</title></head><body><p>A judge ruled.</p></body></html>",
    })
    (root / "records.jsonl").write_text(
        json.dumps({"id": "r1", "text": "The court denied the motion to dismiss.", "court": "dcd",
                    "docket": "1:25-cv-00001"}) + "\n{bad\n", encoding="utf-8")
    out = tmp_path / "out"
    execute(RunSettings(inputs=(root,), out=out, progress=False), inline(process_batch), "off")

    documents = {d["source"]["path"]: d for d in _lines(out / "documents.jsonl")}
    assert sorted(documents) == ["orders.zip!cand/order.txt", "orders.zip!news.html", "records.jsonl#r1"]
    assert documents["orders.zip!cand/order.txt"]["source"]["title"] == "Order"
    assert documents["orders.zip!cand/order.txt"]["source"]["published"] == "2025-12-30"
    assert documents["records.jsonl#r1"]["source"]["court"] == "dcd"
    assert documents["records.jsonl#r1"]["source"]["docket"] == "1:25-cv-00001"
    errors = sorted((e["path"], e["stage"], e["error"]) for e in _lines(out / "errors.jsonl"))
    assert errors == [("orders.zip!../escape.txt", "discover", "unsafe_path"),
                      ("records.jsonl#line-2", "discover", "bad_record")]
    assert not (tmp_path / "escape.txt").exists()
