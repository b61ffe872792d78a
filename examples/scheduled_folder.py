"""A data team's drop folder, processed on a schedule.

New filings land in a folder (here the bundled samples in raw/). Each run reads only what is new or changed
since the last one and republishes the output folder whole, so a downstream job always sees one run's
complete set of records. Run it from cron, a CI schedule or any scheduler:

    python examples/scheduled_folder.py raw output              # one run: what the scheduler calls

or let Prefect keep the schedule (a run every hour, each visible in the Prefect UI; needs a Prefect server
for the UI, see the README's "Scheduled runs for data teams"):

    python examples/scheduled_folder.py raw output --serve 3600
"""

from __future__ import annotations

import argparse
from pathlib import Path

import docketflow


def run_once(inbox: Path, out: Path) -> docketflow.RunSettings:
    """One incremental run over the drop folder; prints what it did and which inputs failed."""
    settings = docketflow.RunSettings(inputs=(inbox,), out=out, progress=False)
    summary = docketflow.run(settings)
    print(f"{summary.processed} inputs read, {summary.skipped} unchanged; {out} holds {summary.documents} "
          f"documents, {summary.holdings} holdings, {summary.agreements} agreements, {summary.errors} errors")
    for path, code in summary.failed:  # the first few; errors.jsonl has them all
        print(f"  could not read {path}: {code}")
    return settings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("inbox", nargs="?", type=Path, default=Path("raw"), help="the drop folder")
    parser.add_argument("out", nargs="?", type=Path, default=Path("output"), help="the output folder")
    parser.add_argument("--serve", type=float, metavar="SECONDS", help="serve as a Prefect deployment, every SECONDS")
    args = parser.parse_args()
    if args.serve:
        from docketflow.pipeline.deploy import serve

        serve(docketflow.RunSettings(inputs=(args.inbox,), out=args.out), interval_s=args.serve,
              name="drop-folder")
    else:
        run_once(args.inbox, args.out)


if __name__ == "__main__":
    main()
