"""Where a page's body text begins and ends horizontally, from the boxes of its text runs.

Pleading paper numbers its lines 1-28 down the left margin, and some district courts (N.D. Cal.)
print the court's name sideways in the left margin. Both are text in the PDF and both would be
interleaved with the body. They are recognised by position and shape, not by content, so that
the same decision serves both PDF engines.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from typing import NamedTuple

MARGIN_SHARE = 0.22
"""Line numbers and margin legends lie in the outer 22% of the page width."""
MIN_LINE_NUMBERS = 5
NUMBER_MAX_WIDTH = 24.0
"""A line number ("28 ") is a narrow box; wider boxes are not asked for their text."""
MAX_LINE_NUMBER = 40
NUMBER_SAMPLES = 4
MAX_COLUMNS_TRIED = 3
"""The number column is among the largest aligned groups; trying all costs a lookup each."""
VERTICAL_MIN_HEIGHT = 40.0
"""Sideways text is a tall, narrow box; a lone "(" or "l" is narrow too, but short."""
GAP = 0.5


class Box(NamedTuple):
    """A text run's extent in PDF points, y growing upwards (a tuple: pages have hundreds of them)."""

    x0: float
    x1: float
    y0: float
    y1: float

    @property
    def height(self) -> float:
        return abs(self.y1 - self.y0)

    @property
    def vertical(self) -> bool:
        """True for text printed sideways (a margin legend)."""
        return self.height >= VERTICAL_MIN_HEIGHT and self.height > 3 * (self.x1 - self.x0)


def _line_number_column(boxes: list[Box], text_of: Callable[[Box], str]) -> tuple[float, list[Box]] | None:
    """Right edge and boxes of the line-number column among narrow left-margin boxes, if any.

    Line numbers are right-aligned, so a column is a group of boxes sharing their right edge
    (to the point); body lines are left-aligned, so the short words starting them rarely form
    one. A group is confirmed by the text of a few of its boxes (each lookup is an engine call
    that scans the page): integers that ascend down the page. A lone number starting a body
    line ("5 U.S.C.") can therefore never crop the body.
    """
    buckets: dict[int, list[Box]] = defaultdict(list)
    for box in boxes:
        buckets[round(box.x1)].append(box)
    groups = [[*buckets.get(k - 1, []), *buckets[k], *buckets.get(k + 1, [])] for k in list(buckets)]
    for column in sorted(groups, key=len, reverse=True)[:MAX_COLUMNS_TRIED]:
        if len({round(box.y0) for box in column}) < MIN_LINE_NUMBERS:
            break
        column.sort(key=lambda box: -box.y1)
        step = max(1, len(column) // (NUMBER_SAMPLES - 1))
        labels = [text_of(box).strip() for box in column[::step][:NUMBER_SAMPLES]]
        numbers = [int(label) for label in labels if label.isdigit()]
        if len(numbers) == len(labels) and numbers == sorted(set(numbers)) and numbers[-1] <= MAX_LINE_NUMBER:
            return max(box.x1 for box in column) + GAP, column
    return None


@dataclass(frozen=True)
class Region:
    """A rectangle of the page to take text from (y grows upwards, as in PDF space)."""

    x0: float
    y0: float
    x1: float
    y1: float


def _gap_above(y: float, boxes: list[Box]) -> float:
    """Lowest y >= `y` that cuts no box (engines return every character a rectangle touches)."""
    moved = True
    while moved:
        moved = False
        for box in boxes:
            if box.y0 < y < box.y1 + GAP:
                y, moved = box.y1 + GAP, True
    return y


def _gap_below(y: float, boxes: list[Box]) -> float:
    """Highest y <= `y` that cuts no box."""
    moved = True
    while moved:
        moved = False
        for box in boxes:
            if box.y0 - GAP < y < box.y1:
                y, moved = box.y0 - GAP, True
    return y


def side_margins(width: float) -> tuple[float, float]:
    """Where the left margin ends and the right one begins: only boxes outside these are margin candidates."""
    margin = MARGIN_SHARE * width
    return margin, width - margin


@dataclass(frozen=True)
class MarginCut:
    """The body's horizontal extent, and the margin items (line numbers, sideways legends) it leaves out."""

    left: float
    right: float
    items: list[Box]


def margin_cut(boxes: list[Box], width: float, text_of: Callable[[Box], str]) -> MarginCut | None:
    """The margin items among `boxes` and the edges they set, None when the page has none (the usual case).

    Only boxes lying wholly in a side margin (`side_margins`) are looked at, so a caller that reads
    boxes one engine call at a time may pass just those, and read the rest only when there is a cut.
    `text_of` is asked only for narrow left-margin boxes (it can be costly: one engine call each).
    """
    left, right = 0.0, width
    margin_left, margin_right = side_margins(width)
    margin: list[Box] = []
    small: list[Box] = []
    for box in boxes:
        if box.x1 <= margin_left:
            if box.vertical:
                left = max(left, box.x1 + GAP)
                margin.append(box)
            elif box.x1 - box.x0 <= NUMBER_MAX_WIDTH:
                small.append(box)
        elif box.x0 >= margin_right and box.vertical:
            right = min(right, box.x0 - GAP)
            margin.append(box)
    if (column := _line_number_column(small, text_of)) is not None:
        edge, numbers = column
        left = max(left, edge)
        margin.extend(numbers)
    return MarginCut(left, right, margin) if margin else None


def cut_regions(cut: MarginCut, boxes: list[Box], width: float, height: float) -> list[Region]:
    """Regions holding the page's text without `cut`'s margin items; `boxes` are all the page's boxes.

    The margin is cut away only over the height the margin items span: above and below it the
    full width is kept, because CM/ECF stamps and footers start left of the line numbers and must
    still be read whole (to be recognised and removed). Regions come top band, body, bottom band.
    A crop that would cut through body text is not made.
    """
    left, right = cut.left, cut.right
    low = _gap_below(min(box.y0 for box in cut.items), boxes)
    high = _gap_above(max(box.y1 for box in cut.items), boxes)
    band = [box for box in boxes if box.y1 > low and box.y0 < high]
    if any(box.x0 < left < box.x1 for box in band):
        left = 0.0
    if any(box.x0 < right < box.x1 for box in band):
        right = width
    if left == 0.0 and right == width:
        return [Region(0.0, 0.0, width, height)]
    regions = [Region(0.0, high, width, height)] if high < height else []
    regions.append(Region(left, low, right, high))
    if low > 0:
        regions.append(Region(0.0, 0.0, width, low))
    return regions


def body_regions(boxes: list[Box], width: float, height: float, text_of: Callable[[Box], str]) -> list[Region]:
    """Regions holding the page's text without its margin line numbers and sideways legends (`margin_cut`
    then `cut_regions`); the whole page when there is nothing to cut. Boxes must use y-up coordinates."""
    cut = margin_cut(boxes, width, text_of)
    return [Region(0.0, 0.0, width, height)] if cut is None else cut_regions(cut, boxes, width, height)
