"""OCR of PDF pages without a usable text layer: PDFium renders the page, Tesseract reads it.

Why this route: the pipeline needs page text, not a searchable PDF. `ocrmypdf` would rebuild the
whole PDF (through pikepdf and Ghostscript) only for us to extract the text again, and
`pytesseract` is a thin wrapper that writes every image and result to temporary files. Calling
the `tesseract` binary directly, image on stdin and TSV on stdout, needs no Python package and
no temp files, and gives a per-page timeout. The TSV carries every line's box, so margin matter
(pleading-paper line numbers, sideways legends) is dropped by position as on text layers;
stamps, page numbers and running headers are removed later by `pdf.assemble` as for any page.

Measured on the 14 scanned/garbled corpus pages (2 cores, busy machine): rendering at 300 dpi
takes 0.15 s a page; Tesseract took 4-18 s a page with its default OpenMP threading but 1.3-4.8 s
(mean 2.7 s) with one thread, because OpenMP threads spin against each other on a loaded
machine and the flow already runs documents in parallel processes: each call gets
`OMP_THREAD_LIMIT=1`. `tessedit_do_invert=0` skips a second pass for white-on-black text, which
court filings do not have (5.3 -> 4.0 s on the densest page).
"""

from __future__ import annotations

import ctypes
import io
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from docketflow.extractors.ecf import split_stamps
from docketflow.pipeline.ingest.margins import Box
from docketflow.pipeline.ingest.pagetext import split_lines
from docketflow.pipeline.ingest.pdfium import PDFIUM_LOCK, RawPage, open_pdfium
from PIL import Image

DPI = 300
"""Tesseract's accuracy drops noticeably below 300 dpi on 10-12 pt court typefaces."""
MAX_PIXELS = 4200
"""Longest rendered side: 14 in at 300 dpi (legal paper); oversized pages are rendered smaller."""
PROSE_CHARS = 30
"""A line this long is body text; margin matter (line numbers, logos, legends) is shorter."""
PROSE_ASPECT = 5
"""...and body text runs across the page: a column of line numbers read as one "line" is tall."""
STAMP_SLACK = 3.0
"""Points an OCR line's centre may lie above or below a text-layer stamp and still be that stamp."""
PAGE_TIMEOUT = 120
"""Seconds one page may take; the slowest corpus page took under 5 s single-threaded."""
PR_SET_PDEATHSIG = 1
"""prctl(2) option: the signal a process gets when its parent dies."""
UNAVAILABLE = "OCR unavailable: tesseract not installed"
_TESSERACT_OPTIONS = ("-l", "eng", "--psm", "3", "-c", "tessedit_do_invert=0")


class OcrError(Exception):
    """Tesseract could not read one page (non-zero exit, timeout)."""


BLANK_SCALE = 1.0
"""Pixels per point of the look that tells a blank page (72 dpi: a line of body text still shows)."""
INK_LEVEL = 160
"""Grey levels below this are ink; paper, scanner noise and JPEG haze are lighter."""
BLANK_INK_PIXELS = 20
"""A page with fewer ink pixels than this at 72 dpi is blank: nothing for Tesseract to read."""


@dataclass
class _Rendered:
    """One page image, its pixels per PDF point, and where the text layer's stamps sit on it (points, y up);
    `image` is None for a blank page, which is not worth Tesseract's seconds."""

    number: int
    image: Image.Image | None
    scale: float
    stamp_boxes: list[Box]


@dataclass
class OcrResult:
    """Pages replaced by their OCR text, and what to tell the user about it."""

    pages: list[RawPage]
    warnings: list[str]


def tesseract_binary() -> str | None:
    """Path of the `tesseract` executable, None when it is not installed."""
    return shutil.which("tesseract")


@lru_cache(maxsize=4)
def tesseract_version(binary: str) -> str:
    """The version ("5.3.0") `tesseract --version` prints: named in the warning, so a run says how its text was made."""
    try:
        out = subprocess.run([binary, "--version"], capture_output=True, text=True, timeout=30, check=False)
    except (OSError, subprocess.SubprocessError):
        return "(unknown version)"
    words = (out.stdout or out.stderr).split()
    return words[1] if len(words) > 1 and words[0] == "tesseract" else "(unknown version)"


def _stamp_boxes(page: pdfium.PdfPage, stamps: list[str]) -> list[Box]:
    """Where the text layer prints `stamps` on an unrotated page (call under the PDFium lock).

    CM/ECF stamps a scanned filing with text over the image, often over the older stamp of the
    scanned paper: OCR reads the two as one garbled line, while the text layer has it exactly.
    """
    if not stamps or page.get_rotation():
        return []
    boxes = []
    textpage = page.get_textpage()
    try:
        for stamp in stamps:
            searcher = textpage.search(stamp, match_case=True)
            try:
                found = searcher.get_next()
            finally:
                searcher.close()
            if found:
                for i in range(textpage.count_rects(*found)):
                    left, bottom, right, top = textpage.get_rect(i)
                    boxes.append(Box(left, right, bottom, top))
    finally:
        textpage.close()
    return boxes


