"""Where a worker's ~2 s of start-up go, measured in a fresh interpreter (run by `run_benchmark.py --profile`).

Steps in the order a worker meets them, each timed once (wall and CPU): the imports (spaCy, then our extractors,
which register the components and import eyecite, courts-db, citeurl..., then the rest of what a worker
imports), `build_nlp()`, the first courts-db lookup and the first eyecite call (each builds its index or
patterns on first use; the second call shows the steady cost), the first and second short document through
the whole pipeline and `build_records`. Then, from this warm process, a real worker: an `IsolatedPool` of one
spawned process from its start to the outcome of one short document (a fresh interpreter importing and building
everything again), as every run pays it per worker. Last, `python -X importtime` of the worker's import, its
largest modules by own and by cumulative time.

    python benchmarks/worker_startup.py    # one JSON object on stdout
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from collections.abc import Callable
from typing import Any

SHORT = ("UNITED STATES DISTRICT COURT\nNORTHERN DISTRICT OF CALIFORNIA\n\nCase No. 3:25-cv-01234-ABC\n\n"
         "The Internal Revenue Service shared taxpayer addresses with ICE; both put their names to a memorandum of "
         "understanding dated April 7, 2025. The request for interim relief is GRANTED. "
         "See Roe v. Wade, 410 U.S. 113 (1973); 26 U.S.C. § 6103. The Superior Court of California for Ventura "
         "County had denied relief.\n\nJane Q. Roe\nUnited States District Judge\n")
WORKER_IMPORT = "docketflow.pipeline.isolation"
"""What a spawned worker imports to unpickle its target (`_serve`)."""


def _step(steps: dict[str, dict[str, float]], name: str, work: Callable[[], Any]) -> Any:
    wall, cpu = time.perf_counter(), time.process_time()
    result = work()
    steps[name] = {"wall_s": round(time.perf_counter() - wall, 4), "cpu_s": round(time.process_time() - cpu, 4)}
    return result


def _document(nlp: Any) -> None:
    from docketflow.extractors.entities import doc_entities
    from docketflow.extractors.records import build_records
    from docketflow.extractors.spans import DocContext, make_doc

    doc = make_doc(nlp, SHORT)
    doc._.docketflow = DocContext(anchor_date=None, kind="court_order", title=None, docket=None, page_starts=[0])
    doc = next(iter(nlp.pipe([doc])))
    build_records(doc, "probe", "court_order")
    doc_entities(doc)


def _spawned_worker() -> None:
    """One worker process of our own, started and given one short document, as a run does."""
    from docketflow.pipeline.isolation import IsolatedPool
    from docketflow.pipeline.settings import RunSettings
    from docketflow.pipeline.sources import SourceItem

    settings = RunSettings(progress=False, isolate=True)
    with IsolatedPool(1, settings) as pool:
        pool.submit([SourceItem(relpath="probe.txt", data=SHORT.encode(), size=len(SHORT))], settings).result()


def _import_times() -> dict[str, list[dict[str, Any]]]:
    """`-X importtime` of the worker's import in a fresh interpreter: the 15 largest modules by own time, and the
    top-level imports (what `import X` pulled in, nested ones included) by cumulative time."""
    done = subprocess.run([sys.executable, "-X", "importtime", "-c", f"import {WORKER_IMPORT}"],
                          capture_output=True, text=True, check=True)
    rows = []
    for line in done.stderr.splitlines():
        if not line.startswith("import time:") or "self [us]" in line:
            continue
        own, cumulative, name = line.removeprefix("import time:").split("|", 2)
        depth = (len(name) - len(name.lstrip())) // 2
        rows.append({"module": name.strip(), "self_s": int(own) / 1e6, "cumulative_s": int(cumulative) / 1e6,
                     "depth": depth})
    top_level = [r for r in rows if r["depth"] <= 1]
    return {"by_self": sorted(rows, key=lambda r: -r["self_s"])[:15],
            "top_level_by_cumulative": sorted(top_level, key=lambda r: -r["cumulative_s"])[:15],
            "total_s": round(sum(r["self_s"] for r in rows), 3)}


def main() -> None:
    steps: dict[str, dict[str, float]] = {}
    _step(steps, "import_spacy", lambda: __import__("spacy"))
    _step(steps, "import_docketflow_extractors", lambda: __import__("docketflow.extractors.nlp"))
    _step(steps, "import_docketflow_worker_rest", lambda: __import__(WORKER_IMPORT))
    from docketflow.extractors.courts_db_adapter import find_court
    from docketflow.extractors.eyecite_adapter import citations
    from docketflow.extractors.nlp import build_nlp

    nlp = _step(steps, "build_nlp", build_nlp)
    _step(steps, "first_courts_db_lookup", lambda: find_court("Supreme Court of the State of New York"))
    _step(steps, "second_courts_db_lookup", lambda: find_court("Court of Appeals of Texas"))
    _step(steps, "first_eyecite_call", lambda: citations("See Roe v. Wade, 410 U.S. 113 (1973)."))
    _step(steps, "second_eyecite_call", lambda: citations("Smith v. Jones, 12 F.4th 345, 350 (9th Cir. 2021)."))
    _step(steps, "first_document", lambda: _document(nlp))
    _step(steps, "second_document", lambda: _document(nlp))
    in_process = round(sum(s["wall_s"] for s in steps.values()), 3)
    _step(steps, "spawned_worker_to_first_outcome", _spawned_worker)
    print(json.dumps({"steps": steps, "in_process_total_wall_s": in_process, "imports": _import_times()}))


if __name__ == "__main__":
    main()
