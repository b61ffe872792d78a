"""Flat tables of an output folder for pandas, DuckDB, spreadsheets and Parquet: `docketflow export`.

`export(out, to, dest)` reads the published JSON Lines files of an output folder and writes one table per
kind of row (TABLES: documents, entities, holdings, agreements, agreement_parties, agreement_history, cases,
decisions, errors), every id beside the name it stands for (courts-db's court names, the gazetteer's agency
names and parents, data category meanings), so the tables join on plain id columns:

- `parquet`: `<dest>/<table>.parquet` (default dest `OUT/tables/`), list columns as Parquet lists;
- `csv`: `<dest>/<table>.csv` (default `OUT/tables/`), list columns joined with "; ", no extra needed;
- `duckdb`: one database file (default `OUT/tables/docketflow.duckdb`) with the tables and VIEWS answering
  the common questions (agreements by recipient or provider with their latest decision, decisions by
  agreement latest first).

pyarrow and duckdb are optional (`pip install "docketflow[tables]"`), imported only here and only when asked
for; `MissingExtra` says which is missing in one line. Rows are streamed in batches, so a large output does
not have to fit in memory as tables; each file is written to a temporary name and moved into place whole.
"""

from __future__ import annotations

import csv
import importlib
import json
import os
import shutil
import tempfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from docketflow.extractors import names
from docketflow.pipeline.output import FILE_MODE, published_state

Format = Literal["parquet", "csv", "duckdb"]
FORMATS: tuple[Format, ...] = ("parquet", "csv", "duckdb")
INSTALL = 'pip install "docketflow[tables]"'
TABLES_DIR = "tables"
DUCKDB_FILE = "docketflow.duckdb"
BATCH_ROWS = 8192
LIST_SEPARATOR = "; "
"""How a list cell is written in CSV; the names of a list column stay aligned with its keys."""

S, N, F, L = "string", "integer", "float", "list"
"""Column types: text, whole number, fraction, list of text."""
TABLES: dict[str, tuple[tuple[str, str], ...]] = {
    "documents": (
        ("doc_id", S), ("path", S), ("kind", S), ("media_type", S), ("title", S), ("published", S), ("url", S),
        ("pages", N), ("bytes", N), ("text_chars", N), ("court", S), ("court_name", S), ("docket", S),
        ("filed", S), ("document_number", S), ("fr_type", S), ("entities", N), ("holdings", L), ("agreements", L),
        ("warnings", L)),
    "entities": (
        ("doc_id", S), ("doc_path", S), ("seq", N), ("label", S), ("key", S), ("name", S), ("parent", S),
        ("parent_name", S), ("text", S), ("start", N), ("end", N), ("page", N), ("normalized", S)),
    "holdings": (
        ("holding_id", S), ("doc_id", S), ("doc_path", S), ("doc_kind", S), ("decision_id", S), ("case_id", S),
        ("case_name", S), ("court", S), ("court_name", S), ("judge", S), ("docket", S), ("decided", S),
        ("motion", S), ("disposition", S), ("effect", S), ("agencies", L), ("agency_names", L),
        ("data_permitted", L), ("data_barred", L), ("statutes", L), ("effective", S), ("agreement_id", S),
        ("confidence", F), ("evidence", S)),
    "agreements": (
        ("agreement_id", S), ("instrument", S), ("purpose", S), ("status", S), ("providers", L),
        ("provider_names", L), ("recipients", L), ("recipient_names", L), ("data_categories", L),
        ("data_category_labels", L), ("legal_basis", L), ("signed", S), ("effective", S), ("expires", S),
        ("decisions", N), ("latest_decision_id", S), ("latest_date", S), ("latest_court", S),
        ("latest_court_name", S), ("latest_effect", S), ("latest_disposition", S), ("latest_case_id", S),
        ("latest_case_name", S), ("doc_ids", L), ("documents", N), ("confidence", F)),
    "agreement_parties": (
        ("agreement_id", S), ("role", S), ("agency", S), ("agency_name", S), ("parent", S), ("parent_name", S)),
    "agreement_history": (
        ("agreement_id", S), ("seq", N), ("date", S), ("decision_id", S), ("holding_id", S), ("court", S),
        ("court_name", S), ("effect", S), ("motion", S), ("disposition", S), ("judge", S), ("case_id", S),
        ("case_name", S)),
    "cases": (
        ("case_id", S), ("name", S), ("status", S), ("dockets", L), ("courts", L), ("court_names", L),
        ("agencies", L), ("agency_names", L), ("agreements", L), ("decisions", N), ("first_date", S),
        ("latest_date", S), ("latest_decision_id", S), ("latest_court_name", S), ("latest_effect", S)),
    "decisions": (
        ("decision_id", S), ("case_id", S), ("case_name", S), ("seq", N), ("date", S), ("court", S),
        ("court_name", S), ("judge", S), ("motion", S), ("disposition", S), ("effect", S), ("dockets", L),
        ("agreements", L), ("holdings", L), ("doc_ids", L)),
    "errors": (("path", S), ("sha256", S), ("stage", S), ("error", S), ("message", S)),
}
"""Every table and its columns (name, type). `seq` numbers rows within their parent, oldest first from 1; a
list column of names (`agency_names`, `court_names` ...) is aligned with its keys, giving the key itself where
no name is known; a scalar name column is null then."""

