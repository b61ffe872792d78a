"""A small run written by the tests themselves, so the report tests do not depend on raw/ or ../shared.

The documents are short news-style texts the extractors are known to turn into records (a Medicaid ruling
naming CMS -> ICE sharing, an IRS-ICE ruling), a made-up court order (for its structure), one unremarkable
text, and one broken PDF for an error row.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from docketflow.pipeline.flow import execute, inline
from docketflow.pipeline.process import process_batch
from docketflow.pipeline.settings import RunSettings

MEDICAID = """\
A federal judge in San Francisco ruled on Monday that the administration can share limited Medicaid information \
on noncitizen enrollees with U.S. Immigration and Customs Enforcement (ICE).
In her nine-page ruling, Judge Ada Lovell of the Northern District of California found that \
the law plainly allows this kind of exchange.
Under the ruling, transfers can start January 6, 2026. CMS guidance says only the fewest fields \
needed will be sent. In all, the decision permits the transfer of six kinds of enrollee details: phone \
number, address, date of birth, Medicaid ID, citizenship status, and immigration status. Clinical files \
and other private health records stay shielded by a preliminary injunction the court left in place. 🙂 \
Officials welcomed the ruling.
"""
# made-up judge and wording; the agreement it rules on is the IRS-ICE MOU (agency names and date kept)
IRS = """\
A federal judge in Washington on Friday refused to stop the Internal Revenue Service from sharing \
filers' home addresses with U.S. Immigration and Customs Enforcement (ICE), as a memorandum of \
understanding signed on April 7, 2025 provides. U.S. District Judge Hollis T. Brandt of the District of \
Columbia denied the motion for a preliminary injunction, holding that 26 U.S.C. § 6103 allows addresses \
to be disclosed for criminal investigations.
"""
ORDER = """\
UNITED STATES DISTRICT COURT
DISTRICT OF VERMONT

GREEN MOUNTAIN TENANTS UNION,
          Plaintiff,
     v.
DEPARTMENT OF HOMELAND SECURITY,
          Defendant.

Case No. 2:31-cv-00417

ORDER ON MOTION TO DISMISS

The Department of Homeland Security moves to dismiss the complaint for lack of standing. The plaintiff \
has not shown that any member's records were shared. For these reasons, the motion to dismiss is GRANTED.

IT IS SO ORDERED.

Dated: March 3, 2031
/s/ Mara Quill
United States District Judge
"""
QUIET = "The county fair opens on Saturday with a pie contest and a parade down Main Street.\n"
DOCUMENTS = {
    "medicaid-ruling.txt": (MEDICAID, {"published": "2025-12-30", "kind": "news",
                                       "title": "Judge allows sharing of basic Medicaid data with ICE"}),
    "irs-ruling.txt": (IRS, {"published": "2025-05-16", "kind": "news",
                             "title": "Judge declines to block IRS data-sharing deal with ICE"}),
    "county-fair.txt": (QUIET, {"kind": "news", "title": "County fair opens"}),
    "tenants-order.txt": (ORDER, {}),
}


def lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="session")
def run_output(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Output folder of a run over the documents above plus one unreadable PDF."""
    inputs = tmp_path_factory.mktemp("inputs")
    for name, (text, meta) in DOCUMENTS.items():
        (inputs / name).write_text(text, encoding="utf-8")
        (inputs / f"{name}.meta.json").write_text(json.dumps(meta), encoding="utf-8")
    (inputs / "broken.pdf").write_bytes(b"%PDF-1.7\nnot really a pdf")
    out = tmp_path_factory.mktemp("out")
    execute(RunSettings(inputs=(inputs,), out=out, progress=False), inline(process_batch), "off")
    return out