def _page_images(data: bytes, path: str, stamps: dict[int, list[str]]) -> Iterator[_Rendered]:
    """Grey-scale images of the pages numbered in `stamps` (1-based, with their text-layer stamps), one at a time.

    The lock is held only while PDFium works, not while Tesseract reads, so other threads can
    extract text meanwhile; the image is copied out of PDFium's bitmap so that the bitmap is
    freed under the lock (its buffer is PDFium memory).
    """
    with PDFIUM_LOCK:
        pdf = open_pdfium(data, path)
    try:
        for number, page_stamps in stamps.items():
            with PDFIUM_LOCK:
                page = pdf[number - 1]
                try:
                    if _is_blank(page):
                        yield _Rendered(number, None, 1.0, [])
                        continue
                    width, height = page.get_size()
                    scale = min(DPI / 72, MAX_PIXELS / max(width, height, 1))
                    bitmap = page.render(scale=scale, grayscale=True)
                    image = bitmap.to_pil().copy()
                    bitmap.close()
                    boxes = _stamp_boxes(page, page_stamps)
                finally:
                    page.close()
            yield _Rendered(number, image, scale, boxes)
    finally:
        with PDFIUM_LOCK:
            pdf.close()


def _is_blank(page: pdfium.PdfPage) -> bool:
    """True when the page draws nothing, or nothing dark enough to be text at 72 dpi (call under the lock).

    A blank page costs Tesseract about as long as a page of text; this look costs a small fraction of the
    300 dpi rendering, so a PDF of blank pages no longer takes seconds a page.
    """
    if pdfium_c.FPDFPage_CountObjects(page.raw) == 0:
        return True
    bitmap = page.render(scale=BLANK_SCALE, grayscale=True)
    try:
        histogram = bitmap.to_pil().histogram()
    finally:
        bitmap.close()
    return sum(histogram[:INK_LEVEL]) < BLANK_INK_PIXELS


@lru_cache(maxsize=1)
def _child_setup() -> Callable[[], None] | None:
    """What Tesseract runs before `exec` on Linux: ask for SIGKILL when the process that started it dies,
    so a killed worker never leaves a Tesseract behind. libc is looked up here, in the parent: the child
    only makes the call."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        prctl = ctypes.CDLL(None, use_errno=True).prctl
    except (OSError, AttributeError):
        return None
    return lambda: prctl(PR_SET_PDEATHSIG, signal.SIGKILL)


def _run_tesseract(binary: str, image: Image.Image, dpi: int, timeout: float = PAGE_TIMEOUT) -> str:
    """Tesseract's TSV for `image`; raises OcrError on failure or after `timeout` seconds."""
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    try:
        done = subprocess.run(
            [binary, "stdin", "stdout", *_TESSERACT_OPTIONS, "--dpi", str(dpi), "tsv"],
            input=buffer.getvalue(),
            capture_output=True,
            timeout=timeout,
            env=env,
            check=False,
            preexec_fn=_child_setup(),
        )
    except subprocess.TimeoutExpired as exc:
        raise OcrError(f"timed out after {timeout:g} s") from exc
    except OSError as exc:
        raise OcrError(str(exc)) from exc
    if done.returncode != 0:
        message = " ".join(done.stderr.decode("utf-8", "replace").split())[:200]
        raise OcrError(f"tesseract exited {done.returncode}: {message}")
    return done.stdout.decode("utf-8", "replace")


@dataclass
class _Line:
    """One line Tesseract found: its box in PDF points, its layout block, its words."""

    box: Box
    block: int
    words: list[str]


def _lines(tsv: str, image_height: int, scale: float) -> list[_Line]:
    """Tesseract's text lines in reading order, boxes scaled by `scale` to PDF points (y up) like text-layer boxes."""
    lines: dict[tuple[int, int, int], _Line] = {}
    for row in tsv.splitlines()[1:]:
        cells = row.split("\t")
        if len(cells) != 12 or cells[0] not in ("4", "5"):
            continue
        key = (int(cells[2]), int(cells[3]), int(cells[4]))
        if cells[0] == "4":
            left, top, width, height = (int(v) * scale for v in cells[6:10])
            bottom = image_height * scale
            lines[key] = _Line(Box(left, left + width, bottom - top - height, bottom - top), key[0], [])
        elif cells[11].strip() and key in lines:
            lines[key].words.append(cells[11].strip())
    return [line for line in lines.values() if line.words]


