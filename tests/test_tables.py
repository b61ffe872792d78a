"""`docketflow export OUT --to parquet|csv|duckdb` and `run --export`: flat tables that join on ids and carry
names, read back with pyarrow, DuckDB and the csv module.

The output folder is made up record by record through the models (and published by the run's own writer),
so these tests do not depend on what the extractors find. Every name, number and date is made up.
"""

from __future__ import annotations

import csv
import hashlib
import subprocess
import sys
from pathlib import Path

import courts_db
import pytest
from docketflow.extractors.data import read_tsv
from docketflow.extractors.names import named
from docketflow.models import Agreement, Case, Decision, Document, Entity, HistoryEntry, Holding, Source
from docketflow.models.common import Evidence
from docketflow.models.errors import ErrorRecord
from docketflow.pipeline import tables
from docketflow.pipeline.cli import main
from docketflow.pipeline.output import OutputWriter, text_member

TEXTS = {
    "order.txt": ("court_order", "The motion for a preliminary injunction is GRANTED IN PART. The Social Security "
                                 "Administration shall not share earnings records with ICE."),
    "appeal.txt": ("opinion", "We AFFIRM the district court's order granting a preliminary injunction in part."),
    "notice.txt": ("federal_register_notice", "The Internal Revenue Service will disclose last known addresses "
                                              "to U.S. Immigration and Customs Enforcement."),
    "article.txt": ("news", "The health department agreed to give enrollment data to Customs and Border Protection."),
}
DISTRICT, APPEAL = "mdd", "ca4"


def ice_name() -> str:
    return next(row["name"] for row in read_tsv("agencies.tsv") if row["key"] == "ICE")


def court_name(court_id: str) -> str:
    return next(" ".join(c["name"].split()) for c in courts_db.courts if c["id"] == court_id)


def _id(name: str) -> str:
    return hashlib.sha256(TEXTS[name][1].encode()).hexdigest()


def _evidence(name: str, phrase: str) -> Evidence:
    text = TEXTS[name][1]
    start = text.index(phrase)
    return Evidence(doc_id=_id(name), start=start, end=start + len(phrase), text=phrase)


def _entity(doc: str, phrase: str, label: str, key: str, **normalized: object) -> Entity:
    start = TEXTS[doc][1].index(phrase)
    return Entity(label=label, text=phrase, start=start, end=start + len(phrase), key=key, normalized=normalized)


