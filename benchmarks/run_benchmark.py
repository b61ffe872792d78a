"""How fast docketflow is, against what it could be: throughput of full runs next to the ceilings of the
libraries it is built on, worker scaling (local workers and a Dask LocalCluster, with the records compared),
Prefect's overhead, memory at scale, re-run and start-up cost; with `--profile`, where extraction time goes
(per spaCy component, per record builder, cProfile) and where a worker's start-up goes.

The answer is a JSON report of numbers (not pass/fail tests), each target next to its value, because on a
shared machine a number is only meaningful with the load it was measured under (recorded too). Full runs
go through `measure_run.py` in fresh processes; the ceilings are measured here, on the same files.

    .venv/bin/python benchmarks/run_benchmark.py --quick     # small subsets, a few minutes
    .venv/bin/python benchmarks/run_benchmark.py             # whole corpus, 10,000 synthetic documents
    .venv/bin/python benchmarks/run_benchmark.py --profile   # the same, plus the profile
    .venv/bin/python benchmarks/run_benchmark.py --profile-only   # only the profile (about a minute or two)
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import functools
import gc
import gzip
import hashlib
import io
import json
import os
import platform
import pstats
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from synthetic import write_archive

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
CORPUS = Path("/work/shared/corpus")
DEFAULT_REPORT = HERE / "results" / "latest.json"
PYTHON = Path(sys.executable)


@dataclass(frozen=True)
class Plan:
    """How much of everything a mode measures; quick keeps the whole script under about three minutes."""

    mode: str
    corpus_pdfs: int | None
    """PDFs of the corpus to use (None: the whole corpus folder as it is)."""
    corpus_texts: int | None
    synthetic_docs: int
    small_docs: int
    """The smaller synthetic archive, for memory at 1/10 of the documents."""
    prefect_docs: int
    pdfplumber_pages: int
    pdf_copies: int = 10
    """Byte-distinct copies of each text-layer PDF in the end-to-end PDF run (issue 15 measures with 10)."""
    startup_repeats: int = 3
    scaling_rounds: int = 3
    """Rounds of the worker-scaling runs; each speed-up is the median of its rounds' ratios (see `dask_scaling`)."""


QUICK = Plan("quick", corpus_pdfs=5, corpus_texts=20, synthetic_docs=1_000, small_docs=100, prefect_docs=1_000,
             pdfplumber_pages=10, pdf_copies=2)
FULL = Plan("full", corpus_pdfs=None, corpus_texts=None, synthetic_docs=10_000, small_docs=1_000,
            prefect_docs=10_000, pdfplumber_pages=60)

TARGETS: dict[str, tuple[str, float | bool]] = {
    "text_ratio": (">=", 0.5),
    "pdf_ratio": (">=", 0.5),
    "local_2w_speedup": (">=", 1.8),
    "dask_2w_speedup": (">=", 1.7),
    "records_identical": ("==", True),
    "worker_peak_rss_mb": ("<=", 600),
    "worker_rss_growth_10x_docs": ("<=", 1.10),
    "pdf_ingest_vs_pypdfium2": (">=", 0.5),
    "extraction_vs_tokenizer": (">=", 0.4),
    "prefect_overhead_fraction": ("<=", 0.10),
    "rerun_fraction": ("<=", 0.05),
    "startup_vs_imports": ("<=", 3.0),
}
"""Name -> (comparison, bound). The first seven are issue 24's (text and PDF at half their ceilings on one
worker; 2 local workers 1.8x one, 2 Dask workers 1.7x one with the same records; workers within 600 MB and
flat, read as at most +10%, from 1,000 to 10,000 documents); the rest are earlier issues'."""


def log(message: str) -> None:
    """Progress on stderr, so a long full run shows where it is."""
    print(f"[{datetime.now():%H:%M:%S}] {message}", file=sys.stderr, flush=True)


def machine_load() -> dict[str, Any]:
    """Load average and CPU pressure: on a shared 2-core machine they explain most of the variance."""
    pressure = Path("/proc/pressure/cpu")
    return {
        "loadavg_1_5_15": [round(x, 2) for x in os.getloadavg()],
        "cpu_pressure_some": pressure.read_text().splitlines()[0] if pressure.exists() else None,
    }


@dataclass
class Timing:
    """Wall and CPU seconds of a block; CPU time is the steadier number when other processes compete."""

    wall: float = 0.0
    cpu: float = 0.0

    def rates(self, amount: float, unit: str) -> dict[str, float]:
        return {f"{unit}_per_s": round(amount / self.wall, 2) if self.wall else 0.0,
                f"{unit}_per_cpu_s": round(amount / self.cpu, 2) if self.cpu else 0.0,
                "wall_seconds": round(self.wall, 3), "cpu_seconds": round(self.cpu, 3)}


@contextmanager
def timed() -> Iterator[Timing]:
    timing = Timing()
    wall, cpu = time.perf_counter(), time.process_time()
    yield timing
    timing.wall, timing.cpu = time.perf_counter() - wall, time.process_time() - cpu


def spread(paths: list[Path], count: int | None) -> list[Path]:
    """`count` paths evenly spread over the sorted list (so a subset keeps the corpus's mix), or all."""
    if count is None or count >= len(paths):
        return paths
    step = len(paths) / count
    return [paths[int(i * step)] for i in range(count)]


def corpus_inputs(plan: Plan, work: Path) -> tuple[Path, list[Path], list[Path]]:
    """The run's input root and its PDFs and text files; quick mode copies an even subset to `work`."""
    pdfs = spread(sorted((CORPUS / "pdf").glob("*.pdf")), plan.corpus_pdfs)
    texts = spread(sorted(p for p in (CORPUS / "text").iterdir() if p.is_file()), plan.corpus_texts)
    if plan.corpus_pdfs is None and plan.corpus_texts is None:
        return CORPUS, pdfs, texts
    root = work / "corpus"
    for path in (*pdfs, *texts):
        target = root / path.relative_to(CORPUS)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, target)
    return root, [root / p.relative_to(CORPUS) for p in pdfs], [root / p.relative_to(CORPUS) for p in texts]


def child_env(prefect_home: Path, cache: Path) -> dict[str, str]:
    """No configured API (so `auto` means off and `prefect` means a temporary server), a private Prefect home
    so other users' database cannot lock ours, no analytics, a startup timeout a busy machine can meet, and a
    private cache folder (`DOCKETFLOW_CACHE`), empty at the start, so what earlier runs on this machine left
    there cannot flatter a number: the first end-to-end runs start cold, and say so."""
    env = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"}
    env.update(PREFECT_HOME=str(prefect_home), PREFECT_SERVER_ANALYTICS_ENABLED="false",
               PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS="120", DOCKETFLOW_CACHE=str(cache))
    return env


def run_words(out: Path) -> int:
    """Whitespace-separated words of every document text the run wrote (what the extractors read); only
    meaningful after a run that processed everything, since the texts cover the whole output folder."""
    with gzip.open(out / "texts.jsonl.gz", "rt", encoding="utf-8") as texts:
        return sum(len(json.loads(line)["text"].split()) for line in texts)


