"""Which agreements a brief covers: `--about` by key, name or alias in any case, with components and parents;
`--since` as an ISO date. Hits and near misses side by side."""

from __future__ import annotations

import pytest
from docketflow.pipeline.brief import BadDate, UnknownAgency, compose, parse_since, resolve
from docketflow.pipeline.brief.scope import on_or_after

from tests.brief import made_up

ABOUT = [
    # (--about values, agreements covered -> how each matched)
    (["ICE"], {"agr-ssa": "member", "agr-irs": "member", "agr-fbi": "member", "agr-dhs": "parent"}),
    (["ice"], {"agr-ssa": "member", "agr-irs": "member", "agr-fbi": "member", "agr-dhs": "parent"}),
    (["Immigration and Customs Enforcement"],
     {"agr-ssa": "member", "agr-irs": "member", "agr-fbi": "member", "agr-dhs": "parent"}),
    (["u.s. immigration and customs enforcement"],
     {"agr-ssa": "member", "agr-irs": "member", "agr-fbi": "member", "agr-dhs": "parent"}),
    # a component only: the agreements naming ICE or DHS (above it) come in marked, USCIS (a sibling) never
    (["HSI"], {"agr-irs": "member", "agr-ssa": "parent", "agr-fbi": "parent", "agr-dhs": "parent"}),
    # a department: every component under it, the sibling of ICE included
    (["DHS"], {"agr-ssa": "member", "agr-irs": "member", "agr-fbi": "member", "agr-dhs": "member",
               "agr-uscis": "member"}),
    (["Homeland Security"], {"agr-ssa": "member", "agr-irs": "member", "agr-fbi": "member", "agr-dhs": "member",
                             "agr-uscis": "member"}),
    (["USCIS"], {"agr-uscis": "member", "agr-dhs": "parent"}),
    # a provider: the agreement where it gives; the department above it (Treasury) names none
    (["IRS"], {"agr-irs": "member"}),
    (["Internal Revenue Service"], {"agr-irs": "member"}),
    (["FBI"], {"agr-fbi": "member"}),
    # two agencies at once
    (["IRS", "FBI"], {"agr-irs": "member", "agr-fbi": "member"}),
    # known to the gazetteer, named by no agreement: an empty brief, not a refusal
    (["OPM"], {}),
]


@pytest.mark.parametrize(("about", "expected"), ABOUT, ids=[" ".join(a) for a, _ in ABOUT])
def test_about_selects_the_agreements_of_the_agencies(about: list[str], expected: dict[str, str]) -> None:
    made = made_up.build()
    scope = resolve(about, made.agreements)
    matched = {a.id: how for a in made.agreements if (how := scope.match(a))}
    assert matched == expected
    brief = compose(made.records(), scope)
    assert sorted(brief.agreements) == sorted(expected)


@pytest.mark.parametrize("term", ["XYZ", "Immigration", "ICE agency", ""])
def test_a_term_naming_no_agency_is_refused_naming_the_option(term: str) -> None:
    with pytest.raises(UnknownAgency, match="--about"):
        resolve([term], made_up.build().agreements)


def test_an_agency_only_the_records_name_is_found_by_its_key_and_printed_name() -> None:
    made = made_up.build()
    names = {"md-mva": "Maryland Motor Vehicle Administration"}
    state = made.agreements[0].model_copy(update={"id": "agr-state", "providers": ["md-mva"], "provider_names": names})
    for term in ("md-mva", "maryland motor vehicle administration"):
        scope = resolve([term], [*made.agreements, state])
        assert scope.keys == ("md-mva",) and scope.match(state) == "member"


SINCE = [("2031-06-01", "2031-06-01"), ("2031-06", "2031-06"), ("2031", "2031"), (" 2031-06-01 ", "2031-06-01"),
         (None, None)]
BAD_SINCE = ["2031-02-30", "2031-13", "June 2031", "06/01/2031", "31-06-01", ""]


@pytest.mark.parametrize(("value", "expected"), SINCE)
def test_since_takes_iso_dates(value: str | None, expected: str | None) -> None:
    assert parse_since(value) == expected


@pytest.mark.parametrize("value", BAD_SINCE)
def test_since_refuses_anything_else_naming_the_option(value: str) -> None:
    with pytest.raises(BadDate, match="--since"):
        parse_since(value)


@pytest.mark.parametrize(("date", "since", "expected"), [
    ("2031-06-01", "2031-06-01", True), ("2031-05-31", "2031-06-01", False), ("2031-06", "2031-06-15", True),
    ("2031-05", "2031-06-15", False), ("2031", "2031-06-15", True), (None, "2031-06-01", False),
    (None, None, True), ("1999-01-01", None, True),
])
def test_on_or_after(date: str | None, since: str | None, expected: bool) -> None:
    assert on_or_after(date, since) is expected
