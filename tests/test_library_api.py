"""The Python API: `docketflow.extract` (one text, in this process), `docketflow.read` (an output folder as
models) and `docketflow.run` called from a plain script, the README's snippet included."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import textwrap
from datetime import date
from pathlib import Path

import pytest
from docketflow.extractors.nlp import build_nlp
from docketflow.pipeline.clean_spawn import MAIN_KEYS, preparation_data
from docketflow.pipeline.flow import execute, inline
from docketflow.pipeline.process import process_batch

import docketflow
from tests.conftest import RAW, ROOT

ORDER = """UNITED STATES DISTRICT COURT
FOR THE DISTRICT OF OREGON

LEAGUE OF EXAMPLE VOTERS, et al.,
        Plaintiffs,
    v.                                      Case No. 6:24-cv-00417-ABC
UNITED STATES DEPARTMENT OF THE TREASURY, et al.,
        Defendants.

PRELIMINARY INJUNCTION ORDER

Plaintiffs challenge an agreement under which the Internal Revenue Service shares taxpayer addresses with
Immigration and Customs Enforcement (ICE).

IT IS ORDERED that the preliminary injunction the League seeks is GRANTED. From now on the IRS may not share
taxpayer address information with ICE under the memorandum of understanding.

Dated: May 2, 2024
                                              Jane Q. Roe
                                              United States District Judge
"""
NEWS = ("A federal judge in Portland on Tuesday refused to block an agreement under which the Internal Revenue "
        "Service shares taxpayer addresses with Immigration and Customs Enforcement, a spokesperson said.")

# text, published, kind -> the document's kind and published date, and (court, disposition, effect) per holding
EXTRACT_CASES = [
    (ORDER, None, None, "court_order", None, [("ord", "granted", "barred")]),
    (ORDER, "2024-05-03", None, "court_order", "2024-05-03", [("ord", "granted", "barred")]),
    (ORDER, date(2024, 5, 3), "opinion", "opinion", "2024-05-03", None),
    (NEWS, "2024-06-05", "news", "news", "2024-06-05", None),
    ("The weather was mild and the parade went on as planned.", None, None, "other", None, []),
]


@pytest.mark.parametrize(("text", "published", "kind", "want_kind", "want_published", "want_holdings"),
                         EXTRACT_CASES)
def test_extract_one_text(text: str, published: str | date | None, kind: str | None, want_kind: str,
                          want_published: str | None, want_holdings: list[tuple] | None) -> None:
    result = docketflow.extract(text, published=published, kind=kind)
    assert isinstance(result.document, docketflow.Document)
    assert result.document.kind == want_kind
    assert result.document.source.published == want_published
    assert result.text == text
    assert result.document.holdings == [h.id for h in result.holdings]
    assert result.document.agreements == sorted(a.id for a in result.agreements)
    if want_holdings is not None:
        assert [(h.court, h.disposition, h.effect) for h in result.holdings] == want_holdings


def test_extract_gives_what_a_run_gives_for_the_same_file(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "order.txt").write_text(ORDER, encoding="utf-8")
    settings = docketflow.RunSettings(inputs=(tmp_path / "in",), out=tmp_path / "out", progress=False, ocr="off")
    execute(settings, inline(process_batch), "off")
    records = docketflow.read(tmp_path / "out")
    result = docketflow.extract(ORDER, path="order.txt")
    assert records.documents == [result.document]
    assert records.holdings[0].model_dump(exclude={"decision", "case"}) == \
        result.holdings[0].model_dump(exclude={"decision", "case"})


def test_extract_builds_the_pipeline_once() -> None:
    docketflow.extract(NEWS)
    misses = build_nlp.cache_info().misses
    for _ in range(3):
        docketflow.extract(ORDER, published="2024-05-03")
    assert build_nlp.cache_info().misses == misses


@pytest.mark.parametrize(("args", "error", "message"), [
    (("text", None, "ruling"), ValueError, "kind='ruling': expected one of"),
    (("text", "May 2"), ValueError, "published='May 2': expected an ISO date"),
    ((b"bytes",), TypeError, "as a str, not bytes"),
    (("",), docketflow.ExtractionFailed, "empty_file"),
])
def test_extract_refuses_what_it_cannot_use(args: tuple, error: type[Exception], message: str) -> None:
    with pytest.raises(error, match=re.escape(message)):
        docketflow.extract(*args)


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("out")
    execute(docketflow.RunSettings(inputs=(RAW,), out=out, progress=False), inline(process_batch), "off")
    return out


def test_read_gives_every_record_as_models(published: Path) -> None:
    records = docketflow.read(published)
    counts = json.loads((published / "run.json").read_text())["counts"]
    assert records.run["counts"] == counts
    for name, model in (("documents", docketflow.Document), ("holdings", docketflow.Holding),
                        ("agreements", docketflow.Agreement), ("cases", docketflow.Case),
                        ("errors", docketflow.ErrorRecord)):
        items = getattr(records, name)
        assert len(items) == counts[name]
        assert all(isinstance(item, model) for item in items)
    holding = records.holdings[0]
    assert records.document(holding.doc_id) is not None
    texts = dict(records.texts())
    evidence = holding.evidence[0]
    assert texts[evidence.doc_id][evidence.start:evidence.end] == evidence.text


def _copy(published: Path, tmp_path: Path) -> Path:
    out = tmp_path / "copy"
    shutil.copytree(published, out)
    return out


def test_read_refuses_a_half_published_folder(published: Path, tmp_path: Path) -> None:
    out = _copy(published, tmp_path)
    (out / ".publishing").write_text("{}\n")
    with pytest.raises(docketflow.NotPublished, match="half-published"):
        docketflow.read(out)
    (out / ".publishing").unlink()
    with (out / "holdings.jsonl").open("a") as lines:  # a file that is not the one run.json lists
        lines.write("\n")
    with pytest.raises(docketflow.NotPublished, match="half-published"):
        docketflow.read(out)


def test_read_refuses_a_folder_with_nothing_published(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="no such output folder"):
        docketflow.read(tmp_path / "missing")
    with pytest.raises(docketflow.NotPublished, match="no run has published"):
        docketflow.read(tmp_path)


def test_read_refuses_another_schema_version(published: Path, tmp_path: Path) -> None:
    out = _copy(published, tmp_path)
    report = json.loads((out / "run.json").read_text())
    (out / "run.json").write_text(json.dumps({**report, "schema_version": 2}))
    with pytest.raises(ValueError, match="schema_version 2"):
        docketflow.read(out)


def test_read_as_dataframes(published: Path) -> None:
    pytest.importorskip("pandas")
    frames = docketflow.read(published).frames()
    assert set(frames) == {"documents", "holdings", "agreements", "cases", "errors"}
    assert len(frames["holdings"]) == len(docketflow.read(published).holdings)
    assert list(frames["errors"].columns) == list(docketflow.ErrorRecord.model_fields)


def test_read_as_duckdb(published: Path) -> None:
    pytest.importorskip("duckdb")
    records = docketflow.read(published)
    db = records.duckdb()
    joined = db.sql("select d.kind, count(*) from holdings h join documents d using (doc_id) group by d.kind")
    assert sum(n for _, n in joined.fetchall()) == len(records.holdings)
    assert records.relation("errors").count("*").fetchall() == [(0,)]
    with pytest.raises(ValueError, match="expected one of"):
        records.relation("nope")


def test_the_optional_libraries_are_named_when_missing(published: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ImportError, match=re.escape('Records.frames() needs pandas, which is not installed: '
                                                    'pip install "docketflow[tables]"')):
        docketflow.read(published).frames()


# --- docketflow.run in a plain script -------------------------------------------------------------------


def _readme_snippet() -> str:
    """The first Python block of the README's "Using docketflow as a library"."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Using docketflow as a library", 1)[1]
    return section.split("```python\n", 1)[1].split("```", 1)[0]


