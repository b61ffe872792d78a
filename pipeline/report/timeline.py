"""Holdings over time: one dot per holding at its decision date, one lane per court, coloured by effect.

Dots link to the holding's first evidence, so the chart is also a way into the documents. Holdings whose
court is not stated share one last lane, labelled so, rather than a lane named after a made-up court id.
Lanes are labelled with court ids (a court's full name, when the records give one, shows on hover): names
run to sixty characters and would leave no room for the dates.
"""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta
from html import escape
from typing import Any

from docketflow.pipeline.report.names import Names
from docketflow.pipeline.report.palette import EFFECT_COLOURS, effect_class
from docketflow.pipeline.report.payload import anchor
from docketflow.pipeline.report.svg import attrs, num, text_width, title

WIDTH, LANE, RIGHT, TOP, AXIS, MAX_LANES = 600, 30, 20, 10, 30, 20
LANE_FONT, TICK_FONT, TICK_GAP, MIN_LEFT, MAX_LEFT = 12, 11, 14, 60, 150
OTHER = "other courts"
NO_COURT = "court not stated"
MONTH_STEPS = (1, 2, 3, 6, 12, 24, 60, 120, 240, 600, 1200)
"""Tick spacings in months; from a year up, ticks fall on years divisible by the step in years."""
MONO = 1.0
"""Lane labels are in a monospaced font, whose characters are about as wide as `text_width` assumes."""


def _decided(holding: dict[str, Any]) -> date | None:
    try:
        return date.fromisoformat((holding.get("decided") or "")[:10])
    except ValueError:
        try:
            return date.fromisoformat((holding.get("decided") or "")[:7] + "-01")
        except ValueError:
            return None


