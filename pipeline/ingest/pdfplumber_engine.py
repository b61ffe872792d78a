"""The pdfplumber engine: slower than PDFium, kept as an alternative (`pdf_engine="pdfplumber"`).

Margins are cropped by coordinates with the same decision as the PDFium path (`margins`), and
every page is closed after use: pdfplumber caches layout objects per page and, unclosed, grew
a 708-page PDF to 2.3 GB.
"""

from __future__ import annotations

import io

import pdfplumber
from docketflow.pipeline.ingest.errors import IngestError
from docketflow.pipeline.ingest.margins import Box, body_regions
from docketflow.pipeline.ingest.pagetext import lacks_text
from docketflow.pipeline.ingest.pdfium import SCAN_IMAGE_SHARE, RawPage
from pdfminer.pdfdocument import PDFPasswordIncorrect
from pdfminer.psexceptions import PSException
from pdfplumber.utils.exceptions import PdfminerException


def _boxes(page: pdfplumber.page.Page) -> dict[Box, str]:
    """Upright words as y-up boxes with their text, plus sideways characters grouped per page half."""
    height = float(page.height)
    boxes = {
        Box(w["x0"], w["x1"], height - w["bottom"], height - w["top"]): w["text"]
        for w in page.extract_words(extra_attrs=["upright"])
        if w["upright"]
    }
    sideways = [c for c in page.chars if not c["upright"]]
    for chars in (
        [c for c in sideways if c["x1"] <= page.width / 2],
        [c for c in sideways if c["x1"] > page.width / 2],
    ):
        if chars:
            box = Box(
                min(c["x0"] for c in chars),
                max(c["x1"] for c in chars),
                height - max(c["bottom"] for c in chars),
                height - min(c["top"] for c in chars),
            )
            boxes[box] = ""
    return boxes


def _body_text(page: pdfplumber.page.Page) -> str:
    """Text of the page body regions, top to bottom (pdfplumber crops in top-down coordinates)."""
    height = float(page.height)
    boxes = _boxes(page)
    regions = body_regions(list(boxes), float(page.width), height, lambda box: boxes.get(box, ""))
    if len(regions) == 1:
        return page.extract_text() or ""
    crops = (page.crop((r.x0, height - r.y1, r.x1, height - r.y0)) for r in regions)
    return "\n".join(crop.extract_text() or "" for crop in crops)


def _scanned(page: pdfplumber.page.Page) -> bool:
    area = SCAN_IMAGE_SHARE * page.width * page.height
    return any((img["x1"] - img["x0"]) * (img["bottom"] - img["top"]) >= area for img in page.images)


def pdfplumber_pages(data: bytes, path: str) -> list[RawPage]:
    """Body text of every page via pdfplumber."""
    try:
        pdf = pdfplumber.open(io.BytesIO(data))
    except PdfminerException as exc:
        cause = exc.args[0] if exc.args else exc
        if isinstance(cause, PDFPasswordIncorrect):
            raise IngestError("encrypted", f"{path}: PDF is password-protected") from exc
        raise IngestError("corrupt", f"{path}: PDF cannot be opened ({cause})") from exc
    pages = []
    with pdf:
        try:
            for page in pdf.pages:
                try:
                    text = _body_text(page)
                    pages.append(RawPage(text, lacks_text(text) and _scanned(page)))
                finally:
                    page.close()
        except (PdfminerException, PSException, ValueError, KeyError, TypeError) as exc:
            raise IngestError("corrupt", f"{path}: PDF page cannot be read ({exc})") from exc
    return pages