def measure_run(inputs: list[Path], out: Path, env: dict[str, str], *, workers: int = 1,
                orchestration: str = "off", force: bool = True, cluster: dict[str, Any] | None = None
                ) -> dict[str, Any]:
    """A full `pipeline.flow.run` in a fresh process: measure_run.py's figures plus run.json's counts and
    stage seconds, and for forced runs (everything processed) the rates they give. With `cluster` (from
    `dask_cluster`), the run sends its batches to that Dask cluster, whose processes are sampled too."""
    spec, result = out.with_suffix(".spec.json"), out.with_suffix(".result.json")
    spec.write_text(json.dumps({"inputs": [str(p) for p in inputs], "out": str(out), "workers": workers,
                                "orchestration": orchestration, "force": force,
                                "dask_address": cluster["address"] if cluster else None,
                                "cluster_pid": cluster["pid"] if cluster else None}))
    where = f"Dask ({cluster['workers']} workers)" if cluster else f"{workers} worker(s)"
    log(f"run {orchestration}, {where}: {', '.join(p.name for p in inputs)} -> {out.name}")
    done = subprocess.run([str(PYTHON), str(HERE / "measure_run.py"), str(spec), str(result)], env=env,
                          cwd=REPO, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"measured run failed ({done.returncode}): {done.stderr[-2000:]}")
    figures = json.loads(result.read_text())
    report = json.loads((out / "run.json").read_text())
    counts, wall = report["counts"], figures["wall_seconds"]
    figures.update(load_after=machine_load(), counts=counts, stage_seconds=report["stage_seconds"])
    if force:
        words = run_words(out)
        figures.update(words=words, documents_per_s=round(counts["processed"] / wall, 2),
                       pages_per_s=round(counts["pages"] / wall, 2), words_per_s=round(words / wall, 1))
    return figures


@contextmanager
def dask_cluster(work: Path, env: dict[str, str], workers: int | None = None) -> Iterator[dict[str, Any]]:
    """A Dask `LocalCluster` in a process of its own (`dask_cluster.py`), up for the runs inside the block:
    Dask's default settings, or `workers` workers of one thread. Yields what the script printed (address,
    workers, threads, whether they are daemonic, their import seconds) plus `pid` and `start_seconds`."""
    label = workers or "default"
    started = time.perf_counter()
    with (work / f"dask-cluster-{label}.log").open("w") as errors:
        process = subprocess.Popen([str(PYTHON), str(HERE / "dask_cluster.py"), str(label)], env=env, cwd=work,
                                   stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=errors, text=True)
    try:
        assert process.stdout is not None
        line = process.stdout.readline()
        if not line:
            reason = (work / f"dask-cluster-{label}.log").read_text()[-2000:]
            raise RuntimeError(f"the Dask cluster did not start: {reason}")
        info = {**json.loads(line), "pid": process.pid, "start_seconds": round(time.perf_counter() - started, 2)}
        log(f"Dask cluster {label}: {info['workers']} workers, {info['threads']} threads at {info['address']}")
        yield info
    finally:
        with contextlib.suppress(OSError):
            assert process.stdin is not None
            process.stdin.close()
        try:
            process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


RECORD_FILES = ("holdings.jsonl", "agreements.jsonl", "cases.jsonl")
RUN_FIELDS = frozenset({"started", "finished", "run_id", "seconds", "generated", "extracted_at"})
"""Keys left out before records are compared. The records carry none today (ids are content hashes); the set
keeps the comparison about content should a run-specific field appear."""


def _normalized_records(out: Path, name: str) -> list[str]:
    """The lines of one record file, run-specific keys removed, keys sorted, lines sorted."""
    def strip(value: Any) -> Any:
        if isinstance(value, dict):
            return {k: strip(v) for k, v in value.items() if k not in RUN_FIELDS}
        if isinstance(value, list):
            return [strip(v) for v in value]
        return value

    path = out / name
    lines = path.read_text(encoding="utf-8").splitlines() if path.exists() else []
    return sorted(json.dumps(strip(json.loads(line)), sort_keys=True) for line in lines if line.strip())


def compare_records(first: Path, second: Path) -> dict[str, Any]:
    """Whether two output folders hold the same holdings, agreements and cases (run-specific fields aside):
    per file, the line counts, a digest, and how many lines only one of them has."""
    files = {}
    for name in RECORD_FILES:
        a, b = _normalized_records(first, name), _normalized_records(second, name)
        files[name] = {"lines": [len(a), len(b)], "identical": a == b,
                       "sha256": hashlib.sha256("\n".join(a).encode()).hexdigest()[:16]}
        if a != b:
            set_a, set_b = set(a), set(b)
            files[name].update(only_in_first=len(set_a - set_b), only_in_second=len(set_b - set_a))
    return {"identical": all(f["identical"] for f in files.values()), "files": files}


def read_all(paths: list[Path]) -> list[tuple[str, bytes]]:
    """(name, bytes) of each file, read before timing so that disk reads count for no engine."""
    return [(p.name, p.read_bytes()) for p in paths]


def pypdfium2_ceiling(pdfs: list[tuple[str, bytes]]) -> dict[str, Any]:
    """Bare pypdfium2 text extraction, every page's text page and page closed: the fastest our ingest could be."""
    import pypdfium2 as pdfium

    pages = 0
    with timed() as timing:
        for _, data in pdfs:
            document = pdfium.PdfDocument(data)
            for index in range(len(document)):
                page = document[index]
                textpage = page.get_textpage()
                textpage.get_text_range()
                textpage.close()
                page.close()
                pages += 1
            document.close()
    return {"pages": pages, **timing.rates(pages, "pages")}


def pdf_ingest(pdfs: list[tuple[str, bytes]]) -> dict[str, Any]:
    """Our `read_document` (margins, stamps, headers cut; OCR off, as the library default) on the same PDFs."""
    from docketflow.pipeline.ingest import read_document

    pages = 0
    with timed() as timing:
        for name, data in pdfs:
            pages += read_document(data, name).pages or 0
    return {"pages": pages, **timing.rates(pages, "pages")}


def pdfplumber_peer(pdfs: list[tuple[str, bytes]], max_pages: int) -> dict[str, Any]:
    """pdfplumber's `extract_text()` on the first `max_pages` pages (it is ~45x slower), each page closed."""
    import pdfplumber

    pages = 0
    with timed() as timing:
        for _, data in pdfs:
            with pdfplumber.open(io.BytesIO(data)) as document:
                for page in document.pages:
                    if pages >= max_pages:
                        break
                    page.extract_text()
                    page.close()
                    pages += 1
            if pages >= max_pages:
                break
    return {"pages": pages, **timing.rates(pages, "pages")}


def read_texts(paths: list[Path]) -> list[Any]:
    """The corpus text and HTML files as `SourceDocument`s (ingest is not part of the extraction numbers)."""
    from docketflow.pipeline.ingest import read_document

    return [read_document(p.read_bytes(), p.name) for p in paths]


def tokenizer_ceiling(texts: list[str], words: int) -> dict[str, Any]:
    """`spacy.blank("en")` over the texts: no component of ours can make extraction faster than this."""
    import spacy

    nlp = spacy.blank("en")
    nlp.max_length = 50_000_000
    with timed() as timing:
        for _ in nlp.pipe(texts):
            pass
    return {"words": words, **timing.rates(words, "words")}