def ticks(lo: date, hi: date, width: float) -> list[tuple[date, str]]:
    """Ticks (first days of months or years) within [lo, hi] on an axis `width` pixels long: the finest step
    whose labels ("Mar 2031" below a year, "2031" from a year up) keep at least TICK_GAP pixels apart."""
    px_per_day = width / max((hi - lo).days, 1)
    step = MONTH_STEPS[-1]
    for candidate in MONTH_STEPS:
        label = "2031" if candidate >= 12 else "Sep 2031"
        if candidate * 28 * px_per_day >= text_width(label, TICK_FONT) + TICK_GAP:  # February the shortest
            step = candidate
            break
    first = lo.year * 12 + lo.month - 1 + (lo.day > 1)
    last = hi.year * 12 + hi.month - 1
    out = []
    for m in range(first, last + 1):
        year, month = divmod(m, 12)
        if (step < 12 and m % step == 0) or (step >= 12 and month == 0 and year % (step // 12) == 0):
            day = date(year, month + 1, 1)
            out.append((day, day.strftime("%Y" if step >= 12 else "%b %Y")))
    return out


def _legend() -> str:
    items = "".join(f'<span><i class="swatch {effect_class(k)}"></i>{"not stated" if k == "none" else k}</span>'
                    for k in EFFECT_COLOURS)
    return f'<div class="legend">{items}</div>'


def _fit(label: str, width: float) -> str:
    if text_width(label, LANE_FONT) * MONO <= width:
        return label
    return label[: max(1, int(width / (LANE_FONT * 0.6)) - 1)] + "…"


def render_timeline(holdings: list[dict[str, Any]], names: Names | None = None) -> str:
    """The timeline as an inline SVG element plus its legend."""
    names = names or Names()
    dated = sorted(((d, h) for h in holdings if (d := _decided(h))), key=lambda p: (p[0], p[1]["id"]))
    undated = len(holdings) - len(dated)
    notes = [f"{undated} holding{'s' * (undated != 1)} without a decision date not shown." * bool(undated)]
    if not dated:
        empty = '<p class="empty">No dated holdings in this output.</p>'
        return empty + (f'<p class="note">{notes[0]}</p>' if undated else "")
    counts = Counter(h.get("court") for _, h in dated)
    courts = [c for c, _ in sorted(((c, n) for c, n in counts.items() if c), key=lambda p: (-p[1], p[0]))]
    lanes = courts[:MAX_LANES]
    if len(courts) > MAX_LANES:
        lanes.append(OTHER)
    if counts[None]:
        lanes.append(NO_COURT)
        n = counts[None]
        notes.append(f"{n} holding{'s' * (n != 1)} whose court is not stated {'are' if n != 1 else 'is'} "
                     f"in the last row, “{NO_COURT}”.")
    left = min(MAX_LEFT, max(MIN_LEFT, max(text_width(lane, LANE_FONT) * MONO for lane in lanes) + 16))
    lo, hi = dated[0][0], dated[-1][0]
    pad = max(timedelta(days=15), (hi - lo) / 20)
    lo, hi = lo - pad, hi + pad
    span = (hi - lo).days
    plot = WIDTH - left - RIGHT

    def x(day: date) -> float:
        return left + (day - lo).days / span * plot

    def lane_of(court: str | None) -> int:
        if not court:
            return len(lanes) - 1
        return lanes.index(court) if court in lanes else lanes.index(OTHER)

    height = TOP + len(lanes) * LANE + AXIS
    parts = []
    for i, lane in enumerate(lanes):
        y = TOP + i * LANE
        full = names.court(lane) if lane not in (OTHER, NO_COURT) else lane
        tip = title(f"{lane}: {full}" if full != lane else lane)
        cls = "lane-label" + " none" * (lane in (OTHER, NO_COURT))
        parts.append(f'<rect class="lane{" alt" * (i % 2)}" x="{num(left)}" y="{y}" width="{num(plot)}" '
                     f'height="{LANE}"/><g>{tip}<text class="{cls}" x="{num(left - 10)}" y="{y + LANE / 2 + 4}">'
                     f"{escape(_fit(lane, left - 16))}</text></g>")
    for tick, label in ticks(lo, hi, plot):
        tx = x(tick)
        half = text_width(label, TICK_FONT) / 2
        parts.append(f'<line class="tick" x1="{num(tx)}" x2="{num(tx)}" y1="{TOP}" y2="{height - AXIS + 5}"/>')
        if tx - half >= 0 and tx + half <= WIDTH:
            parts.append(f'<text class="tick-label" x="{num(tx)}" y="{height - AXIS + 19}">{label}</text>')
    stacked: Counter[tuple[int, int]] = Counter()
    for day, holding in dated:
        court = holding.get("court")
        lane = lane_of(court)
        cx = x(day)
        slot = stacked[(lane, round(cx / 6))]
        stacked[(lane, round(cx / 6))] += 1
        offset = (slot + 1) // 2 * (1 if slot % 2 else -1) * 5
        cy = TOP + lane * LANE + LANE / 2 + max(-10, min(10, offset))
        effect = holding.get("effect")
        court_label = (holding.get("court_name") or names.court(court)) if court else NO_COURT
        tip = " · ".join(str(v) for v in (day.isoformat(), court_label, holding.get("judge"), holding.get("case_name"),
                                           holding.get("motion"), holding.get("disposition"),
                                           f"effect: {effect or 'not stated'}") if v)
        data = attrs(class_=f"dot {effect_class(effect)}", data_agencies=" ".join(holding.get("agencies") or []),
                     data_court=court or "", data_effect=effect or "",
                     data_cats=" ".join((holding.get("data_permitted") or []) + (holding.get("data_barred") or [])))
        dot = f'{title(tip)}<circle cx="{num(cx)}" cy="{num(cy)}" r="6"/>'
        if holding.get("evidence"):
            parts.append(f'<a href="#{anchor(holding["id"], 0)}" {data}>{dot}</a>')
        else:
            parts.append(f"<g {data}>{dot}</g>")
    note = " ".join(n for n in notes if n)
    return (f'<svg class="timeline" viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" role="img" '
            'aria-label="Holdings by decision date">'
            f'{"".join(parts)}</svg>{_legend()}' + (f'<p class="note">{note}</p>' if note else ""))
