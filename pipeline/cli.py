"""`docketflow` command line: `run` the pipeline, print the `schema`, `report` on an output folder."""

from __future__ import annotations

import argparse
import json
import logging
import signal
import sqlite3
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from models import json_schemas

if TYPE_CHECKING:
    from pipeline.settings import RunSettings

log = logging.getLogger("docketflow")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="docketflow", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)

    _add_run_options(sub.add_parser("run", help="process documents into JSON records"))
    serve = sub.add_parser("serve", help="serve the run as a Prefect deployment on a schedule")
    _add_run_options(serve)
    serve.add_argument("--interval", type=float, default=3600.0, metavar="SECONDS",
                       help="time between scheduled runs (default 3600)")
    serve.add_argument("--name", default="docketflow-scheduled", help="deployment name")

    schema = sub.add_parser("schema", help="print the JSON Schema of each record type")
    schema.add_argument("--out", type=Path, help="write <record>.schema.json files into this folder instead")

    report = sub.add_parser("report", help="write a self-contained HTML page for reviewing an output folder")
    report.add_argument("output_dir", type=Path, help="an output folder written by `docketflow run`")
    report.add_argument("--html", type=Path, default=None,
                        help="where to write the page (default: OUTPUT_DIR/report.html)")
    return parser


def _add_run_options(parser: argparse.ArgumentParser) -> None:
    """The options of a run, shared by `run` and `serve`."""
    parser.add_argument("paths", nargs="*", type=Path, default=[Path("raw")],
                     help="files or folders to read (default: raw/)")
    parser.add_argument("--out", type=Path, default=Path("output"), help="output folder (default: output/)")
    parser.add_argument("--pdf-engine", choices=["auto", "pypdfium2", "pdfplumber"], default="auto",
                     help="PDF text extraction: pypdfium2 (fast, default) or pdfplumber (layout analysis)")
    parser.add_argument("--ocr", choices=["auto", "off", "force"], default="auto",
                     help="OCR (tesseract) of PDF pages: auto = pages without a usable text layer (default), "
                          "force = every page, off = only warn")
    parser.add_argument("--model", dest="spacy_model", default=None,
                     help="an installed spaCy package to start from instead of spacy.blank('en')")
    orchestration = parser.add_mutually_exclusive_group()
    orchestration.add_argument("--prefect", dest="orchestration", action="store_const", const="prefect",
                               help="run as a Prefect flow even without PREFECT_API_URL (starts a local server)")
    orchestration.add_argument("--no-prefect", dest="orchestration", action="store_const", const="off",
                               help="run the flow's code directly, without Prefect")
    parser.add_argument("--workers", type=int, default=1, help="worker processes on this machine (default 1)")
    parser.add_argument("--dask-address", help="run on an existing Dask cluster, e.g. tcp://scheduler:8786")
    parser.add_argument("--force", action="store_true", help="reprocess every input, even unchanged ones")
    parser.add_argument("--isolate", action=argparse.BooleanOptionalAction, default=None,
                        help="process in killable worker processes with per-document time and memory limits "
                             "(default: yes unless the input is a handful of plain files)")
    parser.add_argument("--doc-timeout", type=float, default=None, metavar="SECONDS",
                     help="per-document time limit in worker processes (default 300; setting it turns --isolate on)")
    parser.add_argument("--retry-errors", action="store_true",
                        help="read again every input whose last attempt failed, corrupt ones included")
    parser.add_argument("--follow-links", action="store_true",
                        help="read symbolic links that lead outside the input folder (FIFOs and devices never)")
    parser.add_argument("--reset-state", action="store_true",
                        help="set the output folder's state aside and start afresh (every input is read again)")
    parser.add_argument("--include", action="append", default=[], metavar="GLOB",
                     help="only inputs whose relative path matches (repeatable)")
    parser.add_argument("--exclude", action="append", default=[], metavar="GLOB",
                     help="skip inputs whose relative path matches (repeatable)")
    parser.add_argument("--quiet", "-q", action="store_true", help="no progress, only the summary and errors")
    parser.add_argument("--log-level", default="INFO", choices=["DEBUG", "INFO", "WARNING", "ERROR"])