def _iso(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value and len(value) >= 10 else None
    except ValueError:
        return None


def _apply(component: Callable[[Any], Any], docs: list[Any]) -> list[Any]:
    """A component over every doc, batched when it has `pipe` (as `Language.pipe` does)."""
    pipe = getattr(component, "pipe", None)
    return list(pipe(docs)) if pipe else [component(doc) for doc in docs]


def _stage(name: str, work: Callable[[], Any], seconds: dict[str, float]) -> Any:
    started = time.perf_counter()
    result = work()
    seconds[name] = round(time.perf_counter() - started, 3)
    return result


class BuilderTimers:
    """Timers around the record builders: every function and class (a constructor call) that
    `extractors/records/build.py` calls through its module attributes, the functions of `court_meta` it calls
    as `court_meta.X`, `_Draft`'s methods, and what `DocView` calls as it is built (`view.X`). Installed by
    swapping module and class attributes at run time (the modules look their names up on each call), and put
    back afterwards. Each gets calls, inclusive seconds, and own seconds (inclusive minus the timed calls
    inside it), so the own seconds add up to the time of the outermost timed calls."""

    def __init__(self) -> None:
        self.stats: dict[str, list[float]] = {}
        """Name -> [calls, inclusive seconds, own seconds]."""
        self._stack: list[float] = []

    def wrap(self, name: str, function: Callable[..., Any]) -> Callable[..., Any]:
        stats = self.stats.setdefault(name, [0, 0.0, 0.0])
        stack, clock = self._stack, time.perf_counter

        @functools.wraps(function)
        def timed_call(*args: Any, **kwargs: Any) -> Any:
            stack.append(0.0)
            started = clock()
            try:
                return function(*args, **kwargs)
            finally:
                elapsed = clock() - started
                inner = stack.pop()
                stats[0] += 1
                stats[1] += elapsed
                stats[2] += elapsed - inner
                if stack:
                    stack[-1] += elapsed

        return timed_call

    @staticmethod
    def _targets() -> list[tuple[Any, str, str]]:
        """(owner, attribute, label) of everything to time."""
        import inspect

        from docketflow.extractors.records import build, court_meta, view

        def ours(value: Any) -> bool:
            return ((inspect.isfunction(value) or inspect.isclass(value))
                    and getattr(value, "__module__", "").startswith("docketflow."))

        targets = [(build, name, name) for name, value in vars(build).items()
                   if ours(value) and name != "build_records"]
        targets += [(court_meta, name, f"court_meta.{name}") for name, value in vars(court_meta).items()
                    if inspect.isfunction(value) and value.__module__ == court_meta.__name__]
        targets += [(build._Draft, name, f"_Draft.{name}") for name, value in vars(build._Draft).items()
                    if inspect.isfunction(value) and not name.startswith("__")]
        targets += [(view, name, f"view.{name}") for name, value in vars(view).items()
                    if ours(value) and name not in ("DocView", "Mention")]
        return targets

    @contextmanager
    def installed(self) -> Iterator[BuilderTimers]:
        targets = self._targets()
        originals = [getattr(owner, name) for owner, name, _ in targets]
        try:
            for (owner, name, label), original in zip(targets, originals, strict=True):
                setattr(owner, name, self.wrap(label, original))
            yield self
        finally:
            for (owner, name, _), original in zip(targets, originals, strict=True):
                setattr(owner, name, original)

    @staticmethod
    def overhead_per_call() -> float:
        """Seconds one timed call adds (a wrapped no-op against the bare one), to size the timers' own cost."""
        def noop() -> None:
            return None

        timed_noop, count = BuilderTimers().wrap("noop", noop), 100_000
        started = time.perf_counter()
        for _ in range(count):
            noop()
        bare = time.perf_counter() - started
        started = time.perf_counter()
        for _ in range(count):
            timed_noop()
        return max(0.0, (time.perf_counter() - started - bare) / count)


@contextmanager
def worker_gc() -> Iterator[None]:
    """The garbage collector as a worker sets it once its pipeline is built (`pipeline/isolation.py`'s
    `_tune_gc`: what exists is frozen, a collection every 50,000 allocations), restored afterwards."""
    threshold = gc.get_threshold()
    gc.collect()
    gc.set_threshold(50_000, 20, 20)
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()
        gc.set_threshold(*threshold)


def extraction_rate(sources: list[Any], words: int, builders: BuilderTimers | None = None) -> dict[str, Any]:
    """Entities and records as `process_batch` makes them (`build_nlp()`, `build_records` and `doc_entities`,
    no PDF; the workers' GC settings), run one stage at a time over all documents, so the total comes with
    where it goes: each component's `pipe` over the whole list is what `nlp.pipe` chains lazily. With
    `builders`, the record builders are timed one by one during the `build_records` stage."""
    from docketflow.extractors.entities import doc_entities
    from docketflow.extractors.kind import detect_kind
    from docketflow.extractors.nlp import build_nlp
    from docketflow.extractors.records import build_records
    from docketflow.extractors.spans import DocContext, make_doc
    from worker_startup import SHORT

    nlp = build_nlp()
    # warm-up: what is built on first use (courts-db's index, eyecite's patterns) is start-up, not extraction
    warm = next(iter(nlp.pipe([SHORT])))
    build_records(warm, "warm-up", "court_order")
    doc_entities(warm)
    kinds = [detect_kind(s.text, s.kind, s.media_type) for s in sources]
    seconds: dict[str, float] = {}
    with worker_gc(), timed() as timing:
        docs = _stage("tokenizer", lambda: [make_doc(nlp, s.text) for s in sources], seconds)
        for doc, src, kind in zip(docs, sources, kinds, strict=True):
            doc._.docketflow = DocContext(anchor_date=_iso(src.published) or _iso(src.filed), kind=kind,
                                          title=src.title, docket=src.docket, page_starts=list(src.page_starts))
        for name, component in nlp.pipeline:
            docs = _stage(name, lambda c=component, d=docs: _apply(c, d), seconds)
        with builders.installed() if builders else contextlib.nullcontext():
            _stage("build_records", lambda: [build_records(d, str(i), k, s.filed or s.published)
                                             for i, (d, s, k) in enumerate(zip(docs, sources, kinds, strict=True))],
                   seconds)
        _stage("doc_entities", lambda: [doc_entities(d) for d in docs], seconds)
    return {"words": words, **timing.rates(words, "words"), "stage_seconds": seconds}


def stock_ner(texts: list[str], words: int) -> dict[str, Any]:
    """A statistical NER model as a peer, only when one is installed (the pipeline needs none)."""
    import spacy

    if not spacy.util.is_package("en_core_web_sm"):
        return {"note": "en_core_web_sm is not installed; no statistical NER peer measured"}
    nlp = spacy.load("en_core_web_sm")
    nlp.max_length = 50_000_000
    with timed() as timing:
        for _ in nlp.pipe(texts):
            pass
    return {"model": "en_core_web_sm", "words": words, **timing.rates(words, "words")}


def ratio(numerator: float, denominator: float) -> float | None:
    return round(numerator / denominator, 3) if denominator else None


def ceilings(pdf_paths: list[Path], text_paths: list[Path], plan: Plan) -> dict[str, Any]:
    """The library ceilings next to our own ingest and extraction, on the run's files."""
    pdfs = read_all(pdf_paths)
    log(f"ceilings: PDFs ({len(pdfs)} files)")
    raw, ours, plumber = pypdfium2_ceiling(pdfs), pdf_ingest(pdfs), pdfplumber_peer(pdfs, plan.pdfplumber_pages)
    sources = read_texts(text_paths)
    texts = [s.text for s in sources]
    words = sum(len(t.split()) for t in texts)
    log(f"ceilings: text ({len(texts)} files, {words} words)")
    tokenizer, extraction = tokenizer_ceiling(texts, words), extraction_rate(sources, words)
    return {
        "pypdfium2": raw, "pdf_ingest": ours, "pdfplumber": plumber,
        "pdf_ingest_vs_pypdfium2": ratio(ours["pages_per_s"], raw["pages_per_s"]),
        "pdf_ingest_vs_pypdfium2_cpu": ratio(ours["pages_per_cpu_s"], raw["pages_per_cpu_s"]),
        "pypdfium2_vs_pdfplumber": ratio(raw["pages_per_s"], plumber["pages_per_s"]),
        "spacy_blank_tokenizer": tokenizer, "extraction": extraction,
        "extraction_vs_tokenizer": ratio(extraction["words_per_s"], tokenizer["words_per_s"]),
        "extraction_vs_tokenizer_cpu": ratio(extraction["words_per_cpu_s"], tokenizer["words_per_cpu_s"]),
        "stock_ner": stock_ner(texts, words),
        "load_after": machine_load(),
    }


def distinct_copies(pdfs: list[Path], copies: int, root: Path) -> list[Path]:
    """`copies` copies of each PDF that differ in their bytes (a comment line after `%%EOF`, which PDF readers
    ignore), so each is a document of its own (its own sha256) with the same pages and text."""
    root.mkdir(parents=True, exist_ok=True)
    written = []
    for pdf in pdfs:
        data = pdf.read_bytes()
        for copy in range(copies):
            target = root / f"{pdf.stem}-copy{copy}.pdf"
            target.write_bytes(data + f"\n%docketflow-benchmark-copy {copy}\n".encode())
            written.append(target)
    return written


def text_layer_pdfs(paths: list[Path]) -> tuple[list[Path], dict[str, str]]:
    """The PDFs whose every page has a usable text layer, and why each other one was left out.

    The PDF ceiling is text extraction with no OCR, so the end-to-end run it is compared with must be
    given the same kind of input: a PDF with a page the pipeline would OCR (no text layer, or a font that
    decodes to garbage) costs Tesseract's ~1 s a page, which no text-extraction design avoids."""
    from docketflow.pipeline.ingest import read_document

    kept, left_out = [], {}
    for path in paths:
        warnings = read_document(path.read_bytes(), path.name, ocr="off").warnings
        reason = next((w for w in warnings if w.startswith("needs_ocr")), None)
        if reason:
            left_out[path.name] = reason
        else:
            kept.append(path)
    return kept, left_out


def _tokenize(texts: list[str]) -> tuple[int, Timing]:
    """`spacy.blank("en")`'s tokenizer over `texts`: the tokens it makes and the time it took."""
    import spacy

    nlp = spacy.blank("en")
    nlp.max_length = 50_000_000
    tokens = 0
    with timed() as timing:
        for doc in nlp.pipe(texts):
            tokens += len(doc)
    return tokens, timing


CEILING_REPEATS = 3
"""Each ceiling is the median of this many passes: a single pass of ~8 s swings by half on this shared
machine, which moved the ratio across its target from one run to the next."""


def _median(timings: Iterable[Timing]) -> Timing:
    """Median wall and median CPU seconds of several passes."""
    timings = list(timings)
    return Timing(statistics.median(t.wall for t in timings), statistics.median(t.cpu for t in timings))


def _pdf_ceiling(paths: list[Path]) -> tuple[int, int, Timing, Timing]:
    """Pages, tokens, and the time of pypdfium2's page text plus the tokenizer over it (the least any
    design of ours must do for a PDF), with the text extraction's own time."""
    texts, pages, extraction = _pdf_texts(paths)
    tokens, tokenizing = _tokenize(texts)
    return pages, tokens, Timing(extraction.wall + tokenizing.wall, extraction.cpu + tokenizing.cpu), extraction


def _pdf_texts(paths: list[Path]) -> tuple[list[str], int, Timing]:
    """pypdfium2's text of every page (page and text page closed): the least text extraction a PDF needs."""
    import pypdfium2 as pdfium

    texts, pages = [], 0
    with timed() as timing:
        for path in paths:
            document = pdfium.PdfDocument(path.read_bytes())
            parts = []
            for index in range(len(document)):
                page = document[index]
                textpage = page.get_textpage()
                parts.append(textpage.get_text_range())
                textpage.close()
                page.close()
                pages += 1
            document.close()
            texts.append("\n".join(parts))
    return texts, pages, timing


def _profile(run: dict[str, Any]) -> dict[str, float]:
    """Where the run's wall time went: run.json's stages, and the rest (start-up, discovery, batching, worker
    hand-offs, state) as orchestration."""
    stages = dict(run["stage_seconds"])
    stages["orchestration"] = round(max(0.0, run["wall_seconds"] - sum(stages.values())), 3)
    return stages


def end_to_end(plan: Plan, work: Path, env: dict[str, str]) -> dict[str, Any]:
    """Issue 15's ratios, measured in this one process run: a whole `docketflow run --workers 1` on (a) the text
    corpus and (b) byte-distinct copies of the text-layer PDFs, each against the ceiling of the same work on
    the same files -- the tokenizer over the text the run extracted for (a); pypdfium2's page text plus the
    tokenizer over it for (b), whose PDFs are those with a text layer on every page (`text_layer_pdfs`).
    A ratio is ceiling time (the median of `CEILING_REPEATS` passes) / run time (wall; `*_cpu` the same over
    CPU seconds, children included, the steadier number on a shared machine). The per-component profile comes
    from running the components one at a time over the same texts.

    Each input is run twice with the benchmark's private cache folder (empty when the benchmark starts): the
    first run (`cold_cache_run`, `ratio_cold_cache`) learns what the second, the measured one, reads back
    (compiled patterns and the tokenizer's chunks; see the README), as every run after a machine's first
    finds them. The PDF runs come after the text runs, so their first run finds what those left."""
    texts = spread(sorted(p for p in (CORPUS / "text").iterdir() if p.is_file()), plan.corpus_texts)
    text_root = work / "e2e-text"
    text_root.mkdir()
    for path in texts:
        shutil.copyfile(path, text_root / path.name)
    text_cold = measure_run([text_root], work / "e2e-text-cold", env, workers=1)
    text_run = measure_run([text_root], work / "e2e-text-out", env, workers=1)
    with gzip.open(work / "e2e-text-out" / "texts.jsonl.gz", "rt", encoding="utf-8") as fh:
        extracted = [json.loads(line)["text"] for line in fh]
    passes = [_tokenize(extracted) for _ in range(CEILING_REPEATS)]
    tokens, tokenizer = passes[0][0], _median(t for _, t in passes)

    layered, needs_ocr = text_layer_pdfs(sorted((CORPUS / "pdf").glob("*.pdf")))
    copies = distinct_copies(spread(layered, plan.corpus_pdfs), plan.pdf_copies, work / "e2e-pdf")
    pdf_cold = measure_run([work / "e2e-pdf"], work / "e2e-pdf-cold", env, workers=1)
    pdf_run = measure_run([work / "e2e-pdf"], work / "e2e-pdf-out", env, workers=1)
    pdf_passes = [_pdf_ceiling(copies) for _ in range(CEILING_REPEATS)]
    pages, pdf_tokens = pdf_passes[0][0], pdf_passes[0][1]
    pdfium_timing = _median(t for *_, t in pdf_passes)
    ceiling = _median(t for _, _, t, _ in pdf_passes)
    ceiling_wall, ceiling_cpu = ceiling.wall, ceiling.cpu

    sources = read_texts(texts)
    components = extraction_rate(sources, sum(len(s.text.split()) for s in sources))["stage_seconds"]
    return {
        "text": {
            "files": len(texts), "tokens": tokens, "run": text_run,
            "run_tokens_per_s": round(tokens / text_run["wall_seconds"], 1),
            "ceiling_tokens_per_s": round(tokens / tokenizer.wall, 1), "ceiling_passes": CEILING_REPEATS,
            "ratio": ratio(tokenizer.wall, text_run["wall_seconds"]),
            "ratio_cpu": ratio(tokenizer.cpu, text_run["cpu_seconds"]),
            "cold_cache_run": text_cold, "ratio_cold_cache": ratio(tokenizer.wall, text_cold["wall_seconds"]),
            "ratio_cold_cache_cpu": ratio(tokenizer.cpu, text_cold["cpu_seconds"]),
            "profile_seconds": _profile(text_run), "component_seconds": components,
        },
        "pdf": {
            "files": len(copies), "copies_of_each": plan.pdf_copies, "pages": pages, "tokens": pdf_tokens,
            "left_out_needing_ocr": needs_ocr,
            "run": pdf_run, "run_pages_per_s": round(pages / pdf_run["wall_seconds"], 1),
            "ceiling_pages_per_s": round(pages / ceiling_wall, 1), "ceiling_passes": CEILING_REPEATS,
            "pypdfium2_text_pages_per_s": round(pages / pdfium_timing.wall, 1),
            "ratio": ratio(ceiling_wall, pdf_run["wall_seconds"]),
            "ratio_cpu": ratio(ceiling_cpu, pdf_run["cpu_seconds"]),
            "cold_cache_run": pdf_cold, "ratio_cold_cache": ratio(ceiling_wall, pdf_cold["wall_seconds"]),
            "ratio_cold_cache_cpu": ratio(ceiling_cpu, pdf_cold["cpu_seconds"]),
            "profile_seconds": _profile(pdf_run),
        },
        "load_after": machine_load(),
    }


def dask_scaling(plan: Plan, root: Path, work: Path, env: dict[str, str], one: dict[str, Any],
                 two: dict[str, Any]) -> dict[str, Any]:
    """The same corpus run on a Dask `LocalCluster` with default settings (here 2 daemonic workers of 1 thread),
    and on one of a single 1-thread worker, each cluster up before its run (an existing cluster, as
    `--dask-address` expects). `vs_dask_1_worker` is the cluster's own scaling.

    The speed-ups, local and Dask, are over the local 1-worker run, the same work on the same files, and each is
    the median of `plan.scaling_rounds` ratios: the first from the runs above (`one`, `two`), then rounds of a
    1-worker, a 2-worker and a Dask run taken back to back. On a shared machine the speed of the same run drifts
    by 10-20 % within minutes (seen here: one text run took 14.3 s and 17.9 s four minutes apart), so a single
    pair of runs can land on either side of a target; runs taken back to back share the moment's speed, and the
    median of three is not moved by one slow moment."""
    with dask_cluster(work, env, workers=1) as cluster:
        single = measure_run([root], work / "corpus-dask-1w", env, cluster=cluster)
        single["cluster"] = cluster
    with dask_cluster(work, env) as cluster:
        double = measure_run([root], work / "corpus-dask-2w", env, cluster=cluster)
        double["cluster"] = cluster
        rounds = [_round(one, two, double)]
        for number in range(1, plan.scaling_rounds):
            rounds.append(_round(measure_run([root], work / f"corpus-1w-{number}", env),
                                 measure_run([root], work / f"corpus-2w-{number}", env, workers=2),
                                 measure_run([root], work / f"corpus-dask-2w-{number}", env, cluster=cluster)))
    return {
        "run_1_worker": single, "run_2_workers": double, "rounds": rounds,
        "two_workers_speedup": statistics.median(r["dask_speedup"] for r in rounds),
        "local_two_workers_speedup": statistics.median(r["local_speedup"] for r in rounds),
        "vs_dask_1_worker": ratio(single["wall_seconds"], double["wall_seconds"]),
    }


def _round(one: dict[str, Any], two: dict[str, Any], dask: dict[str, Any]) -> dict[str, Any]:
    """One round of the scaling runs: their wall seconds and the two speed-ups they give."""
    return {"one_worker_s": one["wall_seconds"], "two_workers_s": two["wall_seconds"], "dask_s": dask["wall_seconds"],
            "local_speedup": ratio(one["wall_seconds"], two["wall_seconds"]),
            "dask_speedup": ratio(one["wall_seconds"], dask["wall_seconds"])}


def corpus_benchmark(plan: Plan, work: Path, env: dict[str, str]) -> dict[str, Any]:
    """Full runs (1 and 2 local workers, a re-run with nothing new, then 1 and 2 Dask workers and the further
    scaling rounds) and the ceilings, on the same corpus files; the main runs' holdings, agreements and cases
    compared with the 1-worker run's."""
    root, pdfs, texts = corpus_inputs(plan, work)
    one = measure_run([root], work / "corpus-1w", env)
    rerun = measure_run([root], work / "corpus-1w", env, force=False)
    two = measure_run([root], work / "corpus-2w", env, workers=2)
    dask = dask_scaling(plan, root, work, env, one, two)
    records = {name: compare_records(work / "corpus-1w", work / folder)
               for name, folder in (("local_2_workers", "corpus-2w"), ("dask_1_worker", "corpus-dask-1w"),
                                    ("dask_2_workers", "corpus-dask-2w"))}
    return {
        "input": str(root), "pdf_files": len(pdfs), "text_files": len(texts),
        "run_1_worker": one, "run_2_workers": two,
        "two_workers_speedup": dask["local_two_workers_speedup"],
        "dask": dask,
        "records_vs_1_worker": records,
        "records_identical": all(r["identical"] for r in records.values()),
        "rerun": rerun, "rerun_fraction": ratio(rerun["wall_seconds"], one["wall_seconds"]),
        "ceilings": ceilings(pdfs, texts, plan),
    }


def worker_peak(run: dict[str, Any]) -> float | None:
    """The largest worker's peak RSS in MB (pool workers only; None when the run had no pool)."""
    workers = run["child_peak_rss_mb"].get("worker")
    return max(workers) if workers else None


def prefect_overhead(plan: Plan, work: Path, env: dict[str, str], off: dict[str, Any], few: dict[str, Any],
                     big: Path, small: Path) -> dict[str, Any]:
    """Prefect (temporary server, process-pool task runner) against the same code without it, on the big and
    the small archive: the small one's difference is mostly the fixed cost (server start), the slope between
    the two the cost per document (tasks, state reports)."""
    prefect_input, baseline = big, off
    if plan.prefect_docs < plan.synthetic_docs:
        prefect_input = work / f"synthetic-{plan.prefect_docs}.zip"
        write_archive(prefect_input, plan.prefect_docs)
        baseline = measure_run([prefect_input], work / "synthetic-off-subset", env, workers=2)
    on = measure_run([prefect_input], work / "synthetic-prefect", env, workers=2, orchestration="prefect")
    on_small = measure_run([small], work / "synthetic-prefect-small", env, workers=2, orchestration="prefect")
    extra = on["wall_seconds"] - baseline["wall_seconds"]
    fixed = on_small["wall_seconds"] - few["wall_seconds"]
    return {
        "documents": plan.prefect_docs, "run_prefect_2_workers": on, "run_prefect_small_2_workers": on_small,
        "prefect_overhead_fraction": ratio(extra, on["wall_seconds"]),
        "prefect_slowdown": ratio(on["wall_seconds"], baseline["wall_seconds"]),
        "fixed_seconds": round(fixed, 2),
        "per_document_ms": round(1000 * (extra - fixed) / (plan.prefect_docs - plan.small_docs), 2),
    }


def synthetic_benchmark(plan: Plan, work: Path, env: dict[str, str]) -> dict[str, Any]:
    """Many small documents from a zip: throughput, worker memory at 1x and 10x, Prefect's overhead."""
    big, small = work / f"synthetic-{plan.synthetic_docs}.zip", work / f"synthetic-{plan.small_docs}.zip"
    log(f"synthetic: writing {plan.synthetic_docs} + {plan.small_docs} documents")
    words = write_archive(big, plan.synthetic_docs)
    write_archive(small, plan.small_docs, seed=11)
    off = measure_run([big], work / "synthetic-off", env, workers=2)
    few = measure_run([small], work / "synthetic-small", env, workers=2)
    return {
        "input": "zip of .txt members (docketflow reads zip archives directly)",
        "documents": plan.synthetic_docs, "archive_bytes": big.stat().st_size, "archive_words": words,
        "run_off_2_workers": off, "run_small_2_workers": few,
        "worker_peak_rss_mb": {str(plan.small_docs): worker_peak(few), str(plan.synthetic_docs): worker_peak(off)},
        "worker_rss_growth_10x_docs": ratio(worker_peak(off) or 0.0, worker_peak(few) or 0.0),
        "prefect": prefect_overhead(plan, work, env, off, few, big, small),
    }


def wall_of(command: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, env=env, cwd=REPO, capture_output=True, check=True)
    return time.perf_counter() - started


def startup(plan: Plan, work: Path, env: dict[str, str]) -> dict[str, Any]:
    """`docketflow run raw` into a fresh folder vs importing the three heavy libraries, alternated so both
    see the same load; medians of `startup_repeats`."""
    docketflow = str(PYTHON.parent / "docketflow")
    runs, imports = [], []
    log("start-up")
    for attempt in range(plan.startup_repeats):
        runs.append(wall_of([docketflow, "run", "raw", "--out", str(work / f"startup-{attempt}")], env))
        imports.append(wall_of([str(PYTHON), "-c", "import prefect, spacy, pypdfium2"], env))
    run, bare = statistics.median(runs), statistics.median(imports)
    return {"docketflow_run_raw_seconds": [round(x, 3) for x in runs],
            "imports_seconds": [round(x, 3) for x in imports],
            "median_run": round(run, 3), "median_imports": round(bare, 3), "startup_vs_imports": ratio(run, bare)}


PROFILE_TOP = 40
"""Rows of each cProfile table in the report."""
PROFILE_CALLERS = 5
"""Callers listed under each row of the own-time table."""


def _where(key: tuple[str, int, str]) -> str:
    """'path:line(function)' of a cProfile entry, the path from the package or repository root."""
    path, line, name = key
    if path == "~":
        return name  # a built-in or C function
    for marker in ("site-packages/", f"{REPO}/"):
        if marker in path:
            path = path.split(marker, 1)[1]
            break
    else:
        path = re.sub(r"^.*/lib/python3\.\d+/", "", path)  # the standard library: "re/__init__.py"
    return f"{path}:{line}({name})"


def _top(entries: dict[Any, Any], index: int, total: float, count: int = PROFILE_TOP) -> list[dict[str, Any]]:
    """The `count` largest entries by cumulative (index 3) or own (index 2) time, with their shares of `total`;
    by own time, each with the callers it spent that time for (a `re.Pattern.search` is only actionable once
    one knows whose patterns it runs)."""
    rows = sorted(entries.items(), key=lambda kv: -kv[1][index])[:count]
    out = []
    for key, (_, calls, own, cumulative, callers) in rows:
        row = {"function": _where(key), "calls": calls, "tottime": round(own, 3), "cumtime": round(cumulative, 3),
               "share_tottime": round(own / total, 4) if total else None,
               "share_cumtime": round(cumulative / total, 4) if total else None}
        if index == 2:
            by_caller = sorted(callers.items(), key=lambda kv: -kv[1][2])[:PROFILE_CALLERS]
            row["callers"] = [{"caller": _where(caller), "calls": figures[1], "tottime": round(figures[2], 3)}
                              for caller, figures in by_caller]
        out.append(row)
    return out


def cprofile_extraction(text_paths: list[Path]) -> dict[str, Any]:
    """cProfile of `process_batch` (read, ingest, pipeline, records, entities: a worker's whole job) over the
    corpus texts one document at a time, as a worker calls it (`isolation._serve`: each document's outcome is
    sent as soon as it is done), with a worker's GC settings, after a warm-up document (the
    first-use indexes of courts-db and eyecite are start-up, see `worker_startup`). cProfile's own cost per
    call inflates functions called millions of times: read the shares next to the per-component seconds."""
    from docketflow.extractors.nlp import build_nlp
    from docketflow.pipeline.process import process_batch
    from docketflow.pipeline.settings import RunSettings
    from docketflow.pipeline.sources import SourceItem
    from worker_startup import SHORT

    settings = RunSettings(progress=False)
    items = [SourceItem(relpath=p.name, data=p.read_bytes(), size=p.stat().st_size) for p in text_paths]
    build_nlp()
    process_batch([SourceItem(relpath="warm-up.txt", data=SHORT.encode(), size=len(SHORT))], settings)
    profiler = cProfile.Profile()
    with worker_gc(), timed() as timing:
        profiler.enable()
        for item in items:
            process_batch([item], settings)
        profiler.disable()
    entries = pstats.Stats(profiler).stats  # type: ignore[attr-defined]
    total = sum(own for _, _, own, _, _ in entries.values())
    files: dict[str, float] = {}
    for (path, _, name), (_, _, own, _, _) in entries.items():
        where = _where((path, 0, name)).rsplit(":", 1)[0] if path != "~" else "built-in: " + name
        files[where] = files.get(where, 0.0) + own
    by_file = sorted(files.items(), key=lambda kv: -kv[1])[:PROFILE_TOP]
    return {"documents": len(items), "wall_seconds": round(timing.wall, 3), "total_tottime": round(total, 3),
            "top_cumulative": _top(entries, 3, total), "top_tottime": _top(entries, 2, total),
            "by_file": [{"file": f, "tottime": round(t, 3), "share": round(t / total, 4) if total else None}
                        for f, t in by_file]}


def worker_startup(env: dict[str, str]) -> dict[str, Any]:
    """`worker_startup.py` in a fresh interpreter: imports, `build_nlp`, first courts-db and eyecite calls, first
    document, a spawned worker to its first outcome, and `-X importtime`'s largest modules."""
    done = subprocess.run([str(PYTHON), str(HERE / "worker_startup.py")], env=env, cwd=REPO, capture_output=True,
                          text=True, check=False)
    if done.returncode != 0:
        return {"error": done.stderr[-2000:]}
    return json.loads(done.stdout)


def profile(plan: Plan, env: dict[str, str]) -> dict[str, Any]:
    """Where extraction time goes on the corpus texts: the stages of `extraction_rate` (each spaCy component over
    every document, `build_records` with each record builder timed, `doc_entities`), flattened into one list of
    places by seconds, then cProfile of the same work as a worker does it."""
    texts = spread(sorted(p for p in (CORPUS / "text").iterdir() if p.is_file()), plan.corpus_texts)
    sources = read_texts(texts)
    words = sum(len(s.text.split()) for s in sources)
    log(f"profile: components and record builders over {len(sources)} texts ({words} words)")
    builders = BuilderTimers()
    staged = extraction_rate(sources, words, builders)
    stages = staged["stage_seconds"]
    total = sum(stages.values())
    rows = sorted(({"builder": name, "calls": int(calls), "seconds": round(inclusive, 3), "own_seconds": round(own, 3),
                    "share_own": round(own / total, 4) if total else None}
                   for name, (calls, inclusive, own) in builders.stats.items() if calls),
                  key=lambda row: -row["own_seconds"])
    timed_calls = sum(row["calls"] for row in rows)
    per_call = BuilderTimers.overhead_per_call()
    untimed = max(0.0, stages["build_records"] - sum(row["own_seconds"] for row in rows))
    places = [{"place": name if name in ("tokenizer", "doc_entities") else f"component {name}", "seconds": seconds}
              for name, seconds in stages.items() if name != "build_records"]
    places += [{"place": f"builder {row['builder']}", "seconds": row["own_seconds"]} for row in rows]
    places.append({"place": "build_records: its own lines", "seconds": round(untimed, 3)})
    places = sorted(({**p, "share": round(p["seconds"] / total, 4) if total else None} for p in places),
                    key=lambda p: -p["seconds"])
    log("profile: cProfile of process_batch over the same texts")
    profiled = cprofile_extraction(texts)
    log("profile: worker start-up (fresh interpreter)")
    return {
        "texts": len(sources), "words": words, "extraction": {k: v for k, v in staged.items() if k != "stage_seconds"},
        "component_seconds": stages, "total_seconds": round(total, 3),
        "component_shares": {k: round(v / total, 4) if total else None for k, v in stages.items()},
        "builders": rows, "builder_timed_calls": timed_calls,
        "builder_timer_overhead_seconds": round(timed_calls * per_call, 3),
        "places": places, "cprofile": profiled, "worker_startup": worker_startup(env),
    }


def profile_lines(section: dict[str, Any]) -> list[str]:
    """The profile in a few readable lines."""
    lines = [f"profile: {section['texts']} texts, {section['words']} words, {section['total_seconds']} s "
             f"({section['extraction']['words_per_s']} words/s); top places:"]
    lines += [f"  {p['seconds']:8.3f} s {100 * (p['share'] or 0):5.1f}%  {p['place']}" for p in section["places"][:20]]
    cprof = section["cprofile"]
    lines.append(f"cProfile of process_batch ({cprof['wall_seconds']} s profiled), top by own time:")
    lines += [f"  {r['tottime']:8.3f} s {100 * (r['share_tottime'] or 0):5.1f}%  {r['calls']:>9} calls  {r['function']}"
              for r in cprof["top_tottime"][:15]]
    lines.append("own time by file:")
    lines += [f"  {r['tottime']:8.3f} s {100 * (r['share'] or 0):5.1f}%  {r['file']}" for r in cprof["by_file"][:15]]
    lines.append("top by cumulative time:")
    lines += [f"  {r['cumtime']:8.3f} s {100 * (r['share_cumtime'] or 0):5.1f}%  {r['function']}"
              for r in cprof["top_cumulative"][:15]]
    start = section["worker_startup"]
    if "steps" in start:
        lines.append("worker start-up: " + ", ".join(f"{k} {v['wall_s']:.3f} s" for k, v in start["steps"].items()))
    else:
        lines.append(f"worker start-up probe failed: {start.get('error')}")
    return lines


def headline(report: dict[str, Any]) -> dict[str, Any]:
    """Issue 24's numbers, at the top of the report."""
    corpus, synthetic, e2e = report.get("corpus", {}), report.get("synthetic", {}), report.get("end_to_end", {})
    return {
        "text_ratio": e2e.get("text", {}).get("ratio"), "text_ratio_cpu": e2e.get("text", {}).get("ratio_cpu"),
        "pdf_ratio": e2e.get("pdf", {}).get("ratio"), "pdf_ratio_cpu": e2e.get("pdf", {}).get("ratio_cpu"),
        "text_ratio_cold_cache": e2e.get("text", {}).get("ratio_cold_cache"),
        "pdf_ratio_cold_cache": e2e.get("pdf", {}).get("ratio_cold_cache"),
        "local_2w_speedup": corpus.get("two_workers_speedup"),
        "dask_2w_speedup": corpus.get("dask", {}).get("two_workers_speedup"),
        "dask_2w_vs_dask_1w": corpus.get("dask", {}).get("vs_dask_1_worker"),
        "records_identical": corpus.get("records_identical"),
        "worker_peak_rss_mb": synthetic.get("worker_peak_rss_mb"),
        "worker_rss_growth_10x_docs": synthetic.get("worker_rss_growth_10x_docs"),
    }


def verdicts(report: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Every target with its value and whether it is met (None when it was not measured)."""
    corpus, synthetic = report.get("corpus", {}), report.get("synthetic", {})
    top = headline(report)
    peaks = [v for v in (top["worker_peak_rss_mb"] or {}).values() if v is not None]
    values = {
        **{name: top[name] for name in ("text_ratio", "pdf_ratio", "local_2w_speedup", "dask_2w_speedup",
                                        "records_identical", "worker_rss_growth_10x_docs")},
        "worker_peak_rss_mb": max(peaks) if peaks else None,
        "pdf_ingest_vs_pypdfium2": corpus.get("ceilings", {}).get("pdf_ingest_vs_pypdfium2"),
        "extraction_vs_tokenizer": corpus.get("ceilings", {}).get("extraction_vs_tokenizer"),
        "prefect_overhead_fraction": synthetic.get("prefect", {}).get("prefect_overhead_fraction"),
        "rerun_fraction": corpus.get("rerun_fraction"),
        "startup_vs_imports": report.get("startup", {}).get("startup_vs_imports"),
    }
    result = {}
    for name, (op, bound) in TARGETS.items():
        value = values[name]
        checks = {">=": lambda v, b: v >= b, "<=": lambda v, b: v <= b, "==": lambda v, b: v == b}
        met = None if value is None else checks[op](value, bound)
        result[name] = {"value": value, "target": f"{op} {bound}", "met": met}
    return result


def summary_lines(report: dict[str, Any]) -> list[str]:
    """The few numbers worth reading first."""
    lines = [f"mode {report['mode']}, {report['seconds']:.0f} s, load {report['load_before']['loadavg_1_5_15']} "
             f"-> {report['load_after']['loadavg_1_5_15']} on {report['cpus']} CPUs"]
    lines.append("issue 24: " + ", ".join(f"{k} {report.get(k)}" for k in headline(report)))
    e2e = report.get("end_to_end")
    if e2e:
        text, pdf = e2e["text"], e2e["pdf"]
        lines.append(f"end to end, text: {text['run_tokens_per_s']} vs ceiling {text['ceiling_tokens_per_s']} tokens/s "
                     f"= {text['ratio']} (cpu {text['ratio_cpu']}; first run, cache cold: "
                     f"{text['ratio_cold_cache']}); profile {text['profile_seconds']}; "
                     f"components {text['component_seconds']}")
        lines.append(f"end to end, PDF: {pdf['run_pages_per_s']} vs ceiling {pdf['ceiling_pages_per_s']} pages/s = "
                     f"{pdf['ratio']} (cpu {pdf['ratio_cpu']}; first run: {pdf['ratio_cold_cache']}); "
                     f"profile {pdf['profile_seconds']}")
    for label, run in (("corpus 1 worker", report.get("corpus", {}).get("run_1_worker")),
                       ("synthetic 2 workers", report.get("synthetic", {}).get("run_off_2_workers"))):
        if run:
            lines.append(f"{label}: {run['documents_per_s']} docs/s, {run['pages_per_s']} pages/s, "
                         f"{run['words_per_s']} words/s, stages {run['stage_seconds']}, "
                         f"main {run['main_peak_rss_mb']} MB, workers {run['child_peak_rss_mb'].get('worker')} MB")
    dask = report.get("corpus", {}).get("dask")
    if dask:
        one, two = dask["run_1_worker"], dask["run_2_workers"]
        cluster, peaks = two["cluster"], two["child_peak_rss_mb"]
        lines.append(f"Dask LocalCluster: 1 worker {one['wall_seconds']} s, default cluster ({cluster['workers']} "
                     f"workers, {cluster['threads']} threads, daemonic {cluster['daemonic']}) {two['wall_seconds']} s; "
                     f"workers {peaks.get('worker')} MB, Dask workers {peaks.get('dask_worker')} MB")
        lines.append("scaling rounds (1 worker / 2 workers / Dask, seconds): " + "; ".join(
            f"{r['one_worker_s']} / {r['two_workers_s']} / {r['dask_s']} = {r['local_speedup']}x, {r['dask_speedup']}x"
            for r in dask["rounds"]))
    ceiling = report.get("corpus", {}).get("ceilings")
    if ceiling:
        lines.append(f"pages/s: pypdfium2 {ceiling['pypdfium2']['pages_per_s']}, read_document "
                     f"{ceiling['pdf_ingest']['pages_per_s']}, pdfplumber {ceiling['pdfplumber']['pages_per_s']}; "
                     f"words/s: spacy.blank {ceiling['spacy_blank_tokenizer']['words_per_s']}, extraction "
                     f"{ceiling['extraction']['words_per_s']} (stages {ceiling['extraction']['stage_seconds']})")
    prefect = report.get("synthetic", {}).get("prefect")
    if prefect:
        lines.append(f"prefect: {prefect['run_prefect_2_workers']['wall_seconds']} s on {prefect['documents']} docs, "
                     f"fixed ~{prefect['fixed_seconds']} s + {prefect['per_document_ms']} ms/doc")
    for name, verdict in report["targets"].items():
        mark = {True: "met", False: "MISSED", None: "not measured"}[verdict["met"]]
        lines.append(f"{name}: {verdict['value']} (target {verdict['target']}) {mark}")
    return lines


def benchmark(plan: Plan, work: Path, end_to_end_only: bool = False, with_profile: bool = False,
              profile_only: bool = False) -> dict[str, Any]:
    """Every measurement, in an order that keeps the slow Prefect run last among the runs; the profile, when
    asked for, last of all (its cProfile pass would slow nothing else, but it runs in this process)."""
    started = time.perf_counter()
    env = child_env(work / "prefect-home", work / "cache")
    os.environ["DOCKETFLOW_CACHE"] = env["DOCKETFLOW_CACHE"]  # the in-process profile's imports too
    sections: dict[str, Any] = {}
    meta: dict[str, Any] = {"mode": plan.mode, "plan": asdict(plan),
                            "started": datetime.now(UTC).isoformat(timespec="seconds"),
                            "cpus": os.cpu_count(), "python": platform.python_version(),
                            "load_before": machine_load()}
    if not CORPUS.is_dir():
        sections["corpus_note"] = f"{CORPUS} is absent: corpus runs, ceilings, worker scaling and profile not measured"
    elif not profile_only:
        sections["end_to_end"] = end_to_end(plan, work, env)
        if not end_to_end_only:
            sections["corpus"] = corpus_benchmark(plan, work, env)
    if not end_to_end_only and not profile_only:
        sections["synthetic"] = synthetic_benchmark(plan, work, env)
        sections["startup"] = startup(plan, work, env)
    if (with_profile or profile_only) and CORPUS.is_dir():
        sections["profile"] = profile(plan, env)
        for line in profile_lines(sections["profile"]):
            print(line, file=sys.stderr)
    meta["load_after"] = machine_load()
    meta["seconds"] = round(time.perf_counter() - started, 1)
    return {**meta, **headline(sections), "targets": verdicts(sections), **sections}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="small subsets (a few minutes) instead of the full plan")
    parser.add_argument("--end-to-end-only", action="store_true",
                        help="only the end-to-end ratios against their ceilings (issue 15), not the other sections")
    parser.add_argument("--profile", action="store_true",
                        help="also profile extraction (per component, record builder, cProfile) and worker start-up")
    parser.add_argument("--profile-only", action="store_true", help="only the profile, no runs")
    parser.add_argument("--report", type=Path, default=DEFAULT_REPORT, help=f"JSON output (default {DEFAULT_REPORT})")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="docketflow-bench-") as work:
        report = benchmark(QUICK if args.quick else FULL, Path(work), args.end_to_end_only, args.profile,
                           args.profile_only)
    args.report.parent.mkdir(parents=True, exist_ok=True)
    args.report.write_text(json.dumps(report, indent=2) + "\n")
    print("\n".join(summary_lines(report)))
    print(f"report: {args.report}")


if __name__ == "__main__":
    main()
