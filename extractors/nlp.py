"""The docketflow spaCy pipeline: `spacy.blank("en")` (or a model the user installed) plus our components."""

from __future__ import annotations

from functools import cache

import spacy
from spacy.language import Language

import extractors  # noqa: F401  (registers the component factories)

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
"""Order matters: citation zones first (later components skip them), dates last (they use dockets)."""


@cache
def build_nlp(model: str | None = None) -> Language:
    """The pipeline, built once per process; `model` names an installed spaCy package to start from."""
    if model:
        nlp = spacy.load(model, exclude=["ner"]) if model != "blank" else spacy.blank("en")
    else:
        nlp = spacy.blank("en")
    nlp.max_length = 50_000_000
    for name in COMPONENTS:
        nlp.add_pipe(name)
    return nlp