def _by_party(role: str, other: str) -> str:
    """Agreements listed under each agency on one side (`role`), naming the agencies on the `other` side."""
    return f"""
        SELECT p.agency AS {role}, p.agency_name AS {role}_name, a.agreement_id, a.instrument, a.status,
               a.{other}_names, a.data_category_labels, a.latest_date, a.latest_court_name, a.latest_effect,
               a.latest_disposition, a.latest_case_name, a.decisions
        FROM agreement_parties p JOIN agreements a USING (agreement_id)
        WHERE p.role = '{role}'
        ORDER BY {role}, a.latest_date DESC NULLS LAST, a.agreement_id"""


VIEWS: dict[str, str] = {
    "agreements_by_recipient": _by_party("recipient", "provider"),
    "agreements_by_provider": _by_party("provider", "recipient"),
    "decisions_by_agreement": """
        SELECT h.agreement_id, a.provider_names, a.recipient_names, a.status AS agreement_status, h.date,
               h.court_name, h.effect, h.motion, h.disposition, h.judge, h.case_name, h.court, h.decision_id,
               h.holding_id, h.case_id
        FROM agreement_history h JOIN agreements a USING (agreement_id)
        ORDER BY h.agreement_id, h.date DESC NULLS LAST, h.seq DESC""",
    "decisions_by_court": """
        SELECT d.court_name, d.court, d.date, d.case_name, d.judge, d.motion, d.disposition, d.effect,
               d.agreements, d.decision_id, d.case_id
        FROM decisions d
        ORDER BY d.court_name NULLS LAST, d.date DESC NULLS LAST, d.decision_id""",
}
"""Views of the DuckDB file: the questions asked most, answered by name, latest first."""


class MissingExtra(ImportError):
    """A format (or a reader's DataFrames and DuckDB views) needs a package that is not installed; the message
    names the package and the install line."""


class NotAnOutput(ValueError):
    """The folder holds no complete output of `docketflow run`."""


def require(to: Format) -> None:
    """Raise MissingExtra unless the packages `to` needs can be imported (csv needs none)."""
    for module in {"parquet": ("pyarrow",), "duckdb": ("pyarrow", "duckdb")}.get(to, ()):
        optional(module, f"--to {to}")


def optional(module: str, needed_by: str) -> Any:
    """An optional package of the `tables` extra, or MissingExtra naming what needs it and how to install it."""
    try:
        return importlib.import_module(module)
    except ImportError:
        raise MissingExtra(f"{needed_by} needs {module}, which is not installed: {INSTALL}") from None


def default_dest(out: Path, to: Format) -> Path:
    """`OUT/tables/` for parquet and csv, `OUT/tables/docketflow.duckdb` for duckdb."""
    return out / TABLES_DIR / DUCKDB_FILE if to == "duckdb" else out / TABLES_DIR


@dataclass
class Exported:
    """What `export` wrote: where, and the rows of each table."""

    dest: Path
    to: Format
    rows: dict[str, int] = field(default_factory=dict)
    views: tuple[str, ...] = ()


def export(out: Path, to: Format = "parquet", dest: Path | None = None) -> Exported:
    """Write the tables of output folder `out` as `to` at `dest` (default `default_dest`). Raises NotAnOutput,
    MissingExtra (before anything is written) or OSError."""
    if to not in FORMATS:
        raise ValueError(f"--to: expected one of {', '.join(FORMATS)} (got {to!r})")
    require(to)
    state = published_state(out)
    if state != "complete":
        why = ("a run was stopped while publishing it; run again first" if state == "incomplete"
               else "no run.json: not an output folder of `docketflow run`")
        raise NotAnOutput(f"{out}: {why}")
    dest = dest if dest is not None else default_dest(out, to)
    rows = Rows(out)
    writer = {"parquet": _write_parquet, "csv": _write_csv, "duckdb": _write_duckdb}[to]
    return writer(rows, dest)


# --- rows -------------------------------------------------------------------------------------------------


