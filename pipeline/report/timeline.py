"""Holdings over time: one dot per holding at its decision date, one lane per court, coloured by effect.

Dots link to the holding's first evidence, so the chart is also a way into the documents.
"""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta
from html import escape
from typing import Any

from docketflow.pipeline.report.palette import EFFECT_COLOURS, effect_class
from docketflow.pipeline.report.payload import anchor
from docketflow.pipeline.report.svg import attrs, num, title

WIDTH, LANE, LEFT, RIGHT, TOP, AXIS, MAX_LANES, MAX_TICKS = 600, 30, 80, 20, 10, 30, 20, 7
OTHER = "other courts"


def _decided(holding: dict[str, Any]) -> date | None:
    try:
        return date.fromisoformat((holding.get("decided") or "")[:10])
    except ValueError:
        return None


def _month_ticks(lo: date, hi: date) -> list[date]:
    """First days of months within [lo, hi], every 1, 2, 3, 6, 12... months so that at most MAX_TICKS remain."""
    first = lo.year * 12 + lo.month - 1 + (lo.day > 1)
    last = hi.year * 12 + hi.month - 1
    step = next((s for s in (1, 2, 3, 6, 12, 24, 60) if (last - first + 1) / s <= MAX_TICKS), 120)
    return [date(m // 12, m % 12 + 1, 1) for m in range(first, last + 1) if m % step == 0]


def _legend() -> str:
    items = "".join(f'<span><i class="swatch {effect_class(k)}"></i>{"not stated" if k == "none" else k}</span>'
                    for k in EFFECT_COLOURS)
    return f'<div class="legend">{items}</div>'


def render_timeline(holdings: list[dict[str, Any]]) -> str:
    """The timeline as an inline SVG element plus its legend."""
    dated = sorted(((d, h) for h in holdings if (d := _decided(h))), key=lambda p: (p[0], p[1]["id"]))
    undated = len(holdings) - len(dated)
    note = f'<p class="note">{undated} holding{"s" * (undated != 1)} without a decision date not shown.</p>' \
        if undated else ""
    if not dated:
        return f'<p class="empty">No dated holdings in this output.</p>{note}'
    counts = Counter(h.get("court") or "unknown" for _, h in dated)
    lanes = [c for c, _ in sorted(counts.items(), key=lambda p: (-p[1], p[0]))[:MAX_LANES]]
    if len(counts) > MAX_LANES:
        lanes.append(OTHER)
    lo, hi = dated[0][0], dated[-1][0]
    pad = max(timedelta(days=15), (hi - lo) / 20)
    lo, hi = lo - pad, hi + pad
    span = (hi - lo).days

    def x(day: date) -> float:
        return LEFT + (day - lo).days / span * (WIDTH - LEFT - RIGHT)

    height = TOP + len(lanes) * LANE + AXIS
    parts = []
    for i, lane in enumerate(lanes):
        y = TOP + i * LANE
        parts.append(f'<rect class="lane{" alt" * (i % 2)}" x="{LEFT}" y="{y}" width="{WIDTH - LEFT - RIGHT}" '
                     f'height="{LANE}"/><text class="lane-label" x="{LEFT - 10}" y="{y + LANE / 2 + 4}">'
                     f"{escape(lane)}</text>")
    for tick in _month_ticks(lo, hi):
        tx = num(x(tick))
        parts.append(f'<line class="tick" x1="{tx}" x2="{tx}" y1="{TOP}" y2="{height - AXIS + 5}"/>'
                     f'<text class="tick-label" x="{tx}" y="{height - AXIS + 19}">{tick.strftime("%b %Y")}</text>')
    stacked: Counter[tuple[int, int]] = Counter()
    for day, holding in dated:
        court = holding.get("court") or "unknown"
        lane = lanes.index(court) if court in lanes else len(lanes) - 1
        cx = x(day)
        slot = stacked[(lane, round(cx / 6))]
        stacked[(lane, round(cx / 6))] += 1
        offset = (slot + 1) // 2 * (1 if slot % 2 else -1) * 5
        cy = TOP + lane * LANE + LANE / 2 + max(-10, min(10, offset))
        effect = holding.get("effect")
        tip = " · ".join(str(v) for v in (day.isoformat(), court, holding.get("judge"), holding.get("case_name"),
                                           holding.get("motion"), holding.get("disposition"),
                                           f"effect: {effect or 'not stated'}") if v)
        data = attrs(class_=f"dot {effect_class(effect)}", data_agencies=" ".join(holding.get("agencies") or []),
                     data_court=court, data_effect=effect or "",
                     data_cats=" ".join((holding.get("data_permitted") or []) + (holding.get("data_barred") or [])))
        dot = f'{title(tip)}<circle cx="{num(cx)}" cy="{num(cy)}" r="6"/>'
        if holding.get("evidence"):
            parts.append(f'<a href="#{anchor(holding["id"], 0)}" {data}>{dot}</a>')
        else:
            parts.append(f"<g {data}>{dot}</g>")
    return (f'<svg class="timeline" viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" role="img" '
            'aria-label="Holdings by decision date">'
            f'{"".join(parts)}</svg>{_legend()}{note}')
