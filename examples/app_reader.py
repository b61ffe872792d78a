"""An application reading docketflow's records: each agreement, its latest court decision, and the sentence
that says so; then the records of a text the application receives itself.

    python examples/app_reader.py output

`docketflow.read` gives the records of one whole run as the models of the output contract (and refuses a
folder a run is still publishing into); `docketflow.extract` reads one text in this process, no output
folder or worker needed, and is fast once the first call has built the pipeline.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import docketflow

INCOMING = """UNITED STATES DISTRICT COURT
FOR THE DISTRICT OF OREGON

Case No. 1:26-cv-00042-JQR

ORDER

The motion for a temporary restraining order is DENIED. The Internal Revenue Service may continue to share
taxpayer addresses with Immigration and Customs Enforcement under the agreement.

IT IS SO ORDERED.
Signed: March 3, 2026
                                                  Jane Q. Roe
                                                  United States District Judge
"""
"""A made-up order, standing in for a text the application gets from elsewhere."""


def show_agreements(records: docketflow.Records) -> None:
    holdings = {h.id: h for h in records.holdings}
    for agreement in records.agreements:
        parties = f"{', '.join(agreement.providers) or '?'} -> {', '.join(agreement.recipients) or '?'}"
        data = ", ".join(agreement.data_categories) or "data not stated"
        print(f"{parties}: {agreement.instrument or 'arrangement'} ({data}); status {agreement.status or 'unknown'}")
        if agreement.history:
            latest = agreement.history[-1]
            holding = holdings.get(latest.holding)
            evidence = holding.evidence if holding else []
            said = next((e.text for e in evidence if {"disposition", "effect"} & set(e.supports)), "")
            print(f"  latest decision {latest.date or '(undated)'}: {latest.effect or '-'} by {latest.court or '?'}")
            if said:
                print(f"    \"{' '.join(said.split())[:160]}\"")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", nargs="?", type=Path, default=Path("output"), help="a docketflow output folder")
    args = parser.parse_args()

    records = docketflow.read(args.out)
    print(f"{args.out}: {len(records.documents)} documents, {len(records.agreements)} agreements "
          f"(run finished {records.run.get('finished')})\n")
    show_agreements(records)

    extracted = docketflow.extract(INCOMING, published="2026-03-04")
    print(f"\nincoming text: a {extracted.document.kind}, {len(extracted.holdings)} holding(s)")
    for holding in extracted.holdings:
        print(f"  {holding.court or '?'} {holding.decided}: {holding.motion or '-'} {holding.disposition or '-'}"
              f" ({holding.effect or '-'}), docket {holding.docket}")


if __name__ == "__main__":
    main()