def _lines(path: Path) -> Iterator[dict[str, Any]]:
    if not path.exists():  # an older output has no cases.jsonl
        return
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)


def _aligned(keys: list[str], known: dict[str, str] | None, resolve: Callable[[str], str | None]) -> list[str]:
    """A name per key, in order: the record's own name, else the resolver's, else the key."""
    known = known or {}
    return [known.get(k) or resolve(k) or k for k in keys]


def _text(evidence: list[dict[str, Any]]) -> str:
    return "\n".join(" ".join(e.get("text", "").split()) for e in evidence)


def _latest(history: list[dict[str, Any]]) -> dict[str, Any]:
    """The latest entry of an oldest-first history (undated entries sort first), or {}."""
    return history[-1] if history else {}


class Rows:
    """The rows of every table of one output folder, each table an iterator over its JSON Lines file; the small
    indexes (documents' paths, decisions, holdings' fields) are read once, up front."""

    def __init__(self, out: Path) -> None:
        self.out = out
        self.docs: dict[str, tuple[str, str]] = {}
        for document in _lines(out / "documents.jsonl"):
            self.docs[document["doc_id"]] = ((document.get("source") or {}).get("path"), document.get("kind"))
        self.decisions: dict[str, tuple[dict[str, Any], dict[str, Any]]] = {}
        for case in _lines(out / "cases.jsonl"):
            for decision in case.get("decisions") or []:
                self.decisions[decision["id"]] = (decision, case)
        self.case_names = {case["id"]: case.get("name") for _, case in self.decisions.values()}
        self.holdings: dict[str, dict[str, Any]] = {}
        for holding in _lines(out / "holdings.jsonl"):
            self.holdings[holding["id"]] = {k: holding.get(k) for k in
                                            ("motion", "disposition", "judge", "case_name", "case", "decision")}

    def table(self, name: str) -> Iterator[dict[str, Any]]:
        return getattr(self, f"_{name}")()

    def _documents(self) -> Iterator[dict[str, Any]]:
        for d in _lines(self.out / "documents.jsonl"):
            source = d.get("source") or {}
            yield {**{k: source.get(k) for k in ("path", "media_type", "title", "published", "url", "pages", "bytes",
                                                  "court", "docket", "filed", "document_number", "fr_type")},
                   "doc_id": d["doc_id"], "kind": d.get("kind"), "text_chars": d.get("text_chars"),
                   "court_name": names.court_name(source.get("court")), "entities": len(d.get("entities") or []),
                   "holdings": d.get("holdings") or [], "agreements": d.get("agreements") or [],
                   "warnings": d.get("warnings") or []}

    def _entities(self) -> Iterator[dict[str, Any]]:
        for d in _lines(self.out / "documents.jsonl"):
            path = (d.get("source") or {}).get("path")
            for seq, e in enumerate(d.get("entities") or [], 1):
                normalized = e.get("normalized") or {}
                label, key = e.get("label"), e.get("key")
                name = normalized.get("name") if isinstance(normalized.get("name"), str) else None
                parent = normalized.get("parent") if isinstance(normalized.get("parent"), str) else None
                if label == "COURT":
                    name = names.court_name(key) or name
                elif label == "AGENCY":
                    name = names.agency_name(key) or name
                    parent = names.agency_parent(key) or parent
                elif label == "DATA_CATEGORY":
                    name = names.data_category_label(key)
                elif label == "JUDGE":
                    name = name or key
                yield {"doc_id": d["doc_id"], "doc_path": path, "seq": seq, "label": label, "key": key,
                       "name": name, "parent": parent, "parent_name": names.agency_name(parent),
                       "text": e.get("text"), "start": e.get("start"), "end": e.get("end"), "page": e.get("page"),
                       "normalized": json.dumps(normalized, ensure_ascii=False, sort_keys=True) if normalized else None}

    def _holdings(self) -> Iterator[dict[str, Any]]:
        for h in _lines(self.out / "holdings.jsonl"):
            path, kind = self.docs.get(h.get("doc_id"), (None, None))
            agencies = h.get("agencies") or []
            yield {"holding_id": h["id"], "doc_id": h.get("doc_id"), "doc_path": path, "doc_kind": kind,
                   "decision_id": h.get("decision"), "case_id": h.get("case"),
                   "case_name": h.get("case_name") or self.case_names.get(h.get("case")),
                   "court": h.get("court"), "court_name": h.get("court_name") or names.court_name(h.get("court")),
                   **{k: h.get(k) for k in ("judge", "docket", "decided", "motion", "disposition", "effect",
                                            "effective", "confidence")},
                   "agencies": agencies, "agency_names": _aligned(agencies, h.get("agency_names"), names.agency_name),
                   "data_permitted": h.get("data_permitted") or [], "data_barred": h.get("data_barred") or [],
                   "statutes": h.get("statutes") or [], "agreement_id": h.get("agreement"),
                   "evidence": _text(h.get("evidence") or [])}

    def _agreements(self) -> Iterator[dict[str, Any]]:
        for a in _lines(self.out / "agreements.jsonl"):
            history = a.get("history") or []
            latest = _latest(history)
            decision, case = self.decisions.get(latest.get("decision") or "", ({}, {}))
            holding = self.holdings.get(latest.get("holding") or "", {})
            providers, recipients = a.get("providers") or [], a.get("recipients") or []
            categories = a.get("data_categories") or []
            yield {"agreement_id": a["id"], **{k: a.get(k) for k in ("instrument", "purpose", "status", "signed",
                                                                     "effective", "expires", "confidence")},
                   "providers": providers,
                   "provider_names": _aligned(providers, a.get("provider_names"), names.agency_name),
                   "recipients": recipients,
                   "recipient_names": _aligned(recipients, a.get("recipient_names"), names.agency_name),
                   "data_categories": categories,
                   "data_category_labels": _aligned(categories, a.get("data_category_labels"),
                                                    names.data_category_label),
                   "legal_basis": a.get("legal_basis") or [], "decisions": len(history),
                   "latest_decision_id": latest.get("decision"), "latest_date": latest.get("date"),
                   "latest_court": latest.get("court"),
                   "latest_court_name": latest.get("court_name") or names.court_name(latest.get("court")),
                   "latest_effect": latest.get("effect"),
                   "latest_disposition": decision.get("disposition") or holding.get("disposition"),
                   "latest_case_id": case.get("id") or holding.get("case"),
                   "latest_case_name": case.get("name") or holding.get("case_name"),
                   "doc_ids": a.get("doc_ids") or [], "documents": len(a.get("doc_ids") or [])}

    def _agreement_parties(self) -> Iterator[dict[str, Any]]:
        for a in _lines(self.out / "agreements.jsonl"):
            for role, keys, known in (("provider", a.get("providers") or [], a.get("provider_names") or {}),
                                      ("recipient", a.get("recipients") or [], a.get("recipient_names") or {})):
                for key in keys:
                    parent = names.agency_parent(key)
                    yield {"agreement_id": a["id"], "role": role, "agency": key,
                           "agency_name": known.get(key) or names.agency_name(key), "parent": parent,
                           "parent_name": names.agency_name(parent)}

    def _agreement_history(self) -> Iterator[dict[str, Any]]:
        for a in _lines(self.out / "agreements.jsonl"):
            for seq, entry in enumerate(a.get("history") or [], 1):
                decision, case = self.decisions.get(entry.get("decision") or "", ({}, {}))
                holding = self.holdings.get(entry.get("holding") or "", {})
                yield {"agreement_id": a["id"], "seq": seq, "date": entry.get("date"),
                       "decision_id": entry.get("decision"), "holding_id": entry.get("holding"),
                       "court": entry.get("court"),
                       "court_name": entry.get("court_name") or names.court_name(entry.get("court")),
                       "effect": entry.get("effect"),
                       **{k: decision.get(k) or holding.get(k) for k in ("motion", "disposition", "judge")},
                       "case_id": case.get("id") or holding.get("case"),
                       "case_name": case.get("name") or holding.get("case_name")}

    def _cases(self) -> Iterator[dict[str, Any]]:
        for c in _lines(self.out / "cases.jsonl"):
            decisions = c.get("decisions") or []
            dates = [d["date"] for d in decisions if d.get("date")]
            latest = decisions[-1] if decisions else {}
            courts, agencies = c.get("courts") or [], c.get("agencies") or []
            yield {"case_id": c["id"], "name": c.get("name"), "status": c.get("status"),
                   "dockets": c.get("dockets") or [], "courts": courts,
                   "court_names": _aligned(courts, c.get("court_names"), names.court_name),
                   "agencies": agencies, "agency_names": _aligned(agencies, c.get("agency_names"), names.agency_name),
                   "agreements": c.get("agreements") or [], "decisions": len(decisions),
                   "first_date": min(dates, default=None), "latest_date": max(dates, default=None),
                   "latest_decision_id": latest.get("id"),
                   "latest_court_name": latest.get("court_name") or names.court_name(latest.get("court")),
                   "latest_effect": latest.get("effect")}

    def _decisions(self) -> Iterator[dict[str, Any]]:
        for c in _lines(self.out / "cases.jsonl"):
            for seq, d in enumerate(c.get("decisions") or [], 1):
                yield {"decision_id": d["id"], "case_id": c["id"], "case_name": c.get("name"), "seq": seq,
                       "court": d.get("court"), "court_name": d.get("court_name") or names.court_name(d.get("court")),
                       **{k: d.get(k) for k in ("date", "judge", "motion", "disposition", "effect")},
                       **{k: d.get(k) or [] for k in ("dockets", "agreements", "holdings", "doc_ids")}}

    def _errors(self) -> Iterator[dict[str, Any]]:
        for e in _lines(self.out / "errors.jsonl"):
            yield {k: e.get(k) for k in ("path", "sha256", "stage", "error", "message")}


