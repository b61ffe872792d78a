"""Courts and judges named the way reporters name them.

Every sentence is made up; each table pairs the form with a near-miss it must not read.
"""

from __future__ import annotations

from datetime import date

import pytest
from docketflow.extractors.nlp import build_nlp
from docketflow.extractors.spans import DocContext, entities


def _found(text: str, label: str) -> list[tuple[str, str]]:
    nlp = build_nlp()
    doc = nlp.make_doc(text)
    doc._.docketflow = DocContext(anchor_date=date(2026, 3, 13), kind="news")
    return [(e.text, e.kb_id_) for e in entities(nlp(doc)) if e.label_ == label]


COURTS = [
    # a city that seats a single district court, before or after the court words
    ("A federal judge in Boston paused the transfer on Tuesday.", ["mad"]),
    ("The Seattle federal judge set a hearing for May.", ["wawd"]),
    # several places named at once, each with its own court
    ("Federal judges in Maryland and Vermont blocked the transfers.", ["mdd", "vtd"]),
    # the circuit in a reporter's word order
    ("The 7th U.S. Circuit Court of Appeals heard the appeal.", ["ca7"]),
    ("The Sixth U.S. Court of Appeals sided with the city.", ["ca6"]),
    # near-misses: a state with several districts, a city outside the table, a state appellate court
    ("A federal judge in Texas paused the transfer.", []),
    ("A federal judge in Springfield paused the transfer.", []),
    ("The Fourth Court of Appeals in the state system heard the appeal.", []),
]


@pytest.mark.parametrize(("text", "keys"), COURTS)
def test_courts_as_reporters_name_them(text: str, keys: list[str]) -> None:
    assert [key for _, key in _found(text, "COURT")] == keys


JUDGES = [
    # an appositive after "the judge"
    ("The judge, Mara Quint, said she would rule soon.", ["Mara Quint"]),
    # a lower-case title of two words
    ("U.S. District judge Mara Quint ruled on Tuesday.", ["Mara Quint"]),
    # a plural title with a list
    ("Circuit Judges Omar Bell, Lena Ortiz and Rita Cole heard the appeal.", ["Omar Bell", "Lena Ortiz", "Rita Cole"]),
    # a panel named by initials, the first of them the letter A
    ("Judges A. B. Cee, D. Eff and G. H. Eye heard the appeal.", ["A. B. Cee", "D. Eff", "G. H. Eye"]),
    # a possessive ends the name
    ("Judge Mara Quint’s Friday ruling kept the files sealed.", ["Mara Quint"]),
    # a surname after a reporting verb in a report about a judge, never printed in full
    ("A federal judge sided with the agency. “The statute allows it,” writes Quint.", ["Quint"]),
    # near-misses: a one-word lower-case title, a writer in a report that names no judge
    ("The judge Tuesday denied the motion.", []),
    ("“The budget allows it,” writes Quint in a letter to the mayor.", []),
]


@pytest.mark.parametrize(("text", "names"), JUDGES)
def test_judges_as_reporters_name_them(text: str, names: list[str]) -> None:
    assert [key for _, key in _found(text, "JUDGE")] == names