def _script_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DOCKETFLOW_", "PREFECT_API"))}
    env["DOCKETFLOW_ISOLATE"] = "true"  # worker processes, whatever the size of the samples
    env["DOCKETFLOW_WORKERS"] = "2"
    return env


def test_the_readme_snippet_runs_as_a_script_without_a_main_guard(tmp_path: Path) -> None:
    """Spawned workers must not run the caller's top level again (it would start a run in every worker)."""
    snippet = _readme_snippet()
    assert "docketflow.run(" in snippet and "__main__" not in snippet
    shutil.copytree(RAW, tmp_path / "raw")
    (tmp_path / "example.py").write_text(snippet + "\nprint('documents', summary.documents)\n", encoding="utf-8")
    done = subprocess.run([sys.executable, "example.py"], cwd=tmp_path, env=_script_env(), capture_output=True,
                          text=True, timeout=600, check=False)
    assert done.returncode == 0, done.stderr[-3000:]
    documents = (tmp_path / "output" / "documents.jsonl").read_text().splitlines()
    assert done.stdout.strip().splitlines()[-1] == f"documents {len(documents)}"
    assert len(documents) == 4
    assert "WorkerStartFailed" not in done.stderr


def test_a_script_top_level_runs_once(tmp_path: Path) -> None:
    """The script's top level is not run again in the workers: it counts its own executions in a file."""
    shutil.copytree(RAW, tmp_path / "raw")
    (tmp_path / "counted.py").write_text(textwrap.dedent("""
        import os
        import docketflow
        with open("runs.log", "a") as log:
            log.write(f"{os.getpid()}\\n")
        docketflow.run(docketflow.RunSettings(inputs=("raw",), out="output", progress=False))
    """), encoding="utf-8")
    done = subprocess.run([sys.executable, "counted.py"], cwd=tmp_path, env=_script_env(), capture_output=True,
                          text=True, timeout=600, check=False)
    assert done.returncode == 0, done.stderr[-3000:]
    assert len((tmp_path / "runs.log").read_text().splitlines()) == 1


def test_spawned_workers_are_told_nothing_of_the_main_module() -> None:
    data = preparation_data("worker")
    assert not set(MAIN_KEYS) & set(data)
    assert data["sys_path"] and data["dir"]
