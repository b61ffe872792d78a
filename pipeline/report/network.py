"""Who shares data with whom: agencies as boxes, one arrow per provider -> recipient pair, labelled with the
data categories that flow along it.

Layered layout, computed here so the page needs no layout engine: agencies that only provide on the left,
those that only receive on the right, those that do both in between. Within a column agencies are ordered
by where their partners sit, which keeps arrows from crossing in the common many-to-one case.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass, field
from html import escape
from typing import Any

from docketflow.pipeline.report.palette import STATUS_COLOURS, status_class
from docketflow.pipeline.report.svg import attrs, num, text_width, title

MAX_EDGES = 60
"""Beyond this many pairs the picture stops being readable; the agreements table has the rest."""
MAX_LABELLED = 16
"""Beyond this many arrows their labels only pile up: the categories move into each arrow's tooltip."""
WIDTH, ROW, MARGIN, FONT, LABEL_FONT, LABEL_LINES, LABEL_CHARS = 660, 60, 24, 13, 11, 4, 34


@dataclass
class Edge:
    """Every agreement from one provider to one recipient, merged."""

    provider: str
    recipient: str
    categories: list[str] = field(default_factory=list)
    agreements: list[str] = field(default_factory=list)
    statuses: set[str] = field(default_factory=set)

    @property
    def status(self) -> str | None:
        """The status that matters most for a reviewer when the pair has several agreements."""
        return next((s for s in STATUS_COLOURS if s in self.statuses), None)

    def label_lines(self, chars: int) -> list[str]:
        lines = textwrap.wrap(", ".join(self.categories), chars, break_on_hyphens=False)
        if not lines:
            return ["(categories not stated)"]
        if len(lines) > LABEL_LINES:
            lines = [*lines[: LABEL_LINES - 1], f"… {len(self.categories)} categories in all"]
        return lines


def build_edges(agreements: list[dict[str, Any]]) -> list[Edge]:
    """One edge per (provider, recipient) pair, most agreements first."""
    edges: dict[tuple[str, str], Edge] = {}
    for agreement in agreements:
        for provider in agreement.get("providers") or []:
            for recipient in agreement.get("recipients") or []:
                edge = edges.setdefault((provider, recipient), Edge(provider, recipient))
                edge.categories += [c for c in agreement.get("data_categories") or [] if c not in edge.categories]
                edge.agreements.append(agreement["id"])
                edge.statuses.add(agreement.get("status") or "none")
    return sorted(edges.values(), key=lambda e: (-len(e.agreements), e.provider, e.recipient))


def _columns(edges: list[Edge]) -> list[list[str]]:
    providers = {e.provider for e in edges}
    recipients = {e.recipient for e in edges}
    sets = [providers - recipients, providers & recipients, recipients - providers]
    columns = [sorted(c) for c in sets if c]
    neighbours: dict[str, list[str]] = {}
    for e in edges:
        neighbours.setdefault(e.provider, []).append(e.recipient)
        neighbours.setdefault(e.recipient, []).append(e.provider)
    columns[-1].sort(key=lambda n: (-len(neighbours[n]), n))
    placed = {n: i / len(columns[-1]) for i, n in enumerate(columns[-1])}
    for column in reversed(columns[:-1]):
        def barycentre(node: str) -> float:
            known = [placed[n] for n in neighbours[node] if n in placed]
            return sum(known) / len(known) if known else 1.0
        column.sort(key=lambda n: (barycentre(n), n))
        placed.update({n: i / len(column) for i, n in enumerate(column)})
    return columns


def _spread(ys: list[float], heights: list[float], gap: float = 6) -> list[float]:
    """Move labels down just enough that none overlaps the one above it."""
    order = sorted(range(len(ys)), key=lambda i: ys[i])
    out = list(ys)
    floor = float("-inf")
    for i in order:
        top = max(ys[i] - heights[i] / 2, floor)
        out[i] = top + heights[i] / 2
        floor = top + heights[i] + gap
    return out


@dataclass
class _Layout:
    """Node centres and box widths, and the chart height."""

    columns: list[list[str]]
    pos: dict[str, tuple[float, float, float]]
    height: float
    label_chars: int

    @classmethod
    def of(cls, edges: list[Edge]) -> _Layout:
        columns = _columns(edges)
        height = max(len(c) for c in columns) * ROW + 2 * MARGIN
        gap = (WIDTH - 140) / max(len(columns) - 1, 1)
        pos = {}
        for ci, column in enumerate(columns):
            for ni, node in enumerate(column):
                pos[node] = (70 + ci * gap, MARGIN + (ni + 0.5) * (height - 2 * MARGIN) / len(column),
                             text_width(node, FONT) + 22)
        return cls(columns, pos, height, min(LABEL_CHARS, int(gap * 0.7 / (LABEL_FONT * 0.6))))

    def curve(self, edge: Edge) -> tuple[str, float, float]:
        """Path of an arrow and the point halfway along it. Arrows between agencies of the same column (or
        backwards) leave and enter on the right and bulge outwards, instead of running through the boxes."""
        (x1, y1, w1), (x2, y2, w2) = self.pos[edge.provider], self.pos[edge.recipient]
        sx = x1 + w1 / 2
        if x2 > x1:
            tx = x2 - w2 / 2 - 6
            c1 = c2 = (sx + tx) / 2
        else:
            tx = x2 + w2 / 2 + 6
            c1 = c2 = max(sx, tx) + 30 + abs(y2 - y1) / 4
        d = f"M{num(sx)},{num(y1)} C{num(c1)},{num(y1)} {num(c2)},{num(y2)} {num(tx)},{num(y2)}"
        return d, (sx + 3 * c1 + 3 * c2 + tx) / 8, (y1 + y2) / 2


