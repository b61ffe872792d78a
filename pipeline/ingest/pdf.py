"""Page-aware text of a PDF, with pleading-paper line numbers, margin legends, CM/ECF stamps,
page numbers and running headers removed from the body.

pypdfium2 is the default engine (about 45x faster than pdfplumber here); `pdfplumber` is kept
as an alternative (see `pdfplumber_engine`). PDFium is not thread-safe, so every call into it
happens under one module-level lock, and every page and text page is closed as soon as it has
been read (PDFium memory is outside Python's garbage collector).

Pages without a usable text layer can be read by OCR (`ocr`): "auto" recognises exactly those
pages, "force" every page, "off" only warns (`needs_ocr`). OCR text goes through the same
cleanup as a text layer, so page offsets, stamps and page numbers are handled alike.
"""

from __future__ import annotations

import ctypes
import math
from dataclasses import dataclass, field

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from docketflow.extractors.ecf import EcfStamp, document_stamp
from docketflow.pipeline.ingest.errors import IngestError
from docketflow.pipeline.ingest.margins import Box, cut_regions, margin_cut, side_margins
from docketflow.pipeline.ingest.pagetext import (
    clean_page,
    drop_page_number,
    drop_running_lines,
    finish_page,
    join_pages,
    lacks_text,
    text_problem,
)
from docketflow.pipeline.ingest.pdfium import PDFIUM_LOCK, SCAN_IMAGE_SHARE, RawPage, open_pdfium

ENGINES = ("auto", "pypdfium2", "pdfplumber")
OCR_MODES = ("auto", "off", "force")


@dataclass
class PdfText:
    """The cleaned, joined text of a PDF and what its pages said about it."""

    text: str
    page_starts: list[int]
    pages: int
    stamp: EcfStamp | None
    warnings: list[str] = field(default_factory=list)
    unreadable: list[int] = field(default_factory=list)
    """1-based numbers of the pages without a usable text layer (the ones OCR should read)."""


def _page_has_scan(page: pdfium.PdfPage) -> bool:
    """True when an image covers most of the page (only asked for pages without usable text)."""
    width, height = page.get_size()
    for obj in page.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_IMAGE,), max_depth=2):
        left, bottom, right, top = obj.get_bounds()
        if (right - left) * (top - bottom) >= SCAN_IMAGE_SHARE * width * height:
            return True
    return False


_GET_RECT = ctypes.CFUNCTYPE(ctypes.c_int, *[ctypes.c_void_p] * 6)(
    ctypes.cast(pdfium_c.FPDFText_GetRect, ctypes.c_void_p).value
)
"""FPDFText_GetRect(text_page, index, &left, &top, &right, &bottom) taking plain addresses: the binding's typed
pointer arguments are checked on every call, which cost as much as the call itself over a page's hundreds of runs."""


def _text_boxes(textpage: pdfium.PdfTextPage, margins_of: float | None = None) -> list[Box]:
    """The page's text-run rectangles; with `margins_of` (the page width), only those in a side margin.

    Reading the rectangles is most of what margin detection costs, and building a box for each of a
    page's hundreds of runs was a large share of that, so the first look builds only the margin
    candidates (about one run in eight on the corpus).
    """
    raw = ctypes.cast(textpage.raw, ctypes.c_void_p).value
    left, bottom, right, top = (ctypes.c_double() for _ in range(4))
    addresses = [ctypes.addressof(value) for value in (left, top, right, bottom)]
    margin_left, margin_right = side_margins(margins_of) if margins_of is not None else (math.inf, -math.inf)
    boxes = []
    for i in range(pdfium_c.FPDFText_CountRects(textpage.raw, 0, -1)):
        if _GET_RECT(raw, i, *addresses) and (right.value <= margin_left or left.value >= margin_right):
            boxes.append(Box(left.value, right.value, bottom.value, top.value))
    return boxes


def _pdfium_body(page: pdfium.PdfPage, textpage: pdfium.PdfTextPage) -> str:
    """Text of the page body; margins are cropped on unrotated pages only (the crop is in page space).

    Margin items are looked for among the margin runs alone; all runs are read only for a page that has
    some, to find where the crop may run without cutting through body text.
    """
    if page.get_rotation() or textpage.count_chars() == 0:
        return textpage.get_text_range()
    width, height = page.get_size()
    cut = margin_cut(_text_boxes(textpage, width), width,
                     lambda box: textpage.get_text_bounded(box.x0, box.y0, box.x1, box.y1))
    if cut is None:
        return textpage.get_text_range()
    regions = cut_regions(cut, _text_boxes(textpage), width, height)
    if len(regions) == 1:
        return textpage.get_text_range()
    return "\n".join(textpage.get_text_bounded(r.x0, r.y0, r.x1, r.y1) for r in regions)


def pdfium_pages(data: bytes, path: str) -> list[RawPage]:
    """Body text of every page via PDFium."""
    with PDFIUM_LOCK:
        pdf = open_pdfium(data, path)
        try:
            pages = []
            for index in range(len(pdf)):
                page = pdf[index]
                try:
                    textpage = page.get_textpage()
                    try:
                        text = _pdfium_body(page, textpage)
                    finally:
                        textpage.close()
                    pages.append(RawPage(text, lacks_text(text) and _page_has_scan(page)))
                finally:
                    page.close()
            return pages
        except pdfium.PdfiumError as exc:
            raise IngestError("corrupt", f"{path}: PDF page cannot be read ({exc})") from exc
        finally:
            pdf.close()


