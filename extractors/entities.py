"""Turn the entity spans a pipeline left on a `Doc` into the `entities` list of `documents.jsonl`."""

from __future__ import annotations

from typing import Any

from docketflow.extractors.spans import context, entities, normalized
from spacy.tokens import Doc


def doc_entities(doc: Doc) -> list[dict[str, Any]]:
    """Every entity mention once, in text order, with its page."""
    ctx = context(doc)
    seen: set[tuple[int, int, str]] = set()
    out = []
    for span in entities(doc):
        ident = (span.start_char, span.end_char, span.label_)
        if ident in seen or not span.kb_id_:
            continue
        seen.add(ident)
        out.append(
            {
                "label": span.label_,
                "text": span.text,
                "start": span.start_char,
                "end": span.end_char,
                "page": ctx.page_of(span.start_char),
                "key": span.kb_id_,
                "normalized": normalized(span),
            }
        )
    return out
