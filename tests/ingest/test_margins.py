"""The margin decision depends on the side-margin boxes alone, which lets the PDFium engine read the others
only for pages with something to cut (`pdf._pdfium_body`)."""

from __future__ import annotations

from docketflow.pipeline.ingest.margins import Box, Region, body_regions, cut_regions, margin_cut, side_margins
from hypothesis import given
from hypothesis import strategies as st

WIDTH, HEIGHT = 612.0, 792.0
LINE = 24.0


def _number_of(box: Box) -> str:
    """A pleading-paper label: line numbers counting down the page, as a text layer would read them."""
    return str(int((HEIGHT - box.y1) // LINE) + 1)


def _number_column(lines: int, right: float) -> list[Box]:
    return [Box(right - 10, right, HEIGHT - LINE * (n + 1), HEIGHT - LINE * n - 12) for n in range(lines)]


_coordinate = st.floats(0, WIDTH, allow_nan=False)
_box = st.builds(
    lambda x0, w, y0, h: Box(x0, x0 + w, y0, y0 + h),
    _coordinate,
    st.floats(0, 400, allow_nan=False),
    st.floats(0, HEIGHT, allow_nan=False),
    st.floats(0, 120, allow_nan=False),
)
_page = st.builds(
    lambda body, lines, right: body + _number_column(lines, right),
    st.lists(_box, max_size=40),
    st.integers(0, 28),
    st.floats(20, 130, allow_nan=False),
)


def _in_side_margin(box: Box) -> bool:
    left, right = side_margins(WIDTH)
    return box.x1 <= left or box.x0 >= right


@given(_page)
def test_the_cut_is_decided_by_the_side_margin_boxes_alone(boxes: list[Box]) -> None:
    candidates = [box for box in boxes if _in_side_margin(box)]
    cut = margin_cut(candidates, WIDTH, _number_of)
    assert cut == margin_cut(boxes, WIDTH, _number_of)
    regions = body_regions(boxes, WIDTH, HEIGHT, _number_of)
    whole = [Region(0.0, 0.0, WIDTH, HEIGHT)]
    assert regions == (whole if cut is None else cut_regions(cut, boxes, WIDTH, HEIGHT))


def test_a_line_number_column_is_cut_and_body_text_kept() -> None:
    body = [Box(150.0, 560.0, HEIGHT - LINE * (n + 1), HEIGHT - LINE * n - 12) for n in range(20)]
    regions = body_regions(body + _number_column(20, 100.0), WIDTH, HEIGHT, _number_of)
    assert [r.x0 for r in regions if r.x0 > 0] == [100.5]
