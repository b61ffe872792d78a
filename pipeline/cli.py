"""`docketflow` command line: `run` the pipeline, print the `schema`, `report` on an output folder, `export` it
as tables, write a research `brief` from it."""

from __future__ import annotations

import argparse
import json
import logging
import os
import re
import signal
import sqlite3
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from docketflow.models import json_schemas
from docketflow.pipeline.clean_spawn import stop_resource_tracker
from docketflow.pipeline.runlog import import_prefect_quietly
from docketflow.pipeline.summary import escape_log_lines, plural, terminal_safe

if TYPE_CHECKING:
    from docketflow.pipeline.settings import RunSettings

log = logging.getLogger("docketflow")


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("docketflow")
    except PackageNotFoundError:
        return "(not installed as a package)"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="docketflow", description=__doc__)
    parser.add_argument("--version", action="version", version=f"docketflow {_version()}")
    sub = parser.add_subparsers(dest="command", required=True)

    run = sub.add_parser("run", help="process documents into JSON records")
    _add_run_options(run)
    run.add_argument("--export", choices=["parquet", "csv", "duckdb"], default=None, metavar="FORMAT",
                     help="at the end of the run, also write the output as tables: parquet, csv or duckdb "
                          "(as `docketflow export OUT --to FORMAT`, into OUT/tables/)")
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
    export = sub.add_parser("export", help="write an output folder as flat tables: Parquet, CSV or a DuckDB file")
    export.add_argument("output_dir", type=Path, help="an output folder written by `docketflow run`")
    export.add_argument("--to", choices=["parquet", "csv", "duckdb"], default="parquet",
                        help="parquet (default) and csv: one file per table; duckdb: one database with the "
                             "tables and views")
    export.add_argument("--dest", type=Path, default=None,
                        help="folder of the files (parquet, csv; default OUTPUT_DIR/tables/), or the database "
                             "file (duckdb; default OUTPUT_DIR/tables/docketflow.duckdb)")
    brief = sub.add_parser("brief", help="write a research brief (Markdown and HTML) from an output folder's records, "
                           "every sentence cited")
    brief.add_argument("output_dir", type=Path, help="an output folder written by `docketflow run`")
    brief.add_argument("--about", nargs="+", action="extend", default=None, metavar="AGENCY",
                       help="agencies the brief is about, by key or name, with their components (default: ICE)")
    brief.add_argument("--since", default=None, metavar="DATE",
                       help="only decisions and agreements dated on or after this ISO date")
    return parser


