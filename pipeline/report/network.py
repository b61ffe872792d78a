"""Who shares data with whom: agency families as boxes, one arrow per provider family -> recipient family.

A family is a department with every agency under it (ICE and CBP under DHS, CMS under HHS), from the
gazetteer's `parent` column; an agency the gazetteer does not place is its own family. At a dozen agreements
a box per agency already crowds the picture, and "which department gives what to which" is the question.
Each box names its family and, on a second line, the members the agreements name.

Nothing is written along the arrows: the data categories, agreements and statuses of an arrow show when the
pointer is on it (and in the agreements table), so no text can pile on another or on a box.

Layered layout, computed here so the page needs no layout engine: families that only provide on the left,
those that only receive on the right, those that do both in between. Within a column families are ordered by
where their partners sit, which keeps arrows from crossing in the common many-to-one case.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html import escape
from typing import Any

from docketflow.pipeline.report.names import Names
from docketflow.pipeline.report.palette import STATUS_COLOURS, status_class
from docketflow.pipeline.report.svg import attrs, num, text_width

MAX_EDGES = 60
"""Beyond this many family pairs the picture stops being readable; the agreements table has the rest."""
WIDTH, ROW, MARGIN, FONT, SUB_FONT, PAD, MIN_GAP = 660, 60, 24, 13, 10, 22, 48
BOLD = 1.15
"""Bold capitals run wider than the average character `text_width` assumes."""


@dataclass
class Edge:
    """Every agreement from one provider family to one recipient family, merged."""

    provider: str
    recipient: str
    providers: list[str] = field(default_factory=list)
    """The member agencies the agreements name as providers (likewise `recipients`)."""
    recipients: list[str] = field(default_factory=list)
    categories: list[str] = field(default_factory=list)
    agreements: list[str] = field(default_factory=list)
    statuses: set[str] = field(default_factory=set)

    @property
    def status(self) -> str | None:
        """The status that matters most for a reviewer when the pair has several agreements."""
        return next((s for s in STATUS_COLOURS if s in self.statuses), None)

    @property
    def agencies(self) -> list[str]:
        """Families and members at both ends: what the agency filter is matched against."""
        return list(dict.fromkeys([self.provider, self.recipient, *self.providers, *self.recipients]))


def build_edges(agreements: list[dict[str, Any]], names: Names | None = None) -> list[Edge]:
    """One edge per (provider family, recipient family) pair, most agreements first."""
    names = names or Names.of([], agreements, None)
    edges: dict[tuple[str, str], Edge] = {}
    for agreement in agreements:
        for provider in agreement.get("providers") or []:
            for recipient in agreement.get("recipients") or []:
                pair = names.family(provider), names.family(recipient)
                edge = edges.setdefault(pair, Edge(*pair))
                edge.providers += [provider] * (provider not in edge.providers)
                edge.recipients += [recipient] * (recipient not in edge.recipients)
                edge.categories += [c for c in agreement.get("data_categories") or [] if c not in edge.categories]
                if agreement["id"] not in edge.agreements:
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


def _fit(text: str, size: float, width: float, bold: bool = False) -> str:
    """`text` cut with an ellipsis so that it fits in `width` at `size`."""
    factor = BOLD if bold else 1.0
    if text_width(text, size) * factor <= width:
        return text
    chars = max(1, int(width / (size * 0.6 * factor)) - 1)
    return text[:chars].rstrip(" ,") + "…"


@dataclass
class _Node:
    """A family's box: its centre, width, and the two lines written in it."""

    key: str
    members: list[str]
    label: str = ""
    sub: str = ""
    x: float = 0
    y: float = 0
    w: float = 0


@dataclass
class _Layout:
    columns: list[list[str]]
    nodes: dict[str, _Node]
    height: float

    @classmethod
    def of(cls, edges: list[Edge]) -> _Layout:
        columns = _columns(edges)
        members: dict[str, list[str]] = {}
        for e in edges:
            for family, agencies in ((e.provider, e.providers), (e.recipient, e.recipients)):
                known = members.setdefault(family, [])
                known += [a for a in agencies if a not in known]
        max_w = (WIDTH - 2 * MARGIN - (len(columns) - 1) * MIN_GAP) / len(columns)
        nodes: dict[str, _Node] = {}
        widths = []
        for column in columns:
            widest = 0.0
            for key in column:
                others = sorted(m for m in members[key] if m != key)
                node = _Node(key, members[key], _fit(key, FONT, max_w - PAD, bold=True),
                             _fit(", ".join(others), SUB_FONT, max_w - PAD))
                node.w = max(text_width(node.label, FONT) * BOLD, text_width(node.sub, SUB_FONT)) + PAD
                widest = max(widest, node.w)
                nodes[key] = node
            widths.append(widest)
        height = max(len(c) for c in columns) * ROW + 2 * MARGIN
        if len(columns) == 1:
            centres = [WIDTH / 2]
        else:
            first, last = MARGIN + widths[0] / 2, WIDTH - MARGIN - widths[-1] / 2
            centres = [first + i * (last - first) / (len(columns) - 1) for i in range(len(columns))]
        for centre, column in zip(centres, columns, strict=True):
            for i, key in enumerate(column):
                nodes[key].x = centre
                nodes[key].y = MARGIN + (i + 0.5) * (height - 2 * MARGIN) / len(column)
        return cls(columns, nodes, height)

    def curve(self, edge: Edge) -> str:
        """Path of an arrow. Arrows between families of the same column (or backwards) leave and enter on the
        right and bulge outwards, instead of running through the boxes; sharing within one family is a loop."""
        a, b = self.nodes[edge.provider], self.nodes[edge.recipient]
        sx = a.x + a.w / 2
        if edge.provider == edge.recipient:
            return (f"M{num(sx)},{num(a.y - 6)} C{num(sx + 36)},{num(a.y - 26)} {num(sx + 36)},{num(a.y + 26)} "
                    f"{num(sx + 6)},{num(a.y + 6)}")
        if b.x > a.x:
            tx = b.x - b.w / 2 - 6
            c1 = c2 = (sx + tx) / 2
        else:
            tx = b.x + b.w / 2 + 6
            c1 = c2 = max(sx, tx) + 30 + abs(b.y - a.y) / 4
        return f"M{num(sx)},{num(a.y)} C{num(c1)},{num(a.y)} {num(c2)},{num(b.y)} {num(tx)},{num(b.y)}"


