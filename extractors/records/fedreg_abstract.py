"""The issuing agency of a notice kept without its labelled heads: the Register's one-paragraph abstract, or a
page that opens on the summary ("As the Act requires, the Mint (USM) gives notice of ...").

With no AGENCY head, the issuer is the subject of the notice's own verb: "X is providing notice", "X proposes
to establish", "X is modifying", "X announces", "notice is given that X ...". Several agencies before that verb
are one issuer named at two levels ("the Department of Labor (DOL), Employment and Training Administration
(ETA) is providing notice"), so the most specific stands. A notice that names no issuer ("this notice
announces a matching program with the Mint") leaves the issuer to its role words.
"""

from __future__ import annotations

import re

from docketflow.extractors.records.notice import Notice
from docketflow.extractors.records.parties import most_specific
from docketflow.extractors.records.view import DocView

_NOTICE_VERB = re.compile(
    r"\b(?:is|are)\s+(?:hereby\s+)?(?:providing|giving|publishing|issuing)\s+(?:this\s+)?notice\b|"
    r"\b(?:hereby\s+)?(?:gives?|provides?|publishes)\s+notice\b|\b(?:is\s+|are\s+)?propos(?:es|ing)\s+to\b|"
    r"\b(?:is|are)\s+(?:modifying|establishing|amending|revising|re-?establishing|rescinding|updating|adding|"
    r"announcing|proposing)\b|\b(?:announces|modifies|establishes|intends\s+to)\b", re.I)
_GIVEN_THAT = re.compile(r"\bnotice\s+is\s+(?:hereby\s+)?given\s+that\s+$", re.I)


def notice_subject(view: DocView, notice: Notice, non_parties: frozenset[str]) -> list[str]:
    """The issuer named as the subject of the notice verb in the lead, when the notice has no AGENCY head."""
    if notice.first("agency"):
        return []
    lead_end = notice.lead_end
    for start, end in view.sentences:
        if start >= lead_end:
            break
        verb = _NOTICE_VERB.search(view.text, start, end)
        if verb is None:
            continue
        given = _GIVEN_THAT.search(view.text, start, verb.start())
        begin = given.end() if given else start
        found = [m for m in view.within("AGENCY", begin, verb.start()) if m.key not in non_parties]
        if found and not re.search(r"\b(?:between|with|and\s+the)\b", view.text[found[0].start:verb.start()], re.I):
            return most_specific(m.key for m in found)  # not "a program between X and Y is ..."
    return []
