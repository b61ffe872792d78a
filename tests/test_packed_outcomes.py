"""Workers send each outcome packed as the state stores it; the coordinating process only inserts the rows.

A packed outcome must save exactly what the outcome itself would, a worker's outcomes must arrive packed (with
their log lines in order), and a record that cannot be packed must cost its document, not the run.
"""

from __future__ import annotations

import gzip
import json
import logging
from pathlib import Path

import pytest
from docketflow.models import ErrorRecord
from docketflow.pipeline.isolation import IsolatedPool
from docketflow.pipeline.outcomes import BatchResult, Outcome, Packed, pack, packed
from docketflow.pipeline.process import process_batch
from docketflow.pipeline.settings import RunSettings
from docketflow.pipeline.sources import iter_sources

MEMO = ("UNITED STATES DISTRICT COURT\nDISTRICT OF VERMONT\n\nCase No. 2:23-cv-00412\n\n"
        "The Railroad Retirement Board shares annuity records with the Office of Personnel Management under a "
        "computer matching agreement signed June 5, 2023.\n\nThe motion to compel is GRANTED.\n")


def _settings(tmp_path: Path, texts: dict[str, str]) -> RunSettings:
    inputs = tmp_path / "in"
    inputs.mkdir()
    for name, text in texts.items():
        (inputs / name).write_text(text, encoding="utf-8")
    return RunSettings(inputs=(inputs,), out=tmp_path / "out", progress=False)


def test_a_packed_outcome_holds_the_stored_lines_and_the_text_member(tmp_path: Path) -> None:
    settings = _settings(tmp_path, {"memo.txt": MEMO})
    (outcome,) = process_batch(list(iter_sources(settings)), settings).outcomes
    assert isinstance(outcome, Outcome) and outcome.document is not None and outcome.holdings
    stored = pack(outcome)
    assert stored.doc_id == outcome.document.doc_id
    assert json.loads(stored.document)["doc_id"] == stored.doc_id
    assert [json.loads(line)["id"] for line in json.loads(stored.holdings)] == [h.id for h in outcome.holdings]
    assert [json.loads(line)["id"] for line in json.loads(stored.agreements)] == [a.id for a in outcome.agreements]
    assert stored.error is None
    assert json.loads(gzip.decompress(stored.text)) == {"doc_id": stored.doc_id, "text": outcome.text}
    assert (stored.pages, stored.stamp, stored.mark) == (outcome.pages, outcome.stamp, outcome.mark)
    assert pack(stored) is stored


def test_a_failed_input_packs_its_error_under_the_hash_of_its_bytes() -> None:
    error = ErrorRecord(path="a/scan.pdf", sha256="ab" * 32, stage="ingest", error="corrupt", message="no xref")
    stored = pack(Outcome(error=error))
    assert (stored.doc_id, stored.document, stored.text) == ("ab" * 32, None, None)
    assert (stored.holdings, stored.agreements) == ("[]", "[]")
    assert json.loads(stored.error)["error"] == "corrupt"
    assert stored.mark == ("a/scan.pdf", 0, True)


def test_workers_send_packed_outcomes_that_save_as_in_process_ones(tmp_path: Path) -> None:
    texts = {"memo.txt": MEMO, "note.txt": "A made-up note of the county survey office, filed May 2, 2022.\n"}
    settings = _settings(tmp_path, texts)
    items = list(iter_sources(settings))
    here = [pack(o) for o in process_batch(items, settings).outcomes]
    with IsolatedPool(1, settings) as pool:
        sent = pool.submit(items, settings).result().outcomes
    assert all(isinstance(o, Packed) for o in sent)
    assert [o.mark for o in sent] == [o.mark for o in here]
    assert [(o.doc_id, o.document, o.holdings, o.agreements) for o in sent] == \
        [(o.doc_id, o.document, o.holdings, o.agreements) for o in here]
    assert [gzip.decompress(o.text) for o in sent] == [gzip.decompress(o.text) for o in here]


def test_a_record_that_cannot_be_packed_becomes_its_documents_error(tmp_path: Path) -> None:
    settings = _settings(tmp_path, {"memo.txt": MEMO})
    (item,) = iter_sources(settings)
    unsaveable = Outcome(document=object())  # type: ignore[arg-type]
    (saved,) = packed([item], BatchResult([unsaveable])).outcomes
    assert saved.document is None
    error = json.loads(saved.error)
    assert (error["path"], error["error"]) == ("memo.txt", "AttributeError")
    assert "could not be saved" in error["message"]


def test_a_workers_log_lines_arrive_in_order_with_its_outcomes(tmp_path: Path,
                                                              caplog: pytest.LogCaptureFixture) -> None:
    """Log lines and outcomes share the worker's one sending thread: the lines logged while a document was read
    reach this process before that document's outcome."""
    settings = _settings(tmp_path, {"a.txt": "A made-up memo.\n", "b.txt": "Another made-up memo.\n"})
    caplog.set_level(logging.DEBUG, logger="docketflow")  # the worker logs each document's stages at DEBUG
    order: list[str] = []

    class Lines(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            order.append(record.getMessage().split(":")[0])

    lines = Lines()
    logging.getLogger("docketflow").addHandler(lines)
    try:
        with IsolatedPool(1, settings, on_finished=lambda outcomes: order.extend(f"done {o.mark[0]}" for o in outcomes)
                          ) as pool:
            result = pool.submit(list(iter_sources(settings)), settings).result()
    finally:
        logging.getLogger("docketflow").removeHandler(lines)
    assert len(result.outcomes) == 2
    assert [line for line in order if line.split()[-1] in ("a.txt", "b.txt")] == [
        "ingest a.txt", "extract a.txt", "done a.txt", "ingest b.txt", "extract b.txt", "done b.txt"]