def _add_run_options(parser: argparse.ArgumentParser) -> None:
    """The options of a run, shared by `run` and `serve`. None has a default here: an option left out
    takes its value from DOCKETFLOW_<NAME> in the environment, else from RunSettings' default."""
    parser.add_argument("paths", nargs="*", type=Path, default=argparse.SUPPRESS,
                        help="files or folders to read (default: raw/)")
    parser.add_argument("--out", type=Path, default=argparse.SUPPRESS, help="output folder (default: output/)")
    parser.add_argument("--pdf-engine", choices=["auto", "pypdfium2", "pdfplumber"], default=argparse.SUPPRESS,
                        help="PDF text extraction: pypdfium2 (fast, default) or pdfplumber (layout analysis)")
    parser.add_argument("--ocr", choices=["auto", "off", "force"], default=argparse.SUPPRESS,
                        help="OCR (tesseract) of PDF pages: auto = pages without a usable text layer (default), "
                             "force = every page, off = only warn")
    parser.add_argument("--model", dest="spacy_model", default=argparse.SUPPRESS,
                        help="an installed spaCy package to start from instead of spacy.blank('en')")
    orchestration = parser.add_mutually_exclusive_group()
    orchestration.add_argument("--prefect", dest="orchestration", action="store_const", const="prefect",
                               default=argparse.SUPPRESS,
                               help="run as a Prefect flow even without PREFECT_API_URL (starts a local server)")
    orchestration.add_argument("--no-prefect", dest="orchestration", action="store_const", const="off",
                               default=argparse.SUPPRESS, help="run the flow's code directly, without Prefect")
    parser.add_argument("--workers", type=int, default=argparse.SUPPRESS,
                        help="worker processes on this machine (default 1)")
    parser.add_argument("--dask-address", default=argparse.SUPPRESS,
                        help="run on an existing Dask cluster, e.g. tcp://scheduler:8786")
    parser.add_argument("--force", action="store_true", default=argparse.SUPPRESS,
                        help="reprocess every input, even unchanged ones")
    parser.add_argument("--isolate", action=argparse.BooleanOptionalAction, default=argparse.SUPPRESS,
                        help="process in killable worker processes with per-document time and memory limits "
                             "(default: yes unless the input is a handful of plain files)")
    parser.add_argument("--doc-timeout", dest="doc_timeout_s", type=float, default=argparse.SUPPRESS,
                        metavar="SECONDS",
                        help="per-document time limit in worker processes (default 300; setting it turns --isolate on)")
    parser.add_argument("--retry-errors", action="store_true", default=argparse.SUPPRESS,
                        help="read again every input whose last attempt failed, corrupt ones included")
    parser.add_argument("--follow-links", action="store_true", default=argparse.SUPPRESS,
                        help="read symbolic links that lead outside the input folder (FIFOs and devices never)")
    parser.add_argument("--reset-state", action="store_true", default=argparse.SUPPRESS,
                        help="set the output folder's state aside and start afresh (every input is read again)")
    parser.add_argument("--include", action="append", default=argparse.SUPPRESS, metavar="GLOB",
                        help="only inputs whose relative path matches (repeatable)")
    parser.add_argument("--exclude", action="append", default=argparse.SUPPRESS, metavar="GLOB",
                        help="skip inputs whose relative path matches (repeatable)")
    parser.add_argument("--quiet", "-q", action="store_true", help="no progress, only the summary and errors")
    parser.add_argument("--log-level", default="INFO", choices=["DEBUG", "INFO", "WARNING", "ERROR"])


_FIELD_OF = {"paths": "inputs", "out": "out", "pdf_engine": "pdf_engine", "ocr": "ocr",
             "spacy_model": "spacy_model", "orchestration": "orchestration", "workers": "workers",
             "dask_address": "dask_address", "force": "force", "isolate": "isolate",
             "doc_timeout_s": "doc_timeout_s", "include": "include", "exclude": "exclude",
             "retry_errors": "retry_errors", "follow_links": "follow_links", "reset_state": "reset_state"}
"""argparse destination -> RunSettings field, for the options given on the command line."""
_FLAG_OF = {"inputs": "PATHS", "out": "--out", "pdf_engine": "--pdf-engine", "ocr": "--ocr",
            "spacy_model": "--model", "orchestration": "--prefect/--no-prefect", "progress": "--quiet",
            "workers": "--workers", "dask_address": "--dask-address", "force": "--force", "isolate": "--isolate",
            "doc_timeout_s": "--doc-timeout", "include": "--include", "exclude": "--exclude",
            "retry_errors": "--retry-errors", "follow_links": "--follow-links", "reset_state": "--reset-state"}


def _configure_logging(level: str, quiet: bool) -> None:
    chosen = logging.WARNING if quiet else getattr(logging, level)
    logging.basicConfig(level=chosen, format="%(asctime)s %(levelname)s %(name)s: %(message)s", stream=sys.stderr)
    log.setLevel(chosen)  # explicit, so a Prefect run forwards exactly these lines to the run's log
    escape_log_lines(log)  # names from inputs reach these lines: no control character reaches the terminal
    for noisy in ("eyecite", "prefect", "httpx", "urllib3", "pdfminer"):
        logging.getLogger(noisy).setLevel(max(logging.WARNING, getattr(logging, level)))