def _edge(edge: Edge, d: str) -> str:
    data = attrs(class_=f"edge {status_class(edge.status)}", data_agencies=f"{edge.provider} {edge.recipient}",
                 data_cats=" ".join(edge.categories))
    n = len(edge.agreements)
    tip = title(f"{edge.provider} → {edge.recipient}: {', '.join(edge.categories) or 'categories not stated'}"
                f" ({n} agreement{'s' * (n > 1)}: {', '.join(sorted(edge.statuses))})")
    return (f'<g {data}>{tip}<path d="{d}" stroke-width="{1.5 + min(n, 6) * 0.5}" '
            f'marker-end="url(#df-arrow)"/></g>')


def _labels(placed: list[tuple[Edge, float, float]], chars: int) -> tuple[str, float]:
    """Category labels at the middle of their arrows, spread apart per column gap; and how low they reach."""
    lines = [e.label_lines(chars) for e, _, _ in placed]
    heights = [len(ls) * (LABEL_FONT + 2) for ls in lines]
    ys = [y for _, _, y in placed]
    for band in {round(x / 40) for _, x, _ in placed}:
        members = [i for i, (_, x, _) in enumerate(placed) if round(x / 40) == band]
        for i, y in zip(members, _spread([ys[i] for i in members], [heights[i] for i in members]), strict=True):
            ys[i] = y
    svg = []
    for (edge, x, _), y, h, label in zip(placed, ys, heights, lines, strict=True):
        top = y - h / 2 + LABEL_FONT
        tspans = "".join(f'<tspan x="{num(x)}" y="{num(top + i * (LABEL_FONT + 2))}">{escape(line)}</tspan>'
                         for i, line in enumerate(label))
        svg.append(f'<text {attrs(class_="edge-label", data_agencies=f"{edge.provider} {edge.recipient}")}>'
                   f"{tspans}</text>")
    return "".join(svg), max((y + h / 2 for y, h in zip(ys, heights, strict=True)), default=0)


def _node(node: str, x: float, y: float, w: float, side: str) -> str:
    return (f'<g {attrs(class_=f"node {side}", data_agency=node, tabindex=0, role="button")}>'
            f"{title(f'Filter the tables by {node}')}"
            f'<rect x="{num(x - w / 2)}" y="{num(y - 14)}" width="{num(w)}" height="28" rx="8"/>'
            f'<text x="{num(x)}" y="{num(y + 4.5)}">{escape(node)}</text></g>')


def render_network(agreements: list[dict[str, Any]]) -> str:
    """The network as an inline SVG element (or a short note when there is nothing to draw)."""
    edges = build_edges(agreements)
    if not edges:
        return '<p class="empty">No agreements in this output.</p>'
    shown = edges[:MAX_EDGES]
    layout = _Layout.of(shown)
    curves = [layout.curve(e) for e in shown]
    paths = "".join(_edge(e, d) for e, (d, _, _) in zip(shown, curves, strict=True))
    labels, bottom = "", 0.0
    if len(shown) <= MAX_LABELLED:
        labels, bottom = _labels([(e, x, y) for e, (_, x, y) in zip(shown, curves, strict=True)], layout.label_chars)
    height = max(layout.height, bottom + MARGIN)
    recipients = set(layout.columns[-1]) if len(layout.columns) > 1 else set()
    nodes = "".join(_node(n, x, y, w, "recipient" if n in recipients else "provider")
                    for n, (x, y, w) in layout.pos.items())
    notes = [f"Showing the {MAX_EDGES} pairs with the most agreements of {len(edges)}." * (len(edges) > MAX_EDGES),
             "Hover an arrow for its data categories." * (len(shown) > MAX_LABELLED)]
    note = f'<p class="note">{" ".join(n for n in notes if n)}</p>' if any(notes) else ""
    return (f'<svg class="network" viewBox="0 0 {WIDTH} {num(height)}" width="{WIDTH}" role="img" '
            f'aria-label="Data-sharing network of agencies">'
            '<defs><marker id="df-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="5.5" markerHeight="5.5" '
            'orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#5c6370"/></marker></defs>'
            f'<g class="edges">{paths}</g><g class="labels">{labels}</g><g class="nodes">{nodes}</g></svg>{note}')