def write_output(out: Path, *, with_names: bool = True) -> None:
    """A published output folder: four documents, two holdings of one case across two courts, three agreements
    (two to ICE, one with two decisions, one with none), one error. `with_names=False` writes the records as a
    run before the name fields would."""
    holdings = [
        Holding(id="hld-1", doc_id=_id("order.txt"), court=DISTRICT, judge="Jane Q. Roe",
                case_name="Doe v. Social Security Administration", docket="8:31-cv-00123-JQR", decided="2031-03-03",
                motion="preliminary_injunction", disposition="granted_in_part", effect="limited",
                agencies=["SSA", "ICE"], data_barred=["income"], agreement="agr-ssa", decision="dec-1",
                case="case-1", evidence=[_evidence("order.txt", "GRANTED IN PART")], confidence=0.9),
        Holding(id="hld-2", doc_id=_id("appeal.txt"), court=APPEAL, docket="31-1456", decided="2031-09-01",
                motion="appeal", disposition="affirmed", effect="limited", agencies=["SSA", "ICE"],
                agreement="agr-ssa", decision="dec-2", case="case-1",
                evidence=[_evidence("appeal.txt", "We AFFIRM")], confidence=0.8),
    ]
    agreements = [
        Agreement(id="agr-ssa", doc_ids=[_id("order.txt"), _id("appeal.txt")], instrument="data_access",
                  providers=["SSA"], recipients=["ICE"], data_categories=["income"], status="limited",
                  history=[HistoryEntry(date="2031-03-03", holding="hld-1", decision="dec-1", court=DISTRICT,
                                        effect="limited"),
                           HistoryEntry(date="2031-09-01", holding="hld-2", decision="dec-2", court=APPEAL,
                                        effect="limited")],
                  evidence=[_evidence("order.txt", "shall not share earnings records with ICE")], confidence=0.9),
        Agreement(id="agr-irs", doc_ids=[_id("notice.txt")], instrument="routine_use", providers=["IRS"],
                  recipients=["ICE"], data_categories=["address"], status="in_effect",
                  evidence=[_evidence("notice.txt", "will disclose last known addresses")], confidence=0.7),
        Agreement(id="agr-cbp", doc_ids=[_id("article.txt")], providers=["HHS"], recipients=["CBP"],
                  data_categories=["benefits_enrollment"], status="proposed", confidence=0.6),
    ]
    cases = [Case(id="case-1", name="Doe v. Social Security Administration", dockets=["8:31-cv-00123-JQR", "31-1456"],
                  courts=[DISTRICT, APPEAL], agencies=["ICE", "SSA"], agreements=["agr-ssa"], status="limited",
                  decisions=[
                      Decision(id="dec-1", court=DISTRICT, judge="Jane Q. Roe", date="2031-03-03",
                               motion="preliminary_injunction", disposition="granted_in_part", effect="limited",
                               agreements=["agr-ssa"], holdings=["hld-1"], doc_ids=[_id("order.txt")]),
                      Decision(id="dec-2", court=APPEAL, date="2031-09-01", motion="appeal", disposition="affirmed",
                               effect="limited", agreements=["agr-ssa"], holdings=["hld-2"],
                               doc_ids=[_id("appeal.txt")])])]
    entities = {
        "order.txt": [_entity("order.txt", "Social Security Administration", "AGENCY", "SSA",
                              name="Social Security Administration", parent=None),
                      _entity("order.txt", "ICE", "AGENCY", "ICE", name=ice_name(), parent="DHS")],
        "notice.txt": [_entity("notice.txt", "last known addresses", "DATA_CATEGORY", "address")],
    }
    if with_names:
        holdings = [named(h) for h in holdings]
        agreements = [named(a) for a in agreements]
        cases = [named(c) for c in cases]
    writer = OutputWriter(out)
    for name, (kind, text) in sorted(TEXTS.items(), key=lambda item: _id(item[0])):
        writer.write("documents", Document(
            doc_id=_id(name), source=Source(path=name, media_type="text/plain", published="2031-09-02"),
            kind=kind, text_chars=len(text), entities=entities.get(name, []),
            holdings=[h.id for h in holdings if h.doc_id == _id(name)],
            agreements=[a.id for a in agreements if _id(name) in a.doc_ids]))
        writer.write_text(text_member(_id(name), text))
    for record in holdings:
        writer.write("holdings", record)
    for record in agreements:
        writer.write("agreements", record)
    for record in cases:
        writer.write("cases", record)
    writer.write("errors", ErrorRecord(path="broken.pdf", stage="ingest", error="PdfiumError", message="no pages"))
    writer.commit({"finished_at": "2031-09-02T00:00:00"})


@pytest.fixture
def out(tmp_path: Path) -> Path:
    folder = tmp_path / "out"
    write_output(folder)
    return folder


EXPECTED_ICE = [  # agreements whose recipient is ICE, latest decision first: (agreement, date, court, effect)
    ("agr-ssa", "2031-09-01", APPEAL, "limited"),
    ("agr-irs", None, None, None),
]


def _expected() -> list[tuple[str, str | None, str | None, str | None]]:
    return [(a, d, court_name(c) if c else None, e) for a, d, c, e in EXPECTED_ICE]