class BadOption(Exception):
    """An option value the run cannot take; the message names the flag or environment variable."""


def _given(args: argparse.Namespace) -> dict[str, object]:
    """RunSettings fields given on the command line, and only those."""
    given: dict[str, object] = {field: getattr(args, dest) for dest, field in _FIELD_OF.items() if hasattr(args, dest)}
    for name in ("inputs", "include", "exclude"):
        if name in given:
            given[name] = tuple(given[name])  # type: ignore[arg-type]
    if getattr(args, "quiet", False):
        given["progress"] = False
    return given


def _settings(args: argparse.Namespace) -> RunSettings:
    """The run's settings: flags first, then DOCKETFLOW_* in the environment, then the built-in defaults.
    A bad value raises BadOption naming the flag (when given) or the environment variable it came from."""
    from docketflow.pipeline.settings import RunSettings
    from pydantic import ValidationError
    from pydantic_settings import SettingsError

    given = _given(args)
    try:
        settings = RunSettings(**given)
    except SettingsError as exc:  # an environment value that is not even parseable (a list that is not JSON)
        field = re.search(r'field "(\w+)"', str(exc))
        name = f"DOCKETFLOW_{field.group(1).upper()}" if field else "a DOCKETFLOW_* variable"
        raise BadOption(f"{name}: cannot parse the value (a list is written as JSON: '[\"raw\", \"more\"]')") from None
    except ValidationError as exc:
        problems = []
        for error in exc.errors():
            name = str(error["loc"][0]) if error["loc"] else ""
            source = _FLAG_OF.get(name, name) if name in given else f"DOCKETFLOW_{name.upper()}"
            problems.append(f"{source}: {error['msg']} (got {error['input']!r})")
        raise BadOption("; ".join(problems)) from None
    if settings.isolate is False and "doc_timeout_s" in settings.model_fields_set:
        raise BadOption("--doc-timeout is enforced in worker processes, which --no-isolate turns off: "
                        "drop one of them")
    if settings.isolate is None and settings.model_fields_set & {"doc_timeout_s", "worker_memory_mb"}:
        settings = settings.model_copy(update={"isolate": True})  # a limit asked for is a limit kept
    return settings


def _prepared(args: argparse.Namespace) -> RunSettings | int:
    """Settings for a run that can work, or the exit status after saying in one line why it cannot."""
    from docketflow.pipeline.preflight import CannotRun, check

    try:
        settings = _settings(args)
        check(settings)
    except (BadOption, CannotRun) as exc:
        print(f"docketflow: {terminal_safe(str(exc))}", file=sys.stderr)
        return 2
    missing = [str(p) for p in settings.inputs if not p.exists()]
    if missing:
        print(f"docketflow: no such input: {terminal_safe(', '.join(missing))}", file=sys.stderr)
        return 2
    return settings


class Terminated(KeyboardInterrupt):
    """SIGTERM, raised in the main thread so that the run stops exactly as on Ctrl-C."""


_terminated = False
"""Set by the SIGTERM handler: the exit code and the closing line say which signal stopped the run."""


def _interrupted_code() -> int:
    """128 + the signal: 143 after SIGTERM, 130 after Ctrl-C."""
    return 128 + (signal.SIGTERM if _terminated else signal.SIGINT)


def _on_sigterm(signum: int, frame: object) -> None:
    global _terminated
    _terminated = True
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # a second SIGTERM ends the process at once
    raise Terminated


