"""What a finished run amounts to: counts and timings behind `run.json`, the closing lines and the artifact;
and how a name from an input is shown on a terminal or in a log line (control characters escaped)."""

from __future__ import annotations

import logging
import os
import re
from dataclasses import dataclass, field

_UNSHOWABLE = ("[\x00-\x1f\x7f-\x9f\ud800-\udfff\u061c\u200e\u200f\u2028\u2029\u202a-\u202e"
               "\u2066-\u2069]")
"""Characters a terminal acts on instead of showing: C0 (ESC starts every escape sequence), DEL, C1 (CSI,
OSC as one character), bidirectional overrides that reorder what follows, line and paragraph separators;
and lone surrogates, which cannot be written at all."""


def _escaped(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def terminal_safe(text: str) -> str:
    """`text` (a file name, a message naming one) with every character a terminal would act on spelled like
    Python's repr does (`\\x1b`, `\\x07`, `\\u202e`): an input folder cannot set the terminal's title,
    clear the screen or hide text."""
    return re.sub(_UNSHOWABLE, _escaped, text)


class TerminalSafe(logging.Filter):
    """Escapes the control characters of a log record's message (and traceback), whoever handles it."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # arguments that do not fit the format: the handler reports it
            return True
        safe = terminal_safe(message)
        if safe != message:
            record.msg, record.args = safe, None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = "\n".join(terminal_safe(line) for line in record.exc_text.split("\n"))
        return True


def escape_log_lines(logger: logging.Logger) -> None:
    """Install TerminalSafe on `logger` (once): every record logged through it is shown escaped."""
    if not any(isinstance(f, TerminalSafe) for f in logger.filters):
        logger.addFilter(TerminalSafe())


def plural(count: int, word: str, many: str | None = None) -> str:
    """`count` and `word`, in the plural unless there is exactly one: "1 document", "2 documents", "0 errors"."""
    return f"{count} {word if count == 1 else many or word + 's'}"


@dataclass
class RunSummary:
    """Counts and timings of a finished run; the base of `run.json` and of the closing line."""

    documents: int = 0
    errors: int = 0
    warnings: int = 0
    holdings: int = 0
    agreements: int = 0
    cases: int = 0
    processed: int = 0
    """Inputs read in this run (new or changed, or all with --force)."""
    skipped: int = 0
    """Inputs already processed by this extractor version and unchanged."""
    pages: int = 0
    seconds: float = 0.0
    stage_seconds: dict[str, float] = field(default_factory=dict)
    orchestration: str = "off"
    interrupted: bool = False
    """Ctrl-C: the batches finished before it are saved and published; the rest is done by the next run."""
    failed: list[tuple[str, str]] = field(default_factory=list)
    """(path, error code) of the first failed inputs in errors.jsonl, for the closing summary."""

    @property
    def pages_per_second(self) -> float:
        return self.pages / self.seconds if self.seconds else 0.0

    def add_time(self, stage: str, seconds: float) -> None:
        self.stage_seconds[stage] = self.stage_seconds.get(stage, 0.0) + seconds

    def line(self, out: str) -> str:
        out = terminal_safe(out)
        return (f"docketflow: {plural(self.documents, 'document')} ({self.processed} processed, {self.skipped} "
                f"unchanged), {plural(self.errors, 'error')}, {self.warnings} with warnings, "
                f"{plural(self.pages, 'page')} in {self.seconds:.1f} s ({self.pages_per_second:.1f} pages/s); "
                f"output in {out}")

    def failures_line(self, out: str) -> str | None:
        """Which inputs failed: the first few by name, and where all of them are."""
        if not self.errors:
            return None
        shown = ", ".join(f"{terminal_safe(path)} ({terminal_safe(code)})" for path, code in self.failed)
        more = f" and {self.errors - len(self.failed)} more" if self.errors > len(self.failed) else ""
        where = terminal_safe(os.path.join(out, "errors.jsonl"))
        every = f"all {self.errors}" if self.errors > 1 else "details"
        return f"docketflow: failed: {shown}{more}; {every} in {where}"
