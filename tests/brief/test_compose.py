"""The brief's claims, counts and citations match the records; a changed record changes the sentence that
depends on it; what the records do not hold is said so, never stated."""

from __future__ import annotations

import re
from collections import Counter

import pytest
from docketflow.models import SourceStatus
from docketflow.pipeline.brief import Brief, compose, resolve

from tests.brief import made_up
from tests.brief.reading import entries, said, sections, topics


def brief_of(made: made_up.Made, about: tuple[str, ...] = ("ICE",), since: str | None = None) -> Brief:
    records = made.records()
    return compose(records, resolve(list(about), records.agreements, since))


def label_of(brief: Brief) -> dict[str, str]:
    """Record id -> its label in the brief (A1 ..., D1 ...)."""
    return {**{a: f"A{i}" for i, a in enumerate(brief.agreements, 1)},
            **{d: f"D{i}" for i, d in enumerate(brief.decisions, 1)}}


def test_every_sentence_is_cited_and_every_citation_is_evidence_of_a_record(made: made_up.Made) -> None:
    brief = brief_of(made)
    spans = {(r.id, i): ev for r in [*made.holdings, *made.agreements] for i, ev in enumerate(r.evidence)}
    numbers = {c.number for c in brief.citations}
    assert numbers == set(range(1, len(brief.citations) + 1))
    sentences = list(brief.sentences())
    assert sentences
    for sentence in sentences:
        assert sentence.cites, sentence.text
        assert set(sentence.cites) <= numbers
        assert "None" not in sentence.text, sentence.text
    cited = {n for s in sentences for n in s.cites}
    assert cited == numbers  # no citation the text does not use
    for citation in brief.citations:
        record, index = re.fullmatch(r"ev-(.+)-(\d+)", citation.target).groups()
        evidence = spans[(record, int(index))]
        assert citation.quote == evidence.text and citation.page == evidence.page
        assert citation.doc_id == evidence.doc_id
        document = next(d for d in made.documents if d.doc_id == evidence.doc_id)
        assert citation.title == document.source.title and citation.path == document.source.path


def test_citations_are_numbered_in_reading_order(made: made_up.Made) -> None:
    brief = brief_of(made)
    first_seen = list(dict.fromkeys(n for s in brief.sentences() for n in s.cites))
    assert first_seen == sorted(first_seen)


def test_each_agreement_says_who_gives_what_to_whom_under_what_since_when_and_its_status(made: made_up.Made) -> None:
    brief = brief_of(made)
    a1 = entries(brief, "A1")[0]
    assert brief.agreements[0] == "agr-ssa"
    assert said(a1, "parties").text == (
        "The Social Security Administration (SSA) gives U.S. Immigration and Customs Enforcement (ICE) these data "
        "for immigration enforcement: home or mailing address, last known address; income or wages.")
    assert said(a1, "instrument").text == "It is a memorandum of understanding, resting on 42 U.S.C. § 1306."
    assert said(a1, "dates").text == "It was signed on February 1, 2030."
    assert said(a1, "status").text == ("Currently, its status in the records is limited, as its latest decision, D2 "
                                       "of September 1, 2031, left it.")
    assert said(a1, "decisions").text == "2 court decisions bear on it: D1 and D2."
    # each claim cites the agreement's own spans for those fields
    article = next(c for c in brief.citations if c.target == "ev-agr-ssa-0")
    assert article.number in said(a1, "parties").cites and article.number in said(a1, "dates").cites


def test_decisions_come_in_order_with_court_judge_date_outcome_data_and_statutes(made: made_up.Made) -> None:
    brief = brief_of(made)
    assert brief.decisions == ["dec-pi", "dec-app", "dec-cms"]
    courts = sections(brief)["a1-courts"]
    assert [b.label for b in courts.blocks if b.label] == ["D1", "D2"]
    assert topics(courts)[-1] == "status"  # it ends with where the agreement stands
    assert said(courts.blocks[-1], "status").text.startswith("Where it stands now: its status in the records is "
                                                             "limited")
    d1 = entries(brief, "D1")[0]
    assert said(d1, "act").text == ("On March 3, 2031, Judge Jane Q. Roe of the District Court, D. Maryland granted in "
                                    "part a motion for a preliminary injunction.")
    assert said(d1, "effect").text == "It limited the sharing."
    assert said(d1, "data_permitted").text == "It let through these data: home or mailing address, last known address."
    assert said(d1, "data_barred").text == "It barred these data: income or wages."
    assert said(d1, "statutes").text == "It rests on the Privacy Act."
    d2 = entries(brief, "D2")[0]
    assert said(d2, "act").text == ("On September 1, 2031, the Court of Appeals for the Fourth Circuit (the records "
                                    "name no judge) decided an appeal: affirmed.")
    by_target = {c.number: c.target for c in brief.citations}
    assert {by_target[n] for n in said(d1, "data_barred").cites} == {"ev-hld-pi-5"}
    assert "ev-hld-pi-7" in {by_target[n] for n in said(d1, "act").cites}  # the judge's signature
    case = said(courts.blocks[1], "case")
    assert case.text == "The case Doe v. Social Security Administration (No. 8:31-cv-00123-JQR and 31-1456) holds " \
                        "2 decisions on it."


