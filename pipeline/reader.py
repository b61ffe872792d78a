"""The records of an output folder, as models: `docketflow.read(OUT)`.

Only a folder one run published whole is read (`output.published_state`): a folder a run was stopped in while
moving its files into place, or one no run has published yet, is refused with the reason, rather than read
as a mix of two runs. The files are read in one go, so what `read` returns is one run's set even if another
run publishes while it reads (it reads again then). DataFrames (pandas) and DuckDB views are there for
whoever installs those (`pip install "docketflow[tables]"`); neither is imported until asked for.
"""

from __future__ import annotations

import gzip
import json
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from docketflow.models import SCHEMA_VERSION, Agreement, Case, Document, ErrorRecord, Holding
from docketflow.pipeline.output import JSONL_FILES, TEXTS_FILE, published_state
from docketflow.pipeline.tables import optional
from pydantic import BaseModel

if TYPE_CHECKING:
    import duckdb
    import pandas

MODELS: dict[str, type[BaseModel]] = {"documents": Document, "holdings": Holding, "agreements": Agreement,
                                      "cases": Case, "errors": ErrorRecord}
"""Each JSON Lines file of an output folder and the model of its lines."""
assert set(MODELS) == set(JSONL_FILES)
ATTEMPTS = 3
"""Reads of a folder that another run keeps publishing into before giving up."""
RETRY_S = 0.5
"""How long to let another run finish moving its files into place (it takes milliseconds)."""


class NotPublished(RuntimeError):
    """The folder holds no complete set of records (nothing published yet, or a run stopped mid-publishing)."""


@dataclass
class Records:
    """Every record of one published output folder, as the models of the output contract."""

    out: Path
    documents: list[Document] = field(default_factory=list)
    holdings: list[Holding] = field(default_factory=list)
    agreements: list[Agreement] = field(default_factory=list)
    cases: list[Case] = field(default_factory=list)
    errors: list[ErrorRecord] = field(default_factory=list)
    run: dict[str, Any] = field(default_factory=dict)
    """`run.json`: when the records were made, counts, options, versions."""

    def __iter__(self) -> Iterator[tuple[str, list[Any]]]:
        """(name, records) for each file: documents, holdings, agreements, cases, errors."""
        return ((name, getattr(self, name)) for name in MODELS)

    def document(self, doc_id: str) -> Document | None:
        """The document of a `doc_id` (what holdings and agreement sources point to), if it is here."""
        return next((d for d in self.documents if d.doc_id == doc_id), None)

    def texts(self) -> Iterator[tuple[str, str]]:
        """(doc_id, text) of every document: the texts the entities' and evidence's offsets point into."""
        with gzip.open(self.out / TEXTS_FILE, "rt", encoding="utf-8") as lines:
            for line in lines:
                row = json.loads(line)
                yield row["doc_id"], row["text"]

    def frames(self) -> dict[str, pandas.DataFrame]:
        """A pandas DataFrame per file (documents, holdings, agreements, cases, errors), one row per record
        and one column per field; lists and nested records stay Python values in their cells."""
        pd = optional("pandas", "Records.frames()")
        return {name: pd.DataFrame([r.model_dump(mode="json") for r in records],
                                   columns=list(MODELS[name].model_fields))
                for name, records in self}

    def duckdb(self, con: duckdb.DuckDBPyConnection | None = None) -> duckdb.DuckDBPyConnection:
        """A DuckDB connection (a new in-memory one unless given) with a view per file, named as the files
        (`documents`, `holdings`, `agreements`, `cases`, `errors`), nested fields as DuckDB structs and lists:
        `records.duckdb().sql("select court, count(*) from holdings group by court")`."""
        db = optional("duckdb", "Records.duckdb()")
        con = con if con is not None else db.connect()
        for name in MODELS:
            path = str((self.out / f"{name}.jsonl").resolve()).replace("'", "''")
            columns = ""
            if not getattr(self, name):  # nothing to infer the columns from: name them, as text
                columns = ", columns={" + ", ".join(f"'{f}': 'VARCHAR'" for f in MODELS[name].model_fields) + "}"
            con.execute(f"create or replace view {name} as "
                        f"select * from read_json('{path}', format='newline_delimited'{columns})")
        return con

    def relation(self, name: str, con: duckdb.DuckDBPyConnection | None = None) -> duckdb.DuckDBPyRelation:
        """One file as a DuckDB relation (see `duckdb`): `records.relation("holdings").filter("effect = 'barred'")`."""
        if name not in MODELS:
            raise ValueError(f"{name!r}: expected one of {', '.join(MODELS)}")
        return self.duckdb(con).view(name)


def read(out: str | Path = "output") -> Records:
    """The records an earlier run published in `out`.

    Raises FileNotFoundError when there is no such folder, NotPublished when it holds no complete set of
    records (no run published there yet, or a run was stopped while publishing: run docketflow again on it),
    and ValueError when its records follow another schema version than this docketflow's."""
    out = Path(out)
    if not out.is_dir():
        raise FileNotFoundError(f"{out}: no such output folder")
    before = _published(out)
    for _ in range(ATTEMPTS):
        records = Records(out, run=before)
        for name, model in MODELS.items():
            with (out / f"{name}.jsonl").open(encoding="utf-8") as lines:
                setattr(records, name, [model.model_validate_json(line) for line in lines if line.strip()])
        try:
            after = _published(out)
        except NotPublished:  # another run is publishing right now: its files come in a moment
            time.sleep(RETRY_S)
            after = _published(out)
        if after == before:  # the same run's files before and after: one set
            return records
        before = after
    raise NotPublished(f"{out}: another run kept publishing while its records were read; read it once that run is done")


def _published(out: Path) -> dict[str, Any]:
    """`run.json` of a folder holding one run's complete set of records, or the reason it does not."""
    state = published_state(out)
    if state == "none":
        raise NotPublished(f"{out}: no run has published records here yet (no run.json)")
    if state == "incomplete":
        raise NotPublished(f"{out}: half-published: a run is moving its files into place or was stopped while "
                           "doing so, and they may mix two runs; run docketflow again with --out pointing here to "
                           "publish a whole set")
    report = json.loads((out / "run.json").read_text(encoding="utf-8"))
    version = report.get("schema_version")
    if version != SCHEMA_VERSION:
        raise ValueError(f"{out}: records of schema_version {version}, and this docketflow reads version "
                         f"{SCHEMA_VERSION}: run docketflow again with --out pointing here to rewrite them")
    return report
