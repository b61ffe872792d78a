"""The compact data the page's script works from: one small entry per document, the records as table rows,
and, per document whose text is shown, the text with its entity and evidence offsets.

Offsets are converted to UTF-16 code units here, because the page slices text with JavaScript strings:
a single emoji or other astral character would otherwise shift every highlight after it.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Callable, Iterable
from typing import Any, NamedTuple

Record = dict[str, Any]
_ASTRAL = re.compile("[\U00010000-\U0010FFFF]")


class Mark(NamedTuple):
    """One evidence span of one record, in the document it quotes."""

    start: int
    end: int
    anchor: str
    record_id: str


def anchor(record_id: str, index: int) -> str:
    """The element id a table links to for the `index`-th evidence of a record."""
    return f"ev-{record_id}-{index}"


def case_anchor(case_id: str) -> str:
    """The element id of a case's entry in the cases section."""
    return f"case-{case_id}"


def decision_anchor(decision_id: str) -> str:
    """The element id of a decision in its case's timeline (agreements' history links to it)."""
    return f"decision-{decision_id}"


def agreement_anchor(agreement_id: str) -> str:
    """The element id of an agreement's row in the registry (cases link to it; the script pages to it)."""
    return f"agreement-{agreement_id}"


def evidence_marks(records: Iterable[Record]) -> dict[str, list[Mark]]:
    """Evidence spans by the doc_id they point into."""
    marks: dict[str, list[Mark]] = defaultdict(list)
    for record in records:
        for i, ev in enumerate(record.get("evidence") or []):
            marks[ev["doc_id"]].append(Mark(ev["start"], ev["end"], anchor(record["id"], i), record["id"]))
    return marks


def doc_entry(document: Record, show_text: bool) -> Record:
    """What the documents table, the issues list and the viewer's header need about one document."""
    source = document.get("source") or {}
    return {
        "id": document["doc_id"],
        "path": source.get("path"),
        "title": source.get("title"),
        "url": source.get("url"),
        "kind": document.get("kind"),
        "date": source.get("published") or source.get("filed"),
        "pages": source.get("pages"),
        "chars": document.get("text_chars"),
        "ents": len(document.get("entities") or []),
        "h": document.get("holdings") or [],
        "a": document.get("agreements") or [],
        "w": document.get("warnings") or [],
        "text": show_text,
    }


def record_row(record: Record, doc_index: dict[str, int]) -> Record:
    """A holding or agreement as a table row: its fields, with evidence reduced to (document, anchor, quote)."""
    row = {k: v for k, v in record.items() if k not in ("schema_version", "evidence")}
    row["ev"] = [[doc_index.get(ev["doc_id"], -1), anchor(record["id"], i), ev.get("text") or ""]
                 for i, ev in enumerate(record.get("evidence") or [])]
    return row


def agreement_rows(agreements: list[Record], holdings: list[Record], doc_index: dict[str, int]) -> list[Record]:
    """Agreement rows of the registry: each with the holdings that rule on it (its history first), so court
    and effect filters reach agreements too, and the documents it was read from (notices, orders, articles)."""
    rulings: dict[str, list[str]] = defaultdict(list)
    for holding in holdings:
        if holding.get("agreement"):
            rulings[holding["agreement"]].append(holding["id"])
    by_id = {h["id"]: h for h in holdings}
    rows = []
    for agreement in agreements:
        history = [e["holding"] for e in agreement.get("history") or []]
        ruling_ids = list(dict.fromkeys([*history, *rulings.get(agreement["id"], [])]))
        rows.append({**record_row(agreement, doc_index), "rulings": ruling_ids,
                     "hist": history_entries(agreement, [by_id[h] for h in ruling_ids if h in by_id]),
                     "sources": [doc_index.get(d, -1) for d in agreement.get("doc_ids") or []]})
    return rows


def history_entries(agreement: Record, rulings: list[Record]) -> list[Record]:
    """What the registry shows as an agreement's history: one entry per decision, never two. Its `history`
    first (oldest first, as the run writes it), then the rulings on it the history leaves out (holdings that
    state no effect), each decision once however many documents report it; an entry without a decision id
    stands for its holding alone."""
    seen: set[str] = set()
    entries = []
    candidates = [({k: e.get(k) for k in ("date", "court", "effect", "decision", "holding")}, True)
                  for e in agreement.get("history") or []]
    candidates += [({"date": h.get("decided"), "court": h.get("court"), "effect": h.get("effect"),
                     "decision": h.get("decision"), "holding": h["id"]}, False) for h in rulings]
    for entry, listed in candidates:
        keys = {f"holding:{entry['holding']}"} | ({f"decision:{entry['decision']}"} if entry["decision"] else set())
        if keys & seen:
            continue
        seen |= keys
        entries.append({**entry, "listed": listed})
    return entries


def case_rows(cases: list[Record], holdings: list[Record]) -> list[Record]:
    """What the script needs of each case: its facets for the filters, and each decision's label for the
    agreements' history to link to."""
    by_id = {h["id"]: h for h in holdings}
    rows = []
    for case in cases:
        decisions = case.get("decisions") or []
        reports = [by_id[h] for d in decisions for h in d.get("holdings") or [] if h in by_id]
        rows.append({
            "id": case["id"], "name": case.get("name"), "dockets": case.get("dockets") or [],
            "agencies": case.get("agencies") or [], "courts": case.get("courts") or [],
            "effects": [d.get("effect") for d in decisions],
            "cats": sorted({c for h in reports for key in ("data_permitted", "data_barred") for c in h.get(key) or []}),
            "judges": [d.get("judge") for d in decisions if d.get("judge")],
            "decisions": [{k: d.get(k) for k in ("id", "date", "court", "motion", "disposition", "effect")}
                          for d in decisions],
        })
    return rows


def issue_rows(errors: list[Record], documents: list[Record], doc_index: dict[str, int]) -> list[Record]:
    """Errors and warnings in one list: both are what a reviewer checks before trusting the rest."""
    rows = [{"type": "error", "path": e.get("path"), "stage": e.get("stage"), "error": e.get("error"),
             "message": e.get("message"), "doc": doc_index.get(e.get("sha256") or "", -1)} for e in errors]
    rows += [{"type": "warning", "path": d["path"], "stage": None, "error": None, "message": w,
              "doc": doc_index[d["id"]]} for d in documents for w in d["w"]]
    return rows


def _utf16(text: str) -> Callable[[int], int]:
    astral = [m.start() for m in _ASTRAL.finditer(text)]
    if not astral:
        return lambda i: min(i, len(text))
    return lambda i: min(i, len(text)) + bisect_left(astral, min(i, len(text)))


def text_payload(text: str, document: Record, marks: list[Mark]) -> Record:
    """A document's text with entity and evidence spans and its structural parts (caption, author line,
    decision...), in the offsets JavaScript uses."""
    pos = _utf16(text)
    entities = sorted(document.get("entities") or [], key=lambda e: (e["start"], -e["end"]))
    return {
        "text": text,
        "ents": [[pos(e["start"]), pos(e["end"]), e["label"], e.get("key")] for e in entities],
        "marks": [[pos(m.start), pos(m.end), m.anchor, m.record_id] for m in sorted(marks)],
        "parts": [[pos(p["start"]), pos(p["end"]), p["part"], p.get("author")]
                  for p in document.get("structure") or []],
    }
