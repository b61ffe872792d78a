"""DATA_CATEGORY: categories of personal data, coordinated phrasings, and the everyday uses of "address"
and "name" that are not personal data."""

from __future__ import annotations

import pytest
from docketflow.extractors.data import read_jsonl, read_tsv
from docketflow.extractors.nlp import build_nlp
from docketflow.extractors.spans import entities


def keys(text: str) -> set[str]:
    return {e.kb_id_ for e in entities(build_nlp()(text), "DATA_CATEGORY")}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # lists of fields, with the weak "address" and "name" carried by their neighbours
        (
            "The order lets the agency share phone number, address, Medicaid ID, and date of birth.",
            {"phone_number", "address", "medicaid_id", "date_of_birth"},
        ),
        ("Officials asked for names and addresses of all enrollees.", {"name", "address"}),
        ("The subpoena sought the addresses of the subscribers.", {"address"}),
        ("Agents may not learn their addresses.", {"address"}),
        ("The file lists his name, SSN and DOB.", {"name", "ssn", "date_of_birth"}),
        ("The IRS will share taxpayers’ names and addresses with ICE.", {"name", "address"}),
        ("USDA demanded SNAP recipients' data from the states.", {"benefits_enrollment"}),
        ("ICE asked for IRS data on millions of people.", {"tax_return_information"}),
        ("The IRS agreed to provide addresses to ICE.", {"address"}),
        ("Agents may not disclose their names.", {"name"}),
        ("CMS will send enrollee information, including addresses, to DHS.", {"address", "benefits_enrollment"}),
        # coordination before one head noun
        ("The data includes citizenship and immigration status.", {"citizenship_status", "immigration_status"}),
        ("Records of home and mailing addresses were produced.", {"address"}),
        ("It wants taxpayer and household information.", {"tax_return_information", "household_information"}),
        ("The carrier kept phone and Social Security numbers.", {"phone_number", "ssn"}),
        ("Their e-mail addresses leaked.", {"email_address"}),
        # single phrases
        ("CMS handed over Medicaid records.", {"benefits_enrollment"}),
        ("The welfare records were requested in bulk.", {"benefits_enrollment"}),
        ("Section 6103 protects return information.", {"tax_return_information"}),
        ("The IRS will not disclose tax returns.", {"tax_return_information"}),
        ("Detailed medical records remain sealed.", {"health_information"}),
        ("The exhibit contains protected health information.", {"health_information"}),
        ("Applicants who use an ITIN are covered.", {"taxpayer_id"}),
        ("The form asks for a place of birth.", {"place_of_birth"}),
        ("Police compelled the cell-site location information.", {"location_data"}),
        ("The state shared criminal history records.", {"criminal_history"}),
        ("Officers took fingerprints at booking.", {"biometric_data"}),
        ("Benefits do not depend on immigration status.", {"immigration_status"}),
        # near misses: "address" and "name" in their ordinary senses, names of bodies, guideline terms
        ("The court will address the remaining arguments.", set()),
        ("We address each claim in turn.", set()),
        ("The named plaintiff filed suit in her own name.", set()),
        ("His employer denied the claim.", set()),
        ("The pleading contains identifying information.", set()),
        ("His criminal history category was IV.", set()),
        ("The Maine Health Data Organization publishes reports.", set()),
        ("The parties dispute the legal status of the agreement.", set()),
        # generic kinds of information named in a list are no category
        ("The offices exchanged routine biographical, location and contact information.", set()),
        ("The return date was moved to Monday.", set()),
        ("His whereabouts were unknown to the family.", set()),
        ("The agency sought to address the backlog.", set()),
        ("The brief addresses the standing question.", set()),
        ("The rule changed the legal status of the program.", set()),
        ("Under the name of the trust, the deed was recorded.", set()),
    ],
)
def test_data_category_keys(sentence: str, expected: set[str]) -> None:
    assert keys(sentence) == expected


def test_every_vocab_key_has_patterns() -> None:
    vocab = {row["key"] for row in read_tsv("data_categories.tsv")}
    assert vocab == {row["key"] for row in read_jsonl("data_categories.jsonl")}


@pytest.mark.parametrize("row", read_jsonl("data_categories.jsonl"), ids=lambda r: r["key"])
def test_category_examples(row: dict) -> None:
    for example in row["examples"]:
        assert row["key"] in keys(example), example


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [tuple(example) for row in read_jsonl("data_categories_compounds.jsonl") for example in row["examples"]],
)
def test_compound_examples(sentence: str, expected: list[str]) -> None:
    assert set(expected) <= keys(sentence)
