"""The docketflow spaCy pipeline: `spacy.blank("en")` (or a model the user installed) plus our components."""

from __future__ import annotations

from functools import cache

import spacy
from docketflow.extractors import (  # noqa: F401  (imported for their @Language.factory registrations)
    agencies,
    cases,
    courts,
    data_categories,
    dates,
    dockets,
    judges,
    statutes,
)
from docketflow.extractors.cache_folder import default_folder
from docketflow.extractors.chunk_tokenizer import ChunkTokenizer, chunk_tokenizer
from docketflow.extractors.pattern_cache import save_patterns
from spacy.language import Language

COMPONENTS = (
    "docketflow_cases",
    "docketflow_dockets",
    "docketflow_courts",
    "docketflow_judges",
    "docketflow_agencies",
    "docketflow_statutes",
    "docketflow_data_categories",
    "docketflow_dates",
)
"""Order matters: citation zones first (later components skip them), courts before judges, dates last (they use
dockets). Each component declares what it `requires`, and `build_nlp` refuses an order spaCy's
`analyze_pipes` finds a problem with."""


@cache
def build_nlp(model: str | None = None) -> Language:
    """The pipeline, built once per process; `model` names an installed spaCy package to start from."""
    if model:
        nlp = spacy.load(model, exclude=["ner"]) if model != "blank" else spacy.blank("en")
    else:
        nlp = spacy.blank("en")
    nlp.max_length = 50_000_000
    nlp.tokenizer = chunk_tokenizer(nlp.tokenizer, nlp.vocab)
    if isinstance(nlp.tokenizer, ChunkTokenizer):
        nlp.tokenizer.keep_on_disk(default_folder())
    for name in COMPONENTS:
        nlp.add_pipe(name)
    check_order(nlp)
    return nlp


def save_learned(nlp: Language, *, wait: bool = True) -> None:
    """Keep what this process learned for the next one: compiled patterns and the tokenizer's chunks (at most
    every few seconds unless `wait` is false, as a worker does once more before it exits)."""
    save_patterns(wait=wait)
    if isinstance(nlp.tokenizer, ChunkTokenizer):
        nlp.tokenizer.save_learned(wait=wait)


def check_order(nlp: Language) -> None:
    """Raise when a component runs before one whose output it requires (spaCy's own pipeline analysis)."""
    problems = {name: attrs for name, attrs in nlp.analyze_pipes()["problems"].items() if attrs}
    if problems:
        detail = "; ".join(f"{name} needs {', '.join(attrs)} set earlier" for name, attrs in problems.items())
        raise ValueError(f"docketflow components are out of order: {detail}")
