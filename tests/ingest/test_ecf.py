"""CM/ECF stamp lines in their district and appellate variants."""

from __future__ import annotations

import pytest
from docketflow.extractors.ecf import document_stamp, find_stamps, parse_stamp, split_stamps


@pytest.mark.parametrize(
    ("line", "docket", "number", "filed"),
    [
        ("Case 3:24-cv-01872-AL Document 98 Filed 08/12/25 Page 1 of 7", "3:24-cv-01872-AL", "98", "2025-08-12"),
        ("Case: 25-1689, 07/15/2025, DktEntry: 28.1, Page 1 of 2", "25-1689", "28.1", "2025-07-15"),
        (
            "Case 8:16-cv-01261-AG-DFM Document 40 Filed 12/13/16 Page 1 of 4 Page ID #:1234",
            "8:16-cv-01261-AG-DFM",
            "40",
            "2016-12-13",
        ),
        (
            "Appellate Case: 21-800 Document: 010110462922 Date Filed: 06/24/2021 Page: 1",
            "21-800",
            "010110462922",
            "2021-06-24",
        ),
        (
            "Case 2:15-cv-00208-TLN-KJN Document 209-1 Filed 04/22/20 Page 3 of 5 PageID: 263",
            "2:15-cv-00208-TLN-KJN",
            "209-1",
            "2020-04-22",
        ),
        ("Case: 20-16276, 08/05/2020, ID: 11778722, DktEntry: 19, Page 1 of 15", "20-16276", "19", "2020-08-05"),
        ("Case 17-3510, Document 1-1, 10/31/2017, 2161300, Page1 of 2", "17-3510", "1-1", "2017-10-31"),
        (
            "Case: 20-1507 Document: 00117684624 Page: 1 Date Filed: 12/22/2020 Entry ID: 6390389",
            "20-1507",
            "00117684624",
            "2020-12-22",
        ),
        ("USCA Case #21-5093 Document #1893174 Filed: 04/13/2021 Page 1 of 4", "21-5093", "1893174", "2021-04-13"),
        ("  Case 1:12-cv-05708-ER Document 11 Filed 09/27/13 Page 1 of 15  ", "1:12-cv-05708-ER", "11", "2013-09-27"),
    ],
)
def test_stamp_variants_parse(line: str, docket: str, number: str, filed: str) -> None:
    stamp = parse_stamp(line)
    assert stamp is not None
    assert (stamp.docket, stamp.document_number, stamp.filed) == (docket, number, filed)


@pytest.mark.parametrize(
    "line",
    [
        "Case No. 3:25-cv-04127-RFL",
        "In this case the court filed its order on 08/12/25.",
        "Case 3:24-cv-01872-AL was reassigned on 08/12/25 to a new judge, see page 4 of the order",
        "Satchell v. FedEx, C 03-2659 SI, Page 3 of the transcript",
    ],
)
def test_prose_is_not_a_stamp(line: str) -> None:
    assert parse_stamp(line) is None


def test_split_and_choose_the_latest_stamp_of_a_refiled_page() -> None:
    lines = [
        "Case 4:08-cv-02214-SBA Document 26 Filed 01/29/2009 Page 1 of 2",
        "STIPULATION AND ORDER",
        "Case 4:08-cv-02214-SBA Document 27 Filed 02/03/09 Page 1 of 2",
    ]
    kept, stamps = split_stamps(lines)
    assert kept == ["STIPULATION AND ORDER"]
    chosen = document_stamp(stamps)
    assert chosen is not None and chosen.document_number == "27"
    assert document_stamp([]) is None
    assert [s.document_number for s in find_stamps("\n".join(lines))] == ["26", "27"]