def test_parquet_tables_answer_by_name_with_pyarrow(out: Path) -> None:
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    pc = pytest.importorskip("pyarrow.compute")
    assert main(["export", str(out), "--to", "parquet"]) == 0
    folder = out / "tables"
    assert sorted(p.stem for p in folder.glob("*.parquet")) == sorted(tables.TABLES)
    for name, columns in tables.TABLES.items():
        assert pq.read_schema(folder / f"{name}.parquet").names == [c for c, _ in columns]

    parties = pq.read_table(folder / "agreement_parties.parquet")
    to_ice = parties.filter(pc.and_(pc.equal(parties["role"], "recipient"),
                                    pc.equal(parties["agency_name"], ice_name())))
    agreements = pq.read_table(folder / "agreements.parquet")
    latest = agreements.select(["agreement_id", "latest_date", "latest_court_name", "latest_effect"])
    joined = to_ice.join(latest, "agreement_id").sort_by([("latest_date", "descending"), ("agreement_id", "ascending")])
    rows = joined.select(["agreement_id", "latest_date", "latest_court_name", "latest_effect"]).to_pylist()
    assert [tuple(r.values()) for r in rows] == _expected()
    assert agreements.schema.field("provider_names").type == pa.list_(pa.string())

    history = pq.read_table(folder / "agreement_history.parquet").to_pylist()
    assert [(h["agreement_id"], h["seq"], h["court_name"], h["disposition"], h["case_name"]) for h in history] == [
        ("agr-ssa", 1, court_name(DISTRICT), "granted_in_part", "Doe v. Social Security Administration"),
        ("agr-ssa", 2, court_name(APPEAL), "affirmed", "Doe v. Social Security Administration")]
    decisions = pq.read_table(folder / "decisions.parquet").to_pylist()
    assert [(d["decision_id"], d["case_id"], d["seq"], d["court_name"]) for d in decisions] == [
        ("dec-1", "case-1", 1, court_name(DISTRICT)), ("dec-2", "case-1", 2, court_name(APPEAL))]
    entities = pq.read_table(folder / "entities.parquet").to_pylist()
    ice = next(e for e in entities if e["key"] == "ICE")
    assert (ice["name"], ice["parent"], ice["doc_path"]) == (ice_name(), "DHS", "order.txt")
    assert ice["parent_name"] == next(r["name"] for r in read_tsv("agencies.tsv") if r["key"] == "DHS")
    holdings = pq.read_table(folder / "holdings.parquet").to_pylist()
    assert {h["holding_id"]: (h["doc_path"], h["court_name"], h["agency_names"][-1]) for h in holdings} == {
        "hld-1": ("order.txt", court_name(DISTRICT), ice_name()),
        "hld-2": ("appeal.txt", court_name(APPEAL), ice_name())}
    assert pq.read_table(folder / "errors.parquet").num_rows == 1


