"""Status per source: each report keeps the status it gives as of its own date; the merged record follows
the latest decision across reports.

Both passages are made up, in the form of two news reports a month apart about one arrangement.
"""

from __future__ import annotations

from docketflow.extractors.records import AgreementBook

from tests.records.helpers import records_of

# (text, published): an injunction reported in May, an appellate stay of it reported in June
MAY = ("A federal judge in Oregon on Tuesday blocked the Social Security Administration from sharing "
       "beneficiaries' home addresses with ICE under their data-sharing agreement.", "2031-05-09")
JUNE = ("The Ninth Circuit on Monday stayed the injunction, so the Social Security Administration may resume "
        "sharing beneficiaries' home addresses with ICE under the data-sharing agreement.", "2031-06-13")


def _merged() -> list:
    book = AgreementBook()
    for text, published in (JUNE, MAY):  # arrival order does not matter
        records = records_of(text, "news", published, doc_id=published.replace("-", "") * 8)
        for agreement in records.agreements:
            book.add(agreement)
        for holding in records.holdings:
            book.add_holding(holding)
    return book.records()


def test_each_report_keeps_the_status_it_gives_as_of_its_date() -> None:
    (record,) = [r for r in _merged() if "ICE" in r.recipients]
    assert [(s.date, s.status) for s in record.sources] == [("2031-05-09", "enjoined"), ("2031-06-13", "in_effect")]


def test_the_merged_record_follows_the_latest_decision() -> None:
    (record,) = [r for r in _merged() if "ICE" in r.recipients]
    assert record.status == "in_effect"
    assert [e.effect for e in record.history] == ["barred", "permitted"]


def test_a_single_report_is_its_own_only_source() -> None:
    text, published = MAY
    (agreement,) = records_of(text, "news", published).agreements
    assert [(s.date, s.status) for s in agreement.sources] == [("2031-05-09", "enjoined")]