def _batches(rows: Iterable[dict[str, Any]], size: int = BATCH_ROWS) -> Iterator[list[dict[str, Any]]]:
    batch: list[dict[str, Any]] = []
    for row in rows:
        batch.append(row)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


# --- writers ------------------------------------------------------------------------------------------------


def _temp_path(dest: Path) -> Path:
    dest.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{dest.name}.", dir=dest.parent)
    os.close(fd)
    os.chmod(tmp, FILE_MODE)
    return Path(tmp)


def _atomic(dest: Path, write: Callable[[Path], None]) -> None:
    """`write(tmp)`, then `tmp` moved onto `dest` in one step; nothing is left behind if it fails."""
    tmp = _temp_path(dest)
    try:
        write(tmp)
        os.replace(tmp, dest)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _arrow_schema(name: str) -> Any:
    import pyarrow as pa

    types = {S: pa.string(), N: pa.int64(), F: pa.float64(), L: pa.list_(pa.string())}
    return pa.schema([(column, types[kind]) for column, kind in TABLES[name]])


def _arrow_batches(rows: Rows, name: str) -> Iterator[Any]:
    """Record batches of table `name`; at least one, so an empty table still has its columns."""
    import pyarrow as pa

    schema = _arrow_schema(name)
    empty = True
    for batch in _batches(rows.table(name)):
        empty = False
        yield pa.RecordBatch.from_pylist(batch, schema=schema)
    if empty:
        yield pa.RecordBatch.from_pylist([], schema=schema)