def test_what_the_records_do_not_establish_is_said_and_cited_to_the_record_it_is_about(made: made_up.Made) -> None:
    brief = brief_of(made)
    labels = label_of(brief)
    targets = {c.number: c.target for c in brief.citations}
    # an agreement with no decision
    a3 = sections(brief)[f"{labels['agr-irs'].lower()}-courts"]
    no_decision = said(a3, "no-decision")
    assert no_decision.text == ("No court decision bearing on it is in the records, so they do not establish how a "
                                "court has evaluated it.")
    assert {targets[n] for n in no_decision.cites} == {"ev-agr-irs-0"}
    assert said(a3.blocks[-1], "status").text == "Where it stands now: its documents give its status as proposed."
    # a decision with no judge, motion, disposition or effect
    d3 = entries(brief, labels["dec-cms"])[0]
    assert said(d3, "act").text == ("On May 20, 2031, the United States District Court for the Northern District of "
                                    "California (the records name no judge) made a decision whose motion and outcome "
                                    "the records do not state.")
    no_effect = said(d3, "no-effect")
    assert no_effect.text == "The records state no effect of this decision on the sharing."
    assert {targets[n] for n in no_effect.cites} == {"ev-hld-cms-0"}
    assert said(d3, "no-data").text == "The records name no data it let through or barred."
    assert said(d3, "no-statutes").text == "The records name no statute it rests on."
    # an agreement with no instrument and no date anywhere
    a4 = entries(brief, labels["agr-fbi"])[0]
    assert said(a4, "instrument").text == ("The records do not say what kind of instrument it is; they state no legal "
                                           "basis for it.")
    assert said(a4, "dates").text == ("The records give no date of signing or taking effect, and none of its "
                                      "documents is dated.")
    gaps = sections(brief)["gaps"]
    assert said(gaps, "gap:no-decision").text == ("2 of the 4 agreements have no court decision in the records: A3 "
                                                  "and A4.")
    assert said(gaps, "gap:no-effect").text == "1 of the 3 decisions states no effect on the sharing: D3."


def test_an_agreement_matched_through_the_parent_department_says_so(made: made_up.Made) -> None:
    brief = brief_of(made)
    a2 = entries(brief, label_of(brief)["agr-dhs"])[0]
    assert said(a2, "parent").text == ("It names the Department of Homeland Security (DHS), which ICE is part of, and "
                                       "not ICE itself.")
    assert said(sections(brief)["scope"], "parents").text == (
        "1 of them names only the Department of Homeland Security (DHS), which ICE is part of: A2.")


def _counted(text: str) -> tuple[int, list[str]]:
    """The count a pattern sentence states and the decisions it lists."""
    count = re.search(r"(\d+) decisions? \(|, (\d+) rests?|^(\d+) of the|the one", text)
    assert count, text
    number = 1 if count[0] == "the one" else int(next(g for g in count.groups() if g))
    return number, re.findall(r"\bD\d+\b", text)