def _run(args: argparse.Namespace) -> int:
    from docketflow.pipeline.flow import run
    from docketflow.pipeline.preflight import CannotRun
    from docketflow.pipeline.store import STATE_FILE, StateDamaged, StateLocked, explain

    settings = _prepared(args)
    if isinstance(settings, int):
        return settings
    export_to = getattr(args, "export", None)
    if export_to:  # a missing extra is known before any input is read
        from docketflow.pipeline.tables import MissingExtra, require

        try:
            require(export_to)
        except MissingExtra as exc:
            print(f"docketflow: --export: {exc}", file=sys.stderr)
            return 2
    out = str(settings.out)
    previous = signal.signal(signal.SIGTERM, _on_sigterm)
    try:
        summary = run(settings)
    except KeyboardInterrupt:
        print("docketflow: interrupted; the output folder keeps its previous complete contents", file=sys.stderr)
        return _interrupted_code()
    except (StateDamaged, StateLocked) as exc:  # found on opening the state: the message says what to do
        print(f"docketflow: cannot proceed: {terminal_safe(str(exc))}", file=sys.stderr)
        return 1
    except sqlite3.DatabaseError as exc:  # locked past the timeout, or damaged, while the run used it
        print(f"docketflow: cannot proceed: {terminal_safe(explain(settings.out / STATE_FILE, exc))}",
              file=sys.stderr)
        return 1
    except CannotRun as exc:  # found once the run started (a Dask cluster that cannot keep the limits)
        print(f"docketflow: {terminal_safe(str(exc))}", file=sys.stderr)
        return 2
    except OSError as exc:  # an output folder that cannot be made or written: one line naming --out
        log.debug("run failed", exc_info=True)
        problem = _out_problem(exc, settings.out)
        message = problem or f"cannot proceed: {type(exc).__name__}: {' '.join(str(exc).split())}"
        print(f"docketflow: {terminal_safe(message)}", file=sys.stderr)
        return 1
    except Exception as exc:  # the run itself failed (broken install): one line, no trace
        log.debug("run failed", exc_info=True)
        message = terminal_safe(" ".join(str(exc).split()))
        print(f"docketflow: cannot proceed: {type(exc).__name__}: {message}", file=sys.stderr)
        return 1
    finally:
        signal.signal(signal.SIGTERM, previous)
        stop_resource_tracker()  # the workers are gone: nothing of the run outlives the command
    failures = summary.failures_line(out)
    if summary.interrupted:
        how = "terminated (SIGTERM)" if _terminated else "interrupted"
        print(summary.line(out) + f" [{how}: the finished inputs are published; run again to finish]")
        return _interrupted_code()
    print(summary.line(out))
    if failures:
        print(failures)
    if export_to:
        return _export_tables(settings.out, export_to, None)
    return 0


def _serve(args: argparse.Namespace) -> int:
    if not import_prefect_quietly():  # Prefect is an extra: a scheduled deployment is what needs it
        print("docketflow: serve needs Prefect, which is not installed here: pip install 'docketflow[prefect]'",
              file=sys.stderr)
        return 2
    from docketflow.pipeline.deploy import serve

    settings = _prepared(args)
    if isinstance(settings, int):
        return settings
    serve(settings, interval_s=args.interval, name=args.name)
    return 0


def _schema(args: argparse.Namespace) -> int:
    schemas = json_schemas()
    if args.out:
        from docketflow.pipeline.output import write_schemas

        write_schemas(args.out)
        print(f"wrote {len(schemas)} schemas to {args.out}")
    else:
        try:
            print(json.dumps(schemas, indent=2))
            sys.stdout.flush()
        except BrokenPipeError:  # `docketflow schema | head`: the reader has all it wanted
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # no second error at exit
    return 0


def _report(args: argparse.Namespace) -> int:
    from docketflow.pipeline.report import write_report

    try:
        stats = write_report(args.output_dir, args.html)
    except (OSError, ValueError) as exc:  # not an output folder, unreadable or malformed file: one line, no trace
        message = terminal_safe(" ".join(str(exc).split()))
        print(f"docketflow: cannot write report: {type(exc).__name__}: {message}", file=sys.stderr)
        return 1
    print(f"wrote {stats.path} ({stats.bytes / 1e6:.1f} MB, {plural(stats.counts.documents, 'document')}, "
          f"{plural(stats.counts.texts_shown, 'text')}) in {stats.seconds:.1f} s")
    return 0


