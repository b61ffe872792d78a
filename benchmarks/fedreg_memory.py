"""Peak memory of a run over one huge Federal Register notice (issue 21, item 9), written as JSON.

A govinfo issue holding one `<NOTICE>` of `--mib` MiB of paragraphs (default 1024) and one small notice after
it is run with the defaults of `docketflow run` (`measure_run.py`, a fresh process); the huge notice must be
refused while it streams (`too_many_chars` once its text passes `max_chars`; with that limit raised,
`too_large` at `max_file_bytes`, 647 MB peak at 200 MiB) and the small one read. Target: the run's own
process (which reads the sources, where no worker memory limit applies) peaks **< 1 GB**; before the fix
a 1 GiB notice took 19.6 GB there.

Usage: `.venv/bin/python benchmarks/fedreg_memory.py [--mib 1024] [--report benchmarks/results/fedreg_memory.json]`
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

TARGET_MB = 1000
PARAGRAPH = "<P>The bureau will send the names of grant applicants to the auditor each quarter.</P>\n"


def write_issue(path: Path, mib: int) -> None:
    """One huge notice, then a small one, written a block at a time."""
    block = PARAGRAPH * 10_000
    with path.open("w", encoding="utf-8") as out:
        out.write("<FEDREG><DATE>Thursday, January 2, 2031</DATE><NOTICES><NOTICE><SUPLINF>")
        for _ in range(mib * 1024**2 // len(block) + 1):
            out.write(block)
        out.write("</SUPLINF><FRDOC>[FR Doc. 2031-00001 Filed 1-2-31; 8:45 am]</FRDOC></NOTICE>"
                  "<NOTICE><SUPLINF><P>A short notice.</P></SUPLINF>"
                  "<FRDOC>[FR Doc. 2031-00002 Filed 1-2-31; 8:45 am]</FRDOC></NOTICE></NOTICES></FEDREG>")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mib", type=int, default=1024)
    parser.add_argument("--report", type=Path, default=Path(__file__).parent / "results" / "fedreg_memory.json")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder, out = Path(tmp) / "in", Path(tmp) / "out"
        folder.mkdir()
        write_issue(folder / "issue.xml", args.mib)
        spec, result = Path(tmp) / "spec.json", Path(tmp) / "result.json"
        spec.write_text(json.dumps({"inputs": [str(folder)], "out": str(out), "workers": 1,
                                    "orchestration": "off", "force": True}))
        subprocess.run([sys.executable, str(Path(__file__).parent / "measure_run.py"), str(spec), str(result)],
                       check=True)
        measured = json.loads(result.read_text())
        errors = [json.loads(line) for line in (out / "errors.jsonl").read_text().splitlines()]
    report = {"notice_mib": args.mib, **measured, "errors": [(e["path"], e["error"]) for e in errors],
              "target_main_peak_mb": TARGET_MB, "met": measured["main_peak_rss_mb"] < TARGET_MB}
    args.report.parent.mkdir(parents=True, exist_ok=True)
    args.report.write_text(json.dumps(report, indent=2) + "\n")
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