def test_pattern_counts_match_the_records(made: made_up.Made) -> None:
    brief = brief_of(made)
    labels = label_of(brief)
    decisions = {d.id: d for c in made.cases for d in c.decisions if d.id in brief.decisions}
    holdings = {h.id: h for h in made.holdings}
    permitted: dict[str, set[str]] = {}
    barred: dict[str, set[str]] = {}
    statutes_barring: Counter[str] = Counter()
    for did, decision in decisions.items():
        reports = [holdings[h] for h in decision.holdings]
        for holding in reports:
            for c in holding.data_permitted:
                permitted.setdefault(c, set()).add(labels[did])
            for c in holding.data_barred:
                barred.setdefault(c, set()).add(labels[did])
        if any(h.data_barred for h in reports) or decision.effect == "barred":
            statutes_barring.update({s for h in reports for s in h.statutes})
    found = sections(brief)
    for side, expected in (("data_permitted", permitted), ("data_barred", barred)):
        listed = {s.topic.split(":", 1)[1]: s.text for b in found[f"patterns-{side[5:]}"].blocks for s in b.sentences}
        assert {c for key in listed for c in key.split(",")} == set(expected)
        for key, text in listed.items():
            count, refs = _counted(text)
            for category in key.split(","):
                assert count == len(expected[category]) and set(refs) == expected[category], (category, text)
    effects = Counter(d.effect for d in decisions.values())
    for block in found["patterns-effects"].blocks:
        sentence = block.sentences[0]
        effect = sentence.topic.split(":", 1)[1]
        count, refs = _counted(sentence.text)
        assert count == effects[None if effect == "None" else effect] == len(refs)
    for block in found["patterns-barring"].blocks:
        sentence = block.sentences[0]
        statute = sentence.topic.split(":", 1)[1]
        count, refs = _counted(sentence.text)
        assert count == statutes_barring[statute] == len(refs)
    assert said(found["patterns-barred"], "data_barred:income").text == (
        "Courts barred these data in 2 decisions (D1 and D2), in 2 courts (the District Court, D. Maryland and the "
        "Court of Appeals for the Fourth Circuit): income or wages.")


def test_a_category_let_through_and_barred_is_a_split(made: made_up.Made) -> None:
    made = made.replace("holdings", "hld-app", data_permitted=["income"], data_barred=[])
    brief = brief_of(made)
    split = sections(brief)["patterns-split"]
    assert said(split, "split:income").text == "Courts split on income or wages: let through in D2, barred in D1."


CHANGES = [
    # (what changes, which record, the change, the entry, the sentence topic, what the sentence says after)
    ("decision effect", "decision", "dec-app", {"effect": "barred"}, "D2", "effect", "It barred the sharing."),
    ("decision judge", "decision", "dec-pi", {"judge": "Ada B. Cole"}, "D1", "act",
     "On March 3, 2031, Judge Ada B. Cole of the District Court, D. Maryland granted in part a motion for a "
     "preliminary injunction."),
    ("decision disposition", "decision", "dec-pi", {"disposition": "denied"}, "D1", "act",
     "On March 3, 2031, Judge Jane Q. Roe of the District Court, D. Maryland denied a motion for a preliminary "
     "injunction."),
    ("decision date", "decision", "dec-app", {"date": "2031-09-02"}, "D2", "act",
     "On September 2, 2031, the Court of Appeals for the Fourth Circuit (the records name no judge) decided an "
     "appeal: affirmed."),
    ("data let through", "holdings", "hld-pi", {"data_permitted": ["address", "phone_number"]}, "D1",
     "data_permitted", "It let through these data: home or mailing address, last known address; telephone number."),
    ("statutes", "holdings", "hld-app", {"statutes": ["5 U.S.C. § 552a", "Privacy Act"]}, "D2", "statutes",
     "It rests on 5 U.S.C. § 552a and the Privacy Act."),
    ("effective date", "holdings", "hld-pi", {"effective": "2031-04-01"}, "D1", "effective",
     "It takes effect on April 1, 2031."),
    ("legal basis removed", "agreements", "agr-ssa", {"legal_basis": []}, "A1", "instrument",
     "It is a memorandum of understanding; the records state no legal basis for it."),
    ("signing date", "agreements", "agr-ssa", {"signed": "2030-04-15", "effective": "2030-05-01"}, "A1", "dates",
     "It was signed on April 15, 2030 and took or takes effect on May 1, 2030."),
    ("status from documents", "agreements", "agr-irs", {"status": "terminated"}, "A3", "status",
     "Currently, its documents give its status as terminated."),
    ("no status", "agreements", "agr-irs", {"status": None}, "A3", "status",
     "Currently, the records give it no status."),
    ("instrument", "agreements", "agr-fbi", {"instrument": "contract"}, "A4", "instrument",
     "It is a contract; the records state no legal basis for it."),
    ("providers", "agreements", "agr-irs", {"providers": []}, "A3", "parties",
     "Homeland Security Investigations (HSI) receives these data: taxpayer identification number, including ITIN; "
     "the records do not name who gives them."),
    ("recipients", "agreements", "agr-fbi", {"recipients": []}, "A4", "parties",
     "U.S. Immigration and Customs Enforcement (ICE) gives these data: fingerprints, photographs, other biometrics; "
     "the records do not name who receives them."),
    ("data", "agreements", "agr-fbi", {"data_categories": []}, "A4", "parties",
     "U.S. Immigration and Customs Enforcement (ICE) gives the Federal Bureau of Investigation (FBI) data; the "
     "records name no kind of data."),
    ("purpose", "agreements", "agr-fbi", {"purpose": "criminal_enforcement"}, "A4", "parties",
     "U.S. Immigration and Customs Enforcement (ICE) gives the Federal Bureau of Investigation (FBI) these data for "
     "criminal law enforcement: fingerprints, photographs, other biometrics."),
]