def _brief(args: argparse.Namespace) -> int:
    """`docketflow brief`: 0 with one line saying what was written; 2, with nothing written, for a folder no run
    published, an --about naming no agency or a --since that is no date; 1 when the files cannot be written."""
    from docketflow.pipeline.brief import BadDate, UnknownAgency, write_brief
    from docketflow.pipeline.reader import NotPublished

    try:
        done = write_brief(args.output_dir, args.about, args.since)
    except (BadDate, UnknownAgency, NotPublished, FileNotFoundError, ValueError) as exc:
        print(f"docketflow: cannot write brief: {terminal_safe(' '.join(str(exc).split()))}", file=sys.stderr)
        return 2
    except OSError as exc:
        message = terminal_safe(" ".join(str(exc).split()))
        print(f"docketflow: cannot write brief: {type(exc).__name__}: {message}", file=sys.stderr)
        return 1
    brief = done.brief
    review = f"; wrote the review page {done.review}" if done.review_written else ""
    print(terminal_safe(f"wrote {done.markdown} and {done.html} ({plural(len(brief.agreements), 'agreement')}, "
                        f"{plural(len(brief.decisions), 'decision')}, {plural(len(brief.citations), 'citation')})"
                        f"{review} in {done.seconds:.1f} s"))
    return 0


def _export_tables(output_dir: Path, to: str, dest: Path | None) -> int:
    """`docketflow export`: 0 with one line saying what was written, else 2 (bad folder, missing extra) or 1."""
    from docketflow.pipeline.tables import MissingExtra, NotAnOutput, export

    try:
        done = export(output_dir, to, dest)  # type: ignore[arg-type]
    except MissingExtra as exc:
        print(f"docketflow: {exc}", file=sys.stderr)
        return 2
    except NotAnOutput as exc:
        print(f"docketflow: cannot export: {terminal_safe(str(exc))}", file=sys.stderr)
        return 2
    except (OSError, ValueError) as exc:
        message = terminal_safe(" ".join(str(exc).split()))
        print(f"docketflow: cannot export: {type(exc).__name__}: {message}", file=sys.stderr)
        return 1
    views = f" and {len(done.views)} views" if done.views else ""
    print(f"wrote {len(done.rows)} tables{views} ({sum(done.rows.values())} rows) as {to} to "
          f"{terminal_safe(str(done.dest))}")
    return 0


def _subparser(parser: argparse.ArgumentParser, command: str) -> argparse.ArgumentParser:
    """The parser of one subcommand (the whole parser when there is none of that name)."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return action.choices.get(command, parser)
    return parser


def _out_problem(exc: OSError, out: Path) -> str | None:
    """One line naming --out when `exc` is about the output folder (or a folder on the way to it)."""
    target = out.absolute()
    for name in (exc.filename, exc.filename2):
        if name is None or isinstance(name, int):
            continue
        path = Path(os.fsdecode(name)).absolute()
        if path == target or target in path.parents or path in target.parents:
            reason = exc.strerror or type(exc).__name__
            return (f"--out {out}: cannot write the output folder there ({reason}: {os.fsdecode(name)}); "
                    "choose another --out")
    return None


def main(argv: list[str] | None = None) -> int:
    """Entry point of the `docketflow` console script."""
    parser = _parser()
    args, unknown = parser.parse_known_args(argv)
    if unknown:  # `run --bogus`: the usage of `run`, not of the whole command
        _subparser(parser, args.command).error(f"unrecognized arguments: {' '.join(unknown)}")
    if args.command in ("run", "serve"):
        _configure_logging(args.log_level, args.quiet)
        return _run(args) if args.command == "run" else _serve(args)
    if args.command == "report":
        return _report(args)
    if args.command == "brief":
        return _brief(args)
    if args.command == "export":
        return _export_tables(args.output_dir, args.to, args.dest)
    return _schema(args)


if __name__ == "__main__":
    sys.exit(main())
