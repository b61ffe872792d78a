"""A researcher's bulk import: one archive of documents in, tables to query out.

Bulk downloads come as archives (.zip, .tar.gz) or bulk files (JSON Lines of {"id", "text"}, CourtListener or
Caselaw Access Project dumps); docketflow reads them as streams, member by member, without unpacking them.
This script packs the bundled samples into a zip (a stand-in for your download) unless given an archive, runs
docketflow over it, and asks DuckDB two questions of the records. Needs `pip install "docketflow[tables]"`.

    python examples/bulk_archive_tables.py                                  # the samples, zipped
    python examples/bulk_archive_tables.py opinions.zip --out research-out  # your archive
"""

from __future__ import annotations

import argparse
import tempfile
import zipfile
from pathlib import Path

import docketflow

SAMPLES = Path(__file__).resolve().parent.parent / "raw"


def pack_samples(archive: Path) -> Path:
    """The sample documents (and their .meta.json sidecars) as one zip."""
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as bundle:
        for path in sorted(SAMPLES.iterdir()):
            if path.is_file() and not path.name.startswith("."):
                bundle.write(path, f"samples/{path.name}")
    return archive


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("archive", nargs="?", type=Path, help="an archive or bulk file (default: the samples, zipped)")
    parser.add_argument("--out", type=Path, help="the output folder (default: a temporary folder)")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="docketflow-bulk-"))
    archive = args.archive or pack_samples(work / "samples.zip")
    out = args.out or work / "output"

    summary = docketflow.run(docketflow.RunSettings(inputs=(archive,), out=out, progress=False))
    print(f"{archive.name}: {summary.documents} documents, {summary.errors} errors -> {out}")

    db = docketflow.read(out).duckdb()  # a view per records file, nested fields as structs and lists
    print("\nagreements by recipient agency:")
    for recipient, count in db.sql("select unnest(recipients) as recipient, count(*) as n from agreements "
                                   "group by recipient order by n desc, recipient").fetchall():
        print(f"  {recipient:10} {count}")
    print("\ncourt decisions, latest first:")
    rows = db.sql("select h.decided, h.court, h.disposition, h.effect, d.kind from holdings h "
                  "join documents d using (doc_id) order by h.decided desc nulls last").fetchall()
    for decided, court, disposition, effect, kind in rows:
        day = str(decided or "(undated)")
        print(f"  {day:10}  {court or '?':6} {disposition or '-':16} {effect or '-':10} ({kind})")
    csv = out.parent / f"{out.name}-holdings.csv"
    db.sql("select * exclude (evidence) from holdings").write_csv(str(csv))
    print(f"\nholdings as CSV: {csv}")


if __name__ == "__main__":
    main()