def test_duckdb_file_has_tables_and_views_that_answer_by_name(out: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("pyarrow")
    duckdb = pytest.importorskip("duckdb")
    dest = out / "elsewhere" / "records.duckdb"
    assert main(["export", str(out), "--to", "duckdb", "--dest", str(dest)]) == 0
    assert str(dest) in capsys.readouterr().out
    assert not list(dest.parent.glob(".*"))  # no temporary left behind

    con = duckdb.connect(str(dest), read_only=True)
    try:
        names = {r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
        assert names >= set(tables.TABLES) | {"agreements_by_recipient", "decisions_by_agreement"}
        rows = con.execute("SELECT agreement_id, latest_date, latest_court_name, latest_effect "
                           "FROM agreements_by_recipient WHERE recipient_name = ?", [ice_name()]).fetchall()
        assert rows == _expected()
        latest_first = con.execute("SELECT date, court_name, disposition FROM decisions_by_agreement "
                                   "WHERE agreement_id = 'agr-ssa'").fetchall()
        assert latest_first == [("2031-09-01", court_name(APPEAL), "affirmed"),
                                ("2031-03-03", court_name(DISTRICT), "granted_in_part")]
        joined = con.execute(
            "SELECT h.holding_id, d.court_name, c.name FROM holdings h JOIN decisions d USING (decision_id) "
            "JOIN cases c ON c.case_id = d.case_id ORDER BY h.holding_id").fetchall()
        assert joined == [("hld-1", court_name(DISTRICT), "Doe v. Social Security Administration"),
                          ("hld-2", court_name(APPEAL), "Doe v. Social Security Administration")]
        assert con.execute("SELECT count(*) FROM documents").fetchone() == (len(TEXTS),)
    finally:
        con.close()


def test_csv_tables_need_no_extra_and_join_lists(out: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    monkeypatch.setitem(sys.modules, "duckdb", None)
    dest = out / "csv"
    assert main(["export", str(out), "--to", "csv", "--dest", str(dest)]) == 0
    with (dest / "agreements.csv").open(encoding="utf-8", newline="") as fh:
        agreements = {row["agreement_id"]: row for row in csv.DictReader(fh)}
    with (dest / "agreement_parties.csv").open(encoding="utf-8", newline="") as fh:
        to_ice = [row["agreement_id"] for row in csv.DictReader(fh)
                  if row["role"] == "recipient" and row["agency_name"] == ice_name()]
    rows = sorted(((a, agreements[a]["latest_date"] or None, agreements[a]["latest_court_name"] or None,
                    agreements[a]["latest_effect"] or None) for a in to_ice),
                  key=lambda r: (r[1] is None, r[0]))
    assert rows == _expected()
    assert agreements["agr-cbp"]["data_categories"] == "benefits_enrollment"
    with (dest / "cases.csv").open(encoding="utf-8", newline="") as fh:
        case = next(csv.DictReader(fh))
    assert case["courts"] == f"{DISTRICT}{tables.LIST_SEPARATOR}{APPEAL}"
    assert case["court_names"] == tables.LIST_SEPARATOR.join([court_name(DISTRICT), court_name(APPEAL)])


def test_an_output_written_before_the_name_fields_still_gets_names(tmp_path: Path) -> None:
    out = tmp_path / "old"
    write_output(out, with_names=False)
    assert main(["export", str(out), "--to", "csv"]) == 0
    with (out / "tables" / "agreement_history.csv").open(encoding="utf-8", newline="") as fh:
        assert [row["court_name"] for row in csv.DictReader(fh)] == [court_name(DISTRICT), court_name(APPEAL)]
    with (out / "tables" / "agreement_parties.csv").open(encoding="utf-8", newline="") as fh:
        assert {(r["agency"], r["agency_name"]) for r in csv.DictReader(fh) if r["role"] == "recipient"} >= {
            ("ICE", ice_name())}


@pytest.mark.parametrize(("to", "missing"), [("parquet", "pyarrow"), ("duckdb", "duckdb"), ("duckdb", "pyarrow")])
def test_a_missing_extra_is_one_line_and_exit_2(out: Path, monkeypatch: pytest.MonkeyPatch,
                                                capsys: pytest.CaptureFixture[str], to: str, missing: str) -> None:
    monkeypatch.setitem(sys.modules, missing, None)  # `import <missing>` raises ImportError
    assert main(["export", str(out), "--to", to]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1
    assert missing in lines[0] and 'pip install "docketflow[tables]"' in lines[0]
    assert not (out / "tables").exists()


def test_run_refuses_export_without_the_extra_before_reading(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "a.txt").write_text("A made-up note.\n", encoding="utf-8")
    out = tmp_path / "out"
    code = main(["run", str(inputs), "--out", str(out), "--quiet", "--no-prefect", "--no-isolate", "--ocr", "off",
                 "--export", "parquet"])
    assert code == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "--export" in err[0] and 'pip install "docketflow[tables]"' in err[0]
    assert not (out / "documents.jsonl").exists()


def test_export_refuses_a_folder_that_is_not_an_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", str(tmp_path), "--to", "csv"]) == 2
    assert "not an output folder" in capsys.readouterr().err
    assert not (tmp_path / "tables").exists()


def test_run_with_export_writes_the_tables_at_the_end(tmp_path: Path) -> None:
    pytest.importorskip("pyarrow")
    duckdb = pytest.importorskip("duckdb")
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "ruling.txt").write_text(
        "Judge limits sharing of earnings records\n\nBALTIMORE, March 4, 2031 - U.S. District Judge Jane Q. Roe of "
        "the District of Maryland on Monday granted in part a preliminary injunction barring the Social Security "
        "Administration from sharing the earnings records of workers with U.S. Immigration and Customs "
        "Enforcement under an agreement the agencies signed on January 5, 2031.\n", encoding="utf-8")
    out = tmp_path / "out"
    command = [sys.executable, "-m", "docketflow.pipeline.cli", "run", str(inputs), "--out", str(out), "--quiet",
               "--no-prefect", "--no-isolate", "--ocr", "off", "--export", "duckdb"]
    result = subprocess.run(command, capture_output=True, text=True, timeout=600, check=False)
    assert result.returncode == 0, result.stderr
    assert "docketflow.duckdb" in result.stdout
    con = duckdb.connect(str(out / "tables" / "docketflow.duckdb"), read_only=True)
    try:
        rows = con.execute("SELECT recipient, latest_court_name FROM agreements_by_recipient "
                           "WHERE recipient_name = ?", [ice_name()]).fetchall()
    finally:
        con.close()
    assert rows == [("ICE", court_name(DISTRICT))]
