"""One long unbroken line (a text file without line breaks, a PDF extracted as one run) must cost its
length, not its square: the per-line tests look at each line once or only near the match, and answer as
they do on short lines."""

from __future__ import annotations

from datetime import date
from itertools import pairwise

from docketflow.extractors.agencies import _CAPS_LINES
from docketflow.extractors.dates import LINE_REACH, document_date
from docketflow.extractors.nlp import build_nlp
from docketflow.extractors.spans import entities, scratch
from docketflow.extractors.statutes import MAX_WINDOW, WINDOW_AFTER, _windows

PROSE = ("The regional office of ICE and the local housing authority exchanged tenant lists under 42 U.S.C. "
         "1437 after the hearing of May 5, 2021, in Case No. 2:21-cv-04567-XY. ")


def test_each_line_is_judged_for_capitals_once() -> None:
    text = PROSE * 2000 + "\nUNITED STATES v. ICE HOLDINGS CO.\n" + PROSE
    doc = build_nlp()(text)
    starts, judged = scratch(doc)[_CAPS_LINES]
    assert len(starts) == 3 and set(judged) <= {0, 1, 2}
    ice = [e for e in entities(doc, "AGENCY") if e.text == "ICE"]
    assert len(ice) == 2001  # every prose use; the capitals caption is something else
    assert all("\n" not in text[e.start_char - 3 : e.end_char + 5] for e in ice)


def test_the_documents_own_date_is_found_on_a_long_line() -> None:
    nlp = build_nlp()
    labelled = "x " * 100_000 + "Dated: March 4, 2025 " + "y " * 100_000
    assert document_date(nlp.make_doc(labelled)) == date(2025, 3, 4)
    alone = "prose " * 50_000 + "\n   June 9, 2024   \n" + "more prose " * 50_000
    assert document_date(nlp.make_doc(alone)) == date(2024, 6, 9)
    far = "Dated:" + " filler" * (LINE_REACH // 7 + 1) + " July 1, 2023 is when the lease began"
    assert document_date(nlp.make_doc(far)) is None  # a label far along the line says nothing of the date


def test_statute_windows_stop_growing() -> None:
    text = PROSE * 2000
    windows = _windows(text)
    assert len(windows) > 1
    assert all(end - start <= MAX_WINDOW + WINDOW_AFTER for start, end in windows)
    assert all(b[0] <= a[1] for a, b in pairwise(windows))  # overlapping: no cite is cut