@pytest.mark.parametrize(("what", "kind", "record", "change", "label", "topic", "after"), CHANGES,
                         ids=[c[0] for c in CHANGES])
def test_a_record_change_changes_the_sentence_that_depends_on_it(
        made: made_up.Made, what: str, kind: str, record: str, change: dict[str, object], label: str, topic: str,
        after: str) -> None:
    block = entries(brief_of(made), label)[0]
    before = said(block, topic).text if topic in topics(block) else None  # a sentence may appear with the field
    changed = said(entries(brief_of(made.replace(kind, record, **change)), label)[0], topic).text
    assert before != changed
    assert changed == after


def test_a_changed_effect_changes_the_counts_of_the_patterns(made: made_up.Made) -> None:
    changed = made.replace("decision", "dec-app", effect="barred")
    effects = sections(brief_of(changed))["patterns-effects"]
    assert said(effects, "effect:barred").text == "1 of the 3 decisions barred the sharing: D2."
    assert said(effects, "effect:limited").text == "1 of the 3 decisions limited the sharing: D1."


def test_since_leaves_out_earlier_decisions_and_undated_agreements_and_says_so(made: made_up.Made) -> None:
    brief = brief_of(made, since="2031-06-01")
    # agr-ssa stays (its appeal is after the date), agr-irs (a document of July), agr-dhs and agr-fbi do not
    assert brief.agreements == ["agr-ssa", "agr-irs"]
    assert brief.decisions == ["dec-app"]
    courts = sections(brief)["a1-courts"]
    assert said(courts, "earlier").text == "1 earlier decision on it is left out by --since: a decision of the " \
                                           "District Court, D. Maryland of March 3, 2031."
    assert said(sections(brief)["scope"], "left-out").text == (
        "2 agreements about ICE with no date on or after June 1, 2031 are left out by --since.")
    assert ("Since", "June 1, 2031: decisions and agreements dated before it are left out") in brief.header
    # the agreement's standing is its current one: the latest decision is inside the window
    assert said(courts.blocks[-1], "status").text.startswith("Where it stands now: its status in the records is "
                                                             "limited")


def test_since_after_every_record_leaves_an_empty_brief_that_cites_the_registry(made: made_up.Made) -> None:
    brief = brief_of(made, since="2040")
    assert brief.agreements == [] and brief.decisions == []
    sentence = said(sections(brief)["scope"], "nothing")
    assert sentence.text == ("The records hold no agreement dated on or after 2040 that involves U.S. Immigration and "
                             "Customs Enforcement (ICE) or a component of it.")
    (citation,) = [c for c in brief.citations if c.number in sentence.cites]
    assert citation.target == "agreements" and "5 agreements" in citation.title


def test_a_status_set_by_a_decision_before_since_names_that_decision_by_court_and_date(made: made_up.Made) -> None:
    ssa = next(a for a in made.agreements if a.id == "agr-ssa")
    later = SourceStatus(doc_id=ssa.doc_ids[0], date="2031-10-01", status="limited")
    brief = brief_of(made.replace("agreements", "agr-ssa", sources=[*ssa.sources, later]), since="2031-09-15")
    assert brief.agreements == ["agr-ssa"] and brief.decisions == []
    courts = sections(brief)["a1-courts"]
    assert said(courts, "no-decision").text.startswith("No court decision bearing on it on or after the --since date")
    assert said(courts.blocks[-1], "status").text == (
        "Where it stands now: its status in the records is limited, as its latest decision, a decision of the Court "
        "of Appeals for the Fourth Circuit of September 1, 2031, left it.")