def _ocr_warning(problems: dict[int, str], page_count: int) -> str:
    """One `needs_ocr` line naming the pages (1-based) and why."""
    numbers = ", ".join(str(n) for n in sorted(problems)[:20]) + (", ..." if len(problems) > 20 else "")
    reasons = " / ".join(sorted({"garbage text" if p == "garbage" else "no text layer" for p in problems.values()}))
    return f"needs_ocr: {len(problems)} of {page_count} pages have no usable text layer ({reasons}; pages {numbers})"


def assemble(raw_pages: list[RawPage]) -> PdfText:
    """Clean the engine's page texts into one document text, and judge which pages need OCR.

    A page is unusable when its text (stamps removed) is garbage, or when it has no text and a
    page-size image behind it. A document whose every page is blank also gets the warning: an
    empty text must never pass silently. Garbage pages contribute no text (it would only feed
    nonsense to the extractors); the few words on a scanned page (a typed date) are kept.
    OCR'd pages are never judged: their text is the best there is, and a blank scan stays blank.
    """
    pages = [clean_page(raw.text) for raw in raw_pages]
    drop_running_lines(pages)
    for number, page in enumerate(pages, start=1):
        drop_page_number(page, number)
    texts = [finish_page(page.lines) for page in pages]
    verdicts = [None if raw.ocr else text_problem(text) for raw, text in zip(raw_pages, texts, strict=True)]
    problems: dict[int, str] = {}
    for number, (raw, problem) in enumerate(zip(raw_pages, verdicts, strict=True), start=1):
        if problem == "garbage" or (problem == "no_text" and raw.scanned):
            problems[number] = problem
    # a page that passed (or was OCR'd) has letters enough for the whole text: only a document without one
    # is judged again as a whole (each judgement counts every character)
    if raw_pages and not problems and None not in verdicts and text_problem("\n".join(texts)) == "no_text":
        problems = dict.fromkeys(range(1, len(raw_pages) + 1), "no_text")
    texts = ["" if problems.get(number) == "garbage" else text for number, text in enumerate(texts, start=1)]
    text, starts = join_pages(texts)
    first_stamped = next((page.stamps for page in pages if page.stamps), [])
    warnings = [_ocr_warning(problems, len(raw_pages))] if problems else []
    return PdfText(text, starts, len(raw_pages), document_stamp(first_stamped), warnings, sorted(problems))


def _with_ocr(data: bytes, path: str, raw_pages: list[RawPage], first: PdfText, mode: str,
              budget_s: float | None) -> PdfText:
    """`first` redone with OCR text for its unreadable pages ("auto") or for all pages ("force").

    Imported on use: OCR pulls in Pillow and a subprocess per page, which "off" runs never need
    (and `ocr` imports this module's lock).
    """
    from docketflow.pipeline.ingest.ocr import UNAVAILABLE, recognize, tesseract_binary

    numbers = list(range(1, len(raw_pages) + 1)) if mode == "force" else first.unreadable
    if not numbers:
        return first
    binary = tesseract_binary()
    if binary is None:
        first.warnings = [f"{w} ({UNAVAILABLE})" if w.startswith("needs_ocr") else w for w in first.warnings]
        if not first.unreadable:
            first.warnings.append(f"ocr: not done ({UNAVAILABLE})")
        return first
    result = recognize(binary, data, path, raw_pages, numbers, budget_s)
    if not any(page.ocr for page in result.pages):
        first.warnings += result.warnings
        return first
    redone = assemble(result.pages)
    # the needs_ocr line stays (the document did need OCR, and says which pages), marked as handled
    handled = [f"{w}; OCR applied" for w in first.warnings if w.startswith("needs_ocr")]
    redone.warnings = list(dict.fromkeys(handled + result.warnings + redone.warnings))
    return redone


def page_count(data: bytes, path: str) -> int:
    """Pages of a PDF, without reading any of them."""
    with PDFIUM_LOCK:
        pdf = open_pdfium(data, path)
        try:
            return len(pdf)
        finally:
            pdf.close()


def read_pdf(data: bytes, path: str, engine: str = "auto", ocr: str = "off", max_pages: int | None = None,
             ocr_budget_s: float | None = None) -> PdfText:
    """Extract and clean a PDF's text with `engine` ("auto" and "pypdfium2" are the same path), OCR per `ocr`
    within `ocr_budget_s` seconds (None: no limit but each page's own)."""
    if engine not in ENGINES:
        raise ValueError(f"unknown pdf engine {engine!r}; expected one of {', '.join(ENGINES)}")
    if ocr not in OCR_MODES:
        raise ValueError(f"unknown ocr mode {ocr!r}; expected one of {', '.join(OCR_MODES)}")
    if max_pages is not None and (pages := page_count(data, path)) > max_pages:
        raise IngestError("too_many_pages", f"{path}: {pages} pages, more than the limit of {max_pages}")
    if engine == "pdfplumber":
        from docketflow.pipeline.ingest.pdfplumber_engine import pdfplumber_pages

        raw_pages = pdfplumber_pages(data, path)
    else:
        raw_pages = pdfium_pages(data, path)
    text = assemble(raw_pages)
    return text if ocr == "off" else _with_ocr(data, path, raw_pages, text, ocr, ocr_budget_s)