def _write_parquet(rows: Rows, dest: Path) -> Exported:
    import pyarrow.parquet as pq

    done = Exported(dest, "parquet")
    dest.mkdir(parents=True, exist_ok=True)
    for name in TABLES:
        def write(tmp: Path, name: str = name) -> None:
            count = 0
            with pq.ParquetWriter(tmp, _arrow_schema(name)) as writer:
                for batch in _arrow_batches(rows, name):
                    writer.write_batch(batch)
                    count += batch.num_rows
            done.rows[name] = count

        _atomic(dest / f"{name}.parquet", write)
    return done


def _cell(value: Any) -> Any:
    if isinstance(value, list):
        return LIST_SEPARATOR.join(str(v) for v in value)
    return "" if value is None else value


def _write_csv(rows: Rows, dest: Path) -> Exported:
    done = Exported(dest, "csv")
    dest.mkdir(parents=True, exist_ok=True)
    for name, columns in TABLES.items():
        def write(tmp: Path, name: str = name, columns: tuple[tuple[str, str], ...] = columns) -> None:
            header = [c for c, _ in columns]
            count = 0
            with tmp.open("w", encoding="utf-8", newline="") as fh:
                out = csv.writer(fh)
                out.writerow(header)
                for row in rows.table(name):
                    out.writerow([_cell(row.get(c)) for c in header])
                    count += 1
            done.rows[name] = count

        _atomic(dest / f"{name}.csv", write)
    return done


def _write_duckdb(rows: Rows, dest: Path) -> Exported:
    import duckdb

    done = Exported(dest, "duckdb", views=tuple(VIEWS))
    dest.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f".{dest.name}.", dir=dest.parent))
    try:
        path = work / dest.name
        con = duckdb.connect(str(path))
        try:
            for name in TABLES:
                count = 0
                for i, batch in enumerate(_arrow_batches(rows, name)):
                    con.register("_batch", batch)
                    verb = f'CREATE TABLE "{name}" AS' if i == 0 else f'INSERT INTO "{name}"'
                    con.execute(f"{verb} SELECT * FROM _batch")
                    con.unregister("_batch")
                    count += batch.num_rows
                done.rows[name] = count
            for view, query in VIEWS.items():
                con.execute(f'CREATE VIEW "{view}" AS {query}')
            con.execute("CHECKPOINT")
        finally:
            con.close()
        os.chmod(path, FILE_MODE)
        os.replace(path, dest)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return done
