"""A spaCy user adds our components by name to their own blank pipeline, without importing our code."""

from __future__ import annotations

import spacy
from docketflow.extractors.nlp import COMPONENTS


def test_components_are_registered_through_entry_points() -> None:
    nlp = spacy.blank("en")
    for name in COMPONENTS:
        nlp.add_pipe(name)
    doc = nlp("U.S. District Judge Ada Lovell of the Northern District of California ruled on Jan. 6, 2026 "
              "that ICE may receive addresses under 26 U.S.C. § 6103 in Case No. 3:24-cv-01872-AL.")
    found = {(span.label_, span.kb_id_) for span in doc.spans["docketflow"]}
    assert {("JUDGE", "Ada Lovell"), ("COURT", "cand"), ("AGENCY", "ICE"), ("DATA_CATEGORY", "address"),
            ("STATUTE", "26 U.S.C. § 6103"), ("DOCKET", "3:24-cv-01872-AL"), ("DATE", "2026-01-06")} <= found