def _family(key: str, members: list[str], names: Names) -> str:
    """A family as a tooltip line: "DHS (ICE, CBP)", each with its name when it has one."""
    def named(k: str) -> str:
        return f"{k}: {names.agency(k)}" if names.agency(k) != k else k
    others = [m for m in members if m != key]
    return named(key) + (f" — {'; '.join(named(m) for m in others)}" if others else "")


def _human(value: str) -> str:
    return value.replace("_", " ")


def _edge(edge: Edge, d: str, names: Names) -> str:
    n = len(edge.agreements)
    lines = [f"{edge.provider} → {edge.recipient}",
             f"From {_family(edge.provider, edge.providers, names)}",
             f"To {_family(edge.recipient, edge.recipients, names)}"]
    if edge.categories:
        lines.append("Data: " + ", ".join(_human(c) for c in edge.categories))
    lines.append(f"{n} agreement{'s' * (n != 1)}: " + ", ".join(_human(s) for s in sorted(edge.statuses)))
    data = attrs(class_=f"edge {status_class(edge.status)}", data_agencies=" ".join(edge.agencies),
                 data_cats=" ".join(edge.categories), data_tip="\n".join(lines), aria_label=lines[0])
    return (f'<g {data}><path class="hit" d="{d}"/><path class="line" d="{d}" '
            f'stroke-width="{1.5 + min(n, 6) * 0.5}" marker-end="url(#df-arrow)"/></g>')


def _node(node: _Node, side: str, names: Names, agreements: int) -> str:
    tip = "\n".join([_family(node.key, node.members, names),
                     f"{agreements} agreement{'s' * (agreements != 1)}", "Click to filter the tables"])
    data = attrs(class_=f"node {side}", data_agency=node.key, data_members=" ".join(node.members), tabindex=0,
                 role="button", data_tip=tip, aria_label=f"Filter the tables by {node.key}")
    height = 40 if node.sub else 28
    top = node.y - height / 2
    label_y = node.y + 4.5 - (6 if node.sub else 0)
    sub = (f'<text class="members" x="{num(node.x)}" y="{num(node.y + 13)}">{escape(node.sub)}</text>'
           if node.sub else "")
    return (f"<g {data}>"
            f'<rect x="{num(node.x - node.w / 2)}" y="{num(top)}" width="{num(node.w)}" height="{height}" rx="8"/>'
            f'<text class="family" x="{num(node.x)}" y="{num(label_y)}">{escape(node.label)}</text>{sub}</g>')


def render_network(agreements: list[dict[str, Any]], names: Names | None = None) -> str:
    """The network as an inline SVG element (or a short note when there is nothing to draw)."""
    names = names or Names.of([], agreements, None)
    edges = build_edges(agreements, names)
    if not edges:
        return '<p class="empty">No agreements in this output.</p>'
    shown = edges[:MAX_EDGES]
    layout = _Layout.of(shown)
    paths = "".join(_edge(e, layout.curve(e), names) for e in shown)
    recipients = set(layout.columns[-1]) if len(layout.columns) > 1 else set()
    count: dict[str, set[str]] = {}
    for e in shown:
        count.setdefault(e.provider, set()).update(e.agreements)
        count.setdefault(e.recipient, set()).update(e.agreements)
    nodes = "".join(_node(n, "recipient" if k in recipients else "provider", names, len(count[k]))
                    for k, n in layout.nodes.items())
    merged = any(n.members != [k] for k, n in layout.nodes.items())
    notes = [f"Showing the {MAX_EDGES} pairs with the most agreements of {len(edges)}." * (len(edges) > MAX_EDGES),
             "Agencies are grouped with their department; the second line of a box lists the members. " * merged
             + "Point at an arrow for its data categories and agreements."]
    return (f'<svg class="network" viewBox="0 0 {WIDTH} {num(layout.height)}" width="{WIDTH}" role="img" '
            f'aria-label="Data-sharing network of agency families">'
            '<defs><marker id="df-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="5.5" markerHeight="5.5" '
            'orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#5c6370"/></marker></defs>'
            f'<g class="edges">{paths}</g><g class="nodes">{nodes}</g></svg>'
            f'<p class="note">{" ".join(n for n in notes if n)}</p>')