def _configure_logging(level: str, quiet: bool) -> None:
    logging.basicConfig(level=logging.WARNING if quiet else getattr(logging, level),
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s", stream=sys.stderr)
    for noisy in ("eyecite", "prefect", "httpx", "urllib3", "pdfminer"):
        logging.getLogger(noisy).setLevel(max(logging.WARNING, getattr(logging, level)))


def _settings(args: argparse.Namespace) -> RunSettings:
    """The run's settings from the command line (environment DOCKETFLOW_* fills what it leaves out)."""
    from pipeline.settings import RunSettings

    limits = {"doc_timeout_s": args.doc_timeout} if args.doc_timeout is not None else {}
    return RunSettings(
        **limits,
        retry_errors=args.retry_errors,
        follow_links=args.follow_links,
        reset_state=args.reset_state,
        inputs=tuple(args.paths),
        out=args.out,
        pdf_engine=args.pdf_engine,
        ocr=args.ocr,
        spacy_model=args.spacy_model,
        orchestration=args.orchestration or "auto",
        progress=not args.quiet,
        workers=args.workers,
        dask_address=args.dask_address,
        force=args.force,
        isolate=args.isolate,
        include=tuple(args.include),
        exclude=tuple(args.exclude),
    )


def _missing_inputs(args: argparse.Namespace) -> bool:
    missing = [str(p) for p in args.paths if not p.exists()]
    if missing:
        print(f"docketflow: no such input: {', '.join(missing)}", file=sys.stderr)
    return bool(missing)


class Terminated(KeyboardInterrupt):
    """SIGTERM, raised in the main thread so that the run stops exactly as on Ctrl-C."""


def _interrupted_code() -> int:
    """128 + the signal: 143 after SIGTERM, 130 after Ctrl-C."""
    return 128 + (signal.SIGTERM if _terminated else signal.SIGINT)


_terminated = False
"""Set by the SIGTERM handler: the exit code and the closing line say which signal stopped the run."""


def _on_sigterm(signum: int, frame: object) -> None:
    global _terminated
    _terminated = True
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # a second SIGTERM ends the process at once
    raise Terminated


def _run(args: argparse.Namespace) -> int:
    from pipeline.flow import run
    from pipeline.store import STATE_FILE, damaged

    if _missing_inputs(args):
        return 2
    settings = _settings(args)
    previous = signal.signal(signal.SIGTERM, _on_sigterm)
    try:
        summary = run(settings)
    except KeyboardInterrupt:
        print("docketflow: interrupted; the output folder keeps its previous complete contents", file=sys.stderr)
        return _interrupted_code()
    except sqlite3.DatabaseError as exc:  # damaged while the run read it
        print(f"docketflow: cannot proceed: {damaged(args.out / STATE_FILE, exc)}", file=sys.stderr)
        return 1
    except Exception as exc:  # the run itself failed (unwritable output, broken install): one line, no trace
        log.debug("run failed", exc_info=True)
        print(f"docketflow: cannot proceed: {type(exc).__name__}: {' '.join(str(exc).split())}", file=sys.stderr)
        return 1
    finally:
        signal.signal(signal.SIGTERM, previous)
    if summary.interrupted:
        how = "terminated (SIGTERM)" if _terminated else "interrupted"
        print(summary.line(str(args.out)) + f" [{how}: the finished inputs are published; run again to finish]")
        return _interrupted_code()
    print(summary.line(str(args.out)))
    return 0


def _serve(args: argparse.Namespace) -> int:
    from pipeline.deploy import serve

    if _missing_inputs(args):
        return 2
    serve(_settings(args), interval_s=args.interval, name=args.name)
    return 0


def _schema(args: argparse.Namespace) -> int:
    schemas = json_schemas()
    if args.out:
        from pipeline.output import write_schemas

        write_schemas(args.out)
        print(f"wrote {len(schemas)} schemas to {args.out}")
    else:
        print(json.dumps(schemas, indent=2))
    return 0


def _report(args: argparse.Namespace) -> int:
    from pipeline.report import write_report

    try:
        stats = write_report(args.output_dir, args.html)
    except (OSError, ValueError) as exc:  # not an output folder, unreadable or malformed file: one line, no trace
        print(f"docketflow: cannot write report: {type(exc).__name__}: {' '.join(str(exc).split())}", file=sys.stderr)
        return 1
    print(f"wrote {stats.path} ({stats.bytes / 1e6:.1f} MB, {stats.counts.documents} documents, "
          f"{stats.counts.texts_shown} texts) in {stats.seconds:.1f} s")
    return 0


def main(argv: list[str] | None = None) -> int:
    """Entry point of the `docketflow` console script."""
    args = _parser().parse_args(argv)
    if args.command in ("run", "serve"):
        _configure_logging(args.log_level, args.quiet)
        return _run(args) if args.command == "run" else _serve(args)
    if args.command == "report":
        return _report(args)
    return _schema(args)


if __name__ == "__main__":
    sys.exit(main())