def _on_stamp(box: Box, stamp_boxes: Sequence[Box]) -> bool:
    """True when an OCR line lies on a text-layer stamp (its centre at the stamp's height, overlapping it)."""
    middle = (box.y0 + box.y1) / 2
    return any(
        s.y0 - STAMP_SLACK <= middle <= s.y1 + STAMP_SLACK and box.x0 < s.x1 and s.x0 < box.x1 for s in stamp_boxes
    )


def _outside_body(lines: list[_Line]) -> set[int]:
    """Indexes of lines wholly left or right of every prose line: margin line numbers, firm logos, legends.

    The text-layer test (`margins.body_regions`) needs a column of clean, ascending numbers, but
    OCR reads a column of line numbers as scattered digits or as one sideways line of junk
    ("o CO SD DH"), even as a long line; where they sit is the dependable sign. Without prose lines
    nothing is dropped.
    """
    prose = [
        line.box
        for line in lines
        if len(" ".join(line.words)) >= PROSE_CHARS and line.box.x1 - line.box.x0 > PROSE_ASPECT * line.box.height
    ]
    if not prose:
        return set()
    left, right = min(box.x0 for box in prose), max(box.x1 for box in prose)
    return {i for i, line in enumerate(lines) if line.box.x1 <= left or line.box.x0 >= right}


def page_text(tsv: str, height: int, scale: float, stamp_boxes: Sequence[Box] = ()) -> str:
    """The page body from Tesseract's TSV: margin and stamp lines dropped, a blank line between layout blocks.

    Lines are kept in Tesseract's reading order (its block analysis separates caption columns
    better than sorting by position would). `height` is the image's height in pixels, `scale`
    its pixels per PDF point; lines over `stamp_boxes` are dropped (the caller has those stamps
    from the text layer).
    """
    lines = [line for line in _lines(tsv, height, 1 / scale) if not _on_stamp(line.box, stamp_boxes)]
    margin = _outside_body(lines)
    out: list[str] = []
    block = None
    for i, line in enumerate(lines):
        if i in margin:
            continue
        if block is not None and line.block != block:
            out.append("")
        out.append(" ".join(line.words))
        block = line.block
    return "\n".join(out)


def _stamp_lines(raw: str) -> list[str]:
    """The CM/ECF stamps of a page's text layer: exact where OCR of the same stamp is not."""
    _, stamps = split_stamps(split_lines(raw))
    return [stamp.line for stamp in stamps]


def _numbers(pages: list[int]) -> str:
    return ", ".join(str(n) for n in pages[:20]) + (", ..." if len(pages) > 20 else "")


def recognize(binary: str, data: bytes, path: str, raw_pages: list[RawPage], numbers: list[int],
              budget_s: float | None = None) -> OcrResult:
    """`raw_pages` with pages `numbers` (1-based) replaced by their OCR text, and a summary warning.

    Never raises for OCR trouble: a page that fails keeps its text layer and gets its own
    warning. The page's text-layer stamps are kept ahead of the OCR text. Blank pages are not sent
    to Tesseract; once `budget_s` seconds are spent, the remaining pages keep their text layer and one
    `ocr_budget` warning names them.
    """
    pages = list(raw_pages)
    warnings: list[str] = []
    done: list[int] = []
    empty: list[int] = []
    stamps = {number: _stamp_lines(raw_pages[number - 1].text) for number in numbers}
    deadline = None if budget_s is None else time.monotonic() + budget_s
    for page in _page_images(data, path, stamps):
        left = PAGE_TIMEOUT if deadline is None else min(PAGE_TIMEOUT, deadline - time.monotonic())
        if left <= 0:
            unread = [n for n in numbers if n >= page.number]
            warnings.append(f"ocr_budget: OCR stopped after {budget_s:g} s; {len(unread)} pages not recognized "
                            f"(pages {_numbers(unread)})")
            break
        if page.image is None:
            tsv, height = "", 1
        else:
            try:
                tsv = _run_tesseract(binary, page.image, round(page.scale * 72), left)
            except OcrError as exc:
                warnings.append(f"ocr_failed: page {page.number}: {exc}")
                continue
            height = page.image.height
        text = page_text(tsv, height, page.scale, page.stamp_boxes)
        pages[page.number - 1] = RawPage("\n".join([*stamps[page.number], text]), ocr=True)
        done.append(page.number)
        if not text.strip():
            empty.append(page.number)
    if done:
        which = "" if len(done) == len(raw_pages) else f" (pages {_numbers(done)})"
        blank = f"; no text found on pages {_numbers(empty)}" if empty else ""
        summary = f"ocr: {len(done)} of {len(raw_pages)} pages recognized with tesseract {tesseract_version(binary)}"
        warnings.insert(0, summary + which + blank)
    return OcrResult(pages, warnings)
