"""Names beside ids: courts-db's court names, the gazetteer's agency names and parents, data category meanings,
in the records a run writes; and a description on every property of every JSON Schema."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import courts_db
import pytest
from docketflow.extractors import names
from docketflow.extractors.data import read_tsv
from docketflow.models import Agreement, Case, Decision, HistoryEntry, Holding, json_schemas
from docketflow.models.common import Evidence

from tests.sources.helpers import run_cli


def _court(court_id: str) -> str:
    return next(" ".join(c["name"].split()) for c in courts_db.courts if c["id"] == court_id)


def _agency(key: str) -> dict[str, str]:
    return next(row for row in read_tsv("agencies.tsv") if row["key"] == key)


def _category(key: str) -> str:
    return next(row["meaning"] for row in read_tsv("data_categories.tsv") if row["key"] == key)


@pytest.mark.parametrize(("lookup", "key", "expected"), [
    (names.court_name, "mdd", lambda: _court("mdd")),
    (names.court_name, "ca4", lambda: _court("ca4")),
    (names.court_name, "no-such-court", lambda: None),
    (names.court_name, None, lambda: None),
    (names.agency_name, "ICE", lambda: _agency("ICE")["name"]),
    (names.agency_name, "SSA", lambda: _agency("SSA")["name"]),
    (names.agency_name, "NOT-LISTED", lambda: None),
    (names.agency_parent, "ICE", lambda: "DHS"),
    (names.agency_parent, "DHS", lambda: None),
    (names.data_category_label, "ssn", lambda: _category("ssn")),
    (names.data_category_label, "no_such_category", lambda: None),
])
def test_lookups(lookup, key, expected) -> None:
    assert lookup(key) == expected()


def test_an_unlisted_agency_takes_the_name_its_documents_print() -> None:
    found = {"zz-dol": "Zedland Department of Labor", "ICE": "a name the gazetteer overrides"}
    assert names.agency_names(["ICE", "zz-dol", "NOT-LISTED"], found) == {
        "ICE": _agency("ICE")["name"], "zz-dol": "Zedland Department of Labor"}


def _evidence() -> list[Evidence]:
    return [Evidence(doc_id="a" * 64, start=0, end=4, text="text")]


def test_named_fills_every_name_field_and_keeps_the_ids() -> None:
    holding = Holding(id="hld-1", doc_id="a" * 64, court="mdd", agencies=["SSA", "ICE", "zz-dol"],
                      data_permitted=["address"], data_barred=["ssn"], confidence=0.5)
    named = names.named(holding, {"zz-dol": "Zedland Department of Labor"})
    assert named.agencies == ["SSA", "ICE", "zz-dol"] and named.court == "mdd"
    assert named.court_name == _court("mdd")
    assert named.agency_names == {"SSA": _agency("SSA")["name"], "ICE": _agency("ICE")["name"],
                                  "zz-dol": "Zedland Department of Labor"}
    assert named.data_category_labels == {"address": _category("address"), "ssn": _category("ssn")}

    agreement = Agreement(id="agr-1", doc_ids=["a" * 64], providers=["SSA"], recipients=["ICE"],
                          data_categories=["income"], confidence=0.5,
                          history=[HistoryEntry(date="2031-03-03", holding="hld-1", court="mdd", effect="limited")])
    named_agreement = names.named(agreement)
    assert named_agreement.provider_names == {"SSA": _agency("SSA")["name"]}
    assert named_agreement.recipient_names == {"ICE": _agency("ICE")["name"]}
    assert named_agreement.data_category_labels == {"income": _category("income")}
    assert named_agreement.history[0].court_name == _court("mdd")

    case = Case(id="case-1", courts=["mdd", "ca4"], agencies=["ICE"], decisions=[
        Decision(id="dec-1", court="mdd", holdings=["hld-1"], doc_ids=["a" * 64]),
        Decision(id="dec-2", court="ca4", holdings=["hld-2"], doc_ids=["b" * 64])])
    named_case = names.named(case)
    assert named_case.court_names == {"mdd": _court("mdd"), "ca4": _court("ca4")}
    assert named_case.agency_names == {"ICE": _agency("ICE")["name"]}
    assert [d.court_name for d in named_case.decisions] == [_court("mdd"), _court("ca4")]


def _properties(schema: Any, where: str) -> Iterator[tuple[str, dict[str, Any]]]:
    """Every (path, property schema) of a JSON Schema, nested objects and $defs included."""
    if isinstance(schema, dict):
        for name, prop in (schema.get("properties") or {}).items():
            yield f"{where}.{name}", prop
        for key, value in schema.items():
            if key != "properties":
                yield from _properties(value, f"{where}/{key}")
        for name, prop in (schema.get("properties") or {}).items():
            yield from _properties(prop, f"{where}.{name}")
    elif isinstance(schema, list):
        for i, value in enumerate(schema):
            yield from _properties(value, f"{where}[{i}]")


def test_every_schema_property_has_a_description() -> None:
    schemas = json_schemas()
    assert set(schemas) >= {"document", "holding", "agreement", "case", "error"}
    seen = 0
    missing = []
    for name, schema in schemas.items():
        for path, prop in _properties(schema, name):
            seen += 1
            if not str(prop.get("description", "")).strip():
                missing.append(path)
    assert seen > 80
    assert missing == []


@pytest.mark.parametrize(("record", "fields"), [
    ("holding", {"court_name", "agency_names", "data_category_labels"}),
    ("agreement", {"provider_names", "recipient_names", "data_category_labels"}),
    ("case", {"court_names", "agency_names"}),
])
def test_name_fields_are_optional_so_the_contract_stays_at_version_3(record: str, fields: set[str]) -> None:
    schema = json_schemas()[record]
    assert fields <= set(schema["properties"])
    assert not fields & set(schema.get("required", []))
    assert schema["properties"]["schema_version"]["const"] == 3


ARTICLE = ("Judge limits sharing of earnings records\n\n"
           "BALTIMORE, March 4, 2031 - U.S. District Judge Jane Q. Roe of the District of Maryland on Monday "
           "granted in part a preliminary injunction barring the Social Security Administration from sharing the "
           "earnings records and home addresses of workers with U.S. Immigration and Customs Enforcement under an "
           "agreement the agencies signed on January 5, 2031.\n")


def _records(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_a_run_writes_names_beside_ids(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "ruling.txt").write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "out"
    result = run_cli(inputs, out)
    assert result.returncode == 0, result.stderr

    holdings = _records(out / "holdings.jsonl")
    assert holdings
    for holding in holdings:
        assert holding["court_name"] == (_court(holding["court"]) if holding["court"] else None)
        assert set(holding["agency_names"]) == set(holding["agencies"])
        assert holding["agency_names"].get("ICE") in (None, _agency("ICE")["name"])
    assert any(h["agency_names"].get("ICE") == _agency("ICE")["name"] for h in holdings)

    agreements = _records(out / "agreements.jsonl")
    assert agreements
    for agreement in agreements:
        assert set(agreement["recipient_names"]) == set(agreement["recipients"])
        assert set(agreement["provider_names"]) == set(agreement["providers"])
        assert set(agreement["data_category_labels"]) == set(agreement["data_categories"])
        for entry in agreement["history"]:
            assert entry["court_name"] == (_court(entry["court"]) if entry["court"] else None)
    assert any(a["recipient_names"] == {"ICE": _agency("ICE")["name"]} for a in agreements)

    for case in _records(out / "cases.jsonl"):
        assert case["court_names"] == {c: _court(c) for c in case["courts"]}
        for decision in case["decisions"]:
            assert decision["court_name"] == (_court(decision["court"]) if decision["court"] else None)
